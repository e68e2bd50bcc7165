"""The shape of a recognizer that picks candidate words and keeps those the sentence shows to be a name."""

from functools import lru_cache
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from meow.anonymize.batchpass import CHUNK
from meow.anonymize.wordy import term_of_address


def person_result(
    start: int, end: int, score: float, recognizer: str, ident: str | None = None
) -> RecognizerResult:
    """A PERSON finding, named after the recognizer or rule that made it."""
    metadata: dict[str, Any] = {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer}
    if ident is not None:
        metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = ident
    return RecognizerResult("PERSON", start, end, score, recognition_metadata=metadata)


class InContextRecognizer(EntityRecognizer):  # type: ignore[misc]
    """PERSON spans for the candidates `find` picks where `is_name` says the sentence shows a name.

    Subclasses set `recognizer_name` and `score` and implement `find`, `needs_tags_at` and `is_name`.
    """

    recognizer_name = "InContextRecognizer"
    score = 0.9

    def __init__(self) -> None:
        # needs_tags and analyze both ask for the same text's candidates
        self.matches = lru_cache(maxsize=2 * CHUNK)(self.find)
        super().__init__(supported_entities=["PERSON"], name=self.recognizer_name, supported_language="en")

    def load(self) -> None:
        """Nothing to load."""

    def find(self, text: str) -> list[tuple[int, int]]:
        raise NotImplementedError

    def needs_tags_at(self, text: str, start: int, end: int) -> bool:
        raise NotImplementedError

    def is_name(self, text: str, start: int, end: int, doc: Any) -> bool:
        raise NotImplementedError

    def needs_tags(self, text: str) -> bool:
        """Whether deciding this text needs part-of-speech tags (BatchPass then runs the full pipeline)."""
        return any(self.needs_tags_at(text, s, e) for s, e in self.matches(text))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        return [
            person_result(start, end, self.score, self.recognizer_name, self.id)
            for start, end in self.matches(text)
            if not term_of_address(text, start, end) and self.is_name(text, start, end, doc)
        ]
