"""The reference central service: the municipality's side of docs/central-api.md.

An ASGI application (FastAPI) over SQLAlchemy, SQLite by default and PostgreSQL by URL. It receives
transaction batches idempotently, reports counts for reconciliation, verifies a card's proof of possession,
signs issuer-channel authorisations and issues certificates from the training PKI. For development, tests,
training and small deployments; a municipality's own system implements the same contract.

``create_app(settings)`` (``kiosk.central.app``) builds the application; ``kiosk.central.server`` runs it
with uvicorn in the foreground (``kiosk central serve``) or in a background thread (tests, the demo).
"""
