"""Name against name: the score of a pair, and the best listed entities for a query name.

The score is a weighted overlap of the two names' words: each word weighs by how rare it is,
words are aligned in any order by their best similarity (spelling variants, transliteration,
initials), legal forms and particles count little, numbers must agree, and two persons with
different given names are told apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache, partial
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from monitor.matching import vocab
from monitor.matching.abjad import (
    ARABIC_NAME_ZIPF,
    ARABIC_RARE_ZIPF,
    ARABIC_VOWELS,
    ARABIC_VOWELS_HOW,
    abjad_keys,
    abjad_script,
    abjad_similarity,
    arabic_spellings,
    latin_abjad_keys,
)
from monitor.matching.han import HAN, chinese_order, han_org_words
from monitor.matching.index import (
    OPTIONAL_ROLES,
    SOFT_STARTS,
    SYLLABLE_WORD,
    MatchIndex,
    NameToken,
    NearKeys,
    analyse_name,
    east_slavic,
    korean_name,
)
from monitor.matching.model import PairScore
from monitor.matching.normalize import (
    consonant_skeleton,
    east_slavic_key,
    east_slavic_spelling,
    korean_key,
    name_tokens,
    normalize_phrase,
    phonetic_keys,
    reading_how,
)
from monitor.matching.similarity import (
    TOKEN_MATCH,
    TRANSPOSED,
    OneSlip,
    digits,
    gendered,
    gendered_surname,
    has_digit,
    initial_matches,
    slavic_vowels_differ,
    token_similarity,
    transposed,
)
from monitor.matching.syllabaries import (
    KATAKANA,
    hangul_similarity,
    hangul_words,
    kana_similarity,
    syllabary_key,
)

SCHEMA_ALIASES = {
    "person": "Person", "individual": "Person", "organization": "Organization",
    "organisation": "Organization", "company": "Organization", "legalentity": "Organization",
    "entity": "Organization", "vessel": "Vessel", "aircraft": "Aircraft", "thing": "Organization",
}
OPTIONAL_WEIGHT = {"legal": 0.15, "stop": 0.15, "suffix": 0.15, "title": 0.15, "patronymic": 0.35, "middle": 0.5}


def canonical_schema(schema: str | None) -> str | None:
    if not schema:
        return None
    return SCHEMA_ALIASES.get(schema.strip().lower().replace("_", "").replace("-", ""), schema)


_ABD = vocab.ABD
_ARTICLES = vocab.ARABIC_ARTICLES
_DIN = frozenset(["din", "deen", "dine", "dden", "ddin"])


def _merge_compounds(tokens: list[NameToken]) -> tuple[NameToken, ...]:
    """Arabic compound names as one word, however they are split: 'Abd al-Rahim', 'Abdul Rahim'
    and 'Abdulrahim' are all 'abd..rahim'; 'Bashir-Ud-Din' is 'Bashir uddin'."""
    out: list[NameToken] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        if tok.norm in _ABD and nxt and k + 1 < len(tokens):
            take = 3 if nxt in _ARTICLES and k + 2 < len(tokens) else 2
            parts = tokens[k : k + take]
            if (tok.role == "surname") != (parts[-1].role == "surname"):
                out.append(tok)  # not across the comma: "ABDUL, Musa" (nor MUSA ABDUL read surname first)
                k += 1
                continue
            word = "".join(t.norm for t in parts)
            role = tok.role if tok.role not in ("stop", "title") else parts[-1].role
            out.append(NameToken(word, phonetic_keys(word), role, max(t.weight for t in parts)))
            k += take
            continue
        if tok.norm in vocab.ALLAH_ENDINGS and out and out[-1].role in _GIVEN | {"surname"}:
            # الله or الدين after a word is one name with it (قدرت الله is Qudratullah, رحمت الله
            # Rahmatullah, سعد الدين Saduddin)
            prev = out.pop()
            word = prev.norm + tok.norm
            out.append(NameToken(word, phonetic_keys(word), prev.role, max(prev.weight, tok.weight)))
            k += 1
            continue
        if tok.norm in _ARTICLES and nxt in _DIN and out:
            word = tok.norm + nxt
            out.append(NameToken(word, phonetic_keys(word), "middle" if out[-1].role != "surname" else "surname",
                                 tokens[k + 1].weight))
            k += 2
            continue
        out.append(tok)
        k += 1
    return tuple(out)


# A Russian or Ukrainian adjective made of a place or a name: Permskiy (of Perm), Tulskaya.
_ADJECTIVE = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:sk(?:iy|ij|ii|yi|y|aya|aia|oye|oe|oi|ogo))$")


# Russian words borrowed from English, as their transliteration ends them: DISTRIBUTSIYA is
# distribution, TEKHNOLOGII technologies, LOGISTIKA logistics, INNOVATSIONNYE innovation.
_LOANWORD_ENDINGS = (
    (re.compile(r"tsi(?:ya|ia|i|yu|ei)$"), "tion"), (re.compile(r"tsionn(?:[yi][eiyj]?|[ao][eyj]?|aya|ykh|ogo)$"), "tion"),
    (re.compile(r"ogii$"), "ogies"), (re.compile(r"ogi(?:ya|ia)$"), "ogy"), (re.compile(r"(?<=[a-z]{4})i[kc]a$"), "ics"),
)


def _loanword(norm: str) -> str:
    """A Russian transliteration of an English word with the English ending ('' if none)."""
    for pattern, repl in _LOANWORD_ENDINGS:
        reading = pattern.sub(repl, norm)
        if reading != norm:
            return reading
    return ""


def _org_words(tokens: list[NameToken] | tuple[NameToken, ...]) -> tuple[NameToken, ...]:
    """An organisation's generic words in one language: 'banco' is 'bank', 'gruppa' 'group';
    an adjective of a place has the place as its other form ('permskiy': 'perm'), and a Russian
    loanword the English ending ('distributsiya': 'distribution')."""
    out = []
    # (English "concern" is a group only beside a word of the firm's own: Kalashnikov Concern is
    # Kalashnikov Group, an Islamic Concern no ISLAMIC GROUP)
    own_word = any(t.role == "core" and vocab.zipf(t.norm) < ORDINARY_ZIPF for t in tokens)
    for tok in tokens:
        if tok.role == "core" and not tok.stem and (adjective := _ADJECTIVE.match(tok.norm)):
            tok = NameToken(tok.norm, tok.keys, tok.role, tok.weight, adjective["stem"])
        elif tok.role in ("core", "generic") and not tok.stem and (loan := _loanword(tok.norm)):
            tok = NameToken(tok.norm, tok.keys, tok.role, tok.weight, loan)
        # (not a legal form: CO is a legal form, not the word COMPANY of a name, which text
        # abbreviates so: "Puma Security Co.")
        canonical = vocab.ORG_SYNONYMS.get(tok.norm) if tok.role != "legal" and (own_word or tok.norm != "concern") else None
        # The word as written stays the token's other form, for misspellings of it ("TEHNOLOGIES").
        out.append(tok if canonical is None else NameToken(canonical, phonetic_keys(canonical), tok.role, tok.weight,
                                                           tok.norm))
    return tuple(out)


def _titled(tokens: tuple[NameToken, ...]) -> tuple[NameToken, ...]:
    """A person's name whose first given name is also a title (`vocab.NAME_OR_TITLE`) read with
    it as a title when another given name follows (HAFIZ MUHAMMAD SAEED is Muhammad Saeed; see
    `_given_not_title` for the other reading)."""
    for k, tok in enumerate(tokens):
        if tok.role == "given" and tok.norm in vocab.NAME_OR_TITLE and any(t.role == "middle" for t in tokens[k:]):
            return _reroled(tokens, k, "title", "middle", "given")
    return tokens


def _reroled(x: tuple[NameToken, ...], k: int, role: str, next_role: str, next_as: str) -> tuple[NameToken, ...]:
    """A name whose k-th word plays `role`, and the first word after it that played `next_role`
    `next_as`."""
    out = list(x)
    out[k] = replace(x[k], role=role)
    nxt = next((m for m in range(k + 1, len(x)) if x[m].role == next_role), None)
    if nxt is not None:
        out[nxt] = replace(x[nxt], role=next_as)
    return tuple(out)


def _for_pairs(tokens: list[NameToken] | tuple[NameToken, ...], schema: str) -> tuple[NameToken, ...]:
    """A name's tokens as names are compared with names (not as the text matcher reads them)."""
    return _titled(_merge_compounds(list(tokens))) if schema == "Person" else _org_words(tokens)


class _Facts:
    """What `score_tokens` asks of one name whatever the other (its words as compared, its
    letters, its numbers...), found once per name rather than once per pair: most pairs in
    screening have nothing in common, and these tell so soonest. (Kept for every name analysed,
    so small: a word's facts and the sets of letters are shared between names.)"""

    __slots__ = ("words", "firsts", "pieces", "joinable", "initials", "titled", "east_slavic", "korean",
                 "joined", "total", "generation", "numbers", "patronymics")

    def __init__(self, x: tuple[NameToken, ...]) -> None:
        self.words = tuple(map(_word_facts, x))
        self.firsts = _shared(frozenset(t.norm[0] for t in x))
        # First letters of the words `_align_joined` may run together, and of those it may find
        # them run into (spelled alike: a run begins as its word does).
        self.pieces = _shared(frozenset(t.norm[0] for t in x if len(t.norm) > 1 and t.role not in _NOT_JOINED))
        self.joinable = _shared(frozenset(t.norm[0] for t in x if len(t.norm) >= 5 and t.role not in _NOT_JOINED))
        self.initials = sum(len(t.norm) == 1 for t in x)
        self.titled = any(t.role == "title" for t in x)
        self.east_slavic = east_slavic(x)
        self.korean = korean_name(x)
        self.joined = "".join(t.norm for t in x)
        self.total = sum(_weight(t) for t in x)
        self.generation = _shared(frozenset(t.norm for t in x if t.norm in vocab.GENERATION))
        self.numbers = tuple(sorted(digits(t.norm) for t in x if has_digit(t.norm)))
        self.patronymics = tuple(k for k, t in enumerate(x) if t.role == "patronymic")


@lru_cache(maxsize=200_000)
def _word_facts(t: NameToken) -> tuple[NameToken, str, int, bool, str, frozenset[str]]:
    """A word as `score_tokens` compares it: the token, the word, its length, a given name?,
    its other form, its keys."""
    return t, t.norm, len(t.norm), t.role in _GIVEN, t.stem, _shared(frozenset(t.keys))


_SHARED: dict[frozenset[str], frozenset[str]] = {}


def _shared(letters: frozenset[str]) -> frozenset[str]:
    """One copy of each set of letters or keys, however many names have it (of the last
    200,000 sets: queries bring new words without end)."""
    found = _SHARED.get(letters)
    if found is None:
        if len(_SHARED) >= 200_000:
            _SHARED.clear()
        found = _SHARED[letters] = letters
    return found


class _Name(tuple):
    """A name's tokens as compared (`_for_pairs`), with their `_Facts`."""

    facts: _Facts


def _named(tokens: tuple[NameToken, ...]) -> _Name:
    name = _Name(tokens)
    name.facts = _Facts(name)
    return name


def _facts(x: tuple[NameToken, ...]) -> _Facts:
    return x.facts if type(x) is _Name else _Facts(x)


