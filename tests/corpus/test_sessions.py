"""Sessions: cut at silences longer than --session-gap (in total seconds), one turn per run of one sender."""

from datetime import timedelta

import pytest

from meow.corpus.model import Kind, Message, Thread
from meow.corpus.sessions import parse_duration, split_sessions
from meow.errors import InputError

MIN = 60_000


def thread(*messages: Message) -> Thread:
    return Thread(id="t", title="t", participants=["A", "B"], messages=list(messages))


def test_a_gap_of_a_day_and_a_minute_splits_even_though_its_seconds_field_is_small() -> None:
    # timedelta(days=1, minutes=1).seconds == 60: only total_seconds() sees the day.
    t = thread(Message("A", "hi", 0), Message("B", "hey", (24 * 60 + 1) * MIN))
    assert len(split_sessions(t, timedelta(hours=1))) == 2


def test_gap_exactly_at_the_limit_keeps_the_session() -> None:
    t = thread(Message("A", "hi", 0), Message("B", "hey", 60 * MIN), Message("A", "late", 121 * MIN + 1))
    sessions = split_sessions(t, timedelta(hours=1))
    assert [[turn.text for turn in s.turns] for s in sessions] == [["hi", "hey"], ["late"]]


def test_consecutive_messages_of_one_sender_merge_into_one_turn() -> None:
    t = thread(
        Message("A", "are we still on", 0),
        Message("A", "for tonight?", MIN),
        Message("B", "yes!!", 2 * MIN),
        Message("B", "7 at the usual place", 3 * MIN),
        Message("A", "great", 4 * MIN),
    )
    (session,) = split_sessions(t)
    assert [(turn.speaker, turn.text) for turn in session.turns] == [
        ("A", "are we still on\nfor tonight?"),
        ("B", "yes!!\n7 at the usual place"),
        ("A", "great"),
    ]
    assert session.turns[1].timestamp_ms == 2 * MIN


def test_untyped_messages_never_become_turns_nor_split_a_turn() -> None:
    t = thread(
        Message("A", "look", 0),
        Message("A", "", MIN, Kind.MEDIA),
        Message("B", "Reacted 😂 to your message", 2 * MIN, Kind.SYSTEM),
        Message("A", "", 3 * MIN, Kind.UNSENT),
        Message("A", "so good", 4 * MIN),
    )
    (session,) = split_sessions(t)
    assert [(turn.speaker, turn.text) for turn in session.turns] == [("A", "look\nso good")]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h", 3600), ("30m", 1800), ("90s", 90), ("1h30m", 5400), ("2d", 172800), ("45", 2700)],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["", "soon", "1x", "0s", "-1h"])
def test_parse_duration_refuses_what_is_not_a_duration(text: str) -> None:
    with pytest.raises(InputError, match="1h"):
        parse_duration(text)
