"""The data model every stage shares: messages, threads and sessions."""

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a message is. Only TEXT (and the typed caption of a SHARE) carries text a person typed."""

    TEXT = "text"
    MEDIA = "media"  # photo, video, audio, gif, file, sticker
    SHARE = "share"  # a link or shared post; `text` holds what the person typed with it, if anything
    CALL = "call"
    SYSTEM = "system"  # "X named the group", "The video call ended.", "Reacted 😂 to your message", joins
    UNSENT = "unsent"


TYPED_KINDS = frozenset({Kind.TEXT, Kind.SHARE})


@dataclass(frozen=True, slots=True)
class Reaction:
    actor: str
    reaction: str


@dataclass(frozen=True, slots=True)
class Message:
    sender: str
    text: str
    timestamp_ms: int  # UTC, milliseconds since the epoch
    kind: Kind = Kind.TEXT
    reactions: tuple[Reaction, ...] = ()

    @property
    def is_typed(self) -> bool:
        """True when the message holds text a person typed (the only text that may become training text)."""
        return self.kind in TYPED_KINDS and bool(self.text.strip())


@dataclass(slots=True)
class Thread:
    id: str  # the export's own id (folder or file name): may carry a real name, never written to a corpus
    title: str
    participants: list[str]
    messages: list[Message] = field(default_factory=list)  # sorted by time
    source: str = ""  # the format that produced it: messenger-json, messenger-e2ee, messenger-html, ...

    @property
    def senders(self) -> list[str]:
        """Everyone who wrote in the thread, in order of first message (may include people who left)."""
        return list(dict.fromkeys(m.sender for m in self.messages))


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: str
    text: str  # consecutive typed messages of one speaker, newline-joined
    timestamp_ms: int  # of the turn's first message


@dataclass(frozen=True, slots=True)
class Session:
    thread_id: str
    index: int  # position of the session in its thread
    turns: tuple[Turn, ...]

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(t.speaker for t in self.turns))
