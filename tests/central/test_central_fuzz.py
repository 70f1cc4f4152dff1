"""Fuzzing the service's whole request surface: every route, every field, with values of every type, size,
encoding, nesting and date form. Whatever arrives, the answer is never a 5xx, and a 4xx stores nothing.

Runs on SQLite and PostgreSQL. Hypothesis draws a fixed, seeded sample in CI (``KIOSK_FUZZ_EXAMPLES``
examples per backend, 150 by default); set ``KIOSK_FUZZ_EXAMPLES=2000`` for a long random run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from central_server import CentralHandle, transaction_wire
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.central import database
from kiosk.central.models import Challenge, IssuedAuthorisation, IssuedCertificate, Proof, StoredTransaction

EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "150"))
SEEDED = "KIOSK_FUZZ_EXAMPLES" not in os.environ  # CI: the same sample every run
STORED = (StoredTransaction, Challenge, Proof, IssuedAuthorisation, IssuedCertificate)
MARK = "@@FUZZ@@"

STAFF = {"staff_id": "S0012", "identity_checks": ["photo"]}
ROUTES: dict[str, dict[str, Any]] = {
    "/v1/transactions": {"transactions": [transaction_wire(sequence=1)]},
    "/v1/challenges": {"card_id_hex": "00" * 16},
    "/v1/challenges/{id}/proof": {"certificate": "MA==", "signature": "MA=="},
    "/v1/authorisations": {"operation": "reset_pin", "card_id_hex": "00" * 16, "card_challenge_hex": "00" * 8,
                           "aid_hex": "D392F000260100000001", "target_hex": "0018", "grounds": {"staff": STAFF}},
    "/v1/certificates": {"purpose": "auth", "public_key": "MA==", "card_id_hex": "00" * 16,
                         "birth_date": "1990-06-01", "card_expires_on": "2034-06-01", "card_generation": "current",
                         "staff": STAFF},
}


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``document`` a value can be replaced, the document itself included."""
    found = [prefix]
    if isinstance(document, dict):
        for name, value in document.items():
            found += _paths(value, (*prefix, name))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


HOSTILE_TEXT = ["", "\ud800", "\udfff\ud800", "\x00", "S\x00", "\u202eevil", "山田太郎 Yamada Taro", "𝟘𝟙",
                "x" * 70_000, "0" * 33, "ＡＢＣ", " S0012", "S0012\n", "NaN", "null", "2026-W48-1",
                "2026-327", "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+09:00", "2026-11-23",
                "2026-02-30", "2026-11-23T25:00:00+09:00", "+12026-11-23T10:00:00+09:00", "00" * 16, "zz" * 16,
                "card.removed", "current", "kiosk", "counter", "auth", "../../etc/passwd", "%00", "{}", "[]"]
# Raw JSON text for a value: what json.dumps cannot make (deep nesting, huge numbers, escapes).
RAW = ["[" * 100_000 + "]" * 100_000, '{"a":' * 5000 + "1" + "}" * 5000, "1e400", "-1e400", "-0",
       "123456789012345678901234567890123", "9223372036854775808", "-9223372036854775809", '"\\ud800"',
       '"\\u0000"', '"\\udbff\\udfff"', "true", "null", "0.1", "[" + ",".join(["1"] * 10_000) + "]",
       "[" + ",".join(['{"purpose":"auth"}'] * 10_000) + "]"]

# In a URL (path segment, query): what a client can send at all (httpx refuses URLs over 64 kB).
URL_TEXT = [text for text in HOSTILE_TEXT if len(text) < 1000] + ["y" * 4000]

json_scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
                | st.sampled_from(HOSTILE_TEXT))
json_values = st.recursive(json_scalars, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=8), children, max_size=4), max_leaves=10)
# Mostly the known-hostile values, the rest drawn freely.
raw_values = st.one_of(st.sampled_from(RAW), st.sampled_from(HOSTILE_TEXT).map(json.dumps),
                       json_values.map(json.dumps))


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    body: bytes | None
    content_type: str | None


def _place(document: Any, path: tuple[Any, ...], raw: str) -> str:
    if not path:
        return raw
    copy = json.loads(json.dumps(document))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = MARK
    return json.dumps(copy).replace(json.dumps(MARK), raw, 1)


def _segment(text: str) -> str:
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def requests(draw: st.DrawFn) -> Request:
    route = draw(st.sampled_from([*ROUTES, "/v1/transactions", "/v1/sites/{site}/counts"]))
    if route == "/v1/sites/{site}/counts":
        site = draw(st.sampled_from(["demo-site", "other-site"]) | st.sampled_from(URL_TEXT) | st.text(max_size=20))
        day = draw(st.sampled_from(["2026-11-23"]) | st.sampled_from(URL_TEXT) | st.text(max_size=20))
        return Request("GET", f"/v1/sites/{_segment(site) or 'x'}/counts?date={_segment(day)}", None, None)
    document = ROUTES[route]
    url = route.replace("{id}", _segment(draw(st.sampled_from(["0123"]) | st.sampled_from(URL_TEXT))) or "x")
    how = draw(st.sampled_from(["replace", "replace", "replace", "add", "drop", "raw_body"]))
    if how == "raw_body":
        text = draw(raw_values | st.text(max_size=50))
    elif how == "add":
        parent = draw(st.sampled_from([p for p in _paths(document) if isinstance(_at(document, p), dict)]))
        name = draw(st.text(max_size=12) | st.sampled_from(["pin", "my_number", "__proto__", "\ud800"]))
        holder = json.loads(json.dumps(document))
        _at(holder, parent)[name] = MARK
        text = json.dumps(holder).replace(json.dumps(MARK), draw(raw_values), 1)
    elif how == "drop":
        path = draw(st.sampled_from([p for p in _paths(document) if p and isinstance(p[-1], str)]))
        holder = json.loads(json.dumps(document))
        del _at(holder, path[:-1])[path[-1]]
        text = json.dumps(holder)
    else:
        text = _place(document, draw(st.sampled_from(_paths(document))), draw(raw_values))
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-16", "latin-1", "shift_jis"]))
    body = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    content_type = draw(st.sampled_from(["application/json"] * 6 + ["application/json; charset=utf-8",
                                                                     "text/plain", "application/x-www-form-urlencoded",
                                                                     None]))
    return Request("POST", url, body, content_type)


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@contextmanager
def _counter(database_url: str) -> Iterator[Any]:
    engine = database.engine_for(database_url)

    def counts() -> dict[str, int]:
        with Session(engine) as session:
            return {model.__tablename__: int(session.execute(select(func.count()).select_from(model)).scalar_one())
                    for model in STORED}

    try:
        yield counts
    finally:
        engine.dispose()


@settings(max_examples=EXAMPLES, derandomize=SEEDED, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(request=requests())
def test_no_request_gets_a_server_error_and_a_refused_one_stores_nothing(service: CentralHandle,
                                                                        request: Request) -> None:
    headers = {"Content-Type": request.content_type} if request.content_type else {}
    with _counter(service.database_url) as counts, service.client(headers=headers) as client:
        before = counts()
        answer = client.request(request.method, request.url, content=request.body)
        after = counts()
    case = f"{request.method} {request.url[:200]} {request.content_type} {(request.body or b'')[:200]!r}"
    assert answer.status_code < 500, f"{case}: {answer.status_code} {answer.text[:300]}"
    if answer.status_code >= 400:
        assert after == before, f"{case}: stored on a {answer.status_code}"
        body = answer.json()
        assert isinstance(body.get("error"), str) and isinstance(body.get("detail"), str), case
