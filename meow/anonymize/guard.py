"""The guard: the audit's checks on one text at a time, used by `meow generate` and `meow chat`.

    guard = make_guard(model_dir)            # once: vault automaton, Presidio, the corpus n-gram index
    clean, findings = guard.redact(text)     # every finding replaced by "[redacted: <kind>]"

Checks (the same as `meow audit`): real identifiers from the vault, PII from Presidio (names only when they
are not known pseudonyms), runs of >= 8 tokens copied from the model's training corpus (found through
`model_dir/meow.json["corpus"]`), and the secrets of the model's planted canaries (`canaries.json`).
A check that cannot run (no vault yet, corpus moved, no spaCy model) is skipped and said so in
`guard.notes`, never silently.
"""

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import orjson

from meow.anonymize.canaries import CANARIES_FILE, load_canaries
from meow.anonymize.findings import Finding, redact, resolve_overlaps
from meow.anonymize.given_names import word_names
from meow.anonymize.memorization import DEFAULT_MIN_OVERLAP, NgramIndex, corpus_train_files, index_corpus
from meow.anonymize.piicheck import PiiDetector
from meow.anonymize.vault import Vault
from meow.anonymize.vaultmatch import VaultMatcher
from meow.errors import InputError, ModelError


@dataclass
class Guard:
    pii: PiiDetector
    vault: VaultMatcher | None = None
    memorization: NgramIndex | None = None
    notes: list[str] = field(default_factory=list)
    canary_secrets: tuple[str, ...] = ()  # planted with `meow train --canaries`: seeing one = memorisation

    def check(self, text: str, pii: list[Finding] | None = None) -> list[Finding]:
        """Every finding in `text`: vault and Presidio findings without overlaps, then memorised runs.

        `pii`: Presidio's findings when already computed (the audit batches them)."""
        pii = self.pii.find(text) if pii is None else pii
        known = self.vault.find(text) if self.vault else []
        # Where the vault and Presidio see the same kind at the same place, the vault's exact span wins
        # (spaCy often stretches a lowercase name: "robert knows").
        pii = [
            p for p in pii if not any(p.kind == k.kind and p.start < k.end and k.start < p.end for k in known)
        ]
        found = resolve_overlaps([*known, *self._canaries(text), *pii])
        if self.memorization is not None:
            found.extend(self.memorization.find(text))
        return sorted(found, key=lambda f: (f.start, f.end))

    @cached_property
    def _canary_pattern(self) -> re.Pattern[str] | None:
        if not self.canary_secrets:
            return None
        return re.compile(r"(?<!\d)(?:" + "|".join(map(re.escape, self.canary_secrets)) + r")(?!\d)")

    def _canaries(self, text: str) -> list[Finding]:
        if self._canary_pattern is None:
            return []
        found = self._canary_pattern.finditer(text)
        return [Finding("canary", m.start(), m.end(), m.group(), "canary", 1.0) for m in found]

    def redact(self, text: str) -> tuple[str, list[Finding]]:
        findings = self.check(text)
        return (redact(text, findings) if findings else text), findings


def make_guard(
    model_dir: Path | None = None,
    *,
    corpus: Path | None = None,
    ner: bool = True,
    spacy_model: str | None = None,
    min_overlap: int = DEFAULT_MIN_OVERLAP,
    vault_path: Path | None = None,
) -> Guard:
    """Build the checks once. `corpus` overrides the model folder's corpus; `ner=False` skips spaCy
    (pattern recognizers only: fast start, but no names that the vault does not know, and without the
    detector's English words no vault name run together with a word in a tag: "#teamzoe")."""
    notes: list[str] = []
    if corpus is None and model_dir is not None:
        corpus = corpus_of_model(model_dir, notes)
    memorization = index_corpus(corpus, min_overlap) if corpus is not None else None
    if corpus is None:
        notes.append("memorisation check skipped: no training corpus given (use --corpus or --model).")
    analyzer = _analyzer(spacy_model, notes) if ner else None
    vault = Vault.load(vault_path)
    nlp = analyzer.nlp_engine.get_nlp("en") if analyzer is not None else None
    # The detector's English words: without them the tag and name+word rules ("#teamzoe", "lovejamie")
    # are off, and a name run together with a word in generated text would pass unflagged.
    words = word_names(nlp) if nlp is not None else frozenset()
    matcher = VaultMatcher(vault.entries, exclude=vault.pseudonyms(), nlp=nlp, words=words) if vault else None
    if vault is None:
        notes.append("vault check skipped: no vault found (run `meow anonymize` first, or set MEOW_HOME).")
    pseudonyms = (vault.pseudonyms() if vault else set()) | (_corpus_pseudonyms(corpus) if corpus else set())
    secrets = _canary_secrets(model_dir, notes) if model_dir is not None else ()
    return Guard(PiiDetector(analyzer, pseudonyms), matcher, memorization, notes, secrets)


def _canary_secrets(model_dir: Path, notes: list[str]) -> tuple[str, ...]:
    if not (model_dir / CANARIES_FILE).is_file():
        return ()
    try:
        return tuple(c.secret for c in load_canaries(model_dir)[1] if c.planted)
    except InputError:
        notes.append("canary check skipped: the model's canaries.json is unreadable.")
        return ()


def corpus_of_model(model_dir: Path, notes: list[str]) -> Path | None:
    """The corpus a trained model came from (`meow.json["corpus"]`), or None with a note saying why."""
    meta_path = model_dir / "meow.json"
    try:
        meta = orjson.loads(meta_path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        raise InputError(f"{model_dir} is not a meow model folder (no readable meow.json).") from None
    corpus = meta.get("corpus") if isinstance(meta, dict) else None
    if not isinstance(corpus, str) or not Path(corpus).is_dir():
        notes.append("memorisation check skipped: the model's training corpus is no longer where it was.")
        return None
    return Path(corpus)


def _corpus_pseudonyms(corpus: Path) -> set[str]:
    """The speaker pseudonyms of a corpus manifest: expected in output even without a vault."""
    names: set[str] = set()
    for _, train in corpus_train_files(corpus):
        try:
            manifest = orjson.loads((train.parent.parent / "manifest.json").read_bytes())
        except (OSError, orjson.JSONDecodeError):
            continue
        names.update(s["name"] for s in manifest.get("speakers", []) if isinstance(s, dict) and "name" in s)
        if isinstance(manifest.get("owner"), str):
            names.add(manifest["owner"])
    return names


def _analyzer(spacy_model: str | None, notes: list[str]) -> Any | None:
    try:
        return shared_analyzer(spacy_model)
    except ModelError as e:
        if spacy_model:  # asked for by name: not finding it is the user's error, not a silent downgrade
            raise
        notes.append(f"name check skipped (pattern recognizers only): {e}")
        return None


@cache
def shared_analyzer(spacy_model: str | None = None) -> Any:
    """One Presidio analyzer per process and spaCy model (loading spaCy takes a second or more)."""
    from meow.anonymize.analyzer import build_analyzer

    return build_analyzer(spacy_model)
