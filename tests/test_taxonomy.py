"""Tests for sitrep.taxonomy: the ACLED tables, disorder types, interaction codes, CAMEO/PLOVER codes."""

from __future__ import annotations

import re

import pytest

from sitrep.taxonomy import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    cameo_label,
    case_codes,
    codes_for,
    definition,
    disorder_type,
    inter_from_name,
    interaction_code,
    interaction_from_names,
    map_old_type,
    plover_for_cameo,
)

PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


def test_six_types_twenty_five_subtypes() -> None:
    assert len(EVENT_TYPES) == 25
    assert set(EVENT_TYPES.values()) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }
    assert EVENT_TYPES["Suicide bomb"] == "Explosions/Remote violence"
    assert EVENT_TYPES["Mob violence"] == "Riots"
    assert EVENT_TYPES["Arrests"] == "Strategic developments"
    assert SUB_EVENT_TYPES[0] == "Armed clash"


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Grenade", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Protest with intervention", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Agreement", "Strategic developments"),
    ],
)
def test_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_disorder_type_unknown_subtype_falls_back_on_event_type() -> None:
    assert disorder_type("Protests", "") == "Demonstrations"
    assert disorder_type("Battles", "something new") == "Political violence"
    with pytest.raises(KeyError):
        disorder_type("Weather", "Rain")


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(2, 7, 27), (7, 2, 27), (1, 0, 10), (0, 6, 60), (1, 1, 11), (3, 8, 38), (5, 5, 55), (0, 0, 0)],
)
def test_interaction_code(inter1: int, inter2: int, expected: int) -> None:
    assert interaction_code(inter1, inter2) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("State forces", "1"), ("Rebel group", "2"), ("Political Militias", "3"), ("identity militia", "4"),
    ("Rioters", "5"), ("Protesters", "6"), (" Civilians ", "7"), ("External/Other forces", "8"),
    ("External/Other Forces", "8"), ("7", "7"), ("", ""), ("Journalists", "Journalists"),
])
def test_inter_from_name_reads_api_exports(cell: str, expected: str) -> None:
    assert inter_from_name(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("State forces-Civilians", "17"), ("Civilians-State forces", "17"), ("Protesters only", "60"),
    ("Rioters-Rioters", "55"), ("External/Other forces-Rebel group", "28"), ("17", "17"), ("", ""),
    ("State forces-Journalists", "State forces-Journalists"),
])
def test_interaction_from_names_reads_api_exports(cell: str, expected: str) -> None:
    assert interaction_from_names(cell) == expected


@pytest.mark.parametrize("sub_event_type", SUB_EVENT_TYPES)
def test_codes_complete_for_every_subtype(sub_event_type: str) -> None:
    cameo, plover, mode = codes_for(sub_event_type, EVENT_TYPES[sub_event_type])
    assert re.fullmatch(r"\d{3,4}", cameo)
    assert cameo_label(cameo), f"CAMEO code {cameo} is not in the CAMEO codebook"
    assert plover in PLOVER_EVENTS
    assert isinstance(mode, str)
    assert definition(sub_event_type)


def test_codes_are_the_expected_families() -> None:
    assert codes_for("Peaceful protest", "Protests")[:2] == ("141", "PROTEST")
    assert codes_for("Arrests", "Strategic developments") == ("173", "COERCE", "arrest")
    assert codes_for("Suicide bomb", "Explosions/Remote violence")[1:] == ("ASSAULT", "suicide-attack")
    assert codes_for("Air/drone strike", "Explosions/Remote violence")[0] == "195"
    with pytest.raises(KeyError):
        codes_for("Picnic", "Protests")


def test_plover_walks_up_to_parent_code() -> None:
    assert plover_for_cameo("1951")[0] == "ASSAULT"  # 1951 is not in the table; 195 is


def test_case_codes_cover_all_subtypes() -> None:
    codes = case_codes()
    assert set(codes.values()) == set(EVENT_TYPES)
    assert codes["ART_MISS_ATTACK"] == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("old", "notes", "expected"),
    [
        ("Battle-No change of territory", "Troops fought rebels.", ("Battles", "Armed clash")),
        ("Battle-Government regains territory", "", ("Battles", "Government regains territory")),
        ("Battle-Non-state actors overtake territory", "", ("Battles", "Non-state actor overtakes territory")),
        ("Remote violence", "A suicide bomber blew himself up at a checkpoint.",
         ("Explosions/Remote violence", "Suicide bomb")),
        ("Remote violence", "Militants threw a grenade at a bar.", ("Explosions/Remote violence", "Grenade")),
        ("Remote violence", "Jets carried out airstrikes on the town.",
         ("Explosions/Remote violence", "Air/drone strike")),
        ("Remote violence", "Rebels shelled the town with mortars.",
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("Remote violence", "An IED exploded under a truck.",
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("Violence against civilians", "Gunmen kidnapped two teachers.",
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("Violence Against Civilians", "Gunmen killed a farmer.", ("Violence against civilians", "Attack")),
        ("Riots/Protests", "Traders protested peacefully against new taxes.", ("Protests", "Peaceful protest")),
        ("Riots/Protests", "Protesters pelted police with stones.", ("Riots", "Violent demonstration")),
        ("Riots/Protests", "A mob lynched a suspected thief.", ("Riots", "Mob violence")),
        ("Riots/Protests", "Police shot dead two protesters at the march.",
         ("Protests", "Excessive force against protesters")),
        ("Riots/Protests", "Police fired tear gas to disperse the protesters.",
         ("Protests", "Protest with intervention")),
        ("Strategic development", "Police arrested an opposition leader.", ("Strategic developments", "Arrests")),
        ("Non-violent transfer of territory", "", ("Strategic developments", "Non-violent transfer of territory")),
        ("Mob violence", "", ("Riots", "Mob violence")),
    ],
)
def test_map_old_type(old: str, notes: str, expected: tuple[str, str]) -> None:
    assert map_old_type(old, notes) == expected


def test_map_old_type_unknown() -> None:
    assert map_old_type("Natural disaster", "A flood.") is None
