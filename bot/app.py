"""The composition root: settings in, a ready application out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.adults import TrustedAdults
from bot.delivery.pipeline import Pipeline
from bot.delivery.prefetch import ContextStates
from bot.desk.desk import OperatorDesk
from bot.desk.watchdog import Watchdog
from bot.desk_wiring import build_operator_side
from bot.drafts import DraftPort, build_drafts
from bot.service import ConversationService
from bot.settings import Settings
from flows.catalog_keys import tip_keys, ui_keys
from flows.engine import EngineConfig
from flows.privacy import KeepingPeriods
from handlers import telegram, whatsapp
from handlers.base import Channel
from handlers.simulator import SimulatorInbox
from locales import CatalogError, Translator
from storage import crypto
from storage.adults import SqlAdultStore
from storage.base import CaseStore, StateStore
from storage.cases import SqlCaseStore
from storage.factory import build_case_store, build_state_store, migrate
from storage.first_look import SqlFirstLook

# The platform adapters the composition root wires in (handlers/<platform>/__init__.py).
ADAPTERS = {"telegram": telegram, "whatsapp": whatsapp}


@dataclass
class Application:
    settings: Settings
    translator: Translator
    states: StateStore
    cases: CaseStore
    service: ConversationService
    channels: dict[str, Channel] = field(default_factory=dict)
    pipeline: Pipeline | None = None  # intake, ordering, workers, outbox, metrics
    desk: OperatorDesk | None = None  # the operators' side (bot/desk/desk.py)
    watchdog: Watchdog | None = None  # no one left waiting (bot/desk/watchdog.py)
    drafts: DraftPort | None = None  # the case store's copy of drafts (bot/drafts.py)
    simulator_inbox: SimulatorInbox | None = None  # what reaches a simulated user between turns
    web_desk: Any = None  # the web desk's services (handlers/desk_web DeskServices), set by webhook.py

    async def close(self) -> None:
        if self.watchdog is not None:
            await self.watchdog.stop()
        if self.desk is not None:
            await self.desk.close()
        if self.pipeline is not None:  # the worker first: it still uses the channels and stores
            await self.pipeline.close()
        for channel in self.channels.values():
            await channel.close()
        if self.drafts is not None:  # nothing changes drafts any more; write the last ones while the store is open
            await self.drafts.close()
        await self.states.close()
        await self.cases.close()


def wire_adults(settings: Settings, service: ConversationService, cases: CaseStore,
                channels: dict[str, Channel], simulator: SimulatorInbox) -> None:
    """The trusted adults' runtime (bot/adults.py), reaching adults through the connected channels."""
    from handlers.adult_links import telegram_adult_link, telegram_deep_link, whatsapp_adult_link
    from handlers.whatsapp.channel import WhatsAppChannel

    if not isinstance(cases, SqlCaseStore):
        return
    adults = TrustedAdults(service, SqlAdultStore(cases), timezone=settings.timezone)
    for channel in channels.values():
        if (found := telegram.connected(channel)) is not None:
            adults.links[found.platform] = telegram_adult_link(found)
            adults.deep_link = telegram_deep_link(found)
        elif isinstance(channel, WhatsAppChannel):
            adults.links[channel.platform] = whatsapp_adult_link(channel)
    adults.links["web"] = simulator.link()  # the chat simulator (handlers/simulator.py)
    service.adults = adults


def load_translator() -> Translator:
    """Load the catalogs and refuse to start on an incomplete one."""
    translator = Translator.load()
    problems = translator.check(ui_keys() | tip_keys())
    if problems:
        raise CatalogError("the catalogs are incomplete:\n  " + "\n  ".join(problems[:20]))
    return translator


async def build_application(settings: Settings | None = None) -> Application:
    settings = settings or Settings()
    crypto.use(settings.keyring)  # free text at rest (storage/crypto.py), for every store of this process
    translator = load_translator()
    await migrate(settings.database_url)
    # Loads answered from what the worker read with the update (bot/delivery/prefetch.py).
    states = ContextStates(build_state_store(settings.redis_url, settings.state_ttl_days * 86400,
                                             prefix=settings.redis_prefix))
    cases = build_case_store(settings.database_url, settings.database_pool_size)
    pipeline = Pipeline(settings, states)
    # Write-behind only when the state keeps drafts durably (Redis: build_state_store's choice when REDIS_URL
    # is set); with memory state the case store's copy is the only durable one, so it is written through.
    drafts = build_drafts(cases, durable_state=bool(settings.redis_url), interval=settings.draft_flush_seconds)
    service = ConversationService(
        states, cases, secret=settings.pseudonym_secret,
        config=EngineConfig(emergency=settings.emergency, periods=KeepingPeriods(
            settings.state_ttl_days, settings.draft_retention_days, settings.retention_days)),
        lookup_limit=settings.lookup_limit_per_hour, inbound_limit=settings.inbound_limit,
        inbound_window_seconds=settings.inbound_window_seconds,
        locks=pipeline.ordering, drafts=drafts,
        first_look=SqlFirstLook(cases) if isinstance(cases, SqlCaseStore) else None,
    )
    service.erasers.append(pipeline.forget)
    application = Application(settings, translator, states, cases, service, pipeline=pipeline, drafts=drafts)
    for module in ADAPTERS.values():
        channel = module.build_channel(settings, service, translator)
        if channel is not None:
            application.channels[channel.platform] = channel
    application.simulator_inbox = SimulatorInbox(translator)
    wire_adults(settings, service, cases, application.channels, application.simulator_inbox)
    application.desk, application.watchdog = build_operator_side(
        settings, service, cases, translator, application.channels,
        simulated=None if settings.production else application.simulator_inbox.desk_link())
    if service.adults is not None and isinstance(service.adults, TrustedAdults):
        service.adults.operators_notice = application.desk.adult_alerted
    pipeline.attach({platform: ADAPTERS[platform].build_route(channel, service)
                     for platform, channel in application.channels.items()})
    drafts.start()
    if application.watchdog is not None:
        application.watchdog.start()
    return application
