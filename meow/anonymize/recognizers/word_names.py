"""Given names that are everyday words, of people the export does not name, where the sentence shows a
person (meow.anonymize.person_cues): "brook ordered pizza for everyone", "tell ginger to chill"."""

import re
from functools import lru_cache
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from meow.anonymize.names import fold
from meow.anonymize.person_cues import acts_as_person, needs_tags

_WORD = re.compile(r"[^\W\d_]+")
SCORE = 0.96  # above NER guesses, like the other context-checked names


class WordNameRecognizer(EntityRecognizer):  # type: ignore[misc]
    """PERSON spans for `names` (folded) used as someone's name."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names
        # needs_tags and analyze both ask for the same text's matches
        self.matches = lru_cache(maxsize=1024)(self._find)
        super().__init__(supported_entities=["PERSON"], name="WordNameRecognizer", supported_language="en")

    def load(self) -> None:
        """Nothing to load."""

    def _find(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _WORD.finditer(text) if fold(m.group()) in self.names]

    def needs_tags(self, text: str) -> bool:
        return any(needs_tags(text, s) for s, _ in self.matches(text))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc: Any = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        return [
            RecognizerResult(
                "PERSON",
                start,
                end,
                SCORE,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: "WordNameRecognizer",
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for start, end in self.matches(text)
            if acts_as_person(text, start, end, doc)
        ]
