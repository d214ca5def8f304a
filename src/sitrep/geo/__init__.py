"""Geoparsing: the offline gazetteer, toponym recognition and resolution, and event location.

Public API (what the pipeline and the CLI call):
- `get_gazetteer()`: the process's gazetteer (built into the cache on first use).
- `geoparse(doc)`: sets `doc.places` (every toponym in `doc.body`, resolved and scored, and the named streets
  and buildings, each at its town: `facilities.py`) and `doc.country_focus` (ISO2).
- `geoparse_text(text)`: the places of a bare text.
- `locate_event(doc, start, end)`: the place an event told in `doc.body[start:end]` happened at, and
  its ACLED geo_precision.
- `country_fields(iso2)`: ACLED's iso, iso3, country and region for a country.
- `build_gazetteer(path, force=...)`: build the cache (`sitrep gazetteer`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from rapidfuzz import fuzz

from sitrep.geo.facilities import FACILITY_CODES, facilities
from sitrep.geo.gazetteer import (
    ADMIN1,
    ALT,
    CITY,
    COUNTRY,
    CURATED,
    DEMONYM,
    LOOSE,
    MAIN,
    Entry,
    Gazetteer,
    build_gazetteer,
    default_path,
)
from sitrep.geo.locate import choose, countries_told, listed_with
from sitrep.geo.locate import precision as place_precision
from sitrep.geo.normalize import fold
from sitrep.geo.parse import (
    CUE_WEIGHT,
    FUZZY,
    SPACED_ARTICLES,
    Mention,
    Parser,
    country_weight,
    cue_admin1s,
    cue_countries,
    place_of,
)
from sitrep.model import Article, Document, Place

__all__ = ["Gazetteer", "build_gazetteer", "country_fields", "geoparse", "geoparse_text", "get_gazetteer",
           "locate_event"]


@cache
def get_gazetteer() -> Gazetteer:
    """The gazetteer of this process (building the cache the first time, which takes under a minute)."""
    return Gazetteer(build_gazetteer(default_path()))


@cache
def _parser() -> Parser:
    return Parser(get_gazetteer())


def geoparse(doc: Document) -> Document:
    """Find, resolve and score every toponym in `doc.body`; set `doc.places` and `doc.country_focus`."""
    parser = _parser()
    text = doc.body
    tokens, mentions = parser.recognise(text, doc.entities)
    for m in mentions:
        m.weight = country_weight(text, m)
    title_mentions = parser.recognise(doc.article.title)[1] if doc.article.title else []
    # parties, institutions and forces ("IEBC", "OSCE SMM") hint at the country when the text names none, and
    # so does the outlet's own country ("Star (Kenya)", ".co.ke"): a Kenyan paper's note on "Somalis" clashing
    # with Borana in a village the gazetteer lacks is about Kenya (measured on ACLED's Kenyan notes: a
    # weaker outlet vote, below a demonym's, lost more rows than it won)
    prior = None
    if not _evidence(mentions):
        prior = cue_countries(text) + parser.outlet_countries(doc.article.source, doc.article.url)
    focus = parser.country_focus(mentions, title_mentions, prior)
    parser.add_typos(text, tokens, mentions, focus)
    cued = cue_admin1s(text, parser.gaz.admin1_names)
    parser.resolve(mentions, tokens, focus, text, cued=cued)
    named = frozenset(m.hits[0].entry.cc for m in mentions if m.hits[0].entry.kind == COUNTRY)
    placed = frozenset(m.hits[0].entry.cc for m in mentions if m.hits[0].name_kind != DEMONYM)
    kept = _drop_unsupported_abroad([m for m in mentions if parser.accept(m, focus, named, placed)], text)
    # second pass: the focus from the resolved places, and each reading near another name's reading
    # ("Edmonton" a suburb of the "Cairns" the article names) gains
    refined = _resolved_focus(kept, title_mentions, prior) or focus
    anchors = parser.anchors(kept)
    parser.resolve(mentions, tokens, refined, text, anchors, _self_focused(parser, kept, refined, title_mentions, prior),
                   cued)
    kept = _drop_unsupported_abroad([m for m in mentions if parser.accept(m, refined, named, placed)], text, refined)
    final = _resolved_focus(kept, title_mentions, prior) or refined
    if final != refined:
        # the names that made the focus read otherwise now ("Edmonton" in London): once more with the new one
        refined = final
        parser.resolve(mentions, tokens, refined, text, anchors,
                       _self_focused(parser, kept, refined, title_mentions, prior), cued)
        kept = _drop_unsupported_abroad([m for m in mentions if parser.accept(m, refined, named, placed)], text, refined)
    doc.places = [parser.to_place(m) for m in kept]
    doc.places = sorted(doc.places + facilities(text, doc.places), key=lambda p: p.start or 0)
    doc.country_focus = _resolved_focus(kept, title_mentions, prior) or refined
    return doc


def _self_focused(parser: Parser, kept: list[Mention], focus: str | None, title_mentions: list[Mention],
                  prior: Counter[str] | None) -> dict[str, str | None]:
    """Names whose own readings alone make the article's focus: no other name can be read in that country
    ("Edmonton" x3 made an article Canadian that names only Enfield besides). They get no focus bonus."""
    if not focus:
        return {}
    support: dict[str, set[str]] = {}
    for m in kept + [m for m in title_mentions if m.hits]:
        support.setdefault(fold(m.text), set()).update(parser.plausible_countries(m))
    if len(support) < 2 or (prior and focus in prior):
        return {}
    return {key: None for key in support
            if not any(focus in ccs for other, ccs in support.items() if other != key)}


def _resolved_focus(kept: list[Mention], title_mentions: list[Mention],
                    prior: Counter[str] | None = None) -> str | None:
    """The country most of the resolved places are in (a town counts as much as its country's name)."""
    votes: Counter[str] = Counter({cc: CUE_WEIGHT * n for cc, n in (prior or {}).items()})
    for m in kept:
        h = m.hits[0]
        if h.entry.cc and h.name_kind not in (LOOSE, FUZZY):
            votes[h.entry.cc] += m.weight * (
                0.5 if h.name_kind == DEMONYM else 2.0 if h.entry.kind in (COUNTRY, ADMIN1) else 1.0)
    for m in title_mentions:
        if m.hits:
            votes[m.hits[0].entry.cc] += 1.0
    return votes.most_common(1)[0][0] if votes else None


# "Eastleigh (Kamukunji, Nairobi)": the bracket after a name holds its containers, the last one biggest
# "Vostok village of Alamudun district in Chui region": the names after 'village of/in' contain it
_SETTLEMENT_OF = re.compile(r"\s+(?:village|town|locality|settlement|hamlet)\s+(?:of|in)\s+(?:the\s+)?[\w' ,-]*$")
_BRACKET = re.compile(r"\s*(?:[A-Za-z]+\s+){0,3}\(([^()]{1,80})\)")
# "Irobo village, Shinyalu, Kakamega county", "Raya area of Balambala sub-county, Garissa county": a settlement
# word, then the units it lies in, the last one the container (a bare list, "Aleppo, Idlib", is no chain)
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
_UNIT = r"(?:\s+(?:sub-?county|sub-?location|location|ward|division|district|constituency|area|village|town))?"
_CHAIN = re.compile(rf"\s+(?:village|area|locality|market|ward|estate|sub-?location|settlement)"
                    rf"(?:(?:\s*,\s*|\s+(?:of|in)\s+){_NAME}{_UNIT})*(?:\s*,\s*|\s+(?:of|in)\s+)$")


def _bracket_role(text: str, m: Mention, c: Mention) -> str:
    """'after' when c is in the bracket right after m, 'within' when c follows m in the bracket m is in."""
    bm = _BRACKET.match(text, m.end)
    if bm:
        return "after" if bm.start(1) <= c.start < bm.end(1) else ""
    if c.start - m.end <= 70 and (_SETTLEMENT_OF.match(text[m.end:c.start]) or _CHAIN.match(text[m.end:c.start])):
        return "after"
    opened = text.rfind("(", max(0, m.start - 80), m.start)
    if opened < 0 or ")" in text[opened:m.start]:
        return ""
    closed = text.find(")", m.end, m.end + 80)
    return "within" if closed >= 0 and c.end <= closed else ""


def _fits_container(m: Mention, box: Mention, role: str) -> bool:
    """Whether one of m's candidates lies in one reading of its bracketed container.

    Inside the bracket a name spelt as written needs only the country to agree: admin2 names often sit in a
    since-split province.
    """
    areas = [h.entry for h in box.hits if h.name_kind not in (LOOSE, FUZZY, DEMONYM) and h.entry.kind in (
        ADMIN1, COUNTRY)] or [h.entry for h in box.hits if h.name_kind == LOOSE and h.entry.kind == ADMIN1]
    for area in areas:  # a province respelt counts when no reading spelt as written is one: "(Abala, Tillabery)"
        for h in m.hits:
            loose_ok = role == "within" and h.name_kind not in (LOOSE, FUZZY)
            if h.entry.cc == area.cc and (area.kind == COUNTRY or loose_ok or h.entry.admin1_code == area.admin1_code):
                return True
    return False


def _evidence(mentions: list[Mention]) -> set[str]:
    """Countries the text itself vouches for: a country or an unambiguous first-level area named in it."""
    out: set[str] = set()
    for m in mentions:
        h = m.hits[0]
        if h.name_kind in (LOOSE, FUZZY, DEMONYM) or m.weight < 1.0:
            continue  # a respelling, an adjective, a neighbour ("the border with Somalia")
        areas = {x.entry.cc for x in m.hits if x.entry.kind in (ADMIN1, COUNTRY) and x.name_kind in (MAIN, ALT)}
        if h.entry.kind == COUNTRY or (len(areas) == 1 and h.entry.cc in areas):
            out.add(h.entry.cc)
    return out


def _weak(m: Mention) -> bool:
    """Reached through a respelling or a minor alternate name (a short one such as "Bat" for Bath is minor)."""
    best = m.hits[0]
    return best.name_kind in (LOOSE, FUZZY, DEMONYM) or (best.name_kind == ALT and (
        best.entry.pop < 20000 or not m.locative or len(m.text) <= 4))


# "San Juan de Micay", "San Juan de los Cerritos": the known start of a longer name the gazetteer lacks is another place
# "Shar-i-Shali", "Kut e Abdollah": a Persian ezafe joins the known start to the rest of the name
# "Shakhta imeni Gagarina": "named after" (Russian, Ukrainian) continues it too
_LONGER_NAME = re.compile(r"[ -](?:de|del|de la|de los|de las|di|da|do|dos|das|du|des|la|le|al|el|imeni)[ -][A-Z]|([ -])(?:i|e|ye)\1[A-Z]")


# a name read with an Arabic article written apart in lower case ("el Mina")
_SPACED_ARTICLE = re.compile(rf"(?:{'|'.join(sorted(SPACED_ARTICLES))}) [A-Z]")


def _only_country(m: Mention) -> str | None:
    """The country of all the readings of a name spelt as written, when there is one."""
    countries = {h.entry.cc for h in m.hits if h.name_kind == MAIN}
    return next(iter(countries)) if len(countries) == 1 else None


def _truncated(text: str, m: Mention) -> bool:
    return _LONGER_NAME.match(text, m.end) is not None


# a town's respelling this close to its name ("Mai Mahiu" / "Maai Mahiu": 95, "Nassriya" / "Nasiriyah": 82) stands
# alone; a looser one ("Gikeu" / "Kikuyu": 55) needs a name spelt as written in the same province
SAME_NAME_RATIO = 80.0


def _drop_unsupported_abroad(mentions: list[Mention], text: str, focus: str | None = None) -> list[Mention]:
    """Drop towns that contradict what the text says about where it is.

    A town is dropped when its bracketed containers ('X (A, B)', 'X village of A in B') name another country or province and
    none of its candidates lies there (the event then falls back to the container), or when the text
    names a country or province elsewhere and the town abroad was reached only through a respelling
    or a minor alternate name ('Mutha' is not Germany's Muden when the note is about Isiolo).
    """
    evidence = _evidence(mentions)
    # the article's country counts too when a name spelt as written puts a place there ("Haifa")
    if focus and any(m.hits[0].entry.cc == focus and not _weak(m) for m in mentions):
        evidence.add(focus)
    kept: list[Mention] = []
    for m in mentions:
        best = m.hits[0]
        if best.entry.kind not in (CITY, CURATED):
            # "Karen State" in a note on Myanmar is no respelling of Tunisia's Kairouan
            if not (evidence and best.name_kind in (LOOSE, FUZZY) and best.entry.cc and best.entry.cc not in evidence):
                kept.append(m)
            continue
        roles = [(c, _bracket_role(text, m, c)) for c in mentions if c.start > m.start]
        # a province closing the bracket counts even respelt: "Gaigorou (Dessa, Tillabery)" is in Tillaberi
        inside = [(c, r) for c, r in roles if r and (c.hits[0].name_kind not in (LOOSE, FUZZY, DEMONYM) or (
            c.bracket_tail and c.hits[0].entry.kind == ADMIN1 and c.hits[0].name_kind == LOOSE))]
        # "Kakamega county": the county, though its town is the likelier reading of the bare name
        boxes = [(c, r) for c, r in inside if c.hits[0].entry.kind != CITY or (
            c.cue in ("province", "district") and any(h.entry.kind == ADMIN1 for h in c.hits))]
        # "Nawabshah city (Nawabshah, Punjab)": the place repeated in its bracket stands
        repeated = any(c.hits[0].entry.id == best.entry.id for c, _ in inside)
        if boxes and not repeated and not _fits_container(m, *boxes[-1]):
            continue
        if best.entry.kind == CURATED:
            # a curated place stands unless its own bracket says otherwise ("Likuyani (Likuyani, Kakamega)" is
            # not Mombasa's Likoni); East Jerusalem's quarters are Palestinian beside an Israeli city
            kept.append(m)
            continue
        if _truncated(text, m):
            continue
        if _SPACED_ARTICLE.match(m.text):
            # "the Baalbek-Homs road in the town of el Ain" is not the Emirates' Al Ain: the other names that
            # lie in one country only must not all lie elsewhere
            sure = {cc for o in mentions if o is not m for cc in [_only_country(o)] if cc}
            if sure and best.entry.cc not in sure:
                continue
        if evidence and _weak(m) and best.entry.cc not in evidence and not any(
                h.entry.cc in evidence for h in m.hits):
            continue
        if evidence and not any(h.entry.cc in evidence for h in m.hits) and FACILITY_AFTER.match(text, m.end):
            continue  # "the Palma bridge near Bohssas" in a note on Lebanon: a local bridge, not Majorca's capital
        kept.append(m)
    return _coherent_respellings(kept)


# a name followed by one of these names a local facility ("the Palma bridge", "the London road in Nairobi")
FACILITY_AFTER = re.compile(r"\s+(?:bridge|roundabout|junction|intersection|square|street|road|avenue|market|hospital"
                            r"|university|school|stadium)\b", re.IGNORECASE)


def _coherent_respellings(mentions: list[Mention]) -> list[Mention]:
    """Drop towns reached only through a respelling or a typo in a province no name spelt as written
    lies in: 'residents of Karima ward in Nyeri ... the Gikeu dumpsite' is not Kiambu's Kikuyu, nor a lone
    'in Likuyani' Mombasa's Likoni. A spelling that differs from the name by little more than a doubled
    letter ('Banisaa', 'Raqqqa') stands alone, unless the text puts it in another province ('Mathira, Nyeri'
    is not Nairobi's Mathare)."""
    spelt = {(m.hits[0].entry.cc, m.hits[0].entry.admin1_code) for m in mentions
             if m.hits[0].name_kind not in (LOOSE, FUZZY, DEMONYM) and m.hits[0].entry.kind != COUNTRY}

    def unsupported(m: Mention) -> bool:
        best = m.hits[0]
        if best.name_kind not in (LOOSE, FUZZY) or best.entry.kind not in (CITY, CURATED):
            return False
        if m.outside:
            return True  # "in Mathira, Nyeri": a respelling outside the province the text puts it in
        return best.entry.kind == CITY and (best.entry.cc, best.entry.admin1_code) not in spelt \
            and fuzz.ratio(fold(m.text), fold(best.entry.name)) < SAME_NAME_RATIO

    return [m for m in mentions if not unsupported(m)]


def geoparse_text(text: str) -> list[Place]:
    """The resolved places of a bare text (offsets into `text`)."""
    return geoparse(Document(article=Article(id="text", text=text))).places


def locate_event(doc: Document, start: int, end: int) -> tuple[Place | None, int | None]:
    """Where the event told in `doc.body[start:end]` happened, and its ACLED geo_precision (1-3).

    An event the text places only in a country is coded at its capital with precision 3, as ACLED codes it
    ("No ACLED event is associated with the country as the smallest location unit"), or at a province's seat
    where a region cue names the province; that place has no span in the text. Returns (None, None) when not
    even the country is known.
    """
    if not doc.places and doc.body.strip():
        geoparse(doc)
    gaz = get_gazetteer()
    place, precision = choose(doc, start, end, [p for p in doc.places if p.feature_code not in FACILITY_CODES], gaz)
    if place is not None and place.feature_code == "ADM1":
        place = _at_seat(place, gaz)
    if place is not None:
        return place, precision
    # the country the event's own words name ("in northern Iraq"), else the article's
    told = sorted(countries_told(doc, start, end, doc.places, gaz))
    country = told[0] if len(told) == 1 else doc.country_focus
    if not country:
        return None, precision
    # a region cue ("the OSCE SMM observed ...") names the province: coded at its seat, as ACLED codes a region;
    # otherwise the country's capital
    provinces = [code for code in cue_admin1s(doc.body, gaz.admin1_names) if code.split(".")[0] == country]
    seat = gaz.seat(provinces[0]) if provinces else None
    place = _standing_in(seat or gaz.capital(country), gaz)
    return place, (3 if place is not None else None)


def listed_locations(doc: Document, place: Place, start: int, end: int) -> list[tuple[Place, int]]:
    """The other places, with their ACLED precision, of a list the event's place is named in ("in Mombasa, Kisumu
    and Nakuru"; see `locate.listed_with`); a province at its seat, as `locate_event` codes one."""
    gaz = get_gazetteer()
    out = []
    for p in listed_with(doc, place, start, end, [q for q in doc.places if q.feature_code not in FACILITY_CODES]):
        out.append((_at_seat(p, gaz) if p.feature_code == "ADM1" else p, place_precision(doc, p)))
    return out


def _standing_in(seat: Entry | None, gaz: Gazetteer) -> Place | None:
    """A seat (a province's or the country's capital) as the location of an event the text places only in
    that area: it has no span in the text."""
    return place_of(gaz, seat, 0.0) if seat is not None else None


# a town this big named like its province (under any spelling) is the province's seat
NAMESAKE_SEAT_POP = 10_000


def _at_seat(place: Place, gaz: Gazetteer) -> Place:
    """A province is coded at its capital, as the codebook says ACLED codes a region: the town it is named after
    ("Narok county") or, failing a seat so named, the town of 10,000 or more its name is another spelling of
    ("Barisal" division at Barishal), else the seat the gazetteer knows for it (GeoNames' biggest PPLA:
    "Zaporizhia oblast" at Zaporizhzhya); a province with none stays at its own point (the middle of its local
    units or settlements). The row keeps the province's name and precision."""
    hits = gaz.lookup(fold(place.name))
    entries = [h.entry for h in hits if h.name_kind == MAIN or h.entry.id == place.geonameid]
    area = next((e for e in entries if e.id == place.geonameid), None)
    seat = max((e for e in entries if area is not None and e.kind == CITY and e.fcode in ("PPLA", "PPLC")
                and (e.cc, e.admin1_code) == (area.cc, area.admin1_code)), key=lambda e: e.pop, default=None)
    if seat is None and area is not None:
        # the town of the province's name under another spelling ("Barisal" division, the city GeoNames calls
        # Barishal), as a town of some size
        seat = max((h.entry for h in hits if h.name_kind == ALT and h.entry.kind == CITY
                    and h.entry.pop >= NAMESAKE_SEAT_POP and (h.entry.cc, h.entry.admin1_code) == (area.cc, area.admin1_code)),
                   key=lambda e: e.pop, default=None)
    if seat is None:
        area = area or (gaz.entry(place.geonameid) if place.geonameid else None)
        seat = gaz.seat(area.admin1_code) if area is not None and area.admin1_code else None
    if seat is None:
        return place
    return place.model_copy(update={"latitude": round(seat.lat, 5), "longitude": round(seat.lon, 5)})


@cache
def country_fields(iso2: str) -> dict:
    """ACLED's country columns: {"iso": 760, "iso3": "SYR", "country": "Syria", "region": "Middle East"}."""
    country = get_gazetteer().countries.get(iso2.upper())
    if country is None:
        return {}
    return {"iso": country.isonum, "iso3": country.iso3, "country": country.name, "region": country.region}