@lru_cache(maxsize=100_000)
def _analysed(name: str, schema: str) -> _Name:
    if schema != "Person" and HAN.search(name):
        name = han_org_words(name)  # (華信船務有限公司: HUAXIN SHIPPING CO LTD)
    return _named(_for_pairs(analyse_name(name, schema), schema))


FOREIGN_ZIPF = 3.0  # a firm's word English uses less than this, read as an English one, is a translation's
ORDINARY_REORDERED = 0.65  # two names of ordinary words in another order (see `_reordered`)
ORDINARY_MORE = 0.85  # two names of ordinary words, one with a word more (see `score_tokens`)
ORDINARY_ZIPF = 3.5  # English uses a word this often (Fort 4.5, Consulting 4.1, Hum 3.6; Huawei 3.3, Danesh 1.7)


def _weight(tok: NameToken) -> float:
    return tok.weight * OPTIONAL_WEIGHT.get(tok.role, 1.0)


def _ordinary_weights(a: tuple[NameToken, ...], b: tuple[NameToken, ...],
                      aligned: list[tuple[int, int, float, str]]) -> tuple[dict[int, float], dict[int, float]]:
    """Firms' words met as two spellings of one ordinary English word, each weighing as that
    word, found at their similarity (by position in `a` and in `b`): POLIMER, ARKTEC, OZEAN are
    polymer, arctic, ocean, no rarer than the English words, and a misspelled name can weigh no
    more than the name spelled right ("POLYMER HOLDING LLC" ~ JSC POLIMER as ~ JSC POLYMER)."""
    weight_a: dict[int, float] = {}
    weight_b: dict[int, float] = {}
    for i, j, _sim, how in aligned:
        if how != "exact" and a[i].role == "core" and b[j].role == "core" \
                and max(vocab.zipf(a[i].norm), vocab.zipf(b[j].norm)) >= ORDINARY_ZIPF:
            weight_a[i] = weight_b[j] = min(_weight(a[i]), _weight(b[j]))
    return weight_a, weight_b


JOINED_SAME = 0.95  # two names of the same letters, spaced otherwise (ABDUL RAHMAN / ABDULRAHMAN)


def score_tokens(a: tuple[NameToken, ...], b: tuple[NameToken, ...], schema: str | None = None,
                 scripts: tuple[str, str] = ("", ""), explain: bool = True,
                 slips: frozenset[tuple[str, str]] = frozenset(),
                 own_names: frozenset[str] = frozenset()) -> tuple[float, dict[str, Any]]:
    """The score of two names' tokens and its features; `slips` are pairs (a word of `a`, a word
    of `b`) to read as a typo of one word (see `_slips`), `own_names` words of `a` that are names
    of their own, no misspelling of a word of other consonants (see `search`)."""
    if not a or not b:
        return 0.0, {"reason": "empty name"}
    score, features = _aligned_score(a, b, schema, scripts, explain, slips, own_names)
    if score < JOINED_SAME and len(a) != len(b) and (joined := _facts(a).joined) == _facts(b).joined:
        # The same letters in other words: BLENDERIO / BLENDER.IO, whose words had aligned one
        # with part of the other (blenderio / blender) and left the rest (io) unmatched.
        return JOINED_SAME, {"aligned": [{"a": joined, "b": joined, "similarity": 1.0, "how": "joined"}]} \
            if explain else {}
    return score, features


