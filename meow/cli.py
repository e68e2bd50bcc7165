"""The `meow` command line: flags -> config -> one core call -> rich output. No logic lives here.

Heavy libraries (torch, transformers, spaCy, Presidio) are imported inside the commands that need them,
so `meow --help` stays instant.
"""

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer._click.core import Context
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from meow.errors import MeowError

console = Console()
err_console = Console(stderr=True)


def print_error(error: MeowError) -> None:
    """One red line on stderr: the message says what to do (it never holds message text)."""
    err_console.print(f"[bold red]Error:[/bold red] {escape(str(error))}", highlight=False, soft_wrap=True)


def internal_error(error: Exception) -> MeowError:
    """What a user sees of a bug: its type and where, never its message (that can hold message text)."""
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f"{os.sep}meow{os.sep}" in f.filename] or frames
    where = f" at {Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""
    return MeowError(
        f"meow failed with {type(error).__name__}{where}; its details are hidden because they can hold "
        "your messages. Run again with MEOW_DEBUG=1 to see them, and report the bug without the data."
    )


class _MeowGroup(TyperGroup):
    """Turns a MeowError into one red line on stderr and exit code 1 (tests see the same as users); any
    other exception too, without its message or traceback (they can hold message text).

    Set MEOW_DEBUG=1 to get the traceback instead.
    """

    def invoke(self, ctx: "Context") -> Any:
        try:
            return super().invoke(ctx)
        except (ClickException, typer.Exit, typer.Abort):
            raise
        except Exception as e:
            if os.environ.get("MEOW_DEBUG"):
                raise
            print_error(e if isinstance(e, MeowError) else internal_error(e))
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_MeowGroup,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    # Local variables can hold message text: never print them in a traceback.
    pretty_exceptions_show_locals=False,
)


@app.callback()
def _root() -> None:
    """Turn your own chat exports into a language model that talks like a friend, privately.

    [bold]meow inspect[/bold] export.zip -> [bold]meow anonymize[/bold] export.zip --out corpus/ ->
    [bold]meow train[/bold] corpus/bob -> [bold]meow chat[/bold] bob / [bold]meow generate[/bold] bob ->
    [bold]meow audit[/bold] samples.txt
    """


ExportPaths = Annotated[
    list[Path],
    typer.Argument(help="Messenger/Instagram export(s): the downloaded .zip file(s) or unpacked folder(s)."),
]


@app.command()
def inspect(exports: ExportPaths) -> None:
    """Show what an export holds: formats, threads, messages by kind, participants, dates, skipped files.

    Example: [bold]meow inspect ~/Downloads/facebook-export.zip[/bold]
    """
    from meow.corpus.inspect import inspect_exports, render_inspection

    render_inspection(inspect_exports(exports, console=err_console), console)


@app.command()
def anonymize(
    exports: ExportPaths,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Corpus folder to write (shareable, no real data).")
    ],
    min_messages: Annotated[
        int, typer.Option(min=1, help="Typed messages a speaker needs to get a corpus folder.")
    ] = 200,
    session_gap: Annotated[str, typer.Option(help="Silence that starts a new session: 1h, 30m, 90s.")] = "1h",
    spacy_model: Annotated[
        str | None, typer.Option(help="spaCy model (package or folder); default: the best installed.")
    ] = None,
    val_fraction: Annotated[float, typer.Option(help="Share of each speaker's sessions held out.")] = 0.1,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Preview a sample; write nothing.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace meow's files in a non-empty --out.")
    ] = False,
) -> None:
    """Replace real names and personal data with consistent pseudonyms and write a training corpus.

    The vault (real -> pseudonym) and its key stay in your meow home ($MEOW_HOME, default ~/.meow).

    Example: [bold]meow anonymize ~/Downloads/facebook-export.zip --out corpus/[/bold]
    """
    from meow.anonymize.pipeline import AnonymizeConfig
    from meow.anonymize.pipeline import anonymize as run_anonymize
    from meow.anonymize.render import progress_bar, render_report
    from meow.corpus.sessions import parse_duration

    cfg = AnonymizeConfig(
        exports=tuple(exports),
        out=out,
        min_messages=min_messages,
        session_gap=parse_duration(session_gap),
        spacy_model=spacy_model,
        val_fraction=val_fraction,
        force=force,
        dry_run=dry_run,
    )
    with progress_bar(err_console) as progress:
        report = run_anonymize(cfg, progress)
    render_report(report, console)


