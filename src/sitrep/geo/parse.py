"""Toponym recognition and resolution: every place a text names, resolved against the gazetteer.

Recognition is gazetteer-driven (spaCy entities are only an extra signal): capitalised word runs are
looked up by their folded key and by their transliteration-tolerant key, long names first; unknown
capitalised words get one-edit typo matching against important places of the article's country.
Guards reject common words that are also place names, person names, and abbreviations that are not
written as abbreviations. Resolution scores each candidate on its kind and population, the article's
country focus, the countries and provinces named nearby ("Hajin, Deir ez-Zor"), and cue words
("X province" -> the province, "X countryside"). Where the text names no country, non-place cues ("IEBC") and
the outlet's own country (its source's name, its URL's country-code domain) make the focus.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
from rapidfuzz import fuzz

from sitrep.extract.actors import outlet_countries
from sitrep.geo.distance import km_between
from sitrep.geo.facilities import facility_words
from sitrep.geo.gazetteer import (
    ABBREV,
    ADMIN1,
    ADMIN2,
    ADMIN2_SUFFIX,
    ALT,
    AREA_CODES,
    CITY,
    CONTINENT,
    COUNTRY,
    CURATED,
    DEMONYM,
    LOCAL_UNIT,
    LOOSE,
    MAIN,
    Entry,
    Gazetteer,
    Hit,
)
from sitrep.geo.normalize import PARTICLES, article_apart, fold, loose
from sitrep.model import Entity, Place

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\b[A-Z]&[A-Z]\b(?=\s*[),.;]|\s*$)|[^\W\d_](?:[^\W_]|['\u2019\u2018\u02bf\u02be](?=[^\W\d_]))*")
MAX_TOKENS = 6
FUZZY = 5  # name_kind used for typo matches (not stored in the gazetteer)

CONNECTORS = frozenset({"of", "and", "de", "la", "le", "du", "des", "del", "da", "do", "dos", "das", "on", "los", "las",
                        "lo", "sub", "di", "della", "dei", "degli", "nad", "pod", "na",
                        "upon", "the", "al", "el", "ad", "ar", "as", "at", "az", "ash", "ez", "es", "an", "en",
                        "bin", "bint", "ibn", "abu", "um", "umm", "wa", "y", "i", "sur", "am", "im", "an der",
                        "oil", "gas", "field", "fields", "oilfield", "oilfields", "camp", "camps", "refugee",
                        "air", "base", "airbase", "airfield", "crossing", "border", "valley", "desert", "plant",
                        "nuclear", "power", "steel", "exclusion", "zone", "national", "park", "international",
                        "airport", "forest", "island", "mountains", "mountain", "plains", "plain", "peninsula",
                        "region", "strip", "bank", "garrison", "complex", "mosque", "compound", "works",
                        "military", "displacement", "pocket", "river", "au", "aux"})
PROVINCE_WORDS = frozenset({"province", "provinces", "governorate", "governorates", "region", "regions", "oblast",
                            "oblasts", "state", "states", "prefecture", "wilaya", "wilayah", "department",
                            "countryside", "region's", "province's", "governorate's"})
# the last word of a sea's or ocean's name ("the Red Sea"), which some provinces are named after
SEA_WORDS = frozenset({"sea", "ocean", "gulf"})
# "Migori MCAs", "Kisumu MPs": an acronym after a name is what the place has, never a surname
ACRONYM = re.compile(r"[A-Z]{2,5}s?")
DISTRICT_WORDS = frozenset({"district", "districts", "county", "counties", "subdistrict", "sub-district",
                            "municipality", "raion", "rayon", "tehsil", "division", "lga"})
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around", "of", "across", "towards",
                      "toward", "between", "and", "via", "through", "inside", "within", "on", "outskirts", "off"})
# words before or after a name that make it a place, not a person: "an Akkar road", "from Elwak to Mandera"
PLACE_BEFORE = frozenset({"in", "at", "near", "from", "to", "into", "across", "towards", "toward", "via", "through",
                          "inside", "within", "a", "an", "the"})
TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "col", "colonel", "sgt",
                    "lt", "capt", "captain", "king", "queen", "prince", "sheikh", "judge", "senator", "sen",
                    "rep", "gov", "governor", "mayor", "commander", "chief", "lord", "sir", "saint", "st",
                    "pope", "imam", "brigadier", "spokesman", "spokeswoman", "officer", "emir", "prof"})
DESCRIPTIVE = frozenset({"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
                         "northeastern", "northwestern", "southeastern", "southwestern", "greater", "upper",
                         "lower", "downtown", "rural", "old", "new", "occupied", "liberated", "besieged",
                         "metropolitan", "suburban", "coastal", "inner", "outer", "south-west", "south-east",
                         "north-west", "north-east"})
FEATURE_WORDS = PROVINCE_WORDS | DISTRICT_WORDS | frozenset({
    "city", "town", "village", "valley", "river", "desert", "mountains", "mountain", "airport", "camp",
    "countryside", "area", "region", "border", "front", "frontline", "outskirts", "suburb", "suburbs"})
PLACE_AFTER = FEATURE_WORDS | frozenset({"road", "highway"})
ORG_WORDS = frozenset({"university", "airport", "bank", "hospital", "council", "police", "stadium", "mosque",
                       "church", "street", "road", "square", "times", "post", "herald", "news", "zoo", "museum",
                       "college", "school", "club", "fc", "city", "county", "international", "prison", "court",
                       "government", "airlines", "station", "port", "harbour", "harbor", "bridge", "park",
                       "municipality", "governorate", "province", "district", "oblast", "region", "state",
                       # "Bungoma High School", "Kisumu Girls' High School": schools named after their town
                       "high", "secondary", "primary", "girls", "boys", "polytechnic", "academy", "institute",
                       "market", "nature", "conservancy", "ranch", "reserve", "forest", "cec", "assembly"})
# words after a name that make it an organisation's, not where something stands ("Ryerson University")
ORGANISATION_HEADS = frozenset({"university", "college", "polytechnic", "academy", "institute", "news", "times",
                                "post", "herald", "club", "fc", "airlines", "bank", "group", "company"})
# a ward or commune with a town of the province the text names for it this near is in that province
UNIT_REFILE_KM = 30.0
ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?$", re.IGNORECASE)
# "Montreal Mayor", "Quebec Health Minister": offices and ministries named after a place
OFFICES = frozenset({"mayor", "premier", "minister", "ministry", "governor", "gov", "senator", "sen", "mp", "mla",
                     "health", "education", "transport", "transportation", "finance", "justice", "environment",
                     "energy", "labour", "labor", "public", "attorney", "fish", "parks", "opposition", "liberals",
                     "conservatives", "democrats", "republicans"})
# "Florida Senator", "New York Gov.": the name of a state or province, not its capital
STATE_TITLES = frozenset({"gov", "governor", "senator", "sen", "legislature", "premier", "assemblyman", "minister",
                          "ministry", "health", "education", "transport", "transportation", "finance", "justice",
                          "environment", "energy", "attorney"})
# between a place and its container: the rest of an unknown name ("-e Barakzayi"), another name in brackets
# ("(Delaram)"), a feature word, then a comma or a bracket ("Nawa-e Barakzayi district, Helmand")
APPOSED = re.compile(r"(?:(?:\s+|-)(?:[A-Z][\w'\u2019]*|e|i|ye|wa|o))*\s*(?:\([A-Z][\w'\u2019 -]*\)\s*)?"
                     r"(?i:(?:district|province|county|sub-?county|constituency|ward|sub-?location|location|division"
                     r"|town|city|village|area|governorate"
                     r"|region|oblast|raion|rayon|municipality|state|lga|department|prefecture)\s*)?[,(]\s*")
CURRENCY_WORDS = frozenset({"dollar", "dollars", "pound", "pounds", "franc", "francs", "rupee", "rupees", "yuan"})
# "Mansura in the western countryside of Ar-Raqqa", "Maoxian county in Sichuan": the next name contains it
IN_CONTAINER = re.compile(r"(?:\s+(?i:district|county|sub-?county|town|city|village|area|municipality|raion))?"
                          r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?"
                          r"(?:(?:countryside|outskirts|suburbs|parts?|areas?)\s+of\s+(?:the\s+)?)?")
OPENING_QUOTES = frozenset({'"', "'", "\u201c", "\u2018"})
_ORG_NOUNS = (r"(?:company|companies|corporation|firm|group|factory|brand|hotel|restaurant|club|newspaper|magazine"
              r"|party|movement|association|union|cooperative|school)")
QUOTED_BEFORE_ORG = re.compile(rf"[\"'\u201d\u2019]\s+{_ORG_NOUNS}\b", re.IGNORECASE)
ORG_BEFORE_QUOTED = re.compile(rf"\b{_ORG_NOUNS}\s+(?:called\s+|named\s+)?[\"'\u201c\u2018]$", re.IGNORECASE)
HOLIDAY = re.compile(r"(?:-[A-Z][\w']*)*\s+[Dd]ay\b")
HYPHENED_WORD = re.compile(r"-(?!(?:" + "|".join(sorted(CONNECTORS - {"an der"})) + r")\b)[a-z]{2,}")
# "A Burundian woman": capitalised English articles, which open sentences, not names
ENGLISH_ARTICLES = frozenset({"A", "An", "The"})
# "a friend of Vladimir", "his brother Tyler": a person's relations name a person
RELATIVES = frozenset({"friend", "friends", "son", "daughter", "wife", "husband", "brother", "sister", "father",
                       "mother", "widow", "widower", "cousin", "nephew", "niece", "uncle", "aunt", "grandson",
                       "granddaughter", "ally", "aide", "colleague", "partner", "fiancee", "fiance", "girlfriend",
                       "boyfriend"})
PERSON_VERBS = frozenset({"said", "says", "told", "added", "stated", "noted", "explained", "wrote", "tweeted",
                          "argued", "insisted", "claimed", "announced", "warned", "asked", "replied"})


@cache
def not_places() -> frozenset[str]:
    path = Path(str(resources.files("sitrep"))) / "data" / "places" / "not_places.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(ln.strip().lower() for ln in fh if ln.strip() and not ln.startswith("#"))


@cache
def _country_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """Words that are no place but point to one country: parties, institutions, security forces
    (`data/places/country_cues.csv`, each row with its source)."""
    rows = _cue_rows()
    table = {r["cue"]: r["iso2"] for r in rows}
    alternatives = "|".join(re.escape(c) for c in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), table


@cache
def _international_outlets() -> re.Pattern[str]:
    """Wire services, world broadcasters and papers of record that report from everywhere
    (`data/places/international_outlets.csv`): the country in "Agence France Presse" or "Voice of America"
    says nothing about where their stories happen."""
    path = Path(str(resources.files("sitrep"))) / "data" / "places" / "international_outlets.csv"
    with path.open(encoding="utf-8") as fh:
        names = [row["outlet"] for row in csv.DictReader(fh)]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # the outlet's name, then at most its service or edition ("-- English", "News Agency - French", "Monitoring");
    # "Associated Press of Pakistan" is another agency
    edition = rf"(?:[\s-]+(?:{'|'.join(OUTLET_EDITION_WORDS)}))*"
    return re.compile(rf"(?:the\s+)?(?:{alternatives}){edition}[\s.-]*", re.IGNORECASE)


OUTLET_EDITION_WORDS = ("news", "agency", "monitoring", "world", "service", "online", "wire", "newswire", "english",
                        "french", "arabic", "spanish", "portuguese", "russian", "chinese", "swahili", "afrique", "africa")


def is_international_outlet(name: str) -> bool:
    """Whether a source's name is an international outlet's ("Agence France Presse -- English", "BBC Monitoring")."""
    return _international_outlets().fullmatch(name.strip()) is not None


@cache
def _cue_rows() -> list[dict[str, str]]:
    path = Path(str(resources.files("sitrep"))) / "data" / "places" / "country_cues.csv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def cue_regions_table() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Cue -> (country, the provinces it points to by name): "OSCE SMM" -> ("UA", ("Donetsk", "Luhansk"))."""
    return {r["cue"]: (r["iso2"], tuple(a for a in (r.get("admin1") or "").split(";") if a))
            for r in _cue_rows() if r.get("admin1")}


