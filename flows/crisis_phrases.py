"""Phrases that read as danger, by reason. Data only; flows.crisis reads it, docs/crisis-reading.md
explains it.

Write phrases as people type them, in any script: matching folds case, script, Kazakh look-alike
letters, apostrophes and letter repeats (flows.textnorm.fold), so "өлгім келеді" also reads
"olgim keledi", "ölgım keledı" and "олгим келеди". A phrase must start at a word start and end at a
word end; end it with "*" to let the last word go on ("суицид*" reads "суицидальные"); a "~" lets up to
three words stand between two parts ("мені ~ ұрады" reads "мені күнде ұрады"), for free word order.

Each group (its key is the reason reported) has:
- level: "critical" (danger now) or "high" (needs a person);
- phrases: any one of them fires the group;
- pairs: (A, B) fires the group when a phrase of A and a phrase of B are both in the message
  (self-harm words + "tonight" = danger now; "wants to meet" + "an adult man" = a planned meeting);
- calm: words that, in the same sentence as a match of the group, make it calm ("fortnite", "lol"),
  unless the message also holds a FEAR phrase;
- unless: groups that, when also found, make this one redundant (self_harm under suicide_now);
- combos: co-occurrence of two or three parts (a demand verb + a photo noun + a person; a help call +
  fear), each with its own calm words (`Combo`): the broad patterns of issue 11, in `flows.crisis_stems`.

IDIOMS are masked in every message before any phrase is looked for ("умираю со смеху", "kill time").
"""

from __future__ import annotations

from typing import NamedTuple

from flows import crisis_stems as st

Phrases = tuple[str, ...]


class Combo(NamedTuple):
    """Two or three lists that fire a group when a phrase of each stands near the others.

    Its calm words, in the sentence of the first part's phrase, drop it whether or not the child says
    they are afraid ("help, I'm scared of the exam"); the group's own calm words do not apply to it.
    """

    parts: tuple[Phrases, ...]
    calm: Phrases = ()


class Group(NamedTuple):
    level: str
    phrases: Phrases = ()
    pairs: tuple[tuple[Phrases, Phrases], ...] = ()
    calm: Phrases = ()
    unless: tuple[str, ...] = ()
    combos: tuple[Combo, ...] = ()


def _ages(*templates: str) -> Phrases:
    """Phrases naming an adult's age: '{n}' from 18 to 60."""
    return tuple(t.format(n=n) for t in templates for n in range(18, 61))


def _asked(words: Phrases) -> Phrases:
    """A question about what a topic word means: "what does unalive mean", "что значит скулшутинг", "kms деген не"."""
    frames = ("what does {w} mean", "what is {w}", "whats {w}", "meaning of {w}", "что значит {w}", "что такое {w}",
              "что означает {w}", "{w} деген не", "{w} дегеніміз не", "{w} деген сөз не", "{w} не деген сөз",
              # stop 25: "суицид деген сөз нені білдіреді", "упомянули «колумбайн», что это было"
              "{w} деген сөз нені білдіреді", "{w} деген нені білдіреді", "{w} сөзі нені білдіреді",
              "{w} что это было", "{w} что это такое", "{w} это что", "what was {w}", "{w} what is that",
              "{w} what does that mean",
              # stop 26: "why do ppl say unalive instead of die?"
              "why do people say {w}", "why do ppl say {w}", "why does everyone say {w}", "why do they say {w}",
              "почему говорят {w}", "почему пишут {w}", "зачем пишут {w}", "неге {w} дейді", "неге {w} деп жазады",
              # stop 27: "is 'kys' the same as 'keep yourself safe'?" (the retrained scorer no longer vetoes it)
              "is {w} the same as", "does {w} mean", "{w} это то же самое что", "{w} это то же что",
              "{w} нені білдіреді")
    return tuple(f.format(w=w) for w in words for f in frames)


def _said(subjects: Phrases, threats: Phrases) -> Phrases:
    """English contractions typed without the apostrophe: "he'll kill me" reads "hell kill me"."""
    return tuple(f"{s} {t}" for s in subjects for t in threats)


# --- markers shared by several groups ---------------------------------------------------------------
# Joking and game talk: a threat in the same sentence is banter ("I'll kill you in Fortnite lol").
JOKING: Phrases = (
    "lol", "lmao", "lmfao", "rofl", "haha*", "ahah*", "hehe*", "xd", "jk", "just kidding", "kidding", "jokes",
    "хаха*", "ахах*", "хехе*", "хд", "шучу", "шутка", "шутя", "прикол*", "ору", "кек", "ржу", "әзіл*",
    "қалжың*", "күлкі*",
)
GAMES: Phrases = (
    "fortnite", "minecraft", "roblox", "pubg", "standoff*", "brawl*", "dota*", "cs go", "csgo", "cs2",
    "valorant", "among us", "genshin", "free fire", "mobile legends", "game*", "gaming", "in game",
    "next round", "gg", "noob*", "respawn*", "boss", "майнкрафт*", "роблокс*", "пабг*", "пубг*", "стандофф*",
    "стендофф*", "бравл*", "дота*", "дотк*", "кс", "валорант*", "амонг ас", "геншин*", "фри фаер", "мобла",
    "игр*", "катк*", "раунд*", "нуб*", "ойын*", "ойнап", "ойнадық", "ойнаймыз",
)
# School trouble: "my mom will kill me if she sees my grades" is a figure of speech.
SCHOOL: Phrases = (
    "homework", "grades", "grade", "report card", "test", "exam*", "detention", "late", "оценк*", "двойк*",
    "тройк*", "контрольн*", "домашк*", "дз", "экзамен*", "опоздаю", "опоздал*", "баға*", "екілік*",
    "үй тапсырма*", "үй жұмыс*", "емтихан*", "бақылау*", "кешіксем", "кешігіп",
    # broke something at home
    "broke", "dented", "сломал*", "разбил*", "разбит*", "сындырып", "сындырдым",
)
# A lesson or the news about a danger is not the danger ("we had a class about death groups").
LESSON: Phrases = (
    "lesson about", "class about", "talk about", "we learned about", "learning about", "documentary",
    "in the news", "on the news", "на уроке", "урок про", "урок о", "классный час", "классном часе",
    "нам рассказ*", "нас предупредил*", "предупреждали", "документальн*", "новост*", "сабақта",
    "сынып сағаты*", "мектепте ~ туралы", "туралы сабақ", "деректі фильм*", "жаңалықта*",
)
# A child who says they are afraid, or that it is no joke, is not joking.
FEAR: Phrases = (
    "scared", "im scared", "afraid", "terrified", "frightened", "not joking", "not kidding", "im serious",
    "i am serious", "for real", "irl", "in real life", "боюсь", "страшно", "мне страшно", "напуган*",
    "испуган*", "не шучу", "это не шутка", "я серьезно", "в реале", "в реальной жизни", "по настоящему",
    "қорқамын", "қорқып отырмын", "қорқып жүрмін", "қорқып тұрмын", "қорқынышты", "әзіл емес", "қалжың емес",
    "шын айтамын", "шынымен",
)
# Slang that is mostly a joke unless the child says it is meant.
SERIOUS: Phrases = (*FEAR, "fr", "seriously", "i mean it", "not a joke")
# A ball, a snowball, an accident: "he hit me" is not abuse.
ACCIDENTS: Phrases = (
    "ball", "snowball", "pillow", "by accident", "accidentally", "мячом", "мяч", "снежк*", "подушк*",
    "случайно", "доппен", "доп", "абайсызда", "байқамай",
)
# Figures of speech masked before matching: no phrase fires inside them.
IDIOMS: Phrases = (
    # en
    "kill time", "killing time", "killed time", "kill some time", "to die for", "dying to",
    "dying of laughter", "dying laughing", "die laughing", "died laughing", "killing it", "killed it",
    "kill it", "dressed to kill", "is killing me", "are killing me", "suicide squad", "suicide mission",
    "suicide prevention", "suicide awareness", "suicide doors", "would kill for", "id kill for",
    "could kill for", "dont want to die", "do not want to die", "never want to die", "die of embarrassment",
    "die from embarrassment", "died of embarrassment", "die of cringe", "died of cringe", "die of shame",
    "kill the boss", "killed the boss", "kill mobs", "kill the dragon", "die my hair", "die her hair",
    "could sleep forever", "not going to kill myself", "not gonna kill myself", "wont kill myself",
    "would never kill myself",
    "die his hair", "die their hair", "want to live in", "want to live with", "wanna live in",
    # ru
    "убить время", "убил время", "убила время", "убиваю время", "убивать время", "убить немного времени",
    "умираю со смеху", "умер со смеху", "умерла со смеху", "умру со смеху", "умереть со смеху",
    "помереть со смеху", "умираю от смеха", "не хочу умирать", "не хочу умереть", "не хочется умирать",
    "умереть от стыда", "умереть со стыда", "умру от стыда", "хоть вешайся", "хоть в петлю",
    "отряд самоубийц", "профилактика суицида", "профилактике суицида", "профилактики суицида", "убить босса",
    "не собираюсь убивать себя", "не собираюсь себя убивать", "не покончу с собой", "убил босса",
    "убей босса", "хочу жить в", "хочу жить с", "хочется жить в",
    # kk
    "телефонға асылып", "telefonga asylyp", "telefonga asılıp",  # "hanging on the phone": glued to it
    "өлгенше күлдім", "өлгенше күлеміз", "күлкіден өлдім", "күлкіден өлейін", "күлгеннен өлдім",
    "ұялғаннан өлгім", "ұятымнан өлгім", "жанымды беремін", "жанымды берер едім", "умерла бы за", "умер бы за",
    "die for a", "die for some", "ұяттан өлгім", "күлдіріп өлтір*", "уақыт өлтір*", "өлгім келмейді",
    "өлгім келмейді ғой", "өзімді өлтіргім келмейді", "суицидтің алдын алу", "қолымды кесіп алдым",
    "саусағымды кесіп алдым",
    # stop 24: slang taken back ("kms lol jk"), and a question about a topic word (the word only)
    "kms jk", "kms lol jk", "kms lmao jk", "kms haha jk", "kms just kidding", "kms lol just kidding", "kys jk",
    "kys lol jk", "убью себя шучу", "убью себя ахах шучу",
    *_asked(st.ASKED_WORDS),
    # stop 25: a question about the word "суицид", and a conditional hyperbole ("jump off a cliff if bts ...")
    *_asked(("суицид", "suicide", "самоубийство")), "jump off a cliff if", "gonna jump off a cliff if",
    "прыгну со скалы если",
    # stop 26: "i want to disappear from shame"
    *st.SHAME_IDIOMS,
    # stop 27: "өлгім келеді ұялғаннан" (the word order of "ұялғаннан өлгім"), and a chase in a dream
    *st.SHAME_IDIOMS_MORE, *st.DREAM_CHASE,
)
# Now, tonight, and the means at hand: with self-harm words they read as danger now.
NOW_SUICIDE: Phrases = (
    "right now", "rn", "tonight", "today", "this night", "pills", "the pills", "rope", "on the roof",
    "on the bridge", "goodbye", "last message", "bleeding", "blood", "in my hand", "сейчас", "прямо сейчас",
    "щас", "сегодня", "сегодня ночью", "этой ночью", "таблетк*", "на крыше", "на мосту", "веревк*",
    "прощайте", "прощай", "последнее сообщение", "кровь", "в руке", "простите меня", "қазір", "дәл қазір",
    "бүгін", "бүгін түнде", "таблетка*", "дәрі", "дәріні", "дәрілерді", "шатырда", "шатырдың", "төбеде",
    "көпірде", "арқан*", "қош бол*", "соңғы хат*", "соңғы хабарлама*", "қан ағып", "кешіріңдер", "кешіріңіз",
)
NOW_ABUSE: Phrases = (
    "right now", "rn", "save me", "сейчас", "прямо сейчас", "щас", "спасите", "қазір", "дәл қазір",
    "құтқарыңдар", "құтқарыңыз",
)
NOW_THREAT: Phrases = (
    "right now", "outside my", "waiting for me", "at my door", "when he gets home", "tonight",
    "after school today", "сейчас", "прямо сейчас", "щас", "у подъезда", "возле подъезда", "возле дома",
    "под окнами", "ждут меня", "ждет меня", "сегодня после школы", "қазір", "дәл қазір", "есік алдында",
    "күтіп тұр", "бүгін мектептен кейін",
)
# "I'll jump" + a height, and despair + the means in hand, read as danger now.
JUMP: Phrases = (
    "i will jump", "ill jump", "im going to jump", "im gonna jump", "i want to jump", "i wanna jump",
    "прыгну", "спрыгну", "выпрыгну", "хочу прыгнуть", "хочу спрыгнуть", "хочу выпрыгнуть", "секіремін",
    "секіргім*", "секірейін",
)
HEIGHTS: Phrases = (
    "roof", "bridge", "window", "balcony", "ledge", "крыш*", "мост", "моста", "мосту", "окн*", "балкон*",
    "подоконник*", "этаж*", "терезе*", "шатыр*", "төбе*", "көпір*", "қабат*",
)
WATER: Phrases = (
    "into the water", "into the river", "into the pool", "into the lake", "trampoline", "parachute", "в воду",
    "в речку", "в реку", "в бассейн", "в озеро", "батут*", "парашют*", "суға", "өзенге", "бассейнге", "көлге",
    "батут*",
)
DESPAIR: Phrases = (
    "i cant anymore", "i cant do this anymore", "cant take it anymore", "cant go on", "я больше не могу",
    "больше не могу", "не могу больше", "сил больше нет", "нет сил", "шыдай алмаймын", "шыдамым таусылды",
    "бәрінен шаршадым", "басқа шыдамым жоқ", "i decided", "i made up my mind", "не вижу выхода", "я решила",
    "я решил", "я решилась", "я решился", "шештім", "take them all", "swallow them all", "выпью все",
    "выпью их все", "бәрін ішемін", "барлығын ішемін", "бәрін бітіремін", "бәрін тоқтатамын",
    "end it tonight", "do it tonight", "going to do it tonight",
)
HANGING: Phrases = ("rope", "a noose", "веревк*", "петл*", "арқан*", "тұзақ*")
# A rope with "tonight" or "going to use it" (not "a rope for camping today").
SOON: Phrases = (
    "tonight", "going to use it", "gonna use it", "use it tonight", "сегодня ночью", "этой ночью",
    "сегодня использую", "бүгін түнде", "түнде қолданамын",
)
MEANS: Phrases = (
    "pills", "rope", "a noose", "blade", "razor", "in my hand", "лезви*", "бритв*", "таблетк*", "веревк*",
    "петл*", "в руке", "ұстара*", "таблетка*", "дәрі", "арқан*",
)
ADULT: Phrases = (
    "adult", "an adult", "a man", "grown man", "grown up", "older man", "old man", "older guy", "much older",
    "years older", "stranger", "a man i", "a man from", "some man", "some guy", "met online",
    "from the internet", "on the internet", "from the game", "met in a game", "on roblox", "on discord",
    "from discord", "from tiktok", "on tiktok", "from instagram", "on instagram", "online boyfriend",
    "online bf", *_ages("a {n} year old", "an {n} year old"),
    "взрослый", "взрослого", "взрослым", "взрослому", "мужчин*", "мужик*", "дядя", "дядь*", "незнаком*",
    "из интернета", "в интернете", "в сети", "из игры", "в игре", "из тиктока", "в тиктоке", "из инсты",
    "в инсте", "в дискорде", "из дискорда", "старше меня", "намного старше", "ересек*", "үлкен кісі",
    "үлкен адам", "ер адам", "ер кісі", "бейтаныс*", "танымайтын", "интернеттен", "интернетте", "ойыннан",
    "ойында танысқан", "тиктоктан", "инстадан", "менен үлкен", "жасы үлкен", "ағай",
    *_ages("he is {n}", "hes {n}", "he is like {n}", "boyfriend is {n}", "bf is {n}", "{n} year old man",
           "{n} year old guy", "{n} yo", "{n}yo", "ему {n}", "ол {n} жаста", "оған {n}", "{n} жастағы",
           "{n} жастағы кісі"),
    "guy i met", "someone i met online", "met gaming", "from minecraft", "from roblox", "from fortnite",
    "from brawl stars", "из майнкрафта", "из роблокса", "из бравла",
)

