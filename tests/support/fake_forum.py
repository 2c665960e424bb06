"""The fake Telegram Bot API, grown for the operator group: forum topics, files sent by id, and
mentions (<a href="tg://user?id=...">) accepted in HTML as Telegram accepts them.

Extends tests/support/fake_telegram.FakeTelegram; everything else (recording, scripted
failures, the strict HTML check) stays as it is there.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.support import fake_telegram
from tests.support.fake_telegram import FakeTelegram

FILE_METHODS = {"sendPhoto": "photo", "sendVideo": "video", "sendDocument": "document", "sendVoice": "voice",
                "sendAudio": "audio", "sendSticker": "sticker"}
_LINK = re.compile(r'<a href="(?:tg://user\?id=\d+|https://[^"<>\s]+)">|</a>')
_strict = fake_telegram._html_problem


def _with_links(params: Mapping[str, Any]) -> str | None:
    """Telegram's check, with well-formed links taken out first (Telegram accepts <a href>)."""
    text = str(params.get("text", ""))
    if text.count("</a>") != len(re.findall(r"<a href=", text)):
        return "unmatched <a>"
    return _strict({**params, "text": _LINK.sub("", text)})


@contextmanager
def links_allowed() -> Iterator[None]:
    """While in use, the fake accepts links as Telegram does (patched module-wide, then restored)."""
    fake_telegram._html_problem = _with_links
    try:
        yield
    finally:
        fake_telegram._html_problem = _strict


@dataclass
class FakeForum(FakeTelegram):
    topics: dict[int, str] = field(default_factory=dict)  # message_thread_id -> name
    deleted_topics: dict[int, str] = field(default_factory=dict)  # deleteForumTopic: gone with their messages
    _thread_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(9001))

    def _result(self, method: str, params: Mapping[str, Any]) -> Any:
        if method == "createForumTopic":
            thread_id = next(self._thread_ids)
            self.topics[thread_id] = str(params["name"])
            return {"message_thread_id": thread_id, "name": params["name"],
                    "icon_color": int(params.get("icon_color") or 7322096)}
        if method in ("deleteForumTopic", "closeForumTopic"):
            thread = int(params["message_thread_id"])
            if thread not in self.topics:
                return None  # an unknown topic is refused (as a 404 here)
            if method == "deleteForumTopic":
                self.deleted_topics[thread] = self.topics.pop(thread)
            return True
        if method == "editForumTopic":
            self.topics[int(params["message_thread_id"])] = str(params["name"])
            return True
        if method in FILE_METHODS or method == "sendMessage":
            message: dict[str, Any] = (self._message("sendMessage", params) if method == "sendMessage" else
                                       {"message_id": next(self._message_ids), "date": int(time.time()),
                                        "chat": {"id": int(params["chat_id"]), "type": "supergroup", "title": "Ops"},
                                        "from": self._bot_user()})
            if method in FILE_METHODS:
                kind = FILE_METHODS[method]
                message[kind] = ({"file_id": params[kind], "file_unique_id": "u", "width": 1, "height": 1,
                                  "type": "regular", "is_animated": False, "is_video": False}
                                 if kind == "sticker" else {"file_id": params[kind], "file_unique_id": "u",
                                                            "duration": 1, "width": 1, "height": 1})
                if kind == "photo":
                    message["photo"] = [message["photo"]]
            if "message_thread_id" in params:
                message["message_thread_id"] = int(params["message_thread_id"])
                message["is_topic_message"] = True
            return message
        return super()._result(method, params)

    # -- reading the record -----------------------------------------------------------------
    def in_topic(self, chat_id: int, thread_id: int | None) -> list[dict[str, Any]]:
        """Every successful send to the group's topic (None: General), oldest first."""
        return [{"method": c.method, **c.params} for c in self.calls
                if c.status == 200 and c.params.get("chat_id") == chat_id
                and c.method in ("sendMessage", *FILE_METHODS)
                and _thread(c.params.get("message_thread_id")) == thread_id]


def _thread(value: Any) -> int | None:
    return None if value in (None, "") else int(value)
