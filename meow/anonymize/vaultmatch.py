"""Find every real identifier the vault knows, in one pass over the text (one Aho-Corasick automaton).

Matching is case- and diacritic-insensitive ("ROBERT", "robert", "Zoë" = "zoe"), word-bounded ("Rob" does not
match inside "problem", but does in the CamelCase "#TeamRob", "ROBsmith") and covers every form the vault
holds (full names and their parts, phones, e-mails). A person's name is also found run together, as the
detector finds it (meow.anonymize.recognizers.known_names): first and last either way round
("robertsmith", "smithrobert"), bounded by non-letters only ("robertsmith92", "zoe_draws"), in a run of
name parts ("zoesmith") and, given English `words`, at an edge of a #hashtag/@handle ("#teamzoe") or beside
an English word ("lovejamie"). A last name in the plural ("the Smiths", "the Walshes") is found as the
detector finds it (meow.anonymize.plurals).
A name that is also an everyday word ("will", "may", "mark", one of `words`, or one that reads as a word
whoever has it: "hon", "monday") counts only where it is used as a name, decided as `meow anonymize` decides
it (meow.anonymize.wordy): "I will call you" and "thanks hon" are clean, "tell Will hi" is not.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import ahocorasick
from anyascii import anyascii

from meow.anonymize.findings import Finding, kind_of, resolve_overlaps
from meow.anonymize.given_names import names_read_as_words
from meow.anonymize.names import (
    camel_boundary,
    contracted,
    is_everyday_word,
    letter_bounded,
    name_tokens,
    tag_edge,
)
from meow.anonymize.plurals import plural_name_use, plurals, vault_last_names, wordy_plural
from meow.anonymize.recognizers.known_names import MIN_RUN_PART, run_together, with_a_word
from meow.anonymize.wordy import is_name_use

NUMBER_TYPES = frozenset({"PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_BANK_NUMBER"})
NUMBER_RUN = re.compile(r"(?<![\w+])\+?\d[\d ().\-/]{5,}\d(?!\w)")  # digits with the usual separators
MIN_DIGITS = 9  # compare the last 9 digits: country codes and trunk prefixes differ between spellings
MIN_LENGTH = 2  # one-letter "names" (initials) would match everywhere


def fold(text: str) -> tuple[str, list[int]]:
    """Lowercase ASCII transliteration of `text`, and for each folded character its index in `text`."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = ch if ch.isascii() else anyascii(ch)
        if not folded and not ch.isascii():
            folded = "?"  # unknown symbol: keep one placeholder so offsets stay meaningful
        chars.append(folded.lower())
        index.extend([i] * len(folded))
    return "".join(chars), index


def fold_key(identifier: str) -> str:
    return " ".join(fold(identifier)[0].split())


@dataclass(frozen=True, slots=True)
class _Entry:
    entity_type: str
    length: int  # in folded characters
    common_word: bool
    loose: bool = False  # a name without digits: bounded by any non-letter, found inside handles too
    plural: bool = False  # a last name in the plural ("smiths"): after "the" too where capitalised


