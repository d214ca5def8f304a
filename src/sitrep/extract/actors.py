"""Actors: who did what to whom, normalised to ACLED's actor names and inter codes.

Owns: the actor tables in `sitrep/data/actors/` (aliases, state forces per country and regime period,
inter codes per ACLED name, country names and demonyms), `normalise_actor` (a surface mention -> an
ACLED `Actor`), `find_mentions` (actor mentions in a stretch of text) and `find_roles` (actor1/actor2,
associated actors and any merely suspected perpetrator of one event, from the dependency parse when
there is one, from surface patterns when there is not). The tables are built by `actors_build.py`.

Inter codes: 1 state forces, 2 rebels, 3 political militias, 4 identity militias, 5 rioters,
6 protesters, 7 civilians, 8 external/other forces (a state's forces outside its own country).
"""

from __future__ import annotations

import csv
import itertools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.extract import detect
from sitrep.model import Actor, Document

PACKAGED_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
# $SITREP_ACTOR_DIR: tables rebuilt from a user's own ACLED export (`python -m sitrep.extract.actors_build`)
DATA_DIR = Path(os.environ.get("SITREP_ACTOR_DIR") or PACKAGED_DIR)

# Nouns that make "<Demonym> X" a state's forces / police / government / civilians.
MILITARY_NOUNS = ("forces", "force", "troops", "army", "military", "soldiers", "soldier", "armed forces",
                  "servicemen", "warplanes", "jets", "fighter jets", "aircraft", "air force", "airforce",
                  "navy", "marines", "drones", "drone", "helicopters", "artillery", "units", "military forces",
                  "security forces", "government forces", "special forces", "paratroopers", "commandos",
                  "tanks", "fighters", "defence forces", "defense forces", "armed forces personnel",
                  "border guards", "military police", "positions", "position", "base", "bases", "outposts",
                  "outpost", "checkpoint", "checkpoints", "convoy", "convoys", "patrol", "patrols",
                  "military vehicles", "military base", "personnel", "sailors", "officers", "servicemen",
                  "army positions", "military positions", "warships", "ships", "missiles", "missile strikes",
                  "airstrikes", "air strikes", "shelling", "artillery fire", "military aircraft",
                  # a state's forces told by what they do: "repelled 12 Russian attacks", "Israeli strikes"
                  "attacks", "attack", "offensive", "counteroffensive", "counter-offensive", "strikes", "shells",
                  "rockets", "bombardment", "raids", "assault", "assaults", "air strike", "airstrike", "strike",
                  "drone strike", "drone strikes", "missile strike", "missile", "rocket", "raid",
                  "glide bomb", "glide bombs", "guided bombs", "missile attack", "missile attacks", "drone attack",
                  "drone attacks", "rocket attack", "rocket attacks", "air raid", "air raids", "ballistic missiles",
                  "cruise missiles",
                  "air defences", "air defenses", "air defence",
                  "air defense", "air defence systems", "air defense systems")
POLICE_NOUNS = ("police", "policemen", "police officers", "police forces", "riot police", "gendarmes",
                "gendarmerie", "security services", "intelligence", "border police", "coast guard")
GOVERNMENT_NOUNS = ("government", "authorities", "officials", "ministry", "president", "regime")
CIVILIAN_NOUNS = ("civilians", "civilian", "nationals", "citizens", "national", "citizen", "workers",
                  "journalist", "journalists", "tourists", "aid workers")
STATE_NAME_RE = re.compile(r"^(?:Military|Police) Forces of (?:the )?(.+?)(?: \(\d{4}-\d{0,4}\)(?: .*)?)?$"
                           r"|^Government of (?:the )?(.+?)(?: \(\d{4}-\d{0,4}\))?$")
# Feuds between families, clans, castes or communities, land or customary disputes, livestock raids: the setting
# of ACLED's communal (identity) militias
COMMUNAL_CONTEXT = re.compile(
    r"\b(?:clans?|sub-?clans?|communal|inter-?communal|ethnic|ethnically|tribal|tribes?|castes?"
    r"|(?:rival|two|feuding|armed) famil(?:y|ies)|between (?:\w+ )?famil(?:y|ies)|land (?:ownership )?disputes?"
    r"|customary (?:conflict|dispute)s?|feud\w*|revenge killings?|armed youths?|local militiam[ae]n"
    r"|cattle (?:raid\w*|rustl\w*)|(?:another|rival|neighbou?ring|pastoralist) community"
    r"|(?:two|rival|neighbou?ring|pastoralist|feuding|warring|[A-Z]\w+ and [A-Z]\w+) communities"
    r"|community (?:rivalry|revenge|conflict|tensions?))\b"
    # a victim's title ("a tribal elder", "a CNL communal leader") tells nothing of who attacked
    r"(?!\s+(?:elders?|leaders?|chiefs?|heads?|administrators?|officials?|council\w*))", re.IGNORECASE)
TOKEN_RE = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'’\-]*(?:\.[\w]+)*\.?")
LEADING_NOISE = re.compile(
    r"^(?:the|a|an|some|several|many|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|"
    r"a group of|a number of|groups of|members of|member of|elements of|fighters of|\d+)\s+", re.I)
HEDGES = {"suspected", "alleged", "presumed", "purported", "possible", "likely", "probable", "reportedly"}


@dataclass
class Roles:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    assoc_actor_2: list[Actor] = field(default_factory=list)
    suspected: Actor | None = None  # a perpetrator only suspected/accused/claimed by someone
    # the report itself names the doer with a hedge ("suspected ISGS militants killed three civilians"):
    # ACLED codes that group as actor1, and sitrep does too, with the claim marked "alleged"
    suspected_doer: bool = False
    # the doer is accused of the deed itself ("police were accused of beating motorists", "residents accused
    # soldiers of shooting two traders"): ACLED codes the accused as actor1 even when someone else accuses
    accused_of_deed: bool = False
    # a named rebel group or militia took the ground the model read as regained by the government: the event is a
    # non-state actor overtaking territory
    non_state_taker: bool = False


# "accused X of beating", "X were accused of killing": an accusation that names the deed
ACCUSED_OF_DEED = re.compile(r"\baccus\w*\b(?:\s+\S+){0,6}?\s+of\s+\w+ing\b", re.IGNORECASE)


@dataclass(frozen=True)
class AliasRow:
    template: str
    inter: int
    countries: frozenset[str]
    curated: bool
    since: date | None = None  # the name holds for events from this day on ("Taliban" as the state, 2021-08-15)


@dataclass
class Mention:
    """An actor mention in the text: where, and what it normalises to."""

    start: int
    end: int
    text: str
    actor: Actor
    kind: str  # "armed", "state", "civilian", "protester", "rioter", "government"
    hedged: bool = False


# ---------------------------------------------------------------------------------------------- tables


def use_tables(directory: str | Path) -> None:
    """Read the actor tables from `directory` from now on (e.g. ones rebuilt from a user's own ACLED export
    with `actors_build.build_actor_tables`); tables missing there are read from the package."""
    global DATA_DIR
    DATA_DIR = Path(directory)
    for fn in (_countries, outlet_countries, _state_forces, _unidentified, _place_attribution, _attributed_names, _actor_inter,
               _aliases, _groups):
        fn.cache_clear()


class ActorTablesError(RuntimeError):
    """The actor tables folder ($SITREP_ACTOR_DIR) is missing or holds an unreadable table; names the path."""


def _read(name: str) -> list[dict[str, str]]:
    if not DATA_DIR.is_dir():
        raise ActorTablesError(f"{DATA_DIR}: no such actor tables folder (SITREP_ACTOR_DIR; `sitrep train` writes "
                               "one as OUT/actors)")
    path = DATA_DIR / name
    if not path.exists():  # hand-written tables (countries, groups) come from the package
        path = PACKAGED_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ActorTablesError(f"{path}: cannot read this actor table ({exc})") from exc


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(any spelling -> ACLED country name, demonym -> ACLED country name)."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in _read("countries.csv"):
        for key in (row["country"], row["iso2"], row["iso3"]):
            names.setdefault(key.lower(), row["country"])
        for d in row["demonyms"].split(";"):
            if d:
                demonyms.setdefault(d, row["country"])
    return names, demonyms


def country_name(country: str | None) -> str | None:
    """ACLED's name for a country given as a name, ISO2 or ISO3 code ("SY", "SYR", "Syria" -> "Syria")."""
    if not country:
        return None
    names, _ = _countries()
    hit = names.get(country.strip().lower())
    if hit:
        return hit
    try:
        import pycountry

        c = pycountry.countries.lookup(country.strip())
    except LookupError:
        return country.strip()
    return names.get(c.alpha_2.lower(), country.strip())


@cache
def outlet_countries() -> dict[str, str]:
    """Folded outlet name -> ISO2 of the country it reports on ("an-nahar" -> "LB"), from `outlets.csv`."""
    return {" ".join(row["outlet"].lower().split()): row["iso2"] for row in _read("outlets.csv") if row.get("iso2")}


@cache
def _state_forces() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in _read("state_forces.csv"):
        out.setdefault(row["country"], []).append(row)
    return out


