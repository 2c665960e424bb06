"""The delivery pipeline: nothing lost, nothing twice, in order per conversation.

A webhook stores each update (`intake`, `intake_redis`) and answers; workers (`worker`) hold one
conversation at a time across processes (`ordering`), read its head with the records it needs
(`prefetch`), hand it to the platform's `Route` (`routes`; the adapters implement it), and send the
reply once (`outbox`) within the platforms' limits (`sending`, `pacing`). `pipeline` composes them
from settings; `metrics` serves health, readiness and counters; `set_aside` is the command for
updates that kept failing.

May import: the runtime (`bot.service`, `bot.context`, `bot.records`, `bot.settings`...), storage,
flows, locales. Never `handlers/` (the adapters import this package) nor the composition root.
"""
