"""Verbatim memorisation: runs of >= N consecutive tokens that a sample copies from the training corpus.

The corpus is indexed once: every window of N tokens of every turn becomes one 64-bit hash in a dict
(hash -> where it first occurs). A sample is then checked with one dict lookup per token, and runs of
matching windows merge into one finding whose span covers all copied tokens. Tokens are words (`\\w+`),
casefolded, so spacing, punctuation and case changes do not hide a copy.
"""

import re
from collections.abc import Iterable
from pathlib import Path

import orjson

from meow.anonymize.findings import MEMORIZED, Finding
from meow.errors import InputError

TOKEN = re.compile(r"\w+")
DEFAULT_MIN_OVERLAP = 8


def _words(text: str) -> list[str]:
    return TOKEN.findall(text.casefold())


class NgramIndex:
    """Hashed N-token windows of a corpus. `find(text)` returns one `memorized` finding per copied run."""

    def __init__(self, n: int = DEFAULT_MIN_OVERLAP) -> None:
        if n < 2:
            raise InputError("--min-overlap must be at least 2 tokens.")
        self.n = n
        self.sources: list[str] = []
        self.tokens = 0
        self._windows: dict[int, int] = {}

    def add(self, text: str, source: str) -> None:
        """Index one turn; `source` says where it is ("s000042#3")."""
        words = _words(text)
        self.tokens += len(words)
        if len(words) < self.n:
            return
        src = len(self.sources)
        self.sources.append(source)
        n, windows = self.n, self._windows
        for i in range(len(words) - n + 1):
            windows.setdefault(hash(tuple(words[i : i + n])), src)

    def add_sessions(self, rows: Iterable[dict[str, object]], prefix: str = "") -> None:
        for row in rows:
            turns = row.get("turns")
            if not isinstance(turns, list):
                continue
            for t, turn in enumerate(turns):
                if isinstance(turn, dict) and isinstance(turn.get("text"), str):
                    self.add(turn["text"], f"{prefix}{row.get('id', '?')}#{t}")

    def __len__(self) -> int:
        return len(self._windows)

    def find(self, text: str) -> list[Finding]:
        matches = list(TOKEN.finditer(text))
        n = self.n
        if len(matches) < n:
            return []
        words = [m.group().casefold() for m in matches]
        hits = [self._windows.get(hash(tuple(words[i : i + n]))) for i in range(len(words) - n + 1)]
        found: list[Finding] = []
        i = 0
        while i < len(hits):
            src = hits[i]
            if src is None:
                i += 1
                continue
            j = i
            while j + 1 < len(hits) and hits[j + 1] is not None:
                j += 1
            start, end = matches[i].start(), matches[j + n - 1].end()
            found.append(
                Finding(MEMORIZED, start, end, text[start:end], "memorization", j - i + n, self.sources[src])
            )
            i = j + 1
        return found


def corpus_train_files(corpus: Path) -> list[tuple[str, Path]]:
    """(prefix, train.jsonl) for a speaker folder (`corpus/bob`) or a whole corpus (`corpus/`).

    Raises InputError, in one line, when `corpus` is not a meow corpus.
    """
    if (corpus / "train.jsonl").is_file() and _is_corpus_root(corpus.parent):
        return [("", corpus / "train.jsonl")]
    if _is_corpus_root(corpus):
        files = sorted(corpus.glob("*/train.jsonl"))
        if files:
            return [(f"{f.parent.name}/", f) for f in files]
    raise InputError(
        f"{corpus} is not a meow corpus: expected a speaker folder with train.jsonl next to a "
        "manifest.json written by `meow anonymize` (for example corpus/bob)."
    )


def _is_corpus_root(path: Path) -> bool:
    try:
        manifest = orjson.loads((path / "manifest.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == "meow-corpus"


def index_corpus(corpus: Path, n: int = DEFAULT_MIN_OVERLAP) -> NgramIndex:
    """Index every training turn of a corpus (speaker folder or root) once."""
    index = NgramIndex(n)
    for prefix, path in corpus_train_files(corpus):
        try:
            with path.open("rb") as f:
                index.add_sessions((orjson.loads(line) for line in f if line.strip()), prefix)
        except (OSError, orjson.JSONDecodeError):
            raise InputError(
                f"{path} is unreadable or not JSON lines: re-create it with `meow anonymize`."
            ) from None
    return index