def _aligned_score(a: tuple[NameToken, ...], b: tuple[NameToken, ...], schema: str | None,
                   scripts: tuple[str, str], explain: bool,
                   slips: frozenset[tuple[str, str]], own_names: frozenset[str]) -> tuple[float, dict[str, Any]]:
    """`score_tokens` by aligning the two names' words."""
    similar = token_similarity
    if scripts[0] != scripts[1] and not (scripts[0] and scripts[1]):  # (one name in another script: `name_script`)
        similar = _PAIR_SIMILAR[scripts[0] or scripts[1], bool(scripts[0])]
    pairs: list[tuple[float, int, int, str]] = []
    plain = similar is token_similarity
    facts_a, facts_b = _facts(a), _facts(b)
    b_words = facts_b.words
    slavic = facts_a.east_slavic or facts_b.east_slavic
    articles: list[tuple[int, int]] = []
    own_apart = False  # (a word pair kept apart as names of their own: see below)
    for i, (ta, a_norm, a_len, a_given, a_stem, a_keys) in enumerate(facts_a.words):
        for j, (tb, b_norm, b_len, b_given, b_stem, b_keys) in enumerate(b_words):
            if a_norm == b_norm:
                if a_norm in _ARTICLES and ta.role == "stop" and tb.role == "stop":
                    articles.append((i, j))  # (paired once the words run together are: see below)
                    continue
                pairs.append((1.0, i, j, "exact"))
                if a_norm in vocab.NAME_OR_TITLE and {ta.role, tb.role} == _TITLE_AND_GIVEN:
                    a, b = _given_not_title(a, i), _given_not_title(b, j)
                continue
            if a_given and b_given and frozenset((a_norm, b_norm)) in vocab.NICKNAMES:
                pairs.append((0.9, i, j, "nickname"))  # Bill / William
                continue
            if (a_stem or b_stem) and (a_stem in (b_norm, b_stem) or b_stem == a_norm):
                # Путина / Putin: a Russian case ending; Jamenei / KHAMENEI, a j as Spanish reads it
                pairs.append((0.97, i, j, reading_how(a_norm, a_stem) if a_stem in (b_norm, b_stem)
                              else reading_how(b_norm, b_stem)))
                continue
            if a_len == 1 or b_len == 1:
                # An initial stands for a given name, never for a surname ("P." is not Petrov) nor
                # a particle (A-LFREIJ's A is no AL: the hyphen is misplaced).
                if ta.role in _INITIAL_ROLES and tb.role in _INITIAL_ROLES and (
                        initial_matches(a_norm, b_norm, slavic) and tb.role != "stop"
                        or initial_matches(b_norm, a_norm, slavic) and ta.role != "stop"):
                    # (Y., E., J. are one initial of an East Slavic name only: Enrique Dockrat
                    # is no DOCKRAT, J. I.)
                    pairs.append((0.85, i, j, "initial"))
                continue
            if plain and not (a_stem or b_stem) and abs(a_len - b_len) > 2 and a_keys.isdisjoint(b_keys):
                continue  # nothing in common in sound nor in length: not worth a comparison
            sim, how = similar(a_norm, b_norm)
            if sim < TRANSPOSED and plain and a_len == b_len and a_norm[0] == b_norm[0] and transposed(a_norm, b_norm):
                sim, how = TRANSPOSED, "transposed"  # Pert / Petr: a typo
            elif sim < SLIP and (a_norm, b_norm) in slips:
                sim, how = SLIP, "a typo of an unknown word"  # Jqse / Jose
            elif how in ("fuzzy", "phonetic") and _names_of_their_own(a_norm, b_norm, sim, own_names):
                own_apart = True
                continue
            elif sim < 0.9 and ta.role == "surname" and tb.role == "surname" and plain \
                    and slavic and slavic_vowels_differ(a_norm, b_norm):
                continue  # vowels no romanisation writes: Dmitry Petelin is not PUTILIN, Dmitry
            if sim < ARABIC_VOWELS and plain and min(a_len, b_len) >= 4 and not a_keys.isdisjoint(b_keys) \
                    and arabic_spellings(a_norm, b_norm, ARABIC_NAME_ZIPF if schema == "Person" else ARABIC_RARE_ZIPF):
                # (Zayniyah / Zeiniye, Raymi / Rimi, a person's Esad / Assad; the length and keys
                # asked first, as they cost least)
                sim, how = ARABIC_VOWELS, ARABIC_VOWELS_HOW
            if sim < TOKEN_MATCH and (a_stem or b_stem):  # a misspelled word that has another form
                for x, y in ((a_stem, b_stem), (a_stem, b_norm), (a_norm, b_stem)):
                    if x and y:
                        sim, how = max((sim, how), similar(x, y))
            if sim >= TOKEN_MATCH and not (a_given and b_given and gendered(a_norm, b_norm)):
                pairs.append((sim, i, j, how))  # (Maria/Mario, Robert/Roberta: two people)
    # Ties: a pair of one role first (JANG, Chang Ha / CHANG, Chang-ha: the given names pair,
    # not a given name with the surname), then the names' written order.
    pairs.sort(key=lambda p: (-p[0], _ROLE_GROUP.get(a[p[1]].role) != _ROLE_GROUP.get(b[p[2]].role), p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    aligned = []
    for sim, i, j, how in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        aligned.append((i, j, sim, how))
    _align_given_variants(a, b, used_a, used_b, aligned, similar, own_names)
    if facts_a.titled and facts_b.titled:  # (a title read as a given name above adds none)
        _align_titles(a, b, used_a, used_b, aligned)
    if schema == "Person":
        _align_last_variant(a, b, used_a, used_b, aligned, similar)
    elif schema == "Organization":
        _align_last_core(a, b, used_a, used_b, aligned, similar)
    if len(used_a) == len(a) or len(used_b) == len(b):
        pass  # (nothing left to align on one side)
    elif facts_a.east_slavic or facts_b.east_slavic:
        _align_romanised(a, b, used_a, used_b, aligned, east_slavic_key, "East Slavic romanisation", 3, SOFT_STARTS,
                         east_slavic_spelling)
    elif facts_a.korean and facts_b.korean:
        _align_romanised(a, b, used_a, used_b, aligned, korean_key, "Korean romanisation", 2, None)
    # (Spelled alike, words run together begin as the word they make: see `_align_joined`.)
    joined = [] if plain and facts_a.pieces.isdisjoint(facts_b.joinable) else \
        _align_joined(a, b, used_a, used_b, similar)
    if not plain or not facts_b.pieces.isdisjoint(facts_a.joinable):
        joined += [(i, j, sim, how) for j, i, sim, how in _align_joined(b, a, used_b, used_a, _swapped(similar))]
    # An article on each side is the same article unless one of them is run into its word in
    # the other name: EL SHEIKH, ELSHAFEE / ELSHEIKH, El Shafee (el / el had taken both).
    for i, j in articles:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            aligned.append((i, j, 1.0, "exact"))
    if len(a) - len(used_a) >= 2 and len(b) - len(used_b) >= 2 and not facts_a.firsts.isdisjoint(facts_b.firsts):
        joined += _align_split_elsewhere(a, b, used_a, used_b)
    if schema != "Person":
        if facts_a.initials >= 2:
            joined += _align_initials(a, b, used_a, used_b)
        if facts_b.initials >= 2:
            joined += [(i, j, sim, how) for j, i, sim, how in _align_initials(b, a, used_b, used_a)]
    if not aligned and len(a) > 1 and len(b) > 1 and not own_apart:
        # "Abdul Rahman" vs "Abdulrahman": compare the names written without spaces (not names
        # whose words were kept apart as names of their own: Anton Katranji is no KAWTHRANI, Adnan).
        joined_a, joined_b = facts_a.joined, facts_b.joined
        # (by spelling for a syllabary: its consonant classes are too loose for a whole name)
        sim, how = (token_similarity if similar in _SYLLABARY_SIMILAR else similar)(joined_a, joined_b)
        if sim >= 0.9:
            return sim * 0.95, {"aligned": [{"a": joined_a, "b": joined_b, "similarity": round(sim, 3), "how": "joined"}]}
    if not aligned and not joined:  # nothing in common (most pairs in screening): no score to weigh
        return 0.0, {"aligned": [], "unmatched": _unmatched(a, used_a) + _unmatched(b, used_b)} if explain else {}
    # How much of each name is found, by weight (a pair of words run together counts both).
    weight_a, weight_b = _ordinary_weights(a, b, aligned) if schema == "Organization" else ({}, {})
    found_a = sum((weight_a.get(i) or _weight(a[i])) * sim for i, _j, sim, _h in aligned) + sum(
        sum(_weight(a[k]) for k in i) * sim for i, _j, sim, _h in joined)
    found_b = sum((weight_b.get(j) or _weight(b[j])) * sim for _i, j, sim, _h in aligned) + sum(
        sum(_weight(b[k]) for k in j) * sim for _i, j, sim, _h in joined)
    # (A title read as a given name above weighs as one: those facts are found anew.)
    facts_a, facts_b = _facts(a), _facts(b)
    total_a, total_b = facts_a.total, facts_b.total
    if weight_a:
        total_a -= sum(_weight(a[i]) for i in weight_a) - sum(weight_a.values())
        total_b -= sum(_weight(b[j]) for j in weight_b) - sum(weight_b.values())
    score = (found_a + found_b) / (total_a + total_b) if total_a + total_b else 0.0
    penalties: list[str] = []
    # (Two parts at least must agree: "Abuobaidah Mehri" only adds to "ABU OBAIDAH", one word.)
    subset = schema == "Person" and len(aligned) + len(joined) >= 2 and _is_subset(a, b, used_a, used_b, aligned)
    if subset:
        # "Mustapha Kamel Mustapha" ~ "MOSTAFA KAMEL MOSTAFA IBRAHIM": every part of one name is
        # in the other, which only adds surnames, ancestors or middle names: scored by how much
        # of the shorter name is found, less a little for what the longer one adds.
        score = max(score, _contained(found_a / total_a, found_b / total_b, 0.65))
        if len(used_a) < len(a) or len(used_b) < len(b):  # (not said of two names found whole)
            penalties.append("one name adds parts to the other")
    elif schema == "Person" and len(aligned) + len(joined) >= 2 and _is_subset(a, b, used_a, used_b, aligned, False):
        # "Rolando Godoy" ~ OSUNA GODOY, Rolando: a person of two surnames named by the second,
        # a rare one spelled alike (the first names the family: less sure; Ismael Garcia is any
        # Ismael Garcia, and "Arturo Kaskar" no MEZA GASPAR, Arturo).
        score = max(score, _contained(found_a / total_a, found_b / total_b, 0.65) * SECOND_SURNAME)
        subset = True
        penalties.append("one name has the second of the other's two surnames only")
    forebears = schema == "Person" and not subset and _forebears_agree(a, b, used_a, used_b, aligned)
    if forebears:
        # BASHAR SABAWI IBRAHIM HASAN AL-TIKRITI ~ Bashar Sabawi Ibrahim Hasan al-Bayjat: an
        # Arabic name's given name, father's and grandfather's agree and the family or tribal
        # name differs: one person known by two such names (brothers differ in the given name).
        lost_a = sum(_weight(t) for k, t in enumerate(a) if k not in used_a and t.role == "surname")
        lost_b = sum(_weight(t) for k, t in enumerate(b) if k not in used_b and t.role == "surname")
        score = max(score, _contained(found_a / (total_a - lost_a), found_b / (total_b - lost_b), 0.65) * FOREBEARS)
        subset = True
        penalties.append("the family names differ, the given name and forebears agree")
    # Do the two organisations share only ordinary English words? (Asked of organisations only.)
    ordinary = schema == "Organization" and all(
        vocab.zipf(a[i].norm) >= ORDINARY_ZIPF
        for i in (*(i for i, _j, _s, _h in aligned), *(k for i, _j, _s, _h in joined for k in i))
        if a[i].role == "core")  # (words run together count: CONCEPTOSCREEN is no ordinary word)
    if schema == "Organization" and not subset and not ordinary and _org_subset(a, b, used_a, used_b):
        # (Not for ordinary words: "SOLID HOLDING CO" is not SOLID LTD, nor "BANK INVESTMENTS"
        # INTERNATIONAL INVESTMENT BANK.)
        # "Rosneft" ~ "ROSNEFT OIL COMPANY": the longer name only says what the firm does.
        score = max(score, _contained(found_a / total_a, found_b / total_b, 0.7))
        subset = True
        penalties.append("one name adds words that say what the firm does")
    if schema == "Person" and facts_a.generation != facts_b.generation:
        score *= 0.7  # father and son (KINAHAN JUNIOR, Christopher Vincent / KINAHAN, Christopher Vincent)
        penalties.append("junior and senior")
    if schema == "Person" and any(a[i].role == "surname" and b[j].role == "surname" and how != "inflection"
                                  and gendered_surname(a[i].norm, b[j].norm) for i, j, _s, how in aligned):
        score *= 0.85  # husband and wife, father and daughter (Andrey Zakharova / ZAKHAROV, Andrey)
        penalties.append("a man's and a woman's form of one surname")
    # Numbers are identifiers: "11420 CORP" is not "BELLETECH CORP" (their digits compared:
    # RF78815 is RF-78815, YV1003 is not YV1004).
    nums_a, nums_b = facts_a.numbers, facts_b.numbers
    if (nums_a or nums_b) and nums_a != nums_b:
        score *= 0.6
        penalties.append("numbers differ")
    # Two persons whose fathers' names are both stated and differ are two people.
    patr_a, patr_b = facts_a.patronymics, facts_b.patronymics
    if patr_a and patr_b and not any(i in used_a for i in patr_a) and not any(j in used_b for j in patr_b):
        score *= 0.8
        penalties.append("patronymics differ")
    # Two persons whose given names are both stated and differ are two people.
    givens_a = [i for i, t in enumerate(a) if t.role == "given"]
    givens_b = [j for j, t in enumerate(b) if t.role == "given"]
    if givens_a and givens_b and not any(i in used_a for i in givens_a) and not any(j in used_b for j in givens_b):
        score *= 0.8
        penalties.append("given names differ")
    # Both names have a part the other lacks (Kim Jong Un / Kim Jong Il): a different name.
    side_a = [t for k, t in enumerate(a) if k not in used_a and t.role in ("given", "middle", "surname", "core")]
    side_b = [t for k, t in enumerate(b) if k not in used_b and t.role in ("given", "middle", "surname", "core")]
    if side_a and side_b and not (schema == "Organization" and subset) and not forebears and not (
            schema == "Person" and (_initials_beside_surnames(side_a, side_b) or _initials_beside_surnames(side_b, side_a))):
        # Conflicting given names weigh most (Jose Luis / Jose Maria, Kim Chol Sam / Kim Chol Nam).
        score *= 0.75 if schema == "Person" and {t.role for t in side_a} & _GIVEN and \
            {t.role for t in side_b} & _GIVEN else 0.85
        penalties.append("each name has a part the other lacks")
    elif ordinary and not subset and any(
            t.role == "core" and t.norm not in vocab.PLACE_DESCRIPTORS
            for x, used in ((a, used_a), (b, used_b)) for k, t in enumerate(x) if k not in used):
        # Two firms' names of ordinary words, one adding a word: "MARITIME BANK FINANCIAL LLC"
        # is not MARITIME BANK (a place says where, not which: SHANGHAI BOYLE CHEMICAL CO., LTD.
        # is BOYLE CHEMICAL CO., LTD.)
        score *= ORDINARY_MORE
        penalties.append("ordinary words, and one name adds another")
    elif schema == "Person" and not subset and any(t.role in ("given", "surname") for t in (*side_a, *side_b)):
        # One name states a given name or surname the other lacks: Uday Saddam Hussein is not
        # Saddam Hussein, Ismael Garcia is not ZAMBADA GARCIA, Ismael.
        first_given_lost = any(t.role == "given" and t.norm not in _PIOUS_FIRST for t in (*side_a, *side_b))
        score *= 0.75 if first_given_lost else 0.85
        penalties.append("a given name or surname on one side only")
    elif (side_a or side_b) and schema in ("Vessel", "Aircraft"):
        # A vessel or aircraft name is an identifier: "MAYAK STAR" is another ship than "MAYAK".
        score *= 0.8
        penalties.append("a vessel or aircraft name with a word the other lacks")
    elif schema == "Organization" and not subset and any(
            t.role == "core" and len(t.norm) > 2 and t.norm not in vocab.ORG_DESCRIPTORS
            and t.norm not in vocab.PLACE_DESCRIPTORS
            for t in (*side_a, *side_b)) and ordinary:
        # Ordinary words in common and a word that says which firm on one side only ("PART
        # CONSULTING FORT" / FORT CONSULTING OOO): another firm. Rare words in common
        # ("ERVIN DANESH" / ERVIN DANESH ARYAN COMPANY) name the same one.
        score *= 0.85
        penalties.append("ordinary words in common, a word that names the firm on one side only")
    if ordinary and _reordered(a, b, aligned) and not any(t.role == "stop" for t in (*a, *b)):
        # "SYSTEMS RUSSIA SPACE JSC" is no RUSSIAN SPACE SYSTEMS JSC: a firm named by ordinary
        # words is named by their order too (a place may go anywhere, and a name with of, de, and
        # is turned about in translation: BANCO CENTRAL DE VENEZUELA, CENTRAL BANK OF VENEZUELA)
        score *= ORDINARY_REORDERED
        penalties.append("ordinary words in another order")
    if any(how == _VOWELS_ONLY for _i, _j, _s, how in aligned):
        # (Hassan / Hussein, Sulayman / Salman are names of their own as well as spellings)
        score *= 0.85
        penalties.append("a name part agrees by its consonants only")
    if schema == "Person" and not subset and (_lost_syllable(a, used_a) or _lost_syllable(b, used_b)):
        # "Kim Chol" ~ "KIM, Chol Sam": a syllable of a given name is missing, not a middle name.
        score *= 0.75
        penalties.append("a short part of the given name on one side only")
    if not explain:
        return min(1.0, score), {}
    unmatched_required = _unmatched(a, used_a) + _unmatched(b, used_b)
    features = {
        "aligned": [{"a": a[i].norm, "b": b[j].norm, "similarity": round(sim, 3), "how": how}
                    for i, j, sim, how in aligned] + [
            {"a": "".join(a[k].norm for k in i), "b": "".join(b[k].norm for k in j), "similarity": round(sim, 3),
             "how": how} for i, j, sim, how in joined],
        "unmatched": unmatched_required,
    }
    if penalties:
        features["penalties"] = penalties
    return min(1.0, score), features


_TITLE_AND_GIVEN = frozenset(["title", "given"])


def _reordered(a: tuple[NameToken, ...], b: tuple[NameToken, ...], aligned: list) -> bool:
    """Do the words of a firm's name that say what it is (core and generic, places aside) stand
    in another order in the other name, both in one language? (A word of another language read as
    its English one, `_org_words`, says a translation, which has its own order: FEDERALNAYA SLUZHBA
    BEZOPASNOSTI is the FEDERAL SECURITY SERVICE.)"""
    if any(t.stem and vocab.ORG_SYNONYMS.get(t.stem) == t.norm and vocab.zipf(t.stem) < FOREIGN_ZIPF for t in (*a, *b)):
        return False  # (not an English word read as another: SYSTEMS as SYSTEM, CONCERN as GROUP)
    order = [j for i, j, _s, _h in sorted(aligned) if a[i].role in ("core", "generic") and b[j].role in ("core", "generic")
             and a[i].norm not in vocab.PLACE_DESCRIPTORS and b[j].norm not in vocab.PLACE_DESCRIPTORS]
    return order != sorted(order)


def _given_not_title(x: tuple[NameToken, ...], k: int) -> tuple[NameToken, ...]:
    """A name whose k-th word, a title or a given name (`vocab.NAME_OR_TITLE`), is its given name:
    the given name after it is a middle name (MAJID, Hafiz Abdul as MAJID, Hafiz / Abdul)."""
    return _reroled(x, k, "given", "given", "middle") if x[k].role == "title" else x


def _initials_beside_surnames(side_x: list[NameToken], side_y: list[NameToken]) -> bool:
    """Are the parts left of one name initials only and the other's surnames only? Then they do
    not conflict: an initial is no surname (GORRIN, Raul A / GORRIN BELISARIO, Raul)."""
    return all(len(t.norm) == 1 for t in side_x) and all(t.role == "surname" for t in side_y)


def _unmatched(x: tuple[NameToken, ...], used: set[int]) -> list[str]:
    """The words of a name that must be found and were not."""
    return [t.norm for k, t in enumerate(x) if k not in used and t.role not in OPTIONAL_ROLES]


def _contained(share_a: float, share_b: float, floor: float) -> float:
    """The score of a name found within another: how much of the shorter is found, from `floor`
    up as more of the longer one is found too."""
    short, long_ = sorted((share_a, share_b), reverse=True)
    return short * (floor + (1 - floor) * long_)


_GIVEN = frozenset(["given", "middle"])
SECOND_SURNAME = 0.85  # a person named by the second of two surnames (Rolando Godoy / OSUNA GODOY) ...
SECOND_SURNAME_ZIPF = 3.0  # ... a rare one (Godoy 2.1, Tapia 2.3; not Garcia 3.9, Herrera 3.4)
_INITIAL_ROLES = frozenset(["given", "middle", "patronymic", "stop"])  # "Y." is read as the stop word "y"
_NAME_PARTS = ("given", "middle", "surname")
# The part of a person's name a word plays, given and middle names as one.
_ROLE_GROUP = {"given": "given", "middle": "given", "surname": "surname", "patronymic": "patronymic"}


# Given names that open many Muslim names and are often left out (Muhammad Arif Qasmani is
# known as Arif Qasmani): the given name that tells people apart is the next one.
_PIOUS_FIRST = frozenset(["muhammad", "mohammad", "mohammed", "muhammed", "mohamed", "mohamad", "mohd", "md",
                          "mouhamad", "mohamud", "mahamed", "mehmet", "muhamad", "muhamed"])


_SON_OF = vocab.SON_OF | {"bin", "ibn", "bint"}


def _first_given(tokens: tuple[NameToken, ...]) -> int | None:
    names: list[int] = []
    for k, t in enumerate(tokens):
        if t.norm in _SON_OF and names:
            break  # what follows "bin" names the father: Muhammad bin Salman's given name is Muhammad
        if t.role in _GIVEN and len(t.norm) > 1:
            names.append(k)
    if not names or tokens[names[0]].role != "given":
        return next((k for k, t in enumerate(tokens) if t.role == "given"), None)
    for k in names:
        if tokens[k].norm not in _PIOUS_FIRST:
            return k
    return names[0]


def _descriptive(t: NameToken) -> bool:
    """A word of an organisation's name that says what or where the firm is, not which."""
    return t.role == "generic" or t.norm in vocab.ORG_DESCRIPTORS or t.norm in vocab.PLACE_DESCRIPTORS


def _org_subset(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int], used_b: set[int]) -> bool:
    """Is one organisation's name all found in the other, which adds only descriptive words? Or
    do both name the firm by the same word and differ only in such words (KOREA HYOKSIN EXPORT
    AND IMPORT CORPORATION / KOREA HYOKSIN TRADING CORPORATION)?"""
    for x, used_x, y, used_y in ((a, used_a, b, used_b), (b, used_b, a, used_a)):
        core = [k for k, t in enumerate(x) if t.role in ("core", "generic", "number")]
        if not core or any(k not in used_x for k in core):
            continue
        extra = [t for k, t in enumerate(y) if k not in used_y and t.role in ("core", "generic", "number")]
        if extra and all(_descriptive(t) for t in extra):
            return True
    extra_a = [t for k, t in enumerate(a) if k not in used_a and t.role in ("core", "generic", "number")]
    extra_b = [t for k, t in enumerate(b) if k not in used_b and t.role in ("core", "generic", "number")]
    return bool(extra_a and extra_b) and all(_descriptive(t) for t in (*extra_a, *extra_b)) and any(
        t.role == "core" and not _descriptive(t) and not has_digit(t.norm) for k, t in enumerate(a) if k in used_a)


def _is_subset(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int], used_b: set[int],
               aligned: list, first_surname: bool = True) -> bool:
    """Is every part of one person's name in the other, and the other's first given name and
    first surname (of two) among them? Then the other only adds names (not Uday Saddam Hussein
    ~ Saddam Hussein: Uday is another given name; not Ismael Garcia ~ ZAMBADA GARCIA, Ismael;
    not Ali Mohammed Ahmed ~ ALI, Muhammad: their given names are Ali and Muhammad)."""
    partner_of_a = {i: j for i, j, _s, _h in aligned}
    partner_of_b = {j: i for i, j, _s, _h in aligned}
    sim_of_a = {i: sim for i, _j, sim, _h in aligned}
    sim_of_b = {j: sim for _i, j, sim, _h in aligned}
    how_of_a = {i: how for i, _j, _s, how in aligned}
    how_of_b = {j: how for _i, j, _s, how in aligned}
    for x, used_x, y, used_y, partner, sim_of_y, how_of_y in ((a, used_a, b, used_b, partner_of_b, sim_of_b, how_of_b),
                                                              (b, used_b, a, used_a, partner_of_a, sim_of_a, how_of_a)):
        parts = [k for k, t in enumerate(x) if t.role in _NAME_PARTS and len(t.norm) > 1]
        if len(parts) < 2 or any(k not in used_x for k in parts):
            continue
        given = _first_given(y)
        surnames = [k for k, t in enumerate(y) if t.role == "surname"]
        # Two surnames stated and found on both sides (CARDENAS GUILLEN, Antonio Ezequiel ~
        # CARDENAS GUILLEN, Ezequiel): a first given name more is a name the person also has.
        two_surnames = len(surnames) >= 2 and all(k in used_y for k in surnames) \
            and sum(t.role == "surname" for t in x) >= 2
        if given is not None and given not in used_y and not two_surnames \
                and not _western_beside_syllables(y, used_y, given, x, used_x):
            continue
        x_given = _first_given(x)
        if given is not None and x_given is not None and given in partner and \
                x[partner[given]].norm != x[x_given].norm:
            continue
        if len(surnames) > 1 and (surnames[0] not in used_y if first_surname else not any(
                sim_of_y.get(k, 0.0) >= 0.9 and vocab.zipf(y[k].norm) < SECOND_SURNAME_ZIPF for k in surnames)):
            continue
        if surnames and not any(k in used_y for k in surnames) and any(
                x[partner[k]].role == "surname" and y[k].role == "patronymic" for k in partner):
            continue  # "Dmitry Ivankovich" is not SAVELYEV, Dmitry Ivanovich: a surname read as his father's name
        if surnames and not any(k in used_y for k in surnames) and given is not None and how_of_y.get(given) == "initial":
            continue  # "Adam Rahman" is not AL-NAIMI, A. Rahman: the given name an initial, the surname not found
        if _lost_syllable(y, used_y, 1):
            continue  # "KIM, Chol Sam" adds a syllable to the given name, not a name: not Kim Chol
        return True
    return False


