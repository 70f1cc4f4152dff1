"""Running the central service with uvicorn: in the foreground (``kiosk central serve``) or in a background
thread of this process (tests, the demo, training), on a port chosen by the caller or by the system.

The background server binds its socket before it starts, so its address is known at once, and
``start_in_thread`` returns only after the lifespan finished (schema migrated, terminals registered):
the first request never races the start-up.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType

import uvicorn

from kiosk.central.app import create_app
from kiosk.central.settings import CentralSettings

READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
POLL_S = 0.01


class ServerDidNotStart(RuntimeError):
    pass


def _config(settings: CentralSettings, log_level: str, host: str, port: int) -> uvicorn.Config:
    if not settings.tls:
        config = uvicorn.Config(create_app(settings), host=host, port=port, log_level=log_level, access_log=False,
                                lifespan="on", timeout_graceful_shutdown=5)
        config.load()
        return config
    from kiosk.central.tls import PeerCertificateProtocol, server_context

    config = uvicorn.Config(create_app(settings), host=host, port=port, log_level=log_level, access_log=False,
                            lifespan="on", timeout_graceful_shutdown=5, http=PeerCertificateProtocol)
    # Loaded here so that our own context (client certificates asked, dates left to the application)
    # replaces the one uvicorn would build from file names.
    config.load()
    config.ssl = server_context(settings)
    return config


def serve(settings: CentralSettings, host: str, port: int, log_level: str = "info") -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM)."""
    uvicorn.Server(_config(settings, log_level, host, port)).run()


@dataclass
class RunningServer:
    host: str
    port: int
    scheme: str
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT_S)
        if self._thread.is_alive():
            raise RuntimeError("the central service did not stop")

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def start_in_thread(settings: CentralSettings, host: str = "127.0.0.1", port: int = 0,
                    log_level: str = "warning") -> RunningServer:
    """Start the service in a daemon thread; port 0 lets the system choose a free one."""
    # IPPROTO_TCP named explicitly: asyncio sets TCP_NODELAY only on sockets that say so, and without it
    # every response (headers and body are two writes) waits out the client's delayed ACK, about 40 ms.
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM,
                             socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    bound_port = listener.getsockname()[1]
    server = uvicorn.Server(_config(settings, log_level, host, bound_port))
    exit_codes: list[object] = []

    def run() -> None:
        try:
            server.run(sockets=[listener])
        except SystemExit as exc:  # uvicorn's answer to a failed lifespan start-up
            exit_codes.append(exc.code)

    thread = threading.Thread(target=run, name="central-service", daemon=True)
    thread.start()
    # uvicorn sets ``started`` once the lifespan completed and the socket listens; a failed start-up ends
    # the thread instead.
    for _ in range(int(READY_TIMEOUT_S / POLL_S)):
        if server.started:
            return RunningServer(host, bound_port, "https" if settings.tls else "http", server, thread)
        if not thread.is_alive():
            break
        time.sleep(POLL_S)
    server.should_exit = True
    thread.join(STOP_TIMEOUT_S)
    listener.close()
    raise ServerDidNotStart(f"the central service did not start (exit {exit_codes or 'none'}; see its log)")