def cue_admin1s(text: str, admin1_names: dict[str, str]) -> tuple[str, ...]:
    """Admin1 codes the text's non-place cues point to ("the OSCE SMM observed ..." -> Donetsk, Luhansk), in
    the order the cues and their rows name them: a same-named village there is likelier than one elsewhere
    in the country, and an event placed nowhere else is in the first of them."""
    pattern, _ = _country_cues()
    regions = cue_regions_table()
    wanted: dict[tuple[str, str], None] = {}
    for cue in dict.fromkeys(m.group(0) for m in pattern.finditer(text)):
        if cue in regions:
            wanted |= dict.fromkeys((regions[cue][0], name) for name in regions[cue][1])
    if not wanted:  # most texts: no need to walk every province of the world
        return ()
    code_of = {(code.split(".")[0], name): code for code, name in admin1_names.items()}
    return tuple(code_of[w] for w in wanted if w in code_of)


def cue_countries(text: str) -> Counter[str]:
    """Countries the text's non-place cues point to ("ODM supporters" -> KE), one vote per distinct cue."""
    pattern, table = _country_cues()
    return Counter(table[c] for c in {m.group(0) for m in pattern.finditer(text)})


# country-code domains sold worldwide for their letters (".io", ".tv", ".ly"): no sign of where an outlet is
GENERIC_CCTLDS = frozenset({"ac", "ad", "ag", "ai", "am", "as", "bz", "cc", "cd", "co", "fm", "gg", "gl", "im", "io",
                            "je", "la", "ly", "me", "ms", "mu", "nu", "sh", "so", "st", "tk", "to", "tv", "vc", "ws"})
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^/@]*@)?([^/:?#]+)", re.IGNORECASE)


def domain_country(url: str | None, known: Container[str]) -> str | None:
    """ISO2 of a URL's country-code domain ("standardmedia.co.ke" -> "KE", ".uk" -> "GB"), if it has one."""
    match = _HOST.match((url or "").strip())
    if not match or "." not in match.group(1):
        return None
    tld = match.group(1).rstrip(".").rsplit(".", 1)[-1].lower()
    iso2 = "GB" if tld == "uk" else tld.upper()
    return iso2 if len(tld) == 2 and tld not in GENERIC_CCTLDS and iso2 in known else None


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    index: int
    sent_start: bool  # first word of a sentence (capitalisation is no evidence there)
    dot: bool = False  # directly followed by "." ("Ky.", "Alta.")


@dataclass(slots=True)
class Mention:
    """A recognised toponym and its scored candidates (best first after resolution)."""

    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    hits: list[Hit]
    how: int  # best name kind the span matched with (MAIN/ALT/LOOSE/FUZZY/DEMONYM/ABBREV)
    cue: str = ""  # "province", "district", "countryside" when such a word follows
    cue_word: str = ""  # ... and that word ("county")
    wordlike: bool = False  # one token that is also an English dictionary word
    locative: bool = False  # after "in", "near", "from", ...
    slot: bool = False  # where only a place can stand ("in X city", "the town of X", see `_place_slot`)
    settlement: bool = False  # told as a town ("the West Bank city of Jenin", "Tarinkot city"), not a province
    outside: bool = False  # no reading lies in the container the text names for it
    bracket_tail: bool = False  # the last name in a place's bracket ("Dowa (Central)", "(Balaka, Southern)")
    # another spelling of a town, followed by a capitalised word that is no English word ("Sulayman Bak")
    heads_name: bool = False
    far_from_town: bool = False  # a respelling with no reading near the district town named after it
    # its best reading is a town inside the province or country named right after it ("Severn, Md.")
    in_named_container: bool = False
    sent_start: bool = False
    scores: list[float] = field(default_factory=list)
    weight: float = 1.0  # how much the name tells where the text is (see `country_weight`)


# "the Kenyan town of", "Kenyan police": a country's adjective before a place or a state agent is where it is
# ("the Kenyan border with Ethiopia": the Kenyan side of it)
AT_HOME = re.compile(r"\s+(?:border\s+with\b|(?:border\s+)?(?:town|city|village|capital|port|coast|province|region|county"
                     r"|countryside|soil|territory|side|authorities|police|army|forces|security|government|troops"
                     r"|military|officials|navy|air\s+force|soldiers)\b)", re.IGNORECASE)
# "the border with Somalia", "Saudi-led", "from Ethiopia": a neighbour, a backer, an origin
ABROAD_BEFORE = re.compile(r"\b(?:border\s+with|borders?\s+of|from)\s+(?:the\s+)?$", re.IGNORECASE)
ABROAD_AFTER = re.compile(r"-(?:led|backed|based|born|made|funded|sponsored)\b")


def country_weight(text: str, m: Mention) -> float:
    """How much a country's name or adjective says the text is there: more for "the Kenyan town of" or
    "Kenyan police", less for "the border with Somalia", "Saudi-led" or "from Ethiopia"."""
    if not any(h.entry.kind == COUNTRY for h in m.hits):
        return 1.0
    if ABROAD_AFTER.match(text, m.end) or ABROAD_BEFORE.search(text[max(0, m.start - 30):m.start]):
        return 0.3
    if m.how == DEMONYM and AT_HOME.match(text, m.end):
        return 3.0
    return 1.0


def display_name(name: str) -> str:
    """ASCII-ish display form of a GeoNames name ("‘Afrīn" -> "Afrin")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"['\u2018\u2019\u02bc\u02bb\u02be\u02bf`]", "", text).strip()


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    prev_end = 0
    for m in TOKEN.finditer(text):
        gap = text[prev_end:m.start()]
        sent_start = not tokens or bool(re.search(r"[.!?:;\"\u201c\u201d]\s*$|\n\s*$", gap))
        end = m.end()
        if end - m.start() > 3 and text[end - 2] in "'\u2019" and text[end - 1] in "sS":
            end -= 2  # possessive: "Russia's"
        tokens.append(Token(m.start(), end, text[m.start():end], len(tokens), sent_start,
                            text[end:end + 1] == "."))
        prev_end = m.end()
    return tokens


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _joinable(text: str, a: Token, b: Token) -> bool:
    """Whether token b continues a name after token a (only spaces or one hyphen between them, or the dot of
    an abbreviation that opens names: "St. Louis", "Mt. Elgon")."""
    gap = text[a.end:b.start]
    return gap in (" ", "-", "- ", " -", "\u2010", "\u2011") or (gap.isspace() and "\n" not in gap and len(gap) <= 2) \
        or (gap in (". ", ".") and text[a.start:a.end].lower() in NAME_ABBREVIATIONS)


# abbreviations that open place names, written with a dot ("St. Thomas", "Ft. Worth", "Mt. Kenya")
NAME_ABBREVIATIONS = frozenset({"st", "ste", "sts", "mt", "ft", "pt"})


# Arabic articles written apart and in lower case ("in el Mina", "in ash Shaikh Outhman"): the span with the
# article is tried too (only these, not "at"/"as"/"an", which are English words)
SPACED_ARTICLES = frozenset({"al", "el", "esh", "ash", "ath", "adh", "ez", "az"})


def _candidate_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        starts_name = _is_cap(tok) or (
            low in PARTICLES and i + 1 < n and _joinable(text, tok, tokens[i + 1]) and _is_cap(tokens[i + 1])
            and (text[tok.end:tokens[i + 1].start] == "-"
                 or (low in SPACED_ARTICLES and text[tok.end:tokens[i + 1].start] == " ")))
        if not starts_name or (low in PARTICLES and i + 1 < n and tokens[i + 1].text.lower() in NAME_ABBREVIATIONS):
            continue  # "At St. Paul": the preposition opening a sentence, not an Arabic article
        j = i
        while j < n and j - i < MAX_TOKENS:
            # ("Cox's Bazar": a possessive inside a name; "Kirkuk's Hawija" is found no name, and its parts are
            # tried alone)
            if j > i and not ((_joinable(text, tokens[j - 1], tokens[j])
                               or text[tokens[j - 1].end:tokens[j].start] in ("'s ", "\u2019s "))
                              and (_is_cap(tokens[j]) or tokens[j].text.lower() in CONNECTORS
                                   or (tokens[j].text.lower() in PARTICLES
                                       and text[tokens[j - 1].end:tokens[j].start] == "-")
                                   or _spaced_ezafe(text, tokens, j))):
                break
            spans.append((i, j + 1))
            j += 1
    return spans


def _name_runs_on(text: str, tokens: list[Token], j: int) -> bool:
    """Whether the capitalised name ending before token j goes on through a spaced article to another capitalised
    word ("Wata al Msaytbeh"), or the span itself ends with that article ("Wata al")."""
    if j < len(tokens) and tokens[j].text in SPACED_ARTICLES:
        return j + 1 < len(tokens) and _is_cap(tokens[j + 1]) and _joinable(text, tokens[j], tokens[j + 1])
    return tokens[j - 1].text in SPACED_ARTICLES and j < len(tokens) and _is_cap(tokens[j])


def _article_slot(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens[i:j] stand where a place is named: after "in"/"near" (or "near the") or a verb of taking or
    striking, or before a feature word ("Yusufiyah area", "Hawija district")."""
    def low(k: int) -> str:
        return tokens[k].text.lower() if 0 <= k < len(tokens) else ""
    before = low(i - 1)
    return before in LOCATIVE or before in PLACE_VERBS or (before == "the" and low(i - 2) in LOCATIVE) \
        or low(j) in FEATURE_WORDS


def _with_article(key: str) -> tuple[str, ...]:
    """'hawija' -> ('al hawija', 'el hawija'): the keys of a name with the Arabic article it was written without
    (none for a key that has one already)."""
    if not key or key.split()[0] in PARTICLES:
        return ()
    return f"al {key}", f"el {key}"


def _spaced_ezafe(text: str, tokens: list[Token], j: int) -> bool:
    """'Kut e Abdollah', 'Deh i Sabz': a Persian ezafe written apart between two capitalised words."""
    return tokens[j].text in ("e", "i", "ye") and j + 1 < len(tokens) and _is_cap(tokens[j + 1]) and \
        text[tokens[j - 1].end:tokens[j].start] == " " and text[tokens[j].end:tokens[j + 1].start] == " "


class Parser:
    """Recognise and resolve toponyms in one text with one gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._outlets: dict[tuple[str | None, str | None], Counter[str]] = {}  # a feed repeats its outlets
        self._outlet_table: dict[str, str] | None = None
        for second_level in (False, True):  # pycountry's subdivision table takes ~60 ms to load: at start-up,
            _subdivision_words(second_level)  # not on an article

    # ------------------------------------------------------------------ recognition
    def recognise(self, text: str, entities: list[Entity] | None = None) -> tuple[list[Token], list[Mention]]:
        tokens = tokenize(text)
        spans = _candidate_spans(text, tokens)
        # each span's surface, folded and loose keys, and its keys with an Arabic article where it stands in a
        # place slot
        keys: dict[tuple[int, int], tuple[str, str, str, tuple[str, ...]]] = {}
        wanted: set[str] = set()
        for i, j in spans:
            surface = text[tokens[i].start:tokens[j - 1].end]
            fk, lk = fold(surface), loose(surface)
            articled = _with_article(fk) if _article_slot(tokens, i, j) else ()
            keys[(i, j)] = (surface, fk, lk, articled)
            wanted.update(k for k in (surface, fk, lk, article_apart(fk), *articled) if k)
            if tokens[j - 1].dot:
                wanted.add(surface + ".")
        found = self.gaz.lookup_many(wanted)
        # words the text writes in lower case, less a name so written before the kind of place it is ("held in
        # Machakos ..., machakos county Governor"), when it is no English word
        lower_words = {t.text for t in tokens if t.text.islower()} - {
            t.text for t, nxt in zip(tokens, tokens[1:], strict=False)
            if t.text.islower() and nxt.text.lower() in PLACE_KINDS and fold(t.text) not in self.gaz.words}
        stop = not_places()
        ent_label = _entity_labels(entities or [])
        # one sense per text: a name the text uses as a place somewhere ("in Cairns", spaCy GPE) is not a person
        # where spaCy calls it one ("the Cairns police")
        place_ctx = _place_senses(entities or [], tokens, text)
        named = [(e.start, e.end, e.label) for e in entities or []]
        provinces = self._provinces_told(entities or [])
        mentions: list[Mention] = []
        covered = -1
        by_start: dict[int, list[tuple[int, int]]] = {}
        for i, j in spans:
            by_start.setdefault(i, []).append((i, j))
        for i in sorted(by_start):
            if i <= covered:
                continue
            for _, j in sorted(by_start[i], key=lambda s: -s[1]):
                surface, fk, lk, articled_keys = keys[(i, j)]
                last = tokens[j - 1].text
                if not _is_cap(tokens[j - 1]) and j - i == 1:
                    continue
                abbrev = [h for h in found.get(surface + ".", ()) if h.name_kind == ABBREV] \
                    if tokens[j - 1].dot else []
                # a ward or commune named like an English word ("Tour", "Lari") is that unit only right after "in",
                # "near" ...: elsewhere the word stays what it was without it
                units = fk not in self.gaz.words or (i > 0 and tokens[i - 1].text.lower() in PLACE_PREPS)
                hits = abbrev or self._hits(surface, fk, lk, found, units,
                                            dateline=j - i == 1 and _opens_dateline(text, tokens[i]))
                if articled_keys and not any(h.name_kind in (MAIN, ALT, ABBREV) for h in hits):
                    # "in Hawija", "Yusufiyah area": a name written without the Arabic article GeoNames writes
                    # ("Al-Hawija") is that name, in a place slot, not a mere respelling
                    articled = {h.entry.id: Hit(h.entry, ALT) for key in articled_keys
                                for h in found.get(key, ()) if h.name_kind in (MAIN, ALT)}
                    if articled:
                        hits = [*articled.values(), *(h for h in hits if h.entry.id not in articled)]
                # "Wata al Msaytbeh": a respelling that matches only the start of a name running on through an
                # article is no reading of that name (al-Watiya air base is in Libya)
                if hits and _name_runs_on(text, tokens, j):
                    hits = [h for h in hits if h.name_kind != LOOSE]
                # "A Burundian woman": the English article opening a sentence is no Arabic one ("a brandan" is no
                # respelling of Brandon); a name that really starts so is spelt as written ("A Coruña")
                if j - i >= 2 and tokens[i].text in ENGLISH_ARTICLES and \
                        not any(h.name_kind in (MAIN, ALT, ABBREV) for h in hits):
                    continue
                if not hits:
                    continue
                end = tokens[j - 1].end + (1 if abbrev else 0)
                mention = Mention(tokens[i].start, end, text[tokens[i].start:end], i, j, hits,
                                  min(h.name_kind for h in hits), _cue(tokens, j))
                mention.cue_word = tokens[j].text.lower() if mention.cue and j < len(tokens) else ""
                if not mention.cue and (word := _province_of(tokens, i)):
                    mention.cue, mention.cue_word = "province", word  # "the Syrian province of Hama"
                mention.sent_start = tokens[i].sent_start
                mention.bracket_tail = BRACKET_CLOSE.match(text, end) is not None and \
                    BRACKET_TAIL_BEFORE.search(text, max(0, tokens[i].start - 80), tokens[i].start) is not None
                if not self._plausible(mention, tokens, stop, lower_words, ent_label, text, place_ctx, named,
                                       provinces):
                    break  # nor is a shorter start of a name the text uses otherwise ("San" of "San Luis de ...")
                if not _is_cap(tokens[j - 1]) and last.lower() in CONNECTORS and \
                        all(h.entry.kind != CURATED for h in hits):
                    continue
                # WordNet lists famous places too ('edmonton'): a word named after a big city is that city
                # "Farmers": a plural of a dictionary word is a word too
                mention.wordlike = j - i == 1 and (fk in self.gaz.words or (
                    fk.endswith("s") and fk[:-1] in self.gaz.words)) and not any(
                    h.entry.kind == CITY and h.name_kind == MAIN and h.entry.pop >= 100000 for h in hits)
                if mention.wordlike and mention.sent_start and not last.isupper() and \
                        all(h.entry.kind == CITY and h.entry.pop < 100000 for h in hits):
                    continue
                mention.locative = i > 0 and (tokens[i - 1].text.lower() in LOCATIVE
                                              or tokens[i - 1].text.lower() in PLACE_VERBS)
                if last.lower() in SEA_WORDS and i > 0 and tokens[i - 1].text.lower() == "the" and \
                        mention.cue != "province":
                    # "a ship hit in the Red Sea": the sea, not Sudan's or Egypt's Red Sea province
                    hits = [h for h in hits if h.entry.kind != ADMIN1]
                    if not hits:
                        continue
                    mention.hits = hits
                if mention.wordlike and not mention.locative and not mention.cue and \
                        all(h.name_kind in (ALT, LOOSE) for h in hits) and not any(h.entry.kind == COUNTRY for h in hits):
                    # "Tour operators": a word that is only another name of a place ("Tour" for Tours); a country's
                    # other name is still the country ("Britain and Canada met")
                    continue
                mention.heads_name = mention.how in (ALT, LOOSE) and self._name_word(text, tokens, j - 1, j, set()) \
                    and not tokens[j].text.isupper() and all(h.entry.kind == CITY and h.entry.pop < 100000 for h in hits)
                mention.slot = i > 0 and _place_slot(tokens, i, j - 1, text, strict=True)
                mention.settlement = _settlement_slot(tokens, i, j - 1, text)
                mentions.append(mention)
                covered = j - 1
                break
        return tokens, mentions

    def _hits(self, surface: str, fk: str, lk: str, found: dict[str, tuple[Hit, ...]],
              units: bool = True, *, dateline: bool = False) -> list[Hit]:
        """The gazetteer's readings of a span; `dateline`: the span is the town a report was filed from, written in
        capitals ("GOMA, Congo (Reuters) -"), so a short one is a name, not an abbreviation."""
        if not units:  # the same lookups without the local units
            keys = {fk, lk, surface, article_apart(fk)}
            found = {k: tuple(h for h in found[k] if h.entry.fcode != LOCAL_UNIT) for k in keys if k in found}
        compact = surface.replace(".", "")
        if compact.isupper() and len(compact) <= 4 and not (dateline and any(
                h.entry.kind == CITY and h.name_kind == MAIN for h in found.get(fk, ()))):
            # abbreviations only as written ("US", "U.K."), never an ordinary short word in capitals
            return [h for h in found.get(surface, ()) if h.name_kind == ABBREV] or [
                h for h in found.get(fk, ()) if h.entry.kind == COUNTRY and len(compact) >= 3 and h.name_kind == MAIN]
        hits = {h.entry.id: h for h in found.get(fk, ()) if h.name_kind != ABBREV}
        if not hits and (apart := article_apart(fk)):
            # "near Elwak (Mandera county)": El Wak, its article written solid
            hits = {h.entry.id: h for h in found.get(apart, ()) if h.name_kind != ABBREV}
        exact_big = any((h.entry.kind != CITY or h.entry.pop >= 1000) and not _weak_admin2(h) for h in hits.values())
        # a ward or commune is known by its exact name too: "Likuyani" is no respelling of Likoni or Lucknow
        exact_unit = any(h.entry.fcode == LOCAL_UNIT for h in hits.values())
        if lk:
            for h in found.get(lk, ()):
                if h.name_kind == ABBREV or h.entry.kind == COUNTRY:
                    continue  # country names are spelt one way; "Agenda" is not "Uganda"
                # a name spelt exactly as a real place is that place, not a respelling of another
                # ("Lamu" is not "Rome", "Isiolo" is not "Oslo"); admin areas and curated places excepted
                if (exact_big and h.entry.kind not in (ADMIN1, CURATED)) or (exact_unit and h.entry.kind != ADMIN1):
                    continue
                if h.entry.id not in hits:
                    hits[h.entry.id] = Hit(h.entry, LOOSE)
        return list(hits.values())

    def _plausible(self, m: Mention, tokens: list[Token], stop: frozenset[str], lower_words: set[str],
                   ent_label: dict[tuple[int, int], str], text: str, place_ctx: set[str] = frozenset(),
                   named: list[tuple[int, int, str]] | None = None,
                   provinces: dict[str, set[str]] | None = None) -> bool:
        """Guards against common words, person names and organisation names that are also place names."""
        n_tok = m.tok_end - m.tok_start
        key = fold(m.text)
        strong = any(h.entry.kind in (COUNTRY, CONTINENT) or (h.entry.kind == ADMIN1 and (
            m.cue == "province" or m.bracket_tail)) for h in m.hits) or any(h.name_kind == DEMONYM for h in m.hits)
        big = max(h.entry.pop for h in m.hits) >= 100000 or any(h.entry.kind == CURATED for h in m.hits)
        prev = tokens[m.tok_start - 1] if m.tok_start > 0 else None
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        prev_low = prev.text.lower().rstrip(".") if prev else ""
        label = ent_label.get((m.start, m.end))
        if label is None and any(s0 <= m.start and m.end <= e0 and lab in PERSON_LABELS for s0, e0, lab in named or []
                                 if not self._heads_a_body(m, s0, e0, text)):
            label = "PERSON"  # "Bolton" inside "John Bolton"
        # "an Akkar road", "to Meru for pasture": a province's own name the small model calls a person is the
        # province where a place word stands before or after it and no surname follows ("friend of Vladimir",
        # "Geneva Morgan" stay persons)
        province = ent_label.get((m.start, m.end)) is not None and \
            any(h.entry.kind == ADMIN1 and h.name_kind == MAIN for h in m.hits) and \
            (prev_low in PLACE_BEFORE or (nxt is not None and nxt.text.lower() in PLACE_AFTER)) and \
            not (nxt is not None and _is_cap(nxt) and _joinable(text, tokens[m.tok_end - 1], nxt))
        # "among Tamil Nadu, Karnataka, Kerala and Puducherry": a province the small model calls a person, in a text
        # where it calls another province of that country a place, is the province, unless a title or another
        # name stands beside it or the text names a person ending so
        province = province or (
            ent_label.get((m.start, m.end)) in PERSON_LABELS and prev_low not in TITLES
            and any(h.entry.kind == ADMIN1 and h.name_kind == MAIN and (provinces or {}).get(h.entry.cc, set()) - {key}
                    for h in m.hits)
            and not (prev is not None and _is_cap(prev) and _joinable(text, prev, tokens[m.tok_start]))
            and not (nxt is not None and _is_cap(nxt) and _joinable(text, tokens[m.tok_end - 1], nxt))
            and not _told_as_person(key, named, text) and not PEOPLE_AFTER.match(text, m.end))
        # "in Mojolo Sinaloa": the small model calls a village and its province, written without a comma, a person;
        # a province's own name ending such a "person" that stands after "in" or "near" is the province
        tail_province = (
            label in PERSON_LABELS and n_tok == 1 and any(h.entry.kind == ADMIN1 and h.name_kind == MAIN for h in m.hits)
            and any(lab in PERSON_LABELS and e0 == m.end and s0 < m.start and _after_place_prep(text, s0)
                    for s0, e0, lab in named or []))
        # "infiltrating Uvira", "a missile fell on Rafah": the small model calls unfamiliar city names persons; a
        # city of 100,000 or more named exactly, alone (no title, relative, first name or surname beside it, no
        # speech verb after it), that the text gives no person as a first name or surname, is the city
        before_of = tokens[m.tok_start - 2].text.lower() if prev_low == "of" and m.tok_start >= 2 else ""
        city = ent_label.get((m.start, m.end)) in PERSON_LABELS and n_tok == 1 and prev_low not in TITLES and \
            prev_low not in RELATIVES and before_of not in RELATIVES and \
            any(h.name_kind == MAIN and h.entry.kind == CITY and h.entry.pop >= 100000 for h in m.hits) and \
            not (nxt is not None and (nxt.text.lower() in PERSON_VERBS or (
                _is_cap(nxt) and _joinable(text, tokens[m.tok_end - 1], nxt)))) and \
            not (prev is not None and _is_cap(prev) and not prev.sent_start and _joinable(text, prev, tokens[m.tok_start])) \
            and not _told_as_person(key, named, text, first_name=True) and not _shares_a_surname(m, named, text)
        province = province or tail_province
        if label in PERSON_LABELS and not strong and not province and not city and (
                key not in place_ctx or m.how == FUZZY):
            return False
        if is_international_outlet(m.text):
            return False  # "the Xinhua news agency reported", "according to Xinhua": the agency, not the town
        # "Nine-year-old Georgia Stevens ... Georgia began skating": a country's name the text gives a person as
        # her first name or surname is that person's, except where only a place can stand ("skated in Georgia")
        if strong and n_tok == 1 and m.hits[0].name_kind in (MAIN, ALT) and m.hits[0].entry.kind == COUNTRY and \
                _named_person(m.text, named, text) and not _place_slot(tokens, m.tok_start, m.tok_end - 1, text, strict=True):
            return False
        if nxt is not None and nxt.text.lower() in LANDFORM_WORDS and _is_cap(nxt) and \
                _joinable(text, tokens[m.tok_end - 1], nxt) and any(h.entry.kind in (COUNTRY, CONTINENT) for h in m.hits):
            return False  # "the Korean Peninsula", "the Indian Ocean": a sea or a landform named after a country
        if nxt is not None and m.how != DEMONYM and nxt.text.lower() in CURRENCY_WORDS and _joinable(text, tokens[m.tok_end - 1], nxt):
            return False  # "the US dollar exchange rate": a currency, not where the text is
        if not strong and text[max(0, m.start - 1):m.start] in OPENING_QUOTES and (
                QUOTED_BEFORE_ORG.match(text, m.end) or ORG_BEFORE_QUOTED.search(text, max(0, m.start - 40), m.start)):
            return False  # '"Bayan" company', 'the firm "Atlas"': the company's name, not a place
        if not strong and HOLIDAY.match(text, m.end):
            return False  # "Saba Saba Day", "Madaraka Day": a holiday named after a date or a place
        dateline = _dateline(text, tokens, m)
        if dateline and any(h.entry.kind in (CITY, ADMIN1) and h.entry.pop >= 100000 for h in m.hits):
            return True  # "WASHINGTON (CNN) -", "BERLIN — ...": where the report was filed
        # "CBC Toronto", "Alberta Liquor Store Association": a famous place's name inside a named organisation
        famous = any(h.name_kind == MAIN and h.entry.pop >= 100000 and (
            h.entry.kind == CITY or (h.entry.kind == ADMIN1 and key not in self.gaz.words)) for h in m.hits)
        in_org = famous and any(s0 <= m.start and m.end <= e0 and (s0, e0) != (m.start, m.end)
                                and lab not in PERSON_LABELS for s0, e0, lab in named or [])
        # "CBC Toronto", "CTV Edmonton": a broadcaster's or agency's local office
        in_org = in_org or (famous and prev is not None and prev.text.isupper() and 2 <= len(prev.text) <= 5
                            and _joinable(text, prev, tokens[m.tok_start]) and not self.gaz.lookup(prev.text))
        # a ward or commune known only from its boundary is no place where its name is an organisation's or a
        # source's ("Ryerson University", "the Al-Ahram news outlet", "Al-Ahram said", "according to Al-Ahram")
        exact = [h for h in m.hits if h.name_kind in (MAIN, ALT)]
        if not strong and exact and all(h.entry.fcode == LOCAL_UNIT for h in exact) and (
                (nxt is not None and _joinable(text, tokens[m.tok_end - 1], nxt) and
                 nxt.text.lower() in ORGANISATION_HEADS)
                or (nxt is not None and nxt.text.lower() in PERSON_VERBS)
                or ACCORDING_TO.search(text, max(0, m.start - 14), m.start)):
            return False
        if n_tok == 1:
            word = m.text
            if word.lower() in lower_words and not strong:
                return False  # the text uses it as an ordinary word elsewhere
            if key in stop and not all(h.name_kind == ABBREV for h in m.hits):
                # (an abbreviation matched as written, "UP" for Uttar Pradesh, is not the word "up")
                main_big = any(h.name_kind == MAIN and h.entry.pop >= 100000 for h in m.hits)
                # ("in Colonia Moises Saenz": the generic word heads a longer name, not Uruguay's Colonia)
                heads_a_name = nxt is not None and _is_cap(nxt) and not nxt.sent_start and \
                    _joinable(text, tokens[m.tok_end - 1], nxt)
                # ("left for Washington", "California or Washington": the small model's GPE label on a big
                # city's name that is also a person's, unless the text names that person)
                big_city = any(h.name_kind == MAIN and h.entry.kind == CITY and h.entry.pop >= 100000 for h in m.hits)
                if not (strong or (main_big and not heads_a_name and (
                        (label == "GPE" and big_city and not _told_as_person(key, named, text))
                        or (prev_low in LOCATIVE and label in (None, "GPE", "LOC", "FAC"))))):
                    return False
                if prev_low in TITLES:
                    return False
            state_abbrev = any(h.name_kind == ABBREV and h.entry.kind == ADMIN1 for h in m.hits) and \
                prev is not None and text[prev.end:m.start].strip() in (",", "(")  # "Nigohan (UP)"
            if len(key) < 3 and not strong and not state_abbrev:
                return False
            if not strong and not big and HYPHENED_WORD.match(text, m.end):
                return False  # "Mini-bus", "Anti-riot": the first half of a compound word
            if prev is not None and prev_low in TITLES and _is_cap(prev):
                return False
            # "Victoria said": a person, unless a big place speaks through its officials
            if nxt is not None and nxt.text.lower() in PERSON_VERBS and not strong and not big \
                    and label not in ("GPE", "LOC"):
                return False
            # inside a run of capitalised words that are not places ("Hassan Ali Hajizadeh")
            route = _route_end(tokens, m.tok_start, m.tok_end - 1, text)
            # (a function word written with a capital is no part of a name: "the western countryside Of Dar'a",
            # "Bombing In Kabul")
            if not strong and not in_org and not route and not tail_province and prev is not None and _is_cap(prev) and \
                    not prev.sent_start and _joinable(text, prev, tokens[m.tok_start]) and \
                    prev_low not in DESCRIPTIVE and prev_low not in LOCATIVE:
                return False
            dateline = dateline or (word.isupper() and len(word) >= 4 and (nxt is None or not nxt.text.isupper()))
            # followed by a capitalised word that is no place ("Vladimir Putin", "Lake Kody")
            # ... unless a big place follows "in"/"near" ("near Donetsk Filtration Station")
            # (a respelling of a big place elsewhere anchors nothing: "in Sidi Bouafif" is not Saida)
            anchored = prev_low in LOCATIVE and any(
                h.entry.pop >= 100000 or h.entry.kind == CURATED for h in m.hits if h.name_kind in (MAIN, ALT))
            # "Montreal Mayor Denis Coderre", "Quebec Health Minister": a famous place's office holder
            anchored = anchored or (famous and nxt is not None and nxt.text.lower().rstrip(".") in OFFICES)
            if not strong and not dateline and not anchored and not in_org and not route and nxt is not None and \
                    _is_cap(nxt) and not nxt.sent_start and \
                    _joinable(text, tokens[m.tok_start], nxt) and nxt.text.lower() not in FEATURE_WORDS and \
                    nxt.text.lower() not in ORG_WORDS and not ACRONYM.fullmatch(nxt.text) and \
                    not self.gaz.lookup(fold(nxt.text)):
                return False
            if m.how in (LOOSE, FUZZY) and not any(h.entry.kind in (ADMIN1, COUNTRY, CURATED) or h.entry.pop >= 1000
                                                   for h in m.hits):
                return False
        elif key in stop:
            return False
        return True

    def _provinces_told(self, entities: list[Entity]) -> dict[str, set[str]]:
        """Country -> the folded names of its provinces the small model labels places (GPE, LOC) in the text."""
        told: dict[str, set[str]] = {}
        for e in entities:
            if e.label in ("GPE", "LOC"):
                for h in self.gaz.lookup(fold(e.text)):
                    if h.entry.kind == ADMIN1 and h.name_kind == MAIN:
                        told.setdefault(h.entry.cc, set()).add(fold(e.text))
        return told

    @staticmethod
    def _heads_a_body(m: Mention, start: int, end: int, text: str) -> bool:
        """Whether the small model's PERSON span opens with the place and goes on with an acronym or the words
        of an office or organisation only: "Homa Bay CEC", "Laikipia Nature Conservancy" name no person."""
        rest = text[m.end:end].split()
        return m.start == start and bool(rest) and all(
            ACRONYM.fullmatch(w) or w.lower() in ORG_WORDS or w.lower() in OFFICES for w in rest)

    def _name_word(self, text: str, tokens: list[Token], i: int, j: int, taken: set[int]) -> bool:
        """Whether token j, next to token i with only a space between, is a capitalised word that is neither a
        place found nor an English word: the two are one proper name."""
        if not 0 <= j < len(tokens) or j in taken or not _is_cap(tokens[j]):
            return False
        left, right = sorted((tokens[i], tokens[j]), key=lambda t: t.start)
        return text[left.end:right.start] == " " and fold(tokens[j].text) not in self.gaz.words

    def add_typos(self, text: str, tokens: list[Token], mentions: list[Mention], focus: str | None) -> None:
        """One-edit matches for capitalised words the gazetteer does not know ("Raqqqa")."""
        taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        stop = not_places()
        lower_words = {t.text for t in tokens if t.text.islower()}
        new: list[Mention] = []
        for tok in tokens:
            if tok.index in taken or not _is_cap(tok) or tok.text.isupper() or len(tok.text) < 6:
                continue
            key = fold(tok.text)
            if key in stop or tok.text.lower() in lower_words or self.gaz.lookup(key):
                continue
            if any(self._name_word(text, tokens, tok.index, j, taken) for j in (tok.index - 1, tok.index + 1)):
                continue  # one word of a longer name: "Lilian Wanjiru" is no typo of Wajir, "Boulsi Baogo" of Boulsa
            hits: list[Hit] = []
            for k in self.gaz.fuzzy_keys(key):
                for h in self.gaz.lookup(k):
                    e = h.entry
                    if h.name_kind in (MAIN, ALT) and (e.kind in (COUNTRY, ADMIN1) or (focus and e.cc == focus)):
                        hits.append(Hit(e, FUZZY))
            if hits:
                uniq = {h.entry.id: h for h in hits}
                new.append(Mention(tok.start, tok.end, tok.text, tok.index, tok.index + 1, list(uniq.values()),
                                   FUZZY, _cue(tokens, tok.index + 1)))
        mentions.extend(new)
        mentions.sort(key=lambda m: m.start)
        _spread_cues(text, mentions)

    # ------------------------------------------------------------------ resolution
    def country_focus(self, mentions: list[Mention], title_mentions: list[Mention] | None = None,
                      prior: Counter[str] | None = None) -> str | None:
        """The article's country: votes of its names (countries and provinces weigh more, ambiguous small
        towns less) plus `prior` (weak votes from non-place cues, see `cue_countries`)."""
        votes: Counter[str] = Counter({cc: CUE_WEIGHT * n for cc, n in (prior or {}).items()})
        for m, weight in [(m, 1.0) for m in mentions] + [(m, 2.0) for m in title_mentions or []]:
            best = max(m.hits, key=lambda h: _prior(h, m))
            if best.entry.kind == CONTINENT or not best.entry.cc:
                continue
            if best.name_kind in (LOOSE, FUZZY) or m.heads_name:
                continue  # a spelling guess is no evidence of the country
            if m.wordlike and best.entry.kind == CITY and best.entry.pop < 100000:
                continue  # nor is a word that names a village somewhere ("Air Force")
            # the countries the name is spelt as written in (its respellings elsewhere do not dilute it)
            ccs = {h.entry.cc for h in m.hits if (h.entry.kind != CITY or h.entry.pop >= 1000)
                   and not _weak_admin2(h) and h.name_kind not in (LOOSE, FUZZY)}
            w = weight * {COUNTRY: 3.0, ADMIN1: 2.0}.get(best.entry.kind, 1.0) / max(1, len(ccs))
            if best.name_kind == DEMONYM:
                w = weight * 1.0
            w *= m.weight
            if best.entry.kind == CITY and best.entry.pop < 50000 and len(m.hits) > 1:
                w *= 0.3
            votes[best.entry.cc] += w
        return votes.most_common(1)[0][0] if votes else None

    def outlet_countries(self, source: str | None, url: str | None = None) -> Counter[str]:
        """Countries the outlets behind an article are from, one vote each: the country the actor tables learned
        for the outlet from ACLED's exports (`outlets.csv`: "An-Nahar" reports on Lebanon), else a country, a
        demonym or a big city in a source's name ("Star (Kenya)", "Times of India", "Nairobi News"; sources
        split on ";"; not the international outlets, "Agence France Presse"), and the URL's country-code
        domain. A weak prior for where unplaced events are, never evidence."""
        known = outlet_countries()
        if known is not self._outlet_table:  # other actor tables now (`actors.use_tables`)
            self._outlets.clear()
            self._outlet_table = known
        cached = self._outlets.get((source, url))
        if cached is not None:
            return Counter(cached)
        votes: Counter[str] = Counter()
        for name in (source or "").split(";"):
            if is_international_outlet(name):
                continue
            learned = known.get(" ".join(name.lower().split()))
            if learned:
                votes[learned] += 1
                continue
            found = set()
            for m in self.recognise(name.strip())[1]:
                countries = {h.entry.cc for h in m.hits if h.entry.kind == COUNTRY and h.name_kind in (MAIN, ALT)}
                if m.wordlike and not countries:
                    continue  # "Capital FM"
                # a demonym or a big place's own name, when it is of one country only ("Somali" is not)
                ccs = countries or {h.entry.cc for h in m.hits if h.entry.cc and (h.name_kind == DEMONYM or (
                    h.name_kind == MAIN and h.entry.kind in (CITY, ADMIN1) and h.entry.pop >= 500000))}
                if len(ccs) == 1:
                    found |= ccs
            votes.update(found)
        iso2 = domain_country(url, self.gaz.countries.keys())
        if iso2:
            votes[iso2] += 1
        if len(self._outlets) >= 10_000:
            self._outlets.clear()
        self._outlets[(source, url)] = votes
        return Counter(votes)

    def plausible_countries(self, m: Mention) -> set[str]:
        """Countries of a name's readings spelt as written that are nearly as plausible as its best one."""
        pairs = [(h, _prior(h, m)) for h in m.hits if h.name_kind not in (LOOSE, FUZZY) and h.entry.cc]
        if not pairs:
            return set()
        top = max(s for _, s in pairs)
        return {h.entry.cc for h, s in pairs if s >= top - PLAUSIBLE_GAP}

    def anchors(self, mentions: list[Mention]) -> dict[tuple[int, int], list[tuple[str, float, float]]]:
        """Plausible readings of resolved names as points on a 1-degree grid: (name key, lat, lon) per cell."""
        grid: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for m in mentions:
            if not m.scores:
                continue
            key = fold(m.text)
            # by context-free plausibility: the first pass's focus must not hide a coherent reading abroad
            # (Edmonton and Enfield, both in north London, in an article the name Edmonton made Canadian)
            pairs = sorted(((h, _prior(h, m)) for h in m.hits), key=lambda p: -p[1])
            top = pairs[0][1]
            for h, s in pairs[:3]:
                e = h.entry
                if s >= top - 1.5 and e.kind in (CITY, ADMIN2, CURATED):
                    grid.setdefault((math.floor(e.lat), math.floor(e.lon)), []).append((key, e.lat, e.lon))
        return grid

    def resolve(self, mentions: list[Mention], tokens: list[Token], focus: str | None,
                text: str | None = None,
                anchors: dict[tuple[int, int], list[tuple[str, float, float]]] | None = None,
                focus_of: dict[str, str | None] | None = None, cued: tuple[str, ...] = ()) -> None:
        """Score and order each mention's candidates; `focus_of` overrides `focus` for some names; `cued`:
        admin1 codes the text's non-place cues point to, as if named."""
        countries = Counter(h.entry.cc for m in mentions for h in m.hits
                            if h.entry.kind == COUNTRY and len(m.hits) == 1)
        # countries the text names in any way ("Britain", "British")
        told = {h.entry.cc for m in mentions for h in m.hits
                if h.entry.kind == COUNTRY and h.name_kind in (MAIN, ALT, ABBREV, DEMONYM)}
        # ... and by name, not only by adjective ("U.S.", not "Colombian")
        told_by_name = {h.entry.cc for m in mentions for h in m.hits
                        if h.entry.kind == COUNTRY and h.name_kind in (MAIN, ALT, ABBREV)}
        # the names naming each province (a province's capital names it too)
        admin1s: dict[str, set[str]] = {}
        for m in mentions:
            best = max(m.hits, key=lambda h: _prior(h, m))
            if best.entry.kind == ADMIN1 or (best.entry.kind == CITY and best.entry.fcode == "PPLA"):
                admin1s.setdefault(best.entry.admin1_code, set()).add(fold(m.text))
        listed = _list_areas(text, mentions)
        in_list = _closed_lists(text, mentions)
        for idx, m in enumerate(mentions):
            nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
            prv = mentions[idx - 1] if idx > 0 else None
            # "Atlanta, Georgia": this toponym contains the one before it
            contained: set[str] = set()
            if prv is not None and prv.how != DEMONYM and _apposed(text, prv, m):
                contained = {h.entry.admin1_code for h in prv.hits if h.entry.kind in (CITY, CURATED, ADMIN2)} | {
                    h.entry.cc for h in prv.hits if h.entry.kind in (CITY, CURATED, ADMIN1, ADMIN2)}
            contains_unknown = _contains_unknown(text, m, prv)
            # (of two provinces of the name, not the one that is the city: Kyiv City beside Kyiv oblast)
            city_province = {h.entry.admin1_code for h in m.hits if h.entry.kind == CITY} if contains_unknown and sum(
                h.entry.kind == ADMIN1 for h in m.hits) > 1 else set()
            # "Hajin, Deir ez-Zor" / "Afrin (Aleppo)": the next toponym contains this one
            container: set[str] = set()
            towns: list[Entry] = []  # "Jalalpur, Shamli (UP)": the district town between a village and its province
            if nxt is not None and nxt.how != DEMONYM and _apposed(text, m, nxt):
                # "Russia, U.S. officials": a country's name is not a town of the country named next
                own_country = any(h.entry.kind == COUNTRY for h in m.hits)
                # "New Brighton (Nelson Mandela Bay, Eastern Cape)": the container's own container counts too
                chain = [nxt]
                nxt2 = mentions[idx + 2] if idx + 2 < len(mentions) else None
                if nxt2 is not None and nxt2.how != DEMONYM and _apposed(text, nxt, nxt2):
                    chain.append(nxt2)
                    if any(h.entry.kind in (ADMIN1, COUNTRY) for h in nxt2.hits[:1]) and \
                            nxt.hits[0].entry.kind == CITY and nxt.hits[0].name_kind == MAIN:
                        towns = [h.entry for h in nxt.hits if h.entry.kind == CITY and h.name_kind == MAIN]
                for c in chain:
                    if c.how in (LOOSE, FUZZY) and not {h.entry.cc for h in c.hits} & {h.entry.cc for h in m.hits}:
                        continue  # "in Garba Tula, Borana and Somalis": a respelling abroad contains nothing here
                    # "Lagunillas, Merida state": a container named as a province is only that province
                    hits = [h for h in c.hits if h.entry.kind == ADMIN1] if c.cue == "province" else c.hits
                    # "Kochi city (Ernakulam, KL)", "Goosu town (Pulwama district, J&K)": a district that is no
                    # province's name contains the place too
                    district = not any(h.entry.kind == ADMIN1 for h in hits) and (
                        c.cue == "district" or (bool(hits) and hits[0].entry.kind == ADMIN2))
                    container |= {h.entry.admin1_code for h in hits if h.entry.kind == ADMIN1} | {
                        h.entry.cc for h in hits if h.entry.kind == COUNTRY and not own_country} | {
                        h.entry.admin1_code for h in hits if (h.entry.kind == ADMIN2 and district) or (
                            h.entry.kind == CITY and h.entry.fcode in ("PPLA", "PPLC"))}
            # "offices in Los Angeles, Miami, West Palm Beach, New York, and Detroit": in a list closed by "and" or
            # "or", the next name contains this one only where one of its readings lies there ("Hajin, Deir
            # ez-Zor, and Raqqa"); otherwise it is the next item, not a container
            if idx in in_list and container and not any(
                    h.entry.admin1_code in container or h.entry.cc in container for h in m.hits):
                container = set()
            # "Giza's Haram district", "Kharkiv's Saltivka": the possessive before it contains it
            if prv is not None and text is not None and prv.how != DEMONYM and \
                    re.fullmatch(r"['\u2019]s\s+", text[prv.end:m.start]):
                container |= {h.entry.admin1_code for h in prv.hits if h.entry.kind == ADMIN1 or (
                    h.entry.kind == CITY and h.entry.fcode in ("PPLA", "PPLC"))} | {
                    h.entry.cc for h in prv.hits if h.entry.kind == COUNTRY}
            bracket_tail = text is not None and re.match(r"\s*\)", text[m.end:m.end + 3]) is not None and \
                re.search(r"\([^()]*,\s*$", text[max(0, m.start - 60):m.start]) is not None
            if container:
                m.hits = [self._refiled(h, container) for h in m.hits]
            scored = []
            key = fold(m.text)
            m_focus = focus_of[key] if focus_of and key in focus_of else focus
            # "two in Victoria, one in South Australia": the focus country's own name for a place outweighs an
            # alternate name of a bigger place abroad (Hong Kong's old "Victoria")
            home_main = bool(m_focus) and any(h.name_kind == MAIN and h.entry.cc == m_focus for h in m.hits)
            home_namesake = m_focus in told_by_name and m.cue != "province" and any(
                h.name_kind == MAIN and h.entry.cc == m_focus and (h.entry.kind in (ADMIN1, ADMIN2) or (
                    h.entry.kind == CITY and h.entry.pop >= HOME_NAMESAKE_POP)) for h in m.hits)
            # "a London rally ... thanked Canada": a big city of the focus country is the place, not a capital
            # abroad of that name, unless the text names the capital's country
            home_city = bool(m_focus) and any(h.name_kind == MAIN and h.entry.cc == m_focus and h.entry.kind == CITY
                                              and h.entry.pop >= BIG_CITY for h in m.hits)
            # "in Florida" of a text that names the United States: the state, though Uruguay's Florida, seat of
            # Florida department, names its department for itself; so too "Cameroon's Northwest region" (the
            # Nord-Ouest, by its English name), not Iceland's
            home_province = m_focus in told_by_name and any(
                h.entry.kind == ADMIN1 and h.entry.cc == m_focus and h.name_kind in (MAIN, ALT) for h in m.hits)
            # "trade dispute with China", "the Mexico border": a country's own name is the country, not a town
            # named after it (China, Maine) nor a capital called so too (Mexico City), unless a container
            # follows ("China, Maine")
            names_country = not container and any(
                h.entry.kind == COUNTRY and h.name_kind in (MAIN, ALT) for h in m.hits)
            province_named = any(h.entry.kind == ADMIN1 and h.name_kind == MAIN for h in m.hits)
            city_names = {(h.entry.cc, h.entry.name) for h in m.hits if h.entry.kind == CITY and h.name_kind == MAIN}
            for h in m.hits:
                e = h.entry
                s = _prior(h, m)
                if home_main and h.name_kind == ALT and e.cc != m_focus:
                    s -= ALT_ABROAD_PENALTY
                if home_city and e.fcode == "PPLC" and e.cc != m_focus and e.cc not in told:
                    s -= CAPITAL_BONUS
                if names_country and e.kind in (CITY, ADMIN2, CURATED):
                    s -= 3.0
                if (bracket_tail or (contains_unknown and e.admin1_code not in city_province)) and e.kind == ADMIN1:
                    s += 3.0
                elif bracket_tail and e.kind == ADMIN2 and h.name_kind not in (LOOSE, FUZZY):
                    # "(Diguel, Soum)": the last name in the bracket is a province or a district, as if named
                    # with its generic word ("Soum Province")
                    s = max(s, 2.4) + 3.0
                if m_focus and e.cc == m_focus:
                    s += FOCUS_BONUS
                elif e.cc in countries:
                    s += COUNTRY_NAMED_BONUS
                # a name abroad does not name its own province for itself where the focus country, named as such
                # (not only by an adjective: "Russian forces shelled Otradne, Donetsk"), has a town, district or
                # province of that name ("Ilam (Ilam district)" of a text on the Nepal Police is not Iran's Ilam),
                # unless it is told a province ("Bolivar state" keeps Venezuela's state in the running)
                naming = admin1s.get(e.admin1_code, set()) - (
                    {key} if e.cc != m_focus and (home_province or home_namesake) else set())
                if e.kind not in (COUNTRY, CONTINENT) and e.admin1_code and \
                        (naming or e.admin1_code in cued) and \
                        not (e.kind == ADMIN1 and len(m.hits) == 1):
                    s += ADMIN1_NAMED_BONUS
                if e.kind == ADMIN1 and e.cc in listed.get(idx, ()):
                    s += LIST_BONUS
                # ("Ibb governorate, Yemen": the province, though its town is in Yemen too)
                if container and (e.admin1_code in container or e.cc in container) and (
                        e.kind != ADMIN1 or m.cue == "province"):
                    s += 3.0
                if contained and ((e.kind == ADMIN1 and e.admin1_code in contained)
                                  or (e.kind == COUNTRY and e.cc in contained)):
                    s += 3.0
                # (not a town through another name of a province the mention names by its own: "the Bihar assembly"
                # is not Bihar Sharif's, though it lies near Patna; nor a district that bears its city's very name:
                # a bare "Patna" is the city)
                if anchors and e.kind in (CITY, ADMIN2, CURATED) and not (h.name_kind != MAIN and province_named) \
                        and not (e.kind == ADMIN2 and h.name_kind == MAIN and (e.cc, e.name) in city_names) \
                        and _near_other(anchors, fold(m.text), e.lat, e.lon):
                    s += NEAR_BONUS
                scored.append((s, h))
            m.outside = bool(container) and m.how not in (DEMONYM,) and not any(
                    h.entry.kind in (CITY, CURATED, ADMIN2) and (h.entry.admin1_code in container
                                                                or h.entry.cc in container)
                    for h in m.hits) and all(h.entry.kind in (CITY, CURATED, ADMIN2) or (
                        h.entry.kind == ADMIN1 and h.entry.cc not in {c.split(".")[0] for c in container})
                    for h in m.hits)
            # "Payyoli town (Kozhikode, Kerala)" is not Kerala's Palai, 230 km from Kozhikode
            m.far_from_town = bool(towns) and m.how in (ALT, LOOSE, FUZZY) and not any(
                km_between(h.entry.lat, h.entry.lon, t.lat, t.lon) <= TOWN_CONTAINER_KM
                for h in m.hits if h.entry.kind in (CITY, CURATED) for t in towns)
            m.outside = m.outside or m.far_from_town
            if not container and cued and m.how != DEMONYM and _outside_cued_region(m, cued):
                m.outside = True  # "the OSCE SMM observed ... near Lozove": not Crimea's Lozove
            if m.outside:
                # "Pul-e Khumri district, Baghlan": a namesake elsewhere is not the place, nor a province of
                # another country ("San Juan, Lagunillas, Merida state"); the event falls back to the container
                scored = [(s - 3.0, h) for s, h in scored]
            # ties go to a name spelt as written rather than a respelling ("Tapoa" is Burkina's, not India's Tapi)
            scored.sort(key=lambda p: (-p[0], p[1].name_kind in (LOOSE, FUZZY), -p[1].entry.pop))
            m.hits = [h for _, h in scored]
            m.scores = [s for s, _ in scored]
            best = m.hits[0].entry
            m.in_named_container = bool(container) and not m.outside and best.kind in (CITY, CURATED, ADMIN2) and (
                best.admin1_code in container or best.cc in container)

    def _refiled(self, h: Hit, container: set[str]) -> Hit:
        """A ward or commune is filed under its nearest town's province, which on a province's edge can be the
        neighbour's: where the text names its province and that province has a town near the unit, the unit is
        that province's ("in Teotepeque (La Libertad)", Teotepeque's nearest town being in Sonsonate)."""
        e = h.entry
        if e.fcode != LOCAL_UNIT or e.admin1_code in container:
            return h
        for code in sorted(container):
            if code.startswith(e.cc + ".") and (town := self.gaz.nearest(
                    e.lat, e.lon, e.cc, radius_deg=UNIT_REFILE_KM / 111, admin1=code)) is not None and \
                    km_between(e.lat, e.lon, town.lat, town.lon) <= UNIT_REFILE_KM:
                return Hit(e._replace(admin1_code=code), h.name_kind)
        return h

    def accept(self, m: Mention, focus: str | None, named: frozenset[str] = frozenset(),
               placed: frozenset[str] | None = None) -> bool:
        """Whether a resolved mention is a place of the text (`named`: countries the text names, as a name or
        an adjective; `placed`: countries of its names that are no adjective)."""
        best = m.hits[0].entry
        how = m.hits[0].name_kind
        s = m.scores[0]
        home = bool(focus) and best.cc == focus
        if m.outside and best.kind == ADMIN1:
            return False  # "the town of Karak in Dar'a": not Jordan's Karak province; the container stands
        if best.kind == ADMIN1 and not home and m.cue != "province" and not m.bracket_tail and \
                re.sub(r"[\s-]+", "-", m.text.lower()) in DESCRIPTIVE:
            return False  # "Southern Europe", "Eastern and Southern": a direction, not Malawi's Southern Region
        if m.far_from_town:
            return False  # the event falls back to the town and province the text names for it
        # the start of a longer name the gazetteer lacks: "Sulayman Bak" is not Tunisia's Soliman, nor "Ayn Laylah"
        # Spain's Ayna; at home it is likely that town's neighbour ("Zalizna Balka, Donetsk")
        if m.heads_name and not home:
            return False
        if best.kind == ADMIN1 and how in (LOOSE, FUZZY) and not home and m.cue != "province" and not m.bracket_tail:
            return False  # "Hausa" is not Hesse; "Gaigorou (Dessa, Tillabery)" is in Tillaberi
        if best.kind in (COUNTRY, CONTINENT, ADMIN1, CURATED) or how == DEMONYM or _named_admin2(best, m):
            return s >= 1.0
        # "A 55-year-old Severn, Md. man", "HELENA, Mont. (AP)": a town its province or country follows
        if m.in_named_container and how in (MAIN, ALT):
            return s >= 1.5
        if m.sent_start and m.tok_end - m.tok_start == 1 and not home and best.pop < 100000:
            return False  # "Earlier, ...": sentence-initial capitals are no evidence
        if m.wordlike and best.pop < 100000 and not (m.locative and (home or not focus)) and \
                not (m.slot and best.cc in named):  # "the southern English city of Salisbury"
            return False  # "Research", "Crescent": a word, unless the text puts it in context
        # "Turkish forces shelled ... in Tell Abiad countryside": a focus made by adjectives alone is the actors'
        # country, not necessarily the place's
        adjectival = placed is not None and focus in named and focus not in placed and how in (MAIN, ALT)
        if m.slot and how in (MAIN, ALT, LOOSE) and not m.outside and self._one_country(m) and (
                home or not focus or best.cc in named or adjectival) and (how != LOOSE or home or _close_spelling(m)):
            # "in Quamishli city", "the town of Qalqiliyah (Palestinian residents)": a name where only a place
            # can stand, whose plausible readings all lie in one country, is that place when the text is about
            # no other country, or when the text names that country too ("Israeli forces raided the city of
            # Qalqiliyah ... Palestinian residents"); where the focus is only the actors' adjective, no focus bonus
            # lifts the place, so a village GeoNames gives no population (Tall Abyad) is enough
            return s >= (0.5 if adjectival and not home else 1.5)
        if how in (LOOSE, FUZZY):
            return home and s >= 3.0
        # "groups like Bayan Muna" in a note on Iloilo: a small town abroad that several countries share, where
        # the text places itself elsewhere by name and nothing in it picks this country
        if focus and not home and placed is not None and focus in placed and best.kind == CITY and \
                best.pop < 100000 and best.cc not in named and not self._one_country(m) and \
                all(h.entry.cc != focus for h in m.hits):
            return False
        return s >= (2.6 if not home else 2.1)

    @staticmethod
    def _one_country(m: Mention) -> bool:
        """Whether every reading of the mention scoring within 1.0 of its best lies in the best one's country."""
        top, cc = m.scores[0], m.hits[0].entry.cc
        return all(h.entry.cc == cc for h, s in zip(m.hits, m.scores, strict=True) if s >= top - 1.0)

    # ------------------------------------------------------------------ output
    def to_place(self, m: Mention) -> Place:
        h = m.hits[0]
        margin = m.scores[0] - (m.scores[1] if len(m.scores) > 1 else 0.0)
        conf = 1 / (1 + math.exp(-(m.scores[0] - 2.5))) * (0.6 + 0.4 * min(1.0, margin / 3))
        if h.name_kind == DEMONYM:
            conf *= 0.3
        elif h.name_kind == ABBREV and h.entry.kind != COUNTRY:
            conf *= 0.9
        elif h.name_kind in (LOOSE, FUZZY):
            conf *= 0.85
        return place_of(self.gaz, h.entry, conf, start=m.start, end=m.end, text=m.text)


