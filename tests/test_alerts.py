"""Alerts over a real SMTP server (aiosmtpd, started here): content, escaping, outbox, retries."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from monitor.alerts.send import deliver_due
from monitor.config import load_settings
from monitor.db import Alert, Database, Feed, Hit
from monitor.pipeline import Pipeline
from monitor.review import review_hit
from monitor.watchlists import import_path

ROOT = Path(__file__).resolve().parent.parent
KEEP = {"22543", "21171"}  # Wagner, Prigozhin


class Recorder:
    """An SMTP handler that keeps what it receives and can refuse the next N messages."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refuse_next = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.refuse_next:
            self.refuse_next -= 1
            return "451 4.3.0 try again later"
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[tuple[Recorder, int]]:
    recorder = Recorder()
    port = _free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield recorder, port
    finally:
        controller.stop()


@pytest.fixture
def small_list(tmp_path: Path) -> Path:
    """The bundled SDN cut to Wagner and Prigozhin: the same format, imported in no time."""
    out = tmp_path / "sdn_cut"
    out.mkdir()
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        lines = (ROOT / "watchlists" / "ofac_sdn" / name).read_bytes().split(b"\r\n")
        kept = [ln for ln in lines if ln.split(b",", 1)[0].decode() in KEEP]
        (out / name).write_bytes(b"\r\n".join(kept) + b"\r\n")
    return out


def _feed(tmp_path: Path, items: list[tuple[str, str]], name: str = "feed.xml") -> Path:
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><title>{escape(title)}</title><guid>g{i}-{name}</guid><link>https://news.example/{i}</link>"
        f"<description>{escape(text)}</description></item>"
        for i, (title, text) in enumerate(items)
    )
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>',
                    encoding="utf-8")
    return path


