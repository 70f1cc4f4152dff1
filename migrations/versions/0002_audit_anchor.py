"""The audit anchor: the audit head the central service last acknowledged, kept in the sync state.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("anchored_entry", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("anchored_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("anchored_hash")
        batch.drop_column("anchored_entry")