def state_force(country: str, kind: str = "military", when: date | int | None = None) -> str:
    """ACLED's name for a country's military / police / government, in the regime period of `when` (the event's
    date, or only its year)."""
    rows = _state_forces().get(country, [])
    if rows:
        day = _as_day(when)

        def fits(r: dict[str, str]) -> bool:
            return day is None or _period_day(r["start"], last=False) <= day <= _period_day(r["end"], last=True)

        cands = [r for r in rows if fits(r)] or rows
        # (a curated period has no event count: it begins after the exports end)
        cands = [r for r in cands if not r["events"] or int(r["events"]) >= 3] or cands
        best = max(cands, key=lambda r: (_period_day(r["start"], last=False), r["end"] == "", int(r["events"] or 0)))
        return best[kind]
    return {"military": "Military Forces of {}", "police": "Police Forces of {}",
            "government": "Government of {}"}[kind].format(country)


def _as_day(when: date | int | None) -> date | None:
    """An event's day; a year alone stands for its middle (a period beginning within that year is not yet on)."""
    return date(when, 7, 1) if isinstance(when, int) else when


def _period_day(value: str, *, last: bool) -> date:
    """A period bound of `state_forces.csv` as a day: a year ("2013") or a day ("2021-08-15"); none is open."""
    if not value:
        return date.max if last else date.min
    if len(value) == 4:
        return date(int(value), 12, 31) if last else date(int(value), 1, 1)
    return date.fromisoformat(value)


@cache
def _unidentified() -> dict[tuple[str, str], tuple[str, int]]:
    return {(r["country"], r["event_type"]): (r["acled_name_template"], int(r["inter"]))
            for r in _read("unidentified.csv")}


def unnamed_perpetrator(country: str | None, event_type: str = "") -> Actor:
    """ACLED's name for an unnamed perpetrator: "Unidentified Armed Group (Country)", or the country's own
    habit where the training exports show one (Mexico's criminal violence: "Unidentified Gang (Mexico)")."""
    country = country_name(country)
    if not country:
        return Actor(name="Unidentified Armed Group", inter=3)
    template, inter = _unidentified().get((country, event_type), ("Unidentified Armed Group ({country})", 3))
    return Actor(name=template.replace("{country}", country), inter=inter)


@cache
def _place_attribution() -> dict[tuple[str, str], list[dict[str, str]]]:
    table: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in _read("place_attribution.csv"):
        table.setdefault((r["country"], r["location"].casefold()), []).append(r)
    return table


@cache
def _attributed_names(country: str) -> re.Pattern[str] | None:
    names = sorted({loc for (c, loc) in _place_attribution() if c == country}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE) if names else None


def attributed_at(country: str | None, place_names: Sequence[str], admin1: str | None = None,
                  text: str = "") -> Actor | None:
    """The actor ACLED's coders attribute unattributed fighting or shelling at this place to (the side whose
    fire lands there, on a front line), from `place_attribution.csv`; None where the exports show no habit.

    `place_names` are tried first; then the table's places named in `text` (villages the gazetteer lacks)."""
    country = country_name(country)
    if not country:
        return None
    pattern = _attributed_names(country) if text else None
    named = (m.group(0) for m in pattern.finditer(text)) if pattern else ()
    for name in itertools.chain(place_names, named):  # the text is scanned only if no resolved place matches
        rows = _place_attribution().get((country, name.casefold()), [])
        if len(rows) > 1 and admin1:
            rows = [r for r in rows if r["admin1"].casefold() == admin1.casefold()] or rows
        if rows:
            row = max(rows, key=lambda r: int(r["events"]))
            return Actor(name=row["actor1"], inter=int(row["inter"] or 0) or actor_inter(row["actor1"], country, 3))
    return None


@cache
def _actor_inter() -> dict[str, int]:
    return {r["name"]: int(r["inter"]) for r in _read("actor_inter.csv")}


@cache
def _aliases() -> tuple[dict[str, list[AliasRow]], dict[str, list[AliasRow]], int]:
    """(lower-case alias -> rows, exact-case acronym alias -> rows, longest alias in tokens)."""
    lower: dict[str, list[AliasRow]] = {}
    exact: dict[str, list[AliasRow]] = {}
    longest = 1
    for r in _read("aliases.csv"):
        alias = " ".join(_tokens(r["alias"]))
        if not alias:
            continue
        row = AliasRow(r["acled_name_template"], int(r["inter"] or 0),
                       frozenset(c for c in r["countries"].split(";") if c), r["source"] == "curated",
                       date.fromisoformat(r["since"]) if r.get("since") else None)
        # Acronyms ("IS", "SAA", "NDF") only match in their own case; words match in any case.
        is_acronym = sum(ch.isupper() for ch in alias) >= 2 and alias.upper() == alias
        (exact if is_acronym else lower).setdefault(alias if is_acronym else alias.lower(), []).append(row)
        longest = max(longest, alias.count(" ") + 1)
    _, demonyms = _countries()
    table_keys = set(lower)
    for dem, ctry in demonyms.items():
        for nouns, template in ((MILITARY_NOUNS, "{military}"), (POLICE_NOUNS, "{police}"),
                                (GOVERNMENT_NOUNS, "{government}"), (CIVILIAN_NOUNS, "Civilians ({country})")):
            for noun in nouns:
                key = f"{dem} {noun}".lower()
                if key in table_keys:  # the tables know better ("Russian Air Force" is its own ACLED actor)
                    continue
                inter = 7 if template.startswith("Civilians") else 1
                lower.setdefault(key, []).append(AliasRow(template, inter, frozenset({"@" + ctry}), True))
        longest = max(longest, 4)
    names = {r["country"] for r in _read("countries.csv")} | set(_state_forces())
    for ctry in names:
        c = ctry.lower()
        for pattern, template in (("military forces of {}", "{military}"), ("armed forces of {}", "{military}"),
                                  ("army of {}", "{military}"), ("forces of {}", "{military}"),
                                  ("troops of {}", "{military}"), ("{} army", "{military}"),
                                  ("{} military", "{military}"), ("{} armed forces", "{military}"),
                                  ("{} defence forces", "{military}"), ("{} defense forces", "{military}"),
                                  ("{} security forces", "{military}"), ("{} forces", "{military}"),
                                  ("{} troops", "{military}"), ("{} soldiers", "{military}"),
                                  ("police forces of {}", "{police}"), ("police of {}", "{police}"),
                                  ("{} police", "{police}"), ("government of {}", "{government}"),
                                  ("{} government", "{government}"), ("{} authorities", "{government}"),
                                  ("civilians of {}", "Civilians ({country})")):
            for variant in (c, "the " + c):
                key = " ".join(_tokens(pattern.format(variant))).lower()
                inter = 7 if template.startswith("Civilians") else 1
                if key not in table_keys:
                    lower.setdefault(key, []).append(AliasRow(template, inter, frozenset({"@" + ctry}), True))
                longest = max(longest, key.count(" ") + 1)
    return lower, exact, longest


def _tokens(text: str) -> list[str]:
    return [t.rstrip(".") if t.count(".") == 1 and t.endswith(".") else t for t in TOKEN_RE.findall(text)]


def _pick(rows: list[AliasRow], country: str | None, when: date | int | None = None) -> AliasRow | None:
    """The alias row for this country and day: a country-specific one, else a general one, else (for named
    groups seen elsewhere) the most specific one. A row that holds only from a day on ("Taliban" as Afghanistan's
    state forces from 15 August 2021) counts from that day, and none where the day is unknown; it wins over the
    older rows of its rank."""
    day = _as_day(when)
    rows = [r for r in rows if r.since is None or (day is not None and r.since <= day)]

    def newest(ranked: list[AliasRow]) -> AliasRow | None:
        return max(ranked, key=lambda r: r.since or date.min) if ranked else None

    own = [r for r in rows if any(c.startswith("@") for c in r.countries)]
    if own:
        return own[0]
    if country and (found := newest([r for r in rows if country in r.countries])):
        return found
    if found := newest([r for r in rows if not r.countries]):
        return found
    if country is None:  # names ACLED used elsewhere only count where it used them, unless we don't know where
        named = [r for r in rows if "{" not in r.template]
        return named[0] if named else None
    return None


def _fill(row: AliasRow, country: str | None, when: date | int | None) -> Actor | None:
    template = row.template
    home = next((c[1:] for c in row.countries if c.startswith("@")), None)
    target = home or country
    for key in ("military", "police", "government"):
        if "{" + key + "}" in template:
            if not target:
                return None
            template = template.replace("{" + key + "}", state_force(target, key, when))
    if "{country}" in template:
        template = template.replace(" ({country})", f" ({target})" if target else "")
        template = template.replace("{country}", target or "")
    if row.inter == 0:  # an associate-only name (see actors_build.derive_aliases)
        return Actor(name=template, inter=0)
    return Actor(name=template, inter=actor_inter(template, country, row.inter))


def actor_inter(name: str, country: str | None, default: int = 0) -> int:
    """ACLED inter code of an actor name in an event in `country`: state forces abroad are 8."""
    m = STATE_NAME_RE.match(name)
    if m:
        owner = country_name(m.group(1) or m.group(2))
        if country and owner and owner != country_name(country):
            return 8
        return 1
    for prefix, code in (("Protesters", 6), ("Rioters", 5), ("Civilians", 7), ("Unidentified Armed Group", 3),
                         ("Unidentified Communal Militia", 4), ("Unidentified Clan Militia", 4)):
        if name.startswith(prefix):
            return code
    return _actor_inter().get(name) or default or 3


