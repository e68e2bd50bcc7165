"""The export's own names that its messages also use as words: with a participant called Tucker, "bring
some tucker for the drive" and "the tucker at that pub" show that "tucker" is a word here too. Such a name
is then checked in context, like "Will", and the self-check looks for it inside full names only."""

import re
from collections import Counter
from collections.abc import Iterable

from meow.anonymize.names import fold
from meow.anonymize.wordy import SUBJECT_PRONOUNS

# An article or quantifier, then a word: "the tucker", "some tucker", "a mason jar". Names rarely follow one.
_AFTER_ARTICLE = re.compile(r"\b(?:the|a|an|some|any|more|no)\s+([^\W\d_]+)\b", re.IGNORECASE)
# A subject pronoun, then a word used as a verb: "i stan this album", "ye ken what i mean". Never a name.
_AFTER_SUBJECT = re.compile(rf"\b(?:{'|'.join(sorted(SUBJECT_PRONOUNS))})\s+([^\W\d_]+)\b", re.IGNORECASE)
# A subject pronoun and "have" or "got", then a word as what they have: "i have nada left", "we've got nada
# plans". Not a possessive ("i have tucker's number") nor "got X a present", where X is someone.
_AFTER_HAVE = re.compile(
    r"\b(?:i|we|they|you|u|he|she)(?:'ve|\s+have|\s+'ve)?\s+(?:have|has|had|got)\s+([^\W\d_]+)\b"
    r"(?!['’])(?!\s+(?:a|an|the|some|his|her|their|my|ur|your)\b)",
    re.IGNORECASE,
)
MIN_USES = 2  # one "the Tucker family" is not enough


def used_as_words(texts: Iterable[str], forms: Iterable[str], english: frozenset[str]) -> frozenset[str]:
    """The `forms` (folded names and name parts) that follow, at least MIN_USES times in `texts`, an
    article or a quantifier, or what a subject pronoun "has" ("i have nada left"; English words, or words
    written in lowercase: "a maki roll", but "the Lindqvist twins" is no word use), or a subject pronoun
    ("i stan": slang is no English word in the dictionary)."""
    forms = set(forms)
    counts: Counter[str] = Counter()
    for text in texts:
        for match in (*_AFTER_ARTICLE.finditer(text), *_AFTER_HAVE.finditer(text)):
            word = fold(match.group(1))
            if word in forms and (word in english or match.group(1).islower()):
                counts[word] += 1
        for match in _AFTER_SUBJECT.finditer(text):
            word = fold(match.group(1))
            if word in forms:
                counts[word] += 1
    return frozenset(w for w, n in counts.items() if n >= MIN_USES)
