"""Operator front-ends: the desk (bot/desk/desk.py) decides, a front-end shows and listens.

`telegram_group` is the first: a Telegram supergroup with topics (docs/operators.md).
"""
