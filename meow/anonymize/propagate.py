"""Consistency: a person or place that NER found once is replaced wherever else it appears.

NER misses a name now and then ("jessica" lowercase in one message, "Jessica Alvarez" found in another);
the vault would still know the name, and the self-check would rightly fail. So every name NER found
becomes a known name for a second, exact pass over all texts.
"""

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping

from presidio_analyzer import RecognizerResult

from meow.anonymize.detect import NER_ENTITIES, resolve_overlaps
from meow.anonymize.names import is_nameless, key
from meow.anonymize.recognizers.known_names import KnownNameRecognizer

PROPAGATED_SCORE = 0.95  # under the known names' 1.0, above any NER score


def ner_values(
    found: Mapping[str, list[RecognizerResult]], entity: str, in_context: bool = False
) -> set[str]:
    """Surfaces of `entity` that NER (not the known names) found, possessives dropped; with `in_context`,
    the everyday-word names that the sentence showed to be someone's ("brook ordered pizza") instead."""
    values = set()
    for text, results in found.items():
        for r in results:
            if r.entity_type != entity:
                continue
            if _in_context(r) if in_context else r.score < PROPAGATED_SCORE:
                values.add(key_surface(text[r.start : r.end]))
    return {v for v in values if v and not is_nameless(v)}


# The recognizers of everyday-word names that the sentence showed to be someone's.
IN_CONTEXT = frozenset({"EverydayNameRecognizer", "WordNameRecognizer", "CoordinatedNameRule"})


def _in_context(result: RecognizerResult) -> bool:
    return (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) in IN_CONTEXT


def _one_type_each(found: Mapping[str, list[RecognizerResult]]) -> dict[str, set[str]]:
    """The NER guesses per entity, each name under the type it was guessed as most often (a person on a
    tie): NER now and then calls a name a place ("Ailsa u legend"), and spread as a place it would win over
    the findings that show a person."""
    votes: Counter[tuple[str, str]] = Counter()
    for text, results in found.items():
        for r in results:
            if r.entity_type in NER_ENTITIES and r.score < PROPAGATED_SCORE:
                votes[key(key_surface(text[r.start : r.end])), r.entity_type] += 1

    def most_often(name: str) -> str:
        return max(NER_ENTITIES, key=lambda e: (votes[key(name), e], e == "PERSON"))

    return {e: {n for n in ner_values(found, e) if most_often(n) == e} for e in NER_ENTITIES}


def full_names(found: Mapping[str, list[RecognizerResult]], words: frozenset[str]) -> set[str]:
    """A name that is also a word (`words`) found right before another person's name, a space apart, and
    not joined by any recognizer: one person's full name ("Ales" in context, "Hlybokavets" a rare word),
    so it spreads whole to "ales hlybokavets said", where "ales" alone reads as the drink. Not two names
    that are no words ("robert jessica" are two people), nor a word said twice ("Kay Kay")."""
    values = set()
    for text, results in found.items():
        people = sorted((r.start, r.end) for r in results if r.entity_type == "PERSON")
        for (first, end), (start, stop) in itertools.pairwise(people):
            head, tail = key(text[first:end]), key(text[start:stop])
            if text[end:start] == " " and head in words and head != tail:
                values.add(key_surface(text[first:stop]))
    return {v for v in values if not is_nameless(v)}


def key_surface(surface: str) -> str:
    surface = surface.strip()
    for suffix in ("'s", "’s"):
        if surface.lower().endswith(suffix):
            return surface[: -len(suffix)]
    return surface


def propagate(
    found: dict[str, list[RecognizerResult]],
    known: Mapping[str, Iterable[str]] | None = None,
    words: frozenset[str] = frozenset(),
) -> dict[str, list[RecognizerResult]]:
    """`found` (text -> findings) plus every other occurrence of the people and places NER found, of the
    everyday-word names the sentence showed to be people, and of those `known` from earlier runs (the
    vault's PERSON and LOCATION values).

    A name that is also an English word (`words`, e.g. Detector.words: "Pearl", "Max", "Honey") spreads
    only to the occurrences that read as a name (meow.anonymize.wordy): NER calling "Pearl" a person once
    must not replace every "pearl"."""
    recognizers = []
    guessed = _one_type_each(found)
    guessed["PERSON"] |= full_names(found, words)
    for entity in NER_ENTITIES:
        values = guessed[entity] | set((known or {}).get(entity, ()))
        if values:
            parts = entity == "PERSON"
            recognizers.append(
                KnownNameRecognizer(sorted(values, key=key), entity=entity, parts=parts, words=words)
            )
    # "brook" that the sentence showed to be someone ("brook ordered pizza") spreads where it reads as a
    # name, by the rules for the export's own names: the export has a Brook now ("hey brook", "i love
    # brook"; not "the brook").
    in_context = ner_values(found, "PERSON", in_context=True)
    if in_context:
        names = sorted(in_context, key=key)
        recognizers.append(KnownNameRecognizer(names, parts=False, known=True, words=words))
    if not recognizers:
        return found
    out = {}
    for text, results in found.items():
        extra = [r for rec in recognizers for r in rec.analyze(text, [rec.entity])]
        # Exact repeats score just under the known names, so a known-name span still wins a tie.
        for r in extra:
            r.score = PROPAGATED_SCORE
        out[text] = resolve_overlaps([*results, *extra]) if extra else results
    return out
