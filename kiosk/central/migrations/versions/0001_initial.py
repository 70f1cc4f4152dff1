"""The central service's first schema: terminals, transactions, challenges, proofs, authorisations, certificates.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _moment(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _terminal_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["terminal_id"], ["terminals.terminal_id"],
                                   name=f"fk_{table}_terminal_id_terminals")


def upgrade() -> None:
    op.create_table(
        "terminals",
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        _moment("registered_at"),
        sa.PrimaryKeyConstraint("terminal_id", name="pk_terminals"),
    )
    op.create_index("ix_terminals_site", "terminals", ["site"])

    op.create_table(
        "terminal_tokens",
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        _moment("created_at"),
        _terminal_fk("terminal_tokens"),
        sa.PrimaryKeyConstraint("token_sha256", name="pk_terminal_tokens"),
    )
    op.create_index("ix_terminal_tokens_terminal_id", "terminal_tokens", ["terminal_id"])

    op.create_table(
        "transactions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(36), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("failure_code", sa.String(), nullable=True),
        _moment("occurred_at"),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("staff_id", sa.String(), nullable=True),
        sa.Column("card_generation", sa.String(), nullable=True),
        sa.Column("pin_kind", sa.String(32), nullable=True),
        sa.Column("certificates", sa.JSON(), nullable=False),
        sa.Column("subject_hmac_hex", sa.String(64), nullable=True),
        _moment("received_at"),
        _terminal_fk("transactions"),
        sa.PrimaryKeyConstraint("id", name="pk_transactions"),
        sa.UniqueConstraint("key", name="uq_transactions_key"),
        sa.UniqueConstraint("terminal_id", "sequence", name="uq_transactions_terminal_sequence"),
    )
    op.create_index("ix_transactions_site_local_date", "transactions", ["site", "local_date"])

    op.create_table(
        "challenges",
        sa.Column("challenge_id", sa.String(32), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("card_id_hex", sa.String(32), nullable=False),
        sa.Column("nonce", sa.LargeBinary(32), nullable=False),
        _moment("created_at"),
        _moment("expires_at"),
        _moment("used_at", nullable=True),
        _terminal_fk("challenges"),
        sa.PrimaryKeyConstraint("challenge_id", name="pk_challenges"),
    )

    op.create_table(
        "proofs",
        sa.Column("proof_id", sa.String(32), nullable=False),
        sa.Column("challenge_id", sa.String(32), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("card_id_hex", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(8), nullable=False),
        sa.Column("certificate_serial_hex", sa.String(64), nullable=False),
        _moment("created_at"),
        _moment("expires_at"),
        _moment("used_at", nullable=True),
        sa.ForeignKeyConstraint(["challenge_id"], ["challenges.challenge_id"],
                                name="fk_proofs_challenge_id_challenges"),
        _terminal_fk("proofs"),
        sa.PrimaryKeyConstraint("proof_id", name="pk_proofs"),
        sa.UniqueConstraint("challenge_id", name="uq_proofs_challenge_id"),
    )

    op.create_table(
        "authorisations",
        sa.Column("authorisation_id_hex", sa.String(32), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("operation", sa.String(32), nullable=False),
        sa.Column("aid_hex", sa.String(32), nullable=False),
        sa.Column("target_hex", sa.String(4), nullable=False),
        sa.Column("proof_id", sa.String(32), nullable=True),
        sa.Column("staff_id", sa.String(), nullable=True),
        sa.Column("identity_checks", sa.JSON(), nullable=True),
        sa.Column("certificate_sha256_hex", sa.String(64), nullable=True),
        _moment("issued_at"),
        sa.ForeignKeyConstraint(["proof_id"], ["proofs.proof_id"], name="fk_authorisations_proof_id_proofs"),
        _terminal_fk("authorisations"),
        sa.PrimaryKeyConstraint("authorisation_id_hex", name="pk_authorisations"),
        sa.UniqueConstraint("proof_id", name="uq_authorisations_proof_id"),
    )

    op.create_table(
        "certificates",
        sa.Column("serial_hex", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(8), nullable=False),
        sa.Column("authority_generation", sa.String(16), nullable=False),
        _moment("not_before"),
        _moment("not_after"),
        sa.Column("renewed_in_window", sa.Boolean(), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("staff_id", sa.String(), nullable=False),
        _moment("issued_at"),
        _terminal_fk("certificates"),
        sa.PrimaryKeyConstraint("serial_hex", name="pk_certificates"),
    )


def downgrade() -> None:
    for table in ("certificates", "authorisations", "proofs", "challenges", "transactions", "terminal_tokens",
                  "terminals"):
        op.drop_table(table)
