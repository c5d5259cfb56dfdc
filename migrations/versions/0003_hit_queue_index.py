"""an index for the review queue: hits newest first per status

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_hit_status_id", "hit", ["status", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_hit_status_id", table_name="hit")
