"""Rich output for `meow anonymize`: the progress bar and the closing tables (shown, never written)."""

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from meow.anonymize.pipeline import AnonymizeReport
from meow.anonymize.pipeline import Progress as ProgressFn


class _RateColumn(ProgressColumn):  # type: ignore[misc]
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed and task.completed and task.elapsed:
            speed = task.completed / task.elapsed  # few updates (a small export): the plain average
        return Text(f"{speed:,.0f} msg/s" if speed else "… msg/s", style="progress.data.speed")


@contextmanager
def progress_bar(console: Console) -> Iterator[ProgressFn]:
    """A bar over messages with messages/s and ETA, shown from the first report on (so an early error
    is one line, not a line under an empty bar); yields the callback the pipeline reports to."""
    columns = (
        TextColumn("[bold]Anonymising"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("messages"),
        _RateColumn(),
        TimeRemainingColumn(),
    )
    bar = Progress(*columns, console=console, transient=False)
    task = bar.add_task("messages", total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if not started:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if started:
            bar.stop()


def render_report(report: AnonymizeReport, console: Console) -> None:
    if report.preview:
        preview = Table(title="Preview (anonymised; nothing written)", show_lines=False)
        preview.add_column("speaker")
        preview.add_column("message")
        for speaker, text in report.preview:
            preview.add_row(escape(speaker), escape(text))
        console.print(preview)
    # Real names only on a terminal: a redirected report (a log file, a CI log) must not hold them.
    real = console.is_terminal
    people = Table(
        title="Speakers (real names are shown here only, never written)"
        if real
        else "Speakers (real names hidden: the output is not a terminal)"
    )
    for col in ("real name", "pseudonym", "corpus folder", "messages")[0 if real else 1 :]:
        people.add_column(col, justify="right" if col == "messages" else "left")
    for row in report.speakers:
        owner = " (owner)" if report.owner and row.real == report.owner.real else ""
        folder = f"{row.slug}/" if row.slug else "[dim]too few messages[/dim]"
        cells = [escape(row.pseudonym) + owner, folder, f"{row.messages:,}"]
        people.add_row(*([escape(row.real)] if real else []), *cells)
    console.print(people)
    found = Table(title="Replacements")
    found.add_column("entity")
    found.add_column("count", justify="right")
    for entity, count in report.replacements.items():
        found.add_row(entity, f"{count:,}")
    console.print(found)
    if report.dry_run:
        console.print(f"{report.threads} threads, {report.messages:,} messages: nothing written (--dry-run).")
    else:
        rate = report.messages / report.seconds if report.seconds else 0.0
        console.print(
            f"{report.threads} threads, {report.messages:,} messages, {report.sessions:,} sessions in "
            f"{report.seconds:.1f} s ({rate:,.0f} msg/s), spaCy {escape(report.spacy_model)}: corpus in "
            f"{escape(str(report.out))}, self-check clean."
        )
    if report.skipped and real:
        for path in report.skipped:
            console.print(f"[yellow]Skipped unreadable file:[/yellow] {escape(path)}")
    elif report.skipped:  # export folder names carry real names: not into a redirected log either
        console.print(
            f"[yellow]Skipped {len(report.skipped)} unreadable file(s)[/yellow]: names hidden (the output "
            "is not a terminal); meow inspect lists them."
        )
