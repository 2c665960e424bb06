"""Words that suggest a report's category when a child describes a problem in their own words.

Data only; flows.freetext reads it. Phrases are written as people type them, in any script
(Kazakh, Russian and English; Cyrillic or Latin, Kazakh with Russian look-alike letters, Russian in
translit all fold to one skeleton, see flows.textnorm). A phrase matches from a word start to a word
end; a final "*" lets the last word go on ("травл*" reads "травля", "травлю"). The category with the
most phrases found is suggested; on a tie the one listed first (the more serious) wins. The child
always confirms or changes the suggestion, so a wrong guess costs one tap, never a wrong report.

Crisis phrases (flows.crisis_phrases) are read before these and win.
"""

from __future__ import annotations

CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "csam": (
        "child porn*", "kiddie porn*", "csam", "cp", "nudes of kids", "nudes of children", "naked kids",
        "naked children", "naked child", "kids naked", "children naked", "детское порно", "детская порнограф*",
        "порно с детьми",
        "голые дети", "голых детей", "фото голых детей", "цп", "балалар порно*", "балалардың порно*",
        "жалаңаш балалар*", "балалардың жалаңаш*",
    ),
    "grooming": (
        "groom*", "wants to meet me", "wants to meet up", "asks me to meet", "older man", "older guy",
        "adult man", "grown man", "a stranger", "stranger keeps", "asks for pics", "asking for pics",
        "asks me for pics", "send pics", "send nudes", "asked for nudes", "asks for nudes", "sexting",
        "груминг*", "хочет встретиться", "зовет встретиться", "предлагает встретиться", "взрослый мужчина",
        "взрослый парень", "незнаком*", "просит фото",
        "требует фото", "требует фотки", "просит фотки", "просит скинуть фото", "просит нюдсы",
        "нюдс*", "интим*", "кездесу*", "кездескісі келеді", "ересек адам", "ересек ер адам", "бейтаныс*",
        "сурет сұрап", "суретімді сұрап", "фото сұрап", "жалаңаш сурет*", "шешініп",
    ),
    "blackmail": (
        "blackmail*", "extort*", "sextort*", "threatens to post", "threatened to post", "threatens to send",
        "threatens to share", "threaten to post", "threaten to share", "threatening to post", "unless i pay",
        "or he will post", "or they will post", "send money or", "wants money",
        "demands money", "шантаж*", "вымога*", "угрожает выложить", "угрожают выложить", "угрожает слить",
        "угрожает отправить", "требует деньги", "требуют деньги", "требует денег", "требует перевести",
        "иначе выложит", "иначе сольет", "бопса*", "қорқытып", "қорқытады", "ақша талап*", "ақша сұрап",
        "ақша сұрайды", "жариялаймын деп", "таратамын деп", "салып жіберемін деп",
    ),
    "groups": (
        "death group*", "blue whale", "suicide group*", "drug*", "weed", "dealer*", "terror*", "extremis*",
        "recruit*", "scam*", "fraud*", "fake giveaway", "casino", "betting", "группы смерти", "группа смерти",
        "синий кит", "тихий дом", "наркот*", "закладк*", "закладчик*", "курьер*", "вербов*", "вербуют",
        "экстрем*", "террор*", "мошенни*", "мошенн*", "развели на деньги", "развод на деньги", "обманули",
        "казино", "ставки", "лохотрон*", "өлім топтар*", "есірткі*", "экстремист*", "террорист*", "алаяқ*",
        "алдап кетті", "алданып", "ақшамды алды",
    ),
    "privacy": (
        "hack*", "fake account", "fake page", "fake profile", "stole my account", "stolen account",
        "account was stolen", "my password", "posted my photo", "posted my photos", "posted my pics",
        "leaked my", "leaked", "shared my photo", "shared my number", "my address", "my phone number",
        "spreading rumo*", "spread rumo*", "rumo*", "lies about me", "lying about me", "slander*", "doxx*",
        "взлом*", "взломал*", "фейк*", "фейков*", "украли аккаунт", "украли страницу", "мой пароль",
        "слил*", "слив*", "выложил мое фото", "выложили мое фото", "выложили мои фото", "выложил мои фото",
        "выложили фото", "мои фото", "мой номер", "мой адрес", "клевет*", "сплетн*", "распускают слухи",
        "слух*", "врут про меня", "бұзып*", "бұзды", "бұзылды", "парақшам*", "аккаунтым*", "жалған парақша*",
        "жалған аккаунт*", "суретімді сал*", "суретімді тарат*", "суретімді жариял*", "нөмірімді тарат*",
        "жала жап*", "өсек*", "жеке мәлімет*", "құпия сөз*",
    ),
    "bullying": (
        "bully*", "bulli*", "harass*", "mock*", "teas*", "insult*", "humiliat*", "make fun of", "makes fun of",
        "hate comment*", "laugh at my", "laughing at my",
        "making fun of", "laugh at me", "laughing at me", "laughs at me", "call me names", "calls me names",
        "calling me names", "hate me", "troll*", "pick on me", "picking on me", "exclude me", "excluded",
        "кибербуллинг*", "буллинг*", "буллят", "травл*", "травят", "травит", "затравил*", "издева*",
        "оскорб*", "унижа*", "унизил*", "дразн*", "обзыва*", "смеются надо мной", "надо мной смеются", "смеются над",
        "пишут гадости", "гадости", "насмеха*", "гноб*",
        "высмеива*", "игнорят", "достают", "прикалываются надо мной", "мазақ*", "қорла*", "кемсіт*",
        "балағат*", "боқта*", "мұқат*", "келеке*", "күледі", "күліп", "тіл тигіз*", "ат қойып", "шеттет*",
        "сыныптастар*", "одноклассник*", "classmates", "group chat", "общем чате", "беседе", "топтық чат*",
    ),
}

# Words that say a message is a description (not a stray word): the child, the harm, the place.
# Used only to tell a problem told without a category word from a greeting; see flows.freetext.
PROBLEM_WORDS: tuple[str, ...] = (
    "someone", "somebody", "they", "he", "she", "keeps", "always", "online", "instagram", "insta",
    "tiktok", "telegram", "whatsapp", "vk", "youtube", "chat", "school", "problem", "happened",
    "кто то", "они", "он", "она", "постоянно", "в интернете", "инстаграм*", "инст*", "тикток*", "телеграм*",
    "ватсап*", "вк", "ютуб*", "чат*", "школ*", "проблем*", "случилось", "біреу", "олар", "ол", "үнемі",
    "интернетте", "чатта", "мектепте", "мәселе", "болды",
)
