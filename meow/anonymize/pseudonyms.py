"""Person pseudonyms: one real name part -> one realistic fake part, chosen by HMAC under the secret key.

First and last parts are mapped separately, so parts stay consistent ("Robert Smith" -> "Daniel Ortiz",
"Robert" -> "Daniel", "robert's" -> "daniel's") and casing is kept. A pseudonym never collides with
another pseudonym nor with any real name the export (or the vault) knows. Assignments are kept in the
vault (`PERSON_FIRST` / `PERSON_LAST` by folded part, `PERSON` by display form), so later runs reuse them.

A pseudonym must not look like a real name either: a candidate piece is rejected when it starts or ends
with a real name part of >= 3 letters ("Roberta", "Annette", "Markus", "Johnson" while Robert, Ann, Mark or
John is real) or when a real part starts or ends with it ("Chris" for a real Christopher, "Beth" for
Elizabeth). Letters in the middle are allowed ("Joanna" with a real "Ann"): no name scanner sees them and
forbidding them would empty the pool for short names. Real parts are the export's, the vault's and NER's.

A known last name in the plural ("the Lindqvists", "the Walshes", "the Lindqvists' dog") becomes its
pseudonym in the plural: "s" appended, "es" after s, x, z, ch and sh ("the Trevinos", "the Cervanteses").
"""

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from meow.anonymize.key import keyed_int
from meow.anonymize.names import (
    casing_like,
    initials,
    is_everyday_word,
    is_function_or_chat_word,
    is_placeholder,
    key,
    name_tokens,
    split_pieces,
)
from meow.anonymize.nicknames import aliases
from meow.anonymize.vault import Vault

FIRST, LAST = "PERSON_FIRST", "PERSON_LAST"
_SPACE = re.compile(r"(\s+)")
AFFIX = 3  # real parts this long or longer may not start or end a pseudonym, nor be started by one
_RANDOM_TRIES = 64  # keyed draws before a keyed scan of the whole list


@lru_cache(maxsize=1)
def name_lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Faker's US first and last names, without those that are everyday words ("Will", "Hope")."""
    from faker.providers.person.en_US import Provider

    def clean(names: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(n for n in set(names) if n.isalpha() and not is_everyday_word(n)))

    return clean(Provider.first_names), clean(Provider.last_names)


@lru_cache(maxsize=1)
def _gendered() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    from faker.providers.person.en_US import Provider

    female, male = frozenset(Provider.first_names_female), frozenset(Provider.first_names_male)
    firsts = name_lists()[0]
    return (
        frozenset(n.lower() for n in female - male),
        frozenset(n.lower() for n in male - female),
        tuple(n for n in firsts if n in female and n not in male),
        tuple(n for n in firsts if n in male and n not in female),
    )


def _same_gender(k: str) -> tuple[str, ...]:
    """Female first names for a name that is usually female, male for male; () when unknown."""
    female_keys, male_keys, female, male = _gendered()
    return female if k in female_keys else male if k in male_keys else ()


