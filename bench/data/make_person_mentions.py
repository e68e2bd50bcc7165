"""Build bench/data/person_mentions.jsonl and participants.json from person_mentions.src.txt.

The labelled set for bench/quality.py. Every name here is fictional. The lines were written by hand, without
looking at meow's detector, as chat-like messages: templates with name slots plus literal lines (see the
markup at the top of person_mentions.src.txt). Slots are filled, deterministically, alternately with a form of
one of the simulated export's participants (first name, nickname, diacritic-free form, hyphen part, last name,
full name) and with a person who is not in the export (only NER can find those), in varied casing.

Each output line: {"id", "text", "persons": [[start, end], ...], "everyday": [[start, end], ...],
"tags": [[tag, ...] per person span]}. Tags: participant | other, lowercase, allcaps, nickname, wordy (a name
that is also an everyday word), non-english, emoji (an emoji next to it), handle (@name), possessive,
full-name, last-name, diacritic-free, hyphen-part. Spans cover the name only (not "@" nor "'s").

Run: python bench/data/make_person_mentions.py  (rewrites both files; the output is committed).
"""

from __future__ import annotations

import itertools
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPEATS = 2  # each template line is expanded this many times
SEED = 20261125

# Words that are also first names: every occurrence in the set must be labelled, as a person or as everyday.
_WORDY = """will bill billy mark grace pat patty sue rose may jack frank joy hope faith chase drew rob bob
bobby summer dawn amber sandy ray penny holly ivy ruby lily hunter miles june august art guy rusty sunny
cliff rich"""
WORDY = frozenset(_WORDY.split())


@dataclass(frozen=True)
class Person:
    full: str
    participant: bool
    non_english: bool = False
    nick: tuple[str, ...] = ()
    ascii: tuple[str, ...] = ()  # diacritic-free or transliterated forms
    hyphen: tuple[str, ...] = ()  # parts of a hyphenated first or last name

    def forms(self) -> list[tuple[str, str]]:
        parts = self.full.split()
        out = [(self.full, "full")] if len(parts) > 1 else []
        out.append((parts[0], "first"))
        out += [(p, "last") for p in parts[1:]]
        out += [(n, "nick") for n in self.nick] + [(a, "ascii") for a in self.ascii]
        return out + [(h, "hyphen") for h in self.hyphen]


PARTICIPANTS = [
    Person("Robert Okafor", True, nick=("Bob", "Bobby", "Rob", "Robbie")),
    Person("Zoë Lindqvist", True, True, ascii=("Zoe", "Zoe Lindqvist")),
    Person("Anne-Marie Dufresne", True, hyphen=("Anne", "Marie")),
    Person("William Hartigan", True, nick=("Will", "Bill", "Billy", "Liam")),
    Person("Grace Abernathy", True),
    Person("Siobhán Mulcahy", True, True, ascii=("Siobhan",)),
    Person("Khoa Nguyễn", True, True, ascii=("Nguyen", "Khoa Nguyen")),
    Person("Oluwaseun Adeyemi", True, True, nick=("Seun",)),
    Person("Jürgen Vogelsang", True, True, ascii=("Jurgen", "Juergen")),
    Person("Margaret Pennington", True, nick=("Maggie", "Meg", "Peggy")),
    Person("Mark Castellano", True),
    Person("Patricia Delgado-Reyes", True, nick=("Pat", "Patty", "Trish"), hyphen=("Delgado", "Reyes")),
]
_OTHER_EN = (
    "Jake,Sarah,Tyler Brennaman,Brittany,Kayla Strohmeyer,Connor Fairweather,Madison,Ethan,Hannah Quilliam,"
    "Jaden,Destiny,Marcus Whitlock,Kevin,Olivia Ashdown-Pike,Noah,Ava,Rose Tallantyre,May,Sue,"
    "Jack Merriweather,Frank,Joy,Hope,Faith,Chase,Drew,Summer,Dawn,Amber,Sandy,Ray,Penny,Holly,Ivy,Ruby,"
    "Hunter,Miles,June"
)
_OTHER_NE = (
    "Priya Venkataraman,Aoife,Chiamaka,Xiomara,Takeshi Morimoto,Haruka,Søren,Agnieszka Wróblewska,Thảo,"
    "Yusuf Demirtaş,Mateo,Dmitri Sokolenko,Ngozi,Hyun-woo,Łukasz,Inês,Joaquín,Małgorzata,Nnamdi,Kwabena,"
    "Lakshmi,Tuấn"
)


def others(english: str, non_english: str, *more: Person) -> list[Person]:
    """People not in the export: comma-separated English-sounding names, then the others, then `more`."""
    return [
        *(Person(n, False) for n in english.split(",")),
        *(Person(n, False, True) for n in non_english.split(",")),
        *more,
    ]


OTHERS = others(_OTHER_EN, _OTHER_NE, Person("Björn Halvorsen", False, True, ascii=("Bjorn",)))

# Held-out set B (holdout/): other people, other lines, the same recipe.
_WORDY_B = """gene carol iris nick dot kit crane heather violet hazel willow daisy robin brook crystal angel
autumn max pearl olive ginger honey melody rocky buck cash dusty misty will may mark bill"""
PARTICIPANTS_B = [
    Person("Christopher Vance-Whitley", True, nick=("Chris", "Kit", "Topher"), hyphen=("Vance", "Whitley")),
    Person("Renée Aubertin", True, True, ascii=("Renee", "Renee Aubertin")),
    Person("Dolores Fairbanks", True, nick=("Lola", "Dee")),
    Person("Eugene Marchetti", True, nick=("Gene", "Geno")),
    Person("Ngọc Trần", True, True, ascii=("Ngoc", "Tran", "Ngoc Tran")),
    Person("Bartholomew Crane", True, nick=("Bart", "Barty")),
    Person("Ifeoma Chukwuemeka", True, True, nick=("Ify",)),
    Person("Dorothée Lindgren-Haas", True, True, ("Dot", "Dottie"), ("Dorothee",), ("Lindgren", "Haas")),
    Person("Nicholas Brandt", True, nick=("Nick", "Nicky")),
    Person("Carol Whitfield", True),
    Person("Iris Montague", True),
    Person("Władysław Nowicki", True, True, nick=("Władek",), ascii=("Wladyslaw", "Wladek")),
]
_OTHER_EN_B = (
    "Brandon,Ashley Kettleborough,Jordan,Megan,Logan Pettigrew,Caleb,Chloe Vantreight,Kyle,Trevor,Cody,"
    "Dylan,Austin,Courtney,Shane,Tiffany,Derek,Bianca,Heather Blackwood,Violet,Hazel,Willow,Daisy,"
    "Robin Ashgrove,Brook,Crystal,Angel,Autumn,Max,Pearl,Olive,Ginger,Honey,Melody,Rocky,Buck,Cash,Dusty,"
    "Misty"
)
_OTHER_NE_B = (
    "Aarav Subramaniam,Niamh,Chidinma,Xóchitl,Yui,Ásgeir,Bartosz,Linh,Emre,Santiago,Adaeze,Ji-ho,Grzegorz,"
    "Maëlle,Íñigo,Zbigniew,Obinna,Kofi,Meenakshi,Quỳnh,Anastasia Bogdanovich,Haruto Kobayashi"
)
OTHERS_B = others(_OTHER_EN_B, _OTHER_NE_B, Person("Åsa Lindholm", False, True, ascii=("Asa",)))


# Set C (setc/): a third set, other people and lines, the same recipe.
_WORDY_C = """lance sage clay jade glen fern wade teddy sky river dale poppy sterling grant chip star reed bud
coral"""
PARTICIPANTS_C = [
    Person("Lance Fitzwarren", True),
    Person("Sagarika Bhattacharjee", True, True, nick=("Sage", "Rika")),
    Person("Clayton Rourke", True, nick=("Clay",)),
    Person("Jade Whitcombe", True),
    Person("Benedikt Schöllhorn", True, True, nick=("Ben", "Bene"), ascii=("Schollhorn", "Schoellhorn")),
    Person("Thandiwe Mokoena-Pillay", True, True, nick=("Thandi",), hyphen=("Mokoena", "Pillay")),
    Person("Ingrid Sæterhaug", True, True, ascii=("Saeterhaug", "Ingrid Saeterhaug")),
    Person("Đức Phạm", True, True, ascii=("Duc", "Pham", "Duc Pham")),
    Person("Theodore Ashcombe", True, nick=("Theo", "Teddy")),
    Person("Glenys Marwood", True, nick=("Glen",)),
    Person("Fernanda Quiroga-Salas", True, True, nick=("Fern", "Nanda"), hyphen=("Quiroga", "Salas")),
    Person("Wade Tillinghast", True),
]
_OTHER_EN_C = (
    "Brayden,Kaylee Duxbury,Savannah Pettibone,Hayden,Jenna,Colton Ravensworth,Riley,Paige,Travis,Mackenzie,"
    "Garrett,Lindsey Harrowgate,Bethany,Corey Lindhurst,Whitney,Tanner,Kendall Ashbury,Dominic,Jordyn,"
    "Bryce Halloran,Desmond,Nadia,Harrison Thorley,Mallory,Skylar,Sky,River Aldous,Dale,Poppy,Sterling,"
    "Grant Moberly,Chip,Star,Reed,Bud,Coral"
)
_OTHER_NE_C = (
    "Anjali Raghunathan,Siddharth,Eilidh,Chukwudi,Ximena,Ryota Fujisawa,Mei-Ling,Bolesław,"
    "Ayşe Kocabaş,Nikolai Dorofeev,Tendai,Hoài,Ahmad Farouqi,Rafaela,Sebastián,Øystein,Dagný,Tariq,Yaw"
)
OTHERS_C = others(
    _OTHER_EN_C,
    _OTHER_NE_C,
    Person("Zsófia Bárány", False, True, ascii=("Zsofia",)),
    Person("Oisín", False, True, ascii=("Oisin",)),
)


