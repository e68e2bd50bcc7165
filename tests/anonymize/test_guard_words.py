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
