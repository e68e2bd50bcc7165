"""The audit report for people: a table of findings (spans masked unless --reveal), then a summary."""

import math
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from meow.anonymize.audit import AuditReport, Progress, report_json
from meow.fileio import dump_json, write_bytes_atomic

MAX_ROWS = 200  # a table longer than this helps nobody: the rest is in --json


@contextmanager
def progress_bar(console: Console) -> Iterator[Progress]:
    """A rich progress bar (samples, rate, ETA) fed by the audit's progress callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    bar = RichProgress(*columns, console=console, transient=True)
    task = bar.add_task("auditing samples", total=None)

    def tick(advance: int, total: int) -> None:
        if not bar.live.is_started:  # from the first sample on: an early error stays one line
            bar.start()
        bar.update(task, advance=advance, total=total)

    try:
        yield tick
    finally:
        if bar.live.is_started:
            bar.stop()


def write_report(report: AuditReport, path: Path, reveal: bool) -> None:
    """The JSON report to `path` (atomically; mode 0600 when spans are revealed) or to stdout for "-"."""
    data = dump_json(report_json(report, reveal))
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_bytes_atomic(path, data, mode=0o600 if reveal else 0o644)


def render_audit(report: AuditReport, console: Console, reveal: bool = False) -> None:
    for note in report.notes:
        console.print(f"[yellow]Note:[/yellow] {escape(note)}", highlight=False)
    if report.results:
        console.print(_findings_table(report, reveal))
    if report.canaries is not None:
        console.print(_canary_table(report))
    if report.samples:
        console.print(_summary_table(report))


def _findings_table(report: AuditReport, reveal: bool) -> Table:
    table = Table(title="Findings" + ("" if reveal else " (spans masked; --reveal shows them)"))
    for column in ("sample", "kind", "span", "detector", "score", "source"):
        table.add_column(column, justify="right" if column in ("sample", "score") else "left")
    rows = [(r.index, f) for r in report.results for f in r.findings]
    for index, f in rows[:MAX_ROWS]:
        score = f"{f.score:.0f} tokens" if f.detector == "memorization" else f"{f.score:.2f}"
        span = f.text if reveal else f.masked
        table.add_row(str(index), f.kind, escape(span), f.detector, score, escape(f.source or ""))
    if len(rows) > MAX_ROWS:
        table.caption = f"{len(rows) - MAX_ROWS} more findings not shown: use --json for all of them"
    return table


def _summary_table(report: AuditReport) -> Table:
    findings = report.findings
    table = Table(title="Audit summary", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("samples", str(report.samples))
    table.add_row("samples with findings", str(len(report.results)))
    for kind, n in sorted(Counter(f.kind for f in findings).items()):
        table.add_row(f"  {kind}", str(n))
    checks = report.checks
    ran = [name for name in ("vault", "memorization") if checks.get(name)]
    ran.append(f"presidio ({checks.get('presidio', 'patterns')})")
    table.add_row("checks run", ", ".join(ran))
    if checks.get("memorization"):
        table.add_row("memorisation threshold", f"{checks.get('min_overlap')} tokens")
    verdict = "[green]clean[/green]" if report.clean else f"[red]{len(findings)} findings[/red]"
    table.add_row("result", verdict)
    return table


def _canary_table(report: AuditReport) -> Table:
    table = Table(
        title="Canary exposure (Carlini et al. 2019): higher = more memorised",
        caption="exposure: extrapolated from a normal fit of the candidates' log-perplexities; from rank: "
        "log2(candidates + 1) - log2(rank), measured (at most the log2 of the candidates); max: log2 of all "
        "possible secrets. Controls were never trained on: planted canaries far above them = memorisation.",
    )
    for column in ("canary", "planted", "exposure", "from rank", "rank", "candidates", "max"):
        table.add_column(column, justify="left" if column == "canary" else "right")
    for c in report.canaries or []:
        table.add_row(
            c.id,
            "yes" if c.planted else "no (control)",
            f"{c.exposure:.1f}",
            f"{c.exposure_rank:.1f}",
            str(c.rank),
            str(c.candidates),
            f"{math.log2(c.space):.1f}",
        )
    return table
