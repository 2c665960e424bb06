"""`python -m bot set-aside list|replay|drop`: the updates that kept failing, for a person.

A worker sets an update aside after `UPDATE_MAX_ATTEMPTS` failures that were not outages (a bug),
in `{prefix}:in:aside` (bot/delivery/intake_redis.py), so its conversation moves on. This tool shows them
without their content (position, platform, a short hash of the update key, the kind of lane, the
error type, when), puts one back at the end of its lane for the workers (`replay`, after the bug
is fixed), or drops it for good (`drop --yes`). Positions are those `list` shows, oldest first;
each record is replayed or dropped by its stored value, so one that another person handled
meanwhile is reported, never a different one.

Redis only: the in-memory intake (no REDIS_URL) keeps its set-aside updates in the serving
process, out of reach of another process, and loses them on restart.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.delivery.intake import MAX_SET_ASIDE
from bot.delivery.intake_redis import RedisIntake
from bot.settings import Settings

log = logging.getLogger(__name__)

LANE_KINDS = ("conv", "chat", "status", "errors", "update")  # bot/delivery/routes.py; the rest names who it is
_REASON = re.compile(r"[^A-Za-z0-9_.:-]")


@dataclass(frozen=True)
class Summary:
    """What may be shown of a set-aside record: no text, no phone number, no id, no pseudonym."""

    platform: str
    key_hash: str
    lane_kind: str
    reason: str
    accepted_at: float | None
    set_aside_at: float | None

    def line(self, position: int) -> str:
        return (f"#{position:<4} {self.platform:<9} key {self.key_hash}  lane {self.lane_kind:<7} "
                f"{self.reason:<24} set aside {_when(self.set_aside_at)}  (arrived {_when(self.accepted_at)})")


def summary(record: str) -> Summary:
    """The record's shareable parts; one that cannot be read still gets a line."""
    try:
        data = json.loads(record)
        platform, key, lane = str(data["p"]), str(data["k"]), str(data["l"])
    except (ValueError, KeyError, TypeError):
        return Summary("?", _hash(record), "?", "unreadable record", None, None)
    kind = lane.partition(":")[0]
    reason = _REASON.sub("", str(data.get("reason") or "-"))[:40] or "-"  # an error's type name, nothing more
    return Summary(_REASON.sub("", platform)[:12] or "?", _hash(f"{platform}:{key}"),
                   kind if kind in LANE_KINDS else "other", reason, _number(data.get("t")), _number(data.get("at")))


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `set-aside` on the subparsers of `python -m bot`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "set-aside", help="list, replay or drop the updates set aside after repeated failures (REDIS_URL)",
        description="Updates that kept failing are set aside in Redis so their conversation moves on "
                    "(docs/deployment.md). List them (no content is shown), replay them once the cause is "
                    "fixed, or drop them.")
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="one line per update set aside, oldest first, without its content")
    replay = actions.add_parser("replay", help="put an update back at the end of its conversation's queue")
    drop = actions.add_parser("drop", help="delete an update set aside for good (its message is never processed)")
    for action in (replay, drop):
        target = action.add_mutually_exclusive_group(required=True)
        target.add_argument("position", nargs="?", type=int, help="its position in `list` (#N)")
        target.add_argument("--all", action="store_true", help="every update set aside now")
    drop.add_argument("--yes", action="store_true", help="really drop (without it, only say what would be dropped)")
    return parser


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.redis_url:
        print("Set REDIS_URL: updates are set aside in Redis (the intake of `serve` and `worker`).\n"
              "Without it the in-memory intake keeps them inside the serving process only, out of reach "
              "of this command, and loses them on restart.", file=sys.stderr)
        return 2
    return asyncio.run(_run(args, settings.redis_url, settings.redis_prefix, settings.set_aside_retention_hours * 3600))


async def prune(settings: Settings) -> int:
    """Retention (`python -m bot purge`): delete the updates set aside longer than
    SET_ASIDE_RETENTION_HOURS ago; returns how many went (0 without REDIS_URL)."""
    if not settings.redis_url:
        return 0
    redis = Redis.from_url(settings.redis_url, decode_responses=True, socket_connect_timeout=5, socket_timeout=10)
    try:
        intake = RedisIntake(redis, settings.redis_prefix, aside_ttl_seconds=settings.set_aside_retention_hours * 3600)
        return await intake.prune_set_aside()
    finally:
        await redis.aclose()


async def _run(args: argparse.Namespace, url: str, prefix: str, ttl_seconds: float) -> int:
    redis = Redis.from_url(url, decode_responses=True, socket_connect_timeout=5, socket_timeout=10)
    try:
        intake = RedisIntake(redis, prefix, aside_ttl_seconds=ttl_seconds)
        if args.action == "list":
            return await _list(intake)
        return await _change(intake, args.action, args.position, args.all, getattr(args, "yes", False))
    except (RedisError, OSError) as error:
        # Never the URL: it may carry a password.
        print(f"Cannot reach Redis (REDIS_URL): {type(error).__name__}. Nothing was changed.", file=sys.stderr)
        return 2
    finally:
        await redis.aclose()


async def _list(intake: RedisIntake) -> int:
    records = await intake.set_aside_records()
    if not records:
        print("Nothing is set aside.")
        return 0
    print(f"{len(records)} update(s) set aside, oldest first (at most {MAX_SET_ASIDE} are kept; "
          "times in UTC):")
    for position, record in enumerate(records, start=1):
        print(summary(record).line(position))
    return 0


async def _change(intake: RedisIntake, action: str, position: int | None, every: bool, yes: bool) -> int:
    records = await intake.set_aside_records()
    if every:
        chosen = list(enumerate(records, start=1))  # as they are now: what is set aside meanwhile waits
        if not chosen:
            print("Nothing is set aside.")
            return 0
    else:
        assert position is not None  # argparse: a position or --all
        if not 1 <= position <= len(records):
            print(f"There is no #{position}: {len(records)} update(s) set aside. See `set-aside list`.",
                  file=sys.stderr)
            return 2
        chosen = [(position, records[position - 1])]
    if action == "drop" and not yes:
        for number, record in chosen:
            print(summary(record).line(number))
        print(f"Nothing dropped: add --yes to drop the {len(chosen)} update(s) above for good "
              "(a dropped update is never processed).", file=sys.stderr)
        return 2
    done = missed = 0
    for number, record in chosen:
        found = summary(record)
        if action == "replay" and found.lane_kind == "?":
            missed += 1
            print(f"#{number} cannot be read, so it cannot be replayed: drop it.", file=sys.stderr)
            continue
        if await (intake.replay(record) if action == "replay" else intake.drop(record)):
            done += 1
            log.info("set-aside update %s", "replayed" if action == "replay" else "dropped",
                     extra={"platform": found.platform, "key": found.key_hash, "lane": found.lane_kind})
        else:
            missed += 1
            print(f"#{number} (key {found.key_hash}) is no longer set aside (replayed or dropped meanwhile): "
                  "left alone.", file=sys.stderr)
    if action == "replay":
        print(f"Replayed {done} update(s): each is back at the end of its conversation's queue; "
              "a worker processes it (repeated failures set it aside again).")
    else:
        print(f"Dropped {done} update(s).")
    return 1 if missed else 0


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _when(at: float | None) -> str:
    return "?" if at is None else datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d %H:%M:%S")
