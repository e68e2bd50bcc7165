"""System lines, calls and unsent placeholders are told apart from what people typed."""

import pytest

from meow.corpus.kinds import classify_line
from meow.corpus.model import Kind

CASES = [
    ("Robert Smith", "Robert named the group Saturday Crew 🍕.", Kind.SYSTEM),
    ("Robert Smith", "Robert Smith added Mark Oyelaran to the group.", Kind.SYSTEM),
    ("Mark Oyelaran", "Mark Oyelaran left the group.", Kind.SYSTEM),
    ("Jamie Lindqvist", "You changed the group photo.", Kind.SYSTEM),
    ("Zoë Müller", "Reacted 😂 to your message", Kind.SYSTEM),
    ("Will Harper", "Will sent an attachment.", Kind.SYSTEM),
    ("Will Harper", "Will sent a link.", Kind.SYSTEM),
    ("May Chen", "May set the nickname for Jamie to Jam.", Kind.SYSTEM),
    ("Anne-Marie Dubois", "The video call ended.", Kind.CALL),
    ("Anne-Marie Dubois", "Anne-Marie started a video call.", Kind.CALL),
    ("Robert Smith", "Robert missed your call.", Kind.CALL),
    ("Jamie Lindqvist", "You unsent a message", Kind.UNSENT),
    ("Jamie Lindqvist", "Liked a message", Kind.SYSTEM),
    # typed by people, even though they use the same words
    ("Robert Smith", "lol he left the group.", None),
    ("Robert Smith", "Robert's on it", None),
    ("Will Harper", "i will be there around 7", None),
    ("May Chen", "may be tomorrow instead?", None),
    ("Mark Oyelaran", "mark my words, it will rain", None),
    ("Zoë Müller", "did you see the video call ended abruptly lol", None),
]


@pytest.mark.parametrize(("sender", "text", "kind"), CASES)
def test_classify_line(sender: str, text: str, kind: Kind | None) -> None:
    assert classify_line(sender, text) == kind
