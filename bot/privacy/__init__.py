"""What is kept and for how long: `retention` is `python -m bot purge` (closed cases and stale
drafts past their periods).

May import: `bot.settings`, storage, flows.
"""
