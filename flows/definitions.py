"""Every screen of the bot, declared as data. Text lives in the catalogs under these keys."""

from __future__ import annotations

from flows.adults import MAX_ADULTS
from flows.guides import GUIDE_PLACES
from flows.messages import N_
from flows.steps import Choice, Input, Step
from flows.tips import TOPICS

LANGUAGES = ("kk", "ru", "en")
ROLES = ("child", "parent", "teacher", "other")
AUDIENCES = ("children", "parents", "teachers")

CATEGORIES = ("bullying", "blackmail", "grooming", "csam", "privacy", "groups", "other")
BLACKMAIL_KINDS = ("intimate", "violence", "money")
GROUP_KINDS = ("selfharm", "drugs", "extremism", "fraud")
VICTIMS = ("me", "my_child", "my_student", "family", "someone")  # family: someone at home
PLACES = ("instagram", "tiktok", "telegram", "whatsapp", "vk", "youtube", "game", "other")
DANGER = ("yes", "no", "unsure")
AGE_GROUPS = ("under10", "10_13", "14_17", "adult", "unknown")
# Kazakhstan's 17 regions and 3 cities of republican significance (since 2022).
REGIONS = (
    "astana", "almaty_city", "shymkent", "abai", "akmola", "aktobe", "almaty_region", "atyrau",
    "east_kz", "jambyl", "jetisu", "karaganda", "kostanay", "kyzylorda", "mangystau", "north_kz",
    "pavlodar", "turkistan", "ulytau", "west_kz",
)
CONTACT = ("anonymous", "reply_here")
ADULT_ROLES = frozenset({"parent", "teacher"})
# Parents and teachers are addressed politely, from the keys listed in flows/address.py.

# Report fields in the order they are asked, with the step that asks each.
REPORT_FIELDS = (
    ("category", "r_category"),
    ("victim", "r_victim"),
    ("description", "r_what"),
    ("place", "r_where"),
    ("links", "r_links"),
    ("evidence", "r_evidence"),
    ("danger", "r_danger"),
    ("age_group", "r_age"),
    ("region", "r_region"),
    ("contact", "r_contact"),
)


def _choices(prefix: str, values: tuple[str, ...], **kw: str) -> tuple[Choice, ...]:
    return tuple(Choice(v, f"{prefix}.{v}", **kw) for v in values)


_CATEGORY_CHOICES = tuple(
    Choice(v, f"category.{v}", goto={"blackmail": "r_blackmail", "groups": "r_groups"}.get(v))
    for v in CATEGORIES
)

