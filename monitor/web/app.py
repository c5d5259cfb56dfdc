"""The review desk (FastAPI, server-rendered Jinja2 pages, a JSON API beside them).

Every page and endpoint needs a login except /login and /health. Sessions live in a signed
cookie (HttpOnly, SameSite=strict; Secure unless served on localhost). Every state-changing
request carries the session's CSRF token (a form field, or the X-CSRF-Token header for the
API). Failed logins are limited per client and name. Article text is untrusted: templates
autoescape, and the security headers forbid scripts from anywhere but this site.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import time
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from starlette.middleware.sessions import SessionMiddleware

from monitor.config import Settings
from monitor.db import Article, AuditLog, Database, Entity, EntityName, Feed, Hit, User
from monitor.exc import MonitorError, NotFoundError
from monitor.review import hit_row, review_hit
from monitor.users import authenticate

PAGE_SIZE = 50
LOGIN_LIMIT = 5  # failed attempts per client and name ...
LOGIN_WINDOW_S = 15 * 60  # ... in this window
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


class ReviewIn(BaseModel):
    status: str
    note: str = ""
    suppress: bool = False


class LoginRequired(Exception):
    pass


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): security headers on every
    response, and the API description only for a logged-in session."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in ("/api/docs", "/api/openapi.json") and not scope.get("session", {}).get("user"):
            await JSONResponse({"detail": "login required"}, status_code=401, headers=SECURITY_HEADERS)(
                scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _v in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _secret(settings: Settings) -> str:
    """The cookie signing key, made once and kept in the data directory."""
    path = settings.home / "web-secret"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(settings: Settings, db: Database, secure_cookies: bool = False) -> FastAPI:
    app = FastAPI(title="monitor review desk", docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json")

    app.add_middleware(SecurityHeaders)

    # Added last, so it runs first: the session is there for everything above.
    app.add_middleware(SessionMiddleware, secret_key=_secret(settings), session_cookie="monitor_session",
                       same_site="strict", https_only=secure_cookies, max_age=12 * 3600)

    @app.exception_handler(MonitorError)
    async def monitor_error(_request: Request, exc: MonitorError) -> Response:
        # The project's errors, one place: what is missing is a 404, anything else a 400.
        return JSONResponse({"detail": str(exc)}, status_code=404 if isinstance(exc, NotFoundError) else 400)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, _exc: LoginRequired) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "login required"}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("user", request.session.get("user"))
        context["csrf"] = _csrf_token(request)
        return HTMLResponse(_env.get_template(template).render(**context), status_code=status)

    def current_user(request: Request) -> dict[str, Any]:
        user = request.session.get("user")
        if not user:
            raise LoginRequired
        with db.session() as session:
            row = session.get(User, user["id"])
            if row is None or row.disabled:
                request.session.clear()
                raise LoginRequired
        return user

    def admin(user: dict[str, Any] = Depends(current_user)) -> dict[str, Any]:  # noqa: B008
        if user["role"] != "admin":
            raise HTTPException(403, "admins only")
        return user

    def check_csrf(request: Request, token: str | None) -> None:
        expected = request.session.get("csrf")
        if not expected or not token or not hmac.compare_digest(expected, token):
            raise HTTPException(403, "missing or wrong CSRF token")

    # -- open ------------------------------------------------------------------------------

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        with db.session() as session:
            session.execute(select(1))
        return {"status": "ok"}

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        return render(request, "login.html", error=None)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, name: str = Form(""), password: str = Form(""),
              csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        client = request.client.host if request.client else "?"
        # Failed attempts are counted in the audit log, so every worker process (and a restart)
        # sees the same count.
        actor = name[:128] or "?"
        since = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=LOGIN_WINDOW_S)
        with db.session() as session:
            recent = [d for d in session.scalars(
                select(AuditLog.details).where(AuditLog.action == "login.failed", AuditLog.actor == actor,
                                               AuditLog.at >= since)) if (d or {}).get("client") == client]
            if len(recent) >= LOGIN_LIMIT:
                return render(request, "login.html", status=429, error="Too many failed attempts; try again later.")
            user = authenticate(session, name, password)
            found = {"id": user.id, "name": user.name, "role": user.role} if user else None
            session.add(AuditLog(actor=actor, action="login" if user else "login.failed",
                                 target_type="user", target_id=user.id if user else None,
                                 details={"client": client}))
        if found is None:
            return render(request, "login.html", status=401, error="Wrong name or password.")
        request.session.clear()  # a fresh session (and CSRF token) at login
        request.session["user"] = found
        return RedirectResponse("/", status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")) -> Response:
        check_csrf(request, csrf)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    # -- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def queue(request: Request, user: dict = Depends(current_user), status: str = "new",  # noqa: B008
              source: str = "", entity: str = "", feed: str = "", min_score: str = "",
              since: str = "", before: str = "") -> HTMLResponse:
        # Empty form fields arrive as "": read numbers leniently, a bad one is a 400.
        try:
            score = float(min_score) if min_score.strip() else 0.0
            before_id = int(before) if before.strip() else None
        except ValueError:
            raise HTTPException(400, "min_score must be a number and before a hit id") from None
        rows, more = _query_hits(db, status, source, entity, feed, score, since, before_id)
        counts = _status_counts(db)
        return render(request, "queue.html", rows=rows, more=more, counts=counts,
                      filters={"status": status, "source": source, "entity": entity, "feed": feed,
                               "min_score": score, "since": since})

    @app.get("/hits/{hit_id}", response_class=HTMLResponse, include_in_schema=False)
    def hit_page(request: Request, hit_id: int, user: dict = Depends(current_user)) -> HTMLResponse:  # noqa: B008
        data = _hit_detail(db, hit_id)
        return render(request, "hit.html", **data)

    @app.post("/hits/{hit_id}/review", include_in_schema=False)
    def review_form(request: Request, hit_id: int, status: str = Form(...), note: str = Form(""),
                    suppress: str = Form(""), csrf: str = Form(""),
                    user: dict = Depends(current_user)) -> Response:  # noqa: B008
        check_csrf(request, csrf)
        _review(db, hit_id, status, note, bool(suppress), user)
        return RedirectResponse(f"/hits/{hit_id}", status_code=303)

    @app.post("/hits/bulk", include_in_schema=False)
    async def bulk(request: Request, user: dict = Depends(current_user)) -> Response:  # noqa: B008
        form = await request.form()
        check_csrf(request, str(form.get("csrf", "")))
        status = str(form.get("status", ""))
        note = str(form.get("note", ""))
        for value in form.getlist("hit_id"):
            _review(db, int(value), status, note, bool(form.get("suppress")), user)
        return RedirectResponse(str(form.get("back") or "/"), status_code=303)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: int, user: dict = Depends(current_user)) -> HTMLResponse:  # noqa: B008
        with db.session() as session:
            entity = session.get(Entity, entity_id)
            if entity is None:
                raise HTTPException(404, "no such entity")
            names = list(session.scalars(select(EntityName).where(EntityName.entity_id == entity_id)
                                         .order_by(EntityName.position)))
            hits = [hit_row(h) for h in session.scalars(
                select(Hit).where(Hit.entity_id == entity_id).options(selectinload(Hit.article), selectinload(Hit.entity))
                .order_by(Hit.created_at.desc()).limit(500))]
            return render(request, "entity.html", entity=entity, names=names, hits=hits)

    @app.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
    def feeds_page(request: Request, user: dict = Depends(current_user)) -> HTMLResponse:  # noqa: B008
        from monitor.feeds.registry import list_feeds

        with db.session() as session:
            return render(request, "feeds.html", feeds=list_feeds(session))

    @app.post("/feeds", include_in_schema=False)
    def add_feed_form(request: Request, url: str = Form(...), name: str = Form(""), csrf: str = Form(""),
                      user: dict = Depends(admin)) -> Response:  # noqa: B008
        from monitor.feeds.registry import add_feed

        check_csrf(request, csrf)
        with db.session() as session:
            add_feed(session, url, name or None, settings.feeds.default_interval)
            session.add(AuditLog(actor=user["name"], action="feed.add", target_type="feed", details={"url": url}))
        return RedirectResponse("/feeds", status_code=303)

    @app.post("/feeds/{feed_id}/remove", include_in_schema=False)
    def remove_feed_form(request: Request, feed_id: int, csrf: str = Form(""),
                         user: dict = Depends(admin)) -> Response:  # noqa: B008
        from monitor.feeds.registry import remove_feed

        check_csrf(request, csrf)
        with db.session() as session:
            row = remove_feed(session, str(feed_id))
            session.add(AuditLog(actor=user["name"], action="feed.remove", target_type="feed", target_id=feed_id,
                                 details={"url": row["url"]}))
        return RedirectResponse("/feeds", status_code=303)

    @app.post("/watchlists/{source}/refresh", include_in_schema=False)
    def refresh_form(request: Request, source: str, csrf: str = Form(""),
                     user: dict = Depends(admin)) -> Response:  # noqa: B008
        from monitor.pipeline import rescreen
        from monitor.watchlists.refresh import refresh

        check_csrf(request, csrf)
        (result,) = refresh(db, settings, source)
        rescreen(db, settings, result.new_name_entity_ids)
        with db.session() as session:
            session.add(AuditLog(actor=user["name"], action="watchlist.refresh", target_type="watchlist",
                                 details=result.as_dict()))
        return RedirectResponse("/watchlists", status_code=303)

    @app.get("/users", response_class=HTMLResponse, include_in_schema=False)
    def users_page(request: Request, user: dict = Depends(admin)) -> HTMLResponse:  # noqa: B008
        from monitor.users import list_users

        with db.session() as session:
            return render(request, "users.html", users=list_users(session), error=None)

    @app.post("/users", include_in_schema=False)
    def add_user_form(request: Request, name: str = Form(...), password: str = Form(...),
                      role: str = Form("analyst"), csrf: str = Form(""),
                      user: dict = Depends(admin)) -> Response:  # noqa: B008
        from monitor.users import add_user

        check_csrf(request, csrf)
        with db.session() as session:
            add_user(session, name, password, role, actor=user["name"])
        return RedirectResponse("/users", status_code=303)

    @app.post("/users/{name}/disable", include_in_schema=False)
    def disable_user_form(request: Request, name: str, csrf: str = Form(""),
                          user: dict = Depends(admin)) -> Response:  # noqa: B008
        from monitor.users import disable_user

        check_csrf(request, csrf)
        with db.session() as session:
            disable_user(session, name, actor=user["name"])
        return RedirectResponse("/users", status_code=303)

    @app.get("/watchlists", response_class=HTMLResponse, include_in_schema=False)
    def watchlists_page(request: Request, user: dict = Depends(current_user)) -> HTMLResponse:  # noqa: B008
        from monitor.queries import diff_versions, list_sources

        with db.session() as session:
            sources = list_sources(session)
            diffs = {}
            for src in sources:
                try:
                    diffs[src["source"]] = diff_versions(session, src["source"])
                except MonitorError:
                    diffs[src["source"]] = None
            return render(request, "watchlists.html", sources=sources, diffs=diffs)

    @app.get("/digest", response_class=HTMLResponse, include_in_schema=False)
    def digest_page(request: Request, date: str = "", user: dict = Depends(current_user)) -> HTMLResponse:  # noqa: B008
        from monitor.alerts.digest import build_digest, digest_file_html

        try:
            day = dt.date.fromisoformat(date) if date else dt.datetime.now(dt.UTC).date()
        except ValueError:
            raise HTTPException(400, "date must be YYYY-MM-DD") from None
        with db.session() as session:
            return HTMLResponse(digest_file_html(build_digest(session, day)))

    @app.get("/audit", response_class=HTMLResponse, include_in_schema=False)
    def audit_page(request: Request, user: dict = Depends(current_user)) -> HTMLResponse:  # noqa: B008
        from monitor.review import audit_entries

        with db.session() as session:
            return render(request, "audit.html", entries=audit_entries(session, 200))

    # -- JSON API ----------------------------------------------------------------------------

    @app.get("/api/hits")
    def api_hits(status: str = "", source: str = "", entity: str = "", feed: str = "", min_score: float = 0.0,
                 since: str = "", before: int | None = None,
                 user: dict = Depends(current_user)) -> dict[str, Any]:  # noqa: B008
        """Hits, newest first, filtered; page with `before` = the last hit_id of a page."""
        rows, more = _query_hits(db, status, source, entity, feed, min_score, since, before)
        return {"hits": rows, "next_before": rows[-1]["hit_id"] if more and rows else None}

    @app.get("/api/hits/{hit_id}")
    def api_hit(hit_id: int, user: dict = Depends(current_user)) -> dict[str, Any]:  # noqa: B008
        data = _hit_detail(db, hit_id)
        return {"hit": data["row"], "features": data["hit"].features, "article_text": data["article"].text,
                "entity_names": [n.name for n in data["names"]], "history": data["history"]}

    @app.post("/api/hits/{hit_id}/review")
    def api_review(hit_id: int, body: ReviewIn, request: Request,
                   user: dict = Depends(current_user)) -> dict[str, Any]:  # noqa: B008
        """Confirm, dismiss (optionally suppress) or reopen a hit. Needs the X-CSRF-Token header."""
        check_csrf(request, request.headers.get("x-csrf-token"))
        return _review(db, hit_id, body.status, body.note, body.suppress, user)

    @app.get("/api/session")
    def api_session(request: Request, user: dict = Depends(current_user)) -> dict[str, Any]:  # noqa: B008
        """Who is logged in, and the CSRF token to send with state-changing API calls."""
        return {"user": user, "csrf": _csrf_token(request)}

    return app


def _csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def _review(db: Database, hit_id: int, status: str, note: str, suppress: bool, user: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:  # review_hit checks the status; its errors map to 400/404
        return review_hit(session, hit_id, status, user["name"], note, suppress and status == "dismissed")


def _query_hits(db: Database, status: str, source: str, entity: str, feed: str, min_score: float, since: str,
                before: int | None) -> tuple[list[dict[str, Any]], bool]:
    """One page of hits, newest first: one query over the columns a list shows (no article
    text, no entity remarks), keyset-paged on the hit id so page 2,000 costs what page 1 does."""
    query = (
        select(Hit.id, Hit.status, Hit.score, Hit.entity_id, Entity.source, Entity.source_id, Entity.name,
               Entity.schema, Hit.matched_name, Hit.text, Hit.start, Hit.end, Hit.article_id, Article.title,
               Article.link, Article.feed_id, Hit.created_at)
        .join(Entity, Entity.id == Hit.entity_id)
        .join(Article, Article.id == Hit.article_id)
        .order_by(Hit.id.desc())
    )
    if status:
        query = query.where(Hit.status == status)
    if source:
        query = query.where(Entity.source == source)
    if entity:
        # The few entities named so first (the hit table's entity index does the rest).
        query = query.where(Hit.entity_id.in_(_entities_named(db, entity) or [-1]))
    if feed:
        query = query.join(Feed, Feed.id == Article.feed_id).where((Feed.name == feed) | (Feed.url == feed))
    if min_score:
        query = query.where(Hit.score >= min_score)
    if since:
        try:
            query = query.where(Hit.created_at >= dt.datetime.fromisoformat(since).replace(tzinfo=dt.UTC))
        except ValueError:
            raise HTTPException(400, "since must be YYYY-MM-DD") from None
    if before:
        query = query.where(Hit.id < before)
    with db.session() as session:
        rows = session.execute(query.limit(PAGE_SIZE + 1)).all()
    out = [{
        "hit_id": r.id, "status": r.status, "score": r.score, "entity_id": r.entity_id, "source": r.source,
        "source_id": r.source_id, "name": r.name, "schema": r.schema, "matched_name": r.matched_name,
        "text": r.text, "start": r.start, "end": r.end, "article_id": r.article_id, "article_title": r.title,
        "article_url": r.link, "feed_id": r.feed_id, "created_at": r.created_at.isoformat(),
    } for r in rows[:PAGE_SIZE]]
    return out, len(rows) > PAGE_SIZE


_NAMED: dict[tuple[str, str], tuple[float, list[int]]] = {}
NAMED_TTL_S = 60.0


def _entities_named(db: Database, fragment: str) -> list[int]:
    """Ids of the entities whose name contains `fragment`, kept a minute: lists change by
    import, a few times a day, while the queue is filtered by the same names again and again
    (an entity a new list version adds shows in the filter within the minute)."""
    key = (db.url, fragment.upper())
    now = time.monotonic()
    found = _NAMED.get(key)
    if found is None or now - found[0] > NAMED_TTL_S:
        like = f"%{fragment.upper().replace('%', '').replace('_', '')}%"
        with db.session() as session:
            ids = list(session.scalars(select(Entity.id).where(func.upper(Entity.name).like(like)).limit(1000)))
        if len(_NAMED) > 1000:
            _NAMED.clear()
        found = _NAMED[key] = (now, ids)
    return found[1]


_COUNTS: dict[str, Any] = {"at": 0.0, "value": {}}
COUNTS_TTL_S = 10.0


def _status_counts(db: Database) -> dict[str, int]:
    """Hits per status for the queue's header, recounted at most every 10 s (a full count)."""
    now = time.monotonic()
    if now - _COUNTS["at"] > COUNTS_TTL_S or _COUNTS.get("db") is not db:
        with db.session() as session:
            _COUNTS["value"] = dict(session.execute(select(Hit.status, func.count(Hit.id)).group_by(Hit.status)).all())
        _COUNTS["at"], _COUNTS["db"] = now, db
    return dict(_COUNTS["value"])


