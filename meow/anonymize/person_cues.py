"""Sentences that show a person, whatever the word: for names that are everyday words and belong to nobody
in the export ("brook ordered pizza", "tell ginger to chill", "Penny and i r done", "olive call me back").

`meow.anonymize.wordy` decides for the export's own names and for the names that are mostly names ("Ivy",
"Holly"). A word that is far more often a word ("cash", "angel", "storm") needs one of these stronger cues:
  - it opens the sentence and a verb that takes a person follows ("Cash only pays in cash", "Buck said");
  - "X and i", "X & me": someone doing something with the writer;
  - it opens the sentence and is followed by a request ("Dawn pick up ur phone", "olive call me back");
  - it comes right after "tell", "ask", "text", "invite" and ends the clause ("pls don't tell miles").
"""

import re
from typing import Any

from meow.anonymize.names import words

# Verbs (lemmas) whose subject is a person: say, text, pay, forget, order, study...
HUMAN_VERBS = words(
    """say text call reply ask tell think know want love hate miss buy bring pay owe forget order study fix
    send invite bail show live swim try give see meet win beat cook teach marry date laugh cry sleep wake eat
    drink drive visit message dm sing dance agree promise apologize remember decide feel arrive join
    quit lose find borrow lend steal wear post share block ghost hug kiss lie yell scream complain cancel
    book grab bake paint play work move snore sneeze cheat break wonder believe mean need"""
)
ADVERBS = words(
    """just finally always never literally also still really totally lowkey only already actually prob
    probably def definitely basically even apparently legit seriously"""
)
REQUESTS = words("call text pick stop answer reply check look send come tell get bring")
TELLING = words("tell told ask asked text texted invite invited dm dmed ping pinged thank remind")
# What may follow "tell X": the end of the clause, or a word that opens what is told or asked.
AFTER_TELLING = words("to about if that i when where what whether for and or but")
_SENTENCE_END = ".!?\n"
_WORDS = re.compile(r"[^\W\d_']+(?:'[^\W\d_]+)?")


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in _SENTENCE_END


def _tokens_after(doc: Any, end: int) -> list[Any]:
    return [] if doc is None else [t for t in doc if t.idx >= end]


def _previous_word(text: str, start: int) -> str:
    found = _WORDS.findall(text[:start].lower())
    return found[-1] if found else ""


def acts_as_person(text: str, start: int, end: int, doc: Any) -> bool:
    """True where the sentence shows that text[start:end] is someone (see the module docstring)."""
    after = _tokens_after(doc, end)
    rest = text[end:].lower().split()
    if rest[:2] in (["and", "i"], ["and", "me"], ["&", "i"], ["&", "me"], ["n", "i"]):
        return True
    if _previous_word(text, start) in TELLING:
        following = _WORDS.findall(text[end:].lower())
        return not following or following[0] in AFTER_TELLING or text[end:].lstrip()[:1] in ",.!?"
    if not _sentence_initial(text, start) or not after:
        return False
    verbs = [t for t in after[:3] if t.lower_ not in ADVERBS]
    if not verbs:
        return False
    verb = verbs[0]
    if str(verb.tag_) in {"VBD", "VBZ"} and verb.lemma_.lower() in HUMAN_VERBS:
        return True
    return str(verb.tag_) == "VB" and verb.lower_ in REQUESTS and verb is after[0]


def needs_tags(text: str, start: int) -> bool:
    """Whether `acts_as_person` needs part-of-speech tags: only for a word that opens a sentence."""
    return _sentence_initial(text, start)
