"""What the text pass does with the names found: NER spans cut to the name, every name forbidden as a fake."""

from types import SimpleNamespace
from typing import Any

from presidio_analyzer import RecognizerResult

from meow.anonymize.detect import _trim
from meow.anonymize.selfcheck import LeakScanner, checked_identifiers, person_identifiers
from meow.anonymize.textpass import anonymize_texts, person_values
from meow.anonymize.vault import Vault


def anonymised(names: set[str], texts: list[str], detector: Any = None) -> tuple[dict[str, str], int, Vault]:
    """The texts as the text pass writes them with a fixed key, the self-check's leak count over them, and
    the vault."""
    vault = Vault()
    cfg = SimpleNamespace(batch_size=64, n_process=1)
    out = anonymize_texts(texts, names, b"k" * 32, vault, None, cfg, detector=detector)
    scanner = LeakScanner(checked_identifiers(vault, out.words), out.words, person_identifiers(vault))
    return out.texts, sum(scanner.count(t) for t in out.texts.values()), vault


def anonymised_by_name_only(names: set[str], texts: list[str]) -> tuple[dict[str, str], int, Vault]:
    """As `anonymised`, with a detector built from `names` alone: the texts' own word uses ("some tucker")
    play no part, so a test sees one rule at a time."""
    from meow.anonymize.detect import Detector
    from meow.anonymize.guard import shared_analyzer

    return anonymised(names, texts, Detector(names, analyzer=shared_analyzer()))


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


def test_a_participant_called_don_leaves_dont_alone_and_the_checks_agree() -> None:
    """ "don't" holds no Don: the detector leaves it, and neither the self-check nor the audit count it."""
    from meow.anonymize.detect import Detector
    from meow.anonymize.guard import shared_analyzer
    from meow.anonymize.vaultmatch import VaultMatcher

    names = {"Don Pikeworth", "Robert Smith"}
    detector = Detector(names, analyzer=shared_analyzer())
    texts = ["Don Pikeworth is here", "DON'T TELL HIM", "i don't know", "thanks Don"]
    out, leaks, vault = anonymised(names, texts, detector)
    assert out["i don't know"] == "i don't know" and out["DON'T TELL HIM"] == "DON'T TELL HIM"
    assert "don" not in out["thanks Don"].lower()
    assert leaks == 0
    matcher = VaultMatcher({kind: list(values) for kind, values in vault.entries.items()})
    assert matcher.find("i don't know") == [] and len(matcher.find("thanks Don")) == 1


def test_a_name_the_export_uses_as_a_word_stays_a_word_there_and_the_self_check_agrees() -> None:
    """A participant called Tucker, and "tucker" (food) in the chat: "some tucker" is no one."""
    names = {"Tucker Brennagh", "Robert Smith"}
    texts = [
        "Tucker Brennagh is here", "bring some tucker for the drive", "the tucker at that pub was great",
        "tell Tucker i said hi",
    ]  # fmt: skip
    out, leaks, _ = anonymised(names, texts)
    assert out["bring some tucker for the drive"] == "bring some tucker for the drive"
    assert out["the tucker at that pub was great"] == "the tucker at that pub was great"
    assert "tucker" not in out["tell Tucker i said hi"].lower()
    assert leaks == 0


def test_a_name_that_is_a_plural_of_a_word_counts_only_as_a_name() -> None:
    """A participant named Ants: "we have ants in the kitchen" is insects; "tell Ants" is him, and the
    self-check, which knows "ants" as a word, counts no leak in the insects."""
    names = {"Ants Kuusemetsa", "Robert Smith"}
    texts = ["Ants Kuusemetsa is here", "we have ants in the kitchen again", "someone tell Ants the news"]
    out, leaks, _ = anonymised(names, texts)
    assert out["we have ants in the kitchen again"] == "we have ants in the kitchen again"
    assert "ants" not in out["someone tell Ants the news"].lower().split()
    assert leaks == 0


