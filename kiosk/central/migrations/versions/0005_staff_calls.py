"""Staff calls: a resident at a kiosk asks for help, the site's counters show it until one answers.

Revision ID: 0005_staff_calls
Revises: 0004_reports
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_staff_calls"
down_revision = "0004_reports"
branch_labels = None
depends_on = None


def _moment(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "staff_calls",
        sa.Column("call_id", sa.String(32), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("screen", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        _moment("received_at"),
        _moment("answered_at", nullable=True),
        sa.Column("answered_by", sa.String(64), nullable=True),
        sa.Column("answered_staff", sa.String(64), nullable=True),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.terminal_id"],
                                name="fk_staff_calls_terminal_id_terminals"),
        sa.PrimaryKeyConstraint("call_id", name="pk_staff_calls"),
    )
    op.create_index("ix_staff_calls_site_received_at", "staff_calls", ["site", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_staff_calls_site_received_at", table_name="staff_calls")
    op.drop_table("staff_calls")
