"""Encryption at rest of the free text users and operators write (docs/storage.md).

AES-256-GCM (`cryptography`'s AESGCM: authenticated, so an altered value fails instead of reading
as garbage), a fresh 96-bit nonce per value, and the column's name as associated data, so a value
copied into another column does not decrypt there. Each value names its key:

    enc1:<key id>:<base64url(nonce + ciphertext + tag)>

so keys can be rotated: new values use the current key, old ones still read with theirs until
`python -m bot rotate-key` has re-encrypted them (storage/rotation.py). A value without the prefix
is plain text written before encryption was introduced: it is read as it is, and `rotate-key`
encrypts it.

The key ring is process-wide (`use`), set from the settings by the composition root
(`ENCRYPTION_KEYS`, `ENCRYPTION_KEY_ID`); until then it is the public development key, which the
production check refuses.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "enc1"
NONCE_BYTES = 12
KEY_BYTES = 32  # AES-256
KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
# Public, in the source: for development and tests only (Settings refuses it in production).
DEV_KEY_ID = "dev"
DEV_KEY = base64.b64encode(b"helpline-development-key-public!").decode()


class EncryptionError(Exception):
    """A value cannot be read, or the keys are not usable; the message says what to do."""


class KeyMissing(EncryptionError):
    """A value names a key id that ENCRYPTION_KEYS does not hold."""


class DecryptionFailed(EncryptionError):
    """The key of that id does not open the value: a wrong key, or an altered value."""


def generate_key() -> str:
    """A new random key, base64 (what ENCRYPTION_KEYS holds)."""
    return base64.b64encode(os.urandom(KEY_BYTES)).decode()


class KeyRing:
    """The keys by id, and which one encrypts new values."""

    def __init__(self, keys: Mapping[str, str | bytes], current: str) -> None:
        if not keys:
            raise EncryptionError("ENCRYPTION_KEYS holds no key")
        self._aead: dict[str, AESGCM] = {}
        raws: dict[str, bytes] = {}
        for key_id, key in keys.items():
            if not KEY_ID.match(key_id):
                raise EncryptionError(f"key id {key_id!r}: use 1-32 letters, digits, '_' or '-'")
            raw = key if isinstance(key, bytes) else _b64(key_id, key)
            if len(raw) != KEY_BYTES:
                raise EncryptionError(f"key {key_id!r} is {len(raw)} bytes; it must be {KEY_BYTES} "
                                      "(generate one with `python -m bot rotate-key --new-key`)")
            self._aead[key_id] = AESGCM(raw)
            raws[key_id] = raw
        if current not in self._aead:
            raise EncryptionError(f"ENCRYPTION_KEY_ID {current!r} is not in ENCRYPTION_KEYS "
                                  f"(which holds {sorted(self._aead)})")
        self.current = current
        # The public development key encrypts new values (whatever its id): refused in production.
        self.development = raws[current] == base64.b64decode(DEV_KEY)

    @property
    def key_ids(self) -> list[str]:
        return sorted(self._aead)

    def encrypt(self, text: str, purpose: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead[self.current].encrypt(nonce, text.encode(), purpose.encode())
        return f"{PREFIX}:{self.current}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, value: str, purpose: str) -> str:
        if not is_encrypted(value):
            return value  # written before encryption at rest: rotate-key encrypts it
        _, key_id, body = value.split(":", 2)
        aead = self._aead.get(key_id)
        if aead is None:
            raise KeyMissing(f"a value of {purpose} is encrypted with key {key_id!r}, which ENCRYPTION_KEYS "
                             f"does not hold (it holds {self.key_ids}): put that key back; keep old keys "
                             "until `python -m bot rotate-key` has finished")
        try:
            raw = base64.urlsafe_b64decode(body.encode())
            return aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], purpose.encode()).decode()
        except (InvalidTag, ValueError, binascii.Error) as error:
            raise DecryptionFailed(f"a value of {purpose} does not open with key {key_id!r}: the key of "
                                   "that id in ENCRYPTION_KEYS is not the one it was written with, or the "
                                   "value was altered") from error

    def is_current(self, value: str) -> bool:
        """Encrypted with the current key (rotation leaves it alone)."""
        return value.startswith(f"{PREFIX}:{self.current}:")

    def encrypt_json(self, value: Any, purpose: str) -> str:
        return self.encrypt(json.dumps(value, ensure_ascii=False), purpose)

    def decrypt_json(self, value: str, purpose: str) -> Any:
        return json.loads(self.decrypt(value, purpose))


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX + ":") and value.count(":") >= 2


def _b64(key_id: str, key: str) -> bytes:
    try:
        return base64.b64decode(key.encode(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise EncryptionError(f"key {key_id!r} is not base64") from error


def parse_keys(text: str) -> dict[str, str]:
    """ENCRYPTION_KEYS: a JSON object of key id -> base64 key."""
    try:
        keys = json.loads(text)
    except ValueError as error:
        raise EncryptionError('ENCRYPTION_KEYS must be JSON: {"<key id>": "<base64 key>", ...}') from error
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise EncryptionError('ENCRYPTION_KEYS must be JSON: {"<key id>": "<base64 key>", ...}')
    return {str(k): v for k, v in keys.items()}


DEVELOPMENT = KeyRing({DEV_KEY_ID: DEV_KEY}, DEV_KEY_ID)
_ring = DEVELOPMENT


def use(ring: KeyRing) -> None:
    """Make `ring` the process's keys (the composition root, from the settings)."""
    global _ring
    _ring = ring


def ring() -> KeyRing:
    return _ring
