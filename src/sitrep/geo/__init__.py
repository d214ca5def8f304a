"""Geoparsing: the offline gazetteer, toponym recognition and resolution, and event location.

Public API (what the pipeline and the CLI call):
- `get_gazetteer()`: the process's gazetteer (built into the cache on first use).
- `geoparse(doc)`: sets `doc.places` (every toponym in `doc.body`, resolved and scored) and
  `doc.country_focus` (ISO2).
- `geoparse_text(text)`: the places of a bare text.
- `locate_event(doc, start, end)`: the place an event told in `doc.body[start:end]` happened at, and
  its ACLED geo_precision.
- `country_fields(iso2)`: ACLED's iso, iso3, country and region for a country.
- `build_gazetteer(path, force=...)`: build the cache (`sitrep gazetteer`).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from sitrep.geo.gazetteer import DEMONYM, LOOSE, Gazetteer, build_gazetteer, default_path
from sitrep.geo.locate import choose
from sitrep.geo.parse import FUZZY, Parser
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
    title_mentions = parser.recognise(doc.article.title)[1] if doc.article.title else []
    focus = parser.country_focus(mentions, title_mentions)
    parser.add_typos(text, tokens, mentions, focus)
    parser.resolve(mentions, tokens, focus, text)
    kept = [m for m in mentions if parser.accept(m, focus)]
    doc.places = [parser.to_place(m) for m in kept]
    # the focus again, now from resolved places (a town counts as much as its country's name)
    votes: Counter[str] = Counter()
    for m, p in zip(kept, doc.places, strict=True):
        kind = m.hits[0].name_kind
        if p.country_code and kind not in (LOOSE, FUZZY):
            votes[p.country_code] += 0.5 if kind == DEMONYM else 2.0 if p.feature_code in ("PCLI", "ADM1") else 1.0
    for m in title_mentions:
        if m.hits:
            votes[m.hits[0].entry.cc] += 1.0
    doc.country_focus = votes.most_common(1)[0][0] if votes else focus
    return doc


def geoparse_text(text: str) -> list[Place]:
    """The resolved places of a bare text (offsets into `text`)."""
    return geoparse(Document(article=Article(id="text", text=text))).places


def locate_event(doc: Document, start: int, end: int) -> tuple[Place | None, int | None]:
    """Where the event told in `doc.body[start:end]` happened, and its ACLED geo_precision (1-3).

    Returns (None, None) when the text names no place below the country for it (no country-only events).
    """
    if not doc.places and doc.body.strip():
        geoparse(doc)
    return choose(doc, start, end, doc.places, get_gazetteer())


@cache
def country_fields(iso2: str) -> dict:
    """ACLED's country columns: {"iso": 760, "iso3": "SYR", "country": "Syria", "region": "Middle East"}."""
    country = get_gazetteer().countries.get(iso2.upper())
    if country is None:
        return {}
    return {"iso": country.isonum, "iso3": country.iso3, "country": country.name, "region": country.region}


