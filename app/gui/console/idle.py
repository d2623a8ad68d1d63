"""Locks the console when nobody has touched it for a while (a child may walk up to it)."""

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_IDLE_MS = 5 * 60 * 1000
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Watches every input event of the application; `idle` after `timeout_ms` without one."""

    idle = Signal()

    def __init__(self, app: QObject, timeout_ms: int = DEFAULT_IDLE_MS) -> None:
        super().__init__(app)
        self._timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self._timer.timeout.connect(self.idle)
        app.installEventFilter(self)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False
