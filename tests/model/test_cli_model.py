"""The model commands as a user runs them: `meow train --base tiny` (offline), generate, chat."""

from pathlib import Path
from typing import Any, ClassVar

import pytest
from rich.console import Console
from typer.testing import CliRunner

from meow.cli import app
from meow.model.chat import NEUTRAL, chat_loop, user_speaker
from meow.model.generate import Sampling
from meow.model.load import load_trained
from tests.model.conftest import FRIEND, OWNER, TARGET

runner = CliRunner()


class FakeGuard:
    """Stands in for meow.anonymize.guard: redacts one word, so the wiring is visible."""

    notes: ClassVar[list[str]] = ["a note from the guard"]

    def redact(self, text: str) -> tuple[str, list[Any]]:
        return text.replace("e", "[redacted: X]"), [object()] * text.count("e")


@pytest.fixture
def tiny_model(corpus: Path) -> str:
    args = [
        "train",
        str(corpus),
        "--base",
        "tiny",
        "--epochs",
        "1",
        "--batch-size",
        "4",
        "--max-length",
        "64",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    words = " ".join(result.output.split())  # rich wraps at the test terminal's width
    assert "best validation perplexity" in words and "Try: meow chat daniel" in words
    return "daniel"


def test_tiny_base_runs_the_whole_pipeline_offline(tiny_model: str) -> None:
    result = runner.invoke(app, ["generate", tiny_model, "--prompt", "i love", "-n", "3", "--no-guard"])
    assert result.exit_code == 0, result.output
    assert "NOT checked" in result.stderr  # --no-guard warns
    assert result.stdout.count("==========") == 2 and result.stdout.startswith("i love")

    result = runner.invoke(
        app, ["chat", tiny_model, "--prompt", "are we still on?", "--no-guard", "--seed", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_every_output_goes_through_the_guard(tiny_model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("meow.anonymize.guard.make_guard", lambda model_dir: FakeGuard())
    result = runner.invoke(app, ["generate", tiny_model, "--prompt", "eee", "-n", "2", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("[redacted: X]" * 3) and "redacted" in result.stderr
    assert "a note from the guard" in result.stderr
    result = runner.invoke(
        app, ["chat", tiny_model, "--prompt", "hello", "--max-new-tokens", "40", "--seed", "3"]
    )
    assert result.exit_code == 0 and "e" not in result.stdout.replace("[redacted: X]", "")


def test_unknown_model_lists_the_trained_ones(tiny_model: str) -> None:
    result = runner.invoke(app, ["chat", "nobody"])
    assert result.exit_code == 1
    words = " ".join(result.output.split())
    assert "no trained model 'nobody'" in words and "trained models: daniel" in words
    assert "Traceback" not in result.output


def test_bad_corpus_is_one_red_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", str(tmp_path), "--base", "tiny"])
    assert result.exit_code == 1
    assert "not a meow corpus" in " ".join(result.output.split()) and "Traceback" not in result.output


def test_chat_loop_talks_resets_and_quits(tiny_model: str) -> None:
    trained = load_trained(tiny_model)
    lines = iter(["hello there", "/reset", "how are you", "/quit", "never read"])
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return next(lines)

    console = Console(record=True, width=100)
    chat_loop(trained, OWNER, Sampling(max_new_tokens=5, seed=0), None, console, read)
    text = console.export_text()
    assert len(prompts) == 4 and OWNER in prompts[0]
    assert text.count(f"{TARGET}> ") == 2 and "conversation cleared" in text


def test_the_user_speaks_as_the_owner_by_default(tiny_model: str) -> None:
    trained = load_trained(tiny_model)
    assert user_speaker(trained, None) == (OWNER, None)
    assert user_speaker(trained, FRIEND) == (FRIEND, None)
    name, warning = user_speaker(trained, "Someone Else")
    assert name == "Someone Else" and warning and "neutral" in warning
    assert user_speaker(trained, TARGET)[0] == NEUTRAL
