"""The Presidio pass of the audit and the guard: PII in generated text, minus the pseudonyms we put there.

With an `AnalyzerEngine` (spaCy NER + Presidio's recognizers, from `meow.anonymize.analyzer.build_analyzer`)
it finds names and places too; without one it runs Presidio's pattern recognizers alone (phones, e-mails,
URLs, cards, IBANs, IPs), which need no spaCy model and start in a blink. Both take their recognizers from
one registry (`analyzer.build_registry`); with NER, texts go through the batched pass that `meow anonymize`
uses too (`meow.anonymize.batchpass`), with results identical to `AnalyzerEngine.analyze` text by text.
A known pseudonym (a fake name, place, e-mail or number that `meow anonymize` wrote, or a name made only of
pseudonym parts) is expected in the output, not a leak.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from meow.anonymize.batchpass import BatchPass, possible_entities
from meow.anonymize.findings import Finding, kind_of, resolve_overlaps
from meow.anonymize.vaultmatch import MIN_DIGITS, NUMBER_TYPES, fold_key

PATTERN_ENTITIES = ("PHONE_NUMBER", "EMAIL_ADDRESS", "URL", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS")
NER_ENTITIES = ("PERSON", "LOCATION", "ADDRESS", "STREET_ADDRESS")
NAME_LIKE = frozenset({"PERSON", "LOCATION"})
DEFAULT_THRESHOLD = 0.4
MIN_PHONE_DIGITS = 7
_DIGIT = re.compile(r"\d")


def pattern_recognizers(registry: Any, entities: Iterable[str]) -> list[Any]:
    """The registry's recognizers for `entities`, but spaCy's: those that need no spaCy model (in a fixed
    order, so equal findings always resolve the same way)."""
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    found = registry.get_recognizers("en", entities=list(entities))
    return sorted((r for r in found if not isinstance(r, SpacyRecognizer)), key=lambda r: r.name)


class PiiDetector:
    """Presidio findings for one text. Build once (recognizers compile regexes, spaCy loads a model)."""

    def __init__(
        self,
        analyzer: Any | None = None,
        pseudonyms: Iterable[str] = (),
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.analyzer = analyzer
        self.threshold = threshold
        self._pseudonyms = {fold_key(p) for p in pseudonyms}
        # name parts and their hyphen pieces: "Ariel-Katie Gomez" -> ariel-katie, ariel, katie, gomez
        self._pseudonym_parts = {part for p in self._pseudonyms for part in re.split(r"[\s-]+", p) if part}
        self._pseudonym_parts |= {part for p in self._pseudonyms for part in p.split()}
        self._pseudonym_numbers = {d[-MIN_DIGITS:] for p in pseudonyms if len(d := _digits(p)) >= MIN_DIGITS}
        wanted = [*PATTERN_ENTITIES, *NER_ENTITIES]
        if analyzer is not None:
            registry, supported = analyzer.registry, set(analyzer.get_supported_entities("en"))
        else:
            from meow.anonymize.analyzer import build_registry

            registry = build_registry()
            supported = {e for r in pattern_recognizers(registry, wanted) for e in r.supported_entities}
        self.entities = [e for e in wanted if e in supported]
        self._recognizers = pattern_recognizers(registry, [e for e in self.entities if e not in NAME_LIKE])
        self._batch = None if analyzer is None else self._batch_pass(analyzer)

    def _batch_pass(self, analyzer: Any) -> BatchPass:
        """Presidio's analysis through the shared batched pass. Pattern recognizers run first, on their own
        (they need no spaCy): where none matches, only spaCy's people and places are left to find, so NER
        alone does; where one matches, the full pipeline runs, since its lemmas feed Presidio's context
        boost of the match's score. Same results as `AnalyzerEngine.analyze`, several times faster."""
        names_only = [e for e in self.entities if e in NAME_LIKE]
        pattern_hit = lru_cache(maxsize=4096)(lambda text: bool(self._patterns(text)))
        return BatchPass(
            analyzer,
            entities_for=lambda text: self._possible(text) if pattern_hit(text) else names_only,
            needs_tags=pattern_hit,
        )

    @property
    def finds_names(self) -> bool:
        return "PERSON" in self.entities

    def find(self, text: str) -> list[Finding]:
        return next(self.find_many([text])) if text.strip() else []

    def find_many(self, texts: Sequence[str], batch_size: int = 256) -> Iterator[list[Finding]]:
        """`find` for each text. With NER, through the batched pass `meow anonymize` uses too
        (meow.anonymize.batchpass): spaCy in batches, NER alone except where a pattern matched."""
        if self._batch is None:
            for text in texts:
                yield self._findings(text, self._patterns(text) if text.strip() else [])
            return
        for lo in range(0, len(texts), batch_size):
            chunk = list(texts[lo : lo + batch_size])
            yield from map(self._findings, chunk, self._batch.analyze(chunk))

    def _findings(self, text: str, results: Iterable[Any]) -> list[Finding]:
        """Presidio results above the threshold, minus pseudonyms and anything inside one (the domain
        of a fake e-mail address is not a URL leak)."""
        kept = [r for r in results if r.score >= self.threshold and _plausible(r, text)]
        fakes = [(r.start, r.end) for r in kept if self._is_pseudonym(text[r.start : r.end], r.entity_type)]
        return resolve_overlaps(
            Finding(
                kind_of(r.entity_type), r.start, r.end, text[r.start : r.end], "presidio", round(r.score, 2)
            )
            for r in kept
            if not any(s <= r.start and r.end <= e for s, e in fakes)
        )

    def _possible(self, text: str) -> list[str]:
        """The entities `text` can hold. No phone number with fewer than 7 digits is reported
        (`_plausible`), so a text without 7 digits skips the phone recognizers, the slowest ones."""
        possible = possible_entities(text, self.entities)
        if "PHONE_NUMBER" in possible and _digit_count(text) < MIN_PHONE_DIGITS:
            possible.remove("PHONE_NUMBER")
        return possible

    def _patterns(self, text: str) -> list[Any]:
        """What the pattern recognizers find in `text` (no spaCy), for the entities it can hold."""
        results: list[Any] = []
        possible = self._possible(text)
        for recognizer in self._recognizers:
            entities = [e for e in recognizer.supported_entities if e in possible]
            if entities:
                results.extend(recognizer.analyze(text, entities, None))
        return results

    def _is_pseudonym(self, span: str, entity_type: str) -> bool:
        """A fake that `meow anonymize` put in the corpus: a pseudonym name, place, number or address."""
        key = fold_key(span).removesuffix("'s").removesuffix("'").strip()
        if key in self._pseudonyms:
            return True
        if entity_type in NUMBER_TYPES:
            digits = _digits(span)
            return len(digits) >= MIN_DIGITS and digits[-MIN_DIGITS:] in self._pseudonym_numbers
        words = re.split(r"[\s-]+", key)
        return entity_type in NAME_LIKE and bool(words) and all(w in self._pseudonym_parts for w in words)


def _plausible(result: Any, text: str) -> bool:
    """Presidio takes some 6-digit numbers (a price, a code) for phones: no phone number is that short."""
    if result.entity_type != "PHONE_NUMBER":
        return True
    return len(_digits(text[result.start : result.end])) >= MIN_PHONE_DIGITS


def _digit_count(text: str) -> int:
    """`len(_digits(text))`, at C speed for ASCII text."""
    return len(_DIGIT.findall(text)) if text.isascii() else len(_digits(text))


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
