"""Ingest benchmark: read a 200,000-message Messenger export and cut it into sessions.

    python bench/ingest.py [--messages 200000] [--zip]

Builds a synthetic legacy-JSON export in a temporary folder (mojibake-encoded strings, pages of up to
10,000 messages newest first, threads of very different sizes), then reports messages per second for
reading + cutting sessions (one core), and the peak memory of a second, traced pass. The target is
>= 100,000 messages/s and memory that follows the largest thread, not the whole export.
"""

import argparse
import random
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import orjson

from meow.corpus.read import read_exports
from meow.corpus.sessions import split_sessions

WORDS = ["ok", "lol", "yes", "no", "maybe", "tonight", "pub", "later", "coffee", "café", "naïve", "crème",
         "😂", "❤", "👍", "see", "you", "soon", "what", "time", "are", "we"]  # fmt: skip
PAGE = 10_000


def thread_sizes(total: int, largest: int, rng: random.Random) -> list[int]:
    """One big thread of `largest` messages, the rest spread over many smaller ones."""
    sizes = [min(largest, total)]
    while sum(sizes) < total:
        sizes.append(min(rng.choice([50, 300, 1500, 6000]), largest, total - sum(sizes)))
    return sizes


def mojibake(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


def build_export(root: Path, total: int, largest: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    people = [mojibake(n) for n in ("Jamie Lindqvist", "Robert Smith", "Zoë Müller", "Anne-Marie Dubois")]
    sizes = thread_sizes(total, largest, rng)
    for t, size in enumerate(sizes):
        folder = root / "your_facebook_activity/messages/inbox" / f"thread_{t}"
        folder.mkdir(parents=True)
        ts = 1_600_000_000_000 + t * 1000
        messages = []
        for _ in range(size):
            ts += rng.choice([5_000, 40_000, 300_000, 7_200_000])
            text = " ".join(rng.choices(WORDS, k=rng.randint(1, 12)))
            messages.append({"sender_name": rng.choice(people), "timestamp_ms": ts, "content": mojibake(text),
                             "type": "Generic", "is_geoblocked_for_viewer": False})  # fmt: skip
        messages.reverse()  # newest first, like Facebook
        for page in range(0, size, PAGE):
            doc = {"participants": [{"name": p} for p in people], "messages": messages[page : page + PAGE],
                   "title": mojibake("Zoë Müller"), "thread_path": f"inbox/thread_{t}"}  # fmt: skip
            (folder / f"message_{page // PAGE + 1}.json").write_bytes(
                orjson.dumps(doc, option=orjson.OPT_INDENT_2)
            )
    return max(sizes)


def ingest(path: Path) -> tuple[int, int]:
    messages = sessions = 0
    for thread in read_exports([path]):
        messages += len(thread.messages)
        sessions += len(split_sessions(thread))
    return messages, sessions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--largest", type=int, default=50_000, help="messages in the biggest thread")
    parser.add_argument("--zip", action="store_true", help="also read the export as a .zip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "export"
        largest = build_export(root, args.messages, args.largest)
        size_mb = sum(f.stat().st_size for f in root.rglob("*.json")) / 1e6
        print(f"export: {args.messages:,} messages, largest thread {largest:,}, {size_mb:.1f} MB of JSON")
        targets = [("folder", root)]
        if args.zip:
            archive = Path(tmp) / "export.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                for f in sorted(root.rglob("*.json")):
                    z.write(f, f.relative_to(root).as_posix())
            targets.append(("zip", archive))
        for name, path in targets:
            start, cpu_start = time.perf_counter(), time.process_time()
            messages, sessions = ingest(path)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            rate, cpu_rate = messages / seconds, messages / cpu
            print(
                f"{name}: read + sessions: {messages:,} messages, {sessions:,} sessions in {seconds:.2f} s "
                f"= {rate:,.0f} messages/s ({cpu:.2f} s of CPU = {cpu_rate:,.0f} per CPU-second)"
            )
            tracemalloc.start()
            ingest(path)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"{name}: peak traced memory while reading: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
