"""The audit against a real `meow anonymize` run on the bundled sample export: every real identifier of the
truth file is caught in generated-like text, and the corpus's own (pseudonymised) text is clean of them."""

from pathlib import Path
from typing import Any

import orjson
from typer.testing import CliRunner

from meow.cli import app

REPO = Path(__file__).resolve().parents[2]
TRUTH = orjson.loads((REPO / "fixtures" / "sample-export.truth.json").read_bytes())
runner = CliRunner()


def _audit(tmp_path: Path, samples: list[str], *args: str) -> dict[str, Any]:
    path = tmp_path / "samples.txt"
    path.write_text("\n==========\n".join(samples), encoding="utf-8")
    result = runner.invoke(app, ["audit", str(path), "--no-ner", "--json", "-", *args])
    assert result.exit_code in (0, 1), result.output
    report: dict[str, Any] = orjson.loads(result.stdout)
    return report


def test_real_identifiers_of_the_sample_export_are_caught_and_pseudonyms_pass(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = runner.invoke(app, ["anonymize", str(REPO / "fixtures" / "sample-export"), "--out", str(corpus)])
    assert result.exit_code == 0, result.output
    reals = [*TRUTH["people"], *(v for values in TRUTH["pii"].values() for v in values)]
    reals += ["ROBERT", "zoe", "Zoe Muller", "anne-marie's"]
    samples = [f"lol i told {real} about it yesterday" for real in reals]
    report = _audit(tmp_path, samples)
    flagged = {s["index"] for s in report["samples"]}
    assert [real for i, real in enumerate(reals, start=1) if i not in flagged] == []
    assert all(f["detector"] == "vault" for s in report["samples"] for f in s["findings"])

    manifest = orjson.loads((corpus / "manifest.json").read_bytes())
    fakes = [s["name"] for s in manifest["speakers"]] + [manifest["owner"]]
    everyday = ["i will be there at 7", "may i come too?", "mark my words lol"]
    clean = _audit(tmp_path, [f"{fake} says hi" for fake in fakes] + everyday)
    assert clean["summary"]["clean"], clean["samples"]

    slug = manifest["speakers"][0]["slug"]
    held_out = [t["text"] for line in (corpus / slug / "val.jsonl").read_bytes().splitlines()
                for t in orjson.loads(line)["turns"]]  # fmt: skip
    own = _audit(tmp_path, held_out, "--corpus", str(corpus / slug))
    assert own["summary"]["by_detector"].get("vault", 0) == 0
