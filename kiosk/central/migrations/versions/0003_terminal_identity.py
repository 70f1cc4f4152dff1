"""Terminal identity: enrolment codes, terminal certificates, revocation of terminals and tokens.

Revision ID: 0003_terminal_identity
Revises: 0002_intake
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_terminal_identity"
down_revision = "0002_intake"
branch_labels = None
depends_on = None


def _moment(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("terminals") as batch:
        batch.add_column(_moment("revoked_at", nullable=True))
    with op.batch_alter_table("terminal_tokens") as batch:
        batch.add_column(_moment("revoked_at", nullable=True))

    op.create_table(
        "enrolment_codes",
        sa.Column("code_sha256", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        _moment("created_at"),
        _moment("expires_at"),
        _moment("used_at", nullable=True),
        sa.PrimaryKeyConstraint("code_sha256", name="pk_enrolment_codes"),
    )
    op.create_index("ix_enrolment_codes_terminal_id", "enrolment_codes", ["terminal_id"])

    op.create_table(
        "terminal_certificates",
        sa.Column("sha256_hex", sa.String(64), nullable=False),
        sa.Column("serial_hex", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        _moment("not_before"),
        _moment("not_after"),
        _moment("issued_at"),
        _moment("revoked_at", nullable=True),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.terminal_id"],
                                name="fk_terminal_certificates_terminal_id_terminals"),
        sa.PrimaryKeyConstraint("sha256_hex", name="pk_terminal_certificates"),
        sa.UniqueConstraint("serial_hex", name="uq_terminal_certificates_serial_hex"),
    )
    op.create_index("ix_terminal_certificates_terminal_id", "terminal_certificates", ["terminal_id"])


def downgrade() -> None:
    op.drop_index("ix_terminal_certificates_terminal_id", table_name="terminal_certificates")
    op.drop_table("terminal_certificates")
    op.drop_index("ix_enrolment_codes_terminal_id", table_name="enrolment_codes")
    op.drop_table("enrolment_codes")
    with op.batch_alter_table("terminal_tokens") as batch:
        batch.drop_column("revoked_at")
    with op.batch_alter_table("terminals") as batch:
        batch.drop_column("revoked_at")
