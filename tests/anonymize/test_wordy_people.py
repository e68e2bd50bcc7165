"""Names that are also everyday words, where the sentence shows a person: in a list of people, alone in a
message, called at the end after a comma; words the model has never seen where a name goes ("bartosz is
out sick"), not misspellings; and short forms of the export's first names ("Fern" for Fernanda).
Everyday words that are given names of people the export does not name ("brook", "cash") count only with
a strong cue: a verb that takes a person, "X and i", a request, "tell X"; any other noun only with a cue
no thing takes ("Silence said she'll babysit"). Words no dictionary knows count where the sentence shows a
person ("Hiba sent her mum's recipe").
The same words used as words stay."""

import pytest

from meow.anonymize.detect import Detector
from meow.anonymize.guard import shared_analyzer
from meow.anonymize.names import fold

NAMES = {
    "Robert Smith",
    "Fernanda Quiroga",
    "Glenys Marwood",
    "Theodore Ashcombe",
    "Sage Holloway",
    "Celestina Okoro-Vane",
}


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(NAMES, analyzer=shared_analyzer())


def found(detector: Detector, text: str) -> set[str]:
    """The words inside what the detector found."""
    spans = (fold(text[r.start : r.end]).removesuffix("'s") for r in detector.detect([text])[0])
    return {w for span in spans for w in span.split()}


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("Robert and holly are coming", "holly"),
        ("jessica and ruby are coming at 8", "ruby"),
        ("Robert, nick, dinner sunday?", "nick"),
        ("Brook + Robert = chaos", "brook"),
        ("robert x amber collab when", "amber"),
        ("ivy heyyy", "ivy"),
        ("holly lol", "holly"),
        ("DAISY 😭😭", "daisy"),
        ("see u there, ruby!", "ruby"),
        ("tell fern i said hi", "fern"),
        ("Glen is coming tonight", "glen"),
        ("theo's car broke down", "theo"),
        ("cel did u watch the finale", "cel"),
        ("brook ordered pizza for everyone", "brook"),
        ("sage babe u left ur scarf", "sage"),
        ("Sage where r u", "sage"),
        ("Bridget got a puppy!!!", "bridget"),
        ("Daisy u free this weekend?", "daisy"),
        ("june is bringing the speaker.", "june"),
        ("is it just me or is ivy acting weird", "ivy"),
        ("Jack of all trades lol, jack fixes everything", "jack"),
        ("Siobhan added holly to the group.", "holly"),
        ("i'm telling chase 😤", "chase"),
        ("Buck finally paid me back", "buck"),
        ("pls don't tell miles about the surprise", "miles"),
        ("Penny and i r done lol", "penny"),
        ("olive call me back when u can", "olive"),
        ("bartosz is out sick today", "bartosz"),
        ("Hùng pls reply to the group", "hung"),
        ("soo-ah why are u awake", "soo-ah"),
        ("Peace is the funniest person i know", "peace"),
        ("Justice got promoted!!", "justice"),
        ("Silence is my cousin", "silence"),
        ("Fortune got married!!", "fortune"),
        ("Charity won't stop talking about crypto", "charity"),
        ("bro Min-jun just walked into the lecture", "min-jun"),
        ("Pepper are u coming tonight or nah", "pepper"),
        ("mercy ur typing so fast", "mercy"),
        ("Candy i found ur airpods in my bag", "candy"),
        ("Dakota texted me back", "dakota"),
        ("nah cheyenne said she's sick", "cheyenne"),
        ("grace and tyler brennaman broke up", "brennaman"),
        ("grace and tyler brennaman broke up", "tyler"),
        ("Robert kettleborough's here", "kettleborough"),
        ("I met Patience Okafor at the gym", "okafor"),
        ("Chidinma wins best dressed", "chidinma"),
        ("text kettleborough and ask where the party is", "kettleborough"),
        ("Hiba sent her mum's recipe 😍", "hiba"),
        ("sekou and i had the same idea", "sekou"),
        ("Rupa are u coming tonight or not", "rupa"),
        ("Silence said she'll babysit", "silence"),
        ("bank said he'd come later", "bank"),
        ("Beauty is visiting her mum this weekend", "beauty"),
        ("Tin said the tea shop is closing", "tin"),
        ("my cousin Ocean is visiting from tel aviv", "ocean"),
        ("Sokha and Bopha are sisters right?", "sokha"),
        ("kilbride's mum makes the best jollof", "kilbride"),
        ("thanks ZHENYA ❤️", "zhenya"),
        ("Meron made injera from scratch", "meron"),
        ("Kaveh is doing a persian night at his restaurant", "kaveh"),
        ("Rune from work invited us to a cabin trip", "rune"),
        ("Fortune from uni got married!!", "fortune"),
        ("Porter happy birthday!!!! 🎂🎉", "porter"),
        ("sage don't forget the pan u borrowed", "sage"),
        ("where is sage we're all waiting outside", "sage"),
        ("sage wyd", "sage"),
        ("lol sage just left the party", "sage"),
        ("sage really is the best", "sage"),
    ],
)
def test_a_person_is_found(detector: Detector, line: str, person: str) -> None:
    assert person in found(detector, line)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Robert and the twins are coming", "the"),
        ("robert and i will be there", "will"),
        ("Robert and me are going", "me"),
        ("rose gold or silver?", "silver"),
        ("i hope so", "hope"),
        ("she has so much grace", "grace"),
        ("the holly and the ivy", "holly"),
        ("the fern in my room is dying", "fern"),
        ("summer vibes ☀️", "summer"),
        ("Storm hit the coast last night", "storm"),
        ("add sage to the soup", "sage"),
        ("Traffic is driving me crazy", "traffic"),
        ("Work called, gotta go", "work"),
        ("i added salt to the soup", "salt"),
        ("Money talks", "money"),
        ("mom says hi", "mom"),
        ("peace is the goal", "peace"),
        ("justice was served", "justice"),
        ("i was so naïve lol", "naive"),
        ("mark ur calendar", "mark"),
        ("chase ur dreams", "chase"),
        ("dot ur i's", "dot"),
        ("it was a well-known fact", "well-known"),
        ("Hazel eyes run in my family", "hazel"),
        ("ok, rain is coming", "rain"),
        ("wait, storm is coming", "storm"),
        ("is pepper spray legal", "pepper"),
        ("Max speed on the treadmill", "max"),
        ("Cash is king", "cash"),
        ("Price went up again", "price"),
        ("autumn leaves", "autumn"),
        ("Rock climbing tomorrow?", "rock"),
        ("tell the truth", "truth"),
        ("tomorow is fine", "tomorow"),
        ("k high later close", "high"),
        ("omg #markmywords lol", "markmywords"),
        ("insta", "insta"),
        ("finna sleep", "finna"),
        ("recieved it thanks", "recieved"),
        ("definately coming tonight", "definately"),
        ("Golf is his thing", "golf"),
        ("Traffic made him late again", "traffic"),
        ("Rain ruined her hair", "rain"),
        ("the forecast said it'll rain", "forecast"),
        ("Work is driving me mad", "work"),
        ("my baby shower is on saturday", "shower"),
        ("dont tell mum", "dont"),
        ("my dog's mum was a champion", "dog"),
        ("thanks team 🙌", "team"),
        ("Spotify is down again", "spotify"),
        ("Becuase it was raining", "becuase"),
        ("Prices went up again", "prices"),
        ("Stress from work is killing me", "stress"),
        ("Sunday happy hour?", "sunday"),
        ("theres a cat outside", "theres"),
        ("youre so late lol", "youre"),
        ("Time will tell", "time"),
        ("i will just be there", "will"),
        ("Time really flies", "time"),
    ],
)
def test_the_word_stays(detector: Detector, line: str, word: str) -> None:
    assert word not in found(detector, line)