def _settings(tmp_path: Path, port: int | None, **alerts):
    env = {"MONITOR_ALERT_FROM": "monitor@bank.example", "MONITOR_ALERT_TO": "desk@bank.example, cco@bank.example"}
    if port:
        env |= {"MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(port), "MONITOR_SMTP_TLS": "none"}
    overrides = {"home": str(tmp_path)}
    if alerts:
        overrides["alerts"] = alerts
    return load_settings(None, overrides, environ=env)


def _setup(db: Database, small_list: Path, tmp_path: Path, items: list[tuple[str, str]]) -> None:
    import_path(db, "ofac-sdn", small_list)
    with db.session() as session:
        session.add(Feed(url=str(_feed(tmp_path, items)), name="wire"))


def test_hit_email_has_both_parts_escaped_html_and_no_injected_header(
        db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    recorder, port = smtp
    _setup(db, small_list, tmp_path, [
        ("<script>alert(1)</script> Wagner Group\r\nBcc: spy@evil.example", "Fighters of the Wagner Group left Bakhmut."),
    ])
    report = Pipeline(_settings(tmp_path, port), db).check()
    assert len(report.hits_new) == 1 and report.delivery.sent == 1
    assert len(recorder.messages) == 1
    rcpts, msg = recorder.messages[0]
    assert sorted(rcpts) == ["cco@bank.example", "desk@bank.example"]
    assert "spy@evil.example" not in rcpts and msg["Bcc"] is None
    assert "\n" not in msg["Subject"] and "PRIVATE MILITARY COMPANY 'WAGNER'" in msg["Subject"]
    assert msg["Message-ID"].startswith("<monitor.hit-")
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert ">>>Wagner Group<<<" in text and "ofac-sdn 22543" in text
    assert "<script" not in html  # feedparser's sanitiser already drops it from titles
    assert "<mark" in html and ">Wagner Group</mark>" in html
    assert "sanctionssearch.ofac.treas.gov/Details.aspx?id=22543" in html
    with db.session() as session:
        alert = session.scalar(select(Alert))
        assert alert.status == "sent" and alert.attempts == 1 and alert.sent_at is not None


def test_untrusted_article_text_is_escaped_in_the_html(db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    """An article stored with raw markup in title and text (say from a full-text page)."""
    from monitor.db import Article, Entity
    from monitor.pipeline import prepare  # noqa: F401  (the schema exists: db fixture)

    recorder, port = smtp
    import_path(db, "ofac-sdn", small_list)
    title = "<script>alert(1)</script> Wagner"
    body = 'Wagner <img src=x onerror=alert(2)> fighters'
    with db.session() as session:
        feed = Feed(url="https://news.example/rss", name="<b>wire</b>")
        session.add(feed)
        session.flush()
        article = Article(feed_id=feed.id, key="k1", title=title, text=f"{title}\n\n{body}",
                          content_hash="0" * 64, link="https://news.example/1?a=1&b=<2>")
        session.add(article)
        session.flush()
        entity = session.scalar(select(Entity).where(Entity.source_id == "22543"))
        start = article.text.index("Wagner")
        hit = Hit(article_id=article.id, entity_id=entity.id, start=start, end=start + 6, text="Wagner",
                  matched_name="WAGNER GROUP", score=0.76, features={"mention": "partial"})
        session.add(hit)
        session.flush()
        from monitor.alerts import queue_alert
        queue_alert(session, hit, ["desk@bank.example"])
    assert deliver_due(db, _settings(tmp_path, port)).sent == 1
    (_r, msg), = recorder.messages
    html = msg.get_body(("html",)).get_content()
    assert "<script>" not in html and "<img" not in html and "<b>wire" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&amp;b=&lt;2&gt;" in html


def test_server_down_keeps_alerts_then_exactly_one_email_each(
        db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    recorder, port = smtp
    _setup(db, small_list, tmp_path, [("Wagner Group on the move", "x"), ("Prigozhin speaks", "Yevgeny Prigozhin said.")])
    dead = _free_port()  # nothing listens here
    report = Pipeline(_settings(tmp_path, dead), db).check()
    assert len(report.hits_new) == 2 and report.delivery.sent == 0 and report.delivery.deferred == 2
    assert report.alerts_queued == 2 and "ConnectionRefusedError" in report.delivery.errors[0]
    with db.session() as session:
        alerts = list(session.scalars(select(Alert)))
        assert {a.status for a in alerts} == {"queued"} and all(a.attempts == 1 for a in alerts)
        assert all(a.next_attempt_at > dt.datetime.now(dt.UTC) for a in alerts)
    # Not due yet: nothing is tried. Later, with the server back, each goes out once.
    live = _settings(tmp_path, port)
    assert deliver_due(db, live).sent == 0 and recorder.messages == []
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    assert deliver_due(db, live, now=later).sent == 2
    assert deliver_due(db, live, now=later + dt.timedelta(hours=1)).sent == 0
    assert len(recorder.messages) == 2
    assert len({m["Message-ID"] for _r, m in recorder.messages}) == 2


def test_451_then_250_and_failed_after_max_attempts(db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    recorder, port = smtp
    _setup(db, small_list, tmp_path, [("Wagner Group on the move", "x")])
    recorder.refuse_next = 1
    settings = _settings(tmp_path, port, max_attempts=3)
    report = Pipeline(settings, db).check()
    assert report.delivery.deferred == 1 and "SMTP 451" in report.delivery.errors[0]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert deliver_due(db, settings, now=later).sent == 1
    assert len(recorder.messages) == 1
    # A server that keeps refusing: after max_attempts the alert is failed and shown as such.
    _feed(tmp_path, [("Prigozhin speaks", "Yevgeny Prigozhin said.")], name="feed2.xml")
    with db.session() as session:
        session.add(Feed(url=str(tmp_path / "feed2.xml"), name="wire2"))
    recorder.refuse_next = 10
    Pipeline(settings, db).check(deliver=False)
    for i in range(3):
        deliver_due(db, settings, now=later + dt.timedelta(days=i + 1))
    with db.session() as session:
        failed = session.scalar(select(Alert).where(Alert.status == "failed"))
        assert failed is not None and failed.attempts == 3 and "451" in failed.last_error


def test_cycle_mode_batches_hits_into_one_email(db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    recorder, port = smtp
    _setup(db, small_list, tmp_path, [("Wagner Group on the move", "x"), ("Prigozhin speaks", "Yevgeny Prigozhin said.")])
    report = Pipeline(_settings(tmp_path, port, mode="cycle"), db).check()
    assert report.delivery.sent == 2 and report.delivery.emails == 1
    (_rcpts, msg), = recorder.messages
    assert msg["Subject"].startswith("[monitor] 2 new hits")
    html = msg.get_body(("html",)).get_content()
    assert "PRIGOZHIN, Yevgeniy Viktorovich" in html and "PRIVATE MILITARY COMPANY" in html


def test_routing_rules_add_recipients_by_program_and_score(
        db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    recorder, port = smtp
    _setup(db, small_list, tmp_path, [("Wagner Group on the move", "x"), ("Prigozhin speaks", "Yevgeny Prigozhin said.")])
    rules = [{"to": ["tco@bank.example"], "program": ["TCO"]},
             {"to": ["high@bank.example"], "min_score": 0.95, "schema": ["Person"]}]
    Pipeline(_settings(tmp_path, port, rules=rules), db).check()
    by_subject = {("WAGNER" in m["Subject"]): set(r) for r, m in recorder.messages}
    assert "tco@bank.example" in by_subject[True] and "high@bank.example" not in by_subject[True]
    assert "high@bank.example" in by_subject[False] and "tco@bank.example" not in by_subject[False]


def test_suppressed_phrase_does_not_alert_again(db: Database, small_list: Path, tmp_path: Path) -> None:
    _setup(db, small_list, tmp_path, [("Wagner Group on the move", "x")])
    settings = _settings(tmp_path, None)
    report = Pipeline(settings, db).check()
    hit_id = report.hits_new[0]["hit_id"]
    with db.session() as session:
        review_hit(session, hit_id, "dismissed", "analyst", "not the entity", suppress=True)
    with db.session() as session:
        assert session.scalar(select(Alert)).status == "cancelled"
    _feed(tmp_path, [("WAGNER GROUP again", "more")], name="feed2.xml")
    with db.session() as session:
        session.add(Feed(url=str(tmp_path / "feed2.xml"), name="other"))
    again = Pipeline(settings, db).check()
    assert again.articles_new == 1 and again.hits_new == []
    with db.session() as session:
        assert len(list(session.scalars(select(Hit)))) == 1


def test_cli_check_without_smtp_says_alerts_stay_queued(home: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "monitor", "-q", "check"], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "alerts stay queued: no SMTP host configured" in proc.stderr


def test_digest_is_sent_even_for_an_empty_day(db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    from monitor.alerts.send import send_digest

    recorder, port = smtp
    import_path(db, "ofac-sdn", small_list)
    day = dt.date(2026, 1, 2)
    result = send_digest(db, _settings(tmp_path, port), day)
    assert sorted(result["sent_to"]) == ["cco@bank.example", "desk@bank.example"] and result["hits"] == 0
    (_r, msg), = recorder.messages
    assert msg["Subject"] == "[monitor] Daily digest 2026-01-02: 0 hit(s), 0 entities"
    assert "No hits on this day." in msg.get_body(("plain",)).get_content()
    assert any(p.get_content_type() == "image/png" for p in msg.walk())


def test_alerts_queued_before_recipients_were_set_go_to_the_default_list(
        db: Database, small_list: Path, tmp_path: Path, smtp) -> None:
    recorder, port = smtp
    _setup(db, small_list, tmp_path, [("Wagner Group on the move", "x")])
    bare = load_settings(None, {"home": str(tmp_path)}, environ={})
    assert Pipeline(bare, db).check().alerts_queued == 1  # no SMTP, no recipients yet
    report = deliver_due(db, _settings(tmp_path, port))
    assert report.sent == 1
    assert sorted(recorder.messages[0][0]) == ["cco@bank.example", "desk@bank.example"]
