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
from meow.anonymize.person_cues import (
    ADVERBS,
    acts_as_person,
    clause_start,
    could_act_as_person,
    needs_tags,
)
from meow.anonymize.recognizers.in_context import InContextRecognizer
from meow.anonymize.tokens import tokens_after

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

    def __init__(self, unknown: Callable[[str], bool], name_like: Callable[[str], bool]) -> None:
        """`unknown(folded)`: in no word list; `name_like(folded)`: its vector looks like a given name's,
        so any verb after it makes it someone ("Meron made injera"; not "Tomorow is fine")."""
        self.unknown, self.name_like = unknown, name_like
        super().__init__()

    def find(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _WORD.finditer(text) if self.unknown(fold(m.group()))]

    def needs_tags_at(self, text: str, start: int, end: int) -> bool:
        return self.opens_with_a_name(text, start, end) or needs_tags(text, start, end)

    def is_name(self, text: str, start: int, end: int, doc: Any) -> bool:
        if self.opens_with_a_name(text, start, end) and _finite_verb_next(doc, end):
            return True  # "Meron made injera", "pilar gets seasick": no English word, so someone
        return could_act_as_person(text, start, end) and acts_as_person(text, start, end, doc)

    def opens_with_a_name(self, text: str, start: int, end: int) -> bool:
        """The word opens a clause and its vector looks like a name's."""
        return clause_start(text, start) and self.name_like(fold(text[start:end]))


def _finite_verb_next(doc: Any, end: int) -> bool:
    """The next word (past adverbs) is a verb with a tense or a modal: "made", "gets", "is", "will"."""
    following = [t for t in tokens_after(doc, end, 4) if t.lower_ not in ADVERBS][:1]
    return bool(following) and str(following[0].tag_) in {"VBD", "VBZ", "MD"}
