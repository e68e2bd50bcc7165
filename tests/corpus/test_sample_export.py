"""The bundled sample export reads with the counts its generator wrote down, in every format it holds."""

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from meow.corpus.model import Thread
from meow.corpus.read import read_exports
from meow.corpus.sessions import split_sessions
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-export"
TRUTH = json.loads((FIXTURES / "sample-export.truth.json").read_text())


@pytest.fixture(scope="module")
def threads() -> list[Thread]:
    return list(read_exports([SAMPLE]))


def test_counts_match_the_truth_file(threads: list[Thread]) -> None:
    counts = TRUTH["counts"]
    assert len(threads) == counts["threads"]
    assert Counter(t.source for t in threads) == counts["formats"]
    assert Counter(m.kind.value for t in threads for m in t.messages) == counts["kinds"]
    assert Counter(m.sender for t in threads for m in t.messages if m.is_typed) == counts["typed_by_sender"]


def test_the_owner_is_in_every_thread_and_three_friends_have_enough_to_train_on(
    threads: list[Thread],
) -> None:
    assert all(TRUTH["owner"] in t.senders for t in threads)
    typed = Counter(m.sender for t in threads for m in t.messages if m.is_typed)
    assert sum(n >= 250 for name, n in typed.items() if name != TRUTH["owner"]) >= 3


def test_names_and_text_are_repaired(threads: list[Thread]) -> None:
    everyone = {p for t in threads for p in (*t.participants, *t.senders)}
    assert everyone == set(TRUTH["people"])
    assert "Saturday Crew 🍕" in {t.title for t in threads}
    every_string = [m.text for t in threads for m in t.messages] + [
        r.reaction for t in threads for m in t.messages for r in m.reactions
    ]
    assert not any("Ã" in s or "ð\x9f" in s for s in every_string)
    assert any("Zoë" in s for s in every_string)


def test_ten_page_thread_is_whole_in_time_order_without_the_repeated_message(threads: list[Thread]) -> None:
    (rob,) = [t for t in threads if t.id.startswith("robertsmith")]
    times = [m.timestamp_ms for m in rob.messages]
    assert times == sorted(times)
    assert len(set(times)) == len(times)  # the message repeated at a page boundary appears once


def test_group_chat_has_its_system_messages_and_the_member_who_left(threads: list[Thread]) -> None:
    (group,) = [t for t in threads if t.title == TRUTH["group_title"]]
    system = [m.text for m in group.messages if m.kind == "system"]
    assert any("named the group" in s for s in system)
    assert any("left the group" in s for s in system)
    assert "Mark Oyelaran" in group.senders and "Mark Oyelaran" not in group.participants


def test_the_pii_the_anonymiser_must_remove_is_really_there(threads: list[Thread]) -> None:
    text = "\n".join(m.text for t in threads for m in t.messages if m.is_typed)
    for values in TRUTH["pii"].values():
        assert any(v in text for v in values), values
    assert any(o in text for o in TRUTH["outsiders"])


def test_sessions_cut_from_the_sample(threads: list[Thread]) -> None:
    sessions = [s for t in threads for s in split_sessions(t)]
    assert len(sessions) > 300
    assert all(s.turns for s in sessions)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "make_sample_export.py", tmp_path)
    shutil.copy(FIXTURES / "sample_lines.py", tmp_path)
    subprocess.run([sys.executable, str(tmp_path / "make_sample_export.py")], check=True, capture_output=True)
    for path in sorted(SAMPLE.rglob("*")):
        if path.is_file():
            copy = tmp_path / "sample-export" / path.relative_to(SAMPLE)
            assert copy.read_bytes() == path.read_bytes(), path.name
