"""The export's own names inside run-together handles, tags and URLs: found, replaced consistently, and
caught by the self-check and the audit if they ever leaked; ordinary words that hold a name stay."""

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from meow.anonymize.detect import Detector
from meow.anonymize.guard import shared_analyzer
from meow.anonymize.names import camel_boundary, fold
from meow.anonymize.selfcheck import count_leaks
from meow.anonymize.textpass import anonymize_texts
from meow.anonymize.vault import Vault
from meow.anonymize.vaultmatch import VaultMatcher

NAMES = {
    "Robert Smith",
    "Zoë Müller",
    "Jamie Lindqvist",
    "Ann Lee",
    "Mark Evans",
    "Will Harper",
    "Sam Okafor",
    "Sean O'Brien",
}
SECRET = b"h" * 32
CFG = SimpleNamespace(batch_size=64, n_process=1)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(NAMES, analyzer=shared_analyzer())


def run(detector: Detector, texts: list[str], vault: Vault | None = None) -> Any:
    return anonymize_texts(texts, set(NAMES), SECRET, vault or Vault(), None, CFG, detector=detector)


def contains(text: str, real: str) -> bool:
    """`real` anywhere in `text`, even inside a word (case- and diacritic-insensitive)."""
    return fold(real) in fold(text)


@pytest.mark.parametrize(
    ("text", "i", "boundary"),
    [
        ("ZOEMuller", 3, True),  # an upper-case run, then a capitalised word
        ("TEAMZoe", 4, True),
        ("ROBERTsmith", 6, True),  # an upper-case run, then lower case
        ("URLs", 3, False),  # a plural, not two words
        ("McDonald", 2, False),
        ("#TeamZoë", 5, True),
    ],
)
def test_case_changes_that_start_a_word(text: str, i: int, boundary: bool) -> None:
    assert camel_boundary(text, i) == boundary


# (line, real names that must be gone, even inside a word; text that must stay)
HANDLE_LINES = [
    ("ZOEJones said hi", ["zoe"], ["said hi"]),  # "Jones" is a name too (NameLikeRecognizer)
    ("go TEAMZoe!!", ["zoe"], ["go TEAM", "!!"]),
    ("hi ROBERTrocks", ["robert"], ["hi ", "rocks"]),
    ("ZOEMuller", ["zoe", "muller"], []),
    ("#teamrobert", ["robert"], ["#team"]),
    ("go #teamzoe", ["zoe"], ["go #team"]),
    ("#lovejamie2024", ["jamie"], ["#love", "2024"]),
    ("@robertsmithofficial", ["robert", "smith"], ["@", "official"]),
    ("my insta is zoe_draws", ["zoe"], ["my insta is ", "_draws"]),
    ("lovejamie", ["jamie"], ["love"]),
    ("teamrobert forever", ["robert"], ["team", " forever"]),
    ("robertsmith", ["robert", "smith"], []),
    ("smith_robert", ["robert", "smith"], ["_"]),
    ("robert.smith92", ["robert", "smith"], [".", "92"]),
    ("jamielindqvist99", ["jamie", "lindqvist"], ["99"]),
    ("zoesmith", ["zoe", "smith"], []),
    ("lindqvistjamie lol", ["jamie", "lindqvist"], [" lol"]),
]


@pytest.mark.parametrize(("line", "gone", "kept"), HANDLE_LINES)
def test_names_run_together_in_handles_and_tags_are_replaced(
    detector: Detector, line: str, gone: list[str], kept: list[str]
) -> None:
    out = run(detector, [line]).texts[line]
    assert not any(contains(out, g) for g in gone), out
    assert all(k in out for k in kept), out


WORDS_HOLDING_A_NAME = [
    "we announce it tomorrow",  # Ann
    "bookmark this, I marked it",  # Mark
    "no problem",  # Rob (Robert's nickname)
    "willing to go",  # Will
    "#annual report",  # Ann at the start of a tag, inside an English word
    "@robotics club",
    "#willpower",  # an everyday-word name is never taken from a tag
    "the annex is closed",  # Ann + "ex" is a word
    "my new samsung",  # Sam + "sung": a 3-letter part needs @ or #
    "teamwork makes the dream work",
    "i love my maybelline mascara",  # two given names (Maybell, Ine) of the dictionary, not the export's
]


@pytest.mark.parametrize("line", WORDS_HOLDING_A_NAME)
def test_words_that_hold_a_name_stay(detector: Detector, line: str) -> None:
    assert run(detector, [line]).texts[line] == line


