"""Finding a spaCy token by character offset without walking the whole Doc (each step builds a Token)."""

from typing import Any

import numpy as np
from spacy.attrs import IDX


def _starts(doc: Any) -> Any:
    return doc.to_array(IDX)  # the tokens' character offsets, in order, in one C call


def tokens_after(doc: Any, char: int, n: int = 12) -> list[Any]:
    """Up to `n` tokens that start at or after `char`; none without a Doc."""
    if doc is None:
        return []
    first = int(np.searchsorted(_starts(doc), char, side="left"))
    return list(doc[first : first + n])


def token_at(doc: Any, char: int) -> Any | None:
    """The token covering `char` (a token of no characters covers its own offset), or None."""
    if doc is None or not len(doc):
        return None
    i = int(np.searchsorted(_starts(doc), char, side="right")) - 1
    if i < 0:
        return None
    token = doc[i]
    return token if token.idx <= char < token.idx + max(len(token.text), 1) else None
