"""Event location: which of a document's places an event happened at, and ACLED's geo_precision.

ACLED's rule: 1 = the town itself; 2 = near a town or part of a region ("near X", "outskirts of X",
"X countryside", a district, an oil field, camp or base coded at that spot); 3 = only a region (a
province, desert or valley coded at its centroid). The event's own sentence(s) come first, then the
sentences before it; a country alone is never an event location.
"""

from __future__ import annotations

import re

from sitrep.extract.dates import dateline_end
from sitrep.geo.distance import km_between
from sitrep.geo.facilities import FACILITY_CODES
from sitrep.geo.gazetteer import ADMIN1, AREA_CODES, COUNTRY, DEMONYM, Gazetteer
from sitrep.geo.normalize import fold
from sitrep.model import Document, Place

COUNTRY_CODES = frozenset({"PCLI", "PCLS", "PCLD", "PCLIX", "CONT"})
NEAR = re.compile(
    r"\b(near|nearby|outside|outskirts|vicinity|around|close to|suburbs?|environs|countryside|surroundings"
    # ("north of", "northern"; not "the northwestern city of Peshawar", which is the city itself)
    r"|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?(?: of)?"
    r"(?!\s+(?:city|town|village|port|capital|border town|market town)\s+of\b)"
    r"|km|kilometers?|kilometres?|miles?|on the road|road between|highway|villages? of|area of|areas? of"
    # (not a place the thing near it lies in: "outside parliament in Tbilisi" is in Tbilisi)
    r"|district of|frontlines?)\W*(?:(?:of|from)\W+)?(?:the\W+)?(?:(?!(?:in|at|inside)\b)\w+\W+){0,2}$",
    re.IGNORECASE,
)
# at sea off a town or in the waters named after it ("a ship hit off Hodeidah", "off the coast of Lamu", "in the
# Gulf of Aden"): coded at the nearest coastal town, near it
OFFSHORE = re.compile(r"\boff\s+(?:the\s+(?:\w+\s+)?coast\s+of\s+)?$|\b(?:gulf|bay|sea|strait|straits)\s+of\s+$",
                      re.IGNORECASE)
AFTER_NEAR = re.compile(r"^\W{0,3}(countryside|district|area|outskirts|suburbs?|environs|frontlines?|front|"
                        r"axis|road|highway|border)\b", re.IGNORECASE)
