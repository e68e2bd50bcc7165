"""Nicknames the export itself sets: Messenger writes "Alice set the nickname for Bob Smith to Bobo." and
"Alice set her own nickname to Al." into the thread. Friends then call each other by them ("bobo where r
u"), and no nickname table can know them, so they join the export's own names."""

import re
from collections.abc import Iterable

from meow.corpus.model import Thread

_SET = re.compile(
    r"^.+? set (?:the nickname for .+?|(?:his|her|their|your) own nickname|your nickname)"
    r" to (?P<nick>.+?)\.?$"
)


def nicknames_set_in(threads: Iterable[Thread]) -> set[str]:
    """The nicknames set in the threads' own messages (any kind: readers mark these lines as system lines)."""
    return nicknames_in_texts(m.text for thread in threads for m in thread.messages)


def nicknames_in_texts(texts: Iterable[str]) -> set[str]:
    """The nicknames that lines such as "Alice set her own nickname to Al." set."""
    found = set()
    for text in texts:
        match = _SET.match(text.strip())
        if match and match.group("nick").strip():
            found.add(match.group("nick").strip())
    return found
