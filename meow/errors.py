"""Errors a user can fix. The CLI prints their message as one red line and exits 1."""


class MeowError(Exception):
    """A problem the user can fix; the message says what to do. It must never quote message text or PII."""


class InputError(MeowError):
    """The input (an export, a corpus, a file) is missing, unreadable or not what was expected."""


class OutputError(MeowError):
    """The output location cannot be written, or would overwrite something without --force."""


class ModelError(MeowError):
    """A base or trained model cannot be found or loaded."""


class LeakError(MeowError):
    """A self-check found a real identifier where none may be."""
