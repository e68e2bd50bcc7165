"""Is an everyday-word name ("Will", "May", "Mark", "Bill", "Rose") used as a name here?

Decided from capitalisation, spaCy's part-of-speech tags and entities, and a few words around it:
"tell Will i said hi", "Will: on my way", "thanks will!!" are names; "i will be there", "the electricity
bill", "May I come?", "we leave in May" are not.
"""

import re
from typing import Any

from meow.anonymize.names import is_function_or_chat_word, words
from meow.anonymize.person_cues import ELONGATED, sentence_initial, spoken_to
from meow.anonymize.tokens import token_at

# Words after which a wordy name is someone being addressed or talked about.
CUE_WORDS = words(
    """hi hey hello heya hiya yo sup tell told ask asked with thanks thank thx ty dear love miss missed
    met meet saw see call called text texted cc bye congrats congratulations birthday bday night morning
    sorry poor lucky ping ok okay k kk hii hiii omg @"""
)
# Words after which a name is someone addressed, whoever it is ("hey Joy", "thanks sandy").
ADDRESS_CUES = words(
    "hi hey hello heya hiya yo sup thanks thank thx ty dear bye congrats night morning ok okay omg @"
)
CUE_PAIRS = frozenset(
    {"love u", "love you", "miss u", "miss you", "thank u", "thank you", "ty ty", "where is", "where's"}
)
# Words after which a new clause starts: "if mark brings up crypto", "lol bob will kill me".
CLAUSE_OPENERS = words(
    """if when and but so because cause cuz lol lmao omg istg ngl tbh idk wait also then until unless
    while whenever bc"""
)
# What people call each other, whoever they are ("thanks buddy", "listen sonny", "hey boo"): in lowercase
# after a greeting or thanks, such a word is the word, even where someone is called by it.
TERMS_OF_ADDRESS = words(
    """buddy pal mate son sonny bubba boo honey hun hon hunny babe bro dude sis chief champ boss kid kiddo
    darling darlin sweetie sweetheart gal lad lass luv man"""
)
_ADDRESSING = ADDRESS_CUES | words("cheers listen here")
# After a word opening a message: the speaker, so the word is an exclamation ("son i am disappoint").
_FIRST_PERSON_NEXT = re.compile(r"[ ,]+(?:i|we|im|ive)\b", re.IGNORECASE)
_SIGN_OFFS = words("x xx xxx xo lol lmao haha")  # what may follow a term of address that ends a message
# Words after which a person is named, not spoken to: "invited son", "is it pal", "me and bro".
_TAKES_SOMEONE = words("to for from and or with invited is was by like at about than")
MODALS = words("will may can might must shall")
SUBJECT_PRONOUNS = words("i we they he she ye")
OBJECTS = words("it me him her them us that this those these everything something")
MONTH_NAMES = words("may june april august")
# Days and months: the export's Monday or April is checked in context ("see u monday", "on monday").
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
CALENDAR_WORDS = WEEKDAYS | words(
    "january february march april may june july august september october november december"
)
MONTH_CUES = words("in since until till by early late mid next last this of from before after")
DETERMINERS = words("the a an this that these those his her their our your my its some any every no")
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})
# After a modal-like "will"/"may": these next words mean the word is the verb ("will be", "may not").
_VERB_NEXT_TAGS = frozenset({"VB", "RB", "VBP"})
# Words that, right after a name opening a message, show it is the person spoken to.
_SPOKEN_TO = words(
    """u you babe bro sis girl dude hun bestie where why what when how do did can could are r have
    wake stop come answer pick call text pls plz don dont wyd wbu hbu hurry"""
)
# What a message that is only a name may hold besides it: "Kit lol", "ivy heyyy", "omg ROSE".
_INTERJECTIONS = words(
    "lol lmao lmfao rofl haha hahaha hehe omg omfg wtf hey hi hello yo ok okay pls plz bye ty xo xoxo oi"
)


def term_of_address(text: str, start: int, end: int) -> bool:
    """text[start:end] is a lowercase term of address said to whoever is spoken to, or an exclamation:
    "thanks buddy", "hey boo how was ur day", "listen here sonny", "no worries, pal", "man i'm tired" (not
    "Pal, you're a lifesaver", nor "pal sent the photos")."""
    surface = text[start:end]
    if not surface.islower() or surface not in TERMS_OF_ADDRESS:
        return False
    previous = previous_word(text, start)
    if previous in _ADDRESSING or _addressed(text, start, end):
        return True
    if not text[:start].strip() and _FIRST_PERSON_NEXT.match(text, end):
        return True  # opening the message before its speaker: "man i miss summer", "honey i'm home"
    # last in the message, after no word that takes a person ("you alright hon?"; not "tell hon")
    last = all(w in _SIGN_OFFS for w in _chat_words(text[end:]))
    return last and bool(previous) and previous not in CUE_WORDS and previous not in _TAKES_SOMEONE


