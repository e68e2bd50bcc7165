"""Where a URL finding really ends: Presidio's URL pattern can stop inside a word, which would leave the
rest of a name in the text ("fb.com/sean.o" of "fb.com/sean.o'brien": a path stops at a quote; the host
of "zoëmüller.de" starts at "ller.de": hosts are ASCII)."""

_TRAILING = ".,!?;:)]}'\"’”…*"  # sentence punctuation after a URL is no part of it
_HOST = "._-"


def url_extent(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The whole URL around Presidio's match `text[start:end]`: back to the start of the host's word, on to
    the next space, without trailing punctuation ("example.com/x," -> "example.com/x"). None for a match
    that is a host only and ends inside a word ("jamie.li" in the handle "jamie.lindqvist": .li is a TLD),
    which is no URL."""
    after = text[end : end + 1]
    if "/" not in text[start:end] and (after.isalnum() or after == "_"):
        return None
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _HOST):
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while end > start + 1 and text[end - 1] in _TRAILING:
        end -= 1
    return start, end
