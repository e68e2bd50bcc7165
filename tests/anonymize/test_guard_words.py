"""The guard of `meow generate`/`meow chat` reads names run together with words as the detector does: it
is built with the detector's English words, so "#teamzoe" or "lovejamie" in model output is redacted."""

import pytest

from meow.anonymize.guard import make_guard
from meow.anonymize.vault import Vault


@pytest.fixture
def vault() -> Vault:
    v = Vault()
    for real, fake in [("Zoë Müller", "Karen Ortiz"), ("Zoë", "Karen"), ("Müller", "Ortiz")]:
        v.add("PERSON", real, fake)
    for real, fake in [("Jamie Lindqvist", "Dana Trevino"), ("Jamie", "Dana"), ("Lindqvist", "Trevino")]:
        v.add("PERSON", real, fake)
    v.save()
    return v


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("go #teamzoe", "go #team[redacted: name]"),
        ("lovejamie forever", "love[redacted: name] forever"),
    ],
)
def test_the_guard_redacts_a_name_run_together_with_a_word(vault: Vault, text: str, expected: str) -> None:
    assert make_guard().redact(text)[0] == expected


def test_the_guard_leaves_a_word_holding_a_name_alone(vault: Vault) -> None:
    text = "the #annual report"
    assert make_guard().redact(text)[0] == text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("thanks hon ❤️", False),  # said to anyone: `meow anonymize` keeps it in the corpus too
        ("you alright hon?", False),
        ("see you monday then", False),
        ("a crane fell on the building site", False),
        ("tell hon i said hi", True),
        ("Hon is cooking tonight", True),
        ("Monday is bringing the cake", True),
        ("ask Crane about the keys", True),
    ],
)
def test_the_guard_reads_a_name_that_is_a_word_as_the_detector_does(text: str, flagged: bool) -> None:
    """Participants called Hon, Monday and Crane: the words they are named by stay where they are words,
    as in the corpus, so the audit raises no alarm for what the corpus itself says; the names are caught."""
    v = Vault()
    for real, fake in [("Hon-wai Cheungfield", "Karen Ortiz"), ("Hon", "Karen"), ("Cheungfield", "Ortiz")]:
        v.add("PERSON", real, fake)
    for real, fake in [("Monday Okafor", "Dana Trevino"), ("Monday", "Dana"), ("Okafor", "Trevino")]:
        v.add("PERSON", real, fake)
    for real, fake in [("Ellis Crane", "Mark Diaz"), ("Ellis", "Mark"), ("Crane", "Diaz")]:
        v.add("PERSON", real, fake)
    v.save()
    clean, findings = make_guard().redact(text)
    assert (clean != text) == flagged
    assert bool([f for f in findings if f.detector == "vault"]) == flagged
