"""Street addresses, which Presidio has no recognizer for: "12 Elm Street", "221b baker st, apt 4",
"Hauptstraße 5", "PO Box 123"."""

from presidio_analyzer import Pattern, PatternRecognizer

_STRONG = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|terrace|ter|parkway|pkwy|highway|hwy|"
    r"crescent|cres|close|grove"
)
_WEAK = r"Way|Place|Pl|Court|Ct|Circle|Cir|Square|Sq|Row|Walk|Gardens|Hill|Park"
_UNIT = r"(?:,?\s+(?:apt|apartment|unit|suite|ste|flat|#)\.?\s*\w{1,5})?"
_NAME_WORD = r"[A-Za-z][A-Za-z'.-]*"

PATTERNS = [
    Pattern(
        "number street suffix",
        rf"(?<![\d\-.(/+]\s?)\b\d{{1,5}}[a-z]?\s+(?:{_NAME_WORD}\s+){{1,3}}(?:{_STRONG})\b\.?{_UNIT}",
        0.6,
    ),
    Pattern(
        "number Capitalised street Weak-suffix",
        rf"(?-i:(?<![\d\-.(/+]\s?)\b\d{{1,5}}[a-z]?\s+(?:[A-Z][A-Za-z'.-]*\s+){{1,3}}(?:{_WEAK})\b){_UNIT}",
        0.5,
    ),
    Pattern(
        "continental street number",
        r"\b[A-ZÄÖÜa-zäöüß][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|straat|gade|vej)"
        r"\s+\d{1,4}[a-z]?\b",
        0.6,
    ),
    Pattern(
        "romance number street",
        r"\b\d{1,4},?\s+(?:rue|avenue|boulevard|calle|via|viale|rua|avenida|piazza|plaza)\s+(?:\w+\s+){0,3}\w+",
        0.5,
    ),
    Pattern("po box", r"\bp\.?\s?o\.?\s+box\s+\d{1,6}\b", 0.6),
]
CONTEXT = ["address", "live", "lives", "living", "street", "house", "apartment", "moved", "place", "at"]


class StreetAddressRecognizer(PatternRecognizer):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            patterns=PATTERNS,
            context=CONTEXT,
            supported_language="en",
        )
