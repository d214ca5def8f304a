"""The event store: articles, events and the links between them, in SQLite or PostgreSQL.

Owns the database side of sitrep: opening a database from a path or URL, creating/upgrading the
schema with Alembic (`migrations/`), saving a batch of articles and coded events in one transaction,
and reading events back as `model.Event`. SQLAlchemy 2 Core only; the tables are in `schema.py`.

Saving rules (see `Store.save`):
- articles are keyed by `Article.id`; the sha256 of the text tells a re-sent article from an edited one;
- events are keyed by `Event.event_id`; the articles that report an event live in `event_articles`,
  one row per (event, article) with that article's evidence as JSON, so a later save that brings
  more articles for the same event adds rows there (the doc_ids are unioned, never dropped);
- the coded fields of a stored event are replaced only by a save whose articles include every
  article the stored version was coded from (a re-run on a subset never downgrades a merged event);
- nothing time-dependent is stored, so saving the same input twice changes nothing at all.

What an event looks like after a save/load round trip is `canonical(event)`: the same event, except
that `doc_ids` lists every article it cites (its doc_ids, then doc_id, then any article named only
by evidence). Evidence comes back in its original order.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from sitrep.model import Article, Claim, Event, Evidence
from sitrep.store.schema import EVENT_FIELD_COLUMNS, metadata
from sitrep.store.schema import articles as articles_table
from sitrep.store.schema import event_articles as links_table
from sitrep.store.schema import events as events_table

__all__ = ["DEFAULT_URL", "SaveStats", "Store", "StoreError", "canonical", "db_url", "metadata"]

DEFAULT_URL = "sqlite:///sitrep.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Keys per IN (...) clause: well under SQLite's bound-parameter limit (999 on old builds).
_CHUNK = 500
_NULLABLE_FLOATS = ("latitude", "longitude")


class StoreError(RuntimeError):
    """A store operation failed; the message is one line, fit for a CLI error."""


@dataclass
class SaveStats:
    articles_new: int = 0  # inserted, or stored again because the text changed (new content hash)
    articles_seen: int = 0  # already stored with the same text
    events_new: int = 0
    events_updated: int = 0  # stored before and changed by this save (new articles, fields, evidence)
    links_new: int = 0  # new (event, article) rows


def db_url(value: str | None) -> str:
    """A SQLAlchemy URL from a CLI value: None -> the default, a path -> SQLite file, a URL as is."""
    if value is None or not value.strip():
        return DEFAULT_URL
    value = value.strip()
    if "://" in value:
        return value
    if value == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser()}"


def _shown(url: str) -> str:
    """The database as an error names it: a SQLite file by its path, a server URL without its password."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///") or url
    return re.sub(r"(//[^:/@]*:)[^@/]*@", r"\1***@", url)


