"""The matcher on the real OFAC SDN list: variants found, look-alikes quiet, scores explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.matching import TextMatcher
from monitor.matching.index import MatchIndex
from monitor.matching.model import EntityRecord
from monitor.matching.normalize import fold, name_tokens, phonetic_keys, tokenize
from monitor.matching.pairs import compare_names, search

PRIGOZHIN = "21171"
WAGNER = "22543"


def entity_ids(matcher: TextMatcher, text: str) -> set[str]:
    return {h.entity.source_id for h in matcher.screen(text)}


@pytest.mark.parametrize("spelling", ["Prigozhin", "Prigojine", "Prigoschin", "Prigožin", "Пригожин"])
def test_romanisations_meet(spelling: str) -> None:
    assert set(phonetic_keys(fold(spelling))) & set(phonetic_keys("prigozhin"))


@pytest.mark.parametrize(
    "text",
    [
        "Евгений Пригожин выступил с заявлением",
        "Jewgeni Prigoschin hat sich geäußert",
        "PRIGOZHIN, Yevgeniy Viktorovich was designated",
        "Y. Prigozhin met reporters on Friday",
        "Evgeny Prigozhin's mercenaries",
        "Prigozhin plane crash: what we know",
        "Задержан соратник Пригожина",
        "Setkání s Jevgenijem Prigožinem",  # a Czech case ending
        "Evgueni Prigojine, le patron du groupe Wagner",
        "رئيس فاغنر يفغيني بريغوجين قتل",  # Arabic writes the foreign zh with ج
    ],
)
def test_prigozhin_variants_found(matcher: TextMatcher, text: str) -> None:
    assert PRIGOZHIN in entity_ids(matcher, text)


@pytest.mark.parametrize(
    "text",
    ["ЧВК Вагнер наступает", "Бійці ПВК Вагнер вийшли з Бахмута", "PMC Wagner recruits convicts", "the Wagner Group said",
     "Wagner mercenaries were seen in Mali", "WAGNER GROUP FIGHTERS ENTER TOWN",
     "Der Chef der Wagner-Gruppe ist tot", "le patron du groupe Wagner"],
)
def test_wagner_group_found(matcher: TextMatcher, text: str) -> None:
    assert WAGNER in entity_ids(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Richard Wagner's Ring cycle opened at Bayreuth.",
        "The composer Wagner wrote operas that last for hours.",
        "Wagner Moura stars in the new film.",
        "James Wagner reported from New York.",
        "Freedom of speech matters to us all.",
        "Kim Kardashian visited Paris.",
        "首相は演説した。",  # Japanese 説 ("speech") read 'shuo' is no ZHUO, Xinrong alone
        "Pilgrims gathered in Sergiyev Posad.",  # a town, not 48 TSNII SERGIEV POSAD: its number is missing
        "In a windswept graveyard, Viktoria mourns her husband.",  # a woman, not OOO VIKTORIYA
        "Investors' Chronicle: Halma, Berkeley Group, IG Design",  # IG: a weak alias of two letters
        "Robert helped lobbying firm Synergy 360 win contracts.",  # another firm: SYNERGY GENERAL TRADING FZE's word and a number
        "American Savings Bank was bought in 1988.",  # a longer name than SAVINGS BANK (a weak alias)
        "Building Green: New Technologies to Create Less Polluting Cement",  # a headline's capitals
        "Cosmonauts Dmitry Petelin and Sergei Prokopyev landed.",  # no romanisation of PUTILIN, Dmitry Sergeyevich
    ],
)
def test_look_alikes_stay_quiet(matcher: TextMatcher, text: str) -> None:
    assert matcher.screen(text) == []


@pytest.mark.parametrize(("text", "score"), [
    ("Qasem Soleimani was killed at Baghdad airport.", 1.0),  # the airport is Baghdad's
    ("The Wagner Group fighters entered the village on Tuesday.", 1.0),
    ("Kalashnikov Concern, which makes rifles, reported growth.", 1.0),
    ("The Qasem Soleimani airport is closed.", 0.75),  # an airport named after him
])
def test_a_place_or_weapon_counts_against_a_name_only_beside_it(matcher: TextMatcher, text: str,
                                                                  score: float) -> None:
    [hit] = matcher.screen(text)
    assert hit.score == pytest.approx(score, abs=0.01)
    assert ("negative_context" in hit.features) == (score < 1.0)


@pytest.mark.parametrize(("text", "named"), [
    ("Putin attended the opera in St Petersburg.", "35096"),
    ("Prigozhin financed a film about the Central African Republic.", PRIGOZHIN),
    ("Shoigu visited the military band festival.", "35173"),
    ("The composer Wagner wrote operas that last for hours.", None),  # Wagner is a common name
    ("Soldiers carried Kalashnikov rifles.", None),  # the rifle is named after it
])
def test_a_name_no_one_else_bears_is_that_person_at_the_opera_too(matcher: TextMatcher, text: str,
                                                                   named: str | None) -> None:
    assert sorted(entity_ids(matcher, text)) == ([named] if named else [])


def test_short_mentions_follow_the_full_name(matcher: TextMatcher) -> None:
    text = "Russia's Wagner Group is expanding. Mr Kirby said Wagner's influence grows."
    hits = [h for h in matcher.screen(text) if h.entity.source_id == WAGNER]
    assert len(hits) == 2
    short = next(h for h in hits if h.text == "Wagner")
    assert "coreference" in short.features["support"]
    assert short.score < max(h.score for h in hits)


def test_hit_explains_itself(matcher: TextMatcher) -> None:
    text = "He met Yevgeny Prigozhin in St Petersburg."
    hit = next(h for h in matcher.screen(text) if h.entity.source_id == PRIGOZHIN)
    assert text[hit.start : hit.end] == hit.text == "Yevgeny Prigozhin"
    assert hit.matched_name in ("PRIGOZHIN, Evgeny", "PRIGOZHIN, Yevgeniy Viktorovich")
    assert hit.features["mention"] == "full"
    assert {t["listed"] for t in hit.features["tokens"]} >= {"prigozhin"}
    assert 0.9 <= hit.score <= 1.0


def test_surname_alone_scores_below_full_name(matcher: TextMatcher) -> None:
    full = max(h.score for h in matcher.screen("Yevgeny Prigozhin spoke."))
    alone = max(h.score for h in matcher.screen("Prigozhin spoke."))
    assert alone < full


def test_context_lowers_a_full_name(matcher: TextMatcher) -> None:
    """A negative context word lowers even a listed name's score."""
    plain = matcher.screen("The Wagner Group held a meeting.", threshold=0)
    opera = matcher.screen("The Wagner Group of opera singers held a meeting.", threshold=0)
    assert max(h.score for h in opera) < max(h.score for h in plain)


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t", "\x00\x01\x02\xff" * 1000, "a" * 1_000_000, "Prigozhin " + "x" * 200_000,
     "<a" * 200_000, "&amp" * 100_000, "a\u0301" * 200_000, "<b>Prigozhin</b> " * 5_000],  # (markup, marks)
)
def test_bad_input_does_not_crash(matcher: TextMatcher, text: str) -> None:
    hits = matcher.screen(text)
    assert all(0 <= h.start < h.end <= len(text) for h in hits)


@pytest.mark.parametrize(("text", "named"), [
    ("Israeli officials said Gaza Hamas militants fired rockets.", "4695"),  # a place before a name
    ("The Beirut Hezbollah office was hit.", "4697"),
    ("The West Bank said rates would rise.", None),  # (a place's word that is no people's nor place's)
])
def test_a_place_before_a_name_begins_no_other_name(matcher: TextMatcher, text: str, named: str | None) -> None:
    assert sorted({h.entity.source_id for h in matcher.screen(text)}) == ([named] if named else [])


@pytest.mark.parametrize(("text", "named"), [
    ("Хамас заявил о перемирии.", "4695"),  # 'khamas': Russian writes Hamas's h as х, kh
    ("Лидер Хамаса выступил.", "4695"),  # ... in the genitive
    ("Η Χαμάς ανακοίνωσε.", "4695"),  # Greek
    ("Чаша весов склонилась.", None),  # 'chasha' sounds like JAJA: a short listed word, not as long
    ("Жінка сказала, що прийде.", None),  # 'zhinka' is no CJNG
])
def test_a_one_word_name_in_cyrillic_or_greek_as_that_script_writes_it(matcher: TextMatcher, text: str,
                                                                        named: str | None) -> None:
    assert sorted({h.entity.source_id for h in matcher.screen(text)}) == ([named] if named else [])


@pytest.mark.parametrize(("text", "named"), [
    ("Этим летом цены выросли.", None),  # "by this", first in a sentence: no ETIM
    ("Самых больших успехов добились они.", None),  # "most" reads 'samykh', as JAMMEH sounds
    ("Entrar en el mercado es difícil.", None),  # Spanish "to enter": no ENTRAR LLC
    ("Путин заявил о победе.", "35096"),  # Putin, spelled as listed, of a name many link to
    ("Пригожин заявил о мятеже.", PRIGOZHIN),
    ("यह सिटी बहुत बड़ी है।", None),  # Hindi "city", in a script without capitals: no ...OBSCHESTVO SITI
])
def test_a_common_first_word_of_a_sentence_in_another_language_is_no_name(matcher: TextMatcher, text: str,
                                                                          named: str | None) -> None:
    assert sorted({h.entity.source_id for h in matcher.screen(text)}) == ([named] if named else [])


@pytest.mark.timeout(120)
@pytest.mark.parametrize("first", [0xAC00, 0x30A1, 0x4E00])  # Hangul, katakana, Han
def test_a_long_run_of_syllables_without_spaces_names_nothing(matcher: TextMatcher, first: int) -> None:
    import random

    rng = random.Random(1)  # (each syllable at random: 200,000 of them, no word boundary)
    text = "".join(chr(rng.randint(first, first + 90)) for _ in range(200_000))
    hits = matcher.screen(text)
    if first == 0x4E00:  # (Han characters at random read as Chinese names now and then, whole ones)
        assert all(h.features["how"] == "pinyin" and len(h.text) >= 3 for h in hits)
    else:  # (a Korean's name is a word of its own; a katakana word this long is no name)
        assert hits == []


