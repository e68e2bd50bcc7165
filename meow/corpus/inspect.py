"""`meow inspect`: what an export holds, read in full but written nowhere.

This shows real names on the user's own terminal (it is their export); nothing goes to disk.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from meow.corpus.model import Kind, Thread
from meow.corpus.read import Skipped, open_exports
from meow.errors import InputError

SHOWN_PARTICIPANTS = 25


@dataclass
class Inspection:
    paths: list[str]
    formats: Counter[str] = field(default_factory=Counter)  # threads per source format
    threads: int = 0
    group_threads: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    messages_by_sender: Counter[str] = field(default_factory=Counter)
    typed_by_sender: Counter[str] = field(default_factory=Counter)
    threads_by_person: Counter[str] = field(default_factory=Counter)
    first_ms: int | None = None
    last_ms: int | None = None
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def messages(self) -> int:
        return sum(self.kinds.values())

    @property
    def owner(self) -> str | None:
        """The export's owner: the one person present in every conversation (None if unclear)."""
        everywhere = [p for p, n in self.threads_by_person.items() if n == self.threads]
        return everywhere[0] if len(everywhere) == 1 else None

    def add(self, thread: Thread) -> None:
        self.threads += 1
        self.formats[thread.source] += 1
        people = set(thread.participants) | set(thread.senders)
        self.group_threads += len(people) > 2
        self.threads_by_person.update(people)
        for m in thread.messages:
            self.kinds[m.kind] += 1
            self.messages_by_sender[m.sender] += 1
            self.typed_by_sender[m.sender] += m.is_typed
        first, last = thread.messages[0].timestamp_ms, thread.messages[-1].timestamp_ms
        self.first_ms = first if self.first_ms is None else min(self.first_ms, first)
        self.last_ms = last if self.last_ms is None else max(self.last_ms, last)


def inspect_exports(paths: Sequence[Path], console: Console) -> Inspection:
    """Read every conversation in `paths`, with a progress bar on `console`, and count what is there."""
    ins = Inspection(paths=[str(p) for p in paths])

    def skipped(s: Skipped) -> None:
        ins.skipped.append(s)
        console.print(
            f"[yellow]Warning:[/yellow] skipped {escape(s.path)}: {escape(s.reason)}", highlight=False
        )

    with open_exports(paths) as exports:
        columns = (
            TextColumn("Reading conversations"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("", total=len(exports.refs))
            for thread in exports.threads(skipped):
                ins.add(thread)
                progress.update(task, advance=1, description=f"{ins.messages:,} messages")
    return ins


def render_inspection(ins: Inspection, console: Console) -> None:
    """Print the summary tables; InputError when not one conversation could be read."""
    if ins.threads:
        console.print(_summary(ins))
        console.print(_kinds(ins))
        console.print(_participants(ins))
    if ins.skipped:
        console.print(_skipped(ins))
    if not ins.threads:
        raise InputError(f"No conversation in {', '.join(ins.paths)} could be read: every file was skipped")


def _summary(ins: Inspection) -> Table:
    table = Table(title="Export", show_header=False, title_justify="left")
    table.add_row("Read from", escape(", ".join(ins.paths)))
    table.add_row(
        "Formats", ", ".join(f"{name} ({_plural(n, 'thread')})" for name, n in ins.formats.most_common())
    )
    table.add_row("Threads", f"{ins.threads} ({_plural(ins.group_threads, 'group chat')})")
    table.add_row("Messages", f"{ins.messages:,}")
    if ins.first_ms is not None and ins.last_ms is not None:
        table.add_row("Dates", f"{_date(ins.first_ms)} to {_date(ins.last_ms)} (UTC)")
    table.add_row("Owner", escape(ins.owner or "unclear (no one is in every thread)"))
    table.add_row("Skipped files", str(len(ins.skipped)))
    return table


def _kinds(ins: Inspection) -> Table:
    table = Table(title="Messages by kind", title_justify="left")
    table.add_column("kind")
    table.add_column("messages", justify="right")
    for kind in Kind:
        table.add_row(kind.value, f"{ins.kinds.get(kind, 0):,}")
    return table


def _participants(ins: Inspection) -> Table:
    table = Table(title="Participants", title_justify="left")
    for name, justify in (("name", "left"), ("threads", "right"), ("messages", "right"), ("typed", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    people = sorted(ins.threads_by_person, key=lambda p: (-ins.messages_by_sender[p], p))
    for person in people[:SHOWN_PARTICIPANTS]:
        n, typed = ins.messages_by_sender[person], ins.typed_by_sender[person]
        table.add_row(
            escape(person or "(no name)"), str(ins.threads_by_person[person]), f"{n:,}", f"{typed:,}"
        )
    if len(people) > SHOWN_PARTICIPANTS:
        table.caption = f"... and {len(people) - SHOWN_PARTICIPANTS} more"
    return table


def _skipped(ins: Inspection) -> Table:
    table = Table(title="Skipped files", title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("why")
    for s in ins.skipped:
        table.add_row(escape(s.path), escape(s.reason))
    return table


def _date(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
