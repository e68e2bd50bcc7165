"""The corpus on disk (see notes/contracts.md): manifest.json and one folder per speaker with
train.jsonl / val.jsonl (split by session, deterministically) and stats.json. Only pseudonyms and
anonymised text are written: no thread title, folder name, thread id or media path.
"""

import hashlib
import math
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anyascii import anyascii

from meow.corpus.model import Session
from meow.errors import OutputError
from meow.fileio import write_json_atomic, write_jsonl_atomic
from meow.home import meow_home

FORMAT, VERSION = "meow-corpus", 1
SPEAKER_FILES = ("train.jsonl", "val.jsonl", "stats.json")


@dataclass(frozen=True)
class CorpusSpeaker:
    name: str  # pseudonym full name
    slug: str
    messages: int  # typed messages


def slugify(pseudonyms: Sequence[str]) -> dict[str, str]:
    """Folder name per pseudonym: lowercase ASCII first name, "-<last>" added where two would clash."""
    first = {p: _ascii(p.split()[0]) if p.split() else "speaker" for p in pseudonyms}
    counts: dict[str, int] = {}
    for slug in first.values():
        counts[slug] = counts.get(slug, 0) + 1
    slugs: dict[str, str] = {}
    for p in sorted(pseudonyms):
        slug = first[p]
        if counts[slug] > 1:
            slug = "-".join(_ascii(w) for w in p.split())
        while slug in slugs.values():
            slug += "-2"
        slugs[p] = slug
    return slugs


def _ascii(word: str) -> str:
    return "".join(c for c in anyascii(word).lower() if c.isalnum() or c == "-") or "speaker"


def session_row(session_id: str, session: Session) -> dict[str, Any]:
    return {
        "id": session_id,
        "speakers": session.speakers,
        "turns": [{"speaker": t.speaker, "text": t.text, "ts": t.timestamp_ms} for t in session.turns],
    }


def split_val(ids: Sequence[str], fraction: float) -> set[str]:
    """Held-out session ids: the `fraction` whose hash ranks lowest (at least one when there are two)."""
    if len(ids) < 2 or fraction <= 0:
        return set()
    n = min(len(ids) - 1, max(1, math.floor(len(ids) * fraction + 0.5)))
    ranked = sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    return set(ranked[:n])


def check_out(out: Path, force: bool) -> None:
    """Refuse an existing non-empty --out without --force; refuse one that cannot be written, or one
    that holds the meow home (the vault and key must never be inside the shareable corpus)."""
    home = meow_home().resolve()
    if home == out.resolve() or out.resolve() in home.parents:
        raise OutputError(f"--out {out} holds the meow home {home} (vault and key): choose another folder.")
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder: choose a folder for the corpus.")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise OutputError(
            f"--out {out} is not empty: choose an empty folder, or pass --force to replace meow's files."
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".meow-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise OutputError(f"Cannot write to --out {out} ({e.strerror or type(e).__name__}).") from None


def remove_meow_files(out: Path) -> None:
    """What --force removes: meow's manifest and speaker files only, and speaker folders left empty."""
    (out / "manifest.json").unlink(missing_ok=True)
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        if (folder / "stats.json").is_file():
            for name in SPEAKER_FILES:
                (folder / name).unlink(missing_ok=True)
            if not any(folder.iterdir()):
                folder.rmdir()


def write_corpus(
    out: Path,
    sessions: Sequence[tuple[str, Session]],
    speakers: Sequence[CorpusSpeaker],
    val_fraction: float,
    manifest: dict[str, Any],
) -> list[Path]:
    """Write every speaker folder and the manifest; returns the files written."""
    written: list[Path] = []
    entries = []
    for speaker in speakers:
        mine = [(sid, s) for sid, s in sessions if speaker.name in s.speakers]
        val = split_val([sid for sid, _ in mine], val_fraction)
        train_rows = [session_row(sid, s) for sid, s in mine if sid not in val]
        val_rows = [session_row(sid, s) for sid, s in mine if sid in val]
        folder = out / speaker.slug
        stats = {
            "speaker": speaker.name,
            "slug": speaker.slug,
            "messages": speaker.messages,
            "turns": sum(1 for _, s in mine for t in s.turns if t.speaker == speaker.name),
            "train_sessions": len(train_rows),
            "val_sessions": len(val_rows),
        }
        write_jsonl_atomic(folder / "train.jsonl", train_rows)
        write_jsonl_atomic(folder / "val.jsonl", val_rows)
        write_json_atomic(folder / "stats.json", stats)
        written += [folder / n for n in SPEAKER_FILES]
        entries.append({k: stats[k] for k in ("messages", "train_sessions", "val_sessions")})
        entries[-1] |= {"name": speaker.name, "slug": speaker.slug}
    manifest = {"format": FORMAT, "version": VERSION, "anonymized": True, **manifest, "speakers": entries}
    write_json_atomic(out / "manifest.json", manifest)
    written.append(out / "manifest.json")
    return written


def discard(out: Path, written: Sequence[Path]) -> None:
    """Remove what this run wrote (after a failed self-check, so no leaking corpus is left to share)."""
    for path in written:
        path.unlink(missing_ok=True)
    for folder in {p.parent for p in written if p.parent != out}:
        if folder.is_dir() and not any(folder.iterdir()):
            shutil.rmtree(folder, ignore_errors=True)
    if out.is_dir() and not os.listdir(out):
        out.rmdir()
