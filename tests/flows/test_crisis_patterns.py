"""The broad patterns of issue 11 (combos in flows/crisis_phrases.py): each kind read, its look-alike calm."""

from __future__ import annotations

import pytest

from flows.crisis import explain

# (a danger message of the kind, a reason expected among those read, a calm look-alike)
KINDS = [
    ("помогите мне страшно", "threat_now", "помогите, мне страшно перед экзаменом"),
    ("please help hes coming", "threat_now", "help i cant find my charger"),
    ("оның қолында пышақ бар, қасымда тұр", "threat_now", "тамақ жасағанда пышақпен нан кестім"),
    ("мой парень требует фото", "grooming", "бабушка требует фото с выпускного"),
    ("he asked me to send pics without my top", "grooming", "my mom asked me to send pics of the hotel room"),
    ("бір ағай шешініп сурет жібер деп жазады", "grooming", "анам дүкеннен сурет жібер деді"),
    ("she said if i dont send another video she posts the first one everywhere", "sextortion",
     "we talked about cyberbullying and sextortion at school today"),
    ("my coach gives me presents and says not to tell my parents", "grooming",
     "we bought a present for mom, dont tell her"),
    ("my friend says she will jump off the roof tonight", "suicide_now",
     "we jumped off the diving board at the pool today"),
    ("подруга пишет что сегодня ночью спрыгнет с моста", "suicide_now", "прыгали в речку с моста летом"),
    ("у меня в руке лезвие и мне всё равно", "suicide_now", "i got a new blade for my skates"),
    ("мой друг сказал что наглотался таблеток и не отвечает", "suicide_now",
     "на курсе первой помощи учили что делать если человек выпил много таблеток"),
    ("dad is drunk and smashing things, im hiding under the bed", "abuse_now",
     "the neighbours were drunk and screaming at the party"),
    ("в группе дают задания, последнее — прыгнуть с крыши", "death_group",
     "в игре надо прыгнуть с крыши чтобы пройти уровень"),
    ("на классном часе говорили про суицид", None, "на классном часе говорили про суицид"),
    ("я думаю про суицид каждый день", "self_harm", "мы писали реферат о суициде в литературе"),
    ("белбеуімнен тұзақ жасадым", "suicide_now", "i cut my thumb opening a can"),
    ("a man offered me money to deliver small packets to addresses after school", "recruitment_drugs",
     "mom paid me to carry the shopping bags for grandma"),
    ("they kicked me out of the house and beat me", "abuse", "they kicked me out of the group chat"),
    ("әкем мені ұрды", "abuse", "әпкем мені жастықпен ұрды"),
]


@pytest.mark.parametrize(("danger", "reason", "calm"), KINDS)
def test_a_kind_is_read_and_its_look_alike_is_calm(danger: str, reason: str | None, calm: str) -> None:
    if reason is not None:
        found = explain(danger)
        assert reason in {r for r, _, _ in found}, (danger, found)
    assert explain(calm) == (), (calm, explain(calm))
