"""``kiosk diagnose``: everything a terminal needs, one check each, for a technician on site or remote support.

Readers and card (through the real PC/SC stack), the virtual reader's absence in production, the central
service (reachable, TLS, the client certificate's expiry, clock skew from its /v1/health time), the local
database (integrity, schema revision, outbox backlog and oldest pending age, rejected records), free disk,
Japanese fonts and the display. Each check is ok, warning or fault with the fix in one sentence; nothing
here changes anything (the database is read, never created or migrated).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.config import ENROL_COMMAND, Settings, demo_secrets_in_use
from kiosk.errors import AuthenticationFailed, KioskError
from kiosk.i18n import tr_noop
from kiosk.provision.checks import Check, State
from kiosk.provision.selftest import reader_checks

SKEW_WARNING = timedelta(seconds=30)
SKEW_FAULT = timedelta(minutes=5)  # TLS and certificate dates start to go wrong
BACKLOG_WARNING = timedelta(hours=1)
BACKLOG_FAULT = timedelta(days=1)
DISK_WARNING_BYTES = 1024**3
DISK_FAULT_BYTES = 200 * 1024**2
VIRTUAL_READER_MARKERS = ("Virtual PCD", "Kiosk Virtual Reader")
VPCD_CONFIGS = (Path("/etc/reader.conf.d/vpcd"),)

IDENTITY = tr_noop("diagnose", "Terminal identity")
VIRTUAL = tr_noop("diagnose", "Virtual card reader")
CENTRAL = tr_noop("diagnose", "Central service")
CERTIFICATE = tr_noop("diagnose", "Terminal certificate")
CLOCK = tr_noop("diagnose", "Clock")
DATABASE = tr_noop("diagnose", "Local database")
OUTBOX = tr_noop("diagnose", "Records waiting for the central service")
REJECTED = tr_noop("diagnose", "Records refused by the central service")
DISK = tr_noop("diagnose", "Free disk space")
FONTS = tr_noop("diagnose", "Japanese fonts")
DISPLAY = tr_noop("diagnose", "Display")


def _production(settings: Settings) -> bool:
    return settings.environment not in ("demo", "training")


def identity_check(settings: Settings) -> Check:
    used = demo_secrets_in_use(settings)
    if used and _production(settings):
        return Check("identity", IDENTITY, State.FAULT, f"{settings.environment} with the demo {', '.join(used)}",
                     tr_noop("diagnose", "Enrol the terminal: {command}"), {"command": ENROL_COMMAND})
    return Check("identity", IDENTITY, State.OK, f"{settings.terminal_id} at {settings.site} ({settings.mode}), "
                 f"{settings.environment}")


def virtual_reader_check(settings: Settings, readers_seen: str) -> Check:
    found = [m for m in VIRTUAL_READER_MARKERS if m in readers_seen]
    found += [str(p) for p in VPCD_CONFIGS if p.exists()]
    if not found:
        return Check("vpcd", VIRTUAL, State.OK, "absent")
    if not _production(settings):
        return Check("vpcd", VIRTUAL, State.OK, f"present ({', '.join(found)}): allowed in {settings.environment}")
    return Check("vpcd", VIRTUAL, State.FAULT, f"present in production: {', '.join(found)}", tr_noop(
        "diagnose", "Remove the virtual reader (apt-get remove vsmartcard-vpcd) and restart pcscd."))


def certificate_check(settings: Settings, now: datetime) -> Check | None:
    if not settings.central_url.startswith("https://"):
        state = State.FAULT if _production(settings) else State.OK
        return Check("certificate", CERTIFICATE, state, f"plain HTTP ({settings.environment}): no certificate",
                     tr_noop("diagnose", "Enrol the terminal: {command}") if state is State.FAULT else None,
                     {"command": ENROL_COMMAND})
    if settings.client_cert is None:
        return Check("certificate", CERTIFICATE, State.FAULT, "no client certificate configured",
                     tr_noop("diagnose", "Enrol the terminal: {command}"), {"command": ENROL_COMMAND})
    from kiosk.provision.identity import load_certificate, renewal_due

    try:
        certificate = load_certificate(settings.client_cert)
    except KioskError as exc:
        return Check("certificate", CERTIFICATE, State.FAULT, str(exc),
                     tr_noop("diagnose", "Enrol the terminal: {command}"), {"command": ENROL_COMMAND})
    until = certificate.not_valid_after_utc
    if now >= until:
        return Check("certificate", CERTIFICATE, State.FAULT, f"expired {until:%Y-%m-%d %H:%M} UTC",
                     tr_noop("diagnose", "Enrol the terminal again with a new code: {command}"),
                     {"command": ENROL_COMMAND})
    days = (until - now).days
    if renewal_due(certificate, now):
        return Check("certificate", CERTIFICATE, State.WARNING, f"valid until {until:%Y-%m-%d} ({days} days)",
                     tr_noop("diagnose", "Renew it now: kiosk provision renew (the daily timer should have)."))
    return Check("certificate", CERTIFICATE, State.OK, f"valid until {until:%Y-%m-%d} ({days} days)")


async def _health(settings: Settings) -> dict[str, object]:
    from kiosk.sync.client import CentralClient

    async with CentralClient.from_settings(settings) as client:
        return await client.health()


def central_checks(settings: Settings, now: Callable[[], datetime]) -> list[Check]:
    try:
        before = now()
        health = asyncio.run(_health(settings))
        after = now()
    except AuthenticationFailed as exc:
        return [Check("central", CENTRAL, State.FAULT, f"{settings.central_url}: {exc}", tr_noop(
            "diagnose", "The service does not accept this terminal: check the URL, then enrol again ({command})."),
            {"command": ENROL_COMMAND})]
    except KioskError as exc:
        return [Check("central", CENTRAL, State.FAULT, f"{settings.central_url}: {exc}", tr_noop(
            "diagnose", "Check the network cable and the central service's address in kiosk.toml "
            "(central_url); ask the central service's operator whether it is up."))]
    checks = [Check("central", CENTRAL, State.OK, f"{settings.central_url} (version {health.get('version')})")]
    try:
        service_time = datetime.fromisoformat(str(health["time"]))
    except (KeyError, ValueError):
        return checks
    midpoint = before + (after - before) / 2
    skew = service_time - midpoint
    detail = f"{skew.total_seconds():+.1f} s against the central service"
    fix = tr_noop("diagnose", "Set the clock from the network: timedatectl set-ntp true (or the site's NTP server).")
    if abs(skew) >= SKEW_FAULT:
        checks.append(Check("clock", CLOCK, State.FAULT, detail, fix))
    elif abs(skew) >= SKEW_WARNING:
        checks.append(Check("clock", CLOCK, State.WARNING, detail, fix))
    else:
        checks.append(Check("clock", CLOCK, State.OK, detail))
    return checks


def database_checks(settings: Settings, now: datetime) -> list[Check]:
    from sqlalchemy.engine import make_url

    from kiosk.store import outbox, schema
    from kiosk.store.sqlite import make_engine, sqlite_errors

    path = make_url(settings.database_url).database
    if not path or not Path(path).exists():
        return [Check("database", DATABASE, State.WARNING, f"{path}: not created yet",
                      tr_noop("diagnose", "Create it: kiosk db upgrade (the terminal also does it when it starts)."))]
    engine = make_engine(settings.database_url)
    try:
        problems = schema.check_integrity(engine)
        if problems:
            return [Check("database", DATABASE, State.FAULT, "; ".join(problems[:3]), tr_noop(
                "diagnose", "Stop the terminal, copy the data directory aside and call the support desk; "
                "do not delete the database (undelivered records are in it)."))]
        revision = schema.revision_of(engine)
        if revision != schema.HEAD_REVISION:
            return [Check("database", DATABASE, State.WARNING, f"schema {revision}, this version needs "
                          f"{schema.HEAD_REVISION}", tr_noop("diagnose", "Upgrade it: kiosk db upgrade."))]
        checks = [Check("database", DATABASE, State.OK, f"{path}: intact, schema {revision}")]
        with sqlite_errors(), engine.connect() as connection:
            status = outbox.status(connection)
    except KioskError as exc:
        return [Check("database", DATABASE, State.FAULT, f"{path}: {exc}", tr_noop(
            "diagnose", "Stop the terminal, copy the data directory aside and call the support desk; "
            "do not delete the database (undelivered records are in it)."))]
    finally:
        engine.dispose()
    age = now - status.oldest_pending_at if status.oldest_pending_at else timedelta()
    detail = f"{status.pending} pending" + (f", oldest {_age(age)}" if status.pending else "")
    if status.paused_at is not None:
        detail += f"; sending paused: {status.paused_reason}"
    backlog_fix = tr_noop("diagnose", "Check the central service line above; then run kiosk outbox sync "
                          "(kiosk outbox status shows the last error).")
    if status.paused_at is not None or age >= BACKLOG_FAULT:
        checks.append(Check("outbox", OUTBOX, State.FAULT, detail, backlog_fix))
    elif age >= BACKLOG_WARNING:
        checks.append(Check("outbox", OUTBOX, State.WARNING, detail, backlog_fix))
    else:
        checks.append(Check("outbox", OUTBOX, State.OK, detail))
    if status.rejected:
        checks.append(Check("rejected", REJECTED, State.WARNING, f"{status.rejected} rejected", tr_noop(
            "diagnose", "Review them with kiosk outbox rejected, fix the cause, then kiosk outbox retry ID.")))
    else:
        checks.append(Check("rejected", REJECTED, State.OK, "none"))
    return checks


def _age(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"


def disk_check(directory: Path) -> Check:
    free = shutil.disk_usage(directory).free
    detail = f"{free / 1024**3:.1f} GiB free for {directory}"
    fix = tr_noop("diagnose", "Free disk space (old logs, downloads); records are kept until delivered.")
    if free < DISK_FAULT_BYTES:
        return Check("disk", DISK, State.FAULT, detail, fix)
    if free < DISK_WARNING_BYTES:
        return Check("disk", DISK, State.WARNING, detail, fix)
    return Check("disk", DISK, State.OK, detail)


def fonts_check() -> Check:
    fix = tr_noop("diagnose", "Install Japanese fonts: apt-get install fonts-noto-cjk.")
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return Check("fonts", FONTS, State.FAULT, "fc-list (fontconfig) is not installed", fix)
    result = subprocess.run([fc_list, ":lang=ja", "family"], capture_output=True, text=True, timeout=30,
                            check=False)
    families = sorted({line.split(",")[0].strip() for line in result.stdout.splitlines() if line.strip()})
    if not families:
        return Check("fonts", FONTS, State.FAULT, "no font covers Japanese", fix)
    preferred = [f for f in families if "Noto Sans CJK JP" in f]
    return Check("fonts", FONTS, State.OK, ", ".join(preferred or families[:3]))


def _x11_socket(display: str) -> Path | None:
    if not display.startswith(":"):
        return None  # a remote or TCP display: cannot be checked without connecting
    number = display[1:].split(".", maxsplit=1)[0]
    return Path(f"/tmp/.X11-unix/X{number}")  # noqa: S108 - the X server's well-known socket directory


def _listening(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(2.0)
        try:
            probe.connect(str(path))
        except OSError:
            return False
        return True


def display_check(environ: dict[str, str] | None = None) -> Check:
    env = os.environ if environ is None else environ
    fix = tr_noop("diagnose", "Run this in the terminal's graphical session (the kiosk session starts cage), "
                  "or check that the display is connected and the session is running.")
    wayland = env.get("WAYLAND_DISPLAY")
    if wayland:
        path = Path(wayland) if wayland.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/run")) / wayland
        if _listening(path):
            return Check("display", DISPLAY, State.OK, f"Wayland {wayland}")
        return Check("display", DISPLAY, State.FAULT, f"Wayland {wayland}: nothing listens at {path}", fix)
    display = env.get("DISPLAY")
    if display:
        socket_path = _x11_socket(display)
        if socket_path is None or _listening(socket_path):
            return Check("display", DISPLAY, State.OK, f"X11 {display}")
        return Check("display", DISPLAY, State.FAULT, f"X11 {display}: no X server at {socket_path}", fix)
    return Check("display", DISPLAY, State.WARNING, "no display in this session", fix)


def run_all(settings: Settings, *, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> list[Check]:
    checks = [identity_check(settings)]
    cards = reader_checks(settings.reader)
    checks += cards
    checks.append(virtual_reader_check(settings, " ".join(c.detail for c in cards if c.name == "readers")))
    certificate = certificate_check(settings, now())
    if certificate is not None:
        checks.append(certificate)
    checks += central_checks(settings, now)
    checks += database_checks(settings, now())
    checks.append(disk_check(settings.data_dir))
    checks.append(fonts_check())
    checks.append(display_check())
    return checks
