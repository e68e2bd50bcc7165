"""Given names that are everyday words, of people the export does not name, where the sentence shows a
person (meow.anonymize.person_cues): "brook ordered pizza for everyone", "tell ginger to chill". Any other
English noun counts only with a cue in the sentence itself ("Silence said she'll babysit"), not after
"tell" or "add" ("i added salt to the soup").

A word no dictionary knows and that is no chat word ("Hiba", "Sekou", "rupa") is a name where the sentence
shows a person, with the cues for given names ("Hiba sent her mum's recipe", "Rupa are u coming"):
`UnknownNameRecognizer`. NER misses such names when no capital letter or no familiar name helps it."""

import re
from collections.abc import Callable
from typing import Any

from meow.anonymize.names import fold
from meow.anonymize.person_cues import acts_as_person, could_act_as_person, needs_tags
from meow.anonymize.recognizers.in_context import InContextRecognizer

_WORD = re.compile(r"[^\W\d_]+")
SCORE = 0.96  # above NER guesses, like the other context-checked names


class WordNameRecognizer(InContextRecognizer):
    """PERSON spans for `names` and `nouns` (folded) used as someone's name."""

    recognizer_name = "WordNameRecognizer"
    score = SCORE

    def __init__(self, names: frozenset[str], nouns: frozenset[str] = frozenset()) -> None:
        self.names, self.nouns = names, nouns
        super().__init__()

    def find(self, text: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in _WORD.finditer(text)
            if (w := fold(m.group())) in self.names or w in self.nouns
        ]

    def needs_tags_at(self, text: str, start: int, end: int) -> bool:
        return needs_tags(text, start, end, told=fold(text[start:end]) in self.names)

    def is_name(self, text: str, start: int, end: int, doc: Any) -> bool:
        told = fold(text[start:end]) in self.names
        return could_act_as_person(text, start, end, told) and acts_as_person(text, start, end, doc, told)


class UnknownNameRecognizer(InContextRecognizer):
    """PERSON spans for words that `unknown` (folded) says no dictionary holds, used as someone's name.
    Its findings spread like NER's (meow.anonymize.propagate): such a word is no everyday word."""

    recognizer_name = "UnknownNameRecognizer"
    score = 0.9  # an NER-level guess: a known name or a pattern overlapping it wins

    def __init__(self, unknown: Callable[[str], bool]) -> None:
        self.unknown = unknown
        super().__init__()

    def find(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _WORD.finditer(text) if self.unknown(fold(m.group()))]

    def needs_tags_at(self, text: str, start: int, end: int) -> bool:
        return needs_tags(text, start, end)

    def is_name(self, text: str, start: int, end: int, doc: Any) -> bool:
        return could_act_as_person(text, start, end) and acts_as_person(text, start, end, doc)
