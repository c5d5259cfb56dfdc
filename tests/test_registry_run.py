"""The feed registry, OPML, leases between two schedulers, `monitor run`, and the digest."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.alerts.digest import build_digest, digest_email, digest_file_html
from monitor.db import Database, Feed, Hit
from monitor.exc import MonitorError
from monitor.feeds.registry import (
    add_feed,
    claim_due_feeds,
    import_opml,
    release_feeds,
    remove_feed,
)

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="News">
    <outline text="BBC World" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
    <outline text="Guardian" type="rss" xmlUrl="https://www.theguardian.com/world/rss"/>
    <outline text="Bad" type="rss" xmlUrl="gopher://old.example/feed"/>
  </outline>
</body></opml>"""


def test_add_list_remove_and_opml(db: Database, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(OPML)
    with db.session() as session:
        result = import_opml(session, opml)
    assert [f["name"] for f in result["added"]] == ["BBC World", "Guardian"]
    assert result["rejected"][0]["url"] == "gopher://old.example/feed"
    with db.session() as session:
        again = import_opml(session, opml)
        assert len(again["added"]) == 0 and len(again["known"]) == 2
        feed, created = add_feed(session, "https://feeds.bbci.co.uk/news/world/rss.xml")
        assert not created
        with pytest.raises(MonitorError, match="at least 1m"):
            add_feed(session, "https://a.example/rss", interval="5s")
        with pytest.raises(MonitorError, match="no such feed file"):
            add_feed(session, str(tmp_path / "missing.xml"))
    with db.session() as session:
        removed = remove_feed(session, "Guardian")
        assert removed["url"] == "https://www.theguardian.com/world/rss"
    with db.session() as session:
        assert [f.name for f in session.scalars(select(Feed))] == ["BBC World"]


def test_opml_rejects_entity_expansion(db: Database, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
                    '<opml><body><outline xmlUrl="https://x.example/&b;"/></body></opml>')
    with db.session() as session, pytest.raises(MonitorError, match="not a readable OPML"):
        import_opml(session, bomb)


def test_two_schedulers_never_lease_the_same_feed(db: Database) -> None:
    with db.session() as session:
        for i in range(6):
            session.add(Feed(url=f"https://n{i}.example/rss", name=f"n{i}"))
    first = claim_due_feeds(db, "host-a:1", 600)
    second = claim_due_feeds(db, "host-b:2", 600)
    assert len(first) == 6 and second == []
    release_feeds(db, "host-a:1", first[:2])
    assert claim_due_feeds(db, "host-b:2", 600) == first[:2]
    # An expired lease (a crashed process) is taken over.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    assert sorted(claim_due_feeds(db, "host-c:3", 600, now=later)) == sorted(first)


def test_run_polls_and_stops_cleanly_on_sigterm(home: Path) -> None:
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--tick", "5"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        db = Database(f"sqlite:///{home / 'monitor.db'}")
        while time.time() < deadline:
            time.sleep(1)
            try:
                with db.session() as session:
                    if session.scalar(select(Hit.id).limit(1)) is not None:
                        break
            except Exception:  # the database is still being created
                continue
        else:
            pytest.fail("monitor run stored no hit in time")
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "SIGTERM received" in err and "monitor run: stopped" in err
    assert "poll: 1 feeds (0 failed), 7 new articles" in err


def test_digest_with_hits_and_for_an_empty_day(db: Database, tmp_path: Path) -> None:
    from monitor.pipeline import Pipeline
    from tests.test_alerts import _settings, _setup  # the same small list and feed helpers

    small = tmp_path / "cut"
    small.mkdir()
    root = Path(__file__).resolve().parent.parent / "watchlists" / "ofac_sdn"
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        lines = (root / name).read_bytes().split(b"\r\n")
        (small / name).write_bytes(b"\r\n".join(ln for ln in lines if ln.split(b",", 1)[0] in (b"22543", b"21171")))
    _setup(db, small, tmp_path, [("Wagner Group on the move", "x"), ("Prigozhin speaks", "Yevgeny Prigozhin said.")])
    Pipeline(_settings(tmp_path, None), db).check()
    today = dt.datetime.now(dt.UTC).date()
    with db.session() as session:
        digest = build_digest(session, today)
        html = digest_file_html(digest)
        msg = digest_email(digest, "monitor@bank.example", ["desk@bank.example"])
        empty = build_digest(session, today - dt.timedelta(days=3))
        empty_html = digest_file_html(empty)
    assert digest.total == 2 and {g["source_id"] for g in digest.groups} == {"22543", "21171"}
    assert all(g["new_entity"] for g in digest.groups) and digest.by_feed == {"wire": 2}
    assert digest.per_day[-1] == (today, 2) and len(digest.per_day) == 30
    assert "data:image/png;base64,iVBOR" in html and "PRIGOZHIN, Yevgeniy Viktorovich" in html
    assert "No hits on this day." in empty_html and empty.total == 0
    parts = {p.get_content_type(): p for p in msg.walk()}
    assert "image/png" in parts and parts["image/png"]["Content-ID"].strip("<>") in msg.get_body(("html",)).get_content()
    assert msg["Subject"] == f"[monitor] Daily digest {today.isoformat()}: 2 hit(s), 2 entities"
