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
    # the kinds a second writer's sets (train_*) showed missing, and their look-alikes
    ("my sister hides the cuts on her wrists under long sleeves", "self_harm",
     "i wear long sleeves because its cold in class"),
    ("он раздаёт свои вещи и говорит что скоро они ему не понадобятся", "self_harm",
     "we are giving away old toys, we wont need them"),
    ("в той группе задание: ночью пойти на рельсы", "death_group", "задание по математике делаю ночью"),
    ("мен 5 мың жібердім, енді ол тағы сұрайды", "sextortion", "5 мың жібердім анама, дүкенге"),
    ("he wants 50 dollars to delete the photo", "sextortion", "mom wants me to delete old photos from the phone"),
    ("they hacked my account and want money back for it", "blackmail", "someone hacked my game account lol"),
    ("он спрашивает во что я одета прямо сейчас", "grooming", "мама спрашивает, во что я одета, на улице холодно"),
    ("давай перейдём в другое приложение, там никто не увидит", "grooming",
     "мы перешли на другое приложение для уроков, задания там"),
    ("курьер, берут с 16, оплата каждый день в крипте", "recruitment_drugs",
     "работаю курьером в доставке пиццы, платят каждый день"),
    ("в классном чате всех подбивают напасть на одного пацана", "incitement",
     "в игре все решили напасть на босса вместе"),
    ("выпила таблетки и теперь голова кружится и тошнит", "suicide_now",
     "выпила таблетку от головы, врач сказал, теперь кружится меньше"),
    ("my parents wont let me go to the party tonight", None, "my parents wont let me go to the party tonight"),
    ("бүкіл команданы өлтірді, тағы ұтылдық", None, "бүкіл команданы өлтірді, тағы ұтылдық"),
    ("мама сказала не говорить адрес незнакомым, это правильно?", None,
     "мама сказала не говорить адрес незнакомым, это правильно?"),
    # the kinds stop 21's unseen sets (unseen21_*) showed missing, and their look-alikes
    ("я на крыше девятиэтажки, не пытайтесь меня остановить", "suicide_now",
     "мы на крыше торгового центра в кафе, вид супер"),
    ("the noose is ready. goodbye everyone", "suicide_now",
     "the rope for the tent is packed, this is my goodbye to summer camp"),
    ("took a whole pack of my sisters antidepressants, feel weird now", "suicide_now",
     "took paracetamol for the flu, feel sick anyway"),
    ("қанша парацетамол өлтіретін доза болады", "self_harm", "дәрігер айтты: витаминді қанша ішу керек"),
    ("ищу безболезненные способы уйти", "self_harm", "ищу безболезненный способ вытащить занозу"),
    ("my stepdad was choking my mom again last night", "abuse",
     "my little brother was choking on food, dad helped him"),
    ("өгей анам мені тамақсыз қамап қояды", "abuse",
     "анам кілтті ұмытып, есікті қамап кетті, байқамай"),
    ("бір ер адам қызыма ұятты сұрақтар қойып жазады", "grooming", "сабақта ұятты сұрақтар туралы айттық"),
    ("кто-то ворвался к нам, я одна дома, мне страшно", "threat_now", "сосед пришёл за солью, я одна дома"),
    ("друг делает закладки и предлагает мне тоже", "recruitment_drugs",
     "в новостях сказали что закладчиков поймали, предлагает ли кто-то работу так"),
    ("куратор написал: 50 день, выбери способ", "death_group", "на уроке говорили про кураторов, которые дают задания"),
    ("he broke into our flat, i'm home alone and screaming", "threat_now", "my sister locked me out of the wifi again"),
]


@pytest.mark.parametrize(("danger", "reason", "calm"), KINDS)
def test_a_kind_is_read_and_its_look_alike_is_calm(danger: str, reason: str | None, calm: str) -> None:
    if reason is not None:
        found = explain(danger)
        assert reason in {r for r, _, _ in found}, (danger, found)
    assert explain(calm) == (), (calm, explain(calm))
