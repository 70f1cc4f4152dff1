"""The card layer: PC/SC transport, APDUs and status words, the JPKI and card-info applets, the issuer
channel, reader and card events. Synchronous and thread-confined (one ``CardWorker`` per reader); no Qt,
no database, and no import of ``kiosk.cardsim`` (nor the reverse).

What the flows and the UI use:

- ``kiosk.card.pcsc``: ``PcscService`` (one PC/SC context, re-made after a pcscd restart), ``open_connection``;
  the only module that imports pyscard.
- ``kiosk.card.connection``: the ``Connection`` interface and ``InProcessConnection`` (a card object called
  directly: training mode, tests).
- ``kiosk.card.transport``: ``CardTransport(connection, cancel=..., thread_guard=...)``; its
  ``transmit(command, expect=...)`` raises the typed error of ``kiosk.card.status_words`` for any status
  word the caller did not name (only ``90 00`` by default); length handling, chaining, the redacted APDU
  log, ``stats`` (APDUs and card I/O time).
- ``kiosk.card.progress``: the ``progress(done, total)`` callback long operations take.
- ``kiosk.card.confinement``: ``ThreadGuard``, the thread guard that raises ``WrongThread``.
- ``kiosk.card.check``: ``read_card_status(transport) -> CardStatus``, the check screen's read.
- ``kiosk.card.jpki``: ``JpkiSession`` (token and generation, certificates, PINs, signatures).
- ``kiosk.card.cardinfo``: ``CardInfoSession`` (the card-info PIN and attributes).
- ``kiosk.card.issuer``: ``IssuerSession`` (card ID, challenge, key generation, certificate write, PIN
  reset).
- ``kiosk.card.watch``: ``ReaderWatcher`` and its ``ReaderEvent``s.
- ``kiosk.card.worker``: ``CardWorker``, the thread a reader's card I/O runs on.

Errors are those of ``kiosk.errors``; PINs travel as ``bytearray`` and are wiped by whoever made them.
"""