def place_of(gaz: Gazetteer, e: Entry, score: float, *, start: int | None = None, end: int | None = None,
             text: str = "") -> Place:
    """A gazetteer entry as a Place: read at `start:end` of the text, or with no span (a stand-in seat)."""
    admin1 = gaz.admin1_names.get(e.admin1_code) if e.admin1_code else None
    return Place(
        start=start, end=end, text=text,
        name=display_name(e.name) if e.kind != COUNTRY else (country_name(gaz, e.cc) or e.name),
        country_code=e.cc or None, country=country_name(gaz, e.cc) if e.cc else None,
        admin1=admin1 if e.kind not in (COUNTRY, CONTINENT) else None,
        admin2=e.admin2 or None, latitude=round(e.lat, 5), longitude=round(e.lon, 5),
        feature_code=e.fcode, geonameid=e.id if e.id > 0 else None, population=e.pop,
        score=round(score, 3),
    )


# a settlement this big is known well beyond its province: a region cue does not move it
CUED_REGION_MAX_POP = 100_000


def _outside_cued_region(m: Mention, cued: tuple[str, ...]) -> bool:
    """Whether every reading of the mention in the cued provinces' country is a village or district outside
    them, as a container named in the text would say."""
    countries = {code.split(".")[0] for code in cued}
    local = [h.entry for h in m.hits if h.entry.cc in countries]
    return bool(local) and all(e.kind in (CITY, CURATED, ADMIN2) and e.pop < CUED_REGION_MAX_POP
                               and e.admin1_code not in cued for e in local)


