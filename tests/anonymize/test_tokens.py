"""Tokens found by character offset, as the context rules ask for them."""

from typing import Any

import pytest

from meow.anonymize.guard import shared_analyzer
from meow.anonymize.tokens import token_at, tokens_after


@pytest.fixture(scope="module")
def doc() -> Any:
    return shared_analyzer().nlp_engine.get_nlp("en")("hey Zoë, u coming?")  # Zoë at 4-7, "," at 7


def test_the_token_covering_an_offset(doc: Any) -> None:
    assert token_at(doc, 0).text == "hey"
    assert token_at(doc, 4).text == "Zoë" and token_at(doc, 6).text == "Zoë"
    assert token_at(doc, 7).text == ","
    assert token_at(doc, 3) is None  # the space between words
    assert token_at(None, 3) is None


def test_the_tokens_from_an_offset_on(doc: Any) -> None:
    assert [t.text for t in tokens_after(doc, 7)] == [",", "u", "coming", "?"]
    assert [t.text for t in tokens_after(doc, 8, 2)] == ["u", "coming"]
    assert tokens_after(doc, 100) == [] and tokens_after(None, 0) == []
