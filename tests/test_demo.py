"""The README's demo, step by step, on the bundled sample export with the offline tiny model.

Each step is the command a user types; each artefact is checked the way a user would look at it.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meow.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
SAMPLE = FIXTURES / "sample-export"
TRUTH = json.loads((FIXTURES / "sample-export.truth.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _one_thread() -> None:
    import torch

    torch.set_num_threads(1)


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_pipeline_on_the_sample_export(tmp_path: Path, meow_home: Path) -> None:
    assert TRUTH["owner"] in _ok(["inspect", str(SAMPLE)])

    corpus = tmp_path / "corpus"
    _ok(["anonymize", str(SAMPLE), "--out", str(corpus)])
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["anonymized"] is True and len(manifest["speakers"]) >= 3
    written = "\n".join(p.read_text(encoding="utf-8") for p in corpus.rglob("*") if p.is_file()).lower()
    for real in TRUTH["people"]:
        assert real.lower() not in written

    slug = manifest["speakers"][0]["slug"]
    _ok(["train", str(corpus / slug), "--base", "tiny", "--max-steps", "4", "--batch-size", "4"])
    model_dir = meow_home / "models" / slug
    for artefact in ("meow.json", "metrics.json", "README.md", "tokenizer.json", "model.safetensors"):
        assert (model_dir / artefact).is_file(), artefact

    samples = _ok(["generate", slug, "--prompt", "hey", "-n", "3", "--seed", "0", "--max-new-tokens", "12"])
    assert samples.count("==========") == 2
    samples_file = tmp_path / "samples.txt"
    samples_file.write_text(samples, encoding="utf-8")

    report = tmp_path / "report.json"
    audit = runner.invoke(app, ["audit", str(samples_file), "--model", slug, "--json", str(report)])
    assert audit.exit_code in (0, 1), audit.output  # 0 clean, 1 findings: both are a finished audit
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["samples"] == 3


def test_doctor_is_green_for_the_demo() -> None:
    assert "spaCy model" in _ok(["doctor"])