# Set D (setd/): a fourth set, held out, other people and lines, the same recipe.
_WORDY_D = """ash kitty mercy mason jasmine earl rosemary storm pepper cherry candy basil ace precious
blessing lucky marina dang"""
PARTICIPANTS_D = [
    Person("Katherine Dunsmoor", True, nick=("Kat", "Katie", "Kitty")),
    Person("Ashwin Sundaresan", True, True, nick=("Ash", "Ashu")),
    Person("Mercy Okonjo-Bassey", True, True, hyphen=("Okonjo", "Bassey")),
    Person("Mason Trevithick", True),
    Person("Jasmine Pellowe", True, nick=("Jas", "Jaz")),
    Person("Hương Đặng", True, True, ascii=("Huong", "Dang", "Huong Dang")),
    Person("Jędrzej Gołębiowski", True, True, ("Jędrek",), ("Jedrzej", "Jedrek", "Golebiowski")),
    Person("Nourhan Zahrawi", True, True, nick=("Nour", "Nounou")),
    Person("Seo-yeon Cheon", True, True, ascii=("Seoyeon",)),
    Person("Earl Whitmarsh", True),
    Person("Rosemary Quennell", True, nick=("Rosie",)),
    Person("Lucía Arrizabalaga", True, True, nick=("Lu",), ascii=("Lucia",)),
]
_OTHER_EN_D = (
    "Chelsea,Trent Oakhurst,Shelby,Dakota,Devin Coldicott,Brianna Stallworth,Cheyenne,Landon,"
    "Marissa Thornbury,Zach,Alexis,Cassidy,Holden Wrexley,Tessa,Jolene,Darnell,Storm,Pepper Langridge,"
    "Cherry,Candy,Basil Fotheringale,Ace"
)
_OTHER_NE_D = (
    "Precious Mahlangu,Blessing,Lucky Oyelaran,Marina Kostadinova,Chinedu,Wojciech Szczepański,Kasia,"
    "Rania Haddad,Omar,Arjun Krishnamoorthy,Kavya,Min-jun,Ha-eun Gwak,Phương,Bảo,Elif Yıldırım,Wanjiru,"
    "Itzel,Guadalupe"
)
OTHERS_D = others(
    _OTHER_EN_D,
    _OTHER_NE_D,
    Person("Rocío Villalobos", False, True, ascii=("Rocio",)),
    Person("Tomás", False, True, ascii=("Tomas",)),
)


# Set E (sete/): a fifth set, held out, other people and lines, the same recipe.
_WORDY_E = """chuck meadow norm prince wren patience dean rain scout harmony winter chance pierce honor
miracle gift sunday"""
PARTICIPANTS_E = [
    Person("Charles Brackenridge", True, nick=("Chuck", "Charlie")),
    Person("Meadow Fennimore", True),
    Person("Norman Quickfall", True, nick=("Norm", "Normie")),
    Person("Prince Nwachukwu-Ibe", True, True, hyphen=("Nwachukwu", "Ibe")),
    Person("Wren Castleford", True),
    Person("Patience Oduya", True, True, nick=("Pash",)),
    Person("Khang Võ", True, True, ascii=("Vo", "Khang Vo")),
    Person("Przemysław Kołodziejczyk", True, True, ("Przemek",), ("Przemyslaw", "Kolodziejczyk")),
    Person("Dalia Sarhani", True, True, nick=("Dodo",)),
    Person("Ji-hoon Yeom", True, True, nick=("Hoon",), ascii=("Jihoon",)),
    Person("Dean Pemberthy", True),
    Person("Conceição Barbalho", True, True, nick=("Ceiça",), ascii=("Conceicao", "Ceica")),
]
_OTHER_EN_E = (
    "Jared,Kelsey Bramwell,Tristan,Morgan Tuckett,Carly,Braxton Eddowes,Alyssa,Trey,Kendra Pollitt,Gavin,"
    "Harper,Bridget,Colby Wrathall,Darcy,Lachlan,Rain Kilbride,Scout,Harmony,Winter Ashby,Chance,"
    "Pierce Gandy,Honor"
)
_OTHER_NE_E = (
    "Miracle Ogunleye,Gift,Sunday Eboh,Tobenna,Funmilayo,Guillermo Etxeberria,Catalina,Krzysztof,Hamza,"
    "Layla Bishara,Rohan Deshpande,Ishita,Dong-hyun Pyo,Soo-ah,Burak,Trang Lương,Thiago,Luana Figueiró"
)
OTHERS_E = others(
    _OTHER_EN_E,
    _OTHER_NE_E,
    Person("Bożena Wilczyńska", False, True, ascii=("Bozena",)),
    Person("Gülşen Karaağaç", False, True, ascii=("Gulsen", "Gulsen Karaagac")),
    Person("Hiếu", False, True, ascii=("Hieu",)),
)


# Set F (setf/): a sixth set, held out, other people and lines, the same recipe.
_WORDY_F = """dash skip buddy grey april lane promise long comfort favour major peace hung justice charity"""
PARTICIPANTS_F = [
    Person("Dashiell Thornwaite", True, nick=("Dash", "Dashie")),
    Person("Schuyler Bramblecote", True, nick=("Skip",)),
    Person("Bradley Kestwick", True, nick=("Buddy", "Brad")),
    Person("April Dellacourt", True),
    Person("Greyson Mallinder", True, nick=("Grey",)),
    Person("Lane Hollowbrook", True),
    Person("Promise Nwankwere-Obi", True, True, hyphen=("Nwankwere", "Obi")),
    Person("Long Trịnh", True, True, ascii=("Trinh", "Long Trinh")),
    Person("Begoña Uriarte-Lasa", True, True, ("Bego",), ("Begona",), ("Uriarte", "Lasa")),
    Person("Oleksandr Hnatyshyn", True, True, nick=("Sasha", "Sanya")),
    Person("Gökhan Demirkollu", True, True, ascii=("Gokhan",)),
    Person("Maricel Panganduyon", True, True, nick=("Cel",)),
]
_OTHER_EN_F = (
    "Brody,Kaylin Thrushcott,Shania,Mckenna Pargeter,Dustin,Caitlyn Murrowby,Jaxon,Harlow,Bryony Gadsworth,"
    "Reggie Farthingale,Lacey,Quinn Atterbury,Declan,Justice,Charity,Major Cottingley"
)
_OTHER_NE_F = (
    "Favour Obiagwu,Peace Atieno,Comfort Agyekumwaa,Itziar,Emeka,Mariam,Nikhil Parthasarathy,Deepika,"
    "Jae-won,Su-bin Ryu,Serkan,Leandro Cavalcanti,Oksana Melnychuk,Rowena"
)
OTHERS_F = others(
    _OTHER_EN_F,
    _OTHER_NE_F,
    Person("Álvaro Echeverri", False, True, ascii=("Alvaro", "Alvaro Echeverri")),
    Person("Szymon Wrzesiński", False, True, ascii=("Wrzesinski",)),
    Person("Hùng", False, True, ascii=("Hung",)),
    Person("Thúy", False, True, ascii=("Thuy",)),
    Person("Çağla", False, True, ascii=("Cagla",)),
    Person("Iñaki", False, True, ascii=("Inaki",)),
)


# Set G (setg/): a seventh set, held out, other people and lines, the same recipe.
_WORDY_G = """ty gem mo trust memory eve goodness mint bank golf bear wisdom bright happy min van"""
PARTICIPANTS_G = [
    Person("Tyrone Pemblewick", True, nick=("Ty",)),
    Person("Gemma Strathcarrow", True, nick=("Gem", "Gemz")),
    Person("Mohsen Farahzadi", True, True, nick=("Mo",)),
    Person("Trust Mavhundura", True, True),
    Person("Memory Chitsvaire", True, True, nick=("Mem",)),
    Person("Evelyn Marchbanks-Tull", True, nick=("Eve", "Evie"), hyphen=("Marchbanks", "Tull")),
    Person("Pimchanok Wongsakulchai", True, True, nick=("Mint",)),
    Person("Goodness Akinwolemiwa", True, True),
    Person("Vojtěch Hrubešovský", True, True, ("Vojta",), ("Vojtech", "Hrubesovsky")),
    Person("Boglárka Tőkés-Várhegyi", True, True, ("Bogi",), ("Boglarka",), ("Tőkés", "Várhegyi")),
    Person("Karthikeyan Ramalingaswamy", True, True, nick=("Karthik",)),
    Person("Callum Drinkwell", True, nick=("Cal",)),
]
_OTHER_EN_G = (
    "Bear Whitacre,Shauna,Kieran Blythewood,Tamsin,Rhys Callowhill,Imogen,Josie Wetherden,Mitchell,"
    "Darren Quarrington,Lorna,Bethan Spurrier,Kenzie"
)
_OTHER_NE_G = (
    "Wisdom Oyekunle,Bright,Happy Moyo,Bank,Golf,Min Qiaoshan,Chisom,Ugochukwu Nnabuife,Shirin,"
    "Kourosh Tavakkoli,Selam Gebremariam,Xiaoling,Jiahui,Aditya,Pooja Malhotra,Wahyu,Putri Kusumawardhani,"
    "Eleni,Stavros Karamanlidis,Vignesh,Thamizhselvi,Tigist"
)
OTHERS_G = others(
    _OTHER_EN_G,
    _OTHER_NE_G,
    Person("Vân", False, True, ascii=("Van",)),
    Person("Adéọlá", False, True, ascii=("Adeola",)),
    Person("Kateřina Šťastná", False, True, ascii=("Katerina", "Stastna")),
    Person("Ágnes", False, True, ascii=("Agnes",)),
    Person("Dimitrís", False, True, ascii=("Dimitris",)),
)


