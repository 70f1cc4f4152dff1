"""The check screen's card read: kiosk.card against a bare pyscard script, on the same virtual reader.

Both sides read the same things from the same virtual card (``kiosk cardsim`` in its own process, on a vpcd
reader of the machine's pcscd): the JPKI token, the authentication certificate and the tries left of every PIN. The
bare side sends the minimal public sequence as fixed APDUs with pyscard's low-level API and parses
nothing; kiosk.card goes through its whole stack (connection, transport, sessions, parsing, status
mapping). Repetitions alternate between the sides so drift hits both alike.

Printed as JSON: APDU counts, medians of the card I/O time (time inside SCardTransmit) and of the whole
read (connect to disconnect, parsing included), and the ratios kiosk / bare. Targets (DESIGN.md 5): the
same APDU count, and a card I/O ratio under 1.2.

    .venv/bin/python benchmarks/card_read.py [--repetitions 300] [--profile valid]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from smartcard import scard  # noqa: E402 - after the path set-up above

from kiosk.card.check import read_card_status  # noqa: E402
from kiosk.card.pcsc import PcscService  # noqa: E402
from kiosk.card.transport import CardTransport, ExtendedLengthMemory  # noqa: E402
from kiosk.cardsim import pcscd as pcscd_control  # noqa: E402

JPKI = "D392F000260100000001"
CARD_INFO = "D3921000310001010408"
# The minimal public sequence for a current card, the certificate in one extended READ BINARY.
BARE_SEQUENCE = [bytes.fromhex(h) for h in (
    "00A4040C0A" + JPKI, "00A4020C020006", "00B0000020",
    "00A4020C02000A", "00B00000000000",
    "00A4020C020018", "00200080", "00A4020C02001B", "00200080",
    "00A4040C0A" + CARD_INFO, "00A4020C020011", "00200080",
)]


def bare_read(context: int, reader: str) -> tuple[float, float, int]:
    """One read with pyscard alone: (card I/O seconds, whole-read seconds, APDUs)."""
    started = time.perf_counter()
    hresult, handle, protocol = scard.SCardConnect(context, reader, scard.SCARD_SHARE_SHARED,
                                                   scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
    if hresult != scard.SCARD_S_SUCCESS:
        raise RuntimeError(f"connect: {scard.SCardGetErrorMessage(hresult)}")
    pci = scard.SCARD_PCI_T1 if protocol == scard.SCARD_PROTOCOL_T1 else scard.SCARD_PCI_T0
    io = 0.0
    scard.SCardBeginTransaction(handle)
    for apdu in BARE_SEQUENCE:
        before = time.perf_counter()
        hresult, response = scard.SCardTransmit(handle, pci, list(apdu))
        io += time.perf_counter() - before
        if hresult != scard.SCARD_S_SUCCESS or len(response) < 2:
            raise RuntimeError("transmit failed")
    scard.SCardEndTransaction(handle, scard.SCARD_LEAVE_CARD)
    scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
    return io, time.perf_counter() - started, len(BARE_SEQUENCE)


def kiosk_read(service: PcscService, reader: str, memory: ExtendedLengthMemory) -> tuple[float, float, int]:
    """One read through kiosk.card: (card I/O seconds, whole-read seconds, APDUs)."""
    started = time.perf_counter()
    with service.connect(reader) as connection:
        status = read_card_status(CardTransport(connection, memory=memory))
    return status.io.seconds, time.perf_counter() - started, status.io.apdus


@contextlib.contextmanager
def virtual_card(profile: str, port: int) -> Iterator[None]:
    """``kiosk cardsim`` in its own process, as a real card is outside the terminal's process."""
    card = subprocess.Popen([sys.executable, "-m", "kiosk", "cardsim", "--profile", profile, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        yield
    finally:
        card.terminate()
        card.wait(timeout=10)


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 4)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repetitions", type=int, default=300)
    parser.add_argument("--profile", default="valid", help="a current-generation profile of kiosk cardsim")
    args = parser.parse_args()

    pcscd_control.start()
    with pcscd_control.restart_lock(exclusive=False), pcscd_control.lease_slot() as slot, \
            virtual_card(args.profile, slot.port):
        service = PcscService()
        memory = ExtendedLengthMemory()
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise RuntimeError("no PC/SC context")
        deadline = time.monotonic() + 30
        while True:  # until the card process runs and pcscd has noticed the card
            try:
                kiosk_read(service, slot.reader, memory)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        for _ in range(20):  # warm both paths
            kiosk_read(service, slot.reader, memory)
            bare_read(context, slot.reader)
        ours: list[tuple[float, float, int]] = []
        bare: list[tuple[float, float, int]] = []
        for _ in range(args.repetitions):
            ours.append(kiosk_read(service, slot.reader, memory))
            bare.append(bare_read(context, slot.reader))
        scard.SCardReleaseContext(context)
        service.release()
    ours_io, bare_io = median_ms([r[0] for r in ours]), median_ms([r[0] for r in bare])
    ours_wall, bare_wall = median_ms([r[1] for r in ours]), median_ms([r[1] for r in bare])
    ours_apdus, bare_apdus = ours[0][2], bare[0][2]
    result = {
        "benchmark": "card_read",
        "reader": slot.reader,
        "profile": args.profile,
        "repetitions": args.repetitions,
        "kiosk_card": {"apdus": ours_apdus, "card_io_ms_median": ours_io, "whole_read_ms_median": ours_wall},
        "bare_pyscard": {"apdus": bare_apdus, "card_io_ms_median": bare_io, "whole_read_ms_median": bare_wall},
        "ratio": {
            "apdus": round(ours_apdus / bare_apdus, 3),
            "card_io": round(ours_io / bare_io, 3),
            "whole_read": round(ours_wall / bare_wall, 3),
        },
        "target": {"apdus": 1.0, "card_io": 1.2},
    }
    result["target_met"] = ours_apdus == bare_apdus and result["ratio"]["card_io"] < 1.2  # type: ignore[index]
    print(json.dumps(result, indent=2))
    return 0 if result["target_met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
