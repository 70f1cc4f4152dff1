"""Training mode's real parts on this machine: pcscd with the project's virtual readers, a virtual card,
the reference central service on loopback, and a database of its own (training records never mix with a
terminal's real ones). Used by ``kiosk app --training`` and ``kiosk demo``."""

from __future__ import annotations

import socket
from contextlib import ExitStack, closing
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kiosk.config import Settings

if TYPE_CHECKING:
    from kiosk.cardsim.vpcd import VpcdLink

TRAINING_KIOSK = ("demo-kiosk-01", "demo-kiosk-token")  # public, like the demo counter's token


@dataclass
class TrainingTerminal:
    settings: Settings
    link: VpcdLink
    central_url: str


def port_free(host: str, port: int) -> bool:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def start_central(settings: Settings, stack: ExitStack) -> str:
    """The reference central service in this process, on the configured port if free; its base URL."""
    from kiosk.central.server import start_in_thread
    from kiosk.central.settings import CentralSettings, TerminalRegistration, default_database_url, demo_terminal
    from kiosk.domain.transactions import Mode

    wanted = urlsplit(settings.central_url)
    host = wanted.hostname or "127.0.0.1"
    port = wanted.port if wanted.port and port_free(host, wanted.port) else 0
    counter = demo_terminal()
    kiosk = TerminalRegistration(TRAINING_KIOSK[0], counter.site, Mode.KIOSK, TRAINING_KIOSK[1])
    server = start_in_thread(CentralSettings(database_url=default_database_url(), terminals=(counter, kiosk)),
                             host=host, port=port)
    stack.callback(server.stop)
    return server.base_url


def start_training(settings: Settings, stack: ExitStack, *, profile: str, mode: str,
                   inserted: bool = True) -> TrainingTerminal:
    from kiosk.cardsim import VirtualCard, pcscd
    from kiosk.cardsim.vpcd import VpcdLink

    handle = pcscd.start()
    stack.callback(handle.stop)
    slot = stack.enter_context(pcscd.lease_slot())
    central_url = start_central(settings, stack)
    settings = replace(settings, central_url=central_url, reader=slot.reader, mode=mode,
                       database_url=f"sqlite:///{settings.data_dir / 'training.sqlite3'}")
    if mode == "kiosk":
        settings = replace(settings, terminal_id=TRAINING_KIOSK[0], api_token=TRAINING_KIOSK[1])
    link = VpcdLink(VirtualCard.from_profile(profile), slot.port)
    stack.callback(link.remove)
    if inserted:
        link.insert()
    return TrainingTerminal(settings, link, central_url)
