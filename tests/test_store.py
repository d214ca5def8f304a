"""Tests for sitrep.store: migrations, idempotent transactional saves, round trips.

Runs on SQLite files in tmp_path. Set SITREP_TEST_PG_URL (e.g. postgresql+psycopg://localhost/scratch,
a database this test may wipe) to run the same store tests on PostgreSQL as well.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import Article, Claim, Event, Evidence
from sitrep.store import DEFAULT_URL, SaveStats, Store, StoreError, canonical, db_url, metadata

PG_URL = os.environ.get("SITREP_TEST_PG_URL")
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="SITREP_TEST_PG_URL not set")),
]


def _wipe_pg(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for table in ("event_articles", "events", "articles", "alembic_version"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        assert PG_URL
        _wipe_pg(PG_URL)
        return PG_URL
    return db_url(str(tmp_path / "nested" / "folder" / "sitrep.db"))


@pytest.fixture
def store(url: str) -> Any:
    s = Store(url)
    s.migrate()
    yield s
    s.close()


def article(
    doc_id: str, text: str = "Clashes were reported in the town; two fighters were killed."
) -> Article:
    return Article(
        id=doc_id,
        text=text,
        url=f"https://news.example/{doc_id}",
        title=f"Report {doc_id}",
        source="Example News",
        published=date(2021, 3, 4),
        origin=f"feed.jsonl:{doc_id}",
    )


def event(event_id: str, doc_ids: list[str], **fields: Any) -> Event:
    evidence = [Evidence(doc_id=d, field="event", start=0, end=7, text="Clashes") for d in doc_ids]
    values: dict[str, Any] = dict(
        event_id=event_id,
        event_date=date(2021, 3, 3),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Testland (2020-)",
        inter1=1,
        actor2="Rebels of the North",
        inter2=2,
        interaction=12,
        iso=999,
        iso3="TST",
        region="Middle East",
        country="Testland",
        admin1="North",
        admin2="Hills",
        location="Ville-Épée",
        latitude=35.125,
        longitude=-36.5,
        geo_precision=1,
        source="Example News",
        source_scale="National",
        notes='On 3 March 2021, clashes — "heavy" — were reported; 2 killed.',
        fatalities=2,
        doc_id=doc_ids[0] if doc_ids else "",
        doc_ids=doc_ids,
        injuries=1,
        fatalities_low=2,
        fatalities_high=3,
        claim=Claim(status="claimed", by="the ministry"),
        cameo_code="190",
        plover_event="FIGHT",
        plover_mode="small-arms",
        confidence=0.75,
        evidence=evidence,
    )
    values.update(fields)
    return Event(**values)


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: the whole database state."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            names = sa.inspect(conn).get_table_names()
            return {n: sorted(tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {n}"))) for n in names}
    finally:
        engine.dispose()


# -- URLs and migrations -------------------------------------------------------------------------


def test_db_url() -> None:
    assert db_url(None) == DEFAULT_URL
    assert db_url("sitrep.db") == "sqlite:///sitrep.db"
    assert db_url("/data/x.db") == "sqlite:////data/x.db"
    assert db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_url(":memory:") == "sqlite://"


def test_migrate_creates_schema_on_fresh_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "fresh.db"
    with Store(str(path)) as s:
        s.migrate()
        s.migrate()  # a second upgrade is a no-op
    assert path.exists()
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    version = con.execute("SELECT version_num FROM alembic_version").fetchall()
    event_cols = [r[1] for r in con.execute("PRAGMA table_info(events)")]
    link_pk = sorted(r[1] for r in con.execute("PRAGMA table_info(event_articles)") if r[5])
    con.close()
    assert tables == {"alembic_version", "articles", "events", "event_articles"}
    assert {"ix_events_event_date", "ix_events_country", "ix_events_admin1"} <= indexes
    assert version == [("0001",)]
    assert link_pk == ["doc_id", "event_id"]
    from sitrep.model import ACLED_COLUMNS

    assert [c for c in ACLED_COLUMNS if c != "year"] == [c for c in event_cols if c in ACLED_COLUMNS]
    for col in (
        "injuries",
        "fatalities_low",
        "fatalities_high",
        "claim_status",
        "claim_by",
        "cameo_code",
        "plover_event",
        "plover_mode",
        "confidence",
    ):
        assert col in event_cols


def test_migration_matches_schema_module(store: Store) -> None:
    """The hand-written migration and schema.py describe the same tables, indexes and types."""
    with store._engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diffs == []


def test_migrate_works_from_another_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no alembic.ini here: the config is built in code
    with Store("rel.db") as s:
        s.migrate()
        assert s.counts() == {"articles": 0, "events": 0, "event_articles": 0}
    assert (tmp_path / "rel.db").exists()


def test_use_before_migrate_is_a_clear_error(tmp_path: Path) -> None:
    with Store(str(tmp_path / "x.db")) as s:
        with pytest.raises(StoreError, match="migrate"):
            s.save([article("a")], [])
        with pytest.raises(StoreError, match="migrate"):
            s.events()


def test_unknown_driver_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        Store("nosuchdialect://user@host/db")


def test_a_store_error_names_the_database_but_not_its_password(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store("nosuchdialect://analyst:s3cret@db.example.org/events")
    assert "db.example.org/events" in str(caught.value) and "s3cret" not in str(caught.value)
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"these are notes, not a database" * 10)
    store = Store(str(not_a_database))
    with pytest.raises(StoreError, match=f"^{re.escape(str(not_a_database))}: migration failed"):
        store.migrate()
    store.close()


# -- saving --------------------------------------------------------------------------------------


def test_round_trip(store: Store) -> None:
    events = [
        event("E1", ["a", "b"]),
        event(
            "E2",
            ["c"],
            event_date=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            iso=None,
            claim=Claim(),
            cameo_code=None,
            fatalities_low=None,
            fatalities_high=None,
            notes="",
        ),
    ]
    stats = store.save([article("a"), article("b"), article("c")], events)
    assert stats == SaveStats(articles_new=3, articles_seen=0, events_new=2, events_updated=0, links_new=3)
    loaded = {e.event_id: e for e in store.events()}
    assert loaded == {e.event_id: e for e in events}
    assert [e.event_id for e in store.events()] == ["E1", "E2"]  # dated first, undated last
    arts = store.articles()
    assert [a["doc_id"] for a in arts] == ["a", "b", "c"]
    assert arts[0]["published"] == date(2021, 3, 4)
    assert arts[0]["content_hash"] == article("a").content_hash
    assert arts[0]["n_chars"] == len(article("a").text)
    assert arts[0]["origin"] == "feed.jsonl:a"


def test_round_trip_keeps_interleaved_evidence_order(store: Store) -> None:
    ev = [
        Evidence(doc_id=d, field=f, start=s, end=s + 3, text="abc")
        for d, f, s in (("b", "event", 5), ("a", "event", 1), ("b", "fatalities", 9), ("a", "location", 2))
    ]
    e = event("E1", ["a", "b"], evidence=ev)
    store.save([], [e])
    assert store.events() == [e]


def test_canonical_lists_every_cited_article(store: Store) -> None:
    e = event("E1", [], doc_id="x", evidence=[Evidence(doc_id="y", field="event", start=0, end=1, text="C")])
    store.save([], [e])
    (loaded,) = store.events()
    assert loaded.doc_ids == ["x", "y"]
    assert loaded == canonical(e)


def test_saving_twice_changes_nothing(store: Store, url: str) -> None:
    articles = [article("a"), article("b")]
    events = [event("E1", ["a", "b"]), event("E2", ["b"], event_type="Riots", sub_event_type="Mob violence")]
    store.save(articles, events)
    before = dump(url)
    stats = store.save(articles, events)
    assert stats == SaveStats(articles_new=0, articles_seen=2, events_new=0, events_updated=0, links_new=0)
    assert dump(url) == before
    assert store.counts() == {"articles": 2, "events": 2, "event_articles": 3}


def test_more_articles_later_union_doc_ids(store: Store, url: str) -> None:
    store.save([article("a")], [event("E1", ["a"], fatalities=2)])
    stats = store.save([article("a"), article("b")], [event("E1", ["a", "b"], fatalities=3)])
    assert stats == SaveStats(articles_new=1, articles_seen=1, events_new=0, events_updated=1, links_new=1)
    (e,) = store.events()
    assert e.doc_ids == ["a", "b"]
    assert e.fatalities == 3  # coded from every stored article and more: replaces the fields
    assert [ev.doc_id for ev in e.evidence] == ["a", "b"]
    before = dump(url)
    assert store.save([], [event("E1", ["a", "b"], fatalities=3)]) == SaveStats()
    assert dump(url) == before


def test_subset_save_keeps_fields_and_adds_articles(store: Store) -> None:
    store.save([], [event("E1", ["a", "b"], fatalities=5)])
    # a re-run that only saw article "a" (plus a new one "c") must not downgrade the merged row
    stats = store.save([], [event("E1", ["a", "c"], fatalities=1)])
    assert stats.events_updated == 1 and stats.links_new == 1
    (e,) = store.events()
    assert e.fatalities == 5
    assert e.doc_ids == ["a", "b", "c"]
    assert [(ev.doc_id, ev.field) for ev in e.evidence] == [("a", "event"), ("b", "event"), ("c", "event")]
    assert store.save([], [event("E1", ["a"], fatalities=1)]) == SaveStats()


def test_same_event_twice_in_one_call(store: Store) -> None:
    stats = store.save([], [event("E1", ["a"]), event("E1", ["b"]), event("E1", ["a", "b"], notes="both")])
    assert stats == SaveStats(events_new=1, links_new=2)
    (e,) = store.events()
    assert e.doc_ids == ["a", "b"] and e.notes == "both"


def test_edited_article_is_stored_again(store: Store) -> None:
    store.save([article("a")], [])
    stats = store.save([article("a", text="A corrected text.")], [])
    assert stats == SaveStats(articles_new=1)
    (row,) = store.articles()
    assert row["content_hash"] == article("a", text="A corrected text.").content_hash
    assert row["n_chars"] == len("A corrected text.")


def test_failed_save_rolls_back_everything(store: Store, url: str) -> None:
    store.save([article("a")], [event("E1", ["a"])])
    before = dump(url)
    bad = event("E2", ["b"])
    # model_construct skips validation: an evidence text that cannot be serialised to JSON
    bad.evidence = [Evidence.model_construct(doc_id="b", field="event", start=0, end=1, text=object())]
    with pytest.raises(StoreError) as info:
        store.save([article("b"), article("c")], [event("E3", ["c"]), bad])
    assert "\n" not in str(info.value)
    assert dump(url) == before


def test_failure_after_articles_insert_rolls_back(
    store: Store, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(url)

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(Store, "_save_events", boom)
    with pytest.raises(StoreError, match="disk on fire") as info:
        store.save([article("a")], [event("E1", ["a"])])
    assert "second line" not in str(info.value)
    assert dump(url) == before
    monkeypatch.undo()
    assert store.save([article("a")], [event("E1", ["a"])]).articles_new == 1


def test_event_without_id_is_rejected_whole(store: Store, url: str) -> None:
    before = dump(url)
    with pytest.raises(StoreError, match="event_id"):
        store.save([article("a")], [event("E1", ["a"]), event("", ["a"])])
    assert dump(url) == before


def test_nan_coordinates_are_stored_as_missing(store: Store) -> None:
    store.save([], [event("E1", ["a"], latitude=float("nan"), longitude=float("nan"))])
    assert store.save([], [event("E1", ["a"], latitude=float("nan"), longitude=float("nan"))]) == SaveStats()
    (e,) = store.events()
    assert e.latitude is None and e.longitude is None


def test_event_filters(store: Store) -> None:
    store.save(
        [],
        [
            event("E1", ["a"], country="Testland", admin1="North", event_date=date(2021, 1, 1)),
            event("E2", ["b"], country="Testland", admin1="South", event_date=date(2021, 2, 1)),
            event("E3", ["b", "c"], country="Otherland", event_type="Riots", event_date=date(2021, 3, 1)),
        ],
    )
    ids = lambda events: [e.event_id for e in events]  # noqa: E731
    assert ids(store.events(country="Testland")) == ["E1", "E2"]
    assert ids(store.events(admin1="South")) == ["E2"]
    assert ids(store.events(event_type="Riots")) == ["E3"]
    assert ids(store.events(since=date(2021, 1, 15), until=date(2021, 2, 15))) == ["E2"]
    assert ids(store.events(doc_id="b")) == ["E2", "E3"]
    assert ids(store.events(event_ids=["E3", "E1"])) == ["E1", "E3"]
    assert ids(store.events(limit=2, offset=1)) == ["E2", "E3"]


def test_many_events_cross_chunk_boundaries(store: Store) -> None:
    events = [event(f"E{i:04d}", [f"d{i}", f"d{i + 1}"]) for i in range(1203)]
    assert store.save([], events).events_new == 1203
    loaded = store.events()
    assert loaded == sorted(events, key=lambda e: e.event_id)
    assert store.save([], events) == SaveStats()


def test_concurrent_writers_do_not_fail(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    with Store(path) as s:
        s.migrate()
    errors: list[BaseException] = []

    def writer(prefix: str) -> None:
        with Store(path) as s:
            for i in range(15):
                try:
                    s.save(
                        [article(f"{prefix}{i}")],
                        [event(f"{prefix}{i}", [f"{prefix}{i}"]), event("SHARED", [prefix])],
                    )
                except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                    errors.append(exc)

    threads = [threading.Thread(target=writer, args=(p,)) for p in "xyz"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as s:
        assert s.counts() == {"articles": 45, "events": 46, "event_articles": 48}
        shared = s.events(event_ids=["SHARED"])[0]
        assert sorted(shared.doc_ids) == ["x", "y", "z"]


# -- property: any event survives a round trip as canonical(event) -------------------------------

_text = st.text(max_size=20)
_opt_text = st.none() | _text
_coord = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)
_docs = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=3)


@st.composite
def events_strategy(draw: st.DrawFn) -> Event:
    doc_ids = draw(_docs)
    evidence = [
        Evidence(
            doc_id=draw(st.sampled_from(["a", "b", "c", "d"])),
            field=draw(_text),
            start=draw(st.integers(0, 10**6)),
            end=draw(st.integers(0, 10**6)),
            text=draw(_text),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return Event(
        event_id=draw(st.text(min_size=1, max_size=12)),
        event_date=draw(st.none() | st.dates()),
        event_type=draw(_text),
        sub_event_type=draw(_text),
        actor1=draw(_text),
        notes=draw(st.text(max_size=200)),
        inter1=draw(st.integers(0, 8)),
        iso=draw(st.none() | st.integers(0, 999)),
        country=draw(_opt_text),
        latitude=draw(_coord),
        longitude=draw(_coord),
        fatalities=draw(st.integers(0, 10**6)),
        fatalities_low=draw(st.none() | st.integers(0, 10**6)),
        doc_id=draw(st.sampled_from(["", "a", "e"])),
        doc_ids=doc_ids,
        claim=Claim(
            status=draw(st.sampled_from(["reported", "claimed", "alleged", "denied"])), by=draw(_opt_text)
        ),
        confidence=draw(st.floats(0, 1)),
        evidence=evidence,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(e=events_strategy())
def test_property_round_trip_is_canonical(tmp_path: Path, e: Event) -> None:
    with Store("sqlite://") as s:
        s.migrate()
        s.save([], [e])
        assert s.events() == [canonical(e)]
        assert s.save([], [e]) == SaveStats()
        assert canonical(canonical(e)) == canonical(e)


def test_iter_events_streams_and_releases_the_connection(store: Store) -> None:
    events = [event(f"E{i:04d}", [f"d{i}"]) for i in range(700)]
    store.save([], events)
    stream = store.iter_events()
    first = [next(stream) for _ in range(3)]
    assert [e.event_id for e in first] == ["E0000", "E0001", "E0002"]
    stream.close()  # a half-read stream must not keep the database locked
    assert store.save([], [event("NEW", ["x"])]).events_new == 1
    reading = store.iter_events()
    next(reading)
    assert store.save([], [event("NEW2", ["y"])]).events_new == 1  # a reader does not block a writer
    assert sum(1 for _ in reading) == 700  # and keeps its own snapshot
    assert sum(1 for _ in store.iter_events()) == 702


def test_migration_renders_for_postgresql(capsys: pytest.CaptureFixture[str]) -> None:
    """Offline (--sql) mode needs no server: the DDL PostgreSQL would get, generic types only."""
    from alembic import command
    from alembic.config import Config

    from sitrep.store import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", "postgresql://user@localhost/sitrep")
    command.upgrade(config, "head", sql=True)
    ddl = capsys.readouterr().out
    for fragment in (
        "CREATE TABLE articles",
        "CREATE TABLE events",
        "CREATE TABLE event_articles",
        "event_date DATE",
        "latitude FLOAT",
        "PRIMARY KEY (event_id, doc_id)",
        "ON DELETE CASCADE",
        "CREATE INDEX ix_events_admin1 ON events (admin1)",
        "INSERT INTO alembic_version (version_num) VALUES ('0001')",
    ):
        assert fragment in ddl, fragment
