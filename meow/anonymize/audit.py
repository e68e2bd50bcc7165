"""`meow audit`: find leaked personal data and memorised training text in generated samples.

    report = run_audit(AuditConfig(file=Path("samples.txt"), model="bob"))
    report.clean            # True when nothing was found (the CLI exits 0, else 1; usage errors exit 2)
    report_json(report)     # the machine-readable report below

Samples are split on `==========` lines (what `meow generate` prints) or, without such lines, one per line.
Every sample goes through the guard's checks (meow/anonymize/guard.py): the vault's real identifiers, Presidio
PII that is not a known pseudonym, and runs of >= `min_overlap` tokens copied from the training corpus.

JSON report (`--json`), format "meow-audit", version 1; keys are stable, new keys may be added:
    {"format": "meow-audit", "version": 1,
     "revealed": bool,                       # false: every "span" is masked ("R****t")
     "checks": {"vault": bool, "presidio": "patterns" | "patterns+ner", "memorization": bool,
                "min_overlap": int, "canary_secrets": int},   # {} when only --canaries ran
     "notes": [str],                         # checks that were skipped, and why
     "summary": {"samples": int, "flagged_samples": int, "findings": int, "clean": bool,
                 "by_kind": {kind: int}, "by_detector": {detector: int}},
     "samples": [{"index": int,              # 1-based position of the sample in FILE
                  "findings": [{"kind": str, "detector": "vault" | "presidio" | "memorization" | "canary",
                                "score": float, "start": int, "end": int, "span": str,
                                "source": str | null}]}],     # only samples with findings
     "canaries": [{"id": str, "planted": bool, "template": str, "exposure": float,
                   "exposure_rank": float, "rank": int, "candidates": int, "space": int}] | null}
kind: name, phone, email, url, card, iban, ip, location, address, ... (see findings.KIND_BY_ENTITY),
memorized, or canary (the secret of a canary planted by `meow train --canaries`, copied into a sample);
score: Presidio's confidence, 1.0 for the vault and canaries, the number of copied tokens for memorisation;
source: "<session id>#<turn index>" in the corpus's train.jsonl ("<speaker folder>/" first for a corpus root).
"""

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meow.anonymize.exposure import Exposure
from meow.anonymize.findings import Finding
from meow.anonymize.guard import Guard, make_guard
from meow.anonymize.memorization import DEFAULT_MIN_OVERLAP
from meow.errors import InputError
from meow.model.artifacts import find_model_dir

SEPARATOR = re.compile(r"^\s*={10,}\s*$", re.MULTILINE)
REPORT_FORMAT, REPORT_VERSION = "meow-audit", 1
Progress = Callable[[int, int], None]  # (samples just done, total)


@dataclass(frozen=True)
class AuditConfig:
    """One `meow audit` run. `file` "-" reads stdin; `model` is a trained model's name or folder."""

    file: Path | None = None  # samples to audit (None: only --canaries)
    corpus: Path | None = None  # the training corpus (a speaker folder or a corpus root)
    model: str | None = None  # or the model, whose meow.json names its corpus
    min_overlap: int = DEFAULT_MIN_OVERLAP  # memorisation: at least this many consecutive tokens
    reveal: bool = False  # print and write spans in full
    canaries: bool = False  # measure the exposure of the model's canaries
    ner: bool = True  # spaCy names and places (False: Presidio's pattern recognizers only)
    spacy_model: str | None = None  # a spaCy package or folder (default: the best installed)
    candidates: int = 2000  # canary exposure: random candidates to rank each canary among


@dataclass
class SampleResult:
    index: int  # 1-based
    findings: list[Finding]


@dataclass
class AuditReport:
    samples: int
    results: list[SampleResult]  # only samples with findings
    checks: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    canaries: list[Exposure] | None = None  # with --canaries

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def clean(self) -> bool:
        return not self.results


def parse_samples(text: str) -> list[str]:
    """Split on `==========` lines when there are any, else one sample per non-empty line."""
    parts = SEPARATOR.split(text) if SEPARATOR.search(text) else text.splitlines()
    return [p.strip() for p in parts if p.strip()]


