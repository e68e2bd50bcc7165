"""Chat lines -> what `meow anonymize` replaces: names in every form, everyday words left alone, PII."""

import re
from types import SimpleNamespace
from typing import Any

import pytest

from meow.anonymize.detect import Detector
from meow.anonymize.guard import shared_analyzer
from meow.anonymize.names import fold
from meow.anonymize.textpass import anonymize_texts
from meow.anonymize.vault import Vault

NAMES = {
    "Robert Smith",
    "Zoë Müller",
    "Anne-Marie Dubois",
    "Will Harper",
    "May Chen",
    "Mark Evans",
    "Bill Hayes",
}
SECRET = b"k" * 32
CFG = SimpleNamespace(batch_size=64, n_process=1)


@pytest.fixture(scope="session")
def detector() -> Detector:
    """The real md model through Presidio, loaded once for the whole session (shared with the audit tests)."""
    return Detector(NAMES, analyzer=shared_analyzer())


def run(detector: Detector, texts: list[str], secret: bytes = SECRET, vault: Vault | None = None) -> Any:
    return anonymize_texts(texts, set(NAMES), secret, vault or Vault(), None, CFG, detector=detector)


def contains(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(word))}(?!\w)", fold(text)) is not None


# (line, real forms that must be gone, words that must stay)
NAME_LINES = [
    ("Robert Smith is here", ["Robert", "Smith"], ["is here"]),
    ("robert's car broke down", ["robert"], ["'s car"]),
    ("ROBERT!!! where are you", ["ROBERT"], ["where are you"]),
    ("ok rob", ["rob"], ["ok"]),
    ("Rob's famous chili tonight", ["Rob"], ["famous chili"]),
    ("zoe and Zoë and ZOË", ["zoe"], ["and"]),
    ("Zoe Muller sent it", ["Zoe", "Muller"], ["sent it"]),
    ("Anne-Marie's party", ["Anne", "Marie"], ["party"]),
    ("tell anne i said hi", ["anne"], ["tell", "i said hi"]),
    ("tell Will i said hi", ["Will"], ["tell", "i said hi"]),
    ("Will: on my way", ["Will"], ["on my way"]),
    ("happy birthday will!!", ["will"], ["happy birthday"]),
    ("Will's in", ["Will"], ["in"]),
    ("hey Mark how are you", ["Mark"], ["how are you"]),
    ("ok may", ["may"], ["ok"]),
    ("I asked Bill Hayes about it", ["Bill", "Hayes"], ["about it"]),
    ("hey AM!! how's it going", ["AM"], ["hey", "how's it going"]),
    ("met Jessica Alvarez at the gym", ["Jessica", "Alvarez"], ["at the gym"]),
]
EVERYDAY_LINES = [
    "i will be there around 7",
    "Will you be around sunday?",
    "the electricity bill is due",
    "mark my words, it will rain",
    "did you mark it on the calendar?",
    "may I borrow your drill?",
    "it may rain on saturday",
    "the concert is in May",
    "lol ok haha",
    "see you at 7 AM",
    "I AM so done",
    "she lost her pearl earrings",
]
PII_LINES = [
    ("call me at 415-555-0132", "415-555-0132", "PHONE_NUMBER"),
    ("my number is (415) 555-0173", "(415) 555-0173", "PHONE_NUMBER"),
    ("text 555.013.4471 later", "555.013.4471", "PHONE_NUMBER"),
    ("uk mobile +44 7700 900123", "+44 7700 900123", "PHONE_NUMBER"),
    ("or 07700 900456 at home", "07700 900456", "PHONE_NUMBER"),
    ("call +1 (415) 555-0173 now", "+1 (415) 555-0173", "PHONE_NUMBER"),
    ("berlin +49 30 12345678", "+49 30 12345678", "PHONE_NUMBER"),
    ("mail rob.smith84@example.com", "rob.smith84@example.com", "EMAIL_ADDRESS"),
    ("see https://www.facebook.com/robert.smith.5521", "https://www.facebook.com/robert.smith.5521", "URL"),
    ("insta instagram.com/zoe_mueller_draws", "instagram.com/zoe_mueller_draws", "URL"),
    ("I live at 42 Larkspur Lane, Springfield", "42 Larkspur Lane", "STREET_ADDRESS"),
    ("the flat is 17 Quillon Street, Apt 3B", "17 Quillon Street, Apt 3B", "STREET_ADDRESS"),
    ("card 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111", "CREDIT_CARD"),
    ("iban DE89370400440532013000 thanks", "DE89370400440532013000", "IBAN_CODE"),
    ("my server is 192.168.1.20", "192.168.1.20", "IP_ADDRESS"),
]


@pytest.mark.parametrize(("line", "gone", "kept"), NAME_LINES)
def test_names_are_replaced_in_every_form(
    detector: Detector, line: str, gone: list[str], kept: list[str]
) -> None:
    out = run(detector, [line]).texts[line]
    for real in gone:
        assert not contains(out, real), (line, out)
    for word in kept:
        assert word in out, (line, out)


