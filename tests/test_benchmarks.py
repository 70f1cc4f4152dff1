"""The benchmark scripts: they run, print what they claim, and their baselines are real.

Only shapes and counts are checked here, never speed (speed targets live in the scripts' own output).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.card import apdu
from kiosk.card.jpki import sha256_digest_info
from kiosk.cardsim import VirtualCard
from kiosk.cardsim import pcscd as pcscd_control
from kiosk.pki import authorisation
from kiosk.pki.training import TrainingPki

REPO = Path(__file__).resolve().parent.parent
FLOWS = ("check", "renewal", "reset_by_proof", "reset_by_staff", "pin_change", "card_info")
# What the placeholders of the written sequences stand for, on the training cards.
PLACEHOLDER_VALUES = {
    "auth PIN": "1234", "current auth PIN": "1234", "signing password": "ABC123", "card-info PIN": "5678",
    "new auth PIN": "4321", "new signing password": "NEWPASS1",
}
WRITTEN = re.compile(r"(?P<header>(?:[0-9A-F]{2} ){3}[0-9A-F]{2})"
                     r"(?: (?P<lc>[0-9A-F]{2}|<Lc>) (?P<data>[0-9A-F]+|<[^>]+>))?(?: (?P<le>[0-9A-F]+))?")
OPERATIONS = {0x46: authorisation.Operation.GENERATE_KEY_PAIR, 0xD6: authorisation.Operation.WRITE_CERTIFICATE,
              0x2C: authorisation.Operation.RESET_PIN}


def flows_benchmark() -> ModuleType:
    """benchmarks/flows.py as a module (its dataclasses need it in ``sys.modules`` while it loads)."""
    name = "benchmarks_flows"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "flows.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.mark.pcsc
def test_flows_benchmark_prints_every_flow_with_its_figures(pcscd: pcscd_control.PcscdProcess) -> None:
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "flows.py"), "--runs", "1", "--warmup", "0"],
                         capture_output=True, text=True, timeout=240, cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["benchmark"] == "flows"
    assert [flow["flow"] for flow in result["flows"]] == list(FLOWS)
    for flow in result["flows"]:
        assert (flow["runs"], flow["completed"], flow["errors"]) == (1, 1, []), flow
        apdus = flow["apdus"]
        assert apdus["as_sent"] == apdus["seen_by_card"]  # the terminal's count is the card's
        assert apdus["as_sent"] >= apdus["fewest"] > 0
        assert apdus["missing_from_as_sent"] == {}
        assert sum(apdus["surplus"].values()) == apdus["as_sent"] - apdus["fewest"]
        assert apdus["ratio_as_sent_to_fewest"] == round(apdus["as_sent"] / apdus["fewest"], 3)
        assert flow["card_io_ms"]["median"] > 0 and flow["card_io_ms"]["fewest_estimate"] > 0
        assert set(flow["share"]) == {"card", "central", "database", "ours"}
        assert sum(flow["share"].values()) == pytest.approx(1.0, abs=0.01)
        assert set(flow["waiting_ms_median"]) == {"card_io", "pcsc_connect_and_transactions", "central",
                                                  "database"}
    by_name = {flow["flow"]: flow for flow in result["flows"]}
    assert by_name["check"]["apdus"]["as_sent"] == 12  # the check screen's read is already the fewest
    for needs_no_service in ("check", "pin_change", "card_info"):
        assert by_name[needs_no_service]["share"]["central"] == 0
    for secret in ("ABC123", "NEWPASS1", "5678"):
        assert secret not in run.stdout and secret not in run.stderr


# --- the fewest sequences are not a wish: each runs on the virtual card as written -----------------------

def _certificate_for(public_key_der: bytes) -> bytes:
    """A certificate for the card's new key; the card checks the key, not who signed it."""
    signer = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "benchmark replay")])
    now = datetime.now(UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(serialization.load_der_public_key(public_key_der))  # type: ignore[arg-type]
                   .serial_number(x509.random_serial_number()).not_valid_before(now)
                   .not_valid_after(now + timedelta(days=30)).sign(signer, hashes.SHA256()))
    return certificate.public_bytes(serialization.Encoding.DER)


