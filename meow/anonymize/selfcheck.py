"""The self-check: before `meow anonymize` reports success, every string it wrote is scanned for every
real identifier in the vault (case- and diacritic-insensitive, word-bounded, a CamelCase hump counting as a
word: "#TeamZoë"). A hit is an error that gives the count, never the value.

A name part that is also an everyday word ("Will", "May", or one of the detector's English `words` such as
"Crane") is checked only inside the full name: on its own it is the word in "i will be there", which must
stay.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ahocorasick
import orjson

from meow.anonymize.names import camel_boundary, fold, is_everyday_word, is_function_or_chat_word
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
        if " " in folded:  # a full name run together, as in a handle: "@robertsmith", "#zoemuller"
            out.add(folded.replace(" ", ""))
    return sorted(out)


class LeakScanner:
    def __init__(self, identifiers: Iterable[str]) -> None:
        self.automaton: Any = ahocorasick.Automaton()
        for ident in identifiers:
            self.automaton.add_word(ident, len(ident))
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
        spans = []
        for end, length in self.automaton.iter(folded):
            start = end - length + 1
            before = folded[start - 1] if start else " "
            after = folded[end + 1] if end + 1 < len(folded) else " "
            left = not before.isalnum() or camel_boundary(text, start)
            if left and (not after.isalnum() or camel_boundary(text, end + 1)):
                spans.append((start, end + 1))
        spans.sort(key=lambda s: (s[0], -s[1]))
        found: list[str] = []
        last = -1
        for start, end in spans:
            if end > last:  # not inside the previous, longer hit
                found.append(folded[start:end])
                last = end
        return found


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
    scanner = LeakScanner(checked_identifiers(vault, words))
    return sum(scanner.count(s) for path in paths for s in _file_strings(path))


def leaked_identifiers(paths: Iterable[Path], vault: Vault) -> list[str]:
    """Which identifiers leaked (tests and debugging only: never print these to a user's log)."""
    scanner = LeakScanner(checked_identifiers(vault))
    return [hit for path in paths for s in _file_strings(path) for hit in scanner.hits(s)]
