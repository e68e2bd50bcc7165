"""The self-check: before `meow anonymize` reports success, every string it wrote is scanned for every
real identifier in the vault (case- and diacritic-insensitive, word-bounded, a CamelCase hump counting as a
word: "#TeamZoë", "ZOEMuller"). A hit is an error that gives the count, never the value.

A person's name is looked for in the run-together forms the detector replaces (meow.anonymize.recognizers.
known_names): first and last run together either way round ("robertsmith", "smithrobert"), bounded by
non-letters only ("robertsmith92", "zoe_draws"), at an edge of a #hashtag or @handle ("#teamzoe"), in a run
of letters made of name parts ("zoesmith") or of a name part and an English word ("lovejamie").

A last name in the plural ("the Smiths", "THE WALSHES") is a leak too, unless it or its surname is an
everyday word ("the Bakers"): the detector keeps "the bakers on main st", which the scan cannot tell apart.
Like the detector, it looks for a plural bounded by non-letters ("smiths92"), never inside a longer run
("blacksmiths").

A name part that is also an everyday word ("Will", "May", or one of the detector's English `words` such as
"Crane") is checked only inside the full name: on its own it is the word in "i will be there", which must
stay.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ahocorasick
import orjson

from meow.anonymize.names import (
    camel_boundary,
    contracted,
    fold,
    is_everyday_word,
    is_function_or_chat_word,
    letter_bounded,
    name_tokens,
    tag_edge,
)
from meow.anonymize.plurals import plurals, vault_last_names, wordy_plural
from meow.anonymize.recognizers.known_names import MIN_RUN_PART, run_together, with_a_word
from meow.anonymize.vault import Vault

MIN_LENGTH = 2


def checked_identifiers(vault: Vault, words: frozenset[str] = frozenset()) -> list[str]:
    """The vault's real identifiers the scan looks for (everyday words on their own left out)."""
    out = set()
    for real in vault.real_identifiers():
        folded = fold(real.strip())
        everyday = is_everyday_word(folded) or folded in words
        if len(folded) < MIN_LENGTH or (" " not in folded and everyday):
            continue
        if is_function_or_chat_word(folded):
            continue
        out.add(folded)
        if " " in folded:  # a full name run together, as in a handle: "@robertsmith", "#smithrobert"
            out |= run_together_forms(folded)
    out |= {form for form, last in last_name_plurals(vault).items() if not wordy_plural(form, last, words)}
    return sorted(out)


def last_name_plurals(vault: Vault) -> dict[str, str]:
    """The vault's last names in the plural, as the detector finds them: "smiths" -> "smith"."""
    real = {fold(r.strip()) for r in vault.real_identifiers()}
    return plurals(vault_last_names(vault.entries), real | {fold(p) for p in vault.pseudonyms()})


def run_together_forms(name: str) -> set[str]:
    """ "robert smith" -> "robertsmith", "smithrobert": first and last run together, as in a handle."""
    tokens = name_tokens(name)
    if len(tokens) < 2:
        return set()
    return {"".join(tokens), tokens[0] + tokens[-1], tokens[-1] + tokens[0]}


def person_identifiers(vault: Vault) -> set[str]:
    """The vault's people (folded, with their run-together forms): the ones also looked for inside
    handles, tags and run-together words, as the detector finds them."""
    people = {fold(r.strip()) for kind, m in vault.entries.items() if kind.startswith("PERSON") for r in m}
    return people | {f for p in people for f in run_together_forms(p)}


class LeakScanner:
    def __init__(
        self,
        identifiers: Iterable[str],
        words: frozenset[str] = frozenset(),
        people: Iterable[str] = (),
    ) -> None:
        """`people`: identifiers that are people's names, also looked for inside handles and run-together
        words; `words`: the detector's English words (Detector.words), which tell "#teamzoe" from
        "#annual"."""
        self.words, self.people = words, frozenset(people)
        self.automaton: Any = ahocorasick.Automaton()
        for ident in identifiers:
            self.automaton.add_word(ident, (len(ident), ident in self.people))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def count(self, text: str) -> int:
        return len(self.hits(text))

    def hits(self, text: str) -> list[str]:
        """The identifiers found in `text` (for tests and debugging; the CLI reports only the count), one
        per span: a part inside a longer hit ("zoe" in "ZoeMuller") is not counted again."""
        if self.empty:
            return []
        folded = fold(text)
        spans, inside = [], []
        for end, (length, person) in self.automaton.iter(folded):
            start = end - length + 1
            if _bounded(text, folded, start, end + 1):
                if not contracted(text, end + 1):  # "don't" holds no Don, as the detector reads it
                    spans.append((start, end + 1))
            elif person and length >= MIN_RUN_PART:
                inside.append((start, end + 1))
        spans += run_together(text, inside, self.words)
        spans += [(s, e) for s, e in inside if self._in_tag_or_word(text, s, e)]
        spans.sort(key=lambda s: (s[0], -s[1]))
        found: list[str] = []
        last = -1
        for start, end in spans:
            if end > last:  # not inside the previous, longer hit
                found.append(folded[start:end])
                last = end
        return found

    def _in_tag_or_word(self, text: str, start: int, end: int) -> bool:
        """At an edge of a #hashtag or @handle, or beside an English word ("lovejamie")."""
        if not self.words:
            return False
        return tag_edge(text, start, end, self.words) or with_a_word(text, start, end, self.words)


def _bounded(text: str, folded: str, start: int, end: int) -> bool:
    """Word-bounded; an identifier without digits (a name) is bounded by any non-letter, as the detector
    reads handles: "robertsmith92", "zoe_draws"."""
    if not any(c.isdigit() for c in folded[start:end]):
        return letter_bounded(text, start, end)
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    left = not before.isalnum() or camel_boundary(text, start)
    return left and (not after.isalnum() or camel_boundary(text, end))


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _file_strings(path: Path) -> Iterator[str]:
    """Every string in a written file: decoded JSON strings (so "\\n" escapes cannot hide a name)."""
    data = path.read_bytes()
    yield path.name
    lines = data.splitlines() if path.suffix == ".jsonl" else [data]
    for line in lines:
        if line.strip():
            yield from _strings(orjson.loads(line))


def count_leaks(paths: Iterable[Path], vault: Vault, words: frozenset[str] = frozenset()) -> int:
    """How many real identifiers from the vault appear in the files (0 = clean)."""
    scanner = LeakScanner(checked_identifiers(vault, words), words, person_identifiers(vault))
    return sum(scanner.count(s) for path in paths for s in _file_strings(path))


def leaked_identifiers(paths: Iterable[Path], vault: Vault, words: frozenset[str] = frozenset()) -> list[str]:
    """Which identifiers leaked (tests and debugging only: never print these to a user's log)."""
    scanner = LeakScanner(checked_identifiers(vault, words), words, person_identifiers(vault))
    return [hit for path in paths for s in _file_strings(path) for hit in scanner.hits(s)]
