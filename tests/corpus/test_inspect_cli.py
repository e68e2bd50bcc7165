"""`meow inspect` as a user runs it: a summary for a good export, one clear line for a bad one."""

import json
import zipfile
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from meow.cli import app
from meow.corpus.inspect import inspect_exports, render_inspection
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-export"
runner = CliRunner()


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns)
        for folder in folders
        for p in sorted(folder.rglob("*"))
    }


def test_inspect_the_sample_export() -> None:
    result = runner.invoke(app, ["inspect", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    total = f"{json.loads((FIXTURES / 'sample-export.truth.json').read_text())['counts']['messages']:,}"
    for shown in [
        "messenger-json",
        "messenger-e2ee",
        "messenger-html",
        total,
        "Zoë Müller",
        "Jamie Lindqvist",
    ]:
        assert shown in result.output
    assert "Traceback" not in result.output


def test_inspection_counts() -> None:
    ins = inspect_exports([SAMPLE], Console(quiet=True))
    assert ins.threads == 9 and ins.owner == "Jamie Lindqvist"
    assert ins.formats == {"messenger-json": 7, "messenger-e2ee": 1, "messenger-html": 1}
    assert ins.group_threads == 1 and not ins.skipped


def test_corrupt_file_is_named_and_the_rest_goes_through(peers: Path) -> None:
    result = runner.invoke(app, ["inspect", str(peers / "msgvault/corrupt")])
    assert result.exit_code == 0
    assert "broken_BAD" in result.output and "Good Sibling" in result.output


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty").mkdir()
    (tmp / "notazip.zip").write_text("hello")
    with zipfile.ZipFile(tmp / "evil.zip", "w") as z:
        z.writestr("../../outside/message_1.json", '{"messages": []}')
    only_corrupt = tmp / "corrupt/messages/inbox/x_1"
    only_corrupt.mkdir(parents=True)
    (only_corrupt / "message_1.json").write_text('{"participants": [{"name": "Ro')
    return {
        "missing": (tmp / "does-not-exist", "does not exist"),
        "no export": (tmp / "empty", "looked for"),
        "not a zip": (tmp / "notazip.zip", "not a zip"),
        "escaping member": (tmp / "evil.zip", "outside the export"),
        "nothing readable": (tmp / "corrupt", "could be read"),
    }


@pytest.mark.parametrize("case", ["missing", "no export", "not a zip", "escaping member", "nothing readable"])
def test_bad_input_is_one_clear_line_and_changes_nothing(tmp_path: Path, meow_home: Path, case: str) -> None:
    path, says = bad_inputs(tmp_path)[case]
    before = snapshot(tmp_path, meow_home)
    result = runner.invoke(app, ["inspect", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and says in result.output.replace("\n", "")
    assert snapshot(tmp_path, meow_home) == before


def test_render_prints_the_skipped_files(tmp_path: Path) -> None:
    folder = tmp_path / "messages/inbox/x_1"
    folder.mkdir(parents=True)
    (folder / "message_1.json").write_text("{")
    (tmp_path / "messages/inbox/y_2").mkdir()
    page = SAMPLE / "your_facebook_activity/messages/inbox/zoemuller_2298817733/message_1.json"
    (tmp_path / "messages/inbox/y_2/message_1.json").write_bytes(page.read_bytes())
    console = Console(record=True, width=200)
    render_inspection(inspect_exports([tmp_path], Console(quiet=True)), console)
    text = console.export_text()
    assert "Skipped files" in text and "x_1/message_1.json" in text and "not valid JSON" in text
