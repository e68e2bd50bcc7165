"""Messenger HTML in every markup generation: senders, texts, times, media, links and reactions."""

from datetime import UTC, datetime
from pathlib import Path

from meow.corpus.model import Kind, Thread
from meow.corpus.read import read_exports
from tests.conftest import FIXTURES


def read_page(tmp_path: Path, html: str) -> Thread:
    folder = tmp_path / "messages/inbox/rob_1"
    folder.mkdir(parents=True)
    (folder / "message_1.html").write_text(html)
    (thread,) = read_exports([tmp_path])
    return thread


def ms(*args: int) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp() * 1000)  # type: ignore[misc]


def test_2019_markup_with_text_photo_and_link(tmp_path: Path) -> None:
    photo = "messages/inbox/rob_1/photos/1.jpg"
    block = (
        '<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">'
        '<div class="_3-96 _2pio _2lek _2lel">{who}</div>'
        '<div class="_3-96 _2let"><div><div></div>{body}<div></div></div></div>'
        '<div class="_3-94 _2lem">{when}</div></div>'
    )
    rows = [
        block.format(
            who="Rob Smith", body="<div>see you at 8 &amp; bring snacks</div>", when="Mar 03, 2015, 1:05 PM"
        ),
        block.format(
            who="Jo Park",
            body=f'<div><a href="{photo}"><img src="{photo}"/></a></div>',
            when="Mar 03, 2015, 1:06 PM",
        ),
        block.format(
            who="Rob Smith",
            body='<div>this is us<a href="https://example.com/x">https://example.com/x</a></div>',
            when="Mar 03, 2015, 1:07 PM",
        ),
    ]
    thread = read_page(
        tmp_path,
        '<html><head><title>Rob Smith</title></head><body><div class="_4t5n" role="main">'
        '<div class="_2lek">Participants: Rob Smith, Jo Park</div>'
        + "".join(reversed(rows))
        + "</div></body></html>",
    )
    assert thread.participants == ["Rob Smith", "Jo Park"]
    assert [(m.sender, m.kind, m.text) for m in thread.messages] == [
        ("Rob Smith", Kind.TEXT, "see you at 8 & bring snacks"),
        ("Jo Park", Kind.MEDIA, ""),
        ("Rob Smith", Kind.SHARE, "this is us"),
    ]
    assert thread.messages[0].timestamp_ms == ms(2015, 3, 3, 13, 5)


def test_oldest_markup(tmp_path: Path) -> None:
    thread = read_page(
        tmp_path,
        '<html><head><title>Rob</title></head><body><div class="thread">Participants: Rob, Jo'
        '<div class="message"><div class="message_header"><span class="user">Rob</span>'
        '<span class="meta">Tuesday, 3 March 2015 at 13:05 UTC+01</span></div></div><p>see you at 8</p>'
        "</div></body></html>",
    )
    assert [(m.sender, m.text, m.timestamp_ms) for m in thread.messages] == [
        ("Rob", "see you at 8", ms(2015, 3, 3, 12, 5))
    ]


def test_sample_html_thread_has_reactions_media_shares_and_system_lines() -> None:
    (will,) = [t for t in read_exports([FIXTURES / "sample-export"]) if t.source == "messenger-html"]
    kinds = {m.kind for m in will.messages}
    assert {Kind.TEXT, Kind.MEDIA, Kind.CALL} <= kinds
    assert any(m.reactions and m.reactions[0].actor in will.participants for m in will.messages)
    assert all(m.timestamp_ms % 1000 == 0 for m in will.messages)  # HTML keeps whole seconds
    assert [m.timestamp_ms for m in will.messages] == sorted(m.timestamp_ms for m in will.messages)


def test_unexpected_structure_is_skipped_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "messages/inbox/odd_1"
    folder.mkdir(parents=True)
    (folder / "message_1.json").write_text(
        '{"title": 5, "messages": [{"sender_name": 1, "timestamp_ms": 1}]}'
    )
    skipped: list[object] = []
    assert list(read_exports([tmp_path], on_skip=skipped.append)) == []
    assert len(skipped) == 1