# --- self-harm and suicide ---------------------------------------------------------------------------
SELF_HARM: Phrases = (
    # en
    "kill myself", "killing myself", "kill my self", "want to die", "wanna die", "want 2 die",
    "want to be dead", "wish i was dead", "wish i were dead", "wish i wasnt alive", "wish i wasnt born",
    "wish i was never born", "wish i had never been born", "dont want to live", "dont wanna live",
    "do not want to live", "dont want to be alive", "dont want to exist", "dont want to wake up",
    "no reason to live", "nothing to live for", "not worth living", "better off dead",
    "better off without me", "end my life", "ending my life", "end it all", "take my own life",
    "take my life", "commit suicide", "sewerslide", "unalive*", "i self harm", "i selfharm",
    "selfharm*", "hurt myself", "hurting myself", "harm myself", "harming myself", "cut myself",
    "cutting myself", "cut my arms", "cutting my arms", "cutting again", "burn myself", "burning myself",
    "hang myself", "hanging myself", "overdose on pills", "take all the pills", "take all my pills",
    "jump off a bridge", "jump off the bridge", "jump off the roof", "jump off a roof",
    "jump in front of a train", "disappear forever", "not be here anymore", "dont want to be here anymore",
    "how to kill myself", "how to die", "ways to die", "best way to die", "easiest way to die",
    "painless way to die", "take to die", "pills to die", "slit my wrist*", "starving myself",
    "starve myself", "make myself throw up", "making myself throw up", "no point in living",
    "tired of living", "tired of being alive", "thinking about dying", "think about dying", "want to end it",
    "wanna end it", "want to ~ die", "should just die", "i should die", "deserve to die", "ready to die",
    "give up on life", "life isnt worth it", "ending it all", "end everything", "ending everything",
    "rather be dead", "scratching my arms", "scratch my arms", "till they bleed", "until they bleed",
    "until i bleed", "make myself bleed", "stop existing", "not exist anymore", "sleep forever",
    "never wake up", "im a burden", "feel like a burden",
    # ru
    "хочу умереть", "хочу умиреть", "хочется умереть", "хочу сдохнуть", "хочу здохнуть", "хочется сдохнуть",
    "хочу помереть", "умереть хочу", "сдохнуть хочу", "хочу не жить", "не хочу жить", "не хочется жить",
    "жить не хочу", "жить не хочется", "не хочу больше жить", "больше не хочу жить", "не вижу смысла жить",
    "нет смысла жить", "смысла жить нет", "незачем жить", "зачем мне жить", "устал жить", "устала жить",
    "устал от жизни", "устала от жизни", "лучше бы я умер*", "лучше бы меня не было", "лучше бы я не родил*",
    "лучше умереть", "хочу исчезнуть навсегда", "хочу чтобы меня не было", "покончить с собой",
    "покончу с собой", "покончила бы с собой", "покончил бы с собой", "покончить жизнь самоубийством",
    "покончить с жизнью", "свести счеты с жизнью", "уйти из жизни", "убить себя", "убью себя",
    "убила бы себя", "убил бы себя", "себя убить", "себя убью",
    "самоубиться", "выпилиться", "выпилюсь", "самовыпил*", "роскомнадзорнуться", "режу себя", "режу руки",
    "резать себя", "резать руки", "порезать себя", "порезала себя", "порезал себя", "порезала руки",
    "порезал руки", "режусь", "селфхарм*", "селф харм*", "наношу себе порезы", "порезы на руках",
    "причиняю себе боль", "причинить себе боль", "делаю себе больно", "повешусь", "повеситься",
    "вскрыть вены", "вскрою вены", "вскрыть себе вены", "наглотаться таблеток", "выпить все таблетки",
    "выпью все таблетки", "выпрыгнуть из окна", "выпрыгну из окна", "выпрыгну в окно", "прыгнуть с крыши",
    "спрыгнуть с крыши", "спрыгну с крыши", "прыгну с крыши", "прыгнуть с моста", "прыгну с моста",
    "броситься под поезд", "брошусь под поезд", "режу себе*", "резать себе*", "порезала себе*",
    "порезал себе*", "порезать себе*", "меня вообще не было", "лучше бы меня вообще", "смысла жить",
    "жизнь не имеет смысла", "надоело жить", "не хочу существовать", "не хочу просыпаться", "как убить себя",
    "как покончить с собой", "как умереть", "способ умереть", "способы умереть", "безболезненно умереть",
    "сколько таблеток нужно", "сколько нужно таблеток", "смертельная доза", "морю себя голодом",
    "вызываю рвоту", "думаю о смерти", "мысли о смерти", "спрыгну с моста", "спрыгнуть с моста",
    "прыгну из окна", "прыгну в окно", "спрыгну с окна", "хочу ~ умереть", "хочу ~ сдохнуть",
    "не хочу ~ жить", "жить больше не хочу", "жить больше не хочется", "выйти в окно", "выйду в окно",
    "шагнуть в окно", "шагну в окно", "шагнуть с крыши", "шагну с крыши", "покончить со всем",
    "покончу со всем", "покончить с этим всем", "нет сил жить", "заслуживаю смерти", "лучше не просыпаться",
    "уснуть и не проснуться", "хочу чтобы все закончилось", "чтобы все это закончилось", "опять порезал*",
    "снова порезал*", "уснуть навсегда", "усну навсегда", "я обуза", "для всех обуза",
    # kk
    "өзімді өлтір*", "өлгім келеді", "өлгім келед", "өлгім келе", "өлгім келіп", "өлгім кеп", "өлгім келді",
    "өлгім келетін", "өлсем екен", "өлсем ғой", "өліп қалсам екен", "өліп кетсем екен", "өліп қалғым келеді",
    "өліп кеткім келеді", "өлейінші", "өлгенім жақсы", "өлгенім дұрыс", "туылмағаным жақсы", "туылмасам ғой",
    "өмір сүргім келмейді", "өмір сүргім келмей", "өмір сүргім келмеді", "өмір сүрудің мәні жоқ",
    "өмірдің мәні жоқ", "өмірімнің мәні жоқ", "тірі жүргім келмейді", "тірі болғым келмейді",
    "өмірден кеткім келеді", "өмірден кетемін", "өмірден кету*", "дүниеден кеткім келеді", "дүниеден кетемін",
    "өзіме қол жұмса*", "өз өзіме қол жұмса*", "өзіне өзі қол жұмса*", "өзін өзі өлтір*",
    "асылып өл*", "асылып қалғым", "асылғым келеді", "асылып қаламын", "қолымды кесемін", "қолымды кестім",
    "қолымды кесіп", "қолымды тілемін", "қолымды тілдім", "қолымды тіліп", "өзімді кесемін", "өзімді кестім",
    "денемді кесемін", "тамырымды кес*", "тамырымды қи*", "өзіме зиян келтір*", "өзімді жарақатта*",
    "өзімді ауырт*", "ішіп өлгім", "ішіп өлемін", "терезеден секіргім келеді", "терезеден секіремін",
    "шатырдан секіремін", "шатырдан секіргім", "төбеден секіремін", "көпірден секіремін", "көпірден секіргім",
    "жоқ болғым келеді", "жоқ болып кеткім келеді", "мәңгі жоғалғым келеді", "қалай өлуге болады",
    "қалай өлемін", "өлудің жолы", "неше таблетка ішсе", "өлім туралы ойлай*", "әдейі құсамын",
    "өзімді ~ өлтір*", "өлгім ~ келеді", "өлгім ~ келіп", "өлсем жақсы", "өлсем бітеді", "өмірден түңілдім",
    "өмірден шаршадым", "қолымды ~ тіліп", "қолымды ~ тілемін", "қолымды ~ тілдім", "қолымды ~ кесемін",
    "қолымды ~ кестім", "денемді ~ кесемін", "өзімді ~ кесемін", "мәңгі ұйықтағым келеді",
    "want it all to stop", "want everything to stop", "make it all stop", "end myself", "өмірден кеткім кел*",
    "дүниеден кеткім кел*",
)
# "I will die" is a figure of speech ("ертең емтихан, өлемін ғой") unless tonight or the end is named.
DIE_SOON: Phrases = ("өлемін", "умру", "i will die", "ill die")
TONIGHT_END: Phrases = (
    "бүгін түнде", "бәрі бітеді", "tonight", "it will all end", "сегодня ночью", "этой ночью",
    "все закончится",
)
# Farewell letters, with "I'll do it": "i've written letters to my family, i'm going to do it tonight".
FAREWELL: Phrases = (
    "letters to my family", "goodbye letter*", "goodbye note", "last letter", "прощальн*", "предсмертн*",
    "письма родным", "соңғы хат*", "қоштасу хат*",
)
DO_IT: Phrases = (
    "do it tonight", "going to do it", "gonna do it", "сделаю это", "сегодня сделаю", "бүгін жасаймын",
    "бүгін істеймін",
)
# Swallowing pills, with a word for many or for swallowing: "i swallowed 30 pills", "выпила все снотворные".
SWALLOWED: Phrases = (
    "swallowed", "i took all", "took all of", "выпила все", "выпил все", "выпила всю", "выпил всю",
    "наглотал*", "бәрін іштім", "барлығын іштім", "жұтып қойдым", "жұтып алдым",
)
PILLS: Phrases = (
    "pills", "tablets", "sleeping pills", "снотворн*", "таблет*", "дәрі", "дәріні", "дәрілерді", "таблетка*",
)
SLANG_SELF_HARM: Phrases = ("kms", "kill me pls", "kill me please")
SUICIDE_NOW: Phrases = (
    # en
    "i took pills", "i took a lot of pills", "i took all the pills", "i took all my pills",
    "took a bunch of pills", "i swallowed pills", "i swallowed all the", "i took an overdose", "i overdosed",
    "i am on the roof", "im on the roof", "im standing on the roof", "standing on the roof",
    "standing on the edge", "standing on the bridge", "im on the bridge", "about to jump",
    "going to jump off", "gonna jump off", "about to kill myself", "going to kill myself",
    "gonna kill myself", "kill myself tonight", "kill myself today", "end it tonight", "end it today",
    "this is my last message", "goodbye forever", "goodbye everyone", "by the time you read this",
    "suicide note", "i cut my wrist*", "i slit my wrist*", "cant stop the bleeding", "wrote a goodbye note",
    "wrote my goodbye", "goodbye letter", "the rope is ready", "noose is ready", "tied the rope",
    "whole bottle of*", "a bottle of pills", "whole pack of pills", "whole box of pills", "took the whole",
    "swallowed a bottle", "just slit my wrist*", "just cut my wrist*", "just took a bunch", "just took a lot",
    "bridge railing", "on the ledge", "edge of the roof", "sitting on the roof", "sitting on the bridge",
    "on the windowsill",
    # ru
    "выпил таблетки", "выпила таблетки", "выпил все таблетки", "выпила все таблетки", "выпила много таблеток",
    "выпил много таблеток", "выпила пачку", "выпил пачку", "наглотал*", "я на крыше", "стою на крыше",
    "сижу на крыше", "стою на краю", "я на мосту", "стою на мосту", "стою на подоконнике", "сейчас прыгну",
    "щас прыгну", "сейчас покончу с собой", "сейчас убью себя", "сегодня убью себя",
    "сегодня покончу с собой", "это мое последнее сообщение", "мое последнее сообщение", "прощайте все",
    "всем прощайте", "всем пока навсегда", "прощай мир", "когда вы это прочитаете", "когда ты это прочитаешь",
    "предсмертн*", "вскрыла вены", "вскрыл вены", "порезала вены", "порезал вены", "кровь не останавливается",
    "истекаю кровью", "веревка готова", "петля готова", "выпила всю пачку", "выпил всю пачку",
    "выпила целую пачку", "выпил целую пачку", "написала записку", "написал записку", "оставила записку",
    "оставил записку", "сижу на мосту", "на перилах моста", "на краю крыши", "на карнизе",
    "сижу на подоконнике",
    # kk
    "көп дәрі іштім", "көп таблетка іштім", "барлық дәріні іштім", "барлық таблетканы іштім",
    "таблеткаларды іштім", "бір қорап таблетка іштім", "дәрілерді іштім", "шатырда тұрмын",
    "шатырдың үстінде тұрмын", "үйдің төбесінде тұрмын", "төбеде тұрмын", "көпірде тұрмын", "қазір секіремін",
    "қазір өзімді өлтір*", "бүгін өзімді өлтір*", "дәл қазір өзімді", "бүгін түнде өзімді",
    "бұл менің соңғы хатым", "соңғы хатым", "соңғы хабарламам", "мәңгі қош бол*", "бәріңе қош бол*",
    "бәріңізге қош бол*", "тамырымды кестім", "тамырымды тілдім", "қан тоқтамай жатыр", "қан тоқтамайды",
    "арқан дайын", "бір қорап дәрі іштім", "бүкіл дәріні іштім", "балконның шетінде", "шатырдың шетінде",
    "көпірдің шетінде",
)

