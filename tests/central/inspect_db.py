"""Reading the service's database behind its back, to check what a request stored (or did not)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.central import database
from kiosk.central.models import Base


def row_count(database_url: str, model: type[Base]) -> int:
    engine = database.engine_for(database_url)
    try:
        with Session(engine) as session:
            return int(session.execute(select(func.count()).select_from(model)).scalar_one())
    finally:
        engine.dispose()
