"""Canary exposure: high for a secret a tiny model was overtrained on, low for one it never saw."""

import math
import os
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from meow.anonymize.canaries import CANARIES_FILE, load_canaries, plant_canaries
from meow.anonymize.exposure import measure_exposures
from meow.anonymize.vault import Vault
from meow.cli import app
from meow.fileio import write_json_atomic, write_jsonl_atomic

TARGET = "Daniel Ortiz"
runner = CliRunner()
FILLER = ["haha no way", "see you at the usual place", "i love to eat tacos", "ok cool what time", "lol yes"]


@pytest.fixture(scope="module")
def overtrained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any, Path]:
    """A tiny GPT-2 trained until it memorises one planted canary (its control never seen)."""
    import torch

    from meow.model.base import TinySpec, add_speaker_tokens, build_tiny_model, train_tiny_tokenizer
    from meow.model.examples import PadCollator, build_examples
    from meow.model.format import SpeakerTokens

    torch.set_num_threads(1)
    torch.manual_seed(0)
    model_dir = tmp_path_factory.mktemp("model")
    rows = [
        {"id": f"s{i}", "speakers": [TARGET], "turns": [{"speaker": TARGET, "text": t}]}
        for i, t in enumerate(FILLER)
    ]
    rows = plant_canaries(rows, TARGET, k=1, seed=3, model_dir=model_dir, repeats=3)
    texts = [*FILLER, "my pin code is 0123456789", "the door code at my place is 9876543210"]
    tokenizer = train_tiny_tokenizer(texts, vocab_size=300)
    tokens = SpeakerTokens(target=TARGET)
    model = build_tiny_model(tokenizer, TinySpec(n_layer=2, n_head=2, n_embd=64, n_positions=64))
    add_speaker_tokens(model, tokenizer, tokens)
    examples = build_examples(rows, tokens, tokenizer, max_length=64, pack=False)
    batch = PadCollator(tokenizer.pad_token_id)(
        [{"input_ids": e.input_ids, "labels": e.labels} for e in examples]
    )
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    for _ in range(150):
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.eval()
    return model, tokenizer, tokens, model_dir


def test_planted_canary_is_exposed_and_control_is_not(overtrained: tuple[Any, Any, Any, Path]) -> None:
    model, tokenizer, tokens, model_dir = overtrained
    record, canaries = load_canaries(model_dir)
    planted, control = measure_exposures(model, tokenizer, tokens, canaries, record, candidates=200)
    assert planted.planted and not control.planted and planted.template == control.template
    assert planted.rank == 1 and planted.exposure_rank == pytest.approx(math.log2(201))
    assert planted.exposure > 10  # extrapolated beyond what 200 samples can show (max log2(10^6) ~ 19.9)
    assert control.exposure < 4 and control.rank > 10
    assert planted.to_json()["space"] == 10**6


@pytest.fixture
def model_home(overtrained: tuple[Any, Any, Any, Path], meow_home: Path, tmp_path: Path) -> str:
    """The overtrained model saved as `meow train` saves one, under $MEOW_HOME/models/daniel."""
    model, tokenizer, tokens, canary_dir = overtrained
    out = meow_home / "models" / "daniel"
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    shutil.copy(canary_dir / CANARIES_FILE, out / CANARIES_FILE)
    corpus = tmp_path / "corpus"
    write_json_atomic(corpus / "manifest.json", {"format": "meow-corpus", "anonymized": True, "speakers": []})
    turns = [{"speaker": TARGET, "text": "we should totally go back to that ramen place near the station"}]
    write_jsonl_atomic(
        corpus / "daniel" / "train.jsonl", [{"id": "s000001", "speakers": [TARGET], "turns": turns}]
    )
    meta = {"speaker": TARGET, "slug": "daniel", "corpus": str(corpus / "daniel"), "base": "tiny",
            "lora": False, "tokens": tokens.to_meta(), "config": {}}  # fmt: skip
    write_json_atomic(out / "meow.json", meta)
    return "daniel"


def test_cli_reports_canary_exposure_of_a_trained_model(model_home: str) -> None:
    args = ["audit", "--model", model_home, "--canaries", "--candidates", "200", "--json", "-"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = orjson.loads(result.stdout)
    exposures = {c["id"]: c for c in report["canaries"]}
    assert exposures["canary-00"]["planted"] and exposures["canary-00"]["exposure"] > 10
    assert not exposures["control-00"]["planted"] and exposures["control-00"]["exposure"] < 4
    assert "Canary exposure" in result.stderr


def test_generate_redacts_a_planted_leak_and_no_guard_warns(
    model_home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault()
    vault.add("PERSON", "Robert", "Daniel")
    vault.save()
    copied = "we should totally go back to that ramen place near the station"
    leak = f"call me at 415-555-0132, robert knows. {copied}"
    monkeypatch.setattr("meow.model.generate.sample", lambda *a, **k: [leak])
    result = runner.invoke(app, ["generate", model_home, "-n", "1"])
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.strip() == "call me at [redacted: phone], [redacted: name] knows. [redacted: memorized]"
    )
    raw = runner.invoke(app, ["generate", model_home, "-n", "1", "--no-guard"])
    assert raw.stdout.strip() == leak and "--no-guard" in raw.stderr


def test_a_planted_canary_secret_in_a_sample_is_a_finding(model_home: str, tmp_path: Path) -> None:
    record, _ = load_canaries(Path(os.environ["MEOW_HOME"]) / "models" / model_home)
    secret = next(c["secret"] for c in record["canaries"] if c["planted"])
    control = next(c["secret"] for c in record["canaries"] if not c["planted"])
    samples = tmp_path / "samples.txt"
    samples.write_text(f"lol it is {secret} obviously\n==========\nnot {control} though\n", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(samples), "--model", model_home, "--no-ner", "--json", "-"])
    assert result.exit_code == 1, result.output
    report = orjson.loads(result.stdout)
    assert report["checks"]["canary_secrets"] == 1
    assert [(s["index"], [f["kind"] for f in s["findings"]]) for s in report["samples"]] == [(1, ["canary"])]
