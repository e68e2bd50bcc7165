"""The strongest signal: the export's own names, matched exactly with one Aho-Corasick automaton.

Every form of every name (full, parts, hyphen pieces, ASCII forms) is matched case- and diacritic-
insensitively, word-bounded, possessives included ("robert's" -> span "robert"). A form that is also an
everyday word ("Will", "Bill") counts only where it is used as a name (see meow.anonymize.wordy).
"""

from collections.abc import Iterable
from typing import Any

import ahocorasick
from anyascii import anyascii
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from meow.anonymize.names import (
    camel_boundary,
    fold,
    initials,
    is_everyday_word,
    is_function_or_chat_word,
    is_placeholder,
    name_forms,
)
from meow.anonymize.wordy import initials_use, is_name_use, needs_tags


class KnownNameRecognizer(EntityRecognizer):  # type: ignore[misc]
    """PERSON (or `entity`) spans for a fixed list of names."""

    def __init__(
        self,
        names: Iterable[str],
        entity: str = "PERSON",
        name: str = "KnownNameRecognizer",
        *,
        parts: bool = True,
        known: bool = True,
        score: float = 1.0,
        words: frozenset[str] = frozenset(),
    ):
        """`parts=False` matches only whole values (a place: "New York", not "new"); `known=False` for
        names that are not the export's (everyday-word names then need stronger evidence); `words`: more
        English words (folded) that count as everyday words, as the fixed list does ("crane", "carol")."""
        self.entity = entity
        self.recognizer_name = name
        self.known_names, self.score = known, score
        self.automaton: Any = ahocorasick.Automaton()
        self.size = 0
        names = [n for n in names if not is_placeholder(n)]
        for display in names:
            if is_placeholder(display):
                continue
            forms = name_forms(display) if parts else {display.strip(), anyascii(display.strip())}
            for form in forms:
                if is_function_or_chat_word(form):
                    continue
                folded = fold(form)
                if folded not in self.automaton:
                    self.automaton.add_word(folded, (len(folded), is_everyday_word(form) or folded in words))
                    self.size += 1
        # "AM" for Anne-Marie: only in capitals, and only where someone is addressed ("hey AM!!").
        self.initial_keys = {fold(i) for i in map(initials, names) if i} if parts else set()
        for folded in self.initial_keys - set(self.automaton.keys()):
            self.automaton.add_word(folded, (len(folded), True))
            self.size += 1
        if self.size:
            self.automaton.make_automaton()
        super().__init__(supported_entities=[entity], name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load: the automaton is built in the constructor."""

    def matches(self, text: str) -> list[tuple[int, int, bool]]:
        """Longest word-bounded matches, left to right: (start, end, ambiguous)."""
        if not self.size:
            return []
        found = []
        for last, (length, ambiguous) in self.automaton.iter(fold(text)):
            start, end = last - length + 1, last + 1
            if _bounded(text, start, end):
                found.append((start, end, ambiguous))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, bool]] = []
        for match in found:
            if not chosen or match[0] >= chosen[-1][1]:
                chosen.append(match)
        return chosen

    def needs_tags(self, text: str) -> bool:
        """Whether deciding this text needs part-of-speech tags (an everyday-word name that capitalisation
        and context alone cannot settle)."""
        return any(ambiguous and needs_tags(text, s, e) for s, e, ambiguous in self.matches(text))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        results = []
        for start, end, ambiguous in self.matches(text):
            if fold(text[start:end]) in self.initial_keys:
                if not initials_use(text, start, end):
                    continue
            elif ambiguous and not is_name_use(text, start, end, doc, known=self.known_names):
                continue
            results.append(
                RecognizerResult(
                    self.entity,
                    start,
                    end,
                    self.score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.recognizer_name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def _bounded(text: str, start: int, end: int) -> bool:
    """Word-bounded, where the start or end of a CamelCase hump is a boundary too ("#TeamZoë")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left = not (before.isalnum() or before == "_") or camel_boundary(text, start)
    return left and (not (after.isalnum() or after == "_") or camel_boundary(text, end))