class PersonPseudonyms:
    """Real name (or part) -> pseudonym, consistent across threads and runs with the same key and vault."""

    def __init__(
        self,
        secret: bytes,
        vault: Vault,
        export_names: Iterable[str] = (),
        reals: Iterable[str] = (),
        english: Callable[[str], bool] | None = None,
    ) -> None:
        """`reals`: other real names (NER finds), forbidden before the export's names get pseudonyms;
        `english`: the detector's English word test, so nicknames are derived as the detector derives them
        (meow.anonymize.nicknames.aliases)."""
        self.secret = secret
        self.vault = vault
        self.first: dict[str, str] = vault.entries.setdefault(FIRST, {})
        self.last: dict[str, str] = vault.entries.setdefault(LAST, {})
        self.taken = {key(p) for p in (*self.first.values(), *self.last.values())}
        self.forbidden = {key(r) for r in vault.real_identifiers()}
        self.real_parts: set[str] = set()  # folded real name pieces of >= AFFIX letters
        self._real_affixes: set[str] = set()  # their prefixes and suffixes of >= AFFIX letters
        for kind in ("PERSON", FIRST, LAST):
            self._add_real_parts(vault.entries.get(kind, {}))
        self.aliases = aliases(export_names := list(export_names), english)
        self.initials_of = {key(i): name_tokens(n)[0] for n in export_names if (i := initials(n))}
        self.first_keys: set[str] = set()
        self.last_keys: set[str] = set()
        self._part_keys: frozenset[str] | None = None
        self.text_firsts: set[str] = set()  # first and last words of full names met in the text (NER)
        self.text_lasts: set[str] = set()
        self.forbid(reals)
        names = sorted({n for n in export_names if not is_placeholder(n)})
        for name in names:
            self._learn(name)
        for name in names:
            self.register(name)

    def _learn(self, name: str) -> None:
        tokens = name_tokens(name)
        for i, token in enumerate(tokens):
            keys = {key(p) for p in split_pieces(token) if p.isalpha() or len(p) > 1}
            (self.last_keys if i and i == len(tokens) - 1 else self.first_keys).update(keys)
            self.forbidden |= keys
            self.forbidden |= {key(token)}
        self._add_real_parts([name])

    def forbid(self, reals: Iterable[str]) -> None:
        """Real names found in the text (by NER): no pseudonym may be one of them, or look like one."""
        reals = list(reals)
        for real in reals:
            tokens = name_tokens(real)
            for token in tokens:
                self.forbidden |= {key(p) for p in split_pieces(token)}
            if len(tokens) > 1:  # "Jessica Alvarez": a lone "Alvarez" is then her last name
                self.text_firsts.add(key(tokens[0]))
                self.text_lasts.add(key(tokens[-1]))
        self._add_real_parts(reals)

    def _add_real_parts(self, reals: Iterable[str]) -> None:
        for real in reals:
            for piece in re.split(r"[^\w]+|_|\d", key(real)):
                if len(piece) >= AFFIX and piece not in self.real_parts:
                    self.real_parts.add(piece)
                    self._real_affixes |= {piece[:n] for n in range(AFFIX, len(piece) + 1)}
                    self._real_affixes |= {piece[-n:] for n in range(AFFIX, len(piece) + 1)}

    def holds_real_part(self, text: str) -> bool:
        """Whether a real name part of >= AFFIX letters is anywhere inside `text` ("smith" in
        "Smithtown")."""
        folded = key(text)
        return any(part in folded for part in self.real_parts)

    def looks_real(self, candidate: str) -> bool:
        """Whether a piece of `candidate` starts or ends with a real part, or starts or ends one."""
        for piece in re.split(r"[^\w]+", key(candidate)):
            if piece in self.forbidden or piece in self._real_affixes:
                return True
            ends = range(AFFIX, len(piece))
            if any(piece[:n] in self.real_parts or piece[-n:] in self.real_parts for n in ends):
                return True
        return False

    def register(self, real: str) -> str:
        """The pseudonym of a full name or part, recorded in the vault with its parts."""
        tokens = name_tokens(real)
        pseudonym = self.replace(" ".join(tokens))
        if key(pseudonym) != key(" ".join(tokens)):  # "k PM" (chat words only) has no pseudonym
            self.vault.add("PERSON", " ".join(tokens), pseudonym)
        if len(tokens) > 1:
            for token, fake in zip(tokens, pseudonym.split(" "), strict=False):
                if key(token) != key(fake):
                    self.vault.add("PERSON", token, fake)
        return pseudonym

    def replace(self, surface: str) -> str:
        """The pseudonym of a name as written in a message, keeping its spacing, hyphens and casing."""
        whole = self.initials_of.get(key(surface)) if surface.isupper() else None
        if whole:  # "AM" for Anne-Marie -> the initials of her pseudonym's first name
            return initials(self.replace(whole)) or surface
        parts = _SPACE.split(surface)
        words = [i for i, p in enumerate(parts) if p.strip() and not self._not_a_name(p)]
        for n, i in enumerate(words):
            joined = self._joined(parts[i])
            if joined is not None:
                parts[i] = joined
                continue
            role = self._role(parts[i], n, len(words))
            parts[i] = "".join(self._piece(p, role) for p in split_pieces(parts[i]))
        return "".join(parts)

    def _joined(self, word: str) -> str | None:
        """A handle of 2+ known name parts run together, each part replaced as itself, separators, digits
        and casing kept: "robertsmith" -> "danielortiz", "robert_smith92" -> "daniel_ortiz92", "ZOEMuller"
        -> "KARENOrtiz", so one person gets one handle fake however it is written. None for other words."""
        core, tail = word, ""
        if word[-2:].lower() in ("'s", "’s"):
            core, tail = word[:-2], word[-2:]
        chunks = re.split(r"([^\W\d_]+)", core)
        runs = [(i, _segment(key(c), self.part_keys)) for i, c in enumerate(chunks) if i % 2]
        pieces = [p for _, segments in runs for p in segments or ()]
        if len(pieces) < 2 or any(segments is None for _, segments in runs):
            return None
        position = 0
        for i, segments in runs:
            out, offset = [], 0
            for k in segments or ():
                real = chunks[i][offset : offset + len(k)]
                role = self._piece_role(k, position, len(pieces))
                out.append(casing_like(real, self._part(k, role)))
                offset, position = offset + len(k), position + 1
            chunks[i] = "".join(out)
        return "".join(chunks) + tail

    @property
    def part_keys(self) -> frozenset[str]:
        """Every export name part and nickname (folded) a handle may be made of."""
        if self._part_keys is None:
            keys = self.first_keys | self.last_keys | set(self.aliases)
            self._part_keys = frozenset(k for k in keys if len(k) > 1)
        return self._part_keys

    def _not_a_name(self, word: str) -> bool:
        """A chat or function word that no one in the export is called ("lol", "k"), kept as it is; "Ty",
        "Ayo", "Can" or "Made" of a participant get a pseudonym like any name."""
        core = word.strip(".,!?;:")  # `key` drops a possessive: "Ty's" is Ty
        return is_function_or_chat_word(core) and key(core) not in self.part_keys

    def _piece_role(self, k: str, position: int, count: int) -> str:
        if k in self.last_keys and k not in self.first_keys:
            return LAST
        if k in self.last_keys and position == count - 1 and position > 0:
            return LAST
        return FIRST

    def _role(self, word: str, position: int, count: int) -> str:
        if count > 1:
            return LAST if position == count - 1 and position > 0 else FIRST
        k = key(word)
        if k in self.first_keys:
            return FIRST
        return LAST if k in self.last_keys or (k in self.text_lasts and k not in self.text_firsts) else FIRST

    def _piece(self, piece: str, role: str) -> str:
        core = piece.rstrip(".,!?;:")
        if len(core) < 2 or not core[0].isalpha() or self._not_a_name(core):
            return piece
        possessive = ""
        for suffix in ("'s", "’s", "'", "’"):
            if core.lower().endswith(suffix) and len(core) > len(suffix) + 1:
                core, possessive = core[: -len(suffix)], core[-len(suffix) :]
                break
        stem = self._plural_stem(key(core))
        fake = plural(self._part(stem, LAST)) if stem else self._part(key(core), role)
        return casing_like(core, fake) + possessive + piece[len(core) + len(possessive) :]

    def _plural_stem(self, k: str) -> str | None:
        """ "lindqvists" -> "lindqvist", "walshes" -> "walsh": a known last name + s/es, when the word
        is not itself a name of the export ("Jules" stays Jules when Jules is a participant)."""
        if k in self.first_keys or k in self.last_keys or k in self.aliases:
            return None
        for ending in ("es", "s"):
            stem = k[: -len(ending)]
            if k.endswith(ending) and len(stem) >= 2 and self._role(stem, 0, 1) == LAST:
                return stem
        return None

    def _part(self, k: str, role: str) -> str:
        table = self.first if role == FIRST else self.last
        if role == FIRST:
            k = self.aliases.get(k, k)  # "rob" -> "robert": a nickname gets the name's pseudonym
        if k not in table:
            table[k] = self._pick(k, role)
            self.taken.add(key(table[k]))
        return table[k]

    def invented(self, seed: str) -> str:
        """A full name for someone who is not in the data (the person in a fake e-mail address)."""
        return f"{self._pick('~' + seed, FIRST)} {self._pick('~' + seed, LAST)}"

    def _pick(self, k: str, role: str) -> str:
        """A free name drawn by the key: same-gender first names first, then any first name; a name that
        only looks like a real one (see `looks_real`) is the last resort, before giving up."""
        firsts, lasts = name_lists()
        pools = [_same_gender(k), firsts] if role == FIRST else [lasts]
        for strict in (True, False):
            for choices in (p for p in pools if p):
                found = self._draw(choices, k, role, strict)
                if found:
                    return found
        raise RuntimeError("ran out of pseudonyms")  # 650 first and 966 last names: only with huge exports

    def _draw(self, choices: tuple[str, ...], k: str, role: str, strict: bool) -> str | None:
        """Keyed draws, then a scan from the last draw: the same key and names give the same pick."""
        for i in self._order(len(choices), k, role):
            folded = key(choices[i])
            free = folded not in self.taken and folded not in self.forbidden
            if free and not (strict and self.looks_real(folded)):
                return choices[i]
        return None

    def _order(self, size: int, k: str, role: str) -> Iterator[int]:
        draw = 0
        for attempt in range(_RANDOM_TRIES):
            draw = keyed_int(self.secret, role, k, str(attempt)) % size
            yield draw
        yield from ((draw + i) % size for i in range(1, size + 1))


def plural(name: str) -> str:
    """ "Trevino" -> "Trevinos", "Cervantes" -> "Cervanteses", "Walsh" -> "Walshes"."""
    return name + ("es" if name.lower().endswith(("s", "x", "z", "ch", "sh")) else "s")


def _segment(run: str, keys: frozenset[str]) -> list[str] | None:
    """`run` as known name parts laid end to end, longest first ("robertsmith" -> robert, smith)."""
    if not run:
        return []
    for length in range(len(run), 1, -1):
        if run[:length] in keys:
            rest = _segment(run[length:], keys)
            if rest is not None:
                return [run[:length], *rest]
    return None