def normalise_actor(surface: str, country: str | None, *, when: date | int | None = None) -> Actor | None:
    """ACLED's actor for a surface mention ("ISIS", "the Syrian army", "gunmen") in an event in `country`.

    None when the mention is not an actor the tables know."""
    country = country_name(country)
    lower, exact, _ = _aliases()
    text = re.sub(r"\s+", " ", surface).strip(" ,.;:'\"“”")
    for _ in range(3):
        stripped = LEADING_NOISE.sub("", text)
        if stripped == text:
            break
        text = stripped
    candidates = [text]
    words = text.split(" ")
    if words and words[0].lower() in HEDGES | {"unknown", "unidentified"} and len(words) > 1:
        candidates.append(" ".join(words[1:]))
    candidates += [" ".join(words[i:]) for i in range(1, len(words))]  # the head: "heavily armed gunmen"
    for cand in candidates:
        key = " ".join(_tokens(cand))
        rows = exact.get(key) or lower.get(key.lower())
        if rows:
            row = _pick(rows, country, when)
            if row is not None:
                actor = _fill(row, country, when)
                if actor is not None:
                    actor.text = surface
                    return actor
    return None


def _kind(actor: Actor) -> str:
    if actor.inter == 0:
        return "associate"
    if actor.name.startswith("Civilians"):
        return "civilian"
    if actor.name.startswith("Protesters"):
        return "protester"
    if actor.name.startswith("Rioters"):
        return "rioter"
    if actor.name.startswith("Government of"):
        return "government"
    if actor.inter in (1, 8):
        return "state"
    return "armed"