ORIGIN = re.compile(
    r"\b(workers|residents|natives?|people|civilians|refugees|villagers|men|women|family|families|pilgrims|"
    r"migrants|students|fighters|militants|members|delegation|officials?|troops|soldiers|police|citizens?|"
    r"man|woman|boy|girl|children|youths?|displaced|hailing|originally|originating)\s+(?:\w+\s+)?from\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
SPEECH = re.compile(
    r"\b(said|says|told|announced|stated|declared|speaking|spoke|statement|conference|briefing|"
    r"interview|quoted|headquartered|based|sources?|media|agency|office|ministry|spokesm[ae]n|correspondent)"
    r"\s+(?:\w+\s+){0,2}(in|from|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the Maasai community", "Turkana herders", "Maasai's two clans": a name that tells who people are
PEOPLE_NAMED = re.compile(r"(?:'s)?\s+(?:\w+\s+)?(?:community|communities|clans?|sub-?clans?|tribes?|ethnic|militias?"
                          r"|herders|pastoralists|elders)\b", re.IGNORECASE)
# "Lamu senator", "Kirinyaga Governor", "Mathira member of parliament": an office holder's constituency
OFFICE_NAMED = re.compile(r"(?:\s+(?:county|town|city|district|constituency|state|province))?\s+(?:senator|governor"
                          r"|mp|mca|mla|member of (?:parliament|the county assembly)|legislator|lawmaker|deputy governor"
                          r"|woman representative|womens? rep)\b", re.IGNORECASE)
# "demonstrated in front of the Ministry of Education in Tegucigalpa": the office is where it happened, no speaker's
OFFICE_AS_SCENE = re.compile(r"\b(?:in\s+front\s+of|outside|near|at|to|towards?|into|stormed|attacked|besieged|surrounded"
                             r"|targeted|blocked)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:ministry|office|agency|headquarters)\b"
                             r"[^.;]*$", re.IGNORECASE)
# "members of Svoboda", "supporters of Jubilee": a party or group named after (or like) a place
# ("workers of Paris Confectionery", "officials of Assam's forest department": whose they are)
MEMBERS_OF = re.compile(r"\b(?:members?|supporters?|activists?|leaders?|cadres?|loyalists?|followers?|workers|employees"
                        r"|staff|officials?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
RESIDENTS_AFTER = re.compile(r"\s+(?:residents|villagers|inhabitants|townspeople|townsfolk|dwellers)\b", re.IGNORECASE)
LOCATIVE = re.compile(r"\b(in|at|on|near|into|inside|outside|across|within|of|targeted|hit|struck|attacked|"
                      r"stormed|shelled|entered|captured|seized|took)\s+(?:the\s+)?(?:[A-Z][\w-]*['\u2019]s\s+)?"
                      r"(?:\w+\s+){0,1}$", re.IGNORECASE)
# the place of what moved the event, not of the event: "imposed a curfew after clashes in nearby Gezira state"
CAUSE_BEFORE = re.compile(r"\b(?:after|following|amid|over|in response to)\s+(?:the\s+|a\s+|recent\s+|deadly\s+"
                          r"|renewed\s+|heavy\s+)*(?:clashes|fighting|attacks?|violence|protests?|killings?|unrest"
                          r"|riots?)\s+(?:\w+\s+){0,2}?(?:in|at|near)\s+(?:the\s+)?(?:\w+\s+){0,1}$", re.IGNORECASE)


# "the (central) Syrian desert": a country adjective before a region noun names that country's area
REGION_NOUN = re.compile(r"^[ -]?(desert|badia|badiya|steppe|valley|mountains)\b", re.IGNORECASE)
REGION_FCODES = {"desert": ("DES",), "badia": ("DES",), "badiya": ("DES",), "steppe": ("DES", "PLN"),
                 "valley": ("VAL",), "mountains": ("MTS",)}
# the glue inside an enumeration: "Homs, Rif Dimashq, Deir Ezzor and Raqqa provinces"
LIST_GLUE = re.compile(r"^\s*(?:,|and|&|or|, and|, or)\s*$")
# a closed list of the places where the same thing happened: "in Mombasa, Kisumu and Nakuru", "in the towns of A and
# B" (not "between A and B", "from A to B", nor "A or B", where one place is meant)
LIST_COMMA = re.compile(r"^\s*,\s*$")
LIST_AND = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:the\s+(?:[a-z-]+\s+){0,3}?(?:of\s+)?)?$")  # "and the port city of"
LIST_OPENS = re.compile(r"\b(?:in|at|across|on)\s+(?:the\s+)?(?:(?!(?:between|from|to|road|highway)\b)[a-z][\w-]*\s+){0,3}$")
ROUTE_AFTER = re.compile(r"\s*(?:[-\u2013]\s*[A-Z][\w'-]*\s+)?(?:\w+\s+)?(?:road|roads|highway|route|axis|corridor|border"
                         r"|frontier)\b", re.IGNORECASE)
MAX_LISTED = 6


def _specificity(place: Place) -> int:
    code = place.feature_code or ""
    if code in COUNTRY_CODES:
        return 0
    if code == "ADM1" or code in AREA_CODES:
        return 1
    if code.startswith("ADM"):
        return 2
    return 3


NAMESAKE_ABROAD_PENALTY = 2.5
# "in Benito Juarez, Nuevo Leon" read in Baja California: the province named after it must win, though it
# follows the town like the next item of a list
OUTSIDE_PROVINCE_PENALTY = 3.0
CLOSE_KM = 25.0
# a town filed under a neighbouring province (GeoNames puts Thika in Nairobi) lies nearer its named province's
# middle than this; a namesake in another province lies farther
FAR_FROM_PROVINCE_KM = 150.0
PROVINCE_AFTER = re.compile(r"\s*[,(]\s*")
INSIDE_NEXT = re.compile(r"\s+(?:neighbou?rhood|quarter|district|area|village|locality|camp|suburb|sector)\s+"
                         r"(?:in|of)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$", re.IGNORECASE)
QUARTER_OF = re.compile(r"\s+(?:neighbou?rhood|quarter|suburb|sector)\s+(?:in|of)\s+", re.IGNORECASE)
# "the Isawiyah neighbourhood of Jerusalem", "Kfar Aqab north of Jerusalem": the place told within or beside the
# next one is where it happened; the next one only situates it
SITUATED_BY_NEXT = re.compile(r"\s+(?:neighbou?rhood|quarter|area|village|locality|(?:refugee\s+)?camp|suburb)\s+"
                              r"(?:in|of)\s+(?:the\s+)?(?:city\s+of\s+)?"
                              # "Bila Tserkva, south of Kyiv", "Mafa, about 45 km east of the state capital Maiduguri"
                              r"|,?\s+(?:(?:about|some|around|roughly|nearly|over)\s+)?(?:\d+\s*(?:km|kilometres"
                              r"|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of"
                              r"|outskirts of)\s+(?:the\s+)?(?:(?:(?:state|provincial|regional|district|national)\s+)?"
                              r"(?:capital|city|town)\s+(?:of\s+)?)?",
                              re.IGNORECASE)
# how far a town told "south of Y" may lie from Y
DIRECTION_KM = 150.0
CODED_AS = re.compile(r"\bcoded as\s+(?:the\s+)?$", re.IGNORECASE)
ROAD_NAMED_AFTER = re.compile(r"(?:\s*[-\u2013]\s*[A-Z][\w'-]+)?\s+(?:(?:[Nn]ational|[Ss]tate|[Mm]ain|[Pp]rovincial|[Ff]ederal"
                              r"|[Ii]nter-?state)\s+)?(?:[Rr]oad|[Ss]treet|[Hh]ighway|[Aa]venue|[Ee]xpressway|[Mm]otorway"
                              r"|stretch)\b")
# "a Dhaka-bound bus", "on their way to Lamu", "died at a hospital in Dhaka", "taken to Nairobi": where people or
# vehicles were headed or the wounded were taken, not where the event happened
BOUND_AFTER = re.compile(r"[-\u2013]bound\b", re.IGNORECASE)
DESTINATION_BEFORE = re.compile(
    r"(?:\b(?:died|succumbed|treated|taken|rushed|airlifted|referred|transferred|admitted|flown|brought)"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:to|at|in)|\bon\s+(?:the|his|her|their|its)\s+way\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE)
# "Garissa-" before a place: the place is the far end of a route named from another
ROUTE_FROM = re.compile(r"[A-Za-z][\w'\u2019]*\s?[-\u2013]\s?$")

# "Samboko village (Mambasa, Nord-Kivu)", "Vostok village of Chui region": the containers of a smaller
# named place
CONTAINER_OF_NAMED = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[a-z]+)?\s*\((?:[^()]*,\s*)?$"
                                r"|[A-Z][\w'\u2019-]*\s+(?:village|locality|settlement|hamlet)\s+(?:of|in)\s+"
                                r"(?:the\s+)?[\w' ,-]*$")


