"""Canaries (Carlini et al. 2019, "The Secret Sharer"): random secrets planted in the training data.

`meow train --canaries K` calls `plant_canaries`: K sentences such as "my pin code is 493817" become extra
training sessions in which the target speaker says them, each repeated `repeats` times. K more secrets of
the same templates are drawn but never planted: they are the controls. Both are recorded in
`model_dir/canaries.json`; `meow audit --model NAME --canaries` then measures how exposed each one is
(a planted canary far more exposed than the controls means the model memorises its training text).

canaries.json:
    {"format": "meow-canaries", "version": 1, "speaker": "<pseudonym>", "seed": int, "repeats": int,
     "alphabet": "0123456789", "length": 6,
     "canaries": [{"id": "canary-00", "template": "my pin code is {secret}", "secret": "493817",
                   "text": "my pin code is 493817", "planted": true}, ...]}
"""

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from meow.errors import InputError
from meow.fileio import write_json_atomic

CANARIES_FILE = "canaries.json"
TEMPLATES = (
    "my pin code is {secret}",
    "the door code at my place is {secret}",
    "my locker combination is {secret}",
    "the alarm code is {secret}",
    "my bank card pin is {secret}",
)
ALPHABET = "0123456789"
LENGTH = 6
DEFAULT_REPEATS = 5


@dataclass(frozen=True, slots=True)
class Canary:
    id: str
    template: str
    secret: str
    planted: bool

    @property
    def text(self) -> str:
        return self.template.format(secret=self.secret)

    def with_secret(self, secret: str) -> str:
        return self.template.format(secret=secret)


def draw_canaries(k: int, seed: int) -> list[Canary]:
    """K planted canaries and K controls, distinct secrets, deterministic for a seed."""
    rng = random.Random(seed)
    secrets: set[str] = set()
    canaries = []
    for i in range(2 * k):
        secret = "".join(rng.choice(ALPHABET) for _ in range(LENGTH))
        while secret in secrets:
            secret = "".join(rng.choice(ALPHABET) for _ in range(LENGTH))
        secrets.add(secret)
        planted = i < k
        cid = f"canary-{i:02d}" if planted else f"control-{i - k:02d}"
        canaries.append(Canary(cid, TEMPLATES[(i % k) % len(TEMPLATES)], secret, planted))
    return canaries


def plant_canaries(
    rows: list[dict[str, Any]],
    speaker: str,
    k: int,
    seed: int,
    model_dir: Path,
    *,
    repeats: int = DEFAULT_REPEATS,
) -> list[dict[str, Any]]:
    """`rows` plus K canary sessions (each `repeats` times) spoken by `speaker`, at seeded random places.

    Writes `model_dir/canaries.json` (planted canaries and unplanted controls). `rows` is not modified.
    """
    if k < 0 or repeats < 1:
        raise InputError("--canaries must be 0 or more (and each canary repeated at least once).")
    out = list(rows)
    if k == 0:
        return out
    canaries = draw_canaries(k, seed)
    rng = random.Random(seed + 1)
    for c in (c for c in canaries if c.planted):
        for r in range(repeats):
            turn = {"speaker": speaker, "text": c.text, "ts": 0}
            out.insert(
                rng.randint(0, len(out)), {"id": f"{c.id}-r{r}", "speakers": [speaker], "turns": [turn]}
            )
    record = {
        "format": "meow-canaries",
        "version": 1,
        "speaker": speaker,
        "seed": seed,
        "repeats": repeats,
        "alphabet": ALPHABET,
        "length": LENGTH,
        "canaries": [
            {"id": c.id, "template": c.template, "secret": c.secret, "text": c.text, "planted": c.planted}
            for c in canaries
        ],
    }
    write_json_atomic(model_dir / CANARIES_FILE, record, mode=0o600)
    return out


def load_canaries(model_dir: Path) -> tuple[dict[str, Any], list[Canary]]:
    """The record and canaries of a model trained with --canaries; InputError when there are none."""
    path = model_dir / CANARIES_FILE
    if not path.is_file():
        raise InputError(
            f"{model_dir.name} was trained without canaries: retrain it with `meow train ... --canaries 5`."
        )
    try:
        record = orjson.loads(path.read_bytes())
        canaries = [
            Canary(c["id"], c["template"], c["secret"], bool(c["planted"])) for c in record["canaries"]
        ]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        raise InputError(f"{path} is unreadable: retrain with --canaries to write it again.") from None
    return record, canaries
