"""Delivery statuses and error notices from the webhook: counted, and failures kept visible.

A failed delivery is logged at warning with its code and kept (pseudonymously, without any
text) in `failures`, so tests, metrics and the operators can see it.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from handlers.whatsapp.parse import ErrorNotice, StatusUpdate

log = logging.getLogger(__name__)

MAX_FAILURES = 500
# Meta's documented statuses; anything else is counted as "other" (the payload's words never become labels).
STATUSES = frozenset({"sent", "delivered", "read", "played", "failed", "deleted", "warning"})


@dataclass(frozen=True)
class FailedDelivery:
    message_id: str
    user: str  # pseudonymous id of the recipient
    code: int | None
    title: str
    at: float


@dataclass
class DeliveryLog:
    pseudonymize: Callable[[str], str]
    clock: Callable[[], float] = time.time
    statuses: Counter[str] = field(default_factory=Counter)  # sent / delivered / read / played / failed
    error_codes: Counter[str] = field(default_factory=Counter)  # code -> count, failures and notices
    failures: deque[FailedDelivery] = field(default_factory=lambda: deque(maxlen=MAX_FAILURES))

    def status(self, update: StatusUpdate) -> FailedDelivery | None:
        self.statuses[update.status if update.status in STATUSES else "other"] += 1
        if update.status != "failed":
            return None
        error = update.errors[0] if update.errors else None
        code = error.code if error else None
        failure = FailedDelivery(update.message_id, self.pseudonymize(update.recipient), code,
                                 error.title if error else "", self.clock())
        self.failures.append(failure)
        self.error_codes[_code(code)] += 1
        log.warning("whatsapp delivery failed", extra={"code": code, "title": failure.title,
                                                       "message_id": update.message_id, "user": failure.user})
        return failure

    def notice(self, notice: ErrorNotice) -> None:
        for error in notice.errors:
            self.error_codes[_code(error.code)] += 1
            log.warning("whatsapp reported an error", extra={"code": error.code, "title": error.title,
                                                             "details": error.details})


def _code(code: int | None) -> str:
    """Meta's error codes have at most 6 digits; a larger number is not one of theirs."""
    return str(code) if code is not None and 0 <= code < 1_000_000 else "other"