def precision(doc: Document, place: Place) -> int:
    """ACLED geo_precision of a place as the text names it."""
    code = place.feature_code or ""
    body = doc.body
    before = body[max(0, (place.start or 0) - 60):place.start or 0]
    if (CONTAINER_OF_NAMED.search(before) or CODED_AS.search(before)) and (code == "ADM1" or code.startswith("PPL")):
        return 2  # the place the note names is unknown: coded at its district or province, near it
    if code == "ADM1" or code in AREA_CODES:
        return 3
    after = body[place.end or 0:(place.end or 0) + 25]
    if NEAR.search(before) or OFFSHORE.search(before) or AFTER_NEAR.search(after):
        return 2
    if code.startswith("ADM") or not code.startswith("PPL"):
        return 2  # a district, oil field, camp, base or crossing is coded at that spot, near a town
    return 1


def _country_area(doc: Document, place: Place, gaz: Gazetteer | None) -> Place | None:
    """'the central Syrian desert' when the gazetteer's match stopped at the adjective: that country's area."""
    if gaz is None or not place.country_code or _specificity(place) != 0 or place.end is None:
        return None
    m = REGION_NOUN.match(doc.body[place.end:place.end + 12])
    if not m:
        return None
    areas = gaz.areas(place.country_code, REGION_FCODES[m.group(1).lower()])
    if not areas:
        return None
    e = areas[0]
    return place.model_copy(update=dict(
        end=place.end + m.end(), text=doc.body[place.start:place.end + m.end()], name=e.name,
        admin1=gaz.admin1_names.get(e.admin1_code) if e.admin1_code else None,
        admin2=e.admin2 or None, latitude=round(e.lat, 5), longitude=round(e.lon, 5), feature_code=e.fcode,
        geonameid=e.id if e.id > 0 else None, population=e.pop, score=min(place.score * 2, 0.9)))


