"""How the bot addresses the reader. Children read ты / сен; parents and teachers read вы / сіз
throughout, from a key's `.adult` variant (which may also say "the child" where the child's
wording says "you"). Only the keys listed here have one; the others read the same for everyone."""

from __future__ import annotations

from flows.definitions import ADULT_ROLES

ADULT_KEYS = frozenset({
    # screens
    "menu.prompt", "report.category", "report.what", "report.links", "report.evidence", "report.danger",
    "report.region", "report.contact", "report.review", "report.fix_prompt", "report.filed",
    "check.prompt", "privacy.prompt", "privacy.delete_confirm", "tips.topics_prompt",
    # messages said between screens
    "report.no_links", "report.evidence_hint", "report.evidence_full", "report.incomplete",
    "report.cancelled", "report.danger_now", "check.bad_format", "check.not_found", "check.throttled",
    "privacy.deleted", "media.refused", "media.not_here", "media.voice", "notice.confidentiality",
    "operator.joined", "operator.in_chat", "operator.closed", "operator.feedback", "operator.handed_back",
    "feedback.thanks", "input.stale", "report.where_private", "report.links_csam", "report.links_needed",
    # a crisis and the wait for a person: a parent or teacher hears about the child, politely
    "waiting.passed_on", "waiting.kept_after_hours", "waiting.kept_nobody",
    "sos.prompt", "crisis.heard", "crisis.inline", "crisis.selfharm", "crisis.selfharm_inline",
    "crisis.sextortion", "crisis.grooming", "crisis.violence", "human.prompt", "human.wait",
    "human.queued", "human.queued_estimate", "human.meanwhile_critical", "human.after_hours",
    "human.queued_selfharm", "human.queued_estimate_selfharm", "human.after_hours_selfharm",
    "human.still_waiting", "human.nobody", "human.case_anonymous", "human.case_anonymous_saved",
})


def addressed(key: str, role: str | None) -> str:
    """The key to show this reader: its adults' wording for a parent or teacher, where it has one."""
    return f"{key}.adult" if key in ADULT_KEYS and role in ADULT_ROLES else key