# --- abuse -------------------------------------------------------------------------------------------
ABUSE: Phrases = (
    # en
    "my dad hits me", "my father hits me", "my mom hits me", "my mum hits me", "my mother hits me",
    "my stepdad hits me", "my stepfather hits me", "my brother hits me", "my parents hit me", "beats me",
    "hits me every day", "hits me with a belt", "beat me with a belt", "he hit me", "she hit me",
    "he beat me", "they beat me", "abuses me", "abusing me", "abused me", "is abusive", "touched me",
    "touches me", "touching me", "touched my private", "touches my private", "inappropriately touch*",
    "molest*", "raped me", "rape me", "raping me", "was raped", "got raped", "sexually abus*", "sexual abuse",
    "forced me to have sex", "forced me to do sexual", "makes me do sexual", "makes me watch porn",
    "showed me porn", "hurts me at home", "beaten at home", "beaten by my", "bruises from", "hitting me",
    "hitting my mom", "beating my mom", "hits my mom", "beats my mom", "hits me", "slaps me", "punches me",
    "kicks me", "chokes me", "choked me", "slapped me", "punched me", "kicked me", "strangled me",
    # ru
    "отец бьет меня", "папа бьет меня", "отчим бьет меня", "мама бьет меня", "мать бьет меня",
    "брат бьет меня", "родители бьют меня", "меня бьет отец", "меня бьет папа", "меня бьет отчим",
    "меня бьет мама", "меня бьют родители", "меня бьют дома", "дома бьют", "бьет меня", "бьют меня",
    "меня бьют", "меня бьет", "меня избивают", "меня избивает", "избивает меня", "избил меня", "избила меня",
    "избили меня", "бьет ремнем", "бьют ремнем", "бил меня", "била меня", "ударил меня", "ударила меня",
    "поднимает на меня руку", "поднял на меня руку", "трогает меня", "трогал меня", "лапает меня",
    "лапал меня", "домогает*", "домогал*", "пристает ко мне", "приставал ко мне", "изнасилова*", "насилует",
    "насиловал", "сексуальное насилие", "растлева*", "растлил", "заставляет раздеваться",
    "заставляет смотреть порно", "показывал порно", "трогает мои", "трогал мои", "меня трогает",
    "меня трогал", "меня трогают", "меня лапает", "меня лапал", "бьет маму", "бьет мою маму", "избивает маму",
    "избивает мою маму", "избивает мать", "бьет мать", "бьет нас", "избивает нас", "душит меня", "душил меня",
    # kk
    "әкем ұрады", "әкем мені ұрады", "анам мені ұрады", "анам ұрады", "өгей әкем ұрады",
    "өгей әкем мені ұрады", "ағам ұрады", "ата анам ұрады", "мені ұрады", "мені ұрып соғады", "ұрып соғады",
    "мені соғады", "мені ұрды", "мені ұрып кетті", "белдікпен ұр*", "мені сабады", "мені сабайды",
    "сабап тастады", "маған қол көтер*", "маған қол жұмсады", "маған қол жұмсайды", "зорлады", "мені зорла*",
    "жыныстық зорлық*", "денемді ұстайды", "денемді ұстады", "жеке жерлерімді", "маған тиіседі",
    "маған тиісті", "маған тиісіп", "анамды ұрады", "мені бьют", "мені бьет", "мені избивает", "мені ~ ұрады",
    "мені ~ ұрды", "мені ~ сабайды", "мені ~ соғады", "анамды ~ ұрады", "бізді ~ ұрады",
    "does bad things to me", "did bad things to me", "makes me do bad things", "forces me to do things",
    "does things to me", "заставляет ~ ужасные вещи", "делает ~ ужасные вещи", "делал ~ ужасные вещи",
    "маған ~ жаман нәрсе*", "жаман нәрселер істей*",
)
# Who touches, and touching: "отчим ... трогает".
RELATIVES: Phrases = (
    "stepdad", "stepfather", "uncle", "coach", "stepbrother", "cousin", "отчим", "дядя", "брат", "тренер",
    "отец", "папа", "өгей әке*", "ағам", "көкем", "нағашым", "жездем", "жаттықтырушы*",
)
# Not a parent: "дядя ... говорит молчать" is grooming ("папа: никому не говори про сюрприз" is not).
NOT_PARENTS: Phrases = (
    "stepdad", "stepfather", "uncle", "coach", "stepbrother", "cousin", "mom's friend", "moms boyfriend",
    "отчим", "дядя", "тренер", "өгей әке*", "көкем", "нағашым", "жездем", "жаттықтырушы*",
)
TOUCHING: Phrases = ("touches", "touched", "трогает", "трогал", "лапает", "лапал", "денемді ұста*")
ABUSE_NOW: Phrases = (
    # en
    "hitting me right now", "beating me right now", "is beating me now", "is hitting me now",
    "he is hitting me", "hes hitting me", "he is beating me", "hes beating me", "they are beating me",
    "theyre beating me", "she is hitting me", "is beating me", "breaking down my door",
    "breaking down the door", "trying to break in", "trying to break the door", "banging on my door",
    "locked me in", "hiding from my dad", "hiding from him", "hiding in the bathroom", "hiding in my room",
    "hiding in the closet", "drunk and hitting", "drunk and beating", "im locked in", "locked in my room",
    # ru
    "меня сейчас бьют", "сейчас бьют меня", "меня сейчас бьет", "он меня сейчас бьет", "пьяный бьет",
    "пьяный избивает", "ломится в дверь", "ломится ко мне", "ломится в комнату", "выламывает дверь",
    "выбивает дверь", "меня заперли", "запер меня", "заперла меня", "закрыл меня в", "прячусь от отца",
    "прячусь от отчима", "прячусь от него", "прячусь в ванной", "прячусь в туалете", "прячусь в шкафу",
    "помогите меня бьют", "помогите бьют",
    # kk
    "мені ұрып жатыр", "ұрып жатыр", "соғып жатыр", "сабап жатыр", "мас болып ұрып", "есікті бұзып жатыр",
    "есікті тепкілеп жатыр", "мені бөлмеге қамап", "мені қамап қойды", "қамап қойды", "жасырынып отырмын",
    "одан жасырынып", "әкемнен жасырынып", "ваннада жасырынып",
)