class VaultMatcher:
    """Built once from `{entity_type: [real identifiers]}`; `find(text)` returns vault findings."""

    def __init__(
        self,
        identifiers: Mapping[str, Iterable[str]],
        exclude: Iterable[str] = (),
        nlp: Callable[[str], Any] | None = None,
        words: frozenset[str] = frozenset(),
    ) -> None:
        """`nlp` (a spaCy pipeline) helps decide everyday-word names: "May 3" is a date, not May; `words`
        (folded English words, e.g. Detector.words) tell "#teamzoe" from "#annual"."""
        self.nlp, self.words = nlp, words
        excluded = {fold_key(x) for x in exclude}
        people = {
            fold_key(v) for kind, values in identifiers.items() if kind.startswith("PERSON") for v in values
        }
        word_forms = words | names_read_as_words(nlp, people)
        self._automaton = ahocorasick.Automaton()
        self._numbers: dict[str, str] = {}  # last digits of a real phone/card/account -> entity type
        self.size = 0
        for entity_type, values in identifiers.items():
            for value in values:
                if entity_type in NUMBER_TYPES and len(digits := re.sub(r"\D", "", value)) >= MIN_DIGITS:
                    self._numbers[digits[-MIN_DIGITS:]] = entity_type
                key = fold_key(value)
                person = entity_type.startswith("PERSON")
                # A full name run together, as in a handle: "@robertsmith", "RobertSmith", "smithrobert".
                for k in [key, *_run_together_keys(key)] if person else [key]:
                    if len(k) < MIN_LENGTH or k in excluded or k in self._automaton:
                        continue
                    wordy = person and (is_everyday_word(value) or k in word_forms)
                    loose = person and not wordy and not any(c.isdigit() for c in k)
                    self._automaton.add_word(k, _Entry(entity_type, len(k), wordy, loose))
                    self.size += 1
        self._add_plurals(identifiers, excluded)
        if self.size:
            self._automaton.make_automaton()

    def _add_plurals(self, identifiers: Mapping[str, Iterable[str]], excluded: set[str]) -> None:
        """The vault's last names in the plural ("smiths", "walshes"), as the detector finds them."""
        found = plurals(vault_last_names(identifiers), [*self._automaton.keys(), *excluded])
        for form, last in found.items():
            wordy = wordy_plural(form, last, self.words)
            self._automaton.add_word(form, _Entry("PERSON", len(form), wordy, not wordy, plural=True))
            self.size += 1

    def find(self, text: str) -> list[Finding]:
        found = self._find_numbers(text) if self._numbers else []
        if not self.size:
            return found
        folded, index = fold(text)
        doc: Any = None
        inside: dict[tuple[int, int], str] = {}
        for end, entry in self._automaton.iter(folded):
            start = end - entry.length + 1
            s, e = index[start], index[end] + 1
            if entry.loose and not letter_bounded(text, s, e):
                if e - s >= MIN_RUN_PART and not entry.plural:  # "blacksmiths" holds no Smiths
                    inside[(s, e)] = entry.entity_type
                continue
            bounded = _word_bounded(folded, start, end + 1, camel_boundary(text, s), camel_boundary(text, e))
            if not (entry.loose or bounded) or contracted(text, e):  # "don't" holds no Don
                continue
            if entry.common_word:
                if doc is None and self.nlp is not None:
                    doc = self.nlp(text)  # only for texts with an everyday-word name: rare, so cheap
                name_use = plural_name_use if entry.plural else is_name_use
                if not name_use(text, s, e, doc):
                    continue
            found.append(Finding(kind_of(entry.entity_type), s, e, text[s:e], "vault", 1.0))
        spans = run_together(text, list(inside), self.words)
        spans += [span for span in inside if self._in_tag_or_word(text, *span)]
        found += [Finding(kind_of(inside[(s, e)]), s, e, text[s:e], "vault", 1.0) for s, e in spans]
        return resolve_overlaps(found)

    def _in_tag_or_word(self, text: str, start: int, end: int) -> bool:
        if not self.words:
            return False
        return tag_edge(text, start, end, self.words) or with_a_word(text, start, end, self.words)

    def _find_numbers(self, text: str) -> list[Finding]:
        """A real number written another way: "+44 7700 900123" is found as "07700-900-123" too."""
        found = []
        for m in NUMBER_RUN.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            entity_type = self._numbers.get(digits[-MIN_DIGITS:]) if len(digits) >= MIN_DIGITS else None
            if entity_type is not None:
                found.append(Finding(kind_of(entity_type), m.start(), m.end(), m.group(), "vault", 1.0))
        return found


def _word_bounded(folded: str, start: int, end: int, camel_start: bool, camel_end: bool) -> bool:
    """Word-bounded; `camel_start`/`camel_end`: a CamelCase hump begins there ("#TeamZoë")."""
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    left = camel_start or not (before.isalnum() and folded[start].isalnum())
    return left and (camel_end or not (after.isalnum() and folded[end - 1].isalnum()))


def _run_together_keys(key: str) -> list[str]:
    """ "robert smith" -> "robertsmith", "smithrobert"."""
    tokens = name_tokens(key)
    if len(tokens) < 2:
        return []
    return ["".join(tokens), tokens[0] + tokens[-1], tokens[-1] + tokens[0]]
