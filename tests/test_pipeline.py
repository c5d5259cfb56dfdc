"""One check cycle against a real database: bad feeds fail alone, articles and hits stored once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from monitor.config import load_settings
from monitor.db import Alert, Article, Database, Feed, Hit
from monitor.pipeline import Pipeline
from monitor.watchlists import import_path

ROOT = Path(__file__).resolve().parent.parent
GOOD = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>n</title>
<item><title>Wagner Group fighters leave Bakhmut</title><guid>a1</guid><link>https://e.org/a1</link></item>
<item><title>Markets calm</title><guid>a2</guid></item></channel></rss>"""


def test_cycle_isolates_bad_feeds_and_records_once(db: Database, tmp_path: Path) -> None:
    import_path(db, "ofac-sdn", ROOT / "watchlists" / "ofac_sdn")
    good = tmp_path / "good.xml"
    good.write_bytes(GOOD)
    html = tmp_path / "page.xml"
    html.write_bytes(b"<html><body>nothing</body></html>")
    with db.session() as session:
        session.add_all([Feed(url=str(good), name="good"), Feed(url=str(html), name="html"),
                         Feed(url=str(tmp_path / "missing.xml"), name="missing")])
    settings = load_settings(None, {"home": str(tmp_path)}, environ={})
    pipeline = Pipeline(settings, db)
    report = pipeline.check()
    assert report.feeds == 3 and report.feeds_ok == 1 and report.feeds_failed == 2
    assert report.articles_new == 2
    assert [h["source_id"] for h in report.hits_new] == ["22543"]
    failures = {o.url: o.error for o in report.outcomes if not o.ok}
    assert "not a feed" in failures[str(html)]
    assert "cannot read" in failures[str(tmp_path / "missing.xml")]

    again = pipeline.check()
    assert again.articles_new == 0 and again.hits_new == []
    with db.session() as session:
        assert session.scalar(select(func.count(Article.id))) == 2
        assert session.scalar(select(func.count(Hit.id))) == 1
        assert session.scalar(select(func.count(Alert.id))) == 1
        bad = session.scalar(select(Feed).where(Feed.name == "html"))
        assert bad.consecutive_failures == 2 and "not a feed" in bad.last_error
        assert bad.next_poll_at is not None


def test_item_with_a_new_guid_but_the_same_link_is_stored_once(db: Database, tmp_path: Path) -> None:
    feed_file = tmp_path / "f.xml"

    def write(guid: str, title: str) -> None:
        feed_file.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>n</title><item>'
                             f"<title>{title}</title><guid>{guid}</guid><link>https://e.org/story</link>"
                             "</item></channel></rss>")

    import_path(db, "ofac-sdn", ROOT / "watchlists" / "ofac_sdn")
    with db.session() as session:
        session.add(Feed(url=str(feed_file), name="f"))
    pipeline = Pipeline(load_settings(None, {"home": str(tmp_path)}, environ={}), db)
    write("v1", "Wagner Group fighters leave Bakhmut")
    assert pipeline.check().articles_new == 1
    write("v2-edited", "Wagner Group fighters leave Bakhmut (updated)")
    again = pipeline.check()
    assert again.articles_new == 0 and again.hits_new == []
    with db.session() as session:
        assert session.scalar(select(func.count(Article.id))) == 1


def test_full_text_feed_screens_the_article_page(db: Database, tmp_path: Path, static_server) -> None:
    base, www = static_server
    paragraph = ("The statement came as officials in Moscow denied the claim and said the front line held, "
                 "while analysts in Kyiv and London questioned how long the arrangement could last. ")
    (www / "story.html").write_text(
        "<html><head><title>Story</title></head><body><nav>Home | World | Business</nav><article>"
        "<h1>Mercenary boss speaks</h1><p>Yevgeny Prigozhin said on Saturday that his fighters "
        f"would withdraw from Bakhmut after months of fighting.</p><p>{paragraph * 3}</p></article>"
        "<footer>Copyright</footer></body></html>", encoding="utf-8")
    (www / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>n</title><item><title>Mercenary boss '
        f"speaks</title><guid>s1</guid><link>{base}/story.html</link><description>A statement on the "
        "front.</description></item></channel></rss>", encoding="utf-8")
    import_path(db, "ofac-sdn", ROOT / "watchlists" / "ofac_sdn")
    with db.session() as session:
        session.add(Feed(url=f"{base}/feed.xml", name="plain"))
    settings = load_settings(None, {"home": str(tmp_path), "feeds": {"per_host_delay": 0}}, environ={})
    pipeline = Pipeline(settings, db)
    assert pipeline.check().hits_new == []  # the summary names nobody
    with db.session() as session:
        session.query(Article).delete()
        feed = session.scalar(select(Feed))
        feed.full_text, feed.etag, feed.last_modified = True, None, None
    report = pipeline.check()
    assert [h["source_id"] for h in report.hits_new] == ["21171"]
    with db.session() as session:
        text = session.scalar(select(Article.text))
        assert "Yevgeny Prigozhin said on Saturday" in text and "Copyright" not in text


def test_a_304_cycle_records_each_feeds_status(db: Database, tmp_path: Path, static_server) -> None:
    base, www = static_server
    (www / "a.xml").write_bytes(GOOD)
    (www / "b.xml").write_bytes(GOOD.replace(b"a1", b"b1").replace(b"a2", b"b2"))
    with db.session() as session:
        session.add_all([Feed(url=f"{base}/a.xml", name="a"), Feed(url=f"{base}/b.xml", name="b")])
    settings = load_settings(None, {"home": str(tmp_path), "feeds": {"per_host_delay": 0}}, environ={})
    pipeline = Pipeline(settings, db)
    first = pipeline.check()
    assert first.articles_new == 4 and {o.status for o in first.outcomes} == {200}
    with db.session() as session:
        polled = {f.name: f.next_poll_at for f in session.scalars(select(Feed))}
    second = pipeline.check()  # Last-Modified / If-Modified-Since: nothing changed
    assert second.articles_new == 0 and {o.status for o in second.outcomes} == {304}
    assert second.feeds_ok == 2
    with db.session() as session:
        for feed in session.scalars(select(Feed)):
            assert feed.last_status == 304 and feed.consecutive_failures == 0
            assert feed.next_poll_at >= polled[feed.name] and feed.articles_seen == 2