# how alike (rapidfuzz ratio, 0-100) a respelling must be to the name it was read as to stand without the focus
CLOSE_SPELLING = 70.0


def _close_spelling(m: Mention) -> bool:
    """Whether a respelling is close to the name it was read as ("Nassriya" / "Nasiriyah", not "Mojolo" /
    "Majuro"): the two share most of their letters in order."""
    a = " ".join(t for t in fold(m.text).split() if t not in PARTICLES)
    b = " ".join(t for t in fold(m.hits[0].entry.name).split() if t not in PARTICLES)
    return fuzz.ratio(a, b) >= CLOSE_SPELLING


def country_name(gaz: Gazetteer, iso2: str) -> str | None:
    c = gaz.countries.get(iso2)
    return c.name if c else None


def _spread_cues(text: str, mentions: list[Mention]) -> None:
    """'Homs, Rif Dimashq and Raqqa provinces': the plural cue covers every name of the list."""
    carry = ""
    for k in range(len(mentions) - 1, -1, -1):
        cur = mentions[k]
        if cur.cue and re.match(r"\W*(provinces|governorates|regions|oblasts|states|districts|counties)\b",
                                text[cur.end:cur.end + 16].lower()):
            carry = cur.cue
        if carry and k > 0:
            prev = mentions[k - 1]
            if not prev.cue and re.fullmatch(r"\s*(,|,?\s+and|,?\s+or|&)\s*", text[prev.end:cur.start]):
                prev.cue, prev.cue_word = carry, cur.cue_word
                continue
        carry = ""