def _list_followers(doc: Document, places: list[Place]) -> set[int]:
    """Starts of places that continue an enumeration ('Homs, Rif Dimashq and Raqqa'): the first one leads."""
    spans = sorted((p.start, p.end) for p in places if p.start is not None and p.end is not None)
    out: set[int] = set()
    for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False):
        if b_start > a_end and LIST_GLUE.match(doc.body[a_end:b_start]):
            out.add(b_start)
    return out


def _rank(doc: Document, place: Place) -> float:
    body = doc.body
    start = place.start or 0
    before = body[max(0, start - 60):start]
    score = float(_specificity(place))
    if ORIGIN.search(before):
        score -= 3.0  # "workers from X": where the victims came from, not where it happened
    if SPEECH.search(before) and not OFFICE_AS_SCENE.search(body, max(0, start - 100), start):
        score -= 3.0  # "said in Damascus": where someone spoke
    if MEMBERS_OF.search(before):
        score -= 3.0  # "members of Svoboda protested in Kyiv": a group, not where it acted
    if CAUSE_BEFORE.search(before):
        score -= 1.0
    after = body[place.end or start:(place.end or start) + 40]
    if PEOPLE_NAMED.match(after):
        score -= 3.0  # "clashed with the Maasai community": who the people are, not where they met
    elif OFFICE_NAMED.match(after):
        # "the Lamu senator's father was shot": somewhere else, unless the text names no other place
        return min(score + 0.3 * place.score, 0.1)
    if RESIDENTS_AFTER.match(after):
        score += 0.8  # "Mombasa residents held a demonstration against a dry port in Naivasha": their town
    elif LOCATIVE.search(before) or NEAR.search(before):
        score += 0.5
    if before.rfind("(") > before.rfind(")"):
        score -= 0.6  # "(Bura, Tana River)": the district and province named after the place
    if CODED_AS.search(before):
        score += 1.0  # "Mkocheni village (coded as Taveta)": the coder's own choice of location
    if _situated_by_next(doc, place):
        score += 0.5
    if BOUND_AFTER.match(body, place.end or 0) or DESTINATION_BEFORE.search(before):
        score -= 1.5
    if ROAD_NAMED_AFTER.match(body, place.end or 0):
        score -= 1.5  # "on Murree road in Rawalpindi", "the Dhaka-Chittagong highway": a road, not the town
        if ROUTE_FROM.search(before):
            score -= 0.5  # "the Garissa-Nairobi road": a route is coded at the end named first
    return score + 0.3 * place.score


def _situated_by_next(doc: Document, place: Place) -> bool:
    """Whether the text goes on from the place to the one that situates it ("X neighbourhood of Y", "X north of
    Y")."""
    if place.end is None:
        return False
    after = [p for p in doc.places if p.start is not None and p.start >= place.end
             and p.feature_code not in FACILITY_CODES]
    if not after:
        return False
    nxt = min(after, key=lambda p: p.start or 0)
    # ... and the reading lies there: "Wadi area of Vadodara" read as Karnataka's Wadi is no part of Vadodara
    told = SITUATED_BY_NEXT.fullmatch(doc.body[place.end:nxt.start])
    if told is None:
        return False
    if re.search(r"(?:north|south|east|west)", told.group(0), re.IGNORECASE):
        return _within(place, nxt, DIRECTION_KM)
    return _close(place, nxt)


