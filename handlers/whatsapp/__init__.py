"""The WhatsApp adapter, on the WhatsApp Business Cloud API through a thin aiohttp client.

Modules: `parse` (webhook JSON -> records), `render` (messages -> Graph API objects within
WhatsApp's limits), `client` (HTTP, error taxonomy), `outbox` (the 24-hour window, holding,
retries), `channel` (a payload end to end), `webhook` (the FastAPI routes).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from flows.messages import N_
from handlers.whatsapp.channel import WhatsAppChannel
from handlers.whatsapp.client import GraphClient
from handlers.whatsapp.webhook import router
from locales import CatalogError

if TYPE_CHECKING:
    from bot.delivery.routes import Route
    from bot.service import ConversationService
    from bot.settings import Settings
    from handlers.base import Channel
    from locales import Translator

__all__ = ["CATALOG_KEYS", "WhatsAppChannel", "WhatsAppConfigError", "build_channel", "build_route", "router"]

log = logging.getLogger(__name__)

# The WhatsApp-only texts (locales/*/LC_MESSAGES/whatsapp.po).
CATALOG_KEYS = frozenset({N_("wa.list_button"), N_("wa.more"), N_("wa.list_button_languages")})


class WhatsAppConfigError(ValueError):
    """WhatsApp is half configured: the app refuses to start rather than serve it unsafely."""


def build_channel(settings: Settings, service: ConversationService, translator: Translator) -> Channel | None:
    """The connected channel, or None when the platform is not configured."""
    if not (settings.whatsapp_token or settings.whatsapp_phone_number_id or settings.whatsapp_app_secret):
        return None
    missing = [name for name, value in (
        ("WHATSAPP_TOKEN", settings.whatsapp_token),
        ("WHATSAPP_PHONE_NUMBER_ID", settings.whatsapp_phone_number_id),
        ("WHATSAPP_APP_SECRET", settings.whatsapp_app_secret),  # unsigned webhooks are never accepted
    ) if not value]
    if missing:
        raise WhatsAppConfigError(f"WhatsApp is partly configured: set {', '.join(missing)}")
    if not settings.whatsapp_verify_token:
        log.warning("WHATSAPP_VERIFY_TOKEN is not set: Meta cannot verify the webhook")
    problems = translator.check(CATALOG_KEYS)
    if problems:
        raise CatalogError("the WhatsApp catalogs are incomplete:\n  " + "\n  ".join(problems))
    assert settings.whatsapp_token and settings.whatsapp_phone_number_id and settings.whatsapp_app_secret
    client = GraphClient(settings.whatsapp_api_base, settings.whatsapp_token, settings.whatsapp_phone_number_id)
    return WhatsAppChannel(service=service, translator=translator, client=client,
                           phone_number_id=settings.whatsapp_phone_number_id,
                           app_secret=settings.whatsapp_app_secret, verify_token=settings.whatsapp_verify_token)


def build_route(channel: Channel, service: ConversationService) -> Route:
    """The channel's route through the delivery pipeline (bot/delivery/routes.py)."""
    from handlers.whatsapp.channel import WhatsAppChannel
    from handlers.whatsapp.route import WhatsAppRoute

    assert isinstance(channel, WhatsAppChannel)
    return WhatsAppRoute(channel, service)