# Set H (seth/): an eighth set, held out, other people and lines, the same recipe.
_WORDY_H = """cat nan rod innocent given into lovely brandy welcome beauty fortune talent silence baby
liberty"""
PARTICIPANTS_H = [
    Person("Catrinel Dobrușeanu", True, True, nick=("Cat", "Cati"), ascii=("Dobruseanu",)),
    Person("Nandini Bhowmikdas", True, True, nick=("Nan", "Nandu")),
    Person("Rodney Blackwarren", True, nick=("Rod", "Roddy")),
    Person("Innocent Mazvimbakupa", True, True, nick=("Inno",)),
    Person("Given Nkwanyana-Sibisi", True, True, hyphen=("Nkwanyana", "Sibisi")),
    Person("Into Kalliojärvi", True, True, ascii=("Kalliojarvi",)),
    Person("Lovepreet Dhillonwal", True, True, nick=("Lovely", "Preet")),
    Person("Brandy Pocklethwaite", True),
    Person("Kekoa Nāpuaʻole", True, True, ascii=("Napuaole",)),
    Person("Nemanja Vukašinović", True, True, ("Neša",), ("Nesa", "Vukasinovic")),
    Person("Aisyah Kamaruzzali", True, True, nick=("Echa",)),
    Person("Ketevan Abashidze-Lomtadze", True, True, ("Keti",), (), ("Abashidze", "Lomtadze")),
]
_OTHER_EN_H = (
    "Bailey Thistlewood,Marnie,Jonah Cresswick,Felicity,Rowan Pettifer,Kirsty,Lewis Gravenor,Tara,"
    "Liberty Hathersage,Brooklyn,Shaun Ottershaw,Lottie"
)
_OTHER_NE_H = (
    "Welcome Ntshangase,Beauty,Fortune Asantewaa,Talent Chikwanha,Silence,Baby,Baraka,Zawadi Mwakilema,"
    "Sipho,Thulani Mabuzane,Hafiz Rosmadi,Marites,Rodel Dimaculangan,Tanvir,Rupa Sengupto,Gurpreet,"
    "Zainab,Faisal Qureshani,Aleksi,Tuuli Pesonmaa,Jelena,Giorgi,Anahit,Tigran Hovsepyanc,Leilani,"
    "Wiremu,Aroha"
)
OTHERS_H = others(
    _OTHER_EN_H,
    _OTHER_NE_H,
    Person("Sigríður", False, True, ascii=("Sigridur",)),
    Person("Þórdís Eldjárnsdóttir", False, True, ascii=("Thordis",)),
    Person("Dušan", False, True, ascii=("Dusan",)),
    Person("Mihai Brătuleanu", False, True, ascii=("Bratuleanu",)),
)


# Set I (seti/): a ninth set, held out, other people and lines, the same recipe.
_WORDY_I = """kay stan job mac bonnie bee ice ken wolf ping sun boss victory success goodluck"""
PARTICIPANTS_I = [
    Person("Kayode Olabanwo", True, True, nick=("Kay", "Kayo")),
    Person("Stanisław Wierzbołowicz", True, True, ("Stan", "Staszek"), ("Stanislaw", "Wierzbolowicz")),
    Person("Job Wissekerke", True, True),
    Person("Malcolm Tennantbury", True, nick=("Mac", "Malc")),
    Person("Bonnie Auchtermair", True),
    Person("Beatrice Halliwray", True, nick=("Bee", "Bea")),
    Person("Kanyarat Srisawatphong", True, True, nick=("Ice",)),
    Person("Kenneth Ruthvenlaw", True, nick=("Ken", "Kenny")),
    Person("Sinéad Cullivane", True, True, ascii=("Sinead",)),
    Person("Thắm Đoàn", True, True, ascii=("Tham", "Doan", "Tham Doan")),
    Person("Yasmine Haddadine-Saleh", True, True, nick=("Yass",), hyphen=("Haddadine", "Saleh")),
    Person("Bronwyn Yarraby", True, nick=("Bron",)),
]
_OTHER_EN_I = (
    "Harriet Coldharbour,Gethin,Nerys Pendarvis,Barnaby,Brantley Ruckwell,Kaitlyn,Jarrah,Tahlia Wolstenby,"
    "Fraser,Isla Drummuir"
)
_OTHER_NE_I = (
    "Wolf Brennecke,Ping,Sun,Boss,Victory Okwuosa,Success,Goodluck Ebireri,Gianluca Benvenutti,Ilaria,"
    "Margaux,Friederike,Femke,Sjoerd Tammerveld,Eirik,Xiuying,Sayaka Tominaga,Kenta,Eun-ji,Vikram,"
    "Sneha Kulkarnee,Karim,Hiba,Abena,Kwame,Sekou,Aminata Diallobe,Yesenia,Camilo,Marisol,Saoirse,"
    "Cathal Mulready"
)
OTHERS_I = others(
    _OTHER_EN_I,
    _OTHER_NE_I,
    Person("Róisín", False, True, ascii=("Roisin",)),
    Person("Andrés Quintanar", False, True, ascii=("Andres",)),
    Person("Khánh", False, True, ascii=("Khanh",)),
    Person("Jörg", False, True, ascii=("Jorg", "Joerg")),
    Person("Linnéa", False, True, ascii=("Linnea",)),
    Person("Clémence", False, True, ascii=("Clemence",)),
)


@dataclass(frozen=True)
class LabelledSet:
    """One labelled set: its folder (source in, JSONL and participant list out), people and name-words."""

    folder: Path
    participants: list[Person]
    others: list[Person]
    wordy: frozenset[str]
    seed: int

    def forms(self) -> dict[str, tuple[Person, str]]:
        """casefolded surface -> (person, kind); a surface may belong to one person only."""
        table: dict[str, tuple[Person, str]] = {}
        for person in self.participants + self.others:
            for surface, kind in person.forms():
                key = surface.casefold()
                assert key not in table or table[key][0] == person, f"ambiguous form {surface}"
                table.setdefault(key, (person, kind))
        return table


# Set K (setk/): an eleventh set, held out, other people and lines, the same recipe.
_WORDY_K = """roman saga odd nada win paddy stew pinky or rune tin pan ram porter ocean randy purity wing"""
PARTICIPANTS_K = [
    Person("Roman Vorotyntsev", True, True, nick=("Roma", "Romka")),
    Person("Yaroslava Ostapchuk-Rudenko", True, True, ("Slava", "Yarka"), (), ("Ostapchuk", "Rudenko")),
    Person("Saga Öhrnstedt", True, True, ascii=("Ohrnstedt", "Saga Ohrnstedt")),
    Person("Odd Tveitstrand", True, True),
    Person("Nada Rahhal-Tannoury", True, True, hyphen=("Rahhal", "Tannoury")),
    Person("Win Thuzarnyo", True, True),
    Person("Pádraig Rathmoylan", True, True, ("Paddy", "Páidí"), ("Padraig", "Paidi")),
    Person("Stewart Tullochgorm", True, nick=("Stew", "Stewie")),
    Person("Priyanka Sawantkar", True, True, nick=("Pinky",)),
    Person("Hoi-lam Tsangwoon", True, True, nick=("Lammy",), hyphen=("Lam",)),
    Person("Nasiru Yarimawa", True, True, nick=("Nas",)),
    Person("Tharindu Senanayakage", True, True, nick=("Tharu",)),
]
_OTHER_EN_K = (
    "Randy,Porter,Ocean,Shayla Pickersgill,Tyson Ouimetteau,Rhona,Struan Moultrayne,Murdo,"
    "Ailsa Strathmoray,Euan,Brenna Vautour,Nolan,Rylan Tremblett,Kenna,Greer Muirhouse,Fenella,Dougie,"
    "Teagan Rowsell,Maddox,Jory Pottinger"
)
_OTHER_NE_K = (
    "Or,Rune Solbakkvik,Tin,Pan,Ram Thapaliyo,Purity Wambuiri,Wing,Zhenya,Misha Pereslavtsev,Lyudmila,"
    "Taras,Olena Stetsenkiv,Ebba,Ylva Sandgrenius,Sindre,Mads,Signe Vindekilde,Troels,Noa,Itai Shapirovsky,"
    "Shira,Rami,Reem Sleimanieh,Ziad,Hauwa,Aminu Dankabo,Hodan,Mahad Warsameh,Ubax,Njeri,Kamau Waithakah,"
    "Wambui,Omkar,Rutuja Patwardhankar,Sagar,Pasang,Nuwan,Chamari Wijesooriya,Aung,Thiha,Sokha,Bopha,"
    "Dara Chhunleang,Ka-lok,Tsz-wai,Sina,Tavita Faleolomaga,Mele,Aisling,Niall Ruttledge"
)
OTHERS_K = others(
    _OTHER_EN_K,
    _OTHER_NE_K,
    Person("Torbjørn Ulvestrand", False, True, ascii=("Torbjorn",)),
    Person("Seán", False, True, ascii=("Sean",)),
    Person("Órla", False, True, ascii=("Orla",)),
    Person("Женя", False, True),
)


