"""Stems and short patterns per family, added so the reading generalises beyond the phrasings it was
tuned on (issue 11). Data only; `flows.crisis_phrases.GROUPS` adds them to its groups.

The phrase lists in `flows.crisis_phrases` were whole phrases; on fresh messages they caught about half.
These lists name the *parts* a family is said with — a verb stem ("избива*", "застрел*"), a slang word
("kms", "unaliv*"), a request for photos and the words that make it intimate — so new word orders and
endings still meet. Same syntax as there: "*" ends a stem, "~" lets up to three words stand between.
"""

from __future__ import annotations

Phrases = tuple[str, ...]

# --- self-harm and suicide ---------------------------------------------------------------------------
SELF_HARM_STEMS: Phrases = (
    # en
    "kms", "unaliv*", "want it all to end", "it all to end", "want it to end", "not wake up", "wake up anymore",
    "if i was dead", "if i were dead", "if i was gone", "if i were gone", "if i died", "when im gone",
    "happier without me", "better without me", "cut my wrist*", "cutting my wrist*", "cut my wrists",
    "point of living", "point in living", "point of being alive", "reason to live", "how many pills",
    "pills would it take", "pills does it take", "die without pain",
    "dont wanna be alive", "dont want to be alive", "not want to be alive", "wanna disappear",
    "want to disappear", "done with life", "done with living", "sick of living", "tired of life",
    "im ending it", "thinking about ending it", "end it soon", "gonna end it", "going to end it", "end it all",
    "end my life",
    "i have a rope", "ive got a rope", "i got a rope", "bought a rope", "got a noose", "noose*",
    "burn my arm*", "burning my arm*", "burning myself", "cut again", "cut myself again",
    "self harming", "goodbye letter*", "goodbye note*", "suicide note*", "planning my suicide",
    # ru
    "не должно существовать", "меня не должно быть", "чтоб меня не было", "чтобы меня не было",
    "меня не станет", "резалась", "резался", "режу себя", "режу вены", "царапаю руки",
    "царапаю себя", "расцарапываю*", "царапаю ~ до крови", "режу ~ до крови", "сколько таблеток", "таблеток надо",
    "таблеток нужно",
    "чтобы умереть", "чтоб умереть", "покончу с этим", "покончить с этим", "закончить все", "закончу все",
    "все закончить", "прощальное письмо", "прощальную записку", "прощальное сообщение", "не проснуться",
    "не просыпаться больше", "уйти из жизни", "уйду из жизни", "жить не хоч*", "неохота жить", "нет смысла жить*",
    "у меня есть веревка", "купила веревку", "купил веревку", "повешусь", "повеситься", "повешаюсь", "вешаться",
    "без меня будет лучше",
    "будет лучше без меня", "лучше без меня", "сдохнуть",
    # kk
    "болмағаным жақсы", "болмасам екен", "жоқ болсам екен", "жоқ болып кетсем", "өлейін деп жүр*",
    "қалай өлуге", "ауыртпай өл*", "ішсе өл*", "қоштасу хат*", "хат ~ қоштасу*",
    "менсіз ~ бақытты*", "менсіз жақсы болады", "менсіз бәріне жақсы", "асылу", "асыламын", "асылам", "арқан алдым",
    "арқан дайында*", "арқан сатып алдым", "оянбай қалғым", "оянбасам екен",
    "өлгім*",
    "тоқтатқым келеді өмір*", "өмірімді ~ тоқтат*", "мүлдем жоғал*", "жоғалып кеткім ~ мүлдем", "мәңгіге жоғал*",
    "никогда не просыпаться", "просто исчезнуть", "keep living like this", "cant live like this",
    "cant keep living", "deserve to live", "deserve to be alive", "не заслуживаю жить", "өмір сүруге лайық емес*",
    "cutting is", "cutting helps",
)
# A rope bought for a class or a trip is not a plan (the calm of self_harm, its sentence only).
SELF_HARM_CALM: Phrases = (
    "camping", "gym", "pe class", "jump rope", "jumping rope", "skipping", "for the swing", "физкультур*",
    "скакалк*", "поход*", "для спорта", "дене шынықтыру*", "секіртпе*", "спортқа", "турник*",
)
SUICIDE_NOW_STEMS: Phrases = (
    # en
    "swallowed ~ pills", "swallowed ~ tablets", "overdos*",
    "drank bleach", "drank ~ bleach", "drank some bleach", "bleeding a lot", "cut too deep",
    "ending it tonight", "tonight is the night", "knife ready", "blade ready", "pills ready", "rope ready",
    "rope tied", "tied the rope", "goodbye everyone",
    # ru
    "наелась таблеток", "наелся таблеток", "выпила уксус*",
    "выпил уксус*", "выпила ~ уксус*", "выпил ~ уксус*", "наглоталась*", "наглотался*",
    "сегодня ~ покончу", "прощайте всех", "прощайте все", "всех люблю прощайте", "порезалась глубоко",
    "порезался глубоко", "глубоко порезал*", "лезвие в руке", "лезвие ~ прямо сейчас",
    "стою на мосту", "стою на крыше", "я на крыше", "выйду в окно",
    # kk
    "көп таблетка іш*", "таблетканы көп іш*", "көп дәрі іш*", "дәріні түгел іш*", "дәрілерін түгел іш*",
    "түгел іштім", "көп ішіп қойдым", "қоштасыңдар", "қош болыңдар бәрің*",
    "көпірдің үстінде тұрмын", "шатырда тұрмын", "секіргелі тұрмын", "соңғы хат*", "қан тоқта*",
    "cant stop bleeding", "cut too much", "кровь не остановить",
)
# Despair with the means in hand ("нож в руке, хочу закончить всё"); swallowing many pills.
DESPAIR_MORE: Phrases = ("закончить все", "хочу закончить", "бәрін бітіргім келеді", "end it all", "im done")
MEANS_MORE: Phrases = ("нож в руке", "қолымда пышақ", "knife ready", "the knife", "пышақ бар")
SWALLOWED_MORE: Phrases = (
    "took like", "took a bunch", "took so many", "took too many", "took a lot", "много таблеток", "кучу таблеток",
   "көп іштім", "түгел іштім", "көп ішіп", "түгел ішіп", "бәрін ішіп", "swallowed a bunch")