def test_a_name_ner_found_that_the_chat_uses_as_a_word_spreads_only_as_a_name() -> None:
    """NER found a Maki; the chat also orders "a maki roll". "maki" is in no English dictionary, but written
    in lowercase after an article twice it is a word of this export: it stays in the sushi and goes in
    "tell Maki" and in "Maki Tanabe", and the self-check agrees."""
    names = {"Robert Smith", "Hideaki Morimoto"}
    words = ["i made a maki roll for lunch", "the maki roll was huge", "the salmon maki was so good"]
    people = ["Maki told me she's moving to Osaka", "tell Maki i said hi", "Maki Tanabe is coming"]
    out, leaks, _ = anonymised(names, [*people, *words])
    assert [out[t] for t in words] == words
    assert all("maki" not in out[t].lower() for t in people)
    assert leaks == 0


def test_one_article_before_a_name_is_not_enough() -> None:
    from meow.anonymize.word_uses import used_as_words

    english = frozenset({"tucker", "mason"})
    texts = ["the Tucker family is coming", "a mason jar", "two mason jars, a mason jar"]
    assert used_as_words(texts, {"tucker", "mason", "robert"}, english) == {"mason"}
    # a word no dictionary lists counts only written in lowercase: "the Lindqvist twins" twice is a family
    texts = ["the Lindqvist twins", "the Lindqvist house", "a maki roll", "the maki was good"]
    assert used_as_words(texts, {"lindqvist", "maki"}, english) == {"maki"}


def test_what_someone_has_is_a_word_but_not_whom_they_got_something() -> None:
    from meow.anonymize.word_uses import used_as_words

    english = frozenset({"nada", "tucker"})
    texts = [
        "i have nada left in my account", "we've got nada plans this weekend", "i got tucker a present",
        "we have tucker's number", "they have tucker's keys",
    ]  # fmt: skip
    assert used_as_words(texts, {"nada", "tucker"}, english) == {"nada"}


def test_a_name_the_export_uses_as_a_verb_stays_a_verb_there() -> None:
    """A participant called Stanisław ("Stan"), and "i stan this album" in the chat: no name follows "i"."""
    names = {"Stanisław Wierzbołowicz", "Robert Smith"}
    texts = [
        "Stanisław Wierzbołowicz is here", "i stan this woman so hard", "we stan a hardworking king",
        "tell stan i said hi",
    ]  # fmt: skip
    out, leaks, _ = anonymised(names, texts)
    assert out["i stan this woman so hard"] == "i stan this woman so hard"
    assert out["we stan a hardworking king"] == "we stan a hardworking king"
    assert "stan" not in out["tell stan i said hi"].lower().split()
    assert leaks == 0


def test_a_lowercase_guess_after_a_determiner_is_a_thing_and_a_name_elsewhere_is_still_found() -> None:
    """NER calls "rowan tree" and "hazel bush" people (0.85); after "my" or "our" they are plants. A name
    nobody in the export has, in lowercase after no determiner, is still replaced."""
    names = {"Robert Smith"}
    texts = ["my rowan tree is dying", "our hazel bush needs water", "lol i saw sarah at the store"]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["my rowan tree is dying"] == "my rowan tree is dying"
    assert out["our hazel bush needs water"] == "our hazel bush needs water"
    assert "sarah" not in out["lol i saw sarah at the store"].lower()
    assert leaks == 0


def test_a_name_that_is_an_english_plural_is_a_word_where_it_reads_as_one() -> None:
    """ "Ales" (Czech Aleš, Belarusian Aleś) is also the plural of "ale": found as a name where the sentence
    shows someone, it stays a drink in "two ales and a cider", which used to be replaced everywhere."""
    names = {"Robert Smith"}
    texts = [
        "Ales Hlybokavets joined using this group's invite link.",
        "ales hlybokavets said it's fine",
        "two ales and a cider pls",
        "real ales at the festival this weekend 🍺",
    ]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["two ales and a cider pls"] == "two ales and a cider pls"
    assert out["real ales at the festival this weekend 🍺"] == "real ales at the festival this weekend 🍺"
    assert "Hlybokavets" not in out[texts[0]] and "ales" not in out[texts[1]].split()
    assert leaks == 0


def test_a_two_letter_name_part_that_is_a_word_is_replaced_only_as_a_name() -> None:
    """ "Pa" of Pa-Nhia is also a father: "my pa fixed the bike" keeps him, "tell Pa i said hi" and
    "Pa-Nhia's cake" lose her."""
    names = {"Pa-Nhia Xiongsworth", "Robert Smith"}
    texts = ["my pa fixed the bike", "ma and pa are coming for dinner", "tell Pa i said hi", "Pa-Nhia's cake"]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["my pa fixed the bike"] == "my pa fixed the bike"
    assert out["ma and pa are coming for dinner"] == "ma and pa are coming for dinner"
    assert "Pa" not in out["tell Pa i said hi"].split() and "Nhia" not in out["Pa-Nhia's cake"]
    assert leaks == 0


