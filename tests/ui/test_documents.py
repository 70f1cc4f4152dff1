"""The receipt and the application form, as the PDF a resident takes home: rendered offscreen through
QPdfWriter (and a QPrinter set to PDF), read back with poppler's pdftotext and pdffonts, and the first page
drawn to PNG in the test's directory for a person to look at. pdftotext reads in drawing order (-raw), so a
wrapped value stays in one piece.

pdftotext gives some characters as other code points drawn with the same glyph (Qt's ToUnicode map names a
glyph by the first code point the font maps to it: 子 comes back as the Kangxi radical ⼦, ～ as 〜), so
texts are compared as the font's glyphs, without white space and with Latin ligatures (ﬁ) spelt out.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from central_server import DEMO_TERMINAL, CentralHandle, central  # noqa: F401 - fixture
from conftest import unavailable
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtPrintSupport import QPrinter

from kiosk import i18n
from kiosk.card.cardinfo import CardInfoAttributes, Sex
from kiosk.card.certificate import CardCertificate, parse_certificate
from kiosk.domain.transactions import (
    CertificateChange,
    Mode,
    Outcome,
    TransactionKind,
    TransactionRecord,
    validate,
)
from kiosk.errors import DocumentNotWritten, OperationCancelled, ServerUnavailable
from kiosk.flows.pin_reset import PinReset
from kiosk.flows.procedure import FlowResult
from kiosk.flows.renewal import NewCertificate, Renewal
from kiosk.ui.documents import (
    NoReceipt,
    PageSize,
    Receipt,
    print_application_form,
    print_receipt,
    printing,
    receipt_lines,
    render_application_form,
    render_receipt,
    temporary_pdf,
)
from kiosk.ui.documents.dates import era_date
from kiosk.ui.documents.receipt import reference_number

SITE = "千代田区役所 戸籍住民課"
TERMINAL = "T-0001"
KEY = "3f2a9c1b-0d4e-4f5a-8b6c-7d8e9f0a1b2c"
# 15:30 UTC is 00:30 the next day in Japan: the receipt must show the Japan date.
OCCURRED = datetime(2026, 12, 1, 15, 30, tzinfo=UTC)
EXPIRES = datetime(2031, 5, 10, 14, 59, 59, tzinfo=UTC)  # 23:59:59 JST on 10 May 2031
HOLDER = CardInfoAttributes("山田 花子", "東京都千代田区千代田一丁目1番1号 千代田マンション101号室",
                            date(1985, 3, 5), Sex.FEMALE)


# --- helpers -----------------------------------------------------------------------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        unavailable(f"{name} is not installed (Debian: poppler-utils, in the Makefile's SYSTEM_PACKAGES)")
    assert path is not None
    return path


@cache
def _noto() -> QRawFont:
    return QRawFont.fromFont(QFont(printing.FONT_FAMILY))


def squash(text: str) -> str:
    """The text as the font's glyphs, without white space: what was printed, whichever of a glyph's code
    points pdftotext reports (a Kangxi radical, a wave dash) and however the line wrapped."""
    unligated = re.sub("[\ufb00-\ufb06]", lambda m: unicodedata.normalize("NFKC", m.group()), text)  # ﬁ
    bare = re.sub(r"\s+", "", unligated)
    return "".join(chr(glyph) for glyph in _noto().glyphIndexesForString(bare))


def pdf_text(path: Path) -> str:
    return subprocess.run([_tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def contains(text: str, *needles: str) -> list[str]:
    """The needles missing from the text, compared after NFKC and without white space."""
    body = squash(text)
    return [n for n in needles if squash(n) not in body]


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def assert_japanese_font_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "the PDF names no font"
    assert any(row[0].startswith("NotoSansCJKjp") for row in fonts), fonts
    # columns: name, type (two words for "CID TrueType"), encoding, emb, sub, uni, object, generation
    assert all(row[-5] == "yes" for row in fonts), f"a font is not embedded: {fonts}"
    assert b"/FontFile" in path.read_bytes()


def pages(path: Path) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]


def first_page_png(path: Path) -> Path:
    """The first page as a PNG next to the PDF, to look at (layout, and Japanese drawn, not boxes)."""
    stem = path.with_suffix("")
    subprocess.run([_tool("pdftoppm"), "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(stem)], check=True)
    png = stem.with_suffix(".png")
    assert png.stat().st_size > 1000
    return png


def certificate(serial: int, not_after: datetime = EXPIRES) -> CardCertificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "receipt test")])
    built = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
             .serial_number(serial).not_valid_before(not_after - timedelta(days=1800))
             .not_valid_after(not_after).sign(key, hashes.SHA256()))
    return parse_certificate(built.public_bytes(Encoding.DER))


def record(kind: TransactionKind, outcome: Outcome = Outcome.COMPLETED, *, pin_kind: str | None = None,
           certificates: tuple[CertificateChange, ...] = (), failure_code: str | None = None) -> TransactionRecord:
    made = TransactionRecord(key=KEY, terminal_id=TERMINAL, site="chiyoda-1", sequence=42, kind=kind,
                             outcome=outcome, occurred_at=OCCURRED, mode=Mode.COUNTER, failure_code=failure_code,
                             staff_id="S0012", card_generation="current", pin_kind=pin_kind,
                             certificates=certificates, subject_hmac_hex="ab" * 32)
    validate(made)
    return made


def renewal_result(kind: TransactionKind = TransactionKind.RENEWAL) -> FlowResult[Any]:
    auth, sign = certificate(0x1A2B3C4D5E), certificate(0x99AA01)
    changes = (CertificateChange("auth", "0111", auth.serial_hex),
               CertificateChange("sign", "0222", sign.serial_hex))
    value = Renewal(kind, (NewCertificate("auth", auth.serial_hex, auth),
                           NewCertificate("sign", sign.serial_hex, sign)))
    return FlowResult(record(kind, certificates=changes), value, None, card_changed=True)


def pin_reset_result() -> FlowResult[Any]:
    return FlowResult(record(TransactionKind.PIN_RESET, pin_kind="sign"), PinReset("sign"), None, True)


def pin_change_result() -> FlowResult[Any]:
    return FlowResult(record(TransactionKind.PIN_CHANGE, pin_kind="auth"), None, None, True)


COMMON = ("電子証明書 手続き受付票（お客様控え）", "Electronic certificate procedure: receipt (your copy)",
          SITE, TERMINAL, "2026年12月2日 00:30（日本時間）", "2 December 2026, 00:30 (Japan time)",
          "完了", "Completed", "000042-3F2A9C1B", "暗証番号は誰にも教えないでください。",
          "Never tell anyone your PINs.")

CASES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "renewal": (renewal_result, (
        "電子証明書の更新", "Renewal of electronic certificates", "利用者証明用電子証明書",
        "User-authentication certificate", "署名用電子証明書", "Signing certificate", "1A 2B 3C 4D 5E", "99 AA 01",
        "2031年5月10日", "10 May 2031", "以前の電子証明書は失効しました。",
        "Your previous certificates are revoked.")),
    "new_issuance": (lambda: renewal_result(TransactionKind.NEW_ISSUANCE), (
        "電子証明書の新規発行", "New issuance of electronic certificates",
        "新しい電子証明書は本日からご利用いただけます。", "The new certificates can be used from today.",
        "2031年5月10日")),
    "pin_reset": (pin_reset_result, (
        "暗証番号の再設定", "PIN reset", "署名用電子証明書のパスワード（6～16文字）",
        "signing password (6 to 16 characters)", "誤入力の回数も元に戻りました。")),
    "pin_change": (pin_change_result, (
        "暗証番号の変更", "PIN change", "利用者証明用電子証明書の暗証番号（数字4桁）",
        "user-authentication PIN (4 digits)", "The new PIN works from now.")),
}


@pytest.fixture(autouse=True)
def _qt(qapp: Any) -> Iterator[None]:
    yield
    i18n.set_language(None)


# --- the receipt -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_procedure_has_a_receipt_in_japanese_over_english(case: str, tmp_path: Path) -> None:
    make, expected = CASES[case]
    receipt = Receipt.from_result(make(), SITE, TERMINAL)
    path = render_receipt(receipt, tmp_path / f"receipt-{case}.pdf")
    text = pdf_text(path)
    assert contains(text, *COMMON, *expected) == []
    assert_japanese_font_embedded(path)
    assert pages(path) == 1
    first_page_png(path)
    # Nothing of the record that is not the resident's business: staff ID, the subject hash, old serials.
    assert contains(text, "S0012") == ["S0012"]
    assert "abab" not in text
    assert contains(text, "01 11") == ["01 11"]


def test_the_receipt_prints_both_languages_whatever_the_screen_shows(tmp_path: Path) -> None:
    receipt = Receipt.from_result(renewal_result(), SITE, TERMINAL)
    texts = []
    for language in ("ja", "en"):
        i18n.set_language(language)
        texts.append(pdf_text(render_receipt(receipt, tmp_path / f"{language}.pdf")))
    assert texts[0] == texts[1]


def test_an_a5_receipt_fits_one_page(tmp_path: Path) -> None:
    receipt = Receipt.from_result(renewal_result(), SITE, TERMINAL)
    path = render_receipt(receipt, tmp_path / "a5.pdf", page_size=PageSize.A5)
    assert pages(path) == 1
    assert contains(pdf_text(path), "1A 2B 3C 4D 5E", "000042-3F2A9C1B") == []
    first_page_png(path)


def test_a_renewal_that_stopped_after_one_certificate_says_what_was_done(tmp_path: Path) -> None:
    auth = certificate(0xABCDEF)
    result: FlowResult[Any] = FlowResult(
        record(TransactionKind.RENEWAL, Outcome.FAILED, failure_code="sync.unavailable",
               certificates=(CertificateChange("auth", "0111", auth.serial_hex),)),
        None, ServerUnavailable("down"), card_changed=True)
    receipt = Receipt.from_result(result, SITE, TERMINAL)
    assert [(c.purpose, c.serial_hex, c.expires_on) for c in receipt.certificates] == [("auth", "abcdef", None)]
    text = pdf_text(render_receipt(receipt, tmp_path / "partial.pdf"))
    assert contains(text, "未完了", "Not completed", "AB CD EF", "手続きは途中で終了しました。",
                    "Please ask at the counter to finish the procedure.") == []
    assert contains(text, "有効期限", "失効しました") == ["有効期限", "失効しました"]


def test_a_cancelled_pin_reset_says_nothing_changed_and_names_no_pin_as_set(tmp_path: Path) -> None:
    result: FlowResult[Any] = FlowResult(record(TransactionKind.PIN_RESET, Outcome.CANCELLED, pin_kind="auth"),
                                         None, OperationCancelled("cancelled"), card_changed=False)
    text = pdf_text(render_receipt(Receipt.from_result(result, SITE, TERMINAL), tmp_path / "cancelled.pdf"))
    assert contains(text, "中止", "Cancelled", "カードの内容は変更されていません。") == []
    assert contains(text, "設定した暗証番号") == ["設定した暗証番号"]


@pytest.mark.parametrize("kind", [TransactionKind.CHECK, TransactionKind.CARD_INFO_READ])
def test_procedures_without_a_receipt_are_refused(kind: TransactionKind) -> None:
    with pytest.raises(NoReceipt, match=str(kind)):
        Receipt.from_result(FlowResult(record(kind), None), SITE, TERMINAL)


def test_the_reference_number_is_the_sequence_and_the_keys_first_digits() -> None:
    assert reference_number(7, KEY) == "000007-3F2A9C1B"
    assert reference_number(1234567, KEY) == "1234567-3F2A9C1B"


def test_receipt_lines_follow_the_screens_translator(tmp_path: Path) -> None:
    receipt = Receipt.from_result(pin_reset_result(), SITE, TERMINAL)
    english = receipt_lines(receipt)
    assert ("Procedure", "PIN reset") in english
    assert ("Reference number", "000042-3F2A9C1B") in english
    assert ("Date and time", "2 December 2026, 00:30 (Japan time)") in english

    catalog = tmp_path / "kiosk_ja.qm"
    subprocess.run([_tool(str(Path(sys.executable).parent / "pyside6-lrelease")),
                    str(i18n.catalog_path("ja")), "-qm", str(catalog)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(catalog))
    QCoreApplication.installTranslator(translator)
    i18n.set_language("ja")
    try:
        japanese = receipt_lines(receipt)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert ("手続き", "暗証番号の再設定") in japanese
    assert ("日時", "2026年12月2日 00:30（日本時間）") in japanese
    assert ("設定した暗証番号", "署名用電子証明書のパスワード（6～16文字）") in japanese
    assert len(japanese) == len(english)


def test_the_printer_path_paints_the_same_receipt(tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_receipt(Receipt.from_result(renewal_result(), SITE, TERMINAL), printer)
    text = pdf_text(tmp_path / "printed.pdf")
    assert contains(text, *COMMON, "1A 2B 3C 4D 5E") == []
    assert_japanese_font_embedded(tmp_path / "printed.pdf")


def test_an_unwritable_place_is_a_typed_error_and_leaves_no_file(tmp_path: Path) -> None:
    receipt = Receipt.from_result(pin_change_result(), SITE, TERMINAL)
    with pytest.raises(DocumentNotWritten, match="does not exist"):
        render_receipt(receipt, tmp_path / "missing" / "receipt.pdf")
    (tmp_path / "a-folder.pdf").mkdir()
    with pytest.raises(DocumentNotWritten, match="cannot be opened"):
        render_receipt(receipt, tmp_path / "a-folder.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.pdf"]


def test_a_missing_japanese_font_is_refused_before_anything_is_written(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "FONT_FAMILY", "No Such Font JP")
    with pytest.raises(DocumentNotWritten, match="empty boxes"):
        render_receipt(Receipt.from_result(pin_change_result(), SITE, TERMINAL), tmp_path / "receipt.pdf")
    assert list(tmp_path.iterdir()) == []


# --- the application form ----------------------------------------------------------------------------------


@pytest.fixture
def watched_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The process's temporary directory, pointed at an empty folder, to prove nothing lands there."""
    folder = tmp_path / "process-temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_form_holds_the_card_details_in_the_pdf_and_nowhere_else(
        tmp_path: Path, watched_temp: Path, caplog: pytest.LogCaptureFixture, qtlog: Any) -> None:
    out = tmp_path / "out"
    out.mkdir()
    caplog.set_level(logging.DEBUG)
    path = render_application_form(HOLDER, out / "form.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["form.pdf"]
    assert list(watched_temp.iterdir()) == []
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)
    assert "山田" not in logged and "千代田" not in logged and "1985" not in logged
    qt_messages = "\n".join(record.message for record in qtlog.records)
    assert "山田" not in qt_messages and "千代田" not in qt_messages

    text = pdf_text(path)
    assert contains(text, "電子証明書 申請書", "Application for electronic certificates", "氏名", "Name",
                    HOLDER.name, HOLDER.address, "昭和60年3月5日（1985年3月5日）", "5 March 1985 (Showa 60)",
                    "女", "Female", "署名", "Signature", "記入日", "Date",
                    "端末には保存されません。") == []
    info = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    assert "Application for electronic certificates" in info
    assert contains(info, "山田") == ["山田"]
    assert_japanese_font_embedded(path)
    assert pages(path) == 1
    first_page_png(path)


