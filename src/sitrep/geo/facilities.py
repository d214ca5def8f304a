"""Named facilities: streets, roads, squares, bridges, airports, hospitals, churches, schools, markets, ...

GeoNames' cities500 holds towns, not the streets and buildings news puts things at ("on Royal Street", "at St.
Michael's Hospital"). `facilities(text, places)` finds a run of capitalised words closed by a facility word
(`data/places/facility_words.csv`, each with the GeoNames feature code of its kind) and places it at the town the
text names nearest to it in the same sentence; a street, road, square, bridge or park also at the last town named
before it, as streets are local while a university or hospital named alone may be anywhere. The point is the
town's, so the facility is only as precise as its town. A facility with no town to stand in is left out, and so is
one whose words already hold a place found (the route, the town or the country's name inside it reads first).
Facilities are never an event's location (`FACILITY_CODES`): an event is coded at the town itself.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources
from pathlib import Path

from sitrep.model import Place

# streets, roads, squares, bridges and parks: local, so in the town the text is about
STREET_CODES = frozenset({"ST", "RD", "SQR", "BDG", "PRK"})
TOWN_CODES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLL", "PPLX", "PPLF", "PPLS", "PPLR"})
# a word that opens a sentence or a clause and is no part of a facility's name ("The Coptic Orthodox Church")
LEADING_WORD = re.compile(r"(?:The|A|An|At|In|On|Near|From|To|By|Outside|Inside)\s+")


@cache
def facility_words() -> dict[str, str]:
    """Facility word -> GeoNames feature code ("Street" -> "ST", "Airport" -> "AIRP")."""
    path = Path(str(resources.files("sitrep"))) / "data" / "places" / "facility_words.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["word"]: row["feature_code"] for row in csv.DictReader(fh)}


FACILITY_CODES = frozenset(facility_words().values())


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(facility_words(), key=len, reverse=True))
    # a capitalised word, "St." or an initial ("N. Bedford Drive"), or an ordinal ("22nd St."); no other dot,
    # so a name never runs across the end of a sentence
    name = r"(?:St\.|[A-Z]\.|[A-Z][\w'\u2019-]*|\d+(?:st|nd|rd|th))"
    return re.compile(rf"\b((?:{name}\s+){{1,4}}?)({words})(?![\w-])")


def facilities(text: str, places: list[Place]) -> list[Place]:
    """The named facilities of `text`, each at the town nearest to it among `places` (see the module)."""
    towns = [p for p in places if p.start is not None and p.feature_code in TOWN_CODES and p.latitude is not None]
    found: list[Place] = []
    for match in _pattern().finditer(text):
        start, end = match.start(1), match.end(2)
        if lead := LEADING_WORD.match(text, start):
            start = lead.end()
        if start >= match.start(2) or any(p.start is not None and p.end is not None and p.start < end
                                          and start < p.end for p in places):
            continue
        code = facility_words()[match.group(2)]
        town = _nearest_town(text, towns, start, end, earlier=code in STREET_CODES)
        if town is None:
            continue
        found.append(town.model_copy(update={
            "start": start, "end": end, "text": text[start:end], "name": text[start:end],
            "feature_code": code, "geonameid": None, "population": 0,
            "score": round(min(town.score, 0.5), 3)}))
    return found


def _nearest_town(text: str, towns: list[Place], start: int, end: int, *, earlier: bool) -> Place | None:
    """The town named in the facility's sentence nearest to it; with `earlier`, else the last town named before
    it (a street is in the town the text is about; a university or a hospital named without a town may be
    anywhere)."""
    sent_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    sent_end = min(stops) if stops else len(text)
    same = [t for t in towns if sent_start <= (t.start or 0) < sent_end]
    if same:
        return min(same, key=lambda t: abs((t.start or 0) - start))
    before = [t for t in towns if (t.start or 0) < start] if earlier else []
    return max(before, key=lambda t: t.start or 0) if before else None