def test_aye_is_yes_and_someone_called_aye_is_still_replaced_where_the_sentence_shows_her() -> None:
    """ "aye" (yes) is a chat word, like "ty"; a participant called Aye counts with 's, after "tell" or as
    the subject of a verb, never in "aye that works for me" or "ok aye fine"."""
    names = {"Aye Thandarwin", "Robert Smith"}
    texts = ["aye that works for me", "ok aye fine", "tell Aye i said hi", "Aye's sister is visiting"]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["aye that works for me"] == "aye that works for me"
    assert out["ok aye fine"] == "ok aye fine"
    assert "Aye" not in out["tell Aye i said hi"] and "Aye" not in out["Aye's sister is visiting"]
    assert leaks == 0


def test_a_participant_called_by_a_chat_or_function_word_gets_a_pseudonym_too() -> None:
    """Ty, Ayo and Can were found where the sentence shows them, then kept as they were: the pseudonymiser
    skipped chat and function words, so "Ty Brennock" became "Ty Shea" in the vault and "tell Ayo i said
    hi" reached the corpus unchanged."""
    names = {"Ayo Okonkwade", "Ty Brennock", "Can Yilmazer", "Robert Smith"}
    texts = ["tell Ayo i said hi", "Ty's sister is visiting", "thanks Can 🙏", "ty so much", "can u come"]
    out, leaks, vault = anonymised_by_name_only(names, texts)
    assert "Ayo" not in out["tell Ayo i said hi"] and out["tell Ayo i said hi"].startswith("tell ")
    assert not out["Ty's sister is visiting"].startswith("Ty") and "Can" not in out["thanks Can 🙏"]
    assert out["ty so much"] == "ty so much" and out["can u come"] == "can u come"
    fakes = vault.entries["PERSON"]
    assert all(
        first not in fakes[full].split() for full, first in [("Ty Brennock", "Ty"), ("Ayo Okonkwade", "Ayo")]
    )
    assert leaks == 0


def test_a_word_for_a_person_is_no_given_name_and_a_guessed_one_spreads_only_as_a_name() -> None:
    """ "nana" is in faker's first names, and NER once took "Nana is my cousin from Kumasi" for a person;
    "Peep's nana is 95 today" and "off to my nana's" are still grandmothers, once replaced everywhere."""
    names = {"Peep Korvemagi", "Robert Smith"}
    texts = [
        "Nana is my cousin from Kumasi",
        "Peep's nana is 95 today",
        "off to my nana's for sunday lunch",
        "tell Nana i said hi",
    ]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["Peep's nana is 95 today"].endswith("'s nana is 95 today")
    assert out["off to my nana's for sunday lunch"] == "off to my nana's for sunday lunch"
    assert "Nana" not in out["tell Nana i said hi"] and "Peep" not in out["Peep's nana is 95 today"]
    assert leaks == 0


def test_a_term_of_address_after_a_greeting_is_the_word_though_someone_is_called_by_it() -> None:
    """With a participant called Buddy, "thanks buddy" and "hey buddy, long time" thank and greet whoever
    it is: the words stay (and "long", another participant's name, is no longer listed with him). "Buddy
    is bringing the cake", "tell Buddy" and "thanks Buddy" are him. NER's "listen sonny" is the word too."""
    from meow.anonymize.detect import Detector
    from meow.anonymize.guard import shared_analyzer
    from meow.anonymize.vaultmatch import VaultMatcher

    names = {"Bradley Kestwick", "Long Truongvi", "Robert Smith"}
    texts = [
        "Begoña Uriarte-Lasa set the nickname for Bradley Kestwick to Buddy",
        "thanks buddy",
        "hey buddy, long time",
        "listen sonny, that's not how it works",
        "Buddy is bringing the cake",
        "tell Buddy i said hi",
        "thanks Buddy!!",
    ]
    detector = Detector(names | {"Buddy"}, analyzer=shared_analyzer())
    out, leaks, vault = anonymised(names | {"Buddy"}, texts, detector)
    for text in texts[1:4]:
        assert out[text] == text
    for text in texts[4:]:
        assert "Buddy" not in out[text]
    assert leaks == 0
    # the audit reads model output by the same rule: the corpus's own "thanks buddy" is no leak there
    matcher = VaultMatcher({kind: list(values) for kind, values in vault.entries.items()})
    assert matcher.find("thanks buddy") == [] and len(matcher.find("tell Buddy i said hi")) == 1


