"""The candidate index: every listed name as weighted, role-tagged tokens under phonetic keys."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from monitor.matching import identifiers, vocab
from monitor.matching.abjad import abjad_script
from monitor.matching.model import EntityRecord
from monitor.matching.normalize import (
    SYLLABIC,
    SYLLABLE_REST,
    name_tokens,
    phonetic_keys,
    script_stems,
)
from monitor.matching.similarity import TWO_LETTER_INITIALS

# Roles that may be missing from a mention without making it partial.
OPTIONAL_ROLES = frozenset({"middle", "patronymic", "legal", "stop", "title", "suffix"})


@dataclass(frozen=True, slots=True)
class NameToken:
    norm: str
    keys: tuple[str, ...]
    role: str  # surname | given | middle | patronymic | title | core | generic | legal | stop | number
    weight: float
    # Another form of the word: without a Russian case ending, when written in Cyrillic with one
    # ('putina' -> 'putin'); as written, when compared as a generic word ('zavod', read 'plant')
    stem: str = ""


@dataclass(slots=True)
class IndexedName:
    """One listed name (primary or alias) of one entity, ready for matching."""

    entity: EntityRecord
    text: str
    kind: str
    tokens: tuple[NameToken, ...]
    required: frozenset[int]
    head: int  # the name's main word: its rarest surname or core word
    keyset: frozenset[str] = frozenset()  # phonetic keys of all its words: a quick "no"
    head_alone: bool = True  # may its main word alone ever be reported? (see `head_alone_ok`)

    @property
    def is_person(self) -> bool:
        return self.entity.schema == "Person"


def token_weight(norm: str) -> float:
    """Information a word carries: rare words weigh more than common ones."""
    if norm.isdigit():
        return 2.0
    return 1.0 + max(0.0, 5.0 - vocab.zipf(norm)) * 0.5


# Long legal-form words, which lists and customer files misspell (ORGANICHENNOI, LIABILTY): one
# slip away is the same word (no firm is named by a word one letter from "otvetstvennostyu").
_LONG_LEGAL_WORDS = sorted(w for w in vocab.LEGAL_FORMS if len(w) >= 7)


# Legal forms written out ("limited liability company") by their first word.
_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in vocab.LEGAL_PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_PHRASE_FIRSTS = list(_PHRASES_BY_FIRST)


def _slips(word: str, choices: Iterable[str]) -> list[str]:
    """The `choices` that `word`, of 7 letters or more, is or is one slip (an edit or a swap) from."""
    if len(word) < 7:
        return []
    return [choice for choice, _distance, _i in process.extract(word, choices, scorer=OSA.distance, score_cutoff=1,
                                                                limit=None)]


@lru_cache(maxsize=100_000)
def _legal_word(word: str) -> bool:
    return word in vocab.LEGAL_FORMS or bool(_slips(word, _LONG_LEGAL_WORDS))


@lru_cache(maxsize=100_000)
def _phrase_firsts(word: str) -> tuple[str, ...]:
    """The first words of legal phrases that `word` is, as written or one slip away."""
    found = _slips(word, _PHRASE_FIRSTS)
    return tuple(found) if found or word not in _PHRASES_BY_FIRST else (word,)


@lru_cache(maxsize=100_000)
def _is_or_slips(word: str, target: str) -> bool:
    return word == target or bool(_slips(word, (target,)))


def _legal_positions(words: list[str]) -> set[int]:
    positions = {i for i, w in enumerate(words) if _legal_word(w)}
    # "OBSHCHESTVO S OGRANICHENNOI ...": a letter between two legal words is one of them.
    positions.update(i for i in range(1, len(words) - 1)
                     if len(words[i]) == 1 and i - 1 in positions and i + 1 in positions)
    # A legal form written with full stops is a run of letters: "S.A.", "S.R.L.", "L.L.C.".
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j]) == 1 and words[j].isalpha():
            j += 1
        if j - i >= 2 and "".join(words[i:j]) in vocab.LEGAL_FORMS:
            positions.update(range(i, j))
        i = max(j, i + 1)
    for i, word in enumerate(words):
        for first in _phrase_firsts(word):
            for phrase in _PHRASES_BY_FIRST[first]:
                n = len(phrase)
                if i + n <= len(words) and all(map(_is_or_slips, words[i + 1 : i + n], phrase[1:])):
                    positions.update(range(i, i + n))
    return positions


def _titles_first(roles: list[tuple[str, str]], n_surnames: int) -> list[tuple[str, str]]:
    """Leading titles of the given names ("Mullah Naim Bareh", "BAREH, Mullah Naim") are
    titles, and the word after them is the given name."""
    titles = set()
    for k in range(n_surnames, len(roles)):
        if roles[k][0] in vocab.ARABIC_ARTICLES and k + 1 < len(roles) and roles[k + 1][0] in vocab.NAME_TITLES:
            titles.add(k)  # the article of a title: "IBRAHIM, Al Hajj Alie"
            continue
        if roles[k][0] not in vocab.NAME_TITLES:
            break
        titles.add(k)
    if not titles or len(titles) == len(roles) - n_surnames:
        return roles
    out = [(w, "title") if k in titles else (w, r) for k, (w, r) in enumerate(roles)]
    given = max(titles) + 1
    if out[given][1] != "stop":
        out[given] = (out[given][0], "given")
    return out


# A romanised Korean or Chinese syllable: Cho, Yong, Chol, Hwan, Kyu, Polish Dzong, Hungarian
# Dzsong (not Smith, Ann).
SYLLABLE_WORD = re.compile(rf"^[bcdghjklmnprstwyz]{{0,3}}{SYLLABLE_REST}$")


def _surname_first(words: list[str]) -> bool:
    """A name of three syllables or more written in Korean order, its Korean surname first ("Cho
    Yong Chol", "Ri Pyong Chol"; "Kim Jong Un"; "Jo Chol Song": a surname's syllable may end a
    given name)."""
    return len(words) >= 3 and words[0] in vocab.KOREAN_SURNAMES and all(SYLLABLE_WORD.match(w) for w in words)


def _conjunction_i(words: list[str], i: int, legal: set[int]) -> bool:
    """Is the i-th word of a firm's name the Slavic "i" (и, "and") between two words
    (KONKORD MENEDZHMENT I KONSALTING), not an initial (C&I, B.I.) nor a numeral (AGUSTA GRAND I LLC)?"""
    return words[i] == "i" and 0 < i < len(words) - 1 and len(words[i - 1]) > 2 and len(words[i + 1]) > 2 \
        and i + 1 not in legal


def _initials_last(words: list[str]) -> bool:
    """A surname followed by initials only, as Russian documents write a name ("Putin V. V.",
    "Prigozhin Ye. V.")."""
    return len(words) >= 2 and len(words[0]) > 2 and all(len(w) == 1 or w in TWO_LETTER_INITIALS for w in words[1:])


# A Russian, Belarusian or Ukrainian person's name: a patronymic, or a surname ending so.
_EAST_SLAVIC_SURNAME = re.compile(r"(?:[oe]v|[oe]va|au|enk[oa]|[cy]?uk|yk|vich|vych|sk[iy]y?|ska(?:ya)?)$")
# The first letters an East Slavic name part may change between romanisations (its key drops
# vowels): Uladzimir / Vladimir, Alyaksei / Aleksei, Yauhen / Evgeny.
SOFT_STARTS = frozenset("aeiouyv")


def korean_name(tokens: Sequence[NameToken]) -> bool:
    """A Korean name: a Korean surname as its surname, and all its parts syllables."""
    return any(t.role == "surname" and t.norm in vocab.KOREAN_SURNAMES for t in tokens) \
        and all(len(t.norm) <= 6 for t in tokens)


def east_slavic(tokens: Iterable[NameToken]) -> bool:
    """Is this a Russian, Belarusian or Ukrainian person's name: a patronymic, a surname of that
    shape (`_EAST_SLAVIC_SURNAME`) or a given name of those languages (Ihar Sechin)?"""
    return any(t.role == "patronymic" or t.role == "surname" and _EAST_SLAVIC_SURNAME.search(t.norm)
               or t.role == "given" and t.norm in vocab.EAST_SLAVIC_GIVEN for t in tokens)


def _patronymic_last(words: list[str]) -> bool:
    """A name written surname, given name, patronymic, as Russian forms and registers write it
    ("Putin Vladimir Vladimirovich", "Ivanova Anna Sergeevna"): the last word a patronymic and the
    one before it not (Roman Arkadyevich Abramovich ends with a surname of that shape)."""
    return len(words) == 3 and vocab.SLAVIC_PATRONYMIC.search(words[2]) is not None \
        and not vocab.PATRONYMIC.search(words[1])


def _vessel_prefix(words: list[str]) -> set[int]:
    """The positions of a vessel name's leading prefix (MV, M/V, M.T.), none if it is all."""
    if len(words) > 1 and words[0] in vocab.VESSEL_PREFIXES:
        return {0}
    if len(words) > 2 and len(words[0]) == 1 and len(words[1]) == 1 and words[0] + words[1] in vocab.VESSEL_PREFIXES:
        return {0, 1}
    return set()


