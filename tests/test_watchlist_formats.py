"""UN XML, FollowTheMoney, custom YAML/CSV importers; bad inputs; diff; re-screening; refresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.config import load_settings
from monitor.db import Article, Database, Entity, Feed, Hit
from monitor.exc import WatchlistError, WatchlistParseError
from monitor.matching import EntityRecord, MatchIndex
from monitor.pipeline import rescreen
from monitor.queries import diff_versions
from monitor.watchlists import SourceSpec, import_path, parse_path
from monitor.watchlists.refresh import refresh_source

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "watchlists"
UN_XML = SHARED / "un_consolidated" / "UN_consolidated.xml"
FTM = SHARED / "opensanctions_ftm_samples"

needs_shared = pytest.mark.skipif(not UN_XML.exists(), reason="../shared data not present")


@needs_shared
def test_un_consolidated_list() -> None:
    parsed = parse_path("un", UN_XML)
    by_id = {e.source_id: e for e in parsed.entities}
    assert len(parsed.entities) == 1003  # 730 individuals + 273 entities
    badege = by_id["6907993"]
    assert badege.schema == "Person" and badege.name == "BADEGE, ERIC" and badege.programs == ["DRC"]
    assert badege.birth_dates == ["1971"] and "Rwanda" in badege.countries
    assert sum(e.schema == "Organization" for e in parsed.entities) == 273
    assert any(a.kind == "weak" for e in parsed.entities for a in e.aliases)  # QUALITY Low
    assert any(any("\u0600" <= ch <= "\u06ff" for a in e.aliases for ch in a.name) for e in parsed.entities)


@needs_shared
def test_un_names_korean_order_and_lists_of_aliases() -> None:
    by_id = {e.source_id: e for e in parse_path("un", UN_XML).entities}
    # DPRK entries give the family name first: FIRST_NAME JO, SECOND_NAME YONG CHOL
    jo = next(e for e in by_id.values() if e.properties["reference_number"] == "KPi.034")
    assert jo.name == "JO, YONG CHOL"
    assert by_id["6907993"].name == "BADEGE, ERIC"  # the others: given names first
    assert not any(e.name.lower().endswith(" na") for e in by_id.values())  # FOURTH_NAME "na": not available
    # One alias field holding several names is several aliases, each kept once
    aliases = [a.name for e in by_id.values() for a in e.aliases]
    assert not any(";" in a for a in aliases)
    assert {"Qasim Soleimani", "Qasem Sulaimani", "Hassan Ghul", "حسن غول"} <= set(aliases)


def test_split_names() -> None:
    from monitor.watchlists.un import split_names

    assert split_names("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet") == [
        "Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"]
    assert split_names("Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham)") == [
        "Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"]
    assert split_names("MAHAN AIR (IRAN)") == ["MAHAN AIR (IRAN)"]  # one name, brackets and all
    assert split_names("Abdul Rehman; Abdul Rehman; ") == ["Abdul Rehman"]
    assert split_names("") == []


@needs_shared
def test_ftm_entities_and_multilingual_names() -> None:
    parsed = parse_path("ftm", FTM / "t1_entities.ftm.json")
    names = {a.name for e in parsed.entities for a in e.all_names()}
    assert "Общество с ограниченной ответственностью “Интер Тобако”" in names
    assert all(e.schema in ("Person", "Organization", "Vessel", "Aircraft") for e in parsed.entities)
    assert parsed.skipped >= 0 and len(parsed.entities) >= 5


def _imported(db: Database, path: Path, fmt: str) -> tuple[dict[str, EntityRecord], MatchIndex]:
    """The records (by source id) and the match index of a list file imported as `fmt`."""
    from monitor.screening import build_index, load_records
    import_path(db, "test-list", path, fmt)
    with db.session() as session:
        return {r.source_id: r for r in load_records(session)}, build_index(session)


def test_a_leaders_office_reaches_the_matcher(db: Database, tmp_path: Path) -> None:
    """An OpenSanctions position (and OFAC's title field) says who holds a leader's office:
    the matcher reads such a person's surname alone as a mention ("Ivanovsky said")."""
    from monitor.matching import TextMatcher
    path = tmp_path / "pep.ftm.json"
    path.write_text(
        '{"id": "p1", "schema": "Person", "properties": {"name": ["Boris Ivanovsky"], '
        '"position": ["President of the Republic of Ruritania"]}}\n'
        '{"id": "p2", "schema": "Person", "properties": {"name": ["Anna Petrovsky"], '
        '"position": ["President of Ruritania Steel Company"]}}\n', encoding="utf-8")
    records, index = _imported(db, path, "ftm")
    assert records["p1"].leader and not records["p2"].leader
    screen = TextMatcher(index).screen
    assert [m.entity.source_id for m in screen("Ivanovsky said the border would stay shut.")] == ["p1"]
    assert screen("Petrovsky said the mill would stay shut.") == []


def test_a_ships_imo_number_names_it_in_text(db: Database, tmp_path: Path) -> None:
    """The IMO number a list gives a ship (OFAC and the UK in the remarks, OpenSanctions as
    imoNumber) names it in a text as the list writes it; a number the list does not hold, or
    a longer one, names nobody."""
    from monitor.matching import TextMatcher
    path = tmp_path / "ships.ftm.json"
    path.write_text(
        '{"id": "v1", "schema": "Vessel", "properties": {"name": ["SEA DAWN"], "imoNumber": ["IMO9187655"]}}\n'
        '{"id": "v2", "schema": "Vessel", "properties": {"name": ["RIVER GLOW"], '
        '"notes": ["Vessel Registration Identification IMO 7406784; IMO: 8937675"]}}\n', encoding="utf-8")
    records, index = _imported(db, path, "ftm")
    assert records["v1"].identifiers == (("IMO", "9187655"),)
    assert records["v2"].identifiers == (("IMO", "7406784"), ("IMO", "8937675"))
    text = "The tanker (IMO No. 9187655) met a second ship, IMO: 8937675, and a third, IMO 1234567."
    hits = TextMatcher(index).screen(text)
    assert [(h.entity.source_id, h.text, h.score, h.kind) for h in hits] == [
        ("v1", "IMO No. 9187655", 1.0, "identifier"), ("v2", "IMO: 8937675", 1.0, "identifier")]
    assert hits[0].features["identifier"] == "IMO 9187655"
    assert TextMatcher(index).screen("Serial IMO 91876550 and SIMO 9187655 are not its number.") == []


def test_identifiers_in_a_teams_own_notes(db: Database, tmp_path: Path) -> None:
    from monitor.matching import TextMatcher
    (tmp_path / "own.yaml").write_text(
        "entities:\n  - {id: T9, name: Zephyr Star, schema: Vessel, notes: 'IMO 9187655; "
        "Digital Currency Address - XBT 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'}\n")
    _records, index = _imported(db, tmp_path, "custom")
    hits = TextMatcher(index).screen("Paid from 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa for the cargo of IMO 9187655.")
    assert [(h.text, h.matched_name) for h in hits] == [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "XBT 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"), ("IMO 9187655", "IMO 9187655")]


