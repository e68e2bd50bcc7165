"""`meow anonymize` end to end: the corpus holds no real data, is deterministic, and bad input is one line."""

import os
import re
import stat
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from meow.anonymize.names import fold, is_everyday_word
from meow.anonymize.pipeline import AnonymizeConfig, anonymize
from meow.anonymize.selfcheck import count_leaks
from meow.anonymize.vault import Vault
from meow.cli import app
from meow.corpus.read import read_exports
from meow.errors import LeakError
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-export"
TRUTH = orjson.loads((FIXTURES / "sample-export.truth.json").read_bytes())
runner = CliRunner()


def corpus_text(out: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file())


def decoded_strings(out: Path) -> str:
    """Every string in the corpus, JSON escapes decoded (so "\\nRobert" is seen as "Robert")."""
    parts = []
    for path in sorted(out.rglob("*.json*")):
        lines = path.read_bytes().splitlines() if path.suffix == ".jsonl" else [path.read_bytes()]
        parts += [orjson.dumps(orjson.loads(line)).decode() for line in lines if line.strip()]
        parts += [str(orjson.loads(line)) for line in lines if line.strip()]
    return "\n".join(parts)


def found(text: str, real: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(real))}(?!\w)", fold(text)) is not None


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The sample export anonymised twice with one key (second time with the vault deleted).

    The key is fixed, so the pseudonyms are too: with a random key a pseudonym could share Anne-Marie's
    initials ("Adriana-Mary": "hey AM") or be called Mark, and the checks below would fail by chance.
    """
    home, base = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("runs")
    (home / "key").write_text("6d656f77" * 8 + "\n", encoding="ascii")
    (home / "key").chmod(0o600)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEOW_HOME", str(home))
        anonymize(AnonymizeConfig(exports=(SAMPLE,), out=base / "a"))
        (home / "vault.json").unlink()
        anonymize(AnonymizeConfig(exports=(SAMPLE,), out=base / "b"))
    return base / "a", base / "b", home


def test_no_real_name_or_pii_from_the_sample_export_reaches_the_corpus(
    sample_run: tuple[Path, Path, Path],
) -> None:
    text = decoded_strings(sample_run[0])
    people = TRUTH["people"] + TRUTH["outsiders"]
    forms = set(people) | {p for n in people for p in re.split(r"[\s-]", n) if not is_everyday_word(p)}
    nicknames = {
        n for ns in TRUTH["nicknames"].values() for n in ns if len(n) > 2 and not is_everyday_word(n)
    }
    pii = {v for values in TRUTH["pii"].values() for v in values}
    leaked = sorted(f for f in forms | nicknames | pii | {TRUTH["group_title"]} if found(text, f))
    assert leaked == []
    for folder in ("dmitrivolkov", "maychen", "markoyelaran", "message_1", "photos/"):
        assert folder not in text


def test_capitalised_everyday_word_names_are_replaced_where_they_are_names(
    sample_run: tuple[Path, Path, Path],
) -> None:
    text = decoded_strings(sample_run[0])
    assert not re.search(r"\b(Will|May|Mark)'s\b", text)
    assert not re.search(r"\b(ok|hey|thanks) (Will|May|Mark|will|may|mark)\b", text)
    assert not re.search(r"\b(hey|ok) AM\b", text)  # Anne-Marie's initials
    assert "i will be there" in text  # the word stays


def test_corpus_layout_manifest_and_owner(sample_run: tuple[Path, Path, Path]) -> None:
    out = sample_run[0]
    manifest = orjson.loads((out / "manifest.json").read_bytes())
    assert (manifest["format"], manifest["version"], manifest["anonymized"]) == ("meow-corpus", 1, True)
    slugs = {s["slug"] for s in manifest["speakers"]}
    assert len(slugs) == 4  # the four speakers with >= 200 typed messages
    assert manifest["owner"] in {s["name"] for s in manifest["speakers"]}
    for speaker in manifest["speakers"]:
        stats = orjson.loads((out / speaker["slug"] / "stats.json").read_bytes())
        assert stats["speaker"] == speaker["name"] and stats["messages"] >= 200
        train = [orjson.loads(x) for x in (out / speaker["slug"] / "train.jsonl").read_bytes().splitlines()]
        val = [orjson.loads(x) for x in (out / speaker["slug"] / "val.jsonl").read_bytes().splitlines()]
        assert train and val and not {r["id"] for r in train} & {r["id"] for r in val}
        assert all(speaker["name"] in r["speakers"] and re.fullmatch(r"s\d{6}", r["id"]) for r in train)


def test_same_input_and_key_give_a_byte_identical_corpus(sample_run: tuple[Path, Path, Path]) -> None:
    a, b, _ = sample_run
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_key_and_vault_are_private_and_outside_the_corpus(sample_run: tuple[Path, Path, Path]) -> None:
    out, _, home = sample_run
    for name in ("key", "vault.json"):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600
        assert not list(out.rglob(name))


def test_self_check_catches_a_planted_leak(sample_run: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, _, home = sample_run
    vault = Vault.load(home / "vault.json")
    assert vault is not None
    planted = tmp_path / "train.jsonl"
    planted.write_bytes(
        orjson.dumps({"turns": [{"text": "so I told\nROBERT about it, and zoe too"}]}) + b"\n"
    )
    assert count_leaks([planted], vault) == 2
    planted.write_bytes(orjson.dumps({"turns": [{"text": "i will be there, may I come?"}]}) + b"\n")
    assert count_leaks([planted], vault) == 0


def test_a_leak_fails_the_run_with_a_count_and_removes_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import meow.anonymize.writer as writer

    real_row = writer.session_row
    monkeypatch.setattr(writer, "session_row", lambda sid, s: real_row(sid, s) | {"note": "Robert Smith"})
    with pytest.raises(LeakError) as err:
        anonymize(AnonymizeConfig(exports=(SAMPLE,), out=tmp_path / "out"))
    assert "Robert" not in str(err.value) and re.search(r"\d+ real identifier", str(err.value))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["json_group", "json_multifile", "e2ee_simple", "html_simple", "mixed"])
def test_no_real_name_from_msgvault_exports_reaches_the_corpus(
    peers: Path, tmp_path: Path, name: str
) -> None:
    export = peers / "msgvault" / name
    threads = list(read_exports([export]))
    reals = {n for t in threads for n in (*t.participants, *t.senders)}
    reals |= {p for n in reals for p in n.split() if len(p) > 2 and not is_everyday_word(p)}
    anonymize(AnonymizeConfig(exports=(export,), out=tmp_path / "c", min_messages=1))
    text = decoded_strings(tmp_path / "c")
    assert [r for r in sorted(reals) if found(text, r)] == []
    typed = "\n".join(m.text for t in threads for m in t.messages)
    titles = [t.title for t in threads if t.title and len(t.title) > 3 and not found(typed, t.title)]
    assert not any(found(text, title) for title in titles)


def one_line_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.output.count("Error:") == 1 and "Traceback" not in result.output
    return " ".join(result.output.split())  # rich wraps the one line at the terminal width


def test_cli_refuses_a_non_empty_out_without_force_and_keeps_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert "--force" in one_line_error(["anonymize", str(SAMPLE), "--out", str(out)])
    result = runner.invoke(app, ["anonymize", str(SAMPLE), "--out", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "notes.txt").read_text() == "mine" and (out / "manifest.json").is_file()
    assert "Speakers" in result.output and "Replacements" in result.output


def test_cli_dry_run_writes_nothing(tmp_path: Path, meow_home: Path) -> None:
    result = runner.invoke(app, ["anonymize", str(SAMPLE), "--out", str(tmp_path / "c"), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Preview" in result.output
    assert not (tmp_path / "c").exists() and not (meow_home / "key").exists()


@pytest.mark.parametrize(
    ("setup", "extra", "says"),
    [
        ("file-out", [], "not a folder"),
        ("under-file", [], "Cannot write"),
        ("", ["--spacy-model", "en_core_web_zz"], "not installed"),
        ("bad-key", [], "key"),
        ("bad-vault", [], "vault"),
        ("", ["--val-fraction", "1.5"], "val-fraction"),
    ],
)
def test_cli_bad_input_is_one_clear_line(
    tmp_path: Path, meow_home: Path, setup: str, extra: list[str], says: str
) -> None:
    out = tmp_path / "c"
    if setup == "file-out":
        out.write_text("x")
    if setup == "under-file":
        (tmp_path / "f").write_text("x")
        out = tmp_path / "f" / "c"
    if setup == "bad-key":
        (meow_home / "key").write_text("not a key")
    if setup == "bad-vault":
        (meow_home / "vault.json").write_text("{broken")
    output = one_line_error(["anonymize", str(SAMPLE), "--out", str(out), *extra])
    assert says in output
    if setup == "bad-key":
        assert (meow_home / "key").read_text() == "not a key"  # never silently replaced


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_cli_unwritable_out_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert "Cannot write" in one_line_error(["anonymize", str(SAMPLE), "--out", str(locked / "c")])


def test_a_second_export_with_the_same_vault_still_passes_the_self_check(peers: Path, tmp_path: Path) -> None:
    """The vault grows across runs; names it learnt earlier are replaced in later exports too."""
    anonymize(AnonymizeConfig(exports=(SAMPLE,), out=tmp_path / "one"))
    anonymize(
        AnonymizeConfig(exports=(peers / "msgvault" / "json_group",), out=tmp_path / "two", min_messages=1)
    )
    text = decoded_strings(tmp_path / "two")
    assert not any(found(text, n) for n in TRUTH["people"])


def test_out_holding_the_meow_home_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEOW_HOME", str(tmp_path / "corpus" / ".meow"))
    output = one_line_error(["anonymize", str(SAMPLE), "--out", str(tmp_path / "corpus")])
    assert "meow home" in output


def test_a_skipped_file_is_counted_but_not_named_in_a_redirected_report(peers: Path, tmp_path: Path) -> None:
    export = peers / "msgvault" / "corrupt"  # broken_BAD/ is damaged, goodsibling_OK/ is read
    result = runner.invoke(
        app, ["anonymize", str(export), "--out", str(tmp_path / "c"), "--min-messages", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Skipped 1 unreadable file(s)" in result.output
    assert "broken_BAD" not in result.output and "message_1.json" not in result.output
