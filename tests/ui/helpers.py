"""What the widget tests look for in a widget tree."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def widget_texts(root: QWidget) -> dict[str, str]:
    """Every text a person or an assistive technology can get from ``root`` and its children, keyed by
    where it is (objectName and which property)."""
    texts: dict[str, str] = {}
    for index, widget in enumerate([root, *root.findChildren(QWidget)]):
        where = f"{widget.objectName() or type(widget).__name__}#{index}"
        values = {
            "accessibleName": widget.accessibleName(),
            "accessibleDescription": widget.accessibleDescription(),
            "toolTip": widget.toolTip(),
            "statusTip": widget.statusTip(),
            "whatsThis": widget.whatsThis(),
            "windowTitle": widget.windowTitle(),
        }
        if isinstance(widget, QLabel | QAbstractButton):
            values["text"] = widget.text()
        for name, value in values.items():
            if value:
                texts[f"{where}.{name}"] = value
    return texts


def save_screenshot(widget: QWidget, directory: Path, name: str, *, width: int | None = None) -> Path:
    """A PNG of ``widget`` at its natural size, or at ``width`` (a screen's width) and the height it then needs."""
    widget.adjustSize()
    if width is not None:
        height = widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height()
        widget.resize(width, max(height, widget.minimumSizeHint().height()))
    path = directory / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path
