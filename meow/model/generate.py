"""Sampling from a trained model: `meow generate` samples and the replies of `meow chat`.

Every text leaves through the output guard (meow.anonymize.guard) unless the user turned it off.
"""

import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from meow.model.artifacts import Trained
from meow.model.base import context_window
from meow.model.format import SpeakerTokens, encode_prompt, stop_token_ids

SEPARATOR = "=========="  # between samples, as in the 2021 blog post


@dataclass(frozen=True)
class Sampling:
    temperature: float = 0.9  # 0: greedy
    top_p: float = 0.95
    max_new_tokens: int = 64
    seed: int | None = None


@dataclass(frozen=True)
class GenerateConfig:
    prompt: str = ""  # how the target's message starts; the samples continue it
    n: int = 5
    sampling: Sampling = Sampling()


class Guard(Protocol):
    def redact(self, text: str) -> tuple[str, list[Any]]: ...


def generate_samples(trained: Trained, cfg: GenerateConfig, guard: Guard | None) -> list[tuple[str, int]]:
    """(sample, number of redactions) per sample; each sample is the prompt plus its continuation."""
    texts = sample(trained, [], cfg.prompt, cfg.sampling, cfg.n)
    return [redact(cfg.prompt + text, guard) for text in texts]


def redact(text: str, guard: Guard | None) -> tuple[str, int]:
    if guard is None:
        return text, 0
    clean, findings = guard.redact(text)
    return clean, len(findings)


def format_samples(samples: Sequence[str]) -> str:
    return f"\n{SEPARATOR}\n".join(s.strip() for s in samples) + "\n"


def _tokens(trained: Trained) -> SpeakerTokens:
    return SpeakerTokens.from_meta(trained.meta["tokens"])


def _generate_kwargs(
    trained: Trained, history: Sequence[Mapping[str, Any]], prefix: str, s: Sampling
) -> dict[str, Any]:
    import torch

    tokens, tokenizer, model = _tokens(trained), trained.tokenizer, trained.model
    window = context_window(model)
    budget = max(8, window - s.max_new_tokens)
    ids = encode_prompt(history, tokens, tokenizer, prefix, max_tokens=budget)
    input_ids = torch.tensor([ids], device=model.device)
    kwargs: dict[str, Any] = {
        "input_ids": input_ids,
        "attention_mask": torch.ones_like(input_ids),
        "max_new_tokens": min(s.max_new_tokens, window - len(ids)),
        "eos_token_id": stop_token_ids(tokens, tokenizer),
        "pad_token_id": tokenizer.pad_token_id,
        "do_sample": s.temperature > 0,
    }
    if s.temperature > 0:
        kwargs |= {"temperature": s.temperature, "top_p": s.top_p, "top_k": 0}
    rows = model.get_output_embeddings().weight.shape[0]
    if rows > len(tokenizer):  # embedding rows padded for speed are no tokens: never sample them
        kwargs["suppress_tokens"] = list(range(len(tokenizer), rows))
    return kwargs


def sample(
    trained: Trained, history: Sequence[Mapping[str, Any]], prefix: str, s: Sampling, n: int = 1
) -> list[str]:
    """`n` continuations of the target's turn after `history`, each cut at the end of the turn."""
    import torch

    if s.seed is not None:
        torch.manual_seed(s.seed)
    kwargs = _generate_kwargs(trained, history, prefix, s)
    start = kwargs["input_ids"].shape[1]
    stops = set(kwargs["eos_token_id"])
    greedy = not kwargs["do_sample"]  # greedy decoding gives one answer: compute it once
    with torch.inference_mode():
        out = trained.model.generate(**kwargs, num_return_sequences=1 if greedy else n)
    if greedy:
        out = out.expand(n, -1)
    texts = []
    for row in out[:, start:].tolist():
        cut = next((i for i, t in enumerate(row) if t in stops), len(row))
        texts.append(trained.tokenizer.decode(row[:cut], skip_special_tokens=True))
    return texts


def stream(trained: Trained, history: Sequence[Mapping[str, Any]], prefix: str, s: Sampling) -> Iterator[str]:
    """The same as `sample(n=1)`, piece by piece as tokens arrive (unguarded: only with --no-guard)."""
    import torch
    from transformers import TextIteratorStreamer

    if s.seed is not None:
        torch.manual_seed(s.seed)
    streamer = TextIteratorStreamer(trained.tokenizer, skip_prompt=True, skip_special_tokens=True)
    kwargs = _generate_kwargs(trained, history, prefix, s) | {"streamer": streamer}

    def run() -> None:
        with torch.inference_mode():
            trained.model.generate(**kwargs)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    yield from streamer
    worker.join()
