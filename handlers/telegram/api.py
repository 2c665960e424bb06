"""The Bot API requests the channel makes, through aiogram's Bot, with errors mapped onto
the delivery taxonomy (handlers.telegram.errors) so the Sender can decide retries."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any, cast

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import AiogramError, TelegramNetworkError
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InlineKeyboardMarkup, InputFile, LinkPreviewOptions, ReplyKeyboardMarkup
from aiohttp import ClientError, ClientTimeout

from bot.delivery.sending import RecipientGone
from handlers.render import Button
from handlers.telegram.errors import classify, is_entity_error
from handlers.telegram.render import (
    PARSE_MODE,
    DeleteMessage,
    Outgoing,
    SendLocation,
    SendText,
    inline_keyboard,
    keyboard_rows,
    plain,
    sos_keyboard,
)

log = logging.getLogger(__name__)
_JSON = {"Content-Type": "application/json"}

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # never unfold a link a child reported


class _Session(AiohttpSession):
    """aiogram's aiohttp session, posting method calls as JSON (the Bot API takes JSON bodies).

    aiogram builds a multipart form for every call, upload or not (a MultipartWriter with a fresh
    random boundary, each nested field dumped to a string): about 160 µs of a worker's CPU per
    call, two calls per button press, measured in bench/. This bot never uploads a file (links
    only), so a call with a file still goes the form way, unchanged."""

    async def make_request(self, bot: Bot, method: TelegramMethod[TelegramType],
                           timeout: int | None = None) -> TelegramType:  # noqa: ASYNC109 - aiogram's signature
        files: dict[str, InputFile] = {}
        payload = self.prepare_value(method.model_dump(warnings=False), bot=bot, files=files, _dumps_json=False)
        if files:
            return await super().make_request(bot, method, timeout)
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=method.__api_method__)
        try:
            wait = ClientTimeout(total=float(self.timeout if timeout is None else timeout))
            async with session.post(url, data=self.json_dumps(payload), headers=_JSON, timeout=wait) as response:
                raw = await response.text()
        except TimeoutError as error:
            raise TelegramNetworkError(method=method, message="Request timeout error") from error
        except ClientError as error:
            raise TelegramNetworkError(method=method, message=f"{type(error).__name__}: {error}") from error
        checked = self.check_response(bot=bot, method=method, status_code=response.status, content=raw)
        return cast(TelegramType, checked.result)

    async def call(self, bot: Bot, name: str, params: dict[str, Any],
                   method: Callable[[], TelegramMethod[Any]]) -> None:
        """Post a call whose result the bot never reads (sendMessage, answerCallbackQuery,
        editMessageReplyMarkup from `BotApi`) as JSON built here, and read only `ok` back: no aiogram
        method object validated and dumped, no pydantic `Response[Message]` validated (together about
        a third of a worker's CPU for a press under load, bench/load.py). Anything else than `ok`
        goes through aiogram's own check (`method()` builds the call then), so every error is the
        same aiogram exception as before and the delivery taxonomy is unchanged."""
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=name)
        try:
            wait = ClientTimeout(total=float(self.timeout))
            async with session.post(url, data=self.json_dumps(params), headers=_JSON, timeout=wait) as response:
                raw = await response.text()
        except TimeoutError as error:
            raise TelegramNetworkError(method=method(), message="Request timeout error") from error
        except ClientError as error:
            raise TelegramNetworkError(method=method(), message=f"{type(error).__name__}: {error}") from error
        if HTTPStatus.OK <= response.status <= HTTPStatus.IM_USED:
            try:
                answer = json.loads(raw)
            except ValueError:
                answer = None
            if isinstance(answer, dict) and answer.get("ok") is True:
                return
        self.check_response(bot=bot, method=method(), status_code=response.status, content=raw)

    async def close(self) -> None:
        if self.api.base.startswith("https://") or self._session is None:
            await super().close()
        elif not self._session.closed:
            # AiohttpSession.close waits 250 ms for TLS connections to shut down; a plain-HTTP
            # Bot API (a local server, the test server) has none, so close at once.
            await self._session.close()


def create_bot(token: str, api_base: str, timeout: float = 30.0) -> Bot:
    """An aiogram Bot talking to `api_base` (the public Bot API, a local one or a test server)."""
    session = _Session(api=TelegramAPIServer.from_base(api_base), timeout=timeout)
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode=None))


class BotApi:
    """Sending, answering buttons and closing menus for one bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat: str, item: Outgoing) -> None:
        """One request; aiogram errors become the delivery taxonomy for the Sender."""
        try:
            if isinstance(item, DeleteMessage):
                await self.bot.delete_message(chat_id=int(chat), message_id=item.message_id)
            elif isinstance(item, SendLocation):
                await self.bot.send_location(chat_id=int(chat), latitude=item.latitude, longitude=item.longitude)
            else:
                await self._send_text(int(chat), item)
        except AiogramError as error:
            raise classify(error) from error

    async def _call(self, name: str, params: dict[str, Any], method: Callable[[], TelegramMethod[Any]]) -> None:
        """A call whose result is not read: straight as JSON when the session can (`_Session.call`)."""
        session = self.bot.session
        if isinstance(session, _Session):
            await session.call(self.bot, name, params, method)
        else:
            await self.bot(method())

    async def _send_text(self, chat_id: int, item: SendText) -> None:
        markup: dict[str, Any] | None = None
        if item.buttons:
            markup = keyboard_json(item.buttons)
        elif item.sos_label:
            markup = sos_keyboard_json(item.sos_label)
        try:
            await self._call("sendMessage", message_json(chat_id, item.text, PARSE_MODE, markup),
                             lambda: self._message(chat_id, item, PARSE_MODE, item.text))
        except AiogramError as error:
            if not is_entity_error(error):
                raise
            # Telegram could not read our HTML: say it plainly rather than not at all.
            log.error("telegram refused the HTML of a message; sent as plain text")
            text = plain(item.text)
            await self._call("sendMessage", message_json(chat_id, text, None, markup),
                             lambda: self._message(chat_id, item, None, text))

    @staticmethod
    def _message(chat_id: int, item: SendText, parse_mode: str | None, text: str) -> SendMessage:
        markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | None = None
        if item.buttons:
            markup = inline_keyboard(item.buttons)
        elif item.sos_label:
            markup = sos_keyboard(item.sos_label)
        return SendMessage(chat_id=chat_id, text=text, parse_mode=parse_mode, reply_markup=markup,
                           link_preview_options=NO_PREVIEW)

    async def answer_callback(self, callback_id: str, text: str | None) -> None:
        params: dict[str, Any] = {"callback_query_id": callback_id}
        if text is not None:
            params["text"] = text
        try:
            await self._call("answerCallbackQuery", params,
                             lambda: AnswerCallbackQuery(callback_query_id=callback_id, text=text))
        except AiogramError as error:
            log.warning("callback not answered", extra={"error": type(classify(error)).__name__})

    async def close_menu(self, chat_id: int, message_id: int) -> None:
        """Take the keyboard off a pressed menu, so its buttons cannot be pressed again."""
        try:
            await self._call("editMessageReplyMarkup", {"chat_id": chat_id, "message_id": message_id},
                             lambda: EditMessageReplyMarkup(chat_id=chat_id, message_id=message_id))
        except AiogramError as error:
            # Too old to edit, already closed by an earlier press, or deleted: nothing to do.
            if isinstance(classify(error), RecipientGone):
                log.info("menu not closed: the user cannot be reached")


