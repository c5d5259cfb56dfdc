"""Find listed names in running text: candidate spans from the index, verified and scored.

The steps, each visible in a hit's `features`:
1. every word's phonetic keys are looked up in the index (anchors);
2. from each anchor the span grows left and right over words that match other parts of the
   same listed name, in any order, with initials and spelling variants;
3. the span is scored: a *full* mention names every required part of the listed name
   (patronymics, middle names and legal forms are optional); a *partial* one names some;
4. partial mentions of common words (Wagner, Kim, Freedom) need support: the same entity named
   in full elsewhere in the text (coreference) or a context word ("Wagner mercenaries", "the
   tanker Freedom"); a capitalised neighbour that is not part of the name ("Richard Wagner",
   "Wagner Moura") and negative context ("composer", "opera") count against them;
5. overlapping mentions of different entities are resolved: full beats partial, longer beats
   shorter, and an ambiguous surname goes to the entity the text names in full, else to the
   listed person others link to most.
Beside names, an identifier the list gives an entity names it: a ship's IMO number, a digital
currency address.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter
from typing import Any

from rapidfuzz.distance import OSA

from monitor.matching import vocab
from monitor.matching.abjad import (
    ARABIC_VOWELS,
    ARABIC_VOWELS_HOW,
    AbjadReadings,
    abjad_script,
    arabic_consonants,
    arabic_spellings,
)
from monitor.matching.han import HAN, HanNames
from monitor.matching.index import (
    OPTIONAL_ROLES,
    SOFT_STARTS,
    IndexedName,
    MatchIndex,
    NameToken,
    assimilated_article,
    east_slavic,
    first_surname,
    korean_name,
    token_weight,
)
from monitor.matching.model import EntityRecord, Mention
from monitor.matching.normalize import (
    BALTIC_LETTERS,
    SPANISH_J,
    Token,
    baltic_stem,
    east_slavic_key,
    east_slavic_spelling,
    fold,
    french_reading,
    korean_key,
    letter_script,
    name_tokens,
    phonetic_keys,
    reading_how,
    spanish_reading,
    tokenize,
)
from monitor.matching.similarity import (
    TOKEN_MATCH,
    TWO_LETTER_INITIALS,
    OneSlip,
    Spellings,
    has_digit,
    initial_matches,
    slavic_vowels_differ,
    token_similarity,
)
from monitor.matching.syllabaries import (
    HANGUL,
    HIRAGANA,
    KATAKANA,
    hangul_similarity,
    kana_similarity,
    romanise_whole,
    syllabary_key,
    syllabic_reading_agrees,
    syllabic_vowels_agree,
)

KIND_FACTOR = {"primary": 1.0, "aka": 1.0, "nka": 1.0, "fka": 0.97, "weak": 0.85}
GIVEN_NAME_MATCH = 0.88
# A text word is a listed word of an Arabic name whose vowels it writes otherwise (`_arabic_spelled`)
# only if spelled this alike anyway (Eymen / AYMAN 0.54, Esad / ASSAD 0.66; Jaime / JEMAAH 0.44)
ARABIC_TEXT_FLOOR = 0.5
ARABIC_TEXT_ZIPF = 2.5  # ... and looked up so only if English hardly uses it (Esad 1.3, Heniyye 0; Salem 3.7)
# A capitalised word no listed name has and English text hardly uses, one slip (a letter added,
# dropped, changed or two swapped) from a listed given name of this many letters or more, beside
# the rest of the name as listed, is that given name misspelled ("Dmity Pantus"), scored so; any
# name's word may be such a word misspelled, whatever it sounds like ("Insnurance Services").
SLIP_LENGTH = 5
SLIP_ZIPF = 1.0
SLIP_MATCH = 0.85
GIVEN_VOWELS_MATCH = 0.73  # ... or this, beginning alike and of the same consonants (see `_match_word`)
PARTIAL_DISTINCTIVE = 0.8
PARTIAL_COREFERENCE = 0.88
PARTIAL_CONTEXT = 0.76
NEAR_KEY_LENGTH = 5  # a rare word this long, matching no listed word under its keys, is looked
NEAR_KEY_ZIPF = 2.0  # up under keys one letter apart (see `_anchors`)
LOOSE_ANCHOR = 0.9  # ... as is one this long that meets listed words less alike than this only
LOOSE_LENGTH = 6  # (a shorter word has many a listed word one letter away: Samna, SATNA)
SECOND_SURNAME_MISSING = 0.95  # "Nicolás Maduro" of MADURO MOROS, Nicolas: named in full, less sure,
SECOND_SURNAME_INFORMATION = 3.5  # and saying more than a common name (Luis Hernandez 3.2, Nicolás Maduro 3.7)
NEGATIVE_CONTEXT_FACTOR = 0.75
THING_WIDTH = 2  # a place, building or weapon named after a name is this near it (see vocab.THING_CONTEXT)
# A surname shared by several listed people, none named in full or clearly most linked,
# names none of them for sure: reported only below the default threshold.
AMBIGUOUS_SURNAME_FACTOR = 0.85
# A word alone names an entity only if it is rare in the language (Prigozhin 1.2, Shoigu
# 1.6, Hizbollah 1.6 on the Zipf scale); Arafat (2.9), Ivanov (2.8) or Gonzalez (3.5) alone
# belong to too many people, unless others on the list link to the listed one (prominence).
DISTINCTIVE_ZIPF = 2.5
PROMINENT_DISTINCTIVE_ZIPF = 3.0  # the surname of a person others link to may be commoner
# A main word this common (Moscow 4.9, Group 5.3) is helped by no context ("Bank of Moscow",
# not "Moscow"): alone it names a listed entity only by coreference.
CONTEXT_ZIPF = 4.0
VERY_RARE_ZIPF = 1.5
# ... and a sentence's first word as common as a one-word name's limit and this much more, in a
# language of the news, is no such name (Этим 5.5, Entrar 5.3, Радий 4.5 of AO NPP RADIY)
SENTENCE_START_MORE = 0.5
_CASELESS_SCRIPTS = frozenset(["devanagari", "bengali"])  # (alphabets without capitals: any word may be a name's)
FIRST_WORD_ALONE_ZIPF = 4.5  # ... nor a surname alone (Самых, "most", as JAMMEH; Може, "may", as MUSSE)
SENTENCE_START_ZIPF = 3.0  # a sentence's first word this common in a language of the news is no name
# Below this many units of information (see `_information`) a full person name is too common
# to be a hit without support: "Mark Taylor" 2.2, "Ali Ahmed" 2.7, "Saddam Hussein" 3.5.
COMMON_NAME_INFORMATION = 3.0
# A name whose every part is common as a name needs support too: a part is common when this
# many listed people's names use it (Muhammad 567, Hassan 193), or when English text uses it
# this much (Wang 3.95, Chen 3.96, Mark 5.05 on the Zipf scale; Saddam 3.44 is not).
COMMON_NAME_PART = 50
COMMON_NAME_ZIPF = 3.9
# ... unless the text writes the whole listed name as listed and a part of it is not common in
# English ("Mohammed Omar" of OMAR, Mohammed: common among listed people, not in English news,
# where Mark Taylor and Wang Chen are others): a hit, scored this much lower for its commonness.
COMMON_WHOLE_NAME_FACTOR = 0.85
PROMINENT = 3
# A leader's surname alone names the leader unless English uses it more than this (Putin 4.1,
# Assad 3.6, Maduro 3.0, Lavrov 2.7; a leader named Kim, 4.6, no): news names heads of state
# and their foreign ministers so ("Putin said"), and the words are common in English text for
# that reason, not as other people's names.
LEADER_ZIPF = 4.5
TITLED_SURNAME_PERSONS = 2  # "President Putin": a prominent person's surname this few listed persons have
OBSCURE_SURNAME = 0.66  # below the default threshold: shown with --threshold 0.6, not alerted
OBSCURE_PENALTY = "surname alone of a person few listed entities link to"
# Roles that carry a name: in mixed-case prose only capitalised words fill them.
NAME_ROLES = frozenset({"surname", "given", "middle", "patronymic", "core"})
MAX_WAITING = 50  # short mentions kept per listed name until the text shows it named in full
MAX_TEXT_CHARS = 1_000_000  # longer texts are screened in windows of this size (memory: a window dense
# with names holds some 300 MB of candidates while it is screened)
_JOINABLE_GAP = re.compile(r"^[\s,\-–'’\"“”«»&/・]{0,4}$")  # "Gems & Jewellery", "Import/Export"
_PAREN_GAP = re.compile(r"^[\s,\-–'’\"“”«»&/()・]{0,5}$")  # "(HK)", for names listed with brackets
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von", "le", "la"})
_VOWEL = re.compile(r"[aeiouy]")
SYNONYM_LOOKUP_ZIPF = 3.0  # a firm's generic word rarer than this in English is looked up as its synonyms too
HEADLINE_ORDINARY_ZIPF = 4.0  # a firm's words this common in English name nothing in a headline (as `_Headlines`)
_NOT_FIRMS = ("Person", "Vessel", "Aircraft")  # the schemas that are no organisation's
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")  # "Gazprom 2023 results": a year, no part of a name
_GLUED = re.compile(r"^(?:[^\S\n]{1,2}|[^\S\n]?\n[^\S\n]?|-)\Z")  # a space, a line break or a hyphen: one name runs on
# (not a blank line: "... north of Moscow\n\nWagner Group")
_SYNONYMS = vocab.ORG_SYNONYMS
_NORM = attrgetter("norm")
_STEM = attrgetter("stem")
_CAPITALIZED = attrgetter("capitalized")
_UPPER = attrgetter("upper")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
LONGEST_KOREAN_NAME = 6  # syllables of a Korean's name, a particle after it (see `_korean_named`)
LONGEST_FOREIGN_NAME = 16  # a katakana or Hangul word longer than this is read as no name (쿠르반갈리예비치 is 8)
HANGUL_SYLLABLES_LEAST = 3  # a name read off Hangul has this many syllables at least (see `_not_korean`)
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_UNREAD = re.compile(f"{HAN.pattern}|{HIRAGANA.pattern}")
_CJK = re.compile(f"{HAN.pattern}|{_KANA.pattern}|{HANGUL.pattern}")
_ROMANISED_SCRIPT = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")  # Greek, Cyrillic
ROMANISED_AS_LISTED = 0.95  # ... a word of theirs sounding this much as a listed word is spelled as listed
# A people's word or a city's before a name says where, and begins no other name ("Russian
# Wagner", "the Beirut Hezbollah office", "Gaza Hamas militants"; not a country's: "Syria Moscow
# Bank Co" is another bank than BANK OF MOSCOW).
_WHERE = vocab.DEMONYMS | vocab.CITIES | {"gaza"}
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n\s*\n")


@dataclass
class _Candidate:
    name: IndexedName
    first: int  # token index of the first word
    last: int  # token index of the last word
    matched: dict[int, tuple[int, float, str]]  # name token pos -> (text token idx, sim, how)
    kind: str = "partial"
    score: float = 0.0
    status: str = "rejected"  # accepted | needs_support | rejected
    features: dict[str, Any] = field(default_factory=dict)
    initials_skipped: int = 0  # middle initials inside the span that the name lacks


@dataclass(slots=True)
class _HeadWord:
    """The listed names one listed word heads, arranged for the candidate loop: the ones this
    word alone may name, and all of them by the keys of their words (a name that cannot stand
    on its head word is only worth growing where a neighbour sounds like another of its words)."""

    word: str  # the listed word
    postings: list[tuple[int, int]]  # (name index, position of the head word)
    alone: list[int]  # ordinals of names whose head word may stand alone
    alone_strict: list[int]  # those of them with more words required (a loose spelling may do)
    by_key: dict[str, list[int]]  # phonetic key -> ordinals of names with a word under it
    vowelless: bool  # is the listed word written without vowels (an acronym: MFSL, KBK, RBH)?
    in_lowercase: bool  # may a lowercase word of prose be it? (only if some name has it as a
    # generic word, a legal form or a number, not as a name word: see `NAME_ROLES`)


@dataclass(slots=True)
class _Anchor:
    """A listed head word that a text word matches."""

    head: _HeadWord
    sim: float
    how: str
    loose: bool  # spelled too loosely to name a one-word name alone
    # Alone, the text word is neither distinctive (both words rare) nor helped by context (the
    # listed word spelled alike and not too common, "Wagner mercenaries"): it names one of the
    # longer names only by coreference ("Russia" for BANK ROSSIYA). See `TextMatcher._score`.
    coreference_only: bool


@lru_cache(maxsize=100_000)
def _primary_words(name: str) -> tuple[str, ...]:
    return tuple(name_tokens(name))


@lru_cache(maxsize=100_000)
def _singular_keys(norm: str) -> tuple[str, ...]:
    """The keys of an English plural's singular ('brigades' -> those of 'brigade')."""
    if len(norm) < 6 or norm[-1] != "s":
        return ()
    return phonetic_keys(norm[:-1]) + (phonetic_keys(norm[:-2]) if norm.endswith("es") else ())


def _own_words(words: list[str]) -> int:
    """How many of a firm's words are no generic word ("group", "company")."""
    return sum(w not in vocab.GENERIC_ORG_WORDS for w in words)


@lru_cache(maxsize=1_000)
def _synonym_keys(norm: str) -> frozenset[str]:
    """The keys of an organisation's generic word in every language (`vocab.ORG_SYNONYM_GROUPS`)."""
    return frozenset(k for word in vocab.ORG_SYNONYM_GROUPS[_SYNONYMS[norm]] for k in phonetic_keys(word))


# How a word met a listed one as the list writes it (a case ending off, French ch read as sh, a
# k for a q: Al-Kaida, Kassem, as romanisations write ق).
Q_AS_K = "q as k"
_AS_WRITTEN = ("exact", "inflection", "french ch", Q_AS_K, SPANISH_J)
ABJAD_HOW = "consonants"  # how an Arabic or Hebrew word met a listed one (see `TextMatcher._read_abjad`)
KANA_HOW = "katakana"  # ... a katakana word (`TextMatcher._read_kana`)
HANGUL_HOW = "hangul"  # ... and a Hangul word read whole (`TextMatcher._read_hangul`)
_READ_HOW = frozenset([ABJAD_HOW, KANA_HOW, HANGUL_HOW])
# What Korean writes after a noun, in its word (푸틴은, 푸틴의, 푸틴에게), read off a foreign
# name: after a last consonant (은, 이, 을, 과), after a vowel (는, 가, 를, 와), or after either.
_AFTER_CONSONANT = ("이라고", "으로는", "으로", "이다", "과의", "은", "이", "을", "과")
_AFTER_VOWEL = ("라고", "로는", "와의", "로", "는", "가", "를", "와")
_AFTER_EITHER = ("에게서", "에서는", "에게", "에서", "께서", "의", "에", "도", "만")
ABJAD_RARE_ZIPF = 3.5  # a word of Arabic or Hebrew script this rare in its languages may name by its consonants ...
SCRIPT_ALONE_ZIPF = 3.0  # ... a surname alone read off katakana or Hangul, this rare in Japanese or Korean
ABJAD_LEADER_ZIPF = 5.0  # ... a leader's this common (بشار 4.6, الأسد 4.9; يكون "is" 6.0, محمد 6.1)
_VOWEL_LETTERS = re.compile("[aeiouwy]")  # (a folded abjad word's letters that are no consonants)
_PROCLITICS = frozenset("فبلك")  # the letters Arabic writes before an article: so, with, for, as
_ABJAD_VOWELS = re.compile("[aeiou]")  # (... and those that are not written as letters: its w and y are)
ABJAD_SHORTEST = 2  # an abjad word is read as a name's only with this many letters (w and y count, vowels not)


