"""JSON as RFC 8259 has it: UTF-8 text without NaN or Infinity (which Python's json module would accept).

``StrictJsonRoute`` makes FastAPI read request bodies this way; the transaction intake, which reads its
body itself, uses ``loads`` directly. Anything else is a JSON decode error, hence ``400 malformed``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute


def _no_constants(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def loads(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise json.JSONDecodeError("the body is not UTF-8", "", exc.start) from exc
    try:
        return json.loads(text, parse_constant=_no_constants)
    except RecursionError as exc:  # nesting deeper than the parser's stack: not a document we take
        raise json.JSONDecodeError("the body is nested too deeply", "", 0) from exc


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = loads(await self.body())
        return self._json


class StrictJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict_handler
