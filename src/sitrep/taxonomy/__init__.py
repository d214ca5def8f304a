"""ACLED's event taxonomy and its mappings to CAMEO and PLOVER.

Owns the 25 sub-event types (2023 schema), their event types and disorder types, the pre-2019 type
mapping, ACLED interaction codes, and the CAMEO/PLOVER code for every sub-type. The tables are data
files under `sitrep/data/taxonomy/` (see the README there for sources and licences); this module only
loads them, once per process.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "SubEventInfo",
    "cameo_label",
    "case_codes",
    "codes_for",
    "definition",
    "disorder_type",
    "interaction_code",
    "map_old_type",
    "plover_for_cameo",
    "topic_tag_sub_event",
]


class SubEventInfo(NamedTuple):
    sub_event_type: str
    event_type: str
    disorder_type: str
    cameo_code: str
    case_code: str
    definition: str


DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "taxonomy"


def _data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _subevents() -> dict[str, SubEventInfo]:
    rows = csv.DictReader(_data_text("acled_subevents.csv").splitlines())
    return {
        r["sub_event_type"]: SubEventInfo(
            r["sub_event_type"], r["event_type"], r["disorder_type"], r["cameo_code"], r["case_code"], r["definition"]
        )
        for r in rows
    }


# sub_event_type -> event_type, in ACLED's order.
EVENT_TYPES: dict[str, str] = {k: v.event_type for k, v in _subevents().items()}
SUB_EVENT_TYPES: tuple[str, ...] = tuple(EVENT_TYPES)
_EVENT_TYPE_NAMES = frozenset(EVENT_TYPES.values())


def definition(sub_event_type: str) -> str:
    """A one-line definition of an ACLED sub-event type (raises KeyError on unknown names)."""
    return _subevents()[sub_event_type].definition


def case_codes() -> dict[str, str]:
    """CASE 2021 task 2 label code -> sub_event_type ("ART_MISS_ATTACK" -> "Shelling/artillery/missile attack")."""
    return {info.case_code: sub for sub, info in _subevents().items()}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder_type column for a type pair.

    "Political violence", "Demonstrations", "Strategic developments" or, for excessive force against
    protesters, "Political violence; Demonstrations". Unknown sub-types fall back on the event type.
    """
    info = _subevents().get(sub_event_type)
    if info is not None and (not event_type or info.event_type == event_type):
        return info.disorder_type
    if event_type == "Protests":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type in _EVENT_TYPE_NAMES:
        return "Political violence"
    raise KeyError(f"unknown ACLED type: {event_type!r} / {sub_event_type!r}")


@lru_cache(maxsize=1)
def _topic_tags() -> dict[str, str]:
    rows = csv.DictReader(_data_text("acled_topic_tags.csv").splitlines())
    table = {r["tag"].strip().lower(): r["sub_event_type"] for r in rows}
    unknown = sorted(set(table.values()) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"acled_topic_tags.csv: unknown sub-event types {unknown}")
    return table


def topic_tag_sub_event(tag: str) -> str | None:
    """The strategic sub-event type an ACLED topic tag names ("Movement of forces" -> "Change to
    group/activity"; a tag that is a strategic sub-type's own name names it); None for an unknown tag."""
    key = " ".join(tag.strip().rstrip(":").split()).lower()
    if key in _topic_tags():
        return _topic_tags()[key]
    return next((sub for sub, t in EVENT_TYPES.items() if t == "Strategic developments" and sub.lower() == key), None)


@lru_cache(maxsize=1)
def _cameo2plover() -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER event, PLOVER mode), from the OEDA conversion table."""
    table: dict[str, tuple[str, str]] = {}
    line_re = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*)")
    for line in _data_text("CAMEO2PLOVER-2021.txt").splitlines():
        m = line_re.match(line)
        if not m:
            continue
        code, event, mode = m.group(1), m.group(2), m.group(3).strip()
        table.setdefault(code, (event, mode))
    return table


@lru_cache(maxsize=1)
def _cameo_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for line in _data_text("CAMEO_codefile.txt").splitlines():
        m = re.match(r"^LABEL:\s*(\d+)\s*=\s*(.+)$", line)
        if m:
            labels.setdefault(m.group(1), m.group(2).strip())
    return labels


def cameo_label(code: str) -> str | None:
    """The CAMEO codebook's label for a code ("173" -> "Arrest, detain, or charge with legal action")."""
    return _cameo_labels().get(code)