def _ent_label(doc: Any, start: int, end: int) -> str:
    if doc is None:
        return ""
    for ent in doc.ents:
        if ent.start_char <= start and end <= ent.end_char:
            return str(ent.label_)
    return ""


def previous_word(text: str, start: int) -> str:
    before = text[:start].rstrip()
    if before.endswith("@"):
        return "@"
    words = before.replace(",", " ").split()
    return words[-1].lower().strip(".,!?:;\"'") if words else ""


def _next_token(doc: Any, token: Any) -> Any | None:
    if token is None or token.i + 1 >= len(doc):
        return None
    return doc[token.i + 1]


def _shape(surface: str) -> str:
    if len(surface) > 1 and surface.isupper():
        return "upper"
    return "capitalised" if surface[:1].isupper() else "lower"


def _is_subject(text: str, start: int, doc: Any, token: Any, surface: str) -> bool:
    """The word opens a clause and a finite verb follows, maybe after an adverb: "Grace is at the airport",
    "so bob will call", "Nas just said eid mubarak to the bus driver"."""
    following = _next_token(doc, token)
    if following is not None and str(following.tag_) == "RB":
        following = _next_token(doc, following)
    if following is None:
        return False
    modal = surface.lower() in MODALS
    finite = str(following.tag_) in {"VBZ", "VBD"} or (str(following.tag_) == "MD" and not modal)
    opens = sentence_initial(text, start) or previous_word(text, start) in CLAUSE_OPENERS
    return finite and (opens or _shape(surface) == "capitalised")


def describes_a_thing(text: str, start: int, doc: Any) -> bool:
    """At the start of a sentence, before a common noun it qualifies: "Hazel eyes run in my family", "Max
    speed on the treadmill", "Mason jars make everything look aesthetic", "Job interview at 10". ("Daisy u
    free?" is no noun; nor is a surname NER takes into the person with it.)"""
    token = token_at(doc, start)
    following = _next_token(doc, token)
    if following is None or not sentence_initial(text, start):
        return False
    noun = str(following.tag_) in {"NN", "NNS"} and following.text.islower()
    return noun and not is_function_or_chat_word(following.lower_) and following.ent_type_ != "PERSON"


def _thing_first(doc: Any, following: Any) -> bool:
    """What follows a word opening the sentence shows a thing: a preposition or particle ("Wade through
    all the emails", "Ante up"), or "or" and a common noun ("Mono or stereo?"; not "Rose or Ivy")."""
    if str(following.tag_) in {"IN", "RP"}:
        return True
    after = _next_token(doc, following)
    noun = after is not None and str(after.tag_) in {"NN", "NNS"} and after.is_lower
    return following.lower_ == "or" and noun


def _called_first(text: str, start: int, end: int) -> bool:
    """The message opens with the name, then words for the one spoken to or a question to them."""
    if not sentence_initial(text, start):
        return False
    following = _chat_words(text[end:])[:1]
    return bool(following) and following[0] in _SPOKEN_TO


def _shouted(text: str, start: int, end: int, surface: str) -> bool:
    """ "omw ROSE", "GRACE just sent me": a name in capitals inside a sentence that is not all capitals,
    between words that are not in capitals ("RED ALERT the boss is coming" shouts the whole phrase)."""
    rest = text[:start] + text[end:]
    before, after = _LETTERS.findall(text[:start])[-1:], _LETTERS.findall(text[end:])[:1]
    if any(len(w) > 1 and w.isupper() for w in before + after):
        return False
    return surface.lower() not in MODALS and any(c.islower() for c in rest)