def test_a_word_name_found_as_a_person_spreads_only_where_it_reads_as_a_name(detector: Detector) -> None:
    from meow.anonymize.propagate import propagate

    """Once the export shows a Brook, "brook" reads as the export's own names do: "i love brook" is her, "the
    brook" and "a brook" are not."""
    texts = [
        "brook ordered pizza for everyone", "hey brook", "i love brook", "we walked along the brook",
        "there's a brook behind the house",
    ]  # fmt: skip
    spread = propagate(dict(zip(texts, detector.detect(texts), strict=True)), words=detector.words)
    people = {t for t, found in spread.items() if any(r.entity_type == "PERSON" for r in found)}
    assert people == {"brook ordered pizza for everyone", "hey brook", "i love brook"}


def test_a_guessed_name_that_is_a_word_stays_a_word_elsewhere_and_the_self_check_agrees(
    detector: Detector,
) -> None:
    from types import SimpleNamespace

    from meow.anonymize.selfcheck import LeakScanner, checked_identifiers, person_identifiers
    from meow.anonymize.textpass import anonymize_texts
    from meow.anonymize.vault import Vault

    texts = ["Pierce Okafor texted me", "pls pierce the film first", "Pierce Okafor said hi"]
    vault = Vault()
    cfg = SimpleNamespace(batch_size=64, n_process=1)
    result = anonymize_texts(texts, set(NAMES), b"k" * 32, vault, None, cfg, detector=detector)
    out = result.texts
    assert "okafor" not in fold(out["Pierce Okafor texted me"])
    assert out["pls pierce the film first"] == "pls pierce the film first"
    scanner = LeakScanner(checked_identifiers(vault, result.words), result.words, person_identifiers(vault))
    assert sum(scanner.count(t) for t in out.values()) == 0
    assert scanner.count("Pierce Okafor was here") == 1


