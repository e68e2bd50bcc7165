"""The batched Presidio pass (meow/anonymize/batchpass.py) that the audit, the guard and `meow anonymize`
share: it finds exactly what Presidio's own `AnalyzerEngine.analyze` finds, text by text, although it runs
spaCy's NER alone on most texts."""

from typing import Any

import pytest

from meow.anonymize.batchpass import possible_entities
from meow.anonymize.detect import Detector
from meow.anonymize.guard import shared_analyzer
from meow.anonymize.piicheck import PiiDetector

TEXTS = [
    "Robert Smith went to Paris with maria",
    "call me at 415-555-0199 tonight",
    "my cell is +44 7700 900123, text me",
    "mail zoe@example.org or see zoe.com/profile",
    "the server ip is ::",  # a weak IPv6 match that only the context word "ip" lifts over the threshold
    "ipv6 dead::beef and 10.0.0.1",
    "I live at 12 Baker Street, London",
    "card 4111 1111 1111 1111 expires soon",
    "IBAN GB82 WEST 1234 5698 7654 32 for the rent",
    "code 493817, price 120.50 and 3 of them.",
    "lol ok :) see you at the park",
    "",
    "Daniel Ortiz says hi to Ariel",
]


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return shared_analyzer()


def test_audit_finds_what_presidio_finds(analyzer: Any) -> None:
    pii = PiiDetector(analyzer, pseudonyms=["Daniel Ortiz"])
    reference = [
        pii._findings(t, analyzer.analyze(t, language="en", entities=pii.entities) if t.strip() else [])
        for t in TEXTS
    ]
    assert list(pii.find_many(TEXTS)) == reference
    assert [pii.find(t) for t in TEXTS] == reference
    kinds = {f.kind for found in reference for f in found}
    assert {"phone", "email", "url", "ip", "address", "card", "iban", "name"} <= kinds
    assert any(f.text == "::" for f in pii.find(TEXTS[4]))  # the context boost needs spaCy's lemmas


def test_anonymize_finds_an_ipv6_address_without_digits(analyzer: Any) -> None:
    found = Detector([], analyzer=analyzer).detect(["my server is dead::beef now"])[0]
    assert [(r.entity_type, r.start, r.end) for r in found] == [("IP_ADDRESS", 13, 23)]


@pytest.mark.parametrize(
    ("text", "entity", "possible"),
    [
        ("call me", "PHONE_NUMBER", False),
        ("call 5", "PHONE_NUMBER", True),
        ("no at sign", "EMAIL_ADDRESS", False),
        ("a@b", "EMAIL_ADDRESS", True),
        ("see example", "URL", False),
        ("ok. then", "URL", False),
        ("example.com", "URL", True),
        ("lol :) ok", "IP_ADDRESS", False),
        ("dead::beef", "IP_ADDRESS", True),
        ("the ip is ::", "IP_ADDRESS", True),
        ("a:b:c:d:e:f:a:b", "IP_ADDRESS", True),
        ("ok", "PERSON", True),
    ],
)
def test_gates(text: str, entity: str, possible: bool) -> None:
    assert (entity in possible_entities(text, [entity])) is possible
