"""Name forms: folding for case/diacritic-insensitive matching, name parts, everyday words that are names.

`fold` is length-preserving (one character in, one out), so offsets found in folded text are offsets in
the original text.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii


def words(text: str) -> frozenset[str]:
    """A word list written as text, so long lists stay readable."""
    return frozenset(text.split())


# Names that are also everyday English words: replaced only where they are used as names.
_EVERYDAY_NAMES = words(
    """
will may mark rose grace bill hope joy faith june april august summer autumn dawn eve ivy iris lily
daisy holly hazel ruby pearl amber jade crystal violet olive ginger honey sunny sky rain river storm
art bob sue pat rob drew gene jack chip chuck dean frank earl duke king prince major penny ray rich
rusty sandy sterling stone wade page lane chase cash case hunter patience prudence charity mercy
harmony melody destiny trinity heaven angel star bee jay kit max ace rocky buck bear fox wolf hawk robin
wren lark nick norm van win jan mac guy miles price young brown black white green gray grey bush wood
woods rod cliff brook baker cook fisher porter bobby billy patty candy brandy buddy dusty misty cookie
"""
)
# Chat words NER likes to call people or places, and placeholders exports use for deleted accounts.
CHAT_WORDS = words(
    """lol lmao lmfao rofl haha hahaha hehe omg omfg wtf idk idc tbh ngl smh brb btw imo imho ty thx tho
    ok okay k kk yeah yea yep yup nope nah hmm hm ugh yay wow oh ah aw aww ooh oops yo hey hi hello bye
    gonna wanna gotta lemme dunno cya xoxo xo bro sis dude fam babe bae hun luv plz pls
    thanks thank u ur r ya yall y'all urself ure imma ima tmrw tmr tmrrw 2moro tn tonite rn sry srry soz
    gm gn gnight istg ikr iirc fyi fwiw afaik asap dm dms pm hmu wyd wbu hbu omw otw ttyl np nvm jk irl
    goat bio bff bf gf bday lil smth sth prob probs def deff obvi ofc tho thx txt msg pic pics vid
    selfie meme memes bruh bestie sus lowkey highkey deadass fr frfr bet cap slay vibe vibes yass yasss
    ayy ayo oof welp eh meh mhm mm ya yah ye yess yesss noo nooo pleaseee sooo soo uni gym telly footy
    insta finna dang darn gosh geez jeez yikes whoa woah dammit aye"""
)
PLACEHOLDER_NAMES = frozenset(
    {"facebook user", "instagram user", "messenger user", "unknown", "deleted user"}
)

_SPLIT = re.compile(r"[\s]+")
_PIECE = re.compile(r"[-‐‑]")  # ASCII hyphen and the Unicode hyphens


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        low = c
    if low.isascii():
        return low
    base = unicodedata.normalize("NFKD", low)[0]
    if base.isascii() and base.isalpha():
        return base
    ascii_form = anyascii(low)
    return ascii_form if len(ascii_form) == 1 and ascii_form.isalpha() else low


def fold(text: str) -> str:
    """Lowercase, diacritics off ("Zoë" -> "zoe"), one character per character."""
    low = text.lower()
    if low.isascii() and len(low) == len(text):
        return low
    return "".join(_fold_char(c) for c in text)


def key(name: str) -> str:
    """The normalised form a pseudonym is keyed on: folded, spaces collapsed, possessive dropped."""
    folded = " ".join(_SPLIT.split(fold(name).strip()))
    for suffix in ("'s", "’s"):
        if folded.endswith(suffix):
            folded = folded[: -len(suffix)]
    return folded


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Words that may be names but are usually not: the list above, spaCy's stop words, chat words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return _EVERYDAY_NAMES | frozenset(STOP_WORDS) | CHAT_WORDS


@lru_cache(maxsize=1)
def contractions() -> frozenset[str]:
    """Contractions typed without their apostrophe ("dont", "theres", "youre"), as spaCy's English
    tokenizer knows them; of three letters or more, so not "em", which is a nickname too."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return frozenset(k for k in TOKENIZER_EXCEPTIONS if k.isalpha() and k.islower() and len(k) >= 3)


def is_everyday_word(form: str) -> bool:
    return key(form) in everyday_words()


def contracted(text: str, end: int) -> bool:
    """Whether the word ending at `end` is the first part of a contraction: "DON" of "DON'T"; no name."""
    return text[end : end + 2].lower() in ("'t", "’t")


