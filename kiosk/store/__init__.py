"""The terminal's local database: transaction records, the outbox and the audit trail (SQLite).

Import what you need from the submodules: ``kiosk.store.database.open_store`` opens (and upgrades) the
database; ``kiosk.store.drafts.TransactionDraft`` is what a flow fills in to record a procedure. This
package module imports nothing, so importing the light ``drafts`` module does not pay for SQLAlchemy.

Nothing personal is stored, so nothing needs encrypting at rest: a record holds no PIN, no My Number, no
name, address or birth date, and the resident appears only as an HMAC of the auth certificate's subject
under the municipality's identifier key (DESIGN.md section 3).
"""
