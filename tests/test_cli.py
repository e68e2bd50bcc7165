import subprocess
import sys

from typer.testing import CliRunner

from meow.cli import app

runner = CliRunner()


def test_help_lists_commands_without_heavy_imports() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import sys, meow.cli; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    # --help must not pay for heavy libraries: none of them may be imported by the CLI module.
    for heavy in ("torch", "transformers", "spacy", "presidio_analyzer"):
        assert f"'{heavy}'" not in proc.stdout
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "inspect" in result.output


def test_missing_export_is_one_clear_line() -> None:
    result = runner.invoke(app, ["inspect", "/no/such/export"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