def _western_beside_syllables(y: tuple[NameToken, ...], used_y: set[int], given: int,
                              x: tuple[NameToken, ...], used_x: set[int]) -> bool:
    """Is y's first given name, unmatched, a Western name beside a Chinese one found whole in x
    (LEE, John Ka-chiu ~ LEE, Ka Chiu; Peter Wong Kwok-wai ~ Wong Kwok Wai)? A Hong Kong name
    puts its English given name first; its Chinese given name, two syllables, says who. Said
    when x's name is all syllables, the surname and two given syllables at least, and the only
    part of y left over is that first given name, itself no syllable."""
    syllables = [k for k, t in enumerate(x) if t.role in _GIVEN]
    return len(syllables) >= 2 and all(SYLLABLE_WORD.match(t.norm) for t in x if t.role in _NAME_PARTS) \
        and any(t.role == "surname" for t in x) and all(k in used_x for k, t in enumerate(x) if t.role in _NAME_PARTS) \
        and len(y[given].norm) >= 3 and not SYLLABLE_WORD.match(y[given].norm) \
        and all(k in used_y for k, t in enumerate(y) if t.role in _NAME_PARTS and k != given)


FOREBEARS = 0.85  # a person whose given name and two forebears' agree, the family name not (see below) ...
FOREBEARS_WEIGHT = 6.0  # ... names that say enough (Umar Talib Zughayr 7.6, Adel Azhar Youssef 6.3; not Ahmed Mohamed Ali 4.6)


def _forebears_agree(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int], used_b: set[int],
                     aligned: list) -> bool:
    """Do two Arabic names (an article in one: al-, el-) agree in the first given name and two
    names after it, the father's and grandfather's, names rare enough together to say who
    (`FOREBEARS_WEIGHT`), each adding at most a surname the other lacks, one at least? (Not Omar
    / Sa'd Sabawi Ibrahim Hasan: brothers; not KHAN, Dilawar Khan Nadir / ZAIN KHAN, Dilawar
    Khan: Nadir is a given name more; not AL-MASRI / AL-LIBI, Ahmed Mohamed Ali: common names.)"""
    if not any(t.role == "stop" and t.norm in vocab.ARABIC_ARTICLES for t in (*a, *b)):
        return False
    left = [t for x, used in ((a, used_a), (b, used_b)) for k, t in enumerate(x)
            if k not in used and t.role in _NAME_PARTS and len(t.norm) > 1]
    if not left or any(t.role != "surname" for t in left) or len(left) > 2:
        return False
    given_a, given_b = _first_given(a), _first_given(b)
    chain = [(i, j) for i, j, sim, _h in aligned if a[i].role in _GIVEN and b[j].role in _GIVEN and sim >= 0.9]
    return (given_a, given_b) in chain and len(chain) >= 3 and sum(a[i].weight for i, _j in chain) >= FOREBEARS_WEIGHT


# The Arabic article in South Asian spellings of compound names (Mati-ur-Rehman, Zia-ul-Haq,
# Nizam-ud-Din): no syllable of a given name.
_SOUTH_ASIAN_ARTICLE = frozenset(["ur", "ul", "ud", "us", "uz", "un"])


