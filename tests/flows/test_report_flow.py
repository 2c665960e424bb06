"""A child files a report step by step; the case, its risk and the safety rules."""

from __future__ import annotations

from tests.support.driver import Driver


def start(hint: str | None = "en", role: str = "child") -> Driver:
    d = Driver(hint=hint)
    d.text("hello")
    d.pick(role)
    assert d.state.step == "menu"
    return d


def file_bullying(d: Driver) -> None:
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("Classmates post mean comments under my photos every day.")
    d.pick("instagram")
    d.text("here: https://instagram.com/p/abc123 and @mean_account")
    d.photo("AgAD-screenshot")
    d.pick("done")
    d.pick("no")
    d.pick("14_17")
    d.pick("almaty_city")
    d.pick("anonymous")
    assert d.state.step == "r_review"
    d.pick("send")


def test_first_message_greets_and_asks_who_is_writing() -> None:
    d = Driver(hint="ru")
    d.text("привет")
    assert d.keys() == ["greeting", "role.prompt"]
    assert d.state.lang == "ru"
    assert d.options()[:4] == ["child", "parent", "teacher", "other"]


def test_unknown_language_hint_asks_for_language() -> None:
    d = Driver(hint="de")
    d.text("hallo")
    assert d.state.step == "lang"
    assert d.options()[:3] == ["kk", "ru", "en"]
    d.pick("kk")
    assert d.state.lang == "kk" and d.state.step == "role"


def test_full_report_is_filed_with_every_answer() -> None:
    d = start()
    file_bullying(d)
    assert len(d.filed) == 1
    case = d.filed[0]
    assert case.report["category"] == "bullying"
    assert case.report["description"].startswith("Classmates")
    assert case.report["links"] == ["https://instagram.com/p/abc123", "@mean_account"]
    assert case.report["evidence"] == [{"kind": "photo", "ref": "AgAD-screenshot"}]
    assert case.report["region"] == "almaty_city"
    assert case.report["reporter"] == "child"
    assert case.risk == "low"
    assert d.state.step == "r_done"
    assert d.screen.text.params["ref"] == "KZ-TEST-0001"
    assert d.state.draft == {}


def test_review_can_fix_an_answer_and_returns_to_review() -> None:
    d = start()
    d.pick("report")
    for value in ("privacy", "me"):
        d.pick(value)
    d.text("Someone made a fake account with my name")
    d.pick("tiktok")
    d.pick("skip")
    d.pick("skip")
    d.pick("no")
    d.pick("10_13")
    d.pick("skip")
    d.pick("reply_here")
    assert d.state.step == "r_review"
    d.pick("fix")
    d.pick("place")
    assert d.state.step == "r_where"
    d.pick("youtube")
    assert d.state.step == "r_review"
    d.pick("send")
    assert d.filed[0].report["place"] == "youtube"
    assert d.filed[0].risk == "normal"


def test_back_returns_to_the_previous_question_and_keeps_answers() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    assert d.state.step == "r_what"
    d.pick("back")
    assert d.state.step == "r_victim"
    d.pick("back")
    assert d.state.step == "r_category"
    assert d.state.draft["category"] == "bullying"


def test_cancel_drops_the_report_once_confirmed() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("cancel")
    assert d.state.step == "draft_cancel" and d.state.draft == {"category": "bullying"}
    assert "report.cancelled" not in d.keys()
    d.pick("yes")
    assert d.state.step == "menu" and d.state.draft == {}
    assert "report.cancelled" in d.keys()


def test_description_too_long_gets_a_kind_message_and_keeps_the_step() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("x" * 1501)
    assert "report.too_long" in d.keys()
    assert d.state.step == "r_what"
    assert "description" not in d.state.draft


def test_links_are_validated() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("They insult me")
    d.pick("telegram")
    d.text("I don't know where")
    assert "report.no_links" in d.keys()
    assert d.state.step == "r_links"


def test_csam_report_asks_for_links_only_and_never_keeps_an_image() -> None:
    d = start()
    d.pick("report")
    d.pick("csam")
    assert "notice.confidentiality" in d.keys()
    d.pick("someone")
    d.text("A channel shares pictures of kids")
    d.pick("telegram")
    assert d.state.step == "r_links"
    assert d.screen.text.key == "report.links_csam"
    assert "skip" not in d.options()
    d.photo("AgAD-bad", "msg-77")
    assert d.discarded and d.discarded[0].message_ref == "msg-77"
    assert "media.refused" in d.keys()
    assert "AgAD-bad" not in repr(d.state)
    d.pick("skip")
    assert d.state.step == "r_links"
    d.text("https://t.me/badchannel")
    assert d.state.step == "r_danger"  # the evidence step is never offered
    d.pick("no")
    d.pick("unknown")
    d.pick("skip")
    d.pick("anonymous")
    d.pick("send")
    case = d.filed[0]
    assert case.report["links"] == ["https://t.me/badchannel"]
    assert "evidence" not in case.report
    assert case.report["refused_media"] == 1
    assert case.risk == "high"
    assert [e.case_reference for e in d.escalations] == ["KZ-TEST-0001"]