_HANGUL_PARTICLES = {"빈": "bin", "벤": "ben", "알": "al", "엘": "el"}  # (of Arabic names, a word of their own)
_ARABIC_PARTICLES = frozenset(["bin", "ben", "ibn", "bint", "al", "el", "abu", "abd", "abdul"])  # (ビン, アル: read too)


def _reading_keys(readings: Iterable[str], keys: Iterable[str] = ()) -> tuple[str, ...]:
    """The keys a word read by another script's reading is found under: its own and its
    readings'."""
    return tuple(dict.fromkeys(chain(keys, *map(phonetic_keys, readings))))


def _korean_stems(word: str) -> list[tuple[str, ...]]:
    """A Hangul word without the particle it may end with (one that may follow the syllable
    before it: 프리고진이 is 프리고진 + 이, but 하메네이 is no 하메네 + 이, 이 following a last
    consonant only), the shortest particle first (마두로는 is 마두로 + 는 before 마두 + 로는), then
    the word whole; and each without the Arabic article Korean writes into a name (알아사드)."""
    stems = []
    for particle in (*_AFTER_CONSONANT, *_AFTER_VOWEL, *_AFTER_EITHER):
        stem = word[: -len(particle)]
        if word.endswith(particle) and len(stem) >= 2 and (
                particle in _AFTER_EITHER
                or (particle in _AFTER_CONSONANT) == ((ord(stem[-1]) - 0xAC00) % 28 != 0)):
            stems.append(stem)
    stems = [*sorted(stems, key=len, reverse=True), word]
    return [(stem, stem[1:]) if stem[0] == "알" and len(stem) >= 4 else (stem,) for stem in stems]


def _word_similarity(norm: str, stem: str, listed: str) -> tuple[float, str]:
    """How alike a text word (and its other form: its stem when it has a case ending, or its
    French reading, ch as sh) and a listed word are."""
    if stem and stem == listed:
        return 1.0, reading_how(norm, stem)
    if len(listed) >= 5 and norm[-1:] == "s" and (norm[:-1] == listed or norm[-2:] == "es" and norm[:-2] == listed):
        return 0.97, "inflection"  # an English plural: Al-Aqsa Martyrs Brigades
    if norm != listed and _SYNONYMS.get(norm, norm) == _SYNONYMS.get(listed, listed):
        return 0.95, "synonym"  # an organisation's generic word in another language: Wagner-Gruppe
    if ("q" in listed or "q" in norm) and norm != listed and norm.replace("q", "k") == listed.replace("q", "k"):
        return 0.98, Q_AS_K
    found = token_similarity(norm, listed)
    if stem and found[0] < 0.9:
        # An inflected word spelled otherwise too: "Władimirem" is Wladimir, as "Vladimir" spells it.
        sim, how = token_similarity(stem, listed)
        if sim > found[0]:
            return sim, how
    if ARABIC_TEXT_FLOOR <= found[0] < ARABIC_VOWELS and _arabic_spelled(norm, listed):
        return ARABIC_VOWELS, ARABIC_VOWELS_HOW
    return found


@lru_cache(maxsize=200_000)
def _arabic_spelled(norm: str, listed: str) -> bool:
    """Is a text word a listed word of an Arabic name, its vowels romanised otherwise (Esad /
    ASSAD, Heniyye / HANIYEH: `arabic_spellings`)? A word of two syllables at least, as vowels
    drift between the romanisations of longer words only (Hindi खेत, 'khet', is no KHIT), and no
    title (Mullah is no MAWLA)."""
    return norm not in vocab.NAME_TITLES and arabic_spellings(norm, listed, syllables=2)


def _german(words: set[str]) -> bool:
    """Is a text of these words German? One word only German writes, or two German function words."""
    return not words.isdisjoint(vocab.GERMAN_WORDS) or len(words & vocab.GERMAN_FUNCTION_WORDS) >= 2


def _german_stem(norm: str) -> str:
    """A German word ending in s without it, as a name's genitive (Schoigus as schoigu), else ''."""
    return norm[:-1] if norm[-1] == "s" and norm[-2] != "s" else ""


def _read_also_as(tok: Token, stem: str) -> Token:
    """A word read also as `stem`, its other form (a name without the ending a language
    declines it with), and found under that form's keys too."""
    return tok._replace(stem=stem, keys=tuple(dict.fromkeys(tok.keys + phonetic_keys(stem))))


def _declined(tok: Token, stem_of: Callable[[str], str], shortest: int) -> Token:
    """A capitalised word of `shortest` letters or more read also as `stem_of` gives its stem (a
    name declined in the text's language); any other word, or one with no such ending, as it is."""
    if tok.stem or not tok.capitalized or tok.upper or len(tok.norm) < shortest:
        return tok
    stem = stem_of(tok.norm)
    return _read_also_as(tok, stem) if stem else tok


# Letters only Polish and Czech write: such a text declines names with endings the Latin case
# endings of `normalize` leave out, as they end many names as written (Wagnera, Prigożyna).
_WEST_SLAVIC_LETTERS = re.compile("[łśźżćńąęřěůŁŚŹŻĆŃĄĘŘĚŮ]")
_WEST_SLAVIC_CASE = re.compile(r"(?<=[bcdfghklmnprstvwz])(?:a|ie)$")


def _west_slavic_stem(norm: str) -> str:
    """A Polish or Czech word without a genitive -a or a locative -ie after a consonant, as a name
    declined (Wagnera, Putinie as wagner, putin), else ''."""
    stem = _WEST_SLAVIC_CASE.sub("", norm)
    return stem if stem != norm else ""


def _second_surnames_missing(ntoks: tuple[NameToken, ...], matched: set[int], missing: frozenset[int]) -> list[str]:
    """The surnames after the first of a person's two that a mention leaves out, when it has
    the first and a given name and lacks nothing else (else [])."""
    surnames = [k for k, t in enumerate(ntoks) if t.role == "surname"]
    if not missing or len(surnames) < 2 or surnames[0] not in matched or not missing <= set(surnames[1:]) \
            or not any(ntoks[k].role == "given" for k in matched):
        return []
    return [ntoks[k].norm for k in sorted(missing)]


def _as_read(tok: Token, how: str) -> str:
    """The text word as it met the listed one: its other form when it met by that (Путина as
    putin, Чен as jong), else as written."""
    return tok.stem if tok.stem and how in ("inflection", "french ch", SPANISH_J) else tok.norm


def _feminine_alike(a: str, b: str) -> bool:
    """Do two given names both end in a, a woman's name's ending, or neither (not Oleg / Olga,
    Rami / Rama)?"""
    return (a[-1] == "a") == (b[-1] == "a")


def _final_h(a: str, b: str) -> bool:
    """Do two given names differ only by a last h after a (Abdalla / Abdallah, Kifa / Kifah)?"""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and short[-1] == "a" and long_ == short + "h"


def _prominent(entity: EntityRecord) -> bool:
    """A listed entity news may name by a word many use: others on the list link to it, or it
    holds a leader's office."""
    return entity.prominence >= PROMINENT or entity.leader


def _leader_surname(name: IndexedName, pos: int, word: str) -> bool:
    """Is `word` the surname of a listed leader (the first of two: Maduro of MADURO MOROS), a
    word English uses no more than a leader's name (`LEADER_ZIPF`)? Then it stands alone:
    "Putin said", "Maduro said"."""
    return name.is_person and name.entity.leader and name.tokens[pos].role == "surname" \
        and vocab.zipf(word) < LEADER_ZIPF


def _alone_ok(name: IndexedName, pos: int, word: str) -> bool:
    """May the word at `pos` alone be a mention of this name: its main word (see
    `index.head_alone_ok`), or a leader's surname?"""
    return name.head_alone if pos == name.head else _leader_surname(name, pos, word)


def _vessel_prefix(tokens: list[Token], i: int) -> str:
    """The ship's type token `i` writes before a name, if any (`vocab.PROSE_VESSEL_PREFIXES`:
    MV, MT; "M/V", "M.T." are two tokens, the letters joined)."""
    norm = tokens[i].norm
    if len(norm) == 1 and i > 0 and len(tokens[i - 1].norm) == 1 and tokens[i].gap in ("/", "."):
        norm = tokens[i - 1].norm + norm
    return norm if norm in vocab.PROSE_VESSEL_PREFIXES else ""


_FIRM_CUES = vocab.ORG_CONTEXT | vocab.FIRM_CONTEXT  # (of a firm named whole and alone: see `_context_cue`)


def _alone(tokens: list[Token], first: int, last: int) -> bool:
    """Is the span glued to no capitalised word on either side but a legal form or a sentence's
    first word ("Shares in Argon fell"; "Shares in Usc Design Troops" may be another firm's)?"""
    if first > 0 and _GLUED.match(tokens[first].gap):
        left = tokens[first - 1]
        if left.capitalized and left.norm not in vocab.LEGAL_FORMS and not _sentence_start(tokens, first - 1):
            return False
    if last + 1 < len(tokens) and _GLUED.match(tokens[last + 1].gap):
        right = tokens[last + 1]
        if right.capitalized and right.norm not in vocab.LEGAL_FORMS:
            return False
    return True


def _sentence_start(tokens: list[Token], i: int) -> bool:
    """Does token `i` begin a sentence (the text, or after a full stop or a blank line)?"""
    return i == 0 or _SENTENCE_END.search(tokens[i].gap) is not None


def _full_stop_after(tokens: list[Token], i: int) -> bool:
    """Does a full stop follow token `i` ("Y." of "Y. Prigozhin", the letters of "S.A.")?"""
    return i + 1 < len(tokens) and tokens[i + 1].gap.startswith(".")


def _joinable(tokens: list[Token], right: int, brackets: bool = False) -> bool:
    """Can token `right` continue a name that token `right - 1` belongs to? (Across brackets
    only for a name listed with brackets: "... JEWELLERY (HK) CO.", not "Motkova (Russia) 1".)"""
    gap = tokens[right].gap
    if (_PAREN_GAP if brackets else _JOINABLE_GAP).match(gap):
        return gap.count("\n") < 2  # a blank line (title | body, paragraphs) ends a name
    if gap == ".":
        return True  # a dot inside a name: VEB.RF, U.S.S.R.
    # "Y. Prigozhin": a full stop after an initial; "Hong Pang Co. Limited": after a legal form.
    left = tokens[right - 1].norm
    return (len(left) == 1 or left in vocab.LEGAL_FORMS or left in TWO_LETTER_INITIALS) \
        and re.match(r"^\.,?\s{0,2}$", gap) is not None


# The article the press writes into an Arabic name where the list may not (Yahya al-Sinwar /
# SINWAR, Yahya; Aiman as-Sawahiri / AL ZAWAHIRI): a name grows over it to the word it is
# glued to. (Not bin: "Mohammed bin Salman" is Salman's son, not SALMAN, Muhammad.)
_UNLISTED_ARTICLES = frozenset({"al", "el"})
_BIN_SPELLINGS = frozenset({"bin", "ben", "ibn"})  # one particle, "son of" (see also `vocab.SON_OF`)
_ARTICLE_WORDS = _UNLISTED_ARTICLES | vocab.ASSIMILATED_ARTICLES


def _article_before(tokens: list[Token], i: int) -> bool:
    """Is token `i` such an article, glued to the word after it ("al-Sinwar", "Al Sinwar"; as
    said before its word only with a hyphen: "as-Sawahiri", not "as Saleh")?"""
    if i + 1 >= len(tokens) or tokens[i].norm not in _ARTICLE_WORDS:
        return False
    word, gap = tokens[i].norm, tokens[i + 1].gap
    if word in _UNLISTED_ARTICLES:
        return gap in ("-", " ")
    return gap == "-" and assimilated_article(word, tokens[i + 1].norm)


class _Headlines:
    """Which tokens are on lines written in Title Case or ALL CAPS, where capitals say nothing.

    A line is a headline when its ordinary words ("Says", "Plane", "Crash") are capitalised
    and no content word on it is in lowercase; in prose ("Andrei Medvedev (Ukraine) beat Jan
    Kroslak") some are, whatever the names in it. Decided per line when a token on it is first
    asked about: most lines hold no candidate.
    """

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.lines: dict[int, bool] = {}  # line start -> is a headline

    def __getitem__(self, i: int) -> bool:
        start = self.text.rfind("\n", 0, self.tokens[i].start) + 1
        found = self.lines.get(start)
        if found is None:
            found = self.lines[start] = self._decide(i, start)
        return found

    def _decide(self, i: int, line_start: int) -> bool:
        tokens = self.tokens
        line_end = self.text.find("\n", tokens[i].start)
        line_end = len(self.text) if line_end < 0 else line_end
        first = i
        while first > 0 and tokens[first - 1].start >= line_start:
            first -= 1
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].start < line_end:
            last += 1
        words = [t for t in tokens[first : last + 1] if t.norm.isalpha()]
        ordinary = [t for t in words[1:] if vocab.zipf(t.norm) >= 4.0]
        lowercase_content = any(
            not t.capitalized and not t.upper and len(t.norm) > 3
            and t.norm not in vocab.DETERMINERS and t.norm not in vocab.STOP_WORDS
            for t in words
        )
        return len(ordinary) >= 2 and not lowercase_content and sum(t.capitalized for t in ordinary) >= 0.6 * len(ordinary)


