"""`python -m bot rotate-key`: re-encrypt the free text at rest with the current key.

Rotation (docs/deployment.md): add a new key to ENCRYPTION_KEYS, make it ENCRYPTION_KEY_ID, restart
the bot (new values use it; old ones still read with their keys), run this command until it
reports nothing left, then remove the old key. `--new-key` prints a fresh random key.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from bot.settings import Settings
from storage import crypto
from storage.crypto import EncryptionError
from storage.factory import build_case_store, migrate
from storage.rotation import rotate


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `rotate-key` on the subparsers of `python -m bot`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "rotate-key", help="re-encrypt the stored free text with ENCRYPTION_KEY_ID (batched, resumable)",
        description="Re-encrypts descriptions, links, drafts, conversation logs and addresses with the "
                    "current key (ENCRYPTION_KEY_ID); safe to stop and run again.")
    parser.add_argument("--new-key", action="store_true", help="print a new random key for ENCRYPTION_KEYS and exit")
    parser.add_argument("--batch", type=int, default=500, help="rows per transaction (default 500)")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.new_key:
        print(crypto.generate_key())
        return 0
    try:
        counts = asyncio.run(_rotate(settings, max(1, args.batch)))
    except EncryptionError as error:
        print(f"Stopped: {error}. What was re-encrypted stays done; run again once fixed.", file=sys.stderr)
        return 1
    total = sum(counts.values())
    for purpose, count in counts.items():
        print(f"{purpose}: {count} value(s) re-encrypted")
    print(f"Done: {total} value(s) now under key {settings.encryption_key_id!r}; every value is. "
          "Keys no longer used may now be removed from ENCRYPTION_KEYS.")
    return 0


async def _rotate(settings: Settings, batch: int) -> dict[str, int]:
    await migrate(settings.database_url)
    cases = build_case_store(settings.database_url)
    try:
        return await rotate(cases.engine, settings.keyring, batch=batch)
    finally:
        await cases.close()
