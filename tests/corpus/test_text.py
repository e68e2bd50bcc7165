"""Mojibake repair: what Facebook writes comes back as the text people typed, and clean text is left alone."""

from hypothesis import given
from hypothesis import strategies as st

from meow.corpus.text import repair_mojibake


def facebook(s: str) -> str:
    """How Facebook stores a string: one latin-1 character per UTF-8 byte."""
    return s.encode("utf-8").decode("latin-1")


# Text without U+0080..U+00BF: nothing in it can pass for a UTF-8 continuation byte, so it is never mojibake.
clean_text = st.text(st.characters(blacklist_categories=["Cs"]).filter(lambda c: not 0x80 <= ord(c) <= 0xBF))


def test_repairs_what_facebook_writes() -> None:
    assert repair_mojibake("Zo\u00c3\u00ab M\u00c3\u00bcller") == "Zoë Müller"
    assert repair_mojibake(facebook("Saturday Crew 🍕")) == "Saturday Crew 🍕"
    assert repair_mojibake(facebook("crème brûlée, Wójcik ❤")) == "crème brûlée, Wójcik ❤"


def test_leaves_clean_text_and_non_mojibake_alone() -> None:
    for s in ["", "plain ascii", "Zoë Müller", "café ☕", "日本語", "\u00e9t\u00e9", "Ã alone"]:
        assert repair_mojibake(s) == s


def test_text_encoded_twice_is_repaired() -> None:
    assert repair_mojibake(facebook(facebook("naïve 😂"))) == "naïve 😂"


@given(st.text())
def test_repairing_twice_equals_repairing_once(s: str) -> None:
    once = repair_mojibake(s)
    assert repair_mojibake(once) == once


@given(clean_text)
def test_clean_text_is_unchanged(s: str) -> None:
    assert repair_mojibake(s) == s


@given(clean_text)
def test_facebook_encoding_round_trips(s: str) -> None:
    assert repair_mojibake(facebook(s)) == s