def test_a_clipped_first_name_gets_the_first_names_pseudonym(detector: Detector) -> None:
    from types import SimpleNamespace

    from meow.anonymize.textpass import anonymize_texts
    from meow.anonymize.vault import Vault

    texts = ["Celestina Okoro-Vane is here", "cel did u watch the finale"]
    cfg = SimpleNamespace(batch_size=64, n_process=1)
    out = anonymize_texts(texts, set(NAMES), b"k" * 32, Vault(), None, cfg, detector=detector).texts
    first_fake = out["Celestina Okoro-Vane is here"].split()[0]
    assert out["cel did u watch the finale"] == f"{first_fake.lower()} did u watch the finale"


def test_two_people_side_by_side_stay_two_names_in_the_vault(detector: Detector) -> None:
    """A participant and another given name next to each other ("robert jessica") are two people: merged,
    the vault would hold "robert jessica", which no other text replaces, and the self-check would fail."""
    from types import SimpleNamespace

    from meow.anonymize.textpass import anonymize_texts
    from meow.anonymize.vault import Vault

    vault = Vault()
    cfg = SimpleNamespace(batch_size=64, n_process=1)
    texts = ["ok so robert jessica and i are here"]
    found = detector.detect(texts)[0]
    assert [texts[0][r.start : r.end] for r in found] == ["robert", "jessica"]
    anonymize_texts(texts, set(NAMES), b"k" * 32, vault, None, cfg, detector=detector)
    assert "robert jessica" not in {fold(real) for real in vault.entries.get("PERSON", {})}


def test_a_derived_nickname_that_is_an_english_word_is_replaced_only_as_a_name() -> None:
    """meow derives "Ken" from Kenneth; "ken" is a Scots word too, so it counts only where it is
    used as a name ("does he ken"), and the self-check, which knows it as a word, counts no leak there."""
    from types import SimpleNamespace

    from meow.anonymize.selfcheck import LeakScanner, checked_identifiers, person_identifiers
    from meow.anonymize.textpass import anonymize_texts
    from meow.anonymize.vault import Vault

    names = {"Kenneth Ruthvenlaw", "Robert Smith"}
    detector = Detector(names, analyzer=shared_analyzer())
    texts = ["Kenneth Ruthvenlaw is here", "does he ken about the party?", "tell ken i said hi"]
    vault = Vault()
    cfg = SimpleNamespace(batch_size=64, n_process=1)
    result = anonymize_texts(texts, names, b"k" * 32, vault, None, cfg, detector=detector)
    assert result.texts["does he ken about the party?"] == "does he ken about the party?"
    assert "ken" not in fold(result.texts["tell ken i said hi"]).split()
    scanner = LeakScanner(checked_identifiers(vault, result.words), result.words, person_identifiers(vault))
    assert sum(scanner.count(t) for t in result.texts.values()) == 0


