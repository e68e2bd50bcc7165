"""Messenger end-to-end-encrypted export: one JSON file per conversation, camelCase keys.

{"participants": ["Name", ...], "threadName": "...", "messages": [{"senderName", "text", "timestamp",
"type": text|link|media|placeholder, "isUnsent", "media": [{"uri"}], "reactions": [{"actor", "reaction"}]}]}.
The strings are usually clean UTF-8; they are repaired anyway, which is safe on clean text.
"""

from typing import Any

from meow.corpus.kinds import classify_line
from meow.corpus.model import Kind, Message, Reaction
from meow.corpus.readers import ParsedPage
from meow.corpus.source import Unreadable
from meow.corpus.text import repair_mojibake as fix


def parse_e2ee(doc: dict[str, Any]) -> ParsedPage:
    """A conversation from a decoded E2EE JSON document."""
    raw = doc.get("messages")
    if not isinstance(raw, list):
        raise Unreadable("has no list of messages")
    participants = [fix(p) for p in doc.get("participants") or () if isinstance(p, str)]
    messages = [m for m in map(_message, raw) if m is not None]
    return ParsedPage("messenger-e2ee", fix(doc.get("threadName") or ""), participants, messages)


def _message(d: Any) -> Message | None:
    if not isinstance(d, dict) or not isinstance(d.get("timestamp"), int):
        return None
    sender = fix(d.get("senderName") or "")
    text = fix(d.get("text") or "")
    kind = _kind(d, sender, text)
    if kind in (Kind.UNSENT, Kind.MEDIA):
        text = ""
    reactions = tuple(
        Reaction(fix(r.get("actor") or ""), fix(r.get("reaction") or ""))
        for r in d.get("reactions") or ()
        if isinstance(r, dict)
    )
    return Message(sender, text, d["timestamp"], kind, reactions)


def _kind(d: dict[str, Any], sender: str, text: str) -> Kind:
    if d.get("isUnsent"):
        return Kind.UNSENT
    if not text.strip():
        if d.get("type") == "link":
            return Kind.SHARE
        return Kind.MEDIA if d.get("media") or d.get("type") == "media" else Kind.SYSTEM
    line_kind = classify_line(sender, text)
    if line_kind is not None:
        return line_kind
    if d.get("type") == "placeholder":
        return Kind.SYSTEM
    return Kind.SHARE if d.get("type") == "link" else Kind.TEXT
