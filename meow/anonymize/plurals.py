"""Surnames in the plural: "the Smiths are coming", "the Walshes", "THE LINDQVISTS", "the Lindqvists' house".

A known LAST name (the last word of a full name, not anyone's first name) + "s" (+ "es" after s, x, z, ch,
sh: the English rule, so Eva Lin gives no "lines") is one more form of that name, found by the detector
(meow.anonymize.recognizers.known_names) and counted by the self-check and the audit. A plural that is
itself a name of the export ("Jules" while Jules is a first name) stays that name, and one that is a stop
or chat word ("this" for a "Thi") is never a plural. A surname that is an everyday word, or whose plural is
one ("Baker": "the bakers on main st"), is a name only where it reads as one (`plural_name_use`).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from anyascii import anyascii

from meow.anonymize.names import (
    fold,
    is_everyday_word,
    is_function_or_chat_word,
    key,
    name_tokens,
    split_pieces,
)
from meow.anonymize.pseudonyms import FIRST, LAST, plural
from meow.anonymize.wordy import DETERMINERS, is_name_use

MIN_STEM = 3  # letters of a surname looked for in the plural ("Le" would make "les" a name)


def _forms(token: str) -> set[str]:
    """A name word, its hyphen pieces and their ASCII forms, folded."""
    pieces = {token, *(p for p in split_pieces(token) if p.isalpha())}
    return {fold(f) for p in pieces for f in (p, anyascii(p))}


def last_names(names: Iterable[str]) -> set[str]:
    """The folded last names among display names ("Jamie Lindqvist" -> lindqvist, "Ann Smith-Jones" ->
    smith-jones, smith, jones), without any that is a first or middle name too. A one-word name counts as
    a first name unless it is someone's last name ("Lindqvist" beside "Jamie Lindqvist")."""
    lasts: set[str] = set()
    firsts: set[str] = set()
    singles: set[str] = set()
    for name in names:
        tokens = name_tokens(name)
        if len(tokens) == 1:
            singles |= _forms(tokens[0])
        elif tokens:
            lasts |= _forms(tokens[-1])
            for token in tokens[:-1]:
                firsts |= _forms(token)
    return lasts - firsts - (singles - lasts)


def vault_last_names(entries: Mapping[str, Iterable[str]]) -> set[str]:
    """The vault's last names: its `PERSON_LAST` keys that are no `PERSON_FIRST` key."""
    return {key(k) for k in entries.get(LAST, ())} - {key(k) for k in entries.get(FIRST, ())}


def plurals(lasts: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """Folded plural -> folded last name, for last names of `MIN_STEM`+ letters; a plural that is one of
    `taken` (the export's own name forms) or a stop or chat word is left out."""
    excluded = set(taken)
    out: dict[str, str] = {}
    for last in lasts:
        if len(last) < MIN_STEM or not last[-1].isalpha():
            continue
        form = plural(last)
        if form not in excluded and not is_function_or_chat_word(form):
            out[form] = last
    return out


def wordy_plural(form: str, last: str, words: frozenset[str] = frozenset()) -> bool:
    """Whether a plural or its last name is an everyday word (`words`: more of them, e.g. Detector.words):
    then the plural counts only where it reads as a name ("the Bakers", not "the bakers on main st")."""
    return any(is_everyday_word(w) or fold(w) in words for w in (form, last))


def plural_name_use(text: str, start: int, end: int, doc: Any = None, known: bool = True) -> bool:
    """Whether `text[start:end]`, an everyday-word surname in the plural, is used as a name: where
    meow.anonymize.wordy says so, or capitalised after a determiner in a text not all in capitals ("the
    Bakers are coming", "see the BAKERS"; "the bakers on main st" stays)."""
    if is_name_use(text, start, end, doc, known=known):
        return True
    before = text[:start].split()
    previous = before[-1].lower().strip("\"'(") if before else ""
    return previous in DETERMINERS and text[start].isupper() and not text.isupper()
