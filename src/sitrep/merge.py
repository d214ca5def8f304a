"""Cross-article merging: the same event reported by several outlets becomes one row.

Two events are the same when they share the day, the event type and the country, their places lie within
`MAX_KM` of each other (or neither has one), and their actors do not contradict each other. The merged row
keeps every article in `doc_ids`, all the evidence, the lowest fatality figure (ACLED's rule) and the range
of figures in fatalities_low/high. Events are compared only within (date, event_type, country) blocks, so
the cost grows with the size of a day's block, not with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence, Set

from sitrep.geo.distance import km_between
from sitrep.model import Event

MAX_KM = 25.0


def _near(a: Event, b: Event) -> bool:
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return a.latitude is None and b.latitude is None
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude) <= MAX_KM


def _actors_agree(a: Event, b: Event) -> bool:
    def named(name: str) -> bool:
        return bool(name) and not name.startswith("Unidentified")

    return not (named(a.actor1) and named(b.actor1) and a.actor1 != b.actor1)


def same_event(a: Event, b: Event) -> bool:
    return (a.doc_id != b.doc_id and a.event_date == b.event_date and a.event_type == b.event_type
            and a.country == b.country and _near(a, b) and _actors_agree(a, b))


def combine(events: Sequence[Event], known_ids: Set[str] = frozenset()) -> Event:
    """One row for several reports of one event; the most confident report leads.

    The row keeps an id already in the store when one of its reports has one, so a later run that brings
    another report of a stored event updates that row instead of adding a second one.
    """
    lead = max(events, key=lambda e: (e.confidence, -len(e.doc_id)))
    figures = [e.fatalities for e in events]
    highs = [e.fatalities_high or e.fatalities for e in events]
    doc_ids = sorted({d for e in events for d in (e.doc_ids or [e.doc_id])})
    merged = lead.model_copy(deep=True)
    merged.doc_ids = doc_ids
    merged.fatalities = min(figures)
    merged.fatalities_low = min(figures)
    merged.fatalities_high = max(highs) if max(highs) != min(figures) else None
    merged.injuries = min(e.injuries for e in events)
    merged.evidence = [ev for e in events for ev in e.evidence]
    merged.confidence = round(min(1.0, lead.confidence + 0.05 * (len(doc_ids) - 1)), 3)
    for e in events:
        lead_unnamed = not merged.actor1 or merged.actor1.startswith("Unidentified")
        if lead_unnamed and e.actor1 and not e.actor1.startswith("Unidentified"):
            merged.actor1, merged.inter1 = e.actor1, e.inter1
    # the smallest id is stable whichever order the reports arrived in
    ids = [e.event_id for e in events]
    stored = sorted(i for i in ids if i in known_ids)
    merged.event_id = stored[0] if stored else min(ids)
    return merged


def merge_events(events: Sequence[Event], known_ids: Set[str] = frozenset()) -> list[Event]:
    """Cluster reports of the same event across articles; order of the result follows the input.

    `known_ids`: event ids already stored (see `combine`)."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        blocks[(e.event_date, e.event_type, e.country)].append(i)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if same_event(events[i], events[j]):
                    parent[find(j)] = find(i)
    clusters: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(events):
        clusters[find(i)].append(e)
    return [combine(c, known_ids) if len(c) > 1 else c[0] for _, c in sorted(clusters.items())]
