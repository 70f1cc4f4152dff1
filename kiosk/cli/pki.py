"""``kiosk pki``: the training PKI shared by the virtual card and the reference central service.

    kiosk pki show [--json]        where it is, its fingerprint, its roots (created on first use)
    kiosk pki export-roots DIR     the trusted roots as PEM files, for other tools in a training network

The virtual card and the central service must use the same training PKI: ``show`` on each machine tells a
technician whether they do (same fingerprint). No private key is ever printed or exported.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.exitcodes import ExitCode
from kiosk.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("pki", help="the training PKI shared by the virtual card and the central service")
    commands = parser.add_subparsers(dest="pki_command", metavar="COMMAND", required=True)
    show = commands.add_parser("show", help="location, fingerprint and roots (created on first use)")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=_show)
    export = commands.add_parser("export-roots", help="write the trusted roots as PEM files into DIR")
    export.add_argument("directory", type=Path, metavar="DIR")
    export.set_defaults(handler=_export_roots)


def _describe() -> dict[str, Any]:
    from cryptography import x509

    from kiosk.domain.validity import JST
    from kiosk.pki import training

    directory = training.default_directory()
    pki = training.load_or_create(directory)
    roots = []
    for authority in pki.authorities:
        certificate = authority.certificate
        key_id = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
        roots.append({
            "purpose": str(authority.purpose),
            "generation": authority.generation,
            "subject": certificate.subject.rfc4514_string(),
            "key_id": key_id.hex(),
            "not_before": certificate.not_valid_before_utc.astimezone(JST).isoformat(),
            "not_after": certificate.not_valid_after_utc.astimezone(JST).isoformat(),
            "issues_new_certificates": pki.issuing(authority.purpose) == authority,
        })
    return {"directory": str(directory), "fingerprint": pki.fingerprint(), "roots": roots}


def _show(args: argparse.Namespace) -> int:
    description = _describe()
    if args.json:
        json.dump(description, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return ExitCode.OK
    print(tr("cli", "Training PKI: {directory}", directory=description["directory"]))
    print(tr("cli", "Fingerprint: {fingerprint}", fingerprint=description["fingerprint"]))
    for root in description["roots"]:
        marker = tr("cli", " (issues new certificates)") if root["issues_new_certificates"] else ""
        print(f"  {root['purpose']:<5} {root['generation']}  {root['key_id'][:16]}  "
              f"{root['not_before'][:10]} .. {root['not_after'][:10]}{marker}")
    return ExitCode.OK


def _export_roots(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.serialization import Encoding

    from kiosk.pki import training

    pki = training.load_or_create()
    args.directory.mkdir(parents=True, exist_ok=True)
    for authority in pki.authorities:
        path = args.directory / f"jpki-training-{authority.purpose}-root-{authority.generation}.pem"
        path.write_bytes(authority.certificate.public_bytes(Encoding.PEM))
        print(path)
    return ExitCode.OK