def _lost_syllable(x: tuple[NameToken, ...], used: set[int], shortest: int = 2) -> bool:
    """Is a short middle part of `x` unmatched beside a matched short part of its given name?
    Then a syllable of one given name is missing (KIM, Chol Sam ~ Kim Chol), not a whole name
    (DAHER, Ibrahim Ali ~ DAHIR, Ibrahim; CHAN, Eric Kwok-ki ~ CHAN, Eric)."""
    return any(
        k not in used and t.role == "middle" and shortest <= len(t.norm) <= 3
        and (len(t.norm) == 1 or SYLLABLE_WORD.match(t.norm) is not None)  # (Ali is a name: IBRAHIM ALI ABU BAKR ~ Ibrahim Abubaker)
        and (t.norm not in _SOUTH_ASIAN_ARTICLE or korean_name(x))  # (Korean Un is a syllable: Kim Jong Un)
        and any(n in used and x[n].role in _GIVEN and len(x[n].norm) <= 4 for n in (k - 1, k + 1) if 0 <= n < len(x))
        # (beside another part of the same side, it is a whole name more: LEE, John Ka-chiu ~ LEE, John)
        and not any(n not in used and x[n].role in _GIVEN for n in (k - 1, k + 1) if 0 <= n < len(x))
        for k, t in enumerate(x))


GIVEN_VARIANT = 0.7  # a given name this close is a variant when the surname agrees (Pyotr/Petr)


Similar = Callable[[str, str], tuple[float, str]]


def _in_script(script_similarity: Callable[[str, str], float], how: str) -> tuple[Similar, Similar]:
    """How a word in another script (romanised) and a Latin word compare: by spelling or by the
    script's own similarity, the higher; one function for the scripted word first, one for it
    second."""
    def first(a: str, b: str) -> tuple[float, str]:
        sim, found = token_similarity(a, b)
        alt = script_similarity(a, b)
        return (alt, how) if alt > sim else (sim, found)

    def second(a: str, b: str) -> tuple[float, str]:
        return first(b, a)

    return first, second


def _arabic_similarity(a: str, b: str, hebrew: bool = False) -> float:
    if a == "bd" and b in _ABD:
        return 0.92  # عبد, however Latin writes it (Abdul, Abdur, Abdel)
    return abjad_similarity(a, b, hebrew)


def name_script(name: str) -> str:
    """The script a name is written in when its words are compared with Latin ones in their own
    way: 'arabic', 'hebrew' (abjads), 'kana' (Japanese katakana), or ''."""
    return abjad_script(name) or ("kana" if KATAKANA.search(name) else "")


_SCRIPT_SIMILAR = {
    "arabic": _in_script(_arabic_similarity, "consonants"),
    "hebrew": _in_script(partial(_arabic_similarity, hebrew=True), "consonants"),
    "kana": _in_script(kana_similarity, "katakana"),
    "hangul": _in_script(hangul_similarity, "hangul"),  # (a reading of a name: see `_scripted_readings`)
}
# (script, is the first name the one in that script?) -> how words of the two names compare
_PAIR_SIMILAR = {(script, first): pair[0 if first else 1] for script, pair in _SCRIPT_SIMILAR.items()
                  for first in (True, False)}
_SYLLABARY_SIMILAR = frozenset([*_SCRIPT_SIMILAR["kana"], *_SCRIPT_SIMILAR["hangul"]])
_SWAPPED = {one: other for pair in _SCRIPT_SIMILAR.values() for one, other in (pair, pair[::-1])}


def _swapped(similar: Callable[[str, str], tuple[float, str]]) -> Callable[[str, str], tuple[float, str]]:
    return _SWAPPED.get(similar, similar)


def _align_titles(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int], used_b: set[int],
                  aligned: list) -> None:
    """One title in two spellings (Seyed / Sayyed, Shaykh / Sheikh): the same title."""
    for i, ta in enumerate(a):
        if i in used_a or ta.role != "title":
            continue
        for j, tb in enumerate(b):
            if j not in used_b and tb.role == "title" and not set(ta.keys).isdisjoint(tb.keys):
                used_a.add(i)
                used_b.add(j)
                aligned.append((i, j, 0.95, "title"))
                break


# What a given name may have added and still be that name, after a name of so many letters:
# Chechen and Central Asian -khan, -jan, -bek (Ayubkhan is Ayub); Persian -ollah (Hedayatollah is
# Hedayat; not Saif, which begins Saif al-Din and Saifullah alike); the Latin -us of Dutch and
# German baptismal names (Martinus is Martin, Adrianus Adrian).
_GIVEN_SUFFIXES = {"khan": 4, "jan": 4, "jon": 4, "bek": 4, "ullah": 5, "ollah": 5, "allah": 5, "ulla": 5, "olla": 5,
                   "us": 4,
                   # al-Din run into its word: Sirajuddin is Siraj al-Din (Salahuddin, Nuraddin)
                   "uddin": 4, "udin": 4, "uddeen": 4, "eddin": 4, "eddine": 4, "addin": 4, "aldin": 4}
SUFFIXED_GIVEN = 0.85


def _align_given_variants(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int],
                          used_b: set[int], aligned: list, similar: Callable[[str, str], tuple[float, str]],
                          own_names: frozenset[str] = frozenset()) -> None:
    """Given names vary more than surnames between languages (Alexander/Oleksandr,
    Sergei/Siarhei, Pyotr/Petr): once the surnames agree, a given name close enough counts, or
    one with a suffix more (`_GIVEN_SUFFIXES`)."""
    if not any(a[i].role == "surname" and sim >= 0.9 for i, _j, sim, _h in aligned):
        return
    for i, ta in enumerate(a):
        if i in used_a or ta.role not in _GIVEN or len(ta.norm) < 4:
            continue
        best = None
        for j, tb in enumerate(b):
            if j in used_b or tb.role not in _GIVEN or len(tb.norm) < 4 or gendered(ta.norm, tb.norm):
                continue
            short, long_ = sorted((ta.norm, tb.norm), key=len)
            if long_.startswith(short) and len(short) >= _GIVEN_SUFFIXES.get(long_[len(short):], 99):
                rest = long_[len(short):]
                if _spelled_after(a, i, used_a, rest) if short == ta.norm else _spelled_after(b, j, used_b, rest):
                    continue  # (the suffix written apart: Noor ud Din is NOORUDDIN run together, see `_align_joined`)
                sim = SUFFIXED_GIVEN  # Ayubkhan / Ayub, Hedayatollah / Hedayat
            else:
                sim, _how = similar(ta.norm, tb.norm)
                if _names_of_their_own(ta.norm, tb.norm, sim, own_names):
                    continue
            if sim >= GIVEN_VARIANT and (best is None or sim > best[0]) and (
                    similar is not token_similarity or not set(ta.keys).isdisjoint(tb.keys) or sim == SUFFIXED_GIVEN
                    # (or close and of one first letter, Kostyantyn / Konstantin; not Abd al-
                    # compounds, alike by their shared start: Abdulmalik / Abdalkhaliq)
                    or sim >= 0.78 and ta.norm[0] == tb.norm[0] and not ta.norm.startswith("abd")):
                best = (sim, j)
        if best:
            used_a.add(i)
            used_b.add(best[1])
            aligned.append((i, best[1], best[0], "given-name variant"))


def _spelled_after(x: tuple[NameToken, ...], k: int, used: set[int], rest: str) -> bool:
    """Do the one or two free words after x[k] spell `rest` run together?"""
    joined = ""
    for n in range(k + 1, min(k + 3, len(x))):
        if n in used:
            return False
        joined += x[n].norm
        if joined == rest:
            return True
    return False


LAST_VARIANT = 0.65  # the least similarity of the one part left on each side (Khun / Khoon)
VOWELS_VARIANT = 0.5  # ... and of one differing by its vowels alone in a long name (Riad / Raed)
_VOWEL_LETTERS = frozenset("aeiou")
_VOWELS_ONLY = "the one part left, its vowels otherwise"


def _align_last_variant(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int],
                        used_b: set[int], aligned: list, similar: Callable[[str, str], tuple[float, str]]) -> None:
    """One part of a person's name left on each side, of one role, alike in sound (a key and the
    first letter shared) while the rest agrees closely (two parts at least): a spelling of it
    (MUSA / MUSSE, Bashir Khalif; SIAVASHI / SIAVASH, Nader Khun / Khoon; not Hassan / Hussein).
    In a long name (three parts agreeing), a part left with the same consonants, vowels apart,
    is that part too, whatever else the other side adds (Seifallah ben Amor ben Hassine /
    SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE) and in either place of a family name
    (AL-ZAHRANI AL-KHOZMRI / AL-KHAZMARI AL-ZAHRANI)."""
    if len(aligned) < 2:
        return  # (two parts at least must agree: see below)
    left_a = [i for i, t in enumerate(a) if i not in used_a and t.role in _ROLE_GROUP]
    left_b = [j for j, t in enumerate(b) if j not in used_b and t.role in _ROLE_GROUP]
    if not left_a or not left_b or len(left_a) > 1 and len(left_b) > 1:
        return
    # (AL-ASSAD, Bashar / Bushra: the particle is no name part)
    agreeing = sum(sim >= 0.85 and a[i].role in _ROLE_GROUP and b[j].role in _ROLE_GROUP for i, j, sim, _h in aligned)
    if agreeing < 2 or agreeing < 3 and len(left_a) + len(left_b) > 2:
        return
    for i, j in ((i, j) for i in left_a for j in left_b):
        ta, tb = a[i], b[j]
        if min(len(ta.norm), len(tb.norm)) < 3 or gendered(ta.norm, tb.norm):
            continue
        consonants = consonant_skeleton(ta.norm) == consonant_skeleton(tb.norm)
        # In a long name whose other parts agree (three at least), a part with the same consonants
        # is the same part, its vowels written otherwise, as Arabic leaves them unwritten (Riad /
        # Raed, Inabi / Anabi, Sulayman / Salman: Ri'ad Muhammad Hasan Muhammad Hijazi).
        vowels_only = agreeing >= 3 and consonants and (
            ta.norm[0] == tb.norm[0] or ta.norm[0] in _VOWEL_LETTERS and tb.norm[0] in _VOWEL_LETTERS)
        roles = {_ROLE_GROUP[ta.role], _ROLE_GROUP[tb.role]}
        if len(roles) > 1 and not (vowels_only and roles == {"given", "surname"} and "given" not in (ta.role, tb.role)):
            continue  # (a middle name and a surname may swap places; a first given name may not)
        if len(left_a) + len(left_b) > 2 and not vowels_only:
            continue
        if not vowels_only and (
                ta.norm[0] != tb.norm[0] and ta.norm[1::-1] != tb.norm[:2]  # (first two swapped: AL-ARWI)
                or set(ta.keys).isdisjoint(tb.keys) and not consonants):  # (kh or k: KHALAF / Kalaf)
            continue
        sim, _how = similar(ta.norm, tb.norm)
        if sim >= LAST_VARIANT and len(left_a) + len(left_b) == 2:
            used_a.add(i)
            used_b.add(j)
            aligned.append((i, j, sim, "variant of the one part left"))
            return
        if vowels_only and sim >= VOWELS_VARIANT:
            used_a.add(i)
            used_b.add(j)
            aligned.append((i, j, sim, _VOWELS_ONLY))
            return