@pytest.mark.parametrize("line", EVERYDAY_LINES)
def test_everyday_words_that_are_names_stay(detector: Detector, line: str) -> None:
    assert run(detector, [line]).texts[line] == line


@pytest.mark.parametrize(("line", "real", "entity"), PII_LINES)
def test_pii_gets_a_fake_of_its_kind(detector: Detector, line: str, real: str, entity: str) -> None:
    result = run(detector, [line])
    out = result.texts[line]
    assert real not in out, out
    assert result.counts[entity] >= 1, (out, result.counts)
    fake = out[line.index(real) :]
    if entity == "PHONE_NUMBER":
        assert sum(c.isdigit() for c in fake.split(" ")[0] + fake) >= 7
    if entity == "EMAIL_ADDRESS":
        assert "@" in fake


def test_casing_possessives_and_parts_stay_consistent(detector: Detector) -> None:
    lines = ["Robert Smith", "robert", "ROBERT", "Robert's", "Smith", "ok rob"]
    out = run(detector, lines).texts
    first, last = out["Robert Smith"].split()
    assert out["robert"] == first.lower()
    assert out["ROBERT"] == first.upper()
    assert out["Robert's"] == f"{first}'s"
    assert out["Smith"] == last
    assert out["ok rob"] == f"ok {first.lower()}"  # a nickname gets the name's pseudonym


def test_same_pseudonyms_across_threads_and_runs_with_the_same_key(detector: Detector) -> None:
    a = run(detector, ["tell Robert Smith hi", "call 415-555-0132"]).texts
    b = run(detector, ["call 415-555-0132", "tell Robert Smith hi"]).texts
    assert a == b
    other = run(detector, ["tell Robert Smith hi"], secret=b"x" * 32).texts
    assert other["tell Robert Smith hi"] != a["tell Robert Smith hi"]


def test_pseudonyms_never_collide_with_real_names_or_each_other(detector: Detector) -> None:
    vault = Vault()
    run(detector, ["hi"], vault=vault)
    fakes = [f for f in vault.entries["PERSON_FIRST"].values()] + list(vault.entries["PERSON_LAST"].values())
    assert len(set(fakes)) == len(fakes)
    real_parts = {fold(p) for n in NAMES for p in re.split(r"[\s-]", n)}
    assert not real_parts & {fold(f) for f in fakes}


def test_words_that_cannot_be_names_get_no_vault_entry(detector: Detector) -> None:
    vault = Vault()
    result = run(detector, ["k PM hope idea it"], vault=vault)
    assert "k PM" not in vault.entries.get("PERSON", {})
    assert result.texts["k PM hope idea it"].startswith("k PM")


@pytest.mark.parametrize(
    ("line", "gone"),
    [("congrats olivia 🎓🎓", "olivia"), ("bruh KWABENA forgot the keys AGAIN", "KWABENA")],
)
def test_given_names_in_lowercase_or_capitals_are_found(detector: Detector, line: str, gone: str) -> None:
    out = run(detector, [line]).texts[line]
    assert not contains(out, gone), out


def test_english_words_that_are_also_given_names_stay(detector: Detector) -> None:
    line = "we need to grant them access before the meeting"
    assert run(detector, [line]).texts[line] == line


@pytest.mark.parametrize(
    ("line", "name_used"),
    [
        ("hey Joy, do u still have my hoodie", True),
        ("thanks sandy!!", True),
        ("omw ROSE", True),
        ("Penny said she's 10 min away", True),
        ("holly called me last night", True),
        ("lol rose is typing", True),  # typing: something a person does (meow.anonymize.person_cues)
        ("lol rose is blooming", False),
        ("she did it with joy", False),
        ("a rose for you", False),
        ("i hope so", False),
        ("prices rose again", False),
    ],
)
def test_everyday_word_names_outside_the_export_need_context(
    detector: Detector, line: str, name_used: bool
) -> None:
    out = run(detector, [line]).texts[line]
    assert (out != line) == name_used, out


@pytest.fixture(scope="module")
def crane_detector() -> Detector:
    """A participant whose surname is an English word that is on no fixed list ("crane")."""
    return Detector({*NAMES, "Tobias Crane"}, analyzer=shared_analyzer())


# (line, whether the participant's surname "Crane" must be replaced)
WORD_SURNAME_LINES = [
    ("Crane said he'd be late", True),
    ("ask crane about the tickets", True),
    ("Tobias Crane sent the photos", True),
    ("a crane fell over on the building site", False),
    ("saw a huge crane at the harbour", False),
]


@pytest.mark.parametrize(("line", "replaced"), WORD_SURNAME_LINES)
def test_a_name_part_that_is_an_english_word_is_checked_in_context(
    crane_detector: Detector, line: str, replaced: bool
) -> None:
    names = {*NAMES, "Tobias Crane"}
    out = anonymize_texts([line], names, SECRET, Vault(), None, CFG, detector=crane_detector).texts[line]
    assert contains(out, "crane") != replaced, out


