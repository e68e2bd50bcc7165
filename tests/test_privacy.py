"""Red-team checks of the privacy promise on everything meow writes after the real pipeline ran on the
sample export: the corpus, the model folder (meow.json, model card, config, metrics, the tokenizer that
`--base tiny` trains on the corpus), what train/generate print, and the guarded samples. Only the vault
and the key, under $MEOW_HOME, may hold a real identifier."""

import re
import stat
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from meow.anonymize.names import fold, is_everyday_word
from meow.anonymize.pipeline import AnonymizeConfig, anonymize
from meow.cli import app
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-export"
TRUTH = orjson.loads((FIXTURES / "sample-export.truth.json").read_bytes())
runner = CliRunner()


def real_identifiers() -> set[str]:
    """Full names, name parts and nicknames that are no everyday word, PII, the group title, folder names."""
    people = TRUTH["people"] + TRUTH["outsiders"]
    parts = {p for n in people for p in re.split(r"[\s-]", n) if len(p) > 2 and not is_everyday_word(p)}
    nicknames = {
        n for ns in TRUTH["nicknames"].values() for n in ns if len(n) > 2 and not is_everyday_word(n)
    }
    pii = {v for values in TRUTH["pii"].values() for v in values}
    folders = {p.name.rsplit("_", 1)[0] for p in SAMPLE.rglob("*_*") if re.search(r"_\d+$", p.name)}
    return set(people) | parts | nicknames | pii | folders | {TRUTH["group_title"]}


def leaks(text: str) -> list[str]:
    folded = fold(text)
    return sorted(r for r in real_identifiers() if re.search(rf"(?<!\w){re.escape(fold(r))}(?!\w)", folded))


@dataclass(frozen=True)
class Run:
    home: Path
    corpus: Path
    model: Path
    printed: str  # everything anonymize, train and generate printed to a non-terminal (stdout and stderr)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """anonymize -> train --base tiny -> generate (guarded), in one private MEOW_HOME."""
    import torch

    torch.set_num_threads(1)
    home, corpus = tmp_path_factory.mktemp("home") / "meow", tmp_path_factory.mktemp("out") / "corpus"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEOW_HOME", str(home))
        anonymized = runner.invoke(app, ["anonymize", str(SAMPLE), "--out", str(corpus)])
        assert anonymized.exit_code == 0, anonymized.output
        slug = orjson.loads((corpus / "manifest.json").read_bytes())["speakers"][0]["slug"]
        args = [
            str(corpus / slug),
            "--base",
            "tiny",
            "--max-steps",
            "3",
            "--batch-size",
            "4",
            "--canaries",
            "1",
        ]
        trained = runner.invoke(app, ["train", *args])
        assert trained.exit_code == 0, trained.output
        generated = runner.invoke(app, ["generate", slug, "-n", "3", "--seed", "0", "--max-new-tokens", "24"])
        assert generated.exit_code == 0, generated.output
    printed = anonymized.output + trained.output + generated.output
    return Run(home, corpus, home / "models" / slug, printed)


def test_no_file_in_the_model_folder_holds_a_real_identifier(run: Run) -> None:
    texts = {
        p.name: p.read_text("utf-8") for p in run.model.rglob("*") if p.suffix in {".json", ".md", ".txt"}
    }
    assert {"meow.json", "README.md", "config.json", "metrics.json", "tokenizer.json"} <= set(texts)
    assert {name: leaks(text) for name, text in texts.items() if leaks(text)} == {}


def test_the_tokenizer_trained_on_the_corpus_learned_no_real_name(run: Run) -> None:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(run.model / "tokenizer.json"))
    from meow.anonymize.vault import Vault

    tokens = [tokenizer.decode([i]).strip() for i in range(tokenizer.get_vocab_size())]
    assert len(tokens) > 300  # trained on the corpus, not GPT-2's
    vault = Vault.load(run.home / "vault.json")
    assert vault is not None
    fakes = fold(" ".join(vault.pseudonyms()))  # "Robert" as the start of the pseudonym "Roberta" is fine
    assert leaks("\n".join(t for t in tokens if fold(t) not in fakes)) == []


def test_what_the_commands_print_to_a_log_holds_no_real_identifier(run: Run) -> None:
    assert "Model saved" in " ".join(run.printed.split()) and "self-check clean" in run.printed
    assert leaks(run.printed) == []