def _split_hyphen_agents(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Taliban-planted" -> "Taliban", "-planted": the group before an agentive hyphen compound is a mention, and so
    is the one a tie names ("Islamic State-linked insurgents")."""
    out = []
    for s, e, t in toks:
        head, sep, tail = t.rpartition("-")
        if sep and head and (tail.lower() in HYPHEN_AGENT or tail.lower() in HYPHEN_TIE):
            out += [(s, s + len(head), head), (s + len(head), e, sep + tail)]
        else:
            out.append((s, e, t))
    return out


# the nouns that name an event's doers as such, whoever they are ("the attackers", "the assailants")
DOER_NOUNS = re.compile(r"\b(?:attackers?|assailants?|perpetrators?|(?:suicide\s+)?bombers?)\b", re.IGNORECASE)
POSSESSIVE = re.compile(r"['\u2019]s$|(?<=s)['\u2019]$")
CIVILIAN_INTER = 7
# the close of a dateline's agency credit: "(AP) -", "(Reuters) --"
AFTER_WIRE_CREDIT = re.compile(r"\)\s*[-\u2013\u2014]")


def find_mentions(text: str, start: int, end: int, country: str | None, *,
                  when: date | int | None = None) -> list[Mention]:
    """Actor mentions in text[start:end], longest alias first, left to right, no overlaps."""
    country = country_name(country)
    lower, exact, longest = _aliases()
    toks = [(m.start() + start, m.end() + start, m.group()) for m in TOKEN_RE.finditer(text[start:end])]
    toks = [(s, e - 1, t[:-1]) if t.endswith(".") and t.count(".") == 1 else (s, e, t) for s, e, t in toks]
    toks = _split_hyphen_agents(toks)
    out: list[Mention] = []

    def longest_at(i: int) -> tuple[int, Actor, int] | None:
        """(tokens taken, actor, characters of a possessive ending the last token) of the longest alias at i."""
        for n in range(min(longest, len(toks) - i), 0, -1):
            written = " ".join(t for _, _, t in toks[i:i + n])
            # "Al Shabaab's fighters", "the Taliban's spokesman": a name in the possessive, but not a word of a
            # longer name ("People's Liberation Army", "Women's League" are no civilians)
            for key in dict.fromkeys((written, POSSESSIVE.sub("", written))):
                rows = exact.get(key) or lower.get(key.lower())
                if rows and not (n == 1 and key.isupper() and len(key) > 1 and key not in exact
                                 and key.lower() not in lower):
                    row = _pick(rows, country, when)
                    actor = _fill(row, country, when) if row is not None else None
                    if actor is not None and not (key != written and actor.inter == CIVILIAN_INTER):
                        return n, actor, len(written) - len(key)
        return None

    i = 0
    while i < len(toks):
        hit = longest_at(i)
        if hit is not None and hit[0] > 1 and toks[i][2].lower() in ("the", "a", "an"):
            # "the Government of Ethiopia": the article's alias ("the government") yields to a longer name
            # behind it
            inner = longest_at(i + 1)
            if inner is not None and inner[0] >= hit[0]:
                i += 1
                continue
        if hit is None and i + 3 < len(toks) and toks[i][2][:1].isupper() and toks[i + 1][2].lower() in ("and", "or") \
                and toks[i + 2][2][:1].isupper():
            # "Turkish and Russian forces", "Samburu and Pokot tribesmen": the first name shares the noun
            for n in range(min(longest, len(toks) - i - 2), 1, -1):
                key = " ".join([toks[i][2]] + [t for _, _, t in toks[i + 3:i + 2 + n]])
                rows = lower.get(key.lower())
                row = _pick(rows, country, when) if rows else None
                actor = _fill(row, country, when) if row else None
                if actor is not None:
                    hit = (1, actor, 0)
                    break
        if hit is not None and hit[0] == 1 and toks[i][2] == "Army" and i > 0 and _unknown_name_word(toks[i - 1][2]):
            hit = None  # "The Balochistan Liberation Army claimed ...": the end of a group's name, not a state's army
        if hit is None:
            i += 1
            continue
        n, actor, possessive = hit
        s, e = toks[i][0], toks[i + n - 1][1] - possessive
        if text[s - 1:s] == "(" and AFTER_WIRE_CREDIT.match(text, e):
            i += n
            continue  # "ABUJA (AP) -": the agency that filed the report, not Nigeria's Accord Party
        actor.text, actor.start, actor.end = text[s:e], s, e
        before = text[max(start, s - 40):s].lower()
        hedged = bool(re.search(r"\b(suspected|alleged|presumed|purported|likely|believed to be|thought to be|"
                                r"possibly|probably)\s+(?:\w+\s+){0,2}$", before))
        out.append(Mention(s, e, text[s:e], actor, _kind(actor), hedged))
        i += n
    out = _with_generic_heads(text, out)
    out += _said_it_did(text, end, out)
    out += _coordinated_states(text, start, end, country, when, out)
    out += _possessive_forces(text, start, end, country, when, out)
    for m in out:
        members = MEMBERS_AFTER.match(text, m.end) if m.actor.inter == 4 else None
        if members is not None and members.end() <= end:
            # "armed Tugen youth raided ...": the community's members act, not a "Tugen" modifying a noun
            m.end = m.actor.end = members.end()
            m.text = m.actor.text = text[m.start:m.end]
    _foreign_origin(text, end, country, out)
    _tied_to_named(text, out)
    militias = _identity_militias(text, start, end, country, out)
    # the identity told beats the generic alias of its head noun ("ethnic militiamen" is not just "militiamen",
    # "pastoralists from Dabashi" are not just pastoralists)
    out = [m for m in out if not ((m.actor.name.startswith("Unidentified") or m.kind == "civilian")
                                  and any(i.start < m.end and m.start < i.end for i in militias))]
    return sorted(out + militias, key=lambda m: m.start)


# the group that speaks does the deed: "the Arakan Army said on Saturday it had captured the town", "the Houthis
# said they had targeted a ship"
SAID_IT_DID_RE = re.compile(
    r"\s+(?:said|says|announced|confirmed)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?P<it>it|they)\s+(?:had\s+|has\s+"
    r"|have\s+)?(?:carried\s+out|conducted|launched|struck|targeted|attacked|bombed|shelled|shot\s+down|killed"
    r"|destroyed|retaken|retook|recaptured|captured|seized|regained|took\s+control|taken\s+control|ambushed)\b")


def _said_it_did(text: str, end: int, found: list[Mention]) -> list[Mention]:
    """The pronoun after a group's or a force's "said": that actor again, as the doer."""
    out = []
    for m in found:
        said = SAID_IT_DID_RE.match(text, m.end, end) if m.kind in ("armed", "state") else None
        if said is None or any(f.start < said.end("it") and said.start("it") < f.end for f in found):
            continue
        s, e = said.start("it"), said.end("it")
        # (the pronoun's place gives the role; the evidence stays the name)
        out.append(Mention(s, e, text[s:e], m.actor.model_copy(), m.kind, m.hedged))
    return out


# an unnamed group's origin: "gunmen from Ethiopia", "raiders from neighbouring Somalia"; "Palestinian militants"
FROM_COUNTRY = re.compile(r"\s+from\s+(?:neighbou?ring\s+)?(?P<c>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
ADJECTIVE_BEFORE = re.compile(r"\b(?P<c>[A-Z][a-z]+)\s+$")


def _foreign_origin(text: str, end: int, country: str | None, found: list[Mention]) -> None:
    """An unidentified armed group the text says comes from another country is that country's (ACLED: "unidentified
    gunmen from Ethiopia attacked Turkana herders" in Kenya is "Unidentified Armed Group (Ethiopia)")."""
    names, demonyms = _countries()
    taken = [(f.start, f.end) for f in found]
    for m in found:
        if not m.actor.name.startswith("Unidentified Armed Group ("):
            continue
        after = FROM_COUNTRY.match(text, m.end, end)
        origin = names.get(after.group("c").lower()) if after else None
        before = ADJECTIVE_BEFORE.search(text, max(0, m.start - 20), m.start)
        if origin is None and before is not None and not any(s <= before.start("c") < e for s, e in taken):
            origin = demonyms.get(before.group("c")) or names.get(before.group("c").lower())
        if origin is not None and origin != country:
            m.actor = m.actor.model_copy(update={"name": f"Unidentified Armed Group ({origin})"})


TIED_TO = re.compile(r"\s+(?:linked|affiliated|allied|loyal|tied)\s+(?:to|with)\s+")
# "Islamic State-linked insurgents": a group tied to a named one by a hyphen compound
HYPHEN_TIE = frozenset({"linked", "affiliated", "aligned", "allied"})
TIE_AFTER = re.compile(rf"-(?:{'|'.join(sorted(HYPHEN_TIE))})\s+", re.IGNORECASE)
TIED_BEFORE = re.compile(TIE_AFTER.pattern + "$", re.IGNORECASE)
OF_NAMED = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")


def _tied_to_named(text: str, found: list[Mention]) -> None:
    """An unnamed group told as tied to a named one is that group's side: "a militia linked to the Kurdistan Workers'
    Party" is the PKK's, "Islamic State-linked insurgents" the Islamic State's."""
    def named_group(where: Callable[[Mention], bool]) -> Mention | None:
        return next((f for f in found if f.kind == "armed" and not f.actor.name.startswith("Unidentified")
                     and where(f)), None)

    for m in found:
        if not m.actor.name.startswith("Unidentified"):
            continue
        named = None
        if tie := TIED_TO.match(text, m.end):
            named = named_group(lambda f, tie=tie: tie.end() <= f.start <= tie.end() + 4)
        if named is None and (of := OF_NAMED.match(text, m.end)):
            # "Rebels of the Union for Peace in the Central African Republic": the named group's members
            named = named_group(lambda f, of=of: f.start == of.end())
        if named is None and (before := TIED_BEFORE.search(text, max(0, m.start - 16), m.start)):
            named = named_group(lambda f, before=before: f.end == before.start())  # "Islamic State-linked insurgents"
        if named is not None:
            m.actor = named.actor.model_copy(update={"text": m.actor.text, "start": m.actor.start, "end": m.actor.end})
    # "the Al Qaeda-affiliated JNIM": a named group after the tie is itself; the one it is tied to only describes it
    described = {id(f) for f in found for m in found
                 if TIED_BEFORE.search(text, max(0, m.start - 16), m.start) and f.end < m.start
                 and TIE_AFTER.match(text, f.end) and not m.actor.name.startswith("Unidentified")
                 and not any(g is not m and f.end < g.start < m.start for g in found)}
    found[:] = [f for f in found if id(f) not in described]


def _unknown_name_word(word: str) -> bool:
    """A capitalised word that names no country and is no article: "Liberation" in "Balochistan Liberation Army"
    (not "Pakistani" or "Kenya" in "Pakistani Army", "Kenya Army")."""
    names, demonyms = _countries()
    return word[:1].isupper() and word.lower() not in names and word not in demonyms \
        and word.lower() not in ("the", "a", "an", "national")


def _with_generic_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """A named group's mention takes the generic noun right after it ("ELN guerrillas", "Hamas gunmen"): the
    noun is the group's members, not another, unidentified armed group."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.actor.name.startswith("Unidentified Armed Group") and not text[prev.end:m.start].strip() \
                and prev.actor.inter in (2, 3, 4) and not prev.actor.name.startswith("Unidentified") \
                and prev.kind != "civilian":
            prev.end = prev.actor.end = m.end
            prev.text = prev.actor.text = text[prev.start:prev.end]
            continue
        out.append(m)
    return out


# "Pokot militiamen", "Degodia clan militia", "ethnic militiamen", "Turkana herders": identity militias ACLED
# names after the community ("Pokot Ethnic Militia (Kenya)", "Degodia Clan Militia (Kenya)"), found by form when
# the alias tables do not know the community (a region absent from the training exports)
IDENTITY_MILITIA_RE = re.compile(
    r"\b(?:(?P<name>[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)\s+)?"
    r"(?P<kind>(?i:ethnic|clan|tribal|communal|community|pastoralist|herder)\s+)?"
    r"(?P<head>(?i:militia(?:s|men)?|militiam[ae]n|raiders|warriors|herders|herdsmen|pastoralists|individuals|members)"
    r"|(?<=[a-z] )youths?)\b"
    # "armed Tugen youth", "... when armed Borana descended on ...": armed members of a community, named bare (not
    # at a sentence start or in a title, where "Armed Men" or "Armed Forces" are capitalised common words)
    r"|\barmed\s+(?P<armed>[A-Z][a-z]{2,})\b(?!\s+(?:[A-Z]|(?i:forces|groups?|gangs?|men|individuals)\b))")
IDENTITY_KINDS = frozenset({"ethnic", "clan", "tribal", "communal", "community"})
HERDING_KINDS = frozenset({"herders", "herdsmen", "pastoralists", "pastoralist", "herder"})
HERDING_RE = re.compile(r"\b(?:herders?|herdsm[ae]n|pastoralists?)\b", re.IGNORECASE)
VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
# "militiamen from the Ayr sub-clan", "pastoralists from Lagdera", "herders from the Samburu ethnic militia": the
# community they come from names them (unless a name came first: "Pokot militias from Barigo" are Pokot)
IDENTITY_FROM_RE = re.compile(
    r"\b(?i:militia(?:s|men)?|militiam[ae]n|raiders|herders|herdsmen|pastoralists|armed men)"
    r"\s+(?:\w+ly\s+)?from\s+(?:the\s+)?(?P<name>[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,})?)"
    r"(?:\s+(?P<kind>(?i:sub-clan|clan|community|ethnic group|ethnic militia|clan militia)))?\b")
# "clashes between Borana and Gabra communities", "the Ogiek and Kipsigi groups": two communities, both sides
IDENTITY_PAIR_RE = re.compile(
    r"\b(?P<a>[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)\s+"
    r"(?P<kind>(?i:communities|clans|sub-clans|tribes|ethnic groups|groups|pastoralists|herders|militias))\b")
# the community's members acting, after a community the tables know ("Tugen youth raided ...")
MEMBERS_AFTER = re.compile(r"\s+(?:youths?|men|militants|herders?|herdsmen|raiders?|pastoralists?|fighters|"
                           r"warriors|militia(?:s|men)?|attackers|gunmen|bandits)\b", re.IGNORECASE)
NOT_COMMUNITY = frozenset({"The", "A", "An", "Armed", "Local", "Rival", "Suspected", "Alleged", "Unknown",
                           "Unidentified", "Some", "Several", "Many", "Other", "These", "Those", "Few", "Both",
                           "Government", "State", "Islamist", "Islamic", "Pro-Government", "Allied", "Militia",
                           "Village", "Youth", "Youths", "Heavily", "Ethnic", "Clan", "Tribal", "Muslim", "Christian",
                           "Hindu", "Buddhist", "Sunni", "Shia", "Shiite", "Jihadist", "Security", "Police", "Army",
                           "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens",
                           "Hundreds", "Thousands", "Scores"})
LABEL_OF_KIND = {"clan": "Clan", "sub-clan": "Clan", "clans": "Clan", "sub-clans": "Clan", "clan militia": "Clan",
                 "communal": "Communal", "community": "Communal", "communities": "Communal"}


def _militia_name(community: str | None, label: str, country: str | None) -> str:
    """ACLED's name for an identity militia: "Pokot Ethnic Militia (Kenya)", "Unidentified Clan Militia (Somalia)"."""
    name = f"{community or 'Unidentified'} {label} Militia"
    return f"{name} ({country})" if country else name


def _community(name: str | None) -> str | None:
    """A capitalised word that may name a community: not a country or its people, not a generic word."""
    if not name or name in NOT_COMMUNITY or name in _countries()[1] or name.lower() in _countries()[0]:
        return None
    return name


def _identity_militias(text: str, start: int, end: int, country: str | None,
                       found: list[Mention]) -> list[Mention]:
    taken = [(m.start, m.end) for m in found if not m.actor.name.startswith("Unidentified") and m.kind != "civilian"]
    out: list[Mention] = []

    def add(s: int, e: int, name: str | None, label: str, kind: str = "armed") -> None:
        if any(ts < e and s < te for ts, te in taken) or any(m.start < e and s < m.end for m in out):
            return
        civilians = f"Civilians ({country})" if country else "Civilians"
        named, inter = (civilians, 7) if kind == "civilian" else (_militia_name(name, label, country), 4)
        out.append(Mention(s, e, text[s:e], Actor(name=named, inter=inter, text=text[s:e], start=s, end=e), kind))

    for m in IDENTITY_PAIR_RE.finditer(text, start, end):
        first, second = _community(m.group("a")), _community(m.group("b"))
        if first and second:
            label = LABEL_OF_KIND.get(m.group("kind").lower(), "Ethnic")
            add(m.start("a"), m.end("a"), first, label)
            add(m.start("b"), m.end(), second, label)
    for m in IDENTITY_FROM_RE.finditer(text, start, end):
        named_before = re.search(r"([A-Z][a-z]{2,})\s+$", text[max(start, m.start() - 30):m.start()])
        if named_before and _community(named_before.group(1)):
            continue  # "Pokot militias from Barigo": the name told first is theirs
        known = next((f for f in found if f.start == m.start("name") and f.actor.inter == 4), None)
        if known is not None:
            # a community the tables know: its members are that militia ("herders from the Samburu ...")
            e = max(m.end(), known.end)
            out.append(Mention(m.start(), e, text[m.start():e],
                               known.actor.model_copy(update={"text": text[m.start():e], "start": m.start(), "end": e}),
                               "armed"))
        elif name := _community(m.group("name")):
            add(m.start(), m.end(), name, LABEL_OF_KIND.get((m.group("kind") or "community").lower(), "Ethnic"))
    herders: list[tuple[int, int]] = []
    for m in IDENTITY_MILITIA_RE.finditer(text, start, end):
        if m.group("armed"):
            if _community(m.group("armed")):
                add(m.start("armed"), m.end("armed"), m.group("armed"), "Ethnic")
            continue
        if m.group("name") in _countries()[1]:
            continue  # "Ethiopian raiders": a country's people, not a community the tables lack
        name = _community(m.group("name"))
        kind = (m.group("kind") or "").strip().lower()
        if not kind and m.group("name") and m.group("name").lower() in IDENTITY_KINDS:
            kind = m.group("name").lower()  # "Ethnic militiamen ..." at a sentence start
        if not name and kind in ("", "pastoralist", "herder"):
            if m.group("head").lower() in HERDING_KINDS or kind:
                herders.append((m.start("kind") if kind else m.start("head"), m.end()))
            continue  # "militiamen" alone: no identity told; herders alone are placed last
        if not name and m.group("head").lower().startswith("youth"):
            continue  # "armed youth": no community told
        if m.group("head").lower() in ("individuals", "members") and kind not in IDENTITY_KINDS:
            continue  # "Kanuri ethnic individuals" are a community's, "ten individuals" anyone
        label = LABEL_OF_KIND.get(kind) or ("Ethnic" if name or kind in ("ethnic", "tribal") else "Communal")
        s = m.start("name") if name else m.start("kind")
        add(s, m.end(), name, label)
    for s, e in herders:
        # herders alone: civilians when attacked, a communal militia when they attack (see _main_roles)
        add(s, e, None, "Communal", "civilian")
    return out


COORDINATED_RE = re.compile(r"\b(military|armed|security|police) forces of (?:the )?[A-Z][\w\- ]*? and (?:the )?"
                            r"([A-Z][\w\-]+(?: [A-Z][\w\-]+){0,3})")


# "Russia's defence ministry said its air defences shot down ...", "the Afghan army said its troops ...": the
# forces the speaking state calls its own
POSSESSIVE_FORCES_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<owner>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s|\u2019s)?\s+(?:[A-Z][\w-]*\s+){0,2}?(?:defen[cs]e ministry"
    r"|ministry of defen[cs]e|army|military|government|administration|armed forces|junta)\b[^.;]{0,60}?"
    r"\b(?P<its>(?:its|their)\s+(?:forces|troops|soldiers|air defen[cs]es|units|army|military))\b")


