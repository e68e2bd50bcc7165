"""What the text pass does with the names found: NER spans cut to the name, every name forbidden as a fake."""

from presidio_analyzer import RecognizerResult

from meow.anonymize.detect import _trim
from meow.anonymize.textpass import person_values


def test_an_ner_span_loses_the_chat_words_at_its_ends() -> None:
    """ "k reveal PM" in the vault had its one-letter "k" looked for inside every fake ("malik reveal PM")."""
    text = "k reveal PM"
    assert _trim(text, RecognizerResult("PERSON", 0, 11, 0.85)).start == 2
    text = "lol Sarah Jones lol"
    span = _trim(text, RecognizerResult("PERSON", 0, len(text), 0.85))
    assert text[span.start : span.end] == "Sarah Jones"
    text = "Sarah 🎓"
    span = _trim(text, RecognizerResult("PERSON", 0, len(text), 0.85))
    assert text[span.start : span.end] == "Sarah"


def test_every_person_found_by_any_recognizer_is_a_real_name() -> None:
    """Not only NER's: a name the sentence showed ("Tin said...", found at 0.96) may not be part of a fake."""
    found = {
        "Tin said the shop is closing": [RecognizerResult("PERSON", 0, 3, 0.96)],
        "Tin's car": [RecognizerResult("PERSON", 0, 5, 0.95)],
        "call 555 0100": [RecognizerResult("PHONE_NUMBER", 5, 13, 0.7)],
    }
    assert person_values(found) == {"Tin"}
