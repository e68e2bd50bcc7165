"""Nicknames set in the export's own threads ("Ana set the nickname for Bob Okafor to Bobo.") are names."""

import json
from pathlib import Path

import pytest

from meow.anonymize.names import fold
from meow.anonymize.pipeline import AnonymizeConfig, anonymize
from meow.anonymize.thread_nicknames import nicknames_set_in
from meow.corpus.read import read_exports


def write_export(root: Path) -> Path:
    folder = root / "messages" / "inbox" / "bob_1"
    folder.mkdir(parents=True)
    lines = [
        ("Ana Lindqvist", "Ana Lindqvist set the nickname for Bob Okafor to Biscuit."),
        ("Bob Okafor", "Bob Okafor set his own nickname to Kwabz."),
    ] + [("Ana Lindqvist", f"biscuit where r u {i}") for i in range(30)]
    lines += [("Bob Okafor", f"omw, kwabz is coming {i}") for i in range(30)]
    messages = [
        {"sender_name": who, "timestamp_ms": 1_700_000_000_000 + i * 60_000, "content": text}
        for i, (who, text) in enumerate(lines)
    ]
    messages.reverse()  # newest first, as Messenger writes them
    participants = [{"name": "Ana Lindqvist"}, {"name": "Bob Okafor"}]
    payload = {"participants": participants, "messages": messages, "title": "Bob Okafor"}
    (folder / "message_1.json").write_text(json.dumps(payload), encoding="utf-8")
    return root


def test_the_nicknames_a_thread_sets_are_found(tmp_path: Path) -> None:
    threads = read_exports([write_export(tmp_path / "export")])
    assert nicknames_set_in(threads) == {"Biscuit", "Kwabz"}


def test_a_nickname_set_in_the_export_never_reaches_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = write_export(tmp_path / "export")
    anonymize(AnonymizeConfig(exports=(export,), out=tmp_path / "corpus", min_messages=10))
    written = " ".join(p.read_text("utf-8") for p in (tmp_path / "corpus").rglob("*.jsonl"))
    assert "where r u" in written and "is coming" in written
    assert "biscuit" not in fold(written) and "kwabz" not in fold(written)