def test_a_name_in_capitals_among_words_in_capitals_is_the_shouted_phrase_not_the_name() -> None:
    """Participants called Long and Red: "LONG LIVE THE QUEEN lol" and "RED ALERT the boss is coming" shout
    a phrase, and keep it; "omw RED" and "LONG just sent me" shout the name, and lose it."""
    names = {"Long Truongvi", "Red Amberley", "Robert Smith"}
    texts = ["LONG LIVE THE QUEEN lol", "RED ALERT the boss is coming", "omw RED", "LONG just sent me"]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["LONG LIVE THE QUEEN lol"] == "LONG LIVE THE QUEEN lol"
    assert out["RED ALERT the boss is coming"] == "RED ALERT the boss is coming"
    assert "RED" not in out["omw RED"] and "LONG" not in out["LONG just sent me"]
    assert leaks == 0


def test_a_name_word_before_of_is_the_word() -> None:
    """With participants called Nick and Saga: "Nick of time lol" and "the saga of ur visa" keep their
    words; "Nick of all people showed up" and "tell Saga" are the people."""
    names = {"Nick Farrowdale", "Saga Lindahlberg", "Robert Smith"}
    texts = ["Nick of time lol", "tell Saga the saga of ur visa is over", "Nick of all people showed up"]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out["Nick of time lol"] == "Nick of time lol"
    assert out[texts[1]].endswith(" the saga of ur visa is over") and "Saga" not in out[texts[1]]
    assert "Nick" not in out["Nick of all people showed up"]
    assert leaks == 0


def test_a_name_part_that_is_a_term_of_address_is_the_word_where_it_is_said_to_anyone() -> None:
    """ "Hon" of Hon-wai is no English word, so it was replaced everywhere: "thanks hon ❤️", "you alright
    hon?", "aw hon 🥺" keep the word now; "tell hon i said hi" and "Hon is cooking tonight" are him."""
    names = {"Hon-wai Cheungfield", "Robert Smith"}
    kept = ["thanks hon ❤️", "you alright hon?", "aw hon 🥺"]
    replaced = ["tell hon i said hi", "Hon is cooking tonight", "Hon-wai's cake"]
    out, leaks, _ = anonymised_by_name_only(names, kept + replaced)
    for text in kept:
        assert out[text] == text
    for text in replaced:
        assert "hon" not in out[text].lower().replace("-", " ").split()
    assert leaks == 0


def test_a_name_word_before_an_object_pronoun_is_the_verb() -> None:
    """With participants called Trust and Ping: "trust me its worth it" and "ping me once ur parked" are
    verbs; "Trust u legend" and "ping said she's on her way" are the people."""
    names = {"Trust Mupfumira", "Ping Zhaoxiang", "Robert Smith"}
    kept = ["trust me its worth it", "Ping ping me once ur parked"]
    replaced = ["Trust u legend", "ping said she's on her way"]
    out, leaks, _ = anonymised_by_name_only(names, kept + replaced)
    assert out["trust me its worth it"] == "trust me its worth it"
    assert out["Ping ping me once ur parked"].endswith(" ping me once ur parked")
    assert not out["Ping ping me once ur parked"].startswith("Ping")
    for text in replaced:
        assert text.split()[0] not in out[text]
    assert leaks == 0


def test_a_name_whose_vector_reads_plainly_as_a_word_is_replaced_only_as_a_name() -> None:
    """ "Chia" of the participant Chia-hui, and "Chai", someone NER found once: neither is in the word index,
    so both were replaced in every "chia seeds" and "masala chai". Their vectors read as words, so the words
    stay now, and the people are still replaced."""
    names = {"Chia-hui Hsuehtsai", "Robert Smith"}
    kept = ["chia pudding for breakfast is a lie", "masala chai at the station is the best"]
    replaced = [
        "Chia-hui Hsuehtsai created a poll",
        "tell Chia i said hi",
        "Chai Wongsakul is coming tonight",
        "Chai said she's on her way",
    ]
    out, leaks, _ = anonymised_by_name_only(names, kept + replaced)
    for text in kept:
        assert out[text] == text
    for text in replaced:
        assert not {"chia", "chai"} & set(out[text].lower().replace("-", " ").split())
    assert leaks == 0


