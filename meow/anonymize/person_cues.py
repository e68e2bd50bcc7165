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
from functools import lru_cache
from typing import Any

from meow.anonymize.names import CHAT_WORDS, fold, words
from meow.anonymize.tokens import token_at, tokens_after

# Verbs (lemmas) whose subject is a person: say, text, pay, forget, order, study...
HUMAN_VERBS = words(
    """say text call reply ask tell think know want love hate miss buy bring pay owe forget order study fix
    send invite bail show live swim try give see meet win beat cook teach marry date laugh cry sleep wake eat
    drink drive visit message dm sing dance agree promise apologize remember decide feel join
    quit lose find borrow lend steal wear post share block ghost hug kiss lie yell scream complain cancel
    book grab bake paint work move snore sneeze cheat break wonder believe mean need act add type talk
    organise organize chat reply"""
)
# "X got promoted": what happens to a person.
HAPPENED = words("promoted married engaged fired hired dumped arrested pregnant sacked accepted rejected")
# "X is my cousin", "X is the funniest person i know": a description of someone.
PERSON_NOUNS = words(
    """person guy girl man woman friend bestie cousin sister brother sis bro mum mom dad aunt uncle boss
    manager roommate flatmate neighbour neighbor teacher colleague coworker gf bf girlfriend boyfriend wife
    husband partner kid son daughter baby grandma grandad grandpa granny nan nana mummy mommy daddy parents
    nurse doctor"""
)
SPEECH = words("say text reply tell ask message dm")
POSSESSIVES = words("my our his her ur your their")
# Who someone is to the writer, before their name ("my cousin Or"); not "baby" ("my baby shower").
RELATIONS = words(
    """cousin friend bestie sister brother sis bro aunt auntie uncle neighbour neighbor colleague coworker
    flatmate roommate housemate boyfriend girlfriend bf gf husband wife partner mate niece nephew"""
)
HE_OR_SHE = words("he she his her him hers himself herself")
ADVERBS = words(
    """just finally always never literally also still really totally lowkey only already actually prob
    probably def definitely basically even apparently legit seriously"""
)
REQUESTS = words("call text pick stop answer reply check look send come tell get bring")
TELLING = words(
    """tell told telling ask asked asking text texted texting invite invited dm dmed ping pinged thank remind
    added removed"""
)
# Words after which a new clause starts: "lol, jack fixes everything", "yesss Summer finally replied".
OPENERS = words(
    "lol lmao omg ok okay yes yeah wait and but so because cuz also then when if while bc ngl tbh istg"
)
YOU_OR_I = words("u ur you i are r")
QUESTION_AUX = words("did does do is was has had can could will would should")
BE = words("is was 's")
# What may follow "tell X": the end of the clause, or a word that opens what is told or asked.
AFTER_TELLING = words("to about if that i when where what whether for and or but")
SENTENCE_END = ".!?\n"
_ARTICLES = words("the a an this that these those")  # wordy.DETERMINERS holds these and the possessives
_ORIGIN = re.compile(
    r" from (?:the |my |our )?(?:[^\W\d_]+ )?(?:work|uni|school|college|church|gym|office|class|team|club)\b",
    re.IGNORECASE,
)
GREETINGS = words("thanks thank thx ty congrats congratulations hey hi hello bye morning night hbd cheers")
# What people call anyone they thank or greet: "thanks babe", "night all".
VOCATIVES = words(
    """babe baby honey hun love buddy mate bro sis dude man girl boss team guys everyone all sweetie darling
    dear angel king queen legend heaps again anyway god so much lots loads fam bestie"""
)
_WHOSE = re.compile(r"['’]s ([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_']+(?:'[^\W\d_]+)?")
ELONGATED = re.compile(r"(\w)\1{2,}")  # "heyyy": letters repeated for emphasis


def clause_start(text: str, start: int) -> bool:
    """Nothing before in the sentence, or a comma or a word that opens a clause ("lol", "but")."""
    before = text[:start].rstrip(" \t\"'(")
    if not before or before[-1] in SENTENCE_END or before[-1] == ",":
        return True
    previous = ELONGATED.sub(r"\1", _previous_word(text, start))
    return previous in OPENERS or previous in CHAT_WORDS  # "nah cheyenne said", "bro Min-jun walked in"


def _previous_word(text: str, start: int) -> str:
    found = _WORDS.findall(text[:start].lower())
    return found[-1] if found else ""