LIST_GLUE = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s+(?:the\s+)?")


def _list_areas(text: str | None, mentions: list[Mention]) -> dict[int, set[str]]:
    """'New South Wales, Western Australia and Queensland': for each member of a list of names, the countries
    in which another member can be a province (members listed together are provinces of one country)."""
    if text is None:
        return {}
    groups: list[list[int]] = []
    for k, m in enumerate(mentions):
        if k and groups and groups[-1][-1] == k - 1 and LIST_GLUE.fullmatch(text[mentions[k - 1].end:m.start]):
            groups[-1].append(k)
        else:
            groups.append([k])
    out: dict[int, set[str]] = {}
    for group in groups:
        if len(group) < 2:
            continue
        areas = {k: {h.entry.cc for h in mentions[k].hits if h.entry.kind == ADMIN1 and h.name_kind in (MAIN, ALT, ABBREV)}
                 for k in group}
        for k in group:
            out[k] = set().union(*(areas[o] for o in group if o != k))
    return out


def _closed_lists(text: str | None, mentions: list[Mention]) -> set[int]:
    """Indices of the mentions in runs of three or more names joined by commas and closed by "and" or "or":
    "Los Angeles, Miami, West Palm Beach, New York, and Detroit"."""
    if text is None:
        return set()
    members: set[int] = set()
    run = [0] if mentions else []
    for k in range(1, len(mentions) + 1):
        gap = text[mentions[k - 1].end:mentions[k].start] if k < len(mentions) else ""
        if k < len(mentions) and COMMA_GAP.fullmatch(gap):
            run.append(k)
            continue
        if k < len(mentions) and CLOSING_GAP.fullmatch(gap) and len(run) >= 2:
            members.update(run + [k])
        run = [k]
    return members