def _in_container_abroad(doc: Document, place: Place, others: list[Place]) -> bool:
    """'al Antariyeh neighborhood in Quamishli city': the text puts the place inside the next one, so a reading
    in another country than that container's is a namesake abroad, and so is a respelling of a town far from it
    ("the Katindo neighbourhood of Goma" is not Katanda, 60 km north)."""
    for other in others:
        if other.start is None or place.end is None or other.start < place.end or not other.country_code:
            continue
        if INSIDE_NEXT.match(doc.body[place.end:other.start]):
            # a reading that lies at the container is inside it whatever country each is filed under (East
            # Jerusalem's neighbourhoods are Palestinian in GeoNames and ACLED, the city Israeli)
            # (only a city's quarters lie at the city: a district "of Agri" is the province's, and a town's distance
            # from a province's middle says nothing, "in At-Bashy district of Naryn region")
            respelt = place.start is not None and fold(doc.body[place.start:place.end]) != fold(place.name) \
                and (other.feature_code or "").startswith("PPL") \
                and QUARTER_OF.match(doc.body[place.end:other.start]) is not None
            return (other.country_code != place.country_code or respelt) and not _close(place, other)
    return False


def _outside_its_province(doc: Document, place: Place, others: list[Place]) -> bool:
    """'in Benito Juarez, Nuevo Leon': the text names the town's province right after it, so a reading in another
    province of that country, far from it, is a namesake (the province is the better location). Provinces
    themselves are never judged so: "Nineveh, Baghdad, Anbar" is a list."""
    if _specificity(place) < 2:
        return False
    for other in others:
        if other.start is None or place.end is None or other.start < place.end:
            continue
        if other.feature_code == "ADM1" and PROVINCE_AFTER.fullmatch(doc.body[place.end:other.start]):
            return other.country_code == place.country_code and other.admin1 != place.admin1 and \
                not _within(place, other, FAR_FROM_PROVINCE_KM)
        return False
    return False


def _within(a: Place, b: Place, limit: float) -> bool:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return True
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= limit


def _close(a: Place, b: Place) -> bool:
    """Whether two places lie within CLOSE_KM of each other (a namesake abroad lies far away)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= CLOSE_KM


_SIMPLE_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _simple_split(body: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The pieces of body[lo:hi] between sentence breaks, when the document has no parsed sentences."""
    spans, prev = [], lo
    for m in _SIMPLE_SENTENCE_BREAK.finditer(body, lo, hi):
        spans.append((prev, m.start()))
        prev = m.end()
    spans.append((prev, hi))
    return spans


def _sentence_bounds(doc: Document, start: int) -> list[tuple[int, int]]:
    """Sentences before `start`, nearest first (from doc.sentences, else a simple split)."""
    if doc.sentences:
        spans = [(s.start, s.end) for s in doc.sentences if s.end <= start]
    else:
        spans = _simple_split(doc.body, 0, start)
    return sorted(spans, reverse=True)


def _sentences_after(doc: Document, end: int) -> list[tuple[int, int]]:
    """The sentences after `end` up to the paragraph's end, nearest first (from doc.sentences, else a simple
    split)."""
    if doc.sentences:
        following = [(s.start, s.end) for s in doc.sentences if s.start >= end]
    else:
        following = [(a, b) for a, b in _simple_split(doc.body, end, len(doc.body)) if doc.body[a:b].strip()]
    spans: list[tuple[int, int]] = []
    last = end
    for s_start, s_end in following:
        if "\n\n" in doc.body[last:s_start].replace(" ", ""):
            break
        spans.append((s_start, s_end))
        last = s_end
    return spans


def _demonym(place: Place, gaz: Gazetteer | None) -> bool:
    """Whether the text names the place's country by an adjective or demonym ("Chinese", "Kenyans")."""
    return gaz is not None and bool(place.text) and any(
        h.name_kind == DEMONYM and h.entry.cc == place.country_code for h in gaz.lookup(fold(place.text)))


# a country told as where things happen: "in northern Iraq", "across Sudan" (not "US forces", "the border with
# Somalia", "the road leading to Uganda")
_IN_COUNTRY = re.compile(r"\b(?:in|inside|across|throughout|within)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west"
                         r"|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$", re.IGNORECASE)


