"""The office's report: an index holding the four columns the counts read, so that a site's date range is an
index-only scan (kiosk.central.reports; the plans measured by benchmarks/central_scale.py).

On a large live PostgreSQL table, build it first by hand with CREATE INDEX CONCURRENTLY under this name
(this migration then finds it): a plain CREATE INDEX blocks the intake while it runs.

Revision ID: 0004_reports
Revises: 0003_terminal_identity
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_reports"
down_revision = "0003_terminal_identity"
branch_labels = None
depends_on = None

INDEX = "ix_transactions_report_counts"


def upgrade() -> None:
    existing = {index["name"] for index in sa.inspect(op.get_bind()).get_indexes("transactions")}
    if INDEX not in existing:
        op.create_index(INDEX, "transactions", ["site", "local_date", "kind", "outcome"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="transactions")