COMMA_GAP = re.compile(r",\s*")
CLOSING_GAP = re.compile(r",?\s+(?:and|or)\s+")


# a capitalised name and a comma right before a mention ("over Lypivka, Kyiv")
UNKNOWN_HEAD = re.compile(r"\b[A-Z][\w'\u2019-]+(?:[ -][A-Z][\w'\u2019-]+)*,\s*$")
# what may follow a container that closes its clause
CLAUSE_END = re.compile(r"\s*(?:[.;:]|$|,\s+(?![A-Z]))")


def _contains_unknown(text: str | None, m: Mention, prv: Mention | None) -> bool:
    """Whether `m` closes its clause after a capitalised name the gazetteer lacks (or reads only in other
    countries than `m`'s): "regained control over Lypivka, Kyiv." Then `m` is that place's container, so a
    province of its name is meant, not the city sharing it (Kyiv City is a province of its own). A building's
    town ("Ramor Theatre, Virginia") is no province."""
    if text is None or not CLAUSE_END.match(text, m.end):
        return False
    head = UNKNOWN_HEAD.search(text, max(0, m.start - 60), m.start)
    if head is None or head.group(0).rstrip(", \n").split()[-1] in facility_words():
        return False
    if prv is None or prv.end <= head.start():
        return True  # no mention in the name: the gazetteer lacks it
    return prv.how != DEMONYM and prv.start >= head.start() and not (
        {h.entry.cc for h in prv.hits} & {h.entry.cc for h in m.hits})