def _align_last_core(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int],
                     used_b: set[int], aligned: list, similar: Callable[[str, str], tuple[float, str]]) -> None:
    """An organisation's one word left on each side, of the same consonants, while two words of
    its name or more agree: the same word, its vowels written otherwise (ASTAN QODS RAZAVI /
    ASTAN QUDS RAZAVI: قدس)."""
    if len(aligned) < 2:
        return  # (two words at least must agree: see below)
    left_a = [i for i, t in enumerate(a) if i not in used_a and t.role == "core"]
    left_b = [j for j, t in enumerate(b) if j not in used_b and t.role == "core"]
    if len(left_a) != 1 or len(left_b) != 1 or sum(
            sim >= 0.85 and a[i].role == "core" for i, _j, sim, _h in aligned) < 2:
        return
    ta, tb = a[left_a[0]], b[left_b[0]]
    if min(len(ta.norm), len(tb.norm)) < 3 or has_digit(ta.norm) or has_digit(tb.norm) \
            or consonant_skeleton(ta.norm) != consonant_skeleton(tb.norm) or ta.norm[0] != tb.norm[0]:
        return
    sim, _how = similar(ta.norm, tb.norm)
    if sim >= VOWELS_VARIANT:
        used_a.add(left_a[0])
        used_b.add(left_b[0])
        aligned.append((left_a[0], left_b[0], sim, _VOWELS_ONLY))


def _align_romanised(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int], used_b: set[int],
                     aligned: list, key: Callable[[str], str], how: str, shortest: int,
                     soft_starts: frozenset[str] | None, spell: Callable[[str], str] = str) -> None:
    """A name in two romanisations of its script: East Slavic (NAUMOV, Vladimir Vladimirovich /
    NAUMAU, Uladzimir Uladzimiravich; Pavel Igorevich / Pavlo Ihorovych, see `east_slavic_key`)
    or Korean (RI, Chong Chol / RI, Jong Chol, see `korean_key`): parts of one role left over
    whose keys agree, beginning with one letter or with two of `soft_starts` (None: the key
    says how a part may begin) as `spell` writes them. Two parts at least must agree in all,
    so that one given name alone makes no match."""
    if len(a) == len(used_a) or len(b) == len(used_b):
        return
    found = []
    taken: set[int] = set()
    for i, ta in enumerate(a):
        role = _ROLE_GROUP.get(ta.role)
        if i in used_a or role is None or len(ta.norm) < shortest:
            continue
        mine = key(ta.norm)
        spelled = spell(ta.norm)
        for j, tb in enumerate(b):
            if j in used_b or j in taken or _ROLE_GROUP.get(tb.role) != role or len(tb.norm) < shortest:
                continue
            other = spell(tb.norm)
            if (len(mine) >= 2 or spelled == other) and mine == key(tb.norm) and (
                    soft_starts is None or (spelled[0] == other[0] or {spelled[0], other[0]} <= soft_starts)
                    # (a key of two letters says little: SHAH is no SUK, though both read 'sk')
                    # (nor a surname spelled far apart: SARHAN is no SOROKIN, both 'srkn')
                    and (len(mine) > 2 and role != "surname" or OSA.normalized_similarity(spelled, other) >= 0.6)) \
                    and not (role == "given" and (spelled[-1] == "a") != (other[-1] == "a")) \
                    and not (role == "given" and spelled != other and spell is east_slavic_spelling
                             and max(vocab.zipf(ta.norm), vocab.zipf(tb.norm)) >= vocab.ENGLISH_GIVEN_ZIPF) \
                    and not (role == "surname" and slavic_vowels_differ(ta.norm, tb.norm)):
                # (Oleg / Olga; a given name English uses is its own, Sarah no Serhiy / Sergey;
                # Petelin / Putilin)
                found.append((i, j))
                taken.add(j)
                break
    if len(aligned) + len(found) < 2:
        return
    for i, j in found:
        used_a.add(i)
        used_b.add(j)
        aligned.append((i, j, 0.9, how))


_CONNECTORS = frozenset(["and", "y", "et", "e", "und", "i"])  # "J AND M", "G Y G": J&M, G&G


def _align_initials(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int],
                    used_b: set[int]) -> list[tuple[tuple[int, ...], tuple[int, ...], float, str]]:
    """A firm's initials written apart in one name and as one word in the other: "B.S. COMPANY
    OFFSHORE" / BS COMPANY OFFSHORE, "M. D. S. IMPORT EXPORT" / MDS IMPORT EXPORT. (Asked only
    of a name with two initials at least: `_Facts.initials`.)"""
    out = []
    for j, tb in enumerate(b):
        word = tb.norm
        if j in used_b or not 2 <= len(word) <= 5 or not word.isalpha():
            continue
        for start in range(len(a)):
            run: list[int] = []
            k = start
            while k < len(a) and len(run) < len(word) and k not in used_a:
                norm = a[k].norm
                if len(norm) == 1 and norm == word[len(run)]:
                    run.append(k)
                elif not (run and norm in _CONNECTORS):
                    break
                k += 1
            if len(run) == len(word):
                used_a.update(range(run[0], run[-1] + 1))
                used_b.add(j)
                out.append((tuple(run), (j,), 1.0, "initials"))
                break
    return out


_NOT_JOINED = frozenset(["generic", "legal"])  # (the article is: AL-SHATTI / ALSHATTI)


def _align_joined(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int],
                  used_b: set[int], similar: Callable[[str, str], tuple[float, str]]) -> list[tuple[tuple[int, ...], tuple[int, ...], float, str]]:
    """Two words of one name written as one in the other (three in a row): Mohammad Reza /
    Mohammadreza, ABDULAHI FARD / ABDOLLAHIFARD, JAFARI ... BANDARABADI / JAFARIBANDARABADI."""
    if len(a) - len(used_a) < 2 or len(b) == len(used_b):
        return []
    # (Words of the name only: "COMPANIES" is not COMPANY JOZA run together.)
    free_a = [i for i in range(len(a)) if i not in used_a and len(a[i].norm) > 1 and a[i].role not in _NOT_JOINED]
    free_b = [j for j in range(len(b)) if j not in used_b and len(b[j].norm) >= (5 if similar is token_similarity else 3)
              and b[j].role not in _NOT_JOINED]
    if len(free_a) < 2 or not free_b or len(free_a) > 6:
        return []
    plain = similar is token_similarity
    if plain and {b[j].norm[0] for j in free_b}.isdisjoint([a[p].norm[0] for p in free_a]):
        return []  # (spelled alike, the pair begins as the word does)
    out = []
    for j in free_b:
        target = b[j].norm
        size = len(target)
        best = None
        for p in free_a:
            first = a[p].norm
            if p in used_a or plain and (first[0] != target[0] or len(first) >= size):
                continue
            for q in free_a:
                if p == q or q in used_a:
                    continue
                second = a[q].norm
                if plain and abs(len(first) + len(second) - size) > 2:
                    continue
                sim, _how = similar(first + second, target)
                # A surname run into a given name needs more: "Azizullah" is not ASSI, Salah.
                # Two-letter pieces ('al', 'ul', 'bu') join only what they spell nearly exactly
                # (a slip in nine letters: AL-UBAYDI / ALJUBAYDI).
                surname_and_given = (a[p].role == "surname") != (a[q].role == "surname")
                needed = 0.9 if surname_and_given else 0.85
                if min(len(first), len(second)) == 2:
                    needed = 0.88
                # ... and spelled so, not only alike in sound ("Aleman" is no ALI, Ahmad Iman; an
                # article or an Abd is no name part of its own: AL-'UDARI / ALODHARI, Abdul Baseer)
                as_written = not surname_and_given or not plain or "stop" in (a[p].role, a[q].role) \
                    or first in vocab.ABD or OSA.normalized_similarity(first + second, target) >= MIXED_JOIN_SPELLED
                if sim >= needed and (best is None or sim > best[0]) and as_written:
                    best = (sim, p, q)
        if best:
            sim, p, q = best
            used_a.update((p, q))
            used_b.add(j)
            out.append(((p, q), (j,), sim, "joined"))
            continue
        # Three words in a row, particles among them: BIN AL SHIBH / BINALSHIBH.
        for p in (free_a if len(free_a) >= 3 else ()):
            if p + 2 not in free_a or p + 1 not in free_a or p in used_a or p + 1 in used_a or p + 2 in used_a:
                continue
            run = (p, p + 1, p + 2)
            word = a[p].norm + a[p + 1].norm + a[p + 2].norm
            if plain and (word[0] != target[0] or abs(len(word) - size) > 2):
                continue  # (spelled alike, the run begins as the word does and is about as long)
            if (sim := similar(word, target)[0]) >= 0.9:
                used_a.update(run)
                used_b.add(j)
                out.append((run, (j,), sim, "joined"))
                break
    return out


def _align_split_elsewhere(a: tuple[NameToken, ...], b: tuple[NameToken, ...], used_a: set[int],
                           used_b: set[int]) -> list[tuple[tuple[int, ...], tuple[int, ...], float, str]]:
    """Two words split at another letter on each side, the same run together: ALS-HARIA /
    AL-SHARIA, ALT-HAWRA / AL-THAWRA, ALO-BEIDI / AL-OBEIDI (a hyphen typed a letter off). The
    two words need not be side by side as analysed: a name written surname last has its last
    word put first ("Ahmed ALO-BEIDI": beidi is read as the surname, alo as a middle name)."""
    free_a = [i for i in range(len(a)) if i not in used_a]
    free_b = [j for j in range(len(b)) if j not in used_b]
    if not 2 <= len(free_a) <= 5 or not 2 <= len(free_b) <= 5:
        return []
    firsts = {a[i].norm[0] for i in free_a}  # (a run begins as its first word does)
    runs_b: dict[str, tuple[int, int]] = {}
    for j in free_b:
        if b[j].norm[0] in firsts:
            for k in free_b:
                if j != k:
                    runs_b.setdefault(b[j].norm + b[k].norm, (j, k))
    if not runs_b:
        return []
    out: list[tuple[tuple[int, ...], tuple[int, ...], float, str]] = []
    for i in free_a:
        for k in free_a:
            if i == k or i in used_a or k in used_a:
                continue
            run = a[i].norm + a[k].norm
            found = runs_b.get(run)
            if found is None or len(run) < 6 or a[i].norm == b[found[0]].norm or found[0] in used_b or found[1] in used_b:
                continue
            used_a.update((i, k))
            used_b.update(found)
            out.append(((i, k), found, 0.95, "split elsewhere"))
    return out


_TRAILING_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<other>[^()]+)\)\s*$")


def _readings(name: str) -> list[str]:
    """A name, and when it ends in brackets, the name without them and what they hold: the
    brackets give another name (an acronym, the same name in its script): "AL-QAIDA IN THE
    ARABIAN PENINSULA (AQAP)", "Akrin Saleh Akrin (أقرين صالح أقرين)"."""
    found = _TRAILING_BRACKETS.match(name)
    if found is None:
        return [name]
    other = found["other"].strip()
    words = name_tokens(other)
    # What the brackets hold is a name of its own only as an acronym or in another script: not
    # a place or a legal form ("MAHAN AIR (IRAN)" is no name "IRAN").
    alone = (name_script(other) != name_script(found["name"]) or len(words) == 1 and other.isupper()
             and len(other) <= 10) and not any(w in vocab.PLACE_DESCRIPTORS or w in vocab.LEGAL_FORMS for w in words)
    if not alone:
        return [name, found["name"]]
    # (several names, "; "-separated: "(Hajji Malik Noorzai; Hajji Malak Noorzai)")
    return [name, found["name"], *(part.strip() for part in other.split(";") if part.strip())]


@lru_cache(maxsize=100_000)
def _scripted_readings(name: str) -> tuple[tuple[str, str], ...]:
    """A name's readings (`_readings`), each with its script (`name_script`); a name in Hangul
    that may be a foreign one is also read whole, word by word (`hangul_words`)."""
    found = [(one, name_script(one)) for one in _readings(name)]
    if (foreign := hangul_words(name)) is not None:
        found.append((foreign, "hangul"))
    return tuple(found)


