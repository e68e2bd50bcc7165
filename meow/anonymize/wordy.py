"""Is an everyday-word name ("Will", "May", "Mark", "Bill", "Rose") used as a name here?

Decided from capitalisation, spaCy's part-of-speech tags and entities, and a few words around it:
"tell Will i said hi", "Will: on my way", "thanks will!!" are names; "i will be there", "the electricity
bill", "May I come?", "we leave in May" are not.
"""

from typing import Any

from meow.anonymize.names import words

# Words after which a wordy name is someone being addressed or talked about.
CUE_WORDS = words(
    """hi hey hello heya hiya yo sup tell told ask asked with thanks thank thx ty dear love miss missed
    met meet saw see call called text texted cc bye congrats congratulations birthday bday night morning
    sorry poor lucky ping ok okay k kk hii hiii omg @"""
)
MONTH_NAMES = words("may june april august")
MONTH_CUES = words("in since until till by early late mid next last this of from before after")
DETERMINERS = words("the a an this that these those his her their our your my its some any every no")
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})
# After a modal-like "will"/"may": these next words mean the word is the verb ("will be", "may not").
_VERB_NEXT_TAGS = frozenset({"VB", "RB", "VBP"})
_SENTENCE_END = ".!?\n"


def _token_at(doc: Any, start: int) -> Any | None:
    if doc is None:
        return None
    for token in doc:
        if token.idx <= start < token.idx + max(len(token.text), 1):
            return token
    return None


def _ent_label(doc: Any, start: int, end: int) -> str:
    if doc is None:
        return ""
    for ent in doc.ents:
        if ent.start_char <= start and end <= ent.end_char:
            return str(ent.label_)
    return ""


def _previous_word(text: str, start: int) -> str:
    before = text[:start].rstrip()
    if before.endswith("@"):
        return "@"
    words = before.replace(",", " ").split()
    return words[-1].lower().strip(".,!?:;\"'") if words else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in _SENTENCE_END


def _next_token(doc: Any, token: Any) -> Any | None:
    if token is None or token.i + 1 >= len(doc):
        return None
    return doc[token.i + 1]


def is_name_use(text: str, start: int, end: int, doc: Any = None) -> bool:
    """True when text[start:end], a name that is also a common word, is used as a name.

    `doc` is the spaCy Doc of `text` (tagged where possible); without it capitalisation and context decide.
    """
    surface = text[start:end]
    after = text[end:].lstrip(" ")
    if after.startswith(":") and not text[:start].strip():
        return True  # "Will: on my way"
    label = _ent_label(doc, start, end)
    if label == "PERSON":
        return True
    if label in NOT_NAME_ENTS:
        return False
    previous = _previous_word(text, start)
    if previous in DETERMINERS or (previous in MONTH_CUES and surface.lower() in MONTH_NAMES):
        return False
    capitalised = surface[:1].isupper() and not (len(surface) > 1 and surface.isupper())
    if capitalised and text[end : end + 2] in ("'s", "’s"):
        return True  # "Will's in", "May's birthday"
    token = _token_at(doc, start)
    pos = str(token.pos_) if token is not None else ""
    if previous in CUE_WORDS:
        following = _next_token(doc, token)
        return following is None or str(following.tag_) not in _VERB_NEXT_TAGS
    if capitalised and pos == "PROPN":
        return True
    return capitalised and not _sentence_initial(text, start) and pos not in {"AUX", "PART", "ADP", "DET"}


def needs_tags(text: str, start: int, end: int) -> bool:
    """Whether `is_name_use` would look at part-of-speech tags here: only for a capitalised word or one
    after a cue word. "i will be there" is decided without running the tagger."""
    surface = text[start:end]
    capitalised = surface[:1].isupper() and not (len(surface) > 1 and surface.isupper())
    return capitalised or _previous_word(text, start) in CUE_WORDS
