"""Messenger and Instagram legacy JSON: `message_N.json` pages, every string mojibake-encoded.

A page: {"participants": [{"name"}], "messages": [{"sender_name", "timestamp_ms", "content", "type",
"photos"|"videos"|"gifs"|"audio_files"|"files"|"sticker", "share", "call_duration", "is_unsent",
"reactions": [{"reaction", "actor"}]}], "title", ...}, newest message first.
"""

from typing import Any

from meow.corpus.kinds import classify_line
from meow.corpus.model import Kind, Message, Reaction
from meow.corpus.readers import ParsedPage
from meow.corpus.source import Unreadable
from meow.corpus.text import repair_mojibake as fix

MEDIA_KEYS = frozenset(
    (
        "photos",
        "videos",
        "gifs",
        "audio_files",
        "files",
        "sticker",
        "audio",
        "animated_image_attachments",
    )
)
SYSTEM_TYPES = {"Subscribe", "Unsubscribe"}


def parse_legacy(doc: dict[str, Any]) -> ParsedPage:
    """A page from a decoded legacy JSON document (the caller has parsed the bytes)."""
    raw = doc.get("messages")
    if not isinstance(raw, list):
        raise Unreadable("has no list of messages")
    participants = [
        fix(p["name"]) for p in doc.get("participants") or () if isinstance(p, dict) and "name" in p
    ]
    names: dict[
        str, str
    ] = {}  # a page repeats a handful of sender names thousands of times: repair each once
    messages = [m for m in (_message(d, names) for d in raw) if m is not None]
    return ParsedPage("messenger-json", fix(doc.get("title") or ""), participants, messages)


def _message(d: Any, names: dict[str, str]) -> Message | None:
    if not isinstance(d, dict):
        return None
    ts = d.get("timestamp_ms")
    if not isinstance(ts, int):
        return None
    raw_sender = d.get("sender_name") or ""
    sender = names.get(raw_sender)
    if sender is None:
        sender = names[raw_sender] = fix(raw_sender)
    content = d.get("content")
    text = fix(content) if isinstance(content, str) else ""
    kind = _kind(d, sender, text)
    if kind is Kind.SHARE:
        text = _share_caption(d, sender, text)
    elif kind is Kind.UNSENT:
        text = ""
    reactions = d.get("reactions")
    if reactions:
        found = tuple(_reaction(r) for r in reactions if isinstance(r, dict))
        return Message(sender, text, ts, kind, found)
    return Message(sender, text, ts, kind)


def _kind(d: dict[str, Any], sender: str, text: str) -> Kind:
    if d.get("is_unsent"):
        return Kind.UNSENT
    if d.get("type") == "Call" or "call_duration" in d:
        return Kind.CALL
    if d.get("type") in SYSTEM_TYPES:
        return Kind.SYSTEM
    if "share" in d or d.get("type") == "Share":
        return Kind.SHARE
    line_kind = classify_line(sender, text) if text else None
    if not MEDIA_KEYS.isdisjoint(d):
        return Kind.TEXT if text and line_kind is None else Kind.MEDIA  # a typed caption is typed text
    if not text:
        return Kind.SYSTEM  # a placeholder with nothing typed in it
    return line_kind or Kind.TEXT


def _share_caption(d: dict[str, Any], sender: str, text: str) -> str:
    """What the person typed with a shared link: not the link itself nor "X sent a link." """
    share = d.get("share")
    link = fix(share.get("link") or "") if isinstance(share, dict) else ""
    if not text or text == link or classify_line(sender, text) is not None:
        return ""
    return text


def _reaction(r: dict[str, Any]) -> Reaction:
    return Reaction(actor=fix(r.get("actor") or ""), reaction=fix(r.get("reaction") or ""))
