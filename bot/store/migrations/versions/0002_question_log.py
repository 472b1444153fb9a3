"""The question log and 👍/👎 feedback.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("asked_at", sa.DateTime, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("team_id", sa.String(32)),
        sa.Column("channel_id", sa.String(32)),
        sa.Column("asker", sa.String(64)),
        sa.Column("text", sa.Text),
        sa.Column("normalised", sa.Text),
        sa.Column("role", sa.String(255)),
        sa.Column("topic", sa.String(255)),
        sa.Column("other_role", sa.String(255)),
        sa.Column("confidence", sa.Float),
        sa.Column("answered", sa.Boolean, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("corrections", sa.Text),
        sa.Column("duration_ms", sa.Float),
    )
    op.create_index("questions_by_time", "questions", ["asked_at"])
    op.create_table(
        "feedback",
        sa.Column("question_id", sa.String(40), primary_key=True),
        sa.Column("voter", sa.String(64), primary_key=True),
        sa.Column("vote", sa.SmallInteger, nullable=False),
        sa.Column("voted_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feedback")
    op.drop_index("questions_by_time", "questions")
    op.drop_table("questions")