def read_samples(file: Path) -> list[str]:
    """Samples from a text file or stdin ("-"); an empty, binary or separator-only file is an InputError."""
    name = "stdin" if str(file) == "-" else str(file)
    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except FileNotFoundError:
        raise InputError(
            f"{name} does not exist: give a file of samples, e.g. from `meow generate`."
        ) from None
    except OSError as e:
        raise InputError(f"{name} cannot be read ({e.strerror or type(e).__name__}).") from None
    if data.count(b"\x00") > len(data) // 100:  # a stray NUL byte is something a tiny model can generate
        raise InputError(f"{name} is a binary file, not text samples: give the output of `meow generate`.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text: give the output of `meow generate`.") from None
    if not text.strip():
        raise InputError(f"{name} is empty: nothing to audit (give it the output of `meow generate`).")
    samples = parse_samples(text)
    if not samples:
        raise InputError(f"{name} holds only `==========` separators: no sample to audit.")
    return samples


def audit_samples(
    samples: Sequence[str], guard: Guard, progress: Progress | None = None
) -> list[SampleResult]:
    """Every sample through the guard's checks; `progress(1, total)` after each sample."""
    results = []
    for i, (sample, pii) in enumerate(zip(samples, guard.pii.find_many(samples), strict=True), start=1):
        findings = guard.check(sample, pii=pii)
        if findings:
            results.append(SampleResult(i, findings))
        if progress is not None:
            progress(1, len(samples))
    return results


def run_audit(cfg: AuditConfig, progress: Progress | None = None) -> AuditReport:
    """Read, check, and (with `canaries`) measure exposure. Raises InputError for bad input."""
    if cfg.file is None and not cfg.canaries:
        raise InputError("Give a FILE of samples to audit (or --canaries with --model).")
    if cfg.corpus is not None and cfg.model is not None:
        raise InputError("Give either --corpus or --model, not both.")
    if cfg.canaries and cfg.model is None:
        raise InputError("--canaries needs --model NAME: the canaries are recorded in the model's folder.")
    samples = read_samples(cfg.file) if cfg.file is not None else []
    model_dir = find_model_dir(cfg.model) if cfg.model else None
    report = AuditReport(samples=len(samples), results=[], checks={})
    if samples:
        guard = make_guard(
            model_dir,
            corpus=cfg.corpus,
            ner=cfg.ner,
            spacy_model=cfg.spacy_model,
            min_overlap=cfg.min_overlap,
        )
        report.results = audit_samples(samples, guard, progress)
        report.notes = list(guard.notes)
        report.checks = {
            "vault": guard.vault is not None,
            "presidio": "patterns+ner" if guard.pii.finds_names else "patterns",
            "memorization": guard.memorization is not None,
            "min_overlap": cfg.min_overlap,
            "canary_secrets": len(guard.canary_secrets),
        }
    if cfg.canaries and model_dir is not None:
        from meow.anonymize.exposure import model_exposures

        report.canaries = model_exposures(model_dir, cfg.candidates)
    return report


def report_json(report: AuditReport, reveal: bool = False) -> dict[str, Any]:
    """The `--json` report (schema in the module docstring)."""
    findings = report.findings
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "revealed": reveal,
        "checks": report.checks,
        "notes": report.notes,
        "summary": {
            "samples": report.samples,
            "flagged_samples": len(report.results),
            "findings": len(findings),
            "clean": report.clean,
            "by_kind": dict(Counter(f.kind for f in findings)),
            "by_detector": dict(Counter(f.detector for f in findings)),
        },
        "samples": [
            {"index": r.index, "findings": [_finding_json(f, reveal) for f in r.findings]}
            for r in report.results
        ],
        "canaries": None if report.canaries is None else [c.to_json() for c in report.canaries],
    }


def _finding_json(f: Finding, reveal: bool) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "detector": f.detector,
        "score": f.score,
        "start": f.start,
        "end": f.end,
        "span": f.text if reveal else f.masked,
        "source": f.source,
    }
