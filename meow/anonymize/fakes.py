"""Consistent realistic fakes for PII other than names: a phone for a phone, an e-mail for an e-mail.

Each fake is derived from an HMAC of the normalised real value under the secret key, so the same value
gets the same fake everywhere and in every run, and the fake reveals nothing about the real value.
"""

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from meow.anonymize.key import keyed_hex, keyed_int
from meow.anonymize.names import key, words

PUBLIC_HOSTS = words(
    """youtube.com youtu.be spotify.com open.spotify.com google.com maps.google.com goo.gl instagram.com
    facebook.com m.facebook.com messenger.com twitter.com x.com tiktok.com reddit.com imgur.com
    wikipedia.org en.wikipedia.org amazon.com netflix.com github.com linkedin.com"""
)
MAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me")


def _digit_stream(secret: bytes, tag: str, value: str) -> str:
    return "".join(str(int(c, 16) % 10) for c in keyed_hex(secret, tag, value, length=64))


def _redigit(secret: bytes, tag: str, real: str, keep: int = 0) -> str:
    """`real` with every digit after the first `keep` digits replaced, separators kept."""
    digits = re.sub(r"\D", "", real)
    stream = iter(_digit_stream(secret, tag, digits))
    out, seen = [], 0
    for c in real:
        if c.isdigit():
            seen += 1
            out.append(c if seen <= keep else next(stream))
        else:
            out.append(c)
    return "".join(out)


def fake_phone(secret: bytes, real: str) -> str:
    keep = 0
    if real.lstrip().startswith("+"):
        keep = 1 if real.lstrip()[1:2] == "1" else 2
    return _redigit(secret, "PHONE", real, keep)


def fake_card(secret: bytes, real: str) -> str:
    fake = _redigit(secret, "CARD", real, keep=1)
    digits = [int(c) for c in fake if c.isdigit()]
    total = sum(
        d if i % 2 == len(digits) % 2 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits)
    )
    last = (digits[-1] - total) % 10  # make the Luhn checksum hold, like a real card number
    i = max(i for i, c in enumerate(fake) if c.isdigit())
    return fake[:i] + str(last) + fake[i + 1 :]


def fake_iban(secret: bytes, real: str) -> str:
    compact = real.strip()
    return compact[:2] + _redigit(secret, "IBAN", re.sub(r"[A-Za-z]", "0", compact[2:]))


def fake_ip(secret: bytes, real: str) -> str:
    n = keyed_int(secret, "IP", real.strip().lower())
    if ":" in real:
        return f"fd00::{n & 0xFFFF:x}:{(n >> 16) & 0xFFFF:x}"
    return f"10.{(n >> 8) % 256}.{(n >> 16) % 256}.{(n >> 24) % 254 + 1}"


def fake_email(secret: bytes, real: str, name: Callable[[str], str]) -> str:
    person = name(real.lower()).lower().replace(" ", ".")
    domain = MAIL_DOMAINS[keyed_int(secret, "MAILDOMAIN", real.lower()) % len(MAIL_DOMAINS)]
    return f"{person}@{domain}"


def fake_url(secret: bytes, real: str) -> str:
    has_scheme = "://" in real
    parts = urlsplit(real if has_scheme else f"https://{real}")
    host = (parts.hostname or "").removeprefix("www.")
    host = host if host in PUBLIC_HOSTS else "example.com"
    path = "/" + keyed_hex(secret, "URL", real.lower(), length=10)
    return f"{parts.scheme}://{host}{path}" if has_scheme else f"{host}{path}"


@lru_cache(maxsize=1)
def _faker() -> Any:
    from faker import Faker

    return Faker("en_US")


def _seeded_faker(secret: bytes, tag: str, real: str) -> Any:
    faker = _faker()
    faker.seed_instance(keyed_int(secret, tag, " ".join(real.lower().split())))
    return faker


def fake_address(secret: bytes, real: str, attempt: int = 0) -> str:
    fake = str(_seeded_faker(secret, f"ADDRESS{attempt}", real).street_address())
    return fake.lower() if real == real.lower() else fake


def fake_location(secret: bytes, real: str, attempt: int = 0) -> str:
    fake = str(_seeded_faker(secret, f"LOCATION{attempt}", real).city())
    return fake.lower() if real == real.lower() else fake


def fake_ssn(secret: bytes, real: str) -> str:
    return "9" + _redigit(secret, "SSN", real)[1:] if real[:1].isdigit() else _redigit(secret, "SSN", real)


GROUP_FIRST = sorted(
    words(
        "Sunday Midnight Lucky Golden Rainy Cozy Tuesday Silver Brunch Weekend Secret Happy Wild Quiet Orange"
    )
)
GROUP_SECOND = sorted(
    words("Crew Club Gang Squad Bunch Circle Society Collective Committee Posse Team Council")
)


def fake_group_title(secret: bytes, real: str, attempt: int = 0) -> str:
    """A made-up group name ("Rainy Squad") for a group thread's title, in the title's casing."""
    n = keyed_int(secret, "GROUP_TITLE", str(attempt), key(real))
    fake = f"{GROUP_FIRST[n % len(GROUP_FIRST)]} {GROUP_SECOND[n // len(GROUP_FIRST) % len(GROUP_SECOND)]}"
    if real == real.lower():
        return fake.lower()
    return fake.upper() if real == real.upper() else fake
