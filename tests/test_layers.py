"""Layers talk downward only (DESIGN.md section 2): checked on every import statement of the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"

# What each part may import, of ours and of the heavy outside world. Anything of ours not listed is refused.
EVERYWHERE = {"kiosk.__version__", "kiosk.tasks"}
ALLOWED = {
    "domain": {"kiosk.domain", "kiosk.errors"},
    "pki": {"kiosk.pki", "kiosk.domain", "kiosk.paths"},
    "card": {"kiosk.card", "kiosk.domain", "kiosk.errors"},
    "cardsim": {"kiosk.cardsim", "kiosk.domain", "kiosk.pki", "kiosk.paths", "kiosk.errors"},
    "store": {"kiosk.store", "kiosk.domain", "kiosk.errors", "kiosk.config", "kiosk.paths"},
    "sync": {"kiosk.sync", "kiosk.store", "kiosk.domain", "kiosk.errors", "kiosk.config"},
    "central": {"kiosk.central", "kiosk.domain", "kiosk.pki", "kiosk.paths", "kiosk.config", "kiosk.errors"},
    "flows": {"kiosk.flows", "kiosk.card", "kiosk.store", "kiosk.sync", "kiosk.domain", "kiosk.errors",
              "kiosk.config", "kiosk.i18n", "kiosk.messages"},
    "reports": {"kiosk.reports", "kiosk.store", "kiosk.sync", "kiosk.domain", "kiosk.errors", "kiosk.config",
                "kiosk.i18n"},
    "ui": {"kiosk.ui", "kiosk.provision", "kiosk.reports", "kiosk.flows", "kiosk.card", "kiosk.store", "kiosk.sync",
           "kiosk.domain",
           "kiosk.errors", "kiosk.config", "kiosk.i18n", "kiosk.messages", "kiosk.paths", "kiosk.staff",
           "kiosk.calendar_config", "kiosk.calendar_text", "kiosk.calendar_holidays", "kiosk.memory"},
    "provision": {"kiosk.provision", "kiosk.card", "kiosk.store", "kiosk.sync", "kiosk.domain", "kiosk.config",
                  "kiosk.errors", "kiosk.paths", "kiosk.i18n"},
}
FORBIDDEN_OUTSIDE = {
    "domain": {"smartcard", "sqlalchemy", "httpx", "PySide6", "qasync", "fastapi", "os", "socket", "pathlib",
               "subprocess", "jpholiday"},
    "card": {"sqlalchemy", "httpx", "PySide6", "qasync", "fastapi", "alembic"},
    "cardsim": {"sqlalchemy", "httpx", "PySide6", "qasync", "fastapi", "smartcard"},
    "store": {"smartcard", "httpx", "PySide6", "qasync", "fastapi"},
    "sync": {"smartcard", "PySide6", "qasync", "fastapi"},
    "central": {"smartcard", "PySide6", "qasync"},
    "flows": {"smartcard", "PySide6", "qasync", "fastapi", "sqlalchemy"},
    "reports": {"smartcard", "PySide6", "qasync", "fastapi"},
    "ui": {"smartcard", "fastapi"},
    "provision": {"smartcard", "PySide6", "qasync", "fastapi", "uvicorn"},
}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from kiosk import paths`` is an import of kiosk.paths.
            names += [f"kiosk.{a.name}" for a in node.names] if node.module == "kiosk" else [node.module]
    return names


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_what_is_below_it(part: str) -> None:
    wrong = []
    for path in sorted((PACKAGE / part).rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "kiosk" and not any(name == a or name.startswith(a + ".")
                                          for a in ALLOWED[part] | EVERYWHERE):
                wrong.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
            if top in FORBIDDEN_OUTSIDE.get(part, set()):
                wrong.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_only_one_module_imports_pyscard() -> None:
    users = sorted(str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py")
                   if any(n.split(".")[0] == "smartcard" for n in _imports(p)))
    assert users == ["kiosk/card/pcsc.py"]


def test_only_the_ui_imports_qt() -> None:
    """The CLI, the central service and every layer below the UI run without a display or Qt installed."""
    users = sorted(str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py")
                   if any(n.split(".")[0] in ("PySide6", "qasync") for n in _imports(p)))
    assert all(user.startswith("kiosk/ui/") for user in users), users


def test_only_one_module_imports_jpholiday() -> None:
    """National holidays reach the domain's calendar as an injected lookup, never as an import."""
    users = sorted(str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py")
                   if any(n.split(".")[0] == "jpholiday" for n in _imports(p)))
    assert users == ["kiosk/calendar_holidays.py"]


def test_no_relative_imports() -> None:
    """``from . import x`` would slip past the layer check above, which reads absolute names."""
    relative = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                relative.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not relative, "relative imports: " + ", ".join(relative)