def _without_suffixes(words: list[str], suffixes: list[str]) -> list[str]:
    """`words` without the generation suffixes among them, which are added to `suffixes`
    (unless they are all the words: "SMITH, Junior" keeps his given name)."""
    kept = [w for w in words if w not in vocab.GENERATION]
    if not kept or len(kept) == len(words):
        return words
    suffixes.extend(w for w in words if w in vocab.GENERATION)
    return kept


def _assimilated(words: Sequence[str], k: int) -> bool:
    """Is the k-th word an article said as the next word begins (AS-SAYED, ad-Dari)?"""
    return k + 1 < len(words) and assimilated_article(words[k], words[k + 1])


def assimilated_article(article: str, word: str) -> bool:
    """Is `article` the Arabic article as said before `word` (as-Sayed, ad-Dari, ash-Sharif)?"""
    return article in vocab.ASSIMILATED_ARTICLES and len(word) > 2 and word.startswith(article[1:])


_ABJAD_STOP_WORDS = vocab.STOP_WORDS & (vocab.ARABIC_ARTICLES | {"bin", "ibn", "bint"})


@lru_cache(maxsize=100_000)
def analyse_name(name: str, schema: str) -> tuple[NameToken, ...]:
    """Split a listed name into tokens with their role in the name (kept: `compare` analyses an
    organisation's name for its acronym too, and the index and search the same names)."""
    tokens: list[NameToken] = []
    if schema == "Person":
        # A generation suffix (Jr., Sr., III) says which one of a family, and is no surname nor
        # given name wherever the list writes it: SMITH, Robert Jr.; IVANOV JR., Sergey;
        # KNOWLES, JR., Samuel; Robert Smith Jr.
        suffixes: list[str] = []
        if "," in name:
            surname_part, _, given_part = name.partition(",")
            surnames, givens = _without_suffixes(name_tokens(surname_part), suffixes), \
                _without_suffixes(name_tokens(given_part), suffixes)
        else:
            words = _without_suffixes(name_tokens(name), suffixes)
            if SYLLABIC.search(name) or _surname_first(words) or _patronymic_last(words) or _initials_last(words):
                # Korean and Chinese names put the surname first: 김정은, Cho Yong Chol; so do
                # Russian forms and registers: Путин Владимир Владимирович, Путин В. В.
                surnames, givens = words[:1], words[1:]
            else:
                # The last word is the surname, with the Abd (al-) before it: one name
                # ("NASHWAN ABD AL-RAZZAQ ABD AL-BAQI": Abd al-Baqi).
                n = 1
                if len(words) >= 3 and (words[-2] in vocab.ABD or words[-1] in vocab.ALLAH_ENDINGS):
                    n = 2  # (and الله, الدين after a word: ولى الله is Waliullah)
                elif len(words) >= 4 and words[-3] in vocab.ABD and words[-2] in vocab.ARABIC_ARTICLES:
                    n = 3
                elif len(words) >= 3 and _assimilated(words, len(words) - 2):
                    n = 2  # (its article: "Muthanna Harith ad-Dari")
                surnames, givens = words[-n:], words[:-n]
            given_part = name
        # A hyphenated given name is one given name: "Chin-yo'ng", "Jong-un" (both parts count).
        joined = {w for seg in given_part.split() if "-" in seg for w in name_tokens(seg)[1:]}
        roles: list[tuple[str, str]] = [(w, "surname") for w in surnames]
        # (Arabic script romanised has no Latin particles: على is Ali, not "la")
        stop_words = _ABJAD_STOP_WORDS if abjad_script(name) else vocab.STOP_WORDS
        seen_given = False
        for word in givens:
            if seen_given and word in joined and roles[-1][1] == "given":
                role = "given"
            elif word in stop_words:
                role = "stop"  # "EL CHUY GONZALEZ": "el" is no given name, "chuy" is
            elif vocab.PATRONYMIC.search(word) and seen_given:
                role = "patronymic"
            elif not seen_given:
                role = "given"
                seen_given = True
            else:
                role = "middle"
            roles.append((word, role))
        words_in_order = [w for w, _r in roles]
        n_surnames = len(surnames)
        # (an article ends no part, nor begins the given names: "Ed Davis Smith")
        articles = {k for k in range(len(roles)) if k not in (n_surnames - 1, n_surnames)
                    and _assimilated(words_in_order, k)}
        roles = [(w, "stop" if w in stop_words or k in articles else r) for k, (w, r) in enumerate(roles)]
        # "Ben" and "Ould" ("son of") inside a name are particles: Oussama Ben Laden, BEN ALI,
        # Zine; first among the given names they are given names (Ben Smith).
        roles = [(w, "stop") if w in vocab.SON_OF and (k < n_surnames - 1 or k > n_surnames) else (w, r)
                 for k, (w, r) in enumerate(roles)]
        roles = _titles_first(roles, len(surnames)) + [(w, "suffix") for w in suffixes]
    else:
        words = name_tokens(name)
        legal = _legal_positions(words)
        if schema == "Vessel":
            legal |= _vessel_prefix(words)
        roles = []
        for i, word in enumerate(words):
            if word.isdigit():
                role = "number"
            elif i in legal and len(legal) < len(words):
                role = "legal"
            elif word in vocab.STOP_WORDS or _conjunction_i(words, i, legal):
                role = "stop"
            elif word in vocab.GENERIC_ORG_WORDS:
                role = "generic"
            else:
                role = "core"
            roles.append((word, role))
        if "core" not in (r for _w, r in roles):
            # No word but generic ones, legal forms and particles: a particle is the name ("DES
            # INTERNATIONAL CO., LTD.": not any "International Co").
            roles = [(w, "core" if r == "stop" else r) for w, r in roles]
    stems = script_stems(name, latin=schema == "Person")  # (a firm's -s is a plural: EXPERTS PARTNERS)
    for word, role in roles:
        tokens.append(NameToken(word, phonetic_keys(word), role, token_weight(word), stems.get(word, "")))
    if tokens and all(t.role in OPTIONAL_ROLES for t in tokens):
        # A name made only of "optional" words is all required.
        tokens = [NameToken(t.norm, t.keys, "core", t.weight, t.stem) for t in tokens]
    return tuple(tokens)