def test_a_text_longer_than_a_window_keeps_its_offsets(matcher: TextMatcher) -> None:
    """Texts over MAX_TEXT_CHARS are screened window by window; a mention in a later window
    has its offsets in the whole text."""
    from monitor.matching.text import MAX_TEXT_CHARS

    text = "filler " * (MAX_TEXT_CHARS // 7 + 10) + "Yevgeny Prigozhin spoke."
    assert len(text) > MAX_TEXT_CHARS
    hits = [h for h in matcher.screen(text) if h.entity.source_id == PRIGOZHIN]
    assert [text[h.start : h.end] for h in hits] == ["Yevgeny Prigozhin"]


def test_offsets_with_html_and_line_breaks(matcher: TextMatcher) -> None:
    text = "<p>Report:</p> Yevgeny\nPrigozhin &amp; co"
    hit = next(h for h in matcher.screen(text) if h.entity.source_id == PRIGOZHIN)
    assert text[hit.start : hit.end] == "Yevgeny\nPrigozhin"


@pytest.mark.parametrize(("greek", "latin"), [
    ("Πούτιν", "putin"), ("ΠΟΥΤΙΝ", "putin"), ("Αμπράμοβιτς", "abramovits"), ("Λάντεν", "laden"),
    ("Σεργκέι", "sergei"), ("Ευάγγελος", "evangelos"), ("Τσίπρας", "tsipras"), ("Χαμενεΐ", "khamenei"),
    ("Μπάιντεν", "baiden"), ("Μαΐου", "maiu"), ("Γιονγκ", "yong"), ("Χανίγια", "khaniya"), ("Γεβγκένι", "yevgeni"),
    # Hebrew writes foreign sounds with a geresh: צ' ch, ג' j, ז' zh
    ("סצ'ין", "schyn"), ("ג'ונג", "jvng"), ("פריגוז'ין", "frygvzhyn"),
])
def test_greek_and_hebrew_are_read_as_they_sound(greek: str, latin: str) -> None:
    assert fold(greek) == latin


@pytest.mark.parametrize(("kana", "latin"), [
    ("プーチン", "puchin"), ("カディロフ", "kadirof"), ("ディ", "di"), ("ショイグ", "shoig"), ("ジョー", "jo"),
    ("バッシャール", "bashar"), ("ヴィクトル", "vikutor"), ("ルカシェンコ", "rukashenko"), ("アル", "aru"),
])
def test_katakana_is_read_by_syllables(kana: str, latin: str) -> None:
    """Small kana join the syllable before, long vowels and doubled consonants are single, and
    the vowel added after a last consonant goes (anyascii read ショ 'shiyo', ディ 'dei')."""
    assert fold(kana) == latin


def test_a_listed_name_in_greek_text_is_found(matcher: TextMatcher) -> None:
    hits = matcher.screen("Ο Ρώσος πρόεδρος Βλαντιμίρ Πούτιν συναντήθηκε με τον Σεργκέι Σοϊγκού.")
    assert {(m.text, m.entity.name) for m in hits} == {
        ("Βλαντιμίρ Πούτιν", "PUTIN, Vladimir Vladimirovich"), ("Σεργκέι Σοϊγκού", "SHOIGU, Sergei Kuzhugetovich")}


@pytest.mark.parametrize("text", [
    "Wagner's boss, Y. Prigozhin-linked",
    "Russia's  Wagner’s men' said" + " " * 60 + "the end's",  # possessives, a long gap
    "Пригожина's\n\nВагнером ___ ² x",  # case endings; a word that folds to nothing
    "김정은 met Kim's envoy",  # syllables are tokens of their own
])
def test_tokenize_keeps_offsets_and_gaps(text: str) -> None:
    tokens = tokenize(text)
    assert tokens
    prev_end = 0
    for tok in tokens:
        assert fold(text[tok.start : tok.end]) == tok.norm
        assert tok.gap == text[prev_end : tok.start][:40]
        assert not text[tok.start : tok.end].endswith(("'s", "’s", "'"))  # possessives stripped
        prev_end = tok.end


def test_the_aligners_a_pair_skips_would_have_found_nothing() -> None:
    """score_tokens does not call the aligners a name's facts say cannot find anything (words
    run together, split elsewhere, initials, titles): with facts that skip none, listed names
    paired at random and with their own aliases score the same, features included."""
    import random
    import string

    from monitor.matching import pairs
    from monitor.watchlists import parse_path

    every = frozenset(string.printable)

    def skipping_none(x: tuple) -> pairs._Name:  # type: ignore[type-arg]
        name = pairs._Name(x)
        name.facts = pairs._Facts(x)
        name.facts.firsts = name.facts.pieces = name.facts.joinable = every
        name.facts.initials, name.facts.titled = 99, True
        return name

    entities = parse_path("ofac-sdn", Path(__file__).resolve().parent.parent / "watchlists" / "ofac_sdn").entities
    rng = random.Random(5)
    cases = []
    for e in rng.sample(entities, 1500):
        other = rng.choice(entities)
        cases.append((e.name, other.name, e.schema))
        cases += [(a.name, e.name, e.schema) for a in e.aliases[:2]]
    cases += [("B.S. COMPANY OFFSHORE", "BS COMPANY OFFSHORE", "Organization"),  # initials apart
              ("M. D. S. IMPORT EXPORT", "MDS IMPORT EXPORT", "Organization"),
              ("ALS-HARIA", "AL-SHARIA", "Person"), ("Mohammad Reza Naqdi", "NAQDI, Mohammadreza", "Person"),
              ("HASHEMI, Sayyed Mohammad", "HASHEMI, Seyed Mohammad", "Person"), ("BIN AL SHIBH, Ramzi", "Ramzi Binalshibh", "Person")]
    found = 0
    for a, b, schema in cases:
        schema = pairs.canonical_schema(schema) or "Person"
        x, y = pairs._analysed(a, schema), pairs._analysed(b, schema)
        fast = pairs.score_tokens(x, y, schema)
        assert pairs.score_tokens(skipping_none(x), skipping_none(y), schema) == fast, (a, b)
        found += fast[0] > 0
    assert found > 500  # (pairs that align something: the guards are asked of those too)


def test_search_ranks_the_listed_person_first(sdn_index) -> None:  # type: ignore[no-untyped-def]
    results = search(sdn_index, "Evgeny Prigozhin", "Person")
    assert results[0]["source_id"] == PRIGOZHIN
    assert results[0]["match"] is True


def test_search_a_ship_by_its_imo_number(sdn_index) -> None:  # type: ignore[no-untyped-def]
    # ARK III (15037) is listed with IMO 9187655: its number finds it, whatever its name
    results = search(sdn_index, "IMO 9187655")
    assert [(r["source_id"], r["matched_name"], r["score"], r["match"]) for r in results[:1]] == [
        ("15037", "IMO 9187655", 1.0, True)]
    assert search(sdn_index, "IMO 9187655", "Person") == []
    assert not any(r["match"] for r in search(sdn_index, "IMO 9187656"))  # (a number no list holds)


def test_search_kim_jong_un_is_one_person(sdn_index) -> None:  # type: ignore[no-untyped-def]
    # Issue #4: OFAC's own search drops parts of two letters and returns five people at 100
    results = search(sdn_index, "KIM JONG UN")
    assert [r["source_id"] for r in results if r["match"]] == ["20157"], results[:3]


@pytest.mark.parametrize("query", ["Putin V.V.", "V.V. Putin", "Путин В. В."])
def test_search_a_surname_with_initials(sdn_index, query: str) -> None:  # type: ignore[no-untyped-def]
    # two initials had outweighed the surname in finding candidates: YATSENKO, Victor V. came
    # first and PUTIN was not looked at
    results = search(sdn_index, query)
    assert results[0]["source_id"] == "35096" and results[0]["match"] is True, results[:3]


@pytest.mark.parametrize("query", ["Yevgeniy Prigozhim", "yevgeniy prigozhin", "Evgeny Prigozhinn", "Yevgeniy Viktorovich Prigozin"])
def test_search_finds_a_listed_name_with_a_typo(sdn_index, query: str) -> None:  # type: ignore[no-untyped-def]
    # a typo that changes the word's sound still finds it, through keys one edit apart
    results = search(sdn_index, query)
    assert results[0]["source_id"] == PRIGOZHIN and results[0]["match"] is True, results[:2]


@pytest.mark.parametrize(("query", "listed"), [
    ("afif abdul madjid", "ABDUL MADJID, Afif"),  # looked up by "abdul" and "madjid", compared as one name
    ("Abdel-Salam Abdel--Rahman ALAWI", "ALAWI, Abdel-Salam Abdel-Rahman"),
    ("NAUCHNO-PROIZVODSTVENOE PREDPRIYATIE GURAMI ELEKTRONIKS", "NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE GURAMI ELEKTRONIKS"),
    # A typo in a legal form is still a legal form, not a rare word to look the firm up by:
    ("MP LIMITED LIALILITY COMPANY", "MP LIMITED LIABILITY COMPANY"),
    ("JOINT STOCK COMAPNY CLASS", "JOINT STOCK COMPANY CLASS"),
    # A typo that gives a word a key hundreds of listed words share ('sk', 'kn'):
    ("Seygey SHOIGU", "SHOIGU, Sergey"),
    ("Gennaoiy MEDVEDEV", "MEDVEDEV, Gennadiy"),
    # A typo makes a word rare, and its key the key of many listed words: the name with the
    # query's other word as written comes first (returned nothing before: 40 GOMEZes, 'kms')
    ("Kiyumas HEIDARI", "HEIDARI, Kiyumars"),
    ("Sreen LUKIC", "LUKIC, Sreten"),
    # A word no listed name has is looked for under keys one edit away even when its own key
    # is common ('byabashaiqa' reads 'bsk' as 20 listed words do; BYABASHAIJA reads 'bsj')
    ("Johnson BYABASHAIQA", "BYABASHAIJA, Johnson"),
    ("EVER GBORY", "EVER GLORY"),
    # ... and as listed words a letter apart as written, when the typo changes its sound too
    ("SOUQHEAST TRADING LTD", "SOUTHEAST TRADING LTD"),
    ("LLC NEWTON TEHCNIKS", "LLC NEWTON TECHNIKS"),
    ("GOODEACH", "GOODREACH"),
])
def test_search_finds_compound_and_generic_words(sdn_index, query: str, listed: str) -> None:  # type: ignore[no-untyped-def]
    """An Abd compound written apart, a Russian generic word with a typo (read as its English
    word, yet compared as written too), a misspelled legal form."""
    best = search(sdn_index, query)[0]
    assert best["match"] is True and listed in (best["name"], best["matched_name"]), best


@pytest.mark.parametrize(("query", "listed", "alone"), [
    ("ウラジーミル・プーチン", "PUTIN, Vladimir Vladimirovich", True),
    ("블라디미르 푸틴", "PUTIN, Vladimir Vladimirovich", True),
    ("바샤르 알아사드", "AL-ASSAD, Bashar", True),  # (Korean writes the article into the word)
    ("Βλαντιμίρ Πούτιν", "PUTIN, Vladimir Vladimirovich", True),
    ("فلاديمير بوتين", "PUTIN, Vladimir Vladimirovich", True),  # Arabic and Hebrew: looked up by consonants
    ("ניקולס מדורו", "MADURO MOROS, Nicolas", False),  # (his son MADURO GUERRA, Nicolas Ernesto too)
    ("עלישר אוסמנוב", "USMANOV, Alisher Burhanovich", True),  # (ב is b: ו no consonant, SHORE, Jasmine no match)
    ("حسن نصر الله", "NASRALLAH, Hasan", False),  # (نصر الله looked up as one word too; ANSAR ALLAH reads alike)
])
def test_search_finds_a_name_written_in_another_script(sdn_index, query: str, listed: str, alone: bool) -> None:  # type: ignore[no-untyped-def]
    results = search(sdn_index, query, limit=3)
    assert results[0]["name"] == listed and results[0]["match"]
    assert not alone or not any(r["match"] for r in results[1:])


def test_search_does_not_match_a_look_alike(sdn_index) -> None:  # type: ignore[no-untyped-def]
    assert not any(r["match"] for r in search(sdn_index, "Vladimir Petrov"))  # PETROV, Alexander; KONONOV, Vladimir P.
    assert all(r["score"] > 0 for r in search(sdn_index, "John Smith"))  # no zero-score filler


def test_search_keeps_a_person_apart_from_a_firm(sdn_index) -> None:  # type: ignore[no-untyped-def]
    """A query of no stated schema that reads as a person's name does not match a firm's name
    that lacks its given name; the firm's own name, and the person, still match."""
    assert not any(r["match"] for r in search(sdn_index, "Vladimir Khalil"))  # HALEEL LTD
    # (nor one named by the given name alone, nor by the surname alone; Dimas is the given
    # name of one listed person)
    assert not any(r["match"] and r["schema"] != "Person" for r in search(sdn_index, "Viktoriya Miller"))
    assert not any(r["match"] for r in search(sdn_index, "Dimas Sakan"))  # SAKAN GENERAL TRADING
    assert search(sdn_index, "Haleel Ltd")[0]["name"] == "HALEEL LTD"
    assert search(sdn_index, "Haleel Ltd")[0]["match"] is True
    found = search(sdn_index, "Yevgeny Prigozhin")[0]
    assert found["source_id"] == PRIGOZHIN and found["match"] is True


@pytest.mark.parametrize(("query", "listed"), [
    ("Jqse Julian Bruno JIMENEZ PEREZ", "JIMENEZ PEREZ, Jose Julian Bruno"),
    ("Ruiguang GZO", "GUO, Ruiguang"),
    ("OFLQ SAZEH PAYAH", "OFOQ SAZEH PAYAH"),
    ("Hamid Rza NURI", "NOORI, Hamid Reza"),
])
def test_search_reads_an_unknown_word_as_a_typo_of_a_listed_one(sdn_index, query: str, listed: str) -> None:  # type: ignore[no-untyped-def]
    """A query word no list has and English text seldom does, a letter inside a listed word
    changed or dropped, is a typo of it (0.8): the name is found, as it was not when a short word
    was one letter off."""
    found = search(sdn_index, query)[0]
    assert found["name"] == listed and found["match"] is True


def test_a_known_word_is_no_typo(sdn_index) -> None:  # type: ignore[no-untyped-def]
    """A word the lists or English know is a name or a word of its own, never read as a slip
    of another (Yang is no typo of Yong, nor Omar of Amar)."""
    from monitor.matching.pairs import _search_index, _slips

    seeker = _search_index(sdn_index)
    assert ("jqse", "jose") in _slips(seeker, ["jqse"])
    assert _slips(seeker, ["yang", "omar", "gold", "ian"]) == frozenset()  # (Ian: not listed, English 4.3)


def test_search_keeps_a_firm_apart_from_a_person(sdn_index) -> None:  # type: ignore[no-untyped-def]
    """A query of no stated schema with a word that says what a firm does is no person's name
    that lacks the word ("ALI ASSOCIATION KHAN" read as a person had been KHAN, Ali with a
    middle name more); the person, and a firm of the person's name, still match."""
    assert not any(r["match"] and r["schema"] == "Person" for r in search(sdn_index, "ALI ASSOCIATION KHAN"))
    assert search(sdn_index, "Ali Khan")[0]["match"] is True
    # (not a title that is also a firm's word, nor a short legal form: a syllable or a typo of one)
    assert search(sdn_index, "General Qasem Soleimani")[0]["name"] == "SOLEIMANI, Qasem"
    assert search(sdn_index, "General Qasem Soleimani")[0]["match"] is True
    assert search(sdn_index, "Il Woo CO")[0]["name"] == "CHO, Il-U"
    assert search(sdn_index, "Il Woo CO")[0]["match"] is True
    assert search(sdn_index, "Haleel Ltd")[0]["name"] == "HALEEL LTD"


@pytest.mark.parametrize(("query", "match"), [
    ("Bashir Saleh", True), ("Bashir Salih", True), ("Bashir Saleeh", True),  # (Saleeh: no listed word)
    ("Bashir Salem", False),  # Salem, another listed person's name, is a name of its own
])
def test_search_reads_a_listed_name_as_no_misspelling_of_another(sdn_index, query: str,  # type: ignore[no-untyped-def]
                                                                 match: bool) -> None:
    found = [r for r in search(sdn_index, query) if r["name"] == "SALEH, Bachir"]
    assert bool(found and found[0]["match"]) is match


@pytest.mark.parametrize("query", ["PATRIOT TRADE CO", "HAPPINESS INDUSTRY", "HERCULES FOUNDATION"])
def test_search_keeps_a_firm_apart_from_a_vessel(sdn_index, query: str) -> None:  # type: ignore[no-untyped-def]
    """No ship is an LLC: a query of no stated schema with a firm's word is no vessel's name
    without it; the vessel's own name still finds it."""
    assert not any(r["match"] and r["schema"] in ("Vessel", "Aircraft") for r in search(sdn_index, query))
    vessel = query.split()[0]
    assert any(r["match"] and r["matched_name"] == vessel and r["schema"] == "Vessel" for r in search(sdn_index, vessel))


@pytest.mark.parametrize(("a", "b", "schema", "match"), [
    ("Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("Kim Jong Un", "KIM, Jong Un", "Person", True),
    ("Evro Polis", "EVRO POLIS LTD.", "Organization", True),
    ("George Bush", "George Habbash", "Person", False),
    ("BELLETECH CORP", "11420 CORP.", "Organization", False),
    ("Pavel Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", False),
    ("Kim Jong Il", "KIM, Jong Un", "Person", False),
    ("Ismail Haniyeh", "HANIYA, Ismail", "Person", True),  # Arabic final -eh/-a
    ("Владимира Путина", "PUTIN, Vladimir Vladimirovich", "Person", True),  # Russian case endings
    ("Oussama Ben Laden", "BIN LADIN, Usama", "Person", True),  # ben = bin inside a name
    ("Ben Smith", "SMITH, Ben", "Person", True),  # first among the given names: a given name
    ("Sayyid Ali Hosseini Khamenei", "KHAMENEI, Ali", "Person", True),  # a title and a middle name
    ("Публичное акционерное общество Сбербанк России", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA",
     "Organization", True),
    ("Министерство обороны Российской Федерации", "MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION",
     "Organization", True),
    ("Aeroflot", "AEROFLOT RUSSIAN AIRLINES", "Organization", True),  # a country says where, not which
    ("China Shipping", "CHINA OCEAN SHIPPING COMPANY", "Organization", False),  # "Ocean" says which
    ("Tupolev Design Bureau", "TUPOLEV PAO", "Organization", True),
    ("PART CONSULTING FORT", "FORT CONSULTING OOO", "Organization", False),  # ordinary words shared
    ("ERVIN DANESH", "ERVIN DANESH ARYAN COMPANY", "Organization", True),  # rare words shared
    ("SOLID HOLDING CO", "SOLID LTD", "Organization", False),  # an ordinary word shared
    # names of ordinary words, one with a word more: two firms
    ("MARITIME BANK FINANCIAL LLC", "MARITIME BANK", "Organization", False),
    ("MARITIME BANK OJSC", "MARITIME BANK", "Organization", True),  # (a legal form only)
    ("SHANGHAI BOYLE CHEMICAL CO., LTD.", "BOYLE CHEMICAL CO., LTD.", "Organization", True),  # (a place)
    ("William Smith", "Bill Smith", "Person", True),  # a short form of the given name
    ("ZAVVOD TULA PAO", "ZAVOD TULA PAO", "Organization", True),  # a typo in a generic word
    ("ENGINEERING CENTER OF INNOVATIVE TEHNOLOGIES", "ENGINEERING CENTER OF INNOVATIVE TECHNOLOGIES",
     "Organization", True),
    ("KOHLTSVUD LLC", "KHOLTSVUD LLC", "Organization", True),  # a slip at the start of a long word
    ("Oleksandr Usyk", "YUZHIK, Aleksandr", "Person", False),  # Ю keeps its Y: Yuzhik is not Usyk
    ("Mohammed bin Salman", "Muhammad bin Salman Al Saud", "Person", True),  # Salman is his father
    ("John Smith", "Jane Smith", "Person", False),
    ("Muammar Gaddafi", "Mu'ammar al-Qadhdhafi", "Person", True),  # dh is d
    # German writes kh ch, ts z, and ё after a hushing sound o
    ("Nikita Chruschtschow", "Nikita Khrushchev", "Person", True),
    ("Boris Jelzin", "Boris Yeltsin", "Person", True),
    ("Saizew", "ZAITSEV", "Person", True),
    ("Kim Jong-oun", "KIM, Jong Un", "Person", True),  # French ou for a Korean u
    ("Abu Mohammed al-Dscholani", "Abu Mohammed al-Jolani", "Person", True),  # German dsch is j
    ("OUNI, Salah", "AL-AWNI, Salah", "Person", True),  # Arabic aw, French ou
    ("Shawn Smith", "Shun Smith", "Person", False),  # (an English aw is no ou)
    ("Alfa-Bank", "Alpha Bank", "Organization", True),  # ph is f
    ("Kalashnikov Concern", "Kalashnikov Group", "Organization", True),  # a concern is a group
    # ... beside a word of the firm's own; among ordinary words it is a word of that name
    ("ISLAMIC CONCERN LLC", "ISLAMIC GROUP", "Organization", False),
    ("CHEMICAL CONCERN LLC", "CHEMICAL GROUP", "Organization", False),
    ("Huawei", "HUAWEI TECHNOLOGIES CO., LTD.", "Organization", True),  # a name, however often in news
    ("Euro Polis LLC", "EVRO POLIS LTD.", "Organization", True),  # Euro = Evro
    ("Uday Saddam Hussein", "HUSSEIN, Saddam", "Person", False),  # a given name on one side only
    ("Ismael Garcia", "ZAMBADA GARCIA, Ismael", "Person", False),  # the first surname missing
    # ... but a rare second surname names the person (scored x0.85)
    ("Rolando GODOY", "OSUNA GODOY, Rolando", "Person", True),
    ("Mario Alberto LEYVA", "BELTRAN LEYVA, Mario Alberto", "Person", True),
    ("Daniel HERRERA", "RENDON HERRERA, Daniel", "Person", False),
    ("Arturo Kaskar", "MEZA GASPAR, Arturo", "Person", False),  # (and spelled alike: not Kaskar / Gaspar)
    ("Mayak Star", "MAYAK", "Vessel", False),  # a ship's name is an identifier
    ("BELLETECH CORP", "11420 CORP.", "Organization", False),
    ("George Bush", "HABBASH, George", "Person", False),
    # Pairs the lists label themselves (OFAC and UN aliases, UN original-script names):
    ("Shaykh Ahmad Iman Ali", "Ahmad Iman Ali", "Person", True),  # a title is optional
    ("AL TAHLI, Abd Al-Rahim", "AL-TALHI, Abdul Rahim", "Person", True),  # Abd al- = Abdul; a swap
    ("HADDAD ADEL, Gholam-Ali", "HADDAD-ADEL, Gholamali", "Person", True),  # words run together
    ("BANDARABADI, Mohammad Reza Jafari", "JAFARIBANDARABADI, Mohammadreza", "Person", True),
    ("أيمن محمد ربيع الظواهري", "AIMAN MUHAMMED RABI AL-ZAWAHIRI", "Person", True),  # by consonants
    ("محمد طاهر أنوري", "MUHAMMAD TAHER ANWARI", "Person", True),  # ط+ه, not ث
    ("عدي صدام حسين التكريتي", "UDAY SADDAM HUSSEIN AL-TIKRITI", "Person", True),  # a first U is ع, not و
    ("يحيى جوادي", "DJOUADI, YAHIA", "Person", True),  # French dj = ج
    ("نور محمد ثاقب", "SAQIB, NOOR MOHAMMAD", "Person", True),  # ث is s in Urdu and Persian
    ("مطیع الرحمن علی محمد", "ALI MUHAMMAD, MATI UR-REHMAN", "Person", True),  # ur is the article
    ("Doctor Muthanna al-Dari", "MUTHANNA HARITH SALMAN AL-DARI", "Person", True),  # a title
    ("CARDENAS GUILLEN, Antonio Ezequiel", "CARDENAS GUILLEN, Ezequiel", "Person", True),  # two surnames found
    ("CARDENAS, Antonio Ezequiel", "CARDENAS, Ezequiel", "Person", False),  # one surname: another given name
    ("KULYK, Kostyantyn", "KULYK, Konstantin", "Person", True),  # a given-name variant sharing no key
    ("AL HOUTHI, Abdul Malik", "AL-HUTHI, Abd al-Khaliq", "Person", False),  # Abd al- is shared, not the name
    ("عدي صدام حسين التكريتي", "QUSAY SADDAM HUSSEIN AL-TIKRITI", "Person", False),  # his brother
    ("Mustapha Kamel Mustapha", "MOSTAFA KAMEL MOSTAFA IBRAHIM", "Person", True),  # adds an ancestor
    ("Mohammad Arif Qasmani", "QASMANI, ARIF", "Person", True),  # the opening Muhammad left out
    ("DUBINSKY, Alexander", "DUBINSKY, Oleksandr", "Person", True),  # a given-name variant
    ("Kim Chol", "KIM, Chol Sam", "Person", False),  # a syllable of the given name is missing
    ("Vladimir Petrov", "KONONOV, Vladimir P.", "Person", False),  # an initial is no surname
    ("RUELAS AVILA, Jose Luis", "RUELAS AVILA, Jose Maria", "Person", False),  # given names conflict
    ("BOGDANOV, Vladimir Leonidovich", "BOGDANOV, Vladimir Mikhaylovich", "Person", False),  # patronymics
    ("AL-TIKRITI, Jamal Mustafa", "AL-TIKRITI, Kamal Mustafa", "Person", False),  # first sounds differ
    ("KINAHAN JUNIOR, Christopher Vincent", "KINAHAN, Christopher Vincent", "Person", False),
    ("YV1003", "YV1004", "Aircraft", False),  # identifiers
    ("Azizullah Pan", "ASSI, Salah", "Person", False),  # a surname run into a given name
    ("Muhsin Zarate", "SAJJADI NIA, Mohsen", "Person", False),  # close only as lossy phonetics
    ("김정은", "KIM, Jong Un", "Person", True),  # Hangul: surname first; Gim = Kim, Jeong = Jong, Eun = Un
    ("김정일", "KIM, Jong Un", "Person", False),
    ("Иванов Иван Иванович", "IVANOV, Ivan Ivanovich", "Person", True),
    ("BICENTENARIO VII", "BICENTENARIO VIII", "Vessel", False),  # roman numerals are numbers
    ("Abu Mohammed al-Adnani", "ABOU MOHAMED AL ADNANI", "Person", True),  # Abu/Abou
    ("Suu Kyi", "SU, Gui Qin", "Person", False),  # short words spelled alike only with one first letter
    ("AKB MOSOBLBANK OAO", "PAO MOSOBLBANK", "Organization", True),  # Russian organisation types
    ("Viktor Yanukovych", "Wiktor Janukowycz", "Person", True),  # Polish cz
    ("Sergei Lavrov", "Sergej Lawrow", "Person", True),  # German w = v (Arabic aw = u only before z, d, s...)
    ("John Smith", "Jon Smyth", "Person", True),
    ("Maria Garcia", "Mario Garcia", "Person", False),  # the feminine and masculine of a given name
    ("Robert Smith", "Roberta Smith", "Person", False),
    ("Ghazy Fezzaa Hishan", "GHAZY FEZZA HISHAN", "Person", True),  # an a doubled is no feminine
    # An Arabic name's given name, father's and grandfather's agree, the family or tribal name not:
    ("BASHAR SABAWI IBRAHIM HASAN AL-TIKRITI", "Bashar Sabawi Ibrahim Hasan Al-Bayjat", "Person", True),
    ("AL-HASHIMI, Umar Talib Zughayr", "AL-RAWI, Umar Talib Zughayr", "Person", True),
    ("AL-TIKRITI, Omar Sabawi Ibrahim Hasan", "AL-TIKRITI, Sa'd Sabawi Ibrahim Hasan", "Person", False),  # brothers
    ("AL-MASRI, Ahmed Mohamed Ali", "AL-LIBI, Ahmed Mohamed Ali", "Person", False),  # names too common to tell
    ("MARTINEZ, Jose Luis Antonio", "LOPEZ, Jose Luis Antonio", "Person", False),  # given names, no forebears
    ("KHAN, Dilawar Khan Nadir", "ZAIN KHAN, Dilawar Khan", "Person", False),  # a given name more
    # Family names in either order, one spelled by other vowels:
    ("AHMED ABDULLAH SALEH AL-ZAHRANI AL-KHOZMRI", "AHMED ABDULLAH SALEH AL-KHAZMARI AL-ZAHRANI", "Person", True),
    ("Mullah Ahmed Shah Noorzai", "AHMED SHAH NOORZAI OBAIDULLAH", "Person", True),  # a title weighs little
    ("GORRIN, Raul A", "GORRIN BELISARIO, Raul", "Person", True),  # an initial is no second surname
    # Abbreviated words and legal forms in other languages (Polish, Chinese pinyin):
    ("Korea Samma SHPG CO", "KOREA SAMMA SHIPPING CO", "Organization", True),
    ("NINGBO MORE INTEREST IMP. & EXP. CO., LTD.", "NINGBO MORE INTEREST IMPORT AND EXPORT CO., LTD.", "Organization", True),
    ("INTER-TRANS SP. Z O.O.", "INTER-TRANS SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA", "Organization", True),
    ("DALIAN ZENGHUA TRADING CO., LTD.", "DALIAN ZHENGHUA MAOYI YOUXIAN GONGSI", "Organization", True),
    ("KATAEV, Ayubkhan Vakhaevich", "KATAEV, Ayub Vakhaevich", "Person", True),  # a given name's suffix
    ("FARZADI, Hedayatollah", "FARZADI, Hedayat", "Person", True),
    ("AL-RAWI, Saifullah", "AL-RAWI, Saif-al-Din", "Person", False),  # (Saif begins both)
    ("PEIJNENBURG, Alex Adrianus Martin", "PEIJNENBURG, Alex Adrianus Martinus", "Person", True),  # Latin -us
    ("BIN AL SHIBH, Ramzi", "BINALSHIBH, Ramzi Mohammed Abdullah", "Person", True),  # three words run together
    ("Abu Mohammed al-Jolani", "AL-JAWLANI, Abu Muhammad", "Person", True),  # Arabic aw written o
    ("Ahmad Hassan Kaka ALJUBAYDI", "AL-UBAYDI, Ahmad Hassan Kaka", "Person", True),  # run together, a slip in nine letters
    ("John Ka-cchiu LEE", "LEE, John Ka-chiu", "Person", True),  # a letter doubled is no other first sound
    ("Artem CAHIKA", "CHAIKA, Artem", "Person", True),  # a slip in a ch is no other first sound ...
    ("KAZA'I, Ahmad", "KHAZAI, Ahmad", "Person", True),  # ... nor kh for k
    ("AL BANA, Hasan", "ALBANIA, Hasan", "Person", False),  # (not in seven)
    ("SMITH, John A", "SMITH, John B", "Person", False),  # two initials differ
    ("على السيد محمد مصطفى بكري", "ALI SAYYID MUHAMED MUSTAFA BAKRI", "Person", True),  # ى as Egypt writes ي
    # Korean names surname first, whatever syllable ends them (Song is a surname too):
    ("Cho Ch’o’l-so’ng", "JO, CHOL SONG", "Person", True),
    ("Ku Cha-hyo'ng", "KU, JA HYONG", "Person", True),
    ("Aleksandr Lukashenko", "Alyaksandr Lukashenka", "Person", True),  # (a surname's -o/-a is no gender)
    ("Rosneft", "Rosneft Oil Company", None, True),  # the longer name says what the firm does
    ("Mahan Air", "Mahan Airlines", None, True),
    ("CENTRAL BANK OF VENEZUELA", "BANCO CENTRAL DE VENEZUELA", "Organization", True),
    ("FRADKOV, Pyotr Mikhailovich", "FRADKOV, Petr Mikhailovich", "Person", True),  # ё: yo = e
    ("Fyodor Lukyanov", "LUKYANOV, Fedor", "Person", True),
    ("PATRIOT", "PATRIS", "Vessel", False),  # English -iot is no ё
    ("DAHIR, Ibrahim", "DAHER, Ibrahim Ali", "Person", True),  # Ali is a whole name, not a syllable
    ("CHAN, Eric", "CHAN, Eric Kwok-ki", "Person", True),  # a Chinese given name beside an English one
    ("Kim Chol", "KIM, Chol Sam", "Person", False),  # (still: a syllable of the given name missing)
    # Belarusian and Ukrainian romanisations beside Russian (dz = d, h = g, u = v, -au = -ov):
    ("NAUMOV, Vladimir Vladimirovich", "NAUMAU, Uladzimir Uladzimiravich", "Person", True),
    ("FILIPCHUK, Pavel Igorevich", "FILIPCHUK, Pavlo Ihorovych", "Person", True),
    ("BUTKEVICH, Igor Yevgenievich", "BUTKEVICH, Ihar Yauhenavich", "Person", True),
    # ... also when only the given name says the name is East Slavic (no patronymic, a surname
    # of no Slavic shape: Sechin, Putin, Kernes)
    ("Igor Sechin", "Ihar Sechin", "Person", True),
    ("Vladimir Putin", "Uladzimir Putsin", "Person", True),
    ("Gennady Kernes", "Hennadiy Kernes", "Person", True),
    ("Grigory Karasin", "Hryhoriy Karasin", "Person", True),
    ("Gary Smith", "Harry Smith", "Person", False),  # (English names: h is h)
    ("Dmitry Petelin", "PUTILIN, Dmitry Sergeyevich", "Person", False),  # vowels no romanisation writes
    ("Dmitry Tyruin", "TYURIN, Dmitry", "Person", True),  # (two letters swapped: a slip)
    ("Igor Sechin", "Igor Sechko", "Person", False),
    ("PETROV, Oleg", "PETROV, Olga", "Person", False),  # his and her given names
    ("IVANOV, Pavel", "IVANOV, Pyotr", "Person", False),
    ("EHSAN, Muhammad", "HUSAYN, Muhammad", "Person", False),  # not an East Slavic name: h is h
    ("RI, Jong Chol", "RI, Chong Chol", "Person", True),  # Korean: McCune-Reischauer and Revised
    ("RYO'M, Hu'i-pong", "RYOM, Hui-bong", "Person", True),
    ("KIM, Jong Un", "KIM, Chong Il", "Person", False),  # (another given name, however spelled)
    ("RYU, Jin", "YU, Jin", "Person", False),  # two surnames on the lists
    ("AL-ZAYN, Mazin", "AL-ZEIN, Mazen Hassan", "Person", True),  # Arabic ay = ai = ei
    ("HAIDER, Farhan Hussein", "HAYDAR, Farhan Hussein", "Person", True),  # (the plain spelling kept too)
    ("HASHEMI, Sayyed Mohammad", "HASHEMI, Seyed Mohammad", "Person", True),  # one title, two spellings
    ("RESEARCH AND PRODUCTION CORPORATION URALVAGONZAVOD OAO", "URALVAGONZAVOD", "Organization", True),
    ("NPP AEROSILA, AO", "JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE AEROSILA", "Organization", True),
    ("KOREA HYOKSIN EXPORT AND IMPORT CORPORATION", "KOREA HYOKSIN TRADING CORPORATION", "Organization", True),
    ("INTERNATIONAL TRADING LTD", "INTERNATIONAL EXPORT LTD", "Organization", False),  # no word says which
    ("ROSNEFT TRADING SA", "ROSNEFT OIL COMPANY", "Organization", False),  # a subsidiary
    ("SARWAR, Tofail Mostafa", "SORWAR, Tofayel Mustafa", "Person", True),
    ("Sayf Allah Umar bin Hassayn", "SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE", "Person", True),
    # Ukrainian and Belarusian given names that begin otherwise than the Russian, and their
    # patronymics (-ivna, -auna are patronymics too):
    ("TODOROVA, Anna Yurievna", "TODOROVA, Hanna Yuriyivna", "Person", True),
    ("DOLGOPOLOV, Andrey Nikolayevich", "DOLHOPOLOV, Andriy Mikolaiovich", "Person", True),
    ("KARPENKOV, Nikolai", "KARPIANKOU, Mikalai", "Person", True),
    ("LUKASHENKO, Aleksandr Grigorevich", "LUKASHENKA, Alyaksandr Ryhorovich", "Person", True),
    ("SIDORENKO, Galina Gennadievna", "SIDORENKO, Halyna Hennadiyivna", "Person", True),
    ("PETRENKO, Nikolai Ivanovich", "PETRENKO, Mykola", "Person", True),  # (Mykola is his, not hers)
    ("PETRENKO, Nikolai Ivanovich", "PETRENKO, Mykhailo", "Person", False),
    ("TODOROVA, Anna Yurievna", "TODOROVA, Inna Yurievna", "Person", False),
    ("Dmitry Ivanovich", "SAVELYEV, Dmitry Ivanovich", "Person", False),  # a given name and patronymic only
    ("Vitaliy Shah", "SUK, Vitalij Oleksandrovych", "Person", False),  # Shah and Suk both read 'sk'
    ("JANG, Chang Ha", "CHANG, Chang-ha", "Person", True),  # equal words pair by role first
    ("LEE, John", "LEE, John Ka-chiu", "Person", True),  # a whole Chinese given name more, not a syllable
    # a Hong Kong name: an English given name first, beside the Chinese name found whole
    ("LEE, Ka Chiu", "LEE, John Ka-chiu", "Person", True),
    ("Wong Kwok Wai", "Peter Wong Kwok-wai", "Person", True),
    ("Li Wei", "Peter Li Wei", "Person", False),  # (one syllable says too little)
    ("Saddam Hussein", "Uday Saddam Hussein", "Person", False),  # (no syllables: another given name)
    # Legal forms misspelled on the lists, and more of them; Russian words of what a firm is:
    ("OBSHCHESTVO S ORGANICHENNOI OTVETSTVENNOSTYU AKVAMARIN", "AKVAMARIN LIMITED LIABILITY COMPANY", "Organization", True),
    ("TRANSMART AG", "TRANSMART DMCC", "Organization", True),
    ("LOTTERY DISTRIBUTIONS LTD", "LOTTERY DISTRIBUTIONS OOD", "Organization", True),
    ("AFORRA MENEDZHMENT OOO", "LIMITED LIABILITY COMPANY AFORRA MANAGEMENT", "Organization", True),
    ("NPP GURAMI ELEKTRONIKS", "NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE GURAMI ELEKTRONIKS", "Organization", True),
    # Russian abbreviations of what a firm is (NII research institute, NPK research and production
    # company, GK group of companies, TD trading house, NK oil company) say nothing of which
    ("AO NII FERRIT DOMEN", "SCIENTIFIC AND RESEARCH INSTITUTE FERRIT DOMEN", "Organization", True),
    ("NPK MAKROOPTIKA LLC", "LIMITED LIABILITY COMPANY RESEARCH AND PRODUCTION COMPANY MAKROOPTIKA", "Organization", True),
    ("AO GK ELEKTRONINVEST", "THE GROUP OF COMPANIES ELECTRONINVEST JOINT STOCK COMPANY", "Organization", True),
    ("Rosneft", "NK Rosneft PAO", "Organization", True),
    ("OOO TD SIBIRSKIY PODSHIPNIK", "OOO TD PODSHIPNIK TRADE", "Organization", False),
    # A firm's initials apart or as one word:
    ("B.S. COMPANY OFFSHORE", "BS COMPANY OFFSHORE", "Organization", True),
    ("MDS IMPORT EXPORT CO., LTD.", "M. D. S. IMPORT EXPORT CO., LTD.", "Organization", True),
    ("G&S DIAMOND FZE", "G AND S DIAMOND FZE", "Organization", True),
    ("ABC TRADING LTD", "A.B.D. TRADING LTD", "Organization", False),
    # Arabic script: الله is one name with the word before it, Abd (al-) with the word after it
    # even at the name's end, where the surname is read:
    ("قدرت الله جمال", "JAMAL, QUDRATULLAH", "Person", True),
    ("نشوان عبد الرزاق عبد الباقي", "NASHWAN ABD AL-RAZZAQ ABD AL-BAQI", "Person", True),
    ("نشوان عبد الرزاق عبد الباقي", "NASHWAN ABD AL-RAZZAQ ABD AL-KARIM", "Person", False),
    # A name ending in brackets: read whole, without them, and as what they hold if that is an
    # acronym or the name in another script (not a place: MAHAN AIR (IRAN) is no "IRAN"):
    ("AQAP", "AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)", "Organization", True),
    ("القاعده في العراق", "AL-QAIDA IN IRAQ", "Organization", True),  # Arabic في (fi) is "in", a word of no weight
    ("Al-Qaida in the South Arabian Peninsula", "AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)", "Organization", True),
    ("IRAN", "MAHAN AIR (IRAN)", "Organization", False),
    ("NOORZAI, MALIK", "حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)", "Person", True),
    # Hebrew script: ב and ו are both romanised 'v', ש 's'
    ("אביגדור ליברמן", "Avigdor Lieberman", "Person", True),
    ("אהוד ברק", "Ehud Barak", "Person", True),
    ("אהוד ברק", "Ehud Olmert", "Person", False),
    # A name of Korean syllables written surname first, without a comma; Cho = Jo:
    ("Cho Yong Chol", "JO, YONG CHOL", "Person", True),
    ("Ri Pyong Chol", "RI, PYONG CHUL", "Person", True),
    ("Cho Yong Chol", "JO, YONG SU", "Person", False),
    # A title in Arabic script is a title (حاجى 'hja', Haji):
    ("حاجى مالك نورزى", "NOORZAI, MALIK", "Person", True),
    # Arabic script: the article inside a compound is assimilated in Latin (ud-din, ur-rahman);
    # a Latin g is ج, ق or غ, a c before i is s; a name ends as it ends:
    ("شمس الدین", "SHAMSUDDIN", "Person", True),
    ("نصیر الدین حقانی", "HAQQANI, NASIRUDDIN", "Person", True),
    ("عبد الرحمن", "ABDUR REHMAN", "Person", True),
    ("عبد الرحمن محمد", "ABDUL RAHIM MUHAMMAD", "Person", False),  # Rahman is not Rahim
    ("صالح قاسمي", "GASMI, SALAH", "Person", True),
    ("عبد القادر لاغوب", "LAAGOUB, ABDELKADER", "Person", True),
    ("جمال لونيسي", "LOUNICI, DJAMEL", "Person", True),
    # Words run together are words of the name, not generic ones; a Russian adjective of a place
    # is that place; a surname in another romanisation is spelled near alike:
    ("COMPANIES INDUSTRIES CO", "JOZA INDUSTRIES COMPANY", "Organization", False),  # not COMPANY+JOZA
    ("JSC PERM PLANT MASHINOSTROITEL", "JOINT STOCK COMPANY PERMSKIY ZAVOD MASHINOSTROITEL", "Organization", True),
    ("JOINT STOCK COMPANY MARI MACHINE BUILDING PLANT", "MARIYSKIY MACHINE-BUILDING PLANT OPEN JOINT STOCK COMPANY",
     "Organization", True),
    ("NUACHNO IMSLEDOVATELSKII INSTITUT", "NUACHNO ISSLEDOVATELSKII INSTITUT", "Organization", True),  # a typo
    ("Pavel Sarhan", "SOROKIN, Pavel Yurevich", "Person", False),  # both 'srkn', spelled far apart
    # One part left on each side, alike in sound, the rest agreeing closely: a spelling of it
    ("MUSA, Bashir Khalif", "MUSSE, Bashir Khalif", "Person", True),
    ("WAHBI, Bilal Mohsen", "WEHBE, Bilal Mohsen", "Person", True),
    ("MUSA, Bashir Hassan", "MUSA, Bashir Hussein", "Person", False),  # two names, not spellings
    # ... unless three parts or more agree: then one of the same consonants is that part, its
    # vowels written otherwise (scored lower: Hassan and Hussein are also two names)
    ("Ri'ad Muhammad Hasan Muhammad Hijazi", "RAED MUHAMMAD HASAN MUHAMMAD HIJAZI", "Person", True),
    ("Abu-Ubaydah Yusuf Al-Inabi", "ABU UBAYDAH YUSUF AL-ANABI", "Person", True),
    ("KHALIL, Eyad Nazmi Saleh", "KHALIL, Iyad Nazmi Salih", "Person", True),
    ("Omar Hassan Ahmed Saleh", "Ali Hassan Ahmed Saleh", "Person", False),  # (brothers: other consonants)
    ("Fuad Mohamed Kalaf", "FUAD MOHAMED KHALAF", "Person", True),  # خ is written kh or k
    ("ASTAN QODS RAZAVI", "ASTAN QUDS RAZAVI", "Organization", True),  # (an organisation's one word too)
    ("MIDDLE EAST KIMIAYE PARS CO.", "MIDDLE EAST KIMIYA PARS CO.", "Organization", True),
    ("ASTAN QODS RAZAVI", "ASTAN SADR RAZAVI", "Organization", False),  # (other consonants)
    # words run together are no ordinary words in common (the penalty for "SOLID HOLDING CO"
    # ~ SOLID LTD had taken them as such)
    ("IRINVESTSHIP LIMITED", "LONDON IRINVEST SHIP COMPANY", "Organization", True),
    ("CONCEPTOSCREEN", "CONCEPTO SCREEN SAL OFF-SHORE", "Organization", True),
    # a short middle name that is no romanised syllable is a whole name more, not a lost syllable
    ("Ibrahim Abubaker Tantoush", "IBRAHIM ALI ABU BAKR TANTOUSH", "Person", True),
    ("DHIYAB, 'Adil 'Ali", "DIAB, Adel", "Person", True),
    ("WIN, Thet Kaing", "WIN, Thet Khaing", "Person", True),
    # English spells a long i ee and a long u oo; Li is a name, not the numeral 51; French
    # writes j and ch with a letter before them
    ("LEE, Kwai-wah", "LI, Kwai-wah", "Person", True),
    ("MORTAZAVI, Saeed", "MORTAZAVI, Sa'id", "Person", True),
    ("SHAH, Noor Habib", "SHAKH, Nur Khabib", "Person", True),
    ("IRAN POOYA", "IRAN PUYA", "Organization", True),
    ("JON, Yun Gun", "DJON, Yun Gun", "Person", True),
    ("CHA, Sung Jun", "TCHA, Sung Jun", "Person", True),
    ("LEE, Karl", "LI, Fangwei", "Person", False),
    ("SMITH, John II", "SMITH, John Li", "Person", False),
    ("SIAVASHI, Nader Khun", "SIAVASH, Nader Khoon", "Person", True),
    ("AL-ASSAD, Bashar", "AL-ASSAD, Bushra", "Person", False),  # (the article is no part that agrees)
    # French romanisations write sh as ch; عبد is Abdul, Abdur, Abdel:
    ("CHOIGU, Xenia", "SHOIGU, Kseniya Sergeyevna", "Person", True),
    ("Chekri Harb", "HARB, Shekry", "Person", True),
    ("ALLOUCH, Aziz", "'ALLUSH, 'Aziz Ahmad", "Person", True),
    ("Koosman", "KOCHMAN, Evgeniy", "Person", False),  # (not before a consonant: English Kochman)
    ("عبد الرحمن", "ABDUL RAHIM", "Person", False),
    ("AKTSIONERNOE OBSHCHESTVO ILYUSHIN FINANS KO", "JOINT STOCK COMPANY ILYUSHIN FINANCE COMPANY", "Organization", True),
    ("ЧВК Вагнер", "PMC WAGNER", "Organization", True),  # ЧВК is a PMC (issue #4's own example)
    ("PMC Wagner", "PMC REDUT", "Organization", False),
    # Korean: Jong is no Song (j is not zh in a one-syllable word), and Un is a syllable of the
    # given name, not the South Asian article (Kim Jong is another person)
    ("KIM JONG UN", "KIM, Song", "Person", False),
    ("KIM, Jong Un", "KIM, Jong", "Person", False),
    # Two words split a letter off (a hyphen typed in the wrong place), the same run together:
    ("ANSAR ALS-HARIA IN LIBYA", "ANSAR AL-SHARIA IN LIBYA", "Organization", True),
    ("LIWAA ALT-HAWRA", "LIWAA AL-THAWRA", "Organization", True),
    ("Корпорация Тактическое ракетное вооружение", "KORPORATSIYA TAKTICHESKOE RAKETNOE VOORUZHENIE AO",
     "Organization", True),
    # a Russian loanword's English ending: distributsiya is distribution (not industry: industries)
    ("OOO NISSA DISTRIBUTSIYA", "LTD NISSA DISTRIBUTION", "Organization", True),
    ("OOO NVS NAVIGATSIONNYE TEKHNOLOGII", "NVS NAVIGATION TECHNOLOGIES LTD", "Organization", True),
    ("INDUSTRY ENGINEERING CO", "ORGANIZATION FOR ENGINEERING INDUSTRIES", "Organization", False),
    # Greek writes b, d, g, j and u with pairs of letters (anyascii read them "mp", "nt", "gk",
    # "tz", "oy"), ai/ei/oi are one vowel unless accented apart, and χ is kh:
    ("Μπασάρ αλ Άσαντ", "AL-ASSAD, Bashar", "Person", True),
    ("Βλαντιμίρ Πούτιν", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("Ρομάν Αμπράμοβιτς", "ABRAMOVICH, Roman Arkadyevich", "Person", True),
    ("Αλί Χαμενεΐ", "KHAMENEI, Ali", "Person", True),
    ("Σεργκέι Σοϊγκού", "SHOIGU, Sergei Kuzhugetovich", "Person", True),
    ("Ντμίτρι Μεντβέντεφ", "MEDVEDEV, Dmitry Anatolyevich", "Person", True),
    ("Ραμζάν Καντίροφ", "KADYROV, Ramzan Akhmatovich", "Person", True),
    ("Μπασάρ αλ Άσαντ", "AL-ASSAD, Bushra", "Person", False),
    ("Βλαντιμίρ Πούτιν", "PUTILIN, Vladimir Nikolaevich", "Person", False),
    # Arabic and Hebrew write a long a inside a word (ا, א): the Latin spelling has a vowel
    # there, or it is another name of the same consonants (Bashar / Bushra)
    ("بشار الأسد", "AL-ASSAD, Bashar", "Person", True),
    ("بشار الأسد", "AL-ASSAD, Bushra", "Person", False),
    ("בשאר אל-אסד", "AL-ASSAD, Bushra", "Person", False),
    ("صدام حسين", "HUSSEIN, Saddam", "Person", True),
    ("حاجى مالك نورزى", "NOORZAI, MALIK", "Person", True),  # حاجى (Haji) is a title
    ("سعد الدين سيد", "SAYYED, SADUDDIN", "Person", True),  # X الدين is one name, as X الله is
    # identifiers: the digits must agree, however the letters and hyphens around them are written
    # one part left on each side with its first two letters swapped, the rest agreeing (a typo)
    ("'Umar Talib AL-ARWI", "AL-RAWI, 'Umar Talib", "Person", True),
    # a hyphen a letter off in a surname written last (read first, its words apart)
    ("Ahmed Hassan Kaka ALO-BEIDI", "AL-OBEIDI, Ahmed Hassan Kaka", "Person", True),
    ("Fahd Jassem A-LFREIJ", "AL-FREIJ, Fahd Jassem", "Person", True),
    ("DE GARIKOITZ ASPIAZU URBINA, Miguel", "DE GARIKOITZ ASPIAZU RUBINA, Miguel", "Person", True),
    ("RF78815", "RF-78815", "Aircraft", True),
    ("YV1003", "YV1004", "Aircraft", False),
    ("223RD FLIGHT UNIT", "223 FLIGHT UNIT", "Organization", True),
    ("71ST BRIGADE", "72ND BRIGADE", "Organization", False),
    # a foreign zh and ch in Arabic: ج and تش
    ("يفغيني بريغوجين", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("إيغور سيتشين", "SECHIN, Igor Ivanovich", "Person", True),
    ("عبد القدوس مظهری", "MAZHARI, ABDUL QUDDUS", "Person", True),  # (ظه: this zh is z and h)
    ("איגור סצ'ין", "SECHIN, Igor Ivanovich", "Person", True),  # Hebrew צ' is ch
    ("אוסאמה בן לאדן", "BIN LADIN, Usama bin Muhammad bin Awad", "Person", True),  # בן is bin
    # Japanese katakana spells a foreign name by syllables, l as r, v as b, ti as chi, di as ji
    ("ウラジーミル・プーチン", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("エフゲニー・プリゴジン", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("アレクサンドル・ルカシェンコ", "LUKASHENKA, Alyaksandr Ryhorovich", "Person", True),
    ("ラムザン・カディロフ", "KADYROV, Ramzan Akhmatovich", "Person", True),
    ("ヴィクトル・ボウト", "BOUT, Viktor Anatolijevitch", "Person", True),
    ("バッシャール・アル＝アサド", "AL-ASSAD, Bashar", "Person", True),
    ("バッシャール・アル＝アサド", "AL-ASSAD, Bushra", "Person", False),  # (the kana write the vowels)
    ("セルゲイ・ショイグ", "LAVROV, Sergei Viktorovich", "Person", False),
    ("ラムザン・カディロフ", "KADYROV, Akhmat", "Person", False),
    ("バッシャール・アル＝アサド", "BASHIR, Mohamed", "Person", False),  # (Bashar is not Bashir)
    # Korean Hangul: a foreign name read whole, eu added after a lone consonant, l and r one
    ("블라디미르 푸틴", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("예브게니 프리고진", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("세르게이 쇼이구", "SHOIGU, Sergei Kuzhugetovich", "Person", True),
    ("람잔 카디로프", "KADYROV, Ramzan Akhmatovich", "Person", True),
    ("블라디미르 푸틴", "POTANIN, Vladimir Olegovich", "Person", False),  # (more vowels than Hangul writes)
    ("바샤르 알아사드", "AL-ASSAD, Bushra", "Person", False),
    ("김정은", "KIM, Jong Un", "Person", True),  # (a Korean's own name: by syllables, as before)
    # Russian forms and registers write surname, given name, patronymic
    ("Putin Vladimir Vladimirovich", "Vladimir Putin", "Person", True),
    ("Путин Владимир Владимирович", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("Putin Vladimir Nikolaevich", "PUTIN, Vladimir Vladimirovich", "Person", False),  # another father
    ("Abramovich Roman Arkadyevich", "Roman Abramovich", "Person", True),
    # an ain between two m's, and Arabic written with its vowel signs
    ("معمر القذافي", "Muammar Gaddafi", "Person", True),
    ("مُعَمَّر القَذَّافِي", "Muammar Gaddafi", "Person", True),
    ("معمر القذافي", "Mohammed Gaddafi", "Person", False),
    # Polish writes Russian е after a consonant ie, and ż for zh
    ("Dmitrij Miedwiediew", "MEDVEDEV, Dmitry Anatolyevich", "Person", True),
    ("Siergiej Czemiezow", "CHEMEZOV, Sergei Viktorovich", "Person", True),
    ("Jewgienij Prigożyn", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("Dmitrij Miedwiediew", "MEDVEDCHUK, Viktor Volodymyrovych", "Person", False),
    ("Евге́ний Пригожин", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),  # a stress mark
    # one list runs the article into its word where the other writes it apart (el / el had paired)
    ("EL SHEIKH, ELSHAFEE", "ELSHEIKH, El Shafee", "Person", True),
    ("EL SHEIKH, ELSHAFEE", "ELSHEIKH, Mohamed", "Person", False),
    # the article as said before its word's first sound is the article (as-, ad-, es-)
    ("ES SAYED, Abdelkader Mahmoud", "ABD EL KADER MAHMOUD MOHAMED EL SAYED", "Person", True),
    ("ASH-SHARIF, Ali", "SHARIF, Ali", "Person", True),
    ("Muthanna Harith ad-Dari", "DARI, Muthanna Harith", "Person", True),
    ("Ed Davis Smith", "SMITH, Davis", "Person", False),  # (Ed is his given name, no article)
    # Hafiz before another given name is a title; alone, or where the other name has it as its
    # given name, a given name
    ("HAFIZ MUHAMMAD SAEED", "SAEED, Muhammad", "Person", True),
    ("ABDUL REHMAN MAKKI", "MAKKI, Hafiz Abdul Rahman", "Person", True),
    ("MAJID, Hafiz", "MAJID, Hafiz Abdul", "Person", True),
    ("Hafez al-Assad", "AL-ASSAD, Bashar", "Person", False),
    ("Hafez al-Assad", "AL-ASSAD, Hafez", "Person", True),
    # Korean ŏ as eo, o or u; a last b as p
    ("KU, Seung Sub", "KU, Sung Sop", "Person", True),
    ("O, Chong Euk", "O, Chong Ok", "Person", True),
    ("KIM, Jong Un", "KIM, Jong Il", "Person", False),
    # Maghrebi forms of Arabic given names
    ("MOUSSA BEN OMAR BEN ALI ESSAADI", "ESSAADI, Moussa Ben Amor Ben Ali", "Person", True),
    ("AL-AZHAR BEN KHALIFA BEN AHMED ROUINE", "ROUINE, Lazher Ben Khalifa Ben Ahmed", "Person", True),
    ("Amor Hammami", "HAMMAMI, Omar", "Person", True),
    ("AMOR, Ali", "OMAR, Ali", "Person", False),  # (forms of a given name, not of a family name)
    # a Slavic surname's man's and woman's forms name two people
    ("Andrew Zakharova", "ZAKHAROV, Andrey Georgiyevich", "Person", False),
    ("Andrey Zakharov", "ZAKHAROV, Andrey Georgiyevich", "Person", True),
    # a Russian state corporation's name as written in Russian: Государственная (feminine) is state
    # the Slavic i ("and") between words of a firm's name; not an initial nor a numeral
    ("OOO TEKHNOLOGII SISTEMY I KOMPLEKSY", "TECHNOLOGIES SYSTEMS AND COMPLEXES LIMITED", "Organization", True),
    ("ZUKM OOO", "ZAVOD ULGERODNYKH I KOMPOZITSIONNYKH MATERIALOV", "Organization", True),
    # a surname followed by initials, as Russian documents write a name
    ("Putin V.V.", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("Путин В. В.", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("Putin V.V.", "PUTILIN, Vladimir Vasilyevich", "Person", False),
    # al-Din run into the given name: Sirajuddin is Siraj al-Din, once the surnames agree
    ("Sirajuddin Haqqani", "HAQANI, Siraj", "Person", True),
    ("Sirajuddin Ahmadi", "HAQANI, Siraj", "Person", False),
    ("Государственная корпорация Ростех", "STATE CORPORATION ROSTEC", "Organization", True),
    ("Государственная корпорация Ростех", "STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS "
     "VNESHECONOMBANK", "Organization", False),
    # two neighbouring letters of a short word swapped: a typo (one edit, and 0.75 as written)
    ("Pert Olegovich AVEN", "AVEN, Petr Olegovich", "Person", True),
    ("GLOD MILES LIMITED", "GOLD MILES LIMITED", "Organization", True),
    ("Yogn Gil RI", "RI, Yong Gil", "Person", True),
    ("Kmi Chol Nam", "KIM, Chol Nam", "Person", False),  # (three letters: Mia / Mai, Ian / Ina are names)
    # the same letters in other words (one word had aligned with part of the other, or none)
    ("BLENDERIO", "BLENDER.IO", "Organization", True),
    ("DIVETECHNOSERVICES", "DIVE TECHNO SERVICES", "Organization", True),
    ("SOUTHFRONT", "SOUTH FRONT", "Organization", True),
    ("SOUTHFRONT", "SOUTH FRONT LINE", "Organization", False),
    # a given name's suffix written apart is the name run together, not a suffixed variant of
    # its first word (noor / NOORUDDIN had left ud and din unmatched)
    ("Noor ud Din Turabi", "NOORUDDIN TURABI MUHAMMAD QASIM", "Person", True),
    # a Burmese name is written with or without the h before a consonant (Htun / Tun, Hsan / San)
    ("MYINT, Htun Aung", "MYINT, Tun Aung", "Person", True),
    ("HSAN, Pwint", "SAN, Pwint", "Person", True),
    ("MYINT, Tun Aung", "MYINT, Kyaw Aung", "Person", False),
    # ZAT, the Ukrainian closed joint-stock company, is a legal form
    ("ZAT ABSALYUTBANK", "CLOSED JOINT STOCK COMPANY ABSOLUTBANK", "Organization", True),
    # a name declined throughout, as Czech, Polish, Latvian and Lithuanian decline it
    ("Vladimírem Putinem", "PUTIN, Vladimir Vladimirovich", "Person", True),
    ("Jevgenijus Prigožinas", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("Jevgeņijs Prigožins", "PRIGOZHIN, Yevgeniy Viktorovich", "Person", True),
    ("Romāns Abramovičs", "Roman Abramovich", "Person", True),
    ("Ramzanas Kadyrovas", "KADYROV, Ramzan", "Person", True),
    ("Aleksejus Navalnas", "Alexei Navalny", "Person", True),
    # ... not a name with one such ending: Nadeem and Hashem are no Nade-m, Hash-em
    ("Nadeem Hashem", "Nade Hash", "Person", False),
    # Persian ژ (folded zh) is the j of a French-style spelling: نژاد is Nejad
    ("محمود احمدی‌نژاد", "Mahmoud Ahmadinejad", "Person", True),
    # ة is said t before the word it belongs to (folded h, as ه is)
    ("جبهة النصرة", "Jabhat al-Nusra", "Organization", True),
    ("هيئة تحرير الشام", "Hayat Tahrir al-Sham", "Organization", True),
    ("عصبة الأنصار", "ASBAT AL-ANSAR", "Organization", True),
    # an Arabic name's vowels as two romanisations write them (ay / ei / i, a / e, -ah / -e)
    ("Jamal Husayn Zayniyah", "JAMAL HUSSEIN HASSAN ZEINIYE", "Person", True),
    ("Qasim al-Raymi", "QASIM MOHAMED MAHDI AL-RIMI", "Person", True),
    ("Rudi Slaiwah", "SLEWA, ROODI", "Person", True),
    ("AL DIBIYA 143 SAL", "DEBBIYE 143 SAL", "Vessel", True),
    # ... not an English word's (TERRA is no TARA), nor an identifier's
    ("TERRA-AZ LIMITED", "TARA LIMITED", "Organization", False),
    ("YV291", "YV2911", "Aircraft", False),
    # a given name English uses is its own, no East Slavic form of another (Sarah, 'srh', is no Serhiy)
    ("Sarah Morozov", "MOROZOV, Sergey Ivanovich", "Person", False),
    ("Ihar Sechin", "SECHIN, Igor", "Person", True),
    # a surname and a given name run together are spelled so, not only alike in sound (ALI + Iman
    # is no Aleman); an article or an Abd may be run into its word (Abdul Baseer ~ ABDUL BASIR)
    ("Ahmad Aleman", "ALI, Ahmad Iman", "Person", False),
    ("AL-'UDARI, Khalid", "ALODHARI, Khaled Yahya Rageh", "Person", True),
    # a firm named by ordinary words is named by their order too; a place goes anywhere, and a
    # name with of, de, and is turned about in translation
    ("SYSTEMS RUSSIA SPACE JSC", "RUSSIAN SPACE SYSTEMS JSC", "Organization", False),
    ("CONCERN TRADING GLOBAL", "GLOBAL TRADING GROUP", "Organization", False),
    ("CENTRAL BANK OF VENEZUELA", "BANCO CENTRAL DE VENEZUELA", "Organization", True),
    ("MOSCOW BANK", "BANK OF MOSCOW", "Organization", True),
    # Y., E., J. are one initial of an East Slavic name only (Е is Ye, E or Je)
    ("Enrique Dockrat", "DOCKRAT, J. I.", "Person", False),
    ("J. Prigozhin", "Yevgeniy Prigozhin", "Person", True),
    # Russian words of firms' and state bodies' names read as their English ones, in the order
    # Russian puts them (a translation is no reordering)
    ("Федеральное государственное унитарное предприятие Атомфлот", "FSUE Atomflot", "Organization", True),
    ("ПАО Аэрофлот - Российские авиалинии", "Aeroflot Russian Airlines PJSC", "Organization", True),
    ("Объединенная авиастроительная корпорация", "United Aircraft Corporation", "Organization", True),
    ("FEDERALNAYA SLUZHBA BEZOPASNOSTI", "FEDERAL SECURITY SERVICE", "Organization", True),
    ("UPRAVLYAYUSHCHAYA KOMPANIYA FORT DIALOG", "LIMITED LIABILITY COMPANY MANAGEMENT COMPANY FORT DIALOG",
     "Organization", True),
    ("COAL TECHNOLOGIES", "UGOLNYE TEKHNOLOGII, OOO", "Organization", True),
    # ... and Arabic and Persian ones, romanised or in their script
    ("JAYSH AL-ISLAM", "ARMY OF ISLAM", "Organization", True),
    ("SARAFI RASHED", "RASHED EXCHANGE", "Organization", True),
    ("شبكة محمد جمال", "MUHAMMAD JAMAL NETWORK (MJN)", "Organization", True),
    ("مكتب الخدمات", "MAKHTAB AL-KHIDAMAT", "Organization", True),
    # a Chinese firm's words of what it is, in Han characters, are its English name's
    ("華信船務(香港)有限公司", "HUAXIN SHIPPING HONGKONG LTD", "Organization", True),
    ("华为技术有限公司", "Huawei Technologies Co Ltd", "Organization", True),
    ("華信船務(香港)有限公司", "LEADER (HONG KONG) INTERNATIONAL", "Organization", False),
    # names as the press of other Latin-script languages writes them: Turkish and Romanian ş is
    # sh, Azerbaijani ə an a, Hungarian gy d, Spanish drops an Arabic name's last h; Arabic
    # vowels written otherwise by a rare spelling of a name English writes often (Esad / ASSAD)
    ("Beşar Esad", "AL-ASSAD, Bashar", "Person", True),
    ("Bəşşar Əsəd", "AL-ASSAD, Bashar", "Person", True),
    ("Serghei Șoigu", "SHOIGU, Sergei Kuzhugetovich", "Person", True),
    ("Dmitrij Medvegyev", "MEDVEDEV, Dmitry Anatolievich", "Person", True),
    ("Ansarolá", "ANSARALLAH", "Organization", True),
    ("Esma Esad", "AL-ASSAD, Bashar", "Person", False),
    ("Kim Dzong Un", "KIM, Jong Un", "Person", True),  # (Polish; Hungarian Kim Dzsong Un)
    ("Kim Dzong Il", "KIM, Jong Un", "Person", False),
    ("Wagner Grubu", "WAGNER GROUP", "Organization", True),  # (Turkish, and Hungarian Wagner-csoport)
    ("Wagner-csoport", "WAGNER GROUP", "Organization", True),
    # Spanish writes kh as j: a name with Spanish accents is read so, another is not
    ("Alí Jamenei", "KHAMENEI, Ali Husseini", "Person", True),
    ("Jalil Ahmad Murtada", "KHALIL, Dr. Ahmad Murtada Ahmad", "Person", False),
])
def test_compare_pair_rules(a: str, b: str, schema: str | None, match: bool) -> None:
    result = compare_names(a, b, schema)
    assert result.match is match, (a, b, result)
    assert 0.0 <= result.score <= 1.0


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("zayniyah", "zeiniye", True), ("raymi", "rimi", True), ("khamis", "khemais", True), ("mohssein", "muhsin", True),
    # a and u, a and i keep names apart; so does a vowel in one place only, or another consonant
    ("hassan", "husayn", False), ("bashar", "bushra", False), ("hamid", "hamad", False), ("nasir", "nasr", False),
    ("hammud", "hamed", False), ("dabidi", "dubaysi", False),
])
def test_arabic_vowels_as_romanised(a: str, b: str, agree: bool) -> None:
    from monitor.matching.abjad import arabic_vowels_agree

    assert arabic_vowels_agree(a, b) is agree


@pytest.mark.parametrize(("a", "b", "spelled"), [
    ("esad", "assad", True), ("heniyye", "haniyeh", True), ("eymen", "ayman", True),
    ("shun", "shawn", False), ("salem", "salam", False),  # (words English knows, both)
    ("peppe", "baba", False), ("edith", "aziz", False),  # (of one consonant class each, but no sound alike)
])
def test_arabic_spellings(a: str, b: str, spelled: bool) -> None:
    from monitor.matching.abjad import arabic_spellings

    assert arabic_spellings(a, b) is spelled


@pytest.mark.parametrize(("text", "span", "source_id"), [
    ("Al-Kaida claimed the attack.", "Al-Kaida", "6366"),  # AL QA'IDA: a k for ق as written
    ("Kassem Soleimani was killed in Baghdad.", "Kassem Soleimani", "10481"),  # SOLEIMANI, Qasem
    ("Officials said Eymen Zawahiri spoke.", "Eymen Zawahiri", "2676"),  # Ayman, its vowels as Turkish writes them
    ("Officials said Ismail Heniyye spoke.", "Ismail Heniyye", "23627"),  # HANIYEH, Ismail
    ("Według źródeł Kim Dzong Un przemawiał we wtorek.", "Kim Dzong Un", "20157"),  # KIM, Jong Un, as Polish writes him
    # both words' vowels as Turkish writes an Arabic name: Bashar al-Assad, and his wife Asma
    ("Resmi kaynaklara göre Beşar Esad salı günü konuştu.", "Beşar Esad", "12735"),
    ("Resmi kaynaklara göre Esma Esad salı günü konuştu.", "Esma Esad", "29068"),
])
def test_romanisations_of_other_presses_in_text(matcher: TextMatcher, text: str, span: str, source_id: str) -> None:
    hits = [h for h in matcher.screen(text) if h.entity.source_id == source_id]
    assert [h.text for h in hits] == [span]


def test_spanish_text_reads_j_as_kh(matcher: TextMatcher) -> None:
    # Spanish press writes Khamenei Jamenei and Khalil Jalil; English text's Jalil is another name
    hits = matcher.screen("El líder supremo Alí Jamenei dijo que Irán responderá.")
    assert [(h.text, h.matched_name) for h in hits] == [("Alí Jamenei", "KHAMENEI, Ali Husseini")]
    assert hits[0].features["tokens"][-1]["how"] == "Spanish j"
    spanish = matcher.screen("Jalil Haqqani dijo que las conversaciones fracasaron por una razón.")
    assert [h.entity.name for h in spanish] == ["HAQQANI, Khalil Al-Rahman"]
    assert matcher.screen("Jalil Haqqani said the talks failed.") == []


def test_a_title_is_no_arabic_spelling_in_text(matcher: TextMatcher) -> None:
    # Mullah and MAWLA agree by their consonants and vowels as Arabic romanisations write them,
    # but a title is no name (AL-MAWLA, Mohamed Attta is another person)
    hits = matcher.screen("Mullah Mohammed Omar led the Taliban from Kandahar.")
    assert "AL-MAWLA" not in " ".join(h.matched_name for h in hits)
    assert {h.entity.source_id for h in hits} >= {"6636"}


def test_hafiz_is_a_given_name_in_text(matcher: TextMatcher) -> None:
    # `compare` reads Hafiz before another given name as a title (HAFIZ MUHAMMAD SAEED ~ SAEED,
    # Muhammad); the press names MAJID, Hafiz Abdul "Hafiz Majid", as the list's alias does
    hits = matcher.screen("On Tuesday Hafiz Majid met officials in the capital.")
    assert [h.entity.source_id for h in hits] == ["25398"] and hits[0].text == "Hafiz Majid"


@pytest.mark.parametrize(("text", "span", "source_id"), [
    ("Yahya al-Sinwar was killed in Rafah.", "Yahya al-Sinwar", "18528"),  # SINWAR, Yahya
    ("Yahya Al Sinwar was killed in Rafah.", "Yahya Al Sinwar", "18528"),
    ("Der Terrorist Aiman as-Sawahiri wurde getötet.", "Aiman as-Sawahiri", "2676"),  # AL ZAWAHIRI, Dr. Ayman
])
def test_an_article_the_list_lacks_in_text(matcher: TextMatcher, text: str, span: str, source_id: str) -> None:
    # The press writes the article where the list may not, and as said before its word: the
    # name grows over it, and the hit's features name it
    hits = [h for h in matcher.screen(text) if h.entity.source_id == source_id]
    assert [(h.text, h.kind) for h in hits] == [(span, "full")]
    assert hits[0].features["unlisted_particles"] == [span.split()[1].split("-")[0].lower()]


def test_bin_as_spelled_in_text(matcher: TextMatcher) -> None:
    # French writes bin ben (BIN LADEN, Usama); a bin the list lacks says whose son, and is no
    # part of a surname: "Mohammed bin Salman" is not SALMAN, Muhammad (22022)
    hits = matcher.screen("Oussama Ben Laden était le chef d'al-Qaïda.")
    assert ("6365", "Oussama Ben Laden") in [(h.entity.source_id, h.text) for h in hits]
    assert matcher.screen("Mohammed bin Salman met the president.") == []


@pytest.mark.parametrize(("text", "span", "source_id"), [
    ("Abu Mohammed al-Jawlani leads the group.", "Abu Mohammed al-Jawlani", "15945"),  # AL-JAWLANI, Abu Muhammad
    ("Abu Mohammed al-Jolani entered Damascus.", "Abu Mohammed al-Jolani", "15945"),  # (aw written o)
    ("On Tuesday Yousif Arbash met officials.", "Yousif Arbash", "20241"),  # ARBASH, Yusuf
    ("On Tuesday Omer Hammami met officials.", "Omer Hammami", "12823"),  # HAMMAMI, Omar (four letters)
    ("On Tuesday Bekhan Agayev met officials.", "Bekhan Agayev", "35536"),  # AGAYEV, Bekkhan (k doubled, kh)
])
def test_an_arabic_given_name_as_romanised_in_text(matcher: TextMatcher, text: str, span: str, source_id: str) -> None:
    # Mohammed / Muhammad, Yousif / Yusuf: the vowels as romanisations write them, the
    # consonants alike, beside the surname as listed
    hits = matcher.screen(text)
    assert [(h.entity.source_id, h.text, h.kind) for h in hits] == [(source_id, span, "full")]


def test_a_womans_given_name_one_vowel_apart_is_no_variant(matcher: TextMatcher) -> None:
    # Rama is no spelling of Rami (MAKHLUF, Rami): the last a says a woman's name
    hits = matcher.screen("On Tuesday Rama Makhluf met officials.")
    assert not any(h.entity.source_id == "10725" and h.kind == "full" for h in hits)
    assert any(h.entity.source_id == "10725" and h.kind == "full" for h in matcher.screen("On Tuesday Rami Makhluf met officials."))


def test_a_given_name_romanised_otherwise_beside_a_surname_spelled_otherwise(matcher: TextMatcher) -> None:
    # two approximations make no full name: "Mohammed Rashid" (1996 news) is not AL-RASHIDI,
    # Mohammad Yaqub, nor "Seyyed Tabatabai" TABATABAEI, Syed (another person)
    assert all(h.kind != "full" for h in matcher.screen("Mohammed Rashid said on Monday."))
    hits = matcher.screen("On Tuesday Seyyed Tabatabai met officials in the capital.")
    assert [h.entity.source_id for h in hits] == ["40607"]


def test_an_english_as_is_no_article(matcher: TextMatcher) -> None:
    # the article as said before its word is written with a hyphen: "as" between two words of
    # one listed name is English
    hits = matcher.screen("They saw Ismail as Haniyeh's heir.")
    assert all(" as " not in h.text for h in hits)


def test_a_dot_inside_a_name_in_text(matcher: TextMatcher) -> None:
    # VEB.RF (an alias of VNESHECONOMBANK) is one name: its first word alone had named LLC
    # VEB SERVICE, another firm
    hits = matcher.screen("VEB.RF said on Monday it would appeal.")
    assert [(h.entity.source_id, h.text, h.kind) for h in hits] == [("17015", "VEB.RF", "full")]


@pytest.mark.parametrize(("text", "span", "source_id"), [
    ("Наемники Пригожина ушли из Бахмута.", "Пригожина", "21171"),  # mercenaries (nominative) of Prigozhin's
    ("Żołnierze Prigożyna wycofali się.", "Prigożyna", "21171"),
    ("Rebel Wagner troops to be absorbed into Russian military", "Wagner", "22543"),
])
def test_a_sentence_s_first_word_is_no_name_of_its_own(matcher: TextMatcher, text: str, span: str,
                                                       source_id: str) -> None:
    # Capitalised as the first word of a sentence, a common word of a language the news is
    # written in does not start another person's name
    hits = matcher.screen(text)
    assert (source_id, span) in [(h.entity.source_id, h.text) for h in hits]


@pytest.mark.parametrize(("text", "span", "source_id"), [
    ("Najemnicy Grupy Wagnera walczą w Afryce.", "Grupy Wagnera", "22543"),  # Wagner's group (genitive)
    ("Rozmowa o Putinie trwała godzinę.", "Putinie", "35096"),  # about Putin (locative)
])
def test_a_name_declined_in_polish(matcher: TextMatcher, text: str, span: str, source_id: str) -> None:
    # A Polish or Czech text (its letters say so) declines names with -a and -ie, endings left
    # out elsewhere as they end too many names as written
    hits = matcher.screen(text)
    assert (source_id, span) in [(h.entity.source_id, h.text) for h in hits]


@pytest.mark.parametrize(("text", "span", "source_id"), [
    ("Rusijos prezidentas Vladimiras Putinas pareiškė, kad Jevgenijus Prigožinas žuvo.", "Jevgenijus Prigožinas",
     "21171"),
    ("Krievijas prezidents Vladimirs Putins sacīja, ka Jevgeņijs Prigožins ir miris.", "Jevgeņijs Prigožins",
     "21171"),
    ("Sergejus Šoigu ir Ramzanas Kadyrovas susitiko Maskvoje, pranešė žvalgyba.", "Ramzanas Kadyrovas", "23343"),
])
def test_a_name_with_a_baltic_ending(matcher: TextMatcher, text: str, span: str, source_id: str) -> None:
    # Latvian and Lithuanian (their letters say so) give every man's name a nominative ending,
    # foreign names too: Prigožinas, Prigožins are Prigozhin
    hits = matcher.screen(text)
    assert (source_id, span) in [(h.entity.source_id, h.text) for h in hits]


def test_baltic_endings_only_in_a_baltic_text(matcher: TextMatcher) -> None:
    # English names end in -as, -us, -is too: Thomas is no THOM-as, nor Marcus a Marc
    assert matcher.screen("Ramzanas Kadyrovas met the envoy in Moscow.", threshold=0.5) == []
    assert matcher.screen("Ramzanas Kadyrovas susitiko pasiuntinį Maskvoje.") != []


def test_capitalised_polish_words_are_no_declined_names(matcher: TextMatcher) -> None:
    text = ("Warszawa i Kraków przygotowują się do wyborów, a Komisja Europejska ostrzega przed kryzysem. "
            "Ukraina otrzymała nową pomoc od Ameryki i Europy. Rozmowa ministra Radosława Sikorskiego "
            "trwała godzinę. Rosja zaatakowała Charków i Odessę; w Moskwie odbyła się narada.")
    assert matcher.screen(text, threshold=0.5) == []


def test_a_sentence_s_first_word_that_is_a_given_name_starts_a_name(matcher: TextMatcher) -> None:
    # Richard is a listed person's given name: "Richard Wagner" is another man (the composer)
    assert matcher.screen("Richard Wagner composed operas.") == []
    assert matcher.screen("Pierre Prigozhin opened a bakery.") == []


@pytest.mark.parametrize(("text", "span"), [
    ("Il gruppo Wagner in Libia.", "gruppo Wagner"),  # Italian gruppo is group
    ("Группа Вагнера покинула Бахмут.", "Группа Вагнера"),  # Cyrillic: no word can be spelled as listed
])
def test_the_wagner_group_in_other_languages(matcher: TextMatcher, text: str, span: str) -> None:
    hits = matcher.screen(text)
    assert ("22543", span) in [(h.entity.source_id, h.text) for h in hits]


def test_a_cue_first_in_a_sentence_is_a_cue(matcher: TextMatcher) -> None:
    # capitalised as a sentence's first word, "Tanker" says what GRACE 1 is (in prose a
    # capitalised cue would begin another name: "West Bank")
    hits = matcher.screen("Tanker GRACE 1, later renamed, sailed from Gibraltar.")
    assert ("27304", "GRACE 1") in [(h.entity.source_id, h.text) for h in hits]
    assert matcher.screen("Later GRACE 1 sailed from Gibraltar.") == []


def test_an_english_given_name_is_no_ukrainian_form(matcher: TextMatcher) -> None:
    # Serhiy is Sergey (East Slavic keys: h for g); Sarah, read alike, is an English name
    assert [h.entity.source_id for h in matcher.screen("On Tuesday Serhiy Morozov met officials.")] == ["35682"]
    assert matcher.screen("On Tuesday Sarah Morozov met officials in the capital.") == []


@pytest.mark.parametrize(("name", "i_role"), [
    ("KONKORD MENEDZHMENT I KONSALTING, OOO", "stop"),  # the Slavic и, "and"
    ("AGUSTA GRAND I LLC", "core"),  # a numeral before the legal form
    ("C&I SEMICONDUCTORS CO LIMITED", "core"),  # a letter of an acronym
])
def test_the_slavic_and_in_a_firm_s_name(name: str, i_role: str) -> None:
    from monitor.matching.index import analyse_name

    assert [t.role for t in analyse_name(name, "Organization") if t.norm == "i"] == [i_role]


@pytest.mark.parametrize(("text", "source_id"), [
    ("ООО «Конкорд Менеджмент и Консалтинг» получило контракт.", "22526"),  # и, "and", between words
    ("АО «Концерн Калашников» увеличило выпуск.", "16911"),  # Концерн, the generic word in Russian
])
def test_a_russian_firm_s_name_in_cyrillic(matcher: TextMatcher, text: str, source_id: str) -> None:
    assert source_id in [h.entity.source_id for h in matcher.screen(text)]


def test_french_romanisation_in_text(matcher: TextMatcher) -> None:
    hits = matcher.screen("Le ministre Sergueï Choïgou a déclaré")
    assert [h.entity.source_id for h in hits] == ["35173"] and hits[0].text == "Sergueï Choïgou"


def test_a_final_h_dropped_in_text(matcher: TextMatcher) -> None:
    # Arabic names end in -ah or -a as written: FARASHAH is found as "Farasha" (another key)
    hits = matcher.screen("On Tuesday Payman Farasha met officials in the capital.")
    assert [h.entity.source_id for h in hits] == ["29820"]


def test_a_particle_is_the_name_of_a_firm_named_by_nothing_else(matcher: TextMatcher) -> None:
    # DES INTERNATIONAL CO., LTD.: without its "des", any "International Co" was that firm (0.9)
    assert matcher.screen("Shares in Khan International Ltd fell sharply.") == []
    assert [h.entity.source_id for h in matcher.screen("DES International Co said on Monday")] == ["30286"]


@pytest.mark.parametrize(("text", "listed"), [
    ("On Tuesday Oleg Machtaliar met officials.", "MASHTALYAR, Oleg Alexandrovich"),  # ch before a consonant
    ("Le juge a entendu Vitali Kouchnarev lundi.", "KUSHNAREV, Vitaliy Vasilyevich"),
    ("Selon la police, Mustafa Ayach a fui.", "AYASH, Mustafa"),  # a last ch in a short word
    ("On Tuesday Abdolla Araghi met officials.", "ARAGHI, Abdollah"),  # a given name's last h after a
    ("On Tuesday Chadi Salman met officials.", "SALMAN, Shadi"),  # a short word's first ch (not Chen's)
    ("On Tuesday Vladimir Roshtchupkin met officials.", "ROSHCHUPKIN, Vladimir Nikolaevich"),  # щ: shch, chtch
    ("Selon Moscou, Dmitri Svichtchev a démissionné.", "SVISHCHEV, Dmitry Aleksandrovich"),
    ("On Tuesday Yun Djon met officials.", "JON, Yun Gun"),  # a short word's French dj
    ("On Tuesday Bingxuan Dji met officials.", "JI, Bingxuan"),
    # a rare word whose key lost a consonant (kh written h) is looked up under keys a letter apart
    ("On Tuesday Esma'il Azizhani met officials.", "AZIZKHANI, Esma'il"),
    ("On Tuesday Aidar Metchin met officials.", "METSHIN, Aidar Raisovich"),
])
def test_french_and_other_spellings_in_text(matcher: TextMatcher, text: str, listed: str) -> None:
    assert [m.entity.name for m in matcher.screen(text)] == [listed]


def test_a_romanised_syllable_keeps_its_ch() -> None:
    """Chen, Cheng, Chung are Chinese and Korean syllables, not French for Shen, Sheng."""
    assert [t.stem for t in tokenize("Chen Cheng Chung Chang Chadi")] == ["", "", "", "", "shadi"]


def test_a_listed_ch_is_not_read_as_french_sh(matcher: TextMatcher) -> None:
    """Only the text's words are read the French way: KOCHMAN read 'koshman' would be any
    Koosman (a baseball player in the 1996 Reuters text)."""
    assert matcher.screen("Koosman allowed three hits over six innings.", threshold=0.5) == []


@pytest.mark.parametrize("text", [
    "On Tuesday Juan Shuvalov met officials in the capital.",  # (Juan is no people's word)
    "On Tuesday George Meza met officials in the capital.",  # (George is an ordinary capitalised word)
    "A confidential settlement with plaintiff James Goetz regarding the legal action.",
])
def test_another_given_name_before_a_surname_is_another_person(matcher: TextMatcher, text: str) -> None:
    assert matcher.screen(text) == []


def test_a_surname_beside_another_name_ending_like_a_people_is_another_person(matcher: TextMatcher) -> None:
    # Kardashian, San end as Russian and Sudan do, and are names: "Kim" is not KIM, Yo Jong
    # there, though she is named in full before; "Aung San Suu Kyi" names no listed AUNG
    text = "Kim Yo-jong issued a statement. Kim Kardashian launched a new brand."
    assert [h.text for h in matcher.screen(text)] == ["Kim Yo-jong"]
    assert matcher.screen("Opposition leader Aung San Suu Kyi was restricted to her home.", threshold=0.5) == []


def test_a_peoples_word_before_a_name_is_no_other_name(matcher: TextMatcher) -> None:
    # "Chechen leader Kadyrov": a people's word before the name starts no other name; after it,
    # "Abdallah Kuwaiti", it is a surname (the nisba); and a people's word alone names no
    # listed surname ("an Iraqi Kurd leader" is not AL-KURD)
    assert [h.entity.source_id for h in matcher.screen("The Chechen Kadyrov vowed revenge.")] == ["23343"]
    assert matcher.screen("On Tuesday Abdallah Kuwaiti met officials in the capital.") == []
    assert matcher.screen("Earlier on Saturday, an Iraqi Kurd leader said the troops withdrew.", threshold=0.5) == []


def test_compare_a_name_mixing_scripts_does_not_crash() -> None:
    from monitor.matching.pairs import compare_names

    # A word holding Han and a letter that folds to nothing (ع) gave an empty word: IndexError
    result = compare_names("l ن정 سsنعL恩lل", "رلwk tAلнugkc正иe'cش)в")
    assert 0.0 <= result.score <= 1.0 and result.match is False


def test_eval_reports_name_pair_quality() -> None:
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "monitor", "eval", "tests/fixtures/name_pairs.jsonl",
                           "--format", "json"], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["examples"] == 100 and data["f1"] >= 0.95
    assert all({"name1", "name2", "score"} <= set(m) for m in data["misses"] + data["false_alarms"])


def test_eval_reports_names_written_in_other_scripts() -> None:
    """Listed persons' names as the press of six scripts writes them (Cyrillic, Greek, Hebrew,
    Arabic, Japanese, Korean), and another listed person of a like name in those scripts."""
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "monitor", "eval", "tests/fixtures/script_pairs.jsonl",
                           "--format", "json"], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["examples"] == 163 and data["false_positives"] == 0
    missed = [m["id"].split("-")[0] for m in data["misses"]]
    for script in ("cyrillic", "greek", "hebrew", "arabic", "japanese"):  # 17 listed persons each
        assert missed.count(script) <= 4, (script, missed)
    # A second set, written after the rules were and not used to tune them: 10 other persons.
    proc = subprocess.run([sys.executable, "-m", "monitor", "eval", "tests/fixtures/script_pairs_heldout.jsonl",
                           "--format", "json"], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    data = json.loads(proc.stdout)
    assert data["examples"] == 95 and data["false_positives"] == 0 and data["recall"] >= 0.9


def test_eval_reports_names_as_other_latin_presses_write_them() -> None:
    """Listed persons and groups as the press of other languages in Latin letters writes them
    (Spanish, Turkish, German, Polish, Czech, Hungarian ...), and relatives and namesakes."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    for name, examples, recall in (("latin_pairs.jsonl", 143, 0.9), ("latin_pairs_heldout.jsonl", 102, 0.85)):
        proc = subprocess.run([sys.executable, "-m", "monitor", "eval", f"tests/fixtures/{name}", "--format", "json"],
                              capture_output=True, text=True, timeout=120, cwd=root)
        assert proc.returncode == 0, proc.stderr
        data = json.loads(proc.stdout)
        assert data["examples"] == examples and data["false_positives"] == 0 and data["recall"] >= recall, \
            (name, data["recall"], data["misses"], data["false_alarms"])


def test_a_lone_surname_is_not_the_listed_person_when_the_text_names_another(matcher) -> None:
    alone = matcher.screen("Chernyshev said the company would remain a debtor.", threshold=0.6)
    assert [m.entity.source_id for m in alone] != []  # a rare listed surname alone is a candidate ...
    assert all(m.score < matcher.threshold for m in alone)  # ... below the threshold: few link to him
    other = matcher.screen("Alexei Chernyshev met the minister. Chernyshev said the company would pay.", threshold=0.6)
    assert other == []  # ... and none when the same text names another Chernyshev in full
    named = matcher.screen("Andrey Vladimirovich Chernyshev spoke. Chernyshev said the company would pay.")
    assert len(named) == 2 and named[1].score >= matcher.threshold  # named in full first: his
    ours = matcher.screen("Yevgeny Prigozhin spoke. Prigozhin said he was leaving.")
    assert [m.entity.source_id for m in ours] == ["21171", "21171"]
    assert matcher.screen("their leader Rami al-Saadani was captured") == []


def test_a_blank_line_ends_a_name(matcher: TextMatcher) -> None:
    """A headline's last word is not glued to the body's first: "... killed Prigozhin" then
    "Yevgeny Prigozhin, leader of ...", each a mention of its own."""
    text = "The Russian crash that possibly killed Prigozhin\n\nYevgeny Prigozhin, leader of the group, was aboard."
    assert [m.text for m in matcher.screen(text) if m.entity.source_id == PRIGOZHIN] == ["Prigozhin", "Yevgeny Prigozhin"]
    text = "Mercenary boss was a disaster waiting to happen for Putin\n\nWagner boss Yevgeny Prigozhin is now a problem."
    assert WAGNER in entity_ids(matcher, text)


def test_a_surname_in_cyrillic_stands_alone_as_in_latin(matcher: TextMatcher) -> None:
    """Шойгу reads 'shoygu', SHOIGU's sound: alone it is a hit as "Shoigu" is; a Russian city's
    case form is no organisation's word (в Москве is not BANK MOSKVY)."""
    hits = matcher.screen("Министр обороны Шойгу провёл совещание в Москве.")
    assert [(m.text, m.entity.source_id) for m in hits] == [("Шойгу", "35173")]


@pytest.mark.parametrize(("text", "found"), [
    ("Владимир Путин встретился с Сергеем Шойгу.", {"Владимир Путин", "Сергеем Шойгу"}),
    ("Встреча Евгения Пригожина с Дмитрием Уткиным.", {"Евгения Пригожина", "Дмитрием Уткиным"}),
])
def test_russian_given_names_in_ei_and_ii_decline(matcher: TextMatcher, text: str, found: set[str]) -> None:
    """Сергей, Евгений, Дмитрий keep their й out of the case forms (Сергеем, Евгения): taken for
    another given name, Сергеем made Шойгу a stranger's surname."""
    assert {m.text for m in matcher.screen(text)} == found


def test_a_surname_with_the_title_the_list_gives_is_a_mention(matcher: TextMatcher) -> None:
    """A rare surname alone of a person few link to stays below the threshold; with the title
    the list itself gives the person ("FADLALLAH, Shaykh Muhammad Husayn") it is a mention."""
    alone = matcher.screen("On Tuesday Hashemitabar met officials in the capital.", threshold=0.5)
    assert [m.entity.name for m in alone] == ["HASHEMITABAR, Sayyed Asghar"] and alone[0].score < matcher.threshold
    titled = matcher.screen("On Tuesday Sayyed Hashemitabar met officials in the capital.")
    assert [m.entity.name for m in titled] == ["HASHEMITABAR, Sayyed Asghar"]
    assert [m.entity.name for m in matcher.screen("Shaykh Fadlallah preached on Friday.")] == [
        "FADLALLAH, Shaykh Muhammad Husayn"]
    # with the title, a spelling that sounds as listed will do
    assert [m.entity.name for m in matcher.screen("On Tuesday Seyyed Tabatabay met officials.")] == [
        "TABATABAI, Seyyed Aminollah Emami"]
    # (but two listed Hajji Noorzais: "Hajji Noorzay" alone is neither for certain)
    assert all(m.score < matcher.threshold for m in matcher.screen("On Tuesday Hajji Noorzay met officials."))


@pytest.mark.parametrize(("text", "listed"), [
    ("Лидер КНДР Ким Чен Ын провёл испытания ракет.", "KIM, Jong Un"),
    ("Ким Ё Чжон заявила, что переговоров не будет.", "KIM, Yo Jong"),
])
def test_korean_names_as_russian_writes_them(matcher: TextMatcher, text: str, listed: str) -> None:
    """Чен, Ын are Jong, Un (Kontsevich and the Russian press): read as such, and as common as
    those, not as the Chinese name Chen."""
    assert [m.entity.name for m in matcher.screen(text)] == [listed]


def test_ordinary_words_inside_a_longer_name_need_support(matcher: TextMatcher) -> None:
    """NATIONAL LOTTERY AD (a listed Bulgarian firm) is all ordinary words with a legal form: in
    "the National Lottery Heritage Fund" they are part of another name."""
    text = "The museum opened after a grant from the National Lottery Heritage Fund."
    assert all(m.entity.name != "NATIONAL LOTTERY AD" for m in matcher.screen(text, threshold=0.5))
    assert any(m.entity.name.startswith("NATIONAL LOTTERY") for m in matcher.screen("National Lottery AD was sanctioned."))


@pytest.mark.parametrize("text", [
    "Shares in Islamic Group Economic fell sharply after the announcement.",
    "Shares in International Wings Co fell sharply after the announcement.",
])
def test_a_common_word_beside_ordinary_words_makes_another_firm(matcher: TextMatcher, text: str) -> None:
    # A word English uses very often ("Economic", "International") glued to a firm's name of
    # ordinary words makes a longer name: another firm, whatever the context says of firms
    assert matcher.screen(text, threshold=0.5) == []


def test_a_firm_of_ordinary_words_beside_a_particle_or_a_day(matcher: TextMatcher) -> None:
    # ... not a day ("the Islamic Group Monday said") nor a letter or particle
    assert [m.matched_name for m in matcher.screen("The Islamic Group Monday said it was behind the attack.")] \
        == ["ISLAMIC GROUP"]
    assert [m.matched_name for m in matcher.screen("Shares in Wings Company fell sharply.")] == ["WINGS COMPANY"]


def test_a_common_surname_waits_for_the_full_name(sdn_index) -> None:  # type: ignore[no-untyped-def]
    matcher = TextMatcher(sdn_index)
    hits = matcher.screen("Kim Jong Un visited the plant on Monday. Later Kim said the tests would go on.")
    kims = [h for h in hits if h.entity.name == "KIM, Jong Un"]
    assert [h.text for h in kims] == ["Kim Jong Un", "Kim"]  # the short mention follows the full one
    assert "coreference" in kims[1].features["support"]
    assert matcher.screen("Later Kim said the tests would go on.") == []  # alone, Kim names nobody
    # Thousands of lone common surnames make no candidates (bounded work and memory).
    assert matcher.screen("Kim " * 20_000) == []


def test_spellings_set_apart_only_words_that_cannot_match(sdn_index) -> None:  # type: ignore[no-untyped-def]
    """The C pre-filter of text words against listed words keeps every listed word that
    `token_similarity` scores TOKEN_MATCH or more, and sets most others apart."""
    import json

    from monitor.matching.similarity import TOKEN_MATCH, Spellings, token_similarity

    fixtures = Path(__file__).resolve().parent / "fixtures"
    texts = [json.loads(line)["text"] for line in (fixtures / "labelled_mentions.jsonl").read_text().splitlines()]
    words = {t.norm for text in texts for t in tokenize(text)}
    words |= {"prigoschin", "prigojine", "jewgeni", "hizballah", "gim", "eun", "abou", "maks", "tareq", "fouzi",
              "djon", "tcha", "dji", "ly", "noor", "saeed"}
    compared = kept_total = 0
    for word in sorted(words):
        for key in phonetic_keys(word):
            listed = sdn_index.by_word.get(key, {})
            kept = Spellings(listed).alike(word)
            for other in listed:
                if token_similarity(word, other)[0] >= TOKEN_MATCH:
                    assert other in kept, (word, other)
            compared += len(listed)
            kept_total += len(kept)
    assert compared > 10_000 and kept_total < compared / 3


def test_the_closest_name_of_an_entity_decides(matcher: TextMatcher) -> None:
    """Several names of one entity read one span: the closest decides, whichever is read first
    (WONG, Mun Chi as listed, not WONG, Moon Chi read alike, which needs support as a common
    name; NATIONAL BANK, a weak alias needing support, not BANCO NATIONAL read through synonyms)."""
    assert [m.entity.name for m in matcher.screen("On Tuesday Mun Wong met officials in the capital.")] == [
        "WONG, Moon Chi"]
    assert matcher.screen("The National Bank said rates would rise.") == []


@pytest.mark.parametrize(("text", "listed", "matched"), [
    # (VARABEY, Mikalai, an alias one letter off, scores higher for the patronymic it lacks)
    ("On Tuesday M. Varabei met officials in the capital.", "VARABEI, Mikalai Mikalaevich",
     "VARABEI, Mikalai Mikalaevich"),
    ("On Tuesday A. Batarjee met officials in the capital.", "BATARJEE, Adel Abdul Jalil Ibrahim",
     "BATARJEE, Adel Abdul Jalil Ibrahim"),
    # (the alias PRIGOZHIN, Evgeny read by sound scored 0.99 and explained the hit)
    ("Yevgeniy Prigozhin flew to Minsk.", "PRIGOZHIN, Yevgeniy Viktorovich", "PRIGOZHIN, Yevgeniy Viktorovich"),
])
def test_the_name_spelled_as_the_text_explains_the_hit(matcher: TextMatcher, text: str, listed: str,
                                                       matched: str) -> None:
    """Of an entity's names on one span, the one whose words the text spells closest decides,
    whatever middle names or patronymics the text leaves out: an initial and a surname spelled
    as one name of the entity are not lost to another name spelled otherwise, which needs support."""
    hits = [m for m in matcher.screen(text) if m.entity.name == listed]
    assert [m.matched_name for m in hits] == [matched]


@pytest.mark.parametrize(("text", "listed"), [
    ("Nicolás Maduro won the election.", "MADURO MOROS, Nicolas"),
    ("Diosdado Cabello said the opposition lied.", "CABELLO RONDON, Diosdado"),
    ("Delcy Rodríguez met the delegation.", "RODRIGUEZ GOMEZ, Delcy Eloina"),
])
def test_a_person_of_two_surnames_goes_by_the_first(matcher: TextMatcher, text: str, listed: str) -> None:
    """The press names MADURO MOROS, Nicolas "Nicolás Maduro": the first surname is indexed
    though the rarer second is the name's main word, and with a given name it is a full mention."""
    assert listed in [m.entity.name for m in matcher.screen(text)]


@pytest.mark.parametrize("text", [
    "Luis Hernandez scored twice.",  # (HERNANDEZ ZEA, Luis Antonio: a common name without its second surname)
    "Cabello said the opposition lied.",  # (the first surname alone, no given name)
])
def test_a_first_surname_alone_or_a_common_name_is_not_enough(matcher: TextMatcher, text: str) -> None:
    assert matcher.screen(text) == []


@pytest.mark.parametrize(("text", "listed", "found"), [
    ("Gazprom's Alexey Miller met officials in the capital.", "MILLER, Alexey Borisovich", True),
    ("On Tuesday Viktor Bout met officials in the capital.", "BOUT, Viktor Anatolijevitch", True),
    # (each part common among the same people: many listed people's, English text's)
    ("On Tuesday Ali Saleh met officials in the capital.", "SALEH, Ali Abdullah", False),
    ("On Tuesday Eric Chan met officials in the capital.", "CHAN, Eric", False),
])
def test_a_common_name_is_common_among_one_people(matcher: TextMatcher, text: str, listed: str, found: bool) -> None:
    """A name of common parts needs support only when its parts are common among the same
    people: Alexey is common among listed people (60 of them), Miller in English text, and
    "Alexey Miller" is rare in both; Ali Saleh is common among the listed, Eric Chan in English."""
    assert (listed in [m.entity.name for m in matcher.screen(text)]) is found


@pytest.mark.parametrize(("text", "listed", "found"), [
    # a given name misspelled beside the surname as listed: no listed name has the word
    ("On Tuesday Dmity Pantus met officials in the capital.", "PANTUS, Dmitry Aleksandrovich", True),
    ("On Tuesday Adnrey Kazazaev met officials in the capital.", "KAZAZAEV, Andrey Petrovich", True),
    ("On Tuesday Vladiir Resin met officials in the capital.", "RESIN, Vladimir Iosifovich", True),
    # a surname misspelled, its ch also read as French sh: found under keys one letter apart
    ("On Tuesday Boris Kovachuk met officials in the capital.", "KOVALCHUK, Boris Yurievich", True),
    # a firm's word misspelled, whatever it sounds like
    ("Shares in Omid Bonyan Day Insnurance Services fell.", "OMID BONYAN DAY INSURANCE SERVICES", True),
    # ... also when the slip changes its sound, beside the word the name is found by
    ("Shares in Tianyi Intenrational Dalian fell.", "TIANYI INTERNATIONAL DALIAN CO., LTD.", True),
    # ... or when the word meets another listed word loosely (Lajeykin, j read as zh: LASIAKIN)
    ("On Tuesday Dmitriy Lajeykin met officials in the capital.", "LAMEYKIN, Dmitriy Viktorovich", True),
    # Andrea is a name of its own, one letter from Andrei: another Nikitin
    ("On Tuesday Andrea Nikitin met officials in the capital.", "NIKITIN, Andrei Sergeevich", False),
    # Sadrach is a listed given name (ZELEDON ROCHA, Sadrach), not ZADRAN misspelled
    ("On Tuesday Sadrach Ahmed met officials in the capital.", "ZADRAN, Ahmed Jan", False),
])
def test_a_slip_of_the_pen_in_a_name(matcher: TextMatcher, text: str, listed: str, found: bool) -> None:
    hits = {m.entity.name: m for m in matcher.screen(text)}
    assert (listed in hits) is found
    if found:
        assert hits[listed].score >= matcher.threshold


@pytest.mark.parametrize(("text", "listed", "score"), [
    # common among listed people, not in English text: the listed name written whole is a hit
    ("The Taliban's founder Mohammed Omar died in 2013.", "OMAR, Mohammed", 0.85),
    ("Mullah Mohammed Omar led the Taliban from Kandahar.", "OMAR, Mohammed", 0.85),  # (a title before it)
    ("Brigadier General Muhammad Ibrahim commanded the air base.", "IBRAHIM, Muhammad", 0.85),
    ("On Tuesday Mohammed Omar Khan met officials in the capital.", "OMAR, Mohammed", None),  # a longer name
    ("On Tuesday Muhammad Ibrahim's men met officials.", "IBRAHIM, Muhammad", 0.85),
    # common in English text: many others bear it (the Australian captain, the badminton player)
    ("Australia: Mark Taylor (captain), Mark Waugh, Ricky Ponting.", "TAYLOR, Mark", None),
    ("Camilla Martin (Denmark) beat Wang Chen (China) 11-0 12-10.", "WANG, Chen", None),
    # not whole: a given name the list has is not written
    ("On Tuesday Haji Ashraf met officials in the capital.", "ASHRAF, Haji Muhammad", None),
])
def test_a_common_name_written_whole_as_listed(matcher: TextMatcher, text: str, listed: str,
                                               score: float | None) -> None:
    hits = {m.entity.name: m for m in matcher.screen(text)}
    if score is None:
        assert listed not in hits
    else:
        assert hits[listed].score == pytest.approx(score, abs=0.01)
        assert "a common name, written whole as listed" in hits[listed].features["penalties"]


@pytest.mark.parametrize(("text", "listed", "found"), [
    # a surname that alone would name the person, with the initial of the listed given name
    ("On Tuesday V. Yanukovych met officials in the capital.", "YANUKOVYCH, Viktor Fedorovych", True),
    ("On Tuesday S. Kislyak met officials in the capital.", "KISLYAK, Sergei Ivanovich", True),
    # another initial: another person (his son Oleksandr is YANUKOVYCH, Oleksandr Viktorovych)
    ("On Tuesday O. Yanukovych met officials in the capital.", "YANUKOVYCH, Viktor Fedorovych", False),
    # a common surname says too little beside an initial, as before
    ("On Tuesday S. Petrov met officials in the capital.", "PETROV, Sergey Valeriyevich", False),
])
def test_an_initial_beside_a_rare_surname(matcher: TextMatcher, text: str, listed: str, found: bool) -> None:
    assert (listed in [m.entity.name for m in matcher.screen(text) if m.score >= 0.7]) is found


@pytest.mark.parametrize(("text", "listed"), [
    ("Schoigus Ministerium dementierte, sagte der Sprecher.", "SHOIGU, Sergei Kuzhugetovich"),
    ("Deripaskas Konzern ist betroffen.", "DERIPASKA, Oleg Vladimirovich"),
    ("Prigoschins Söldner zogen ab, sagte der Sprecher.", "PRIGOZHIN, Yevgeniy Viktorovich"),
])
def test_german_genitives_and_nouns(matcher: TextMatcher, text: str, listed: str) -> None:
    """German writes a name's genitive with an s and capitalises every noun: "Schoigus
    Ministerium" is Shoigu's ministry, not a person named Schoigus Ministerium."""
    assert [m.entity.name for m in matcher.screen(text)] == [listed]


def test_german_given_names_still_make_another_person(matcher: TextMatcher) -> None:
    assert all("WAGNER" not in m.entity.name for m in matcher.screen(
        "Richard Wagner komponierte die Oper, sagte der Dirigent.", threshold=0.5))


def test_a_word_beginning_with_a_digit_has_no_case(matcher: TextMatcher) -> None:
    """In prose a lowercase word fills no part of a name; "924th" is not lowercase."""
    hits = matcher.screen("The ministry accused 924th State Center for UAV Aviation of funding the group.")
    assert [m.entity.name for m in hits] == ["924TH STATE CENTER FOR UAV AVIATION"]


def test_colombian_partnership_forms_are_legal_forms(matcher: TextMatcher) -> None:
    """Y CIA. S. EN C.S. ("and company, limited partnership") says what the firm is, not which."""
    hits = matcher.screen("Investigators traced the payments to Alvaro Enrique Barrera Rios Y Cia. S. En C.S.")
    assert "ALVARO ENRIQUE BARRERA RIOS Y CIA. S. EN C.S." in [m.entity.name for m in hits]


def test_a_title_names_a_prominent_person_of_a_surname_as_common_as_a_word(matcher: TextMatcher) -> None:
    """Putin is as common in English text as "baker": "President Putin" names the one listed
    person of that surname; "Mr Baker" names no BAKER (seven listed persons have the surname),
    "Mr Kim" no KIM."""
    assert [m.entity.name for m in matcher.screen("President Putin said the war would continue.")] == [
        "PUTIN, Vladimir Vladimirovich"]
    assert matcher.screen("Mr Baker said the war would continue.") == []
    assert matcher.screen("Mr Kim said the talks failed.") == []


@pytest.mark.parametrize(("text", "named"), [
    ("Putin said the war would continue.", "PUTIN, Vladimir Vladimirovich"),  # "President of the Russian Federation"
    ("Lavrov met his Turkish counterpart.", "LAVROV, Sergei Viktorovich"),  # "Minister of Foreign Affairs of ..."
    ("Maduro said the election was fair.", "MADURO MOROS, Nicolas"),  # the first of two surnames
    ("Assad said the army would advance.", "AL-ASSAD, Bashar"),  # not Maher, Asma ... al-Assad
    ("Baker said the war would continue.", None),  # (prominent, but no leader: a common word waits)
    ("Kim said the talks failed.", None),
    ("Wagner, the composer, wrote operas.", None),
])
def test_a_leaders_surname_alone_names_the_leader(matcher: TextMatcher, text: str, named: str | None) -> None:
    """News names a head of state or government and their foreign minister by surname alone,
    and that is why English text uses the word so much: the list's title field says who holds
    such an office."""
    assert [m.entity.name for m in matcher.screen(text)] == ([named] if named else [])


def test_a_leaders_name_without_the_second_surname_names_the_leader(matcher: TextMatcher) -> None:
    # MADURO MOROS, Nicolas (the president) and MADURO GUERRA, Nicolas Ernesto (his son) are both
    # "Nicolás Maduro" without the second surname: news so names the president
    hits = matcher.screen("Venezuela's Nicolás Maduro claimed victory in the disputed vote.")
    assert [(h.entity.source_id, h.text) for h in hits] == [("22790", "Nicolás Maduro")]
    assert hits[0].features["ambiguity"].endswith("the leader")


@pytest.mark.parametrize(("text", "named"), [
    ("Shares of MFSL fell sharply.", ["MYANMA FIVE STAR LINE COMPANY LIMITED"]),  # its acronym in Latin letters
    ("مفصل", []),  # ("detailed", a headline of one word) read 'mfsl' is no acronym
    ("کنه", []),  # nor KNH GLOBAL
    ("آزاد", []),  # Persian "free" read 'azad' is no Assad
])
def test_arabic_script_read_without_vowels_names_no_acronym_nor_leader(matcher: TextMatcher, text: str,
                                                                        named: list[str]) -> None:
    assert [m.entity.name for m in matcher.screen(text)] == named


@pytest.mark.parametrize(("text", "named"), [
    ("بشار الأسد غادر دمشق", "12735"),  # a leader: his name's words are common in Arabic news
    ("قال يحيى السنوار إن الحرب مستمرة", "18528"),  # السنوار is rare in Arabic text
    ("ולדימיר פוטין נפגש", "35096"),  # Hebrew
    ("التقى بوتين وبشار الأسد في موسكو", "12735"),  # "and Bashar": Arabic writes its و as the word's first letter
    ("يمر نساء في الشارع", None),  # "women pass" has the consonants of YUNUS, Umar
    ("الولايات المتحدة وروسيا", None),  # "the States": its w and y are written, Latt has none
    ("مرضه باسم الله", None),  # "his illness, in God's name": MURAD, Bassem by consonants
])
def test_arabic_and_hebrew_script_read_by_consonants(matcher: TextMatcher, text: str, named: str | None) -> None:
    hits = matcher.screen(text)
    assert sorted({h.entity.source_id for h in hits}) == ([named] if named else [])
    for hit in hits:
        assert {t["how"] for t in hit.features["tokens"]} == {"consonants"}


@pytest.mark.parametrize(("text", "named"), [
    ("美国财政部制裁了李方伟。", "11447"),  # LI, Fangwei: a Chinese name read in pinyin, surname first
    ("李方伟、张健和王伟出席了会议。", "11447"),
    ("各方的利益。", None),  # "benefit" reads 'li yi' as LI, Yi: a name of two syllables is no name read
    ("会议时间张贴在门上。", None),  # 间张 'jian zhang' is ZHANG, Jian backwards
    ("北朝鮮の金正恩総書記", None),  # kanji read in Mandarin are no Japanese reading: nothing to find
    ("リスの写真を撮った。", None),  # "squirrel": katakana リス 'risu' is no RI, Su Yong
    ("북한 김정은이 말했다.", "20157"),  # KIM, Jong Un, a particle after the name
    ("김여정 부부장은 담화를 발표했다.", "21444"),  # 여 'yeo' is Yo as McCune-Reischauer writes it
    ("미국 재무부는 리병철을 제재했다.", "23215"),  # 병 'byeong' is Pyong
    ("것은 중요하다.", None),  # "thing" reads 'geos', a firm's one-word name
    ("총리가 말했다.", None),  # "prime minister" reads 'chong ri', RI, Chong Chol backwards and in part
    ("신용 등급", None),  # "credit" reads 'sin yong' of SIN, Yong Il
    ("서명을 했다", None),  # "signature" reads 'seo myeong', SO, Myong: a name of two syllables
    ("김 정은이", None),  # a Korean name is one word
])
def test_chinese_japanese_and_korean_text_names_only_whole_names_as_written(matcher: TextMatcher, text: str,
                                                                             named: str | None) -> None:
    hits = matcher.screen(text, threshold=0.5)
    assert sorted({h.entity.source_id for h in hits}) == ([named] if named else [])
    for hit in hits:
        assert hit.text == text[hit.start : hit.end] and len(hit.text) == 3


@pytest.mark.parametrize(("text", "named", "span"), [
    ("プーチン大統領はモスクワで演説した。", "35096", "プーチン"),  # a leader's surname alone
    ("ウラジーミル・プーチン大統領", "35096", "ウラジーミル・プーチン"),  # ウ before a consonant is a v; ・ parts a name
    ("エフゲニー・プリゴジン氏が死亡した。", PRIGOZHIN, "エフゲニー・プリゴジン"),
    ("プリゴジン氏が死亡した。", PRIGOZHIN, "プリゴジン"),  # a surname rare in Japanese, alone
    ("ショイグ国防相", "35173", "ショイグ"),  # the vowel after the last consonant is Shoigu's own
    ("ハメネイ師は演説した。", "26945", "ハメネイ"),  # KHAMENEI, Ali Husseini (師, "master", is not read)
    ("ウクライナの首都", None, None),  # Ukraine reads k-r-n as OKROYAN does; its vowels are not his
    ("ディレクターが来た。", None, None),  # "director", common in Japanese, reads as DERKACH
])
def test_a_name_in_katakana_is_read_by_the_sounds_japanese_tells_apart(matcher: TextMatcher, text: str,
                                                                       named: str | None, span: str | None) -> None:
    hits = matcher.screen(text)
    assert sorted({h.entity.source_id for h in hits}) == ([named] if named else [])
    for hit in hits:
        assert hit.text == span == text[hit.start : hit.end]
        assert {t["how"] for t in hit.features["tokens"]} == {"katakana"}


@pytest.mark.parametrize(("text", "named", "span"), [
    ("푸틴 대통령은 모스크바에서 연설했다.", "35096", "푸틴"),  # a foreign name read whole: 'putin'
    ("블라디미르 푸틴 대통령은", "35096", "블라디미르 푸틴"),
    ("프리고진이 사망했다.", PRIGOZHIN, "프리고진"),  # the particle after it read off
    ("마두로는 말했다.", "22790", "마두로"),  # 마두로 + 는, not 마두 + 로는
    ("하메네이는 말했다.", "26945", "하메네이"),  # 이 follows a last consonant only: 하메네 + 이 it is not
    ("오사마 빈 라덴은 숨졌다.", "6365", "오사마 빈 라덴"),  # 빈, bin: a word of the name
    ("알아사드는 말했다.", "12735", "알아사드"),  # the article written into the name
    ("붙인 종이", None, None),  # "attached" reads 'butin': Korean writes Putin's p with ㅍ
    ("속국이 되었다", None, None),  # "vassal state" reads s-k as Shoigu does, with consonants he lacks
    ("수사대가 출동했다", None, None),  # "investigators": Assad begins with a vowel
])
def test_a_foreign_name_in_hangul_is_read_whole(matcher: TextMatcher, text: str, named: str | None,
                                                span: str | None) -> None:
    hits = matcher.screen(text)
    assert sorted({h.entity.source_id for h in hits}) == ([named] if named else [])
    for hit in hits:
        assert hit.text == span == text[hit.start : hit.end]
        assert "hangul" in {t["how"] for t in hit.features["tokens"]}


def test_a_name_in_han_characters_explains_its_reading(matcher: TextMatcher) -> None:
    [hit] = matcher.screen("美国财政部制裁了李方伟。")
    assert (hit.text, hit.matched_name, hit.score) == ("李方伟", "LI, Fangwei", 0.9)
    assert hit.features["how"] == "pinyin" and hit.features["reading"] == "li fang wei"


def test_a_name_the_list_writes_in_han_characters_is_found_as_written() -> None:
    records = [EntityRecord(1, "un", "KPi.083", "Person", "JIN TIESAN", (("JIN TIESAN", "primary"), ("金铁三", "aka"))),
               EntityRecord(2, "un", "KPe.099", "Organization", "CHANG AN SHIPPING",
                            (("CHANG AN SHIPPING", "primary"), ("長安海連技術有限公司", "aka")))]
    hits = TextMatcher(MatchIndex(records)).screen("联合国制裁了金铁三和長安海連技術有限公司。")
    assert [(h.entity.source_id, h.text, h.score) for h in hits] == [
        ("KPi.083", "金铁三", 1.0), ("KPe.099", "長安海連技術有限公司", 1.0)]
    assert {h.features["how"] for h in hits} == {"as written"}


@pytest.mark.parametrize(("query", "listed"), [("李方伟", "11447"), ("郑富景", "26236")])
def test_a_chinese_name_in_han_characters_is_searched_as_the_lists_write_it(sdn_index, query: str,
                                                                             listed: str) -> None:
    best = search(sdn_index, query, limit=3)[0]  # (LI, Fangwei: the given name's syllables run together)
    assert (best["source_id"], best["match"]) == (listed, True)


def test_pinyin_is_split_into_syllables_as_pinyin_writes_them() -> None:
    from monitor.matching.han import split_pinyin
    assert split_pinyin("fangwei") == (("fang", "wei"),)
    assert split_pinyin("huang") == (("huang",),)  # (no hu-ang: a syllable after another begins with a consonant)
    assert split_pinyin("xiaoxun")[0] == ("xiao", "xun")
    assert split_pinyin("jong") == () and split_pinyin("nguyen") == ()  # Korean, Vietnamese: no pinyin


def test_an_abjad_word_reads_as_the_listed_words_its_letters_spell() -> None:
    from monitor.matching.abjad import AbjadReadings
    readings = AbjadReadings(["assad", "latt", "yahya", "sinwar", "bashar", "bushra"])
    assert set(readings.readings("lsd", False, True)) == {"assad"}  # الأسد, the article written
    assert readings.readings("lsd", False, False) == {}  # (no article: no Assad)
    assert "latt" not in readings.readings("lwlayat", False, True)  # الولايات writes a w and a y
    assert set(readings.readings("yhya", False, False)) == {"yahya"}
    assert set(readings.readings("bshar", False, False)) == {"bashar"}  # a long a: no Bushra


def test_a_leaders_office_is_read_from_the_list_title() -> None:
    from monitor.matching.vocab import leader_title
    assert leader_title("President of the Russian Federation") and leader_title("Supreme Leader of Iran")
    assert leader_title("Minister of Foreign Affairs of the Russian Federation; Member of the Security Council")
    assert leader_title("President of the Bolivarian Republic of Venezuela") and leader_title("Prime Minister")
    assert not leader_title("President of Korea Kumsan Trading Corporation")
    assert not leader_title("President, Reach Group") and not leader_title("Former President of Ukraine")
    assert not leader_title("President of Venezuela's National Electoral Council") and not leader_title("")


@pytest.mark.parametrize(("text", "words"), [
    ("Евге́ний Ви́кторович Пригожин", ["evgeniy", "viktorovich", "prigozhin"]),  # stress marks
    ("Jevgenij Prigoz\u030cin", ["jevgenij", "prigozhin"]),  # decomposed (NFD) accents
    ("مُعَمَّر القَذَّافِي", ["mmr", "lqdhafy"]),  # Arabic vowel signs, read as unvocalised
    ("בִּנְיָמִין נְתַנְיָהוּ", ["bnymyn", "ntnyhv"]),  # Hebrew points
])
def test_combining_marks_stay_inside_their_word(text: str, words: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == words
    assert [text[t.start : t.end] for t in tokens] == text.split()


@pytest.mark.parametrize("text", [
    "Евге́ний Пригожин прибыл в Ростов.",
    "Jevgenij Prigoz\u030cin dorazil do Rostova.",
])
def test_a_name_with_marks_on_its_letters_is_found_whole(matcher: TextMatcher, text: str) -> None:
    hits = [h for h in matcher.screen(text) if h.entity.source_id == PRIGOZHIN]
    assert hits and hits[0].kind == "full" and hits[0].start == 0


def test_the_order_of_a_name_with_its_patronymic_last() -> None:
    from monitor.matching.index import analyse_name

    roles = lambda name: [(t.norm, t.role) for t in analyse_name(name, "Person")]  # noqa: E731
    assert roles("Ivanova Anna Sergeevna") == [("ivanova", "surname"), ("anna", "given"), ("sergeevna", "patronymic")]
    # a surname of a patronymic's shape, after the patronymic: the usual order
    assert roles("Roman Arkadyevich Abramovich") == [
        ("abramovich", "surname"), ("roman", "given"), ("arkadyevich", "patronymic")]


def test_two_names_found_whole_are_not_said_to_add_parts() -> None:
    same = compare_names("John Smith", "John Smyth", "Person")
    assert same.match and "penalties" not in same.features
    more = compare_names("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", "Person")
    assert "one name adds parts to the other" in more.features["penalties"]


@pytest.mark.parametrize(("a", "b", "match"), [
    ("LTTE", "LIBERATION TIGERS OF TAMIL EELAM", True),  # the articles and prepositions left out
    ("MAK", "MAKHTAB AL-KHIDAMAT", True),  # ... or not
    ("IRISL", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", True),
    ("SPC LTD", "SYRIAN PETROLEUM COMPANY LIMITED", True),  # the legal forms at the end left out
    ("P.P.C.", "PARS PETROCHEMICAL COMPANY", True),  # initials written apart
    ("IS", "ISLAMIC STATE", False),  # two letters name too many
    ("LTTA", "LIBERATION TIGERS OF TAMIL EELAM", False),
    ("SPC", "SYRIAN PETROLEUM COMPANY BRANCH", False),
])
def test_an_acronym_is_the_organisation_it_abbreviates(a: str, b: str, match: bool) -> None:
    result = compare_names(a, b, "Organization")
    assert result.match is match, result
    if match:
        assert result.features["aligned"][0]["how"] == "acronym"
        assert result.score < compare_names(b, b, "Organization").score  # an acronym is less sure than the name
    assert compare_names("LTTE", "LTTE SMITH", "Person").match is False  # (persons have no acronyms)


@pytest.mark.parametrize(("text", "listed"), [
    ("Siergiej Szojgu odwiedził front.", "SHOIGU, Sergei Kuzhugetovich"),  # ie, й as j, sz
    ("Dmitrij Miedwiediew powiedział w czwartek, że Rosja nie ustąpi.", "MEDVEDEV, Dmitry Anatolievich"),
    ("Jewgienij Prigożyn zginął w katastrofie samolotu.", "PRIGOZHIN, Yevgeniy Viktorovich"),
])
def test_russian_names_as_polish_writes_them_in_text(matcher: TextMatcher, text: str, listed: str) -> None:
    assert listed in {h.entity.name for h in matcher.screen(text) if h.kind == "full"}


def test_a_title_with_its_article_is_a_title(matcher: TextMatcher) -> None:
    from monitor.matching.index import analyse_name

    roles = [(t.norm, t.role) for t in analyse_name("IBRAHIM, Al Hajj Alie", "Person")]
    assert roles == [("ibrahim", "surname"), ("al", "title"), ("hajj", "title"), ("alie", "given")]
    # "Hajj Ibrahim" is the title and a common surname: no name of AL-WATFA, Ali Ibrahim (listed
    # also as IBRAHIM, Al Hajj Alie), whose given name it lacks
    assert "13395" not in entity_ids(matcher, "On Tuesday El Hadj Ibrahim met officials in the capital.")
    assert "13395" in entity_ids(matcher, "On Tuesday Al Hajj Alie Ibrahim met officials in the capital.")
    assert compare_names("DIYAB, Hajj 'Adil", "DIAB, Adel", "Person").match


@pytest.mark.parametrize(("text", "listed"), [
    ("Євген Пригожин і Сергій Шойгу зустрілися.", {"PRIGOZHIN, Yevgeniy Viktorovich", "SHOIGU, Sergei Kuzhugetovich"}),
    ("Yevhen Prigozhin and Serhiy Shoigu met.", {"PRIGOZHIN, Yevgeniy Viktorovich", "SHOIGU, Sergei Kuzhugetovich"}),
    ("Hennadiy Timchenko and Ihor Sechin", {"TIMCHENKO, Gennady Nikolayevich", "SECHIN, Igor Ivanovich"}),
    # (a key of two consonants, when both are East Slavic given names: Belarusian Ihar is Igor)
    ("Prosecutors said Ihar Sechin had signed it.", {"SECHIN, Igor Ivanovich"}),
])
def test_russian_given_names_as_ukrainian_writes_them(matcher: TextMatcher, text: str, listed: set[str]) -> None:
    assert listed <= {h.entity.name for h in matcher.screen(text) if h.kind == "full"}


def test_ukrainian_forms_are_for_east_slavic_names_only(matcher: TextMatcher) -> None:
    # h read as g only for a Russian, Belarusian or Ukrainian person: Hassan is no Ghassan
    assert not any(h.kind == "full" for h in matcher.screen("Hassan Nasrallah met Ghassan Nasrallah's cousin.")
                   if h.text.startswith("Ghassan"))
    assert "Olha Prigozhin" not in {h.text for h in matcher.screen("Olha Prigozhin spoke.") if h.kind == "full"}


def test_a_generation_suffix_is_no_name_part() -> None:
    from monitor.matching.index import analyse_name

    roles = lambda name: {t.norm: t.role for t in analyse_name(name, "Person")}  # noqa: E731
    assert roles("Robert Smith Jr.") == {"smith": "surname", "robert": "given", "jr": "suffix"}
    assert roles("KNOWLES, JR., Samuel") == {"knowles": "surname", "samuel": "given", "jr": "suffix"}
    assert roles("IVANOV JR., Sergey") == {"ivanov": "surname", "sergey": "given", "jr": "suffix"}
    assert roles("SMITH, Junior") == {"smith": "surname", "junior": "given"}  # (all the given names there are)
    # the suffix alone tells the son from the father, read where the list writes it
    assert compare_names("KNOWLES, JR., Samuel", "Samuel Knowles Jr", "Person").score == 1.0
    assert compare_names("IVANOV JR., Sergey", "Sergey Ivanov Jr.", "Person").score == 1.0
    assert not compare_names("Robert Smith Jr.", "Robert Smith Sr.", "Person").match
    assert not compare_names("Robert Smith Jr.", "Robert Smith", "Person").match


def test_a_legal_form_written_out_is_read_with_its_slips() -> None:
    from monitor.matching.index import analyse_name

    roles = lambda name: [t.role for t in analyse_name(name, "Organization")]  # noqa: E731
    assert roles("AKVAMARIN LIMITED LIABILITY COMPANY") == ["core", "legal", "legal", "legal"]
    # a long word of the phrase one slip away, first or inside, is still the phrase
    assert roles("AKVAMARIN LIMTIED LIABILITY COMPANY") == ["core", "legal", "legal", "legal"]
    assert roles("AKVAMARIN LIMITED LIABILTY COMPANY") == ["core", "legal", "legal", "legal"]
    assert roles("OBSHCHESTVO S ORGANICHENNOI OTVETSTVENNOSTYU AKVAMARIN") == ["legal"] * 4 + ["core"]
    # a short word is written as the phrase writes it, and a phrase's first word alone is none
    assert roles("AKVAMARIN JOINT STOKC COMPANY")[:3] == ["core", "core", "core"]
    assert roles("AKVAMARIN JOINT VENTURE") == ["core", "core", "core"]


def test_mc_and_mac_begin_one_word() -> None:
    assert name_tokens("Ronald McDonald") == ["ronald", "mcdonald"]
    assert name_tokens("KimJongUn") == ["kim", "jong", "un"]  # (other words run together are split)
    assert compare_names("Ronald McDonald", "Ronald MacDonald", "Person").match


def test_an_apostrophe_doubled_inside_a_word() -> None:
    # as SQL and CSV escape it: one word, not two
    assert name_tokens("AL-SA''DI") == name_tokens("AL-SA'DI") == ["al", "sadi"]
    assert compare_names("Amir Hamudi Hassan AL-SA''DI", "AL-SA'DI, Amir Hamudi Hassan", "Person").score == 1.0
    assert [t.norm for t in tokenize("''Wagner'' said")] == ["wagner", "said"]  # (quotes, not a word's)


@pytest.mark.parametrize(("a", "b"), [
    ("Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft"),
    ("Philips NV", "Philips Naamloze Vennootschap"),
    ("Fiat SpA", "Fiat Società per Azioni"),
    ("Siemens GmbH", "Siemens AG"),  # (GmbH was split as 'gmb h')
])
def test_a_legal_form_written_out_is_that_legal_form(a: str, b: str) -> None:
    assert compare_names(a, b, "Organization").match
    assert name_tokens("Siemens GmbH") == ["siemens", "gmbh"]


@pytest.mark.parametrize("text", [
    "Yevgeny <b>Prigozhin</b> was seen in Minsk.",
    "Yevgeny&nbsp;Prigozhin was seen in Minsk.",
    "<p>Yevgeny <a href=\"https://example.org/p?id=1&amp;x=2\">Prigozhin</a> was seen.</p>",
])
def test_html_left_in_a_text_is_no_barrier_inside_a_name(matcher: TextMatcher, text: str) -> None:
    hit = next(h for h in matcher.screen(text) if h.entity.source_id == PRIGOZHIN)
    assert hit.kind == "full" and text[hit.start : hit.end].startswith("Yevgeny")
    assert not any(t.norm in ("nbsp", "href", "amp", "b", "p") for t in tokenize(text))  # (markup is no word)


@pytest.mark.parametrize(("text", "found"), [
    ("Yevgeny Pri-\ngozhin was seen in Minsk.", "Yevgeny Pri-\ngozhin"),  # a word broken at a line's end
    ("YEVGENY PRIGO- \r\n ZHIN WAS SEEN", "YEVGENY PRIGO- \r\n ZHIN"),
    ("Fighters loyal to Prigozhin-\nbacked units were seen.", "Prigozhin"),  # (a compound: two words)
])
def test_a_word_broken_by_a_hyphen_at_a_line_end_is_one_word(matcher: TextMatcher, text: str, found: str) -> None:
    hits = [h for h in matcher.screen(text) if h.entity.source_id == PRIGOZHIN]
    assert [text[h.start : h.end] for h in hits] == [found]
    assert [t.norm for t in tokenize("Pri-\ngozhin and Russia-\nbacked, Abdul-\nRahman")] == [
        "prigozhin", "and", "russia", "backed", "abdul", "rahman"]


def test_a_block_tag_ends_a_name(matcher: TextMatcher) -> None:
    hits = [h for h in matcher.screen("<p>Yevgeny</p><p>Prigozhin was seen.</p>") if h.entity.source_id == PRIGOZHIN]
    assert hits and all(h.text == "Prigozhin" for h in hits)


@pytest.mark.parametrize(("text", "found"), [
    ("Ye. Prigozhin said the fighters would withdraw.", "Ye. Prigozhin"),
    ("Yu.V. Kovalchuk chairs the bank.", "Yu.V. Kovalchuk"),
    ("Пригожин Е.В. подписал приказ.", "Пригожин Е.В"),
])
def test_russian_initials_of_two_letters(matcher: TextMatcher, text: str, found: str) -> None:
    assert found in {h.text for h in matcher.screen(text) if h.kind == "full"}


def test_a_soft_hyphen_inside_a_word_keeps_it_whole(matcher: TextMatcher) -> None:
    text = "Yevgeny Prigo\u00adzhin said"
    assert [t.norm for t in tokenize(text)] == ["yevgeny", "prigozhin", "said"]
    assert {h.text for h in matcher.screen(text) if h.kind == "full"} == {"Yevgeny Prigo\u00adzhin"}
    # (Persian's zero-width non-joiner still parts a word as its consonants are compared)
    assert compare_names("علی خامنه\u200cای", "KHAMENEI, Ali", "Person").match


@pytest.mark.parametrize("text", [
    "Le groupe Wagner a quitté Bakhmout.",  # a French article begins no other name
    "Die Wagner-Söldner zogen sich zurück.",  # German capitalises the cue (Söldner, mercenaries)
])
def test_wagner_with_its_cue_in_french_and_german(matcher: TextMatcher, text: str) -> None:
    assert WAGNER in entity_ids(matcher, text)


def test_a_legal_form_letter_is_written_as_one(matcher: TextMatcher) -> None:
    # the French verb "a" is no letter of S.A.: the firm's rare word alone, as without it
    hit = next(h for h in matcher.screen("La société Rosneft a annoncé un accord.") if h.entity.name == "ROSNEFT TRADING S.A.")
    assert hit.text == "Rosneft"
    assert {h.text for h in matcher.screen("Rosneft Trading S.A. was designated.")} == {"Rosneft Trading S.A"}


def test_an_acronym_in_capitals_names_the_firm_it_heads(matcher: TextMatcher) -> None:
    # VTB BANK's other word only says what the firm does, and many listed entities link to it:
    # the press's "VTB" is the bank (the subsidiaries VTB CAPITAL, VTB DEVELOPMENT are not)
    hits = [h for h in matcher.screen("Sberbank and VTB were cut off from SWIFT.") if h.text == "VTB"]
    assert [h.entity.source_id for h in hits] == ["17013"]
    # not in a headline, where every word is in capitals, nor written as a word
    assert "17013" not in entity_ids(matcher, "SBERBANK AND VTB CUT OFF FROM SWIFT")
    assert "17013" not in entity_ids(matcher, "Shares of Vtb fell.")
    # an acronym of a firm nobody links to is another's: the NPV of a project, MSD the drug maker
    assert not matcher.screen("The NPV of the project is negative, analysts at MSD said.")


@pytest.mark.parametrize(("a", "b", "match"), [
    ("MV FREEDOM", "FREEDOM", True),  # what a ship's name is written after
    ("M/V Ocean Star", "OCEAN STAR", True),
    ("M.T. Grace 1", "GRACE 1", True),
    ("MV FREEDOM", "FREEDOM STAR", False),  # (another ship)
    ("MV GRACE 1", "GRACE 2", False),
])
def test_a_vessel_prefix_is_no_part_of_its_name(a: str, b: str, match: bool) -> None:
    assert compare_names(a, b, "Vessel").match is match


def test_katakana_says_a_last_g_as_russian_does() -> None:
    assert compare_names("ヴィクトル・ヴェクセリベルク", "VEKSELBERG, Viktor Feliksovich", "Person").match  # (-berg: ベルク)
    assert not compare_names("ヴィクトル・ヴェクセリベルク", "VEKSELBERG, Mikhail", "Person").match


@pytest.mark.parametrize(("greek", "listed"), [
    ("Αλεξάντρ Λουκασένκο", "LUKASHENKA, Alyaksandr Ryhorovich"),  # ντ as nd inside a word
    ("Αντρέι Μπελούσοφ", "BELOUSOV, Andrei Removich"),
    ("Βλαντιμίρ Πούτιν", "PUTIN, Vladimir Vladimirovich"),  # ... or as d
])
def test_greek_nt_inside_a_word_is_d_or_nd(matcher: TextMatcher, greek: str, listed: str) -> None:
    assert compare_names(greek, listed, "Person").match
    assert listed.split(",")[0] in {h.entity.name.split(",")[0] for h in matcher.screen(f"Ο {greek} μίλησε.") if h.kind == "full"}


def test_a_hangul_syllable_beginning_with_rieul_is_written_r(matcher: TextMatcher) -> None:
    assert fold("룡") == "ryong" and fold("림") == "rim"  # (anyascii: lyong, lim)
    assert compare_names("최룡해", "CHOE, Ryong Hae", "Person").match
    assert "CHOE, Ryong Hae" in {h.entity.name for h in matcher.screen("최룡해 부위원장이 말했다") if h.kind == "full"}


@pytest.mark.parametrize("text", [
    "Президент Путин заявил, что переговоры продолжатся.",  # a title, not another given name
    "Präsident Putin sagte am Montag, die Gespräche gingen weiter.",
    "El presidente Putin dijo que las conversaciones continuarán.",
])
def test_a_title_in_other_languages_names_a_prominent_person(matcher: TextMatcher, text: str) -> None:
    assert "PUTIN, Vladimir Vladimirovich" in {h.entity.name for h in matcher.screen(text)}


def test_a_place_alone_is_the_place_whatever_the_context(matcher: TextMatcher) -> None:
    assert not matcher.screen("Ghassan Nasrallah, a chef in Beirut, opened his second restaurant.")  # (not BEIRUT TRADE SAL)
    assert "BEIRUT TRADE SAL" in {h.entity.name for h in matcher.screen("Beirut Trade SAL was designated on Monday.")}


@pytest.mark.parametrize(("text", "listed"), [
    # a legal form the list does not give the name is no other name beside it (it was read as
    # one, "part of another name (llc)", whenever written in title case, as Ltd always is)
    ("Investigators traced the payments to Innfocus Llc.", "INNFOCUS LIMITED LIABILITY COMPANY"),
    ("Shares in Castle Security And Protection Ltd fell sharply.", "CASTLE SECURITY AND PROTECTION LLC"),
])
def test_another_legal_form_is_no_other_name(matcher: TextMatcher, text: str, listed: str) -> None:
    assert listed in {h.entity.name for h in matcher.screen(text)}


@pytest.mark.parametrize(("text", "listed"), [
    # a middle initial the list does not give: the name grows over it as over an article
    ("Officials met Amer G. Najafianpur last week.", "NAJAFIANPUR, Amer"),
    ("Officials met Ljubomir V. Boravcanin last week.", "BORAVCANIN, Ljubomir"),
    # Co. and Corp. are the words the list writes out (a legal form aside, a one-word name is
    # spelled as listed)
    ("Investigators traced the payments to Puma Security Co.", "PUMA SECURITY COMPANY"),
    ("Investigators traced the payments to Wayside Corp.", "WAYSIDE CORPORATION"),
])
def test_words_the_press_adds_or_abbreviates(matcher: TextMatcher, text: str, listed: str) -> None:
    hits = [h for h in matcher.screen(text) if h.entity.name == listed]
    assert hits and hits[0].kind == "full"


@pytest.mark.parametrize(("text", "found"), [
    # a ship's type before its name, in capitals as written: a vessel's cue (EBANO is a word)
    ("The MV Ebano docked at Bandar Abbas.", True),
    ("The M/V EBANO docked at Bandar Abbas.", True),
    ("M.T. Ebano was seen off Oman.", True),
    ("Ebano docked at Bandar Abbas.", False),
])
def test_a_vessel_prefix_is_a_vessels_cue(matcher: TextMatcher, text: str, found: bool) -> None:
    assert ("4243" in entity_ids(matcher, text)) is found


def test_an_article_before_a_name_lends_it_no_later_particle(matcher: TextMatcher) -> None:
    # "the" before Central had taken the THE of OF THE RUSSIAN, and the name stopped short of Russian
    hits = matcher.screen("Payments went to the Central Research Institute of the Russian Air and Space Forces.")
    assert [h.text for h in hits] == ["Central Research Institute of the Russian Air and Space Forces"]


def test_a_middle_initial_of_another_name_of_the_entity_explains_it(matcher: TextMatcher) -> None:
    # V. is Viktorovich's initial: the name that reads it explains the hit, not an alias without it
    hit = next(h for h in matcher.screen("Yevgeny V. Prigozhin was seen in Minsk.") if h.entity.source_id == PRIGOZHIN)
    assert hit.text == "Yevgeny V. Prigozhin" and hit.matched_name == "PRIGOZHIN, Yevgeniy Viktorovich"
    hit = next(h for h in matcher.screen("Officials met Amer G. Najafianpur last week."))
    assert hit.features["unlisted_initials"] == ["g"]


@pytest.mark.parametrize(("text", "found"), [
    # a firm's shares or a stake in it say the word is a firm: ARGON OOO, a one-word name in common use
    ("Shares in Argon fell sharply after the sanctions were announced.", True),
    ("The fund sold its stake in Argon last year.", True),
    ("Argon is a noble gas used in welding.", False),
    # (not beside another capitalised word: the firm may be another of that word)
    ("Shares in Argon Design Partners fell sharply.", False),
])
def test_shares_and_stakes_are_a_firms(matcher: TextMatcher, text: str, found: bool) -> None:
    assert ("40865" in entity_ids(matcher, text)) is found


def test_a_firm_named_as_people_are_needs_a_firms_context(matcher: TextMatcher) -> None:
    # OOO VIKTORIYA: its one word is a listed woman's given name
    assert not any(h.entity.name.endswith("VIKTORIYA") for h in matcher.screen("At the grave, Viktoria mourns her husband."))
    assert any(h.entity.name.endswith("VIKTORIYA") for h in matcher.screen("Shares in Viktoriya fell after the sanctions."))


def test_a_peoples_word_before_ordinary_words_makes_a_longer_name(matcher: TextMatcher) -> None:
    # "American Savings Bank" is no SAVINGS BANK; one ordinary word and a generic one may still be
    # named so: the Egyptian Islamic Group is ISLAMIC GROUP (al-Gama'a al-Islamiyya)
    assert "4694" in entity_ids(matcher, "The Egyptian Islamic Group claimed the attack.")
    assert not any(h.matched_name == "SAVINGS BANK" for h in matcher.screen("American Savings Bank was bought in 1988."))
    assert "4694" in entity_ids(matcher, "Islamic Group Claims Attack In Cairo")  # (a headline: one ordinary word, one generic)


def test_a_sentence_opening_with_the_spanish_article(matcher: TextMatcher) -> None:
    assert WAGNER in entity_ids(matcher, "El Grupo Wagner salió de Bajmut.")
    # (the Arabic article written with its hyphen is part of a name: "Mohammed El-Kurd" is another Kurd)
    assert not matcher.screen("Mohammed El-Kurd spoke to reporters.", threshold=0.5)


@pytest.mark.parametrize(("a", "b"), [
    ("Vladimir Poetin", "PUTIN, Vladimir Vladimirovich"),  # Dutch oe is u
    ("Sergej Sjojgoe", "SHOIGU, Sergei Kuzhugetovich"),  # sj is sh, j after a vowel y
    ("Aleksandr Loekasjenko", "LUKASHENKA, Alyaksandr Ryhorovich"),
])
def test_russian_names_as_dutch_writes_them(matcher: TextMatcher, a: str, b: str) -> None:
    assert compare_names(a, b, "Person").match
    assert b in {h.entity.name for h in matcher.screen(f"Volgens het Kremlin sprak {a} maandag.") if h.kind == "full"}


def test_a_listed_ships_imo_number_in_text(matcher: TextMatcher) -> None:
    # ARK III (15037): "Vessel Registration Identification IMO 9187655" in OFAC's remarks
    hits = matcher.screen("The tanker (IMO 9187655) left Bandar Abbas on Friday.")
    assert [(h.entity.source_id, h.text, h.kind) for h in hits] == [("15037", "IMO 9187655", "identifier")]


def test_a_listed_digital_currency_address_in_text(matcher: TextMatcher) -> None:
    # LAZARUS GROUP (27307): "Digital Currency Address - ETH 0x098B716B..." (an Ethereum address's
    # capitals are only a checksum: found in lowercase too); YAN, Xiaobing (25308): an XBT one
    text = ("Funds moved to 0x098b716b8aaf21512996dc57eb0615e2383e2f96, then to "
            "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h and 12qtd5bfwrsdnsazy76uve1xycgntojh9h.")
    hits = matcher.screen(text)
    assert [(h.entity.source_id, h.matched_name) for h in hits] == [
        ("27307", "ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96"), ("25308", "XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")]
    assert search(matcher.index, "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")[0]["source_id"] == "25308"


@pytest.mark.parametrize(("query", "respelled", "english"), [
    ("POLYMER HOLDING LLC", "JOINT STOCK COMPANY POLIMER", "JOINT STOCK COMPANY POLYMER"),
    ("CENTRE ARCTIC", "ARKTEC DOO", "ARCTIC DOO"),
    ("OCEAN EAST GROUP", "OZEAN GROUP GMBH", "OCEAN GROUP GMBH"),
])
def test_a_firms_ordinary_word_respelled_weighs_as_the_english_word(query: str, respelled: str, english: str) -> None:
    # POLIMER is polymer: another spelling makes an ordinary word no rarer, and a firm's name
    # found by a word spelled otherwise scores no higher than by the word spelled alike
    found = compare_names(query, respelled, "Organization")
    assert not found.match
    assert found.score <= compare_names(query, english, "Organization").score
    # (a misspelled firm's name is still found: OCAEN is OCEAN)
    assert compare_names("OCAEN GROUP", "OCEAN GROUP GMBH", "Organization").match


def test_a_one_letter_word_is_a_names_word_only_as_itself(matcher: TextMatcher) -> None:
    # Bengali ও ('o', "and") beside হয়নি is no KHINE, Oo Oo: a one-letter word that is no initial
    # (no full stop after it) is not a listed word spelled alike (OO, AH, 7TH)
    assert not [h for h in matcher.screen("তিনি আসেননি ও হয়নি কিছুই।", threshold=0.5) if h.entity.name.startswith("KHINE")]
    # initials still are: "Y. Prigozhin", and in capitals without full stops
    assert PRIGOZHIN in entity_ids(matcher, "Y. Prigozhin said on Monday that the deal was off.")


@pytest.mark.parametrize(("query", "listed"), [
    ("Muhannad Akbar", "AKBAR, Mohamad"),  # Muhannad (مهند) is a name of its own, not Muhammad's
    ("Andrey Shumkov", "ZHUYKOV, Andrey"),  # two surnames of listed persons
    ("Maria Goldberg", "GOLDBERG, Marina Samuilovna"),
    ("Anton Katranji", "KAWTHRANI, Adnan"),  # (and not by the words run together)
])
def test_search_keeps_names_of_their_own_apart(sdn_index, query: str, listed: str) -> None:  # type: ignore[no-untyped-def]
    # A query's word that is itself a listed name's word is a name of its own, not a misspelling
    # of another of other consonants: in the word-pair loop, among given-name variants, and when
    # the names are compared run together.
    named = [r for r in search(sdn_index, query) if listed in (r["name"], r["matched_name"])]
    assert not [r for r in named if r["match"]]
    # (spellings of one name still meet: Mohammed Akbar is AKBAR, Mohamad)
    assert search(sdn_index, "Mohammed Akbar")[0]["name"] == "AKBAR, Mohamad"
    assert search(sdn_index, "Mohammed Akbar")[0]["match"] is True


def test_an_initial_for_the_given_name_does_not_stand_in_for_a_missing_surname() -> None:
    # AL-NAIMI, A. Rahman: "Adam Rahman" shares an initial and a given name with it, not the
    # surname; beside the surname the initial still counts, and so does a middle initial
    assert not compare_names("Adam Rahman", "AL-NAIMI, A. Rahman", "Person").match
    assert compare_names("Abdul Rahman Al-Naimi", "AL-NAIMI, A. Rahman", "Person").match
    assert compare_names("TALIB, Mohanad M.", "AL-RAWI, Muhannad Mushtaq Talib Zghayir Karhout", "Person").match


@pytest.mark.parametrize(("query", "listed"), [
    ("Abdul Chataev", "CHATAEV, A.R."),  # an alias of CHATAYEV, Akhmed: the A. is Akhmed
    ("Anton Banai", "AL BANAI, A Moayied Rida H"),  # AL-BANAI, Abd al-Muayyid
    ("Ahmed Tontarhovnov", "TONTARHOVNOV, A."),  # TOKHTAKHUNOV, Alimzhan
])
def test_search_reads_an_initial_as_the_name_the_person_is_listed_with(sdn_index, query: str, listed: str) -> None:  # type: ignore[no-untyped-def]
    # A given name met only by an initial that the person's other names write out as another
    # name is no match; the written-out name is
    assert not [r for r in search(sdn_index, query) if r["match"] and listed in (r["name"], r["matched_name"])]
    assert search(sdn_index, "Akhmed Chataev")[0]["name"] == "CHATAYEV, Akhmed"
    assert search(sdn_index, "Alimzhan Tontarhovnov")[0]["match"] is True
    # (an initial whose name no listed name writes out says nothing against the query: "A. R." of
    # the query against the listed initials, and a query's initial against a full name)
    assert search(sdn_index, "A.R. Chataev")[0]["match"] is True
    assert search(sdn_index, "Y. Prigozhin")[0]["source_id"] == PRIGOZHIN
