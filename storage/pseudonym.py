"""Pseudonymous user ids: a keyed hash, so a leaked database names nobody."""

from __future__ import annotations

import hashlib
import hmac


def pseudonymize(secret: str, platform: str, user_id: str) -> str:
    """HMAC-SHA256 of the platform and its user id under the deployment's secret (hex, 32 chars)."""
    digest = hmac.new(secret.encode(), f"{platform}:{user_id}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]