# Set J (setj/): a tenth set, held out, other people and lines, the same recipe.
_WORDY_J = """can mate made boy hide mani herb ayo bunny diamond divine dare birdie gale jewel maki ding"""
PARTICIPANTS_J = [
    Person("Can Aydınkaya", True, True, ascii=("Aydinkaya", "Can Aydinkaya")),
    Person("Máté Kertészfalvi", True, True, ascii=("Mate", "Kerteszfalvi", "Mate Kerteszfalvi")),
    Person("Made Kusumadanta", True, True),
    Person("Eduardo Dimalantay", True, True, nick=("Boy", "Edong")),
    Person("Hideaki Isobayama", True, True, nick=("Hide",)),
    Person("Manikandan Arulventhan", True, True, nick=("Mani",)),
    Person("Herbert Larchmont-Gedge", True, nick=("Herb", "Bertie"), hyphen=("Larchmont", "Gedge")),
    Person("Ayomide Akintobiloye", True, True, nick=("Ayo", "Mide")),
    Person("Luíza Amaralves", True, True, nick=("Lulu",), ascii=("Luiza", "Luiza Amaralves")),
    Person("Jiří Kadlecovský", True, True, ("Jirka",), ("Jiri", "Kadlecovsky", "Jiri Kadlecovsky")),
    Person("Bhargav Chennupatti", True, True, nick=("Bunny",)),
    Person("Diamond Chambersly", True),
]
_OTHER_EN_J = (
    "Birdie Haverstock,Gale,Jewel,Kimberly Alderwick,Dwayne,Shanice Dewgarde,Delroy,Kemar Linstead,Tameka,"
    "Jermaine Colebourne,Marcia,Ainsley Greathead,Brett,Lorraine Ashpole,Carl,Dwight,Evan Kettlewell,Amanda"
)
_OTHER_NE_J = (
    "Divine Ogbuefi,Dare,Maki,Ding,Kaveh,Golnaz Daryabandi,Arash,Parisa,Yiannis Kalafatides,Thanos,Vasiliki,"
    "Panos,Pilar,Iker Goikoetxeandia,Nerea,Jaime,Bruna,Caio Figueiral,Kerem,Zeynep,Selin Karaburunlu,Bence,"
    "Levente,Tereza,Lucie,Titilayo,Bukola,Segun Adewunmi,Kelechi,Uchenna Ezeigwe,Meron,Dawit,"
    "Hiwot Gebreamlak,Kavin,Senthil,Anbarasi,Sravani,Dewi,Agus Wirasetya,Bayu,Intan,Jennylyn,Aldrin,"
    "Ayaka Nishizono,Daisuke"
)
OTHERS_J = others(
    _OTHER_EN_J,
    _OTHER_NE_J,
    Person("Oğuz", False, True, ascii=("Oguz",)),
    Person("Réka", False, True, ascii=("Reka",)),
    Person("Ondřej", False, True, ascii=("Ondrej",)),
    Person("Vinícius", False, True, ascii=("Vinicius",)),
)


# Set L (setl/): a twelfth set, held out, other people and lines, the same recipe.
_WORDY_L = """nacho pipe pip beer pond son tan song fang jolly tutu prosper surprise legend journey royal
tucker woody flick constant marine memo"""
PARTICIPANTS_L = [
    Person("Ignacio Barragánez", True, True, nick=("Nacho",), ascii=("Barraganez",)),
    Person("Felipe Castañoveda", True, True, nick=("Pipe", "Pipo"), ascii=("Castanoveda",)),
    Person("Philippa Thorncliffe-Tarrant", True, nick=("Pip", "Pippa"), hyphen=("Thorncliffe", "Tarrant")),
    Person("Sơn Lạcthiên", True, True, ascii=("Son", "Lacthien", "Son Lacthien")),
    Person("Teerapat Kittisomboonwong", True, True, nick=("Beer",)),
    Person("Jaspreet Bhullarwal", True, True, nick=("Jolly", "Jassi")),
    Person("Prosper Adjeimensah", True, True),
    Person("Constant Lefeuvrier", True, True),
    Person("Achieng Odongoyo", True, True),
    Person("Rhiannon Pencerrig", True, True, nick=("Rhi",)),
    Person("Tucker Mulgrave", True, nick=("Tuck",)),
    Person("Fang Zhuoxian", True, True),
]
_OTHER_EN_L = (
    "Legend,Journey,Royal Pembleton,Woody,Flick,Shazza,Bazza Tregloan,Kirra,Mitch Dunstaple,Tayla,Jai,"
    "Nev Ballantree,Clive Hebblethwaite,Tarquin,Hattie Fossbrook,Deirdre,Crispin,Mungo Ferrisby,Maverick,"
    "Kinsley Oberholt,Ryder"
)
_OTHER_NE_L = (
    "Song Yerin,Tan,Pond,Memo,Tutu,Surprise Mkhwanazane,Marine,Lupita,Chuy,Paco Ibarrondo,Valentina,"
    "Yuliana,Facundo,Agustina Bertolozzi,Tincho,Giulia,Alessandro Vitalucci,Chiara,Lorenzo,Mathieu,"
    "Sylvie Roucheteau,Agata,Wojtek,Marek Zielonacki,Zosia,Ioana,Andreea Vlădoianu,Cosmin,Ploy,"
    "Somchai Rattanawichit,Anong,Hoa,Quang,Nhung Đoànvy,Yejin,Mingyu,Dongwook Parkhyeon,Haoran,Yuting,"
    "Meiling Qiaozhu,Harjit,Manpreet,Arnab,Sayantani Bhowmikh,Tuhin,Akosua,Kojo Asamoabeng,Efua,Yaa,"
    "Thandeka,Bongani Zungulwazi,Lindiwe,Otieno,Akinyi Ombeyo,Ochieng,Dafydd,Cerys,Ffion Llwydiarth,Owain"
)
OTHERS_L = others(
    _OTHER_EN_L,
    _OTHER_NE_L,
    Person("Anaïs", False, True, ascii=("Anais",)),
    Person("Răzvan", False, True, ascii=("Razvan",)),
    Person("Bartłomiej", False, True, ascii=("Bartlomiej",)),
    Person("Quyên", False, True, ascii=("Quyen",)),
)


# Set M (setm/): a thirteenth set, held out, other people and lines, the same recipe.
_WORDY_M = """ado era ants bat bold karma cola boo coy junior bran mana cookie lolly bliss glory fan ai bubbly
clever knowledge jazz"""
PARTICIPANTS_M = [
    Person("Adamu Kurfinwada", True, True, nick=("Ado",)),
    Person("Era Lleshdedaj", True, True),
    Person("Ants Kuusepõldre", True, True, nick=("Antsu",), ascii=("Kuusepoldre",)),
    Person("Bat-Erdene Tsogtbayarjav", True, True, nick=("Bataa",), hyphen=("Bat", "Erdene")),
    Person("Karma Lhundrubtsang", True, True),
    Person("Nicola Scarpuzzella", True, True, nick=("Cola", "Nicò"), ascii=("Nico",)),
    Person("Beauregard Thibodaine", True, nick=("Boo", "Beau")),
    Person("Junior Lashleyforde", True),
    Person("Babanpreet Sandhuwalia", True, True, nick=("Bubbly", "Baban")),
    Person("Mana Pualaniʻakea", True, True, ascii=("Pualaniakea", "Mana Pualaniakea")),
    Person("Gintarė Žvirblaitytė", True, True, ascii=("Gintare", "Zvirblaityte", "Gintare Zvirblaityte")),
    Person("Ġużeppi Vellabuġeja", True, True, nick=("Ġużi",), ascii=("Guzeppi", "Guzi", "Vellabugeja")),
]
_OTHER_EN_M = (
    "Coy Haskewater,Cookie,Lolly Wintergill,Bliss Harrowgill,Jazz,Orville,Hollis Greaverly,Wanda,"
    "Lurleen Tuckaby,Tammy,Shontelle,Kadeem Alleynebury,Marlon,Tremaine Gittensford,Wyatt,Corliss"
)
_OTHER_NE_M = (
    "Bran Tuohallan,Glory Nwadikeoha,Fan,Ai Kuwabarada,Clever Mutasvikwa,Knowledge Mhlangaphezu,"
    "Bold Munkhtulgaar,Nuru,Juma Mwakasegeni,Hadiza,Nafisa Danmaliki,Bashir,Sione Latuvaipulu,Losana,"
    "Tevita,Litia,Jone Ratuvakaloa,Arben Gjokmarkaj,Drita,Fatmir,Jonas,Dace,Kadri,Aidos Kenzhebaurov,Dinara,"
    "Dilnoza,Jasur,Oyunaa,Tsetseg,Tenzin,Pema Dolkarling,Dolma,Phonsavanh,Khamla Vongphachanh,Noy,"
    "Malalai,Rojin,Azad Berwarizade,Nunzio,Ciccio Lomonacco,Fionnuala,Cian,Morwenna Penhallowick,Kenver,"
    "Inti Quispecahua,Arami,Makoa,Mahina"
)
OTHERS_M = others(
    _OTHER_EN_M,
    _OTHER_NE_M,
    Person("Rūta", False, True, ascii=("Ruta",)),
    Person("Kristaps Bērzkalniņš", False, True, ascii=("Berzkalnins",)),
    Person("Ġorġ", False, True, ascii=("Gorg",)),
    Person("Pärtel", False, True, ascii=("Partel",)),
)


