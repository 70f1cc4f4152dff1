"""Bar charts of procedures per day and per month (pyqtgraph, MIT-licensed; Qt Charts is GPL or commercial).

Each bar is labelled on the axis with its date, and the numbers are also in the tables beside the charts:
a chart repeats the tables for the eye, it is never the only place a count is shown (WCAG 1.1.1).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

TERMINAL_BRUSH = "#1f5fa8"  # dark blue and orange: told apart with the common colour-vision deficiencies
SITE_BRUSH = "#e69f00"


class BarChart(pg.PlotWidget):  # type: ignore[misc]
    """One or two series of whole numbers over dates, side by side."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName(object_name)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.3)
        self._legend: Any = self.addLegend(offset=(10, 10))  # top left: the oldest days, usually low bars
        self.setMinimumHeight(220)
        self.series: dict[str, list[int]] = {}  # what is drawn, by series name (tests read it)

    def show_series(self, title: str, keys: list[date], series: list[tuple[str, str, list[int] | None]],
                    label: str = "%m/%d") -> None:
        """``series``: (name, colour, values per key or None when not available) - drawn side by side."""
        self.clear()
        self._legend.clear()
        self.series = {}
        self.setTitle(title, color="#202020")
        shown = [(name, brush, values) for name, brush, values in series if values is not None]
        width = 0.8 / max(len(shown), 1)
        for index, (name, brush, values) in enumerate(shown):
            assert values is not None
            xs = [n - 0.4 + width * (index + 0.5) for n in range(len(keys))]
            bars = pg.BarGraphItem(x=xs, height=values, width=width * 0.9, brush=brush, name=name)
            self.addItem(bars)  # named items join the legend by themselves
            self.series[name] = list(values)
        axis = self.getAxis("bottom")
        axis.setHeight(36)  # room for the dates under the bars
        step = max(1, len(keys) // 14)
        axis.setTicks([[(n, key.strftime(label)) for n, key in enumerate(keys) if n % step == 0]])
        top = max([max(values, default=0) for _, _, values in shown] + [1])
        self.setYRange(0, top * 1.15, padding=0)
        self.setXRange(-0.6, len(keys) - 0.4, padding=0)
