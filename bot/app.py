"""The composition root: settings in, a ready application out."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.service import ConversationService
from bot.settings import Settings
from flows.catalog_keys import tip_keys, ui_keys
from flows.engine import EngineConfig
from handlers import telegram, whatsapp
from handlers.base import Channel
from locales import CatalogError, Translator
from storage.base import CaseStore, StateStore
from storage.factory import build_case_store, build_state_store, migrate


@dataclass
class Application:
    settings: Settings
    translator: Translator
    states: StateStore
    cases: CaseStore
    service: ConversationService
    channels: dict[str, Channel] = field(default_factory=dict)

    async def close(self) -> None:
        for channel in self.channels.values():
            await channel.close()
        await self.states.close()
        await self.cases.close()


def load_translator() -> Translator:
    """Load the catalogs and refuse to start on an incomplete one."""
    translator = Translator.load()
    problems = translator.check(ui_keys() | tip_keys())
    if problems:
        raise CatalogError("the catalogs are incomplete:\n  " + "\n  ".join(problems[:20]))
    return translator


async def build_application(settings: Settings | None = None) -> Application:
    settings = settings or Settings()
    translator = load_translator()
    await migrate(settings.database_url)
    states = build_state_store(settings.redis_url, settings.state_ttl_days * 86400)
    cases = build_case_store(settings.database_url)
    service = ConversationService(
        states, cases, secret=settings.pseudonym_secret,
        config=EngineConfig(emergency=settings.emergency), lookup_limit=settings.lookup_limit_per_hour,
    )
    application = Application(settings, translator, states, cases, service)
    for module in (telegram, whatsapp):
        channel = module.build_channel(settings, service, translator)
        if channel is not None:
            application.channels[channel.platform] = channel
    return application
