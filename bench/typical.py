"""A typical aiogram bot, the reference: Dispatcher with RedisStorage FSM, a handler that reads and
writes the user's FSM state and sends one reply with buttons, inside the webhook request
(`handle_in_background=False`: the answer waits for the reply to be sent).

`python -m bench.typical PORT REDIS_URL API_BASE TOKEN` (started by bench/load.py)."""

from __future__ import annotations

import sys

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from redis.asyncio import BlockingConnectionPool, Redis

KEYBOARD = InlineKeyboardMarkup(inline_keyboard=[
    [InlineKeyboardButton(text="Report a problem", callback_data="menu|report")],
    [InlineKeyboardButton(text="Safety tips", callback_data="menu|tips")],
    [InlineKeyboardButton(text="SOS", callback_data="menu|sos")],
])


def main() -> None:
    port, redis_url, api_base, token = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    router = Router()

    @router.message()
    async def on_message(message: Message, state: FSMContext) -> None:
        data = await state.get_data()
        await state.update_data(step=int(data.get("step", 0)) + 1, last=len(message.text or ""))
        await message.answer(f"Step {data.get('step', 0)}: choose", reply_markup=KEYBOARD)

    @router.callback_query(F.data)
    async def on_press(callback: CallbackQuery, state: FSMContext) -> None:
        data = await state.get_data()
        await state.update_data(step=int(data.get("step", 0)) + 1, picked=callback.data)
        await callback.answer()
        if callback.message is not None:
            await callback.message.answer(f"Step {data.get('step', 0)}: choose", reply_markup=KEYBOARD)

    redis = Redis(connection_pool=BlockingConnectionPool.from_url(redis_url, max_connections=64))
    dispatcher = Dispatcher(storage=RedisStorage(redis))
    dispatcher.include_router(router)
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api_base)))
    app = web.Application()
    SimpleRequestHandler(dispatcher, bot, handle_in_background=False).register(app, path="/telegram/webhook")
    setup_application(app, dispatcher, bot=bot)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None, backlog=2048)


if __name__ == "__main__":
    main()
