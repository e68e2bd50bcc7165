"""Detection: the export's own names, Presidio's pattern recognizers and spaCy NER, over a batch of texts.

Built once from the known names and a spaCy model; `Detector.detect(texts)` returns Presidio
`RecognizerResult`s per text (non-overlapping, longest first), `Detector.person_spans(texts)` only the
people. Speed comes from what chat text is like: repeated texts are analysed once, spaCy runs in batches
with only its NER component (the tagger runs only on texts holding a name that is also an everyday word),
and pattern recognizers run only when a text holds the characters their entities need.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from meow.anonymize.batchpass import NER_ENTITIES as NER_ENTITIES
from meow.anonymize.batchpass import BatchPass, per_distinct, possible_entities
from meow.anonymize.given_names import (
    PLURAL_ENDINGS,
    english_nouns,
    english_words,
    everyday_given_names,
    faker_first_names,
    given_names,
    name_likeness,
    names_read_as_words,
    ner_text,
    plural_word_names,
    verbs_and_adjectives,
    word_like_forms,
    word_names,
)
from meow.anonymize.name_context import coordinated, whole_names, with_surnames
from meow.anonymize.names import (
    contracted,
    everyday_words,
    fold,
    is_everyday_word,
    is_function_or_chat_word,
    name_forms,
)
from meow.anonymize.nicknames import aliases
from meow.anonymize.person_cues import ELONGATED, PERSON_NOUNS
from meow.anonymize.recognizers.known_names import KnownNameRecognizer
from meow.anonymize.recognizers.rare_names import RareNameRecognizer
from meow.anonymize.recognizers.word_names import UnknownNameRecognizer, WordNameRecognizer
from meow.anonymize.urlspan import url_extent
from meow.anonymize.word_uses import used_as_words
from meow.anonymize.wordy import (
    CALENDAR_WORDS,
    DETERMINERS,
    MODALS,
    a_choice_of_things,
    previous_word,
    term_of_address,
)

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerResult

DIGIT_ENTITIES = ("PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN", "STREET_ADDRESS")
ENTITIES = (*NER_ENTITIES, *DIGIT_ENTITIES, "EMAIL_ADDRESS", "URL")
SCORE_THRESHOLD = 0.35
# How name-like (given_names.NameLikeness) a word no dictionary knows must be to count as someone before any
# verb ("Meron made injera"): names reach 0.35-0.6, misspellings and brands stay under 0.3.
UNKNOWN_NAME_LIKE = 0.35
# Endings of English words and what they replace: "prices" -> "price", "walked" -> "walk".
_ENDINGS = (*PLURAL_ENDINGS, ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ied", "y"))


def entities_for(text: str) -> list[str]:
    """The entities worth looking for in `text` (batchpass.GATES): no digit means no phone, card, IBAN or
    address, no '@' no e-mail, no '.' no URL."""
    return possible_entities(text, ENTITIES)


def _with_titles(text: str) -> list[str]:
    """`entities_for`, plus group titles where Presidio's analyzer runs (it drops entities not asked for;
    the people-and-places-only path runs every ad-hoc recognizer anyway)."""
    entities = entities_for(text)
    return entities if set(entities) <= set(NER_ENTITIES) else [*entities, "GROUP_TITLE"]


class Detector:
    """Finds people, places and PII in chat texts. Build once; reuse for every batch."""

    def __init__(
        self,
        known_names: Iterable[str],
        spacy_model: str | None = None,
        *,
        analyzer: "AnalyzerEngine | None" = None,
        batch_size: int = 512,
        n_process: int = 1,
        titles: Iterable[str] = (),
        texts: Iterable[str] = (),
    ) -> None:
        """`titles`: group thread titles, replaced as whole phrases where `title_phrases` keeps them;
        `texts`: the export's messages, which show the names it uses as words too (word_uses)."""
        from meow.anonymize.analyzer import build_analyzer

        self.analyzer = analyzer or build_analyzer(spacy_model)
        engine: Any = self.analyzer.nlp_engine  # a SpacyNlpEngine
        self.nlp_engine = engine
        self.nlp = engine.get_nlp("en")
        names = list(known_names)
        self._name_recognizers(names, texts)
        kept = title_phrases(titles, [*names, *self.aliases], self.english)
        self.titles = KnownNameRecognizer(kept, "GROUP_TITLE", "GroupTitleRecognizer", parts=False)
        self.batch = BatchPass(
            self.analyzer,
            entities_for=_with_titles,
            threshold=SCORE_THRESHOLD,
            ad_hoc=[
                self.titles,
                self.known,
                self.wordy,
                self.name_like_names,
                self.dictionary,
                self.rare,
                self.word_names,
                self.unknown_names,
            ],
            needs_tags=self._needs_tags,
            ner_text=self._ner_text,
            batch_size=batch_size,
            n_process=n_process,
        )

    def _name_recognizers(self, names: list[str], texts: Iterable[str]) -> None:
        """The recognizers of people's names, strongest first, and the word lists they share."""
        self.english = english_words(self.nlp)
        self.aliases = aliases(names, self.is_english)
        # Name parts that are English words ("Crane", "Carol") are checked in context, like "Will".
        # So are nicknames meow derived that are English words ("Ken" for Kenneth: "does he ken") or read
        # as one ("Kay" for Kayode: "kay see u at 8"), and names the export's messages use as words ("some
        # tucker for the drive"), and names that are English plurals ("Ants": "we have ants in the kitchen").
        derived = frozenset(a for a in self.aliases if a in self.english)
        derived |= word_like_forms(self.nlp, set(self.aliases) - self.english)
        forms = {fold(f) for n in names for f in name_forms(n)} | set(self.aliases)  # as `known` matches
        self.export_words = derived | used_as_words(texts, forms, self.english)
        self.export_words |= plural_word_names(self.nlp, forms - self.english)
        # and the forms that read as words whatever the messages say ("thanks hon", "chia seeds"), as the
        # audit reads the vault's names
        self.export_words |= names_read_as_words(self.nlp, forms, self.english)
        self.words = word_names(self.nlp) | self.export_words
        self.known = KnownNameRecognizer([*names, *self.aliases], words=self.words)
        # Not plurals of English nouns that read as words: "ales" (Czech Aleš) in "two ales and a cider",
        # "lies", "ties" (the word index holds lemmas only, so `given_names` keeps them).
        names_only = given_names(self.nlp)
        plurals = plural_word_names(self.nlp, names_only)
        self.given_names = names_only - plurals
        # Given names that are English nouns too but read as names ("tyler", "aaron", "jordan"): NER
        # sees them capitalised and may keep them in lowercase (not verbs: "pls pierce the film").
        # Nor days ("Sunday happy hour?").
        not_names = self.words | verbs_and_adjectives(self.nlp) | CALENDAR_WORDS
        self.name_like = frozenset(
            n
            for n in faker_first_names()
            if n in self.english and n not in not_names and not is_everyday_word(n)
        )
        # what NER reads with a capital; not the export's names that it uses as words ("i stan")
        self.capitalised = (self.given_names | self.name_like) - self.words
        # Given names that are no English word ("Mateo", "chiamaka"): people, whoever they are.
        self.dictionary = KnownNameRecognizer(
            sorted(self.given_names - self.words),
            name="GivenNameRecognizer",
            parts=False,
            known=False,
            score=0.9,
        )
        # Everyday-word given names nobody in the export has ("hey Joy", "SANDY said"): context decides.
        # So are given names that are English plurals too ("Ales Novak is here", not "two ales").
        self.wordy = KnownNameRecognizer(
            [*everyday_given_names(), *sorted(plurals)],
            name="EverydayNameRecognizer",
            parts=False,
            known=False,
            score=0.96,
            words=plurals,
        )
        # Given names that are English nouns but mostly names ("bridget", "tyler"): read like the
        # export's own everyday-word names, in context.
        self.name_like_names = KnownNameRecognizer(
            sorted(n for n in self.name_like if n not in self.known.automaton),
            "PERSON",
            "NameLikeRecognizer",
            parts=False,
            score=0.96,
            words=self.name_like,
        )
        # Words the model has never seen, where a name goes ("bartosz is out sick").
        self.rare = RareNameRecognizer(
            self.nlp.vocab,
            self.english,
            lambda w: w in self.given_names or w in self.known.automaton or w in self.wordy.automaton,
        )
        # Everyday words that are given names too ("brook", "cash"), where the sentence shows a person.
        word_like = (self.english & faker_first_names()) | everyday_words()
        self.maybe_names = frozenset(filter(_maybe_word_name, word_like))
        # Any English noun at all, where a strong cue shows a person ("Silence said she'll babysit"), but
        # not the words for people themselves ("mom says", "my boss called").
        nouns = english_nouns(self.nlp) - PERSON_NOUNS
        self.word_names = WordNameRecognizer(
            frozenset(w for w in self.words | everyday_words() if self._maybe_name(w)),
            frozenset(w for w in nouns if len(w) >= 3 and w.isalpha() and _maybe_word_name(w)),
        )
        # Words no dictionary knows, where the sentence shows a person ("Hiba sent her mum's recipe").
        likeness = name_likeness(self.nlp)
        self.unknown_names = UnknownNameRecognizer(
            self._unknown_word, lambda w: (likeness(w) or 0.0) >= UNKNOWN_NAME_LIKE
        )

    def detect(self, texts: Sequence[str]) -> list[list["RecognizerResult"]]:
        """Findings per text, in text order: non-overlapping `RecognizerResult`s."""
        return per_distinct(texts, self._analyze_all)

    def person_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """(start, end) of every person mention per text: what the quality benchmark scores."""
        return [
            [(r.start, r.end) for r in found if r.entity_type == "PERSON"] for found in self.detect(texts)
        ]

    def _analyze_all(self, unique: list[str]) -> Iterator[list["RecognizerResult"]]:
        for text, results in zip(unique, self.batch.analyze_distinct(unique), strict=True):
            kept = [r for r in map(lambda r: _trim(text, r), results) if _plausible(text, r)]
            kept = [r for r in kept if not self._lowercase_word(text, r)]
            chosen = resolve_overlaps(whole_names(text, kept, strong=lambda r: _tier(r) == 2))
            with_surnames(text, chosen, self.rare.rare)
            yield [r for r in coordinated(text, chosen, self._may_be_listed) if not contracted(text, r.end)]

    def is_english(self, word: str) -> bool:
        """Whether `word` (folded) is in the model's English word index."""
        return word in self.english

    def _needs_tags(self, text: str) -> bool:
        recognizers = (
            self.known, self.wordy, self.name_like_names, self.rare, self.word_names, self.unknown_names
        )  # fmt: skip
        return any(r.needs_tags(text) for r in recognizers)

    def _unknown_word(self, word: str) -> bool:
        """A word (folded) of three letters or more that is in no word list: no English word, stop word, chat
        word nor a letter stretched for emphasis ("sooo")."""
        return (
            len(word) >= 3
            and word not in self.english
            and not is_function_or_chat_word(word)
            and ELONGATED.search(word) is None
            and not self._inflected(word)
        )

    def _inflected(self, word: str) -> bool:
        """An English word with an ending: "prices", "walked", "cooking", "parties"."""
        if len(word) < 5:
            return False
        stems = [word[: -len(ending)] + base for ending, base in _ENDINGS if word.endswith(ending)]
        return any(stem in self.english for stem in stems)

    def _may_be_listed(self, word: str) -> bool:
        """A word that is a name when listed with people: a given name that is a word too ("holly"), or
        a word no dictionary knows ("Sokha and Bopha are sisters")."""
        return self._maybe_name(word) or self._unknown_word(fold(word)) or fold(word) in self.export_words

    def _maybe_name(self, word: str) -> bool:
        """A word that is a given name as well as an English word: "holly", "nick", "brook", "fern"."""
        return fold(word) in self.maybe_names

    def _ner_text(self, text: str) -> str:
        """What spaCy reads: the text, with lowercase or shouted given names capitalised (same length)."""
        return ner_text(text, self.capitalised)

    def _lowercase_word(self, text: str, result: "RecognizerResult") -> bool:
        """An NER guess that is one lowercase English word ("ran", "uni"), or lowercase words that are all
        mostly words or chat words ("pearl earrings", "k high later"), or English words opening a choice of
        things ("Sherry or port?"): words, not a name."""
        if result.entity_type not in NER_ENTITIES or result.score >= 0.95:
            return False
        span = text[result.start : result.end]
        if fold(span) in self.export_words:
            return True  # the export's own name that it uses as a word too: its known form decides
        choice = a_choice_of_things(text, result.start, result.end)
        if (
            choice
            and choice in self.english
            and choice not in self.given_names
            and fold(span.split()[0]) in self.english
        ):
            return True  # "Sherry or port?", "Earl grey or chai?": things to choose (not "Priya or raj?")
        if not span.islower():
            return False
        parts = span.split()
        if len(parts) == 1:
            return span in self.english and span not in self.name_like
        return all(p in self.words or is_function_or_chat_word(p) for p in parts)


