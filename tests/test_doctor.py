from pathlib import Path

from typer.testing import CliRunner

from meow.cli import app

runner = CliRunner()


def test_doctor_passes_on_this_machine() -> None:
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    for check in ("Python", "torch", "spaCy model", "Presidio", "MEOW_HOME", "free disk"):
        assert check in result.output


def test_doctor_flags_a_vault_readable_by_others(meow_home: Path) -> None:
    vault = meow_home / "vault.json"
    vault.write_text("{}")
    vault.chmod(0o644)
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert "chmod go-rwx" in result.output
