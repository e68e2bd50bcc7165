"""The guard that `meow generate` and `meow chat` use: real identifiers and PII become `[redacted: kind]`."""

from pathlib import Path
from typing import Any

import orjson
import pytest
from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from meow.anonymize.canaries import CANARIES_FILE, load_canaries, plant_canaries
from meow.anonymize.findings import mask, redact
from meow.anonymize.guard import make_guard
from meow.anonymize.vault import Vault
from meow.anonymize.vaultmatch import VaultMatcher
from meow.errors import InputError


@pytest.fixture
def vault() -> Vault:
    v = Vault()
    for real, fake in [("Robert Smith", "Daniel Ortiz"), ("Robert", "Daniel"), ("Smith", "Ortiz")]:
        v.add("PERSON", real, fake)
    for real, fake in [("Zoë Will", "Ann Lee"), ("Zoë", "Ann"), ("Will", "Lee")]:
        v.add("PERSON", real, fake)
    v.add("EMAIL_ADDRESS", "rob.smith@example.org", "dan.ortiz@example.net")
    v.add("PHONE_NUMBER", "+44 7700 900123", "+44 7700 900456")
    v.save()
    return v


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ROBERT is here", "[redacted: name] is here"),
        ("ask robert's mum", "ask [redacted: name]'s mum"),
        ("zoe and Zoë and ZOË", "[redacted: name] and [redacted: name] and [redacted: name]"),
        ("Robert Smith called", "[redacted: name] called"),
        ("call me on 415-555-0132 ok", "call me on [redacted: phone] ok"),
        ("write to rob.smith@example.org", "write to [redacted: email]"),
        ("write to zoe@example.org", "write to [redacted: email]"),
        ("tell Will I said hi", "tell [redacted: name] I said hi"),
    ],
)
def test_guard_redacts_a_planted_leak(vault: Vault, text: str, expected: str) -> None:
    guard = make_guard(ner=False)
    redacted, findings = guard.redact(text)
    assert redacted == expected
    assert findings


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Ortiz and Ann Lee are coming",  # pseudonyms are expected
        "mail dan.ortiz@example.net or ring +44 7700 900456",  # so are fake addresses and numbers
        "I will call you tomorrow",  # a name that is also an everyday word, not used as a name
        "Will you come?",
        "that was a problem for robertson",  # a name inside another word
        "see you at 7 lol",
    ],
)
def test_guard_leaves_clean_text_alone(vault: Vault, text: str) -> None:
    assert make_guard(ner=False).redact(text) == (text, [])


def test_a_vault_number_is_found_however_it_is_written(vault: Vault) -> None:
    guard = make_guard(ner=False)
    for text in ["ring 07700 900123", "ring +447700900123", "ring 7700-900-123"]:
        redacted, findings = guard.redact(text)
        assert redacted == "ring [redacted: phone]"
        assert any(f.detector == "vault" for f in findings)
    assert guard.redact("ring 07700 900456") == ("ring 07700 900456", [])  # the pseudonym's number


def test_guard_without_vault_says_the_check_was_skipped() -> None:
    guard = make_guard(ner=False)
    assert any("vault check skipped" in n for n in guard.notes)
    assert guard.redact("call 415-555-0132")[0] == "call [redacted: phone]"


def test_mask_hides_all_but_the_ends() -> None:
    assert mask("Robert") == "R****t"
    assert mask("Bob") == "***"


def test_plant_canaries_adds_repeated_sessions_and_records_them(tmp_path: Path) -> None:
    rows = [
        {"id": f"s{i:06d}", "speakers": ["Ann Lee"], "turns": [{"speaker": "Ann Lee", "text": "hi"}]}
        for i in range(10)
    ]
    out = plant_canaries(rows, "Daniel Ortiz", k=3, seed=7, model_dir=tmp_path, repeats=4)
    assert len(out) == 10 + 3 * 4 and len(rows) == 10
    record = orjson.loads((tmp_path / CANARIES_FILE).read_bytes())
    planted = [c for c in record["canaries"] if c["planted"]]
    assert len(planted) == 3 and len(record["canaries"]) == 6
    texts = [r["turns"][0]["text"] for r in out if r["id"].startswith("canary-")]
    assert sorted(texts) == sorted(c["text"] for c in planted for _ in range(4))
    assert all(r["turns"][0]["speaker"] == "Daniel Ortiz" for r in out if r["id"].startswith("canary-"))
    assert plant_canaries(rows, "Daniel Ortiz", k=3, seed=7, model_dir=tmp_path, repeats=4) == out
    assert [c.secret for c in load_canaries(tmp_path)[1]] == [c["secret"] for c in record["canaries"]]


def test_load_canaries_of_a_model_without_them_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="without canaries"):
        load_canaries(tmp_path)


@given(
    before=st.text(alphabet="abc xyz.,!?😂é\n", max_size=30),
    after=st.text(alphabet="abc xyz.,!?😂é\n", max_size=30),
    name=st.sampled_from(["Zoë Müller", "Robert", "Müller"]),
    casing=st.sampled_from([str.lower, str.upper, str.title, lambda s: s]),
    ascii_form=st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_a_vault_name_is_found_in_any_casing_and_spelling_at_its_exact_span(
    before: str, after: str, name: str, casing: Any, ascii_form: bool
) -> None:
    matcher = VaultMatcher({"PERSON": ["Zoë Müller", "Zoë", "Müller", "Robert"]})
    written = casing(anyascii(name) if ascii_form else name)
    text = f"{before} {written} {after}"
    start = len(before) + 1
    spans = [(f.start, f.end) for f in matcher.find(text)]
    assert (start, start + len(written)) in spans
    assert "[redacted: name]" in redact(text, matcher.find(text))
