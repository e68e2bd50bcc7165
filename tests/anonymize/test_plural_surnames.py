"""The export's surnames in the plural ("the Smiths are coming", "THE LINDQVISTS"): replaced by the plural of
the surname's pseudonym, and counted as a leak by the self-check and the audit if one ever got through;
first names, everyday words and words that merely end like a surname stay."""

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from meow.anonymize.detect import Detector
from meow.anonymize.guard import shared_analyzer
from meow.anonymize.pseudonyms import FIRST, LAST, plural
from meow.anonymize.selfcheck import LeakScanner, checked_identifiers, count_leaks, person_identifiers
from meow.anonymize.textpass import anonymize_texts
from meow.anonymize.vault import Vault
from meow.anonymize.vaultmatch import VaultMatcher

NAMES = {
    "Jamie Lindqvist",
    "Sarah Walsh",
    "Tom Smith",
    "Mark Baker",
    "Jules Moreau",
    "Ines Jule",
    "Eva Lin",
    "Zoë Müller",
}
SECRET = b"p" * 32
CFG = SimpleNamespace(batch_size=64, n_process=1)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(NAMES, analyzer=shared_analyzer())


def run(detector: Detector, texts: list[str], vault: Vault) -> Any:
    return anonymize_texts(texts, set(NAMES), SECRET, vault, None, CFG, detector=detector)


@pytest.fixture(scope="module")
def vault(detector: Detector) -> Vault:
    """The export's names and their pseudonyms, as a run records them."""
    vault = Vault()
    run(detector, ["hi"], vault)
    return vault


# (line, surname, the line with `{}` where the surname's pseudonym goes in the plural, its casing)
PLURAL_LINES = [
    ("the Lindqvists are coming", "lindqvist", "the {} are coming", str),
    ("the Smiths are coming", "smith", "the {} are coming", str),
    ("the smiths r here", "smith", "the {} r here", str.lower),
    ("the Walshes left early", "walsh", "the {} left early", str),
    ("THE LINDQVISTS", "lindqvist", "THE {}", str.upper),
    ("the Lindqvists' house", "lindqvist", "the {}' house", str),
    ("dinner at the Müllers tonight", "muller", "dinner at the {} tonight", str),
    ("the Bakers are coming", "baker", "the {} are coming", str),  # an everyday-word surname, capitalised
]


@pytest.mark.parametrize(("line", "surname", "expected", "casing"), PLURAL_LINES)
def test_a_surname_in_the_plural_becomes_the_plural_of_its_pseudonym(
    detector: Detector, line: str, surname: str, expected: str, casing: Any
) -> None:
    vault = Vault()
    out = run(detector, [line], vault).texts[line]
    assert out == expected.format(casing(plural(vault.entries[LAST][surname])))


@pytest.mark.parametrize(
    "line",
    [
        "the bakers on main st are the best",  # Mark Baker: lowercase after "the", the trade
        "so many lines to learn",  # Eva Lin: "es" only after s, x, z, ch, sh
        "this is it",
        "a trip to the Smithsonian",
        "the blacksmiths guild",
    ],
)
def test_words_that_end_like_a_plural_surname_stay(detector: Detector, line: str) -> None:
    assert run(detector, [line], Vault()).texts[line] == line


def test_a_first_name_ending_in_s_stays_that_first_name(detector: Detector) -> None:
    """Jules is a first name while Jule is a last name: "Jules" is Jules, not the Jules (Jule + s)."""
    vault = Vault()
    out = run(detector, ["Jules is here"], vault).texts["Jules is here"]
    assert out == f"{vault.entries[FIRST]['jules']} is here"


def test_only_last_names_are_looked_for_in_the_plural(detector: Detector) -> None:
    """The export's names give no "jamies" or "toms" (first names), only "lindqvists", "smiths"..."""
    text = "the jamies and the toms and the smiths"
    assert [text[s:e] for s, e, _ in detector.known.matches(text)] == ["smiths"]


def test_the_lindqvists_end_to_end_pass_the_self_check_which_finds_a_planted_plural(
    detector: Detector, tmp_path: Path
) -> None:
    lines = ["Jamie Lindqvist is here", "the Lindqvists are coming", "the smiths r here", "THE WALSHES"]
    vault = Vault()
    out = run(detector, lines, vault).texts
    last = out["Jamie Lindqvist is here"].split()[1]
    assert out["the Lindqvists are coming"] == f"the {plural(last)} are coming"
    corpus = tmp_path / "train.jsonl"
    corpus.write_bytes(b"".join(orjson.dumps({"text": out[line]}) + b"\n" for line in lines))
    assert count_leaks([corpus], vault, detector.words) == 0
    planted = tmp_path / "planted.jsonl"
    planted.write_bytes(orjson.dumps({"text": "the Smiths are coming"}) + b"\n")
    assert count_leaks([planted], vault, detector.words) == 1


LEAKS = [
    ("the Smiths are coming", ["smiths"]),
    ("the smiths r here", ["smiths"]),
    ("the Walshes", ["walshes"]),
    ("THE LINDQVISTS", ["lindqvists"]),
    ("the Lindqvists' house", ["lindqvists"]),
    ("the bakers on main st", []),
    ("so many lines", []),
    ("a trip to the Smithsonian", []),
]


@pytest.mark.parametrize(("text", "hits"), LEAKS)
def test_the_self_check_counts_a_plural_surname(
    detector: Detector, vault: Vault, text: str, hits: list[str]
) -> None:
    scanner = LeakScanner(
        checked_identifiers(vault, detector.words), detector.words, person_identifiers(vault)
    )
    assert scanner.hits(text) == hits


@pytest.mark.parametrize(("text", "found"), [*LEAKS, ("the Bakers are coming", ["bakers"])])
def test_the_audit_finds_a_plural_surname(
    detector: Detector, vault: Vault, text: str, found: list[str]
) -> None:
    """The audit reads context as the detector does: "the Bakers are coming" is a name, "the bakers on main
    st" is not (the self-check, without context, leaves both alone)."""
    matcher = VaultMatcher(vault.entries, exclude=vault.pseudonyms(), nlp=detector.nlp, words=detector.words)
    assert [f.text.lower() for f in matcher.find(text) if f.kind == "name"] == found