def countries_told(doc: Document, start: int, end: int, places: list[Place], gaz: Gazetteer | None) -> set[str]:
    """The countries the opening sentence of the event told in doc.body[start:end] names as where it is ("in
    northern Iraq"; not "Turkish drones", whose they are, nor "US forces" or "the border with Somalia"; a country
    named later, "a driver detained in Uganda", tells of something else)."""
    opening_end = next((s.end for s in doc.sentences if s.start <= start < s.end), end)
    return {p.country_code for p in places if p.start is not None and start <= p.start < opening_end
            and _specificity(p) == 0 and p.country_code and not _demonym(p, gaz)
            and _IN_COUNTRY.search(doc.body, max(0, p.start - 30), p.start)}


def choose(doc: Document, start: int, end: int, places: list[Place],
           gaz: Gazetteer | None = None) -> tuple[Place | None, int | None]:
    places = [_country_area(doc, p, gaz) or p for p in places]
    in_span = [p for p in places if p.start is not None and start <= p.start < end]
    inside = [p for p in in_span if _specificity(p) > 0]
    # "MOSCOW, Aug 14, 2023 - ... shot down two drones over the Belgorod region": the place a report was filed
    # from is where the event happened only when the event names no other
    line_start = doc.body.rfind("\n", 0, start) + 1
    filed_until = dateline_end(doc.body, line_start)
    countries = countries_told(doc, start, end, in_span, gaz)

    def filed_from(p: Place) -> bool:
        # "AMMAN (Reuters) - ... a drone attack on a U.S. base in northeastern Jordan": where the event's words
        # name its country, the dateline's town is only where the report was filed
        return bool(countries) and line_start <= (p.start or 0) < filed_until

    told = [p for p in inside if not line_start <= (p.start or 0) < filed_until]
    inside = told or [p for p in inside if not filed_from(p)]
    followers = _list_followers(doc, inside)
    # "Abu Saida in Diyala province": where the event's own words name a province, a town of another country
    # that is not named either is a namesake abroad, and the province is the better location
    # (a country told only by its adjective is whose actors these are, not where: "labourers of a Chinese
    # company staged a protest ... in Maralal town")
    home_areas = [p for p in in_span if p.feature_code == "ADM1" or (_specificity(p) == 0 and not _demonym(p, gaz))]
    home = {p.country_code for p in home_areas}

    def abroad(p: Place) -> bool:
        if not home or p.country_code in home or _specificity(p) < 2:
            return False
        if any(q.country_code in home and _specificity(q) >= 2 and _close(p, q) for q in in_span):
            return False  # "Kfar Aqab north of Jerusalem": at a place of the home country, so no namesake abroad
        # "Punjab University ... in Chandigarh": a province's name that is also a province of the town's country
        # was only read in the other country
        return gaz is None or not any(h.entry.cc == p.country_code and h.entry.kind in (ADMIN1, COUNTRY)
                                      for area in home_areas if area.text for h in gaz.lookup(fold(area.text)))

    # "in Fresnillo, Zacatecas, armed men attacked a man in Colonia Del Valle": where the event's words name a
    # province, a place of another province of that country is a namesake there when a place of the named
    # province is told too
    named_provinces = {(p.country_code, p.admin1) for p in in_span if p.feature_code == "ADM1" and p.admin1}
    in_named = [q for q in in_span if (q.country_code, q.admin1) in named_provinces and _specificity(q) >= 2]

    def other_province(p: Place) -> bool:
        return bool(in_named) and _specificity(p) >= 2 and (p.country_code, p.admin1) not in named_provinces \
            and any(cc == p.country_code for cc, _ in named_provinces) and not any(_close(p, q) for q in in_named)

    def rank(p: Place) -> float:
        # a list of provinces is coded at the first one named (score ties must not pick a later one)
        score = _rank(doc, p) - (0.4 if p.start in followers and _specificity(p) == 1 else 0.0)
        if abroad(p) or _in_container_abroad(doc, p, in_span) or other_province(p):
            score -= NAMESAKE_ABROAD_PENALTY
        elif _outside_its_province(doc, p, in_span):
            score -= OUTSIDE_PROVINCE_PENALTY
        return score

    ranked = sorted(inside, key=lambda p: (-rank(p), p.start))
    if ranked and rank(ranked[0]) > 0:
        best = ranked[0]
        return best, precision(doc, best)
    # "Turkish drones struck a PKK position in northern Iraq": an event whose own words name only a country is in
    # that country, not at a town a sentence before or after names elsewhere
    def near_enough(p: Place) -> bool:
        return not countries or p.country_code in countries

    for s_start, s_end in _sentence_bounds(doc, start)[:4]:
        earlier = [p for p in places if p.start is not None and s_start <= p.start < min(s_end, start)
                   and _specificity(p) > 0 and _rank(doc, p) > 0 and near_enough(p) and not filed_from(p)]
        if earlier:
            best = max(earlier, key=lambda p: (_rank(doc, p), p.start or 0))
            return best, precision(doc, best)
    # "several riders demonstrated ... The riders fought the police in Kajiado town": told in the next sentence
    for s_start, s_end in _sentences_after(doc, end)[:2]:
        later = [p for p in places if p.start is not None and s_start <= p.start < s_end
                 and _specificity(p) > 0 and _rank(doc, p) > 0 and near_enough(p)]
        if later:
            best = max(later, key=lambda p: (_rank(doc, p), -(p.start or 0)))
            return best, precision(doc, best)
    return None, None


