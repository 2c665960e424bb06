"""Suite-wide fixtures.

`crisis_reads` records every text the crisis reader is run on (tests of reading once per message).

Staff passwords are hashed with Argon2id at its cheapest parameters in the tests' own process: the
suite signs staff in hundreds of times, and production's parameters (RFC 9106's low-memory choice,
about 0.1 s a hash by design) would spend most of the desk tests' time there. What is stored is still
an Argon2id hash checked by argon2's verify. tests/bot/desk/test_password_strength.py checks that
production hashes at full strength; commands run as processes (`python -m bot staff ...`) always do.
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from bot.desk import staff
from flows import crisis

PRODUCTION_HASHER = staff._HASHER  # as the module made it, before any test replaced it
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "_HASHER", CHEAP_HASHER)


@pytest.fixture
def crisis_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the crisis reader is run on, in order."""
    seen: list[str] = []
    explain = crisis.explain

    def counted(text: str) -> tuple[tuple[str, str, str], ...]:
        seen.append(text)
        return explain(text)

    monkeypatch.setattr(crisis, "explain", counted)
    return seen
