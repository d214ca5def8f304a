"""Builds the actor tables in `sitrep/data/actors/` from ACLED exports (names and codes only, never notes).

Owns: reading ACLED CSV files of both schemas (comma or semicolon, UTF-8 or Latin-1, 2019+ and pre-2019
column names), deriving
  - `state_forces.csv`  (country, period, start, end, military, police, government, events): ACLED's
    state-force names per country and regime period, e.g. "Military Forces of Syria (2000-)";
  - `actor_inter.csv`   (name, inter, events, countries): the inter code ACLED gives each actor name;
  - `place_attribution.csv` (country, admin1, location, actor1, inter, share, events): to whom ACLED
    attributes battles and shelling at a place when the report names nobody (front lines);
  - `aliases.csv`       (alias, acled_name_template, inter, countries, source): the hand-curated
    `aliases_curated.csv` expanded, plus aliases derived from ACLED actor names
    ("TTP: Tehreek-i-Taliban Pakistan" -> "TTP", "Tehreek-i-Taliban Pakistan";
    "Pokot Ethnic Militia (Kenya)" -> "Pokot militia", "Pokot raiders", ...).
Run `python -m sitrep.extract.actors_build ACLED.csv ... [--out DIR]` to rebuild, or
`python -m sitrep.extract.actors_build --eval ACLED.csv` to score `find_roles` against the coded actors.
"""

from __future__ import annotations

import argparse
import collections
import csv
import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycountry

from sitrep.acled_csv import read_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

STATE_RE = re.compile(
    r"^(?P<kind>Military|Police) Forces of (?:the )?(?P<country>.+?)"
    r"(?: \((?P<start>\d{4})-(?P<end>\d{4})?\)(?: (?P<unit>.+))?)?$"
)
GOV_RE = re.compile(r"^Government of (?:the )?(?P<country>.+?) \((?P<start>\d{4})-(?P<end>\d{4})?\)$")
GENERIC_RE = re.compile(
    r"^(Protesters|Rioters|Civilians|Unidentified .*|Military Forces of .*|Police Forces of .*|"
    r"Government of .*|Private Security Forces|Former Military Forces of .*|Prisoners|Students|"
    r"Women|Labour Group|Health Workers|Teachers|Lawyers|Journalists|Farmers|Refugees/IDPs|Muslim Group|"
    r"Christian Group|Hindu Group|Sikh Group|Buddhist Group|Jewish Group|Fishers|Traders)( \(.*\))?$"
)
MILITIA_RE = re.compile(r"^(?P<group>[A-Z][\w'\- ]+?) (?:Ethnic|Communal|Clan) Militia \((?P<country>[^)]+)\)$")
ABBR_RE = re.compile(r"^(?P<abbr>[^:]{2,20}): (?P<full>.+)$")
MILITIA_NOUNS = ("militia", "militias", "militiamen", "raiders", "herders", "fighters", "gunmen", "attackers",
                 "youths", "clansmen", "tribesmen", "community members", "community", "communities", "clan",
                 "clans", "members", "warriors", "morans", "locals", "men", "bandits", "tribe", "tribes",
                 "elders", "pastoralists")
# Common words that ACLED uses as abbreviations but that would match ordinary English text.
STOP_ALIASES = {"IS", "FF", "AL", "NO", "ON", "OR", "US", "UN", "AU", "IT", "AT", "AS", "BE", "DO", "IF", "SO",
                "UP", "WE", "MY", "ME", "HE", "AN", "BY", "GO", "TO", "OF", "IN", "PM", "AM", "OK", "SP",
                "PP", "PC", "TV", "MP", "MPS", "NEW", "THE", "ONE", "ALL"}


def read_acled(paths: Iterable[str | Path]) -> Iterator[dict[str, str]]:
    """Rows of ACLED CSV files with lower-case keys; `assoc_actor_*` filled from the old `ally_actor_*`."""
    for path in paths:
        for out in read_rows(path):
            for n in ("1", "2"):
                if "assoc_actor_" + n not in out:
                    out["assoc_actor_" + n] = out.get("ally_actor_" + n, "")
            out["_file"] = str(path)
            yield out


