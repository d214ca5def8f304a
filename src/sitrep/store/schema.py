"""The store's tables as SQLAlchemy Core metadata (dialect-generic: SQLite and PostgreSQL).

This is what the queries in `sitrep.store` are written against. The migrations in `migrations/versions`
create the same tables by hand; `tests/test_store.py` checks the two never drift apart.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("doc_id", sa.String, primary_key=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("source", sa.String, nullable=True),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("n_chars", sa.Integer, nullable=False),
    sa.Column("origin", sa.Text, nullable=True),
    sa.Index("ix_articles_content_hash", "content_hash"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String, primary_key=True),
    sa.Column("event_date", sa.Date, nullable=True),
    sa.Column("time_precision", sa.Integer, nullable=False),
    sa.Column("disorder_type", sa.String, nullable=False),
    sa.Column("event_type", sa.String, nullable=False),
    sa.Column("sub_event_type", sa.String, nullable=False),
    sa.Column("actor1", sa.String, nullable=False),
    sa.Column("assoc_actor_1", sa.String, nullable=False),
    sa.Column("inter1", sa.Integer, nullable=False),
    sa.Column("actor2", sa.String, nullable=False),
    sa.Column("assoc_actor_2", sa.String, nullable=False),
    sa.Column("inter2", sa.Integer, nullable=False),
    sa.Column("interaction", sa.Integer, nullable=False),
    sa.Column("civilian_targeting", sa.String, nullable=False),
    sa.Column("iso", sa.Integer, nullable=True),
    sa.Column("region", sa.String, nullable=True),
    sa.Column("country", sa.String, nullable=True),
    sa.Column("admin1", sa.String, nullable=True),
    sa.Column("admin2", sa.String, nullable=True),
    sa.Column("admin3", sa.String, nullable=True),
    sa.Column("location", sa.String, nullable=True),
    sa.Column("latitude", sa.Float, nullable=True),
    sa.Column("longitude", sa.Float, nullable=True),
    sa.Column("geo_precision", sa.Integer, nullable=True),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("source_scale", sa.String, nullable=True),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("fatalities", sa.Integer, nullable=False),
    sa.Column("iso3", sa.String(3), nullable=True),
    # sitrep's additions; doc_id is the article the event was first coded from (Event.doc_id).
    sa.Column("doc_id", sa.String, nullable=False),
    sa.Column("injuries", sa.Integer, nullable=False),
    sa.Column("fatalities_low", sa.Integer, nullable=True),
    sa.Column("fatalities_high", sa.Integer, nullable=True),
    sa.Column("claim_status", sa.String(16), nullable=False),
    sa.Column("claim_by", sa.Text, nullable=True),
    sa.Column("cameo_code", sa.String, nullable=True),
    sa.Column("plover_event", sa.String, nullable=True),
    sa.Column("plover_mode", sa.String, nullable=True),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Index("ix_events_event_date", "event_date"),
    sa.Index("ix_events_country", "country"),
    sa.Index("ix_events_admin1", "admin1"),
)

# One row per (event, article that reports it). `position` keeps Event.doc_ids in the order they came;
# `evidence` is the JSON list of that article's Evidence records for the event.
event_articles = sa.Table(
    "event_articles",
    metadata,
    sa.Column("event_id", sa.String, sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("doc_id", sa.String, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Index("ix_event_articles_doc_id", "doc_id"),
)

# Event columns stored one-to-one under the Event field of the same name.
EVENT_FIELD_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in events.columns if c.name not in ("claim_status", "claim_by")
)
