"""``kiosk app``: the counter or kiosk window.

    kiosk app [--mode counter|kiosk] [--training PROFILE] [--language ja|en|zh|ko|vi]

``--training`` attaches a virtual card of that profile (``kiosk cardsim --list``) in a virtual reader of the
project's pcscd and the reference central service on loopback, with a training banner on every screen and
a database of its own: staff practise every procedure without a real card (training staff ID ``T0001``,
passphrase ``training``).
"""

from __future__ import annotations

import argparse
import os
from contextlib import ExitStack
from dataclasses import replace
from typing import Any

from kiosk.cli.exitcodes import ExitCode


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("app", help="open the counter or kiosk window")
    parser.add_argument("--mode", choices=("counter", "kiosk"), help="default: the terminal's configured mode")
    parser.add_argument("--training", metavar="PROFILE", nargs="?", const="renewable",
                        help="training mode with a virtual card of this profile (default: renewable)")
    parser.add_argument("--language", choices=("ja", "en", "zh", "ko", "vi"), help="the first language shown")
    parser.set_defaults(handler=_app)


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "vnc"))


def _app(args: argparse.Namespace) -> int:
    from kiosk.config import load_settings
    from kiosk.domain.modes import Mode
    from kiosk.memory import limit_heaps

    limit_heaps()  # before the training's card and central service start their threads

    if args.training:
        from kiosk.cli.extras import central_missing_line

        missing = central_missing_line()  # training runs the reference central service on loopback
        if missing is not None:
            print(missing)
            return ExitCode.USAGE
    settings = load_settings()
    mode = args.mode or settings.mode
    if not has_display():
        from kiosk.i18n import tr  # here: the window's path does without its catalog parser (xml.etree)

        print(tr("cli", "No display: the window cannot open here (set DISPLAY, or run under Xvfb)."))
        return ExitCode.ERROR
    from kiosk.ui.app import TrainingHooks, run

    with ExitStack() as stack:
        hooks = None
        if args.training:
            from kiosk.cli.training import start_training

            training = start_training(settings, stack, profile=args.training, mode=mode, inserted=False)
            settings = training.settings
            hooks = TrainingHooks(insert_card=training.link.insert, remove_card=training.link.remove)
        else:
            settings = replace(settings, mode=mode)
        return run(settings, mode=Mode(mode), training=hooks, language=args.language)