class Replay:
    """Sends a written sequence to a card, filling in its placeholders from what the card answered."""

    def __init__(self, card: VirtualCard, pki: TrainingPki) -> None:
        self.card = card
        self.pki = pki
        self.applet = b""
        self.card_id = b""
        self.challenge = b""
        self.public_key = b""
        self.written: dict[int, bytes] = {}
        self.current_ef = 0

    def _authorise(self, ins: int, target: int, payload: bytes | None = None) -> bytes:
        unsigned = authorisation.create(OPERATIONS[ins], aid=self.applet, target=target, card_id=self.card_id,
                                        challenge=self.challenge, payload=payload)
        return authorisation.sign(unsigned, self.pki.issuer_key).encode()

    def _data(self, ins: int, target: int, placeholder: str) -> bytes:
        what = placeholder.strip("<>")
        if what == "authorisation":
            return self._authorise(ins, target)
        if what == "authorisation, certificate":
            der = _certificate_for(self.public_key)
            self.written[target] = der
            return self._authorise(ins, target, der) + der
        if what.startswith("authorisation, "):
            return self._authorise(ins, target) + PLACEHOLDER_VALUES[what.removeprefix("authorisation, ")].encode()
        if what.startswith("DigestInfo"):
            return sha256_digest_info(hashlib.sha256(b"the service's nonce").digest())
        return PLACEHOLDER_VALUES[what].encode()

    def send(self, text: str) -> tuple[str, int, bytes]:
        match = WRITTEN.fullmatch(text)
        assert match is not None, f"not written as CLA INS P1 P2 [Lc DATA] [Le]: {text!r}"
        cla, ins, p1, p2 = bytes.fromhex(match["header"].replace(" ", ""))
        target = p1 << 8 | p2
        data = b""
        if match["data"] is not None:
            data = (bytes.fromhex(match["data"]) if not match["data"].startswith("<")
                    else self._data(ins, target, match["data"]))
            if match["lc"] != "<Lc>":
                assert int(match["lc"], 16) == len(data), f"{text}: Lc says {match['lc']}, the data is {len(data)}"
        le = match["le"]
        ne = 0 if le is None else (apdu.EXTENDED_MAX_NE if le == "000000" else (int(le, 16) or apdu.SHORT_MAX_NE))
        command = apdu.Command(cla, ins, p1, p2, data, ne)
        raw = self.card.transmit(bytes(apdu.encode(command, extended=command.needs_extended or le == "000000")))
        response, sw = raw[:-2], raw[-2] << 8 | raw[-1]
        if ins == 0xA4:
            if p1 == 0x04:
                self.applet = data
            else:
                self.current_ef = int.from_bytes(data, "big")
        elif ins == 0xCA:
            self.card_id = response
        elif ins == 0x84:
            self.challenge = response
        elif ins == 0x46:
            self.public_key = response
        return text, sw, response


@pytest.mark.parametrize("name", FLOWS)
def test_the_fewest_sequence_of_each_flow_runs_on_the_virtual_card(name: str, training_pki: TrainingPki) -> None:
    benchmark = flows_benchmark()
    case = next(case for case in benchmark._cases() if case.name == name)
    card = VirtualCard.from_profile(case.profile, pki=training_pki)
    card.power_on()
    replay = Replay(card, training_pki)
    for text in case.fewest:
        sent, sw, response = replay.send(text)
        if text.split()[1] == "20" and len(text.split()) == 4:  # VERIFY without data: the tries, none spent
            assert sw & 0xFFF0 == 0x63C0 and sw & 0x0F > 0, f"{name}: {sent} answered {sw:04X}"
            continue
        assert sw == 0x9000, f"{name}: {sent} answered {sw:04X}"
        if text.startswith("00 B0") and replay.current_ef in replay.written:  # a read-back
            assert response == replay.written[replay.current_ef]