def acts_as_person(text: str, start: int, end: int, doc: Any, told: bool = True) -> bool:
    """True where the sentence shows that text[start:end] is someone (see the module docstring).

    `told=False`, for words far more often things, keeps only the cues no thing takes: spoken to ("Silence
    ur coffee was amazing"), described as a person ("is my cousin"), "got married", "X and i"; not "tell
    X" ("added salt to") nor a person's verb, which chat gives to things too ("Traffic is driving me
    crazy", "Work called", "Money talks")."""
    if _introduced(text, start) or _family_of(text, start, end):
        return True  # "my cousin Or is visiting", "our flatmate Ocean", "Trang's mum"
    itself = token_at(doc, start) if not told else None
    if itself is not None and str(itself.tag_)[:2] in {"VB", "RB", "MD"}:
        return False  # "stop trying to...": a noun that is no noun here
    after = tokens_after(doc, past_origin(text, end))  # "Fortune from uni got married"
    if text[end:].lower().split()[:2] in _WITH_ME:
        return True
    if told and greeted(text, start, end):
        return True  # "thanks ZHENYA ❤️", "Porter happy birthday!!"
    if told and _previous_word(text, start) in TELLING:
        following = _WORDS.findall(text[end:].lower())
        return not following or following[0] in AFTER_TELLING or text[end:].lstrip()[:1] in ",.!?"
    verbs = [t for t in after[:4] if t.lower_ not in ADVERBS]
    if not verbs:
        return False
    if told and _previous_word(text, start) in QUESTION_AUX:  # "did grace say grace", "is ivy acting up"
        return str(verbs[0].tag_) in {"VB", "VBG"} and _human(verbs[0])
    if not clause_start(text, start):
        return False
    if spoken_to(text, start, end, doc):
        return True
    verb = verbs[0]
    if verb.lower_ in BE and _describes_someone(after):
        return True
    if verb.lemma_ == "get" and len(verbs) > 1 and verbs[1].lower_ in HAPPENED:  # "Justice got promoted"
        return True
    if not told and not (_he_or_she(after) or _speaks(verb)):
        return False  # "Silence said she'll babysit", "Tin texted": no thing is a he or a she, nor talks
    if (
        str(verb.tag_) == "MD"
        and any(  # "Charity won't stop talking", "X will text u"
            str(v.tag_) in {"VB", "VBG"} and _human(v) for v in after[1:5]
        )
    ):
        return True
    if verb.lower_ in BE and len(verbs) > 1:  # "june is bringing the speaker"
        verb = verbs[1] if str(verbs[1].tag_) == "VBG" else verb
    if str(verb.tag_) in {"VBD", "VBZ", "VBG"} and _human(verb):
        return True
    return str(verb.tag_) == "VB" and verb.lower_ in REQUESTS and verb is after[0]


def _speaks(verb: Any) -> bool:
    """ "said", "texts", "replied": what a person, not a thing, did (a finite verb, not "will tell")."""
    return str(verb.tag_) in {"VBD", "VBZ"} and str(verb.lemma_).lower() in SPEECH


def _introduced(text: str, start: int) -> bool:
    """Right after "my cousin", "our flatmate", "her boyfriend": a name."""
    before = _WORDS.findall(text[:start].lower())[-2:]
    return len(before) == 2 and before[0] in POSSESSIVES and before[1] in RELATIONS


def past_origin(text: str, end: int) -> int:
    """Where the sentence goes on after "from work", "from the climbing gym" right after a name ("Rune
    from work invited us"): the verb that shows a person comes after it. `end` where there is none."""
    match = _ORIGIN.match(text, end)
    return match.end() if match else end


def greeted(text: str, start: int, end: int) -> bool:
    """Thanked, greeted or wished well at an end of the message: "thanks ZHENYA ❤️", "bye dougie",
    "Porter happy birthday!!", "congrats wing 🎉"; not "thanks again", "happy birthday guys"."""
    if fold(text[start:end]) in VOCATIVES:
        return False
    before, after = _WORDS.findall(text[:start].lower()), _WORDS.findall(text[end:].lower())
    if not after and before and before[-1] in GREETINGS:
        return len(before) <= 3
    return not before and (after[:1] in ([w] for w in GREETINGS) or after[:2] == ["happy", "birthday"])


def _family_of(text: str, start: int, end: int) -> bool:
    """ "Trang's mum", "kilbride's boyfriend": whoever has a mum is someone (not "my dog's mum")."""
    match = _WHOSE.match(text, end)
    if match is None or match.group(1).lower() not in PERSON_NOUNS | RELATIONS:
        return False
    return _previous_word(text, start) not in POSSESSIVES | _ARTICLES


def _he_or_she(after: list[Any]) -> bool:
    """ "he", "she", "his", "her" in the clause that follows ("Bright said he'll come", "Wisdom is playing
    golf with his dad"): the subject is someone. Not "they" nor "it", which things take too."""
    for token in after[:10]:
        if token.lower_ in HE_OR_SHE:
            return True
        if token.lower_ in SENTENCE_END or token.lower_ == "but":
            return False
    return False


def _describes_someone(after: list[Any]) -> bool:
    """ "is my cousin", "is the funniest person i know", "was my sister's friend": within a few words after
    "is", a noun for a person, before any other verb."""
    for token in after[1:7]:
        if token.lower_ in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS:
            return True
        if str(token.tag_).startswith("VB") or token.lower_ in (",", ".", "but", "and"):
            return False
    return False


