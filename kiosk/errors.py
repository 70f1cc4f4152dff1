"""The terminal's typed errors.

Every failure a user can meet is one of these. Each class carries a stable ``code`` that the UI and the
CLI turn into a translated message (see ``kiosk.messages``); the exception's own text is for the log and
is written in English for technicians. No error ever carries a PIN: constructors take only the facts
(kind, tries left, status word), never the value typed.

This module imports nothing of ours so that every layer can raise these.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of every error the terminal raises on purpose."""

    code = "error"


# --- configuration -------------------------------------------------------------------------------------


class ConfigError(KioskError):
    code = "config"


class NeverOpen(ConfigError):
    """The site calendar has no open day within the search horizon: its rules close every day."""

    code = "config.never_open"


class UnknownSite(ConfigError):
    """No calendar is configured for the site asked about."""

    code = "config.unknown_site"

    def __init__(self, site: str) -> None:
        super().__init__(f"no calendar for site {site!r}")
        self.site = site


# --- card and reader -------------------------------------------------------------------------------------


class CardError(KioskError):
    """Anything that went wrong between the terminal and the card or its reader."""

    code = "card"


class PcscUnavailable(CardError):
    """The PC/SC service (pcscd, or the Smart Card service on Windows) is not running or not reachable."""

    code = "card.pcsc_unavailable"


class NoReader(CardError):
    code = "card.no_reader"


class ReaderGone(CardError):
    """The reader was unplugged, or pcscd restarted under an open connection."""

    code = "card.reader_gone"


class ReaderBusy(CardError):
    """Another program holds the reader exclusively."""

    code = "card.reader_busy"


class NoCard(CardError):
    code = "card.no_card"


class TransmitRefused(CardError):
    """The reader or its driver refused to pass an APDU on (typically: too long for it).

    Raised for an extended-length APDU it is how a reader says it cannot do extended length; the transport
    then falls back to short APDUs and remembers.
    """

    code = "card.transmit_refused"


class CardRemoved(CardError):
    """The card left the reader in the middle of an operation."""

    code = "card.removed"


class OperationCancelled(CardError):
    """A card operation stopped on purpose between two APDUs: the user cancelled, or the card left."""

    code = "card.cancelled"


class IssuerChannelUnavailable(CardError):
    """The card does not implement the issuer channel (docs/issuer-channel.md: GET DATA C1 refused)."""

    code = "card.issuer_unavailable"


class NotMyNumberCard(CardError):
    """The card answers, but it is not a My Number Card (no JPKI applet, or an unknown token)."""

    code = "card.not_my_number_card"


class ResidentRegisterCard(NotMyNumberCard):
    """An old resident-register card (住基カード): it has a JPKI applet but the terminal cannot serve it."""

    code = "card.resident_register_card"


class SecurityStatusNotSatisfied(CardError):
    """The card refused an operation that needs a PIN verified first (status word 69 82)."""

    code = "card.security_status"


class MalformedCardData(CardError):
    """The card returned data that does not parse: a certificate that is not DER, a truncated read, bad TLV."""

    code = "card.malformed_data"


class AuthorisationRejected(CardError):
    """The card refused an issuer-channel authorisation (replayed, foreign, mismatched or expired)."""

    code = "card.authorisation_rejected"

    def __init__(self, message: str, sw: int) -> None:
        super().__init__(message)
        self.sw = sw


class UnexpectedStatus(CardError):
    """The card answered with a status word the operation does not expect."""

    code = "card.unexpected_status"

    def __init__(self, operation: str, sw: int) -> None:
        super().__init__(f"{operation}: unexpected status word {sw:04X}")
        self.operation = operation
        self.sw = sw


class CertificateNotWritten(CardError):
    """After WRITE CERTIFICATE the card reads back another certificate than the one written."""

    code = "card.certificate_mismatch"


class FileNotFound(UnexpectedStatus):
    """The card has no such EF (6A 82): a child's card has no signing password, for example."""

    code = "card.file_not_found"


class AppletNotFound(UnexpectedStatus):
    """SELECT of an applet the card does not have (6A 82). Sessions say which: ``NotMyNumberCard`` for JPKI,
    ``CardInfoAppletMissing`` for the card-info applet."""

    code = "card.applet_not_found"


class CardInfoAppletMissing(AppletNotFound):
    """The card has no card-info applet: its attributes cannot be read here (DESIGN.md "Paperless form")."""

    code = "card.card_info_missing"


# --- programming errors ---------------------------------------------------------------------------------
# Not for a screen to act on: a bug of ours, stopped before it could reach the card. Raised instead of
# ``assert`` so that ``python -O`` keeps them.


class ProgrammingError(KioskError):
    code = "programming"


class WrongThread(ProgrammingError):
    """Card I/O attempted outside the thread that owns the reader's connection (pcsc-lite wants one
    context per thread; DESIGN.md 2)."""

    code = "programming.wrong_thread"


# --- PINs ------------------------------------------------------------------------------------------------
# ``kind`` is the value of ``kiosk.domain.pins.PinKind`` ("auth", "sign", "card_info", ...): a plain string
# here so that this module stays at the bottom of the import graph.


