"""Start-up configuration and the first language guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from handlers.whatsapp import WhatsAppChannel, WhatsAppConfigError, build_channel
from handlers.whatsapp.language import guess_language
from locales import Translator


@pytest.mark.parametrize(("wa_id", "lang"), [
    ("77011234567", None),  # Kazakhstan, Beeline/Kcell: ask (kk or ru)
    ("77271234567", None),  # Kazakhstan, Almaty landline-style
    ("76001234567", None),  # Kazakhstan +7 6xx
    ("79161234567", "ru"),  # Russia
    ("74951234567", "ru"),  # Russia, Moscow
    ("447700900123", None),  # elsewhere: ask
    ("972987654321", None),
    ("<WA_ID>", None),
    ("7", None),
])
def test_the_language_guess(wa_id: str, lang: str | None) -> None:
    assert guess_language(wa_id) == lang


def settings(**kw: str | None) -> Settings:
    return Settings(database_url="sqlite+aiosqlite:///unused.db", **kw)  # type: ignore[arg-type]


def test_not_configured_means_no_channel() -> None:
    assert build_channel(settings(whatsapp_token=None, whatsapp_phone_number_id=None, whatsapp_app_secret=None),
                         None, Translator.load()) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("missing", ["whatsapp_app_secret", "whatsapp_token", "whatsapp_phone_number_id"])
def test_half_configured_whatsapp_refuses_to_start(missing: str) -> None:
    values: dict[str, str | None] = {"whatsapp_token": "t", "whatsapp_phone_number_id": "1",
                                     "whatsapp_app_secret": "s"}
    values[missing] = None
    with pytest.raises(WhatsAppConfigError, match=missing.upper()):
        build_channel(settings(**values), None, Translator.load())  # type: ignore[arg-type]


async def test_a_configured_channel(tmp_path: Path) -> None:
    from bot.app import build_application

    application = await build_application(Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path}/c.db", redis_url=None, whatsapp_token="t",
        whatsapp_phone_number_id="1", whatsapp_app_secret="s", whatsapp_verify_token="v"))
    try:
        channel = application.channels["whatsapp"]
        assert isinstance(channel, WhatsAppChannel) and channel.platform == "whatsapp"
        assert channel.signature_ok(b"{}", "sha256=" + __import__("hmac").new(b"s", b"{}", "sha256").hexdigest())
        assert not channel.signature_ok(b"{}", None)
    finally:
        await application.close()
