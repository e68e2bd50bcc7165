"""Rare words in a name's place: "bartosz is out sick today", "text kettleborough", "Chidinma wins".

spaCy's NER misses names it has never seen, above all in lowercase, and no list of given names holds every
name ("Bartosz", "Xóchitl", "Meenakshi"). A word the model has no vector for, that no dictionary knows and
that is not chat slang, used where a name goes (after "tell" or "hey", as the subject of a verb at the start
of a sentence, capitalised mid-sentence: meow.anonymize.wordy decides, as for the export's own names) is
taken for a person.
"""

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from meow.anonymize.names import fold, is_function_or_chat_word
from meow.anonymize.wordy import is_name_use, needs_tags

_WORD = re.compile(r"[^\W\d_]{4,}")
_REPEATED = re.compile(r"(.)\1\1")
SCORE = 0.9  # an NER-level guess: a known name or a pattern overlapping it wins


class RareNameRecognizer(EntityRecognizer):  # type: ignore[misc]
    """PERSON spans for words unknown to the model, where the sentence shows a name."""

    def __init__(self, vocab: Any, english: frozenset[str], is_name: Callable[[str], bool]) -> None:
        """`vocab`: the spaCy model's vocabulary (its vectors tell known words); `english`: the English
        word index (meow.anonymize.given_names.english_words); `is_name(folded)`: names found otherwise."""
        self.vocab, self.english, self.is_name = vocab, english, is_name
        # needs_tags and analyze both ask for the same text's matches
        self.matches = lru_cache(maxsize=1024)(self._find)
        super().__init__(supported_entities=["PERSON"], name="RareNameRecognizer", supported_language="en")

    def load(self) -> None:
        """Nothing to load."""

    def rare(self, word: str) -> bool:
        folded = fold(word)
        return not (
            folded in self.english
            or is_function_or_chat_word(folded)
            or _REPEATED.search(folded)
            or self.is_name(folded)
            or self.vocab.has_vector(word)
            or self.vocab.has_vector(word.lower())
        )

    def _find(self, text: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in _WORD.finditer(text)
            if text[m.start() - 1 : m.start()] != "#" and self.rare(m.group())  # "#markmywords": a phrase
        ]

    def needs_tags(self, text: str) -> bool:
        return any(needs_tags(text, s, e) for s, e in self.matches(text))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        return [
            RecognizerResult(
                "PERSON",
                start,
                end,
                SCORE,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: "RareNameRecognizer",
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for start, end in self.matches(text)
            if is_name_use(text, start, end, doc, known=True)
        ]
