"""Given names that are not English words, to help NER with chat text written in lowercase or capitals.

spaCy's NER leans on capital letters: "congrats olivia" and "LMAO GRACE FELL" go unseen. So NER reads a
copy of such a text in which the given names from this list carry a capital first letter ("congrats
Olivia"), and NER, reading the context, decides. The list is faker's first names of the Latin-script
locales, minus every word in the spaCy model's English word index (WordNet lemmas: "grant", "rose",
"will" stay words), stop words and chat words. The copy has the same length, so offsets still hold.
"""

import importlib
import pkgutil
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from meow.anonymize.names import fold, is_everyday_word, is_function_or_chat_word, words
from meow.anonymize.person_cues import PERSON_NOUNS
from meow.anonymize.wordy import CALENDAR_WORDS, TERMS_OF_ADDRESS

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def faker_first_names() -> frozenset[str]:
    """Faker's first names of the Latin-script locales, folded, of three letters or more."""
    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attr, None)
            if isinstance(values, dict | list | tuple):
                names |= {v for v in values if isinstance(v, str) and v.isalpha()}
    latin = {n for n in names if all(c.isascii() or "À" <= c <= "ž" for c in n)}
    return frozenset(fold(n) for n in latin if len(n) >= 3)


def _lemma_table(nlp: Any, name: str) -> Any | None:
    """One of the model's lemmatizer lookup tables ("lemma_index": lemmas by part of speech, "lemma_exc":
    irregular forms), or None when the model has no lemmatizer."""
    try:
        return nlp.get_pipe("lemmatizer").lookups.get_table(name)
    except (KeyError, ValueError, AttributeError):
        return None


def english_words(nlp: Any) -> frozenset[str]:
    """The words in the model's lemmatizer tables (WordNet lemmas and irregular forms); empty if none."""
    index, exceptions = _lemma_table(nlp, "lemma_index"), _lemma_table(nlp, "lemma_exc")
    if index is None or exceptions is None:
        return frozenset()
    irregular = {form for table in exceptions.values() for form in table}  # "ran", "went", "children"
    return frozenset(w for words in index.values() for w in words) | frozenset(irregular)


def _lemmas(nlp: Any, *parts_of_speech: str) -> frozenset[str]:
    index = _lemma_table(nlp, "lemma_index")
    if index is None:
        return frozenset()
    return frozenset(w for pos in parts_of_speech if pos in index for w in index[pos])


def english_nouns(nlp: Any) -> frozenset[str]:
    """The lemmas of the model's noun table ("silence", "fortune", "liberty")."""
    return _lemmas(nlp, "noun")


def verbs_and_adjectives(nlp: Any) -> frozenset[str]:
    """The lemmas of the model's verb and adjective tables ("pierce", "frank"): words that are no noun
    where they appear, so never a name on their own in lowercase."""
    return _lemmas(nlp, "verb", "adj")


NAME_LIKE = 0.4  # cosine to the given names' mean vector from which a word reads as mostly a name
# Under this, a vector reads as a word with little doubt ("mana" 0.10, "chia" 0.15, "chai" 0.16), where
# names of the export that no dictionary holds may still lie under NAME_LIKE ("castellano" 0.24, "khoa" 0.35).
WORD_LIKE = 0.2


class NameLikeness:
    """How much a word's vector looks like a given name's: its cosine to the mean vector of the given names
    that are no English word. None for a word without a vector (and for every word of the sm model)."""

    def __init__(self, nlp: Any) -> None:
        import numpy as np

        self.vectors, self.strings = nlp.vocab.vectors, nlp.vocab.strings
        self.similarity: Any = None
        if not self.vectors.shape[0]:
            return
        data = np.asarray(self.vectors.data)
        rows = [r for r in map(self.row, given_names(nlp)) if r is not None]
        if rows:
            centre = data[rows].mean(axis=0)
            norms = np.linalg.norm(data, axis=1) + 1e-9
            self.similarity = data @ centre / (norms * np.linalg.norm(centre))

    def row(self, word: str) -> int | None:
        return self.vectors.key2row.get(self.strings[word]) if word in self.strings else None

    def __call__(self, word: str) -> float | None:
        r = self.row(word) if self.similarity is not None else None
        return None if r is None else float(self.similarity[r])


@lru_cache(maxsize=4)
def name_likeness(nlp: Any) -> NameLikeness:
    return NameLikeness(nlp)


