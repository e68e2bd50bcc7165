"""The strongest signal: the export's own names, matched exactly with one Aho-Corasick automaton.

Every form of every name (full, parts, hyphen pieces, ASCII forms, first and last run together either
way round) is matched case- and diacritic-insensitively, word-bounded, possessives included ("robert's" ->
span "robert"). A CamelCase hump is a word boundary ("#TeamZoë", "ZOEMuller", "ROBERTsmith"). A form that
is also an everyday word ("Will", "Bill", or one of `words`: "crane") counts only where it is used as a name
(see meow.anonymize.wordy), and only between word boundaries.

Handles and tags run words together, so a form of the export's own names (`known`: not the dictionary of
given names) that is no everyday word is also found where digits, "_" or "." bound it ("robert.smith92",
"jamielindqvist99", "zoe_draws"), and a person's name (entity PERSON) also where:
  - it has 3+ letters and begins or ends the letters of an @handle or #hashtag, unless it is part of a
    longer English word there ("#teamzoe", "#lovejamie", "@robertsmithofficial"; not "#annual" for Ann,
    "@robotics" for Rob);
  - a run of letters is made entirely of 2+ name forms of 3+ letters, one at least no everyday word, and
    the run is no English word ("zoesmith", "lindqvistjamie", "robsmith"; not "annex" for Ann and Ex);
  - a run of letters is such a form of 4+ letters and an English word of 4+ letters, either way round, and
    is no English word itself ("lovejamie", "teamrobert", "jamielove"; not "teamzoe": a 3-letter part
    needs the @ or #, as "samsung" shows for a Sam).
Ordinary words holding a name stay: "announce", "bookmark", "problem", "willing" (no boundary there).

A last name in the plural ("the Smiths", "the Walshes", "THE LINDQVISTS", "the Lindqvists' house") is one
span with its ending, so it becomes the plural of the surname's pseudonym; an everyday-word surname in the
plural ("the Bakers") only where it reads as a name (meow.anonymize.plurals). A plural is bounded by
non-letters ("smiths92"), never a piece of a longer run ("blacksmiths" holds no Smiths).
"""

from collections.abc import Iterable
from typing import Any

import ahocorasick
from anyascii import anyascii
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from meow.anonymize.names import (
    camel_boundary,
    contracted,
    fold,
    initials,
    is_chat_word,
    is_everyday_word,
    is_function_or_chat_word,
    is_placeholder,
    is_stop_word,
    letter_bounded,
    name_forms,
    tag_edge,
)
from meow.anonymize.plurals import last_names, plural_name_use, plurals, wordy_plural
from meow.anonymize.wordy import (
    chat_word_name_use,
    describes_a_thing,
    initials_use,
    is_name_use,
    needs_tags,
)

MIN_RUN_PART = 3  # letters of a name part found inside a handle or tag


