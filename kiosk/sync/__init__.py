"""Talking to the central service: the API client (``client``) and the outbox sender (``sender``).

Knows no Qt and nothing of the card layer. The sender is asyncio code that runs under qasync in the app
and under ``asyncio.run`` in the CLI; database calls go through worker threads so the loop never blocks.
"""
