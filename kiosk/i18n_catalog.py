"""Keep the translation catalogs in step with the code.

``python -m kiosk.i18n_catalog update`` finds every ``tr("context", "text")``, ``tr_noop(...)`` and
``QCoreApplication.translate(...)`` call with literal arguments under ``kiosk/``, adds the texts missing
from each ``resources/translations/kiosk_<lang>.ts`` as unfinished, and marks texts no longer used as
vanished (kept, so a translation is not lost when a string comes back). ``check`` lists what is missing
or unfinished, and every translation whose ``{placeholders}`` differ from its source, and exits 1 if
anything is.

Japanese is complete: every text. Simplified Chinese, Korean and Vietnamese cover what a resident sees at a
kiosk, the contexts in ``KIOSK_CONTEXTS``; their catalogs hold only those, and everything else falls back to
English.
"""

from __future__ import annotations

import ast
import string
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from kiosk.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, catalog_path

PACKAGE_ROOT = Path(__file__).resolve().parent

# What a resident at a kiosk can read: the kiosk's screens, the PIN pad, the window and its status strip,
# the flows' steps, the PIN names and rules, and the error messages a screen shows.
KIOSK_CONTEXTS = frozenset({"kiosk", "calendar", "screens", "check", "pins", "steps", "window", "PinPad", "StatusBar",
                            "errors"})
COMPLETE_LANGUAGES = ("ja",)
KIOSK_ONLY_LANGUAGES = ("zh", "ko", "vi")
# The region Qt Linguist and lrelease expect in the catalog's header.
_TS_LANGUAGE = {"zh": "zh_CN"}
_CALL_NAMES = {"tr", "tr_noop", "translate", "Message"}


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _literal_pair(node: ast.Call) -> tuple[str, str] | None:
    if _call_name(node) not in _CALL_NAMES:
        return None
    args = node.args[:2]
    if len(args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
        return args[0].value, args[1].value  # type: ignore[attr-defined]
    return None


def extract_from_source(source: str, filename: str = "<string>") -> Iterator[tuple[str, str, int]]:
    """Yield (context, text, line) for each translatable literal in one Python source."""
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (pair := _literal_pair(node)) is not None:
            yield pair[0], pair[1], node.lineno


def offered_values(paths: Iterable[Path]) -> dict[tuple[str, str], set[str]]:
    """The values each text's callers pass (``tr(..., n=3)``, ``translate(...).format(n=3)``), by name.

    A caller may pass more than the English text uses, so a language can write a date its own way
    (``{month}`` rather than ``{month_name}``); a translation may use exactly those names.
    """
    offered: dict[tuple[str, str], set[str]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call):
                continue
            target = node
            if (isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                    and isinstance(node.func.value, ast.Call)):
                target = node.func.value
            pair = _literal_pair(target)
            names = {keyword.arg for keyword in node.keywords if keyword.arg is not None}
            if pair is not None and names:
                offered.setdefault(pair, set()).update(names)
    return offered


def extract(paths: Iterable[Path]) -> dict[tuple[str, str], list[str]]:
    """Map each (context, text) to the places it is used."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in paths:
        for context, text, line in extract_from_source(path.read_text(encoding="utf-8"), str(path)):
            found.setdefault((context, text), []).append(f"{path.relative_to(PACKAGE_ROOT.parent)}:{line}")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE_ROOT.rglob("*.py") if p.name != "i18n_catalog.py")


def required_contexts(lang: str) -> frozenset[str] | None:
    """The contexts ``lang`` must translate; None for every context."""
    return KIOSK_CONTEXTS if lang in KIOSK_ONLY_LANGUAGES else None


def used_texts(lang: str) -> dict[tuple[str, str], list[str]]:
    """The texts in the code that the catalog of ``lang`` must translate, with where they are used."""
    contexts = required_contexts(lang)
    found = extract(source_files())
    return found if contexts is None else {key: places for key, places in found.items() if key[0] in contexts}


def _load(path: Path, lang: str) -> ET.ElementTree[ET.Element]:
    if path.exists():
        return ET.parse(path)  # noqa: S314 - our own catalog
    root = ET.Element("TS", {"version": "2.1", "language": _TS_LANGUAGE.get(lang, lang),
                             "sourcelanguage": SOURCE_LANGUAGE})
    return ET.ElementTree(root)


def update(lang: str) -> tuple[int, int]:
    """Bring one catalog up to date; returns (added, vanished)."""
    path = catalog_path(lang)
    tree = _load(path, lang)
    root = tree.getroot()
    used = used_texts(lang)
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    present: set[tuple[str, str]] = set()
    vanished = 0
    for name, context in contexts.items():
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            present.add(key)
            found = message.find("translation")
            translation = found if found is not None else ET.SubElement(
                message, "translation", {"type": "unfinished"})
            if key not in used and translation.get("type") != "vanished":
                translation.set("type", "vanished")
                vanished += 1
            elif key in used and translation.get("type") == "vanished":
                del translation.attrib["type"]
    added = 0
    for (name, text) in sorted(used):
        if (name, text) in present:
            continue
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        message = ET.SubElement(contexts[name], "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", {"type": "unfinished"})
        added += 1
    ET.indent(tree, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="unicode")
        out.write("\n")
    return added, vanished


def missing(lang: str) -> list[str]:
    """Texts used in the code with no finished translation in the catalog of ``lang``."""
    path = catalog_path(lang)
    done: set[tuple[str, str]] = set()
    if path.exists():
        for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text and not translation.get("type"):
                    done.add((name, message.findtext("source") or ""))
    return [
        f"{places[0]}: [{ctx}] {text!r}"
        for (ctx, text), places in sorted(used_texts(lang).items())
        if (ctx, text) not in done
    ]


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a text, sorted; ValueError for a brace ``str.format`` cannot read."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def placeholder_mismatches(lang: str) -> list[str]:
    """Translations whose placeholders are not their source's: ``.format`` would fail or lose a value.

    The one latitude: where the callers offer more values than the source uses, a translation may use any of
    them instead (and must still use at least one value, if the source does).
    """
    path = catalog_path(lang)
    if not path.exists():
        return []
    offered = offered_values(source_files())
    problems = []
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation")
            if not translation:
                continue
            try:
                wanted, used = placeholders(source), placeholders(translation)
            except ValueError:
                wanted, used = [], ["<unreadable braces>"]
            extra = offered.get((name, source), set())
            flexible = bool(extra - set(wanted))
            if not (set(used) <= extra and bool(used) == bool(wanted) if flexible else used == wanted):
                problems.append(f"{path.name}: [{name}] {source!r}: placeholders differ in {translation!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "check"
    targets = [lang for lang in SUPPORTED_LANGUAGES if lang != SOURCE_LANGUAGE]
    if command == "update":
        for lang in targets:
            added, vanished = update(lang)
            print(f"{catalog_path(lang).name}: {added} added, {vanished} vanished")  # noqa: T201
        return 0
    if command == "check":
        problems = [line for lang in targets for line in (*missing(lang), *placeholder_mismatches(lang))]
        for line in problems:
            print(line)  # noqa: T201
        return 1 if problems else 0
    print("usage: python -m kiosk.i18n_catalog [update|check]")  # noqa: T201
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
