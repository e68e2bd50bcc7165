"""Exports written by Facebook (collected by other projects) read the way their authors intended."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from meow.corpus.model import Kind, Thread
from meow.corpus.read import Skipped, read_exports


def read(*paths: Path) -> tuple[list[Thread], list[Skipped]]:
    skipped: list[Skipped] = []
    return list(read_exports(list(paths), on_skip=skipped.append)), skipped


def texts(thread: Thread) -> list[tuple[str, str]]:
    return [(m.sender, m.text) for m in thread.messages]


def test_corrupt_file_is_skipped_with_a_warning_and_its_sibling_is_read(peers: Path) -> None:
    threads, skipped = read(peers / "msgvault/corrupt")
    assert [t.title for t in threads] == ["Good Sibling"]
    assert texts(threads[0]) == [("Good Sibling", "Still valid")]
    assert len(skipped) == 1
    assert skipped[0].path.endswith("broken_BAD/message_1.json")
    assert "JSON" in skipped[0].reason


def test_multi_page_thread_comes_out_in_time_order(peers: Path) -> None:
    (thread,), _ = read(peers / "msgvault/json_multifile")
    assert [m.text[:9] for m in thread.messages] == ["Message A", "Message B", "Message C", "Message D"]
    times = [m.timestamp_ms for m in thread.messages]
    assert times == sorted(times)


def test_both_layouts_and_archived_threads(peers: Path) -> None:
    threads, _ = read(peers / "msgvault/json_simple", peers / "msgvault/json_with_media_alt")
    by_title = {t.title: t for t in threads}
    assert set(by_title) == {"Alice Example", "Zoe Archive", "Carol Altlayout"}
    alice = by_title["Alice Example"]
    assert texts(alice) == [
        ("Test User", "Hello"),
        ("Alice Example", "café time?"),
        ("Test User", "See you soon"),
    ]
    assert [r.reaction for r in alice.messages[1].reactions] == ["❤", "👍"]
    assert alice.participants == ["Test User", "Alice Example"]


def test_group_thread(peers: Path) -> None:
    (crew,), _ = read(peers / "msgvault/json_group")
    assert crew.title == "Crew"
    assert crew.senders == ["Test User", "Alice Example", "Bob Example"]


def test_non_text_messages_get_their_kind_and_no_typed_text(peers: Path) -> None:
    (sam,), _ = read(peers / "msgvault/json_nontext")
    kinds = [m.kind for m in sam.messages]
    assert kinds == [Kind.SYSTEM, Kind.SHARE, Kind.CALL, Kind.CALL, Kind.MEDIA, Kind.MEDIA]
    assert not any(m.is_typed for m in sam.messages)


def test_e2ee_senders_texts_and_times(peers: Path) -> None:
    threads, _ = read(peers / "msgvault/e2ee_simple")
    by_title = {t.title: t for t in threads}
    alice, group = by_title["Alice Example"], by_title["Weekend crew"]
    assert alice.source == "messenger-e2ee"
    assert alice.id == "alice"  # the _N suffix is stripped
    assert texts(alice)[:3] == [
        ("Test User", "Hello"),
        ("Alice Example", "café time?"),
        ("Test User", "See you soon"),
    ]
    assert [m.timestamp_ms for m in alice.messages] == [
        1600000000000,
        1600000060000,
        1600000120000,
        1600000180000,
    ]
    assert alice.messages[3].kind is Kind.UNSENT and alice.messages[3].text == ""
    assert alice.messages[1].reactions[0].reaction == "❤"
    assert group.participants == ["Test User", "Alice Example", "Bob Builder"]
    assert [m.kind for m in group.messages] == [Kind.TEXT, Kind.MEDIA]


def test_html_senders_texts_and_times(peers: Path) -> None:
    (alice,), _ = read(peers / "msgvault/html_simple")
    assert alice.source == "messenger-html"
    assert alice.title == "Alice Example"
    assert alice.participants == ["Test User", "Alice Example"]
    assert texts(alice) == [
        ("Test User", "Hello"),
        ("Alice Example", "café time?"),
        ("Test User", "See you soon"),
    ]
    assert alice.messages[0].timestamp_ms == ms(2020, 9, 13, 12, 26)


def test_html_media_belongs_to_its_own_message(peers: Path) -> None:
    (carol,), _ = read(peers / "msgvault/html_multi_media")
    assert [m.text for m in carol.messages] == ["Hello Carol", "Check out this photo", "Nice picture"]
    (bob,), _ = read(peers / "msgvault/html_with_media")
    assert texts(bob) == [("Bob Mediafile", "Here's a photo")]


@pytest.mark.parametrize("layout", ["layout1.html", "layout2.html", "layout3.html"])
def test_html_timestamp_layouts(peers: Path, layout: str) -> None:
    (thread,), _ = read(peers / "msgvault/html_timestamps" / layout)
    assert [(m.sender, m.text, m.timestamp_ms) for m in thread.messages] == [
        ("Test User", "ping", ms(2019, 10, 19, 14, 37))
    ]


def test_html_found_by_structure_when_class_names_change(peers: Path, tmp_path: Path) -> None:
    page = (
        peers
        / "msgvault/html_simple/your_activity_across_facebook/messages/inbox/alice_ABC123/message_1.html"
    )
    html = page.read_text()
    for cls in ["_a706", "_a70e", "_3b0d", "_a6-g", "_a6-p", "_2ph_", "_a6-h", "_a6-i", "_a72d"]:
        html = html.replace(cls, "zzq" + cls[1:])
    folder = tmp_path / "messages/inbox/alice_ABC123"
    folder.mkdir(parents=True)
    (folder / "message_1.html").write_text(html)
    (thread,), _ = read(tmp_path)
    assert len(thread.messages) == 3 and len(thread.participants) == 2


def test_a_folder_with_both_json_and_html_is_read_once_from_json(peers: Path) -> None:
    (eve,), _ = read(peers / "msgvault/mixed")
    assert eve.source == "messenger-json"
    assert texts(eve) == [("Test User", "Mixed hello"), ("Eve Mixer", "Mixed reply")]


def test_every_msgvault_fixture_at_once(peers: Path) -> None:
    folders = [
        p for p in sorted((peers / "msgvault").iterdir()) if p.is_dir() and p.name != "html_timestamps"
    ]
    threads, skipped = read(*folders)
    assert len(skipped) == 1
    for thread in threads:
        assert thread.messages, thread.id
        assert [m.timestamp_ms for m in thread.messages] == sorted(m.timestamp_ms for m in thread.messages)


def test_chat_miner_instagram_target(peers: Path) -> None:
    folder = peers / "chat-miner/instagram"
    (thread,), _ = read(folder / "test_export.json")
    target = json.loads((folder / "target.json").read_text())
    expected = sorted(
        (datetime.fromisoformat(t["timestamp"]).replace(tzinfo=UTC), t["author"], t["message"])
        for t in target
    )
    got = [(datetime.fromtimestamp(m.timestamp_ms / 1000, UTC), m.sender, m.text) for m in thread.messages]
    assert got == expected


def ms(*args: int) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp() * 1000)  # type: ignore[misc]