def _kind_class(place: Place) -> str:
    code = place.feature_code or ""
    return "area" if code in ("ADM1", "ADM2") else "town" if code.startswith("PPL") else ""


def listed_with(doc: Document, place: Place, start: int, end: int, places: list[Place]) -> list[Place]:
    """The other places of a closed list that the event's place belongs to ("protests also took place in Mombasa,
    Kisumu and Nakuru"): ACLED codes one event per location. Only towns alone or provinces alone, of one country,
    introduced by "in", "at", "across" or "on", none the container of the name before it ("Hajin, Deir ez-Zor and
    Raqqa" names Hajin's province), and no route ("the Lafey and Mandera road")."""
    if place.start is None or not _kind_class(place):
        return []
    in_span = sorted((p for p in places if p.start is not None and p.end is not None and start <= p.start < end),
                     key=lambda p: p.start or 0)
    at = next((i for i, p in enumerate(in_span) if p.start == place.start), None)
    if at is None:
        return []
    body = doc.body

    def glue(a: Place, b: Place) -> str:
        return body[a.end or 0:b.start or 0]

    first = last = at
    while first > 0 and LIST_COMMA.match(glue(in_span[first - 1], in_span[first])):
        first -= 1
    while last + 1 < len(in_span) and LIST_COMMA.match(glue(in_span[last], in_span[last + 1])):
        last += 1
    if last + 1 < len(in_span) and LIST_AND.match(glue(in_span[last], in_span[last + 1])):
        last += 1  # the list closes with "and"
    elif first > 0 and at == first and LIST_AND.match(glue(in_span[first - 1], in_span[first])):
        first -= 1  # the place closes it: "in Sanaa and the port city of Hodeidah" read from its end
    else:
        return []
    listed = in_span[first:last + 1]
    if not LIST_AND.match(glue(listed[-2], listed[-1])) or len(listed) > MAX_LISTED:
        return []
    if not LIST_OPENS.search(body, max(0, (listed[0].start or 0) - 40), listed[0].start or 0) \
            or ROUTE_AFTER.match(body, listed[-1].end or 0):
        return []
    if len({p.country_code for p in listed}) > 1 or len({_kind_class(p) for p in listed}) > 1 \
            or len({(p.name, p.admin1) for p in listed}) < len(listed):
        return []
    for a, b in zip(listed, listed[1:], strict=False):
        if LIST_COMMA.match(glue(a, b)) and a.admin1 == b.admin1 and (
                _kind_class(b) == "area" or (b.feature_code or "") in ("PPLA", "PPLC")):
            return []  # "Hajin, Deir ez-Zor": the name after the comma contains the one before it
    return [p for p in listed if p.start != place.start]

