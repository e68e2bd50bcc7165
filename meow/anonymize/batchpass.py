"""Presidio over many texts at once, fast: the one pass behind `meow anonymize`'s `Detector` and the
audit's and guard's `PiiDetector`, so both see PII the same way and at the same speed.

    batch = BatchPass(analyzer, entities_for=lambda t: possible_entities(t, wanted))
    results = batch.analyze(texts)      # Presidio `RecognizerResult`s per text, in text order

Where the speed comes from, without changing what Presidio finds:
- each distinct text is analysed once;
- spaCy runs in batches (`nlp.pipe`) with only its NER component: the tagger, attribute ruler and lemmatizer
  feed nothing but Presidio's context boosts (lemmas of the words near a match). The full pipeline runs
  only on the texts for which `needs_tags(text)` says so (the caller's word-sense checks, or a pattern
  recognizer's match whose score context may raise);
- the caller's `entities_for(text)` leaves out entities the text cannot hold (`possible_entities`: no digit,
  no phone number), so their recognizers do not run; a text where only people and places are possible skips
  `AnalyzerEngine.analyze` and asks the spaCy recognizer directly (it has no context words to weigh).
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult

T = TypeVar("T")
NER_ENTITIES = ("PERSON", "LOCATION")
NER_ONLY_DISABLED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "senter")
TAGS_ONLY_DISABLED = ("parser", "senter")  # nothing reads the dependency parse
CHUNK = 1024  # texts per round of tag decisions, spaCy and recognizers (in_context caches as many)


_DIGIT = re.compile(r"\d")
_DOT_WORD = re.compile(r"\.\w")
_IPV6_LETTERS = re.compile(r"::|\w:\w")  # an IPv6 address without digits has one or the other


def _has_digit(text: str) -> bool:
    """`any(c.isdigit() for c in text)`, at C speed for ASCII text."""
    return _DIGIT.search(text) is not None or (not text.isascii() and any(c.isdigit() for c in text))


# What a text must hold for Presidio's (and meow's) pattern recognizers of an entity to match at all.
GATES: dict[str, Callable[[str], bool]] = {
    "PHONE_NUMBER": _has_digit,
    "CREDIT_CARD": _has_digit,
    "IBAN_CODE": _has_digit,
    "US_SSN": _has_digit,
    "STREET_ADDRESS": _has_digit,
    "IP_ADDRESS": lambda t: _has_digit(t) or _IPV6_LETTERS.search(t) is not None,  # "dead::beef"
    "EMAIL_ADDRESS": lambda t: "@" in t,
    "URL": lambda t: _DOT_WORD.search(t) is not None,  # a domain's dot comes right before its TLD
}


def possible_entities(text: str, entities: Sequence[str]) -> list[str]:
    """The `entities` that `text` can hold: a phone number needs a digit, an e-mail an '@'."""
    return [e for e in entities if (gate := GATES.get(e)) is None or gate(text)]


def per_distinct(texts: Sequence[str], analyze: Callable[[list[str]], Iterable[T]]) -> list[T]:
    """`analyze` over the distinct texts (first-seen order), spread back over `texts`: chat repeats "lol"
    and "ok" a lot, and each is analysed once (repeats share the result)."""
    unique = list(dict.fromkeys(texts))
    found = dict(zip(unique, analyze(unique), strict=True))
    return [found[t] for t in texts]


def _never(text: str) -> bool:
    return False


def _same(text: str) -> str:
    return text


class BatchPass:
    """Presidio's analysis of many texts. Build once per analyzer and settings; reuse for every batch.

    `threshold` is `AnalyzerEngine.analyze`'s `score_threshold` (None: the recognizers' own thresholds).
    `ad_hoc` recognizers run on every text; `ner_text(text)` is what spaCy reads instead of `text` (same
    length, so offsets hold)."""

    def __init__(
        self,
        analyzer: "AnalyzerEngine",
        *,
        entities_for: Callable[[str], list[str]],
        threshold: float | None = None,
        ad_hoc: Sequence["EntityRecognizer"] = (),
        needs_tags: Callable[[str], bool] = _never,
        ner_text: Callable[[str], str] = _same,
        batch_size: int = 512,
        n_process: int = 1,
    ) -> None:
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        self.analyzer = analyzer
        engine: Any = analyzer.nlp_engine  # a SpacyNlpEngine
        self.nlp_engine = engine
        self.nlp = engine.get_nlp("en")
        self.entities_for = entities_for
        self.threshold = threshold
        self.ad_hoc = list(ad_hoc)
        self.needs_tags = needs_tags
        self.ner_text = ner_text
        self.batch_size = batch_size
        self.n_process = n_process
        spacy_recognizers = [r for r in analyzer.registry.recognizers if isinstance(r, SpacyRecognizer)]
        self.spacy_recognizer = spacy_recognizers[0] if spacy_recognizers else None

    def analyze(self, texts: Sequence[str]) -> list[list["RecognizerResult"]]:
        """Results per text, in text order; a repeated text gets the same list."""
        return per_distinct(texts, self.analyze_distinct)

    def analyze_distinct(self, texts: Sequence[str]) -> Iterator[list["RecognizerResult"]]:
        """Results per text for texts without repeats (the caller deduplicated them). They go through in
        chunks, so what the recognizers cache about a text while deciding on tags is still there when they
        analyse it."""
        for i in range(0, len(texts), CHUNK):
            chunk = texts[i : i + CHUNK]
            tagged = [t for t in chunk if self.needs_tags(t)]
            tagged_set = set(tagged)
            plain = [t for t in chunk if t not in tagged_set]
            docs = dict(zip(plain, self._pipe(plain, NER_ONLY_DISABLED), strict=True))
            docs.update(zip(tagged, self._pipe(tagged, TAGS_ONLY_DISABLED), strict=True))
            for text in chunk:
                yield self._analyze(text, docs[text])

    def _pipe(self, texts: list[str], disable: Sequence[str]) -> Iterator[Any]:
        disable = [name for name in disable if name in self.nlp.pipe_names]
        n_process = self.n_process if len(texts) >= 4 * self.batch_size else 1
        yield from self.nlp.pipe(
            [self.ner_text(t) for t in texts],
            disable=disable,
            batch_size=self.batch_size,
            n_process=n_process,
        )

    def _analyze(self, text: str, doc: Any) -> list["RecognizerResult"]:
        # Presidio's own conversion of a spaCy Doc (entity mapping, labels to ignore, scores).
        artifacts = self.nlp_engine._doc_to_nlp_artifact(doc, "en")
        entities = self.entities_for(text)
        if self.spacy_recognizer is not None and set(entities) <= set(NER_ENTITIES):
            # Only people and places are possible: no pattern recognizer, no context words to weigh.
            threshold = self.analyzer.default_score_threshold if self.threshold is None else self.threshold
            recognizers = [self.spacy_recognizer, *self.ad_hoc]
            results = [r for rec in recognizers for r in rec.analyze(text, entities, artifacts)]
            return [r for r in results if r.score >= threshold]
        return list(
            self.analyzer.analyze(
                text,
                language="en",
                entities=entities,
                nlp_artifacts=artifacts,
                score_threshold=self.threshold,
                ad_hoc_recognizers=self.ad_hoc or None,
            )
        )
