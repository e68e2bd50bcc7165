"""Training examples: context windows over sessions that end in a target turn, optional packing, collator.

Each target turn is labelled exactly once, in the first window that holds it whole; a window takes in
as many following target turns as fit, then as much earlier context as fits (up to `max_length`).
"""

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meow.model.format import IGNORE, SpeakerTokens, Tokenizer, encode_texts, encode_turn

Session = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Example:
    input_ids: list[int]
    labels: list[int]


def session_examples(
    turns: Sequence[Mapping[str, Any]],
    tokens: SpeakerTokens,
    tokenizer: Tokenizer,
    max_length: int,
    bodies: Sequence[list[int]] | None = None,
) -> list[Example]:
    """The windows of one session (none when the target does not speak in it).

    `bodies`: the turns' texts already encoded (`format.encode_texts`), else they are encoded here.
    """
    head = [] if tokenizer.eos_token_id is None else [tokenizer.eos_token_id]
    budget = max_length - len(head)
    bodies = bodies if bodies is not None else encode_texts([t["text"] for t in turns], tokenizer)
    encoded = [
        encode_turn(t["speaker"], t["text"], tokens, tokenizer, budget - 2, body)
        for t, body in zip(turns, bodies, strict=True)
    ]
    sizes = [len(ids) for ids, _ in encoded]
    targets = [i for i, t in enumerate(turns) if t["speaker"] == tokens.target]
    examples, k = [], 0
    while k < len(targets):
        first = end = targets[k]
        size = sizes[first]
        k += 1
        while k < len(targets) and size + sum(sizes[end + 1 : targets[k] + 1]) <= budget:
            size += sum(sizes[end + 1 : targets[k] + 1])
            end, k = targets[k], k + 1
        start = first
        while start > 0 and size + sizes[start - 1] <= budget:
            start, size = start - 1, size + sizes[start - 1]
        ids, labels = list(head), [IGNORE] * len(head)
        for i in range(start, end + 1):
            ids += encoded[i][0]
            labels += encoded[i][1] if i >= first else [IGNORE] * sizes[i]
        examples.append(Example(ids, labels))
    return examples


def build_examples(
    sessions: Iterable[Session],
    tokens: SpeakerTokens,
    tokenizer: Tokenizer,
    max_length: int,
    pack: bool = True,
    seed: int = 0,
) -> list[Example]:
    """All windows of all sessions; with `pack`, shuffled and concatenated into rows of <= max_length."""
    sessions = list(sessions)
    bodies = encode_texts([t["text"] for s in sessions for t in s["turns"]], tokenizer)
    examples, start = [], 0
    for s in sessions:
        end = start + len(s["turns"])
        examples += session_examples(s["turns"], tokens, tokenizer, max_length, bodies[start:end])
        start = end
    if not pack:
        return examples
    random.Random(seed).shuffle(examples)
    return pack_examples(examples, max_length)


def pack_examples(examples: Sequence[Example], max_length: int) -> list[Example]:
    """Greedy packing in order: fewer, fuller rows, so GPUs do not spend their time on padding."""
    rows: list[Example] = []
    ids: list[int] = []
    labels: list[int] = []
    for ex in examples:
        if ids and len(ids) + len(ex.input_ids) > max_length:
            rows.append(Example(ids, labels))
            ids, labels = [], []
        ids, labels = ids + ex.input_ids, labels + ex.labels
    if ids:
        rows.append(Example(ids, labels))
    return rows


def count_tokens(examples: Sequence[Example]) -> tuple[int, int]:
    """(tokens, labelled tokens)."""
    return sum(len(e.input_ids) for e in examples), sum(sum(x != IGNORE for x in e.labels) for e in examples)


class ExampleDataset:
    """A map-style dataset the Trainer can sample from."""

    def __init__(self, examples: Sequence[Example]) -> None:
        self.examples = list(examples)

    def __len__(self) -> int:
        return len(self.examples)

    def __getitem__(self, i: int) -> dict[str, list[int]]:
        ex = self.examples[i]
        return {"input_ids": ex.input_ids, "labels": ex.labels}


@dataclass(frozen=True)
class PadCollator:
    """Right-pads a batch and KEEPS our labels (DataCollatorForLanguageModeling would rebuild them).

    No attention mask by default: with right padding and causal attention no real token can see a pad,
    and without a mask SDPA can take its fastest (flash) path on GPUs.
    """

    pad_token_id: int
    pad_to_multiple_of: int | None = None
    attention_mask: bool = False

    def __call__(self, features: list[dict[str, list[int]]]) -> dict[str, Any]:
        import torch

        width = max(len(f["input_ids"]) for f in features)
        if self.pad_to_multiple_of:
            width = -(-width // self.pad_to_multiple_of) * self.pad_to_multiple_of
        input_ids = torch.full((len(features), width), self.pad_token_id, dtype=torch.long)
        labels = torch.full((len(features), width), IGNORE, dtype=torch.long)
        attention = torch.zeros((len(features), width), dtype=torch.long)
        for row, f in enumerate(features):
            n = len(f["input_ids"])
            input_ids[row, :n] = torch.tensor(f["input_ids"])
            labels[row, :n] = torch.tensor(f["labels"])
            attention[row, :n] = 1
        batch = {"input_ids": input_ids, "labels": labels}
        return batch | {"attention_mask": attention} if self.attention_mask else batch
