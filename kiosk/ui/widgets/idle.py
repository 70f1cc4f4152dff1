"""Notice when nobody has touched the terminal for a while: the kiosk then returns to its start screen and
wipes every PIN and everything read from the card; the counter locks until staff sign in again.

One event filter on the application sees every input before any widget does, so no screen has to report
activity itself. The filter only reads the event type and restarts a timer: it runs for every event of the
process, and the UI thread has a 50 ms stall budget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

# What counts as a person at the terminal. Mouse moves count (a counter's mouse); hover, paint, timer and
# window-system events do not, so an animation or a status update never keeps the terminal awake.
INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease,
})


class IdleWatcher(QObject):
    """Emits ``idle()`` once after ``timeout_s`` seconds without input; the next input starts the count again.

    ``start()`` begins watching (it installs the filter on the application), ``stop()`` ends it (during a
    card write, say, where leaving is not the person's choice), ``reset()`` counts from now.
    """

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None, *,
                 application: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleWatcher")
        found = application or QCoreApplication.instance()
        if found is None:
            raise RuntimeError("IdleWatcher needs a QApplication")
        self._application: QCoreApplication = found
        self._timer = QTimer(self)
        self._timer.setObjectName("idleTimer")
        self._timer.setSingleShot(True)
        # Qt rounds long coarse timers to whole seconds; a screen showing "back to the start in 10 s" from
        # remaining_ms() needs the real figure.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        self._watching = False
        self.set_timeout(timeout_s)

    def set_timeout(self, timeout_s: float) -> None:
        if timeout_s <= 0:
            raise ValueError(f"the idle timeout must be positive, not {timeout_s}")
        self._timer.setInterval(max(1, round(timeout_s * 1000)))
        if self._timer.isActive():
            self._timer.start()

    def timeout_s(self) -> float:
        return self._timer.interval() / 1000

    def start(self) -> None:
        if not self._watching:
            self._application.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        if self._watching:
            self._application.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def reset(self) -> None:
        if self._watching:
            self._timer.start()

    def is_watching(self) -> bool:
        return self._watching

    def remaining_ms(self) -> int:
        """Until ``idle`` (-1 when it is not counting: stopped, or already idle and waiting for input)."""
        return self._timer.remainingTime()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._timer.start()
        return False  # only watching: the event goes on to its widget