def test_a_temporary_form_is_private_and_gone_after_printing(watched_temp: Path) -> None:
    with temporary_pdf("form") as path:
        render_application_form(HOLDER, path)
        folder = path.parent
        assert folder.parent == watched_temp
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert contains(pdf_text(path), HOLDER.name) == []
    assert not folder.exists()
    with pytest.raises(RuntimeError, match="printer jammed"), temporary_pdf("form") as path:
        render_application_form(HOLDER, path)
        raise RuntimeError("printer jammed")
    assert list(watched_temp.iterdir()) == []


def test_the_form_goes_to_a_printer_without_a_file_of_its_own(tmp_path: Path, watched_temp: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the test's stand-in for paper
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    print_application_form(HOLDER, printer)
    assert contains(pdf_text(tmp_path / "paper.pdf"), HOLDER.name, HOLDER.address) == []
    assert list(watched_temp.iterdir()) == []


@pytest.mark.parametrize(("sex", "japanese", "english"), [
    (Sex.MALE, "男", "Male"), (Sex.NOT_APPLICABLE, "該当なし", "Not applicable")])
def test_the_form_names_each_sex(sex: Sex, japanese: str, english: str, tmp_path: Path) -> None:
    holder = CardInfoAttributes("佐藤 一郎", "大阪府大阪市北区1-1", date(2019, 5, 1), sex)
    text = pdf_text(render_application_form(holder, tmp_path / "form.pdf"))
    assert contains(text, japanese, english, "令和元年5月1日（2019年5月1日）", "1 May 2019 (Reiwa 1)") == []


@pytest.mark.parametrize(("day", "japanese", "english"), [
    (date(2019, 5, 1), "令和元年5月1日", "Reiwa 1"),
    (date(2019, 4, 30), "平成31年4月30日", "Heisei 31"),
    (date(1989, 1, 8), "平成元年1月8日", "Heisei 1"),
    (date(1989, 1, 7), "昭和64年1月7日", "Showa 64"),
    (date(1926, 12, 25), "昭和元年12月25日", "Showa 1"),
    (date(1926, 12, 24), "大正15年12月24日", "Taisho 15"),
    (date(1912, 7, 30), "大正元年7月30日", "Taisho 1"),
    (date(1912, 7, 29), "明治45年7月29日", "Meiji 45"),
    (date(2026, 12, 1), "令和8年12月1日", "Reiwa 8"),
])
def test_era_dates(day: date, japanese: str, english: str) -> None:
    era = era_date(day)
    assert era is not None
    assert (era.japanese, era.english) == (japanese, english)


def test_no_era_before_meiji() -> None:
    assert era_date(date(1868, 1, 1)) is None


def test_the_qt_binding_keeps_its_references_to_none(tmp_path: Path) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a void method (one receipt
    is thousands), and the process aborts with "deallocating None"; pyproject.toml excludes it."""
    from PySide6.QtGui import QPainter, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "calls.pdf"))
    painter = QPainter(writer)
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.drawLine(0, 0, 10, 10)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10, f"None lost {before - after} references in 200 void calls"


# --- from real procedures ----------------------------------------------------------------------------------


@pytest.fixture
async def counter(tmp_path: Path, central: CentralHandle, vpcd_slot: Any,  # noqa: F811 - fixture injection
                  training_pki: Any) -> AsyncIterator[Any]:
    from flows.harness import terminal_for

    async with terminal_for(tmp_path / "counter", central, vpcd_slot, training_pki, DEMO_TERMINAL) as terminal:
        yield terminal


@pytest.mark.pcsc
async def test_a_renewal_and_a_card_info_read_through_pcscd_print_their_documents(counter: Any,
                                                                                 tmp_path: Path) -> None:
    from flows.script import ScriptedInteraction

    from kiosk.cardsim.profiles import named_profile
    from kiosk.domain.validity import japan_date
    from kiosk.flows.card_info import read_card_info
    from kiosk.flows.renewal import renew
    from kiosk.ui.documents.dates import western_english, western_japanese

    card = counter.card("renewable")
    renewal_script = ScriptedInteraction.typing(["5678", "ABC123", "4321", "4321", "NEWPASS1", "newpass1"],
                                                card_expires_on=named_profile("renewable").card_expires_on)
    with counter.inserted(card):
        renewed = await renew(counter.context(renewal_script))
        read = await read_card_info(counter.context(ScriptedInteraction.typing(["5678"])))
    assert renewed.completed, renewed.error
    assert read.completed and read.value is not None, read.error
    assert isinstance(renewed.value, Renewal)

    receipt = Receipt.from_result(renewed, SITE, renewed.record.terminal_id)
    text = pdf_text(render_receipt(receipt, tmp_path / "receipt.pdf"))
    expected = [SITE, renewed.record.terminal_id, reference_number(renewed.record.sequence, renewed.record.key),
                "電子証明書の更新", "以前の電子証明書は失効しました。"]
    for new in renewed.value.certificates:
        expires = japan_date(new.certificate.not_after)
        digits = new.serial_hex.upper().zfill(len(new.serial_hex) + len(new.serial_hex) % 2)
        expected += [" ".join(digits[i:i + 2] for i in range(0, len(digits), 2)),
                     western_japanese(expires), western_english(expires)]
    assert contains(text, *expected) == []
    attributes = read.value
    assert contains(text, attributes.name, attributes.address) == [attributes.name, attributes.address]
    assert renewal_script.all_wiped

    with temporary_pdf("form") as path:
        render_application_form(attributes, path)
        form_text = pdf_text(path)
        first_page_png(path)
    assert contains(form_text, attributes.name, attributes.address) == []


def test_characters_the_font_cannot_print_are_named_for_staff() -> None:
    from kiosk.ui.documents import unprintable

    assert unprintable(HOLDER) == []
    # 葛 with an ideographic variation selector (a form Noto Sans CJK JP carries), and a private-use
    # character as some registries encode a gaiji.
    holder = CardInfoAttributes("葛\U000E0100飾 \ue000太郎", "東京都葛飾区", date(1990, 1, 1), Sex.MALE)
    assert unprintable(holder) == ["\ue000"]


def test_printed_japanese_comes_from_the_catalog_whatever_the_process_language() -> None:
    i18n.set_language("en")
    assert i18n.tr_in("ja", i18n.tr_noop("documents", "Completed")) == "完了"
    assert i18n.tr_in("en", i18n.tr_noop("documents", "Completed")) == "Completed"


def test_the_document_font_keeps_digits_nameable_and_draws_no_box_for_a_variation_selector() -> None:
    from PySide6.QtGui import QTextLayout

    def glyphs(text: str) -> list[int]:
        layout = QTextLayout(text, printing.document_font(11))
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return [glyph for run in layout.glyphRuns() for glyph in run.glyphIndexes()]

    assert glyphs("T-0001")[2:] == list(_noto().glyphIndexesForString("0001"))
    assert 0 not in glyphs("葛\U000E0100飾 太郎")