# --- threats of violence -----------------------------------------------------------------------------
THREAT: Phrases = (
    # en
    "kill you", "kill u", "murder you", "will kill me", "going to kill me", "gonna kill me",
    "wants to kill me", "want to kill me", "kill me if", "threatens to kill", "threatened to kill",
    "threatening to kill", "threatens me", "threatened me", "threatening me", "threatening messages",
    "death threat*", "threatens to hurt", "threatening to hurt", "going to hurt me", "gonna hurt me",
    "will hurt me", "hurt me if", "beat me up", "beat you up", "going to jump me", "gonna jump me",
    "stab you", "stab me", "going to stab", "shoot you", "shoot me", "shoot up the school",
    "shoot up my school", "school shooting", "bring a gun to school", "blow up the school", "bomb the school",
    "knows where i live", "know where you live", "find you and", "burn your house", "going to kill him",
    "gonna kill him", "i will kill him", "want to kill him", "want to kill her", "kill them all",
    "kill everyone", "threaten to kill", "threaten to beat", "said he would kill me",
    "said they would kill me", "gun to school", "bringing a gun", "bring a gun", "shoot us", "shoot everyone",
    "shoot up*", "jump me", "dead tomorrow", "youre dead", "ur dead", "you are dead", "will beat me",
    "gonna beat me", "going to beat me", "shank me", "shank you", "knife me", "break my neck",
    "break your neck", "break my legs", "break your legs",
    *_said(("hell", "shell", "theyll", "ill", "well"),
           ("kill me", "kill you", "hurt me", "beat me", "stab me", "shank me", "beat you")),
    # ru
    "убью тебя", "тебя убью", "убьем тебя", "тебя убьем", "убьют меня", "убьет меня", "меня убьют",
    "меня убьет", "хочет убить меня", "хотят убить меня", "хочет меня убить", "хотят меня убить",
    "угрожает убить", "угрожают убить", "угрожал убить", "угрожает мне", "угрожают мне", "угрожал мне",
    "угрожала мне", "угрожает расправой", "угрозы убийством", "угрожает избить", "угрожают избить",
    "изобьют меня", "изобьет меня", "меня изобьют", "меня изобьет", "побьют меня", "меня побьют",
    "побьет меня", "отпинают", "отпиздят", "зарежу", "зарежут", "зарежет", "порежу тебя", "пырну",
    "пристрелю", "застрелю", "застрелят", "найду тебя и", "знаю где ты живешь", "знает где я живу",
    "знают где я живу", "сожгу твой дом", "сожгу тебя", "взорву школу", "устрою стрельбу", "стрельба в школе",
    "перестреляю", "принесу нож в школу", "принесу пистолет", "скулшутинг", "колумбайн*", "хочу убить его",
    "хочу убить ее", "убью его", "убью ее", "убью их", "убью всех", "тебе не жить", "угрожают меня избить",
    "угрожает меня избить", "угрожают меня убить", "угрожает меня убить", "угрожают меня", "угрожает меня",
    "грозится убить", "грозится избить", "грозятся убить", "грозятся избить", "мне не жить", "сломаю тебе",
    "сломает мне", "сломают мне",
    # kk
    "сені өлтіремін", "сені өлтірем", "сені өлтіреміз", "өлтіремін сені", "сені өлтіріп", "мені өлтіреді",
    "мені өлтіреміз", "мені өлтіремін", "мені өлтіргісі келеді", "өлтіремін деп", "өлтіреміз деп",
    "өлтіремін деді", "өлтіремін дейді", "мені қорқытып жүр", "мені қорқытады", "мені қорқытып жатыр",
    "қоқан лоқы", "ұрып тастаймын", "ұрып тастаймыз", "сабаймын", "сабаймыз", "сабап тастаймыз",
    "мектептен кейін ұр*", "мектептен кейін сабай*", "ұрамыз дейді", "ұрамын дейді", "пышақ сұғамын",
    "пышақпен сұғ*", "пышақтаймын", "атып тастаймын", "атып өлтір*", "мектепті жарып", "үйіңді өртеймін",
    "қайда тұратыныңды білемін", "қайда тұратынымды біледі", "мені ~ өлтіреді", "мені ~ өлтіреміз",
    "мені ~ сабаймыз", "сені ~ өлтіремін", "ұрып соғамыз", "ұрып соғамын", "сені ұрамыз", "мені ұрамыз",
    "обещали меня избить", "обещал меня избить", "обещают избить", "обещали избить", "обещают убить",
    "обещал убить", "меня ~ избить",
)
WEAPONS: Phrases = (
    "with a bat", "with bats", "with a knife", "with knives", "with a gun", "с битой", "с битами", "с ножом",
    "с ножами", "с пистолетом", "с травматом", "пышақпен", "таяқпен", "сойылмен", "мылтықпен",
)
WAITING: Phrases = (
    "waiting for me", "outside my", "at my door", "ждут меня", "ждет меня", "у подъезда", "возле подъезда",
    "под окнами", "у двери", "күтіп тұр", "есік алдында", "подъезд алдында",
)
THREAT_NOW: Phrases = (
    # en
    "someone is following me", "a man is following me", "is following me right now", "following me home",
    "they are following me", "waiting for me outside", "waiting outside my house",
    "outside my house right now", "has a knife", "has a gun", "pulled a knife", "came with a knife",
    "surrounded me", "on their way to beat", "get in his car", "get into his car", "get in the car",
    "asking me to get in", "wants me to get in", "asked me to get in",
    # ru
    "за мной кто то идет", "за мной идет мужчина", "за мной идет какой то", "за мной идет незнаком*",
    "за мной следит мужчина", "меня преследуют прямо сейчас", "у него нож", "у него пистолет", "достал нож",
    "угрожает ножом", "угрожал ножом", "окружили меня", "идут ко мне домой", "едут ко мне разбираться",
    "сесть к нему в машину", "садись в машину", "зовет в машину", "позвал в машину", "тащит в машину",
    # kk
    "артымнан біреу келе жатыр", "артымнан бір ер адам", "артымнан бейтаныс", "пышағы бар", "пышақ көрсетті",
    "пышақпен қорқыт*", "мылтығы бар", "мені қоршап алды", "көлігіне отыр", "көлікке отыр", "машинаға отыр",
)
# Being followed reads as danger now when the child is afraid ("mum is following me" is not).
FOLLOWED: Phrases = (
    "following me", "follows me", "за мной идет", "за мной идут", "за мной следят", "следит за мной",
    "преследует меня", "артымнан", "соңымнан", "аңдып жүр",
)
# Followed in the street by an adult: "за мной ходит какой-то мужик" (in English "following" is also social media).
FOLLOWED_STREET: Phrases = (
    "following me home", "following me around", "followed me home", "за мной ~ ходит", "за мной ~ ходят",
    "ходит за мной", "за мной ~ идет", "за мной ~ идут", "следит за мной", "за мной ~ следит",
    "преследует меня", "артымнан", "соңымнан", "аңдып жүр",
)

# --- sexual exploitation -----------------------------------------------------------------------------
INTIMATE: Phrases = (
    "nudes", "nude", "naked", "intimate", "explicit photos", "explicit pics", "private pics",
    "private photos", "nsfw", "sexy pics", "sexy photos", "underwear", "bra", "интим*", "голые", "голое",
    "голую", "голой", "голым", "голыми", "голого", "голая", "обнажен*", "без одежды", "в белье", "нюдс*",
    "нюды", "пошлые фото", "откровенные фото", "откровенное видео", "в трусах", "нижнем белье", "жалаңаш*",
    "киімсіз", "іш киіммен", "ұятсыз сурет*", "разденься", "раздевайся", "раздеться", "шешін", "шешінші",
    "шешініп", "bikini", "swimsuit", "feet pics", "pics of your feet", "купальник*", "в купальнике",
    "фото ног", "фотки ног", "аяғыңның суреті*",
)
SHARE_THREAT: Phrases = (
    "post", "leak", "share them", "send them to", "send it to", "expose", "show my parents",
    "send to my parents", "send to my friends", "everyone will see", "threaten*", "unless", "blackmail*",
    "extort*", "will share", "hell share", "shell share", "theyll share", "will send them", "will post",
    "hell post", "if i dont send", "send more", "выложит", "выложить", "выложат", "разошлет", "разослать",
    "разошлют", "отправит", "скинет", "сольет", "слить", "солью", "покажет", "опубликует", "угрожает",
    "угрожал", "иначе", "требует", "шантаж*", "вымога*", "тарат*", "жариялай*", "бопсала*", "көрсетемін",
    "салып жіберемін", "қорқытады", "қорқытып", "бермесең", "бермесем",
)
REQUEST: Phrases = (
    "send me", "send nudes", "asks me for", "asked me for", "asking me for", "asks for", "asked for",
    "asking for", "wants me to send", "wants me to take", "show me your", "asked me to", "asks me to",
    "told me to send", "send a pic*", "send a photo*", "send a picture*", "скинь", "пришли", "отправь",
    "просит", "просил", "попросил", "попросила", "требует прислать", "покажи", "сфоткаться",
    "сфотографироваться", "хочет чтобы я скинула", "хочет чтобы я прислала", "жібер", "жіберші", "сұрайды",
    "сұрады", "сұрап", "көрсет",
)
PHOTO_REQUEST: Phrases = (
    "asks for photos", "asks for pics", "asking for photos", "asking for pics", "asked for photos",
    "asked for pics", "asks me for photos", "asks me for pics", "asked me for photos", "asked me for pics",
    "wants my photos", "wants pics of me", "send him photo*", "send him pic*", "video call with him",
    "просит фот*", "просит мои фот*", "просит скинуть фот*", "просит прислать фот*", "просил фот*",
    "просил мои фот*", "хочет мои фот*", "требует фот*", "просит видеозвонок", "просит включить камеру",
    "просит ее фот*", "просит у нее фот*", "просит его фот*", "asks her for", "asks him for",
    "asking her for", "asking him for", "сурет сұрайды", "сурет сұрап", "суретімді сұрайды", "сурет сұрады",
    "суретімді сұрады", "сурет жібер", "видеоға шық", "wants pics*", "wants photos*", "send me your pic*",
    "send me your photo*", "скинь свое фот*", "скинь свои фот*", "суретіңді жібер", "суреттеріңді жібер",
    "фотоңды жібер",
)
SECRECY: Phrases = (
    "keep it a secret", "keep this a secret", "our secret", "keep it between us", "keep this between us",
    "dont tell anyone", "not to tell anyone", "delete our chat*", "delete the chat*", "delete our messages",
    "delete the messages", "keep ~ secret", "удалять переписку", "удалить переписку", "удалять сообщения",
    "құпия сақта*", "dont tell my parents", "dont tell my mom", "not tell my parents",
    "not to tell my parents", "dont tell mom", "dont tell dad", "dont tell your dad", "to keep it secret",
    "not tell anyone", "никому не говори", "никому не рассказывай", "это секрет", "наш секрет",
    "удали переписку", "удали чат", "никому не говорить", "никому не рассказывать", "не говорить родителям",
    "не говорить маме", "не говорила маме", "не говорил маме", "не говорила родителям",
    "не говорил родителям", "чтобы я никому", "ешкімге айтпа", "ешкімге айтпашы", "құпия", "хатты өшір",
    "хаттарды өшір", "чатты өшір", "ата анама айтпа", "ата анама айтпау", "ешкімге айтпауымды",
    "говорит молчать", "велит молчать", "сказал молчать", "молчи никому", "told me to keep quiet",
    "says to keep quiet",
)
ALONE: Phrases = (
    "alone", "by yourself", "without your parents", "without telling", "наедине", "одна", "без родителей",
    "жалғыз", "ата анаңа айтпай", "ешкімге айтпай",
)
PAY_FOR: Phrases = (
    "offered me", "will pay", "pays me", "pay me", "предложил", "заплачу", "заплатит", "ақша бер*",
)
FOR_PICS: Phrases = (
    "for pics", "for photos", "for nudes", "за фото", "за фотки", "за нюдсы", "сурет үшін", "суреттерім үшін",
)
MEETING: Phrases = (
    "meet me", "meet up", "meet him", "to meet", "meeting him", "wants to meet", "meet irl",
    "meet in real life", "meet tomorrow", "meet today", "come over", "come to his", "visit him", "pick me up",
    "invited me to", "invites me to", "his apartment", "his place", "his house", "his hotel", "his car",
    "stay with him", "встретиться", "встретимся", "встречу", "встречаться", "увидеться", "увидимся",
    "приходи", "приезжай", "позвал*", "зовет*", "пригласил*", "приглашает", "заберет меня", "заедет за мной",
    "приехать к нему", "прийти к нему", "к нему домой", "к себе домой", "к нему в гости",
    "к нему на квартиру", "к нему на", "приехала к нему", "пришла к нему", "поехала к нему", "приеду к нему",
    "приду к нему", "кездесейік", "кездесуге", "кездескісі келеді", "кездесеміз", "кездесу", "кездестік",
    "келші", "кел деп", "шақырды", "шақырып", "алып кет*", "үйіне кел*", "үйіне шақыр*", "үйіне бар*",
    "пәтеріне", "hotel room", "buy me a ticket", "bought me a ticket", "buy me a bus ticket",
    "buy me a train ticket", "sent me a ticket", "sent me a train ticket", "sent me a bus ticket",
    "a ticket to come", "sent me money for a taxi", "come alone", "meet alone", "прислал деньги на такси",
    "купил мне билет", "в гостиниц*", "в отель", "в отеле", "приходи одна", "приходи один", "приезжай одна",
    "такси ақшасын жіберді", "қонақүй*", "жалғыз кел", "жалғыз келші", "ждет меня", "waiting for me",
    "күтіп тұр", "күтеді",
)
SEXTORTION: Phrases = (
    # en
    "sextortion", "will post my nudes", "post my nudes", "leak my nudes", "leak my pics", "leak my photos",
    "leak my video", "share my nudes", "send my nudes", "post my pics", "has my nudes", "have my nudes",
    "got my nudes", "nudes of me", "naked pics of me", "naked photos of me", "naked video of me",
    "recorded me naked", "recorded our video call", "threatening to post my", "threatens to post my",
    "threatening to send my", "threatens to send my", "unless i send more", "or he will post",
    "or they will post", "or she will post", "or he will send", "or he will leak", "or they will leak",
    "send more pics or",
    # ru
    "сексторшн", "шантажирует интим*", "шантажирует фото", "шантажирует меня фото", "шантажирует фотками",
    "шантажирует видео", "выложит мои фото", "выложит мои фотки", "выложить мои фото", "выложат мои",
    "разошлет мои", "разошлет всем", "отправит мои фото", "отправит фото родителям", "отправит родителям",
    "покажет родителям", "скинет мои фото", "скинет родителям", "сольет мои", "слить мои фото",
    "слил мои фото", "слили мои фото", "угрожает выложить", "угрожает разослать", "угрожает отправить",
    "угрожает слить", "угрожает показать", "иначе выложит", "иначе отправит", "иначе разошлет",
    "иначе сольет", "иначе скинет", "иначе покажет", "требует еще фото", "записал меня голой",
    "записал меня голым", "снял меня голой", "скрины видеозвонка", "запись видеозвонка", "у него мои интим*",
    "у него мои голые", "у него мои нюдсы",
    # kk
    "суреттерімді тарат*", "суретімді тарат*", "видеомды тарат*", "суреттерімді жариялай*",
    "суреттерімді интернетке сал*", "суретімді интернетке сал*", "ата анама жіберемін дейді",
    "ата анама көрсетемін дейді", "анама жіберемін дейді", "суреттерімді жіберемін дейді",
    "жалаңаш суреттерім", "жалаңаш суретімді", "интим суреттерімді", "ақша бермесең таратамын",
    "тағы сурет жібермесем", "тағы жібермесең", "суреттеріңді таратамын", "суретіңді таратамын",
    "видеоңды таратамын", "суреттеріңді жіберемін", "суреттеріңді ата анаңа", "суретіңді ата анаңа",
    "ата анаңа жіберемін", "ата анаңа көрсетемін", "досыңа жіберемін",
)
MONEY_DEMAND: Phrases = (
    "if i dont pay", "unless i pay", "pay or", "wants money", "demands money", "asking for money",
    "если не заплачу", "если не скину деньги", "требует деньги", "требует денег", "просит деньги", "вымога*",
    "ақша бермесең", "ақша бермесем", "ақша сұрап", "ақша талап",
)
COERCE_IF: Phrases = (
    "if i dont send", "if i dont pay", "unless i send", "unless i pay", "если не скину", "если не отправлю",
    "если не заплачу", "если я не заплачу", "если я не скину", "если я не отправлю", "если не дам денег",
    "если не дам деньги", "если не переведу", "if i dont give", "if i dont transfer", "бермесем",
    "жібермесем", "бермесең", "жібермесең",
)
SPREAD: Phrases = (
    "to everyone", "everyone in my class", "to my parents", "to my family", "to my friends", "post it",
    "post them", "всем", "родителям", "разошлет", "разошлют", "выложит", "выложат", "покажут", "в интернет",
    "одноклассникам", "бәріне", "ата анама", "ата анаңа", "интернетке", "тарат*",
)
PHOTOS: Phrases = ("photo*", "pic*", "video*", "фот*", "видео*", "скрин*", "сурет*")
GROOMING: Phrases = (
    # en
    "send nudes", "send me nudes", "send me your nudes", "send nude*", "asked me for nudes",
    "asks me for nudes", "asking me for nudes", "asked for nudes", "asking for nudes", "wants nudes",
    "wants my nudes", "wants me to send nudes", "send me pics of your body", "photo of your body",
    "pics in your underwear", "photo in your underwear", "picture in your underwear", "in your bra",
    "without your clothes", "take off your clothes", "take your clothes off", "undress on camera",
    "wants me to undress", "asked me to undress", "dick pic*", "sends me naked", "sent me naked",
    "sent me a naked", "sexting", "talks about sex with me", "sexual messages", "asks me sexual",
    "asked me sexual", "dont tell your parents", "dont tell your mom", "dont tell your mum",
    "dont tell your dad", "dont tell anyone about us", "our little secret", "its our secret", "groomed me",
    "grooming me", "is grooming me", "what are you wearing", "what im wearing", "what i am wearing",
    "что на тебе надето", "что на тебе сейчас", "не киіп отырсың",
    # ru
    "скинь нюдсы", "скинь нюдс", "нюдсы", "ню фото", "фото без одежды", "фотки без одежды", "фото в белье",
    "фотку в белье", "фото в нижнем белье", "в нижнем белье", "голое фото", "голые фото", "голые фотки",
    "голую фотку", "фото голой", "фото голого", "пришли фото без", "скинь фото без", "покажи себя без",
    "покажи грудь", "покажи тело", "раздеться на камеру", "раздеться по видео", "просит раздеться",
    "просил раздеться", "просит интим*", "просил интим*", "просит голые", "просит голое", "просит фото без",
    "просит нюдс*", "просит фото в белье", "пишет пошлости", "пишет пошлые", "пошлые сообщения",
    "пошлые фото", "присылает пошлые", "присылает фото члена", "прислал фото члена", "присылает свои интим*",
    "предлагает секс", "предлагал секс", "предлагает интим", "секстинг", "деньги за фото",
    "не говори родителям", "не говори маме", "не говори папе", "не рассказывай родителям",
    "не рассказывай маме", "это наш секрет", "наш маленький секрет", "никому не говори про нас",
    "удали нашу переписку", "удали наши сообщения",
    # kk
    "жалаңаш сурет жібер", "жалаңаш суретіңді", "шешініп сурет", "шешініп түсіп", "шешініп көрсет",
    "киімсіз сурет", "киімсіз суретіңді", "іш киіммен сурет", "денеңді көрсет", "денеңнің суретін",
    "жалаңаш сурет сұра*", "интим сурет сұра*", "ата анаңа айтпа", "анаңа айтпа", "әкеңе айтпа",
    "бұл біздің құпия", "біздің құпиямыз", "жазысқанымызды өшір", "ұятсыз сөздер жаз*",
    "ұятсыз суреттер жібер*", "жыныстық сипаттағы", "разденься на камеру", "раздевайся на камеру",
    "mature for your age", "mature for my age", "взрослая не по годам", "взрослый не по годам",
    "жасыңнан үлкен көрінесің",
)
GROOMING_MEETING: Phrases = (
    # en
    "meet me alone", "wants to meet me alone", "come to my place alone", "come to my house alone",
    "his apartment alone", "his place alone", "his house alone", "his hotel room", "meet in secret",
    "meet secretly", "secret meeting", "dont tell anyone we are meeting", "without your parents knowing",
    "invited me to his hotel", "invited me to his apartment",
    # ru
    "приходи без родителей", "встретимся наедине", "встретиться наедине", "встретимся тайно",
    "встретиться тайно", "тайная встреча", "встреча без родителей", "приглашает в гостиницу",
    "позвал в гостиницу", "зовет в гостиницу", "зовет в отель",
    # kk
    "жалғыз кездесейік", "кездесейік жалғыз", "жасырын кездесейік", "жасырын кездесу", "ата анаңа айтпай кел",
    "ешкімге айтпай кел", "пәтеріне шақырды", "қонақүйге шақырды",
)

