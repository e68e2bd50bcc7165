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
from typer.core import TyperGroup

from meow.errors import MeowError

console = Console()
err_console = Console(stderr=True)


class _MeowGroup(TyperGroup):
    """Turns a MeowError into one red line on stderr and exit code 1 (tests see the same as users).

    Set MEOW_DEBUG=1 to get the traceback instead.
    """

    def invoke(self, ctx: "Context") -> Any:
        try:
            return super().invoke(ctx)
        except MeowError as e:
            if os.environ.get("MEOW_DEBUG"):
                raise
            err_console.print(f"[bold red]Error:[/bold red] {escape(str(e))}", highlight=False)
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
