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

from meow.anonymize.names import fold, is_function_or_chat_word
from meow.anonymize.recognizers.in_context import InContextRecognizer
from meow.anonymize.wordy import is_name_use, needs_tags

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # "Min-jun" is one word
_REPEATED = re.compile(r"(.)\1\1")
SCORE = 0.9  # an NER-level guess: a known name or a pattern overlapping it wins


class RareNameRecognizer(InContextRecognizer):
    """PERSON spans for words unknown to the model, where the sentence shows a name."""

    recognizer_name = "RareNameRecognizer"
    score = SCORE

    def __init__(self, vocab: Any, english: frozenset[str], is_name: Callable[[str], bool]) -> None:
        """`vocab`: the spaCy model's vocabulary (its vectors tell known words); `english`: the English
        word index (meow.anonymize.given_names.english_words); `is_name(folded)`: names found otherwise."""
        self.vocab, self.english, self.known = vocab, english, is_name
        self.rare = lru_cache(maxsize=65536)(self._rare)  # chat repeats its words: each is looked up once
        super().__init__()

    def _rare(self, word: str) -> bool:
        if "-" in word:  # "min-jun": unseen as a whole, and not made of English words only ("well-known")
            parts = fold(word).split("-")
            unseen = not (self.vocab.has_vector(word) or self.vocab.has_vector(word.lower()))
            return unseen and not all(p in self.english for p in parts)
        if len(word) < 4:
            return False
        folded = fold(word)
        # "Hùng" is not the English "hung": a word written with diacritics is checked as written
        written = folded if word.isascii() else word.lower()
        return not (  # cheapest first: most words have a vector
            self.vocab.has_vector(word)
            or self.vocab.has_vector(word.lower())
            or written in self.english
            or is_function_or_chat_word(folded)
            or _REPEATED.search(folded)
            or self.known(folded)
        )

    def find(self, text: str) -> list[tuple[int, int]]:
        return [
            (m.start(), m.end())
            for m in _WORD.finditer(text)
            if text[m.start() - 1 : m.start()] != "#" and self.rare(m.group())  # "#markmywords": a phrase
        ]

    def needs_tags_at(self, text: str, start: int, end: int) -> bool:
        return needs_tags(text, start, end)

    def is_name(self, text: str, start: int, end: int, doc: Any) -> bool:
        return is_name_use(text, start, end, doc, known=True, thing=False)  # "Sallowby at reception"