class PinError(KioskError):
    code = "pin"

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class WrongPin(PinError):
    code = "pin.wrong"

    def __init__(self, kind: str, tries_left: int) -> None:
        super().__init__(f"wrong {kind} PIN, {tries_left} tries left", kind)
        self.tries_left = tries_left


class PinBlocked(PinError):
    code = "pin.blocked"

    def __init__(self, kind: str) -> None:
        super().__init__(f"{kind} PIN is blocked", kind)


class PinFormatError(PinError):
    """A PIN typed in a form the card would refuse. ``reason`` is one of ``PIN_FORMAT_REASONS``."""

    code = "pin.format"

    def __init__(self, kind: str, reason: str, minimum: int = 0, maximum: int = 0) -> None:
        super().__init__(f"{kind} PIN format: {reason}", kind)
        self.reason = reason
        self.minimum = minimum
        self.maximum = maximum


PIN_FORMAT_REASONS = ("too_short", "too_long", "not_digits", "bad_characters", "mismatch", "empty")


# --- local store -----------------------------------------------------------------------------------------


class StoreError(KioskError):
    code = "store"


class DatabaseLocked(StoreError):
    code = "store.locked"


class DatabaseFull(StoreError):
    code = "store.full"


class DatabaseCorrupt(StoreError):
    code = "store.corrupt"


class DatabaseTooNew(StoreError):
    """The database was written by a newer version of the terminal than the one running."""

    code = "store.too_new"


class AuditChainBroken(StoreError):
    code = "store.audit_broken"


class DatabaseLost(StoreError):
    """The terminal had a database (its marker says so) and it is gone, empty or behind: recording would
    restart numbering over lost records. A technician decides (``kiosk db accept-loss``)."""

    code = "store.lost"

    def __init__(self, message: str, last_sequence: int) -> None:
        super().__init__(message)
        self.last_sequence = last_sequence


# --- central service -------------------------------------------------------------------------------------


class SyncError(KioskError):
    code = "sync"


class ServerUnavailable(SyncError):
    """No answer, a dropped connection, a timeout or a 5xx: try again later."""

    code = "sync.unavailable"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after  # a 503's Retry-After, in seconds


class RateLimited(SyncError):
    code = "sync.rate_limited"

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AuthenticationFailed(SyncError):
    """401/403 or a TLS failure: a technician must act; sending pauses, nothing is lost."""

    code = "sync.authentication"


class ProtocolError(SyncError):
    """The server answered something that is not the API (garbage JSON, wrong shape)."""

    code = "sync.protocol"


class RequestRejected(SyncError):
    """The server understood the request and refused it (4xx with a reason)."""

    code = "sync.rejected"

    def __init__(self, message: str, reason: str, status: int) -> None:
        super().__init__(message)
        self.reason = reason
        self.status = status


# --- procedures (kiosk.flows) ------------------------------------------------------------------------------


class FlowError(KioskError):
    """A procedure refused by its own rules (nothing wrong with the card, the network or the database)."""

    code = "flow"


class RenewalNotOpen(FlowError):
    """The certificate is not inside its renewal window yet: renewal opens on ``opens_on`` (a Japan date)."""

    code = "flow.renewal_not_open"

    def __init__(self, opens_on: object) -> None:
        super().__init__(f"renewal opens on {opens_on}")
        self.opens_on = opens_on


class CounterOnly(FlowError):
    """Staff grounds (identity checked at a counter) on a kiosk terminal: never allowed."""

    code = "flow.counter_only"


class StaffSignInRequired(FlowError):
    """A counter procedure that names the staff member who checked identity, with nobody signed in."""

    code = "flow.staff_required"


class IdentityNotConfirmed(FlowError):
    """Staff's checklist does not establish the holder's identity (no photo document, nor two others)."""

    code = "flow.identity_not_confirmed"


class ProofNotPossible(FlowError):
    """A self-service PIN reset the holder cannot prove with the other PIN (the card-info PIN, the same PIN,
    or the other PIN blocked): only a counter can reset it."""

    code = "flow.proof_not_possible"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # "same_pin", "not_provable", "proof_pin_blocked"


class PinNotOnCard(FlowError):
    """The procedure needs a PIN or certificate the card does not have (a child's card has no signing key)."""

    code = "flow.pin_not_on_card"

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


# --- appointments ----------------------------------------------------------------------------------------


class AppointmentRefused(KioskError):
    """A date staff typed for a renewal appointment cannot be booked."""

    code = "appointment.refused"

    def __init__(self, message: str, reason: str, suggestion: object = None) -> None:
        super().__init__(message)
        # "not_a_date", "in_the_past", "not_yet_open", "expired", "closed_day"
        self.reason = reason
        self.suggestion = suggestion  # the nearest bookable date, when there is one


# --- printed documents (kiosk.ui.documents) -------------------------------------------------------------


class DocumentNotWritten(KioskError):
    """A receipt or form could not be written or printed (the file cannot be opened, the printer refused, or
    the Japanese font is missing, which would print empty boxes). Nothing half-written is left behind."""

    code = "document.not_written"
