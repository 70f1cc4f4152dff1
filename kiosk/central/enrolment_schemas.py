"""The JSON bodies of enrolment and terminal-certificate renewal."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from kiosk.central.schemas import StrictModel

CsrPem = Annotated[str, Field(min_length=1, max_length=8 * 1024, description="a PEM PKCS#10 request (EC P-256)")]


class EnrolmentIn(StrictModel):
    code: Annotated[str, Field(min_length=1, max_length=64, description="the one-time enrolment code")]
    csr_pem: CsrPem


class RenewalIn(StrictModel):
    csr_pem: CsrPem


class TerminalCertificateOut(BaseModel):
    certificate_pem: str
    ca_certificate_pem: str
    terminal_id: str
    site: str
    mode: str
    not_after: datetime
    identifier_key: str | None = Field(
        description="the municipality's identifier key (hex), at enrolment only; null on renewal")


class TerminalCaOut(BaseModel):
    certificate_pem: str
    sha256: str