def head_position(tokens: Sequence[NameToken]) -> int:
    """The name's main word: its rarest surname, else its rarest core word, else any."""
    for roles in (("surname",), ("core",), ("given", "middle", "generic", "number"), ("patronymic", "legal", "stop")):
        candidates = [i for i, t in enumerate(tokens) if t.role in roles and (len(t.norm) > 1 or t.norm.isdigit())]
        if candidates:
            return max(candidates, key=lambda i: tokens[i].weight)
    return -1


def _key_deletions(key: str) -> set[str]:
    """A phonetic key and its one-letter deletions, under which keys one edit apart meet
    (a key shorter than 3 or longer than 24 letters has no near keys)."""
    if len(key) < 3 or len(key) > 24:
        return {key}
    return {key} | {key[:k] + key[k + 1:] for k in range(len(key))}


class NearKeys:
    """Keys one letter apart: each of `keys` filed under its one-letter deletions, so that
    a key finds the others through the deletions they share."""

    def __init__(self, keys: Iterable[str]) -> None:
        deletions: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            for variant in _key_deletions(key):
                deletions[variant].add(key)
        self._deletions = dict(deletions)

    def __call__(self, key: str) -> set[str]:
        """The keys filed here one letter away from `key` (not `key` itself)."""
        found: set[str] = set()
        for variant in _key_deletions(key):
            found |= self._deletions.get(variant, set())
        found.discard(key)
        return found