def test_intimate_image_blackmail_refuses_images_and_is_high() -> None:
    d = start()
    d.pick("report")
    d.pick("blackmail")
    assert d.state.step == "r_blackmail"
    d.pick("intimate")
    d.photo("AgAD-private", "msg-5")
    assert d.discarded[0].message_ref == "msg-5"
    assert d.state.step == "r_victim"


def test_danger_now_shows_numbers_at_once_and_escalates_critical() -> None:
    d = start()
    d.pick("report")
    d.pick("grooming")
    d.pick("me")
    d.text("An adult I met in a game wants my photos")
    d.pick("game")
    d.pick("skip")
    d.pick("skip")
    d.pick("yes")
    assert d.keys()[0] == "report.danger_now"
    assert d.escalations[-1].level == "critical"


def test_half_finished_report_can_be_resumed_after_a_restart() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    saved = dict(d.state.draft)
    # A restart loses the conversation state; the runtime hands back the saved draft.
    fresh = Driver(hint="en")
    fresh.state = fresh.state.__class__(draft=saved)
    fresh.text("hi")
    assert fresh.state.step == "resume"
    fresh.pick("continue")
    assert fresh.state.step == "r_what"
    fresh2 = Driver(hint="en")
    fresh2.state = fresh2.state.__class__(draft=saved, role="child")
    fresh2.text("hi")
    fresh2.pick("drop")
    assert fresh2.state.step == "draft_cancel" and fresh2.state.draft == saved  # asked first
    fresh2.pick("yes")
    assert fresh2.state.step == "menu" and fresh2.state.draft == {}


def test_report_done_offers_tips_for_the_category() -> None:
    d = start()
    file_bullying(d)
    d.pick("tips")
    assert d.state.step == "tips_card"
    assert d.screen.text.params["card"].key == "tip.children.bullying.1"


# -- nothing a child wrote is lost -------------------------------------------------------------
def a_draft(d: Driver) -> dict[str, object]:
    d.pick("report")
    d.pick("blackmail")
    d.pick("intimate")
    d.pick("me")
    d.text("He says he will post my photos unless I send more")
    return dict(d.state.draft)


def test_menu_then_report_then_back_keeps_the_draft() -> None:
    """Regression (trial): 'menu', Report, Back deleted a sextortion draft and its resume button."""
    d = start()
    draft = a_draft(d)
    d.text("menu")
    assert "resume" in d.options()
    d.pick("report")
    assert d.state.step == "draft_which" and d.state.draft == draft
    assert d.options() == ["continue", "restart", "menu", "sos"]
    d.pick("menu")
    assert d.state.draft == draft and "resume" in d.options()
    d.pick("resume")
    assert d.state.step == "r_where"


def test_starting_over_is_confirmed_and_only_then_drops_the_draft() -> None:
    d = start()
    draft = a_draft(d)
    d.text("menu")
    d.pick("report")
    d.pick("restart")
    assert d.state.step == "draft_restart" and d.state.draft == draft
    d.pick("no")
    assert d.state.step == "r_where" and d.state.draft == draft
    d.text("menu")
    d.pick("report")
    d.pick("restart")
    d.pick("yes")
    assert d.state.step == "r_category" and d.state.draft == {}
    d.pick("back")
    assert d.state.step == "menu" and "resume" not in d.options()


def test_cancel_report_asks_first_and_no_returns_where_the_user_was() -> None:
    d = start()
    draft = a_draft(d)
    d.pick("cancel")
    assert d.state.step == "draft_cancel" and d.keys() == ["draft.cancel_confirm"]
    d.pick("no")
    assert d.state.step == "r_where" and d.state.draft == draft
    d.text("/cancel")
    assert d.state.step == "draft_cancel"


def test_a_parent_with_no_link_to_sexual_images_can_say_where_in_words() -> None:
    d = start(role="parent")
    d.pick("report")
    d.pick("csam")
    d.pick("my_child")
    d.text("An adult sent my son such pictures in private messages")
    d.pick("instagram")
    assert d.options()[0] == "no_link" and "skip" not in d.options()
    d.pick("no_link")
    assert d.state.step == "r_no_link" and d.keys() == ["report.where_private.adult"]  # a parent: polite
    d.photo("never-kept", "m5")
    assert d.discarded and "evidence" not in d.state.draft
    d.text("Instagram private messages, account @stranger_42")
    assert d.state.step == "r_danger"  # no screenshots step: images are refused here
    for value in ("no", "10_13", "skip", "reply_here", "send"):
        d.pick(value)
    (filed,) = d.filed
    assert filed.report["links"] == []
    assert "@stranger_42" in str(filed.report["description"]) and "place_note" not in filed.report


def test_the_no_link_choice_is_only_for_sexual_images_of_children() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("They mock me")
    d.pick("instagram")
    assert "no_link" not in d.options() and "skip" in d.options()


def test_a_long_message_is_measured_whole() -> None:
    d = start()
    d.pick("report")
    d.pick("bullying")
    d.pick("me")
    d.text("x" * 5000)
    (say,) = [s for s in d.last if s.text.key == "report.too_long"]
    assert say.text.params == {"limit": "1500", "length": "5000"}
