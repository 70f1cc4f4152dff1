"""Starting the application: the window first, then everything behind it.

Order matters for the cold start (environment.md: QtWidgets ~120 ms, SQLAlchemy ~335 ms, Alembic ~170 ms):
``run`` arms the error net's ``sys.excepthook``, then makes the QApplication and the real window, on an
empty starting screen, and paints it, with nothing imported but PySide6, the settings and the window's own
modules. Only then come the window's status bar and training banner (``MainWindow.furnish``), the log
file, asyncio and qasync (about 30 ms together), and behind them the controller, the flows and the store,
imported and opened off the Qt thread where they block. qasync runs asyncio on Qt's loop; the card's
blocking calls stay on the card worker threads. Module level here imports nothing the paint does not need.

An error net catches what nothing else did (``sys.excepthook``, the asyncio loop's exception handler, Qt's
message handler): it is logged with its traceback to the rotating log file, and the window shows a calm
screen instead of dying. Records logged before the log file opens (a Qt warning while the window is made)
wait in memory and are written first. Logs never hold a PIN (flows and the card layer never log one) nor
the card-info data (the card layer logs response lengths only).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain.modes import Mode
from kiosk.memory import limit_heaps
from kiosk.ui.window import MainWindow

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtCore import QtMsgType

    from kiosk.config import Settings
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


class LogFile(logging.Handler):
    """The rotating log file, attached to the root logger at once but opened later (after the first paint:
    ``logging.handlers`` brings socket and pickle with it); what is logged before it opens waits here."""

    HELD = 10_000  # a bound on what waits: a Qt message loop gone mad before the paint must not eat memory

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self._held: list[logging.LogRecord] = []
        self._file: logging.Handler | None = None
        self.path: Path | None = None

    def attach(self) -> LogFile:
        root = logging.getLogger()
        before = root.getEffectiveLevel()
        for existing in root.handlers:  # the console keeps what it showed before (warnings): the file gets more
            if existing.level == logging.NOTSET:
                existing.setLevel(before)
        root.addHandler(self)
        root.setLevel(min(before, self.level))
        return self

    def open(self, log_dir: Path) -> Path:
        import logging.handlers

        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "kiosk.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(self.level)
        self.acquire()
        try:
            held, self._held = self._held, []
            self._file, self.path = handler, path
        finally:
            self.release()
        for record in held:
            handler.handle(record)
        return path

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is not None:
            self._file.handle(record)
        elif len(self._held) < self.HELD:
            self._held.append(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """The rotating log file, open now (tools and benchmarks; ``run`` opens it after the first paint)."""
    return LogFile(level).attach().open(log_dir)


class ErrorNet:
    """Whatever escapes: logged, then shown calmly; the window keeps running. Armed in three steps, each as
    soon as what it watches exists: ``sys.excepthook`` first thing, Qt's messages with the QApplication,
    asyncio's exception handler with the loop."""

    def __init__(self, show: Callable[[BaseException], None]) -> None:
        self._show = show

    def arm(self) -> None:
        sys.excepthook = self._excepthook

    def watch_qt(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._qt_message)

    def watch(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.set_exception_handler(self._asyncio_handler)

    def _excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error", exc_info=(kind, error, tb))
        self._safely_show(error)

    def _asyncio_handler(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        log.error("asyncio: %s", context.get("message"), exc_info=error)
        if isinstance(error, BaseException):
            self._safely_show(error)

    def _qt_message(self, kind: QtMsgType, _context: object, message: str) -> None:
        from PySide6.QtCore import QtMsgType

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
    limit_heaps()  # before Qt's and the card's threads (kiosk.memory)
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
    import asyncio
    import importlib

    from PySide6.QtGui import QKeySequence, QShortcut

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


def freeze_start_up_objects() -> None:
    """Everything made so far (modules, Qt wrappers, the screens) lives as long as the app: out of the garbage
    collector's sight, a full collection, which holds the GIL and so the Qt thread, has far less to walk (a
    10,000-record sync froze the window 60-70 ms without this, 10 ms with it). Once per process, after
    ``start``: a process that starts the app many times (the test suite) must not freeze each one's garbage."""
    import gc

    gc.collect()
    gc.freeze()


def run(settings: Settings, *, mode: Mode, training: TrainingHooks | None = None, language: str | None = None,
        ready: Ready | None = None) -> int:
    """Open the window and run until it closes (or until ``ready`` returns, for tools and tests)."""
    holder: dict[str, Controller] = {}

    def show_error(error: BaseException) -> None:
        controller = holder.get("controller")
        if controller is not None:
            controller.show_unexpected(error)

    net = ErrorNet(show_error)
    net.arm()
    log_file = LogFile().attach()
    try:
        app = application()
        net.watch_qt()
        window = MainWindow(mode, training=training is not None, starting=True)
        starting = QLabel(window.stack)
        starting.setObjectName("startingScreen")
        window.stack.addWidget(starting)
        window.show_for_mode()
        app.processEvents()  # painted now, before anything behind it is imported or opened
        window.furnish()
    finally:  # open even when the paint failed: what was held is written before the traceback is logged
        log_file.open(_log_dir())

    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    net.watch(loop)
    closed = asyncio.Event()
    # The last window closing ends main() below, which stops the services and closes the store; Qt quitting
    # by itself would stop the loop under it ("Event loop stopped before Future completed") and skip all that.
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(closed.set)
    from kiosk.ui.stopping import StopOnSignals

    stopper = StopOnSignals(app)  # SIGTERM and Ctrl+C close the windows: the same orderly way out

    async def main() -> None:
        controller = await start(settings, window, mode=mode, training=training, language=language)
        holder["controller"] = controller
        freeze_start_up_objects()
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

    try:
        with loop:
            loop.run_until_complete(main())
    finally:
        stopper.restore()
    return 0


def _log_dir() -> Path:
    from kiosk import paths

    return paths.log_dir()
