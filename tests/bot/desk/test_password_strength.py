"""Production hashes staff passwords at full strength (the suite itself hashes cheaply: tests/conftest.py)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type, extract_parameters

from bot.desk import staff
from tests.conftest import PRODUCTION_HASHER

PASSWORD = "correct horse battery"


def test_production_hashes_with_argon2id_at_rfc9106_strength(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "_HASHER", PRODUCTION_HASHER)
    stored = staff.hash_password(PASSWORD)
    used = extract_parameters(stored)
    # RFC 9106's second recommended option (low memory): Argon2id, t=3, 64 MiB; argon2-cffi's default.
    assert used.type is Type.ID
    assert used.time_cost >= 3 and used.memory_cost >= 64 * 1024 and used.parallelism >= 1
    assert used.salt_len >= 16 and used.hash_len >= 32
    assert PasswordHasher().verify(stored, PASSWORD)
    # The hash spent on unknown usernames costs the same as a real one, so timing tells nothing.
    assert extract_parameters(staff._dummy_hash(PRODUCTION_HASHER)) == used

