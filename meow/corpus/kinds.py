"""Which messages are system lines, calls or unsent placeholders, from the words the exporter wrote.

Messenger writes these as ordinary text in the exporter's UI language ("Robert named the group Crew.",
"The video call ended.", "Reacted 😂 to your message"). The patterns are anchored on the sender's own name
(or "You"), so a person typing "lol he left the group." is still a typed message.
"""

import re
from functools import lru_cache

from meow.corpus.model import Kind

# Lines that name no one.
_ANONYMOUS = [
    (Kind.CALL, r"The (?:video )?(?:call|chat) ended\.?"),
    (Kind.CALL, r"You missed a (?:video )?(?:call|chat) from .+"),
    (Kind.SYSTEM, r"Reacted .{1,12} to your message ?"),
    (Kind.SYSTEM, r"Liked a message"),  # Instagram
    (Kind.SYSTEM, r"You are now connected on Messenger\.?"),
    (Kind.SYSTEM, r"You can now (?:message and call|call|message) each other.*"),
    (Kind.SYSTEM, r"Messages and calls are (?:now )?secured with end-to-end encryption.*"),
    (Kind.SYSTEM, r"This poll is no longer available\.?"),
    (Kind.UNSENT, r"This message was unsent\.?"),
]

# Lines that start with the actor: "<who> <what>".
_BY_SENDER = [
    (Kind.UNSENT, r"unsent a message\.?"),
    (Kind.CALL, r"(?:started|joined) (?:a |the )?(?:video |audio )?(?:call|chat)\.?"),
    (Kind.CALL, r"missed (?:your|a) (?:video )?(?:call|chat).*"),
    (Kind.CALL, r"started sharing video\.?"),
    (Kind.SYSTEM, r"named the group.*"),
    (Kind.SYSTEM, r"removed the group name\.?"),
    (Kind.SYSTEM, r"changed the group (?:photo|name|image).*"),
    (Kind.SYSTEM, r"(?:added|removed) .+ (?:to|from) the group\.?"),
    (Kind.SYSTEM, r"(?:left|joined) the (?:group|chat|conversation)\.?"),
    (Kind.SYSTEM, r"created the group\.?"),
    (Kind.SYSTEM, r"set (?:the|his|her|their|your) (?:own )?nickname.*"),
    (Kind.SYSTEM, r"cleared (?:the|his|her|their|your) (?:own )?nickname.*"),
    (Kind.SYSTEM, r"changed the (?:chat )?theme.*"),
    (Kind.SYSTEM, r"set the (?:quick reaction|emoji|theme) to.*"),
    (Kind.SYSTEM, r"(?:changed|set) the (?:chat|group) (?:color|colour|emoji).*"),
    (
        Kind.SYSTEM,
        r"sent an? (?:attachment|link|photo|video|GIF|gif|sticker|voice message|audio clip|file)\.?",
    ),
    (Kind.SYSTEM, r"(?:pinned|unpinned) a message\.?"),
    (Kind.SYSTEM, r"(?:created|voted for|changed (?:his|her|their|your) vote).* (?:poll|in the poll).*"),
    (Kind.SYSTEM, r"(?:started|updated|deleted) (?:a|the) plan.*"),
    (Kind.SYSTEM, r"reacted .{1,12} to (?:your|a|the) message ?"),
    (Kind.SYSTEM, r"waved at .+"),
]


@lru_cache(maxsize=4096)
def _patterns(sender: str) -> tuple[re.Pattern[str], tuple[Kind, ...]]:
    """One regex per sender: every "<who> <what>" line, then every line that names no one."""
    names = {"You", sender, sender.split(" ")[0]} - {""}
    who = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    kinds = tuple(kind for kind, _ in _BY_SENDER + _ANONYMOUS)
    by_sender = "|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(_BY_SENDER))
    anonymous = "|".join(f"(?P<g{i + len(_BY_SENDER)}>{p})" for i, (_, p) in enumerate(_ANONYMOUS))
    return re.compile(f"(?:{who}) (?:{by_sender})|{anonymous}", re.IGNORECASE), kinds


def classify_line(sender: str, text: str) -> Kind | None:
    """The kind of a line the exporter wrote for a non-typed event, or None when a person typed it."""
    if not text or len(text) > 300:
        return None
    pattern, kinds = _patterns(sender)
    match = pattern.fullmatch(text)
    if match is None:
        return None
    return kinds[int(match.lastgroup[1:])] if match.lastgroup else Kind.SYSTEM
