"""International phone numbers written with a country code ("+44 7700 900123", "0049 30 1234567") that
Presidio's PhoneRecognizer (libphonenumber, valid ranges only) can miss."""

from presidio_analyzer import Pattern, PatternRecognizer

PATTERNS = [
    Pattern(
        "country code then groups",
        r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?(?:\d{1,5}[\s.-]?){1,5}\d{2,5}\b",
        0.5,
    ),
]
CONTEXT = ["phone", "number", "call", "text", "whatsapp", "cell", "mobile", "tel", "reach"]


class InternationalPhoneRecognizer(PatternRecognizer):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="InternationalPhoneRecognizer",
            patterns=PATTERNS,
            context=CONTEXT,
            supported_language="en",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = sum(c.isdigit() for c in pattern_text)
        return 8 <= digits <= 15
