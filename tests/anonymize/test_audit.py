"""`meow audit`: planted leaks of every kind are found, and only they; clean text passes; bad input."""

from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from meow.anonymize.audit import AuditConfig, parse_samples, report_json, run_audit
from meow.anonymize.guard import shared_analyzer
from meow.anonymize.vault import Vault
from meow.cli import app
from meow.fileio import write_json_atomic, write_jsonl_atomic

COPIED = "we should totally go back to that little ramen place near the station"
CORPUS_TURNS = [
    COPIED + " on friday",
    "did you finish the report for the meeting yet or not",
    "Daniel Ortiz said the train leaves at nine tomorrow morning",
]
runner = CliRunner()


@pytest.fixture(scope="session")
def analyzer() -> Any:
    """spaCy + Presidio, loaded once for the whole test session (the guard caches it per process)."""
    return shared_analyzer()


@pytest.fixture
def vault() -> Vault:
    v = Vault()
    for real, fake in [("Robert Smith", "Daniel Ortiz"), ("Robert", "Daniel"), ("Smith", "Ortiz")]:
        v.add("PERSON", real, fake)
    for real, fake in [("Zoë Müller", "Ann Lee"), ("Zoë", "Ann"), ("Müller", "Lee")]:
        v.add("PERSON", real, fake)
    v.save()
    return v


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    manifest = {"format": "meow-corpus", "version": 1, "anonymized": True, "owner": "Maria Lopez",
                "speakers": [{"name": "Daniel Ortiz", "slug": "daniel"}]}  # fmt: skip
    write_json_atomic(root / "manifest.json", manifest)
    turns = [{"speaker": "Daniel Ortiz", "text": t, "ts": 0} for t in CORPUS_TURNS]
    write_jsonl_atomic(
        root / "daniel" / "train.jsonl", [{"id": "s000007", "speakers": ["Daniel Ortiz"], "turns": turns}]
    )
    write_json_atomic(root / "daniel" / "stats.json", {"speaker": "Daniel Ortiz", "slug": "daniel"})
    return root / "daniel"


PLANTED = [
    "call me at 415-555-0132 tonight",
    "my mail is rob.smith84@example.com",
    "ROBERT was there, robert too, and Robert",
    f"haha {COPIED} again",
    "Zoë and ZOE and zoe",
]
CLEAN = ["Daniel Ortiz and Ann Lee are coming at seven", "i will bring the snacks lol", "sounds good see you"]


def _samples_file(tmp_path: Path, samples: list[str]) -> Path:
    path = tmp_path / "samples.txt"
    path.write_text("\n==========\n".join(samples) + "\n==========\n", encoding="utf-8")
    return path


def test_planted_findings_of_every_kind_are_found_and_only_they(
    tmp_path: Path, vault: Vault, corpus: Path, analyzer: Any
) -> None:
    report = run_audit(AuditConfig(file=_samples_file(tmp_path, PLANTED + CLEAN), corpus=corpus))
    found = {r.index: sorted((f.kind, f.detector, f.text) for f in r.findings) for r in report.results}
    assert found == {
        1: [("phone", "presidio", "415-555-0132")],
        2: [("email", "presidio", "rob.smith84@example.com")],
        3: [("name", "vault", "ROBERT"), ("name", "vault", "Robert"), ("name", "vault", "robert")],
        4: [("memorized", "memorization", COPIED)],
        5: [("name", "vault", "ZOE"), ("name", "vault", "Zoë"), ("name", "vault", "zoe")],
    }
    (memorized,) = report.results[3].findings
    assert memorized.source == "s000007#0" and memorized.score == len(COPIED.split())
    assert report.checks == {
        "vault": True,
        "presidio": "patterns+ner",
        "memorization": True,
        "min_overlap": 8,
        "canary_secrets": 0,
    }


def test_unknown_person_names_are_flagged_but_pseudonyms_are_not(
    tmp_path: Path, vault: Vault, analyzer: Any
) -> None:
    vault.add("PERSON", "Anne-Marie Dubois", "Ariel-Katie Gomez")
    vault.save()
    samples = ["I saw Jennifer Lawrence at the mall", "Daniel Ortiz says hi to Ann", "Katie Gomez is here"]
    report = run_audit(AuditConfig(file=_samples_file(tmp_path, samples)))
    assert [(r.index, [(f.kind, f.text) for f in r.findings]) for r in report.results] == [
        (1, [("name", "Jennifer Lawrence")])
    ]