# --- sexual exploitation -----------------------------------------------------------------------------
# A recording of the child, then a threat to share it: "recorded our video call and says he'll leak it".
RECORDED: Phrases = (
    "recorded*", "screenshot*", "screen recorded", "записал*", "записали", "заскринил*", "скрины",
    "жазып ал*", "видеоға жазып", "скриншот*",
)
SHARE_THREAT_MORE: Phrases = (
    "leak*", "expose*", "show everyone", "слить", "сольет", "сольют", "угрожа*", "қорқыт*", "тарат*",
)
MONEY_MORE: Phrases = ("want money", "wants money", "хочет денег", "хочет деньги", "ақша сұра*", "ақша талап*")
SEXTORTION_STEMS: Phrases = (
    "or they post", "or he posts", "or she posts", "or hell post", "or theyll post", "if i block him",
    "hes gonna expose", "going to expose", "gonna expose", "expose my", "leak them",
    "разошлет всем", "разошлет мои", "слить мои", "выложит мои", "выложит фот*", "выложат фот*",
    "отправит маме", "отправит папе", "отправит родителям", "интимные фот*", "голыми фото",
    "фотоларымды жариял*", "суреттерімді жариял*", "фоткаларымды интернетке", "суретімді жібермесең",
    "суреттерімді тарат*", "суретімді тарат*", "ата анама жіберем*",
)
# --- grooming: asking a child for photos, its demand, its secrecy ------------------------------------
PHOTO_DEMAND: Phrases = (
    # en: asking "me" for pictures, said of a person ("he", "this guy"), or demanding them
    "he asked me to send pic*", "he asks me to send pic*", "he asked me for pic*", "he asks me for pic*",
    "he keeps asking me to send", "hes asking for pic*", "hes asking me for pic*",
    "keeps asking for pic*", "keeps asking for photo*", "keeps asking me for pic*", "keeps asking me for photo*",
    "demanding pic*", "demanding photo*", "demands pic*", "demands photo*", "demanding nudes",
    "asks me for pics of",
    # ru
    "требует фот*", "требует ~ фот*", "требуют фот*", "требует фотк*", "требует нюд*", "просит ~ фото без",
    "просит скинуть интим*", "просит показать себя",
    "показать себя по видео", "показать себя на камеру", "скинуть фото голых", "фото голых",
    # kk
    "фото талап*", "сурет талап*", "суретімді талап*", "фотомды талап*", "фото жібер деп жаз*",
    "суретіңді жібер деп", "суретімді сұрап", "шешінген суретімді", "шешінген сурет*", "видеода шешін*",
    "камерада шешін*", "видеоға шешін*", "интим фото", "ата анаңа ~ айтпа", "анаңа ~ айтпа",

)
INTIMATE_MORE: Phrases = (
    "my body", "your body", "of my body", "without my shirt", "without my clothes", "without clothes",
    "clothes off", "take off my", "take off your", "photos of me", "pics of me", "pictures of me",
    "показать себя", "себя по видео", "без одежды", "денемнің*", "денеңнің*", "денеңді*", "шешін*", "киімсіз*",
)
SECRET_CHATS: Phrases = (
    "about our chats", "about our chat", "about us", "our chats", "our messages", "нашу переписку",
    "наши сообщения", "про нашу переписку", "про нас", "біздің хат*", "жазысқанымыз*",
    "ата анаңа ~ айтпа", "ата анаңа ештеңе айтпа", "никому не говорить", "ешкімге айтпа*",
)
SECRECY_TO_PARENTS: Phrases = (
    "not to tell my mom", "not to tell my mum", "not to tell my parents", "not to tell my dad",
    "not tell my mom", "ничего не говорить родителям", "не говорить родителям", "не говорить маме",
    "ата анаңа айтпа", "анаңа айтпа",
)
# Gifts, birthdays and surprises are the usual innocent secrets ("our little secret what we got mom").
SURPRISE: Phrases = (
    "birthday", "gift", "present", "surprise*", "подар*", "сюрприз*", "день рождения", "днюх*",
    "сыйлық*", "туған күн*", "тосын сый*", "сыйлайтын*",
)
# Adults named in ways the first lists missed.
ADULT_MORE: Phrases = (
    "интернеттегі", "интернеттегі кісі", "интернеттегі адам", "grown man", "an older man", "older man",
    "older guy", "guy from the game", "from the game", "from insta", "ересек*", "ағай", "дядя", "дядька",
    "мужик*",
)