def first_surname(tokens: Sequence[NameToken]) -> int | None:
    """The first of a person's two surnames or more (MADURO of MADURO MOROS), else None."""
    surnames = [k for k, t in enumerate(tokens) if t.role == "surname" and len(t.norm) > 1]
    return surnames[0] if len(surnames) >= 2 else None


def head_alone_ok(entity: EntityRecord, kind: str, tokens: Sequence[NameToken], required: frozenset[int],
                  head: int) -> bool:
    """Can the main word alone be a mention of this name? Decided once, at build time.

    The same rules as the text matcher's partial mentions, where they depend on the name
    only: a weak alias counts only whole; a person goes by the surname of the primary name,
    the first of two surnames; an organisation may lose only generic or common words
    ("Wagner" of "WAGNER GROUP", not "Baghdad" of "FLY BAGHDAD").
    """
    missing = required - {head}
    if not missing:
        return True
    if kind == "weak":
        return False
    if entity.schema == "Person":
        surnames = [k for k, t in enumerate(tokens) if t.role == "surname"]
        if tokens[head].role != "surname" or surnames[0] != head:
            return False
        return kind == "primary" or tokens[head].norm in name_tokens(entity.name)
    if tokens[head].role != "core":
        return False
    weight = sum(tokens[k].weight for k in required) or 1.0
    if tokens[head].weight / weight < 0.5:
        return False
    return not any(tokens[k].role == "core" and vocab.zipf(tokens[k].norm) < 4.5 for k in missing)


