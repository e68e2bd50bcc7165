"""Text repair for what exporters write: Facebook's "mojibake" (UTF-8 bytes stored as latin-1 characters)."""


def repair_mojibake(s: str) -> str:
    """Undo Facebook's encoding of every string: one latin-1 character per UTF-8 byte ("ZoÃ«" -> "Zoë").

    Safe on text that is already clean: a string that is not valid mojibake is returned unchanged.
    Repeats until nothing changes, so text that an exporter encoded twice is repaired too and
    repairing twice gives the same result as repairing once.
    """
    if s.isascii():
        return s
    while True:
        try:
            repaired = s.encode("latin-1").decode("utf-8")
        except UnicodeError:  # a character beyond latin-1, or bytes that are not UTF-8: already clean
            return s
        if repaired == s:
            return s
        s = repaired
