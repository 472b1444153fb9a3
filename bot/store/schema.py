"""The tables, as SQLAlchemy Core metadata: what the stores read and write.

The migrations in bot/store/migrations/versions/ create exactly these; a test
compares the two, so a change here without a migration fails.

Times are stored as UTC: `received_at`/`updated_at`/`lease_until` of an event as
epoch seconds (the lease arithmetic is plain numbers), the question log's times
as UTC datetimes, which read well in a report or a SQL console.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Which Slack events have been answered (bot/store/events.py has the life cycle).
slack_events = Table(
    "slack_events",
    metadata,
    Column("event_id", String(255), primary_key=True),  # unique: one claim per event
    Column("payload", Text, nullable=False),
    Column("state", String(16), nullable=False),  # pending | done | failed
    Column("owner", String(64)),
    Column("lease_until", Float, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("posting", Integer, nullable=False, server_default="0"),
    Column("received_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Index("slack_events_by_state", "state", "lease_until"),
)

# Every question asked in Slack and what the bot understood (bot/store/question_log.py).
questions = Table(
    "questions",
    metadata,
    Column("id", String(40), primary_key=True),  # time-ordered (bot/slack/record.py)
    Column("asked_at", DateTime, nullable=False),  # UTC
    Column("source", String(16), nullable=False),  # command|mention|dm|button|cli|console
    Column("team_id", String(32)),
    Column("channel_id", String(32)),  # never a DM's channel
    Column("asker", String(64)),  # HMAC of the Slack user id, never the id itself
    Column("text", Text),  # None when the privacy mode drops it
    Column("normalised", Text),  # the text as the router reads it, for grouping
    Column("role", String(255)),
    Column("topic", String(255)),
    Column("other_role", String(255)),
    Column("confidence", Float),
    Column("answered", Boolean, nullable=False),
    Column("outcome", String(16), nullable=False),  # answered | declined | unknown_role | chat
    Column("corrections", Text),  # JSON: [[typed, understood], ...]
    Column("duration_ms", Float),
    # One index: the report reads a period by time. Each more index (and ids in random
    # order) multiplied the cost of logging a question (bench/question_log.py).
    Index("questions_by_time", "asked_at"),
)

# One vote per person per answer; voting again changes it.
feedback = Table(
    "feedback",
    metadata,
    Column("question_id", String(40), primary_key=True),
    Column("voter", String(64), primary_key=True),  # HMAC, as questions.asker
    Column("vote", SmallInteger, nullable=False),  # +1 helpful, -1 not helpful
    Column("voted_at", DateTime, nullable=False),  # UTC
)