def test_a_participant_called_monday_leaves_the_day_alone() -> None:
    """ "monday" reads as a name by its vector, so the export's Monday was replaced in every "see u monday".
    Days are checked in context now; NER's DATE for every Monday is no evidence either way, so "Monday is
    bringing jollof" and "@Monday" are still him."""
    names = {"Monday Okwuosaghe", "Robert Smith"}
    kept = [
        "see u all monday x",
        "Robert starts the new job on monday 🎉",
        "can't believe it's monday tomorrow",
    ]
    replaced = ["@Monday ur parcel is at the door", "Monday is bringing jollof to the party"]
    out, leaks, _ = anonymised_by_name_only(names, kept + replaced)
    assert out[kept[0]] == kept[0] and out[kept[2]] == kept[2]
    assert out[kept[1]].endswith(" starts the new job on monday 🎉")
    for text in replaced:
        assert "Monday" not in out[text]
    assert leaks == 0


def test_a_word_after_a_determiner_is_not_listed_with_the_person_after_it() -> None:
    """ "watch your tone, binoy": with a participant called Tone, the comma made "tone" one of a list of
    people. After "your" it is a thing; "Tone, binoy and me are going" still lists him."""
    names = {"Tone Vikebrekke", "Robert Smith"}
    texts = ["watch your tone, binoy 😂", "Tone, binoy and me are going"]
    out, leaks, _ = anonymised_by_name_only(names, texts)
    assert out[texts[0]].startswith("watch your tone, ") and "binoy" not in out[texts[0]]
    assert "Tone" not in out[texts[1]]
    assert leaks == 0


def test_a_name_word_opening_a_sentence_before_a_preposition_is_the_thing() -> None:
    """Participants called Bun and Ante: "Bun in the oven??" and "Ante up" keep their words; "Bun is
    bringing cake", "tell Ante" are the people. A name no dictionary holds stays someone there: "Sallowby
    at reception knows where the key is"."""
    names = {"Bun Thavirak", "Ante Zovkicevac", "Robert Smith"}
    kept = ["Bun in the oven?? 👀 she's glowing", "Ante up, it's poker night"]
    replaced = ["Bun is bringing the cake", "tell Ante the game starts at 8"]
    out, leaks, _ = anonymised_by_name_only(names, [*kept, *replaced, "Sallowby at reception knows"])
    for text in kept:
        assert out[text] == text
    assert "Bun" not in out[replaced[0]] and "Ante" not in out[replaced[1]]
    assert "Sallowby" not in out["Sallowby at reception knows"]
    assert leaks == 0


def test_a_term_of_address_opening_a_message_before_its_speaker_is_an_exclamation() -> None:
    """A participant called Man: "man i miss summer" and "man, i am so tired" exclaim, and "later than
    usual, man 🙄" says it to anyone; "Man said he's late" and "tell Man i said hi" are him."""
    names = {"Man Thapaliya", "Robert Smith"}
    kept = ["man i miss summer", "man, i am so tired", "even later than usual, man 🙄"]
    replaced = ["Man said he's late", "tell Man i said hi"]
    out, leaks, _ = anonymised_by_name_only(names, kept + replaced)
    for text in kept:
        assert out[text] == text
    for text in replaced:
        assert "Man" not in out[text]
    assert leaks == 0


def test_a_name_word_opening_a_choice_of_things_is_the_thing() -> None:
    """A participant called Mono, and NER's guess at a Sherry: "Mono or stereo?" and "Sherry or port?" ask
    which thing; "Mono is driving" and "tell Sherry i said hi" are people."""
    names = {"Julian Arbolanza", "Robert Smith"}
    texts = [
        "Mono or stereo? the speaker has a switch",
        "Sherry or port?",
        "Mono is driving",
        "tell Sherry i said hi",
    ]
    out, leaks, _ = anonymised_by_name_only(names | {"Mono"}, texts)
    assert out[texts[0]] == texts[0] and out[texts[1]] == texts[1]
    assert "Mono" not in out[texts[2]] and "Sherry" not in out[texts[3]]
    assert leaks == 0