class KnownNameRecognizer(EntityRecognizer):  # type: ignore[misc]
    """PERSON (or `entity`) spans for a fixed list of names."""

    def __init__(
        self,
        names: Iterable[str],
        entity: str = "PERSON",
        name: str = "KnownNameRecognizer",
        *,
        parts: bool = True,
        known: bool = True,
        score: float = 1.0,
        words: frozenset[str] = frozenset(),
    ):
        """`parts=False` matches only whole values (a place: "New York", not "new"); `known=False` for
        names that are not the export's (everyday-word names then need stronger evidence); `words`: more
        English words (folded) that count as everyday words, as the fixed list does ("crane", "carol")."""
        self.entity = entity
        self.recognizer_name = name
        self.known_names, self.score, self.words = known, score, words
        self.handles = known and entity == "PERSON"  # people's names are looked for inside handles
        self.automaton: Any = ahocorasick.Automaton()
        self.size = 0
        names = [n for n in names if not is_placeholder(n)]
        # The export's names that are function words ("Can", "Made", "Or"): only written as a name counts;
        # and those that are chat words ("Ty": "ty" is thanks; "Ayo"): only where the sentence shows a person
        self.function_forms: set[str] = set()
        self.chat_forms: set[str] = set()
        for display in names:
            if is_placeholder(display):
                continue
            forms = name_forms(display) if parts else {display.strip(), anyascii(display.strip())}
            for form in forms:
                if is_function_or_chat_word(form):
                    if self.handles and parts and (is_stop_word(form) or is_chat_word(form)):
                        kind = self.function_forms if is_stop_word(form) else self.chat_forms
                        kind.add(fold(form))
                        self.automaton.add_word(fold(form), (len(form), True, False))
                        self.size += 1
                    continue
                folded = fold(form)
                if folded not in self.automaton:
                    ambiguous = is_everyday_word(form) or folded in words
                    self.automaton.add_word(folded, (len(folded), ambiguous, False))
                    self.size += 1
        # "AM" for Anne-Marie: only in capitals, and only where someone is addressed ("hey AM!!").
        self.initial_keys = {fold(i) for i in map(initials, names) if i} if parts else set()
        self.plurals = self._add_plurals(names, words) if parts and self.handles else frozenset()
        for folded in self.initial_keys - set(self.automaton.keys()):
            self.automaton.add_word(folded, (len(folded), True, False))
            self.size += 1
        if self.size:
            self.automaton.make_automaton()
        super().__init__(supported_entities=[entity], name=name, supported_language="en")

    def _add_plurals(self, names: list[str], words: frozenset[str]) -> frozenset[str]:
        """Last names in the plural ("lindqvists", "walshes"): forms of their own, unless one is already a
        form of the export's names (meow.anonymize.plurals)."""
        found = plurals(last_names(names), self.automaton.keys())
        for form, last in found.items():
            self.automaton.add_word(form, (len(form), wordy_plural(form, last, words), True))
            self.size += 1
        return frozenset(found)

    def load(self) -> None:
        """Nothing to load: the automaton is built in the constructor."""

    def matches(self, text: str) -> list[tuple[int, int, bool]]:
        """Longest word-bounded matches, left to right: (start, end, ambiguous)."""
        if not self.size:
            return []
        found, inside, weak = [], [], set()
        for last, (length, ambiguous, plural) in self.automaton.iter(fold(text)):
            start, end = last - length + 1, last + 1
            # "Máté" written with its accents is the name, whatever "mate" is ("Hùng" is not "hung")
            ambiguous = ambiguous and text[start:end].isascii()
            bounded = _bounded(text, start, end)
            if plural:  # a whole word, or bounded by non-letters ("smiths92"), never part of a run
                if bounded or (not ambiguous and letter_bounded(text, start, end)):
                    found.append((start, end, ambiguous))
                continue
            if bounded or (self.known_names and not ambiguous and self._in_handle(text, start, end)):
                found.append((start, end, ambiguous))
            if not bounded and length >= MIN_RUN_PART:  # a piece of a longer run of letters
                inside.append((start, end))
                if ambiguous:
                    weak.add((start, end))
        if self.handles:
            found += [(s, e, False) for s, e in run_together(text, inside, self.words, weak)]
            strong = [(s, e) for s, e in inside if (s, e) not in weak]
            found += [(s, e, False) for s, e in strong if with_a_word(text, s, e, self.words)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, bool]] = []
        for match in found:
            if not chosen or match[0] >= chosen[-1][1]:
                chosen.append(match)
        return chosen

    def _in_handle(self, text: str, start: int, end: int) -> bool:
        """Bounded by non-letters, or (a person's name) at an edge of an @handle/#hashtag, only with an
        English word list to tell "#teamzoe" from "#annual"."""
        if letter_bounded(text, start, end):
            return True
        if not (self.handles and self.words) or end - start < MIN_RUN_PART:
            return False
        return tag_edge(text, start, end, self.words)

    def needs_tags(self, text: str) -> bool:
        """Whether deciding this text needs part-of-speech tags (an everyday-word name that capitalisation
        and context alone cannot settle)."""
        return any(ambiguous and needs_tags(text, s, e) for s, e, ambiguous in self.matches(text))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        results = []
        for start, end, ambiguous in self.matches(text):
            if contracted(text, end):
                continue  # "don't" holds no Don
            if fold(text[start:end]) in self.initial_keys:
                if not initials_use(text, start, end):
                    continue
            elif ambiguous and not self._name_use(text, start, end, doc):
                continue
            results.append(
                RecognizerResult(
                    self.entity,
                    start,
                    end,
                    self.score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.recognizer_name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results

    def _name_use(self, text: str, start: int, end: int, doc: Any) -> bool:
        """An everyday-word form used as a name; a surname in the plural may follow "the"."""
        if fold(text[start:end]) in self.function_forms:
            return written_as_a_name(text, start, end)
        if fold(text[start:end]) in self.chat_forms:
            return chat_word_name_use(text, start, end, doc)
        if fold(text[start:end]) in self.plurals:
            return plural_name_use(text, start, end, doc, known=self.known_names)
        if describes_a_thing(text, start, doc):
            return False  # "Mason jars make everything look aesthetic", "Rosemary potatoes tonight"
        return is_name_use(text, start, end, doc, known=self.known_names)


def written_as_a_name(text: str, start: int, end: int) -> bool:
    """A function word that is someone's name ("Can", "Made"), where only its writing can tell: with a
    capital inside a sentence ("thanks Made 🙏", "Kerem is Can's cousin"), not opening one ("Can u come")
    nor in a line of capitals."""
    surface = text[start:end]
    if not surface.istitle() or text.isupper():
        return False
    before = text[:start].rstrip(" \t\"'(")
    return bool(before) and before[-1] not in ".!?\n:"


def _bounded(text: str, start: int, end: int) -> bool:
    """Word-bounded, where the start or end of a CamelCase hump is a boundary too ("#TeamZoë")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left = not (before.isalnum() or before == "_") or camel_boundary(text, start)
    return left and (not (after.isalnum() or after == "_") or camel_boundary(text, end))


def run_together(
    text: str,
    pieces: list[tuple[int, int]],
    words: frozenset[str],
    weak: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int]]:
    """The `pieces` (name-part spans inside longer words) that make up a whole run of letters, two or more
    of them and not all `weak` (everyday-word names: "rob", "will"), where the run is no English word
    (`words`): "zoesmith" -> zoe, smith; "robsmith" -> rob, smith; "annex" -> nothing."""
    starts: dict[int, list[int]] = {}
    for start, end in pieces:
        starts.setdefault(start, []).append(end)
    out: list[tuple[int, int]] = []
    for start in sorted(starts):
        if start and text[start - 1].isalpha() and not camel_boundary(text, start):
            continue  # not the first letter of a run
        path = _cover(text, start, starts)
        run = fold(text[start : path[-1][1]]) if path else ""
        if len(path) > 1 and not set(path) <= weak and run not in words and not is_everyday_word(run):
            out += path
    return out


def _cover(text: str, start: int, starts: dict[int, list[int]]) -> list[tuple[int, int]]:
    """Pieces laid end to end from `start` to the end of its run of letters ([] if they do not fit)."""
    for end in sorted(starts.get(start, ()), reverse=True):
        if end == len(text) or not text[end].isalpha() or camel_boundary(text, end):
            return [(start, end)]
        rest = _cover(text, end, starts)
        if rest:
            return [(start, end), *rest]
    return []


MIN_WORD_PART = 4  # letters of a name part, and of the English word beside it, in "lovejamie"


def with_a_word(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether `text[start:end]` (a name part inside a longer run of letters) and an English word of
    `words` make up that whole run, and the run is no English word: "lovejamie", "teamrobert"."""
    if end - start < MIN_WORD_PART or not words:
        return False
    lead, tail = start, end
    while lead > 0 and text[lead - 1].isalpha():
        lead -= 1
    while tail < len(text) and text[tail].isalpha():
        tail += 1
    rest = text[end:tail] if lead == start else text[lead:start] if tail == end else ""
    if len(rest) < MIN_WORD_PART or fold(text[lead:tail]) in words:
        return False
    return fold(rest) in words