def _apposed(text: str | None, a: Mention, b: Mention) -> bool:
    """'Hajin, Deir ez-Zor' / 'Afrin (Aleppo)': b follows a as its container (only a comma or bracket between)."""
    if text is None:
        return a.tok_end == b.tok_start
    gap = text[a.end:b.start]
    return b.tok_start - a.tok_end <= 5 and (APPOSED.fullmatch(gap) is not None or IN_CONTAINER.fullmatch(gap) is not None)


def _province_of(tokens: list[Token], i: int) -> str:
    """The province word of "the province of X", "the governorate of X" before tokens[i] ("" if none)."""
    # (lower case only: "the Islamic State of Iraq", "the Department of Defense" are names)
    if i >= 2 and tokens[i - 1].text == "of" and tokens[i - 2].text in PROVINCE_WORDS \
            and tokens[i - 2].text not in ("countryside", "region's", "province's", "governorate's"):
        return tokens[i - 2].text
    return ""


def _cue(tokens: list[Token], j: int) -> str:
    if j < len(tokens):
        w = tokens[j].text.lower()
        if w in PROVINCE_WORDS or (w in STATE_TITLES and tokens[j].text[:1].isupper()) or w == "government":
            return "countryside" if w == "countryside" else "province"
        if w in DISTRICT_WORDS:
            return "district"
    return ""


def _prior(h: Hit, m: Mention) -> float:
    """Context-free plausibility of a candidate for a mention."""
    e = h.entry
    if e.kind == COUNTRY:
        s = 5.0
    elif e.kind == CONTINENT:
        s = 3.0
    elif e.kind == CURATED:
        s = 3.2
    elif e.kind == ADMIN1:
        s = 2.2 + 0.15 * max(0.0, math.log10(e.pop + 1) - 5)
    elif e.kind == ADMIN2:
        # "Metcalfe County" is the county; a bare "Metcalfe" or "Torino" is first the town of that name
        s = 2.4 if _named_admin2(e, m) else 0.5 * math.log10(e.pop + 10) - (1.5 if h.name_kind != MAIN else 0.8)
    else:
        s = 0.5 * math.log10(e.pop + 10)
        if e.fcode == "PPLC":
            s += CAPITAL_BONUS
        elif e.fcode == "PPLA":
            s += 0.3
    s += {MAIN: 0.5, ALT: 0.1, LOOSE: -0.6, FUZZY: -0.8, DEMONYM: 0.0, ABBREV: 0.5}.get(h.name_kind, 0.0)
    if h.name_kind == LOOSE and m.how == MAIN:
        s -= 1.5  # a respelling of another place where one is spelt exactly so ("Dar'a" is not Dili)
    called = e.kind == ADMIN1 and _admin1_called(e.cc, m.cue_word)
    if m.cue == "province" or called:
        # "Makueni county": Kenya's counties are its provinces; "Samar province": the Philippines' provinces are
        # the second level (not Russia's Samara)
        s += 2.5 if e.kind == ADMIN1 or (e.kind == ADMIN2 and _admin1_called(e.cc, m.cue_word, second_level=True)) else 0.0
        if m.cue == "province" and called:
            s += ADMIN1_WORD_BONUS  # "Bolivar state" is Venezuela's state, not Colombia's department
    elif m.cue == "countryside":
        s += 1.2 if e.fcode == "PPLA" else 0.5 if e.kind == ADMIN1 else 0.0
    elif m.cue == "district" and not _named_admin2(e, m):
        s += 0.5 if e.kind == CITY else -0.5
    if e.kind == CURATED and e.fcode in AREA_CODES:
        s -= 0.2
    if m.settlement and e.kind == ADMIN1:
        s -= SETTLEMENT_PENALTY  # "the West Bank city of Jenin" is the city, not Jenin governorate
    return s


@cache
def _subdivision_words(second_level: bool) -> dict[str, str]:
    """Country code -> what its first-level (or second-level) subdivisions are mostly called, lower case ("county"
    for Kenya; "province" at the second level for the Philippines, Italy, Spain), from pycountry's ISO 3166-2 types."""
    types: dict[str, Counter[str]] = {}
    for sub in pycountry.subdivisions:
        if (sub.parent_code is not None) == second_level:
            types.setdefault(sub.country_code, Counter())[sub.type.lower()] += 1
    return {cc: kinds.most_common(1)[0][0] for cc, kinds in types.items()}


def _admin1_called(cc: str, word: str, *, second_level: bool = False) -> bool:
    """Whether `word` ("county", "counties") is what the country calls its first-level subdivisions (or, with
    `second_level`, its second-level ones: "province" in the Philippines)."""
    return bool(word) and _subdivision_words(second_level).get(cc, "") in (word, word.removesuffix("s"), word[:-3] + "y")


def _named_admin2(e: Entry, m: Mention) -> bool:
    """An admin2 entry named with its generic word ("Metcalfe County", "Kramatorskyi Raion"), or followed by one
    where no town or province has the name ("Trans Mara district")."""
    if e.kind != ADMIN2:
        return False
    if ADMIN2_SUFFIX.search(m.text) is not None:
        return True
    if m.cue_word and fold(e.name).endswith(" " + m.cue_word) and not any(
            h.entry.kind in (CITY, ADMIN1) and h.name_kind in (MAIN, ALT) and h.entry.cc == e.cc for h in m.hits):
        return True  # "Bui division": Cameroon's Bui Division (no town of its name there), not Bowie, Maryland
    return m.cue == "district" and not any(h.entry.kind in (CITY, ADMIN1) and h.name_kind in (MAIN, ALT)
                                           for h in m.hits)


def _weak_admin2(h: Hit) -> bool:
    """An admin2 entry reached through its bare name ("Metcalfe" for Metcalfe County)."""
    return h.entry.kind == ADMIN2 and h.name_kind != MAIN


PERSON_LABELS = frozenset({"PERSON"})


# prepositions that put the capitalised word after them in a place ("in Cairns"), unlike "of"/"and"/"with"
PLACE_PREPS = frozenset({"in", "near", "outside", "inside", "around", "into", "across", "towards", "toward"})


def _after_place_prep(text: str, start: int) -> bool:
    """Whether the word before `start` is a preposition that puts a place after it ("in", "near")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in PLACE_PREPS


def _dateline(text: str, tokens: list[Token], m: Mention) -> bool:
    """A paragraph opening with the place the report was filed from: "WASHINGTON (CNN) —", "BERLIN — Robert";
    or, anywhere, a name in capitals followed by the agency: "By Carey L. Biron. WASHINGTON, April 5 (Thomson
    Reuters Foundation) -" (wire copy whose line breaks were lost)."""
    after = text[m.end:m.end + 60]
    after = re.sub(r"^,\s*[A-Z][\w.]*(?:\s(?:[A-Z][\w.]*|\d{1,2}\b))?", "", after)  # "PARIS, Texas —", ", April 5"
    line_start = text.rfind("\n", 0, m.start) + 1
    if text[line_start:m.start].strip():
        return m.text.isupper() and len(m.text) >= 4 and DATELINE_AGENCY.match(after) is not None
    if re.match(r"\s*(?:\([A-Z][\w ./-]{0,20}\)\s*)?[-\u2013\u2014:]\s", after) or re.match(r"\s*\([A-Z]{2,}\)", after):
        return True
    return m.text.isupper() and len(m.text) >= 4 and m.tok_end < len(tokens) and not tokens[m.tok_end].text.isupper()


def _named_person(name: str, named: list[tuple[int, int, str]] | None, text: str) -> bool:
    """Whether the small model labels a person whose first name or surname is this word, as written
    ("Georgia Stevens", "Michael Jordan"). Unlike `_told_as_person`, which compares folded names, case counts:
    a country's name is only a person's where it is spelt so."""
    for s0, e0, lab in named or []:
        words = text[s0:e0].split()
        if lab in PERSON_LABELS and len(words) >= 2 and name in (words[0], words[-1]):
            return True
    return False


def _shares_a_surname(m: Mention, named: list[tuple[int, int, str]] | None, text: str) -> bool:
    """Whether the name is the first of two first names sharing a surname ("Brent and Lynnette Hain")."""
    after = re.match(r"\s+(?:and|&)\s+", text[m.end:])
    return after is not None and any(lab in PERSON_LABELS and s0 == m.end + after.end() and " " in text[s0:e0]
                                     for s0, e0, lab in named or [])


def _told_as_person(key: str, named: list[tuple[int, int, str]] | None, text: str, *, first_name: bool = False) -> bool:
    """Whether the small model labels a longer name ending with this one a person ("George Washington"), or, with
    `first_name`, starting with it ("Kobe Bryant")."""
    return any(lab in PERSON_LABELS and (fold(text[s0:e0]).endswith(" " + key) or (
        first_name and fold(text[s0:e0]).startswith(key + " "))) for s0, e0, lab in named or [])


# "GOMA, Congo, Nov 28 (Reuters) -", "JUBA (AP) --", "GAZA, March 3 -": what follows a dateline's town up to its dash
DATELINE_REST = re.compile(r"(?:,[ \w.,'\u2019&/()-]{1,60}?)?[ \t]*(?:\([A-Z][\w .&'/-]{1,40}\)[ \t]*)?[-\u2013\u2014]{1,2}\s")


def _opens_dateline(text: str, tok: Token) -> bool:
    """Whether a word in capitals opens its line and a dateline's dash follows it ("GOMA, Congo (Reuters) -")."""
    return tok.text.isupper() and not text[text.rfind("\n", 0, tok.start) + 1:tok.start].strip() and \
        DATELINE_REST.match(text, tok.end) is not None


# "(AP) -", "(Thomson Reuters Foundation) -", "(WSAW) --": the agency and the dash after a dateline
DATELINE_AGENCY = re.compile(r"\s*\([A-Z][\w .&'/-]{1,40}\)\s*(?:[-\u2013\u2014:\"]|$)")


# "the Korean Peninsula", "the Indian Ocean", "the South China Sea": a sea or a landform, not the country
LANDFORM_WORDS = frozenset({"ocean", "sea", "peninsula", "gulf", "basin", "desert", "delta", "strait", "straits",
                            "channel", "plateau", "highlands"})


# "Turkana raiders", "between Turkana and Pokot pastoralist militias": a province's name that says who people are
PEOPLE_AFTER = re.compile(r"(?:\s+(?:and|or)\s+[A-Z][\w-]*)?(?:'s)?\s+(?:\w+\s+)?(?:community|communities|clans?"
                          r"|tribes?|ethnic|militias?|raiders|herders|pastoralists?|elders|youths?|fighters|people)\b")


# verbs whose object is a place in conflict reporting ("Russian forces shelled Mykolaiv")
PLACE_VERBS = frozenset({"shelled", "bombed", "bombarded", "struck", "hit", "raided", "stormed", "captured", "recaptured",
                         "retook", "liberated", "besieged", "encircled", "entered", "overran", "toward", "towards"})
ADMIN_WORDS = frozenset({"region", "province", "oblast", "district", "county", "governorate", "state", "raion",
                         "department", "prefecture", "municipality"})


# lower-case words inside a place's name: Arabic articles, Romance and Germanic particles
NAME_PARTICLES = PARTICLES | frozenset({"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
                                        "los", "las", "van", "von", "der", "den", "bin", "ibn"})