# Set N (setn/): a fourteenth set, held out, other people and lines, the same recipe (name-words N-Z).
_WORDY_N = """peep tea pace queen tee tater wally pita rein sultana praise treasure pretty witness red sparky
tiny peachy pal zen nana santa"""
PARTICIPANTS_N = [
    Person("Peep Kõrvemägi", True, True, ascii=("Korvemagi", "Peep Korvemagi")),
    Person("Tea Brezovečki", True, True, ascii=("Brezovecki",)),
    Person("Ġużeppi Pace", True, True, nick=("Ġużi",), ascii=("Guzeppi", "Guzi")),
    Person("Queen Ezeadimora-Etukudo", True, True, nick=("Queenie",), hyphen=("Ezeadimora", "Etukudo")),
    Person("Lucien Broussardin", True, True, nick=("Tee",)),
    Person("Virgil Cantrellby", True, nick=("Tater", "Virg")),
    Person("Walter Gristhorpe", True, nick=("Wally", "Walt")),
    Person("Pita Fakatoumafi", True, True),
    Person("Nurlan Serikbayuly", True, True, nick=("Nurik",)),
    Person("Tenzin Norgyeltsang", True, True),
    Person("Rojîn Berwarî", True, True, ascii=("Rojin", "Berwari", "Rojin Berwari")),
    Person("Dilnoza Rahimbekova", True, True, nick=("Dilya", "Noza")),
]
_OTHER_EN_N = (
    "Red,Sparky,Tiny,Cletus,Loretta Skaggsley,Wyatt Cordingley,Darla,Merle Hatchell,Kerensa Trelawder,Jago,"
    "Demelza,Piran,Akeem,Tishana Fairclough,Rondell,Clovis,Lurleen,Jessup Harlowby,Earlene,Kerwin,"
    "Ronan Tresidder,Morwenna"
)
_OTHER_NE_N = (
    "Doriana Sultana,Praise Chidzikwe,Treasure,Pretty Ndlovana,Witness,Peachy Dimaandal,Zen,"
    "Nana Akyeampomaa,Aigerim Zhaksylykova,Yerlan,Zhanar,Sardor,Shahzoda Yusupalieva,Ulugbek,Temuulen,"
    "Oyunbileg,Saruul,Pema,Dolkar,Sonam Wangmoling,Nyima,Souksavanh,Bounmy Phommachanh,Keo,Zarghuna,"
    "Palwasha Momandzai,Zalmay,Rebaz,Shilan,Neema,Tumaini Mwakibinga,Rehema,Juma,Losana Tuinabua,Seru,"
    "Timoci,Marthese,Dritan,Vjosa Krasniqaj,Besnik,Vytautas,Ilze,Uldis,Laima,Tiiu,Priit,Sisa,"
    "Inti Mamanchura,Keoni,Noelani Kahaleuahi,Nalu,Turi,Saro Giammarresi,Concetta"
)
OTHERS_N = others(
    _OTHER_EN_N,
    _OTHER_NE_N,
    Person("Rein Põldsaare", False, True, ascii=("Poldsaare",)),
    Person("Pál Zsellérfi", False, True, ascii=("Pal", "Zsellerfi")),
    Person("Santa Bērziņkalne", False, True, ascii=("Berzinkalne",)),
    Person("Kadri Lõhmusaar", False, True, ascii=("Lohmusaar",)),
    Person("Gintarė", False, True, ascii=("Gintare",)),
    Person("Ċensu", False, True, ascii=("Censu",)),
    Person("Yerutí", False, True, ascii=("Yeruti",)),
)


# Set O (seto/): a fifteenth set, held out, other people and lines, the same recipe.
_WORDY_O = """said mane nail vid pa bun bode jock colt cherish aye mile ales mere hone sonny duke bubba smiley
yenta per"""
PARTICIPANTS_O = [
    Person("Said Tsakaroev", True, True, nick=("Saidik",)),
    Person("Mane Baghdasaryants", True, True, nick=("Manush",)),
    Person("Nail Aghazadeli", True, True),
    Person("Vid Šušteršičnik", True, True, ascii=("Sustersicnik", "Vid Sustersicnik")),
    Person("Pa-Nhia Lorvang", True, True, hyphen=("Pa", "Nhia")),
    Person("Bunthoeun Chanthorith", True, True, nick=("Bun",)),
    Person("Olabode Fagbemigun", True, True, nick=("Bode",)),
    Person("John Dalgleishmuir", True, nick=("Jock", "Johnny")),
    Person("Colt Brazzlewood", True),
    Person("Cherish Ramdhanie-Baptiste", True, hyphen=("Ramdhanie", "Baptiste")),
    Person("Senait Tesfamikaelay", True, True, nick=("Seni",)),
    Person("Sjúrður Tróndarheyg", True, True, ascii=("Sjurdur", "Trondarheyg")),
]
_OTHER_EN_O = (
    "Sonny Gatlingford,Duke,Bubba Wimberleigh,Smiley,Hamish Auchterlonie,Morag,Keston,Shernette Clarkeson,"
    "Waylon,Lainey Truscottville,Boone,Kemoy,Jovaughn Peddlesby,Tricia,Fergus"
)
_OTHER_NE_O = (
    "Aye,Per Kervellegan,Mere Tuhoeroa,Hone Tawhiriwai,Yenta,Tolulope Arowosegbe,Kunle,Yetunde,Tsion,"
    "Mekdes,Luwam,Merhawi Tesfaldetay,Faadumo,Guled Xirsimaal,Kou Xiongthao,Nou,Sophea,Vuthy Keomonyroth,"
    "Kyaw Zinhtet,Thiri,Chaminda Wickramasooriyage,Dilrukshi,Bishnu Khadkarai,Sushila,Faniry Razafindrabeloa,"
    "Hery,Ioane Leaupepeola,Rawiri,Huia,Nuka Qillaqsuaq,Siku,Gorka Zubiarrainaga,Ainhoa,Montse,Nolwenn,"
    "Goulven,Rakul,Zuzka,Tsvetelina,Boyko Stoilkarov,Blagoja,Bohdana,Mykola Hrytsenchuk,"
    "Yanka Kupryianchyk,Aysel,Tural Huseynbeyli,Narek,Lilit Sargsyants,Khava,Zelimkhan Dzhabrailovich,"
    "Mendel,Gittel Feinshtokker,Lupe,Beto Garzarubio"
)
OTHERS_O = others(
    _OTHER_EN_O,
    _OTHER_NE_O,
    Person("Mile Trajčevski", False, True, ascii=("Trajcevski",)),
    Person("Aleś Hlybokavets", False, True, ascii=("Ales", "Ales Hlybokavets")),
    Person("Jordi Puigventós", False, True, ascii=("Puigventos",)),
    Person("Uxía", False, True, ascii=("Uxia",)),
    Person("Juraj Hlinkovský", False, True, ascii=("Hlinkovsky",)),
    Person("Špela", False, True, ascii=("Spela",)),
)


# Set P (setp/): a sixteenth set, held out, other people and lines, the same recipe.
_WORDY_P = """chad honest dev cake young floor till mick yoga taro wit jet mats sum park moon bae princess
deep kip bar ran"""
PARTICIPANTS_P = [
    Person("Chad Wexborough", True),
    Person("Honest Makwindidza", True, True),
    Person("Devansh Sabharwalia", True, True, nick=("Dev", "Devu")),
    Person("Chanidapa Rattanakornkul", True, True, nick=("Cake",)),
    Person("Young-sik Maengho", True, True, ascii=("Youngsik",), hyphen=("Young",)),
    Person("Floor Verhoekstra", True, True),
    Person("Till Rückenwald", True, True, ascii=("Ruckenwald", "Rueckenwald")),
    Person("Michael Ballyfenner", True, nick=("Mick", "Micky")),
    Person("Yoga Pradiptanata", True, True),
    Person("Gwenllian Treharrowby", True, nick=("Gwen", "Gwenny")),
    Person("Chinonso Ezeokwuluora", True, True, nick=("Nonso",)),
    Person("Tahmina Chowdhurani", True, True, nick=("Tumpa",)),
]
_OTHER_EN_P = (
    "Kip Tennysford,Becca Lowthwaite,Jodie,Craig Muncastle,Gareth,Ciara Ballinderry,Kylie,Jarrod Pennycott,"
    "Shayna,DeShawn Merriwether,Jaylen,Cole Ashwicke,Nathan,Stacey Brinkhurst,Gord,Aoibhinn"
)
_OTHER_NE_P = (
    "Wit,Jet Oosterbroek,Mats,Pui-shan Sum,Ye-rin Park,Seul-gi Moon,Da-som Bae,Princess Dimaunahan,Deep,"
    "Bar,Noam Elkayamov,Ikechukwu Obiakonwa,Temitope,Adaora,Adwoa,Kwesi Ampofoh,Ekua,Awino Omondiwa,"
    "Wafula,Nomvula,Themba Ndabazandile,Rahul,Meera Iyengarappa,Harpreet,Usman Qaisrani,Ayesha,Bilal,"
    "Farhana Rahmanova,Rafiq,Jomar,Rhea Macapagalit,Thanh,Siriporn,Nattapong Chaiwattanakij,Xinyi,Zihan,"
    "Ran,Mayu Kishimotoya,Sota,Rizky,Ayu Permatasarina,Gabriela,Leticia Bragantino,Nuria,Alejandra,Lalo,"
    "Wilmer,Benedetta,Matteo Scaramuzzino,Despina,Giorgos,Mert,Magda,Radek,Sem,Jannik,Anneliese Brockhagen,"
    "Eetu,Yousef,Lamia,Mehrdad"
)
OTHERS_P = others(
    _OTHER_EN_P,
    _OTHER_NE_P,
    Person("Tarō Fujikawara", False, True, ascii=("Taro",)),
    Person("Duyên", False, True, ascii=("Duyen",)),
    Person("Gonçalo Vasquinho", False, True, ascii=("Goncalo",)),
    Person("Büşra Karaoğlu", False, True, ascii=("Busra", "Karaoglu")),
    Person("Siân Pryderi", False, True, ascii=("Sian",)),
    Person("Tadhg Cuileannáin", False, True, ascii=("Cuileannain",)),
)