def _hit_detail(db: Database, hit_id: int) -> dict[str, Any]:
    with db.session() as session:
        hit = session.scalar(select(Hit).where(Hit.id == hit_id)
                             .options(selectinload(Hit.article).selectinload(Article.feed), selectinload(Hit.entity)))
        if hit is None:
            raise HTTPException(404, "no such hit")
        text = hit.article.text or ""
        names = list(session.scalars(select(EntityName).where(EntityName.entity_id == hit.entity_id)
                                     .order_by(EntityName.position)))
        earlier = [hit_row(h) for h in session.scalars(
            select(Hit).where(Hit.entity_id == hit.entity_id, Hit.id != hit.id)
            .options(selectinload(Hit.article), selectinload(Hit.entity)).order_by(Hit.id.desc()).limit(20))]
        history = [{"at": a.at.isoformat(), "actor": a.actor, "details": a.details} for a in session.scalars(
            select(AuditLog).where(AuditLog.target_type == "hit", AuditLog.target_id == hit.id).order_by(AuditLog.id))]
        session.expunge_all()
        return {"hit": hit, "row": hit_row(hit), "article": hit.article, "entity": hit.entity, "names": names,
                "before": text[: hit.start], "span": text[hit.start : hit.end], "after": text[hit.end :],
                "earlier": earlier, "history": history}


def app_from_environment() -> FastAPI:
    """The app as uvicorn's worker processes build it (`monitor serve --workers N`): settings
    from the environment, which `monitor serve` fills from its own flags."""
    import os

    from monitor.config import load_settings

    settings = load_settings()
    return create_app(settings, Database(settings.effective_database_url),
                      secure_cookies=os.environ.get("MONITOR_WEB_SECURE_COOKIES") == "1")
