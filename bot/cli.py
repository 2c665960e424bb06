"""The command line: `python -m bot shell|serve ...`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from bot import crisis_set_command, logs
from bot.delivery import set_aside
from bot.desk import staff_command
from bot.figures import stats
from bot.privacy import keys
from bot.settings import Settings, describe
from locales import CatalogError
from storage import crypto


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="The helpline chatbot.")
    commands = parser.add_subparsers(dest="command", required=True)
    shell = commands.add_parser("shell", help="chat with the bot in this terminal (or through a pipe)")
    shell.add_argument("--lang", choices=["kk", "ru", "en"], help="the platform's language hint")
    shell.add_argument("--user", default="local", help="who is writing (a separate conversation per name)")
    serve = commands.add_parser("serve", help="run the web application: webhooks, health, web chat simulator")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    commands.add_parser("polling", help="serve Telegram by long polling (development; drops any webhook); "
                        "updates are stored and processed as the webhook's")
    hook = commands.add_parser("set-webhook", help="register the Telegram webhook (with its secret) and commands")
    hook.add_argument("url", help="the public HTTPS URL of /telegram/webhook")
    hook.add_argument("--drop-pending-updates", action="store_true", help="discard updates Telegram still holds")
    stats.add_parser(commands)
    commands.add_parser("purge", help="delete closed cases and stale drafts past their retention periods")
    commands.add_parser("migrate", help="bring the case database to the newest migration (start-up does it too)")
    commands.add_parser("worker", help="process the updates webhook servers stored in Redis (run as many as needed)")
    set_aside.add_parser(commands)
    keys.add_parser(commands)
    staff_command.add_parser(commands)
    crisis_set_command.add_parser(commands)
    return parser


async def _purge(settings: Settings) -> int:
    """Retention with the copies kept outside the database: the operator group's topics (when it is
    configured) and the updates set aside (with REDIS_URL)."""
    from bot.delivery.set_aside import prune
    from bot.privacy.retention import TopicEraser, purge

    eraser: TopicEraser | None = None
    bot = None
    chat_id = settings.operator_chat_id
    if chat_id is not None and settings.telegram_bot_token:
        from handlers.operators.telegram_group import delete_topics
        from handlers.telegram.api import create_bot

        group_bot = bot = create_bot(settings.telegram_bot_token, settings.telegram_api_base)

        async def eraser_(topics: Sequence[str]) -> int:
            return await delete_topics(group_bot, chat_id, topics)

        eraser = eraser_
    try:
        purged = await purge(settings, eraser)
    finally:
        if bot is not None:
            await bot.session.close()
    aside = await prune(settings)
    print(f"Deleted {purged.closed} closed case(s) older than {settings.retention_days} days and "
          f"{purged.drafts} draft(s) idle for {settings.draft_retention_days} days; "
          f"{purged.topics} operator topic(s) and {aside} update(s) set aside longer than "
          f"{settings.set_aside_retention_hours} hours.")
    if purged.topics_left:
        print(f"{purged.topics_left} operator topic(s) could not be deleted (see the log): delete them in "
              "the operator group by hand, and give the bot the right to delete messages.", file=sys.stderr)
        return 1
    return 0


async def _shell(settings: Settings, lang: str | None, user: str) -> None:
    from bot.app import build_application  # the runtime and its adapters: only for the commands that run it
    from handlers.shell import ShellChat

    app = await build_application(settings)
    try:
        await ShellChat(app.service, app.translator, user=user, hint=lang).run()
    finally:
        await app.close()


def _serve(settings: Settings, host: str | None, port: int | None) -> None:
    import uvicorn

    from webhook import create_app

    uvicorn.run(create_app(settings, settle_heap=True), host=host or settings.host, port=port or settings.port,
                log_level="info", log_config=None)  # bot/logs.py formats (and strips query strings)


async def _polling(settings: Settings) -> int:
    from bot.app import build_application
    from handlers.telegram.channel import TelegramChannel
    from handlers.telegram.polling import run_polling

    app = await build_application(settings)
    try:
        channel = app.channels.get("telegram")
        if not isinstance(channel, TelegramChannel):
            print("Set TELEGRAM_BOT_TOKEN to serve Telegram (see docs/telegram.md).", file=sys.stderr)
            return 2
        pipeline = app.pipeline
        assert pipeline is not None
        # As `serve`: polled updates are stored (REDIS_URL: durably), then processed by this process's
        # worker, unless SERVE_WORKER=false leaves them to `python -m bot worker`.
        if settings.serve_worker or not settings.redis_url:
            pipeline.start_worker()
        await run_polling(channel, pipeline)
    finally:
        await app.close()
    return 0


async def _set_webhook(settings: Settings, url: str, drop_pending: bool) -> int:
    from aiogram.exceptions import AiogramError

    from bot.app import load_translator
    from handlers.telegram.api import create_bot
    from handlers.telegram.setup import SetupError, register_webhook, set_commands

    if not settings.telegram_bot_token:
        print("Set TELEGRAM_BOT_TOKEN first (see docs/telegram.md).", file=sys.stderr)
        return 2
    bot = create_bot(settings.telegram_bot_token, settings.telegram_api_base)
    try:
        await register_webhook(bot, url, settings.telegram_webhook_secret, drop_pending_updates=drop_pending)
        await set_commands(bot, load_translator())
    except SetupError as error:
        print(f"Webhook not set: {error}", file=sys.stderr)
        return 2
    except AiogramError as error:
        print(f"Telegram refused: {error}", file=sys.stderr)
        return 1
    finally:
        await bot.session.close()
    print(f"Webhook set to {url}; commands registered in kk, ru, en.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logs.configure(logging.WARNING if args.command == "shell" else logging.INFO, os.environ.get("LOG_FORMAT", "text"))
    try:
        settings = Settings()
        crypto.use(settings.keyring)  # every command reads and writes with the deployment's keys
        if args.command == "shell":
            asyncio.run(_shell(settings, args.lang, args.user))
        elif args.command == "serve":
            _serve(settings, args.host, args.port)
        elif args.command == "polling":
            return asyncio.run(_polling(settings))
        elif args.command == "set-webhook":
            return asyncio.run(_set_webhook(settings, args.url, args.drop_pending_updates))
        elif args.command == "stats":
            return stats.run(args, settings)
        elif args.command == "staff":
            return staff_command.run(args, settings)
        elif args.command == "crisis-set":
            return crisis_set_command.run(args, settings)
        elif args.command == "set-aside":
            return set_aside.run(args, settings)
        elif args.command == "rotate-key":
            return keys.run(args, settings)
        elif args.command == "worker":
            from bot.worker_command import main as worker

            return worker(settings)
        elif args.command == "migrate":
            from storage.factory import migrate

            asyncio.run(migrate(settings.database_url))
            print("The case database is at the newest migration.")
        elif args.command == "purge":
            return asyncio.run(_purge(settings))
    except ValidationError as error:
        print(f"The settings are not valid (see the settings table in README.md):\n{describe(error)}", file=sys.stderr)
        return 2
    except CatalogError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(f"Cannot reach a service the bot needs: {error}", file=sys.stderr)
        return 2
    return 0
