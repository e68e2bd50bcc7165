"""What the words around a found person say about the words next to it: a list of people holds people
("castellano and holly are coming"), an unknown word right after a name is its surname ("tyler
brennaman"), and a whole name NER found is not cut to the part a stronger recognizer found. They work on a
text's findings, after the recognizers ran."""

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from meow.anonymize.recognizers.in_context import person_result
from meow.anonymize.wordy import DETERMINERS, previous_word

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

_WORD = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r" ([^\W\d_]{3,})(?!\w)")
_COORDINATOR = re.compile(r"\s*(?:,|&|\+|/|\b(?:and|n|x|or|vs)\b)\s*", re.IGNORECASE)
SCORE = 0.96  # like the context-checked names: above NER guesses, under the export's own names


def whole_names(
    text: str, found: list["RecognizerResult"], strong: Callable[["RecognizerResult"], bool]
) -> list["RecognizerResult"]:
    """A person NER found whole ("Patience Okafor") widens the one stronger finding inside it ("Patience",
    an everyday-word name; "Robert", the export's), which would otherwise win and leave "Okafor" behind.
    Only over whole words: "ZOE" of the handle "ZOEJones" stays as it is, to be replaced part by part."""
    for guess in [r for r in found if r.entity_type == "PERSON" and not strong(r)]:
        inside = [r for r in found if r is not guess and guess.start <= r.start and r.end <= guess.end]
        if len(inside) != 1 or inside[0].entity_type != "PERSON" or not strong(inside[0]):
            continue
        part = inside[0]
        left_ok = part.start == guess.start or text[part.start - 1].isspace()
        right_ok = part.end == guess.end or text[part.end].isspace()
        if left_ok and right_ok:
            part.start, part.end = guess.start, guess.end
    return found


def with_surnames(text: str, chosen: list["RecognizerResult"], rare: Callable[[str], bool]) -> None:
    """Grow each person's span over a word the model has never seen (`rare`) right after it: "tyler
    brennaman" (NER found "tyler"), "Robert kettleborough" (the export's first name, someone else's
    surname). In place."""
    for r in chosen:
        if r.entity_type != "PERSON":
            continue
        match = _NEXT_WORD.match(text, r.end)
        if match is None or not rare(match.group(1)):
            continue
        if not any(o is not r and o.start < match.end() and match.start(1) < o.end for o in chosen):
            r.end = match.end()


def coordinated(
    text: str, chosen: list["RecognizerResult"], maybe_name: Callable[[str], bool]
) -> list["RecognizerResult"]:
    """`chosen` plus the words that may be names (`maybe_name`: "holly", "nick") joined to a person by
    "and", "&", "+", "x", "/" or a comma: "Cody, nick, dinner?" (a list of people holds people). A one-word
    place NER guessed there is a person too."""
    people = [r for r in chosen if r.entity_type == "PERSON"]
    if not people:
        return chosen
    for place in [r for r in chosen if r.entity_type == "LOCATION" and r.score < SCORE]:
        one_word = _WORD.fullmatch(text[place.start : place.end]) is not None
        if one_word and any(_joined(text, place.start, place.end, p) for p in people):
            place.entity_type = "PERSON"  # NER's "place" in "Zhenya and Misha are coming"
            people.append(place)
    candidates = [
        (m.start(), m.end())
        for m in _WORD.finditer(text)
        if maybe_name(m.group()) and previous_word(text, m.start()) not in DETERMINERS
    ]  # not "watch your tone, binoy": a thing of someone's, then the one spoken to
    added = True
    while added:
        added = False
        for start, end in candidates:
            if any(start < r.end and r.start < end for r in chosen):
                continue
            if any(_joined(text, start, end, p) for p in people):
                found = person_result(start, end, SCORE, "CoordinatedNameRule")
                chosen.append(found)
                people.append(found)
                added = True
    return sorted(chosen, key=lambda r: r.start)


def _joined(text: str, start: int, end: int, other: "RecognizerResult") -> bool:
    """Only a coordinator ("and", "&", "+", "x", ",") between the span and `other` (not "Robert's and")."""
    between = text[end : other.start] if end <= other.start else text[other.end : start]
    if text[other.end : other.end + 2] in ("'s", "’s") and other.end <= start:
        return False
    return _COORDINATOR.fullmatch(between) is not None