# --- threats and danger now ---------------------------------------------------------------------------
THREAT_STEMS: Phrases = (
    # en
    "find me and", "theyll find me", "hell find me", "will find me", "hurt me", "burn my house*",
    "burn down my house", "watch my back", "watch your back", "im next", "youre next", "ur next",
    "gonna shoot", "going to shoot", "will shoot me", "hell shoot", "threatened to break", "threatens to break",
    # ru
    "застрел*", "пристрел*", "покалеч*", "найдут меня", "найду тебя", "найдут и", "сожгу*", "сожгут",
    "сжечь квартиру", "сжечь дом", "подожгу", "подожгут", "меня порвут", "порвут меня", "убьют", "убьет",
    "зарежут меня", "зарежет меня", "меня зарежут", "изобьют", "изобьем", "избить после",
    # kk
    "майып қыл*", "тауып алып", "мені табып", "өртеймін*", "өртейміз*", "сойып*", "сойамын", "мылтық әкел*",
    "ұрамыз деді", "ұрамыз деп", "өлтіреміз*", "өлтіремін деп", "сабаймыз деп",
)
WAITS_FOR_ME: Phrases = (
    "waiting for me", "outside my door", "outside my house", "at my door", "ждет меня", "ждёт меня",
    "ждут меня", "под дверью", "у двери", "мені ~ күтіп тұр", "есіктің алдында", "есік алдында",
    "подъездтің алдында",
)
NOW_ONLY: Phrases = ("right now", "rn", "now", "сейчас", "щас", "прямо сейчас", "қазір", "дәл қазір")
SHOUTING: Phrases = (
    "screaming", "yelling", "banging", "кричит", "орет", "ломится", "стучит", "айғайла*", "тарсылда*",
)
COMING: Phrases = (
    "hes coming", "he is coming", "theyre coming", "they are coming", "hes here", "he is here", "он идет",
    "он идёт", "они идут", "он рядом", "он здесь", "келе жатыр", "қасымда",
)
HELP_WORDS: Phrases = (
    "please help", "помогите", "помоги", "спасите", "көмектесіңдер*", "көмектесіңізші", "құтқарыңдар", "құтқарыңыз",
    "scared", "страшно", "қорқ*",
)
FOLLOWED_MORE: Phrases = ("за мной следят", "следят за мной", "аңдып жүр", "is following me", "следит")

