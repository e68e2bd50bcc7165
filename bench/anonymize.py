"""Anonymisation benchmark: meow end to end vs Presidio one message at a time vs Presidio's batch engine.

    python bench/anonymize.py [--messages 40000] [--baseline-sample 3000] [--batch-sample 10000]

Generates a synthetic Messenger export (legacy JSON) of chat-like messages with names, nicknames,
phones, e-mails, URLs and addresses, then, in one process and on the same messages:
  (a) meow's pipeline end to end (`anonymize(cfg)`: read, detect, pseudonymise, sessions, write the corpus,
      self-check), after the spaCy model is loaded (load time printed apart);
  (b) the naive baseline: Presidio's AnalyzerEngine over the same spaCy model with its default
      recognizers, `analyze` + `AnonymizerEngine.anonymize` one message at a time (on a random sample);
  (c) Presidio's BatchAnalyzerEngine (`analyze_iterator`, batch_size=256) over a random sample.
Then the same on an export whose texts are all distinct, so caching repeated texts cannot flatter meow.
Peak memory is the process's peak resident set size after meow's run (before the baselines load).
"""

import argparse
import os
import random
import resource
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import orjson

PEOPLE = ["Robert Smith", "Zoë Müller", "Anne-Marie Dubois", "Will Harper", "May Chen", "Jamie Lindqvist"]
FILLERS = [
    "lol", "ok", "haha", "yes", "no way", "sounds good", "on my way", "😂", "k", "see you soon", "thanks!",
    "i will be there around 7", "did you pay the electricity bill?", "may I borrow your drill?", "cool",
]  # fmt: skip
TEMPLATES = [
    "tell {first} i said hi", "{first}'s party is on friday", "ok {lower}", "hey {first} how was {city}",
    "call me at {phone}", "my new email is {email}", "this is my profile https://facebook.com/{slug}",
    "meet at {number} Larkspur Lane at 8?", "met {stranger} at the gym today", "{first}: are you coming?",
    "did you see what {full} posted", "omg {upper} stop", "is {lower} coming tonight",
]  # fmt: skip
STRANGERS = ["Priya Natarajan", "Tomasz Wójcik", "jessica", "Desmond Achterberg", "Oluwaseun Adeyemi"]
CITIES = ["Paris", "Lisbon", "Chicago", "Leeds", "Kyoto"]


def line(rng: random.Random, distinct: bool, vocab: list[str]) -> str:
    if rng.random() < 0.55:
        text = rng.choice(FILLERS)
    else:
        person = rng.choice(PEOPLE)
        first = person.split()[0]
        slots = {
            "first": first, "lower": first.lower(), "upper": first.upper(), "full": person,
            "city": rng.choice(CITIES), "phone": f"+1 (415) 555-{rng.randint(0, 9999):04d}",
            "email": f"{first.lower()}{rng.randint(1, 99)}@example.com",
            "slug": person.lower().replace(" ", "."), "number": rng.randint(1, 300),
            "stranger": rng.choice(STRANGERS),
        }  # fmt: skip
        text = rng.choice(TEMPLATES).format(**slots)
    if distinct:
        text += " " + " ".join(rng.choice(vocab) for _ in range(rng.randint(2, 6)))
    return text