@lru_cache(maxsize=4)
def word_names(nlp: Any) -> frozenset[str]:
    """English words that are mostly words, not names: "crane", "carol", "pearl", "max", but not "robert"
    or "david" (the word index holds those too, as proper nouns). A word counts as a name when its vector
    lies close to the mean vector of the given names that are no English word; without vectors (the sm
    model) nothing is added to the fixed everyday-word list."""
    likeness = name_likeness(nlp)
    if likeness.similarity is None:
        return frozenset()
    out = set()
    for word in english_words(nlp):
        similarity = likeness(word)
        if word.isalpha() and len(word) >= 3 and (similarity is None or similarity < NAME_LIKE):
            out.add(word)
    return frozenset(out)


def plural_word_names(nlp: Any, forms: Iterable[str]) -> frozenset[str]:
    """Of `forms` (folded names), the plurals of English nouns that read as words by `word_names`' test:
    "ants" for someone called Ants ("we have ants in the kitchen"), not "miles" nor "james". The word
    index holds lemmas only, so `word_names` never sees a plural."""
    likeness, nouns = name_likeness(nlp), english_nouns(nlp)
    out = set()
    for form in forms:
        similarity = likeness(form)
        if similarity is None or similarity >= NAME_LIKE or not form.isalpha():
            continue
        singulars = [form[: -len(end)] + base for end, base in PLURAL_ENDINGS if form.endswith(end)]
        if any(len(singular) >= 3 and singular in nouns for singular in singulars):  # not "nas"
            out.add(form)
    return frozenset(out)


def word_like_forms(nlp: Any, forms: Iterable[str], below: float = NAME_LIKE) -> frozenset[str]:
    """Of `forms` (folded), those with a vector that reads as a word by `word_names`' test (a likeness to
    the given names under `below`), though the word index lacks them: "kay" (okay), for a "Kay" meow
    derives from Kayode. A form with no vector is none."""
    likeness = name_likeness(nlp)
    return frozenset(f for f in forms if (similarity := likeness(f)) is not None and similarity < below)


def names_read_as_words(
    nlp: Any, forms: Iterable[str], english: frozenset[str] | None = None
) -> frozenset[str]:
    """Of `forms` (folded name forms), those that read as words whoever the export holds, so that a name
    among them is replaced only where it is used as one: terms of address, days and months ("Hon" of
    Hon-ming: "thanks hon"; "see u monday") and, given a model (`nlp`; `english`: its words), two-letter
    forms whose vector reads as a word ("Pa" of Pa-Nhia: "my pa fixed the bike") and forms no dictionary
    holds whose vector reads plainly as a word ("Chia" of Chia-hui: "chia seeds"). `meow anonymize` and
    the audit decide these alike."""
    forms = set(forms)
    out = forms & (TERMS_OF_ADDRESS | CALENDAR_WORDS)
    if nlp is None:
        return frozenset(out)
    english = english_words(nlp) if english is None else english
    out |= word_like_forms(nlp, {f for f in forms if len(f) == 2} & english)
    return frozenset(out | word_like_forms(nlp, forms - english, WORD_LIKE))


# Endings of English plurals and what they replace: "ants" -> "ant", "boxes" -> "box", "parties" -> "party".
PLURAL_ENDINGS = (("s", ""), ("es", ""), ("ies", "y"))


def given_names(nlp: Any) -> frozenset[str]:
    """Faker's first names that are no English word, stop word, chat word nor word for a person: "nana" is
    someone's grandmother far more often than someone called Nana ("Peep's nana is 95 today")."""
    words = english_words(nlp) | PERSON_NOUNS
    return frozenset(
        n
        for n in faker_first_names()
        if n not in words and not is_everyday_word(n) and not is_function_or_chat_word(n)
    )


def ner_text(text: str, names: frozenset[str]) -> str:
    """`text` as NER should read it: given names capitalised, a text in capitals lowercased first."""
    shouting = text.isupper()
    base = text.lower() if shouting and len(text.lower()) == len(text) else text
    out = list(base)
    changed = base is not text
    for match in _WORD.finditer(base):
        word = match.group()
        if (word.islower() or word.isupper()) and fold(word) in names:
            cased = word[:1].upper() + word[1:].lower()
            if len(cased) == len(word):
                out[match.start() : match.end()] = cased
                changed = True
    return "".join(out) if changed else text


# Everyday words that are mostly given names; "brown", "king", "cash" or "page" are left to NER.
_MOSTLY_NAMES = words(
    """amber april autumn bobby billy brandy candy crystal daisy dawn destiny eve faith ginger grace harmony
    hazel holly hope iris ivy jade joy june lily melody mercy misty olive patience patty pearl penny prudence
    robin rose ruby sandy summer sunny violet drew gene frank jack ray sue pat rob bob bill will mark may
    max nick dean wade rocky rusty dusty buddy chuck earl"""
)


def everyday_given_names() -> list[str]:
    """Given names that are everyday words ("joy", "sandy", "ray"), for context-checked matching."""
    return sorted(_MOSTLY_NAMES)