def _run_end(tokens: list[Token], k: int, text: str, most: int, *, particles: bool = False) -> int:
    """Index of the last token of the capitalised run that starts at tokens[k] (written together, at most
    `most` tokens after it; with `particles`, "al"/"de" and the like may continue it, and a hyphen may join
    its words: "Ysyk-Ata", "Buena Vista de la Salud")."""
    j = k
    while j + 1 < len(tokens) and j < k + most and text[tokens[j].end:tokens[j + 1].start].strip() in (
            ("", "-") if particles else ("",)) and (
            _is_cap(tokens[j + 1]) or (particles and tokens[j + 1].text.lower() in NAME_PARTICLES)):
        j += 1
    while j > k and not _is_cap(tokens[j]):
        j -= 1  # a name ends with a capitalised word
    return j


def _container_head(tokens: list[Token], k: int, text: str) -> bool:
    """Is tokens[k] the start of the first name of "X, Y." / "X, Y region" (a place and its container)?"""
    if k and not text[tokens[k - 1].end:tokens[k].start].strip() and _is_cap(tokens[k - 1]):
        return False  # inside a longer capitalised run, not its start
    j = _run_end(tokens, k, text, 2)
    if j + 1 >= len(tokens) or text[tokens[j].end:tokens[j + 1].start].strip() != "," or not _is_cap(tokens[j + 1]):
        return False
    m = _run_end(tokens, j + 1, text, 2)
    after = text[tokens[m].end:tokens[m].end + 2].lstrip()
    follows = tokens[m + 1].text.lower() if m + 1 < len(tokens) else ""
    return after[:1] in {".", ";", ")", ""} or follows in ADMIN_WORDS


def _place_senses(entities: list[Entity], tokens: list[Token], text: str = "") -> set[str]:
    """Folded names the text uses more as a place than as a person's name.

    A place vote per spaCy GPE/LOC/FAC entity of that name, three per place slot, for each start of the
    name's capitalised run (particles included, up to MAX_TOKENS words): after "in"/"near" (also "in rural
    al X"), "the X police" (a person takes no article), a container slot ("(X, Y)", "A, Y", "A district, Y"),
    a name followed by its feature word ("Sirwah district", "Tarinkot city") or by a bracketed container
    ("Ar Rajban (Al Jabal Al Gharbi)"), "the town of X", "the entry to X"; a person vote per PERSON entity that
    is or ends with the name (the small model labels one word both ways in one text, and often labels
    unfamiliar village and province names as persons).
    """
    votes: Counter[str] = Counter()
    for e in entities:
        if e.label in ("GPE", "LOC", "FAC"):
            votes[fold(e.text)] += 1
        elif e.label in PERSON_LABELS:
            words = e.text.split()
            for k in range(len(words)):
                votes[fold(" ".join(words[k:]))] -= 1
    for k, t in enumerate(tokens):
        if not k or not _is_cap(t):
            continue
        j = _run_end(tokens, k, text, MAX_TOKENS - 1, particles=True)
        if _place_slot(tokens, k, j, text):
            first = k
            while first > 0 and tokens[first - 1].text in PARTICLES and \
                    text[tokens[first - 1].end:tokens[first].start].strip() in ("", "-"):
                first -= 1  # "al-Hasakeh", "al Bab": the name may start with its article
            for i in {k, first}:
                for n in range(k, j + 1):
                    if n == j or _is_cap(tokens[n + 1]):  # "Ras" in "Ras al Ain" is no name of its own
                        votes[fold(" ".join(tok.text for tok in tokens[i:n + 1]))] += PLACE_SLOT_VOTES
    return {key for key, v in votes.items() if v > 0}


# a place slot outvotes the small model's PERSON label on the name and on a longer name ending with it
PLACE_SLOT_VOTES = 3


def _in_named_area(tokens: list[Token], k: int, text: str) -> bool:
    """Whether a capitalised run from tokens[k] ends with an area's generic word ("Makueni county",
    "Deir ez-Zor province")."""
    if k >= len(tokens) or not _is_cap(tokens[k]):
        return False
    j = _run_end(tokens, k, text, MAX_TOKENS - 1, particles=True)
    return j + 1 < len(tokens) and tokens[j + 1].text.lower() in AREA_WORDS and \
        not text[tokens[j].end:tokens[j + 1].start].strip()


# "the town of X", "residents of X", "the entry to X": nouns whose complement is a place
PLACE_OF = frozenset({"area", "areas", "town", "towns", "city", "cities", "village", "villages", "district",
                      "districts", "province", "region", "outskirts", "limits", "part", "parts", "residents",
                      "inhabitants", "villagers", "suburbs", "vicinity", "centre", "center", "east", "west", "north",
                      "south", "countryside", "entry", "entrance", "outskirt", "neighbourhood", "neighborhood"})
# "Kayole residents protested": a name followed by the people who live there
RESIDENT_NOUNS = frozenset({"residents", "villagers", "inhabitants", "townspeople", "townsfolk", "dwellers"})
# "Dowa (Central)", "(Balaka, Southern)": the last name of a bracket after a place is its container, even a
# compass word
BRACKET_CLOSE = re.compile(r"\s*\)")
BRACKET_TAIL_BEFORE = re.compile(r"[A-Za-z][\w'\u2019-]*\s*\((?:[^()]*,\s*)?$")
# "Makueni county", "Idlib governorate": an area named with its generic word
AREA_WORDS = frozenset({"county", "district", "province", "governorate", "oblast", "region", "state", "sub-county",
                        "constituency"})
# "the city of X", "X town": words that tell a place is a settlement, not the province of the same name
SETTLEMENT_WORDS = frozenset({"city", "town", "village", "hamlet"})
# "Sirwah district", "Tarinkot city", "Shahdadkot town": a name followed by the kind of place it is
PLACE_KINDS = DISTRICT_WORDS | frozenset({
    "province", "governorate", "oblast", "region", "city", "town", "village", "area", "countryside", "frontline",
    "frontlines", "outskirts", "suburbs", "neighbourhood", "neighborhood", "subdivision", "sub-county", "locality",
    "center", "centre"})


# "the Baalbek-Homs road", "the Kabul-Kandahar highway": a route between two places
ROUTE_WORDS = frozenset({"road", "roads", "highway", "highways", "motorway", "expressway", "route", "railway",
                         "axis", "corridor", "bypass", "pipeline"})


def _route_end(tokens: list[Token], k: int, j: int, text: str) -> bool:
    """Whether the capitalised run tokens[k..j] is one end of a hyphenated route name ("Baalbek-Homs road")."""
    def hyphen(a: int) -> bool:
        return text[tokens[a].end:tokens[a + 1].start].strip() in ("-", "\u2010", "\u2011", "\u2013")
    if j + 2 < len(tokens) and hyphen(j) and _is_cap(tokens[j + 1]):
        end = _run_end(tokens, j + 1, text, 2)
        if end + 1 < len(tokens) and tokens[end + 1].text.lower() in ROUTE_WORDS:
            return True  # the first end: "Baalbek" in "Baalbek-Homs road"
    if j + 1 >= len(tokens) or tokens[j + 1].text.lower() not in ROUTE_WORDS:
        return False
    # the second end ("Homs"), or the whole "Baalbek-Homs" as one capitalised run
    return (k >= 1 and hyphen(k - 1) and _is_cap(tokens[k - 1])) or any(hyphen(a) for a in range(k, j))


def _settlement_slot(tokens: list[Token], k: int, j: int, text: str) -> bool:
    """Whether tokens[k..j] are told as a settlement: "the city of X", "the town of X", "X city"."""
    if k >= 2 and tokens[k - 1].text == "of" and tokens[k - 2].text.lower() in SETTLEMENT_WORDS and \
            text[tokens[k - 2].end:tokens[k - 1].start].strip() == "":
        return True
    return j + 1 < len(tokens) and tokens[j + 1].text.lower() in SETTLEMENT_WORDS and \
        text[tokens[j].end:tokens[j + 1].start].strip() == ""


def _place_slot(tokens: list[Token], k: int, j: int, text: str, *, strict: bool = False) -> bool:
    """Whether the capitalised run tokens[k..j] stands where only a place can stand (see `_place_senses`).

    `strict` leaves out the slots a person's or a brand's name can take too ("the Met's response",
    "Jerome, Treva Battle")."""
    if k >= 2 and tokens[k - 1].text == "as" and tokens[k - 2].text.lower() == "coded":
        return True  # a coder's "(coded as Taveta)": where an unfound village was put
    if text and _route_end(tokens, k, j, text):
        return True
    if j > k and tokens[j].text.lower() in AREA_WORDS - {"state"}:
        return True  # "the Baalbek Governorate building", "Kisumu County": a name with its area word
    b = k - 1
    # "in al Tabqa", "in al-Hasakeh", "in rural Ras al Ain": skip the article and the modifiers
    while b > 0 and tokens[b].text in PARTICLES | DESCRIPTIVE and text[tokens[b].end:tokens[b + 1].start].strip() in ("", "-"):
        b -= 1
    before = tokens[b].text
    word_before = tokens[b - 1].text.lower() if b > 0 else ""
    gap = text[tokens[b].end:tokens[b + 1].start].strip() if text else ""
    if not gap:
        if before.lower() in PLACE_PREPS or before.lower() in PLACE_VERBS:
            return True
        if not strict and before.lower() == "the" and k + 1 < len(tokens) and tokens[k + 1].text.islower():
            return True  # "the Cairns police"
        if (before == "of" and word_before in PLACE_OF) or (before == "to" and word_before in ("entry", "entrance")):
            return True  # "the town of X", "the entry to X"
    # containers: "(Mukayras, Al Bayda)", "near Khutir Vilny, Luhansk", "Charbolak district, Balkh"
    if gap.endswith("(") or (gap == "," and ((_is_cap(tokens[b]) and not strict) or before in PLACE_KINDS)):
        return True
    if not text:
        return False
    if j + 1 < len(tokens):
        nxt = tokens[j + 1]
        between = text[tokens[j].end:nxt.start].strip()
        if not between and nxt.text in PLACE_KINDS:
            return True  # "Sirwah district", "Tarinkot city"
        if not between and nxt.text in RESIDENT_NOUNS and not tokens[k].text.isupper():
            return True  # "Kayole residents", "Hulugho villagers": the people of a place
        if between == "(" and _is_cap(nxt) and not nxt.text.isupper():
            return True  # "Ar Rajban (Al Jabal Al Gharbi)": a place and its container
        if not strict and not between and nxt.text == "in" and _in_named_area(tokens, j + 2, text):
            return True  # "Wote in Makueni county": a place inside the province named after it
    return not strict and _container_head(tokens, k, text)


# a non-place cue ("IEBC", "OSCE SMM") weighs as much as one and a half unambiguous towns
CUE_WEIGHT = 1.5
# resolution weights: the article's country, a country or province it names, another name's reading nearby
FOCUS_BONUS = 2.0
# a town of the focus country this big, of a name read abroad as a province's, makes that reading no self-naming
HOME_NAMESAKE_POP = 5000
# a province called by the word its country uses for its provinces ("state", "department", "governorate")
ADMIN1_WORD_BONUS = 1.0
CAPITAL_BONUS = 1.5
SETTLEMENT_PENALTY = 2.0
BIG_CITY = 100_000
# an alternate name abroad, where the focus country has a place of that main name
ALT_ABROAD_PENALTY = 1.0
COUNTRY_NAMED_BONUS = 1.0
ADMIN1_NAMED_BONUS = 2.0
NEAR_BONUS = 1.0
PLAUSIBLE_GAP = 0.3
LIST_BONUS = 2.0
NEAR_KM = 50.0
# a village named with its district town and province lies within this of the town ("Sehwan Sharif town
# (Jamshoro, Sindh)": 130 km)
TOWN_CONTAINER_KM = 150.0


def _near_other(grid: dict[tuple[int, int], list[tuple[str, float, float]]], key: str, lat: float,
                lon: float) -> bool:
    """Whether a plausible reading of another name lies within NEAR_KM of (lat, lon)."""
    cy, cx = math.floor(lat), math.floor(lon)
    coslat = math.cos(math.radians(lat))
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for k, la, lo in grid.get((cy + dy, cx + dx), ()):
                if k != key and math.hypot(la - lat, (lo - lon) * coslat) * 111.2 <= NEAR_KM:
                    return True
    return False


def _entity_labels(entities: list[Entity]) -> dict[tuple[int, int], str]:
    return {(e.start, e.end): e.label for e in entities}