_LETTERS = re.compile(r"[^\W\d_]+")
# Right after a word: an object pronoun, so the word is a verb ("ping me", "wing it"); not "me and jo".
_OBJECT_NEXT = re.compile(r" (?:me|it|him|her|them|us)\b(?!['’]| and\b| n\b| &)", re.IGNORECASE)
# Right after a word: "of" and what it is of, a word's complement rather than a name's.
_OF_A_THING = re.compile(r" of (?!all\b)", re.IGNORECASE)
# Right after the words opening a message: "or" and one lowercase word ending the question, a choice
# between things ("Cola or lemonade?", "Sherry or port?", "Chai or coffee, it's a serious question").
_OR_A_THING = re.compile(r" or ([a-z]+) *(?:[?!.,]|$)")


def a_choice_of_things(text: str, start: int, end: int) -> str:
    """The alternative, where text[start:end] opens the message and a choice of one lowercase word follows
    ("Mono or stereo?" -> "stereo"); "" otherwise (not "Constant or alessandro vitalucci can come")."""
    match = _OR_A_THING.match(text, end)
    return match.group(1) if match and not text[:start].strip() else ""


def is_name_use(
    text: str, start: int, end: int, doc: Any = None, known: bool = True, thing: bool = True
) -> bool:
    """True when text[start:end], a name that is also a common word, is used as a name.

    `doc` is the spaCy Doc of `text` (tagged where possible); without it capitalisation and context decide.
    `known=False` (a name nobody in the export has) needs stronger evidence: a lowercase word after a
    clause opener ("lol rose is blooming") is then left alone; only at the very start of a sentence, before
    a finite verb ("ivy made the team", "daisy said it's fine"), does it count as a subject and a name.
    (meow.anonymize.person_cues adds the verbs that only a person does: "lol rose is typing".)
    `thing=False`: the word is in no dictionary (a rare name), so no preposition after it makes it a thing
    ("Sallowby at reception knows").
    """
    surface = text[start:end]
    shape = _shape(surface)
    if text[end:].lstrip(" ").startswith(":") and not text[:start].strip():
        return True  # "Will: on my way"
    if term_of_address(text, start, end):
        return False  # "thanks buddy" to whoever it is, though someone is called Buddy
    if _OBJECT_NEXT.match(text, end):
        return False  # "trust me", "chuck it in the fridge", "CHERISH ME": a verb and its object
    if surface.lower() not in MODALS and (_alone(text, start, end) or _addressed(text, start, end)):
        return True
    if not known and describes_a_thing(text, start, doc):
        return False
    if _OF_A_THING.match(text, end):
        return False  # "Nick of time", "Son of a gun", "the saga of ur visa"; not "Bob of all people"
    choice = a_choice_of_things(text, start, end) if thing else ""
    if (
        choice
        and (token := token_at(doc, end + len(" or "))) is not None  # the alternative, as _OR_A_THING reads
        and token.has_vector
        and token.ent_type_ == ""
    ):
        return False  # "Cola or lemonade?": a thing to choose, both words; not "Will or Maya?"
    if surface.lower() not in MODALS and spoken_to(text, start, end, doc):
        return True  # "mercy ur typing so fast", "Pepper are u coming"
    if shape == "capitalised" and _with_surname(text, end):
        return True  # "Maki Tanabe is coming", "ask Pearl Okafor"
    if known and surface.lower() not in MODALS and _called_first(text, start, end):
        return True  # the export's "meadow ur voice note was 7 min", "prince bro answer ur phone"
    if previous_word(text, start) in SUBJECT_PRONOUNS:
        return False  # "i stan this album", "ye ken what i mean": a verb, never a name
    label = _ent_label(doc, start, end)
    if label == "PERSON" and shape != "lower":
        return True  # (NER calls a lowercase "pat" or "bill" a person too readily)
    previous = previous_word(text, start)
    if previous in DETERMINERS or (previous in MONTH_CUES and surface.lower() in MONTH_NAMES):
        return False
    if text[end : end + 2] in ("'s", "’s"):
        return True  # "Will's in", "May's birthday" (NER calls that one a date), "going to may's wedding"
    if label in NOT_NAME_ENTS and not (known and surface.lower() in WEEKDAYS):
        return False  # (NER calls every Monday a date, the export's "Monday is bringing jollof" too)
    token = token_at(doc, start)
    pos = str(token.pos_) if token is not None else ""
    cues = CUE_WORDS if known else ADDRESS_CUES  # "with joy" is a name only if the export has a Joy
    if previous in cues or _two_words_before(text, start) in CUE_PAIRS:
        following = _next_token(doc, token)
        return following is None or str(following.tag_) not in _VERB_NEXT_TAGS
    if shape == "upper" and _shouted(text, start, end, surface):
        return True
    if (known or shape != "lower" or sentence_initial(text, start)) and _is_subject(
        text, start, doc, token, surface
    ):
        return True
    if shape == "capitalised" and pos == "PROPN":
        # "Mark it as done": an imperative at the start, not a name; nor "Bun in the oven",
        # "Ante up" or "Cola or lemonade?", a thing opening the sentence before a preposition or its
        # alternative.
        following = _next_token(doc, token)
        if not sentence_initial(text, start) or following is None:
            return True
        return following.lower_ not in OBJECTS and not (thing and _thing_first(doc, following))
    return (
        shape == "capitalised"
        and not sentence_initial(text, start)
        and pos not in {"AUX", "PART", "ADP", "DET"}
    )