def test_a_derived_nickname_that_reads_as_a_word_is_replaced_only_as_a_name() -> None:
    """meow derives "Kay" from Kayode; no dictionary lists "kay", but its vector reads as a word (okay), so
    it counts only where it is used as a name, and the self-check counts no leak in "kay cool"."""
    from types import SimpleNamespace

    from meow.anonymize.selfcheck import LeakScanner, checked_identifiers, person_identifiers
    from meow.anonymize.textpass import anonymize_texts
    from meow.anonymize.vault import Vault

    names = {"Kayode Olabanwo", "Robert Smith"}
    detector = Detector(names, analyzer=shared_analyzer())
    words = ["kay see u at 8 then", "kay cool"]
    people = ["Kay are u coming tonight", "tell kay i said hi", "Kay's car is outside"]
    vault = Vault()
    cfg = SimpleNamespace(batch_size=64, n_process=1)
    texts = ["Kayode Olabanwo is here", *words, *people]
    result = anonymize_texts(texts, names, b"k" * 32, vault, None, cfg, detector=detector)
    assert [result.texts[t] for t in words] == words
    assert all("kay" not in fold(result.texts[t]).replace("'", " ").split() for t in people)
    scanner = LeakScanner(checked_identifiers(vault, result.words), result.words, person_identifiers(vault))
    assert sum(scanner.count(t) for t in result.texts.values()) == 0


def test_a_name_ner_once_took_for_a_place_spreads_as_the_person_it_mostly_is() -> None:
    """NER called "Ailsa" a place in one line and a person in two: spread, it stays a person everywhere."""
    from presidio_analyzer import RecognizerResult

    from meow.anonymize.propagate import propagate

    def guess(entity: str) -> list[RecognizerResult]:
        return [RecognizerResult(entity, 0, 5, 0.85)]

    found = {
        "Ailsa u legend": guess("LOCATION"),
        "Ailsa is so funny": guess("PERSON"),
        "Ailsa said no": guess("PERSON"),
        "ask Ailsa, they booked it": [],
    }
    spread = propagate(found)
    assert {r.entity_type for results in spread.values() for r in results} == {"PERSON"}
    assert len(spread["ask Ailsa, they booked it"]) == 1


def test_a_place_ner_guessed_in_a_list_of_people_is_a_person() -> None:
    from presidio_analyzer import RecognizerResult

    from meow.anonymize.name_context import coordinated

    text = "Zhenya and Misha are coming to the banya"
    chosen = [RecognizerResult("LOCATION", 0, 6, 0.85), RecognizerResult("PERSON", 11, 16, 0.85)]
    assert [r.entity_type for r in coordinated(text, chosen, lambda w: False)] == ["PERSON", "PERSON"]
    trip = "we flew to Oslo with Misha"
    chosen = [RecognizerResult("LOCATION", 11, 15, 0.85), RecognizerResult("PERSON", 21, 26, 0.85)]
    assert [r.entity_type for r in coordinated(trip, chosen, lambda w: False)] == ["LOCATION", "PERSON"]


def test_a_name_written_with_its_accents_is_the_name_whatever_word_it_folds_to() -> None:
    """Máté folds to "mate": "my mate from work" is a word, but "Máté", accents and all, is him."""
    detector = Detector({"Máté Kovácsik", "Robert Smith"}, analyzer=shared_analyzer())
    assert "mate" in found(detector, "Máté we're all going right")
    assert "mate" not in found(detector, "my mate from work is coming")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Kerem is Can's cousin?", True),
        ("hiii thanks Can 🙏", True),
        ("Luíza and Can are cooking together", True),
        ("Can u come tonight?", False),
        ("can u come tonight", False),
        ("i can't come. Can we do sunday", False),
        ("WHO CAN COME", False),
    ],
)
def test_a_name_that_is_a_function_word_counts_only_written_as_one(
    can_detector: Detector, line: str, name: bool
) -> None:
    """A participant named Can: "can" is everywhere, so only "Can" with a capital inside a sentence is him."""
    assert ("can" in found(can_detector, line)) is name


@pytest.fixture(scope="module")
def can_detector() -> Detector:
    return Detector({"Can Aydınkaya", "Robert Smith"}, analyzer=shared_analyzer())