def plover_for_cameo(code: str) -> tuple[str, str]:
    """(PLOVER event, PLOVER mode) of a CAMEO code, walking up to the parent code if needed."""
    table = _cameo2plover()
    probe = code
    while probe:
        if probe in table:
            return table[probe]
        probe = probe[:-1]
    raise KeyError(f"no PLOVER mapping for CAMEO code {code!r}")


def codes_for(sub_event_type: str, event_type: str) -> tuple[str, str, str]:
    """(cameo_code, plover_event, plover_mode) for an ACLED type pair. plover_mode may be ""."""
    info = _subevents().get(sub_event_type)
    if info is None:
        raise KeyError(f"unknown ACLED sub_event_type: {sub_event_type!r} (event_type {event_type!r})")
    event, mode = plover_for_cameo(info.cameo_code)
    return info.cameo_code, event, mode


@lru_cache(maxsize=1)
def _old_rules() -> list[tuple[str, re.Pattern[str] | None, str, str]]:
    rules: list[tuple[str, re.Pattern[str] | None, str, str]] = []
    for r in csv.DictReader(_data_text("old_types.csv").splitlines()):
        pattern = re.compile(r["notes_regex"], re.IGNORECASE) if r["notes_regex"] else None
        rules.append((r["old_event_type"].strip().lower(), pattern, r["event_type"], r["sub_event_type"]))
    return rules


def map_old_type(old_event_type: str, notes: str) -> tuple[str, str] | None:
    """Map a pre-2019 ACLED EVENT_TYPE (with its notes) to (event_type, sub_event_type).

    Returns None when the old type has no defensible mapping (unknown type).
    A current-schema sub-type name passes through unchanged.
    """
    key = " ".join(old_event_type.strip().lower().split())
    if old_event_type.strip() in EVENT_TYPES:
        return EVENT_TYPES[old_event_type.strip()], old_event_type.strip()
    for old, pattern, event_type, sub_event_type in _old_rules():
        if old != key:
            continue
        if pattern is None or pattern.search(notes or ""):
            return event_type, sub_event_type
    return None


# ACLED's actor types by inter code. Newer exports from ACLED's API write the names ("State forces",
# "External/Other forces", pluralised by some tools) in inter1/inter2 and "State forces-Civilians" or
# "Protesters only" in interaction; the older exports write the codes.
# The groups of this pattern are the codes 1-8, in order.
_ACTOR_TYPE_RE = re.compile(
    r"(state forces?)|(rebel groups?)|(political militias?)|(identity militias?)|(rioters?)|(protesters?)"
    r"|(civilians?)|((?:external/other|external|other) forces?)", re.IGNORECASE)


def inter_from_name(value: str) -> str:
    """An inter1/inter2 cell as its code: "State forces" -> "1"; a code or an empty cell stays as it is."""
    match = _ACTOR_TYPE_RE.fullmatch(value.strip())
    return str(match.lastindex) if match and match.lastindex else value


def interaction_from_names(value: str) -> str:
    """An interaction cell as its code: "State forces-Civilians" -> "17", "Protesters only" -> "60"; a code, an
    empty cell or a form not known stays as it is."""
    text = value.strip()
    if text.isdigit():
        return value
    alone = re.fullmatch(r"(.+?)\s+only", text, re.IGNORECASE)
    sides = [alone.group(1)] if alone else text.split("-")
    codes = [inter_from_name(side) for side in sides]
    if not 1 <= len(codes) <= 2 or not all(c in "12345678" and len(c) == 1 for c in codes):
        return value
    return str(interaction_code(int(codes[0]), int(codes[1]) if len(codes) == 2 else 0))


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes, smaller first (2,7 -> 27; 1,0 -> 10; 0,0 -> 0)."""
    a, b = int(inter1), int(inter2)
    if a == 0 or b == 0:
        # A one-sided event: the single actor's code times ten (e.g. protesters alone: 60).
        return 10 * max(a, b)
    return 10 * min(a, b) + max(a, b)