def _year(row: dict[str, str]) -> int | None:
    y = row.get("year", "")
    return int(y) if y.isdigit() else None


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def _names(row: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(actor name, inter code or '') for every actor of a row, associated actors included."""
    for n in ("1", "2"):
        if row.get("actor" + n):
            yield _clean(row["actor" + n]), row.get("inter" + n, "")
        for a in row.get("assoc_actor_" + n, "").split(";"):
            if a.strip():
                yield _clean(a), ""


@functools.cache
def _country_name(name: str) -> str:
    """ACLED's country name for the country part of a state-force name ("the United States of America")."""
    known = {r["country"]: r["iso2"] for r in _countries()}
    if name in known:
        return name
    bare = re.sub(r"^(?:the|The) ", "", name)
    try:
        iso2 = pycountry.countries.lookup(bare).alpha_2
    except LookupError:
        return bare
    return next((c for c, i in known.items() if i == iso2), bare)


@functools.cache
def _countries() -> list[dict[str, str]]:
    with (DATA_DIR / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_state_forces(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per (country, regime period) that ACLED names state forces by, latest first."""
    seen: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    unit_periods: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    names: dict[tuple[str, str, str], str] = {}
    for row in rows:
        for name, _ in _names(row):
            m = STATE_RE.match(name)
            g = GOV_RE.match(name)
            if m:
                period = f"({m['start']}-{m['end'] or ''})" if m["start"] else ""
                key = (_country_name(m["country"]), period)
                (unit_periods if m["unit"] else seen)[key][m["kind"]] += 1
                if not m["unit"]:
                    names[(*key, m["kind"].lower())] = name
            elif g:
                period = f"({g['start']}-{g['end'] or ''})"
                key = (_country_name(g["country"]), period)
                seen[key]["Government"] += 1
                names[(*key, "government")] = name
    base_countries = {country for country, _ in seen}
    for key, cnt in unit_periods.items():
        if key[0] not in base_countries:  # only units named: their period is the best we know
            seen[key].update(cnt)
    by_country: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for (country, period), cnt in seen.items():
        by_country[country].append((period, sum(cnt.values())))
    out: list[dict[str, str]] = []
    for country in sorted(by_country):
        periods = by_country[country]
        if any(p for p, _ in periods):  # ACLED's older files name some forces without a period
            periods = [(p, n) for p, n in periods if p]
        for period, n in sorted(periods, key=lambda pn: pn[0], reverse=True):
            pm = re.match(r"\((\d{4})-(\d{4})?\)", period)
            suffix = f" {period}" if period else ""
            out.append({
                "country": country, "period": period,
                "start": pm.group(1) if pm else "", "end": (pm.group(2) or "") if pm else "",
                "military": names.get((country, period, "military"), f"Military Forces of {country}{suffix}"),
                "police": names.get((country, period, "police"), f"Police Forces of {country}{suffix}"),
                "government": names.get((country, period, "government"), f"Government of {country}{suffix}"),
                "events": str(n),
            })
    return out


def build_actor_inter(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The inter code ACLED most often gives each actor name (from inter1/inter2)."""
    inter: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    countries: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        for name, code in _names(row):
            if code and code != "0":
                inter[name][code] += 1
            if row.get("country"):
                countries[name].add(row["country"])
    out = []
    for name in sorted(inter):
        code, _ = inter[name].most_common(1)[0]
        out.append({"name": name, "inter": code, "events": str(sum(inter[name].values())),
                    "countries": ";".join(sorted(countries[name]))})
    return out


def _guess_inter(name: str) -> str:
    low = name.lower()
    if "ethnic militia" in low or "communal militia" in low or "clan militia" in low:
        return "4"
    if any(w in low for w in ("rebel", "liberation", "islamic state", "al qaeda", "insurgent")):
        return "2"
    return "3"


def derive_aliases(rows: list[dict[str, str]], inter_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Aliases read off ACLED's own actor names: abbreviations, full names, ethnic-militia group names."""
    inter = {r["name"]: r["inter"] for r in inter_rows}
    countries: dict[str, set[str]] = collections.defaultdict(set)
    as_actor: collections.Counter[str] = collections.Counter()
    as_assoc: collections.Counter[str] = collections.Counter()
    for row in rows:
        for name, code in _names(row):
            (as_actor if code else as_assoc)[name] += 1
            if row.get("country"):
                countries[name].add(row["country"])
    country_names = {r["country"] for r in _countries()}
    out: list[dict[str, str]] = []

    def add(alias: str, name: str) -> None:
        alias = alias.strip()
        if len(alias) < 2 or alias.upper() in STOP_ALIASES or not re.search(r"[A-Za-z]", alias):
            return
        # Names ACLED mostly lists among associated actors (parties, unions, "Donbass People's Militia") get
        # inter 0: they are associates of an event, never its actor1/actor2.
        code = inter.get(name) or _guess_inter(name) if as_actor[name] >= as_assoc[name] else "0"
        out.append({"alias": alias, "acled_name_template": name, "inter": code,
                    "countries": ";".join(sorted(countries[name])), "source": "acled"})

    for name in sorted(countries):
        m = MILITIA_RE.match(name)
        if m and not m["group"].startswith("Unidentified"):
            group = m["group"]
            for noun in MILITIA_NOUNS:
                add(f"{group} {noun}", name)
            if " Ethnic " in name or " Clan " in name:
                add(group, name)  # "clashes between Samburu and Pokot": the bare group name, in its country
            continue
        if m or GENERIC_RE.match(name) or " and/or " in name or "," in name:
            continue
        tail = re.search(r" \((?P<inside>[^)]*)\)$", name)
        if tail and tail["inside"] in country_names:
            # "Ambazonian Separatists (Cameroon)": an actor's own words, in that country; a group ACLED mostly
            # lists among associates ("Aid Workers (Canada)" in Kenya) is left to groups.csv
            bare = name[:tail.start()]
            if tail["inside"] in countries[name] and as_actor[name] >= as_assoc[name] and \
                    not ABBR_RE.match(name) and len(bare) >= 4:
                add(bare, name)
            continue
        a = ABBR_RE.match(name)
        if a:
            abbr = a["abbr"].strip()
            if abbr.upper() == abbr or len(abbr) <= 8:
                add(abbr, name)
            add(re.sub(r"\s*\(\d{4}-\d{0,4}\)\s*$", "", a["full"]), name)
        elif len(name) >= 4:
            add(re.sub(r"\s*\(\d{4}-\d{0,4}\)\s*$", "", name), name)
    return out


def derive_unit_aliases(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Aliases for named state-force units ("Federal Police" in Brazil, "Russian Navy") that ACLED codes
    as actor1/actor2 at least as often as it lists them among associated actors."""
    as_actor: collections.Counter[str] = collections.Counter()
    as_assoc: collections.Counter[str] = collections.Counter()
    for row in rows:
        for n in ("1", "2"):
            as_actor[_clean(row.get("actor" + n, ""))] += 1
            for a in row.get("assoc_actor_" + n, "").split(";"):
                as_assoc[_clean(a)] += 1
    demonyms = {r["country"]: [d for d in r["demonyms"].split(";") if d] for r in _countries()}
    out: list[dict[str, str]] = []
    for name in sorted(as_actor):
        m = STATE_RE.match(name)
        if not m or not m["unit"] or as_actor[name] < max(2, as_assoc[name]):
            continue
        owner = _country_name(m["country"])
        a = ABBR_RE.match(m["unit"])
        units = [a["abbr"], a["full"]] if a else [m["unit"]]
        for unit in units:
            out.append({"alias": unit, "acled_name_template": name, "inter": "1", "countries": owner,
                        "source": "acled-unit"})
            for dem in demonyms.get(owner, []):
                out.append({"alias": f"{dem} {unit}", "acled_name_template": name, "inter": "1",
                            "countries": "", "source": "acled-unit"})
    return out


def build_unidentified(rows: list[dict[str, str]], min_rows: int = 5) -> list[dict[str, str]]:
    """Where ACLED names unnamed perpetrators otherwise than "Unidentified Armed Group" (Mexico's
    "Unidentified Gang", Kenya's "Unidentified Ethnic Militia"), per country and event type."""
    counts: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row in rows:
        a1 = _clean(row.get("actor1", ""))
        if a1.startswith("Unidentified") and row.get("country") and row.get("sub_event_type"):
            counts[(row["country"], row["event_type"])][re.sub(r" \([^)]*\)$", "", a1)] += 1
    out = []
    for (country, event_type), cnt in sorted(counts.items()):
        total = sum(cnt.values())
        # Identity militias ("Unidentified Ethnic/Communal/Clan Militia") count together: the inter code is
        # what matters most, the name is the most common one of the class.
        identity = collections.Counter({k: v for k, v in cnt.items() if re.search(r"Ethnic|Communal|Clan|Tribal", k)})
        if sum(identity.values()) / total >= 0.5 and sum(identity.values()) >= min_rows:
            name, n = identity.most_common(1)[0][0], sum(identity.values())
        else:
            name, n = cnt.most_common(1)[0]
        if name != "Unidentified Armed Group" and n >= min_rows and n / total >= 0.5:
            template = name if " and/or " in name else name + " ({country})"
            inter = "4" if re.search(r"Ethnic|Communal|Clan|Tribal", name) else "3"
            out.append({"country": country, "event_type": event_type, "acled_name_template": template,
                        "inter": inter, "share": f"{n / total:.2f}", "events": str(total)})
    return out


_GENERIC_WORDS = frozenset({
    "military", "forces", "force", "police", "government", "united", "armed", "group", "militia", "army",
    "national", "democratic", "republic", "people's", "peoples", "front", "liberation", "movement", "state",
    "unidentified", "communal", "ethnic", "faction", "special", "security", "defense", "defence", "islamic",
})


_STATE_KIND_WORDS = {
    "Police": {"polic", "offic", "const", "gendar"},
    "Military": {"force", "soldi", "troop", "army", "milit", "regim", "gover"},
    "Government": {"gover", "autho", "offic", "regim"},
}


def _name_words(name: str, demonyms: dict[str, str]) -> set[str]:
    """Five-letter stems of the distinctive words of an ACLED actor name, and of its country's demonym:
    "NAF: United Armed Forces of Novorossiya" -> {"naf", "novor"}; "Military Forces of Ukraine (2019-)" ->
    {"ukrai"} (and "Ukrainian" shares the stem)."""
    base = re.sub(r"\s*\([^)]*\)", "", name)
    words = {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w'-]+", base)
             if w.lower() not in _GENERIC_WORDS and (len(w) >= 4 or w.isupper())} - {"of", "the", "and"}
    state = STATE_RE.match(name) or GOV_RE.match(name)
    if state:
        country = state.group("country")
        words |= {d.lower()[:5] for d in demonyms.get(country, "").split("|") if d}
        # "police shot ..." names the police even without the country
        words |= _STATE_KIND_WORDS.get(state.groupdict().get("kind") or "Government", set())
    return words


def build_place_attribution(rows: list[dict[str, str]], min_events: int = 2, min_share: float = 0.75
                            ) -> list[dict[str, str]]:
    """To whom ACLED attributes fighting and shelling at a place when the report names no perpetrator.

    On a front line ACLED codes unattributed fire by where it landed (OSCE reports of explosions near a
    village held by one side are coded as the other side's fire). The table keeps, per country and location,
    the actor1 of battles and explosions whose notes name no word of that actor, where one actor has at least
    `min_share` of at least `min_events` such events."""
    demonyms = {r["country"]: r.get("demonyms", "") for r in _countries()}
    counts: dict[tuple[str, str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    inter_of: dict[str, str] = {}
    for row in rows:
        a1 = _clean(row.get("actor1", ""))
        if row.get("event_type") not in ("Battles", "Explosions/Remote violence") or not a1 \
                or a1.startswith(("Unidentified", "Civilians", "Protesters", "Rioters")) or not row.get("location"):
            continue
        notes = (row.get("notes") or "").lower()
        words = _name_words(a1, demonyms)
        if not words or any(re.search(r"\b" + re.escape(w), notes) for w in words):
            continue
        counts[(row.get("country", ""), row.get("admin1", ""), row["location"])][a1] += 1
        inter_of[a1] = row.get("inter1", "")
    out = []
    for (country, admin1, location), cnt in sorted(counts.items()):
        name, n = cnt.most_common(1)[0]
        total = sum(cnt.values())
        if n >= min_events and n / total >= min_share:
            out.append({"country": country, "admin1": admin1, "location": location, "actor1": name,
                        "inter": inter_of[name], "share": f"{n / total:.2f}", "events": str(total)})
    return out


def _iso2(country: str) -> str:
    known = next((r["iso2"] for r in _countries() if r["country"] == country), None)
    if known:
        return known
    try:
        return pycountry.countries.lookup(country).alpha_2
    except LookupError:
        return ""


def build_outlets(rows: list[dict[str, str]], min_events: int = 3, min_share: float = 0.9,
                  min_file_countries: int = 5) -> list[dict[str, str]]:
    """The country each news outlet in the `source` column reports on: an outlet ("An-Nahar", "Daily Nation")
    is kept when at least `min_share` of its at least `min_events` events are in one country.

    Only exports that cover at least `min_file_countries` countries count: in a one-country export every
    outlet looks national (Bloomberg and "All Africa" would be Kenyan in the Kenyan export). International
    outlets (`data/places/international_outlets.csv`: "Reuters", "BBC Monitoring") are left out too."""
    from sitrep.geo.parse import is_international_outlet

    file_countries: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        file_countries[row.get("_file", "")].add(row.get("country", ""))
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for row in rows:
        if len(file_countries[row.get("_file", "")]) < min_file_countries:
            continue
        for name in {_clean(n) for n in (row.get("source") or "").split(";")}:
            if name and row.get("country"):
                counts[name][row["country"]] += 1
    out = []
    for name, cnt in sorted(counts.items()):
        country, n = cnt.most_common(1)[0]
        total = sum(cnt.values())
        iso2 = _iso2(country)
        if n >= min_events and n / total >= min_share and iso2 and not is_international_outlet(name):
            out.append({"outlet": name, "country": country, "iso2": iso2, "share": f"{n / total:.2f}",
                        "events": str(total)})
    return out


def expand_curated(path: Path) -> list[dict[str, str]]:
    """`aliases_curated.csv` rows, with `a|b|c` alternatives expanded to one alias per row."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for alias in row["alias"].split("|"):
                if alias.strip():
                    out.append({"alias": alias.strip(), "acled_name_template": row["acled_name_template"],
                                "inter": row["inter"], "countries": row.get("countries") or "",
                                "source": "curated", "since": row.get("since") or ""})
    return out


def curated_state_forces(path: Path) -> list[dict[str, str]]:
    """`state_forces_curated.csv`: regime periods that begin after the exports end, which no export can show
    (the Taliban's government of Afghanistan from 15 August 2021), each with its public source; `start` may
    be a day (YYYY-MM-DD) where the period begins within a year."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [{**row, "events": ""} for row in csv.DictReader(fh)]


def _write(path: Path, rows: list[dict[str, str]], fields: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def build_actor_tables(acled_files: Iterable[str | Path], out_dir: str | Path = DATA_DIR) -> dict[str, int]:
    """Rebuild state_forces.csv, actor_inter.csv, unidentified.csv, place_attribution.csv, aliases.csv and
    outlets.csv in `out_dir`.

    Returns row counts.

    `aliases_curated.csv` is read from `out_dir` (falling back to the packaged one)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = list(read_acled(acled_files))
    forces = [{**r, "source": "acled"} for r in build_state_forces(rows)]
    curated_forces_path = out / "state_forces_curated.csv"
    if not curated_forces_path.exists():
        curated_forces_path = DATA_DIR / "state_forces_curated.csv"
    curated_forces = curated_state_forces(curated_forces_path)
    periods = {(r["country"], r["period"]) for r in curated_forces}
    forces = curated_forces + [r for r in forces if (r["country"], r["period"]) not in periods]
    inter = build_actor_inter(rows)
    curated_path = out / "aliases_curated.csv"
    if not curated_path.exists():
        curated_path = DATA_DIR / "aliases_curated.csv"
    curated = expand_curated(curated_path)
    known = {r["alias"].lower() for r in curated}
    derived = [r for r in derive_unit_aliases(rows) + derive_aliases(rows, inter) if r["alias"].lower() not in known]
    unidentified = build_unidentified(rows)
    attribution = build_place_attribution(rows)
    _write(out / "place_attribution.csv", attribution,
           ["country", "admin1", "location", "actor1", "inter", "share", "events"])
    _write(out / "unidentified.csv", unidentified,
           ["country", "event_type", "acled_name_template", "inter", "share", "events"])
    _write(out / "state_forces.csv", forces,
           ["country", "period", "start", "end", "military", "police", "government", "events", "source"])
    _write(out / "actor_inter.csv", inter, ["name", "inter", "events", "countries"])
    _write(out / "aliases.csv", curated + derived,
           ["alias", "acled_name_template", "inter", "countries", "source", "since"])
    outlets = build_outlets(rows)
    _write(out / "outlets.csv", outlets, ["outlet", "country", "iso2", "share", "events"])
    return {"outlets": len(outlets), "rows": len(rows), "state_forces": len(forces), "actor_inter": len(inter),
            "unidentified": len(unidentified), "place_attribution": len(attribution),
            "aliases": len(curated) + len(derived)}


def evaluate_roles(acled_files: Iterable[str | Path], *, limit: int | None = None,
                   by_type: bool = False) -> dict[str, object]:
    """Score `find_roles` on ACLED notes with the gold event and sub-event types given.

    Returns the share of rows whose actor1 / inter1 / actor2 / inter2 / associated actors (as sets) equal
    ACLED's (current-schema rows
    only: old-schema files have no sub_event_type). `limit` takes every k-th row to keep it quick."""
    from datetime import date

    from sitrep.evaluate import parse_acled_date
    from sitrep.extract.actors import find_roles
    from sitrep.model import Article, Document
    from sitrep.nlp import get_nlp

    rows = [r for r in read_acled(acled_files) if r.get("sub_event_type") and r.get("notes")]
    if limit and len(rows) > limit:
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    nlp = get_nlp()
    keys = ("actor1", "inter1", "actor2", "inter2", "assoc_actor_1", "assoc_actor_2")
    hits: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    totals: collections.Counter[str] = collections.Counter()
    for row, parsed in zip(rows, nlp.pipe((r["notes"] for r in rows), batch_size=64), strict=True):
        year = _year(row)
        when = parse_acled_date(row.get("event_date", "")) or year
        doc = Document(article=Article(id=row.get("event_id_cnty", ""), text=row["notes"],
                                       published=date(year, 1, 1) if year else None))
        doc.spacy_doc = parsed
        roles = find_roles(doc, 0, len(row["notes"]), country=row["country"], event_type=row["event_type"],
                           sub_event_type=row["sub_event_type"], when=when)
        got = {"actor1": roles.actor1.name if roles.actor1 else "", "inter1": str(roles.actor1.inter if roles.actor1 else 0),
               "actor2": roles.actor2.name if roles.actor2 else "", "inter2": str(roles.actor2.inter if roles.actor2 else 0)}
        got["assoc_actor_1"] = "; ".join(sorted(a.name for a in roles.assoc_actor_1))
        got["assoc_actor_2"] = "; ".join(sorted(a.name for a in roles.assoc_actor_2))
        gold = {"actor1": _clean(row["actor1"]), "inter1": row["inter1"] or "0",
                "actor2": _clean(row["actor2"]), "inter2": row["inter2"] or "0",
                **{k: "; ".join(sorted(_clean(a) for a in row.get(k, "").split(";") if a.strip()))
                   for k in ("assoc_actor_1", "assoc_actor_2")}}
        for group in ("all", row["event_type"]):
            totals[group] += 1
            for k in keys:
                hits[group][k] += got[k] == gold[k]
    out: dict[str, object] = {"n": totals["all"]}
    out.update({k: round(hits["all"][k] / max(1, totals["all"]), 3) for k in keys})
    if by_type:
        out["by_type"] = {t: {"n": n, **{k: round(hits[t][k] / n, 3) for k in keys}}
                          for t, n in sorted(totals.items()) if t != "all"}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", default=str(DATA_DIR))
    ap.add_argument("--eval", action="store_true", help="score find_roles on the files instead of building")
    ap.add_argument("--limit", type=int, default=0, help="with --eval: at most this many rows per file")
    args = ap.parse_args(argv)
    if args.eval:
        for path in args.files:
            print(path, evaluate_roles([path], limit=args.limit or None, by_type=True))
    else:
        print(build_actor_tables(args.files, args.out))


if __name__ == "__main__":
    main()
