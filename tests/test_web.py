"""The review desk over real HTTP (uvicorn in a thread): logins, roles, CSRF, escaping, API."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy import select

from monitor.alerts import queue_alert
from monitor.config import load_settings
from monitor.db import Article, AuditLog, Database, Entity, Feed, Hit, Suppression
from monitor.users import add_user
from monitor.watchlists import import_path
from monitor.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def desk(db: Database, tmp_path: Path) -> Iterator[tuple[str, Database, dict[str, int]]]:
    cut = tmp_path / "cut"
    cut.mkdir()
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        lines = (ROOT / "watchlists" / "ofac_sdn" / name).read_bytes().split(b"\r\n")
        (cut / name).write_bytes(b"\r\n".join(ln for ln in lines if ln.split(b",", 1)[0] in (b"22543", b"21171")))
    import_path(db, "ofac-sdn", cut)
    ids: dict[str, int] = {}
    with db.session() as session:
        add_user(session, "ana", PASSWORD, "analyst")
        add_user(session, "root", PASSWORD, "admin")
        feed = Feed(url="https://news.example/rss", name="wire")
        session.add(feed)
        session.flush()
        wagner = session.scalar(select(Entity).where(Entity.source_id == "22543"))
        for i, title in enumerate(["<img src=x onerror=alert(1)> Wagner Group", "Wagner Group moves", "Quiet day"]):
            article = Article(feed_id=feed.id, key=f"k{i}", title=title, text=f"{title}\n\nBody {i}.",
                              content_hash=f"{i:064d}", link=f"https://news.example/{i}")
            session.add(article)
            session.flush()
            if "Wagner" in title:
                start = article.text.index("Wagner Group")
                hit = Hit(article_id=article.id, entity_id=wagner.id, start=start, end=start + 12,
                          text="Wagner Group", matched_name="WAGNER GROUP", score=1.0, features={"mention": "full"})
                session.add(hit)
                session.flush()
                queue_alert(session, hit, ["desk@bank.example"])
                ids[f"hit{i}"] = hit.id
    settings = load_settings(None, {"home": str(tmp_path)}, environ={})
    with _serving(create_app(settings, db)) as base:
        yield base, db, ids


@contextlib.contextmanager
def _serving(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app behind a real uvicorn server in a thread, as `monitor serve` runs it."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field on the page"
    return match.group(1)


def _login(base: str, name: str, password: str = PASSWORD) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=10)
    token = _csrf(client.get("/login").text)
    response = client.post("/login", data={"name": name, "password": password, "csrf": token})
    assert response.status_code == 303, response.text
    return client


def test_everything_but_login_and_health_needs_a_login(desk) -> None:
    base, _db, ids = desk
    anon = httpx.Client(base_url=base, follow_redirects=False, timeout=10)
    assert anon.get("/health").json() == {"status": "ok"}
    assert anon.get("/login").status_code == 200
    for path in ("/", f"/hits/{ids['hit0']}", "/entities/1", "/feeds", "/watchlists", "/digest", "/audit"):
        response = anon.get(path)
        assert response.status_code == 303 and response.headers["location"] == "/login", path
    for path in ("/api/hits", f"/api/hits/{ids['hit0']}", "/api/session", "/api/openapi.json", "/api/docs"):
        assert anon.get(path).status_code == 401, path
    assert anon.post(f"/api/hits/{ids['hit0']}/review", json={"status": "dismissed"}).status_code == 401
    assert anon.post(f"/hits/{ids['hit0']}/review", data={"status": "dismissed"}).status_code == 303


def test_login_failures_are_limited_and_cookies_are_safe(desk, tmp_path: Path) -> None:
    base, db, _ids = desk
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=10)
    token = _csrf(client.get("/login").text)
    assert client.post("/login", data={"name": "ana", "password": "nope", "csrf": "forged"}).status_code == 403
    for _ in range(5):
        assert client.post("/login", data={"name": "ana", "password": "wrong!", "csrf": token}).status_code == 401
    limited = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": token})
    assert limited.status_code == 429  # even the right password, until the window passes
    # A second worker process over the same database keeps the count (it is in the audit log).
    settings = load_settings(None, {"home": str(tmp_path / "second")}, environ={})
    with _serving(create_app(settings, db)) as second:
        worker = httpx.Client(base_url=second, follow_redirects=False, timeout=10)
        token2 = _csrf(worker.get("/login").text)
        assert worker.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": token2}).status_code == 429
        token2 = _csrf(worker.get("/login").text)
        assert worker.post("/login", data={"name": "root", "password": PASSWORD, "csrf": token2}).status_code == 303
    ok = _login(base, "root")
    cookie = ok.cookies.jar
    assert any(c.name == "monitor_session" for c in cookie)
    raw = httpx.Client(base_url=base, timeout=10).get("/login").headers["set-cookie"].lower()
    assert "httponly" in raw and "samesite=strict" in raw
    headers = ok.get("/").headers
    assert "default-src 'self'" in headers["content-security-policy"] and headers["x-frame-options"] == "DENY"
    with db.session() as session:
        actions = [a.action for a in session.scalars(select(AuditLog).where(AuditLog.action.like("login%")))]
    assert actions.count("login.failed") == 5 and "login" in actions


def test_queue_escapes_article_text_and_pages(desk) -> None:
    base, _db, ids = desk
    client = _login(base, "ana")
    page = client.get("/").text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt; Wagner Group" in page
    hit_page = client.get(f"/hits/{ids['hit0']}").text
    assert "<img src=x" not in hit_page and '<mark id="span">Wagner Group</mark>' in hit_page
    assert client.get("/?status=new&entity=wagner").text.count('class="hit-row"') == 2
    assert client.get("/?status=new&entity=putin").text.count('class="hit-row"') == 0
    data = client.get("/api/hits", params={"status": "new", "min_score": 0.9}).json()
    assert [h["hit_id"] for h in data["hits"]] == sorted(ids.values(), reverse=True)
    one = client.get("/api/hits", params={"before": max(ids.values())}).json()
    assert [h["hit_id"] for h in one["hits"]] == [min(ids.values())]


def test_review_needs_csrf_then_dismiss_with_suppression_is_audited(desk) -> None:
    base, db, ids = desk
    client = _login(base, "ana")
    hit_id = ids["hit0"]
    refused = client.post(f"/hits/{hit_id}/review", data={"status": "dismissed", "note": "x"})
    assert refused.status_code == 403
    refused_api = client.post(f"/api/hits/{hit_id}/review", json={"status": "dismissed"})
    assert refused_api.status_code == 403
    with db.session() as session:
        assert session.get(Hit, hit_id).status == "new"
    token = _csrf(client.get(f"/hits/{hit_id}").text)
    done = client.post(f"/hits/{hit_id}/review",
                       data={"status": "dismissed", "note": "the composer", "suppress": "1", "csrf": token})
    assert done.status_code == 303
    page = client.get(f"/hits/{hit_id}").text
    assert 'id="status">dismissed<' in page and "the composer" in page
    assert client.get("/?status=new").text.count('class="hit-row"') == 1
    api_token = client.get("/api/session").json()["csrf"]
    reopened = client.post(f"/api/hits/{ids['hit1']}/review", json={"status": "confirmed", "note": "ok"},
                           headers={"X-CSRF-Token": api_token})
    assert reopened.status_code == 200 and reopened.json()["status"] == "confirmed"
    with db.session() as session:
        assert session.scalar(select(Suppression)).phrase == "wagner group"
        reviews = [(a.actor, a.details["from"], a.details["to"]) for a in
                   session.scalars(select(AuditLog).where(AuditLog.action == "hit.review").order_by(AuditLog.id))]
    assert reviews == [("ana", "new", "dismissed"), ("ana", "new", "confirmed")]
    assert "suppression.add" in client.get("/audit").text


def test_analysts_cannot_manage_feeds_admins_can(desk) -> None:
    base, db, _ids = desk
    analyst = _login(base, "ana")
    token = _csrf(analyst.get("/feeds").text)
    assert analyst.post("/feeds", data={"url": "https://a.example/rss", "csrf": token}).status_code == 403
    admin = _login(base, "root")
    token = _csrf(admin.get("/feeds").text)
    assert admin.post("/feeds", data={"url": "https://a.example/rss", "name": "a", "csrf": token}).status_code == 303
    with db.session() as session:
        assert session.scalar(select(Feed).where(Feed.name == "a")) is not None
    assert admin.get("/api/openapi.json").json()["info"]["title"] == "monitor review desk"


def test_a_disabled_user_is_logged_out(desk) -> None:
    from monitor.users import disable_user

    base, db, _ids = desk
    client = _login(base, "ana")
    assert client.get("/").status_code == 200
    with db.session() as session:
        disable_user(session, "ana")
    assert client.get("/").status_code == 303


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_analyst_triages_a_hit_in_a_real_browser(desk) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, db, ids = desk
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page()
        page.goto(f"{base}/")
        expect(page).to_have_url(f"{base}/login")
        page.fill("input[name=name]", "ana")
        page.fill("input[name=password]", PASSWORD)
        page.click("#login")
        expect(page.locator("#queue .hit-row")).to_have_count(2)
        page.fill("input[name=entity]", "wagner")
        page.click("#filter")
        expect(page.locator("#queue .hit-row")).to_have_count(2)
        page.click(f"a[href='/hits/{ids['hit0']}']")
        expect(page.locator("mark#span")).to_have_text("Wagner Group")
        expect(page.locator("#article")).to_contain_text("<img src=x onerror=alert(1)>")  # shown as text
        page.select_option("#review-status", "dismissed")
        page.fill("#note", "not the entity: a test title")
        page.check("#suppress")
        page.click("#submit-review")
        expect(page.locator("#status")).to_have_text("dismissed")
        expect(page.locator("#history")).to_contain_text("not the entity: a test title")
        page.goto(f"{base}/?status=new")
        expect(page.locator("#queue .hit-row")).to_have_count(1)
        page.goto(f"{base}/audit")
        expect(page.locator("#audit")).to_contain_text("suppression.add")
        expect(page.locator("#audit")).to_contain_text("hit.review")
        browser.close()
    with db.session() as session:
        assert session.get(Hit, ids["hit0"]).status == "dismissed"


def test_the_filter_form_with_empty_fields_works(desk) -> None:
    base, _db, _ids = desk
    client = _login(base, "ana")
    response = client.get("/", params={"status": "new", "source": "", "entity": "wagner", "feed": "",
                                       "min_score": "", "since": ""})
    assert response.status_code == 200 and response.text.count('class="hit-row"') == 2
    assert client.get("/", params={"min_score": "high"}).status_code == 400


def test_admin_manages_users_and_feeds_analyst_cannot(desk) -> None:
    base, db, _ids = desk
    analyst = _login(base, "ana")
    token = _csrf(analyst.get("/").text)
    assert analyst.get("/users").status_code == 403
    for path, data in (("/users", {"name": "eve", "password": "x" * 12}), ("/users/root/disable", {}),
                       ("/feeds/1/remove", {}), ("/watchlists/ofac-sdn/refresh", {})):
        assert analyst.post(path, data=data | {"csrf": token}).status_code == 403, path
    admin = _login(base, "root")
    token = _csrf(admin.get("/users").text)
    assert admin.post("/users", data={"name": "eve", "password": "long enough pw", "role": "analyst",
                                      "csrf": token}).status_code == 303
    assert admin.post("/users", data={"name": "short", "password": "short", "csrf": token}).status_code == 400
    assert admin.post("/users/eve/disable", data={"csrf": "forged"}).status_code == 403
    assert admin.post("/users/eve/disable", data={"csrf": token}).status_code == 303
    assert admin.post("/feeds/1/remove", data={"csrf": token}).status_code == 303
    with db.session() as session:
        actions = [a.action for a in session.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert {"user.add", "user.disable", "feed.remove"} <= set(actions)
    eve = httpx.Client(base_url=base, follow_redirects=False, timeout=10)
    token = _csrf(eve.get("/login").text)
    assert eve.post("/login", data={"name": "eve", "password": "long enough pw", "csrf": token}).status_code == 401
