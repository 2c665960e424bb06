"""Wiring the operators' side into the application: store, desk, front-end, user links, watchdog."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.delivery.pacing import Follow
from bot.delivery.sending import Sender
from bot.desk.casework import CaseDesk, review_deadlines
from bot.desk.desk import OperatorDesk
from bot.desk.desk_texts import desk_keys
from bot.desk.front import UserLink
from bot.desk.staff import StaffDesk
from bot.desk.texts import operator_keys
from bot.desk.watchdog import Watchdog
from bot.service import ConversationService
from bot.settings import Settings
from handlers.base import Channel
from locales import CatalogError, Translator
from storage.base import StateStore
from storage.cases import SqlCaseStore
from storage.inbox import SqlInbox
from storage.operators import SqlOperatorStore
from storage.staff import SqlStaffStore

if TYPE_CHECKING:
    from handlers.desk_web import DeskServices

log = logging.getLogger(__name__)


def build_operator_side(settings: Settings, service: ConversationService, cases: SqlCaseStore, translator: Translator,
                        channels: Mapping[str, Channel],
                        simulated: UserLink | None = None) -> tuple[OperatorDesk, Watchdog | None]:
    """The desk always (it keeps working hours and the queue); the Telegram group front-end and the
    watchdog when OPERATOR_CHAT_ID is set. The desk becomes the service's operator port."""
    from handlers import telegram as telegram_adapter
    from handlers.operators.links import telegram_link, whatsapp_link
    from handlers.whatsapp.channel import WhatsAppChannel

    users: dict[str, UserLink] = {}
    if simulated is not None:
        users["web"] = simulated  # the development simulator's users
    whatsapp = channels.get("whatsapp")
    telegram = telegram_adapter.connected(channels.get("telegram"))
    if telegram is not None:
        users["telegram"] = telegram_link(telegram)
    if isinstance(whatsapp, WhatsAppChannel):
        users["whatsapp"] = whatsapp_link(whatsapp)
    front = None
    if settings.operator_chat_id is not None:
        if telegram is None:
            raise ValueError("OPERATOR_CHAT_ID is a Telegram group: set TELEGRAM_BOT_TOKEN too")
        problems = translator.check(operator_keys())
        if problems:
            raise CatalogError("the operator catalogs are incomplete:\n  " + "\n  ".join(problems[:20]))
        from handlers.operators.telegram_group import TelegramGroupFront  # aiogram: only with a group

        bot_id = telegram.bot_id

        async def first_delivery(update_id: str) -> bool:
            return await service.first_delivery("telegram", f"{bot_id}:{update_id}")

        # The group's messages share the channel's pacer (one bot's limits; with REDIS_URL those of
        # every process, the group's 20 a minute included: bot/delivery/pacing.py).
        front = TelegramGroupFront(telegram.bot, settings.operator_chat_id, translator, settings.operator_language,
                                   sender=Sender(pacer=Follow(lambda: telegram.sender.pacer)),
                                   first_delivery=first_delivery)
    else:
        log.info("OPERATOR_CHAT_ID is not set: no Telegram operator group; escalations are worked from the web desk")
    desk = OperatorDesk(service=service, cases=cases, store=SqlOperatorStore(cases), roster=settings.roster,
                        hours=settings.hours, front=front, users=users)
    service.operators = desk
    service.erasers.append(desk.forget)
    watchdog = None
    if front is not None and telegram is not None:
        front.desk = desk
        telegram.operators = front  # the group's updates reach the front-end, not the user flows
        watchdog = Watchdog(desk, realert_after=timedelta(minutes=settings.critical_realert_minutes),
                            silence_after=timedelta(minutes=settings.operator_silence_minutes))
    return desk, watchdog


def build_web_desk(settings: Settings, desk: OperatorDesk, states: StateStore, translator: Translator) -> DeskServices:
    """The web case desk's services (handlers/desk_web), over the same stores as the Telegram group's desk."""
    from handlers.desk_web import DeskServices

    cases, store = desk.cases, desk.store
    staff = StaffDesk(SqlStaffStore(cases), store, states, idle=timedelta(minutes=settings.desk_session_idle_minutes),
                      require_totp=settings.environment == "production")
    desk.staff = staff.operator  # web staff may take and answer conversations too
    desk.staff_present = staff.anyone_active  # promised to users only with an account that can answer
    problems = translator.check(desk_keys())
    if problems:
        raise CatalogError("the desk catalogs are incomplete:\n  " + "\n  ".join(problems[:20]))
    return DeskServices(staff=staff, cases=CaseDesk(SqlInbox(cases), store, reach=desk.reach,
                                                    deadlines=review_deadlines(settings.desk_review_hours)),
                        operators=desk, translator=translator, timezone=ZoneInfo(settings.timezone),
                        database_url=settings.database_url, secure_cookies=settings.environment == "production")


async def tell_first_account(web: DeskServices, settings: Settings) -> None:
    """With no staff account yet, say at start-up how to make the first one (nobody can sign in before)."""
    if not await web.staff.staff.everyone():
        log.warning("The web desk is at http://%s:%s/desk and has no account yet. Create the first "
                    "administrator with: python -m bot staff add <username> --role administrator",
                    settings.host, settings.port)
