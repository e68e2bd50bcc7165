"""`meow anonymize`: exports in, an anonymised corpus out (read -> detect -> pseudonymise -> sessions ->
corpus -> self-check). `anonymize(cfg)` is the core the CLI and the tests call."""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from meow.anonymize.textpass import anonymize_texts
from meow.anonymize.thread_nicknames import nicknames_set_in
from meow.corpus.model import Message, Session, Thread
from meow.corpus.sessions import DEFAULT_GAP, split_sessions
from meow.errors import InputError, LeakError

Progress = Callable[[int, int], None]  # (messages done, messages in all)


@dataclass(frozen=True)
class AnonymizeConfig:
    exports: tuple[Path, ...]  # Messenger/Instagram exports: zips or folders
    out: Path  # the corpus folder (shareable; the vault and key stay under $MEOW_HOME)
    min_messages: int = 200  # a speaker needs this many typed messages to get a corpus folder
    session_gap: timedelta = DEFAULT_GAP  # a silence longer than this starts a new session
    spacy_model: str | None = None  # spaCy package or folder; default: the best English model installed
    val_fraction: float = 0.1  # share of each speaker's sessions held out in val.jsonl
    force: bool = False  # replace meow's own files in a non-empty --out
    dry_run: bool = False  # preview a sample of anonymised messages; write nothing
    preview: int = 12  # how many messages --dry-run shows
    batch_size: int = 512  # texts per spaCy batch
    n_process: int = 1  # spaCy worker processes


@dataclass(frozen=True)
class SpeakerRow:
    real: str  # shown to the user only, never written
    pseudonym: str
    slug: str | None  # None: too few messages for a corpus folder
    messages: int


@dataclass
class AnonymizeReport:
    out: Path
    dry_run: bool
    spacy_model: str
    threads: int = 0
    messages: int = 0  # typed messages anonymised
    sessions: int = 0
    seconds: float = 0.0
    owner: SpeakerRow | None = None
    speakers: list[SpeakerRow] = field(default_factory=list)
    replacements: dict[str, int] = field(default_factory=dict)
    preview: list[tuple[str, str]] = field(default_factory=list)  # (pseudonym, anonymised text)
    skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def anonymize(
    cfg: AnonymizeConfig, progress: Progress | None = None, on_skip: Callable[[Any], None] | None = None
) -> AnonymizeReport:
    """Exports in, corpus out (or, with dry_run, a preview and nothing written). Raises MeowError
    subclasses for what a user can fix, LeakError when the self-check finds a real identifier."""
    created = not cfg.out.exists()
    try:
        return _run(cfg, progress, on_skip)
    except BaseException:
        if created and cfg.out.is_dir() and not any(cfg.out.iterdir()):
            cfg.out.rmdir()  # a failed run leaves no empty --out behind
        raise


def _run(
    cfg: AnonymizeConfig, progress: Progress | None, on_skip: Callable[[Any], None] | None
) -> AnonymizeReport:
    import time

    started = time.perf_counter()
    report = _start(cfg)
    threads = _read(cfg.exports, report, on_skip)
    if not threads and report.skipped:
        where = ", ".join(str(p) for p in cfg.exports)
        raise InputError(
            f"No conversation in {where} could be read: all {len(report.skipped)} file(s) are damaged "
            f"(first: {report.skipped[0]}); download the export again."
        )
    names = _names(threads)
    secret, vault = _key_and_vault(cfg.dry_run)
    texts, titles = _texts(threads, cfg), _group_titles(threads)
    known = names | nicknames_set_in(threads)  # "X set the nickname for Bob to Bobo."
    result = anonymize_texts(texts, known, secret, vault, cfg.spacy_model, cfg, progress, titles=titles)
    people = {n: result.pseudonymizer.people.register(n) for n in sorted(names)}
    _summarise(report, threads, people, result.counts, cfg.min_messages)
    if cfg.dry_run:
        pairs = _preview_pairs(threads, cfg.preview)
        report.preview = [(people.get(s, s), result.texts[t]) for s, t in pairs]
    else:
        sessions = _sessions(threads, people, result.texts, cfg.session_gap)
        report.sessions = len(sessions)
        if cfg.force and cfg.out.is_dir():
            from meow.anonymize.writer import remove_meow_files

            remove_meow_files(cfg.out)
        vault.save()
        report.files = _write(cfg, sessions, report.speakers, report, result.words)
    report.seconds = time.perf_counter() - started
    return report


def _start(cfg: AnonymizeConfig) -> AnonymizeReport:
    """Everything that can be refused before any work: bad numbers, a missing model, a bad --out."""
    from meow.anonymize.analyzer import model_label, resolve_spacy_model
    from meow.anonymize.writer import check_out

    if not 0 <= cfg.val_fraction < 1:
        raise InputError(f"--val-fraction must be at least 0 and below 1, not {cfg.val_fraction}.")
    model = resolve_spacy_model(cfg.spacy_model)
    if not cfg.dry_run:
        check_out(cfg.out, cfg.force)
    return AnonymizeReport(out=cfg.out, dry_run=cfg.dry_run, spacy_model=model_label(model))


def _summarise(
    report: AnonymizeReport,
    threads: Sequence[Thread],
    people: dict[str, str],
    counts: Counter[str],
    minimum: int,
) -> None:
    typed = Counter(m.sender for t in threads for m in t.messages if m.is_typed)
    report.threads = len(threads)
    report.messages = sum(typed.values())
    report.replacements = dict(sorted(counts.items()))
    report.speakers = _speaker_rows(typed, people, minimum)
    owner = _owner(threads)
    report.owner = next((r for r in report.speakers if r.real == owner), None)


