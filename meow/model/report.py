"""What the model commands print: the training summary table and the guard's notes and warnings."""

import os
from pathlib import Path

from rich.console import Console
from rich.table import Table

from meow.home import models_dir
from meow.model.generate import Guard
from meow.model.train import TrainResult


def render_train_result(result: TrainResult, console: Console) -> None:
    if os.environ.get("RANK", "0") != "0":  # multi-GPU: one summary, from the main process
        return
    m = result.metrics
    table = Table(title=f"meow train: {result.path.name}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    best = m.get("best") or {}
    rows = [
        ("sessions (train / val)", f"{m['sessions']['train']:,} / {m['sessions']['val']:,}"),
        ("examples (train / val)", f"{m['examples']['train']:,} / {m['examples']['val']:,}"),
        ("training tokens (labelled)", f"{m['tokens']['train']:,} ({m['tokens']['train_labelled']:,})"),
        ("optimizer steps", f"{m['steps']:,}" + (" (stopped early)" if m.get("stopped_early") else "")),
        ("best validation loss", f"{best['eval_loss']:.3f} (epoch {best['epoch']:g})" if best else "n/a"),
        ("best validation perplexity", f"{best['eval_perplexity']:.2f}" if best else "n/a"),
        ("tokens/s (training)", f"{m['train_tokens_per_s']:,.0f} on {m['device']}"),
    ]
    for row in rows:
        table.add_row(*row)
    console.print(table)
    name = result.path.name if result.path.parent == models_dir() else str(result.path)
    console.print(f"Model saved in {result.path}. Try: meow chat {name}")


def guard_for(model_dir: Path, enabled: bool, console: Console) -> Guard | None:
    """The output guard (with a spinner while it loads), or None and a warning with --no-guard."""
    if not enabled:
        console.print(
            "[yellow]Warning:[/yellow] --no-guard: output is NOT checked for personal data or memorised "
            "text; run `meow audit` on it before sharing anything."
        )
        return None
    from meow.anonymize.guard import make_guard

    with console.status("loading the output guard (personal data and memorisation checks)"):
        guard = make_guard(model_dir)
    for note in getattr(guard, "notes", []):
        console.print(f"[dim]guard: {note}[/dim]")
    return guard