# a state, or its military, that says it struck: "Pakistan said on Thursday it had carried out airstrikes in Khost",
# "Sudan's military said Friday it had retaken Wad Madani"
STATE_SAYS_IT_STRUCK_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<owner>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?P<force>(?:['\u2019]s)?\s+(?:military|army|armed\s+forces"
    r"|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e))?\s+(?:said|says|announced|confirmed)\s+"
    r"(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?P<it>it)\s+(?:had\s+|has\s+)?(?:carried\s+out|conducted|launched|struck"
    r"|targeted|bombed|shelled|shot\s+down|killed|destroyed|retaken|retook|recaptured|captured|seized|regained)\b")


def _possessive_forces(text: str, start: int, end: int, country: str | None, when: date | int | None,
                       found: list[Mention]) -> list[Mention]:
    """"its forces" of a state that speaks ("Russia's defence ministry said its air defences ..."), or a state that
    says it struck ("Pakistan said it had carried out airstrikes"): that state's military, a mention where no other
    actor stands."""
    names, demonyms = _countries()
    out = []
    for m in POSSESSIVE_FORCES_RE.finditer(text, start, end):
        owner = names.get(m.group("owner").lower()) or demonyms.get(m.group("owner"))
        s, e = m.start("its"), m.end("its")
        if owner is None:
            continue
        name = state_force(owner, "military", when)
        overlapping = [f for f in found if f.start < e and s < f.end]
        for f in overlapping:
            if f.text.islower():  # "The Israeli military said its troops ...": not the troops of the event's country
                f.actor = Actor(name=name, inter=actor_inter(name, country, 1), text=f.text, start=f.start, end=f.end)
        if overlapping:
            continue
        actor = Actor(name=name, inter=actor_inter(name, country, 1), text=text[s:e], start=s, end=e)
        out.append(Mention(s, e, text[s:e], actor, "state"))
    for m in STATE_SAYS_IT_STRUCK_RE.finditer(text, start, end):
        owner = names.get(m.group("owner").lower()) or (demonyms.get(m.group("owner")) if m.group("force") else None)
        s, e = m.start("it"), m.end("it")  # (the state speaks; "it" does the deed)
        if owner is None or any(f.start < e and s < f.end for f in found):
            continue
        name = state_force(owner, "military", when)
        # (the evidence is the state's name)
        actor = Actor(name=name, inter=actor_inter(name, country, 1), text=m.group("owner"), start=m.start("owner"),
                      end=m.end("owner"))
        out.append(Mention(s, e, text[s:e], actor, "state"))
    return out


def _coordinated_states(text: str, start: int, end: int, country: str | None, when: date | int | None,
                        found: list[Mention]) -> list[Mention]:
    """"military forces of India and Pakistan": the second country's forces are a mention too."""
    names, _ = _countries()
    out = []
    for m in COORDINATED_RE.finditer(text, start, end):
        words = m.group(2).split(" ")
        for n in range(len(words), 0, -1):
            owner = names.get(" ".join(words[:n]).lower())
            if owner:
                s = m.start(2)
                e = s + len(" ".join(words[:n]))
                if any(f.start <= s < f.end for f in found):
                    break
                kind = "police" if m.group(1) == "police" else "military"
                name = state_force(owner, kind, when)
                actor = Actor(name=name, inter=actor_inter(name, country, 1), text=text[s:e], start=s, end=e)
                out.append(Mention(s, e, text[s:e], actor, "state"))
                break
    return out


# ---------------------------------------------------------------------------------------------- roles

EVENT_NOUNS = {"attack", "attacks", "assault", "offensive", "raid", "raids", "strike", "strikes", "airstrike",
               "airstrikes", "bombing", "bombings", "shelling", "ambush", "ambushes", "operation", "operations",
               "shooting", "killing", "killings", "abduction", "kidnapping", "advance", "incursion", "fire",
               "rocket", "rockets", "missile", "missiles", "drone", "drones", "mortar", "mortars", "bombardment",
               "clash", "clashes", "fighting", "crackdown", "campaign", "protest", "protests", "demonstration",
               "march", "rally", "sit-in", "strike action", "violence", "massacre", "assassination", "aggression",
               "shot", "shots", "activities", "activity", "gunfire", "firing", "bombardments", "invasion",
               "occupation", "counteroffensive", "counter-offensive", "assaults"}
LOCATIVE_PREPS = {"in", "near", "around", "across", "outside", "inside", "within", "throughout", "along", "through"}
# a harm verb and the figure of those it hit, right before a mention
HARMED_BEFORE = re.compile(r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|hurt(?:ing)?)\s+(?:(?:at\s+least|some"
                           r"|about|around|nearly|more\s+than|over|up\s+to)\s+)?(?:\d+|[a-z]+)\s+$", re.I)
# the side ground was taken from lost it: "recaptured the town of Adan Yabaal ... from al Shabaab" (the parser
# often hangs "from" on the place)
TAKEN_FROM = re.compile(r"\b(?:re-?captur\w*|captur\w*|re-?took|re-?tak(?:en|es|ing)|seiz\w*|regain\w*|wrest\w*"
                        r"|liberat\w*|took|taken|reclaim\w*|won)\b[^.;]{0,150}?\bfrom\s+(?:the\s+)?$", re.I)
PATIENT_PREPS = {"on", "against", "at", "upon", "targeting", "into", "toward", "towards", "of"}
HYPHEN_AGENT = {"planted", "laid", "placed", "fired", "launched", "triggered", "made", "detonated", "claimed",
                "orchestrated", "perpetrated", "carried", "staged", "mounted"}
NEUTRAL_VERBS = {"held", "organised", "organized", "controlled", "occupied",
                 "backed", "led", "supported", "owned", "run", "based", "stationed", "linked", "affiliated",
                 "loyal", "allied", "manned"}
# ... and after "by" only: things "used by members of Hezbollah" are theirs, not their deed ("Russian forces used
# artillery" is one)
HELD_BY_VERBS = NEUTRAL_VERBS | {"used", "belonging"}
HOLDER_NOUNS = {"vehicle", "vehicles", "convoy", "convoys", "patrol", "patrols", "post", "posts", "checkpoint",
                "checkpoints", "station", "stations", "base", "bases", "camp", "camps", "position", "positions",
                "outpost", "outposts", "headquarters", "barracks", "truck", "trucks", "tank", "tanks", "helicopter",
                "aircraft", "jet", "jets", "plane", "drone", "drones", "unit", "units", "officer", "officers",
                "personnel", "member", "members", "commander", "commanders", "chief", "soldier", "soldiers",
                "fighter", "fighters", "militants", "militant", "troops", "forces", "force", "men", "elements",
                "team", "teams", "boat", "boats", "ship", "vessel", "vessels", "warship", "warships", "warplane",
                "warplanes", "column", "columns", "reinforcements",
                "leader", "leaders", "official", "officials", "agent", "agents", "guards", "guard", "cell", "cells",
                "militia", "militias", "group", "groups", "faction", "factions", "spokesman", "media", "rebels",
                "rebel", "militiamen", "sniper", "snipers", "cadres", "brigade", "brigades", "battalion",
                "battalions", "ships", "planes", "targets", "infrastructure", "infrastructures", "equipment",
                "car", "cars", "stronghold", "strongholds", "depot", "depots", "systems", "hideout", "hideouts",
                "communities", "families", "facility", "facilities", "office", "offices", "compound"}
SUFFER_VERBS = {"died", "die", "dies", "perished", "drowned", "suffered", "sustained", "succumbed", "fell",
                "lost", "remained", "fled", "escaped", "survived", "sustain", "suffer"}
SPEECH_VERBS = {"said", "says", "say", "stated", "announced", "reported", "reports", "told", "confirmed",
                "added", "claimed", "claims", "declared", "tweeted", "wrote", "noted", "observed", "recorded",
                "documented", "denied", "denies", "insisted", "alleged", "believe", "believes", "speculate",
                "suspect", "think", "fear", "feared", "blamed", "accused", "announce", "claim"}
BE_FORMS = {"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting", "Was", "Were",
            "Is", "Are", "Been", "Being"}
RIVALS = re.compile(r"\b(?:two|rival|each\s+other|one\s+another|between|inter-?clan|inter-?communal|clashed)\b",
                    re.IGNORECASE)
PASSIVE_BY = re.compile(r"\bby\s+(?:[\w'-]+\s+){0,5}$", re.IGNORECASE)
TIES = {"linked", "affiliated", "allied", "tied", "loyal"}
GROUP_NOUNS = {"militia", "militias", "group", "groups", "faction", "factions", "members", "fighters", "militants",
               "unit", "units", "cell", "cells", "wing", "movement"}
SUSPECT_VERBS = {"accused", "accuse", "accuses", "accusing", "blamed", "blame", "blames", "blaming", "suspected",
                 "suspect", "suspects", "believed", "attributed", "linked", "thought", "alleged"}


def _span_root(sdoc: Any, s: int, e: int) -> Any | None:
    span = sdoc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _accused_of_doing(verb: Any) -> bool:
    """"accused X of beating ...", "X were accused of killing ...": the accusation names a deed."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ == "VBG" for g in c.children)
               for c in verb.children)


def _subject_lost_in_places(tok: Any) -> bool:
    """"On 7 May, in Paletwa Township, Chin State, the Myanmar military and AA clashed": the parser chains the
    subject onto the list of places before it; a verb with no subject of its own gets it back."""
    top = tok
    while top.dep_ in ("appos", "conj") and top.head is not top:
        top = top.head
    if top.dep_ != "pobj" or top.head.lower_ not in LOCATIVE_PREPS or top.i > tok.i:
        return False
    verb = tok.sent.root
    return verb.pos_ == "VERB" and verb.i > tok.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _role(tok: Any) -> tuple[str, bool]:
    """('agent' | 'patient' | 'between' | 'other', hedged-by-the-parse) for the head token of a mention."""
    hedged = False
    seen = 0
    while seen < 8:
        seen += 1
        dep = tok.dep_
        head = tok.head
        if any(c.lower_ in HEDGES for c in tok.children if c.dep_ in ("amod", "advmod", "compound")):
            hedged = True
        if seen == 1 and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" \
                and tok.nbor(2).lower_ in HYPHEN_AGENT:  # "a Taliban-planted bomb"
            return "agent", hedged
        if dep in ("appos", "conj") and head is not tok:
            if dep == "conj" and head.dep_ == "pobj" and head.head.lower_ == "between":
                return "between", hedged
            if _subject_lost_in_places(tok):
                return "agent", hedged
            tok = head
            continue
        if dep == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            tok = head.head  # "members of X", "fighters of X": X takes the role of its members
            continue
        if dep == "pobj" and head.head.lower_ in SUSPECT_VERBS:  # "blamed on X", "attributed to X"
            if head.head.lower_ in TIES and head.head.dep_ == "acl" and head.head.head.lower_ in GROUP_NOUNS:
                # "members of a militia linked to the PKK": the group's ties, no suspicion of the deed
                tok = head.head.head
                continue
            return "other", True
        if dep in ("nsubj",):
            if head.lower_ in SUSPECT_VERBS or head.lower_ in SPEECH_VERBS:
                return "source", hedged  # the accuser / the speaker
                return "source", hedged
            if head.lower_ in SUFFER_VERBS:
                return "patient", hedged
            if head.lower_ in NEUTRAL_VERBS:
                return "context", hedged
            return "agent", hedged
        if dep in ("nsubjpass",):
            if head.lower_ in SUSPECT_VERBS:  # "X is believed to have...", "X was blamed"
                return ("agent" if _accused_of_doing(head) else "other"), True
            aux = [c for c in head.children if c.dep_ == "auxpass"]
            if aux and all(a.text not in BE_FORMS for a in aux):  # "Boko Haram/IS attacked": IS is no auxiliary
                return "agent", hedged
            return "patient", hedged
        if dep == "pobj" and (head.dep_ == "agent" or head.lower_ == "by"):
            # "a parade held by X", "areas controlled by X": X is context, not the one who acted
            return ("context" if head.head.lower_ in HELD_BY_VERBS else "agent"), hedged
        if dep == "pobj" and head.lower_ == "between":
            return "between", hedged
        if dep == "pobj" and head.lower_ == "with":
            return "counterpart", hedged
        if dep == "pobj" and head.lower_ in LOCATIVE_PREPS:
            return "location", hedged
        if dep == "pobj" and head.lower_ in PATIENT_PREPS:
            return "patient", hedged
        if dep == "pobj":
            return "other", hedged  # "handed over to X", "after X", "for X"
        if dep in ("dobj", "obj", "dative", "attr", "oprd"):
            if head.lower_ in SUSPECT_VERBS:
                # "residents accused police of torching houses": the accused did it, by their word
                return ("agent" if _accused_of_doing(head) else "other"), True
            return "patient", hedged
        if dep in ("poss", "compound", "amod", "nmod") and head.lower_ in EVENT_NOUNS:
            return "agent", hedged
        if dep in ("compound", "amod", "nmod", "poss") and head is not tok:
            if head.lower_ not in HOLDER_NOUNS and head.pos_ in ("NOUN", "PROPN"):
                return "modifier", hedged  # "a military parade", "police sources"
            tok = head
            continue
        if dep == "ROOT":
            return "agent" if tok.pos_ in ("NOUN", "PROPN") else "other", hedged
        if dep in ("acl", "relcl", "advcl", "ccomp", "xcomp", "pcomp", "prep", "npadvmod"):
            return "other", hedged
        return "other", hedged
    return "other", hedged


def _surface_role(text: str, m: Mention, start: int) -> str:
    """Role from the words around a mention when there is no parse."""
    before = text[max(start, m.start - 30):m.start].lower()
    after = text[m.end:m.end + 40].lower()
    if re.search(r"\bby\s+(?:the\s+|a\s+|an\s+|suspected\s+|unknown\s+)*$", before):
        return "agent"
    if re.search(r"\bbetween\s+(?:the\s+)*$", before):
        return "between"
    if re.search(r"\bwith\s+(?:the\s+)*$", before):
        return "counterpart"
    if re.search(r"\b(?:on|against|targeting|targeted|attacked|killed|killing|shot|abducted|kidnapped|"
                 r"ambushed|injured|wounded|arrested|detained)\s+(?:the\s+|a\s+|an\s+|\d+\s+|two\s+|three\s+)*$",
                 before):
        return "patient"
    if re.match(r"\s*(?:were|was|are|is|had been|have been|has been)\s+(?:\w+ly\s+)?(?:killed|injured|wounded|"
                r"shot|abducted|kidnapped|attacked|arrested|detained|targeted|hit|ambushed)", after):
        return "patient"
    if re.match(r"\s*(?:and\s+[^,.]{0,40})?\s*(?:have\s+|has\s+|had\s+)?(?:\w+ly\s+)?[a-z]+(?:ed|s)\b", after):
        return "agent"
    return "other"


def _roled(doc: Document, start: int, end: int, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    sdoc = doc.spacy_doc
    out = []
    for m in mentions:
        role = "other"
        if sdoc is not None:
            tok = _span_root(sdoc, m.start, m.end)
            if tok is not None:
                role, hedged = _role(tok)
                m.hedged = m.hedged or hedged
        else:
            role = _surface_role(doc.body, m, start)
        if role in ("other", "location") and TAKEN_FROM.search(doc.body, max(start, m.start - 160), m.start):
            role = "patient"
        elif role == "source" and m.kind == "civilian" and HARMED_BEFORE.search(doc.body, max(start, m.start - 60),
                                                                                 m.start):
            # "wounded at least 10 people, regional governor Oleh Syniehubov said": the parser may make the
            # victims the speaker's subject
            role = "patient"
        out.append((m, role))
    return out


def _as_default(actor: Actor, unidentified: Actor) -> Actor:
    """A generic "gunmen" mention takes the country's own name for unnamed perpetrators."""
    if not actor.text and actor.name.startswith("Unidentified Armed Group") and actor.name != unidentified.name:
        return actor.model_copy(update={"name": unidentified.name, "inter": unidentified.inter})
    return actor


# "a citizen from the Subaihi tribe", "two people from the Rendille clan": who the victims were, not who attacked
VICTIM_IDENTITY = re.compile(r"\b(?:from|of) (?:the )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)? $")


def _communal_default(actor: Actor, text: str, start: int, end: int, country: str | None) -> Actor:
    """An unnamed perpetrator in a feud between families, clans or communities is ACLED's communal militia
    (its ethnic or clan militia where the feud is told as ethnic or between clans)."""
    if not actor.name.startswith("Unidentified Armed Group"):
        return actor
    told = [m.group(0).lower() for m in COMMUNAL_CONTEXT.finditer(text, start, end)
            if not VICTIM_IDENTITY.search(text, max(start, m.start() - 40), m.start())]
    if not told:
        return actor
    label = ("Ethnic" if any(w.startswith(("ethnic", "trib")) for w in told)
             else "Clan" if any(w.startswith(("clan", "sub-clan", "subclan")) for w in told) else "Communal")
    return actor.model_copy(update={"name": _militia_name(None, label, country), "inter": 4})


def agents(doc: Document, start: int, end: int, country: str | None, *, when: date | int | None = None) -> list[Actor]:
    """Armed actors that act (subject, "by X", "X's attack") in doc.body[start:end]."""
    mentions = find_mentions(doc.body, start, end, country_name(country), when=when)
    return [m.actor for m, role in _roled(doc, start, end, mentions)
            if role in ("agent", "between") and m.kind in ("armed", "state", "government")]


def _unique(actors: list[Actor], exclude: list[Actor | None]) -> list[Actor]:
    names = {a.name for a in exclude if a is not None}
    out: list[Actor] = []
    for a in actors:
        if a.name not in names:
            names.add(a.name)
            out.append(a)
    return out


def find_roles(doc: Document, start: int, end: int, *, country: str | None, event_type: str,
               sub_event_type: str, when: date | int | None = None) -> Roles:
    """Actors of the event told in doc.body[start:end]: actor1, actor2, associated actors, suspect.

    `country` is the event's country (ACLED name or ISO code; the document's focus country when None);
    `when` (the event's date, or its year) picks the regime period of state forces and the names that hold
    from a day on (default: the publication date, else the latest period)."""
    country = country_name(country or doc.country_focus)
    if when is None and doc.article.published is not None:
        when = doc.article.published
    roles = _main_roles(doc, start, end, country, event_type, sub_event_type, when)
    _add_associates(doc, start, end, country, event_type, when, roles)
    return roles


@cache
def _groups() -> tuple[dict[str, str], int]:
    """(lower-case alias -> ACLED group template such as "Students ({country})", longest alias in tokens)."""
    out: dict[str, str] = {}
    longest = 1
    for r in _read("groups.csv"):
        for alias in r["alias"].split("|"):
            key = " ".join(_tokens(alias)).lower()
            if key:
                out.setdefault(key, r["acled_name_template"])
                longest = max(longest, key.count(" ") + 1)
    return out, longest


def find_groups(text: str, start: int, end: int, country: str | None) -> list[Mention]:
    """Mentions of identity groups ACLED lists as associated actors: "Students (Kenya)", "Labour Group (X)"."""
    table, longest = _groups()
    toks = [(m.start() + start, m.end() + start, m.group()) for m in TOKEN_RE.finditer(text[start:end])]
    toks = [(s, e - 1, t[:-1]) if t.endswith(".") and t.count(".") == 1 else (s, e, t) for s, e, t in toks]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 0, -1):
            template = table.get(" ".join(t for _, _, t in toks[i:i + n]).lower())
            if template:
                s, e = toks[i][0], toks[i + n - 1][1]
                name = template.replace(" ({country})", f" ({country})" if country else "")
                out.append(Mention(s, e, text[s:e], Actor(name=name, inter=0, text=text[s:e], start=s, end=e),
                                   "group"))
                i += n
                break
        else:
            i += 1
    return out


def _add_associates(doc: Document, start: int, end: int, country: str | None, event_type: str,
                    when: date | int | None, roles: Roles) -> None:
    """Associated actors: the identity groups of protesters / rioters (assoc_actor_1) and of civilian victims
    (assoc_actor_2), an ethnic militia's community when its members are the victims, allies acting with actor1."""
    groups = _roled(doc, start, end, find_groups(doc.body, start, end, country))
    mentions = _roled(doc, start, end, find_mentions(doc.body, start, end, country, when=when))
    associates = [(m, r) for m, r in mentions if m.kind == "associate" and not m.hedged]
    main = [roles.actor1, roles.actor2]
    if event_type in ("Protests", "Riots"):
        # (not those the crowd acts over: "women protested over the killing of a trader by soldiers")
        grievances = [(start + a, start + b) for a, b in detect.grievance_spans(doc.body[start:end])]
        roles.assoc_actor_1 = _unique(roles.assoc_actor_1 + [
            m.actor for m, r in associates + groups if r not in ("patient", "location", "source")
            and not any(a <= m.start < b for a, b in grievances)], main)
        return
    roles.assoc_actor_1 = _unique(roles.assoc_actor_1 + [m.actor for m, r in associates
                                                         if r in ("agent", "between", "other")], main)
    roles.assoc_actor_2 = _unique(roles.assoc_actor_2 + [m.actor for m, r in associates
                                                         if r in ("patient", "counterpart")], main)
    if roles.actor2 is not None and roles.actor2.name.startswith("Civilians"):
        victims = [m.actor for m, r in groups if r in ("patient", "counterpart", "other", "modifier")]
        for m, r in mentions:
            if r in ("patient", "counterpart") and " Ethnic Militia (" in m.actor.name:
                victims.append(Actor(name=m.actor.name.replace(" Ethnic Militia (", " Ethnic Group ("), inter=0,
                                     text=m.text, start=m.start, end=m.end))
        roles.assoc_actor_2 = _unique(roles.assoc_actor_2 + victims, main)


REPELLED_RE = re.compile(
    r"\b(?:repel(?:led|s)?|repuls(?:ed|es|e)|thwart(?:ed|s)?|foil(?:ed|s)?|fought off|beat back|pushed back|"
    r"repelling|repulsing|thwarting|foiling)\s+(?:an?\s+|the\s+|their\s+)?(?P<attack>(?:[\w'-]+\s+){0,4}?"
    r"(?:attacks?|assaults?|offensives?|incursions?|advances?|infiltration(?:\s+attempt)?s?)"
    r"(?:\s+(?:by|of|from)\s+(?:[\w'-]+\s+){0,5})?)",
    re.IGNORECASE,
)


def _repelled_attacker(text: str, start: int, end: int, mentions: list[tuple[Mention, str]]) -> Actor | None:
    """The armed group named inside "repelled an attack by X" / "repelled an X attack", if any."""
    for m in REPELLED_RE.finditer(text, start, end):
        a, b = m.span("attack")
        for mention, _role in mentions:
            if a <= mention.start < b and mention.kind in ("armed", "state"):
                return mention.actor
    return None


def _main_roles(doc: Document, start: int, end: int, country: str | None, event_type: str,
                sub_event_type: str, when: date | int | None) -> Roles:
    mentions = find_mentions(doc.body, start, end, country, when=when)
    roled = _roled(doc, start, end, mentions)
    suspected: Actor | None = None
    suspected_doer = False
    clean: list[tuple[Mention, str]] = []
    armed_agent = any(m.kind in ("armed", "state") and r == "agent" and not m.hedged for m, r in roled)
    for m, role in roled:
        if m.hedged and m.kind in ("armed", "state"):
            if suspected is None:
                suspected, suspected_doer = m.actor, role == "agent"
            continue
        if m.kind == "civilian" and role in ("agent", "between") and event_type in VIOLENT_TYPES \
                and HERDING_RE.search(m.text) and not armed_agent:
            # pastoralists are civilians when attacked, a communal militia when they attack (and nobody
            # armed does: "herders grazing their cattle were detained by the military")
            m = Mention(m.start, m.end, m.text, Actor(name=_militia_name(None, "Communal", country), inter=4,
                                                      text=m.text, start=m.start, end=m.end), "armed")
        clean.append((m, role))

    def of(kinds: tuple[str, ...], roles: tuple[str, ...]) -> list[Actor]:
        return [m.actor for m, r in clean if m.kind in kinds and r in roles]

    armed = ("armed", "state", "government")
    agents = of(armed, ("agent",))
    between = of(armed, ("between",))
    patients = of(armed, ("patient", "counterpart"))
    # (an actor told as a target somewhere is no doer where its role is unclear: rockets fired "at the Ain al-Asad
    # air base, which hosts U.S. troops, causing minor injuries to some U.S. personnel")
    others = [a for a in of(armed, ("other",)) if a.name not in {p.name for p in patients}]
    civ_patients = of(("civilian",), ("patient", "counterpart", "between", "other"))
    civilians = Actor(name=f"Civilians ({country})" if country else "Civilians", inter=7)
    unidentified = unnamed_perpetrator(country, event_type)
    roles = Roles(suspected=suspected, suspected_doer=suspected_doer)
    if suspected is not None and suspected_doer and suspected.start is not None:
        roles.accused_of_deed = bool(ACCUSED_OF_DEED.search(
            doc.body, max(start, suspected.start - 40), min(end, suspected.end + 60)))

    if event_type == "Protests":
        roles.actor1 = Actor(name=f"Protesters ({country})" if country else "Protesters", inter=6)
        first_protester = next((m.actor for m, _ in clean if m.kind == "protester"), None)
        if first_protester is not None:
            roles.actor1.text, roles.actor1.start, roles.actor1.end = (
                first_protester.text, first_protester.start, first_protester.end)
        roles.assoc_actor_1 = _unique([m.actor for m, r in clean if m.kind == "armed" and r == "agent"
                                       and m.actor.inter == 3], [roles.actor1])
        if sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
            state = [m.actor for m, _ in clean if m.kind == "state"]
            roles.actor2 = state[0] if state else None
        return roles
    if event_type == "Riots":
        roles.actor1 = Actor(name=f"Rioters ({country})" if country else "Rioters", inter=5)
        first = next((m.actor for m, _ in clean if m.kind == "rioter"), None)
        if first is not None:
            roles.actor1.text, roles.actor1.start, roles.actor1.end = first.text, first.start, first.end
        # (not the police who only tell of it: "A mob lynched two men, police said")
        state = [m.actor for m, r in clean if m.kind == "state" and r != "source"
                 # (a mob's victim before the police who came after: "Police arrested three people in connection
                 # with the killing" of a lynched man)
                 and not (sub_event_type == "Mob violence" and r == "agent")]
        victims = [m.actor for m, r in clean if m.kind == "civilian" and r in ("patient", "counterpart")]
        text = doc.body[start:end].lower()
        if state:
            roles.actor2 = state[0]
        elif victims:
            roles.actor2 = victims[0].model_copy(update={"name": civilians.name, "inter": 7})
        elif re.search(r"\b(between|each other|one another|rival|clash\w*|fought|fight\w*|brawl\w*)\b", text):
            roles.actor2 = roles.actor1.model_copy(update={"text": "", "start": None, "end": None})
        elif sub_event_type == "Mob violence":
            roles.actor2 = civilians
        return roles

    ordered = agents + between + others
    if event_type == "Violence against civilians":
        roles.actor1 = (agents or between or others or [None])[0]
        if roles.actor1 is None:
            roles.actor1 = unidentified.model_copy()
            perp = next((m.actor for m, _ in clean if m.kind == "armed" and m.actor.name.startswith("Unidentified")),
                        None)
            if perp is not None:
                roles.actor1 = perp
        roles.actor1 = _communal_default(_as_default(roles.actor1, unidentified), doc.body, start, end, country)
        roles.actor2 = civ_patients[0] if civ_patients else civilians
        if roles.actor2.name != civilians.name and country:
            roles.actor2 = Actor(name=civilians.name, inter=7, text=roles.actor2.text, start=roles.actor2.start,
                                 end=roles.actor2.end)
        return roles

    if event_type == "Strategic developments":
        roles.actor1 = (agents or between or others or patients or [None])[0]
        # (the other party to a deal signs it too: "the Ethiopian government and the OLA signed a ceasefire")
        signers = agents[1:] if sub_event_type == "Agreement" else []
        rest = _unique(patients + others + between + signers, [roles.actor1])
        roles.actor2 = rest[0] if rest else None
        if sub_event_type == "Looting/property destruction":
            roles.actor1 = _communal_default(_as_default(roles.actor1 or unidentified.model_copy(), unidentified),
                                             doc.body, start, end, country)
            if roles.actor2 is None:
                roles.actor2 = civ_patients[0] if civ_patients else civilians
        elif sub_event_type == "Arrests" and roles.actor1 is None and country:
            roles.actor1 = Actor(name=state_force(country, "police", when), inter=1)
        elif roles.actor1 is None and any(m.kind == "civilian" for m, _ in clean):
            # "27 civilians were evacuated from Popasna": the civilians are the ones who act
            roles.actor1 = next(m.actor for m, _ in clean if m.kind == "civilian").model_copy(
                update={"name": civilians.name, "inter": 7})
        if sub_event_type == "Arrests" and roles.actor2 is None and suspected is not None and not suspected_doer:
            # "arrested five suspected Islamic State militants": the group those arrested are said to belong to
            roles.actor2 = suspected
        if sub_event_type == "Arrests" and roles.actor2 is None:
            # those arrested, when no armed group is named: ACLED's arrests always name them, civilians in 35 of
            # the 52 of our exports (the rest a named group, "Al Shabaab" suspects)
            who = civ_patients[0] if civ_patients else None
            roles.actor2 = Actor(name=civilians.name, inter=7, text=who.text if who else "",
                                 start=who.start if who else None, end=who.end if who else None)
        return roles

    # Battles, Explosions/Remote violence
    counterparts = of(armed, ("counterpart",))
    if not agents and not between and counterparts and of(armed, ("patient",)):
        # "6 Taliban were killed during clashes with Afghan forces": the side they clashed with acted
        ordered = counterparts + [a for a in others if a.name != counterparts[0].name]
        patients = of(armed, ("patient",))
    if len(between) >= 2 and not agents:
        roles.actor1, roles.actor2 = between[0], next((a for a in between[1:] if a.name != between[0].name), None)
    else:
        roles.actor1 = (ordered or [None])[0]
    repelled = _repelled_attacker(doc.body, start, end, clean) if event_type == "Battles" else None
    if repelled is not None:
        # "troops repelled an attack by Taliban militants": the attacker is actor1, the defender actor2
        defender = roles.actor1 if roles.actor1 is not None and roles.actor1.name != repelled.name else None
        roles.actor1, roles.actor2 = repelled, defender
    # a named rebel group or militia that takes ground overtakes it, whatever the label ("the Arakan Army said it had
    # captured Paletwa"); not unnamed militants told in passing ("re-captured Quissanga after it was taken over by
    # Islamic militants"), nor one told as the doer of what the state undid ("regained the town, seized by the
    # Islamic State group two months ago")
    taker = agents[0] if agents and roles.actor1 is agents[0] and agents[0].inter in (2, 3, 4) \
        and not agents[0].name.startswith("Unidentified") and agents[0].start is not None \
        and not PASSIVE_BY.search(doc.body, max(start, agents[0].start - 40), agents[0].start) else None
    roles.non_state_taker = sub_event_type == "Government regains territory" and taker is not None
    if sub_event_type == "Government regains territory" and country and taker is None and (
            roles.actor1 is None or roles.actor1.inter not in (1, 8)):
        # by definition the state's forces regain it ("Mozambique's military re-captured Quissanga")
        held = roles.actor1 if roles.actor1 is not None and roles.actor1.inter in (2, 3, 4) else None
        roles.actor1 = Actor(name=state_force(country, "military", when), inter=1)
        roles.actor2 = roles.actor2 or held
    if roles.actor1 is None:
        roles.actor1 = unidentified.model_copy()
    roles.actor1 = _as_default(roles.actor1, unidentified)
    roles.actor1 = _communal_default(roles.actor1, doc.body, start, end, country)
    if sub_event_type == "Air/drone strike" and _actor_inter().get(roles.actor1.name + " Air Force"):
        # ACLED names the air arm where it tells it apart ("Military Forces of Russia (2000-) Air Force")
        roles.actor1 = roles.actor1.model_copy(update={"name": roles.actor1.name + " Air Force"})
    if roles.actor2 is None:
        # "LNA and GNA forces clashed": with nobody on the receiving end, the second subject is the other side
        # (a patient that is actor1 again is nobody else: "leaving soldiers on both sides with minor injuries")
        second = agents[1:] if event_type == "Battles" and not _unique(patients, [roles.actor1]) else []
        rest = _unique(patients + between + second + others, [roles.actor1])
        if roles.actor1.inter in (2, 3, 4):
            # "Security forces ended the siege, killing all five attackers": a named group's own men, not its target
            rest = [a for a in rest if not (a.name.startswith("Unidentified") and DOER_NOUNS.search(a.text or ""))]
        if rest:
            roles.actor2 = rest[0]
        elif event_type == "Battles" and roles.actor1.name.startswith(("Unidentified Clan Militia",
                                                                       "Unidentified Communal Militia",
                                                                       "Unidentified Cult Militia")) \
                and RIVALS.search(doc.body, start, end):
            # "fighting between two rival clan militias", "cult militias clashed": the other side is another such
            # militia
            roles.actor2 = roles.actor1.model_copy(update={"text": "", "start": None, "end": None})
        elif event_type == "Battles":  # both sides of a battle are armed; an unnamed one is unidentified
            roles.actor2 = unidentified.model_copy()
        elif civ_patients:
            roles.actor2 = civ_patients[0]
    if roles.actor2 is not None and roles.actor2.name.startswith("Civilians") and country:
        roles.actor2 = Actor(name=civilians.name, inter=7, text=roles.actor2.text, start=roles.actor2.start,
                             end=roles.actor2.end)
    return roles
