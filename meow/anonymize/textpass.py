"""All message texts of a run: detect (each distinct text once), make NER finds consistent, pick
pseudonyms in a fixed order, then replace through Presidio's AnonymizerEngine with meow's operator."""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from meow.anonymize.detect import NER_ENTITIES, Detector
from meow.anonymize.given_names import WORD_LIKE, plural_word_names, word_like_forms
from meow.anonymize.names import fold
from meow.anonymize.person_cues import PERSON_NOUNS
from meow.anonymize.propagate import key_surface, ner_values, propagate
from meow.anonymize.pseudonymizer import OPERATOR_NAME, Pseudonymizer, PseudonymOperator
from meow.anonymize.vault import Vault
from meow.anonymize.word_uses import used_as_words
from meow.anonymize.wordy import TERMS_OF_ADDRESS

CHUNK = 2048  # distinct texts per progress step


@dataclass
class TextPassResult:
    texts: dict[str, str]  # real text -> anonymised text
    counts: Counter[str]  # replacements per entity type, over all messages
    pseudonymizer: Pseudonymizer
    words: frozenset[str] = frozenset()  # English words whose name use is checked in context (self-check)


def anonymize_texts(
    texts: Sequence[str],
    names: set[str],
    secret: bytes,
    vault: Vault,
    spacy_model: str | None,
    cfg: Any,
    progress: Callable[[int, int], None] | None = None,
    detector: Detector | None = None,
    titles: Sequence[str] = (),
) -> TextPassResult:
    """Anonymise every text. `cfg` supplies batch_size and n_process; `detector` may be prebuilt (with
    the same `titles`: group thread titles, replaced by made-up group names)."""
    occurrences = Counter(texts)
    unique = list(occurrences)
    if detector is None:
        from meow.anonymize.guard import shared_analyzer  # one spaCy load per process and model

        analyzer = shared_analyzer(spacy_model)
        detector = Detector(
            names,
            analyzer=analyzer,
            batch_size=cfg.batch_size,
            n_process=cfg.n_process,
            titles=titles,
            texts=unique,
        )
    found: dict[str, Any] = {}
    done = 0
    if progress:
        progress(0, len(texts))
    for i in range(0, len(unique), CHUNK):
        chunk = unique[i : i + CHUNK]
        found.update(zip(chunk, detector.detect(chunk), strict=True))
        done += sum(occurrences[t] for t in chunk)
        if progress:
            progress(done, len(texts))
    ner_people = sorted(ner_values(found, "PERSON"))  # what NER found, before the consistency pass
    # Names and places the vault knows from earlier runs are replaced here too, as the self-check expects.
    known = {e: list(vault.entries.get(e, {})) for e in ("PERSON", "LOCATION")}
    found, words = consistency_pass(found, detector, known)
    # Every name found, by any recognizer, is forbidden as a pseudonym or a part of one before the first is
    # picked: a fake "Tina" chosen before "tin" turned up as someone's name would read as a leak of "tin".
    reals = sorted({*ner_people, *person_values(found)})
    pseudonymizer = Pseudonymizer(secret, vault, names, titles, reals=reals, english=detector.is_english)
    for name in ner_people:
        pseudonymizer.people.register(name)
    return TextPassResult(*_replace_all(found, occurrences, pseudonymizer), pseudonymizer, words)


def consistency_pass(
    found: dict[str, Any], detector: Detector, known: dict[str, list[str]] | None = None
) -> tuple[dict[str, Any], frozenset[str]]:
    """`found` with every other occurrence of the names guessed anywhere (meow.anonymize.propagate), and
    the words whose name use is checked in context, for the self-check."""
    ner_people = ner_values(found, "PERSON")
    guessed = [*ner_people, *ner_values(found, "PERSON", in_context=True)]
    words = detector.words | guessed_words(detector, [*guessed, *(known or {}).get("PERSON", [])], found)
    words |= doubtful_guesses(found, detector, ner_people)
    return propagate(found, known, words), words