def test_seven_copied_tokens_are_not_memorisation(tmp_path: Path, corpus: Path) -> None:
    seven = " ".join(COPIED.split()[:7])
    report = run_audit(
        AuditConfig(file=_samples_file(tmp_path, [f"ok {seven} right"]), corpus=corpus, ner=False)
    )
    assert report.clean


def test_cli_clean_sample_exits_0(tmp_path: Path, vault: Vault, corpus: Path) -> None:
    result = runner.invoke(
        app, ["audit", str(_samples_file(tmp_path, CLEAN)), "--corpus", str(corpus), "--no-ner"]
    )
    assert result.exit_code == 0, result.output
    assert "clean" in result.output


def test_cli_findings_exit_1_with_masked_spans_and_json(tmp_path: Path, vault: Vault, corpus: Path) -> None:
    out = tmp_path / "report.json"
    args = [
        "audit",
        str(_samples_file(tmp_path, PLANTED)),
        "--corpus",
        str(corpus),
        "--no-ner",
        "--json",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "R****T" in result.output and "ROBERT" not in result.output
    assert "rob.smith84" not in result.output and "415-555-0132" not in result.output
    report = orjson.loads(out.read_bytes())
    _check_schema(report)
    assert report["summary"]["findings"] == 9 and report["summary"]["clean"] is False
    assert report["summary"]["by_kind"] == {"phone": 1, "email": 1, "name": 6, "memorized": 1}
    assert "rob.smith84" not in out.read_text()
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "--force" in again.output


def test_reveal_shows_spans_in_full(tmp_path: Path, vault: Vault) -> None:
    result = runner.invoke(app, ["audit", str(_samples_file(tmp_path, PLANTED[:1])), "--no-ner", "--reveal"])
    assert result.exit_code == 1 and "415-555-0132" in result.output


def test_stdin_one_sample_per_line(vault: Vault) -> None:
    result = runner.invoke(
        app, ["audit", "-", "--no-ner", "--json", "-"], input="hello there\nrobert is here\n"
    )
    assert result.exit_code == 1
    report = orjson.loads(result.stdout[result.stdout.index("{") :])
    assert report["summary"]["samples"] == 2 and [s["index"] for s in report["samples"]] == [2]


def _check_schema(report: dict[str, Any]) -> None:
    assert set(report) == {
        "format",
        "version",
        "revealed",
        "checks",
        "notes",
        "summary",
        "samples",
        "canaries",
    }
    assert (report["format"], report["version"], report["revealed"]) == ("meow-audit", 1, False)
    assert set(report["checks"]) == {"vault", "presidio", "memorization", "min_overlap", "canary_secrets"}
    assert set(report["summary"]) == {
        "samples",
        "flagged_samples",
        "findings",
        "clean",
        "by_kind",
        "by_detector",
    }
    for sample in report["samples"]:
        assert set(sample) == {"index", "findings"} and isinstance(sample["index"], int)
        for f in sample["findings"]:
            assert set(f) == {"kind", "detector", "score", "start", "end", "span", "source"}
            assert f["detector"] in {"vault", "presidio", "memorization", "canary"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"==========\n==========\n", "only"),
        (b"\xff\xfe caf\xe9", "not UTF-8"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "samples.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["audit", str(path), "--no-ner"])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_not_a_corpus_and_unknown_model_are_clear_errors(tmp_path: Path) -> None:
    samples = str(_samples_file(tmp_path, CLEAN))
    result = runner.invoke(app, ["audit", samples, "--no-ner", "--corpus", str(tmp_path)])
    assert result.exit_code == 2 and "is not a meow corpus" in result.output
    result = runner.invoke(app, ["audit", samples, "--no-ner", "--model", "nobody"])
    assert result.exit_code == 2 and "nobody" in result.output


def test_missing_vault_still_runs_the_other_checks(tmp_path: Path, corpus: Path) -> None:
    report = run_audit(AuditConfig(file=_samples_file(tmp_path, PLANTED), corpus=corpus, ner=False))
    assert any("vault check skipped" in n for n in report.notes)
    assert {f.kind for f in report.findings} == {"phone", "email", "memorized"}
    assert report_json(report)["checks"]["vault"] is False


def test_parse_samples_splits_on_separators_or_lines() -> None:
    assert parse_samples("a b\nc\n==========\nd\n") == ["a b\nc", "d"]
    assert parse_samples("a\n\nb\n") == ["a", "b"]