@pytest.fixture(scope="module")
def ty_detector() -> Detector:
    return Detector({"Ty Pemblewick", "Robert Smith"}, analyzer=shared_analyzer())


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("someone tell Ty the match starts at 8", True),
        ("@ty where r u hiding", True),
        ("i'm at Ty's", True),
        ("Ty are u coming or what", True),
        ("nah Ty is right tbh", True),
        ("lol Ty said the van smells like fish", True),
        ("happy birthday ty!!", True),
        ("ty for the lift", False),
        ("ty so much!!", False),
        ("ok ty 👍", False),
        ("TY TY TY", False),
        ("ty x", False),
        ("ty u saved me", False),
    ],
)
def test_a_name_that_is_a_chat_word_counts_only_where_the_sentence_shows_a_person(
    ty_detector: Detector, line: str, name: bool
) -> None:
    """A participant named Ty: "ty" is thanks in chat, so only a cue ("tell", "@", "'s", a verb he is the
    subject of, words for the one spoken to) makes it him. Before, his first name alone was never found."""
    assert ("ty" in found(ty_detector, line)) is name


@pytest.fixture(scope="module")
def dang_detector() -> Detector:
    return Detector({"Hương Đặng", "Robert Smith"}, analyzer=shared_analyzer())


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Dang got a parking ticket", True),
        ("tell Dang i said hi", True),
        ("@dang look at this", True),
        ("dang it i forgot my keys", False),
        ("dang thats rough", False),
        ("DANG that's a lot of money", False),
    ],
)
def test_a_name_that_folds_to_an_interjection_counts_only_where_the_sentence_shows_a_person(
    dang_detector: Detector, line: str, name: bool
) -> None:
    """Đặng written without its accents is "dang", which chat says as "damn": like "ty", only a cue makes it
    the person. Before, every "dang it" was replaced."""
    assert ("dang" in found(dang_detector, line)) is name


def test_a_guessed_name_that_ner_mostly_calls_no_one_spreads_only_as_a_name(detector: Detector) -> None:
    """NER took "Goodluck" for a person once, but not in its other capitalised uses: it is a word of this
    export too, so "goodluck tomorrow!!" stays while "thanks goodluck" is still replaced."""
    from presidio_analyzer import RecognizerResult

    from meow.anonymize.propagate import ner_values
    from meow.anonymize.textpass import consistency_pass, doubtful_guesses

    found = {
        "Goodluck fixed my car for free": [RecognizerResult("PERSON", 0, 8, 0.85)],
        "Goodluck on ur exam babe": [],
        "Goodluck everyone, see u on the other side": [],
        "Goodluck to everyone sitting their test": [],
        "goodluck tomorrow!!": [],
        "thanks goodluck 🙏": [],
    }
    assert doubtful_guesses(found, detector, ner_values(found, "PERSON")) == {"goodluck"}
    spread, words = consistency_pass(found, detector)
    assert "goodluck" in words
    assert spread["goodluck tomorrow!!"] == []
    assert [r.entity_type for r in spread["thanks goodluck 🙏"]] == ["PERSON"]
    named = dict(found, **{"Goodluck is here": [RecognizerResult("PERSON", 0, 8, 0.85)]})
    named |= {"Goodluck said hi": [RecognizerResult("PERSON", 0, 8, 0.85)]}
    named |= {"Goodluck won": [RecognizerResult("PERSON", 0, 8, 0.85)]}
    assert (
        doubtful_guesses(named, detector, ner_values(named, "PERSON")) == set()
    )  # a person in 4 of 7: a name


@pytest.fixture(scope="module")
def job_detector() -> Detector:
    """Participants called Job and Mason; the export's messages show "mason" as a word ("a mason jar")."""
    texts = ["i bought a mason jar", "the mason jars are on the shelf"]
    names = {"Job Wissekerke", "Mason Trevithick", "Robert Smith"}
    return Detector(names, analyzer=shared_analyzer(), texts=texts)


@pytest.mark.parametrize(
    ("line", "word", "name"),
    [
        ("Job interview tomorrow, wish me luck", "job", False),
        ("Job hunting is exhausting", "job", False),
        ("Mason jars are so cute", "mason", False),
        ("Job is at the door", "job", True),
        ("tell Job i said hi", "job", True),
        ("Job Wissekerke called", "wissekerke", True),
        ("Mason said he's running late", "mason", True),
        ("Mason u coming?", "mason", True),
    ],
)
def test_the_exports_word_name_before_a_noun_it_qualifies_is_the_word(
    job_detector: Detector, line: str, word: str, name: bool
) -> None:
    """Opening a sentence before a common noun, the export's everyday-word names describe a thing ("Job
    interview", "Mason jars"), as other people's names already did ("Hazel eyes"); the same names as the
    subject, spoken to or with their surname are still people."""
    assert (word in found(job_detector, line)) is name
