"""The case card and the topic's name, as channel-neutral messages (rendered by the front-end).

What a card never shows: the user's platform id or address, and any file from a report where
images are refused (sexual images of children, intimate-image blackmail: never stored anyway).
"""

from __future__ import annotations

from datetime import datetime

from bot.desk.front import CaseCard, Choice
from bot.desk.roster import Roster
from bot.desk.shifts import WorkingHours
from bot.desk.texts import PLATFORMS, REASONS, level_key, reason_key
from flows.images import case_involves_sexual_images
from flows.messages import N_, Msg
from storage.base import CaseRecord
from storage.operators import EscalationInfo

LEVEL_ICONS = {"critical": "🔴", "high": "🟠", "normal": "🟡", "low": "🔵"}
DONE_ICON = "✅"
SUBCATEGORY_PREFIX = {"blackmail": "blackmail", "groups": "groups"}  # catalog keys of the subcategories


def handle_of(escalation: EscalationInfo, case: CaseRecord | None) -> str:
    """The case's reference, or a short random tag before a report is filed (ids are random)."""
    return case.reference if case is not None else f"#{escalation.id[:6]}"


def title(escalation: EscalationInfo, case: CaseRecord | None, *, done: bool = False) -> Msg:
    icon = DONE_ICON if done else LEVEL_ICONS.get(escalation.level, "⚪")
    return Msg(N_("op.topic"), {"icon": icon, "ref": handle_of(escalation, case),
                                "level": Msg(level_key(escalation.level)), "lang": escalation.language})


def card_choices(escalation: EscalationInfo, case: CaseRecord | None) -> tuple[Choice, ...]:
    verbs = ["take", "close", "handback"]
    if case is not None:
        verbs.append("status")
    return tuple(Choice(verb, escalation.id) for verb in verbs)


def reason_msg(reason: str) -> Msg | str:
    code, _, detail = reason.partition(":")
    if code == "category" and detail:
        category, _, sub = detail.partition("/")
        return Msg(reason_key("category"), {"value": _category(category, sub or None)})
    return Msg(reason_key(code)) if code in REASONS else reason


def build_card(escalation: EscalationInfo, case: CaseRecord | None, roster: Roster, hours: WorkingHours, *,
               position: int | None = None) -> CaseCard:
    lines: list[Msg] = [
        Msg(N_("op.card.why"), {"value": reason_msg(escalation.reason)}),
        Msg(N_("op.card.platform"), {"value": platform_label(escalation.platform)}),
        Msg(N_("op.card.language"), {"value": Msg(f"op.lang.{escalation.language}")}),
        Msg(N_("op.card.waiting"), {"time": _local(hours, escalation.created_at)}),
    ]
    if position is not None:
        lines.append(Msg(N_("op.card.position"), {"position": str(position)}))
    if not hours.is_open(escalation.created_at):
        lines.append(Msg(N_("op.card.out_of_hours"), {"hours": hours.label}))
    evidence: tuple[tuple[str, str], ...] = ()
    if case is None:
        lines.append(Msg(N_("op.card.no_report")))
    else:
        lines += _case_lines(case)
        evidence = _evidence_shown(case)
        lines.append(_evidence_line(case, len(evidence)))
    head = Msg(N_("op.card.head"), {"icon": LEVEL_ICONS.get(escalation.level, "⚪"),
                                    "level": Msg(level_key(escalation.level)),
                                    "ref": handle_of(escalation, case), "lang": escalation.language})
    body = Msg(N_("op.card"), {"head": head, "lines": tuple(lines)})
    return CaseCard(escalation, case, title(escalation, case), body, card_choices(escalation, case),
                    roster.first_offer(escalation.language), evidence)


def _case_lines(case: CaseRecord) -> list[Msg]:
    fields = case.fields
    reasons = tuple(Msg(N_("op.bullet"), {"item": reason_msg(r)}) for r in case.risk_reasons)
    lines = [
        Msg(N_("op.card.category"), {"value": _category(case.category, case.subcategory)}),
        Msg(N_("op.card.risk"), {"level": Msg(level_key(case.risk)), "reasons": reasons}),
        Msg(N_("op.card.reporter"), {"value": Msg(f"role.{case.reporter_role}")}),
    ]
    for field, key, prefix in (("victim", N_("op.card.victim"), "victim"), ("age_group", N_("op.card.age"), "age"),
                               ("place", N_("op.card.place"), "place"), ("region", N_("op.card.region"), "region")):
        if fields.get(field):
            lines.append(Msg(key, {"value": Msg(f"{prefix}.{fields[field]}")}))
    lines.append(Msg(N_("op.card.anonymity"),
                     {"value": Msg(N_("op.anon.yes")) if case.anonymous else Msg(N_("op.anon.no"))}))
    lines.append(Msg(N_("op.card.status"), {"value": Msg(f"status.{case.status}")}))
    if fields.get("description"):
        lines.append(Msg(N_("op.card.what"), {"value": str(fields["description"])}))  # the user's words: escaped
    elif fields.get("reporter") is None:
        lines.append(Msg(N_("op.card.erased")))
    links = fields.get("links") or []
    if links:
        lines.append(Msg(N_("op.card.links"), {"value": "\n".join(str(link) for link in links)}))
    return lines


def _evidence_shown(case: CaseRecord) -> tuple[tuple[str, str], ...]:
    """Telegram file ids the front can re-send by id; nothing where images are refused."""
    if case.platform != "telegram" or _images_refused(case):
        return ()
    return tuple((str(item.get("kind", "")), str(item["ref"])) for item in case.fields.get("evidence") or []
                 if isinstance(item, dict) and item.get("ref"))


def _evidence_line(case: CaseRecord, shown: int) -> Msg:
    if _images_refused(case):
        return Msg(N_("op.card.links_only"))
    count = len(case.fields.get("evidence") or [])
    if count == 0:
        return Msg(N_("op.card.no_evidence"))
    if shown:
        return Msg(N_("op.card.evidence_below"), {"count": str(shown)})
    return Msg(N_("op.card.evidence_elsewhere"), {"count": str(count), "platform": platform_label(case.platform)})


def _images_refused(case: CaseRecord) -> bool:
    return case_involves_sexual_images(case.category, case.subcategory, case.risk_reasons)


def _category(category: str, subcategory: str | None) -> Msg:
    prefix = SUBCATEGORY_PREFIX.get(category)
    if prefix and subcategory:
        return Msg(N_("op.card.category_sub"), {"category": Msg(f"category.{category}"),
                                                "sub": Msg(f"{prefix}.{subcategory}")})
    return Msg(f"category.{category}")


def platform_label(platform: str) -> Msg | str:
    return Msg(f"op.platform.{platform}") if platform in PLATFORMS else platform


def _local(hours: WorkingHours, at: datetime) -> str:
    return hours.local(at).strftime("%d.%m %H:%M")