# Set Q (setq/): a seventeenth set, held out, other people and lines, the same recipe.
_WORDY_Q = """love bent blue spud hon bang nil apple marvellous primo saffron gal lot ward delight power tank
page berry snow cook sherry babe"""
PARTICIPANTS_Q = [
    Person("Love Brännqvist", True, True, ascii=("Brannqvist",)),
    Person("Bent Vindeløkke", True, True, ascii=("Vindelokke",)),
    Person("Dougal Faircloughly", True, nick=("Blue", "Doogs")),
    Person("Tobias Murphingham", True, nick=("Spud", "Toby")),
    Person("Hon-ming Laufung", True, True, hyphen=("Hon", "Ming")),
    Person("Bằng Quáchtri", True, True, ascii=("Bang", "Quachtri", "Bang Quachtri")),
    Person("Nil Sarıkavaklı", True, True, ascii=("Sarikavakli", "Nil Sarikavakli")),
    Person("Apple Manalastasin", True, True, nick=("Apol",)),
    Person("Marvellous Mwansabwe", True, True, nick=("Marv",)),
    Person("Primo Scaravelli-Tosetti", True, True, hyphen=("Scaravelli", "Tosetti")),
    Person("Saffron Pendlebury", True, nick=("Saff", "Saffy")),
    Person("Gal Avrahamoff", True, True),
]
_OTHER_EN_Q = (
    "Tank,Ellery Page,Ottilie Berry,Kezia Snow,Marlow Cook,Sherry,Babe,Brennan Aldersley,Jemima,"
    "Rufus Blenkinsopp,Clemmie,Wilf,Arlo,Esme Thackwray,Monty,Keeley Gathercole,Deacon,Ronnie,Tallulah,"
    "Bronte Scarisbrick,Huxley,Lyle,Emmylou,Tate Pruitt,Raelynn,Kaden"
)
_OTHER_NE_Q = (
    "Lot Verschuuren,Ward Khouriyeh,Delight Amadiegwu,Power Chidzimbe,Hennie,Marlize Steenkampf,Urs,"
    "Reto Brunnenmeier,Yael,Itamar Shalevski,Noga,Rasha,Yazan Qaddoumi,Hiu-tung,Cheuk-yin,Ezgi,Kaan,"
    "Ligaya,Dindo Macaraegan,Chisomo,Mphatso Kalindawalo,Ornella,Gianmarco Bonfiglioli,Sixten,"
    "Tuva Lindqvarn,Emina,Hetal,Jignesh Parikhwala,Anju,Jithin Kuruvillath,Leonor,Nino,Vy,Nhi,Wisline,"
    "Yoandri Perezcano,Javiera,Yurany,Mursal,Farid Rahimzai,Levan Gelashvilidze,Vroni,Efisio,Mahlet,"
    "Kehinde,Lerato,Mpho,Riaan,Anouk,Freek,Yasemin,Defne"
)
OTHERS_Q = others(
    _OTHER_EN_Q,
    _OTHER_NE_Q,
    Person("Onur Kahramanoğlu", False, True, ascii=("Kahramanoglu",)),
    Person("Mette Kjærulf", False, True, ascii=("Kjaerulf",)),
    Person("Adnan Hadžiselimović", False, True, ascii=("Hadziselimovic",)),
    Person("Thaís", False, True, ascii=("Thais",)),
    Person("Zoltán Kéméndi", False, True, ascii=("Zoltan", "Kemendi")),
    Person("Dóra", False, True, ascii=("Dora",)),
)


# Set R (setr/): an eighteenth set, held out, other people and lines, the same recipe.
_WORDY_R = """perfect ask gang flex bash shin reg tamer chia clover blossom champ fox frost king bell lamb
shame chai jam nut yang"""
PARTICIPANTS_R = [
    Person("Shinnosuke Kuragamine", True, True, nick=("Shin", "Shinno")),
    Person("Perfect Agyemfrah", True, True),
    Person("Reginald Strachanmuir", True, nick=("Reg",)),
    Person("Ask Fjellvangen", True, True),
    Person("Tamer Abdelsalamy", True, True),
    Person("Bastien Carrothwaite", True, nick=("Bash",)),
    Person("Felix Campbellton", True, nick=("Flex",)),
    Person("Chia-hui Hsuehtsai", True, True, hyphen=("Chia", "Hui")),
    Person("Gang Heluoshan", True, True),
    Person("Mirosław Chrząszczewski", True, True, ("Mirek",), ("Miroslaw", "Chrzaszczewski")),
    Person("Margarida Valadaresco", True, True, nick=("Guida",)),
    Person("Chrysoula Papadakopoulou", True, True, nick=("Soula", "Chrysa")),
]
_OTHER_EN_R = (
    "Clover Ashenhurst,Blossom,Champ,Harvey Fox,Tobin Frost,Marquise King,Thea Bell,Rosalind Lamb,"
    "Spencer Halliwick,Phoebe,Rory,Callie Westerby,Jensen,Zara Cotterill,Leon,Freddie Brackwell,Millie,"
    "Archie,Ellis Pumphrey,Lydia,Amos Threlkeld,Tabitha,Ruben,Cressida Ormesby,Dexter,Wesley Grimsditch,"
    "Yvonne,Ozzie"
)
_OTHER_NE_R = (
    "Shame Mudzingwaro,Chai,Jam,Nut,Ruolan Yang,Dariush Khalilzadegan,Negin,Behnam,Amr Elshazlyani,Heba,"
    "Mahmoud,Driss Benchekroune,Khadija,Moussa,Fatou Ndiayebe,Cheikh,Oumou,Kouassi Yaobodje,Uwase,"
    "Mugisha Kagaboyi,Nakato,Syafiq,Nurul Hidayahti,Thandar,Rithy,Kanokwan,Haoyu,Zhiwei,Shu-fen Linkuo,"
    "Kaito,Misaki Hoshizora,Wara,Yeferson,Yokasta,Yadiel,Thalita,Gustavo Rezendinho,Rui Mascarenhas,Brais,"
    "Unai,Bogdan,Desislava Kostovska,Milica,Ivana,Anatoly Vereshchagin,Dovydas,Kalev,Onni Halmeaho,Bjarki,"
    "Sjoukje,Lieven,Florian Hinterstoisser,Yannig,Spyros,Athina,Selasi,Elikem,Solveig"
)
OTHERS_R = others(
    _OTHER_EN_R,
    _OTHER_NE_R,
    Person("Gergő Szalontaváry", False, True, ascii=("Gergo", "Szalontavary")),
    Person("Eòghann", False, True, ascii=("Eoghann",)),
    Person("Dieudonné Mukendiwa", False, True, ascii=("Dieudonne",)),
    Person("Áile", False, True, ascii=("Aile",)),
    Person("João Sequeirinha", False, True, ascii=("Joao",)),
)


# Set S (sets/): a nineteenth set, held out, other people and lines, the same recipe.
_WORDY_S = """brilliant tad trip jan dino poncho along wonder hero boat low chew wee sim tuna yen sweet sharp
moody buzz yam fry"""
PARTICIPANTS_S = [
    Person("Brilliant Mabasokazi", True, True, nick=("Brill",)),
    Person("Thaddeus Colquhart", True, nick=("Tad", "Trip", "Thad")),
    Person("Jan Vrbovecký", True, True, nick=("Honza",), ascii=("Vrbovecky",)),
    Person("Dino Vukorepić", True, True, ascii=("Vukorepic",)),
    Person("Alfonso Garduñoso", True, True, nick=("Poncho",), ascii=("Gardunoso",)),
    Person("Syahirah Ramlizan", True, True, nick=("Along", "Syira")),
    Person("Wonder Kachingwezi", True, True),
    Person("Makena Wathigira", True, True, nick=("Kena",)),
    Person("Aruzhan Kuanyshbayeva", True, True, nick=("Aru",)),
    Person("Ghinwa Azarkhoury", True, True, nick=("Ghinou",)),
    Person("Hêro Barzanjiyan", True, True, ascii=("Hero", "Hero Barzanjiyan")),
    Person("Chaiyaporn Srithongkhamwan", True, True, nick=("Boat",)),
]
_OTHER_EN_S = (
    "Marigold Sweet,Ivor Sharp,Agatha Moody,Buzz Hollenbeck,Rupert Fry,Cormac,Sorcha Mulvihill,Bronagh,"
    "Lorcan,Carys,Shona,Nigel Ashplant,Wendy,Leanne Bickerstaffe,Chantelle,Piers,Heidi,Graham,Darlene,"
    "Rhett Calloway,Lyndon Treadaway,Oakley Brumby,Alasdair Gillanders,Ezra"
)
_OTHER_NE_S = (
    "Kah-mun Low,Jolyn Chew,Shermaine Wee,Boon-keat Sim,Tuna Akbulutlu,Yam Tzabarinsky,Thabo Mthembu,"
    "Nomsa,Sizwe Tshabalala,Chikondi Mwale,Wairimu,Kiptoo Wekesa,Jelimo,Citlali,Uriel Achterberg,Emiliano,"
    "Renata,Milagros,Oriol,Karmenu,Zuzana,Gatis,Aiman,Syazwani,Izzat,Thivya,Saravanan,Salote,Josaia,Elie,"
    "Joelle,Rawad,Ghaith,Loujain,Berivan,Lusine,Elnur Mammadli,Filmon,Ngono,Aputsiaq,Ginette,Ainur,Dauren,"
    "Assel,Madina,Timur,Kairat,Dilan,Shirwan,Avan,Nazdar,Zhino,Bawar,Sarkawt,Enkhjin,Batbayar"
)
OTHERS_S = others(
    _OTHER_EN_S,
    _OTHER_NE_S,
    Person("Yến", False, True, ascii=("Yen",)),
    Person("Réjean Bouchardière", False, True, ascii=("Rejean", "Bouchardiere")),
    Person("Hêvî", False, True, ascii=("Hevi",)),
    Person("Lautaro Peñaflorida", False, True, ascii=("Penaflorida",)),
)