class TextMatcher:
    """Screens texts against an index. Pure: text in, mentions out."""

    def __init__(self, index: MatchIndex, threshold: float = 0.7) -> None:
        self.index = index
        self.threshold = threshold
        self._anchor_cache: dict[str, list[_Anchor]] = {}  # text word -> the head words it matches
        self._inflected_anchor_cache: dict[tuple[str, str], list[_Anchor]] = {}  # (word, stem) -> the same
        self._head_words: dict[str, _HeadWord] = {}
        self._spellings_by_key: dict[str, Spellings] = {}  # phonetic key -> its listed words
        self._other_keys_cache: dict[tuple[int, int], frozenset[str]] = {}
        self._east_slavic_entities: dict[int, bool] = {}
        self._names_by_entity: dict[int, list[IndexedName]] = defaultdict(list)
        for indexed in index.names:
            self._names_by_entity[indexed.entity.entity_id].append(indexed)
        self._names_by_entity = dict(self._names_by_entity)
        self._abjad_readings: AbjadReadings | None = None  # made for the first text in Arabic or Hebrew script
        # a text's word in Arabic or Hebrew script, katakana or Hangul read whole -> the listed
        # words it spells (`_read_abjad`, `_read_kana`, `_read_hangul`), and which are which
        self._script_read: dict[int, dict[str, float]] = {}
        self._kana_read: frozenset[int] = frozenset()
        self._hangul_read: frozenset[int] = frozenset()  # (and the Hangul words read whole)
        self._kana_words: dict[str, list[str]] | None = None  # made for the first text in katakana
        self._hangul_words: dict[str, list[str]] | None = None  # made for the first text in Hangul
        self._hangul_cache: dict[str, tuple[dict[str, float], int]] = {}  # a Hangul word -> `_hangul_readings`
        self._kana_cache: dict[str, dict[str, float]] = {}  # a katakana word -> `_kana_readings`
        self._korean_names: set[tuple[str, ...]] | None = None  # listed Koreans' names by syllable (`korean_key`)
        self._han_names: HanNames | None = None  # made for the first text in Han characters
        self._unread: frozenset[int] = frozenset()  # a text's tokens not read as words (Han characters)
        self._one_slip: OneSlip | None = None  # the listed words by first letter and length (`_slipped`)
        self._slip_keys: dict[str, tuple[str, ...]] = {}  # their keys by misspelled word (`_slipped_keys`)

    # -- public ---------------------------------------------------------------------------

    def screen(self, text: str, threshold: float | None = None) -> list[Mention]:
        """All mentions in `text` scoring at least the threshold, in text order."""
        threshold = self.threshold if threshold is None else threshold
        if not text or not text.strip():
            return []
        if len(text) > MAX_TEXT_CHARS:
            mentions: list[Mention] = []
            for offset in range(0, len(text), MAX_TEXT_CHARS):
                for m in self.screen(text[offset : offset + MAX_TEXT_CHARS], threshold):
                    m.start += offset
                    m.end += offset
                    mentions.append(m)
            return mentions
        tokens = tokenize(text)
        if not tokens:
            return []
        # German capitalises its nouns: a capitalised word beside a name may be one; and it
        # writes a name's genitive with an s (Putins Krieg, Schoigus Ministerium).
        norms = set(map(_NORM, tokens))  # (the text's words, for the language checks below)
        self._german = _german(norms)
        # A Latvian or Lithuanian text gives every man's name a nominative ending, foreign ones
        # too (Putinas, Prigožins); a Polish or Czech one declines names (Wagnera, o Putinie).
        if self._german:
            tokens = [_declined(t, _german_stem, 5) for t in tokens]
        elif BALTIC_LETTERS.search(text):
            tokens = [_declined(t, baltic_stem, 6) for t in tokens]
        elif _WEST_SLAVIC_LETTERS.search(text):
            tokens = [_declined(t, _west_slavic_stem, 6) for t in tokens]
        elif len(norms & vocab.SPANISH_FUNCTION_WORDS) >= 2:
            # Spanish writes kh as j: "Alí Jamenei dijo que ..." (see `spanish_reading`)
            tokens = [_declined(t, spanish_reading, 4) for t in tokens]
        self._script_read = {}
        self._kana_read = self._hangul_read = frozenset()
        cjk = _CJK.search(text) is not None
        if cjk and HANGUL.search(text):  # (first: it makes a word's syllables one token)
            tokens = self._read_hangul(text, tokens)
        if abjad_script(text):
            tokens = self._read_abjad(text, tokens)
        if cjk and KATAKANA.search(text):
            tokens = self._read_kana(text, tokens)
        han = cjk and HAN.search(text) is not None
        # Han characters are read by `HanNames` instead (see `_han_mentions`); a hiragana is a
        # syllable of any word, no name's (Japanese writes foreign names in katakana).
        self._unread = frozenset(j for j, t in enumerate(tokens) if _UNREAD.match(text, t.start)) \
            if cjk else frozenset()
        self._hangul = frozenset(j for j, t in enumerate(tokens) if HANGUL.match(text, t.start)
                                 and j not in self._script_read) if cjk else frozenset()
        headline = _Headlines(text, tokens)
        # In ordinary prose names are capitalised; in all-lowercase or all-caps text they are not.
        words = list(map(str.isalpha, map(_NORM, tokens)))
        letters = sum(words)
        self._text = text
        self._mixed_case = (
            any(compress(map(_CAPITALIZED, tokens), words))
            and sum(compress(map(_UPPER, tokens), words)) < 0.5 * letters
        ) if letters else False
        self._another_cache: dict[tuple[int, frozenset[str]], str] = {}
        # What surrounds a span, asked once per span: a common word heads many listed names.
        self._context_cache: dict[tuple[int, int, bool], tuple[str, str]] = {}
        self._positions_of: dict[str, list[int]] | None = None  # word -> where; made when needed
        self._waiting: dict[int, list[tuple[int, int, float, str]]] = {}
        candidates = self._candidates(tokens)
        # A lone common surname ("Ali", "Khan") can only count through the same entity named in
        # full in this text, or a title before it: without either it is settled unscored.
        fuller = {c.name.entity.entity_id for c in candidates if len(c.matched) > 1 or len(c.name.required) == 1}
        for name_idx, spans in self._waiting.items():
            name = self.index.names[name_idx]
            if name.entity.entity_id in fuller:
                candidates.extend(self._grow(tokens, j, pos, sim, how, name) for j, pos, sim, how in spans)
        for cand in candidates:
            if self._hopeless_surname(cand, tokens, fuller) or self._hangul and self._not_korean(cand, tokens):
                cand.status = "rejected"
                continue
            self._score(cand, tokens, headline)
        chosen = self._resolve(candidates, tokens)
        mentions = [self._mention(c, text, tokens) for c in chosen if c.score >= threshold]
        mentions += self._identified(text)
        if han:
            mentions += [m for m in self._han_mentions(text) if m.score >= threshold]
        mentions.sort(key=lambda m: (m.start, -m.score))
        return mentions

    # -- 1 and 2: candidate spans -------------------------------------------------------

    def _candidates(self, tokens: list[Token]) -> list[_Candidate]:
        index = self.index
        covered: dict[int, int] = {}  # name_idx -> last token index already covered
        candidates: list[_Candidate] = []
        for j, anchors in self._anchored(tokens):
            tok = tokens[j]
            if len(tok.norm) <= 2 and not tok.upper and not tok.norm.isdigit() and vocab.zipf(tok.norm) >= 5.0:
                continue
            if not self._text[tok.start : tok.start + 1].isascii() and abjad_script(self._text[tok.start : tok.end]):
                # An Arabic or Hebrew word read without its short vowels is no acronym: مفصل
                # ('mfsl', "joint") is no MFSL, کنه no KNH GLOBAL.
                anchors = [anchor for anchor in anchors if not anchor.head.vowelless]
                if not anchors:
                    continue
            lowercase = self._lowercase(tokens, j)
            if lowercase:
                anchors = [anchor for anchor in anchors if anchor.head.in_lowercase]
                if not anchors:
                    continue  # "razed", "a slim": in prose a lowercase word is not a name
            # Keys of the neighbours that could extend a name: most names cannot grow here,
            # and those are decided without growing them.
            near: set[str] = set()
            plural_near: set[str] = set()  # and of their singulars: "Martyrs Brigades"
            initial_near = slip_near = capitalised_near = False
            for k in (j - 1, j + 1):
                if 0 <= k < len(tokens) and _joinable(tokens, max(j, k)):
                    near.update(tokens[k].keys)
                    capitalised_near = capitalised_near or tokens[k].capitalized
                    if self._slip(tokens, k):  # (a name's word misspelled, "Dmity"; its keys may be
                        slip_near = True  # another's: "Tianyi Intenrational Dalian", 'ntnrtnl')
                        near.update(self._slipped_keys(tokens[k].norm))
                    if tokens[k].norm in _SYNONYMS:  # (and its words in other languages: Kontsern / concern)
                        near.update(_synonym_keys(tokens[k].norm))
                    plural_near.update(_singular_keys(tokens[k].norm))
                    initial_near = initial_near or len(tokens[k].norm) == 1 and not self._lone_letter(tokens, k) \
                        or tokens[k].norm in TWO_LETTER_INITIALS and _full_stop_after(tokens, k)
                    beyond = k + 1 if k > j else k - 1  # (past an article: "Yahya al-Sinwar")
                    if 0 <= beyond < len(tokens) and _article_before(tokens, k) and (k > j or _joinable(tokens, k)):
                        near.update(tokens[beyond].keys)
                        capitalised_near = capitalised_near or tokens[beyond].capitalized
            # A word that cannot grow here into more of a listed name, and alone names it only
            # by coreference (a common surname, "Kim", see `_hopeless_surname`; a common main
            # word, "Russia", see `_Anchor`), counts only if the text names that entity more
            # fully: such spans wait, and are grown only for the entities named so.
            lone_common = self._common_without_title(tokens, j)
            for anchor in anchors:
                head = anchor.head
                sim, how, postings = anchor.sim, anchor.how, head.postings
                if initial_near:
                    ordinals: Any = range(len(postings))
                else:
                    # Names that may stand on this word alone, and those a neighbour could grow.
                    alone = (head.alone_strict if anchor.loose else head.alone) if sim >= 0.9 else []
                    grown = [head.by_key[k] for k in near if k in head.by_key]
                    ordinals = sorted(set(alone).union(*grown)) if grown else alone
                for ordinal in ordinals:
                    name_idx, pos = postings[ordinal]
                    if covered.get(name_idx, -1) >= j:
                        continue
                    name = index.names[name_idx]
                    if lowercase and name.tokens[pos].role in NAME_ROLES:
                        continue  # "razed", "a slim": in prose a lowercase word is not a name
                    # The main word alone can never be this name's mention, or is spelled too
                    # loosely to stand alone (the rules of `_score`, decided early).
                    never_alone = not _alone_ok(name, pos, tokens[j].norm) or sim < 0.9 \
                        or anchor.loose and len(name.required) == 1
                    if never_alone and not initial_near and name.keyset.isdisjoint(near) and not slip_near:
                        continue  # it cannot grow here either
                    if not initial_near and len(name.required) > 1 and not slip_near and (
                        lone_common and name.is_person and not _prominent(name.entity)
                        or anchor.coreference_only and not self._titled_prominent(name, pos, tokens, j)
                        and not _leader_surname(name, pos, tokens[j].norm)
                    ) and (other := self._other_keys(name_idx, pos)).isdisjoint(near) \
                            and other.isdisjoint(plural_near):
                        waiting = self._waiting.setdefault(name_idx, [])
                        if len(waiting) < MAX_WAITING:  # "Kim Kim Kim ...": bounded
                            waiting.append((j, pos, sim, how))
                        continue
                    if not initial_near and name.keyset.isdisjoint(near) and name.keyset.isdisjoint(plural_near) \
                            and "(" not in name.text and not slip_near \
                            and not (name.is_person and capitalised_near and self._is_east_slavic(name)):
                        # No neighbour sounds like a word of the name, nor is a capitalised word
                        # that may be a given name of an East Slavic person romanised otherwise
                        # (see `_match_word`): `_grow` would stop here.
                        cand = _Candidate(name=name, first=j, last=j, matched={pos: (j, sim, how)})
                    else:
                        cand = self._grow(tokens, j, pos, sim, how, name)
                    covered[name_idx] = cand.last
                    if never_alone and len(cand.matched) == 1:
                        continue
                    candidates.append(cand)
        return candidates

    def _titled_prominent(self, name: IndexedName, pos: int, tokens: list[Token], j: int) -> bool:
        """Is text word `j` the surname of a person many listed entities link to, a surname no
        other listed person has, right after a title ("President Putin", "Mr Putin")? Then a
        surname as common in English text as Putin's is no common word here."""
        return name.is_person and _prominent(name.entity) and name.tokens[pos].role == "surname" \
            and j > 0 and tokens[j - 1].norm in vocab.HONORIFICS and _joinable(tokens, j) \
            and self.index.name_part_counts.get(name.tokens[pos].norm, 0) <= TITLED_SURNAME_PERSONS

    def _other_keys(self, name_idx: int, pos: int) -> frozenset[str]:
        """The keys of a listed name's words but the one at `pos` (what it could grow with)."""
        found = self._other_keys_cache.get((name_idx, pos))
        if found is None:
            tokens = self.index.names[name_idx].tokens
            found = frozenset(k for i, t in enumerate(tokens) if i != pos for k in t.keys)
            self._other_keys_cache[(name_idx, pos)] = found
        return found

    def _anchored(self, tokens: list[Token]) -> list[tuple[int, list[_Anchor]]]:
        """The tokens that match a listed head word, with those words. Most tokens match none:
        the words are looked up once each, and the tokens that match are picked out in C."""
        norms = list(map(_NORM, tokens))
        read = self._script_read  # (an abjad or katakana word is read by its consonants instead)
        spelled = [norm for j, norm in enumerate(norms) if j not in read] if read else norms
        cache = self._anchor_cache
        new = set(spelled).difference(cache)
        if len(cache) + len(new) > 200_000:
            cache.clear()
            new = set(spelled)
        for norm in new:
            cache[norm] = self._anchors(norm, "", phonetic_keys(norm))
        if read:
            found = [self._reading_anchors(read[j], self._read_how(j)) if j in read
                     else cache[norm] for j, norm in enumerate(norms)]
        else:
            found = list(map(cache.__getitem__, norms))
        for j in self._unread:
            found[j] = []
        inflected = self._inflected_anchor_cache
        for j in compress(range(len(tokens)), map(_STEM, tokens)):  # words with a case ending
            if j in read:
                continue
            tok = tokens[j]
            key = (tok.norm, tok.stem)
            anchors = inflected.get(key)
            if anchors is None:
                if len(inflected) > 50_000:
                    inflected.clear()
                anchors = inflected[key] = self._anchors(tok.norm, tok.stem, tok.keys)
            found[j] = anchors
        if _ROMANISED_SCRIPT.search(self._text):
            # A Cyrillic or Greek word is read by its romanisation, spelled as that script's, not
            # as the lists do: sounding as listed, it is no loose spelling (`_romanised_as_listed`).
            for j in compress(range(len(tokens)), found):
                if _ROMANISED_SCRIPT.match(self._text, tokens[j].start):
                    found[j] = [replace(a, loose=False) if a.loose and self._romanised_as_listed(
                        tokens[j], a.head.word, a.sim) else a for a in found[j]]
        return [(j, found[j]) for j in compress(range(len(tokens)), found)]

    def _read_abjad(self, text: str, tokens: list[Token]) -> list[Token]:
        """The words of a text in Arabic or Hebrew script, each read as the listed words it
        spells by its consonants (see `AbjadReadings`) and found under their keys too."""
        if self._abjad_readings is None:
            self._abjad_readings = AbjadReadings({t.norm for name in self.index.names for t in name.tokens})
        out = list(tokens)
        for j, tok in enumerate(tokens):
            word = text[tok.start : tok.end]
            script = abjad_script(word)
            if not script:
                continue
            readings: dict[str, float] = {}
            hebrew = script == "hebrew"
            forms = [(tok.norm, not hebrew and word.startswith("ال"))]
            if not hebrew and len(word) > 3 and (word[0] == "و" or word[0] in _PROCLITICS and word.startswith("ال", 1)):
                # (a word Arabic writes with "and" before it, or "with", "for", "so" or "as" before
                # its article: وبشار, والأسد, بالأسد)
                forms.append((fold(word[1:]), word.startswith("ال", 1)))
            for form, article in forms:
                # (a word of one letter spells too many, و "and"; it is read as no name's word)
                if len(_ABJAD_VOWELS.sub("", form)) >= ABJAD_SHORTEST:
                    for listed, sim in self._abjad_readings.readings(form, hebrew, article).items():
                        readings[listed] = max(sim, readings.get(listed, 0.0))
            self._script_read[j] = readings
            if readings:
                out[j] = tok._replace(keys=_reading_keys(readings, tok.keys))
        return out

    def _read_kana(self, text: str, tokens: list[Token]) -> list[Token]:
        """The katakana words of a text (a foreign name, a loanword: プーチン 'puchin'), each read
        as the listed words it may spell by the consonants Japanese tells apart (`kana_similarity`:
        Putin) and found under their keys too."""
        if self._kana_words is None:
            self._kana_words = self._syllabary_index("kana")
        out = list(tokens)
        read: set[int] = set()
        for j, tok in enumerate(tokens):
            if not KATAKANA.match(text, tok.start):
                continue
            read.add(j)
            if tok.end - tok.start > LONGEST_FOREIGN_NAME:
                self._script_read[j] = {}
                continue
            readings = self._script_read[j] = self._kana_readings(text[tok.start : tok.end], tok.norm)
            if readings:
                out[j] = tok._replace(keys=_reading_keys(readings, tok.keys))
        self._kana_read = frozenset(read)
        return out

    def _kana_readings(self, word: str, norm: str) -> dict[str, float]:
        """The listed words a katakana word (`norm`, its romaji) may write; once per distinct word."""
        found = self._kana_cache.get(word)
        if found is not None:
            return found
        assert self._kana_words is not None
        # (as read, and with the vowel after its last consonant, which may be the name's own:
        # ショイグ 'shoig' and 'shoigu', Shoigu)
        forms = dict.fromkeys((norm, romanise_whole(word)))
        keys = [syllabary_key("kana", norm)]
        if norm[:1] == "u" and norm[1:2] not in ("", *"aeiou"):
            keys.append(syllabary_key("kana", "v" + norm[1:]))  # ウ before a consonant: ウラジーミル Vladimir
        found = {listed: sim for key in keys for listed in self._kana_words.get(key, ())
                 if (sim := max(kana_similarity(form, listed) if syllabic_vowels_agree(form, listed)
                                and syllabic_reading_agrees(form, listed, "kana") else 0.0
                                for form in forms)) >= TOKEN_MATCH}
        if len(self._kana_cache) >= 50_000:
            self._kana_cache.clear()
        self._kana_cache[word] = found
        return found

    def _read_hangul(self, text: str, tokens: list[Token]) -> list[Token]:
        """The Hangul words of a text read whole as a foreign name (푸틴 'putin', 프리고진
        'peurigojin', a particle after it read off: 푸틴은) by the consonants Korean tells apart
        (`hangul_similarity`), each made one token with the listed words it may spell; a word
        that spells none stays syllables, as a Korean's own name is read (김정은)."""
        if self._hangul_words is None:
            self._hangul_words = self._syllabary_index("hangul")
        out: list[Token] = []
        j = 0
        while j < len(tokens):
            end = j + 1  # the word's syllables: tokens j .. end-1
            while end < len(tokens) and tokens[end].gap == "" and tokens[end].start == tokens[end - 1].end \
                    and HANGUL.match(text, tokens[end].start):
                end += 1
            word = text[tokens[j].start : tokens[end - 1].end]
            if end - j == 1 and word in _HANGUL_PARTICLES:  # 오사마 빈 라덴: bin, not a Korean's syllable
                self._script_read[len(out)] = {_HANGUL_PARTICLES[word]: 1.0}
                out.append(tokens[j]._replace(norm=_HANGUL_PARTICLES[word], keys=phonetic_keys(_HANGUL_PARTICLES[word])))
                j = end
                continue
            if not HANGUL.match(text, tokens[j].start) or not 2 <= end - j <= LONGEST_FOREIGN_NAME:
                out.extend(tokens[j:end])
                j = end
                continue
            readings, size = self._hangul_readings(word)
            if not readings:
                out.extend(tokens[j:end])
                j = end
                continue
            first = tokens[j]
            self._script_read[len(out)] = readings
            out.append(Token(first.start, first.start + size, fold(text[first.start : first.start + size]),
                             _reading_keys(readings), True, False, first.gap, ""))
            out.extend(tokens[j + size : end])  # (the particle's syllables)
            j = end
        self._hangul_read = frozenset(k for k in self._script_read if HANGUL.match(text, out[k].start))
        return out

    def _korean_named(self, word: str) -> bool:
        """Does a Hangul word begin with a listed Korean's name, syllable by syllable (리수영이:
        RI, Su Yong)? Then it is read so, not whole as a foreign name ('lisuyeong', Liashenka)."""
        if self._korean_names is None:
            self._korean_names = {tuple(map(korean_key, (t.norm for t in name.tokens))) for name in self.index.names
                                  if name.is_person and korean_name(name.tokens)}
        keys = tuple(korean_key(fold(ch)) for ch in word[:LONGEST_KOREAN_NAME])
        return any(keys[:size] in self._korean_names for size in range(2, len(keys) + 1))

    def _hangul_readings(self, word: str) -> tuple[dict[str, float], int]:
        """The listed words a Hangul word of two syllables or more spells read whole as a foreign
        name, and how many of its syllables spell them (a particle after them is no part); none
        if it begins with a listed Korean's name (`_korean_named`); once per distinct word."""
        found = self._hangul_cache.get(word)
        if found is not None:
            return found
        readings: dict[str, float] = {}
        size = 0
        assert self._hangul_words is not None
        for forms in () if self._korean_named(word) else _korean_stems(word):
            for reading in map(fold, forms):  # (the stem, and without the article: one span)
                readings.update(
                    (listed, sim) for listed in self._hangul_words.get(syllabary_key("hangul", reading), ())
                    if len(listed) > 2 and (sim := hangul_similarity(reading, listed)) >= max(TOKEN_MATCH, readings.get(listed, 0.0))
                    and syllabic_vowels_agree(reading, listed, "hangul") and syllabic_reading_agrees(reading, listed, "hangul"))
            if readings:
                size = len(forms[0])
                break
        if len(self._hangul_cache) >= 50_000:
            self._hangul_cache.clear()
        found = self._hangul_cache[word] = (readings, size)
        return found

    def _read_how(self, j: int) -> str:
        """How token `j`, read by another script's reading, met its listed words."""
        return KANA_HOW if j in self._kana_read else HANGUL_HOW if j in self._hangul_read else ABJAD_HOW

    def _syllabary_index(self, script: str) -> dict[str, list[str]]:
        """The listed words by the key `syllabary_key` gives them in `script` ('kana', 'hangul')."""
        words: dict[str, list[str]] = defaultdict(list)
        for listed in {t.norm for name in self.index.names for t in name.tokens
                       if t.role not in OPTIONAL_ROLES or t.norm in _ARABIC_PARTICLES}:
            if listed.isalpha() and len(listed) > 1:
                words[syllabary_key(script, listed)].append(listed)
        return dict(words)

    def _reading_anchors(self, readings: dict[str, float], how: str) -> list[_Anchor]:
        """The listed head words a word read by another script's reading spells (`_read_abjad`,
        `_read_kana`, `_read_hangul`): by its consonants, so spelled too loosely to name a
        one-word name alone."""
        by_word = self.index.by_word
        return [_Anchor(self._head_word(word), sim, how, True, vocab.zipf(word) >= PROMINENT_DISTINCTIVE_ZIPF)
                for word, sim in readings.items()
                if any(word in by_word.get(key, ()) for key in phonetic_keys(word))]

    def _anchors(self, norm: str, stem: str, keys: tuple[str, ...]) -> list[_Anchor]:
        """The listed head words a text word matches, each with its names."""
        if vocab.zipf(norm) >= 6.0:
            return []  # "the", "of": never a name's main word in text
        found: list[_Anchor] = []
        if norm in _SYNONYMS and not stem and vocab.zipf(norm) < SYNONYM_LOOKUP_ZIPF:
            # (a rare one under its synonyms' keys too: ПВК, 'pvk', is CHVK; not an English
            # word, "Russian" of "Bank Russian Turbine Co" is no BANK ROSSIYA)
            keys = tuple(dict.fromkeys((*keys, *_synonym_keys(norm))))  # (its own keys are among them)
        words = self._listed_words(keys)
        # About one listed word in twenty under a word's keys is spelled like it: the others are
        # set apart in C first (a word with a case ending is compared whole, stem included), and
        # only an English plural or a synonym of it may still match (see `_word_similarity`).
        alike: Collection[str] = words.keys()
        if not stem:
            spelled = self._alike(norm, keys)
            spelled.update(vocab.ORG_SYNONYM_GROUPS.get(_SYNONYMS.get(norm, norm), ()))
            if len(norm) >= 4 and vocab.zipf(norm) < ARABIC_TEXT_ZIPF:
                spelled.update(self._arabic_alike(norm, words))  # (its Arabic vowels written otherwise)
            if norm[-1:] == "s":
                spelled.update((norm[:-1], norm[:-2]))
            alike = spelled
        self._add_anchors(found, norm, stem, words, alike)
        # (a long word met only loosely, as Lajeykin meets LASIAKIN by a j read as zh, is looked
        # up further too: LAMEYKIN is one letter from it)
        loose = len(norm) >= LOOSE_LENGTH and not any(a.sim >= LOOSE_ANCHOR for a in found)
        if (not found or loose) and len(norm) >= NEAR_KEY_LENGTH \
                and vocab.zipf(norm) < NEAR_KEY_ZIPF \
                and (not stem or stem == french_reading(norm)) and norm not in self.index.name_part_counts:
            # A rare word that matches no listed word under its keys may be one spelled so that
            # a consonant of its key goes (Azizhani / AZIZKHANI, kh written h; Kovachuk, a slip,
            # read also as French writes ch): the listed words under keys one letter apart,
            # spelled like it. (Not a listed name's word: Sadrach is no ZADRAN.)
            near = [k for key in keys for k in self.index.near_keys(key)]
            if near:
                self._add_anchors(found, norm, stem, self._listed_words(near), self._alike(norm, near))
            loose = loose and not any(a.sim >= LOOSE_ANCHOR for a in found)
            if (not found or loose) and vocab.zipf(norm) < SLIP_ZIPF and norm.isalpha():
                # ... or one slip of the pen from a listed word that changes its sound more
                # (Kovalxchuk, Shqishkin): the listed words of its first letter and about its
                # length one slip from it (compared in C)
                slipped = self._slipped(norm)
                self._add_anchors(found, norm, stem, slipped, slipped)
        return found

    def _slipped_keys(self, norm: str) -> tuple[str, ...]:
        """The keys of the listed words one slip from `norm` (see `_slipped`), once per word."""
        found = self._slip_keys.get(norm)
        if found is None:
            if len(self._slip_keys) > 100_000:
                self._slip_keys.clear()
            found = self._slip_keys[norm] = tuple(dict.fromkeys(
                key for word in self._slipped(norm) for key in phonetic_keys(word)))
        return found

    def _slipped(self, norm: str) -> list[str]:
        """The listed words beginning with `norm`'s letter one slip from it (a letter added,
        dropped or changed, or two swapped)."""
        if self._one_slip is None:
            self._one_slip = OneSlip(dict.fromkeys(chain.from_iterable(self.index.by_word.values())), same_first=True)
        return self._one_slip(norm)

    def _add_anchors(self, found: list[_Anchor], norm: str, stem: str, words: Iterable[str],
                     alike: Collection[str]) -> None:
        """Add to `found` the listed words among `words` (those `alike` keeps) that the text
        word matches (see `_word_similarity`), each as an anchor with its names."""
        for word in filter(alike.__contains__, words):
            sim, how = _word_similarity(norm, stem, word)
            if sim >= TOKEN_MATCH:
                loose = sim < 0.9 or how not in _AS_WRITTEN and len(norm) < 8
                coreference_only = not (
                    max(vocab.zipf(norm), vocab.zipf(word)) < PROMINENT_DISTINCTIVE_ZIPF
                    or how in _AS_WRITTEN and vocab.zipf(word) < CONTEXT_ZIPF
                )
                found.append(_Anchor(self._head_word(word), sim, how, loose, coreference_only))

    def _listed_words(self, keys: Iterable[str]) -> dict[str, None]:
        """The listed words under any of the keys, in the index's order."""
        by_word = self.index.by_word
        return dict.fromkeys(chain.from_iterable(by_word.get(key, ()) for key in keys))

    def _alike(self, norm: str, keys: list[str] | tuple[str, ...]) -> set[str]:
        """The listed words under any of the keys that `token_similarity` may match to `norm`."""
        if not keys:
            return set()
        return Spellings.joined([self._spellings(key) for key in keys]).alike(norm)

    @staticmethod
    def _arabic_alike(norm: str, words: Iterable[str]) -> list[str]:
        """The listed words among `words` (those under `norm`'s keys, as `arabic_spellings` asks)
        that spell `norm` as an Arabic name, its vowels romanised otherwise (`_arabic_spelled`):
        those of its consonants."""
        consonants = arabic_consonants(norm)
        return [w for w in words if arabic_consonants(w) == consonants and _arabic_spelled(norm, w)]

    def _spellings(self, key: str) -> Spellings:
        found = self._spellings_by_key.get(key)
        if found is None:
            found = self._spellings_by_key[key] = Spellings(self.index.by_word.get(key, {}))
        return found

    def _head_word(self, word: str) -> _HeadWord:
        found = self._head_words.get(word)
        if found is None:
            postings = list(dict.fromkeys(
                posting for key in phonetic_keys(word) for posting in self.index.by_word.get(key, {}).get(word, ())
            ))
            names = [self.index.names[name_idx] for name_idx, _pos in postings]
            by_key: dict[str, list[int]] = defaultdict(list)
            for ordinal, name in enumerate(names):
                for k in name.keyset:
                    by_key[k].append(ordinal)
            alone = [i for i, (name, (_n, pos)) in enumerate(zip(names, postings, strict=True))
                     if _alone_ok(name, pos, word)]
            found = self._head_words[word] = _HeadWord(
                word=word,
                postings=postings,
                alone=alone,
                alone_strict=[i for i in alone if len(names[i].required) != 1],
                by_key=dict(by_key),
                vowelless=_VOWEL.search(word) is None,
                in_lowercase=any(name.tokens[pos].role not in NAME_ROLES for name, (_i, pos) in zip(names, postings, strict=True)),
            )
        return found

    @staticmethod
    def _hopeless_surname(cand: _Candidate, tokens: list[Token], fuller: set[int]) -> bool:
        name = cand.name
        if not name.is_person or len(cand.matched) != 1 or name.entity.entity_id in fuller:
            return False
        (t, _sim, _how), = cand.matched.values()
        if _prominent(name.entity):
            return False  # others link to this person, or a leader: scored as usual
        return TextMatcher._common_without_title(tokens, t)  # a rare word is distinctive: scored

    @staticmethod
    def _common_without_title(tokens: list[Token], t: int) -> bool:
        """A common word ("Kim", "Khan") with no title before it ("Mr Kim")."""
        return vocab.is_common_word(tokens[t].norm) and not (t > 0 and tokens[t - 1].norm in vocab.HONORIFICS)

    def _romanised_as_listed(self, tok: Token, listed: str, sim: float) -> bool:
        """Is a Cyrillic or Greek word, read by its romanisation, the listed word as that script
        writes it: sounding the same, a word of five letters or more and about as long (Хамас
        'khamas' is HAMAS; Чаша 'chasha' is no JAJA, Жінка 'zhinka' no CJNG)? Then it is no
        loose spelling, though not spelled as the lists spell it."""
        return sim >= ROMANISED_AS_LISTED and len(listed) >= 5 \
            and abs(len(tok.stem or tok.norm) - len(listed)) <= 1 \
            and _ROMANISED_SCRIPT.match(self._text, tok.start) is not None  # (Хамаса, of Hamas: its stem)

    def _transliterated(self, tok: Token) -> bool:
        """Is the word written in another script than Latin that writes its vowels (its spelling
        is a romanisation's)? Not Arabic or Hebrew script: without its vowels a common word
        sounds like a name too often (Persian آزاد, "free", read 'azad', is no Assad); nor a Han
        character, a syllable of many words and names (Japanese 説, read 'shuo', is no ZHUO)."""
        word = self._text[tok.start:tok.end]
        return not word.isascii() and _LATIN_LETTERS.search(word) is None and not abjad_script(word) \
            and HAN.search(word) is None

    def _lowercase(self, tokens: list[Token], i: int) -> bool:
        """Is token `i` a word in lowercase in prose, where names are capitalised? ("Jong-un"
        counts whole; a word that begins with a digit, "924th", has no case.)"""
        if not self._mixed_case:
            return False
        tok = tokens[i]
        return not tok.capitalized and not tok.norm[:1].isdigit() \
            and not (i > 0 and tok.gap == "-" and tokens[i - 1].capitalized)

    def _match_word(self, tokens: list[Token], i: int, name: IndexedName,
                    used: dict[int, Any]) -> tuple[int, float, str] | None:
        if i in self._unread:
            return None
        tok = tokens[i]
        if len(tok.norm) == 1 and self._lone_letter(tokens, i) and name.keyset.isdisjoint(tok.keys):
            return None
        if len(tok.norm) > 1 and tok.norm not in TWO_LETTER_INITIALS and name.keyset.isdisjoint(tok.keys) \
                and name.keyset.isdisjoint(_singular_keys(tok.norm)) \
                and not (name.is_person and tok.capitalized and self._is_east_slavic(name)) \
                and not (tok.norm in _SYNONYMS and not name.keyset.isdisjoint(_synonym_keys(tok.norm))) \
                and not self._slip(tokens, i):
            # No word of the name sounds like this one (Yevhen may be Yevgeny: h = g), nor is
            # the same word in another language (Kontsern Kalashnikov: concern), nor may it be
            # a name's word misspelled (see `_slip`)
            return None
        best: tuple[int, float, str] | None = None
        lowercase = self._lowercase(tokens, i)
        readings = self._script_read.get(i)
        for k, ntok in enumerate(name.tokens):
            if k in used or lowercase and ntok.role in NAME_ROLES:
                continue
            if initial_matches(tok.norm, ntok.norm) and ntok.role in ("given", "middle", "patronymic") and (
                not self._mixed_case and len(tok.norm) == 1 or _full_stop_after(tokens, i)
            ):  # "Y. Prigozhin", "Ye. Prigozhin", not "Canada I" nor "Khan a"
                if best is None or best[1] < 0.9:
                    best = (k, 0.9, "initial")
                continue
            if len(tok.norm) == 1 and ntok.role == "legal" and (lowercase or not _full_stop_after(tokens, i)):
                continue  # S.A.'s letters are written so: the French "Rosneft a annoncé" is no ROSNEFT ... S.A.
            if readings is not None:
                sim, how = readings.get(ntok.norm, 0.0), self._read_how(i)
            elif tok.norm in _BIN_SPELLINGS and ntok.norm in _BIN_SPELLINGS:
                sim, how = 1.0, "particle"  # French writes bin ben: Oussama Ben Laden
            else:
                sim, how = _word_similarity(tok.norm, tok.stem, ntok.norm)
            if ntok.role in ("given", "middle") and sim < GIVEN_NAME_MATCH:
                if _final_h(tok.norm, ntok.norm):
                    sim, how = GIVEN_NAME_MATCH, "final h"  # Abdalla is Abdallah, Fatima Fatimah
                elif self._east_slavic_forms(tok.norm, ntok.norm, name):
                    sim, how = GIVEN_NAME_MATCH, "East Slavic romanisation"  # Євген (Yevhen) is Yevgeny
                elif sim >= GIVEN_VOWELS_MATCH and (tok.norm[0] == ntok.norm[0] or how == ARABIC_VOWELS_HOW) \
                        and tok.norm not in vocab.NAME_TITLES \
                        and not set(ntok.keys).isdisjoint(tok.keys) \
                        and all(m[1] >= 0.95 or how == m[2] == ARABIC_VOWELS_HOW for m in used.values()) \
                        and _feminine_alike(tok.norm, ntok.norm):
                    # Arabic vowels as romanisations write them: Mohammed / Muhammad, Ahmed /
                    # Ahmad, Yousif / Yusuf, Omer / Omar (one sound to begin with and the
                    # consonants alike, or vowels as `arabic_spellings` reads them: Eymen /
                    # Ayman), beside words of the name spelled as listed (or, for such vowels,
                    # spelled so too: Beşar Esad, Turkish for Bashar al-Assad); not a title
                    # (Seyyed / Syed), nor a woman's name for a man's (Hana / Hani)
                    sim, how = max(sim, TOKEN_MATCH), "given-name variant"
                elif len(ntok.norm) >= SLIP_LENGTH and tok.norm[:1] == ntok.norm[0] \
                        and all(m[1] >= 0.95 for m in used.values()) \
                        and OSA.distance(tok.norm, ntok.norm, score_cutoff=1) <= 1 and self._slip(tokens, i):
                    # a slip of the pen beside the rest as listed: "Dmity Pantus", "Adnrey Kazazaev"
                    sim, how = SLIP_MATCH, "slip"
                else:
                    continue  # Hassan is not Ghassan
            if sim >= TOKEN_MATCH and (best is None or sim > best[1]):
                best = (k, sim, how)
        return best

    def _lone_letter(self, tokens: list[Token], i: int) -> bool:
        """Is one-letter token `i` no initial: in prose (mixed case), with no full stop after it
        ("a", the "s" of "Moscow 's", "Group B", "Radio 2")? Such a letter or digit is a name's
        word only as itself (under its own keys), not as a listed word spelled alike (AH, 7TH)."""
        return self._mixed_case and not _full_stop_after(tokens, i) and i not in self._script_read

    def _slip(self, tokens: list[Token], i: int) -> bool:
        """May capitalised token `i` be a listed name's word misspelled: a word of four letters
        or more that no listed person's name has and English text hardly uses ("Dmity",
        "Natahniel", "Insnurance"; not Andrea, a name of its own one letter from Andrei)?"""
        tok = tokens[i]
        return len(tok.norm) >= SLIP_LENGTH - 1 and tok.capitalized and tok.norm.isalpha() \
            and not self._lowercase(tokens, i) and tok.norm not in self.index.name_part_counts \
            and vocab.zipf(tok.norm) < SLIP_ZIPF

    def _east_slavic_forms(self, word: str, listed: str, name: IndexedName) -> bool:
        """Are a text word and a listed given name of a Russian, Belarusian or Ukrainian person
        one name in two of those languages (Yevhen / Yevgeny, Serhiy / Sergei, Oleksandr /
        Aleksandr; see `east_slavic_key`), beginning alike, both feminine or neither?"""
        if len(word) < 3 or len(listed) < 3 or not self._is_east_slavic(name) or vocab.zipf(word) >= vocab.ENGLISH_GIVEN_ZIPF:
            return False  # (a name English uses is its own: Sarah, read 'srh' as Serhiy is, is no Sergey)
        mine, other = east_slavic_spelling(word), east_slavic_spelling(listed)
        if mine != other:
            key = east_slavic_key(word)
            if key != east_slavic_key(listed) or len(key) < 3 and not (
                    word in vocab.EAST_SLAVIC_GIVEN and listed in vocab.EAST_SLAVIC_GIVEN):
                return False  # (a key of two letters says little unless both are such names: Ihar / Igor)
        return (mine[0] == other[0] or {mine[0], other[0]} <= SOFT_STARTS) and \
            _feminine_alike(mine, other)  # (Oleg / Olga)

    def _is_east_slavic(self, name: IndexedName) -> bool:
        """Is any listed name of this person's Russian, Belarusian or Ukrainian (see `east_slavic`)?"""
        eid = name.entity.entity_id
        found = self._east_slavic_entities.get(eid)
        if found is None:
            found = self._east_slavic_entities[eid] = any(
                east_slavic(other.tokens) for other in self._names_by_entity.get(eid, [name]))
        return found

    def _grow(self, tokens: list[Token], j: int, pos: int, sim: float, how: str,
              name: IndexedName) -> _Candidate:
        matched: dict[int, tuple[int, float, str]] = {pos: (j, sim, how)}
        first = last = j
        skipped = 0
        limit = len(name.tokens)
        brackets = "(" in name.text
        while first > 0 and len(matched) < limit and _joinable(tokens, first, brackets):
            step = 1
            found = self._match_word(tokens, first - 1, name, matched)
            if found is None and first > 1 and (_article_before(tokens, first - 1) or self._unlisted_initial(
                    tokens, first - 1, name)) and _joinable(tokens, first - 1, brackets):
                # an article the listed name lacks: "Yahya al-Sinwar" of SINWAR, Yahya; a middle
                # initial it lacks: "Amer G. Najafianpur" of NAJAFIANPUR, Amer
                step = 2
                found = self._match_word(tokens, first - 2, name, matched)
            if found is None:
                break
            skipped += step == 2 and len(tokens[first - 1].norm) == 1
            first -= step
            matched[found[0]] = (first, found[1], found[2])
        # A particle grown over at the left edge whose listed place is after its neighbour's is
        # another's: the "the" of "to the Central Research Institute of the Russian ..." took the
        # THE of OF THE RUSSIAN, and the name stopped short of Russian. (Not an Arabic article
        # glued to its word, which the press adds: "al-Gama'a al-Islamiya".)
        at = {t: k for k, (t, _s, _h) in matched.items()}
        while first < j and name.tokens[at[first]].role == "stop" and tokens[first].norm not in _ARTICLE_WORDS:
            right = min(t for t in at if t > first)
            if at[first] < at[right]:
                break
            del matched[at.pop(first)]
            first = right
        prev = pos  # the listed position of the rightmost word matched so far
        while last + 1 < len(tokens) and len(matched) < limit and _joinable(tokens, last + 1, brackets):
            step = 1
            found = self._match_word(tokens, last + 1, name, matched)
            if found is None and last + 2 < len(tokens) and (
                    _article_before(tokens, last + 1) or self._unlisted_initial(tokens, last + 1, name)
                    and _joinable(tokens, last + 2, brackets)):
                step = 2  # (as on the left)
                found = self._match_word(tokens, last + 2, name, matched)
            if found is None:
                break
            if name.tokens[found[0]].role == "stop" and found[0] < prev:
                break  # a particle goes before its word: "Zawahiri, al-Qaeda" is not AL ZAWAHIRI
            skipped += step == 2 and len(tokens[last + 1].norm) == 1
            last += step
            matched[found[0]] = (last, found[1], found[2])
            prev = found[0]
        # A span of only optional words ("al", "ltd") names nothing.
        return _Candidate(name=name, first=first, last=last, matched=matched, initials_skipped=skipped)

    @staticmethod
    def _unlisted_initial(tokens: list[Token], i: int, name: IndexedName) -> bool:
        """Is token `i` a capitalised initial with its full stop inside a person's name, one the
        list does not give ("Amer G. Najafianpur": the press adds middle initials)?"""
        tok = tokens[i]
        return name.is_person and len(tok.norm) == 1 and tok.norm.isalpha() and tok.capitalized \
            and _full_stop_after(tokens, i)

    # -- 3 and 4: scoring -----------------------------------------------------------------

    def _score(self, cand: _Candidate, tokens: list[Token], headline: _Headlines) -> None:
        name = cand.name
        ntoks = name.tokens
        matched_pos = set(cand.matched)
        missing_required = name.required - matched_pos
        if not (matched_pos - {k for k, t in enumerate(ntoks) if t.role in OPTIONAL_ROLES}) \
                or name.kind == "weak" and sum(len(t.norm) for t in ntoks) <= 2:
            # (a weak alias of two letters, IG, SL, HM, names anything: "IG Design", H&M)
            cand.status = "rejected"
            return
        if name.is_person and any(
                ntoks[k].role == "surname" and sim < 0.9 and slavic_vowels_differ(tokens[t].norm, ntoks[k].norm)
                for k, (t, sim, _h) in cand.matched.items()) and self._is_east_slavic(name):
            # vowels no romanisation of the surname writes: Dmitry Petelin is not PUTILIN, Dmitry
            cand.status = "rejected"
            return
        # A person of two surnames goes by the first, with the given name: "Nicolás Maduro" is
        # MADURO MOROS, Nicolas named in full, as the press names him.
        second_surnames = _second_surnames_missing(ntoks, matched_pos, missing_required)
        if second_surnames:
            missing_required = frozenset()
        weight_matched = sum(ntoks[k].weight * cand.matched[k][1] for k in matched_pos)
        weight_all = sum(ntoks[k].weight for k in matched_pos) + sum(ntoks[k].weight for k in missing_required)
        base = weight_matched / weight_all if weight_all else 0.0
        missing_optional = [
            ntoks[k].norm for k in range(len(ntoks))
            if k not in matched_pos and ntoks[k].role in ("middle", "patronymic")
        ]
        base -= min(0.06, 0.02 * len(missing_optional))
        base *= KIND_FACTOR.get(name.kind, 1.0) * (SECOND_SURNAME_MISSING if second_surnames else 1.0)
        core_words = [ntoks[k].norm for k in sorted(matched_pos) if ntoks[k].role not in OPTIONAL_ROLES]
        common = all(vocab.is_common_word(w) for w in core_words)
        single = len(core_words) == 1
        schema = name.entity.schema
        features: dict[str, Any] = {"name_kind": name.kind}  # "tokens" is added on output
        if missing_optional:
            features["missing_optional"] = missing_optional
        if second_surnames:
            features["missing_second_surname"] = second_surnames
        if name.is_person and not self._comma_order_ok(cand, tokens):
            cand.status = "rejected"  # "Ijaz Ahmed, Salim Malik": a list, not "SALIM, Ahmad"
            features["rejected"] = "a comma that does not follow the surname"
            return self._finish(cand, features)
        required_weight = sum(ntoks[k].weight for k in name.required) or 1.0
        share = sum(ntoks[k].weight for k in matched_pos if k in name.required) / required_weight
        missing_core = [ntoks[k].norm for k in missing_required if ntoks[k].role == "core"]
        if missing_required:
            # Most partial candidates fail on the name alone: decided before reading the context.
            rejected = self._partial_rejection(cand, tokens, headline, share, missing_core)
            if rejected:
                cand.status = "rejected"
                features["rejected"] = rejected
                return self._finish(cand, features)
        firm = schema not in _NOT_FIRMS
        span = (cand.first, cand.last, firm)
        context = self._context_cache.get(span)
        if context is None:
            context = self._context_cache[span] = (
                self._negative_context(tokens, cand.first, cand.last),
                self._capitalised_neighbour(tokens, headline, cand.first, cand.last, firm),
            )
        negative, stranger = context
        if negative:
            features["negative_context"] = negative
        if not missing_required:
            cand.kind = "full"
            cand.score = base
            features["mention"] = "full"
            if any(how in _READ_HOW for _t, _s, how in cand.matched.values()) and not self._script_named(cand, tokens):
                # Arabic and Hebrew script write no short vowels: two common words read by their
                # consonants spell many a listed name (يمر نساء, "women pass", is YUNUS, Umar);
                # katakana and Hangul loanwords are read as names too.
                cand.status = "needs_support"
                features["needs_support"] = "common words in Arabic, Hebrew, katakana or Hangul script read as a name"
            elif name.kind == "weak" and name.is_person and len(name.required) <= 2:
                # OFAC's own words: weak a.k.a.s are "relatively broad or generic" and "may
                # generate a large volume of false hits" (Abu Ammar, El Chapo): only with support.
                cand.status = "needs_support"
                features["needs_support"] = "a weak (low-quality) alias of a person"
            elif not name.is_person and len(core_words) == 2 and all(
                    vocab.zipf(w) >= 4.5 and not has_digit(w) for w in core_words):
                cand.status = "needs_support"
                features["needs_support"] = "ordinary words as a name (National Bank)"
            elif not name.is_person and common and (stranger or self._where_before(tokens, cand.first)
                                                    and _own_words(core_words) > 1):
                # "the National Lottery Heritage Fund" is not NATIONAL LOTTERY AD: common words
                # run on into another capitalised name (a people's or a city's too, before two
                # such words: "American Savings Bank" is no SAVINGS BANK; the Egyptian Islamic
                # Group is ISLAMIC GROUP).
                cand.status = "needs_support"
                features["needs_support"] = "ordinary words inside a longer name"
            elif not name.is_person and all(vocab.zipf(w) >= HEADLINE_ORDINARY_ZIPF for w in core_words) \
                    and _own_words(core_words) > 1 \
                    and not _prominent(name.entity) and all(headline[t] for t, _s, _h in cand.matched.values()):
                # In a headline capitals say nothing: "Building Green: New Technologies to Create
                # Less Polluting Cement" names no LIMITED LIABILITY COMPANY NEW TECHNOLOGIES (two
                # such words, generic ones aside: "Islamic Group Claims Attack" is ISLAMIC GROUP).
                cand.status = "needs_support"
                features["needs_support"] = "ordinary words in a headline"
            elif schema in ("Vessel", "Aircraft") and (common or single):
                # Ships are named like words, places and clubs (FREEDOM, PARTIZAN): "the tanker
                # Partizan" is a hit, "Partizan - Dejan Koturovic 21" is football.
                cand.status = "needs_support"
                features["needs_support"] = "a vessel or aircraft name without a vessel or aircraft nearby"
            elif single and any(  # (its legal form aside: "Wayside Corp." of WAYSIDE CORPORATION)
                s < 0.9 or h not in _AS_WRITTEN and len(tokens[t].norm) < 8
                and not self._romanised_as_listed(tokens[t], ntoks[k].norm, s)
                for k, (t, s, h) in cand.matched.items() if ntoks[k].role not in OPTIONAL_ROLES
            ):
                cand.status = "rejected"
                features["rejected"] = "a one-word name spelled differently"
            elif single and name.is_person and len(name.required) == 1 and vocab.zipf(core_words[0]) >= DISTINCTIVE_ZIPF:
                cand.status = "needs_support"
                features["needs_support"] = "a person known by one common name"
            elif single and self._single_word_is_common(cand, tokens):
                cand.status = "needs_support"
                features["needs_support"] = "a single common word"
            elif single and not name.is_person and name.entity.prominence < PROMINENT \
                    and vocab.zipf(core_words[0]) >= DISTINCTIVE_ZIPF:
                # A one-word organisation name that English uses for something else (al-Aqsa
                # is first the mosque, Sinbad the sailor); Hamas or the Taliban, to which many
                # listed entities link, need no such support.
                cand.status = "needs_support"
                features["needs_support"] = "a one-word organisation name in common use"
            elif single and stranger:
                cand.status = "rejected"
                features["rejected"] = f"part of another name ({stranger})"
            elif name.is_person and any(h == "initial" for _t, _s, h in cand.matched.values()) and any(
                ntoks[k].role == "surname" and h not in _AS_WRITTEN
                for k, (_t, _s, h) in cand.matched.items()
            ):
                cand.status = "needs_support"
                features["needs_support"] = "an initial beside a surname spelled differently"
            elif not name.is_person and len(core_words) > 1 and not any(
                h in _AS_WRITTEN or self._transliterated(tokens[t])  # (Группа Вагнера: no word is)
                for k, (t, _s, h) in cand.matched.items()
                if ntoks[k].role == "core"
            ):
                cand.status = "rejected"
                features["rejected"] = "no word of the name spelled as listed"
            elif (
                name.is_person and not _prominent(name.entity)
                and (self._information(cand, tokens) < COMMON_NAME_INFORMATION
                     or self._all_common_parts(cand, tokens))
                and not self._initials_and_rare_surname(cand, tokens)
            ):
                if self._whole_as_listed(cand) and not (  # (Mohammed Omar Farouk is another man)
                        stranger and self._capitalised_neighbour(tokens, headline, cand.first, cand.last, titled=True)):
                    cand.status = "accepted"
                    cand.score *= COMMON_WHOLE_NAME_FACTOR
                    features.setdefault("penalties", []).append("a common name, written whole as listed")
                else:
                    cand.status = "needs_support"
                    features["needs_support"] = "a common name (Mark Taylor, Wang Chen, A. Dale)"
            elif second_surnames and self._information(cand, tokens) < SECOND_SURNAME_INFORMATION:
                cand.status = "needs_support"
                features["needs_support"] = "a common name without its second surname (Luis Hernandez)"
            else:
                cand.status = "accepted"
            if negative and not (self._someone_else(negative) and self._distinctive(cand, tokens, self._listed_title(cand))):
                cand.score *= NEGATIVE_CONTEXT_FACTOR
                features.setdefault("penalties", []).append("negative context")
        else:
            cand.kind = "partial"
            features["mention"] = "surname" if name.is_person else "partial"
            features["missing"] = [ntoks[k].norm for k in sorted(missing_required)]
            titled = self._listed_title(cand)
            distinctive = self._distinctive(cand, tokens, titled)
            cand.score = base  # replaced below according to the support found
            features["base"] = round(base, 4)
            if negative and not (distinctive and self._someone_else(negative)) or stranger:
                cand.status = "rejected"
                if stranger:
                    features["rejected"] = f"part of another name ({stranger})"
            elif distinctive and schema not in ("Vessel", "Aircraft") and not (
                    # (a common first word: Самых, "most", read 'samykh', is no JAMMEH, Deniz no
                    # DENIZ, Fadi; but Путин, spelled as listed of a name many link to, is Putin)
                    len(cand.matched) == 1 and self._common_first_word(tokens, cand.first, FIRST_WORD_ALONE_ZIPF)
                    and not (_prominent(name.entity) and all(h in _AS_WRITTEN for _t, _s, h in cand.matched.values()))
            ) and (
                name.is_person or not missing_core
                or all(vocab.zipf(tokens[t].norm) < VERY_RARE_ZIPF for t, _s, _h in cand.matched.values())
                or self._acronym_named(cand, tokens, headline, missing_core)
            ):
                # An organisation's rare word alone stands for it when the rest of the name is
                # generic ("Rosneft" of ROSNEFT TRADING); beside other content words ("Saman" of
                # SAMAN BANK, "Partizan" of PARTIZAN ARMS) only when it is very rare, or an
                # acronym the others only say what of ("VTB" of VTB BANK).
                cand.status = "accepted"
                shape = 1.0 if name.is_person else 0.85 + 0.15 * share
                cand.score = PARTIAL_DISTINCTIVE * shape * self._sim(cand)
                features["support"] = "distinctive"
            else:
                cand.status = "needs_support"
        self._finish(cand, features)
        if cand.status == "needs_support" and cand.kind == "full" and not name.is_person and not stranger \
                and all(h in _AS_WRITTEN or h == "synonym" and ntoks[k].role == "legal"
                        for k, (_t, _s, h) in cand.matched.items()) \
                and sum(len(ntoks[k].norm) for k in cand.matched if ntoks[k].role == "legal") > 1:
            # "Solid Ltd.", "Linker FZE", "Capital S.A.L.": ordinary words with the listed legal
            # form name the company (abbreviated too: "Wayside Corp." of WAYSIDE CORPORATION).
            cand.status = "accepted"
            cand.score = max(cand.score * 0.9, PARTIAL_CONTEXT) * self._sim(cand)
            features["support"] = "the legal form as listed"
        if cand.status == "needs_support" and not (
            (cand.kind == "partial" or schema not in ("Vessel", "Aircraft"))
            and vocab.zipf(ntoks[name.head].norm) >= CONTEXT_ZIPF
            and not (len(cand.matched) == 1 and any(
                self._titled_prominent(name, k, tokens, t) for k, (t, _s, _h) in cand.matched.items()))
        ):
            # ("White House" is no mention of "HOUSE OF ART LIMITED", nor "Moscow" of "BANK OF
            # MOSCOW", whatever the context.)
            exact = all(h in _AS_WRITTEN for _t, _s, h in cand.matched.values())
            blocked = stranger or cand.kind == "partial" and (
                any(ntoks[k].role == "core" for k in missing_required)
                # a place alone is the place: "a chef in Beirut" names no BEIRUT TRADE SAL
                or not name.is_person and all(ntoks[k].norm in vocab.PLACE_DESCRIPTORS for k in cand.matched))
            cue = "" if blocked or not exact else \
                self._context_cue(tokens, headline, cand.first, cand.last, schema, cand.kind == "full")
            if cue:
                cand.status = "accepted"
                cand.score = (PARTIAL_CONTEXT if cand.kind == "partial" else max(cand.score * 0.9, PARTIAL_CONTEXT)) * self._sim(cand)
                features["support"] = f"context: {cue}"
        if cand.status == "accepted" and cand.kind == "partial" and name.is_person \
                and not _prominent(name.entity) and cand.score > OBSCURE_SURNAME:
            if titled:
                # ... unless the text gives the title the list gives the person: "Shaykh Fadlallah"
                # of FADLALLAH, Shaykh Muhammad Husayn, "Sayyed Hashemitabar".
                features["support"] = "the listed title"
            else:
                # A surname alone ("Chernyshev said", "President Arafat") names the listed person
                # only if the person is known: news names others by surname after naming them in
                # full, which the same text would show (that is scored as coreference instead).
                cand.score = OBSCURE_SURNAME
                features.setdefault("penalties", []).append(OBSCURE_PENALTY)

    def _script_named(self, cand: _Candidate, tokens: list[Token], alone: bool = False) -> bool:
        """Does a name read from Arabic or Hebrew script by its consonants (`_read_abjad`), or from
        katakana or Hangul (`_read_kana`, `_read_hangul`), name the entity? Only if a word of it spelled with three
        consonants at least is rare in the script's languages (السنوار, التكريتي, プリゴジン), or
        no commoner than a leader's name is (بشار الأسد, プーチン): common words spell names by
        chance. (Not for one many listed entities link to, as a Latin name is: links say little
        of what Arabic news names, and two common words spelled the names of such people in a
        word salad, مرضه باسم as MURAD, Bassem.) A surname `alone` must be rarer: a word of no
        name in a thousand paragraphs of Korean words is 3.0 to 3.5 (유기체, "organism", as
        GOETZ; 수사대, "investigators", as ASSAD), the names in the lists' news below (프리고진,
        ショイグ), the leaders' more common (푸틴 3.5)."""
        rare_enough = ABJAD_LEADER_ZIPF if cand.name.entity.leader else SCRIPT_ALONE_ZIPF if alone else ABJAD_RARE_ZIPF
        # (three consonants of an abjad word, written alone; two of a syllabary's, its vowels written)
        return any(how in _READ_HOW and len(_VOWEL_LETTERS.sub("", tokens[t].norm)) >= (3 if how == ABJAD_HOW else 2)
                   and self._script_zipf(tokens[t], how) < rare_enough
                   for t, _sim, how in cand.matched.values())

    def _script_zipf(self, tok: Token, how: str) -> float:
        """How common a word read by another script's reading is in that script's languages."""
        word = self._text[tok.start : tok.end]
        script = "kana" if how == KANA_HOW else "hangul" if how == HANGUL_HOW else abjad_script(word)
        return vocab.zipf_any_language(word, script)

    @staticmethod
    def _someone_else(negative: str) -> bool:
        """Does a negative context word say that someone else bears the name (the composer, a
        striker), rather than that a thing is named after it (Kalashnikov rifles, the Babri
        mosque)? Only the first leaves a distinctive name alone: no one else bears it."""
        return negative not in vocab.THING_CONTEXT

    def _distinctive(self, cand: _Candidate, tokens: list[Token], titled: bool) -> bool:
        """Does the text name the candidate by a word no one else is known by: rare in English
        (commoner for a person or firm many listed entities link to, commoner still for a leader:
        Putin), spelled as listed, or by sound with the listed title beside it? Such a word
        alone names the entity ("Prigozhin", "Shoigu"), and whatever the context: "Prigozhin
        financed a film", "Putin attended the opera" (not "the composer Wagner")."""
        name = cand.name
        ntoks = name.tokens
        rare_enough = LEADER_ZIPF if name.entity.leader else \
            DISTINCTIVE_ZIPF if name.entity.prominence < PROMINENT else PROMINENT_DISTINCTIVE_ZIPF
        return any(
            max(vocab.zipf(ntoks[k].norm), vocab.zipf(tokens[t].norm)) < rare_enough
            and len(ntoks[k].norm) > 2
            and (how in _AS_WRITTEN
                 # with the title the list gives the person, a spelling that sounds the same
                 # (Sayyed Mousavy, Hajji Noorzay)
                 or titled and how == "phonetic" and sim >= 0.95
                 or _prominent(name.entity) and len(tokens[t].norm) >= 7 and how not in _READ_HOW
                 # a surname in katakana, rare in Japanese (プリゴジン) or a leader's (プーチン)
                 or how in (KANA_HOW, HANGUL_HOW) and name.is_person and self._script_named(cand, tokens, True)
                 # a surname in another script sounds as listed: Шойгу (read 'shoygu') is SHOIGU
                 # (not an organisation's word: "в Москве" is no BANK MOSKVY)
                 or name.is_person and sim >= 0.98 and self._transliterated(tokens[t]))
            and sim >= 0.9
            for k, (t, sim, how) in cand.matched.items()
            if ntoks[k].role not in OPTIONAL_ROLES
        )

    def _acronym_named(self, cand: _Candidate, tokens: list[Token], headline: _Headlines,
                       missing_core: list[str]) -> bool:
        """Is the mention one word written in capitals in prose, as listed, three letters or
        more, of a firm many listed entities link to, whose other words only say what it does
        ("VTB" of VTB BANK, as the press names it)? An acronym is how such a firm is known; a
        capitalised word beside the same words is not ("Saman" of SAMAN BANK is also a given
        name), nor an acronym of a firm nobody links to (the NPV of a project is no NPV
        ENGINEERING, MSD the drug maker no MSD CAPITAL)."""
        if len(cand.matched) != 1 or not self._mixed_case or not _prominent(cand.name.entity):
            return False
        (t, _sim, how), = cand.matched.values()
        tok = tokens[t]
        return tok.upper and len(tok.norm) >= 3 and how in _AS_WRITTEN and not headline[t] \
            and all(w in vocab.ORG_DESCRIPTORS or w in vocab.GENERIC_ORG_WORDS for w in missing_core)

    @staticmethod
    def _listed_title(cand: _Candidate) -> bool:
        """Does the mention give the person the title the list gives (Shaykh, Sayyed, Haji)?"""
        ntoks = cand.name.tokens
        return any(ntoks[k].role == "title" and how in _AS_WRITTEN for k, (_t, _s, how) in cand.matched.items())

    def _partial_rejection(self, cand: _Candidate, tokens: list[Token], headline: _Headlines,
                           share: float, missing_core: list[str]) -> str:
        """Why a mention naming only part of a listed name is none of it ("" if it may be)."""
        name = cand.name
        ntoks = name.tokens
        matched_pos = cand.matched.keys()
        if name.kind == "weak":
            return "a weak alias not named whole"  # a low-quality alias counts only whole
        if name.is_person:
            if not self._surname_of_primary(name, set(matched_pos)):
                return "surname of an alias only"  # "ROSTOV, Nicholas" is one alias among many
            if self._mixed_case and not any(tokens[cand.matched[k][0]].capitalized for k in matched_pos):
                return "surname in lowercase"
            if not any(ntoks[k].role == "surname" for k in matched_pos):
                return "a given name alone"  # names nobody
            if all(tokens[t].norm in vocab.DEMONYMS for t, _s, _h in cand.matched.values()):
                return "a people's name alone"  # "an Iraqi Kurd leader" names no AL-KURD
            surnames = [k for k, t in enumerate(ntoks) if t.role == "surname"]
            if len(surnames) > 1 and surnames[0] not in matched_pos:
                return "second surname without the first"  # "GUTIERREZ PARRA" goes by Gutierrez
        if (
            name.head not in matched_pos and not (name.entity.leader and first_surname(ntoks) in matched_pos)
            or ntoks[name.head].role not in ("core", "surname")
            or (not name.is_person and share < 0.5)
            or any(ntoks[k].role not in OPTIONAL_ROLES and cand.matched[k][1] < 0.9 for k in matched_pos)
            # "Kurdistan" of "KURDISTAN BRIGADES", "Baghdad" of "FLY BAGHDAD": only generic
            # words ("group") may be missing, or common ones beside a rare word ("Rosneft"); not
            # a number, which tells one such firm from the next ("Sergiev Posad" of 48 TSNII
            # SERGIEV POSAD, a town; "Penal Colony" of PENAL COLONY IK-7)
            or any(vocab.zipf(w) < 4.5 for w in missing_core)
            or any(ntoks[k].role == "number" for k in name.required - matched_pos)
        ):
            # "Russia" of "... BRANCH OF THE MVD OF RUSSIA", "harm" for "HARAM":
            # a side word or a loose spelling is no mention of the whole.
            return "partial mention without the name's main word"
        if name.is_person:
            elsewhere = self._named_in_full_as_another(cand, tokens, headline)
            if elsewhere:
                return f"the text names another {elsewhere}"  # "Alexei Chernyshev ... Chernyshev said"
        return ""

    @staticmethod
    def _surname_of_primary(name: IndexedName, matched_pos: set[int]) -> bool:
        if name.kind == "primary":
            return True
        primary = set(_primary_words(name.entity.name))
        return any(name.tokens[k].norm in primary for k in matched_pos if name.tokens[k].role == "surname")

    def _single_word_is_common(self, cand: _Candidate, tokens: list[Token]) -> bool:
        """A one-word name ("HAMAS") is a hit alone unless the word is ordinary ("Freedom"), in
        English or, first in a sentence, where any word is capitalised, in a language of the
        news that writes its script (Этим, "by this", is no ETIM; Entrar no ENTRAR LLC; not of
        a name many listed entities link to)."""
        for k, (t, _sim, _how) in cand.matched.items():
            if cand.name.tokens[k].role in OPTIONAL_ROLES:
                continue
            words = (cand.name.tokens[k].norm, tokens[t].norm)
            # Without its legal form ("LLC SPUTNIK SP") a company name is weaker than a
            # name that is one word by itself ("HAMAS").
            limit = 3.0 if any(t.role == "legal" for t in cand.name.tokens) else 4.0
            if any(vocab.zipf(w) >= limit or len(w) <= 3 for w in words):
                return True
            if not _prominent(cand.name.entity) and (
                    self._common_first_word(tokens, t, limit + SENTENCE_START_MORE)
                    # a firm named as people are: "Viktoria mourns her husband" is no OOO VIKTORIYA
                    or cand.name.entity.schema not in _NOT_FIRMS
                    and any(self.index.given_name_persons()[w] for w in words)):
                return True
        return False

    def _common_first_word(self, tokens: list[Token], t: int, limit: float) -> bool:
        """Is token `t` a sentence's first word, capitalised as any, or a word of a script without
        capitals (Devanagari, Bengali), as common as `limit` in a language of the news that
        writes its script (सिटी, "city", is no ...OBSCHESTVO SITI)?"""
        written = self._text[tokens[t].start : tokens[t].end].lower()
        script = letter_script(written)
        return (_sentence_start(tokens, t) or script in _CASELESS_SCRIPTS) \
            and vocab.zipf_any_language(written, script) >= limit

    def _named_in_full_as_another(self, cand: _Candidate, tokens: list[Token], headline: _Headlines) -> str:
        """Another occurrence of the surname, glued to a capitalised word that is none of the
        entity's names: the text is about someone else of that surname."""
        surnames = {tokens[t].norm for k, (t, _s, _h) in cand.matched.items()
                    if cand.name.tokens[k].role not in ("stop", "title")}  # not the 'al' of AL ZAWAHIRI
        # Every occurrence counts, this one too (it is rejected anyway if glued to a stranger),
        # so the answer is one per entity and surname in a text: many mentions stay linear.
        key = (cand.name.entity.entity_id, frozenset(surnames))
        if key in self._another_cache:
            return self._another_cache[key]
        found = self._find_another(cand, tokens, headline, surnames)
        self._another_cache[key] = found
        return found

    def _find_another(self, cand: _Candidate, tokens: list[Token], headline: _Headlines, surnames: set[str]) -> str:
        if self._positions_of is None:
            self._positions_of = defaultdict(list)
            for i, tok in enumerate(tokens):
                self._positions_of[tok.norm].append(i)
        own = {t.norm for n in self._names_by_entity.get(cand.name.entity.entity_id, [cand.name]) for t in n.tokens}
        for i in (i for norm in surnames for i in self._positions_of.get(norm, ())):
            tok = tokens[i]
            other = self._capitalised_neighbour(tokens, headline, i, i)
            if other and other.split()[0] not in own and not any(
                _word_similarity(tokens[j].norm, tokens[j].stem, word)[0] >= GIVEN_NAME_MATCH
                for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[j].norm == other.split()[0]
                for word in own
            ):
                return f"{other} {tok.norm}".title()
        return ""

    @staticmethod
    def _comma_order_ok(cand: _Candidate, tokens: list[Token]) -> bool:
        """A comma inside a person's name may only follow the surname ("PRIGOZHIN, Yevgeniy")."""
        by_token = {t: k for k, (t, _s, _h) in cand.matched.items()}
        for t in range(cand.first + 1, cand.last + 1):
            if "," in tokens[t].gap:
                k = by_token.get(t - 1)
                if k is None or cand.name.tokens[k].role != "surname":
                    return False
        return True

    @staticmethod
    def _information(cand: _Candidate, tokens: list[Token]) -> float:
        """How much a mention says: the weights of its words, an initial counting little."""
        total = 0.0
        for k, (t, _s, how) in cand.matched.items():
            ntok = cand.name.tokens[k]
            if ntok.role in ("stop", "legal"):
                continue
            total += 0.5 if how == "initial" else min(ntok.weight, token_weight(_as_read(tokens[t], how)))
        return total

    def _initials_and_rare_surname(self, cand: _Candidate, tokens: list[Token]) -> bool:
        """Is the mention the initials of the listed given names beside a surname that alone
        would name the person, rare and spelled as listed ("V. Yanukovych", "S. Kislyak")? An
        initial says little, but the surname says enough and the initial agrees with it."""
        ntoks = cand.name.tokens
        hows = [how for _t, _s, how in cand.matched.values()]
        roles = {ntoks[k].role for k, (_t, _s, how) in cand.matched.items() if how != "initial"}
        return "initial" in hows and "surname" in roles and roles <= {"surname", "stop"} \
            and self._distinctive(cand, tokens, False)

    @staticmethod
    def _whole_as_listed(cand: _Candidate) -> bool:
        """Does the text write every word of a listed person's name of two words or more as
        listed, one of them a word English text seldom uses (below `COMMON_NAME_ZIPF`)? Then the
        name is common among the listed people ("Mohammed Omar", "Muhammad Ibrahim"), not in
        English news, and names the listed person unless it runs on into a longer name."""
        ntoks = cand.name.tokens
        return len(ntoks) >= 2 and len(cand.matched) == len(ntoks) \
            and all(how in _AS_WRITTEN for _t, _s, how in cand.matched.values()) \
            and any(vocab.zipf(ntok.norm) < COMMON_NAME_ZIPF for ntok in ntoks if ntok.role != "stop")

    def _all_common_parts(self, cand: _Candidate, tokens: list[Token]) -> bool:
        """Every part is a common name among the same people (Hassan Ahmed, Abdullah Muhammed:
        many listed people's names use each; Wang Chen, Mark Taylor: English text uses each much).
        A name common in one and a name common in the other make a rare pair: Alexey (60 listed
        people, Zipf 2.7) Miller (3 listed people, Zipf 4.5) is Gazprom's chief."""
        listed = english = True
        for k, (t, _s, how) in cand.matched.items():
            ntok = cand.name.tokens[k]
            if ntok.role in ("stop", "legal") or how == "initial":
                continue
            word = _as_read(tokens[t], how)
            listed = listed and max(self.index.name_part_counts.get(ntok.norm, 0),
                                    self.index.name_part_counts.get(word, 0)) >= COMMON_NAME_PART
            english = english and max(vocab.zipf(ntok.norm), vocab.zipf(word)) >= COMMON_NAME_ZIPF
            if not (listed or english):
                return False
        return True

    @staticmethod
    def _sim(cand: _Candidate) -> float:
        sims = [s for _t, s, _h in cand.matched.values()]
        return sum(sims) / len(sims)

    @classmethod
    def _closeness(cls, cand: _Candidate) -> float:
        """How closely the text reads the listed words it names: their mean similarity (a weak
        alias's less), not what the text leaves out ("M. Varabei" reads VARABEI, Mikalai
        Mikalaevich closer than VARABEY, Mikalai, which it scores higher for the patronymic it
        lacks), nor how much the listed words weigh (the text's words are the same for every
        name on the span). A middle initial of the span that the name lacks reads as 0 (the V. of
        "Yevgeny V. Prigozhin" is Viktorovich's, not unread in PRIGOZHIN, Evgeny)."""
        sims = [s for _t, s, _h in cand.matched.values()]
        return sum(sims) / (len(sims) + cand.initials_skipped) * KIND_FACTOR.get(cand.name.kind, 1.0)

    @staticmethod
    def _finish(cand: _Candidate, features: dict[str, Any]) -> None:
        cand.features = features

    @staticmethod
    def _window(tokens: list[Token], first: int, last: int, width: int) -> list[int]:
        """Positions of the tokens around a span within its sentence."""
        out: list[int] = []
        i = first - 1
        while i >= 0 and first - i <= width and not _sentence_start(tokens, i + 1):
            out.append(i)
            i -= 1
        i = last + 1
        while i < len(tokens) and i - last <= width and not _sentence_start(tokens, i):
            out.append(i)
            i += 1
        return out

    def _negative_context(self, tokens: list[Token], first: int, last: int) -> str:
        for i in self._window(tokens, first, last, 8):
            if tokens[i].norm in vocab.NEGATIVE_CONTEXT or tokens[i].norm in vocab.THING_CONTEXT \
                    and (i < first and first - i <= THING_WIDTH or i > last and i - last <= THING_WIDTH):
                return tokens[i].norm
        return ""

    def _context_cue(self, tokens: list[Token], headline: _Headlines, first: int, last: int, schema: str,
                     whole: bool = False) -> str:
        """A word beside the span that says what kind of entity it names: a title before a
        person's surname, a cue of the schema near an organisation's or vessel's name (of a firm
        named `whole`, its shares or a stake in it too)."""
        if schema == "Person":
            # "Mr Prigozhin", "President Putin": a title right before the surname.
            i = first - 1
            if i >= 0 and tokens[i].norm in vocab.HONORIFICS and _joinable(tokens, first):
                return tokens[i].norm
            return ""
        if schema == "Vessel" and first > 0 and (prefix := _vessel_prefix(tokens, first - 1)):
            return prefix  # (right before the name, whatever its full stops: "M.T. Grace")
        cues = {"Vessel": vocab.VESSEL_CONTEXT, "Aircraft": vocab.AIRCRAFT_CONTEXT}.get(schema) or (
            _FIRM_CUES if whole and _alone(tokens, first, last) else vocab.ORG_CONTEXT)
        for i in self._window(tokens, first, last, 2):
            tok = tokens[i]
            # A capitalised cue in prose belongs to another name ("West Bank", "City Bank");
            # in a headline ("Wagner Chief Prigozhin") capitals say nothing, nor in German, which
            # capitalises its nouns ("Wagner-Söldner"), nor first in a sentence ("Tanker GRACE 1").
            if tok.norm in cues and not (self._mixed_case and tok.capitalized and not headline[i] and not self._german
                                         and not _sentence_start(tokens, i)):
                return tok.norm
        return ""

    def _capitalised_neighbour(self, tokens: list[Token], headline: _Headlines, first: int, last: int,
                               firm: bool = False, titled: bool = False) -> str:
        """A capitalised word glued to the span that starts or ends another proper name (not a
        legal form beside a `firm`'s name; if `titled`, not a title before the name: "Mullah
        Mohammed Omar", "Brigadier General Muhammad Ibrahim")."""
        for i, side in ((first - 1, "left"), (last + 1, "right")):
            if i < 0 or i >= len(tokens) or titled and side == "left" and tokens[i].norm in vocab.NAME_TITLES:
                continue
            found = self._stranger(tokens, first, i, side, firm)
            # Asked last, as it reads the whole line: in "Wagner Chief Says" capitals say
            # nothing; "Sara Thorsett" still does.
            if found and not (vocab.zipf(tokens[i].norm) >= 3.0 and headline[i]):
                return found
        return ""

    @staticmethod
    def _where_before(tokens: list[Token], first: int) -> bool:
        """Is the span at `first` glued to a capitalised people's or city's word before it?"""
        return first > 0 and tokens[first - 1].capitalized and tokens[first - 1].norm in _WHERE \
            and _GLUED.match(tokens[first].gap) is not None

    def _stranger(self, tokens: list[Token], first: int, i: int, side: str, firm: bool = False) -> str:
        """The proper name that token `i`, glued to a span starting at `first`, begins or ends."""
        tok = tokens[i]
        boundary = tokens[first] if side == "left" else tok
        if not _GLUED.match(boundary.gap):
            return ""  # punctuation or a possessive between: "Russia's Wagner"
        if (side == "right" and tok.norm in _NAME_PARTICLES and i + 1 < len(tokens)
                and tokens[i + 1].capitalized and re.match(r"^(?:\s|-)$", tokens[i + 1].gap)):
            return f"{tok.norm} {tokens[i + 1].norm}"  # "Rami al-Saadani", "Rami bin Laden"
        if firm and side == "right" and tok.norm.isdigit() and tok.gap == " " and not _YEAR.match(tok.norm):
            return tok.norm  # a number after a firm's word goes on its name: "lobbying firm Synergy 360"
        if not tok.capitalized or tok.upper or not tok.norm.isalpha() or _CJK.match(self._text, tok.start):
            return ""  # (Chinese, Japanese and Korean write no capitals: 국방장관, "defence minister", is no name)
        if firm and tok.norm in vocab.LEGAL_FORMS:
            return ""  # a legal form the list does not give the firm ("Innfocus Ltd" of INNFOCUS LLC)
        if side == "left" and not _sentence_start(tokens, i) and tok.gap == "":
            return ""
        if side == "left" and tok.norm == "el" and boundary.gap == " " and _sentence_start(tokens, i):
            return ""  # the Spanish article opening a sentence, "El Grupo Wagner" (Arabic writes El-Kurd)
        if side == "left" and _sentence_start(tokens, i) \
                and vocab.zipf_any_language(written := self._text[tok.start:tok.end].lower(), letter_script(written)) \
                >= SENTENCE_START_ZIPF \
                and not self.index.given_name_persons()[tok.norm]:
            # A sentence's first word, capitalised as any, common in a language of the news and
            # no listed person's given name: "Наемники Пригожина", "Rebel Wagner troops"
            return ""
        # (beside a firm's name a word English uses often is another firm's: "Islamic Group
        # Economic"; a letter or a particle is not, "Jihad R. 'Alamah", "Rashid Trust Al")
        if (vocab.is_ordinary_capitalized(tok.norm, common=not firm or len(tok.norm) <= 2) or side == "left" and tok.norm in _WHERE
                or self._german and vocab.german_noun(self._text[tok.start:tok.end].lower())) \
                and not (len(tok.norm) > 2 and self.index.given_name_persons()[tok.norm] >= 2):
            # ("Russian Wagner", "Gaza Hamas", a people's or a city's word before the name; after
            # it, "Abdallah Kuwaiti", it is a surname. But a given name of two listed persons or
            # more, Juan, George, Ali, is a given name: "Juan Shuvalov" is another man)
            return ""
        return tok.norm

    # -- 5: resolution --------------------------------------------------------------------

    def _resolve(self, candidates: list[_Candidate], tokens: list[Token]) -> list[_Candidate]:
        # Best candidate per (entity, span).
        best: dict[tuple[int, int, int], _Candidate] = {}
        for cand in candidates:
            if cand.status == "rejected":
                continue
            key = (cand.name.entity.entity_id, cand.first, cand.last)
            old = best.get(key)
            # The entity's name read closest decides (NATIONAL BANK, a weak alias that needs
            # support, over BANCO NATIONAL for "National Bank"; WONG, Mun Chi over WONG, Moon Chi
            # for "Mun Wong"; VARABEI, Mikalai Mikalaevich over VARABEY, Mikalai for "M. Varabei":
            # see `_closeness`), a name found whole before one with required words missing; of
            # two alike, the higher score, then the accepted.
            if old is None or (cand.kind == "full", self._closeness(cand), cand.score, cand.status == "accepted") > (
                    old.kind == "full", self._closeness(old), old.score, old.status == "accepted"):
                best[key] = cand
        pool = list(best.values())
        # Coreference: an entity named in full lends its name to its short mentions.
        named_in_full: dict[int, float] = {}  # entity -> its best full mention's score
        for c in pool:
            if c.kind == "full" and c.status == "accepted":
                eid = c.name.entity.entity_id
                named_in_full[eid] = max(named_in_full.get(eid, 0.0), c.score)
        for cand in pool:
            eid = cand.name.entity.entity_id
            if eid in named_in_full and cand.kind == "partial" and cand.status in ("needs_support", "accepted"):
                cand.status = "accepted"
                cand.score = min(named_in_full[eid], PARTIAL_COREFERENCE * self._sim(cand))
                cand.features["support"] = "coreference: named in full in the same text"
                penalties = [p for p in cand.features.pop("penalties", []) if p != OBSCURE_PENALTY]
                if penalties:
                    cand.features["penalties"] = penalties
            elif OBSCURE_PENALTY in cand.features.get("penalties", ()) and any(
                    other != eid and score >= self.threshold for other, score in named_in_full.items()):
                # "Zawahiri, al-Qaeda's leader, ...": another listed entity named in full in the
                # same text makes a listed surname more than chance.
                cand.score = PARTIAL_CONTEXT * self._sim(cand)
                cand.features["penalties"].remove(OBSCURE_PENALTY)
                cand.features["support"] = "another listed entity named in the same text"
        accepted = [c for c in pool if c.status == "accepted"]
        # Overlaps between entities: full beats partial, longer beats shorter, then score.
        accepted.sort(key=lambda c: (c.kind == "full", c.last - c.first, c.score), reverse=True)
        by_token: dict[int, list[_Candidate]] = defaultdict(list)
        chosen: list[_Candidate] = []
        for cand in accepted:
            span = range(cand.first, cand.last + 1)
            rivals = {id(r): r for t in span for r in by_token[t]}.values()
            lose = False
            for rival in rivals:
                same_span = rival.first == cand.first and rival.last == cand.last
                if rival.kind == "full" and cand.kind == "partial" or not same_span and (rival.last - rival.first) > (cand.last - cand.first):
                    lose = True
                elif same_span and cand.kind == "partial" and rival.kind == "partial":
                    rival_full = rival.name.entity.entity_id in named_in_full
                    mine_full = cand.name.entity.entity_id in named_in_full
                    if rival_full and not mine_full:
                        lose = True
            if lose:
                continue
            chosen.append(cand)
            for t in span:
                by_token[t].append(cand)
        return self._disambiguate_surnames(chosen, named_in_full)

    def _disambiguate_surnames(self, chosen: list[_Candidate], named_in_full: dict[int, float]) -> list[_Candidate]:
        """One surname, several listed people: keep the one others link to most, if clear (and
        of persons named alike without their second surname, the leader)."""
        groups: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
        without_second: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
        for cand in chosen:
            if cand.kind == "partial" and cand.name.is_person:
                groups[(cand.first, cand.last)].append(cand)
            elif cand.name.is_person and "missing_second_surname" in cand.features:
                without_second[(cand.first, cand.last)].append(cand)
        dropped: set[int] = set()
        for group in without_second.values():
            # "Nicolás Maduro": of the persons so named without their second surname, the leader
            # (MADURO MOROS, Nicolas, not his son MADURO GUERRA, Nicolas Ernesto)
            leaders = [c for c in group if c.name.entity.leader]
            if len({c.name.entity.entity_id for c in leaders}) == 1 and len(leaders) < len(group):
                dropped.update(id(c) for c in group if not c.name.entity.leader)
                leaders[0].features["ambiguity"] = f"name shared by {len({c.name.entity.entity_id for c in group})} listed people; the leader"
        for group in groups.values():
            if len(group) < 2:
                continue
            in_full = [c for c in group if c.name.entity.entity_id in named_in_full]
            if in_full:
                dropped.update(id(c) for c in group if c not in in_full)
                continue
            exact = [c for c in group if all(h in _AS_WRITTEN for _t, _s, h in c.matched.values())]
            group = exact or group
            dropped.update(id(c) for c in groups[(group[0].first, group[0].last)] if c not in group)
            group.sort(key=lambda c: (c.name.entity.leader, c.name.entity.prominence), reverse=True)
            top, second = group[0].name.entity.prominence, group[1].name.entity.prominence if len(group) > 1 else 0
            if len(group) > 1 and group[0].name.entity.leader and not group[1].name.entity.leader:
                # "Assad said": the head of state among the listed Assads
                dropped.update(id(c) for c in group[1:])
                group[0].features["ambiguity"] = f"surname shared by {len(group)} listed people; the leader"
            elif len(group) > 1 and top >= PROMINENT and top >= 3 * max(second, 1):
                dropped.update(id(c) for c in group[1:])
                group[0].features["ambiguity"] = f"surname shared by {len(group)} listed people; most linked"
            else:
                for c in group:
                    c.score *= AMBIGUOUS_SURNAME_FACTOR
                    c.features["ambiguity"] = f"surname shared by {len(group)} listed people"
        return [c for c in chosen if id(c) not in dropped]

    def _identified(self, text: str) -> list[Mention]:
        """Listed entities the text names by an identifier the list gives them (a ship's IMO
        number, a digital currency address): found exactly, scored 1.0."""
        return [Mention(entity=entity, start=start, end=end, text=text[start:end], matched_name=label, score=1.0,
                        kind="identifier", features={"mention": "identifier", "identifier": label})
                for start, end, entity, label in self.index.identified(text)]

    def _not_korean(self, cand: _Candidate, tokens: list[Token]) -> bool:
        """Is a candidate read off Hangul syllables other than a Korean's whole name written as
        Korean writes it, in one word from its first syllable, the surname first (김정은,
        김정은이)? Read by its syllables, a Hangul word spells a Korean name only (것, "thing", is
        no GEOS, 류 진 no RYU, Jin), and its part is a word's too often (총리, "prime minister",
        reads 'chong ri' of RI, Chong Chol; 신용, "credit", 'sin yong' of SIN, Yong Il), and so
        is a whole name of two (서명, "signature", 'seo myeong' as SO, Myong; 강릉, a city, as
        KANG, Ryong): three syllables at least, as most Korean names have."""
        places = sorted(t for t, _s, _h in cand.matched.values())
        if self._hangul.isdisjoint(places):
            return False
        name = cand.name
        first = min(cand.matched.items(), key=lambda kv: kv[1][0])[0]
        return not (name.is_person and korean_name(name.tokens) and name.tokens[first].role == "surname"
                    and len(cand.matched) == len(name.tokens) >= HANGUL_SYLLABLES_LEAST
                    and all(t in self._hangul for t in places)
                    and places == list(range(places[0], places[-1] + 1))
                    and (places[0] == 0 or tokens[places[0]].gap != "")
                    and all(tokens[t].gap == "" for t in places[1:]))

    def _han_mentions(self, text: str) -> list[Mention]:
        """The listed names a text names in Han characters (see `han`): as the list writes them
        (1.0) or, for a Chinese person's name the list writes in pinyin, by their reading (0.9)."""
        if self._han_names is None:
            self._han_names = HanNames(self.index.names)
        mentions = []
        seen: set[tuple[int, int, int]] = set()
        for start, end, name_idx, score, how in self._han_names.find(text):
            name = self.index.names[name_idx]
            if (start, end, name.entity.entity_id) in seen:
                continue  # (CHEN, Guoping and CHEN, Guo Ping read alike)
            seen.add((start, end, name.entity.entity_id))
            mentions.append(Mention(
                entity=name.entity, start=start, end=end, text=text[start:end], matched_name=name.text,
                score=score, kind="full", features={"mention": "han", "how": how, "name_kind": name.kind,
                                                    "reading": " ".join(fold(ch) for ch in text[start:end])}))
        return mentions

    # -- output ---------------------------------------------------------------------------

    @staticmethod
    def _mention(cand: _Candidate, text: str, tokens: list[Token]) -> Mention:
        start, end = tokens[cand.first].start, tokens[cand.last].end
        ntoks = cand.name.tokens
        features = {"name_kind": cand.features.get("name_kind", cand.name.kind), "tokens": [
            {"text": tokens[t].norm, "listed": ntoks[k].norm, "role": ntoks[k].role,
             "similarity": round(s, 3), "how": how}
            for k, (t, s, how) in sorted(cand.matched.items(), key=lambda kv: kv[1][0])
        ]} | cand.features
        if len(cand.matched) <= cand.last - cand.first:  # an article grown over ("Yahya al-Sinwar")
            inside = {t for t, _s, _h in cand.matched.values()}
            unlisted = [tokens[t].norm for t in range(cand.first, cand.last + 1) if t not in inside]
            if particles := [w for w in unlisted if len(w) > 1]:
                features["unlisted_particles"] = particles
            if initials := [w for w in unlisted if len(w) == 1]:  # a middle initial ("Amer G. Najafianpur")
                features["unlisted_initials"] = initials
        return Mention(
            entity=cand.name.entity,
            start=start,
            end=end,
            text=text[start:end],
            matched_name=cand.name.text,
            score=round(min(1.0, max(0.0, cand.score)), 4),
            kind=cand.kind,
            features=features,
        )