@app.command()
def doctor() -> None:
    """Check this machine for everything meow needs, and say what is missing.

    Example: [bold]meow doctor[/bold]
    """
    from rich.table import Table

    from meow.doctor import run_checks

    checks = run_checks()
    table = Table(title="meow doctor")
    for column in ("check", "", "detail"):
        table.add_column(column)
    for check in checks:
        mark = "[green]ok[/green]" if check.ok else "[red]missing[/red]"
        table.add_row(check.name, mark, escape(check.detail))
    console.print(table)
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command()
def audit(
    file: Annotated[
        Path | None, typer.Argument(help="Samples split on ========== lines, or one per line; - is stdin.")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="The training corpus (corpus/bob) for the memorisation check.")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="A trained model (name or folder): its corpus, and its canaries.")
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the report as JSON here (- for stdout).")
    ] = None,
    min_overlap: Annotated[
        int, typer.Option(min=2, help="Memorisation: flag runs of at least this many copied tokens.")
    ] = 8,
    reveal: Annotated[bool, typer.Option(help="Show spans in full (they may be real personal data).")] = (
        False
    ),
    canaries: Annotated[bool, typer.Option(help="Measure the exposure of the model's canaries.")] = False,
    ner: Annotated[bool, typer.Option(help="Find names and places with spaCy (else patterns only).")] = True,
    spacy_model: Annotated[str | None, typer.Option(help="spaCy model package or folder.")] = None,
    candidates: Annotated[
        int, typer.Option(min=10, help="Canary exposure: random candidate secrets to rank each canary among.")
    ] = 2000,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --json file.")] = False,
) -> None:
    """Find leaked personal data and memorised training text in generated samples.

    Exit code 0: clean; 1: findings; 2: bad input or usage.

    Example: [bold]meow generate bob -n 50 > samples.txt && meow audit samples.txt --model bob[/bold]
    """
    from meow.anonymize.audit import AuditConfig, run_audit
    from meow.anonymize.audit_render import progress_bar, render_audit, write_report

    cfg = AuditConfig(file, corpus, model, min_overlap, reveal, canaries, ner, spacy_model, candidates)
    try:
        if json_path is not None and str(json_path) != "-" and json_path.exists() and not force:
            raise MeowError(f"{json_path} exists: pass --force to overwrite it, or choose another path.")
        with progress_bar(err_console) as tick:
            report = run_audit(cfg, progress=tick)
    except MeowError as e:  # exit 1 means "findings" here, so bad input exits 2
        print_error(e)
        raise typer.Exit(2) from None
    render_audit(report, err_console if str(json_path) == "-" else console, reveal)
    if json_path is not None:
        try:
            write_report(report, json_path, reveal)
        except MeowError as e:
            print_error(e)
            raise typer.Exit(2) from None
    raise typer.Exit(0 if report.clean else 1)


