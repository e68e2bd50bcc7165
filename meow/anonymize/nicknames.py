"""Nicknames of the export's first names ("Rob", "Robbie" for Robert), so they are found and get the
pseudonym of the name they stand for ("Rob" -> the first name of Robert's pseudonym)."""

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from meow.anonymize.names import fold, is_function_or_chat_word, is_placeholder, name_tokens, split_pieces


@lru_cache(maxsize=1)
def _namer() -> object:
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from faker.providers.person.en_US import Provider

    return frozenset(n.lower() for n in Provider.first_names)


_SYLLABLE = re.compile(r"[^aeiouy][aeiouy][^aeiouy]")  # "kat", "cel", "fer": consonant, vowel, consonant


def _prefixes(first: str) -> set[str]:
    """Short forms that are the start of the name and a given name themselves: "Fern" for Fernanda,
    "Glen" for Glenys, "Theo" for Theodore. The nickname table lists the English ones only."""
    from meow.anonymize.given_names import faker_first_names

    return {first[:k] for k in range(3, len(first) - 1) if first[:k] in faker_first_names()}


def _clipped(first: str, english: Callable[[str], bool]) -> set[str]:
    """The first three letters, where they make a syllable that is no English word: "Cel" for Celestine,
    "Kat" for Katarzyna, "Fer" for Fernanda."""
    prefix = first[:3]
    if len(first) < 5 or not _SYLLABLE.fullmatch(prefix) or english(prefix):
        return set()
    return set() if is_function_or_chat_word(prefix) else {prefix}


def _nicknames(first: str, english: Callable[[str], bool] | None = None) -> set[str]:
    found = {n for n in _namer().nicknames_of(first) if 3 <= len(n) < len(first)}  # type: ignore[attr-defined]
    found |= _prefixes(first)
    # "Rob" and "Bob" for Robert; not "Fred" for Will (via Wilfred).
    plausible = {n for n in found if n[:2] == first[:2] or (n in _given_names() and len(first) >= 5)}
    diminutives = set()
    for base in {b for b in (first, *plausible) if 3 <= len(b) <= 4}:
        if base[-1] not in "aeiouy":
            diminutives |= {base + "y", base + "ie", base + base[-1] + "y", base + base[-1] + "ie"}
        else:
            diminutives |= {base + "sie"}
    return plausible | diminutives | (_clipped(first, english) if english else set())


def aliases(names: Iterable[str], english: Callable[[str], bool] | None = None) -> dict[str, str]:
    """Folded nickname -> folded first name, for nicknames that point to exactly one export first name
    and are not themselves a name part of someone in the export."""
    firsts, parts = set(), set()
    for name in names:
        if is_placeholder(name):
            continue
        tokens = name_tokens(name)
        parts |= {fold(p) for t in tokens for p in split_pieces(t)}
        if tokens:
            firsts |= {fold(p) for p in split_pieces(tokens[0]) if p.isalpha()}
    claims: dict[str, set[str]] = {}
    for first in sorted(firsts):
        for nick in _nicknames(first, english):
            claims.setdefault(nick, set()).add(first)
    return {
        nick: next(iter(owners))
        for nick, owners in sorted(claims.items())
        if len(owners) == 1 and nick not in parts and not is_function_or_chat_word(nick)
    }
