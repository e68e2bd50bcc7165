"""Replacement values for every entity type, recorded in the vault, and the Presidio Operator using them."""

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from presidio_anonymizer.operators import Operator, OperatorType

from meow.anonymize import fakes
from meow.anonymize.names import key, name_tokens
from meow.anonymize.pseudonyms import PersonPseudonyms
from meow.anonymize.vault import Vault

OPERATOR_NAME = "meow_pseudonym"


def key_form(name: str) -> str:
    """A name without its possessive ending, as the vault keeps it."""
    for suffix in ("'s", "’s"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


class Pseudonymizer:
    """Real value -> consistent realistic fake, per entity type; every pair goes into the vault."""

    def __init__(
        self,
        secret: bytes,
        vault: Vault,
        export_names: Iterable[str] = (),
        titles: Iterable[str] = (),
        reals: Iterable[str] = (),
        english: Callable[[str], bool] | None = None,
    ) -> None:
        """`reals`: real names found in the text (NER), which no pseudonym may be, not even the first;
        `english`: the detector's English word test (nicknames are derived with it)."""
        self.secret = secret
        self.vault = vault
        self.people = PersonPseudonyms(secret, vault, export_names, reals, english)
        self.counts: Counter[str] = Counter()
        self._recorded = {key(r) for r in vault.entries.get("PERSON", {})}
        self._makers: dict[str, Callable[[str], str]] = {
            "PHONE_NUMBER": lambda v: fakes.fake_phone(secret, v),
            "CREDIT_CARD": lambda v: fakes.fake_card(secret, v),
            "IBAN_CODE": lambda v: fakes.fake_iban(secret, v),
            "IP_ADDRESS": lambda v: fakes.fake_ip(secret, v),
            "US_SSN": lambda v: fakes.fake_ssn(secret, v),
            "URL": lambda v: fakes.fake_url(secret, v),
            "EMAIL_ADDRESS": lambda v: fakes.fake_email(secret, v, self.people.invented),
            "STREET_ADDRESS": lambda v: self._clean(fakes.fake_address, v),
            "LOCATION": lambda v: self._clean(fakes.fake_location, v),
            "GROUP_TITLE": self._group_title,
        }
        # Group titles: a real title is never another's fake, and two titles never share one.
        self._titles = {key(t) for t in [*titles, *vault.entries.get("GROUP_TITLE", {})]}
        self._title_fakes = {key(f): key(r) for r, f in vault.entries.get("GROUP_TITLE", {}).items()}

    def replace(self, entity_type: str, real: str) -> str:
        """The fake for `real`, counted and recorded in the vault."""
        self.counts[entity_type] += 1
        if entity_type == "PERSON":
            fake = self.people.replace(real)
            self._record_person(real, fake)
            return fake
        maker = self._makers.get(entity_type)
        fake = maker(real) if maker else f"<{entity_type.lower()}>"
        self.vault.add(entity_type, real, fake)
        return fake

    def _record_person(self, real: str, fake: str) -> None:
        """One vault entry per name as first seen ("Robert"), not per casing or possessive."""
        words = [
            (r, f) for r, f in zip(name_tokens(real), name_tokens(fake), strict=False) if key(r) != key(f)
        ]
        if not words:
            return
        real_name = " ".join(r for r, _ in words)
        if key(real_name) not in self._recorded:
            self._recorded.add(key(real_name))
            self.vault.add("PERSON", key_form(real_name), key_form(" ".join(f for _, f in words)))

    def _group_title(self, real: str) -> str:
        for attempt in range(50):
            fake = fakes.fake_group_title(self.secret, real, attempt)
            named = any(key(w) in self.people.forbidden for w in fake.split())
            if (
                not named
                and key(fake) not in self._titles
                and self._title_fakes.get(key(fake), key(real)) == key(real)
            ):
                break
        self._title_fakes[key(fake)] = key(real)
        return fake

    def _clean(self, maker: Callable[[bytes, str, int], str], real: str) -> str:
        """A fake place that names no real person, not even run together: faker builds some cities from
        names ("Port Robert", "Smithtown"), and the self-check would rightly count those as leaks."""
        fake = maker(self.secret, real, 0)
        for attempt in range(1, 50):
            whole = any(key(w) in self.people.forbidden for w in name_tokens(fake))
            if not whole and not self.people.holds_real_part(fake):
                break
            fake = maker(self.secret, real, attempt)
        return fake


class PseudonymOperator(Operator):  # type: ignore[misc]
    """Presidio operator: replaces each finding by `params["pseudonymizer"].replace(entity_type, text)`."""

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        assert params is not None
        pseudonymizer: Pseudonymizer = params["pseudonymizer"]
        return pseudonymizer.replace(params["entity_type"], text)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        if not params or not isinstance(params.get("pseudonymizer"), Pseudonymizer):
            raise ValueError("the meow_pseudonym operator needs a Pseudonymizer in its params")

    def operator_name(self) -> str:
        return OPERATOR_NAME

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize
