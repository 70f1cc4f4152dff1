"""Random and truncated card answers into the parsers: a parsed object or a typed error, nothing else."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.card import files, tlv
from kiosk.card.cardinfo import parse_attributes
from kiosk.card.certificate import parse_certificate
from kiosk.card.connection import InProcessConnection
from kiosk.card.jpki import CertificateFile, JpkiSession
from kiosk.card.transport import CardTransport, ExtendedLengthMemory
from kiosk.cardsim import VirtualCard
from kiosk.errors import CardError
from kiosk.pki.training import TrainingPki

from .cards import ScriptedCard

TYPED = (CardError,)  # MalformedCardData, UnexpectedStatus, ...: all card errors


@pytest.fixture(scope="module")
def real_certificate(training_pki: TrainingPki) -> bytes:
    der = VirtualCard.from_profile("valid", pki=training_pki).certificate("auth")
    assert der is not None
    return der


@given(st.binary(max_size=600))
def test_tlv_headers_and_lists(data: bytes) -> None:
    try:
        header = tlv.read_header(data)
        assert header.size <= len(data)
    except TYPED:
        pass
    try:
        items = tlv.parse_all(data)
        assert sum(len(item.value) for item in items) <= len(data)
    except TYPED:
        pass


@given(st.binary(max_size=2000))
def test_random_bytes_as_a_certificate(data: bytes) -> None:
    with pytest.raises(TYPED):
        parse_certificate(data)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(cut=st.integers(min_value=0), flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)),
                                                      max_size=4))
def test_truncated_or_damaged_certificates(real_certificate: bytes, cut: int, flips: list[tuple[int, int]]) -> None:
    damaged = bytearray(real_certificate[:cut % (len(real_certificate) + 1)])
    for position, mask in flips:
        if damaged:
            damaged[position % len(damaged)] ^= mask
    try:
        parsed = parse_certificate(bytes(damaged))
    except TYPED:
        return
    assert parsed.der == bytes(damaged)


@given(st.binary(max_size=400))
def test_random_bytes_as_card_info_attributes(data: bytes) -> None:
    with contextlib.suppress(TYPED):
        parse_attributes(data)


_status_words = st.sampled_from([0x9000, 0x9000, 0x9000, 0x6282, 0x6B00, 0x6700, 0x6982, 0x6A82, 0x6100, 0x6110,
                                 0x6C10, 0x6F00])


@given(st.lists(st.tuples(st.binary(max_size=300), _status_words), max_size=12))
def test_reading_a_certificate_from_a_card_answering_anything(responses: list[tuple[bytes, int]]) -> None:
    script = [(b"", 0x9000), *responses]  # the applet select succeeds
    transport = CardTransport(InProcessConnection(ScriptedCard(script), "scripted"), memory=ExtendedLengthMemory())
    with contextlib.suppress(TYPED):
        JpkiSession(transport).read_certificate(CertificateFile.AUTH)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=100)
@given(chunk=st.integers(min_value=1, max_value=400), stop_after=st.integers(min_value=0, max_value=20))
def test_a_file_that_ends_early_is_a_truncated_read(real_certificate: bytes, chunk: int, stop_after: int) -> None:
    """A card handing out the certificate ``chunk`` bytes at a time, then claiming the file ended."""
    parts = [real_certificate[i:i + chunk] for i in range(0, len(real_certificate), chunk)]
    script = [(b"", 0x9000), (b"", 0x9000)] + [(part, 0x9000) for part in parts[:stop_after]] + [(b"", 0x6B00)]
    transport = CardTransport(InProcessConnection(ScriptedCard(script), "early end"), memory=ExtendedLengthMemory())
    JpkiSession(transport)
    files.select_ef(transport, CertificateFile.AUTH)
    try:
        der = files.read_tlv_object(transport)
    except TYPED:
        assert stop_after < len(parts)
        return
    assert der == real_certificate