# --- recruitment -------------------------------------------------------------------------------------
DRUG_JOB: Phrases = (
    "job", "work", "courier", "earn", "easy money", "make money", "offered", "offer", "sell", "selling",
    "работ*", "подработк*", "курьер*", "заработ*", "вакансия", "предложили", "предлагают", "легкие деньги",
    "быстрые деньги", "жұмыс*", "курьер*", "ақша табу", "оңай ақша", "табыс*", "ұсынды", "ұсынып",
)
DRUG_TERMS: Phrases = (
    "drugs", "drug", "weed", "stash*", "drops", "coordinates", "hide packages", "hide the packages",
    "photos of the spot", "photo of the spot", "send the location", "no questions asked", "закладк*", "клад",
    "клады", "наркот*", "соль", "соли", "меф", "мефедрон*", "гашиш*", "спайс*", "координат*", "тайник*",
    "фото точки", "есірткі*", "закладка*", "координат*", "пакетик*", "свертк*", "раскидыва*", "раскладыва*",
    "по районам", "по городу",
)
DRUGS: Phrases = (
    # en
    "drug courier", "drug mule", "sell drugs", "selling drugs", "sell weed", "deal drugs", "dealing drugs",
    "deliver drugs", "delivering drugs", "move drugs", "carry drugs", "stash drugs", "make drops",
    "making drops", "dead drop*", "hide stashes", "stash spots", "offered me drugs", "offering me drugs",
    "tried to sell me drugs", "offered me weed",
    # ru
    "закладчик*", "закладчиц*", "кладмен*", "кладмэн*", "наркокурьер*", "делать закладки", "делаю закладки",
    "делал закладки", "раскладывать закладки", "раскладываю закладки", "разложить закладки",
    "раскидывать закладки", "закладки с наркотиками", "закладки наркотиков", "прятать закладки",
    "работа закладчиком", "продавать наркотики", "торговать наркотиками", "распространять наркотики",
    "предложили наркотики", "предлагают наркотики", "предлагали наркотики", "предложил наркотики",
    "угостили наркотиками", "предложили соль", "мефедрон*", "фотографировать тайники", "делать тайники",
    "делать клады", "раскладывать клады",
    # kk
    "закладка жаса*", "есірткі тарат*", "есірткі сат*", "есірткі ұсын*", "есірткі тасу*", "есірткі тасымал*",
    "есірткі жасыр*", "есірткі берді", "packages for cash", "no questions asked",
)
PACKAGES: Phrases = (
    "deliver packages", "deliver a package", "pick up a package", "забрать пакет", "забрать посылку",
    "отнести пакет", "положить в другое место", "сфоткать место", "пакетті апар*",
)
PACKAGE_PAY: Phrases = (
    "cash", "money", "pay", "деньги", "оплата", "платят", "ақша", "координат*", "сфоткать", "фото",
)
EXTREMIST_TERMS: Phrases = (
    "isis", "isil", "daesh", "jihad*", "caliphate", "shahid*", "martyr*", "infidel*", "kafir*", "extremis*",
    "terroris*", "radical*", "syria", "игил", "даиш", "джихад*", "халифат*", "шахид*", "неверны*", "кафир*",
    "экстремист*", "террорист*", "радикал*", "сирия", "сирию", "сирии", "жиһад*", "шейіт*", "кәпір*",
    "экстремист*", "террорист*", "радикал*", "сирия*",
)
RECRUIT: Phrases = (
    "recruit*", "join", "invited me", "wants me to", "telling me to", "convince me", "вербу*", "вступить",
    "вступай", "присоединиться", "присоединяйся", "зовут", "зовет", "позвали", "пригласили", "предлагают",
    "предложили", "уговаривают", "агитиру*", "в группу", "в чат", "шақыр*", "қосыл*", "тарт*", "үгіт*",
    "ұсынды",
)
EXTREMISM: Phrases = (
    # en
    "join isis", "join the islamic state", "join jihad", "go to syria to fight", "go fight in syria",
    "become a martyr", "become a shahid", "kill the infidels", "kill infidels", "kill kafirs",
    "recruiting me into", "recruit me into", "trying to recruit me", "tried to recruit me", "extremist group",
    "terrorist group", "blow myself up", "suicide bomb*", "terrorist attack", "make a bomb",
    # ru
    "вербуют", "вербует", "завербовать", "завербовали", "завербовал*", "вербовщик*", "вступить в игил",
    "ехать в сирию", "поехать в сирию", "уехать в сирию", "зовут в сирию", "стать шахидом", "стать шахидкой",
    "убивать неверных", "убить неверных", "кафиров убивать", "присягнуть", "совершить теракт",
    "устроить теракт", "готовят теракт", "взорвать себя", "сделать бомбу", "экстремистская группа",
    "экстремистскую группу", "террористическая группа", "террористическую группу",
    # kk
    "жиһадқа шақыр*", "жиһадқа қатыс*", "сирияға бар*", "сирияға кет*", "сирияға шақыр*", "шейіт бол*",
    "кәпірлерді өлтір*", "теракт жаса*", "өзімді жарып жіберемін", "экстремистік топ*", "террористік топ*",
    "радикалды топ*", "ұйымға тарт*",
)
DEATH_NAMES: Phrases = (
    "blue whale", "blue whales", "синий кит", "синего кита", "синие киты", "синих китов", "тихий дом",
    "тихом доме", "көк кит",
)
CURATOR: Phrases = ("curator*", "куратор*")
CURATOR_TASKS: Phrases = (
    "cut", "cuts", "cutting", "whale*", "suicide", "die", "death", "4 20", "wake me up", "on my arm", "вырежи*",
    "порежь*", "порезать", "на руке", "смерт*", "кит*", "4 20", "разбуди*", "умереть", "суицид*", "өлім*", "кит",
    "кес*",
)
DEATH_CONTEXT: Phrases = (
    "group*", "curator*", "task*", "game*", "challenge*", "join*", "4 20", "групп*", "куратор*", "задани*",
    "игр*", "челлендж*", "вступил*", "добавили", "разбуди*", "вырежи*", "порежь*", "на руке", "смерт*",
    "топ*", "тапсырма*", "ойын*",
)
DEATH_GROUP: Phrases = (
    # en
    "blue whale challenge", "blue whale game", "momo challenge", "wake me up at 4 20", "wake me at 4 20",
    "death group", "death groups", "suicide group", "suicide game", "curator gives me tasks",
    "jonathan galindo", "50 tasks",
    # ru
    "синийкит", "морекитов", "море китов", "тихийдом", "разбуди меня в 4 20", "разбудите меня в 4 20",
    "разбуди меня в 420", "f57", "ф57", "f58", "ф58", "группа смерти", "группы смерти", "группу смерти",
    "группах смерти", "группе смерти", "джонатан галиндо", "момо челлендж", "50 заданий", "вырежи кита",
    "нарисуй кита на руке",
    # kk
    "өлім тобы", "өлім тобына", "өлім топтары", "өлім ойыны", "көккит",
)
INCITEMENT: Phrases = (
    # en
    "kill yourself", "kys", "go die", "go kill yourself", "you should die", "nobody would miss you",
    "do everyone a favor and die", "told me to kill myself", "tells me to kill myself",
    "telling me to kill myself", "told me to die",
    # ru
    "убей себя", "убейся", "иди убейся", "иди сдохни", "сдохни", "лучше бы ты сдох*", "вскройся", "выпились",
    "повесься", "повешайся", "самоубейся", "тебе лучше умереть",
    # kk
    "өзіңді өлтір", "өзіңді өлтірші", "өліп қалшы", "өлсеңші", "барып өл", "барып өлші", "end yourself",
    "should end myself", "saying i should die",
)