def _maybe_word_name(word: str) -> bool:
    """A word that could be a name at all: no modal ("will", "may") and no stop or chat word."""
    return word not in MODALS and not is_function_or_chat_word(word)


def title_phrases(titles: Iterable[str], names: Iterable[str], english: frozenset[str]) -> list[str]:
    """The group titles worth replacing wherever they are typed: not titles made only of participants'
    names ("Alice and Bob": the name parts handle those), and not one everyday word ("Family", "Lol"),
    which would be replaced in every sentence; a title of several words or with a non-word stays."""
    name_words = {fold(p) for n in names for p in re.split(r"[\s\-‐‑]+", n) if p}
    kept = []
    for title in titles:
        tokens = [fold(t) for t in re.findall(r"[^\W\d_]+", title)]
        real = [t for t in tokens if not is_function_or_chat_word(t) and t not in name_words]
        if not real:
            continue
        if len(tokens) == 1 and (tokens[0] in english or is_everyday_word(tokens[0])):
            continue
        kept.append(title)
    return kept


def _trim(text: str, result: "RecognizerResult") -> "RecognizerResult":
    """An NER span without the emoji, punctuation or chat words it sometimes takes along ("olivia 🎓",
    "k reveal PM", "lol Sarah"): a name that starts or ends with one would never be typed the same way
    again, and a one-letter part of a name would be looked for everywhere."""
    if result.entity_type in NER_ENTITIES and result.score < 0.95:
        while True:
            while result.end > result.start and not text[result.end - 1].isalnum():
                result.end -= 1
            while result.start < result.end and not text[result.start].isalnum():
                result.start += 1
            words = list(_SPAN_WORD.finditer(text, result.start, result.end))
            if len(words) < 2:
                return result
            if is_function_or_chat_word(words[0].group()):
                result.start = words[1].start()
            elif is_function_or_chat_word(words[-1].group()):
                result.end = words[-2].end()
            else:
                return result
    return result


