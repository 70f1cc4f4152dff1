"""SELECT, READ BINARY and the JPKI files, with the status words of jpki-reference.md."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from kiosk.cardsim import VirtualCard
from kiosk.domain.validity import end_of_japan_day, start_of_japan_day
from kiosk.pki import jpki
from kiosk.pki.training import TrainingPki

from .conftest import CardFactory
from .helpers import (
    AUTH_CA,
    AUTH_CERT,
    AUTH_KEY,
    AUTH_PIN,
    CARD_FACE,
    JPKI,
    SIGN_CA,
    SIGN_CERT,
    SIGN_PIN,
    TOKEN,
    Terminal,
    body,
    extended,
    read_binary,
    select_applet,
    select_ef,
    short,
    sw,
    verify,
)


def test_token_of_a_my_number_card(terminal: Terminal) -> None:
    terminal.select(JPKI)
    token = terminal.read_file(TOKEN)
    assert len(token) == 32 and token.rstrip(b" \x00") == b"JPKIAPICCTOKEN2"


def test_the_authentication_certificate_mirrors_the_real_one(card: VirtualCard, terminal: Terminal,
                                                            training_pki: TrainingPki) -> None:
    terminal.select(JPKI)
    certificate = x509.load_der_x509_certificate(terminal.read_file(AUTH_CERT))
    ca = x509.load_der_x509_certificate(terminal.read_file(AUTH_CA))
    assert certificate.issuer == ca.subject == jpki.root_name(jpki.Purpose.AUTH)
    assert ca in training_pki.roots(jpki.Purpose.AUTH)
    assert jpki.find_issuer(certificate, [ca]) is ca
    public = certificate.public_key()
    assert isinstance(public, rsa.RSAPublicKey) and public.key_size == 2048
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)  # opaque, nothing personal
    assert not certificate.subject.get_attributes_for_oid(NameOID.LOCALITY_NAME)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and not usage.content_commitment
    setting = card.profile.auth_certificate
    assert setting is not None
    assert certificate.not_valid_after_utc == end_of_japan_day(setting.expires_on)
    assert certificate.not_valid_before_utc == start_of_japan_day(setting.issued_on)
    assert card.public_key("auth") is not None
    assert public.public_numbers() == card.public_key("auth").public_numbers()  # type: ignore[union-attr]


def test_the_signing_certificate_needs_the_signing_password(card: VirtualCard, terminal: Terminal) -> None:
    terminal.select(JPKI, SIGN_CERT)
    assert sw(terminal.send(read_binary(0, 256))) == 0x6982
    assert terminal.verify(JPKI, SIGN_PIN, b"ABC123") == 0x9000
    certificate = x509.load_der_x509_certificate(terminal.read_file(SIGN_CERT))
    policies = certificate.extensions.get_extension_for_class(x509.CertificatePolicies)
    assert policies.critical and policies.value[0].policy_identifier == jpki.POLICY[jpki.Purpose.SIGN]
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    names = {n.type_id: n.value for n in certificate.extensions.get_extension_for_class(
        x509.SubjectAlternativeName).value if isinstance(n, x509.OtherName)}
    holder = card.profile.holder
    assert names[jpki.OID_NAME] == jpki.utf8_string(holder.name)
    assert names[jpki.OID_ADDRESS] == jpki.utf8_string(holder.address)
    assert names[jpki.OID_SEX] == jpki.printable_string(holder.sex)
    assert names[jpki.OID_BIRTH_DATE] == jpki.printable_string(
        jpki.era_digit(holder.birth_date) + holder.birth_date.strftime("%Y%m%d"))
    ca = x509.load_der_x509_certificate(terminal.read_file(SIGN_CA))
    assert certificate.issuer == ca.subject == jpki.root_name(jpki.Purpose.SIGN)


def test_an_older_card_carries_the_root_generation_of_its_issue_date(make_card: CardFactory) -> None:
    terminal = Terminal(make_card("expired"))  # issued in 2021: before the 2023 roots
    terminal.select(JPKI)
    ca = x509.load_der_x509_certificate(terminal.read_file(AUTH_CA))
    assert ca.not_valid_before_utc.year == 2019


def test_read_binary_offsets_lengths_and_the_end_of_the_file(card: VirtualCard, terminal: Terminal) -> None:
    whole = card.certificate("auth")
    assert whole is not None and len(whole) > 512
    terminal.select(JPKI, AUTH_CERT)
    assert terminal.ok(read_binary(0, 4)) == whole[:4]
    assert terminal.ok(read_binary(0x0100, 16)) == whole[0x100:0x110]
    # extended Le: the whole file in one APDU; explicit or all zeros
    assert terminal.ok(read_binary(0, 65536)) == whole
    assert terminal.ok(read_binary(0, len(whole))) == whole
    # Le 00 at the end: everything that is left, 90 00 (ISO 7816-4: "all the bytes until the end")
    tail_offset = len(whole) - 10
    assert terminal.ok(read_binary(tail_offset, 256)) == whole[tail_offset:]
    # an explicit Le beyond the end: what is there, with the warning 62 82
    response = terminal.send(read_binary(tail_offset, 20))
    assert sw(response) == 0x6282 and body(response) == whole[tail_offset:]
    response = terminal.send(read_binary(tail_offset, 1000))
    assert sw(response) == 0x6282 and body(response) == whole[tail_offset:]
    # at or past the end
    assert sw(terminal.send(read_binary(len(whole), 256))) == 0x6B00
    assert sw(terminal.send(read_binary(0x7FFF, 1))) == 0x6B00


def test_read_binary_without_a_current_ef_or_of_the_wrong_kind(terminal: Terminal) -> None:
    assert sw(terminal.send(read_binary(0, 16))) == 0x6986  # nothing selected at all
    terminal.select(JPKI)
    assert sw(terminal.send(read_binary(0, 16))) == 0x6986  # an applet, no EF
    terminal.ok(select_ef(AUTH_PIN))
    assert sw(terminal.send(read_binary(0, 16))) == 0x6981
    terminal.ok(select_ef(AUTH_KEY))
    assert sw(terminal.send(read_binary(0, 16))) == 0x6981


def test_read_binary_parameters(terminal: Terminal) -> None:
    terminal.select(JPKI, TOKEN)
    assert sw(terminal.send(short(0x00, 0xB0, 0x80 | 0x06, 0x00, le=16))) == 0x6A86  # short EF identifier
    assert sw(terminal.send(bytes.fromhex("00B00000"))) == 0x6700  # no Le
    assert sw(terminal.send(short(0x00, 0xB0, 0, 0, b"\x01", le=16))) == 0x6700  # data


def test_select_status_words(terminal: Terminal) -> None:
    assert sw(terminal.send(select_ef(TOKEN))) == 0x6A82  # no applet selected yet
    assert sw(terminal.send(select_applet(bytes.fromhex("A000000308000010000100")))) == 0x6A82  # PIV
    # tools probe with P2 00: an unknown applet is still "not found"
    assert sw(terminal.send(short(0x00, 0xA4, 0x04, 0x00, bytes.fromhex("A0000000041010"), le=256))) == 0x6A82
    assert sw(terminal.send(short(0x00, 0xA4, 0x04, 0x00, JPKI, le=256))) == 0x6A86
    assert sw(terminal.send(short(0x00, 0xA4, 0x00, 0x0C, bytes.fromhex("3F00")))) == 0x6A86
    assert sw(terminal.send(bytes.fromhex("00A4040C"))) == 0x6700  # no AID
    terminal.ok(select_applet(JPKI))
    assert sw(terminal.send(select_ef(0x0FFF))) == 0x6A82
    assert sw(terminal.send(short(0x00, 0xA4, 0x02, 0x0C, b"\x00\x0a\x00"))) == 0x6700
    assert sw(terminal.send(short(0x00, 0xA4, 0x02, 0x00, b"\x00\x0a"))) == 0x6A86
    assert sw(terminal.send(bytes.fromhex("00A4020C03000A"))) == 0x6700  # Lc says 3, 2 bytes follow
    terminal.ok(select_applet(CARD_FACE))  # present on a real card; no EF of it is public
    assert sw(terminal.send(select_ef(TOKEN))) == 0x6A82


def test_a_failed_select_keeps_the_current_file(terminal: Terminal) -> None:
    terminal.select(JPKI, TOKEN)
    assert sw(terminal.send(select_ef(0x0FFF))) == 0x6A82
    assert sw(terminal.send(select_applet(bytes.fromhex("D392F0002601000000FF")))) == 0x6A82
    assert terminal.ok(read_binary(0, 15)) == b"JPKIAPICCTOKEN2"


def test_unknown_instruction_and_class(terminal: Terminal) -> None:
    assert sw(terminal.send(bytes.fromhex("00CA00C100"))) == 0x6D00  # GET DATA is proprietary here
    assert sw(terminal.send(bytes.fromhex("00E00000"))) == 0x6D00
    assert sw(terminal.send(bytes.fromhex("80B0000000"))) == 0x6D00
    assert sw(terminal.send(bytes.fromhex("A0A4040C0AD392F000260100000001"))) == 0x6E00
    assert sw(terminal.send(bytes.fromhex("0CA4040C0AD392F000260100000001"))) == 0x6E00
    assert sw(terminal.send(bytes.fromhex("90B0000000"))) == 0x6884  # chaining of a command that has none
    assert sw(terminal.send(b"\x00\xa4")) == 0x6700
    assert sw(terminal.send(bytes.fromhex("00C0000010"))) == 0x6985  # nothing waiting for GET RESPONSE


def test_a_card_without_extended_length(make_card: CardFactory) -> None:
    terminal = Terminal(make_card("no-extended-length"))
    terminal.select(JPKI, AUTH_CERT)
    assert sw(terminal.send(read_binary(0, 65536))) == 0x6700
    assert sw(terminal.send(extended(0x00, 0xB0, 0, 0, le=16))) == 0x6700
    assert len(terminal.ok(read_binary(0, 256))) == 256  # the short fallback works


def test_broken_certificate_has_a_right_length_and_no_certificate(make_card: CardFactory) -> None:
    card = make_card("broken-cert")
    terminal = Terminal(card)
    terminal.select(JPKI)
    content = terminal.read_file(AUTH_CERT)
    assert content[0] == 0x30 and content[1] == 0x82
    assert int.from_bytes(content[2:4], "big") == len(content) - 4
    try:
        x509.load_der_x509_certificate(content)
    except ValueError:
        pass
    else:
        raise AssertionError("the broken certificate parsed")
    # the rest of the card works: the key still signs, the CA certificate parses
    x509.load_der_x509_certificate(terminal.read_file(AUTH_CA))
    assert terminal.verify(JPKI, AUTH_PIN, b"1234") == 0x9000


def test_the_resident_register_card(make_card: CardFactory) -> None:
    card = make_card("juki")
    terminal = Terminal(card)
    terminal.select(JPKI)
    assert terminal.read_file(TOKEN).rstrip(b" ") == b"JPKIAPICCTOKEN"
    assert sw(terminal.send(select_ef(AUTH_CERT))) == 0x6A82
    assert sw(terminal.send(select_applet(bytes.fromhex("D3921000310001010408")))) == 0x6A82
    assert card.atr.hex().upper() == "3B888001000014E0B38191005E"


def test_the_minor_card_has_no_signing_function(make_card: CardFactory) -> None:
    terminal = Terminal(make_card("minor"))
    terminal.select(JPKI)
    for fid in (SIGN_CERT, 0x001A, SIGN_PIN):
        assert sw(terminal.send(select_ef(fid))) == 0x6A82
    x509.load_der_x509_certificate(terminal.read_file(AUTH_CERT))
    x509.load_der_x509_certificate(terminal.read_file(SIGN_CA))


def test_verify_data_of_a_non_pin_ef(terminal: Terminal) -> None:
    terminal.select(JPKI, TOKEN)
    assert sw(terminal.send(verify(b"1234"))) == 0x6981