STEPS: dict[str, Step] = {
    s.id: s
    for s in (
        # -- onboarding -------------------------------------------------------------------
        Step("lang", N_("lang.prompt"), _choices("lang", LANGUAGES, effect="set_lang"), back=False),
        Step("role", N_("role.prompt"), _choices("role", ROLES, effect="set_role"), back=False),
        Step(
            "resume",
            N_("resume.prompt"),
            (
                Choice("continue", N_("resume.continue"), effect="resume_report"),
                Choice("drop", N_("resume.drop"), goto="draft_cancel"),
            ),
            back=False,
        ),
        # -- a draft is dropped only when the user says so -------------------------------------
        Step(
            "draft_which",
            N_("draft.which"),
            (
                Choice("continue", N_("resume.continue"), effect="resume_report"),
                Choice("restart", N_("draft.restart"), goto="draft_restart"),
            ),
            back=False,
        ),
        Step(
            "draft_restart",
            N_("draft.restart_confirm"),
            (
                Choice("yes", N_("draft.restart_yes"), effect="restart_report"),
                Choice("no", N_("draft.keep"), effect="resume_report"),
            ),
            back=False,
        ),
        Step(
            "draft_cancel",
            N_("draft.cancel_confirm"),
            (
                Choice("yes", N_("draft.cancel_yes"), effect="cancel_report"),
                Choice("no", N_("draft.keep"), effect="keep_report"),
            ),
            back=False,
        ),
        # -- main menu --------------------------------------------------------------------
        Step(
            "menu",
            N_("menu.prompt"),
            (
                Choice("resume", N_("menu.resume"), effect="resume_report"),  # only with a draft
                Choice("report", N_("menu.report"), goto="r_category", effect="start_report"),
                Choice("tips", N_("menu.tips"), effect="open_tips"),
                Choice("human", N_("menu.human"), goto="human"),
                Choice("check", N_("menu.check"), goto="check"),
                Choice("adults", N_("menu.adults"), goto="adults"),
                Choice("privacy", N_("menu.privacy"), goto="privacy"),
                Choice("language", N_("menu.language"), goto="lang"),
            ),
            back=False,
        ),
        # -- help now ---------------------------------------------------------------------
        Step(
            "sos",
            N_("sos.prompt"),
            (
                Choice("alert", N_("sos.alert"), effect="alert_adults"),  # only with a linked adult
                Choice("person", N_("sos.person"), effect="escalate_now"),
                Choice("add_adult", N_("sos.add_adult"), effect="add_adult"),  # only without one
                Choice("language", N_("sos.language"), goto="lang"),
            ),
        ),
        # -- a problem told in the child's own words where buttons were offered -----------
        Step(
            "suggest",
            N_("suggest.prompt"),
            (
                Choice("yes", N_("suggest.yes"), effect="take_suggestion"),  # with a suggested category
                Choice("other", N_("suggest.other"), goto="r_category", effect="keep_told"),
                Choice("start", N_("suggest.start"), goto="r_category", effect="keep_told"),  # without one
                Choice("add", N_("suggest.add"), effect="add_told"),  # when a draft exists
            ),
            back=False,
        ),
        # -- trusted adults (flows/adults.py, flows/adult_turn.py) ----------------------------
        Step(
            "adults",
            N_("adults.prompt"),
            (
                Choice("add", N_("adults.add"), effect="add_adult"),  # only below MAX_ADULTS
                Choice("remove", N_("adults.remove"), goto="adults_remove"),  # only with one
            ),
        ),
        Step(
            "adults_remove",
            N_("adults.remove_prompt"),
            tuple(Choice(str(n), N_("adults.remove_one"), effect="remove_adult") for n in range(1, MAX_ADULTS + 1)),
        ),
        Step("adult_self", N_("adults.self_prompt"), input=Input.TEXT, next="adult_code"),
        Step("adult_code", N_("adults.code_wait"), (Choice("to_menu", N_("common.to_menu"), goto="menu"),), back=False),
        Step("adult_name", N_("adults.name_prompt"), input=Input.TEXT, next="adults", back=False),
        Step(
            "adult_confirm",
            N_("adults.confirm_prompt"),
            (
                Choice("agree", N_("adults.agree"), effect="confirm_link"),
                Choice("decline", N_("adults.decline"), goto="menu", effect="decline_link"),
            ),
            back=False,
        ),
        Step(
            "alert_more",
            N_("alert.more_prompt"),
            (
                Choice("location", N_("alert.location"), goto="alert_location"),
                Choice("note", N_("alert.note"), goto="alert_note"),
            ),
            back=False,
        ),
        Step("alert_location", N_("alert.location_prompt"),
             (Choice("not_now", N_("alert.not_now"), goto="alert_more"),), back=False),
        Step("alert_note", N_("alert.note_prompt"), input=Input.TEXT, next="alert_more", back=False),
        Step(
            "human",
            N_("human.prompt"),
            (Choice("confirm", N_("human.confirm"), effect="escalate_request"),),
        ),
        Step("human_wait", N_("human.wait"), (Choice("to_menu", N_("common.to_menu"), goto="menu"),), back=False),
        Step("check", N_("check.prompt"), input=Input.REFERENCE),
        # -- privacy ----------------------------------------------------------------------
        Step(
            "privacy",
            N_("privacy.prompt"),
            (Choice("delete", N_("privacy.delete"), goto="privacy_delete"),),
        ),
        Step(
            "privacy_delete",
            N_("privacy.delete_confirm"),
            (
                Choice("yes", N_("privacy.delete_yes"), effect="delete_data"),
                Choice("no", N_("privacy.delete_no"), goto="privacy"),
            ),
        ),
        # -- safety tips ------------------------------------------------------------------
        Step("tips_audience", N_("tips.audience_prompt"), _choices("audience", AUDIENCES, effect="set_audience")),
        Step(
            "tips_topics",
            N_("tips.topics_prompt"),
            (
                *(Choice(t, f"topic.{t}", effect="open_topic") for t in TOPICS),
                Choice("guides", N_("tips.guides"), goto="tips_places"),
                Choice("audience", N_("tips.other_audience"), goto="tips_audience"),
            ),
        ),
        Step("tips_places", N_("tips.places_prompt"), _choices("place", GUIDE_PLACES, effect="open_guide")),
        Step(
            "tips_card",
            N_("tips.card"),
            (
                Choice("next", N_("tips.next"), effect="tip_next"),
                Choice("topics", N_("tips.topics"), goto="tips_topics"),
            ),
        ),
        # -- report a problem -------------------------------------------------------------
        Step("r_category", N_("report.category"), _CATEGORY_CHOICES, field="category", next="r_victim", in_report=True),
        Step(
            "r_blackmail", N_("report.blackmail_kind"), _choices("blackmail", BLACKMAIL_KINDS),
            field="subcategory", next="r_victim", in_report=True,
        ),
        Step(
            "r_groups", N_("report.group_kind"), _choices("groups", GROUP_KINDS),
            field="subcategory", next="r_victim", in_report=True,
        ),
        Step(
            "r_victim", N_("report.victim"), _choices("victim", VICTIMS), field="victim", next="r_what",
            in_report=True,
        ),
        Step("r_what", N_("report.what"), input=Input.TEXT, field="description", next="r_where", in_report=True),
        Step("r_where", N_("report.where"), _choices("place", PLACES), field="place", next="r_links", in_report=True),
        Step(
            "r_links", N_("report.links"), (Choice("no_link", N_("report.no_link"), goto="r_no_link"),),
            input=Input.LINKS, field="links", next="r_evidence", optional=True, in_report=True,
        ),
        # Sexual images of children, no link to give (sent in private messages): where, in words.
        Step("r_no_link", N_("report.where_private"), input=Input.TEXT, field="place_note", next="r_evidence",
             in_report=True),
        Step(
            "r_evidence",
            N_("report.evidence"),
            (Choice("done", N_("report.evidence_done")),),
            input=Input.EVIDENCE,
            field="evidence",
            next="r_danger",
            optional=True,
            in_report=True,
        ),
        Step("r_danger", N_("report.danger"), _choices("danger", DANGER), field="danger", next="r_age", in_report=True),
        Step(
            "r_age", N_("report.age"), _choices("age", AGE_GROUPS), field="age_group", next="r_region",
            in_report=True,
        ),
        Step(
            "r_region", N_("report.region"), _choices("region", REGIONS), field="region", next="r_contact",
            optional=True, in_report=True,
        ),
        Step(
            "r_contact", N_("report.contact"), _choices("contact", CONTACT), field="contact", next="r_review",
            in_report=True,
        ),
        Step(
            "r_review",
            N_("report.review"),
            (
                Choice("send", N_("report.send"), effect="file_report"),
                Choice("fix", N_("report.fix"), goto="r_fix"),
            ),
            in_report=True,
        ),
        Step(
            "r_fix",
            N_("report.fix_prompt"),
            tuple(Choice(f, f"field.{f}", goto=step, effect="fix_field") for f, step in REPORT_FIELDS),
            in_report=True,
        ),
        Step(
            "feedback",
            N_("operator.feedback"),
            (
                Choice("yes", N_("feedback.yes"), goto="menu", effect="feedback"),
                Choice("no", N_("feedback.no"), goto="menu", effect="feedback"),
            ),
            back=False,
        ),
        Step(
            "r_done",
            N_("report.filed"),
            (
                Choice("guide", N_("report.guide"), effect="guide_for_case"),  # only with a place
                Choice("tips", N_("report.tips_for_case"), effect="tips_for_case"),
                Choice("to_menu", N_("common.to_menu"), goto="menu"),
            ),
            back=False,
        ),
    )
}

# Steps entered by the engine itself rather than by a choice (global words, effects, results).
ENTRY_STEPS = ("lang", "role", "menu", "sos", "resume", "suggest", "r_done", "human_wait", "tips_audience",
               "tips_topics", "tips_card", "check", "feedback", "draft_which", "draft_cancel", "adult_self",
               "adult_code", "adult_name", "adult_confirm", "alert_more")