def test_a_dry_run_redirected_to_a_file_shows_no_real_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["anonymize", str(SAMPLE), "--out", str(tmp_path / "c"), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Preview" in result.output and "real names hidden" in result.output
    assert leaks(result.output) == []


def test_only_the_vault_holds_real_names_and_the_home_is_private(run: Run) -> None:
    assert leaks((run.home / "vault.json").read_text("utf-8"))  # the scan would see a leak
    written = [p for p in [*run.home.rglob("*"), *run.corpus.rglob("*")] if p.is_file()]
    others = [p for p in written if p.name not in {"vault.json", "key"} and p.suffix != ".safetensors"]
    assert {p.name: leaks(p.read_text("utf-8")) for p in others if leaks(p.read_text("utf-8"))} == {}
    assert stat.S_IMODE(run.home.stat().st_mode) == 0o700
    assert stat.S_IMODE(run.model.stat().st_mode) == 0o700
    for name in ("key", "vault.json"):
        assert stat.S_IMODE((run.home / name).stat().st_mode) == 0o600


def test_a_first_train_makes_the_meow_home_private(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "fresh" / "meow"
    monkeypatch.setenv("MEOW_HOME", str(home))
    args = [str(run.model.name), "--base", "tiny", "--max-steps", "1", "--batch-size", "2"]
    result = runner.invoke(app, ["train", str(run.corpus / args[0]), *args[1:]])
    assert result.exit_code == 0, result.output
    for folder in (home, home / "models", home / "models" / run.model.name):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_the_self_check_sees_a_full_name_run_together(run: Run, tmp_path: Path) -> None:
    from meow.anonymize.selfcheck import count_leaks
    from meow.anonymize.vault import Vault

    vault = Vault.load(run.home / "vault.json")
    assert vault is not None
    planted = tmp_path / "train.jsonl"
    planted.write_bytes(orjson.dumps({"turns": [{"text": "follow @robertsmith and ZoeMuller"}]}) + b"\n")
    assert count_leaks([planted], vault) == 2


HANDLES = ["@robertsmith lol", "ask RobertSmith", "zoemuller on insta", "dm @zoe_muller", "robert.smith?"]


def test_handles_and_run_together_names_are_replaced(tmp_path: Path) -> None:
    people = ["Jamie Lindqvist", "Robert Smith", "Zoë Müller"]
    thread = tmp_path / "export" / "messages" / "inbox" / "robertsmith_1"
    thread.mkdir(parents=True)
    messages = [
        {"sender_name": people[i % 3], "timestamp_ms": 1_600_000_000_000 + i * 1000, "content": text}
        for i, text in enumerate([*HANDLES, "ok", "see you"])
    ]
    page = {"participants": [{"name": n} for n in people], "messages": messages[::-1], "title": "Robert"}
    (thread / "message_1.json").write_text(orjson.dumps(page).decode())
    anonymize(AnonymizeConfig(exports=(tmp_path / "export",), out=tmp_path / "corpus", min_messages=1))
    text = fold("\n".join(p.read_text("utf-8") for p in (tmp_path / "corpus").rglob("*.jsonl")))
    for real in ("robertsmith", "robert_smith", "robert.smith", "zoemuller", "zoe_muller", "robert", "zoe"):
        assert not re.search(rf"(?<![a-z0-9]){re.escape(real)}(?![a-z0-9])", text), real


def test_the_audit_finds_a_full_name_run_together_in_model_output(tmp_path: Path) -> None:
    from meow.anonymize.vault import Vault

    vault = Vault()
    for real, fake in [("Robert Smith", "Daniel Ortiz"), ("Zoë Müller", "Ann Lee")]:
        vault.add("PERSON", real, fake)
    vault.save()
    samples = tmp_path / "samples.txt"
    samples.write_text("follow @robertsmith lol\n==========\nZoeMuller posted\n==========\nhaha ok\n")
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["audit", str(samples), "--no-ner", "--json", str(report)])
    assert result.exit_code == 1, result.output
    assert orjson.loads(report.read_bytes())["summary"]["flagged_samples"] == 2


def test_a_group_title_typed_in_messages_never_reaches_the_corpus(tmp_path: Path) -> None:
    from meow.anonymize.selfcheck import count_leaks
    from meow.anonymize.vault import Vault

    people = ["Jamie Lindqvist", "Robert Smith", "Zoë Müller"]
    thread = tmp_path / "export" / "messages" / "inbox" / "quillonrovers_1"
    thread.mkdir(parents=True)
    texts = ["quillon rovers meetup tonight", "Quillon Rovers forever", "ok", "see you"]
    messages = [
        {"sender_name": people[i % 3], "timestamp_ms": 1_600_000_000_000 + i * 1000, "content": text}
        for i, text in enumerate(texts)
    ]
    page = {
        "participants": [{"name": n} for n in people],
        "messages": messages[::-1],
        "title": "Quillon Rovers",
    }
    (thread / "message_1.json").write_text(orjson.dumps(page).decode())
    anonymize(AnonymizeConfig(exports=(tmp_path / "export",), out=tmp_path / "corpus", min_messages=1))
    text = fold("\n".join(p.read_text("utf-8") for p in (tmp_path / "corpus").rglob("*.jsonl")))
    assert "quillon" not in text and "rovers" not in text
    vault = Vault.load()
    assert vault is not None and "GROUP_TITLE" in vault.entries
    planted = tmp_path / "train.jsonl"
    planted.write_bytes(orjson.dumps({"turns": [{"text": "QUILLON ROVERS and #quillonrovers"}]}) + b"\n")
    assert count_leaks([planted], vault) == 2


def test_the_self_check_and_the_audit_see_a_name_inside_a_camelcase_tag(run: Run, tmp_path: Path) -> None:
    from meow.anonymize.selfcheck import count_leaks, leaked_identifiers
    from meow.anonymize.vault import Vault
    from meow.anonymize.vaultmatch import VaultMatcher

    vault = Vault.load(run.home / "vault.json")
    assert vault is not None
    planted = tmp_path / "train.jsonl"
    planted.write_bytes(orjson.dumps({"turns": [{"text": "go #TeamZoë and @RobertSmithOfficial"}]}) + b"\n")
    assert count_leaks([planted], vault) == 2
    assert leaked_identifiers([planted], vault) == ["zoe", "robertsmith"]
    matcher = VaultMatcher({"PERSON": ["Zoë", "Robert Smith"]})
    assert {f.text for f in matcher.find("go #TeamZoë and @RobertSmithOfficial")} == {"Zoë", "RobertSmith"}
