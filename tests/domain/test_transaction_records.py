"""Transaction records (kiosk.domain.transactions): the wire form and its rules, shared by terminal and service."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.domain.pins import PinKind
from kiosk.domain.transactions import (
    CertificateChange,
    InvalidTransaction,
    Mode,
    Outcome,
    TransactionKind,
    TransactionRecord,
    from_wire,
    new_key,
)


def _record(**changes: Any) -> TransactionRecord:
    fields: dict[str, Any] = {
        "key": new_key(), "terminal_id": "t-01", "site": "s", "sequence": 1, "kind": TransactionKind.CHECK,
        "outcome": Outcome.COMPLETED, "occurred_at": datetime(2026, 11, 23, 15, 30, tzinfo=UTC),
        "mode": Mode.KIOSK,
    }
    fields.update(changes)
    return TransactionRecord(**fields)


def test_round_trip_and_japan_date() -> None:
    record = _record(kind=TransactionKind.RENEWAL, mode=Mode.COUNTER, staff_id="S1",
                     certificates=(CertificateChange("auth", "0a1b", "0c2d"),))
    wire = record.to_wire()
    assert wire["local_date"] == "2026-11-24"  # 15:30 UTC is past midnight in Japan
    assert from_wire(wire) == record


@pytest.mark.parametrize("kind", [k.value for k in PinKind])
def test_every_pin_of_every_generation_can_be_recorded(kind: str) -> None:
    record = _record(kind=TransactionKind.PIN_CHANGE, pin_kind=kind)
    assert from_wire(record.to_wire()).pin_kind == kind


@pytest.mark.parametrize(("change", "reason"), [
    ({"pin_kind": "1234"}, "pin_kind"),
    ({"sequence": 0}, "sequence"),
    ({"outcome": Outcome.FAILED}, "failure_code"),
    ({"certificates": (CertificateChange("auth", None, "XYZ"),), "kind": TransactionKind.RENEWAL}, "hex"),
    ({"subject_hmac_hex": "ab"}, "subject_hmac_hex"),
])
def test_rule_breaking_records_are_refused_with_the_reason(change: dict[str, Any], reason: str) -> None:
    with pytest.raises(InvalidTransaction, match=reason):
        from_wire(_record(**change).to_wire())


def test_pin_kind_is_required_for_pin_procedures_and_refused_elsewhere() -> None:
    with pytest.raises(InvalidTransaction):
        from_wire(_record(kind=TransactionKind.PIN_RESET).to_wire())
    with pytest.raises(InvalidTransaction):
        from_wire(_record(pin_kind="auth").to_wire())


def test_a_local_date_that_is_not_the_japan_date_is_refused() -> None:
    wire = _record().to_wire()
    wire["local_date"] = "2026-11-23"
    with pytest.raises(InvalidTransaction, match="local_date"):
        from_wire(wire)
