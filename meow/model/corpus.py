"""Open one speaker's folder of a meow corpus (written by `meow anonymize`) for training."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from meow.errors import InputError
from meow.fileio import read_jsonl


@dataclass(frozen=True)
class SpeakerCorpus:
    path: Path  # corpus/<slug>, absolute
    speaker: str  # the target's pseudonym
    slug: str
    owner: str | None  # the export owner's pseudonym, the default chat partner
    train: list[dict[str, Any]]
    val: list[dict[str, Any]]


def open_speaker_corpus(path: Path) -> SpeakerCorpus:
    """Check the folder is an anonymised meow corpus speaker folder and read its sessions."""
    path = path.expanduser().resolve()
    if not path.is_dir():
        raise InputError(f"{path} is not a folder: pass a speaker folder of a corpus, e.g. corpus/bob")
    if (path / "manifest.json").is_file() and not (path / "stats.json").is_file():
        slugs = ", ".join(_slugs(_read_json(path / "manifest.json"))) or "none"
        raise InputError(f"{path} is a corpus root: pass one speaker's folder inside it (speakers: {slugs})")
    manifest_path = path.parent / "manifest.json"
    if not (path / "stats.json").is_file() or not manifest_path.is_file():
        raise InputError(f"{path} is not a meow corpus speaker folder: create one with `meow anonymize`")
    manifest = _read_json(manifest_path)
    if manifest.get("format") != "meow-corpus":
        raise InputError(f"{manifest_path} is not a meow corpus manifest: create one with `meow anonymize`")
    if manifest.get("anonymized") is not True:
        raise InputError(
            f"{manifest_path} does not say the corpus was anonymised: run `meow anonymize` first"
        )
    stats = _read_json(path / "stats.json")
    train, val = _read_sessions(path / "train.jsonl"), _read_sessions(path / "val.jsonl")
    speaker = stats.get("speaker")
    if not isinstance(speaker, str) or not speaker:
        raise InputError(
            f"{path / 'stats.json'} names no speaker: re-create the corpus with `meow anonymize`"
        )
    if not any(t["speaker"] == speaker for s in train for t in s["turns"]):
        raise InputError(f"{path / 'train.jsonl'} has no turn by this speaker: nothing to train on")
    if not any(t["speaker"] == speaker for s in val for t in s["turns"]):
        raise InputError(
            f"{path / 'val.jsonl'} has no held-out session by this speaker: not enough data for a "
            "validation split; add more exports or lower `meow anonymize`'s --min-messages"
        )
    owner = manifest.get("owner")
    return SpeakerCorpus(
        path=path,
        speaker=speaker,
        slug=str(stats.get("slug") or path.name),
        owner=owner if isinstance(owner, str) and owner else None,
        train=train,
        val=val,
    )


def _is_turn(turn: Any) -> bool:
    return (
        isinstance(turn, dict) and isinstance(turn.get("speaker"), str) and isinstance(turn.get("text"), str)
    )


def _slugs(manifest: dict[str, Any]) -> list[str]:
    return [str(s.get("slug")) for s in manifest.get("speakers", []) if isinstance(s, dict)]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as e:
        raise InputError(
            f"{path} cannot be read as JSON ({type(e).__name__}): re-create the corpus"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{path} is not a JSON object: re-create the corpus with `meow anonymize`")
    return data


def _read_sessions(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"{path} is missing: re-create the corpus with `meow anonymize`")
    try:
        rows = read_jsonl(path)
    except (OSError, orjson.JSONDecodeError) as e:
        raise InputError(f"{path} cannot be read ({type(e).__name__}): re-create the corpus") from None
    for row in rows:
        turns = row.get("turns") if isinstance(row, dict) else None
        if not isinstance(turns, list) or not all(_is_turn(t) for t in turns):
            raise InputError(f"{path} has a line that is not a meow session: re-create the corpus")
    return rows
