"""A real HTTP proxy on loopback that injects faults between the terminal and the real central service.

Each ``POST /v1/transactions`` takes the next scripted fault (pass-through when none is left). Faults that
act *after* the upstream answered (``garbage_after``, ``drop_after``, ``slow_after``) are the hard cases:
the service has stored the batch, but the terminal never sees the acknowledgement. ``go_down`` closes the
listening socket (connections are refused, as with a service that is not running) and ``come_up`` opens it
again on the same port. With ``ssl_context`` it terminates TLS, to test CA bundles and client certificates.

Every connection carries one exchange (``Connection: close``), which keeps the framing trivial.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

FAULT_KINDS = ("pass", "status_500", "status_503", "rate_limited", "garbage", "garbage_after", "drop_after",
               "slow_after", "reject")


@dataclass(frozen=True)
class Fault:
    kind: str
    retry_after: str | None = None  # rate_limited, status_503
    delay_s: float = 0.0  # slow_after
    index: int = 0  # reject: the record of the batch to refuse
    reason: str = "refused by the fault proxy"

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(self.kind)


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    fault: str
    upstream_status: int | None  # None when the request never reached the service
    request_keys: tuple[str, ...] = ()


@dataclass
class FaultProxy:
    upstream_host: str
    upstream_port: int
    ssl_context: ssl.SSLContext | None = None
    host: str = "127.0.0.1"
    port: int = 0
    exchanges: list[Exchange] = field(default_factory=list)
    _faults: deque[Fault] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _loop: asyncio.AbstractEventLoop | None = None
    _server: asyncio.Server | None = None
    _thread: threading.Thread | None = None
    _handlers: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def base_url(self) -> str:
        return f"{'https' if self.ssl_context else 'http'}://{self.host}:{self.port}"

    # --- control, from the test's thread ----------------------------------------------------------------

    def script(self, *faults: Fault) -> None:
        with self._lock:
            self._faults.extend(faults)

    def scripted_left(self) -> int:
        with self._lock:
            return len(self._faults)

    def faults_seen(self) -> list[str]:
        with self._lock:
            return [e.fault for e in self.exchanges]

    def start(self) -> FaultProxy:
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self._listen())
            ready.set()
            self._loop.run_forever()
            self._loop.close()

        self._thread = threading.Thread(target=run, name="fault-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fault proxy did not start")
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def go_down(self) -> None:
        """Refuse connections from now on."""
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(10)

    def come_up(self) -> None:
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self._listen(), self._loop).result(10)

    # --- the proxy, in its own loop -----------------------------------------------------------------------

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port, ssl=self.ssl_context,
                                                  reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _shutdown(self) -> None:
        await self._close()
        handlers = [task for task in self._handlers if task is not asyncio.current_task()]
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)

    def _next_fault(self, method: str, path: str) -> Fault:
        if method != "POST" or path != "/v1/transactions":
            return Fault("pass")
        with self._lock:
            return self._faults.popleft() if self._faults else Fault("pass")

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        task.add_done_callback(self._handlers.discard)
        try:
            request = await _read_request(reader)
            if request is None:
                return
            method, path, headers, body = request
            fault = self._next_fault(method, path)
            keys = _keys_of(body)
            if fault.kind in ("status_500", "status_503", "rate_limited", "garbage", "reject"):
                self._remember(Exchange(method, path, fault.kind, None, keys))
                writer.write(_local_answer(fault, len(keys)))
                await writer.drain()
                return
            status, answer = await self._forward(method, path, headers, body)
            self._remember(Exchange(method, path, fault.kind, status, keys))
            if fault.kind == "garbage_after":
                answer = _response(200, b'{"results": [{"key": "', "application/json")
            elif fault.kind == "drop_after":
                writer.write(answer[: max(1, len(answer) // 2)])  # headers, perhaps a little body, then nothing
                await writer.drain()
                return
            elif fault.kind == "slow_after":
                await asyncio.sleep(fault.delay_s)
            writer.write(answer)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass  # the terminal hung up (a timeout on its side) or failed the TLS handshake
        finally:
            writer.close()
            with suppress(ConnectionError, ssl.SSLError):
                await writer.wait_closed()

    def _remember(self, exchange: Exchange) -> None:
        with self._lock:
            self.exchanges.append(exchange)

    async def _forward(self, method: str, path: str, headers: list[tuple[str, str]],
                       body: bytes) -> tuple[int, bytes]:
        upstream_reader, upstream_writer = await asyncio.open_connection(self.upstream_host, self.upstream_port)
        try:
            lines = [f"{method} {path} HTTP/1.1"]
            lines += [f"{name}: {value}" for name, value in headers
                      if name.lower() not in ("connection", "host", "content-length")]
            lines += [f"Host: {self.upstream_host}:{self.upstream_port}", f"Content-Length: {len(body)}",
                      "Connection: close"]
            upstream_writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
            await upstream_writer.drain()
            answer = await upstream_reader.read()  # to EOF: the service closes after its answer
        finally:
            upstream_writer.close()
        status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
        return status, answer


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, str, list[tuple[str, str]], bytes] | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, target, _ = request_line.split(" ", 2)
    headers = [tuple(line.split(":", 1)) for line in header_lines if ":" in line]
    pairs = [(name.strip(), value.strip()) for name, value in headers]
    length = next((int(v) for n, v in pairs if n.lower() == "content-length"), 0)
    body = await reader.readexactly(length) if length else b""
    return method, target.split("?")[0] if method == "POST" else target, pairs, body


def _keys_of(body: bytes) -> tuple[str, ...]:
    try:
        return tuple(t["key"] for t in json.loads(body)["transactions"])
    except (ValueError, KeyError, TypeError):
        return ()


def _response(status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> bytes:
    reasons = {200: "OK", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error",
               503: "Service Unavailable"}
    lines = [f"HTTP/1.1 {status} {reasons.get(status, 'Status')}", f"Content-Type: {content_type}",
             f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (extra or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _local_answer(fault: Fault, records: int) -> bytes:
    extra = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
    if fault.kind == "status_500":
        return _response(500, b"<html>Internal Server Error</html>", "text/html")
    if fault.kind == "status_503":
        return _response(503, json.dumps({"error": "unavailable", "detail": "maintenance"}).encode(),
                         "application/json", extra)
    if fault.kind == "rate_limited":
        return _response(429, json.dumps({"error": "rate_limited", "detail": "slow down"}).encode(),
                         "application/json", extra)
    if fault.kind == "garbage":
        return _response(200, b"\x89PNG\r\n\x1a\n not json at all", "application/json")
    document: dict[str, Any] = {"error": "invalid_transactions", "detail": "injected",
                                "rejected": [{"index": fault.index, "key": None, "reason": fault.reason}]}
    if fault.index >= records:
        document["rejected"] = []
    return _response(422, json.dumps(document).encode(), "application/json")


@contextmanager
def fault_proxy(upstream_base_url: str, ssl_context: ssl.SSLContext | None = None) -> Iterator[FaultProxy]:
    host, port = upstream_base_url.removeprefix("http://").split(":")
    proxy = FaultProxy(host, int(port), ssl_context=ssl_context).start()
    try:
        yield proxy
    finally:
        proxy.stop()


class EveryRequestProxy(FaultProxy):
    """The sync suite's fault proxy, taking its scripted faults on every request (not only batches)."""

    def _next_fault(self, method: str, path: str) -> Fault:
        with self._lock:
            return self._faults.popleft() if self._faults else Fault("pass")