# Set T (sett/): a twentieth set, held out, other people and lines, the same recipe.
_WORDY_T = """monday hang prune tore sander guru curly marge crouch sin peanut sushi hill rice stone lone
pickle sugar chow ma hen yap pier"""
PARTICIPANTS_T = [
    Person("Monday Ekhaguosalo", True, True),
    Person("Hằng Lươngvỹ", True, True, ascii=("Hang", "Luongvy", "Hang Luongvy")),
    Person("Prune Kerhervé-Lallouet", True, True, ascii=("Kerherve",), hyphen=("Kerhervé", "Lallouet")),
    Person("Tore Lindbäckström", True, True, ascii=("Lindbackstrom",)),
    Person("Sander Vahtramäe", True, True, ascii=("Vahtramae",)),
    Person("Gurumoorthy Sivapalanathan", True, True, nick=("Guru",)),
    Person("Bethlehem Tadessework", True, True, nick=("Betty",)),
    Person("Curtis Brankstonhaugh", True, nick=("Curly",)),
    Person(
        "Marjorie Ramkissoonath-Crouch", True, nick=("Marge", "Margie"), hyphen=("Ramkissoonath", "Crouch")
    ),
    Person("Haneul Sin", True, True),
    Person("Josefina Errázabalde", True, True, nick=("Jose", "Peanut"), ascii=("Errazabalde",)),
    Person("Sushmita Bhandarigurung", True, True, nick=("Sushi", "Sush")),
]
_OTHER_EN_T = (
    "Kerris Hill,Gideon Rice,Saskia Stone,Pickle,Sugar,Jolyon Peverill,Wilbur Cranshaw,Mabel,"
    "Emmett Strawbridge,Lorelei,Luanne Boudreaux,Jeb,Tilly Rowbotham,Alfie,Freya Hollingdrake,Winnie,"
    "Bertram Quayleford,Nell"
)
_OTHER_NE_T = (
    "Lone Ravnsbjergholm,Kelvin Chow,Yuxuan Ma,Hen Mizrahioff,Jiaxuan Yap,Pier Wiersmastra,Prakriti,"
    "Bibek Shresthacharya,Nirmala,Kasun Jayasundarage,Dulani,Tharshan,Keerthana Yogalingam,Meskerem,"
    "Yonas Haileselassiew,Ayaan,Abdirahman Warfaaqe,Imani Mwakyusaga,Amani,Tornike Gvasalishvili,Salome,"
    "Gohar,Vahe Mkrtchyanov,Nodira,Bekzod Tursunkhojaev,Cholpon,Alsu,Rustem Galiakhmetov,Lenka,Elira,"
    "Genti Hoxhallari,Ngaio,Hemi Tawhaitaruke,Malia,Iosefa Leiatauaua,Shivanie Persadsingh,Devika,Maiwenn,"
    "Erwan Kervarrecou,Antonella,Henna,Jussi Kettunenmaa,Kertu,Doina"
)
OTHERS_T = others(
    _OTHER_EN_T,
    _OTHER_NE_T,
    Person("Urška Podgornikar", False, True, ascii=("Urska",)),
    Person("Jóannes", False, True, ascii=("Joannes",)),
    Person("Aurélien", False, True, ascii=("Aurelien",)),
    Person("Guðmundur Hjaltested", False, True, ascii=("Gudmundur",)),
    Person("Vicente Larraínzabal", False, True, ascii=("Larrainzabal",)),
)


# Set U (setu/): a twenty-first set, held out, other people and lines, the same recipe.
_WORDY_U = """friday shiny dimple man ante book biscuit marsh pit dolly mono cross swift bean hay kind pang
chin sang even tone pride"""
PARTICIPANTS_U = [
    Person("Friday Ssemakulawa", True, True),
    Person("Shiny Mannanthodath", True, True, nick=("Shinu",)),
    Person("Dimple Thakkarwala", True, True, nick=("Dimpu",)),
    Person("Chun-yat Man", True, True, hyphen=("Chun", "Yat")),
    Person("Ante Zovkićevac", True, True, ascii=("Zovkicevac", "Ante Zovkicevac")),
    Person("Phetsamone Vilaythongkham", True, True, nick=("Book",)),
    Person("Wendell Callender-Marsh", True, nick=("Biscuit", "Dell"), hyphen=("Callender", "Marsh")),
    Person("Pierre Schmitzhausen", True, True, nick=("Pit",)),
    Person("Durdana Qaiserkhel", True, True, nick=("Dolly",)),
    Person("Dorottya Szentgyörgyvári", True, True, ("Dorka",), ("Szentgyorgyvari",)),
    Person("Ionuț Brădișteanu", True, True, ascii=("Ionut", "Bradisteanu")),
    Person("Julián Arboledarrios", True, True, ("Mono",), ("Julian",)),
]
_OTHER_EN_U = (
    "Duncan Cross,Jasper Swift,Milo Bean,Georgina Hay,Nadine Fallowfield,Stuart,Reuben Gathergood,Clarissa,"
    "Portia Wenlock,Lionel,Mavis,Doreen Sallowby,Norris,Vernon Ashlake,Glenda,Trudy,Barry,Keith Pomfrett,"
    "Maureen,Percy,Quentin,Sylvia,Yolanda,Shaquana Bovellton,Carlisle"
)
_OTHER_NE_U = (
    "Lukas Kind,Pang Chi-keung,Chin Suet-lan,Even Rystadhaug,Pride Mothibedi,Amra,Selma,Somsack,"
    "Vanh Phommavongsa,Raluca,Sorin Vasilache,Yeison,Maryluz Cardonagil,Jincy,Anoop Thekkumkara,Bincy,"
    "Nimisha,Kalpesh Vaghasiya,Urvashi,Jhemp,Jang Wolzfeldt,Ninsiima,Wasswa Ssenyongako,Babirye,Akello,"
    "Opio Okellomoi,Ishimwe,Claudine Uwimanagatete,Mutesi,Sajan,Binoy Kuriakosekutty,Hiral,Dhruv,Khyati,"
    "Zaituni,Meryem,Hamid Benkiranezi,Ghita,Sana Qureshiwal,Faizan,Rimsha,Adeel Butterwalia,"
    "Ruth Quispehuaman,Wilber,Flor Mamaniyupa"
)
OTHERS_U = others(
    _OTHER_EN_U,
    _OTHER_NE_U,
    Person("Tone Bjørkelund", False, True, ascii=("Bjorkelund",)),
    Person("Sáng", False, True, ascii=("Sang",)),
    Person("Edin Mujagić", False, True, ascii=("Mujagic", "Edin Mujagic")),
    Person("Mirza Hadžibegić", False, True, ascii=("Hadzibegic", "Mirza Hadzibegic")),
    Person("Ildikó Szabadkai", False, True, ascii=("Ildiko",)),
    Person("Duván", False, True, ascii=("Duvan",)),
)


# Set V (setv/): a twenty-second set, held out, other people and lines, the same recipe.
_WORDY_V = """twinkle rocket goodwill pudding chippy couch tiger moss shepherd hunt little price pound
swallow tang loan cream rut berk ties cam"""
PARTICIPANTS_V = [
    Person("Twinkle Prasadnandan", True, True),
    Person("Semisi Ravuvukalou", True, True, nick=("Rocket",)),
    Person(
        "Þórunn Ketilbjörnsdóttir",
        True,
        True,
        ("Tóta",),
        ("Thorunn", "Tota", "Ketilbjornsdottir", "Thorunn Ketilbjornsdottir"),
    ),
    Person("Eñaut Goikoetxeabarrena", True, True, ("Txiki",), ("Enaut", "Enaut Goikoetxeabarrena")),
    Person("Vardan Ter-Avetisyants", True, True, nick=("Tiger", "Vardo"), hyphen=("Avetisyants",)),
    Person("Hōhepa Parataiwhenua", True, True, ("Chippy",), ("Hohepa",)),
    Person("Ľubica Zámečníkovská", True, True, ("Ľubka",), ("Lubica", "Lubka", "Zamecnikovska")),
    Person("Goodwill Mabuzamsibi", True, True),
    Person("Devendra Ramkhelawansingh", True, True, nick=("Pudding",)),
    Person("Morvoren Penhallow-Couch", True, hyphen=("Penhallow", "Couch")),
    Person("Losaline Tuimavaevae", True, True, nick=("Losa",)),
    Person("Kanykei Sadyrbekkyzy", True, True, nick=("Kanyka",)),
]
_OTHER_EN_V = (
    "Eustace Moss,Peregrine Shepherd,Priscilla Hunt,Torquil Little,Iestyn Price,Letitia Pound,"
    "Oswald Swallow,Gwendolen Ormerodby,Humphrey,Beatrix Oddingley,Casimir,Phyllida Wetherall,Cuthbert,"
    "Araminta Hatherleigh,Lysander,Winifred Abbotsleigh,Ptolemy,Ottoline,Algernon Fenwright,Ernestine,"
    "Leopold Marrinshaw,Jocasta,Rawle"
)
_OTHER_NE_V = (
    "Tang Siu-wah,Rut Almgrenholm,Ties Brouwerhuis,Cream,Mereani,Ratu Vakacegunivalu,Ravinesh,"
    "Shalveen Chandrakumaran,Sigrún,Ástvaldur Gunnlaugsson,Nahia,Garazi Etxanizbide,Anush,"
    "Hovhannes Poghosyanian,Nikau,Kahurangi Tekiteriwhare,Danka,Miroslav Kňazovický,Sefo,Fetuao Laulusamoa,"
    "Almazbek,Bermet Asanaliyeva,Sibusiso Dlamininkosi,Lowenna,Jowan Trevithickson,Shondell Jagmohan,"
    "Chathurika,Haja Rakotondrabe,Siosaia Fifitaloa"
)
OTHERS_V = others(
    _OTHER_EN_V,
    _OTHER_NE_V,
    Person("Loan Đinhthục", False, True, ascii=("Dinhthuc", "Loan Dinhthuc")),
    Person("Cẩm", False, True, ascii=("Cam",)),
    Person("Berk Tunçbilekli", False, True, ascii=("Tuncbilekli", "Berk Tuncbilekli")),
    Person("Ástríður", False, True, ascii=("Astridur",)),
    Person("Koldo Ibarguengoitia", False, True),
    Person("Blažena Kňažíková", False, True, ascii=("Blazena", "Knazikova")),
)


