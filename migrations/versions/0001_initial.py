"""The first schema: transaction records, the outbox, sequence counters, the audit trail, sync state.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Timestamps are ISO 8601 text (kiosk.store.models.Timestamp); migrations spell out the stored type so that
# they never change when the models do.
Timestamp = sa.String(40)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transactions",
        sa.Column("key", sa.String(36), primary_key=True),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("failure_code", sa.String(64), nullable=True),
        sa.Column("occurred_at", Timestamp, nullable=False),
        sa.Column("local_date", sa.String(10), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("staff_id", sa.String(64), nullable=True),
        sa.Column("card_generation", sa.String(32), nullable=True),
        sa.Column("pin_kind", sa.String(32), nullable=True),
        sa.Column("certificates", sa.JSON(), nullable=False),
        sa.Column("subject_hmac_hex", sa.String(64), nullable=True),
        sa.Column("recorded_at", Timestamp, nullable=False),
        sa.UniqueConstraint("terminal_id", "sequence", name="uq_transactions_terminal_sequence"),
    )
    op.create_index("ix_transactions_site_local_date", "transactions", ["site", "local_date"])

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("transaction_key", sa.String(36), sa.ForeignKey("transactions.key"), nullable=False,
                  unique=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("enqueued_at", Timestamp, nullable=False),
        sa.Column("next_attempt_at", Timestamp, nullable=False),
        sa.Column("last_attempt_at", Timestamp, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", Timestamp, nullable=True),
        sa.Column("server_status", sa.String(16), nullable=True),
        sa.Column("rejected_at", Timestamp, nullable=True),
        sa.Column("rejected_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("state IN ('pending', 'delivered', 'rejected')", name="ck_outbox_state"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_state_due", "outbox", ["state", "next_attempt_at"])

    op.create_table(
        "sequence_counters",
        sa.Column("terminal_id", sa.String(64), primary_key=True),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
    )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("event", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(128), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )
    # Append-only: the application never updates or deletes an audit entry, so the database refuses to.
    op.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")
    op.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_audit_head_single_row"),
    )

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_success_at", Timestamp, nullable=True),
        sa.Column("last_error_at", Timestamp, nullable=True),
        sa.Column("last_error_code", sa.String(64), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("paused_at", Timestamp, nullable=True),
        sa.Column("paused_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("id = 1", name="ck_sync_state_single_row"),
    )


def downgrade() -> None:
    for table in ("sync_state", "audit_head", "audit_log", "sequence_counters", "outbox", "transactions"):
        op.drop_table(table)
