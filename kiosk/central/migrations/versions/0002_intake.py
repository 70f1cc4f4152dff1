"""Intake hardening: sequence conflicts (records refused because their terminal lost its database and
numbered again), each terminal's audit anchor (the audit head sent with its last stored batch), and keys
unique per terminal (a key held by another site's terminal must not be revealed by a refusal).

Revision ID: 0002_intake
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_intake"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transactions") as batch:
        batch.drop_constraint("uq_transactions_key", type_="unique")
        batch.create_unique_constraint("uq_transactions_terminal_key", ["terminal_id", "key"])
    op.create_table(
        "sequence_conflicts",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(36), nullable=False),
        sa.Column("held_by", sa.String(36), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sequence_conflicts"),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.terminal_id"],
                                name="fk_sequence_conflicts_terminal_id_terminals"),
        sa.UniqueConstraint("terminal_id", "sequence", "key", name="uq_sequence_conflicts_terminal_sequence_key"),
    )
    op.create_index("ix_sequence_conflicts_site_local_date", "sequence_conflicts", ["site", "local_date"])
    op.create_table(
        "audit_anchors",
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("entry", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", name="pk_audit_anchors"),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.terminal_id"],
                                name="fk_audit_anchors_terminal_id_terminals"),
    )


def downgrade() -> None:
    with op.batch_alter_table("transactions") as batch:
        batch.drop_constraint("uq_transactions_terminal_key", type_="unique")
        batch.create_unique_constraint("uq_transactions_key", ["key"])
    op.drop_table("audit_anchors")
    op.drop_index("ix_sequence_conflicts_site_local_date", table_name="sequence_conflicts")
    op.drop_table("sequence_conflicts")