def _read(
    exports: Sequence[Path], report: AnonymizeReport, on_skip: Callable[[Any], None] | None
) -> list[Thread]:
    from meow.corpus.read import read_exports

    def skipped(item: Any) -> None:
        report.skipped.append(str(getattr(item, "path", item)))
        if on_skip:
            on_skip(item)

    threads = list(read_exports(list(exports), on_skip=skipped))
    # A deterministic order that does not depend on how the export was listed or zipped.
    threads.sort(key=lambda t: (t.messages[0].timestamp_ms if t.messages else 0, t.id))
    return threads


def _names(threads: Iterable[Thread]) -> set[str]:
    return {n for t in threads for n in (*t.participants, *t.senders) if n.strip()}


def _group_titles(threads: Iterable[Thread]) -> list[str]:
    """Titles of group threads (more than two people): no thread title may reach the corpus."""
    groups = (t for t in threads if len(set(t.participants) | set(t.senders)) > 2)
    return sorted({t.title.strip() for t in groups if t.title.strip()})


def _owner(threads: Sequence[Thread]) -> str | None:
    """The one person present in every thread; None when no one or several are."""
    present = [set(t.participants) | set(t.senders) for t in threads]
    common = set.intersection(*present) if present else set()
    return next(iter(common)) if len(common) == 1 else None


def _texts(threads: Sequence[Thread], cfg: AnonymizeConfig) -> list[str]:
    typed = [m.text for t in threads for m in t.messages if m.is_typed]
    if cfg.dry_run:
        return [t for _, t in _preview_pairs(threads, cfg.preview)]
    return typed


def _preview_pairs(threads: Sequence[Thread], n: int) -> list[tuple[str, str]]:
    typed = [(m.sender, m.text) for t in threads for m in t.messages if m.is_typed]
    step = max(1, len(typed) // max(n, 1))
    return typed[::step][:n]


def _key_and_vault(dry_run: bool) -> tuple[bytes, Any]:
    import secrets

    from meow.anonymize.key import default_key_path, load_or_create_key
    from meow.anonymize.vault import Vault

    vault = Vault.load() or Vault()
    if dry_run and not default_key_path().exists():
        return secrets.token_bytes(32), vault  # a preview writes nothing, not even a key
    return load_or_create_key(), vault


def _speaker_rows(typed: Counter[str], people: dict[str, str], min_messages: int) -> list[SpeakerRow]:
    from meow.anonymize.writer import slugify

    eligible = [s for s, n in typed.items() if n >= min_messages and s in people]
    slugs = slugify([people[s] for s in eligible])
    rows = [
        SpeakerRow(s, people[s], slugs.get(people[s]) if s in eligible else None, typed[s]) for s in people
    ]
    return sorted(rows, key=lambda r: (-r.messages, r.pseudonym))


def _sessions(
    threads: Sequence[Thread], people: dict[str, str], texts: dict[str, str], gap: timedelta
) -> list[tuple[str, Session]]:
    """Every session, pseudonymised, with an opaque id in corpus order ("s000001")."""
    out: list[tuple[str, Session]] = []
    for n, thread in enumerate(threads):
        messages = [
            Message(
                sender=people.get(m.sender, m.sender),
                text=texts[m.text],
                timestamp_ms=m.timestamp_ms,
                kind=m.kind,
            )
            for m in thread.messages
            if m.is_typed
        ]
        clean = Thread(id=f"t{n}", title="", participants=[], messages=messages)
        out += [(f"s{len(out) + i + 1:06d}", s) for i, s in enumerate(split_sessions(clean, gap))]
    return out


def _write(
    cfg: AnonymizeConfig,
    sessions: list[tuple[str, Session]],
    rows: list[SpeakerRow],
    report: AnonymizeReport,
    words: frozenset[str] = frozenset(),
) -> list[Path]:
    from meow import __version__
    from meow.anonymize.selfcheck import count_leaks
    from meow.anonymize.vault import Vault
    from meow.anonymize.writer import SPEAKER_FILES, CorpusSpeaker, discard, write_corpus

    speakers = [
        CorpusSpeaker(r.pseudonym, r.slug, r.messages)
        for r in sorted(rows, key=lambda r: r.slug or "")
        if r.slug
    ]
    manifest = {
        "owner": report.owner.pseudonym if report.owner else None,
        "counts": {
            "threads": report.threads,
            "messages": report.messages,
            "sessions": report.sessions,
            "speakers": len(speakers),
        },
        "config": {
            "min_messages": cfg.min_messages,
            "session_gap_seconds": int(cfg.session_gap.total_seconds()),
            "val_fraction": cfg.val_fraction,
            "spacy_model": report.spacy_model,
            "detectors": ["export names", "presidio patterns", "street addresses", "spacy ner"],
        },
        "meow_version": __version__,
    }
    planned = [cfg.out / s.slug / name for s in speakers for name in SPEAKER_FILES]
    try:
        written = write_corpus(cfg.out, sessions, speakers, cfg.val_fraction, manifest)
        leaks = count_leaks(written, Vault.load() or Vault(), words)
    except BaseException:  # Ctrl-C or a crash: leave no corpus that the self-check has not passed
        discard(cfg.out, [*planned, cfg.out / "manifest.json"])
        raise
    if leaks:
        discard(cfg.out, written)
        raise LeakError(
            f"Self-check failed: {leaks} real identifier(s) from the vault were found in the corpus, so "
            "it was removed. Please report this (without the data)."
        )
    return written
