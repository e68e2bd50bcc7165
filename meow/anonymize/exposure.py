"""Canary exposure (Carlini et al. 2019, "The Secret Sharer", section 4): how much a model memorised.

For a canary "my pin code is 493817" the candidate space R is every 6-digit secret in the same template.
exposure = log2 |R| - log2 rank, where rank is the canary's place when all candidates are sorted by the
model's log-perplexity (the summed negative log-likelihood of the canary turn, scored exactly as training
saw it: `meow.model.examples.session_examples`, the one shared format).

Enumerating 10^6 candidates is too slow on a CPU, so, as in the paper, we sample S candidates:
- `exposure_rank` = log2(S + 1) - log2(rank among the samples): measured, but at most log2(S + 1);
- `exposure` = -log2 Phi((x - mu) / sigma), extrapolated like the paper's section 4.3, which fits the
  candidates' log-perplexities with a skew-normal; we fit a plain normal (no scipy needed), x being the
  canary's; capped at log2 |R|. A secret the model never saw scores about 1 (it sits inside the
  distribution); a memorised one approaches log2 |R| (about 19.9 for 6 digits).
"""

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meow.anonymize.canaries import Canary, load_canaries


@dataclass(frozen=True)
class Exposure:
    id: str
    planted: bool
    template: str
    exposure: float  # extrapolated from a normal fit (the paper's estimate)
    exposure_rank: float  # from the rank among the sampled candidates (a lower bound when rank is 1)
    rank: int  # 1 = no sampled candidate is more likely than the canary
    candidates: int  # S, sampled
    space: int  # |R|

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "planted": self.planted,
            "template": self.template,
            "exposure": round(self.exposure, 2),
            "exposure_rank": round(self.exposure_rank, 2),
            "rank": self.rank,
            "candidates": self.candidates,
            "space": self.space,
        }


def sequence_nll(
    model: Any, tokenizer: Any, tokens: Any, texts: Sequence[str], batch_size: int = 256
) -> list[float]:
    """Summed NLL (nats) of each text said by the target speaker, in the training format."""
    import torch

    from meow.model.base import context_window
    from meow.model.examples import session_examples

    window, target = context_window(model), tokens.target
    examples = [
        session_examples([{"speaker": target, "text": t}], tokens, tokenizer, window)[0] for t in texts
    ]
    device = next(model.parameters()).device
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    out: list[float] = []
    model.eval()
    with torch.no_grad():
        for lo in range(0, len(examples), batch_size):
            chunk = examples[lo : lo + batch_size]
            width = max(len(e.input_ids) for e in chunk)
            ids = torch.tensor(
                [e.input_ids + [pad] * (width - len(e.input_ids)) for e in chunk], device=device
            )
            labels = torch.tensor([e.labels + [-100] * (width - len(e.labels)) for e in chunk], device=device)
            lengths = torch.tensor([len(e.input_ids) for e in chunk], device=device)
            mask = (torch.arange(width, device=device)[None, :] < lengths[:, None]).long()
            logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
            target_ids = labels[:, 1:]
            nll = torch.nn.functional.cross_entropy(
                logits.transpose(1, 2), target_ids.clamp(min=0), reduction="none"
            )
            out.extend((nll * (target_ids != -100)).sum(dim=1).tolist())
    return out


def canary_exposure(
    model: Any,
    tokenizer: Any,
    tokens: Any,
    canary: Canary,
    alphabet: str,
    length: int,
    candidates: int,
    seed: int = 0,
) -> Exposure:
    """Exposure of one canary against `candidates` random secrets of its template."""
    rng = random.Random(f"{seed}:{canary.id}")
    secrets: list[str] = []
    while len(secrets) < candidates:
        s = "".join(rng.choice(alphabet) for _ in range(length))
        if s != canary.secret:
            secrets.append(s)
    scores = sequence_nll(model, tokenizer, tokens, [canary.text, *(canary.with_secret(s) for s in secrets)])
    x, others = scores[0], scores[1:]
    space = len(alphabet) ** length
    rank = 1 + sum(1 for o in others if o < x)
    return Exposure(
        id=canary.id,
        planted=canary.planted,
        template=canary.template,
        exposure=_fitted_exposure(x, others, space),
        exposure_rank=math.log2(candidates + 1) - math.log2(rank),
        rank=rank,
        candidates=candidates,
        space=space,
    )


def _fitted_exposure(x: float, others: Sequence[float], space: int) -> float:
    mu, sigma = statistics.fmean(others), statistics.pstdev(others) or 1e-9
    p = 0.5 * math.erfc(-(x - mu) / (sigma * math.sqrt(2)))  # Phi((x - mu) / sigma)
    cap = math.log2(space)
    return cap if p <= 0 else min(cap, max(0.0, -math.log2(p)))


def measure_exposures(
    model: Any,
    tokenizer: Any,
    tokens: Any,
    canaries: Sequence[Canary],
    record: dict[str, Any],
    candidates: int,
) -> list[Exposure]:
    return [
        canary_exposure(model, tokenizer, tokens, c, record["alphabet"], int(record["length"]), candidates)
        for c in canaries
    ]


def model_exposures(model_dir: Path, candidates: int) -> list[Exposure]:
    """Load a trained model and measure the exposure of every canary (planted and control) it records."""
    from meow.model.format import SpeakerTokens
    from meow.model.load import load_trained

    record, canaries = load_canaries(model_dir)
    trained = load_trained(model_dir)
    tokens = SpeakerTokens.from_meta(trained.meta["tokens"])
    return measure_exposures(trained.model, trained.tokenizer, tokens, canaries, record, candidates)
