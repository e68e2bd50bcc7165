"""Where exports come from: zips read in place, zip parts and several exports at once, every layout."""

import zipfile
from pathlib import Path

import pytest

from meow.corpus.model import Thread
from meow.corpus.read import Skipped, read_exports
from meow.errors import InputError
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-export"


def summary(threads: list[Thread]) -> dict[str, list[tuple[str, str, int]]]:
    return {t.id: [(m.sender, m.text, m.timestamp_ms) for m in t.messages] for t in threads}


@pytest.fixture(scope="module")
def expected() -> dict[str, list[tuple[str, str, int]]]:
    return summary(list(read_exports([SAMPLE])))


def zip_of(path: Path, files: list[Path], prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for f in files:
            z.write(f, prefix + f.relative_to(SAMPLE).as_posix())
    return path


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLE.rglob("*") if p.is_file())


def test_a_zip_is_read_in_place(tmp_path: Path, expected: dict[str, list[tuple[str, str, int]]]) -> None:
    archive = zip_of(tmp_path / "facebook-jamie.zip", sample_files())
    assert summary(list(read_exports([archive]))) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facebook-jamie.zip"]  # nothing unpacked


def test_zip_parts_are_joined(tmp_path: Path, expected: dict[str, list[tuple[str, str, int]]]) -> None:
    files = sample_files()  # the 10 pages of one thread end up split across the two parts
    part1 = zip_of(tmp_path / "part1.zip", files[0::2])
    part2 = zip_of(tmp_path / "part2.zip", files[1::2])
    assert summary(list(read_exports([part1, part2]))) == expected


def test_the_same_export_twice_gives_each_message_once(
    expected: dict[str, list[tuple[str, str, int]]],
) -> None:
    assert summary(list(read_exports([SAMPLE, SAMPLE]))) == expected


@pytest.mark.parametrize(
    "prefix",
    ["", "your_activity_across_facebook/", "your_instagram_activity/", "facebook-jamie-2024/", "export/"],
)
def test_every_layout_root(tmp_path: Path, prefix: str) -> None:
    page = SAMPLE / "your_facebook_activity/messages/inbox/zoemuller_2298817733/message_1.json"
    for box in ("inbox", "archived_threads", "filtered_threads", "message_requests", "e2ee_cutover"):
        target = tmp_path / prefix / "messages" / box / f"zoe_{box}" / "message_1.json"
        target.parent.mkdir(parents=True)
        target.write_bytes(page.read_bytes())
    threads = list(read_exports([tmp_path]))
    assert len(threads) == 5
    assert {t.title for t in threads} == {"Zoë Müller"}
    expected = "instagram-json" if "instagram" in prefix else "messenger-json"
    assert {t.source for t in threads} == {expected}


def test_page_ten_sorts_after_page_nine(tmp_path: Path) -> None:
    folder = tmp_path / "messages/inbox/x_1"
    folder.mkdir(parents=True)
    for n in (1, 2, 9, 10):  # page 10 holds the oldest message; all pages share one timestamp
        (folder / f"message_{n}.json").write_text(
            '{"participants": [{"name": "A"}], "title": "A", "messages": '
            f'[{{"sender_name": "A", "timestamp_ms": 5, "content": "page {n}"}}]}}'
        )
    (thread,) = read_exports([tmp_path])
    assert [m.text for m in thread.messages] == ["page 1", "page 2", "page 9", "page 10"]


def test_utf8_bom_is_tolerated(tmp_path: Path) -> None:
    folder = tmp_path / "messages/inbox/a_1"
    folder.mkdir(parents=True)
    (folder / "message_1.json").write_bytes(
        b'\xef\xbb\xbf{"participants": [{"name": "A"}], "messages": '
        b'[{"sender_name": "A", "timestamp_ms": 1, "content": "Zo\\u00c3\\u00ab"}]}'
    )
    (thread,) = read_exports([tmp_path])
    assert thread.messages[0].text == "Zoë"


def test_empty_thread_and_truncated_html_are_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "messages/inbox/empty_1").mkdir(parents=True)
    (tmp_path / "messages/inbox/empty_1/message_1.json").write_text('{"participants": [], "messages": []}')
    (tmp_path / "messages/inbox/cut_2").mkdir(parents=True)
    (tmp_path / "messages/inbox/cut_2/message_1.html").write_text("<html><body><div><div>Rob</div><div>hel")
    good = SAMPLE / "your_facebook_activity/messages/inbox/zoemuller_2298817733"
    (tmp_path / "messages/inbox/zoe_3").mkdir(parents=True)
    (tmp_path / "messages/inbox/zoe_3/message_1.json").write_bytes((good / "message_1.json").read_bytes())
    skipped: list[Skipped] = []
    threads = list(read_exports([tmp_path], on_skip=skipped.append))
    assert [t.id for t in threads] == ["zoe_3"]
    assert sorted(Path(s.path).parent.name for s in skipped) == ["cut_2", "empty_1"]


def test_settings_files_next_to_conversations_are_not_conversations(tmp_path: Path) -> None:
    messages = tmp_path / "your_facebook_activity/messages"
    messages.mkdir(parents=True)
    (messages / "autofill_information.json").write_text('{"autofill_information_v2": {}}')
    (messages / "messenger_contacts_1.json").write_text('{"contacts": []}')
    e2ee = SAMPLE / "your_facebook_activity/messages/maychen_1.json"
    (messages / "maychen_1.json").write_bytes(e2ee.read_bytes())
    skipped: list[Skipped] = []
    threads = list(read_exports([tmp_path], on_skip=skipped.append))
    assert [t.id for t in threads] == ["maychen"] and not skipped


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_exports([tmp_path / "nope.zip"])


def test_folder_without_an_export_says_what_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match=r"messages/inbox/<thread>/message_1\.json"):
        read_exports([tmp_path])


def test_a_folder_holding_the_zips_says_to_give_them(tmp_path: Path) -> None:
    zip_of(tmp_path / "facebook-jamie-part1.zip", sample_files()[:3])
    with pytest.raises(InputError, match=r"holds 1 \.zip file"):
        read_exports([tmp_path])


def test_a_zip_that_is_not_a_zip(tmp_path: Path) -> None:
    (tmp_path / "export.zip").write_text("this is not a zip")
    with pytest.raises(InputError, match="not a zip"):
        read_exports([tmp_path / "export.zip"])


@pytest.mark.parametrize("evil", ["../escape/message_1.json", "messages/../../x.json", "/etc/message_1.json"])
def test_a_zip_member_escaping_the_export_is_refused(tmp_path: Path, evil: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("messages/inbox/a_1/message_1.json", '{"messages": []}')
        z.writestr(evil, '{"messages": []}')
    with pytest.raises(InputError, match="outside the export"):
        read_exports([archive])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.zip"]