_SPAN_WORD = re.compile(r"\S+")


def _plausible(text: str, result: "RecognizerResult") -> bool:
    """NER calls "lol" or "Hey" a person now and then. Stop words and chat words are never names; an
    everyday-word name ("Grace") counts only capitalised in mid-sentence. A lowercase guess right after a
    determiner ("some heather", "the reed beds", "my rowan tree") is a thing, not someone. A URL whose
    host ends inside a word ("jamie.li" in the handle "jamie.lindqvist": .li is a TLD) is no URL; any
    other URL is widened to its whole run of characters (`url_extent`)."""
    if result.entity_type == "URL":  # the whole URL, so no piece of a name in it is left (urlspan)
        extent = url_extent(text, result.start, result.end)
        if extent is not None:
            result.start, result.end = extent
        return extent is not None
    if result.entity_type not in NER_ENTITIES or result.score >= 0.95:
        return True  # patterns, known names and context-checked everyday names
    span = text[result.start : result.end].strip()
    words = [w for w in fold(span).replace("'s", "").split() if any(c.isalpha() for c in w)]
    if not words or all(is_function_or_chat_word(w) for w in words):
        return False
    if span.islower() and previous_word(text, result.start) in DETERMINERS:
        return False  # NER alone misses "my sarah is sick" now; the export's own names still match
    if term_of_address(text, result.start, result.end):
        return False  # "listen sonny"
    if len(words) > 1 or not is_everyday_word(words[0]):
        return True
    before = text[: result.start].rstrip()
    return span[:1].isupper() and bool(before) and before[-1] not in ".!?\n"


_LOOSE_PATTERNS = frozenset({"URL", "STREET_ADDRESS"})


def _tier(result: "RecognizerResult") -> int:
    """Exact patterns first (a phone number before an address that swallows its last digits), then the
    looser ones (a URL holding a name), then known names, then NER guesses."""
    if result.entity_type in _LOOSE_PATTERNS:
        return 1
    if result.entity_type not in NER_ENTITIES:
        return 0
    return 2 if result.score >= 0.95 else 3


def resolve_overlaps(results: Iterable["RecognizerResult"]) -> list["RecognizerResult"]:
    """By tier, then longest, then highest-scoring; findings that overlap a chosen one are dropped."""
    ranked = sorted(results, key=lambda r: (_tier(r), -(r.end - r.start), -r.score, r.start, r.entity_type))
    chosen: list[RecognizerResult] = []
    for result in ranked:
        if all(result.end <= c.start or result.start >= c.end for c in chosen):
            chosen.append(result)
    return sorted(chosen, key=lambda r: r.start)