def compare_names(name1: str, name2: str, schema: str | None = None, threshold: float = 0.7) -> PairScore:
    """Score two names as names of one entity of `schema` (persons by default when unknown);
    a name ending in brackets is read whole, without them and as what they hold, the best
    reading counting."""
    schema = canonical_schema(schema) or _guess_schema(name1, name2)
    best: tuple[float, dict[str, Any]] | None = None
    for one, script_one in _scripted_readings(name1):
        for other, script_other in _scripted_readings(name2):
            found = score_tokens(_analysed(one, schema), _analysed(other, schema), schema, (script_one, script_other))
            if schema != "Person" and found[0] < ACRONYM_SCORES[-1]:
                found = max(found, _acronym(one, other), key=lambda f: f[0])
            if best is None or found[0] > best[0]:
                best = found
                if (one, other) != (name1, name2):
                    found[1]["read_as"] = [one, other]
    assert best is not None
    score, features = best
    features["schema"] = schema
    return PairScore(score=round(score, 4), match=score >= threshold, features=features)


_ORG_WORDS = vocab.LEGAL_FORMS | vocab.GENERIC_ORG_WORDS | vocab.ORG_DESCRIPTORS

# An organisation's acronym against its name, by the acronym's length: three letters name many
# firms (SPC is the Syrian Petroleum Company and others), six few.
ACRONYM_SCORES = (0.75, 0.8, 0.85)


@lru_cache(maxsize=100_000)
def _acronym_forms(name: str) -> tuple[str, frozenset[str]]:
    """A firm's name as an acronym may be: the one word it is (initials written apart joined:
    M.S.D.), '' if it is more; and the initials of its words, of them all (MAK, MAKHTAB AL-
    KHIDAMAT), without the articles and prepositions (LTTE, LIBERATION TIGERS OF TAMIL EELAM) and
    without the legal forms it ends with."""
    tokens = analyse_name(name, "Organization")
    named = [t.norm for t in tokens if t.role != "legal"]
    word = named[0] if len(named) == 1 else "".join(named) if len(named) > 2 and all(len(w) == 1 for w in named) else ""
    if not (word.isalpha() and 3 <= len(word) <= 8):
        word = ""
    initials: set[str] = set()
    if len(tokens) >= 3:
        for skip in ((), ("stop",)):
            letters = "".join(t.norm[0] for t in tokens if t.role not in skip)
            initials.add(letters)
            for t in reversed(tokens):  # (SPC LTD: SYRIAN PETROLEUM COMPANY LIMITED)
                if t.role != "legal":
                    break
                letters = letters[:-1]
                initials.add(letters)
    return word, frozenset(initials)


def _acronym(name1: str, name2: str) -> tuple[float, dict[str, Any]]:
    """Is one organisation's name the acronym of the other's (LTTE / LIBERATION TIGERS OF TAMIL
    EELAM, IFIC / IRAN FOREIGN INVESTMENT COMPANY)? Scored by its length (`ACRONYM_SCORES`)."""
    for short, long_, first in ((name1, name2, True), (name2, name1, False)):
        word, _ = _acronym_forms(short)
        if word and word in _acronym_forms(long_)[1]:
            score = ACRONYM_SCORES[min(len(word), 5) - 3]
            a, b = (word, normalize_phrase(long_)) if first else (normalize_phrase(long_), word)
            return score, {"aligned": [{"a": a, "b": b, "similarity": score, "how": "acronym"}], "unmatched": []}
    return 0.0, {}


def _guess_schema(name1: str, name2: str) -> str:
    """No schema given: an organisation if either name has a legal form or a word that says
    what a firm does ("Rosneft Oil Company", "Mahan Airlines"), else a person."""
    from monitor.matching.index import _legal_positions  # noqa: PLC0415

    for name in (name1, name2):
        words = name_tokens(name)
        if _legal_positions(words) or _firm_words(words):
            return "Organization"
    return "Person"


def _firm_words(words: list[str]) -> set[str]:
    """The words of a name that say what a firm is or does (LTD, OIL, ASSOCIATION), as listed
    names write them (`vocab.ORG_SYNONYMS`: BANCO is BANK)."""
    return {w for w in words if vocab.ORG_SYNONYMS.get(w, w) in _ORG_WORDS}


class _SearchIndex:
    """Every word of every listed name by phonetic key, for name queries (the text matcher's
    index holds only each name's main word). Keys one edit apart meet through their shared
    one-letter deletions, so a typo that changes a word's sound still finds it."""

    SOUND = 0.75  # a word found under the query word's key, spelled otherwise, counts this much ...
    SOUND_CAP = 2.5  # ... of at most this weight (a word of Zipf 2 in English; HEIDARI weighs 2.78, an unknown word 3.5)
    NEAR = 0.7  # a word found under a key one edit away counts this much (of as much)
    INITIAL = 0.5  # a query's initial weighs this much (as in text, see `TextMatcher._information`)
    LOOSE = 5  # names below the bar that read most like the query, taken as candidates too ...
    LOOSE_POOL = 5_000  # ... from at most this many

    def __init__(self, index: MatchIndex) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        words: dict[str, set[int]] = defaultdict(set)
        for name_idx, name in enumerate(index.names):
            seen: set[str] = set()
            for tok in name.tokens:
                if tok.role in ("stop", "legal", "title"):
                    continue
                words[tok.norm].add(name_idx)
                for key in tok.keys:
                    if key not in seen:
                        seen.add(key)
                        postings[key].append(name_idx)
        self.postings = dict(postings)
        self._names = index.names
        self._script_postings: dict[str, list[int]] | None = None  # made for the first query that needs it
        self.words = dict(words)  # word as written -> names that have it
        self.size = [sum(t.weight for t in n.tokens if t.role not in ("stop", "legal", "title")) for n in index.names]
        self.texts = [" ".join(t.norm for t in n.tokens) for n in index.names]
        # What a query is compared with: Arabic compounds joined, and the script the name is
        # written in (see `name_script`).
        self.listed = [(_named(_for_pairs(n.tokens, n.entity.schema)), name_script(n.text)) for n in index.names]
        self.given_names = frozenset(w for w, n in index.given_name_persons().items() if n >= GIVEN_NAME_PERSONS)
        self.near_keys = NearKeys(self.postings)  # the keys one letter away from a key
        self._one_slip: OneSlip | None = None  # the listed words by length, for `spelled_near`
        # (asked twice of a query's unknown word: for candidates, and for `_slips`)
        self.spelled_near = lru_cache(maxsize=4096)(self._spelled_near)
        # Names of persons with an initial for a given or middle name ("CHATAEV, A.R."), and each
        # person's given and middle names written out, in any of their names (see `search`)
        self.with_initials = frozenset(i for i, n in enumerate(index.names) if n.is_person and any(
            t.role in _GIVEN and len(t.norm) == 1 for t in n.tokens))
        spelled_out: dict[int, set[str]] = defaultdict(set)
        for n in index.names:
            if n.is_person:
                spelled_out[n.entity.entity_id].update(t.norm for t in n.tokens if t.role in _GIVEN and len(t.norm) > 1)
        self.spelled_out = {eid: frozenset(words) for eid, words in spelled_out.items()}

    def _spelled_near(self, word: str) -> frozenset[str]:
        """Listed words one letter added, dropped, changed or swapped from `word` as written: a
        typo that changes a word's sound too, SOUQHEAST for SOUTHEAST, TEHCNIKS for TECHNIKS,
        which its keys do not find. (Compared in C with the listed words of about its length.)"""
        if self._one_slip is None:
            self._one_slip = OneSlip(self.words)
        return frozenset(self._one_slip(word))

    def script_postings(self) -> dict[str, list[int]]:
        """Names by the consonants an Arabic or Hebrew spelling of their words would have
        (`abjad`) and by the consonant classes of a katakana or Hangul one (`syllabaries`), for
        queries in those scripts (made once, when first asked: a second or so)."""
        if self._script_postings is None:
            postings: dict[str, list[int]] = defaultdict(list)
            script_keys: dict[str, tuple[str, ...]] = {}  # (a word's, once per distinct word)
            for name_idx, name in enumerate(self._names):
                found: set[str] = set()
                for tok in name.tokens:
                    if tok.role not in ("stop", "legal", "title"):
                        keys = script_keys.get(tok.norm)
                        if keys is None:
                            keys = script_keys[tok.norm] = latin_abjad_keys(tok.norm) + tuple(
                                syllabary_key(script, tok.norm) for script in ("kana", "hangul"))
                        found.update(keys)
                for key in found:
                    postings[key].append(name_idx)
            self._script_postings = dict(postings)
        return self._script_postings

    def _postings(self, key: str) -> list[int] | tuple[()]:
        if key[1:2] == ":":  # a script key ('A:', 'W:', 'K:', 'H:')
            return self.script_postings().get(key, ())
        return self.postings.get(key, ())

    def candidates(self, query_tokens: tuple[NameToken, ...], limit: int, latin: bool = True) -> list[int]:
        """Names sharing the most of the query's weight, by key (exact keys first); a query in
        Latin letters also by spelling (see `spelled_near`)."""
        gained: dict[int, float] = defaultdict(float)
        total = 0.0
        for tok in query_tokens:
            if tok.role in ("stop", "legal", "title") or not tok.keys:
                continue
            # An initial says less than a word (two V.s must not outweigh Putin in "Putin V.V.")
            weight = self.INITIAL if len(tok.norm) == 1 else tok.weight
            total += weight
            best: dict[int, float] = {}
            # A name with the query's word as written gains its weight; one with a word only
            # sounding alike gains less, and not all of a rare word's: a typo makes a word rare
            # ("Kiyumas") and, read 'kms', the word of 60 GOMEZes, which must not outweigh
            # HEIDARI written as the query writes it.
            exact = self.words.get(tok.norm, ())
            sound = min(weight, self.SOUND_CAP) * self.SOUND
            for key in tok.keys:
                for name_idx in self._postings(key):
                    gain = weight if name_idx in exact else sound
                    if gain > best.get(name_idx, 0.0):
                        best[name_idx] = gain
            if len(tok.norm) >= 4 and not exact:  # a word no listed name has: perhaps a typo
                for near in {k for key in tok.keys for k in self.near_keys(key)}:
                    for name_idx in self._postings(near):
                        best.setdefault(name_idx, min(weight, self.SOUND_CAP) * self.NEAR)
                if latin and len(tok.norm) <= 24:
                    # (spelled a letter apart, a word keeps more of its weight than by sound:
                    # GOODEACH is GOODREACH, not one of the 40 names read 'ktc' as it is)
                    spelled = weight * self.NEAR
                    for listed in self.spelled_near(tok.norm):
                        for name_idx in self.words[listed]:
                            if spelled > best.get(name_idx, 0.0):
                                best[name_idx] = spelled
            for name_idx, gain in best.items():
                gained[name_idx] += gain
        # A name must share a third of the query's weight, and come near the best candidate's share.
        least = 0.34 * total
        floor = max(least, 0.6 * max(gained.values(), default=0.0))
        # Ties go to names of about the query's size: "Kim Chol" before "KIM, Chol Sam Il".
        ranked = sorted((g, -abs(self.size[i] - total), i) for i, g in gained.items() if g >= floor)
        query = " ".join(t.norm for t in query_tokens)
        if len(ranked) > limit and ranked[-limit][0] - ranked[-limit - 1][0] < 1e-9:
            # Many names tie at the cut (keys are lossy: SHOIGU and a typo "Seygey" both read
            # 'sk', as 250 listed names do): the tied ones closest as written go first.
            cut = ranked[-limit][0]
            chosen = [i for g, _d, i in ranked if g > cut + 1e-9]
            tied = {i: self.texts[i] for g, _d, i in ranked if abs(g - cut) < 1e-9}
            chosen += [i for _t, _s, i in process.extract(query, tied, scorer=fuzz.token_set_ratio,
                                                          limit=limit - len(chosen))]
        else:
            chosen = [i for _g, _d, i in ranked[-limit:]]
        # A typo can change a word's key to a common one ("Gennaoiy" reads 'kn', as 180 listed
        # names do) and raise the bar above the listed name: the names that pass the lower bar
        # and read most like the query are candidates too.
        loose = {i: self.texts[i] for i, g in gained.items() if least <= g < floor}
        if loose and len(loose) <= self.LOOSE_POOL:
            taken = set(chosen)
            chosen += [i for _t, _s, i in process.extract(query, loose, scorer=fuzz.token_set_ratio,
                                                          limit=self.LOOSE, score_cutoff=70) if i not in taken]
        return chosen