def spoken_to(text: str, start: int, end: int, doc: Any) -> bool:
    """A noun opening the sentence, then "u", "ur", "i" or "are u": someone spoken to ("Pepper are u
    coming", "mercy ur typing so fast", "Candy i found ur airpods"); a verb there is an order or a wish
    ("hope ur ok", "mark ur calendar", "pat u down")."""
    if not sentence_initial(text, start):
        return False
    following = _WORDS.findall(text[end:].lower())[:2]
    if not following or following[0] not in YOU_OR_I:
        return False
    if following[0] in ("are", "r") and following[1:] not in (["u"], ["you"]):
        return False
    if doc is None:
        return False
    tokens = tokens_after(doc, start, 3)
    if not tokens or str(tokens[0].tag_) not in {"NN", "NNP", "NNS", "JJ"}:
        return False
    after_you = tokens[2] if len(tokens) > 2 else None
    if after_you is None or following[0] in ("i", "are", "r"):
        return True
    # "ur typing", "ur so extra", "u owe me", "u ok": not "ur calendar" (your), "ur i's" nor "pat u down"
    return str(after_you.tag_) in {"VBG", "VBN", "VBP", "VBD", "VB", "MD", "RB", "JJ", "IN"}  # "ur on bins"


def sentence_initial(text: str, start: int) -> bool:
    """Nothing before `start` in its sentence (quotes and brackets aside)."""
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in SENTENCE_END


def _human(verb: Any) -> bool:
    """A verb that takes a person, by its lemma or, where the lemmatizer slips ("texted" -> "texte"), by
    its form without the ending."""
    lower = str(verb.lower_)
    stems = {str(verb.lemma_).lower(), lower}
    for ending in ("ing", "ed", "es", "s", "d"):
        if lower.endswith(ending):
            stems.add(lower[: -len(ending)])
    return not stems.isdisjoint(HUMAN_VERBS)


def needs_tags(text: str, start: int, end: int, told: bool = True) -> bool:
    """Whether `acts_as_person` needs part-of-speech tags: for a word that opens a clause or a question and
    is followed (past a few adverbs) by a word a cue could start with ("said", "is", "u", "won't"); with
    `told=False`, by one of the stronger cues ("said", "is", "got", "u"), or by any if "he" or "she"
    follows."""
    if not (clause_start(text, start) or _previous_word(text, start) in QUESTION_AUX):
        return False
    rest = _WORDS.findall(text[past_origin(text, end) :][:80].lower())
    following = [w for w in rest if w not in ADVERBS][:1]
    if not following or following[0] not in cue_forms():
        return False
    return told or following[0] in _strong_forms() or not HE_OR_SHE.isdisjoint(rest)


def could_act_as_person(text: str, start: int, end: int, told: bool = True) -> bool:
    """Whether `acts_as_person` could say yes, from the text alone: the cues it reads without tags, or a
    place where a tagged cue can start. Saves the tagged look for the many words that cannot be names."""
    if _introduced(text, start) or _family_of(text, start, end):
        return True
    if text[end:].lower().split()[:2] in _WITH_ME:
        return True
    if told and (_previous_word(text, start) in TELLING or greeted(text, start, end)):
        return True
    return needs_tags(text, start, end, told)


_WITH_ME = (["and", "i"], ["and", "me"], ["&", "i"], ["&", "me"], ["n", "i"])


@lru_cache(maxsize=1)
def _strong_forms() -> frozenset[str]:
    """The first words of the cues a word that is mostly a thing needs: "said", "texted", "u", "is", "got"."""
    return frozenset(_verb_forms(SPEECH)) | YOU_OR_I | BE | words("got gets getting get said told")


@lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """The words a cue after a name can start with: the forms of the verbs that take a person ("said",
    "texted", "owes", "bringing"), "is"/"was"/"got", modals, "u"/"ur"/"i"."""
    forms = set(_IRREGULAR) | BE | YOU_OR_I | words("got gets getting get has had have")
    return frozenset(forms) | _verb_forms(HUMAN_VERBS | REQUESTS) | _MODALS


def _verb_forms(verbs: frozenset[str]) -> frozenset[str]:
    """The regular forms of `verbs`, and some that are not words ("texteed"): enough to match them."""
    forms: set[str] = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "ed", verb + "ing"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # "chatted", "shopping"
    return frozenset(forms)


_MODALS = words("will would can could should shall may might must won't can't cannot wont cant wouldn't")
_IRREGULAR = words(
    """said told gave saw met won beat taught left lost found lent stole wore broke meant felt slept ate drank
    drove sang swam thought knew bought brought paid forgot sent made took came went ran sat got wrote spoke
    rang hung kept lay lied quit"""
)