class MatchIndex:
    """Listed names by phonetic key of their anchor tokens (rare, non-optional words)."""

    def __init__(self, entities: Iterable[EntityRecord]) -> None:
        started = time.perf_counter()
        self.names: list[IndexedName] = []
        self.entities: dict[int, EntityRecord] = {}
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # identifier's key (see `identifiers.key`) -> the entities it names, each with it as listed
        self.by_identifier: dict[str, list[tuple[EntityRecord, str]]] = defaultdict(list)
        for entity in entities:
            self.entities[entity.entity_id] = entity
            for scheme, value in entity.identifiers:
                self.by_identifier[identifiers.key(scheme, value)].append((entity, f"{scheme} {value}"))
            for text, kind in entity.names:
                self._add(entity, text, kind)
        self.postings = dict(self.postings)
        self.by_identifier = dict(self.by_identifier)
        # How many listed people's names use each word: Muhammad, Ali, Kim or Wang are common
        # as names whatever their frequency in English text.
        self.name_part_counts: Counter[str] = Counter()
        for name in self.names:
            if name.is_person:
                self.name_part_counts.update({t.norm for t in name.tokens})
        # The same postings grouped by the listed word, so a text word is compared with each
        # distinct listed word once ("ali" heads hundreds of names).
        self.by_word: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for key, postings in self.postings.items():
            groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for name_idx, pos in postings:
                groups[self.names[name_idx].tokens[pos].norm].append((name_idx, pos))
            self.by_word[key] = dict(groups)
        self.build_seconds = time.perf_counter() - started
        self._given_name_persons: Counter[str] | None = None
        self._near_keys: NearKeys | None = None

    def identified(self, text: str) -> Iterator[tuple[int, int, EntityRecord, str]]:
        """Where a text names listed entities by an identifier the lists give them (a ship's IMO
        number, a digital currency address): each span with the entity and the identifier as
        listed. (Lists that give none: no text is searched for one.)"""
        if not self.by_identifier:
            return
        for start, end, key in identifiers.in_text(text):
            for entity, label in self.by_identifier.get(key, ()):
                yield start, end, entity, label

    def given_name_persons(self) -> Counter[str]:
        """How many listed persons have each word as a given name (counted when first asked)."""
        if self._given_name_persons is None:
            persons: dict[str, set[int]] = defaultdict(set)
            for name in self.names:
                if name.is_person:
                    for tok in name.tokens:
                        if tok.role == "given":
                            persons[tok.norm].add(name.entity.entity_id)
            self._given_name_persons = Counter({word: len(ids) for word, ids in persons.items()})
        return self._given_name_persons

    def _add(self, entity: EntityRecord, text: str, kind: str) -> None:
        tokens = analyse_name(text, entity.schema)
        if not tokens:
            return
        required = frozenset(i for i, t in enumerate(tokens) if t.role not in OPTIONAL_ROLES)
        head = head_position(tokens)
        if head < 0:
            return
        name_idx = len(self.names)
        keyset = frozenset(k for t in tokens for k in t.keys)
        alone = head_alone_ok(entity, kind, tokens, required, head)
        self.names.append(IndexedName(entity, text, kind, tokens, required, head, keyset, alone))
        # Only the main word is indexed: every mention worth reporting contains it, and
        # seeding from side words ("of Russia", "company") would cost without finding more;
        # but a person of two surnames goes by the first (Nicolás Maduro of MADURO MOROS, the
        # rarer MOROS its main word), which is indexed too.
        for pos in dict.fromkeys((head, first_surname(tokens))):
            if pos is not None:
                for key in tokens[pos].keys:
                    self.postings[key].append((name_idx, pos))

    def near_keys(self, key: str) -> set[str]:
        """The indexed keys one letter away from `key` (filed when first asked)."""
        if self._near_keys is None:
            self._near_keys = NearKeys(self.by_word)
        return self._near_keys(key)

    def __len__(self) -> int:
        return len(self.entities)