def test_custom_yaml_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "entities:\n  - {id: T1, name: 'DOE, Jonathan', schema: Person, aliases: [Jon Doe], weak_aliases: [The Broker]}\n"
        "  - {id: T2, name: Example Shipping Ltd, programs: [HIGH-RISK], countries: [AE]}\n")
    (tmp_path / "b.csv").write_text("id,name,schema,aliases,programs\nT3,Blue Tanker,vessel,Blue T;BT-1,INTERNAL\n")
    parsed = parse_path("custom", tmp_path)
    by_id = {e.source_id: e for e in parsed.entities}
    assert by_id["T1"].schema == "Person" and [a.kind for a in by_id["T1"].aliases] == ["aka", "weak"]
    assert by_id["T2"].schema == "Organization" and by_id["T2"].programs == ["HIGH-RISK"]
    assert by_id["T3"].schema == "Vessel" and [a.name for a in by_id["T3"].aliases] == ["Blue T", "BT-1"]


@pytest.mark.parametrize(("fmt", "name", "content", "reason"), [
    ("un", "bomb.xml", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     "<CONSOLIDATED_LIST>&b;</CONSOLIDATED_LIST>", "unsafe XML refused"),
    ("un", "cut.xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>", "malformed XML"),
    ("un", "wrong.xml", "<rss><channel/></rss>", "not a UN consolidated list"),
    ("un", "noname.xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID></INDIVIDUAL>"
     "</INDIVIDUALS></CONSOLIDATED_LIST>", "empty name"),
    ("un", "dup.xml", "<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME></ENTITY>"
     "<ENTITY><DATAID>1</DATAID><FIRST_NAME>B</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>", "duplicate DATAID"),
    ("ftm", "bad.json", '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{not json\n', "line 2: not JSON"),
    ("ftm", "dup.json", '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
     '{"id": "a", "schema": "Person", "properties": {"name": ["B"]}}\n', "duplicate id"),
    ("custom", "bad.yaml", "- {name: ''}\n", "empty name"),
    ("custom", "schema.yaml", "- {name: X, schema: Spaceship}\n", "unknown schema"),
    ("custom", "dup.csv", "id,name\n1,A\n1,B\n", "duplicate id"),
    ("custom", "wide.csv", "id,name\n1,A,extra\n", "more fields than the header"),
    ("custom", "latin1.csv", "id,name\n1,Caf\xe9\n".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_are_rejected_with_where_and_why(tmp_path: Path, fmt: str, name: str, content: str | bytes,
                                                    reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(WatchlistParseError, match=reason) as info:
        parse_path(fmt, path)
    assert str(path) in str(info.value)


def test_broken_import_keeps_version_then_diff_and_rescreen(db: Database, tmp_path: Path) -> None:
    v1 = tmp_path / "v1.yaml"
    v1.write_text("- {id: A, name: Example Shipping Holdings Ltd}\n- {id: B, name: Blue Ocean Trading FZE}\n")
    assert import_path(db, "team", v1, "custom").version == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {id: A, name: Example Shipping Holdings Ltd}\n- {id: C, name: ''}\n")
    with pytest.raises(WatchlistError, match="empty name"):
        import_path(db, "team", broken, "custom")
    with db.session() as session:
        assert {e.source_id for e in session.scalars(select(Entity).where(Entity.source == "team"))} == {"A", "B"}
    # An article stored before the list knew the name is found when the name arrives.
    with db.session() as session:
        feed = Feed(url="https://n.example/rss", name="n")
        session.add(feed)
        session.flush()
        session.add(Article(feed_id=feed.id, key="k", title="Tanker seized",
                            text="Tanker seized\n\nThe vessel belongs to Zephyrine Maritime Services LLC, officials said.",
                            content_hash="0" * 64))
    v2 = tmp_path / "v2.yaml"
    v2.write_text("- {id: A, name: Example Shipping Holdings Ltd, aliases: [ESH Ltd]}\n"
                  "- {id: C, name: Zephyrine Maritime Services LLC}\n")
    result = import_path(db, "team", v2, "custom")
    assert (result.added, result.changed, result.removed) == (1, 1, 1)
    with db.session() as session:
        diff = diff_versions(session, "team")
    assert [e["source_id"] for e in diff["added"]] == ["C"]
    assert diff["changed"][0]["new_names"] == ["ESH Ltd"] and [e["source_id"] for e in diff["removed"]] == ["B"]
    settings = load_settings(None, {"home": str(tmp_path)}, environ={})
    hits = rescreen(db, settings, result.new_name_entity_ids)
    assert [h["source_id"] for h in hits] == ["C"] and hits[0]["text"] == "Zephyrine Maritime Services LLC"
    assert rescreen(db, settings, result.new_name_entity_ids) == []  # a hit is recorded once
    with db.session() as session:
        assert len(list(session.scalars(select(Hit)))) == 1


def test_refresh_downloads_imports_and_skips_unchanged(db: Database, tmp_path: Path, static_server) -> None:
    base, root = static_server
    (root / "list.yaml").write_text("- {id: A, name: Example Shipping Holdings Ltd}\n")
    settings = load_settings(None, {"home": str(tmp_path)}, environ={})
    spec = SourceSpec(name="team", format="custom", urls=(f"{base}/list.yaml",))
    first = refresh_source(db, settings, spec)
    assert first.version == 1 and first.added == 1
    again = refresh_source(db, settings, spec)
    assert again.unchanged and again.version == 1
    (root / "list.yaml").write_text("- {id: A, name: Example Shipping Holdings Ltd}\n- {id: B, name: Other Co}\n")
    assert refresh_source(db, settings, spec).added == 1
    missing = SourceSpec(name="team", format="custom", urls=(f"{base}/gone.yaml",))
    with pytest.raises(WatchlistError, match="download of .* failed"):
        refresh_source(db, settings, missing)


UK_CSV = SHARED / "uk_ofsi_conlist_partial_sample" / "ConList.csv"
EU_XML = Path(__file__).resolve().parent / "fixtures" / "eu" / "eu_fsf_sample.xml"


@pytest.mark.skipif(not UK_CSV.exists(), reason="../shared data not present")
def test_uk_conlist_groups_rows_by_group_id() -> None:
    parsed = parse_path("uk", UK_CSV)
    by_id = {e.source_id: e for e in parsed.entities}
    assert len(parsed.entities) == len({e.source_id for e in parsed.entities}) == 41  # 77 rows
    qahtani = by_id["13349"]
    assert qahtani.schema == "Person" and qahtani.name == "AL-QAHTANI, Sheikh Farooq"
    assert qahtani.programs == ["The ISIL (Da'esh) and Al-Qaida organisations"]
    assert by_id["13188"].schema == "Organization" and by_id["13188"].name == "ANSAR AL SHARIA"
    assert any(e.aliases for e in parsed.entities)


def test_uk_real_layout_with_last_updated_line_and_bad_rows(tmp_path: Path) -> None:
    header = ("Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,"
              "Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,"
              "Post/Zip Code,Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,"
              "UK Sanctions List Date Designated,Last Updated,Group ID")
    blank = [""] * 31

    def row(**kw: str) -> str:
        cols = header.split(",")
        vals = list(blank)
        for k, v in kw.items():
            vals[cols.index(k.replace("_", " "))] = v
        return ",".join(f'"{v}"' for v in vals)

    good = tmp_path / "ConList.csv"
    lines = ["Last Updated,20/11/2026", header,
             row(**{"Name 6": "PRIGOZHIN", "Name_1": "Yevgeniy", "Name_2": "Viktorovich", "Group Type": "Individual",
                    "Alias Type": "Primary name", "Regime": "Russia", "Group ID": "14137"}),
             row(**{"Name 6": "PRIGOZHIN", "Name_1": "Evgeny", "Group Type": "Individual", "Alias Type": "AKA",
                    "Alias Quality": "Good quality", "Regime": "Russia", "Group ID": "14137"}),
             row(**{"Name 6": "CHEF", "Name_1": "Putin's", "Group Type": "Individual", "Alias Type": "AKA",
                    "Alias Quality": "Low quality", "Regime": "Russia", "Group ID": "14137"}),
             row(**{"Name 6": "PARTIZAN", "Group Type": "Ship", "Alias Type": "Primary name", "Group ID": "15000"})]
    good.write_bytes("\r\n".join(lines).encode("cp1252"))
    parsed = parse_path("uk", good)
    person, ship = parsed.entities
    assert person.name == "PRIGOZHIN, Yevgeniy Viktorovich"
    assert [(a.name, a.kind) for a in person.aliases] == [("PRIGOZHIN, Evgeny", "aka"), ("CHEF, Putin's", "weak")]
    assert ship.schema == "Vessel" and ship.name == "PARTIZAN"
    bad = tmp_path / "bad.csv"
    bad.write_bytes("\r\n".join(lines[:3] + [lines[3] + ',"extra"']).encode("cp1252"))
    with pytest.raises(WatchlistParseError, match="line 4: 32 fields where the header has 31"):
        parse_path("uk", bad)
    odd = tmp_path / "odd.csv"
    odd.write_bytes("\r\n".join(lines[:3]).replace('"Individual"', '"Spaceship"').encode("cp1252"))
    with pytest.raises(WatchlistParseError, match="unknown Group Type 'Spaceship'"):
        parse_path("uk", odd)
    wrong = tmp_path / "sdn.csv"
    wrong.write_bytes(b'21171,"PRIGOZHIN, Yevgeniy","individual",-0- \r\n')
    with pytest.raises(WatchlistParseError, match="not a UK ConList header"):
        parse_path("uk", wrong)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"Name 6,Group Type,Group ID\r\nA\x81B,Entity,1\r\n")
    with pytest.raises(WatchlistParseError, match="not cp1252"):
        parse_path("uk", binary)


def test_eu_fsf_fixture_and_matching_its_names(tmp_path: Path) -> None:
    from monitor.matching import MatchIndex, TextMatcher
    from monitor.matching.model import EntityRecord

    parsed = parse_path("eu", EU_XML)
    by_id = {e.source_id: e for e in parsed.entities}
    prig = by_id["170001"]
    assert prig.schema == "Person" and prig.name == "Prigozhin, Yevgeniy Viktorovich"
    assert ("Putin's chef", "weak") in [(a.name, a.kind) for a in prig.aliases]
    assert prig.birth_dates == ["1961-06-01"] and prig.programs == ["UKR"]
    assert by_id["170002"].schema == "Organization" and by_id["170002"].name == "Wagner Group"
    records = [EntityRecord(entity_id=i, source="eu", source_id=e.source_id, schema=e.schema, name=e.name,
                            names=tuple((n.name, n.kind) for n in e.all_names()))
               for i, e in enumerate(parsed.entities, 1)]
    hits = TextMatcher(MatchIndex(records)).screen("Евгений Пригожин и ЧВК Вагнер")
    assert sorted(h.entity.source_id for h in hits) == ["170001", "170002"]
    wrong = tmp_path / "un.xml"
    wrong.write_text("<CONSOLIDATED_LIST/>")
    with pytest.raises(WatchlistParseError, match="not an EU FSF export"):
        parse_path("eu", wrong)
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><export>&b;</export>')
    with pytest.raises(WatchlistParseError, match="unsafe XML refused"):
        parse_path("eu", bomb)


def test_a_2_gb_file_is_refused_before_reading_and_the_version_stays(db: Database, tmp_path: Path) -> None:
    v1 = tmp_path / "v1.yaml"
    v1.write_text("- {id: A, name: Example Shipping Holdings Ltd}\n")
    import_path(db, "team", v1, "custom")
    huge = tmp_path / "huge"
    huge.mkdir()
    with (huge / "list.yaml").open("wb") as fh:  # sparse: 2 GB on paper, nothing on disk
        fh.truncate(2 * 1024**3)
    with pytest.raises(WatchlistError, match="over the .*-byte limit"):
        import_path(db, "team", huge, "custom")
    with db.session() as session:
        names = [e.name for e in session.scalars(select(Entity).where(Entity.source == "team"))]
    assert names == ["Example Shipping Holdings Ltd"]


def test_scheduler_refresh_job_imports_and_rescreens(db: Database, tmp_path: Path, static_server,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import monitor.watchlists as wl
    from monitor.scheduler import Runner

    base, root = static_server
    (root / "list.yaml").write_text("- {id: A, name: Example Shipping Holdings Ltd}\n")
    monkeypatch.setattr(wl, "known_sources", lambda: {
        "team": SourceSpec(name="team", format="custom", urls=(f"{base}/list.yaml",))})
    settings = load_settings(None, {"home": str(tmp_path)}, environ={})
    import_path(db, "team", root / "list.yaml", "custom")
    with db.session() as session:
        feed = Feed(url="https://n.example/rss", name="n")
        session.add(feed)
        session.flush()
        session.add(Article(feed_id=feed.id, key="k", title="Seized",
                            text="Seized\n\nThe ship belongs to Zephyrine Maritime Services LLC.", content_hash="1" * 64))
    (root / "list.yaml").write_text("- {id: A, name: Example Shipping Holdings Ltd}\n"
                                    "- {id: C, name: Zephyrine Maritime Services LLC}\n")
    Runner(settings, db).refresh_lists()
    with db.session() as session:
        hits = list(session.scalars(select(Hit)))
    assert [h.text for h in hits] == ["Zephyrine Maritime Services LLC"]


def test_ofac_weak_names_in_the_remarks(tmp_path: Path) -> None:
    # OFAC's CSV gives low-quality names only in the remarks: a.k.a.s, and a ship's former names
    (tmp_path / "sdn.csv").write_bytes(
        b'4243,"EBANO","vessel","CUBA",-0- ,-0- ,"General Cargo","2595","1865","Panama",-0- ,'
        b'"Vessel Registration Identification IMO 7406784; f.k.a. \'ANA I\'; f.k.a. \'SAND SWAN\'."\r\n'
        b'4690,"ARMED ISLAMIC GROUP",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'GIA\'."\r\n')
    by_id = {e.source_id: e for e in parse_path("ofac-sdn", tmp_path).entities}
    assert [(a.name, a.kind) for a in by_id["4243"].aliases] == [("ANA I", "weak"), ("SAND SWAN", "weak")]
    assert [(a.name, a.kind) for a in by_id["4690"].aliases] == [("GIA", "weak")]


@pytest.mark.skipif(not (SHARED / "ofac_consolidated_non_sdn").exists(), reason="../shared data not present")
def test_ofac_consolidated_non_sdn_files() -> None:
    parsed = parse_path("ofac-sdn", SHARED / "ofac_consolidated_non_sdn")
    assert len(parsed.entities) == 442  # cons_prim.csv rows
    assert sum(len(e.aliases) for e in parsed.entities) > 500  # cons_alt.csv joined
    assert all(e.source_id.isdigit() for e in parsed.entities)
