"""Starting the application: the window first, then everything behind it.

Order matters for the cold start (environment.md: QtWidgets ~120 ms, SQLAlchemy ~335 ms, Alembic ~170 ms):
the QApplication and the window come first and are painted; only then are the controller, the flows and
the store imported and opened, off the Qt thread where they block. qasync runs asyncio on Qt's loop; the
card's blocking calls stay on the card worker threads.

An error net catches what nothing else did (``sys.excepthook``, the asyncio loop's exception handler, Qt's
message handler): it is logged with its traceback to the rotating log file, and the window shows a calm
screen instead of dying. Logs never hold a PIN (flows and the card layer never log one) nor the card-info
data (the card layer logs response lengths only).
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.config import Settings
from kiosk.domain.transactions import Mode
from kiosk.ui.window import MainWindow

if TYPE_CHECKING:
    from kiosk.ui.controller import Controller

log = logging.getLogger("kiosk.ui")
FONT_FAMILY = "Noto Sans CJK JP"  # explicit: Japanese glyph forms must not depend on fontconfig's order
LOG_BYTES = 2 * 1024 * 1024
KIOSK_IDLE_S = 90.0
COUNTER_IDLE_S = 300.0
LOG_FILES = 5


@dataclass(frozen=True)
class TrainingHooks:
    """Training mode's virtual card, put in and taken out of its reader by buttons on screen."""

    insert_card: Callable[[], None]
    remove_card: Callable[[], None]


Ready = Callable[["Controller", MainWindow], Awaitable[None]]


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "kiosk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    root = logging.getLogger()
    before = root.getEffectiveLevel()
    for existing in root.handlers:  # the console keeps what it showed before (warnings): the file gets more
        if existing.level == logging.NOTSET:
            existing.setLevel(before)
    root.addHandler(handler)
    root.setLevel(min(before, level))
    return path


class ErrorNet:
    """Whatever escapes: logged, then shown calmly; the window keeps running."""

    def __init__(self, show: Callable[[BaseException], None]) -> None:
        self._show = show

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        sys.excepthook = self._excepthook
        loop.set_exception_handler(self._asyncio_handler)
        qInstallMessageHandler(self._qt_message)

    def _excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error", exc_info=(kind, error, tb))
        self._safely_show(error)

    def _asyncio_handler(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        log.error("asyncio: %s", context.get("message"), exc_info=error)
        if isinstance(error, BaseException):
            self._safely_show(error)

    def _qt_message(self, kind: QtMsgType, _context: object, message: str) -> None:
        level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
                 QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
        logging.getLogger("qt").log(level, "%s", message)

    def _safely_show(self, error: BaseException) -> None:
        try:
            self._show(error)
        except Exception:  # the net must not tear
            log.exception("could not show an unexpected error")


def application(argv: list[str] | None = None) -> QApplication:
    # Qt's AT-SPI bridge connects only when a screen reader announces itself on the accessibility bus; a
    # kiosk's reader may start after the application, so the bridge is always on.
    os.environ.setdefault("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    font = QFont(FONT_FAMILY)
    font.setPointSize(14)
    app.setFont(font)
    app.setApplicationName("kiosk")
    return app


FROM_SETTINGS: Any = object()


async def start(settings: Settings, window: MainWindow, *, mode: Mode, training: TrainingHooks | None,
                language: str | None, rules: Any = FROM_SETTINGS) -> Controller:
    """Everything behind the painted window: the store, the services, the controller. ``rules``: the site's
    calendar (``SiteRules``), by default from the settings; None keeps a kiosk open at all hours."""
    import importlib

    # The heavy imports (SQLAlchemy, the flows, every screen) happen off the Qt thread, so the painted window
    # keeps answering; none of these modules makes a Qt object when imported.
    for heavy in ("kiosk.store.database", "kiosk.ui.controller"):
        await asyncio.to_thread(importlib.import_module, heavy)
    from kiosk.calendar_config import site_rules
    from kiosk.store.database import open_store
    from kiosk.ui import theme
    from kiosk.ui.controller import Controller
    from kiosk.ui.services import TerminalServices
    from kiosk.ui.translation import use_language
    from kiosk.ui.widgets.idle import IdleWatcher

    theme.apply(QApplication.instance(), theme.NORMAL)  # type: ignore[arg-type]
    from kiosk import i18n

    use_language(language or i18n.language())  # the screens speak what the messages speak
    if rules is FROM_SETTINGS:
        rules = site_rules(settings)
    store = await asyncio.to_thread(open_store, settings)
    services = TerminalServices(settings, store, training=training is not None)
    customer = None
    if mode is Mode.COUNTER and len(QApplication.screens()) > 1:
        from kiosk.ui.customer import CustomerWindow

        customer = CustomerWindow()
        customer.show_on_second_screen()
    controller = Controller(mode, window.stack, training=training is not None,
                            insert_training_card=training.insert_card if training else None, customer=customer)
    services.state_changed.connect(window.status.show_state)
    window.lock_button.clicked.connect(controller.lock)
    window.today_button.clicked.connect(controller.show_dashboard)
    technician = QShortcut(QKeySequence("Ctrl+Alt+D"), window)  # hidden: technicians on site
    technician.activated.connect(controller.show_technician)
    window.call_staff_button.clicked.connect(controller.call_staff)
    if mode is Mode.COUNTER:
        services.staff_calls_changed.connect(window.staff_calls.show_calls)
        window.staff_calls.answer_requested.connect(controller.answer_staff_call)
        controller.staff_call_answered.connect(window.staff_calls.show_answer)
        controller.staff_call_failed.connect(window.staff_calls.show_failure)
    controller.screen_changed.connect(lambda _name: window.set_staff(controller.staff_id))
    controller.started_over.connect(window.reset_display)
    await services.start()
    controller.attach(services, rules)
    window.status.show_state(services.state)
    # A kiosk forgets its resident after a minute and a half untouched; a counter locks after five minutes.
    idle = IdleWatcher(KIOSK_IDLE_S if mode is Mode.KIOSK else COUNTER_IDLE_S, window)
    idle.idle.connect(controller.on_idle)
    idle.start()
    window.status.rejected_clicked.connect(controller.show_rejected)
    return controller


def run(settings: Settings, *, mode: Mode, training: TrainingHooks | None = None, language: str | None = None,
        ready: Ready | None = None) -> int:
    """Open the window and run until it closes (or until ``ready`` returns, for tools and tests)."""
    import qasync

    configure_logging(_log_dir())
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow(mode, training=training is not None)
    starting = QLabel(window.stack)
    starting.setObjectName("startingScreen")
    window.stack.addWidget(starting)
    window.show_for_mode()
    app.processEvents()  # painted now, before anything behind it is imported or opened
    holder: dict[str, Controller] = {}

    def show_error(error: BaseException) -> None:
        controller = holder.get("controller")
        if controller is not None:
            controller.show_unexpected(error)

    ErrorNet(show_error).install(loop)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)

    async def main() -> None:
        controller = await start(settings, window, mode=mode, training=training, language=language)
        holder["controller"] = controller
        try:
            if ready is not None:
                await ready(controller, window)
            else:
                await closed.wait()
        finally:
            controller.cancel_procedure()
            assert controller.services is not None
            await controller.services.stop()
            controller.services.store.close()

    with loop:
        loop.run_until_complete(main())
    return 0


def _log_dir() -> Path:
    from kiosk import paths

    return paths.log_dir()
