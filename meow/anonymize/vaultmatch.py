"""Find every real identifier the vault knows, in one pass over the text (one Aho-Corasick automaton).

Matching is case- and diacritic-insensitive ("ROBERT", "robert", "Zoë" = "zoe"), word-bounded ("Rob" does not
match inside "problem", but does in the CamelCase "#TeamRob") and covers every form the vault holds (full
names and their parts, phones, e-mails).
A name that is also an everyday word ("will", "may", "mark") counts only where it is used as a name, decided
as `meow anonymize` decides it (meow.anonymize.wordy): "I will call you" is clean, "tell Will hi" is not.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import ahocorasick
from anyascii import anyascii

from meow.anonymize.findings import Finding, kind_of, resolve_overlaps
from meow.anonymize.names import camel_boundary, is_everyday_word
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


class VaultMatcher:
    """Built once from `{entity_type: [real identifiers]}`; `find(text)` returns vault findings."""

    def __init__(
        self,
        identifiers: Mapping[str, Iterable[str]],
        exclude: Iterable[str] = (),
        nlp: Callable[[str], Any] | None = None,
    ) -> None:
        """`nlp` (a spaCy pipeline) helps decide everyday-word names: "May 3" is a date, not May."""
        self.nlp = nlp
        excluded = {fold_key(x) for x in exclude}
        self._automaton = ahocorasick.Automaton()
        self._numbers: dict[str, str] = {}  # last digits of a real phone/card/account -> entity type
        self.size = 0
        for entity_type, values in identifiers.items():
            for value in values:
                if entity_type in NUMBER_TYPES and len(digits := re.sub(r"\D", "", value)) >= MIN_DIGITS:
                    self._numbers[digits[-MIN_DIGITS:]] = entity_type
                key = fold_key(value)
                person = entity_type.startswith("PERSON")
                # A full name run together, as in a handle: "@robertsmith", "RobertSmith".
                for k in [key, key.replace(" ", "")] if person and " " in key else [key]:
                    if len(k) < MIN_LENGTH or k in excluded or k in self._automaton:
                        continue
                    wordy = person and is_everyday_word(value)
                    self._automaton.add_word(k, _Entry(entity_type, len(k), wordy))
                    self.size += 1
        if self.size:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Finding]:
        found = self._find_numbers(text) if self._numbers else []
        if not self.size:
            return found
        folded, index = fold(text)
        doc: Any = None
        for end, entry in self._automaton.iter(folded):
            start = end - entry.length + 1
            s, e = index[start], index[end] + 1
            if not _word_bounded(folded, start, end + 1, camel_boundary(text, s), camel_boundary(text, e)):
                continue
            if entry.common_word:
                if doc is None and self.nlp is not None:
                    doc = self.nlp(text)  # only for texts with an everyday-word name: rare, so cheap
                if not is_name_use(text, s, e, doc):
                    continue
            found.append(Finding(kind_of(entry.entity_type), s, e, text[s:e], "vault", 1.0))
        return resolve_overlaps(found)

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
