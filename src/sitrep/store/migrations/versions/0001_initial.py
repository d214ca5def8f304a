"""Initial schema: articles, events, event_articles.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("doc_id", sa.String, primary_key=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("source", sa.String, nullable=True),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("n_chars", sa.Integer, nullable=False),
        sa.Column("origin", sa.Text, nullable=True),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])

    op.create_table(
        "events",
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
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_admin1", "events", ["admin1"])

    op.create_table(
        "event_articles",
        sa.Column(
            "event_id", sa.String, sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("doc_id", sa.String, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_index("ix_event_articles_doc_id", "event_articles", ["doc_id"])


def downgrade() -> None:
    op.drop_table("event_articles")
    op.drop_table("events")
    op.drop_table("articles")