def write_export(root: Path, n: int, distinct: bool, seed: int = 0) -> list[str]:
    """A legacy-JSON Messenger export of `n` messages in 8 threads; returns the texts in order."""
    from faker.providers.lorem.en_US import Provider

    rng = random.Random(seed)
    vocab = list(Provider.word_list)
    texts: list[str] = []
    seen: set[str] = set()
    per_thread = n // 8
    for t in range(8):
        members = ["Jamie Lindqvist", *rng.sample(PEOPLE[:-1], 2 if t else 4)]
        ts = 1_600_000_000_000 + t * 10_000_000
        messages = []
        for _ in range(per_thread):
            text = line(rng, distinct, vocab)
            while distinct and text in seen:
                text = line(rng, distinct, vocab)
            seen.add(text)
            ts += rng.choice([20_000, 60_000, 300_000, 9_000_000])
            messages.append({"sender_name": rng.choice(members), "timestamp_ms": ts, "content": text})
            texts.append(text)
        folder = root / "messages" / "inbox" / f"thread_{t}"
        folder.mkdir(parents=True)
        doc = {
            "participants": [{"name": m} for m in members],
            "title": f"thread {t}",
            "messages": messages[::-1],
        }
        (folder / "message_1.json").write_bytes(orjson.dumps(doc))
    return texts


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_meow(export: Path, out: Path, n_process: int) -> float:
    from meow.anonymize.pipeline import AnonymizeConfig, anonymize

    start = time.perf_counter()
    report = anonymize(AnonymizeConfig(exports=(export,), out=out, min_messages=50, n_process=n_process))
    seconds = time.perf_counter() - start
    return report.messages / seconds


def presidio_engines(model: str) -> tuple[object, object]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    from meow.anonymize.analyzer import NER_MODEL_CONFIGURATION

    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}],
              "ner_model_configuration": NER_MODEL_CONFIGURATION}  # fmt: skip
    analyzer = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())
    return analyzer, AnonymizerEngine()


def run_baseline(analyzer: object, anonymizer: object, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        results = analyzer.analyze(text, language="en")  # type: ignore[attr-defined]
        anonymizer.anonymize(text, results)  # type: ignore[attr-defined]
    return len(texts) / (time.perf_counter() - start)


def run_batch(analyzer: object, texts: list[str]) -> float:
    from presidio_analyzer import BatchAnalyzerEngine

    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)  # type: ignore[arg-type]
    start = time.perf_counter()
    list(batch.analyze_iterator(texts, language="en", batch_size=256))
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=40_000)
    parser.add_argument("--baseline-sample", type=int, default=3_000)
    parser.add_argument("--batch-sample", type=int, default=10_000)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()

    from meow.anonymize.analyzer import resolve_spacy_model
    from meow.anonymize.guard import shared_analyzer

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MEOW_HOME"] = str(Path(tmp) / "home")
        model = resolve_spacy_model(None)
        start = time.perf_counter()
        shared_analyzer(None)
        loaded = time.perf_counter() - start
        print(f"spaCy model {Path(model).name}: loaded in {loaded:.1f} s (not in the rates)")
        rows = []
        for label, distinct in (("chat-like export", False), ("all-distinct texts", True)):
            export = Path(tmp) / f"export-{distinct}"
            texts = write_export(export, args.messages, distinct)
            meow_rate = run_meow(export, Path(tmp) / f"corpus-{distinct}", args.n_process)
            rows.append((label, len(texts), len(set(texts)), meow_rate, peak_mb(), texts))
            distinct_n = len(set(texts))
            print(
                f"[{label}] meow end to end: {meow_rate:,.0f} msg/s on {len(texts):,} messages "
                f"({distinct_n:,} distinct), peak RSS so far {peak_mb():,.0f} MB",
                flush=True,
            )
        analyzer, anonymizer = presidio_engines(model)
        rng = random.Random(1)
        for label, n, _, meow_rate, _, texts in rows:
            one_n, batch_n = min(args.baseline_sample, n), min(args.batch_sample, n)
            base = run_baseline(analyzer, anonymizer, rng.sample(texts, one_n))
            batch = run_batch(analyzer, rng.sample(texts, batch_n))
            print(
                f"[{label}] Presidio one by one (analyze+anonymize, {one_n:,} sampled): {base:,.0f} msg/s; "
                f"BatchAnalyzerEngine ({batch_n:,} sampled): {batch:,.0f} msg/s; "
                f"meow/one-by-one {meow_rate / base:.1f}x, meow/batch {meow_rate / batch:.2f}x",
                flush=True,
            )
        print(f"peak RSS of the whole process (incl. baselines): {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
