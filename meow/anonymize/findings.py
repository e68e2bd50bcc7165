"""What the audit and the guard report: one `Finding` per leaked span, and how to mask or redact it.

A finding's `kind` is short and user-facing (`phone`, `email`, `name`, `memorized`, ...): the guard writes
it into the text it redacts (`[redacted: phone]`), the audit shows it in its table and JSON report.
"""

from collections.abc import Iterable
from dataclasses import dataclass

# Presidio / vault entity types -> the kind a user reads. Unknown types become their lowercase name.
KIND_BY_ENTITY: dict[str, str] = {
    "PERSON": "name",
    "PERSON_FIRST": "name",
    "PERSON_LAST": "name",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "URL": "url",
    "CREDIT_CARD": "card",
    "IBAN_CODE": "iban",
    "IP_ADDRESS": "ip",
    "LOCATION": "location",
    "ADDRESS": "address",
    "STREET_ADDRESS": "address",
    "US_SSN": "ssn",
    "CRYPTO": "crypto",
    "MAC_ADDRESS": "mac",
}
MEMORIZED = "memorized"

# When two findings overlap, the stronger detector wins: the vault knows, Presidio guesses.
_DETECTOR_RANK = {"vault": 0, "canary": 1, "presidio": 2, "memorization": 3}


def kind_of(entity_type: str) -> str:
    return KIND_BY_ENTITY.get(entity_type, entity_type.lower())


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspicious span of a sample: `text[start:end]`.

    `detector` is "vault" (a real identifier the vault knows), "presidio" (PII that Presidio finds) or
    "memorization" (a run of tokens copied from the training corpus; `source` says from where, as
    "<session id>#<turn index>") or "canary" (the secret of a planted canary). `score` is Presidio's
    confidence, 1.0 for the vault and canaries, and the number of copied tokens for memorisation.
    """

    kind: str
    start: int
    end: int
    text: str
    detector: str
    score: float
    source: str | None = None

    @property
    def masked(self) -> str:
        return mask(self.text)


def mask(span: str) -> str:
    """`Robert` -> `R****t`: enough to find the spot, not enough to read the secret. Short spans: `***`."""
    span = " ".join(span.split())
    if len(span) <= 3:
        return "*" * len(span)
    if len(span) > 40:  # long memorised spans: first and last word, the length in between
        words = span.split()
        return f"{words[0][:1]}*** …({len(span)} chars)… ***{words[-1][-1:]}"
    return span[0] + "*" * (len(span) - 2) + span[-1]


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings that overlap a stronger one: longer first ("zoe@x.org" is an e-mail, not a name),
    then the better detector, then the higher score."""
    ranked = sorted(
        findings, key=lambda f: (-(f.end - f.start), _DETECTOR_RANK.get(f.detector, 9), -f.score, f.start)
    )
    kept: list[Finding] = []
    for f in ranked:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def redact(text: str, findings: Iterable[Finding]) -> str:
    """Replace every flagged character by `[redacted: <kind>]`.

    Overlapping findings merge into one redaction (a name inside a memorised span goes with the span), named
    after the strongest detector's kind, so nothing flagged survives.
    """
    spans: list[tuple[int, int, Finding]] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if spans and f.start < spans[-1][1]:
            start, end, best = spans[-1]
            stronger = _DETECTOR_RANK.get(f.detector, 9) < _DETECTOR_RANK.get(best.detector, 9)
            spans[-1] = (start, max(end, f.end), f if stronger else best)
        else:
            spans.append((f.start, f.end, f))
    out: list[str] = []
    pos = 0
    for start, end, f in spans:
        out.append(text[pos:start])
        out.append(f"[redacted: {f.kind}]")
        pos = end
    out.append(text[pos:])
    return "".join(out)
