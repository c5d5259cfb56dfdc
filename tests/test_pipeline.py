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
