"""The committed OpenAPI document (resources/openapi.json) is the one the running service serves."""

from __future__ import annotations

import json

from central_server import CentralHandle

from kiosk.cli.central import openapi_document
from kiosk.paths import resources_dir

REGENERATE = "regenerate it: .venv/bin/kiosk central openapi > resources/openapi.json"


def test_the_served_document_is_the_committed_one(central: CentralHandle) -> None:
    committed = json.loads((resources_dir() / "openapi.json").read_text(encoding="utf-8"))
    with central.client(None) as client:
        served = client.get("/openapi.json").json()
    assert served == committed, f"resources/openapi.json is out of date; {REGENERATE}"


def test_the_committed_file_is_byte_for_byte_what_the_command_prints() -> None:
    assert (resources_dir() / "openapi.json").read_text(encoding="utf-8") == openapi_document(), REGENERATE


def test_every_route_but_health_and_enrolment_needs_the_bearer_token() -> None:
    # Renewal needs the client certificate (checked by the service, not an OpenAPI security scheme).
    document = json.loads(openapi_document())
    secured = {(path, method): bool(operation.get("security"))
               for path, methods in document["paths"].items() for method, operation in methods.items()}
    for public in (("/v1/health", "get"), ("/v1/enrolment", "post"), ("/v1/enrolment/ca", "get"),
                   ("/v1/terminal/certificate", "post")):
        assert secured.pop(public) is False, public
    assert secured and all(secured.values()), secured