GROUPS: dict[str, Group] = {
    "suicide_now": Group("critical", SUICIDE_NOW + st.SUICIDE_NOW_STEMS + st.SUICIDE_NOW_SECOND,
                         pairs=((SELF_HARM, NOW_SUICIDE), (JUMP, HEIGHTS),
                                (DESPAIR + st.DESPAIR_MORE, MEANS + st.MEANS_MORE), (HANGING, SOON),
                                (DIE_SOON, TONIGHT_END), (SWALLOWED + st.SWALLOWED_MORE + st.SWALLOWED_MANY, PILLS),
                                (FAREWELL, DO_IT),
                                (st.JUMPING, st.GOODBYE), (st.DO_IT_NOW, st.READY)),
                         calm=WATER + st.LEISURE + st.FIRST_AID + st.RECOVERED + st.SPORT_LOSS + st.FINGER_CUT
                         + st.SONG_HYPERBOLE + st.ROPE_USES + st.SONG_ASKED_MORE,
                         combos=(Combo((st.JUMP_ANY, st.TODAY), st.JUMP_CALM + st.SELF_HARM_CALM),
                                 Combo((st.TOOK_THE_PILLS,), (*st.PILL_CALM, "doctor", "врач*", "дәрігер*")),
                                 Combo((st.SELF_HARM_STEMS + st.SELF_HARM_MORE, NOW_SUICIDE),
                                       st.SELF_HARM_CALM + WATER + st.GAME_LEVEL + st.RECOVERED + st.SPORT_LOSS
                                       + st.ROPE_USES),
                                 Combo((st.END_ALL, st.TODAY), st.SELF_HARM_CALM),
                                 Combo((st.JUMP_ANY, st.HEIGHTS_STRONG), st.JUMP_CALM + st.SONG_HYPERBOLE),
                                 Combo((st.HEIGHTS_STRONG, st.FINALITY), st.HEIGHT_CALM),
                                 Combo((st.BLADES, st.IN_MY_HAND + st.NOW_ONLY), st.BLADE_CALM),
                                 Combo((st.MEANS_ANY, st.IN_MY_HAND, st.DESPAIR_NOW), st.KITCHEN + st.ROPE_CALM),
                                 Combo((HANGING, st.ROPE_SET), st.ROPE_CALM),
                                 Combo((st.TOOK, PILLS + st.PILLS_KK, st.PILL_SIGNS), st.PILL_CALM),
                                 Combo((st.TOOK, PILLS + st.PILLS_KK, st.OD_SIGNS), st.OD_CALM),
                                 Combo((st.MEANS_ANY, st.NOT_ANSWERING), st.PILL_CALM + st.KITCHEN),
                                 Combo((st.EDGE, st.HEIGHTS_STRONG), st.HEIGHT_CALM),
                                 Combo((st.FAREWELL_ANY, st.GONE_SOON), st.SURPRISE + LESSON),
                                 Combo((st.BLADES, st.BOUGHT, st.BLADE_INTENT), st.BLADE_CALM + st.SURPRISE),
                                 Combo((st.MEDS, st.LAID_OUT), st.PILL_CALM),
                                 Combo((st.HEIGHTS_STRONG, st.STANDING_THERE, st.DISTRESS), st.HEIGHT_CALM),
                                 Combo((st.BRIDGE_NOW, st.INTO_WATER), st.BRIDGE_CALM + st.JUMP_CALM),
                                 Combo((st.HEIGHTS_STRONG, st.STOP_ME_NOT), st.HEIGHT_CALM),
                                 Combo((st.MEANS_ANY, st.GOODBYE_NOW), st.PILL_CALM + st.KITCHEN + st.ROPE_CALM),
                                 Combo((st.TOOK, PILLS + st.MEDS, st.OD_SIGNS_MORE), st.OD_CALM + st.COLD),
                                 # stop 23's unseen sets (stop 24)
                                 Combo((st.HEIGHTS_STRONG, st.FINALITY_MORE), st.HEIGHT_CALM),
                                 Combo((st.LAST_TIME, st.FINALITY + st.FINALITY_MORE + st.THANKS_ALL + st.GOODBYE_NOW),
                                       st.LAST_TIME_CALM),
                                 Combo((st.AT_TRACKS,
                                        st.NEXT_TRAIN + st.STOP_ME_NOT + st.GOODBYE_NOW + st.FINALITY_MORE),
                                       st.TRAIN_CALM),
                                 # stop 24's unseen sets (stop 25)
                                 Combo((st.HEIGHTS_STRONG + st.ON_ROOF_KK, st.LAST_WORDS), st.HEIGHT_CALM),
                                 # stop 25's unseen sets (stop 26)
                                 Combo((st.GUN_ACCESS, st.FORGIVE_ASK), st.GUN_ACCESS_CALM),
                                 Combo((st.MEANS_ANY, st.DECIDED_TODAY),
                                       st.PILL_CALM + st.KITCHEN + st.ROPE_CALM + st.BLADE_CALM),
                                 Combo((st.OPEN_WINDOW + st.HEIGHTS_STRONG, st.LAST_MESSAGE),
                                       st.HEIGHT_CALM + st.AIRING_CALM),
                                 # stop 26's unseen sets (stop 27)
                                 Combo((st.DECIDED_ALL, st.TODAY, st.FAREWELL_ALL + st.FAREWELL_ANY + st.GOODBYE_NOW),
                                       SCHOOL + st.SCHOOL_SUBJECTS + st.MOVING_CALM + st.TRIP_CALM),
                                 Combo((st.PET_GIVEN + st.GIVING_AWAY, st.FAREWELL_ALL + st.GOODBYE_NOW),
                                       st.MOVING_CALM + st.PET_CALM),
                                 Combo((st.FINAL_CAPTION, st.GONE_SILENT), st.CAPTION_CALM),
                                 # stop 27's unseen sets (stop 28)
                                 Combo((HANGING + st.MEANS_ANY, st.MADE_READY,
                                        st.DECIDED_ALL + st.DECIDED_MORE + st.FAREWELL_ALL + st.FAREWELL_MORE
                                        + st.GOODBYE_NOW + st.FORGIVE_ASK),
                                       st.ROPE_CALM + st.ROPE_USES + st.KITCHEN + st.PILL_CALM),
                                 Combo((st.HEIGHTS_STRONG + st.ON_ROOF_KK, st.HEIGHT_NOW,
                                        st.FORGIVE_ASK + st.FAREWELL_ALL + st.FAREWELL_MORE), st.HEIGHT_CALM))),
    "abuse_now": Group("critical", ABUSE_NOW, pairs=((ABUSE, NOW_ABUSE),), calm=ACCIDENTS + st.PILLOW_PLAY,
                       combos=(Combo((st.HIDING, st.THREAT_OR_FEAR + RELATIVES + st.DRUNK), st.HIDING_CALM),
                               Combo((st.DRUNK + st.WASTED, st.RAGING + st.CHOKING), st.RAGING_CALM),
                               Combo((st.VIOLENT_ACTS_NOW, st.COMING_AFTER), st.HAIR_CALM),
                               Combo((st.BEATING_THEM, st.HEAR_NOW), st.BEATING_CALM + ACCIDENTS),
                               # stop 24's unseen sets (stop 25)
                               Combo((RELATIVES + NOT_PARENTS + st.PARENTS + st.PARENTS_MORE + st.STEP_PARENTS,
                                      st.HURT_NOW, st.STILL_NOW), ACCIDENTS + st.HITS_CALM + GAMES),
                               # stop 25's unseen sets (stop 26)
                               Combo((st.BEATING_THEM + st.BEATING_MORE, st.HEAR_MORE),
                                     st.BEATING_CALM + ACCIDENTS + st.HABITUAL),
                               Combo((st.LOCKED_OUTSIDE, st.COLD_LONG), st.LOCKED_OUTSIDE_CALM),
                               # stop 26's unseen sets (stop 27)
                               Combo((st.LOCKED_CELLAR, st.COLD_LONG + st.FOOD_WITHHELD),
                                     st.LOCKED_OUTSIDE_CALM + GAMES + st.PLAN_CALM),
                               # stop 27's unseen sets (stop 28)
                               Combo((st.TEACH_LESSON, st.LIKE_LAST_TIME), GAMES + JOKING + st.SPORT))),
    "threat_now": Group("critical", THREAT_NOW + st.THREAT_NOW_SECOND,
                        pairs=((THREAT, NOW_THREAT), (FOLLOWED, FEAR), (WEAPONS + st.WEAPONS_KK, WAITING),
                               (FOLLOWED_STREET, ADULT),
                               (st.WAITS_FOR_ME, st.NOW_ONLY), (st.WAITS_FOR_ME, st.SHOUTING),
                               (st.COMING, st.HELP_WORDS), (FOLLOWED + st.FOLLOWED_MORE, st.NOW_ONLY)),
                        calm=JOKING + GAMES + SCHOOL + st.PLAY_VIOLENCE + st.HUNTING + st.CRAFT_CALM,
                        combos=(Combo((st.SCARED_FOR_LIFE,)),
                                Combo((st.HELP_CALL, st.FEAR_NOW + st.URGENT + st.PRESENCE + st.WAITING_ANY
                                       + st.DOOR_FORCE), st.HELP_CALM + st.I_BROKE_IT),
                                Combo((st.CAR, st.GET_IN), st.FRIENDLY),
                                Combo((st.DOOR, st.DOOR_FORCE), st.DOOR_CALM + st.RAGING_CALM),
                                Combo((st.INTRUDER, st.ALONE_HIDING + st.FEAR_NOW), st.HIDING_CALM),
                                Combo((st.BEATEN, st.STILL_AROUND), GAMES),
                                Combo((st.CAR, st.SLOWING), st.FRIENDLY),
                                Combo((st.LOCKED_IN, st.LOCKED_IN + st.HELP_CALL + st.CAR + st.FEAR_NOW),
                                      st.LOCKED_CALM + st.OUTINGS + st.LOCKED_OUT + st.PERMISSION_CALM),
                                Combo((st.BROKE_INTO_HOME, st.ALONE_SCREAMING + st.FEAR_NOW), st.HIDING_CALM),
                                Combo((st.WEAPON_NOUNS, st.WEAPON_NEAR), st.WEAPON_CALM + st.HUNTING + st.CRAFT_CALM),
                                Combo((st.CORNERED,), st.CORNERED_CALM),
                                Combo((st.CHASED, st.STILL_HERE), st.CHASE_CALM),
                                Combo((st.WAITING_ANY, st.NEAR_HOME), st.FRIENDLY),
                                Combo((st.DOOR_FORCED, st.THREAT_OR_FEAR), st.RAGING_CALM),
                                # stop 24's unseen sets (stop 25)
                                Combo((st.AT_THE_WINDOW, st.WINDOW_FEAR + st.FEAR_NOW), st.WINDOW_CALM),
                                # stop 25's unseen sets (stop 26)
                                Combo((st.LOCATION_FOUND, st.COMING_SOON),
                                      st.FRIENDLY + st.FAMILY_ASK + st.DOOR_KNOCK_CALM + st.PARCELS),
                                Combo((st.WEAPON_NOUNS, st.LOCKDOWN), st.DRILL_CALM + st.HUNTING),
                                Combo((st.DOOR_KNOCK, st.OPEN_ASK, st.NOT_EXPECTED), st.DOOR_KNOCK_CALM),
                                # stop 26's unseen sets (stop 27)
                                Combo((st.INTRUDER_MORE, st.HID_MORE + st.ALONE_HIDING), st.HIDING_CALM),
                                # stop 27's unseen sets (stop 28)
                                Combo((WEAPONS + st.WEAPON_NOUNS, st.HIDING_NOW),
                                      st.HIDING_CALM + st.WEAPON_CALM + st.HUNTING + GAMES))),
    "grooming_meeting": Group("critical", GROOMING_MEETING,
                              pairs=((MEETING, ADULT + st.ADULT_MORE),),
                              calm=st.FAMILY_PICKUP + st.PARENT_ALONG + st.PARENT_ALONG_MORE,
                              combos=(Combo((st.BUY_ME, st.MEET_IF), st.FAMILY_PICKUP + st.SURPRISE),
                                      Combo((st.MEETING_NOW, st.NEVER_MET), st.FAMILY_PICKUP),
                                      Combo((st.MEETING_MORE, ADULT + st.ADULT_MORE), st.MEETING_CALM),
                                      # stop 24's unseen sets (stop 25)
                                      Combo((st.PICK_UP, st.AGE_DOUBT), st.FAMILY_PICKUP + st.MEETING_CALM),
                                      Combo((st.ONLINE_FRIEND, st.MEET_TRIP, st.SECRET_FROM_PARENTS),
                                            st.FAMILY_PICKUP + st.MEETING_CALM),
                                      # stop 25's unseen sets (stop 26)
                                      Combo((st.MEETING_HIM, ADULT + st.ADULT_MORE), st.MEETING_CALM),
                                      Combo((st.PICK_UP_MORE, st.SHUSH), st.PICK_UP_CALM),
                                      # stop 26's unseen sets (stop 27)
                                      Combo((st.WAITING_BELOW + st.MEETING_NOW, st.NEVER_MET + st.NEVER_MET_MORE),
                                            st.FAMILY_PICKUP + st.RIDE_CALM))),
    "self_harm": Group("high", SELF_HARM + st.SELF_HARM_STEMS + st.SELF_HARM_MORE + st.SELF_HARM_KINDS
                       + st.SELF_HARM_SECOND + st.WEARY_OF_LIFE,
                       pairs=((SLANG_SELF_HARM, SERIOUS),),
                       calm=st.SELF_HARM_CALM + st.PASS_LEVEL + st.RECOVERED + st.SONG_ASKED + st.BOOK_TALK
                       + st.RETRACTED + st.SPORT_LOSS + st.SPELLING_SURVEY + st.SIMS + st.TRIVIAL_ANNOYANCE
                       + st.AWARENESS + st.FICTION_ENDING + st.SUBJECT_HYPERBOLE + st.FOOD_CRAVING + st.SONG_HYPERBOLE
                       + st.FEVER_DOSE + st.ESSAY_CALM + st.SONG_ASKED_MORE + st.ROPE_USES,
                       unless=("suicide_now",),
                       combos=(Combo((st.TOPIC,), st.TOPIC_CALM + st.RECOVERED + st.SPELLING_SURVEY),
                               Combo((st.UNDER_VEHICLE, st.VEHICLES), ACCIDENTS + st.HISTORY + st.LITERATURE),
                               Combo((st.DOSE_ASKED, PILLS + st.MEDS, st.LETHAL_DOSE + st.LETHAL_DOSE_MORE),
                                     st.PILL_CALM + st.FIRST_AID),
                               Combo((st.SEARCHING_WAYS,), st.SEARCHING_CALM),
                               Combo((st.NOBODY_NOTICE, st.DISAPPEAR), JOKING),
                               Combo((st.HOARDING, st.MEDS), st.PILL_CALM),
                               Combo((st.SELF_INJURY, st.UNTIL_BLOOD), st.INJURY_CALM),
                               Combo((st.GIVING_AWAY, st.WONT_NEED), st.GIFT_CALM + st.GIVEAWAY_CALM),
                               Combo((st.HIDDEN_MARKS, st.HIDES_THEM), st.MARKS_CALM + st.INJURY_CALM),
                               # stop 23's unseen sets (stop 24)
                               Combo((st.PAST_HARM, st.RELAPSE)),
                               Combo((st.HEIGHT_ASKED, st.FLOORS, st.LOOKED_UP), st.HEIGHT_ASKED_CALM),
                               Combo((st.PURGING,), st.EATING_CALM),
                               Combo((st.STARVING, st.SELF_PUNISH), st.EATING_CALM),
                               Combo((st.RESIGNED, st.FUTURE_WORDS), st.RESIGNED_CALM),
                               Combo((st.BLOOD_FOUND, st.SLEEVES_SUMMER), st.BLOOD_CALM),
                               # stop 24's unseen sets (stop 25)
                               Combo((st.MARKS_SEEN, st.MARK_EXCUSE), st.MARK_EXCUSE_CALM),
                               Combo((st.BLOOD_EMOJI, st.CUT_EMOJI, st.AGAIN_SECRET), st.BLOOD_CALM + st.INJURY_CALM),
                               Combo((st.COUNTDOWN_POSTS, st.LEAVING_SIGNS), st.COUNTDOWN_CALM),
                               # stop 25's unseen sets (stop 26)
                               Combo((st.SELF_PAIN, st.RELIEF), st.SELF_PAIN_CALM),
                               Combo((st.DEATH_WRITING, st.WITHDRAWN), LESSON + st.DEATH_WRITING_CALM),
                               Combo((st.COUNTDOWN_POSTS, st.SCRATCHES + st.MARKS_SEEN), st.COUNTDOWN_CALM),
                               Combo((st.HOW_ID_DO_IT, st.COMFORT_NIGHTLY), st.PLAN_CALM + SCHOOL),
                               Combo((st.WILL_LIST, st.GIVING_ANY), st.MOVING_CALM))),
    "abuse": Group("high", ABUSE + st.ABUSE_STEMS + st.ABUSE_SECOND,
                   pairs=((RELATIVES, TOUCHING), (RELATIVES, st.HITS)),
                   calm=ACCIDENTS + st.OUT_OF_CHAT, unless=("abuse_now",),
                   combos=(Combo((st.SCARED_AT_HOME,)),
                           Combo((RELATIVES + st.PARENTS, st.BRUISES), ACCIDENTS + st.SPORT),
                           Combo((st.FORCES, st.UNWANTED), st.CHORES),
                           Combo((RELATIVES + st.PARENTS, st.VIOLENT_TO_ME), ACCIDENTS + st.SPORT + GAMES),
                           Combo((st.MAKES_WATCH, st.NAKED_ANY), LESSON),
                           Combo((RELATIVES + st.PARENTS + st.STEP_PARENTS, st.LOCKED_IN),
                                 st.LOCKED_CALM + st.OUTINGS + st.PERMISSION_CALM),
                           Combo((st.GO_HOME, st.AGAIN_THERE), st.HOME_CALM + SCHOOL + GAMES),
                           Combo((RELATIVES + st.PARENTS + st.STEP_PARENTS, st.LOCKED_AWAY),
                                 st.LOCKED_CALM + st.OUTINGS),
                           Combo((RELATIVES + st.PARENTS + st.STEP_PARENTS, st.CHOKING), ACCIDENTS + GAMES + st.FOOD),
                           Combo((st.CRUEL_PUNISH, st.PUNISH_WHY), st.PUNISH_CALM),
                           # stop 24's unseen sets (stop 25)
                           Combo((st.CRUEL_PUNISH + st.CRUEL_PUNISH_MORE, st.PUNISH_WHY + st.PUNISH_WHY_MORE),
                                 st.PUNISH_CALM),
                           Combo((st.BRUISES_SEEN, st.BRUISE_SIGNS), st.BRUISE_CALM),
                           Combo((st.COACHES + NOT_PARENTS, st.UNDRESSES_CHILD), st.UNDRESS_CALM),
                           Combo((st.PARENTS_MORE + st.COACHES + NOT_PARENTS, st.HITS_MORE),
                                 st.HITS_CALM + st.PILLOW_PLAY + GAMES + st.PAST_TIMES),
                           Combo((st.WHEN_DRUNK, st.HITS_ANY), st.DRUNK_CALM + st.PILLOW_PLAY),
                           # stop 25's unseen sets (stop 26)
                           Combo((st.NIGHT_VISITS, st.ITS_NORMAL), st.NIGHT_CALM),
                           Combo((st.IMPLEMENTS, st.BEAT_VERBS),
                                 st.HITS_CALM + st.PILLOW_PLAY + GAMES + JOKING + st.PAST_TIMES),
                           Combo((st.FORCED_BEGGING, st.MONEY_TAKEN), JOKING + GAMES),
                           Combo((st.FORCES, st.UNWANTED_MORE, RELATIVES + st.PARENTS + st.STEP_PARENTS + st.FORCERS),
                                 st.FORCED_CALM),
                           # stop 26's unseen sets (stop 27)
                           Combo((st.FOOD_WITHHELD,), st.FOOD_CALM),
                           Combo((st.NEGLECT_SIGNS, st.NEGLECT_WHO), st.NEGLECT_CALM),
                           # stop 27's unseen sets (stop 28)
                           Combo((st.INJURY_GIVEN,
                                  st.COVER_STORY + st.DRUNK + RELATIVES + st.PARENTS + st.PARENTS_MORE),
                                 st.BLOW_CALM + GAMES + JOKING),
                           Combo((st.HEARD_ANY, st.BEATEN_OR_CURSED), st.HEARD_CALM + GAMES + JOKING))),
    "threat_violence": Group("high", THREAT + st.THREAT_STEMS + st.KILL_US + st.THREAT_INTENT_KK
                             + st.THREAT_SECOND,
                             calm=JOKING + GAMES + SCHOOL + st.GAME_LOSS + ("дневник*", "күнделік*") + st.PLAY_VIOLENCE
                             + st.NEWS + st.SCHOOL_SUBJECTS + st.THREAT_CALM_MORE + st.MISHAPS + st.WROTE_BEFORE,
                             unless=("threat_now",),
                             combos=(Combo((st.SCHOOL_WEAPON, st.TO_SCHOOL, st.BRING), st.SCHOOL_WEAPON_CALM + st.NEWS),
                                     Combo((st.KILL_LIST, st.KILL_VERBS), GAMES + JOKING),
                                     Combo((st.NEXT_TIME_THREAT, st.WOUNDS_BEFORE), GAMES + st.SPORT),
                                     Combo((st.YOURE_DEAD, st.WE_KNOW_WHERE), GAMES + JOKING),
                                     Combo((st.RECKONING, st.ATTACK_MEANS, st.SCHOOL_PLACES),
                                           GAMES + LESSON + st.NEWS + st.LITERATURE + st.SHOW_CALM),
                                     # stop 24's unseen sets (stop 25)
                                     Combo((st.NEXT_TARGET, st.TARGET_SIGNS), GAMES + JOKING + st.TARGET_CALM),
                                     Combo((st.BOMB_THREAT, st.SCHOOL_PLACES, st.BOMB_COMING),
                                           GAMES + LESSON + st.NEWS + st.BOMB_CALM),
                                     Combo((st.DEPICTED, st.SHOOTING_WORDS, st.VICTIMS_NAMED),
                                           GAMES + LESSON + st.ATTACK_DEPICTED_CALM),
                                     Combo((st.STAB_INTENT,), GAMES + JOKING + st.KITCHEN),
                                     # stop 25's unseen sets (stop 26)
                                     Combo((st.WISH_DEAD, st.WEAPON_ACCESS + WEAPONS + st.WEAPONS_KK), GAMES + JOKING),
                                     Combo((st.MARKED_FACES, st.TARGET_SIGNS), GAMES + JOKING + st.TARGET_CALM),
                                     # stop 26's unseen sets (stop 27)
                                     Combo((st.BREAK_BODY, st.THREAT_SAY),
                                           GAMES + JOKING + ACCIDENTS + st.SPORT + st.BREAK_CALM + LESSON + st.NEWS),
                                     Combo((st.YOURE_DEAD, st.ADDRESS_SENT), GAMES + JOKING),
                                     # stop 27's unseen sets (stop 28)
                                     Combo((st.BREAK_BODY + st.BREAK_BODY_MORE, st.THREAT_SAY + st.THREAT_SAY_MORE),
                                           GAMES + JOKING + ACCIDENTS + st.SPORT + st.BREAK_CALM + LESSON + st.NEWS),
                                     Combo((st.SCHOOL_WILL_PAY, st.WHO_FIRST), GAMES + JOKING + st.LIST_CALM))),
    "sextortion": Group("high", SEXTORTION + st.SEXTORTION_STEMS,
                        pairs=((SHARE_THREAT, INTIMATE), (MONEY_DEMAND + st.MONEY_MORE, PHOTOS), (COERCE_IF, SPREAD),
                               (st.RECORDED, SHARE_THREAT + st.SHARE_THREAT_MORE), (st.MY_MEDIA, st.SPREAD_SAID),
                               (st.OR_POST, PHOTOS)),
                        calm=LESSON + st.TOPIC_CALM + st.SCHOOL_TALK + st.BEHIND_US + st.BEHIND_US_MORE,
                        combos=(Combo((st.MY_MEDIA_ALL, st.SPREAD_ANY, st.THREAT_COND),
                                      LESSON + st.BEHIND_US + st.BEHIND_US_MORE),
                                Combo((COERCE_IF, st.SPREAD_ANY), LESSON + SCHOOL),
                                Combo((st.IF_NOT, st.SEND_PAY, st.SPREAD_ANY), LESSON + SCHOOL),
                                Combo((st.PAID_ONCE, st.ASKS_AGAIN), GAMES + st.ERRANDS + SCHOOL),
                                Combo((st.TO_DELETE, st.PHOTO_NOUNS, st.MONEY_ASKED), LESSON + st.FAMILY_ASK),
                                Combo((st.SHAME_THREAT, st.PHOTO_NOUNS + st.SEND_PAY + st.IF_NOT), LESSON),
                                Combo((st.THREATENS, st.SPREAD_ANY, st.THREAT_MEDIA),
                                      LESSON + st.BEHIND_US + st.BEHIND_US_MORE),
                                Combo((st.IF_TELL, st.SPREAD_MINE + st.SHAME_THREAT), LESSON),
                                # stop 27's unseen sets (stop 28)
                                Combo((st.MORE_MEDIA, st.OR_ELSE, st.LEAK_REST),
                                      LESSON + st.NEWS + st.FAMILY_ASK))),
    "grooming": Group("high", GROOMING + st.PHOTO_DEMAND + st.GROOMING_SECOND,
                      pairs=((REQUEST, INTIMATE + st.INTIMATE_MORE), (PHOTO_REQUEST, ADULT + st.ADULT_MORE),
                             (SECRECY, ADULT + st.ADULT_MORE), (PAY_FOR, FOR_PICS), (MEETING, ALONE),
                             (MEETING, SECRECY), (SECRECY, NOT_PARENTS), (st.SECRECY_TO_PARENTS, st.SECRET_CHATS),
                             (st.DELETE_CHATS, st.PARENT_SEES)),
                      calm=LESSON + st.SURPRISE + st.PARENT_ADVICE + st.GROUP_PHOTO + st.MOVED_OUT,
                      unless=("sextortion",),
                      combos=(Combo((st.DEMAND_HARD, st.PHOTO_NOUNS), st.FAMILY_ASK),
                              Combo((st.ASKER, st.ASK_SEND, st.PHOTO_NOUNS), st.FAMILY_ASK),
                              Combo((st.SHOW_ASK + st.DEMAND_HARD + REQUEST, st.BODY_MORE + INTIMATE), LESSON),
                              Combo((st.GIFTS_TO_ME, st.SECRECY_ANY), st.GIFT_CALM),
                              Combo((st.SECRECY_ANY, ADULT + st.ADULT_MORE + NOT_PARENTS),
                                    st.SURPRISE + LESSON + SCHOOL + st.PARENT_ADVICE),
                              Combo((st.OUR_CHATS, st.SECRECY_ANY), st.SURPRISE + LESSON + SCHOOL),
                              Combo((st.MONEY_OFFER, st.PHOTO_NOUNS), st.FAMILY_ASK + st.GROUP_PHOTO),
                              Combo((st.UNDRESS, st.CLOTHES, st.ONLINE_CAM), LESSON),
                              Combo((ADULT + st.ADULT_MORE, st.WHERE_LIVE), LESSON + st.ERRANDS + st.PARENT_ADVICE),
                              Combo((st.ASKS, st.ASKED_PRIVATE), st.FAMILY_ASK + st.GIFT_CALM),
                              Combo((st.MOVE_TO, st.OTHER_APP), LESSON + SCHOOL),
                              Combo((st.TEACHES, st.LIE_PARENTS)),
                              Combo((st.TAXI_PAY, st.MEET_ANY), st.FAMILY_PICKUP),
                              Combo((st.GIFT_OFFER, st.WHERE_LIVE), st.GIFT_CALM + st.ERRANDS + st.FAMILY_ASK),
                              Combo((st.ASKER + st.MEN_KK + ADULT, st.SHAMEFUL_QUESTIONS), LESSON),
                              Combo((st.MEN_KK, st.PHOTO_ASKED_KK), st.FAMILY_ASK),
                              Combo((st.COACHES + ADULT + st.ADULT_MORE, st.PET_NAMES), st.FAMILY_ASK + LESSON),
                              # stop 24's unseen sets (stop 25)
                              Combo((st.GAME_MONEY, st.FOR_A_PHOTO), st.GAME_MONEY_CALM),
                              # stop 25's unseen sets (stop 26)
                              Combo((st.OUR_SECRET, st.HE_SAID), st.PEERS),
                              Combo((st.DELETE_MORE, st.SILENCE), LESSON + SCHOOL + st.SILENCE_CALM),
                              Combo((ADULT + st.ADULT_MORE, st.WANTS_PIC,
                                     st.SWIMWEAR + st.CLOTHES + st.BODY_MORE + st.INTIMATE_MORE), st.FAMILY_ASK),
                              Combo((st.GADGETS, st.FOR_A_PHOTO), st.GAME_MONEY_CALM + SCHOOL + st.CONTEST),
                              Combo((ADULT + st.ADULT_MORE, st.SENT_VERBS, st.EXPLICIT_SENT),
                                    st.FAMILY_ASK + LESSON + st.NEWS),
                              # stop 26's unseen sets (stop 27)
                              Combo((st.LEWD_TEXTS, ADULT + st.ADULT_MORE + st.MEN_KK + st.AGE_KK),
                                    st.FAMILY_ASK + LESSON + st.NEWS),
                              # stop 27's unseen sets (stop 28)
                              Combo((st.BODY_SCENE, st.SHOW_ASK + st.ASK_SEND + REQUEST + st.DEMAND_HARD,
                                     ADULT + st.ADULT_MORE + st.MEN_KK + st.GIFT_OR_SECRET),
                                    st.FAMILY_ASK + LESSON + st.NEWS + st.RENOVATION))),
    "blackmail": Group("high", unless=("sextortion",),
                       combos=(Combo((("blackmail*", "extort*", "шантаж*", "вымога*", "бопсала*", "бопса"),),
                                     LESSON + st.TOPIC_CALM + st.SCHOOL_TALK + st.SHOW_CALM + st.BEHIND_US
                                     + st.BEHIND_US_MORE),
                               Combo((st.HACKED, st.RANSOM), LESSON + st.NO_MONEY_ASKED),
                               # stop 24's unseen sets (stop 25)
                               Combo((st.TELL_THREAT, st.STEAL_MONEY), LESSON + st.BEHIND_US),
                               Combo((st.REFUSE_IF, st.TELL_POLICE), LESSON + st.POLICE_CALM),
                               # stop 25's unseen sets (stop 26)
                               Combo((st.HACKED + st.HACKED_MORE, st.RANSOM + st.MONEY_ASK_MORE),
                                     LESSON + st.NEWS + st.SHOW_CALM + st.NO_MONEY_ASKED),
                               # stop 26's unseen sets (stop 27)
                               Combo((st.HACKED + st.HACKED_MORE + st.ACCOUNT_STOLEN, st.RETURN_PRICE, st.DEMAND_ANY),
                                     LESSON + st.NEWS + st.NO_MONEY_ASKED + st.SUPPORT_CALM),
                               # stop 27's unseen sets (stop 28)
                               Combo((st.HACKED + st.HACKED_MORE + st.ACCOUNT_STOLEN + st.ACCOUNT_TAKEN_MORE,
                                      st.RETURN_PRICE, st.CARD_DETAILS),
                                     LESSON + st.NEWS + st.SUPPORT_CALM))),
    "recruitment_drugs": Group("high", DRUGS, pairs=((DRUG_JOB + st.MONEY_WORDS, DRUG_TERMS), (PACKAGES, PACKAGE_PAY)),
                               calm=LESSON + st.NEWS + st.ADULT_TARGET,
                               combos=(Combo((st.PACKAGE_NOUNS, st.HIDE_DELIVER, st.PAY), st.ERRANDS),
                                       Combo((st.DRUG_CACHES, st.JOINING_ME), LESSON + st.NEWS),
                                       Combo((st.PACKAGE_NOUNS, st.NO_QUESTIONS), st.ERRANDS + st.SURPRISE),
                                       Combo((st.JOB_OFFER, st.JOB_SIGNS), st.JOB_CALM + LESSON),
                                       Combo((st.COORDS_PHOTOS, st.PHOTO_NOUNS), st.JOB_CALM + LESSON),
                                       # stop 24's unseen sets (stop 25)
                                       Combo((st.CACHES_MORE, st.CACHE_WORK), st.CACHE_CALM + LESSON + st.NEWS),
                                       # stop 27's unseen sets (stop 28)
                                       Combo((st.PACKAGE_NOUNS, st.HIDE_DELIVER, st.PAID_SUM),
                                             st.ERRANDS))),
    "recruitment_extremism": Group("high", EXTREMISM + st.EXTREMISM_SECOND, pairs=((EXTREMIST_TERMS, RECRUIT),),
                                   calm=LESSON,
                                   combos=(Combo((st.WAR_JOIN, RECRUIT + st.GO), LESSON + st.HISTORY),
                                           Combo((st.PROPAGANDA, st.DIE_FOR), LESSON + st.HISTORY),
                                           # stop 24's unseen sets (stop 25)
                                           Combo((st.CLOSED_CHAT, st.LEAVE_ABROAD), LESSON + st.ABROAD_CALM),
                                           # stop 25's unseen sets (stop 26)
                                           Combo((st.SUPREMACY, RECRUIT + st.MOVEMENT),
                                                 LESSON + st.HISTORY + st.NEWS))),
    "death_group": Group("high", DEATH_GROUP, pairs=((DEATH_NAMES, DEATH_CONTEXT), (CURATOR, CURATOR_TASKS),
                                                     (st.TASKS, st.DIE_TASK)),
                         calm=LESSON + st.GAME_LEVEL + st.TEACHER_TASK,
                         combos=(Combo((CURATOR, CURATOR_TASKS + st.CURATOR_THREAT + st.COUNTDOWN), LESSON),
                                 Combo((st.DARES, st.DEADLY_ACTS), LESSON + st.GAME_LEVEL),
                                 Combo((st.PROOF_PHOTOS, st.CUTS, st.GROUP_CTX), LESSON),
                                 Combo((st.TASK_WORDS, st.TASK_HARM), LESSON + st.GAME_LEVEL + st.TASK_CALM),
                                 Combo((st.TASK_WORDS, st.NIGHT, st.TASK_GIVER), LESSON + st.GAME_LEVEL + st.TASK_CALM),
                                 Combo((st.GROUP_DEATH, st.GROUP_ANY), LESSON + st.TOPIC_CALM),
                                 Combo((st.QUIT_GROUP, st.FIND_FAMILY), LESSON),
                                 Combo((st.MARKS_ON_BODY, st.GROUP_ANY + st.TASK_WORDS),
                                       LESSON + st.TOPIC_CALM + st.NO_SIGNS),
                                 Combo((st.CHALLENGES, st.BREATH_GAMES), LESSON + st.BREATH_CALM),
                                 # stop 26's unseen sets (stop 27)
                                 Combo((CURATOR + st.GAME_NO_EXIT, st.DAILY_TASKS), LESSON + st.NUMBERED_CALM),
                                 # stop 27's unseen sets (stop 28)
                                 Combo((st.GAME_NO_EXIT + st.IN_THE_GAME_NOW, st.TASKS + st.TASK_WORDS,
                                        st.FAMILY_HARM_TASK + st.CURATOR_THREAT), LESSON + st.NUMBERED_CALM))),
    "incitement": Group("high", INCITEMENT + st.INCITEMENT_STEMS + st.INCITE_MORE, calm=JOKING + GAMES,
                        combos=(Combo((st.INCITE_GROUP, st.INCITE_WHO), JOKING + GAMES),
                                Combo((st.FOR_A_ROPE, st.MONEY_SENT), st.SELF_HARM_CALM),
                                # stop 24's unseen sets (stop 25)
                                Combo((st.KYS_WORDS, st.KYS_PERSIST), JOKING),
                                # stop 26's unseen sets (stop 27)
                                Combo((st.INCITE_IMPERATIVES, st.REPEATED_OR_CHANGED), JOKING),
                                Combo((st.INCITE_IMPERATIVES, st.MOCKED_BY_ALL), st.MOCKED_CALM),
                                Combo((st.FAVOR_AND, st.DIE_ACTS), JOKING + GAMES),
                                # stop 27's unseen sets (stop 28)
                                Combo((st.DIE_SAID, st.SAID_TO_ME), JOKING + GAMES))),
}