def message_json(chat_id: int, text: str, parse_mode: str | None, markup: dict[str, Any] | None) -> dict[str, Any]:
    """sendMessage's parameters as aiogram sends them for `BotApi._message` (tests compare the two)."""
    params: dict[str, Any] = {"chat_id": chat_id, "text": text}
    if parse_mode is not None:
        params["parse_mode"] = parse_mode
    params["link_preview_options"] = {"is_disabled": True}
    if markup is not None:
        params["reply_markup"] = markup
    return params


def keyboard_json(buttons: Sequence[Button]) -> dict[str, Any]:
    """`inline_keyboard(buttons)` as JSON, without building aiogram's objects."""
    return {"inline_keyboard": [[{"text": key.label, "callback_data": key.data} for key in row]
                                for row in keyboard_rows(buttons)]}


def sos_keyboard_json(label: str) -> dict[str, Any]:
    """`sos_keyboard(label)` as JSON."""
    return {"keyboard": [[{"text": label}]], "is_persistent": True, "resize_keyboard": True}


_PINNED: list[Any] = []


def pin_aiogram_response_types() -> None:
    """Keep aiogram's `Response[T]` classes alive. aiogram builds `Response[method.__returning__]` on
    every call; pydantic 2.12+ caches parametrized generics only weakly (`_GENERIC_TYPES_CACHE` is a
    WeakValueDictionary), so once collected the class is rebuilt, about 5 ms of CPU each time: a
    third of a worker's CPU under load, measured with bench/load.py."""
    if _PINNED:
        return
    from aiogram import methods
    from aiogram.methods.base import Response

    for name in ("SendMessage", "AnswerCallbackQuery", "EditMessageReplyMarkup", "EditMessageText", "DeleteMessage",
                 "GetMe", "SetWebhook", "DeleteWebhook", "SetMyCommands", "GetWebhookInfo", "SendChatAction"):
        method = getattr(methods, name, None)
        if method is not None:
            _PINNED.append(Response[method.__returning__])  # type: ignore[name-defined]
