"""HTTPS with client certificates for the central service, on uvicorn.

The TLS layer asks every client for a certificate and checks its chain to the terminal CA, but not its
dates (``VERIFY_X509_NO_CHECK_TIME``) and does not insist on one: a TLS 1.3 handshake refusal reaches the
terminal only as a dropped connection, which looks like an outage. The application instead answers a
missing, expired or revoked certificate with a 401 that names the reason (``kiosk.central.enrolment``),
judged by the service's own clock. Enrolment and health need no certificate.

uvicorn does not pass the peer certificate to the application, so its h11 protocol is extended to put the
certificate's DER into each request's state (``request.state.tls_client_certificate_der``).
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from kiosk.central import terminal_ca
from kiosk.central.settings import CentralSettings, default_tls_dir, utc_now

PEER_CERTIFICATE = "tls_client_certificate_der"
# OpenSSL's X509_V_FLAG_NO_CHECK_TIME (not named by the ssl module).
_NO_CHECK_TIME = 0x200000


def server_context(settings: CentralSettings) -> ssl.SSLContext:
    """The TLS context: a fresh server certificate for ``settings.tls_names``, client certificates asked."""
    ca = terminal_ca.load_or_create(settings.tls_dir or default_tls_dir(), utc_now())
    cert_path, key_path = ca.write_server_certificate(settings.tls_names, utc_now())
    return context_for(cert_path, key_path, ca.certificate_path)


def context_for(cert_path: Path, key_path: Path, client_ca: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(str(cert_path), str(key_path))
    context.load_verify_locations(cafile=str(client_ca))
    context.verify_mode = ssl.CERT_OPTIONAL
    context.verify_flags = ssl.VerifyFlags(int(context.verify_flags) | _NO_CHECK_TIME)
    return context


class PeerCertificateProtocol(H11Protocol):
    """uvicorn's h11 protocol, with the verified client certificate (if any) in every request's state."""

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        if der:
            self.app_state = {**self.app_state, PEER_CERTIFICATE: der}
