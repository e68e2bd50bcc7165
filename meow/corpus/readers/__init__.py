"""One small module per export format, each a function from a file's bytes to a parsed page.

`meow.corpus.read` joins the pages of a conversation into one `Thread`.
"""

from dataclasses import dataclass, field

from meow.corpus.model import Message

BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class ParsedPage:
    """What one file holds: part (or all) of one conversation."""

    format: str  # messenger-json, messenger-e2ee, messenger-html
    title: str = ""
    participants: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
