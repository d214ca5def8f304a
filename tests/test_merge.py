"""Cross-article merging of reports of the same event."""

from __future__ import annotations

from datetime import date

from sitrep.geo.distance import km_between
from sitrep.merge import merge_events
from sitrep.model import Event


def report(doc: str, eid: str, *, fatalities: int = 3, lat: float = 2.14, lon: float = 45.12,
           day: date = date(2023, 6, 10), actor1: str = "Al Shabaab", confidence: float = 0.8) -> Event:
    return Event(event_id=eid, doc_id=doc, doc_ids=[doc], event_date=day, event_type="Explosions/Remote violence",
                 sub_event_type="Remote explosive/landmine/IED", country="Somalia", latitude=lat, longitude=lon,
                 fatalities=fatalities, actor1=actor1, confidence=confidence)


def test_two_outlets_one_event_lowest_figure_kept() -> None:
    [merged] = merge_events([report("a", "SR2", fatalities=4), report("b", "SR1", fatalities=5, lat=2.2)])
    assert merged.doc_ids == ["a", "b"]
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (4, 4, 5)
    assert merged.event_id == "SR1"


def test_different_day_place_or_perpetrator_stay_apart() -> None:
    base = report("a", "SR1")
    assert len(merge_events([base, report("b", "SR2", day=date(2023, 6, 11))])) == 2
    assert len(merge_events([base, report("b", "SR2", lat=3.0)])) == 2  # ~100 km away
    assert len(merge_events([base, report("b", "SR2", actor1="Islamic State (Somalia)")])) == 2
    assert len(merge_events([base, report("b", "SR2", actor1="Unidentified Armed Group (Somalia)")])) == 1


def test_a_stored_id_is_kept_when_a_new_report_arrives() -> None:
    [merged] = merge_events([report("z", "SR9"), report("a", "SR1")], known_ids={"SR9"})
    assert merged.event_id == "SR9"


def test_distance() -> None:
    assert round(km_between(0, 0, 0, 1)) == 111
    assert km_between(36.5, 36.9, 36.5, 36.9) == 0
