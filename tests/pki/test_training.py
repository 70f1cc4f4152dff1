"""The training PKI: reproducible from a seed, safe to create from two processes at once, JPKI-shaped."""

from __future__ import annotations

import multiprocessing
import stat
from datetime import date
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.domain.validity import JST
from kiosk.pki import jpki, training
from kiosk.pki.jpki import Holder, Purpose
from kiosk.pki.keys import random_rsa_key, seeded_rsa_key


def test_seeded_pki_is_identical_on_every_generation(training_pki: training.TrainingPki) -> None:
    again = training.generate(b"kiosk-test-suite-training-pki-v1")
    assert [a.certificate for a in again.authorities] == [a.certificate for a in training_pki.authorities]
    assert again.fingerprint() == training_pki.fingerprint()


def test_seeded_keys_depend_on_seed_and_label() -> None:
    one = seeded_rsa_key(b"one", "label", bits=1024).private_numbers()
    assert seeded_rsa_key.__wrapped__(b"one", "label", bits=1024).private_numbers() == one
    assert seeded_rsa_key(b"two", "label", bits=1024).private_numbers() != one
    assert seeded_rsa_key(b"one", "other", bits=1024).private_numbers() != one
    assert one.public_numbers.n.bit_length() == 1024


def test_roots_are_self_signed_rsa2048_with_jpki_names(training_pki: training.TrainingPki) -> None:
    for purpose in Purpose:
        roots = training_pki.roots(purpose)
        assert len(roots) == len(training.GENERATIONS)
        # Generations share one name: only the key identifiers tell them apart.
        assert len({r.subject for r in roots}) == 1
        for root in roots:
            assert root.subject == root.issuer == jpki.root_name(purpose)
            public = root.public_key()
            assert isinstance(public, rsa.RSAPublicKey) and public.key_size == 2048
            public.verify(root.signature, root.tbs_certificate_bytes, padding.PKCS1v15(),
                          root.signature_hash_algorithm)  # type: ignore[arg-type]
            assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def test_newest_generation_issues(training_pki: training.TrainingPki) -> None:
    assert training_pki.issuing(Purpose.AUTH).generation == training.GENERATIONS[-1][0]


def test_end_entity_certificates_chain_to_the_right_generation(training_pki: training.TrainingPki) -> None:
    key = random_rsa_key()
    for authority in training_pki.authorities:
        if authority.purpose is not Purpose.AUTH:
            continue
        cert = jpki.issue_auth_certificate(authority.certificate, authority.key, key.public_key(),
                                           issued_on=date(2024, 1, 10), expires_on=date(2029, 6, 1))
        assert training_pki.authority_for(cert) == authority
        assert jpki.find_issuer(cert, training_pki.roots(Purpose.SIGN)) is None


def test_a_foreign_pki_is_not_trusted(training_pki: training.TrainingPki) -> None:
    foreign = training.generate()
    authority = foreign.issuing(Purpose.AUTH)
    cert = jpki.issue_auth_certificate(authority.certificate, authority.key, random_rsa_key().public_key(),
                                       issued_on=date(2024, 1, 10), expires_on=date(2029, 6, 1))
    # Same issuer name, different key: matching by name alone would wrongly trust it.
    assert cert.issuer == training_pki.roots(Purpose.AUTH)[0].subject
    assert training_pki.authority_for(cert) is None


def test_expiry_is_the_end_of_the_japan_day(training_pki: training.TrainingPki) -> None:
    authority = training_pki.issuing(Purpose.AUTH)
    cert = jpki.issue_auth_certificate(authority.certificate, authority.key, random_rsa_key().public_key(),
                                       issued_on=date(2024, 1, 10), expires_on=date(2029, 6, 1))
    assert cert.not_valid_after_utc.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S") == "2029-06-01 23:59:59"
    assert cert.not_valid_before_utc.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S") == "2024-01-10 00:00:00"


def test_signing_certificate_carries_the_holder_in_subject_alt_name(training_pki: training.TrainingPki) -> None:
    authority = training_pki.issuing(Purpose.SIGN)
    holder = Holder(name="山田 花子", birth_date=date(1990, 6, 1), sex="2", address="東京都千代田区霞が関2-1-2")
    cert = jpki.issue_sign_certificate(authority.certificate, authority.key, random_rsa_key().public_key(),
                                       holder, issued_on=date(2024, 1, 10), expires_on=date(2029, 6, 1))
    names = {n.type_id.dotted_string: n.value
             for n in cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
             if isinstance(n, x509.OtherName)}
    assert names[jpki.OID_NAME.dotted_string] == jpki.utf8_string("山田 花子")
    assert names[jpki.OID_BIRTH_DATE.dotted_string] == jpki.printable_string("419900601")  # Heisei era digit
    assert names[jpki.OID_SEX.dotted_string] == jpki.printable_string("2")
    policies = cert.extensions.get_extension_for_class(x509.CertificatePolicies)
    assert policies.critical
    assert policies.value[0].policy_identifier == jpki.POLICY[Purpose.SIGN]
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment


def test_era_digits() -> None:
    assert jpki.era_digit(date(1989, 1, 7)) == "3"
    assert jpki.era_digit(date(1989, 1, 8)) == "4"
    assert jpki.era_digit(date(2019, 5, 1)) == "5"


def test_private_keys_are_written_for_the_owner_only(tmp_path: Path) -> None:
    pki = training.load_or_create(tmp_path / "pki")
    for key_file in (tmp_path / "pki").glob("*.key.pem"):
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert training.load(tmp_path / "pki").fingerprint() == pki.fingerprint()


def _create(directory: str, queue: multiprocessing.Queue[str]) -> None:
    queue.put(training.load_or_create(Path(directory)).fingerprint())


def test_two_processes_creating_at_once_agree(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[str] = context.Queue()
    target = str(tmp_path / "shared-pki")
    workers = [context.Process(target=_create, args=(target, queue)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    fingerprints = {queue.get(timeout=5) for _ in workers}
    assert len(fingerprints) == 1
    assert not list(tmp_path.glob(".training-pki-*")), "a losing process left its staging directory"