def _search_index(index: MatchIndex) -> _SearchIndex:
    found = getattr(index, "_search_index", None)
    if found is None:
        found = _SearchIndex(index)
        index._search_index = found  # type: ignore[attr-defined]
    return found


SEARCH_CANDIDATES = 40  # names scored in full per query, the best by shared words
GIVEN_NAME_PERSONS = 1  # a word is a given name if this many listed persons have it as one (Dimas: 1)
PERSON_QUERY_ORGANISATION = 0.85
MIXED_JOIN_SPELLED = 0.85  # a surname and a given name run together, as written (see `_align_joined`)
SLIP = 0.8  # a query word no list has, a letter inside a listed word changed (Jqse / Jose) ...
SLIP_ZIPF = 3.0  # ... and English text uses less than this (RZA 2.2, GRP 2.7; names: Ian 4.3, Mia 3.9, Ana 3.9)
OWN_NAME = 0.86  # a query word that is a listed person's name word meets another spelled this far apart as no match
FIRM_QUERY_PERSON = 0.7  # a query naming what a firm does against a person, a vessel or an aircraft
INITIAL_SPELLED_OTHERWISE = 0.8  # a query's given name met by an initial that the person's other names spell otherwise


def _names_of_their_own(word: str, other: str, sim: float, own_names: frozenset[str]) -> bool:
    """Is a query's word that is itself a listed person's name word (`own_names`, see `search`)
    another name than a listed word of other consonants it resembles only this much? Salem is no
    Saleh misspelled, Khaliq no Khalil, Muhannad no Muhammad (Ahmed is Ahmad)."""
    return sim < OWN_NAME and word in own_names and consonant_skeleton(word) != consonant_skeleton(other)


def _initial_spelled_otherwise(features: dict[str, Any], spelled_out: frozenset[str]) -> bool:
    """Does the query's given name meet the listed name's initial only (by the features of the
    pair's `score_tokens`), while the person's other names write that initial out as a name the
    query's is not (CHATAEV, A.R. is CHATAEV, Ahmed Rajapovich: Abdul is no A. of his)? An initial
    with no name of its letter written out says nothing against the query (TONTARHOVNOV, A.)."""
    for pair in features.get("aligned", ()):
        word, letter = pair["a"], pair["b"]
        if pair["how"] != "initial" or len(letter) != 1 or len(word) < 2:
            continue
        written = [w for w in spelled_out if w[0] == letter]
        if written and not any(token_similarity(word, w)[0] >= TOKEN_MATCH or frozenset((word, w)) in vocab.NICKNAMES
                               for w in written):
            return True
    return False


def _slips(seeker: _SearchIndex, words: list[str]) -> frozenset[tuple[str, str]]:
    """The query's words that no listed name has and English text seldom does (`SLIP_ZIPF`), each
    with the listed words it is a typo of: one letter inside changed or dropped, the first and the
    last kept (Jqse / Jose, Gzo / Guo, YJRD / YARD, Rza / Reza). A word the lists or English know
    is a name or a word of its own (Yong / Yang, Omar / Amar, Ian / Ivan)."""
    found: set[tuple[str, str]] = set()
    for word in words:
        if len(word) < 3 or not word.isalpha() or not word.isascii() or word in seeker.words \
                or _firm_words([word]) or word in vocab.NAME_TITLES or vocab.zipf(word) >= SLIP_ZIPF:
            continue  # (a legal form or title is known too: JSC is no typo of JVC)
        for listed in seeker.spelled_near(word):
            if len(listed) in (len(word), len(word) + 1) and listed[0] == word[0] and listed[-1] == word[-1]:
                found.add((word, listed))
    return frozenset(found)


def _script_seeds(seeds: tuple[NameToken, ...], words: list[str], script: str) -> tuple[NameToken, ...]:
    """A query's words in another script, keyed as `_SearchIndex.script_postings` indexes the
    listed words: katakana and Hangul by consonant classes (`syllabaries`; a Hangul word also
    without the Arabic article Korean writes into it, 알아사드 'alasadeu', al-Assad); Arabic and
    Hebrew by consonants (`abjad`; a word also with the next: نصر الله as Nasrallah)."""
    following = dict(zip(words, words[1:], strict=False))

    def keys(word: str) -> tuple[str, ...]:
        if script in ("kana", "hangul"):
            article_off = script == "hangul" and word.startswith("al") and len(word) > 5
            return (syllabary_key(script, word),) + ((syllabary_key(script, word[2:]),) if article_off else ())
        hebrew = script == "hebrew"
        return abjad_keys(word, hebrew) + (abjad_keys(word + following[word], hebrew) if word in following else ())

    return tuple(replace(t, keys=keys(t.norm)) for t in seeds)


def _schema_fits(asked: str | None, schema: str) -> bool:
    """May an entity of `schema` answer a search asked for `asked`? (A search for an
    organisation takes any entity that is no person: a company, a vessel, an aircraft.)"""
    return not asked or schema == asked or asked == "Organization" and schema != "Person"


def search(index: MatchIndex, query: str, schema: str | None = None, limit: int = 10,
           threshold: float = 0.7) -> list[dict[str, Any]]:
    """The best listed entities for a name, as a screening tool returns them."""
    schema = canonical_schema(schema)
    query_script = name_script(query)
    if (foreign := hangul_words(query)) is not None:
        # A foreign name in Hangul is looked up and compared whole, word by word (a Korean's
        # own name, by syllables, is the usual reading and is not searched so).
        query, query_script = foreign, "hangul"
    words = name_tokens(query)
    seeker = _search_index(index)
    # Seeded as the query reads: "MEGHEL OAO" has a legal form, so "OAO" is no surname to look up.
    read_as = schema or _guess_schema(query, "")
    # (By its words as written, as the listed names are indexed: "Abdul Madjid" is looked up
    # by both words, not by the one compared word "abdulmadjid".)
    seeds = analyse_name(query, read_as)
    if query_script:
        seeds = _script_seeds(seeds, words, query_script)
    candidates = set(seeker.candidates(seeds, SEARCH_CANDIDATES, latin=not query_script))
    if HAN.search(query) and (chinese := chinese_order(seeds)) is not None:
        # (李方伟 is LI, Fangwei: the given name's syllables are one listed word)
        candidates.update(seeker.candidates(chinese, SEARCH_CANDIDATES))
    if not candidates and words:
        for _choice, _score, idx in process.extract(" ".join(words), seeker.texts, scorer=fuzz.token_sort_ratio, limit=50):
            candidates.add(idx)
    best: dict[int, tuple[float, str]] = {}
    # A query of no stated schema that reads as a person's name (a given name of a listed person
    # first, no word of a firm's, no number): an organisation's name without that given name, or
    # without the surname, is someone else's business ("Vladimir Khalil" is not HALEEL LTD,
    # "Viktoriya Miller" not VIKTORIYA OOO, "Dimas Sakan" not SAKAN GENERAL TRADING).
    person_like = schema is None and read_as == "Person" and len(words) >= 2 and words[0] in seeker.given_names \
        and not any(map(has_digit, words))
    # ... and one that reads as a firm's name (a word that says what a firm does, not a title:
    # General Qasem Soleimani) is no vessel's or aircraft's name without that word, whatever its
    # length: no ship is an LLC ("PATRIOT TRADE CO" is not the tanker PATRIOT, "HAPPINESS
    # INDUSTRY" not HAPPINESS); nor a person's ("ALI ASSOCIATION KHAN" is not KHAN, Ali), but
    # for a legal form of three letters or less, which may be a syllable of a name or a typo of
    # one (Il Woo CO ~ CHO, Il-U; KO, AG and SA are listed persons' words).
    craft_words = {w for w in _firm_words(words) if w not in vocab.NAME_TITLES} \
        if schema is None and read_as == "Organization" else set()
    firm_words = {w for w in craft_words if len(w) > 3}
    slips = _slips(seeker, words) if not query_script else frozenset()
    # (and the words listed persons' names have: each a name of its own)
    own_names = frozenset(w for w in words if w in index.name_part_counts) if not query_script else frozenset()
    for name_idx in candidates:
        name = index.names[name_idx]
        if not _schema_fits(schema, name.entity.schema):
            continue
        query_tokens = _analysed(query, name.entity.schema)
        listed, listed_script = seeker.listed[name_idx]
        initials = name_idx in seeker.with_initials  # (its alignment is read: see `_initial_spelled_otherwise`)
        score, features = score_tokens(query_tokens, listed, name.entity.schema, (query_script, listed_script),
                                       initials, slips, own_names)
        if initials and score > 0 and _initial_spelled_otherwise(
                features, seeker.spelled_out.get(name.entity.entity_id, frozenset())):
            # "Abdul Chataev" ~ CHATAEV, A.R.: the A. is Ahmed, as the person's other names write it
            score *= INITIAL_SPELLED_OTHERWISE
        if name.kind == "weak":
            score *= 0.85
        if person_like and not name.is_person and not {words[0], words[-1]} <= {t.norm for t in listed}:
            score *= PERSON_QUERY_ORGANISATION
        elif (apart := firm_words if name.is_person else craft_words if name.entity.schema in ("Vessel", "Aircraft")
              else None) and not apart <= {t.norm for t in listed}:
            score *= FIRM_QUERY_PERSON
        eid = name.entity.entity_id
        if eid not in best or score > best[eid][0]:
            best[eid] = (score, name.text)
    for _start, _end, entity, label in index.identified(query):  # an IMO number or an address the list gives
        if _schema_fits(schema, entity.schema):
            best[entity.entity_id] = (1.0, label)
    ranked = sorted(((eid, v) for eid, v in best.items() if v[0] > 0), key=lambda kv: kv[1][0], reverse=True)[:limit]
    results = []
    for eid, (score, matched) in ranked:
        entity = index.entities[eid]
        results.append({
            "entity_id": eid, "source": entity.source, "source_id": entity.source_id,
            "name": entity.name, "matched_name": matched, "score": round(score, 4),
            "match": score >= threshold, "schema": entity.schema,
        })
    return results
