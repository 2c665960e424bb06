"""Rendering for Telegram: 4096-character parts on line breaks, balanced <b>, keyboards, escaping."""

from __future__ import annotations

import pytest

from handlers.render import Button, Discard, OutMessage, encode_choice
from handlers.telegram.render import (
    TEXT_LIMIT,
    DeleteMessage,
    SendText,
    escape,
    inline_keyboard,
    plain,
    split_html,
    to_outgoing,
    utf16_len,
    with_sos_keyboard,
)


def test_user_text_is_escaped_for_telegram_html() -> None:
    assert escape("I <3 <b>you</b> & \"them\"") == "I &lt;3 &lt;b&gt;you&lt;/b&gt; &amp; \"them\""
    assert plain("<b>Hi</b> &lt;3 &amp; co") == "Hi <3 & co"


def test_a_short_text_is_one_part() -> None:
    assert split_html("<b>Hi</b>\nthere") == ["<b>Hi</b>\nthere"]


def test_long_texts_split_on_line_breaks_within_the_limit() -> None:
    lines = [f"line {i:04d} " + "x" * 80 for i in range(200)]
    parts = split_html("\n".join(lines))
    assert len(parts) > 1
    assert all(utf16_len(p) <= TEXT_LIMIT for p in parts)
    assert "\n".join(parts).split("\n") == lines  # nothing lost, every cut at a line break


def test_emoji_count_as_two_units() -> None:
    parts = split_html("😀" * 3000)
    assert all(utf16_len(p) <= TEXT_LIMIT for p in parts)
    assert "".join(parts) == "😀" * 3000


def test_bold_open_at_a_cut_is_closed_and_reopened() -> None:
    text = "<b>" + "\n".join("word " * 15 for _ in range(100)) + "</b>"
    parts = split_html(text)
    assert len(parts) > 1
    for part in parts:
        assert part.count("<b>") == part.count("</b>")
        assert utf16_len(part) <= TEXT_LIMIT


def test_a_cut_never_breaks_an_entity() -> None:
    text = ("&amp;" * 1000) + ("&lt;" * 1000)
    for part in split_html(text, limit=100):
        assert not part.endswith("&") and not part.startswith(("amp;", "mp;", "p;", ";", "lt;", "t;"))


def test_buttons_stay_with_the_last_part_and_discards_become_deletions() -> None:
    buttons = (Button("Yes", encode_choice("r_danger", "yes")),)
    out = to_outgoing([Discard("77"), OutMessage("a\n" * 3000, buttons), Discard(None)])
    assert out[0] == DeleteMessage(77)
    texts = [item for item in out if isinstance(item, SendText)]
    assert len(texts) == 2 and texts[0].buttons == () and texts[1].buttons == buttons


def test_the_sos_keyboard_rides_on_a_text_without_buttons_or_an_intro() -> None:
    with_buttons = SendText("menu", (Button("A", "s|a"),))
    assert with_sos_keyboard([with_buttons, SendText("hi")], "🆘", "intro")[1] == SendText("hi", (), "🆘")
    assert with_sos_keyboard([with_buttons], "🆘", "intro") == [with_buttons, SendText("intro", (), "🆘")]


def test_short_labels_share_rows_long_ones_do_not() -> None:
    keyboard = inline_keyboard([
        Button("Қазақша", "lang|kk"), Button("Русский", "lang|ru"), Button("English", "lang|en"),
        Button("A very long label that fills a whole row", "x|y"), Button("🆘 SOS", "s|sos"),
    ])
    rows = [[b.text for b in row] for row in keyboard.inline_keyboard]
    assert rows == [["Қазақша", "Русский", "English"], ["A very long label that fills a whole row"], ["🆘 SOS"]]


def test_callback_data_over_64_bytes_is_refused_when_made() -> None:
    with pytest.raises(ValueError):
        encode_choice("r_region", "ы" * 40)