@app.command()
def train(
    corpus: Annotated[Path, typer.Argument(help="One speaker's folder of a meow corpus, e.g. corpus/bob.")],
    base: Annotated[
        str, typer.Option(help="Base model: hub id, local folder, or 'tiny' (small GPT-2 built offline).")
    ] = "gpt2",
    out: Annotated[
        Path | None, typer.Option(help="Model folder \\[default: $MEOW_HOME/models/<slug>].")
    ] = None,
    epochs: Annotated[float, typer.Option(min=0.01, help="Passes over the training sessions.")] = 3.0,
    batch_size: Annotated[int, typer.Option(min=1, help="Examples per step and device.")] = 8,
    grad_accum: Annotated[int, typer.Option(min=1, help="Gradient accumulation steps.")] = 1,
    lr: Annotated[
        float | None, typer.Option(help="Learning rate \\[default: 5e-5, LoRA 2e-4, tiny 3e-3].")
    ] = None,
    max_length: Annotated[
        int | None, typer.Option(min=16, help="Tokens per example \\[default: 512, tiny 128].")
    ] = None,
    patience: Annotated[int, typer.Option(min=1, help="Epochs without improvement before stopping.")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 42,
    lora: Annotated[bool, typer.Option(help="Train a small LoRA adapter (peft) instead of all weights.")] = (
        False
    ),
    lora_r: Annotated[int, typer.Option(min=1, help="LoRA rank.")] = 8,
    max_speakers: Annotated[
        int, typer.Option(min=0, help="Other speakers with their own token; the rest share one.")
    ] = 32,
    pack: Annotated[bool, typer.Option(help="Pack examples into full rows (faster on GPUs).")] = True,
    compile_model: Annotated[bool, typer.Option("--compile", help="torch.compile the model (GPUs).")] = False,
    canaries: Annotated[
        int, typer.Option(min=0, help="Plant K canaries to measure memorisation (meow audit --canaries).")
    ] = 0,
    max_steps: Annotated[int, typer.Option(help="Stop after this many steps (-1: all epochs).")] = -1,
    resume: Annotated[bool, typer.Option(help="Continue the interrupted run in the model folder.")] = False,
    force: Annotated[bool, typer.Option(help="Replace an existing model folder.")] = False,
) -> None:
    """Fine-tune a language model so it writes like one speaker of an anonymised corpus.

    Multi-GPU: [bold]accelerate launch -m meow train corpus/bob[/bold] (or torchrun), no other change.

    Example: [bold]meow train corpus/bob --epochs 3[/bold]  (offline: [bold]--base tiny[/bold])
    """
    from meow.model.report import render_train_result
    from meow.model.train import TrainConfig
    from meow.model.train import train as run_training

    cfg = TrainConfig(
        corpus=corpus, base=base, out=out, epochs=epochs, batch_size=batch_size, grad_accum=grad_accum,
        learning_rate=lr, max_length=max_length, patience=patience, seed=seed, lora=lora, lora_r=lora_r,
        max_speakers=max_speakers, pack=pack, compile=compile_model, canaries=canaries,
        max_steps=max_steps, resume=resume, force=force,
    )  # fmt: skip
    render_train_result(run_training(cfg, console=err_console), err_console)


ModelName = Annotated[
    str, typer.Argument(help="A trained model: its name (see $MEOW_HOME/models) or folder.")
]
Temperature = Annotated[float, typer.Option(min=0.0, help="Sampling temperature (0: greedy).")]
TopP = Annotated[float, typer.Option(min=0.01, max=1.0, help="Nucleus sampling: keep this probability mass.")]
MaxNewTokens = Annotated[int, typer.Option(min=1, help="Longest reply, in tokens.")]
Seed = Annotated[int | None, typer.Option(help="Random seed, for repeatable samples.")]
Guard = Annotated[bool, typer.Option(help="Redact personal data and memorised text from the output.")]


@app.command()
def generate(
    name: ModelName,
    prompt: Annotated[str, typer.Option(help="How the message starts; each sample continues it.")] = "",
    n: Annotated[int, typer.Option("-n", min=1, help="How many samples.")] = 5,
    temperature: Temperature = 0.9,
    top_p: TopP = 0.95,
    max_new_tokens: MaxNewTokens = 64,
    seed: Seed = None,
    guard: Guard = True,
) -> None:
    """Print samples of what the speaker might write, separated by ========== lines.

    Example: [bold]meow generate bob --prompt "I love to eat" -n 5 > samples.txt[/bold]
    """
    from meow.model.generate import GenerateConfig, Sampling, format_samples, generate_samples
    from meow.model.load import load_trained
    from meow.model.report import guard_for

    trained = load_trained(name)
    checker = guard_for(trained.path, guard, err_console)
    cfg = GenerateConfig(prompt, n, Sampling(temperature, top_p, max_new_tokens, seed))
    samples = generate_samples(trained, cfg, checker)
    redactions = sum(count for _, count in samples)
    if redactions:
        err_console.print(f"[yellow]guard:[/yellow] redacted {redactions} finding(s) in the samples")
    typer.echo(format_samples([text for text, _ in samples]), nl=False)


@app.command()
def chat(
    name: ModelName,
    as_speaker: Annotated[
        str | None, typer.Option("--as", help="Who you speak as \\[default: the export owner's pseudonym].")
    ] = None,
    prompt: Annotated[
        str | None, typer.Option(help="One-shot: print the reply to this message, exit.")
    ] = None,
    temperature: Temperature = 0.8,
    top_p: TopP = 0.95,
    max_new_tokens: MaxNewTokens = 64,
    seed: Seed = None,
    guard: Guard = True,
) -> None:
    """Chat with a trained model in the terminal (/reset starts over, /quit leaves).

    Example: [bold]meow chat bob[/bold]   or   [bold]meow chat bob --prompt "are we still on tonight?"[/bold]
    """
    from meow.model.chat import answer, chat_loop, user_speaker
    from meow.model.generate import Sampling
    from meow.model.load import load_trained
    from meow.model.report import guard_for

    trained = load_trained(name)
    user, warning = user_speaker(trained, as_speaker)
    if warning:
        err_console.print(f"[yellow]Note:[/yellow] {escape(warning)}")
    checker = guard_for(trained.path, guard, err_console)
    sampling = Sampling(temperature, top_p, max_new_tokens, seed)
    if prompt is not None:
        typer.echo(answer(trained, user, prompt, sampling, checker))
        return
    chat_loop(trained, user, sampling, checker, console)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
