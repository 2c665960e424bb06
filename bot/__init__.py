"""The runtime around the pure engine, its subsystems, and the composition root.

- The runtime, at the top: `settings`, `service` (state in, engine, actions carried out),
  `context` (the update being processed), `records` (a conversation's records beside its state),
  `drafts`, `jobs`, `logs`; developer tools `catalogs` and `diagrams`.
- Subsystems, one package each: `delivery/` (intake, ordering, workers, outbox, pacing),
  `desk/` (escalations, cases being worked, staff), `figures/` (statistics), `privacy/` (retention).
- The composition root: `app` (settings in, an application out), `desk_wiring`, `cli`,
  `worker_command`. Only these import `handlers/`; tests/test_layout.py keeps it so.
"""
