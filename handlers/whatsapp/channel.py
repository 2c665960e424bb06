"""The WhatsApp channel: from a verified webhook payload to replies, end to end.

The webhook hands over parsed records and answers 200 at once; the work runs here in
background tasks the channel tracks, so shutdown waits for it. Messages of one user run in
order, one at a time; different users in parallel. Each message is processed once per
`phone_number_id:wamid` (Meta retries a webhook for days).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence

from bot.delivery.outbox import record_before_waiting
from bot.delivery.sending import DeliveryError, Pacer, Sender
from bot.records import pages_record
from bot.service import ConversationService, Inbound, Reply
from flows.events import Pick
from flows.messages import Msg
from handlers.render import Discard, render
from handlers.whatsapp.client import GraphClient
from handlers.whatsapp.language import guess_language
from handlers.whatsapp.outbox import Outbox, Outcome, SendOutcome
from handlers.whatsapp.parse import KNOWN_KINDS, ErrorNotice, Ignored, Incoming, MorePage, Record, StatusUpdate
from handlers.whatsapp.render import (
    TEXT_LIMIT,
    Content,
    ListTexts,
    PagedMenu,
    list_content,
    protect,
    render_message,
    text_contents,
)
from handlers.whatsapp.statuses import DeliveryLog
from handlers.whatsapp.window import CustomerWindow
from locales import Translator
from storage.base import StateKey

log = logging.getLogger(__name__)

PLATFORM = "whatsapp"
MORE_VALUE = "~more"  # a "More…" whose list is gone: the engine answers it as a stale choice
GLOBAL_RATE = 80.0  # the Cloud API's default throughput, messages per second
SHUTDOWN_SECONDS = 10.0


def default_sender() -> Sender:
    # No per-chat pause: replies are a few messages, and the pair limit (131056) is answered
    # with its own backoff.
    return Sender(pacer=Pacer(per_chat=0.0, global_rate=GLOBAL_RATE, scope=PLATFORM))


class WhatsAppChannel:
    platform = PLATFORM

    def __init__(self, *, service: ConversationService, translator: Translator, client: GraphClient,
                 phone_number_id: str, app_secret: str, verify_token: str | None,
                 sender: Sender | None = None, clock: Callable[[], float] = time.time,
                 shutdown_seconds: float = SHUTDOWN_SECONDS) -> None:
        self.service = service
        self.translator = translator
        self.client = client
        self.phone_number_id = phone_number_id
        self.verify_token = verify_token
        self._app_secret = app_secret.encode()
        self.window = CustomerWindow(service.states, clock)
        self.outbox = Outbox(client, service, self.window, sender or default_sender(), clock)
        self.deliveries = DeliveryLog(self.outbox.user, clock)
        self.stats: Counter[str] = Counter()
        self.shutdown_seconds = shutdown_seconds
        self.closing = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._tails: dict[str, asyncio.Task[None]] = {}

    def metrics(self) -> dict[str, int]:
        """Every counter of the channel, flat, for a metrics endpoint (no texts, no ids)."""
        found: dict[str, int] = {f"whatsapp_{k}": v for k, v in self.stats.items()}
        found |= {f"whatsapp_send_{k}": v for k, v in self.outbox.counts.items()}
        found |= {f"whatsapp_status_{k}": v for k, v in self.deliveries.statuses.items()}
        found |= {f"whatsapp_error_code_{k}": v for k, v in self.deliveries.error_codes.items()}
        found["whatsapp_held_now"] = len(self.outbox.held)
        found["whatsapp_in_flight"] = len(self._tasks)
        return found

    # -- the webhook's side -----------------------------------------------------------------
    def signature_ok(self, body: bytes, header: str | None) -> bool:
        """X-Hub-Signature-256: "sha256=" + HMAC-SHA256 of the raw body with the app secret."""
        if not header:
            return False
        expected = "sha256=" + hmac.new(self._app_secret, body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected.encode(), header.strip().lower().encode("utf-8", "replace"))

    def verify_ok(self, mode: str | None, token: str | None) -> bool:
        if mode != "subscribe" or not token or not self.verify_token:
            return False
        return hmac.compare_digest(token.encode("utf-8", "replace"), self.verify_token.encode())

    def accept(self, records: Sequence[Record]) -> None:
        """Take a parsed payload; the work runs in the background, per user in order."""
        by_user: dict[str, list[Incoming]] = {}
        for record in records:
            if isinstance(record, Ignored):
                self.stats["ignored"] += 1
                log.debug("whatsapp record ignored", extra={"reason": record.reason})
            elif record.phone_number_id != self.phone_number_id:
                self.stats["foreign"] += 1  # another number of the same business account
            elif isinstance(record, Incoming):
                by_user.setdefault(record.sender, []).append(record)
            elif isinstance(record, StatusUpdate):
                self.deliveries.status(record)
            elif isinstance(record, ErrorNotice):
                self.deliveries.notice(record)
        for sender, messages in by_user.items():
            self._spawn(sender, messages)

    async def drain(self) -> None:
        """Wait until every accepted message has been processed."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def close(self) -> None:
        self.closing = True
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=self.shutdown_seconds)
            if pending:
                log.error("whatsapp work cancelled at shutdown", extra={"tasks": len(pending)})
                for task in pending:
                    task.cancel()
                await asyncio.wait(pending)
        await self.client.aclose()

    def _spawn(self, sender: str, messages: list[Incoming]) -> None:
        task = asyncio.create_task(self._run(self._tails.get(sender), messages))
        self._tails[sender] = task
        self._tasks.add(task)
        task.add_done_callback(functools.partial(self._finished, sender))

    def _finished(self, sender: str, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if self._tails.get(sender) is task:
            del self._tails[sender]

    async def _run(self, previous: asyncio.Task[None] | None, messages: list[Incoming]) -> None:
        if previous is not None:
            await asyncio.wait({previous})  # the user's earlier messages first
        for message in messages:
            try:
                await self.handle(message)
            except Exception:
                self.stats["errors"] += 1
                log.exception("whatsapp message not processed", extra={"kind": message.kind})

    # -- one message ------------------------------------------------------------------------
    async def handle(self, message: Incoming) -> SendOutcome | None:
        if not await self.service.first_delivery(PLATFORM, message.idempotency_key):
            self.stats["duplicate"] += 1
            return None
        self.stats["received"] += 1
        # Counted by kinds this bot knows: the type is the sender's to write (bot/delivery/metrics.py).
        self.stats[f"kind:{message.kind if message.kind in KNOWN_KINDS else 'other'}"] += 1
        for error in message.errors:
            log.info("whatsapp message with an error", extra={"code": error.code, "kind": message.kind})
        # The 24-hour window's record is written beside the conversation, not before it (issue 12,
        # "Late when the platform is slow"): only sending needs it (the outbox reads it), so every send
        # below waits for it first, and a saved reply sent again after a crash writes it again (`redeliver`).
        touching = asyncio.ensure_future(self.window.touch(self.outbox.user(message.sender), message.timestamp))
        receipt: asyncio.Future[None] | None = None
        try:
            if await self.service.is_unreachable(PLATFORM, message.sender):
                await self.service.set_unreachable(PLATFORM, message.sender, False)
            # The read receipt goes beside the reply, not before it: the user's answer does not wait for
            # a Cloud API round trip it does not need.
            receipt = asyncio.ensure_future(self._mark_read(message.message_id))
            event = message.event
            if isinstance(event, MorePage):
                await touching
                shown = await self._next_page(message.sender, event)
                if shown is not None:
                    return shown
                event = Pick(event.step, MORE_VALUE)
            reply = await self.service.handle(Inbound(PLATFORM, message.sender, event,
                                                      guess_language(message.sender)))
            await touching
            outcome = await self.reply(message.sender, reply)
            await record_before_waiting(receipt)  # the reply's last message is not left waiting on it
            self.stats[f"outcome:{outcome.outcome}"] += 1
            return outcome
        finally:
            # Settled whatever happened: a failure of the update's own work is the one reported.
            await asyncio.gather(touching, return_exceptions=True)
            if receipt is not None:
                await receipt

    async def redeliver(self, message: Incoming, reply: Reply) -> SendOutcome:
        """Send again a reply saved before a worker stopped; the window's record first, which that
        worker may not have written (it is written beside the conversation)."""
        await self.window.touch(self.outbox.user(message.sender), message.timestamp)
        return await self.reply(message.sender, reply)

    async def _mark_read(self, message_id: str) -> None:
        try:
            await self.client.mark_read(message_id)
        except DeliveryError as error:
            self.stats["read_receipt_failed"] += 1
            log.info("whatsapp read receipt not sent", extra={"error": type(error).__name__})

    # -- sending ----------------------------------------------------------------------------
    async def reply(self, wa_id: str, reply: Reply) -> SendOutcome:
        """Render the engine's reply for WhatsApp and send it."""
        contents: list[Content] = []
        menu: PagedMenu | None = None
        for out in render(reply.actions, reply.lang, self.translator, protect, TEXT_LIMIT):
            if isinstance(out, Discard):
                # WhatsApp cannot delete a user's message: "discard" means the file is not kept.
                self.stats["media_not_kept"] += 1
                continue
            rendered = render_message(out, self.list_texts(reply.lang), reply.lang)
            menu = rendered.menu or menu  # the newest list is the one "More…" pages through
            contents.extend(rendered.contents)
        if menu is None:
            return await self.outbox.deliver(wa_id, contents)
        # The list's pages are saved beside the send, not before it: "More…" is pressed only once the
        # list has arrived, and processed only after this update is done, which waits for the save.
        saving = asyncio.ensure_future(self.service.states.save(self.pages_key(wa_id), menu.to_dict()))
        try:
            outcome = await self.outbox.deliver(wa_id, contents)
        except BaseException:
            await asyncio.gather(saving, return_exceptions=True)  # the send's failure is the one reported
            raise
        await record_before_waiting(saving)
        await saving
        return outcome

    async def send_reply(self, address: str, reply: Reply) -> SendOutcome:
        """Send a reply to a user known by the wa_id kept on their escalation (the operator desk):
        the same rendering and 24-hour window as any reply."""
        return await self.reply(address, reply)

    async def send_now(self, wa_id: str, reply: Reply, location: tuple[float, float] | None = None) -> SendOutcome:
        """A trusted adult's alert (bot/adults.py): sent now or not at all. Outside the 24-hour window
        WhatsApp takes no free-form message, and an alert that waits is no alert: the child is told
        at once instead, and nothing of it is held (a location above all)."""
        if not await self.window.is_open(self.outbox.user(wa_id)):
            return SendOutcome(Outcome.NEEDS_TEMPLATE)
        held = len(self.outbox.held)
        outcome = await self.reply(wa_id, reply)
        if outcome.outcome is Outcome.SENT and location is not None:
            content = {"type": "location", "location": {"latitude": location[0], "longitude": location[1]}}
            outcome = await self.outbox.deliver(wa_id, [content])
        while len(self.outbox.held) > held:  # held by a 131047 met on the way: drop it, the child knows
            self.outbox.held.pop()
        return outcome

    async def send_text(self, wa_id: str, text: str) -> SendOutcome:
        """A message the hotline sends on its own (an operator's answer); held after 24 hours."""
        return await self.outbox.deliver(wa_id, text_contents(text))

    def list_texts(self, lang: str) -> ListTexts:
        return ListTexts(self.translator.text(Msg("wa.list_button"), lang),
                         self.translator.text(Msg("wa.more"), lang),
                         self.translator.text(Msg("wa.list_button_languages"), lang))

    async def _next_page(self, wa_id: str, more: MorePage) -> SendOutcome | None:
        """Answer "More…" from the kept list; None when that list is gone or is another step's."""
        stored = await self.service.states.load(self.pages_key(wa_id))
        menu = PagedMenu.from_dict(stored) if stored else None
        if menu is None or menu.step != more.step:
            return None
        content = list_content(menu.body, menu.buttons, self.list_texts(menu.lang), more.page)
        self.stats["more_pages"] += 1
        return await self.outbox.deliver(wa_id, [content])

    def pages_key(self, wa_id: str) -> StateKey:
        return pages_record(self.service.key_for(PLATFORM, wa_id))