def person_values(found: dict[str, Any]) -> set[str]:
    """Every PERSON surface found, possessives dropped."""
    return {
        key_surface(text[r.start : r.end]) for text, results in found.items() for r in results
        if r.entity_type == "PERSON"
    }  # fmt: skip


def guessed_words(detector: Detector, people: Sequence[str], texts: Iterable[str] = ()) -> frozenset[str]:
    """Names and name parts that NER or a sentence cue guessed (now or in an earlier run) and that are English
    words too ("Sunday", "Pierce", "Patience"), or that `texts` use as words ("Maki told me", but "a maki
    roll" and "the maki was great": meow.anonymize.word_uses): they spread only where they read as a name,
    so "see u sunday", "pierce the film" and "salmon maki" stay; the self-check looks for them inside full
    names only, as for "Will". Names of the export are not among them: those are replaced wherever the
    detector finds them."""
    parts = {part for p in people for part in fold(p).split()}  # "Sunday" of "Sunday Okafor" too
    parts -= set(detector.known.automaton.keys())
    # "nana" is someone's grandmother as often as a Nana, "bubba" anyone spoken to
    english = detector.english | PERSON_NOUNS | TERMS_OF_ADDRESS
    plurals = plural_word_names(detector.nlp, parts - english)  # "ales" of Aleś: "two ales and a cider"
    word_like = word_like_forms(detector.nlp, parts - english, WORD_LIKE)  # "chai": "masala chai"
    return (
        frozenset(w for w in parts if w in english)
        | plurals
        | word_like
        | used_as_words(texts, parts, english)
    )


MIN_CAPITALISED = 3  # capitalised occurrences of a guessed name before NER's vote on it counts
_WORD = re.compile(r"[^\W\d_]+")


def doubtful_guesses(found: dict[str, Any], detector: Detector, ner_people: Iterable[str]) -> frozenset[str]:
    """Of the one-word names NER guessed (`ner_people`: ner_values(found, "PERSON")), folded, those taken
    for a person in fewer than half of the texts where they are written with a capital: "Goodluck fixed
    my car" once, but "Goodluck on ur exam", "Goodluck everyone" and "Goodluck tomorrow!!" not. Such a word
    is this export's word as much as someone's name, so it spreads only where it reads as a name, like
    "Pearl". Not the export's names."""
    vocab = detector.nlp.vocab  # a word the model has a vector for; a name it never saw is no word
    guesses = {
        fold(v) for v in ner_people
        if _WORD.fullmatch(v) and vocab.has_vector(v) and fold(v) not in detector.known.automaton
    }  # fmt: skip
    written, named = Counter[str](), Counter[str]()
    for text, results in found.items():
        people = [(r.start, r.end) for r in results if r.entity_type in NER_ENTITIES]
        for match in _WORD.finditer(text):
            surface, folded = match.group(), fold(match.group())
            if folded in guesses and surface[:1].isupper() and not surface.isupper():
                written[folded] += 1
                named[folded] += any(s <= match.start() and match.end() <= e for s, e in people)
    return frozenset(w for w, n in written.items() if n >= MIN_CAPITALISED and 2 * named[w] < n)


def _replace_all(
    found: dict[str, Any], occurrences: Counter[str], pseudonymizer: Pseudonymizer
) -> tuple[dict[str, str], Counter[str]]:
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig

    engine = AnonymizerEngine()  # type: ignore[no-untyped-call]
    engine.add_anonymizer(PseudonymOperator)
    operators = {"DEFAULT": OperatorConfig(OPERATOR_NAME, {"pseudonymizer": pseudonymizer})}
    out: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for text in sorted(found, key=lambda t: (len(t), t)):  # a fixed order: vault entries are stable
        results = found[text]
        if not results:
            out[text] = text
            continue
        # No merging of neighbours: "will" (a participant) next to "action" (someone else, or a guess) would
        # become one name "will action" in the vault, which no other text has replaced.
        out[text] = engine.anonymize(
            text, results, operators=operators, merge_entities_with_spaces=False
        ).text
        for r in results:
            counts[r.entity_type] += occurrences[text]
    return out, counts
