"""Canary exposure: high for a secret a tiny model was overtrained on, low for one it never saw."""

import math
from pathlib import Path
from typing import Any

import pytest

from meow.anonymize.canaries import load_canaries, plant_canaries
from meow.anonymize.exposure import measure_exposures

TARGET = "Daniel Ortiz"
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