@pytest.mark.parametrize(
    ("line", "gone"),
    [
        ("facebook.com/sean.o'brien", ["sean", "brien"]),  # Presidio's URL path stops at the quote
        ("www.zoëmüller.de", ["zoe", "muller"]),  # Presidio's host is ASCII: it starts at "ller.de"
        ("see https://instagram.com/jamie.lindqvist", ["jamie", "lindqvist"]),
    ],
)
def test_a_url_is_replaced_whole_so_no_piece_of_a_name_is_left(
    detector: Detector, line: str, gone: list[str]
) -> None:
    result = run(detector, [line])
    out = result.texts[line]
    assert not any(contains(out, g) for g in gone), out
    assert result.counts["URL"] == 1, (out, result.counts)


def test_a_url_keeps_the_punctuation_after_it(detector: Detector) -> None:
    lines = ["go to example.com/x, then call", "see https://example.com/a/b."]
    out = run(detector, lines).texts
    assert out[lines[0]].endswith(", then call") and "example.com/x" not in out[lines[0]]
    assert out[lines[1]].endswith(".") and not out[lines[1]].endswith("/b.")


def test_one_person_gets_one_handle_fake_however_it_is_written(detector: Detector) -> None:
    lines = [
        "Robert Smith",
        "robertsmith",
        "robert_smith",
        "robert.smith92",
        "ROBERTsmith",
        "smith_robert",
        "robsmith",  # a nickname run together with the last name
        "@bobsmith92",
        "Zoë Müller",
        "zoemuller",
    ]
    out = run(detector, lines).texts
    first, last = (p.lower() for p in out["Robert Smith"].split())
    assert out["robertsmith"] == f"{first}{last}"
    assert out["robert_smith"] == f"{first}_{last}"
    assert out["robert.smith92"] == f"{first}.{last}92"
    assert out["ROBERTsmith"] == f"{first.upper()}{last}"
    assert out["smith_robert"] == f"{last}_{first}"
    assert out["robsmith"] == f"{first}{last}"
    assert out["@bobsmith92"] == f"@{first}{last}92"
    zoe_first, zoe_last = (p.lower() for p in out["Zoë Müller"].split())
    assert out["zoemuller"] == f"{zoe_first}{zoe_last}" != out["robertsmith"]


# Forms that the self-check must count if they ever reached the corpus, and words it must not.
PLANTED = [
    ("ask robertsmith", 1),
    ("robertsmith92 and smithrobert", 2),
    ("ZOEMuller", 1),
    ("hi ROBERTrocks", 1),
    ("go #teamzoe", 1),
    ("lovejamie", 1),
    ("zoe_draws", 1),
    ("we announce it, no problem, #annual report", 0),
]


@pytest.fixture(scope="module")
def vault(detector: Detector) -> Vault:
    vault = Vault()
    run(detector, ["hi"], vault=vault)  # the export's names and their pseudonyms, as a run records them
    return vault


@pytest.mark.parametrize(("text", "leaks"), PLANTED)
def test_the_self_check_counts_names_run_together(
    detector: Detector, vault: Vault, tmp_path: Path, text: str, leaks: int
) -> None:
    planted = tmp_path / "train.jsonl"
    planted.write_bytes(orjson.dumps({"turns": [{"text": text}]}) + b"\n")
    assert count_leaks([planted], vault, detector.words) == leaks


@pytest.mark.parametrize(("text", "leaks"), PLANTED)
def test_the_audit_finds_names_run_together(detector: Detector, vault: Vault, text: str, leaks: int) -> None:
    matcher = VaultMatcher(vault.entries, exclude=vault.pseudonyms(), words=detector.words)
    assert len([f for f in matcher.find(text) if f.kind == "name"]) == leaks


def test_the_corpus_of_handle_lines_passes_the_self_check(detector: Detector, tmp_path: Path) -> None:
    vault = Vault()
    lines = [line for line, _, _ in HANDLE_LINES] + WORDS_HOLDING_A_NAME
    out = run(detector, lines, vault=vault).texts
    corpus = tmp_path / "train.jsonl"
    corpus.write_bytes(b"".join(orjson.dumps({"text": out[line]}) + b"\n" for line in lines))
    assert count_leaks([corpus], vault, detector.words) == 0
    assert not re.search(r"robert|lindqvist|jamie", corpus.read_text(), re.IGNORECASE)
