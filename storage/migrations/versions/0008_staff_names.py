"""the names Telegram gives staff, so that admins can tell who is who

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('first_name', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('last_name', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('username', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('username')
        batch.drop_column('last_name')
        batch.drop_column('first_name')