# After a chat word that is a name too, opening the message: what shows it is the one spoken to. Not "u"
# nor "what": "ty u saved me" and "AYO WHAT" are the words.
_CHAT_NAME_NEXT = _SPOKEN_TO - {"u", "you", "what"}


def chat_word_name_use(text: str, start: int, end: int, doc: Any = None) -> bool:
    """Whether text[start:end], a chat word that is someone's name too ("ty" is thanks, "Ty" Tyrone; "ayo"),
    is the name: after an @ or a cue such as "tell" or "birthday" that is no chat word itself ("ok ty" is
    thanks), as a possessive, first in the message before words for the one spoken to ("ty ur late", "Ayo
    stop sending memes"; not "AYO WHAT"), or as the subject of a verb ("Ty said", "ayo has a sister").
    Alone, or before anything else ("ty so much", "ty for the lift"), it is the word."""
    if term_of_address(text, start, end):
        return False  # "thanks bro"
    previous = previous_word(text, start)
    if previous == "@" or text[end : end + 2] in ("'s", "’s"):
        return True
    if previous in CUE_WORDS and not is_function_or_chat_word(previous):
        return True
    following = _chat_words(text[end:])[:1]
    if sentence_initial(text, start) and following and following[0] in _CHAT_NAME_NEXT:
        return True
    return _is_subject(text, start, doc, token_at(doc, start), text[start:end])


def _chat_words(text: str) -> list[str]:
    """The words of `text`, lowercased, letters repeated for emphasis cut to one ("heyyy" -> "hey")."""
    return [ELONGATED.sub(r"\1", w) for w in re.findall(r"[^\W\d_]+", text.lower())]


_SURNAME = re.compile(r" ([A-Z][a-z]+)\b")


def _with_surname(text: str, end: int) -> bool:
    """Another capitalised word follows, in a message not written with a capital on every word ("Happy
    Birthday Rose"): a full name, "Maki Tanabe is coming"."""
    match = _SURNAME.match(text, end)
    return match is not None and re.search(r"\b[a-z]", text[:end] + text[match.end() :]) is not None


def _alone(text: str, start: int, end: int) -> bool:
    """The message is the name and nothing but chat words, emoji and punctuation: "Kit💀", "willow lol",
    "DOT.", "ivy heyyy"."""
    return all(w in _INTERJECTIONS for w in _chat_words(text[:start] + " " + text[end:]))


def _addressed(text: str, start: int, end: int) -> bool:
    """Someone spoken to, last in the message after a comma: "lol ok, grace", "see u there, Rose!"."""
    return text[:start].rstrip().endswith(",") and not any(c.isalnum() for c in text[end:])


def _two_words_before(text: str, start: int) -> str:
    return " ".join(text[:start].lower().replace(",", " ").split()[-2:])


def needs_tags(text: str, start: int, end: int) -> bool:
    """Whether `is_name_use` would look at part-of-speech tags here: not for a lowercase word in mid-
    sentence after no cue ("i will be there" is decided without running the tagger)."""
    surface = text[start:end]
    previous = previous_word(text, start)
    return (
        _shape(surface) != "lower"
        or previous in CUE_WORDS
        or previous in CLAUSE_OPENERS
        or sentence_initial(text, start)
        or _two_words_before(text, start) in CUE_PAIRS
    )


def initials_use(text: str, start: int, end: int) -> bool:
    """Initials as a name ("hey AM!!", "ok AM", "AM, you coming?"), not "7 AM" or "I AM" in capitals."""
    surface, previous = text[start:end], previous_word(text, start)
    if not surface.isupper() or text.isupper() or previous[-1:].isdigit():
        return False
    return previous in CUE_WORDS or text[end:].lstrip(" ")[:1] in ("!", "?", ",")