# --- abuse ---------------------------------------------------------------------------------------------
HITS: Phrases = (
    "ұрады", "соғады", "сабайды", "hits me", "beats me", "бьет", "избивает", "избивают", "избива*",
)
ABUSE_STEMS: Phrases = (
    "избивает меня", "меня избива*", "постоянно избива*", "брат ~ избивает", "отец ~ избивает",
    "ағам ~ ұрады", "әкем ~ ұрады", "анам ~ ұрады", "өгей әкем ~ ұрады", "ағам ~ соғады", "әкем ~ соғады",
)
# --- others pushing a child to die, and the "tasks" of death groups ---------------------------------
INCITEMENT_STEMS: Phrases = (
    "барып асыл*", "асыл деп", "асылып өл деп", "өліп қал деп", "өл деп", "иди повесься", "иди вскройся",
    "лучше сдохнуть", "тебе лучше сдохнуть", "мне лучше сдохнуть", "go die", "should just die already",
)
TASKS: Phrases = (
    "task*", "dare*", "challenge*", "задани*", "задание", "на спор", "челлендж*", "тапсырма*", "мәжбүрле*",
    "заставляют", "заставляет",
)
DIE_TASK: Phrases = (
    "to die", "die", "jump from", "jump off", "cut myself", "cut your", "cut my", "умереть", "прыгнуть с",
    "порезать руку", "порезать себя", "өлу", "өлім*", "шатырдан секір*", "терезеден секір*", "көпірден секір*",
    "қолыңды кес*", "қолымды кес*", "hold your breath", "pass out",
)
# A level of a game is a task to jump, not a death group's task.
GAME_LEVEL: Phrases = ("level", "уровень", "уровня", "деңгей*", "деңгейден")

# "I'm jumping" with a goodbye; "I'll do it" with everything ready.
JUMPING: Phrases = ("прыгаю", "im jumping", "секіремін", "секірем", "прыгну", "i will jump", "ill jump")
GOODBYE: Phrases = ("қош бол*", "қоштасыңдар", "прощайте", "прощай", "goodbye", "bye forever")
DO_IT_NOW: Phrases = (
    "gonna do it", "going to do it", "do it tonight", "сделаю это", "бүгін жасаймын", "бүгін істеймін",
)
READY: Phrases = (
    "everything ready", "have it ready", "all ready", "все готово", "всё готово", "бәрі дайын", "бәрін дайында*",
)
# Someone holding the child's pictures and saying they will spread them.
MY_MEDIA: Phrases = (
    "my pics", "my photos", "my pictures", "my video*", "video of me", "мои фот*", "мои видео", "видео со мной",
    "фоткаларым*", "фотоларым*", "суреттерім*", "суретім*", "видеом*",
)
SPREAD_SAID: Phrases = (
    "will send them to", "send them to my", "will post them", "hell post", "shell post", "theyll post",
    "will show everyone", "выложит", "разошлет", "отправит всем", "покажет всем", "жіберемін дейді",
    "саламын дейді", "саламын деп", "таратамын", "көрсетемін дейді", "мектепке жіберемін",
)
OR_POST: Phrases = ("or ~ post", "or ~ leak", "or ~ send them", "иначе ~ выложит", "иначе ~ отправит", "или ~ выложит")
# Deleting the chats so a parent won't see.
DELETE_CHATS: Phrases = (
    "delete our chat*", "delete the chat*", "delete our messages", "удалить переписку", "удали переписку",
    "удалять переписку", "хаттарды өшір*", "чатты өшір*", "хатты өшір*",
)
PARENT_SEES: Phrases = (
    "mom doesnt see", "mom wont see", "parents dont see", "мама не увидела", "родители не увидели", "анаң көрмесін",
    "ата анаң көрмесін", "mom", "parents", "мама", "родител*", "анаң", "ата анаң",
)
