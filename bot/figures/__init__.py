"""The hotline's figures: `python -m bot stats` (`stats`) and its chart (`chart`, matplotlib).

May import: `bot.settings`, storage (the statistics queries in `storage/stats.py`), flows, locales.
"""
