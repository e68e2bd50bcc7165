"""Cut a thread into conversation sessions and merge consecutive messages of one sender into turns."""

import re
from collections.abc import Iterable, Iterator
from datetime import timedelta

from meow.corpus.model import Message, Session, Thread, Turn
from meow.errors import InputError

DEFAULT_GAP = timedelta(hours=1)
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|min|s)?", re.IGNORECASE)
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "min": 60, "s": 1}


def parse_duration(text: str) -> timedelta:
    """ "1h", "30m", "90s", "1h30m", "2d" -> a timedelta (a bare number is minutes). For --session-gap."""
    s = text.strip().replace(" ", "")
    parts = list(_DURATION.finditer(s)) if s else []
    if (
        not parts
        or "".join(m.group(0) for m in parts) != s
        or (len(parts) > 1 and not all(m.group(2) for m in parts))
    ):
        raise InputError(f"{text!r} is not a duration: write it like 1h, 30m, 90s or 1h30m")
    seconds = sum(float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "m").lower()] for m in parts)
    if seconds <= 0:
        raise InputError(f"{text!r} is not a duration longer than zero: write it like 1h, 30m or 90s")
    return timedelta(seconds=seconds)


def split_sessions(thread: Thread, gap: timedelta = DEFAULT_GAP) -> list[Session]:
    """Sessions of typed messages; a new one starts after a silence longer than `gap`.

    Media-only, unsent, call and system messages carry no typed text: they never become turns, and
    they do not keep a session alive either.
    """
    gap_ms = gap.total_seconds() * 1000
    sessions: list[Session] = []
    for run in _runs(thread.messages, gap_ms):
        turns = tuple(_merge_turns(run))
        if turns:
            sessions.append(Session(thread_id=thread.id, index=len(sessions), turns=turns))
    return sessions


def _runs(messages: Iterable[Message], gap_ms: float) -> Iterator[list[Message]]:
    run: list[Message] = []
    for message in messages:
        if not message.is_typed:
            continue
        if run and message.timestamp_ms - run[-1].timestamp_ms > gap_ms:
            yield run
            run = []
        run.append(message)
    if run:
        yield run


def _merge_turns(run: list[Message]) -> Iterator[Turn]:
    start = 0
    for i in range(1, len(run) + 1):
        if i == len(run) or run[i].sender != run[start].sender:
            texts = [m.text.strip() for m in run[start:i]]
            yield Turn(speaker=run[start].sender, text="\n".join(texts), timestamp_ms=run[start].timestamp_ms)
            start = i
