"""Word lists the matcher reasons with: legal forms, generic words, titles, context cues.

How common a word is comes from `wordfreq` (Zipf scale: 7 is 'the', 3 is a rare word).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from wordfreq import freq_to_zipf, get_frequency_dict, zipf_frequency

LEGAL_FORMS = frozenset(["korporatsiya", "korporatsii", "llc", "ltd", "limited", "ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc", "pjsc", "gmbh", "ag", "sa", "sas", "sarl", "sarlu", "bv", "nv", "inc", "incorporated", "corp", "corporation", "co", "plc", "srl", "spa", "fze", "fzco", "fzc", "fz", "llp", "lp", "pte", "pty", "kg", "ug", "sro", "doo", "dd", "ad", "tov", "pp", "ltda", "cv", "sdn", "bhd", "tbk", "ooo", "mchj", "chp", "gie", "eurl", "eirl", "sae", "sal", "wll", "bsc", "qsc", "psc", "kft", "zrt", "nyrt", "spzoo", "sp", "oy", "ab", "as", "establishment", "est",
    # Russian legal forms, transliterated many ways: no company is named by these words.
    "obshchestvo", "obshestvo", "obschestvo", "ogranichennoi", "ogranichennoy", "ogranichennoj",
    "ogranichennoj", "otvetstvennostyu", "otvetstvennostiu", "otvetstvennostju", "otvetstvennost",
    "aktsionernoe", "aktsionernoye", "aktsionernoye", "publichnoe", "publichnoye", "zakrytoe", "zakrytoye",
    "otkrytoe", "otkrytoye", "tovarystvo", "tovaristvo", "obmezhenoyu", "vidpovidalnistyu",
    # Russian and Ukrainian organisation types: commercial bank, non-profit, research and
    # production, state and municipal enterprises, autonomous non-profit, public/private JSC.
    "akb", "kb", "nko", "npo", "npp", "fgup", "gup", "mup", "fgbu", "ano", "nao", "pat", "prat", "zat",
    # ... and oil company, research and production company or firm, experimental design bureau,
    # (central) research institute, trading house, trading company, group of companies
    "nk", "npk", "npf", "okb", "nii", "tsnii", "td", "tk", "gk",
    "pvt", "dac", "fsue", "sue", "tnhh", "eireli", "ltda", "sdn", "bhd", "gmbh",
    # Dubai free-zone, Bulgarian, North Macedonian, Lithuanian, Latvian, Finnish, Turkish, Albanian
    "dmcc", "ood", "eood", "ead", "dooel", "uab", "sia", "oyj", "sti", "shpk",
    # the same forms written out: German, Austrian, Swiss, Nordic, Dutch, Polish
    "aktiengesellschaft", "kommanditgesellschaft", "aktiebolag", "aktieselskab", "aksjeselskap",
    "anpartsselskab", "osakeyhtio", "vennootschap", "akcyjna"])
# The same generic word of an organisation's name in the languages lists use: compared as one
# word by `compare` and `search` ("BANCO CENTRAL DE VENEZUELA" ~ "CENTRAL BANK OF VENEZUELA").
_ORG_SYNONYM_WORDS = {
    "bank": "banco banque banca bankasi banka banki bankas",
    "group": "grupo gruppo gruppa gruppy groupe gruppe grup grupa grupy grubu csoport skupina skupiny grupul gruppen "
             "concern kontsern jituan",
    "company": "compania compagnie kompaniya kompania sirketi ko co sherkat shirkat sharikat sharikah shrkh shrkt",  # (Russian "i Ko", Ilyushin Finans Ko; Co.)
    "pmc": "chvk pvk",  # a private military company, ЧВК (Ukrainian ПВК)
    "international": "internacional internationale internazionale interneshnl mezhdunarodnyi intl",
    "central": "centrale tsentralnyy tsentralnyi tsentralnyj tsentralnaya tsentralnogo",
    "steel": "foolad fulad foulad fwlad stal",
    "system": "systems sistem sistema sistemy",
    "technology": "technologies tekhnologii tekhnologiya tecnologia tecnologias technologie tech",
    "engineering": "inzhiniring",
    "insurance": "sigorta bimeh strakhovaya",
    "oil": "neft naft neftyanaya neftyanoy neftyanoe neftyanye",
    "plant": "zavod",
    "factory": "fabrika fabrica",
    "center": "centre centro tsentr markaz",
    "institute": "institut instituto",
    "ministry": "ministerstvo vezarat",
    "logistics": "logistika logistik logistica",
    "electronics": "elektroniks elektronika electronica",
    "finance": "finans finansy finanzas financial finansovaya finansovyi finansovyy finansovoe",
    "mobile": "mobayl",
    "media": "medya",
    "trade": "torgovyi torgovyy",
    "investment": "investments investitsii inversiones investitsionnaya investitsionnyi investitsionnyy "
                  "investitsionnoe investitsionnaia",
    "shipping": "sudokhodnaya shpg",
    # English abbreviations of such words (KOREA SAMMA SHPG CO, NINGBO ... IMP. & EXP. CO.)
    "import": "imp", "export": "exp eksportnyi eksportnyy eksportnaya eksportnoe", "manufacturing": "mfg", "national": "natl melli milli mly",
    "services": "svcs sluzhba sluzhby khidamat khadamat", "brothers": "bros", "hotel": "otel", "standard": "standart",
    "corporation": "corp",
    "trading": "maoyi",  # Chinese 贸易
    "air": "airlines airline airways avialinii aviakompaniya",
    # Words of state bodies' and banks' names, as Russian names transliterate them:
    # "Сбербанк России" is SBERBANK OF RUSSIA, "Министерство обороны" the Ministry of Defence.
    "russia": "russian rossii rossiya rossiyskoy rossiyskaya rossiyskiy rossiyskogo rossiyskie rossiiskoi rossiiskaya "
              "rossiiskii rossiiskie",
    "federation": "federatsii federatsiya federatsiyi",
    "defence": "defense oborony oboronnyi",
    "republic": "respubliki respublika",
    "bureau": "byuro biuro",
    "design": "konstruktorskoe konstruktorskoye",
    # Russian words of what a firm is (NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE is a research and
    # production enterprise, NPP):
    "enterprise": "predpriyatie predpriyatiye predpriiatie",
    "production": "proizvodstvennoe proizvodstvennoye proizvodstvennaya proizvodstvennyi",
    "scientific": "nauchno nauchnoe nauchnoye nauchnyi",
    "research": "issledovatelskii issledovatelskiy issledovatelskogo",
    "association": "obedinenie obyedinenie obiedinenie obedineniye",
    "management": "menedzhment mgmt upravlyayushchaya upravlyayushchiy upravlyayushchii",
    "holding": "kholding",
    "commercial": "kommercheskii kommercheskiy kommercheski",
    "state": "gosudarstvennoe gosudarstvennoye gosudarstvennyi gosudarstvennyy gosudarstvennaya gosudarstvennaia",
    "federal": "federalnoe federalnoye federalnyi federalnyy federalnaya federalnogo",
    "united": "obedinennaya obyedinennaya obedinennyy obedinennye obedinennoe",
    "aircraft": "aviastroitelnaya aviastroitelnyi aviastroitelnyy aviastroitelnoe",  # (aircraft-building)
    "shipbuilding": "sudostroitelnaya sudostroitelnyi sudostroitelnyy sudostroitelnoe sudostroitelnogo",
    "arctic": "arkticheskaya arkticheskii arkticheskiy arkticheskoe",
    "security": "bezopasnosti bezopasnost",
    "agency": "agentstvo agentstva",
    "news": "novostei novostey",
    "construction": "stroitelnaya stroitelnyi stroitelnyy stroitelnoe",
    "repair": "remontnyi remontnyy remontnaya remontnoe remontny",
    "instrument": "priborostroeniya priborostroitelnyi priborostroitelnyy priborostroitelnoe",  # (instrument-making)
    "project": "proektnye proektnyi proektnaya proektnoe proekt",
    "technological": "tekhnologicheskii tekhnologicheskiy tekhnologicheskaya tekhnologicheskoe",
    "unitary": "unitarnoye unitarnoe",
    "foreign": "inostrannoye inostrannoe inostrannaya",
    "north": "severnoe severnoye severnaya severnyy severnyi",
    "leasing": "lizingovaya lizing",
    "battery": "akkumulyatornaya akkumulyatornyi",
    "coal": "ugolnye ugolnaya ugolnyi ugolnyy",
    # Arabic and Persian words of such names, romanised and as Arabic script folds (جبهة 'jbhh',
    # ة also t): JABHAT AL-NUSRAH is the AL-NUSRAH FRONT, SARAFI RASHED the RASHED EXCHANGE,
    # شبكة محمد جمال the MUHAMMAD JAMAL NETWORK, SHERKAT-E MELLI-YE SAKHTEMAN MELLI SAKHTEMAN COMPANY.
    "front": "jabhat jabhah jabha jebhe jebhat jbhh jbht",
    "army": "jaysh jaish jeish jeysh jysh",
    "movement": "harakat harakah haraka hrkh hrkt",
    "organization": "tanzim tanzeem tndhym",
    "office": "maktab makhtab mktb",
    "network": "shabaka shabakat shabakah shbkh shbkt",
    "exchange": "sarafi sarrafi sarafie srafy",
    "battalion": "katibat katiba katibah ktybh ktybt",
    "brigades": "kataib kataeb ktaib",
    "brigade": "liwa liwaa lwa",
    "council": "majlis mjls",
    "foundation": "bonyad bnyad muassasat muassasa mussh musst",
    "complex": "mojtame mujamma mjtm",
    "development": "tosee toseh tose twsh",
    "cement": "siman",
}
# The words of Chinese firms' names in Han characters, simplified and traditional, as the lists'
# English names write them (華信船務(香港)有限公司 is HUAXIN SHIPPING (HONG KONG) LTD): read so by
# `compare`, the rest of the name by its characters' pinyin.
HAN_ORG_WORDS = {
    "股份有限公司": "co ltd", "有限責任公司": "llc", "有限责任公司": "llc", "有限公司": "co ltd", "公司": "company",
    "集團": "group", "集团": "group", "國際": "international", "国际": "international", "貿易": "trading",
    "贸易": "trading", "船務": "shipping", "船务": "shipping", "海運": "shipping", "海运": "shipping",
    "航運": "shipping", "航运": "shipping", "技術": "technology", "技术": "technology", "科技": "technology",
    "香港": "hong kong", "中國": "china", "中国": "china", "實業": "industrial", "实业": "industrial",
    "工業": "industry", "工业": "industry", "控股": "holdings", "投資": "investment", "投资": "investment",
    "發展": "development", "发展": "development", "電子": "electronics", "电子": "electronics",
    "進出口": "import export", "进出口": "import export", "物流": "logistics", "石油": "petroleum",
    "化工": "chemical", "能源": "energy", "銀行": "bank", "银行": "bank", "機械": "machinery", "机械": "machinery",
    "設備": "equipment", "设备": "equipment", "材料": "materials", "會社": "company", "会社": "company",
    "北方": "north", "聯合": "joint", "联合": "joint", "朝鮮": "korea", "朝鲜": "korea", "合營": "joint venture", "合营": "joint venture",
}
ORG_SYNONYMS = {word: canonical for canonical, words in _ORG_SYNONYM_WORDS.items() for word in words.split()}
# Each canonical word with the words that stand for it ("bank": bank, banco, banque, ...).
ORG_SYNONYM_GROUPS = {canonical: frozenset([canonical, *words.split()]) for canonical, words in _ORG_SYNONYM_WORDS.items()}
# Multi-word legal forms, in folded words; each word of the phrase is then a legal word.
LEGAL_PHRASES = tuple(
    tuple(p.split())
    for p in (
        "limited liability company", "joint stock company", "public joint stock company",
        "closed joint stock company", "open joint stock company", "private joint stock company",
        "obshchestvo s ogranichennoi otvetstvennostyu", "obshchestvo s ogranichennoy otvetstvennostyu",
        "aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo", "otkrytoe aktsionernoe obshchestvo",
        "federal state unitary enterprise", "state unitary enterprise", "limited company",
        # (the same in Russian: федеральное государственное унитарное предприятие, FGUP)
        "federalnoe gosudarstvennoe unitarnoe predpriyatie", "gosudarstvennoe unitarnoe predpriyatie",
        "company limited", "sociedad anonima", "societe anonyme", "private limited company",
        "public limited company", "general trading", "limited partnership",
        "private limited", "free zone establishment", "free zone company", "designated activity company",
        "sociedad civil", "sociedad de responsabilidad limitada", "sanayi ve ticaret anonim sirketi",
        "sanayi ve ticaret limited sirketi", "anonim sirketi", "limited sirketi", "san ve tic",
        "cong ty tnhh", "cong ty co phan", "federal state budgetary institution",
        # Chinese forms in pinyin: 有限公司 (Co., Ltd.), 有限责任公司 (LLC), 股份有限公司 (Co., Ltd. by shares)
        "youxian gongsi", "youxian zeren gongsi", "gufen youxian gongsi",
        # Colombian partnerships: Y CIA. S. EN C.S. (and company, limited partnership)
        "y cia", "y compania", "s en c s", "s en c a", "s en c",
        # European forms written out (GmbH, BV, NV, SpA, Srl, Sp. z o.o., SA, Lda, SARL, SAS)
        "gesellschaft mit beschrankter haftung", "besloten vennootschap", "naamloze vennootschap",
        "societa per azioni", "societa a responsabilita limitata", "spolka z ograniczona odpowiedzialnoscia",
        "spolka akcyjna", "sp z oo", "sp z o o", "sociedade anonima", "sociedade limitada", "societe a responsabilite limitee",
        "societe par actions simplifiee",
    )
)
# Given names that say a person is Russian, Belarusian or Ukrainian, in the romanisations the
# lists and the press use (Igor, Ihor, Ihar; Yevgeny, Yevhen, Yauhen): with a surname of no
# East Slavic shape (Sechin, Putin, Kernes) they mark the name as one, so that its other
# romanisations meet (see `index.east_slavic`). Names common elsewhere too (Anna, Maria, Roman,
# Denis, Elena) are left out: they say nothing of the name's language.
_EAST_SLAVIC_GIVEN_WORDS = """
aleksandr aleksander alexandr oleksandr aliaksandr alyaksandr aleksei alexei alexey aleksey oleksiy oleksii
aliaksei alyaksei anatoly anatoliy anatolii anatol andrei andrey andriy andrii arkady arkadiy arkadii arkadz
artem artyom artsiom dmitry dmitriy dmitrii dmitri dmytro dzmitry evgeny evgeniy evgenii yevgeny yevgeniy
yevgenii yevhen yevhenii yauhen gennady gennadiy gennadii hennadiy hennadii henadz georgy georgiy georgii
heorhiy heorhii grigory grigoriy grigorii hryhoriy hryhorii ryhor igor ihor ihar ilya illia illya
kirill kyrylo kiryl konstantin kostiantyn kostyantyn kanstantsin leonid leanid maksim mykhailo mikhail
mikhaylo nikolai nikolay mykola mikalai mikola oleg oleh aleh pavel pavlo pyotr petr petro piotr sergei
sergey sergii serhiy serhii siarhei siargei stanislau stanislav vadim vadym vadzim valery valeriy valerii
valer vasily vasiliy vasilii vasyl vasil viktor viktar vitaly vitaliy vitalii vital vladimir volodymyr
uladzimir vladislav vladyslav uladzislau vyacheslav viacheslav vyachaslau yaroslav yaraslau yury yuri yuriy
yurii fyodor fedor fedir fiodar semyon stepan bohdan bogdan
olga olha volha tatiana tatyana tetiana tatsiana natalia natalya nataliya natallia yelena olena alena
irina iryna svetlana svitlana sviatlana ekaterina yekaterina kateryna katsiaryna lyudmila liudmyla liudmila
ludmila galina halyna halina yulia yuliya yuliia nadezhda nadiya nadzeya oksana valentina valiantsina
"""
EAST_SLAVIC_GIVEN = frozenset(_EAST_SLAVIC_GIVEN_WORDS.split())
# Short forms of given names (hypocorisms) that spelling does not relate: Bill is William.
_NICKNAMES = {
    "william": "bill billy will willy liam", "robert": "bob bobby rob robbie bert", "richard": "dick rick ricky",
    "james": "jim jimmy jamie", "john": "jack johnny", "joseph": "joe joey", "thomas": "tom tommy",
    "charles": "charlie chuck", "edward": "ed eddie ted", "michael": "mike mickey", "christopher": "chris",
    "daniel": "dan danny", "matthew": "matt", "anthony": "tony", "andrew": "andy drew", "alexander": "alex sandy",
    "elizabeth": "liz beth betty eliza", "margaret": "maggie peggy meg", "katherine": "kate kathy katie",
    "catherine": "kate cathy katie", "patricia": "pat patty tricia", "jennifer": "jen jenny", "susan": "sue",
    "deborah": "deb debbie", "rebecca": "becky", "stephen": "steve", "steven": "steve", "benjamin": "ben",
    "samuel": "sam", "nicholas": "nick", "jonathan": "jon", "timothy": "tim", "kenneth": "ken", "ronald": "ron",
    "donald": "don", "gerald": "gerry jerry", "lawrence": "larry", "frederick": "fred freddie",
    "henry": "harry hank", "theodore": "ted teddy", "vladimir": "volodya vova", "dmitry": "dima",
    "yevgeny": "zhenya", "evgeny": "zhenya", "mikhail": "misha", "ivan": "vanya", "nikolai": "kolya",
    "pavel": "pasha", "aleksandr": "sasha", "aleksei": "alyosha lyosha", "alexei": "alyosha lyosha",
    # Maghrebi forms of Arabic names: Amor is Omar, Lazhar al-Azhar; and 'Amr with its silent waw
    "omar": "amor", "umar": "amor", "azhar": "lazhar lazher", "amr": "amru amrou",
}
NICKNAMES = frozenset(
    frozenset((full, short)) for full, shorts in _NICKNAMES.items() for short in shorts.split()
)

# The first word of an Arabic compound name ("Abd al-Rahim", "Abdul Rahim": one name) and the
# article in its spellings.
ABD = frozenset(["abd", "abdul", "abdel", "abdal", "abdoul", "abdol", "abdu", "abdur", "abdar", "abdus", "abdas",
                 "abdell", "bd"])
ARABIC_ARTICLES = frozenset(["al", "el", "ul", "ol", "ar", "ur", "er", "as", "us", "an", "ad", "ud", "ed", "ash", "az", "at"])
# The article as Arabic says it before t, d, r, s, z (and th, dh, sh): its l becomes the word's
# first sound, as the name is written: AS-SAYED, AD-DARI, ASH-SHARIF, ES SAYED (not an/en:
# "An Nam Chol" is Korean). What follows its vowel is the sound the next word begins with.
ASSIMILATED_ARTICLES = frozenset(["as", "ash", "ad", "adh", "ar", "at", "ath", "az",
                                  "es", "esh", "ed", "er", "et", "ez"])
# الله and الدين as folded: the end of a compound name with the word before it (رحمت الله is
# Rahmatullah, سعد الدين Saduddin, ولى الله Waliullah).
ALLAH_ENDINGS = frozenset(["llh", "ldyn"])
SON_OF = frozenset(["ben", "ould"])  # particles, unless they stand first among the given names
STOP_WORDS = frozenset(["of", "the", "and", "fi", "fy", "for", "de", "del", "della", "der", "des", "di", "du", "da", "das", "do", "dos", "la", "le", "el", "al", "y", "e", "et", "und", "van", "von", "bin", "ibn", "bint"])
GENERIC_ORG_WORDS = frozenset(["group", "concern", "kontsern", "company", "companies", "holding", "holdings", "international", "trading", "trade", "enterprise", "enterprises", "industries", "industrial", "industry", "services", "service", "general", "global", "corporation", "organization", "organisation", "association", "foundation", "center", "centre", "network", "front"])

# Words that say what an organisation does, not which one it is: "Rosneft" is "ROSNEFT OIL
# COMPANY" whatever the words around the name (used by `compare`, with GENERIC_ORG_WORDS).
ORG_DESCRIPTORS = frozenset(["pmc", "oil", "gas", "petroleum", "petrochemical", "energy", "bank", "insurance", "shipping",
                             "air", "mining", "steel", "chemical", "chemicals", "investment", "finance", "capital",
                             "logistics", "technology", "solutions", "system", "media", "construction",
                             "development", "engineering", "products", "exchange", "marine", "pharma",
                             "pharmaceutical", "pharmaceuticals", "plant", "factory", "design", "bureau",
                             "aviation", "aircraft", "airport", "port", "telecom", "telecommunications",
                             "electronics", "defence", "industrial", "manufacturing", "machinery", "digital",
                             "research", "production", "scientific", "electronic", "export", "import",
                             "equipment", "logistic", "technologies", "pharm", "management", "enterprise",
                             "association"])

# Countries and their adjectives in organisations' names say where, not which: "Aeroflot" is
# AEROFLOT RUSSIAN AIRLINES, "Bank Melli" BANK MELLI IRAN (used by `compare` with ORG_DESCRIPTORS).
PLACE_DESCRIPTORS = frozenset([
    "russia", "iran", "iranian", "china", "chinese", "korea", "korean", "syria", "syrian", "belarus",
    "belarusian", "venezuela", "venezuelan", "cuba", "cuban", "iraq", "iraqi", "libya", "libyan",
    "lebanon", "lebanese", "yemen", "yemeni", "sudan", "sudanese", "myanmar", "burma", "burmese",
    "afghanistan", "afghan", "pakistan", "pakistani", "turkey", "turkish", "ukraine", "ukrainian",
    "crimea", "crimean", "nicaragua", "zimbabwe", "somalia", "somali", "eritrea", "serbia", "serbian",
    "emirates", "dubai", "india", "indian", "kazakhstan", "uzbekistan", "kyrgyzstan", "tajikistan",
    "armenia", "georgia", "azerbaijan", "moldova", "hongkong", "singapore", "malaysia", "indonesia",
]) | (
    # cities and provinces firms are named after ("Hangzhou Hikvision", "Bank of Moscow" stays a
    # bank only with its other words)
    CITIES := frozenset([
        "moscow", "tehran", "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou", "dalian", "tianjin",
        "zhejiang", "jiangsu", "fujian", "guangdong", "shandong", "sichuan", "hubei", "beirut", "damascus",
        "caracas", "havana", "pyongyang", "minsk", "kabul", "baghdad", "sanaa", "tripoli", "khartoum",
    ]))

# Titles and honorifics written into listed names ("Mullah Naim Bareh", "Shaykh Ahmad Iman Ali"):
# part of how a person is addressed, not of who they are, so optional when names are compared.
NAME_TITLES = frozenset(["u", "daw", "mr", "mrs", "ms", "dr", "doctor", "prof", "sheikh", "sheik", "shaykh", "shaikh", "mullah", "mulla", "maulvi", "mawlawi", "maulawi", "mawlavi", "molvi", "maulana", "mawlana", "haji", "hajji", "hajj", "alhaji", "alhajji", "alhajj", "hadji", "hadj", "alhadji", "qari", "mufti", "general", "gen", "colonel", "col", "brigadier", "lieutenant", "lt", "captain", "capt", "admiral", "commander", "sir", "ayatollah",
                          "sayyid", "sayyed", "sayed", "seyed", "seyyed", "syed", "sayid",
                          # as folded from Arabic script (its long a kept: حاجى 'hajy', الشيخ 'lshykh', مولوي 'mwlwy')
                          "hajy", "haja", "haj", "lhaj", "hja", "hjy", "lhj", "shykh", "lshykh", "mwlwy", "mwlwa", "mwlana",
                          "mwln", "mla", "mfty", "dktwr", "ldktwr",
                          "syd", "lsyd"])
# Titles that are given names too (Hafiz: one who knows the Koran by heart): as `compare` reads
# them, a title before another given name (Hafiz Muhammad Saeed), the given name alone (Hafez
# al-Assad) or where the other name has it as its given name (MAJID, Hafiz / MAJID, Hafiz
# Abdul); in text, a given name ("Hafiz Saeed").
NAME_OR_TITLE = frozenset(["hafiz", "hafez"])
PERSON_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice", "minister", "premier", "general", "gen", "colonel", "col", "major", "lieutenant", "lt", "commander", "admiral", "sheikh", "sheik", "shaykh", "emir", "prince", "king", "queen", "senator", "governor", "mayor", "ambassador", "judge", "cleric", "imam", "mullah", "ayatollah", "chairman", "ceo", "director", "oligarch", "businessman", "businesswoman", "tycoon", "billionaire", "boss", "chief", "leader", "founder", "head", "warlord", "kingpin", "financier", "sanctioned", "associate", "ally", "confidant", "deputy", "spokesman", "spokeswoman"])
# Words right before a surname that say a person is meant: "Mr Kirby", "President Putin".
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "president", "minister", "premier", "general", "gen", "colonel", "col", "major", "lieutenant", "lt", "commander", "admiral", "sheikh", "sheik", "shaykh", "emir", "prince", "king", "senator", "governor", "mayor", "ambassador", "judge", "cleric", "imam", "mullah", "ayatollah", "chairman", "oligarch", "businessman", "businesswoman", "tycoon", "billionaire", "boss", "chief", "leader", "founder", "warlord", "kingpin", "financier",
    # as Russian, German, French, Spanish, Italian and Portuguese news title them (президент Путин, Präsident Putin)
    "prezident", "prasident", "presidente", "premer", "ministr", "ministre", "ministro", "kanzler", "chef",
    "kremlchef", "staatschef", "glava", "herr", "frau", "monsieur", "madame", "senor", "senora", "signor",
    "gospodin", "generala", "jefe"])
ORG_CONTEXT = frozenset(["group", "mercenary", "mercenaries", "fighters", "fighter", "troops", "militia", "militias", "paramilitary", "paramilitaries", "forces", "soldiers", "contractors", "army", "pmc", "boss", "chief", "founder", "leader", "leaders", "commander", "commanders", "chiefs", "operatives", "units", "unit", "recruits", "convicts", "network", "company", "firm", "bank", "lender", "conglomerate", "sanctioned", "sanctions", "designated", "terrorist", "organisation", "organization", "cartel", "gang", "syndicate", "rebels", "insurgents", "faction", "patron", "chef", "mutiny", "mutineers", "rebellion", "uprising", "revolt", "insurrection", "coup", "convoy", "convoys", "recruit", "recruiter", "groupe", "mercenaires", "combattants", "gruppe", "soldner", "kampfer", "milizen"])
# Words that say a firm is meant, where the firm is named whole ("Shares in Argon fell": ARGON
# OOO); not for part of a name, which another firm of those words may have ("Shares in Falcon
# Center" are no FALCON INTERNATIONAL SIA's).
FIRM_CONTEXT = frozenset(["shares", "stake", "shareholders", "subsidiary"])
VESSEL_CONTEXT = frozenset(["tanker", "tankers", "vessel", "vessels", "ship", "ships", "mv", "freighter", "carrier", "cargo", "oil", "crude", "flagged", "flag", "crew", "yacht", "superyacht", "boat", "shipping", "port", "imo", "dwt", "supertanker", "bulker"])
# What a ship's name is written after, not part of it: MV FREEDOM, M/V OCEAN STAR, M.T. GRACE 1
# (M/V and M.T. as the letters joined); in prose a cue whatever its case, as written in capitals
# ("MV Ebano": a capitalised cue of another kind may begin another name, "West Bank"), but for
# the prefixes that are words or titles too (Ms, My, SS).
VESSEL_PREFIXES = frozenset(["mv", "mt", "ms", "ss", "my", "sy", "fv", "rv", "mts", "tanker", "vlcc"])
PROSE_VESSEL_PREFIXES = VESSEL_PREFIXES - {"ms", "ss", "my", "sy"}
AIRCRAFT_CONTEXT = frozenset(["aircraft", "plane", "planes", "jet", "jets", "airliner", "boeing", "airbus", "ilyushin", "tupolev", "antonov", "registration", "tail", "airline", "flight"])
# Words that say a name is someone or something else: an artist, a player, a work (within a
# few words: "Richard Wagner, the German composer") ...
NEGATIVE_CONTEXT = frozenset(["composer", "composers", "opera", "operas", "operatic", "music", "musical", "musician", "symphony", "symphonic", "conductor", "orchestra", "bayreuth", "ring", "tristan", "isolde", "lohengrin", "parsifal", "tannhauser", "valkyrie", "walkure", "actor", "actress", "film", "films", "movie", "movies", "cinema", "hollywood", "singer", "band", "album", "song", "songs", "football", "soccer", "striker", "midfielder", "goalkeeper", "coach", "tennis", "basketball", "baseball", "nba", "nfl", "novel", "novelist", "poet", "painter", "artist", "sculptor", "philosopher", "pianist", "violinist", "tenor", "soprano", "festival", "premiere", "theatre", "theater"])
# ... and a place, a building or a weapon named after it, only beside it ("the al-Aqsa mosque",
# "Kalashnikov rifles"; not "Soleimani was killed at Baghdad airport", "Hizbollah fire in the
# Sikhin village").
THING_CONTEXT = frozenset(["rifle", "rifles", "gun", "guns", "pistol", "carbine", "automatic", "uzi", "firearm", "firearms", "mosque", "church", "cathedral", "temple", "shrine", "street", "avenue", "boulevard", "square", "stadium", "airport", "village", "province", "district", "valley", "river"])
DETERMINERS = frozenset(["a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "for", "from", "by", "with", "as", "of", "to", "and", "or", "but", "if", "when", "while", "after", "before", "during", "since", "until", "about", "over", "under", "into", "onto", "upon", "his", "her", "its", "their", "our", "my", "your", "new", "old", "former", "ex", "says", "said", "say", "report", "reports", "breaking", "live", "update", "updates", "exclusive", "analysis", "why", "how", "what", "who", "where", "which", "why",
    # the articles of French, German, Spanish, Italian, Portuguese and Dutch news: "Le groupe Wagner",
    # "Die Wagner-Söldner" begin no other name (not "el", also the Arabic article: Mohammed El-Kurd)
    "le", "la", "les", "un", "une", "des", "du", "au", "aux", "der", "die", "das", "den", "dem", "ein", "eine",
    "einen", "einem", "einer", "los", "las", "una", "unos", "unas", "del", "il", "lo", "gli", "uno",
    "della", "os", "um", "uma", "dos", "het", "een"])
# Words of nations, peoples, regions and faiths news puts before a name ("Russian Wagner",
# "Chechen leader Kadyrov", "Islamic State"): capitalised, and no other person's name. (A
# suffix alone would take surnames too: Kardashian, Sullivan, Morgan.)
DEMONYMS = frozenset([
    "afghan", "albanian", "algerian", "american", "andorran", "angolan", "argentine", "argentinian",
    "armenian", "australian", "austrian", "azerbaijani", "azeri", "bahraini", "bangladeshi", "belarusian",
    "belarussian", "belgian", "beninese", "bolivian", "bosnian", "brazilian", "british", "bulgarian",
    "burkinabe", "burmese", "burundian", "cambodian", "cameroonian", "canadian", "chadian", "chilean",
    "chinese", "colombian", "congolese", "croatian", "cuban", "cypriot", "czech", "danish", "djiboutian",
    "dominican", "dutch", "ecuadorian", "egyptian", "emirati", "eritrean", "estonian", "ethiopian",
    "european", "filipino", "finnish", "french", "gabonese", "gambian", "georgian", "german", "ghanaian",
    "greek", "guatemalan", "guinean", "haitian", "honduran", "hungarian", "icelandic", "indian",
    "indonesian", "iranian", "iraqi", "irish", "israeli", "italian", "ivorian", "jamaican", "japanese",
    "jordanian", "kazakh", "kazakhstani", "kenyan", "korean", "kosovar", "kuwaiti", "kyrgyz", "laotian",
    "latvian", "lebanese", "liberian", "libyan", "lithuanian", "macedonian", "malagasy", "malawian",
    "malaysian", "malian", "maltese", "mauritanian", "mexican", "moldovan", "mongolian", "montenegrin",
    "moroccan", "mozambican", "namibian", "nepalese", "nepali", "nicaraguan", "nigerian", "nigerien",
    "norwegian", "omani", "pakistani", "palestinian", "panamanian", "paraguayan", "persian", "peruvian",
    "polish", "portuguese", "qatari", "romanian", "russian", "rwandan", "salvadoran", "saudi", "senegalese",
    "serbian", "singaporean", "slovak", "slovakian", "slovenian", "somali", "spanish", "sudanese",
    "swedish", "swiss", "syrian", "taiwanese", "tajik", "tanzanian", "thai", "tunisian", "turkish",
    "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek", "venezuelan", "vietnamese", "yemeni",
    "zambian", "zimbabwean", "african", "arab", "arabian", "asian", "balkan", "kurd", "turk", "baltic",
    "caucasian", "chechen", "crimean", "dagestani", "kurdish", "pashtun", "baloch", "tatar", "ingush",
    "ossetian", "abkhaz", "yazidi", "druze", "alawite", "sunni", "shia", "shiite", "islamic", "islamist",
    "jewish", "muslim", "christian", "catholic", "orthodox", "hindu", "sikh", "buddhist", "soviet", "latin",
    "nordic", "scandinavian", "tamil", "uyghur", "uighur", "hispanic", "semitic", "atlantic", "pacific",
    "arctic", "adriatic", "mediterranean", "caribbean", "olympic", "republican", "democratic", "western",
    "eastern", "northern", "southern", "central", "middle"])
_MONTHS_DAYS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
# Generation suffixes of a person's name: which one of a family (father and son).
GENERATION = frozenset(["junior", "jr", "senior", "sr", "ii", "iii", "iv"])
_SLAVIC_PATRONYMIC_ENDINGS = "ovich|evich|ovych|evych|ovna|evna|ivna|auna|ichna"  # (-ivna: Ukrainian, -auna: Belarusian)
SLAVIC_PATRONYMIC = re.compile(rf"(?:{_SLAVIC_PATRONYMIC_ENDINGS})$")
PATRONYMIC = re.compile(rf"(?:{_SLAVIC_PATRONYMIC_ENDINGS}|ich|ogly|oglu|kyzy|qizi)$")


# A given name English uses this much is no other language's form of another: Sarah, read 'srh'
# as Serhiy is, is no Sergey (`text` and `pairs` read East Slavic given names so).
ENGLISH_GIVEN_ZIPF = 4.0


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a folded word is in English news and web text (Zipf scale).

    A lowercase ASCII word is wordfreq's one token: its frequency is read from wordfreq's table
    directly, rounded as `zipf_frequency` rounds it (the same figure for every such word of the
    table, a tenth of the time: wordfreq tokenises every word it is asked about). Others go
    through wordfreq."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return zipf_frequency(word, "en")
    freq = get_frequency_dict("en", "best").get(word)  # the table wordfreq keeps (loaded once, cached)
    if freq is None:
        return 0.0
    return round(freq_to_zipf(round(freq, math.floor(-math.log(freq, 10)) + 3)), 2)


# Words that tell German text (German capitalises every noun: "Putins Krieg", "Kremlchef
# Putin" are no longer names); none is an English word.
GERMAN_WORDS = frozenset([  # one of these says German ...
    "und", "ist", "nicht", "dem", "eine", "einen", "einer", "auf", "fur", "sich", "wird", "wurde", "sind",
    "nach", "zum", "zur", "auch", "gegen", "sagte", "oder", "noch", "vom",
])
GERMAN_FUNCTION_WORDS = GERMAN_WORDS | frozenset(["der", "die", "das", "ein", "im", "mit", "bei", "wie"])  # ... or two
# Spanish function words (two in a text say Spanish; not los, las, del: Los Angeles, Las Vegas, Del
# Monte; nor ante, sus: English writes them too)
SPANISH_FUNCTION_WORDS = frozenset(["que", "por", "para", "una", "segun", "tras", "pero", "como", "sobre", "desde",
                                    "hasta", "fue", "entre", "tambien", "dijo", "durante", "aunque"])


@lru_cache(maxsize=50_000)
def german_noun(word: str) -> bool:
    """Is a lowercase word (as written, umlauts kept) a German noun or adjective in common use,
    or a compound ending in one ("kremlchef", "söldnerchef")?"""
    if zipf_frequency(word, "de") >= 3.0:
        return True
    return len(word) >= 7 and any(zipf_frequency(word[i:], "de") >= 4.0 for i in range(3, len(word) - 3))


def is_common_word(word: str) -> bool:
    """A word too ordinary to name an entity on its own (Wagner, Kim, Freedom, Daniel)."""
    return zipf(word) >= 3.0 or len(word) <= 2


# Languages of the news the matcher reads, by script, for a word as written (not folded): a
# sentence's first word is capitalised whatever it is ("Наемники Пригожина", "Żołnierze Prigożyna").
NEWS_LANGUAGES = {"latin": ("de", "fr", "es", "it", "pt", "nl", "pl", "cs", "tr"), "cyrillic": ("ru", "uk"),
                  "greek": ("el",), "arabic": ("ar", "fa", "ur"), "hebrew": ("he",), "kana": ("ja",),
                  "hangul": ("ko",), "devanagari": ("hi",), "bengali": ("bn",)}
_SEGMENTED = frozenset(["ja", "zh", "ko"])  # (wordfreq splits their text with MeCab or jieba: looked up whole)


def _zipf_whole(word: str, lang: str) -> float:
    """A word's Zipf frequency in a language whose text wordfreq segments with a library of its
    own (MeCab, jieba), looked up as written in its list."""
    freq = get_frequency_dict(lang, "small").get(word, 0.0)
    return freq_to_zipf(freq) if freq else 0.0


@lru_cache(maxsize=50_000)
def zipf_any_language(word: str, script: str) -> float:
    """How common a word as written in lowercase is in the commonest language of the news that
    writes its script (`normalize.letter_script`; wordfreq's small lists, Zipf 3 and up, loaded
    at first use: some 0.2 s and a few tens of MB for all; English from its full list, as `zipf`)."""
    found = max((_zipf_whole(word, lang) if lang in _SEGMENTED else zipf_frequency(word, lang, wordlist="small")
                 for lang in NEWS_LANGUAGES.get(script, ())), default=0.0)
    return max(found, zipf(word)) if script == "latin" else found


def is_ordinary_capitalized(word: str, common: bool = True) -> bool:
    """A capitalised word that does not start another person's or company's name; with `common`,
    any word English uses very often too (not beside a firm's name: "Islamic Group Economic",
    "International Wings Co" are other firms' names)."""
    return (
        word in DETERMINERS
        or word in _MONTHS_DAYS
        or word in PERSON_TITLES
        or word in HONORIFICS  # (Президент Путин: a title, not another given name)
        or word in ORG_CONTEXT
        or common and zipf(word) >= 5.0
    )

# The offices whose holders news names by surname alone ("Putin said", "Lavrov met", "Maduro's
# government"), as a list's title field gives them: the head of a state or government, its
# foreign or defence minister ("President of the Russian Federation", "Supreme Leader of Iran";
# not a former one, nor the president of a company, court or party).
_LEADER_TITLE = re.compile(
    r"(?:president|prime minister|supreme leader|head of state)"
    r"(?: of (?:the )?(?:[A-Z][a-z]+|(?:[A-Z][a-z]+ )*(?:Republic|Federation|Kingdom|Emirates)(?: of [A-Z][a-z]+)?))?"
    r"|minister of (?:foreign affairs|defen[cs]e)\b.*", re.IGNORECASE)


def leader_title(title: str) -> bool:
    """Does a listed person's title (one office or several, `;` between) name a leader's office?"""
    return any(_LEADER_TITLE.fullmatch(part.strip()) for part in title.split(";"))


# The commonest Chinese surnames in pinyin (some 150, nine in ten Chinese bear one), and the
# surnames of two syllables: a name read in Han characters is a Chinese person's (see `han`).
CHINESE_SURNAMES = frozenset(["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
                             "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song",
                             "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan",
                             "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
                             "yao", "shen", "zhong", "cui", "tan", "fan", "liao", "shi", "jin", "jia", "xia", "fu",
                             "fang", "zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan", "duan",
                             "lei", "long", "tao", "mao", "hao", "gu", "gong", "shao", "wan", "qian", "dai", "ou",
                             "mo", "kong", "xiang", "chang", "kang", "yi", "qiao", "lai", "wen", "niu", "hong", "ji",
                             "bao", "zhan", "lv", "nie", "zhuo", "geng", "guan", "ling", "bi", "ni", "ning", "rao",
                             "xing", "cen", "ke", "qi", "shu", "tong", "an", "ge", "ai", "miao", "che", "mu", "sang",
                             "chu", "bian", "jing", "min", "pu", "shan", "zang", "zhai", "tu", "lan", "dang", "zuo",
                             "quan", "rong", "huo", "xin", "yue", "sha", "mi", "lang", "di", "nong", "chai", "weng",
                             "ran", "kou", "qu", "jian", "mei", "lian", "cong", "ruan", "ba", "zhuang", "huai", "zhi",
                             "pei", "she", "bo", "jie", "ouyang", "sima", "zhuge", "shangguan", "situ", "dongfang",
                             "huangfu", "murong"])
# Korean surnames as romanised on the lists (North and South): a name is Korean when one of
# them is its surname and all its parts are syllables.
KOREAN_SURNAMES = frozenset(["kim", "ri", "li", "yi", "lee", "pak", "park", "choe", "choi", "chong", "jong", "jeong",
                             "cho", "jo", "jang", "chang", "ryom", "yom", "o", "oh", "yun", "yoon", "hwang", "kang",
                             "paek", "baek", "han", "rim", "im", "ju", "song", "kwak", "sin", "shin", "hong", "kwon",
                             "ko", "pae", "bae", "nam", "mun", "moon", "yang", "cha", "ryu", "yu", "kye", "thae", "tae",
                             "so", "sok", "jon", "chon", "chu", "ho", "ha", "an", "ahn", "ku", "gu", "koo", "min", "sim",
                             "shim", "ra", "na", "pang", "bang", "ryang", "pyon", "byon", "byun", "chae",
                             "hyon", "hyun", "kil", "gil", "tak", "son", "sohn", "roh", "noh", "um", "eom", "pyo"])
