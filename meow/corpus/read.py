"""Read one or more exports into `Thread`s, one conversation at a time (memory ~ one thread).

    for thread in read_exports([Path("facebook-export.zip")], on_skip=print):
        ...

Each conversation's pages are read by the reader for its format, joined, de-duplicated (a page boundary
or a second export may repeat messages) and sorted by time. A file that cannot be read is skipped and
reported through `on_skip`; the rest of the export still goes through.
"""

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

import orjson

from meow.corpus.discover import LOOKED_FOR, ThreadRef, discover
from meow.corpus.model import Message, Thread
from meow.corpus.readers import BOM, ParsedPage
from meow.corpus.readers.messenger_e2ee import parse_e2ee
from meow.corpus.readers.messenger_html import parse_html
from meow.corpus.readers.messenger_json import parse_legacy
from meow.corpus.source import FolderSource, Skipped, Unreadable, open_sources
from meow.errors import InputError

__all__ = ["Exports", "Skipped", "open_exports", "read_exports", "read_thread"]

OnSkip = Callable[[Skipped], None]
log = logging.getLogger("meow.corpus")


class NotAConversation(Exception):
    """A JSON file next to the conversations that is something else (settings, metadata): ignored."""


def read_exports(paths: Sequence[Path], on_skip: OnSkip | None = None) -> Iterator[Thread]:
    """Every conversation in `paths`, streamed. InputError (at once) for a missing path, a bad zip,
    a zip member escaping the export, or a path with no recognisable export in it."""
    exports = open_exports(paths)
    return exports.threads(on_skip)


def open_exports(paths: Sequence[Path]) -> "Exports":
    """Open the exports and find their conversations, without reading any yet."""
    stack = ExitStack()
    try:
        sources = open_sources([Path(p) for p in paths], stack)
        refs = discover(sources)
    except BaseException:
        stack.close()
        raise
    if not refs:
        stack.close()
        where = ", ".join(str(p) for p in paths)
        zips = [
            m
            for s in sources
            if isinstance(s, FolderSource)
            for m in s.members()
            if m.suffix.lower() == ".zip"
        ]
        if zips:
            raise InputError(
                f"No export found in {where}, but it holds {len(zips)} .zip file(s): give those to meow"
            )
        raise InputError(f"No Messenger or Instagram export found in {where}: looked for {LOOKED_FOR}")
    return Exports(refs, stack)


class Exports:
    """The conversations found in a set of exports; `threads()` reads them one by one."""

    def __init__(self, refs: list[ThreadRef], stack: ExitStack) -> None:
        self.refs, self._stack = refs, stack

    def threads(self, on_skip: OnSkip | None = None) -> Iterator[Thread]:
        report = on_skip or _log_skip
        with self:
            for ref in self.refs:
                thread = read_thread(ref, report)
                if thread is not None:
                    yield thread

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> "Exports":
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


def read_thread(ref: ThreadRef, on_skip: OnSkip) -> Thread | None:
    """One conversation from its pages; None (after reporting) when nothing in it could be read."""
    pages: list[ParsedPage] = []
    for page in ref.pages:
        try:
            pages.append(parse_file(page.source.read(page.member), page.member, ref.format))
        except Unreadable as e:
            on_skip(Skipped(page.display(), str(e)))
        except NotAConversation:
            continue
        except (TypeError, AttributeError, KeyError, ValueError) as e:  # valid JSON of an unexpected shape
            on_skip(Skipped(page.display(), f"has an unexpected structure ({type(e).__name__})"))
    if not pages:
        return None
    messages = _join(pages)
    if not messages:
        on_skip(Skipped(ref.pages[0].display(), "the conversation has no messages"))
        return None
    title = next((p.title for p in pages if p.title), "")
    participants = list(dict.fromkeys(name for p in pages for name in p.participants))
    source = "instagram-json" if ref.format == "instagram-json" else pages[0].format
    return Thread(id=ref.key, title=title, participants=participants, messages=messages, source=source)


def parse_file(data: bytes, member: PurePosixPath, expected: str) -> ParsedPage:
    """Dispatch one file's bytes to the reader for its format."""
    data = data.removeprefix(BOM)
    if member.suffix.lower() in (".html", ".htm"):
        return parse_html(data)
    try:
        doc: Any = orjson.loads(data)
    except orjson.JSONDecodeError:
        raise Unreadable("is not valid JSON (truncated or damaged)") from None
    looks_like_thread = isinstance(doc, dict) and ("messages" in doc or "participants" in doc)
    if not looks_like_thread:
        if expected == "messenger-e2ee":
            raise NotAConversation
        raise Unreadable("is not a Messenger conversation (no list of messages in it)")
    if "threadName" in doc or _first_message_has(doc, "senderName"):
        return parse_e2ee(doc)
    return parse_legacy(doc)


def _first_message_has(doc: dict[str, Any], key: str) -> bool:
    messages = doc.get("messages")
    return (
        isinstance(messages, list) and bool(messages) and isinstance(messages[0], dict) and key in messages[0]
    )


def _join(pages: list[ParsedPage]) -> list[Message]:
    """Messages of all pages, in time order, without the repeats that page boundaries and exports add."""
    newest_first = pages[0].format != "messenger-e2ee"
    if len(pages) == 1:
        messages = pages[0].messages[::-1] if newest_first else list(pages[0].messages)
    else:
        messages, seen = [], set()
        for page in pages:
            keys = set()
            for m in page.messages[::-1] if newest_first else page.messages:
                key = (m.timestamp_ms, m.sender, m.text, m.kind)
                if key not in seen:
                    keys.add(key)
                    messages.append(m)
            seen |= keys
    messages.sort(key=_time)
    return messages


def _time(m: Message) -> int:
    return m.timestamp_ms


def _log_skip(skipped: Skipped) -> None:
    log.warning("skipped %s: %s", skipped.path, skipped.reason)