# (texts of one run, a line in which the word must stay): NER finds a person named after a word in one
# message; the consistency pass must not replace that word everywhere else.
NER_WORD_NAME_RUNS = [
    (["I met Fern Jenkins at the mall", "the fern in the hall is dying"], "the fern in the hall is dying"),
    (["Basil Okonkwo is coming too", "add some basil to the sauce"], "add some basil to the sauce"),
]


@pytest.mark.parametrize(("texts", "kept"), NER_WORD_NAME_RUNS)
def test_a_ner_found_word_name_is_not_spread_to_its_everyday_uses(
    detector: Detector, texts: list[str], kept: str
) -> None:
    out = run(detector, texts).texts
    assert out[kept] == kept
    assert out[texts[0]] != texts[0]


TITLES = ["Quillon Rovers", "Family", "Lol", "Robert and Zoë", "Brøndby"]


@pytest.fixture(scope="module")
def title_detector() -> Detector:
    """A run whose group threads are titled like real groups, a single word, a chat word and two names."""
    return Detector(NAMES, analyzer=shared_analyzer(), titles=TITLES)


def test_a_group_title_typed_in_a_message_gets_a_made_up_group_name(title_detector: Detector) -> None:
    lines = [
        "quillon rovers meetup tonight",
        "QUILLON ROVERS!!",
        "go brondby",
        "Quillon Rovers",
        "Quillon Rovers at 7.30",
    ]
    vault = Vault()
    result = anonymize_texts(
        lines, set(NAMES), SECRET, vault, None, CFG, detector=title_detector, titles=TITLES
    )
    out = result.texts
    assert not any(contains(out[line], w) for line in lines for w in ("quillon", "rovers", "brondby"))
    assert out["quillon rovers meetup tonight"].endswith(" meetup tonight")
    fake = out["Quillon Rovers"]
    assert out["quillon rovers meetup tonight"].startswith(fake.lower())
    assert out["QUILLON ROVERS!!"] == f"{fake.upper()}!!"
    assert {"Quillon Rovers", "brondby"} <= set(vault.entries["GROUP_TITLE"])
    assert not {fold(t) for t in TITLES} & {fold(f) for f in vault.entries["GROUP_TITLE"].values()}


def test_a_one_word_everyday_group_title_stays_a_word(title_detector: Detector) -> None:
    lines = ["family dinner on sunday", "lol ok", "Robert and Zoë are late"]
    vault = Vault()
    out = anonymize_texts(lines, set(NAMES), SECRET, vault, None, CFG, detector=title_detector, titles=TITLES)
    assert out.texts["family dinner on sunday"] == "family dinner on sunday"
    assert out.texts["lol ok"] == "lol ok"
    assert " and " in out.texts["Robert and Zoë are late"] and "GROUP_TITLE" not in vault.entries


@pytest.mark.parametrize(
    ("line", "gone", "kept"),
    [
        ("go #TeamZoë!!", ["TeamZoë", "Zoë"], ["go #Team"]),
        ("follow @RobSmithOfficial", ["Rob", "Smith"], ["Official"]),
        ("#RobertSmith", ["RobertSmith"], ["#"]),
    ],
)
def test_a_name_inside_a_camelcase_hashtag_or_handle_is_replaced(
    detector: Detector, line: str, gone: list[str], kept: list[str]
) -> None:
    out = run(detector, [line]).texts[line]
    assert not any(fold(g) in fold(out) for g in gone), out
    assert all(k in out for k in kept), out


def test_a_gaelic_surname_is_one_name_not_a_camelcase_pair() -> None:
    from meow.anonymize.recognizers.known_names import KnownNameRecognizer

    recognizer = KnownNameRecognizer(["Donald Reyes", "Kenzie Ward"])
    assert recognizer.matches("lunch at McDonald's or MacKenzie's") == []
    assert [m[:2] for m in recognizer.matches("#TeamKenzie")] == [(5, 11)]


@pytest.fixture(scope="module")
def handle_detector() -> Detector:
    """A participant whose first.last handle starts like a domain ("jamie.li": .li is a TLD)."""
    return Detector({*NAMES, "Jamie Lindqvist"}, analyzer=shared_analyzer())


@pytest.mark.parametrize(
    ("line", "gone", "entity"),
    [
        ("dm jamie.lindqvist", ["jamie", "lindqvist", "ndqvist"], "PERSON"),
        ("robert.smith?", ["robert", "smith", "ith"], "PERSON"),
        ("see example.li", ["example.li"], "URL"),
        ("github.io/x", ["github.io/x"], "URL"),
    ],
)
def test_a_first_last_handle_is_a_name_not_a_url_cut_through_it(
    handle_detector: Detector, line: str, gone: list[str], entity: str
) -> None:
    names = {*NAMES, "Jamie Lindqvist"}
    result = anonymize_texts([line], names, SECRET, Vault(), None, CFG, detector=handle_detector)
    out = result.texts[line]
    assert not any(contains(out, g) for g in gone), out
    assert set(result.counts) == {entity}, (out, result.counts)  # no URL cut through the handle
