"""Atomic writes: a temp file in the target folder, fsync, then rename: never half a file."""

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from meow.errors import OutputError


def write_bytes_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """OutputError (one line: where, and the system's reason) when `path` cannot be written."""
    try:
        _write(path, data, mode)
    except OSError as e:
        raise OutputError(
            f"Cannot write {path} ({e.strerror or type(e).__name__}): choose another place."
        ) from None


def _write(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), mode)


def dump_json(obj: Any) -> bytes:
    """Stable, human-readable JSON (sorted keys, 2-space indent, trailing newline)."""
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def write_json_atomic(path: Path, obj: Any, mode: int = 0o644) -> None:
    write_bytes_atomic(path, dump_json(obj), mode)


def write_jsonl_atomic(path: Path, rows: Iterable[Any], mode: int = 0o644) -> None:
    write_bytes_atomic(path, b"".join(orjson.dumps(r) + b"\n" for r in rows), mode)


def read_jsonl(path: Path) -> list[Any]:
    with path.open("rb") as f:
        return [orjson.loads(line) for line in f if line.strip()]