def test_written_sequences_and_sent_apdus_are_named_alike() -> None:
    benchmark = flows_benchmark()
    labeller = benchmark.Labeller()
    sent = [benchmark.label_raw(labeller, bytes.fromhex(h)) for h in (
        "00A4040C0AD392F000260100000001", "00A4020C020018", "0020008004" + "31323334", "00200080",
        "00B0000000FFFF", "802C0018" + "0001F4" + "00" * 500, "902C001803" + "000000")]
    assert sent == ["SELECT applet JPKI", "SELECT EF 0018", "VERIFY 0018", "VERIFY 0018 (tries)",
                    "READ BINARY 0018", "RESET PIN 0018", "RESET PIN 0018 (chained part)"]
    assert benchmark.label_written(benchmark.FEWEST_PIN_CHANGE) == [
        "SELECT applet JPKI", "SELECT EF 0006", "READ BINARY 0006", "SELECT EF 0018", "VERIFY 0018 (tries)",
        "VERIFY 0018", "CHANGE 0018"]


# --- the running application: heartbeat, cold start, soak (tiny sizes: shapes, not speed) ----------------

def _run_benchmark(script: str, *arguments: str) -> dict[str, Any]:
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / script), *arguments], capture_output=True,
                         text=True, timeout=240, cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    assert result["benchmark"] == script.removesuffix(".py")
    return result


@pytest.mark.pcsc
def test_ui_stall_benchmark_beats_through_every_scenario(pcscd: pcscd_control.PcscdProcess) -> None:
    result = _run_benchmark("ui_stall.py", "--backlog", "20", "--repeat", "1")
    assert list(result["scenarios"]) == ["check", "renewal", "sync"]
    for name, scenario in result["scenarios"].items():
        run = scenario["runs"][0]
        assert run["beats"] > 0 and run["max_gap_ms"] >= run["p99_gap_ms"] > 0, name
        assert scenario["idle_same_duration"]["max_gap_ms"] > 0
        assert scenario["ratio_to_idle"] == round(scenario["max_gap_ms"]
                                                  / scenario["idle_same_duration"]["max_gap_ms"], 2)
        assert scenario["meets_target"] == (scenario["max_gap_ms"] < scenario["target_max_gap_ms"] == 50.0)
    assert result["scenarios"]["sync"]["runs"][0]["records_sent"] == 21


@pytest.mark.pcsc
def test_startup_benchmark_times_both_windows_in_fresh_processes(pcscd: pcscd_control.PcscdProcess) -> None:
    result = _run_benchmark("startup.py", "--runs", "1")
    bare, ours = result["bare"], result["kiosk"]
    assert bare["first_paint_ms_median"] > 0 and ours["first_paint_ms_median"] > 0
    assert ours["ready_ms_median"] >= ours["first_paint_ms_median"]
    assert ours["first_screen"] == "signInScreen"  # the counter's first screen, services running
    assert result["ratio"]["first_paint"] == round(ours["first_paint_ms_median"] / bare["first_paint_ms_median"], 2)
    assert result["target"]["first_paint"] == 1.5


@pytest.mark.pcsc
def test_soak_benchmark_checks_every_card_and_reports_resources(pcscd: pcscd_control.PcscdProcess) -> None:
    result = _run_benchmark("soak.py", "--cycles", "3", "--warmup", "1", "--sample-every", "2")
    assert result["cycles"] == 3 and result["checks_completed"] == 3
    assert result["records_sent"] == 4  # every check, the warm-up's too, recorded and sent by the app's sender
    assert [sample["cycle"] for sample in result["samples"]] == [0, 2, 3]
    # where the memory sits, at every sample: what tells a leak from a cache warming (glibc and SQLite here)
    breakdown = {"rssanon_kb", "rssfile_kb", "c_heap_in_use_kb", "c_heap_free_kb", "sqlite_kb", "python_blocks"}
    assert breakdown <= set(result["memory_growth"])
    assert all(breakdown <= set(sample) for sample in result["samples"])
    assert result["samples"][-1]["sqlite_kb"] > 0 and result["samples"][-1]["c_heap_in_use_kb"] > 0
    for key in ("rss_kb", "threads", "fds"):
        assert result["start"][key] > 0 and result["end"][key] > 0
    assert result["rss_growth_kb"] == result["end"]["rss_kb"] - result["start"]["rss_kb"]
    assert result["target"] == {"rss_growth_kb": 5120, "thread_growth": 0, "fd_growth": 0}