SET_A = LabelledSet(HERE, PARTICIPANTS, OTHERS, WORDY, SEED)
SET_B = LabelledSet(HERE / "holdout", PARTICIPANTS_B, OTHERS_B, frozenset(_WORDY_B.split()), SEED + 1)
SET_C = LabelledSet(HERE / "setc", PARTICIPANTS_C, OTHERS_C, frozenset(_WORDY_C.split()), SEED + 2)
SET_D = LabelledSet(HERE / "setd", PARTICIPANTS_D, OTHERS_D, frozenset(_WORDY_D.split()), SEED + 3)
SET_E = LabelledSet(HERE / "sete", PARTICIPANTS_E, OTHERS_E, frozenset(_WORDY_E.split()), SEED + 4)
SET_F = LabelledSet(HERE / "setf", PARTICIPANTS_F, OTHERS_F, frozenset(_WORDY_F.split()), SEED + 5)
SET_G = LabelledSet(HERE / "setg", PARTICIPANTS_G, OTHERS_G, frozenset(_WORDY_G.split()), SEED + 6)
SET_H = LabelledSet(HERE / "seth", PARTICIPANTS_H, OTHERS_H, frozenset(_WORDY_H.split()), SEED + 7)
SET_I = LabelledSet(HERE / "seti", PARTICIPANTS_I, OTHERS_I, frozenset(_WORDY_I.split()), SEED + 8)
SET_K = LabelledSet(HERE / "setk", PARTICIPANTS_K, OTHERS_K, frozenset(_WORDY_K.split()), SEED + 10)
SET_J = LabelledSet(HERE / "setj", PARTICIPANTS_J, OTHERS_J, frozenset(_WORDY_J.split()), SEED + 9)
SET_L = LabelledSet(HERE / "setl", PARTICIPANTS_L, OTHERS_L, frozenset(_WORDY_L.split()), SEED + 11)
SET_M = LabelledSet(HERE / "setm", PARTICIPANTS_M, OTHERS_M, frozenset(_WORDY_M.split()), SEED + 12)
SET_N = LabelledSet(HERE / "setn", PARTICIPANTS_N, OTHERS_N, frozenset(_WORDY_N.split()), SEED + 13)
SET_O = LabelledSet(HERE / "seto", PARTICIPANTS_O, OTHERS_O, frozenset(_WORDY_O.split()), SEED + 14)
SET_P = LabelledSet(HERE / "setp", PARTICIPANTS_P, OTHERS_P, frozenset(_WORDY_P.split()), SEED + 15)
SET_Q = LabelledSet(HERE / "setq", PARTICIPANTS_Q, OTHERS_Q, frozenset(_WORDY_Q.split()), SEED + 16)
SET_R = LabelledSet(HERE / "setr", PARTICIPANTS_R, OTHERS_R, frozenset(_WORDY_R.split()), SEED + 17)
SET_S = LabelledSet(HERE / "sets", PARTICIPANTS_S, OTHERS_S, frozenset(_WORDY_S.split()), SEED + 18)
SET_T = LabelledSet(HERE / "sett", PARTICIPANTS_T, OTHERS_T, frozenset(_WORDY_T.split()), SEED + 19)
SET_U = LabelledSet(HERE / "setu", PARTICIPANTS_U, OTHERS_U, frozenset(_WORDY_U.split()), SEED + 20)
SET_V = LabelledSet(HERE / "setv", PARTICIPANTS_V, OTHERS_V, frozenset(_WORDY_V.split()), SEED + 21)


MARKUP = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


def slot_pool(spec: LabelledSet, participant: bool) -> list[str]:
    """Name forms for slots: first names and nicknames weighted over last and full names."""
    weights = {"first": 3, "nick": 2, "ascii": 2, "hyphen": 2, "full": 1, "last": 1}
    if not participant:
        weights = {"first": 4, "full": 2, "last": 2, "ascii": 2}
    people = spec.participants if participant else spec.others
    # Others: as many English as non-English mentions, although there are more non-English names.
    halve = {p.full: p.non_english and not participant for p in people}
    return [s for p in people for s, kind in p.forms() for _ in range(weights[kind] // (1 + halve[p.full]))]


class Filler:
    """Fills {P}/{Q} slots alternately from participants and others, in varied casing."""

    def __init__(self, spec: LabelledSet) -> None:
        self.rng = random.Random(spec.seed)
        self.pools = {True: slot_pool(spec, True), False: slot_pool(spec, False)}
        self.turn = self.rng.random() < 0.5

    def name(self, shouting: bool) -> str:
        self.turn = not self.turn
        surface = self.rng.choice(self.pools[self.turn])
        style = "upper" if shouting else self.rng.choices(["title", "lower", "upper"], [45, 40, 15])[0]
        return {"title": surface, "lower": surface.lower(), "upper": surface.upper()}[style]

    def expand(self, template: str) -> str:
        literal = re.sub(r"\{[PQ]\}|\[\[.+?\]\]|\{\{.+?\}\}", "", template)
        shouting = any(c.isalpha() for c in literal) and literal == literal.upper()
        return re.sub(r"\{[PQ]\}", lambda _: f"[[{self.name(shouting)}]]", template)


def parse(marked: str) -> tuple[str, list[list[int]], list[list[int]]]:
    """'tell [[Will]] i {{will}} be late' -> text, person spans, everyday spans."""
    text, persons, everyday, pos = "", [], [], 0
    for m in MARKUP.finditer(marked):
        text += marked[pos : m.start()]
        word = m.group(1) or m.group(2)
        (persons if m.group(1) else everyday).append([len(text), len(text) + len(word)])
        text += word
        pos = m.end()
    return text + marked[pos:], persons, everyday


def is_emoji(ch: str) -> bool:
    return ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF


def neighbours(text: str, start: int, end: int) -> str:
    """The characters next to a span, looking past one space, a possessive and a variation selector."""
    after = text[end:]
    after = after[2:] if after[:2].lower() == "'s" else after
    before = text[:start].rstrip("\ufe0f")
    return before[-1:] + before.rstrip(" ")[-1:] + after[:1] + after.lstrip(" ")[:1]


def tags_for(text: str, start: int, end: int, spec: LabelledSet = SET_A) -> list[str]:
    surface = text[start:end]
    person, kind = spec.forms()[surface.casefold()]
    kinds = {"nick": "nickname", "full": "full-name", "last": "last-name"}
    kinds |= {"ascii": "diacritic-free", "hyphen": "hyphen-part"}
    tags = ["participant" if person.participant else "other"]
    tags += ["lowercase"] if surface.islower() else ["allcaps"] if surface.isupper() else []
    tags += [kinds[kind]] if kind in kinds and (person.participant or kind != "last") else []
    tags += ["wordy"] if any(w in spec.wordy for w in re.findall(r"\w+", surface.casefold())) else []
    tags += ["non-english"] if person.non_english else []
    tags += ["emoji"] if any(is_emoji(c) for c in neighbours(text, start, end)) else []
    tags += ["handle"] if text[:start].endswith("@") else []
    tags += ["possessive"] if text[end : end + 2].lower() == "'s" else []
    return tags


def check(
    text: str, persons: list[list[int]], everyday: list[list[int]], wordy: frozenset[str] = WORDY
) -> None:
    """Every word in `wordy` is labelled one way or the other; spans never overlap."""
    spans = sorted(persons + everyday)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2, f"overlapping spans in {text!r}"
    for m in re.finditer(r"\w+", text):
        if m.group().casefold() in wordy:
            assert any(s <= m.start() and m.end() <= e for s, e in spans), (
                f"unlabelled {m.group()!r}: {text!r}"
            )


def build(spec: LabelledSet = SET_A) -> list[dict[str, object]]:
    filler = Filler(spec)
    rows: list[dict[str, object]] = []
    for raw in (spec.folder / "person_mentions.src.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        repeats = REPEATS if re.search(r"\{[PQ]\}", raw) else 1
        for _ in range(repeats):
            text, persons, everyday = parse(filler.expand(raw))
            check(text, persons, everyday, spec.wordy)
            tags = [tags_for(text, s, e, spec) for s, e in persons]
            rows.append(
                {"id": len(rows), "text": text, "persons": persons, "everyday": everyday, "tags": tags}
            )
    return rows


def write(spec: LabelledSet) -> None:
    rows = build(spec)
    out = spec.folder / "person_mentions.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    names = [p.full for p in spec.participants]
    (spec.folder / "participants.json").write_text(
        json.dumps(names, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    n_persons = sum(len(r["persons"]) for r in rows)  # type: ignore[arg-type]
    n_everyday = sum(len(r["everyday"]) for r in rows)  # type: ignore[arg-type]
    print(f"{len(rows)} lines, {n_persons} person mentions, {n_everyday} everyday words -> {out}")


def main() -> None:
    for spec in (
        SET_A,
        SET_B,
        SET_C,
        SET_D,
        SET_E,
        SET_F,
        SET_G,
        SET_H,
        SET_I,
        SET_J,
        SET_K,
        SET_L,
        SET_M,
        SET_N,
        SET_O,
        SET_P,
        SET_Q,
        SET_R,
        SET_S,
        SET_T,
        SET_U,
        SET_V,
    ):
        write(spec)


if __name__ == "__main__":
    main()
