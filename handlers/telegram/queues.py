"""In-process work behind the webhook: one chat's updates one at a time, in arrival order
(a reply is sent before the next message of that chat is read); chats in parallel.

Every task is tracked, so shutdown waits for the updates already accepted. The queue is
in memory (polling and the embedded default); with Redis the durable intake (bot/intake.py)
carries updates instead. The mechanism is bot.jobs.SerialJobs; here each chat's worker keeps
the submitter's context.
"""

from __future__ import annotations

from bot.jobs import MAX_PENDING, Job, SerialJobs

__all__ = ["MAX_PENDING", "ChatQueues", "Job"]


class ChatQueues(SerialJobs):
    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        super().__init__("telegram", max_pending=max_pending, fresh_context=False)