def _one_line(what: str, exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{what}: {type(exc).__name__}: {lines[0] if lines else ''}".rstrip(": ")


# ---------------------------------------------------------------------------------------------
# Event <-> rows


def _event_row(event: Event) -> dict[str, Any]:
    if not event.event_id:
        raise StoreError(
            f"cannot save an event without an event_id ({event.event_type!r}, doc {event.doc_id!r})"
        )
    row: dict[str, Any] = {col: getattr(event, col) for col in EVENT_FIELD_COLUMNS}
    # SQLite stores NaN as NULL, so a NaN would never compare equal to what was stored.
    for col in _NULLABLE_FLOATS:
        if isinstance(row[col], float) and math.isnan(row[col]):
            row[col] = None
    if math.isnan(row["confidence"]):
        row["confidence"] = 0.0
    row["claim_status"] = event.claim.status
    row["claim_by"] = event.claim.by
    return row


_Links = dict[str, list[dict[str, Any]]]  # doc_id -> that article's evidence items, in doc order


def _event_links(event: Event) -> _Links:
    """The event's articles in canonical order, each with its evidence items.

    Every item carries `seq`, its index in Event.evidence, so the original evidence order (which
    may interleave articles) comes back exactly on load.
    """
    grouped: _Links = {}
    for doc_id in [*event.doc_ids, event.doc_id]:
        if doc_id:
            grouped.setdefault(doc_id, [])
    for seq, ev in enumerate(event.evidence):
        grouped.setdefault(ev.doc_id, []).append(
            {
                "doc_id": ev.doc_id,
                "field": ev.field,
                "start": ev.start,
                "end": ev.end,
                "text": ev.text,
                "seq": seq,
            }
        )
    return grouped


def _dumps(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def _build_event(row: Any, links: Sequence[tuple[str, str]]) -> Event:
    data: dict[str, Any] = {col: row[col] for col in EVENT_FIELD_COLUMNS}
    data["claim"] = Claim(status=row["claim_status"], by=row["claim_by"])
    data["doc_ids"] = [doc for doc, _ in links]
    items = [item for _, js in links for item in json.loads(js)]
    items.sort(key=lambda item: item.get("seq", 0))  # stable: ties keep article order
    data["evidence"] = [Evidence(**{k: v for k, v in item.items() if k != "seq"}) for item in items]
    return Event(**data)


def canonical(event: Event) -> Event:
    """The event exactly as `Store.events()` returns it after it was saved into an empty store."""
    links = _event_links(event)
    return _build_event(_event_row(event), [(doc, _dumps(items)) for doc, items in links.items()])


@dataclass
class _State:
    row: dict[str, Any]
    links: dict[str, tuple[int, str]]  # doc_id -> (position, evidence JSON)

    def next_seq(self) -> int:
        return 1 + max(
            (item.get("seq", 0) for _, js in self.links.values() for item in json.loads(js)), default=-1
        )


def _merge(current: _State | None, row: dict[str, Any], links: _Links) -> _State:
    """The stored state after `row`/`links` arrive on top of `current` (None: not stored yet)."""
    if current is None:
        return _State(row, {doc: (i, _dumps(items)) for i, (doc, items) in enumerate(links.items())})
    take = set(links) >= set(current.links)
    if take:
        # The incoming version was coded from every stored article (and maybe more): it replaces the
        # fields and the evidence; stored articles keep their positions.
        merged = {doc: (pos, _dumps(links[doc])) for doc, (pos, _) in current.links.items()}
        added = [doc for doc in links if doc not in merged]
        offset = 0
    else:
        # Coded from fewer articles: keep the stored fields, only add what is new (renumbering the
        # incoming evidence after the stored evidence).
        merged = dict(current.links)
        added = [doc for doc in links if doc not in merged or merged[doc][1] == "[]"]
        offset = current.next_seq()
    position = max((p for p, _ in merged.values()), default=-1) + 1
    for doc in added:
        items = [{**item, "seq": item["seq"] + offset} for item in links[doc]]
        if doc in merged:
            merged[doc] = (merged[doc][0], _dumps(items))
        else:
            merged[doc] = (position, _dumps(items))
            position += 1
    return _State(row if take else current.row, merged)


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "doc_id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "content_hash": article.content_hash,
        "n_chars": len(article.text),
        "origin": article.origin,
    }


def _chunks(keys: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(keys), _CHUNK):
        yield keys[i : i + _CHUNK]


# ---------------------------------------------------------------------------------------------


class Store:
    """One database. Thread-safe to share between request handlers (SQLAlchemy pools connections)."""

    def __init__(self, url: str = DEFAULT_URL) -> None:
        url = db_url(url)  # a bare path is accepted too
        self.url = url
        self.shown = _shown(url)
        try:
            parsed = make_url(url)
            kwargs: dict[str, Any] = {}
            self._sqlite = parsed.get_backend_name() == "sqlite"
            if self._sqlite:
                database = parsed.database or ""
                if database in ("", ":memory:") or database.startswith("file:"):
                    # One shared connection, or every checkout would see a different empty database.
                    kwargs["poolclass"] = StaticPool
                    kwargs["connect_args"] = {"check_same_thread": False}
                else:
                    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                    kwargs["connect_args"] = {"timeout": 60}
            self._engine: Engine = sa.create_engine(parsed, **kwargs)
        except Exception as exc:
            raise StoreError(_one_line(f"{self.shown}: cannot open the database", exc)) from exc
        if self._sqlite:
            _sqlite_setup(self._engine)
        self._ready = False

    # -- lifecycle ------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the schema to the newest migration (Alembic `upgrade head`)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        try:
            with self._write(lock_tables=False) as conn:  # the tables may not exist yet
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(_one_line(f"{self.shown}: migration failed", exc)) from exc
        self._ready = True

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, lock_tables: bool = True) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            if self._sqlite:
                conn.execution_options(sitrep_begin="BEGIN IMMEDIATE")
            with conn.begin():
                if lock_tables:
                    self._check_ready(conn)
                if lock_tables and self._engine.dialect.name == "postgresql":
                    # One writer at a time (readers unaffected): the select-then-insert below needs it.
                    conn.exec_driver_sql(
                        "LOCK TABLE articles, events, event_articles IN SHARE ROW EXCLUSIVE MODE"
                    )
                yield conn

    def _check_ready(self, conn: Connection) -> None:
        if self._ready:
            return
        if not sa.inspect(conn).has_table("event_articles"):
            raise StoreError(f"database {self.url} has no sitrep tables yet: run Store.migrate() first")
        self._ready = True

    # -- writing --------------------------------------------------------------------------------

    def save(self, articles: Sequence[Article], events: Sequence[Event]) -> SaveStats:
        """Store a batch in one transaction; on any error nothing is written and StoreError is raised."""
        try:
            with self._write() as conn:
                stats = SaveStats()
                self._save_articles(conn, articles, stats)
                self._save_events(conn, events, stats)
                return stats
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(_one_line("save failed, nothing was written", exc)) from exc

    def _save_articles(self, conn: Connection, articles: Sequence[Article], stats: SaveStats) -> None:
        incoming = {a.id: _article_row(a) for a in articles}  # last one wins for a repeated id
        if not incoming:
            return
        t = articles_table
        stored: dict[str, dict[str, Any]] = {}
        for keys in _chunks(list(incoming)):
            for r in conn.execute(sa.select(t).where(t.c.doc_id.in_(keys))).mappings():
                stored[r["doc_id"]] = dict(r)
        inserts, updates = [], []
        for doc_id, row in incoming.items():
            old = stored.get(doc_id)
            if old is None:
                inserts.append(row)
                stats.articles_new += 1
                continue
            if old["content_hash"] != row["content_hash"]:
                stats.articles_new += 1
            else:
                stats.articles_seen += 1
            if old != row:
                updates.append({**row, "key_doc_id": doc_id})
        if inserts:
            conn.execute(sa.insert(t), inserts)
        if updates:
            conn.execute(sa.update(t).where(t.c.doc_id == sa.bindparam("key_doc_id")), updates)

    def _load_states(self, conn: Connection, event_ids: Sequence[str]) -> dict[str, _State]:
        states: dict[str, _State] = {}
        e, link = events_table, links_table
        for keys in _chunks(event_ids):
            for r in conn.execute(sa.select(e).where(e.c.event_id.in_(keys))).mappings():
                states[r["event_id"]] = _State(dict(r), {})
            query = sa.select(link).where(link.c.event_id.in_(keys))
            for r in conn.execute(query).mappings():
                states[r["event_id"]].links[r["doc_id"]] = (r["position"], r["evidence"])
        return states

    def _save_events(self, conn: Connection, events: Sequence[Event], stats: SaveStats) -> None:
        if not events:
            return
        prepared = [(_event_row(ev), _event_links(ev)) for ev in events]
        stored = self._load_states(conn, list(dict.fromkeys(row["event_id"] for row, _ in prepared)))
        final: dict[str, _State] = {}
        for row, links in prepared:
            eid = row["event_id"]
            final[eid] = _merge(final.get(eid, stored.get(eid)), row, links)

        ev_inserts, ev_updates, link_inserts, link_updates = [], [], [], []
        for eid, state in final.items():
            old = stored.get(eid)
            if old is None:
                stats.events_new += 1
                ev_inserts.append(state.row)
            elif state.row != old.row:
                ev_updates.append({**state.row, "key_event_id": eid})
            changed = old is None or state.row != old.row
            for doc, (position, js) in state.links.items():
                link_row = {"event_id": eid, "doc_id": doc, "position": position, "evidence": js}
                before = old.links.get(doc) if old else None
                if before is None:
                    link_inserts.append(link_row)
                    stats.links_new += 1
                    changed = True
                elif before != (position, js):
                    link_updates.append({**link_row, "key_event_id": eid, "key_doc_id": doc})
                    changed = True
            if old is not None and changed:
                stats.events_updated += 1

        e, link = events_table, links_table
        if ev_inserts:
            conn.execute(sa.insert(e), ev_inserts)
        if ev_updates:
            conn.execute(sa.update(e).where(e.c.event_id == sa.bindparam("key_event_id")), ev_updates)
        if link_inserts:
            conn.execute(sa.insert(link), link_inserts)
        if link_updates:
            where = sa.and_(
                link.c.event_id == sa.bindparam("key_event_id"), link.c.doc_id == sa.bindparam("key_doc_id")
            )
            conn.execute(sa.update(link).where(where), link_updates)

    # -- reading --------------------------------------------------------------------------------

    def events(
        self,
        *,
        event_ids: Iterable[str] | None = None,
        doc_id: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Stored events as model.Event, by date then id (undated last). Filters are all optional."""
        return list(
            self.iter_events(
                event_ids=event_ids, doc_id=doc_id, country=country, admin1=admin1, event_type=event_type,
                since=since, until=until, limit=limit, offset=offset,
            )
        )  # fmt: skip

    def iter_events(
        self,
        *,
        event_ids: Iterable[str] | None = None,
        doc_id: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[Event]:
        """Like `events()`, streamed in batches of `_CHUNK` (for exports of large stores).

        Holds one read connection open until the iterator is exhausted or closed.
        """
        e, link = events_table, links_table
        query = sa.select(e)
        if event_ids is not None:
            query = query.where(e.c.event_id.in_(list(event_ids)))
        if doc_id is not None:
            query = query.where(e.c.event_id.in_(sa.select(link.c.event_id).where(link.c.doc_id == doc_id)))
        for col, value in (("country", country), ("admin1", admin1), ("event_type", event_type)):
            if value is not None:
                query = query.where(e.c[col] == value)
        if since is not None:
            query = query.where(e.c.event_date >= since)
        if until is not None:
            query = query.where(e.c.event_date <= until)
        query = query.order_by(e.c.event_date.is_(None), e.c.event_date, e.c.event_id)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        link_query = sa.select(link.c.event_id, link.c.doc_id, link.c.evidence).order_by(
            link.c.event_id, link.c.position
        )
        try:
            with self._engine.connect() as conn:
                self._check_ready(conn)
                result = conn.execution_options(yield_per=_CHUNK).execute(query).mappings()
                for rows in result.partitions():
                    links: dict[str, list[tuple[str, str]]] = {r["event_id"]: [] for r in rows}
                    for eid, doc, js in conn.execute(link_query.where(link.c.event_id.in_(list(links)))):
                        links[eid].append((doc, js))
                    yield from (_build_event(r, links[r["event_id"]]) for r in rows)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(_one_line("cannot read events", exc)) from exc

    def articles(self) -> list[dict[str, Any]]:
        """Stored article metadata (no text), by doc_id; `published` is a datetime.date or None."""
        try:
            with self._engine.connect() as conn:
                self._check_ready(conn)
                query = sa.select(articles_table).order_by(articles_table.c.doc_id)
                return [dict(r) for r in conn.execute(query).mappings()]
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(_one_line("cannot read articles", exc)) from exc

    def existing_event_ids(self, event_ids: Iterable[str]) -> set[str]:
        """Which of these event ids are already stored (asked in chunks, for any number of ids)."""
        wanted = sorted(set(event_ids))
        try:
            with self._engine.connect() as conn:
                self._check_ready(conn)
                found: set[str] = set()
                for chunk in _chunks(wanted):
                    query = sa.select(events_table.c.event_id).where(events_table.c.event_id.in_(chunk))
                    found.update(conn.execute(query).scalars())
                return found
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(_one_line("cannot read event ids", exc)) from exc

    def counts(self) -> dict[str, int]:
        """Row counts per table, for summaries."""
        try:
            with self._engine.connect() as conn:
                self._check_ready(conn)
                return {
                    t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in (articles_table, events_table, links_table)
                }
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(_one_line("cannot count rows", exc)) from exc


def _sqlite_setup(engine: Engine) -> None:
    """Foreign keys on, WAL journal, and writers take the write lock up front (BEGIN IMMEDIATE).

    pysqlite's own transaction handling defers BEGIN and never takes the lock early, so two
    concurrent savers could both read, then fail to upgrade; we emit BEGIN ourselves instead.
    WAL lets the API read (even a long export stream) while the poller writes.
    """

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")  # answers "memory" for in-memory databases
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sitrep_begin", "BEGIN"))
