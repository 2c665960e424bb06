"""Typed answers to the age and region questions: data only, read by flows.freetext.

Names are written as people type them; matching folds script and case (flows.textnorm), so
"Алматы", "almaty" and "Алма-Ата" meet. A final "*" lets a word go on ("карагандин*"). When two
regions match, the longest name wins: "Алматы облысы" is the region, "Алматы" alone the city.
"""

from __future__ import annotations

REGION_NAMES: dict[str, tuple[str, ...]] = {
    "astana": ("астана*", "astana*", "нур султан*", "нурсултан*", "nur sultan*", "nursultan*", "целиноград*",
               "акмолинск"),
    "almaty_city": ("алматы", "алмата", "алма ата", "almaty", "almata", "alma ata", "алматы қаласы", "г алматы",
                    "город алматы", "алматинец", "алматинка"),
    "shymkent": ("шымкент*", "shymkent*", "чимкент*", "chimkent*"),
    "abai": ("абай облыс*", "абайская", "абайской", "область абай", "abai region", "abai oblast", "abay region",
             "abai", "abay", "абай", "семей*", "semei*", "semey*", "семипалатинск*", "аягоз*", "курчатов*"),
    "akmola": ("акмол*", "ақмол*", "akmol*", "кокшетау*", "көкшетау*", "kokshetau*", "косшы*", "степногорск*",
               "щучинск*", "бурабай*", "боровое"),
    "aktobe": ("актобе*", "ақтөбе*", "aktobe*", "aqtobe*", "актюбинск*"),
    "almaty_region": ("алматинская*", "алматинской*", "алматы облыс*", "алматы обл", "almaty region",
                      "almaty oblast", "almaty obl", "конаев*", "қонаев*", "konaev*", "kunaev*", "капчагай*",
                      "капшагай*", "kapchagai*", "kapshagai*", "талгар*", "каскелен*", "қаскелең*", "есик*",
                      "есік*"),
    "atyrau": ("атырау*", "atyrau*", "кульсары", "құлсары"),
    "east_kz": ("восточно казахстан*", "вко", "шығыс қазақстан*", "east kazakhstan*", "east kz", "усть каменогорск*",
                "өскемен*", "оскемен*", "oskemen*", "ust kamenogorsk*", "риддер*", "ridder*", "алтай"),
    "jambyl": ("жамбыл*", "jambyl*", "zhambyl*", "тараз*", "taraz*", "шу", "жанатас*", "каратау*"),
    "jetisu": ("жетісу*", "жетысу*", "jetisu*", "zhetysu*", "талдыкорган*", "талдықорған*", "taldykorgan*",
               "taldyqorgan*", "текели*", "жаркент*"),
    "karaganda": ("караганд*", "қарағанд*", "karagand*", "qaragand*", "темиртау*", "теміртау*", "temirtau*",
                  "балхаш*", "балқаш*", "шахтинск*", "сарань*", "абай қаласы"),
    "kostanay": ("костана*", "қостана*", "kostana*", "qostana*", "кустана*", "рудный", "рудном", "rudny",
                 "лисаковск*", "аркалык*"),
    "kyzylorda": ("кызылорд*", "қызылорд*", "kyzylord*", "qyzylord*", "байконур*", "байқоңыр*", "аральск*",
                  "арал"),
    "mangystau": ("мангист*", "маңғыста*", "мангыста*", "mangyst*", "mangist*", "актау*", "ақтау*", "aktau*",
                  "aqtau*", "жанаозен*", "жаңаөзен*", "zhanaozen*", "мангышлак*"),
    "north_kz": ("северо казахстан*", "ско", "солтүстік қазақстан*", "north kazakhstan*", "north kz",
                 "петропавл*", "petropavl*", "кызылжар*", "қызылжар*"),
    "pavlodar": ("павлодар*", "pavlodar*", "экибастуз*", "екібастұз*", "ekibastuz*", "аксу*", "ақсу*"),
    "turkistan": ("туркестан*", "түркістан*", "turkistan*", "turkestan*", "кентау*", "арыс*", "сарыагаш*",
                  "жетысай*"),
    "ulytau": ("улытау*", "ұлытау*", "ulytau*", "жезказган*", "жезқазған*", "zhezkazgan*", "jezkazgan*",
               "сатпаев*", "satpaev*"),
    "west_kz": ("западно казахстан*", "зко", "батыс қазақстан*", "west kazakhstan*", "west kz", "уральск*",
                "орал", "оралда", "oral", "uralsk*", "аксай", "ақсай"),
}

# Ages typed as words (kk, ru, en), so "пятнадцать" and "он бес жаста" read as 15.
AGE_WORDS: dict[int, tuple[str, ...]] = {
    5: ("five", "пять", "бес"), 6: ("six", "шесть", "алты"), 7: ("seven", "семь", "жеті"),
    8: ("eight", "восемь", "сегіз"), 9: ("nine", "девять", "тоғыз"), 10: ("ten", "десять", "он"),
    11: ("eleven", "одиннадцать", "он бір"), 12: ("twelve", "двенадцать", "он екі"),
    13: ("thirteen", "тринадцать", "он үш"), 14: ("fourteen", "четырнадцать", "он төрт"),
    15: ("fifteen", "пятнадцать", "он бес"), 16: ("sixteen", "шестнадцать", "он алты"),
    17: ("seventeen", "семнадцать", "он жеті"), 18: ("eighteen", "восемнадцать", "он сегіз"),
}
# "I don't know" at the age step.
AGE_UNKNOWN: tuple[str, ...] = (
    "dont know", "do not know", "not sure", "no idea", "idk", "не знаю", "незнаю", "хз", "не уверен*",
    "білмеймін", "білмедім", "белгісіз",
)
