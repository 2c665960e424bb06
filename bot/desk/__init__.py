"""The operator desk, channel-neutral: what happens when a conversation needs a person.

`desk` queues escalations, lets one operator hold a case at a time, relays messages both ways and
closes cases with an outcome; `front` is the seam its front-ends implement (the Telegram operator
group in `handlers/operators/`); `cards` builds the case card; `texts` the desk's catalog keys;
`roster` who may act and in which languages; `shifts` the working hours; `watchdog` re-alerts
what nobody took.

May import: the runtime (`bot.service`, `bot.jobs`...), storage, flows, locales. Never `handlers/`:
the composition root (`bot/desk_wiring.py`) connects the fronts.
"""