def is_stop_word(form: str) -> bool:
    """One of spaCy's English stop words ("can", "made", "or"), which no list of names may claim."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return key(form) in STOP_WORDS and key(form) not in _EVERYDAY_NAMES


def is_chat_word(form: str) -> bool:
    """One of CHAT_WORDS of two letters or more ("ty", "ayo", "babe"), which someone may be called too."""
    folded = key(form)
    return len(folded) >= 2 and folded in CHAT_WORDS


def is_function_or_chat_word(form: str) -> bool:
    """A stop word, chat word or contraction ("the", "lol", "lmaooo", "dont"): never a name alone, unlike
    "Will" or "Grace"."""
    folded = key(form).strip(".,!?;:\"'()")
    if folded in CHAT_WORDS or folded in contractions():
        return True
    if folded in everyday_words() and folded not in _EVERYDAY_NAMES:
        return True
    squeezed = re.sub(r"(.)\1{2,}", r"\1", folded)
    return squeezed != folded and (squeezed in CHAT_WORDS or squeezed in everyday_words())


def is_placeholder(name: str) -> bool:
    return key(name) in PLACEHOLDER_NAMES or not any(c.isalpha() for c in name)


def is_nameless(value: str) -> bool:
    """True when no word of `value` could be a name ("k PM", "lol ok"): nothing to pseudonymise."""
    return all(len(w) < 2 or is_function_or_chat_word(w) for w in re.split(r"[\s\-‐‑]+", value) if w)


def name_tokens(name: str) -> list[str]:
    """The space-separated parts of a display name, without stray punctuation ("Robert J. Smith")."""
    return [t.strip(".,()\"'") for t in _SPLIT.split(name.strip()) if t.strip(".,()\"'")]


def name_forms(name: str) -> set[str]:
    """Every form of a name worth matching: the full name, each part, each hyphen piece, first and last
    run together (as in a handle), an ASCII form.

    Single letters are left out (an initial matches too much).
    """
    tokens = name_tokens(name)
    forms = {" ".join(tokens)} if tokens else set()
    if len(tokens) > 2:
        forms.add(f"{tokens[0]} {tokens[-1]}")
    for token in tokens:
        forms.add(token)
        forms.update(p for p in _PIECE.split(token) if p)
    if len(tokens) > 1:  # handles: "@robertsmith", "robert_smith", "RobertSmith", "smith.robert"
        first, last = tokens[0], tokens[-1]
        forms |= {f"{a}{sep}{b}" for a, b in ((first, last), (last, first)) for sep in ("", "_", ".")}
    forms |= {anyascii(f) for f in forms}
    return {f for f in forms if len(f) >= 2 and any(c.isalpha() for c in f)}


def initials(name: str) -> str | None:
    """ "Anne-Marie Dubois" -> "AM": the initials of a hyphenated first name, a common nickname."""
    tokens = name_tokens(name)
    pieces = [p for p in split_pieces(tokens[0]) if p.isalpha()] if tokens else []
    return "".join(p[0] for p in pieces).upper() if len(pieces) > 1 else None


def split_pieces(token: str) -> list[str]:
    """ "Anne-Marie" -> ["Anne", "-", "Marie"]: pieces and the hyphens between them."""
    return [p for p in re.split(r"([-‐‑])", token) if p]


def casing_like(model: str, value: str) -> str:
    """`value` in the casing of `model`: "ROBERT" -> "DANIEL", "robert" -> "daniel", "Robert" -> "Daniel"."""
    letters = [c for c in model if c.isalpha()]
    if not letters:
        return value
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return value.upper()
    if all(c.islower() for c in letters):
        return value.lower()
    return value


_GAELIC = re.compile(r"(?<![^\W\d_])Ma?c$")  # "McDonald", "MacKenzie": one name, not two


def camel_boundary(text: str, i: int) -> bool:
    """Whether a CamelCase hump starts at `text[i]`: a word boundary for name matching.

    Three case changes count: lower -> upper ("#TeamZoë", "@RobSmithOfficial"; not after "Mc" or "Mac":
    "McDonald" is one name), an upper-case run -> a capitalised word ("ZOEMuller", "TEAMZoe": the boundary
    is before the last capital) and an upper-case run of two or more -> two or more lower-case letters
    ("ROBERTsmith"; not "URLs")."""
    if not 0 < i < len(text):
        return False
    if not text[i - 1].isupper():
        return text[i - 1].islower() and text[i].isupper() and _GAELIC.search(text, 0, i) is None
    following = text[i + 1 : i + 2]
    if text[i].isupper():
        return following.islower()
    return i >= 2 and text[i - 2].isupper() and text[i].islower() and following.islower()


def letter_bounded(text: str, start: int, end: int) -> bool:
    """Bounded by non-letters: digits, "_" and "." are boundaries ("robert.smith92", "zoe_draws"), as is a
    CamelCase hump (`camel_boundary`)."""
    left = start == 0 or not text[start - 1].isalpha() or camel_boundary(text, start)
    return left and (end >= len(text) or not text[end].isalpha() or camel_boundary(text, end))


def _handle_char(c: str) -> bool:
    return c.isalnum() or c in "_."


def tag_edge(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether `text[start:end]` begins or ends the letters of an @handle or #hashtag ("#teamzoe",
    "@jamie4ever", "#lovejamie2024") and is not part of a longer English word there (`words`, folded:
    "#annual" holds no Ann, "@robotics" no Rob). E-mail addresses are no handles."""
    head = start
    while head > 0 and _handle_char(text[head - 1]):
        head -= 1
    if head == 0 or text[head - 1] not in "@#" or (head > 1 and _handle_char(text[head - 2])):
        return False
    open_left = text[start - 1].isalpha()
    open_right = end < len(text) and text[end].isalpha()
    if open_left and open_right:
        return False
    folded = fold(text)
    if open_right:
        tail = end
        while tail < len(text) and text[tail].isalpha():
            tail += 1
        return not any(folded[start:k] in words for k in range(end + 1, tail + 1))
    if open_left:
        lead = start
        while lead > head and text[lead - 1].isalpha():
            lead -= 1
        return not any(folded[k:end] in words for k in range(lead, start))
    return True


def sorted_unique(values: Iterable[str]) -> list[str]:
    return sorted(set(values))
