"""The command line: parse, call, print. No business logic lives here."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from sqlalchemy.exc import OperationalError

from monitor.config import Settings, load_settings
from monitor.db import Database
from monitor.exc import DatabaseError, MonitorError

log = logging.getLogger("monitor")


class Context:
    def __init__(self, config: str | None, overrides: dict[str, Any], verbose: int) -> None:
        self._config = config
        self._overrides = overrides
        self.verbose = verbose
        self._settings: Settings | None = None
        self._db: Database | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self._config, self._overrides)
        return self._settings

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database(self.settings.effective_database_url)
        return self._db

    def ready_db(self) -> Database:
        from monitor.pipeline import prepare

        prepare(self.db)
        return self.db


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose > 1 else logging.INFO
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    for noisy in ("alembic", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING if verbose < 2 else logging.INFO)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, default=str))


class MonitorGroup(click.Group):
    """Turns the project's errors into one line and an exit code instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            click.echo(f"monitor: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OperationalError as exc:
            orig = getattr(exc, "orig", exc)
            click.echo(f"monitor: error: database: {str(orig).strip().splitlines()[0]}", err=True)
            sys.exit(DatabaseError.exit_code)
        except KeyboardInterrupt:
            click.echo("monitor: interrupted", err=True)
            sys.exit(130)


@click.group(cls=MonitorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config", type=click.Path(dir_okay=False), help="TOML configuration file (default: $MONITOR_HOME/monitor.toml).")
@click.option("--home", type=click.Path(file_okay=False), help="Data directory (env MONITOR_HOME).")
@click.option("--database-url", help="SQLAlchemy database URL (env MONITOR_DATABASE_URL).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors in the log.")
@click.version_option(package_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config: str | None, home: str | None, database_url: str | None,
        verbose: int, quiet: bool) -> None:
    """monitor: screen news feeds against sanctions watchlists and alert on mentions.

    Start with `monitor check`: on a fresh data directory it creates the database, imports
    the bundled OFAC SDN list and screens the demo feed.
    """
    _setup_logging(verbose, quiet)
    overrides: dict[str, Any] = {}
    if home:
        overrides["home"] = home
    if database_url:
        overrides["database_url"] = database_url
    ctx.obj = Context(config, overrides, verbose)


# -- check ---------------------------------------------------------------------------------


@cli.command()
@click.option("--feed", "feeds", multiple=True, metavar="ID_OR_URL", help="Only these feeds (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on-hit", is_flag=True, help="Exit with status 3 when there are new hits.")
@click.pass_obj
def check(obj: Context, feeds: tuple[str, ...], fmt: str, fail_on_hit: bool) -> None:
    """Run one cycle now: fetch feeds, store new articles, match, record hits, queue alerts.

    Example: monitor check --format json
    """
    from monitor.pipeline import Pipeline

    db = obj.ready_db()
    pipeline = Pipeline(obj.settings, db)
    progress = None
    if fmt == "text" and sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True)
        task = bar.add_task("polling feeds", total=None)

        def progress(name: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"polled {name[:40]}")

        with bar:
            report = pipeline.check(list(feeds) or None, progress=progress)
    else:
        report = pipeline.check(list(feeds) or None)
    if fmt == "json":
        data = report.as_dict()
        _emit_json(data)
    else:
        for hit in report.hits_new:
            click.echo(
                f"HIT {hit['score']:.2f}  {hit['name']}  [{hit['source']}:{hit['source_id']}]\n"
                f"     matched {hit['text']!r} as {hit['matched_name']!r}\n"
                f"     in: {hit['article_title']}  <{hit['article_url'] or '-'}>"
            )
        click.echo(
            f"feeds: {report.feeds} ({report.feeds_ok} ok, {report.feeds_failed} failed); "
            f"articles new: {report.articles_new}; hits new: {len(report.hits_new)}; "
            f"alerts sent: {report.delivery.sent}; alerts queued: {report.alerts_queued}"
        )
        for error in dict.fromkeys(report.delivery.errors):
            click.echo(f"alert delivery failed: {error} (alerts stay queued)", err=True)
        for outcome in report.outcomes:
            if not outcome.ok:
                click.echo(f"feed failed: {outcome.url}: {outcome.error}", err=True)
        if report.alerts_queued and not obj.settings.smtp.host:
            click.echo("alerts stay queued: no SMTP host configured (set MONITOR_SMTP_HOST)", err=True)
    if fail_on_hit and report.hits_new:
        sys.exit(3)


# -- screen, compare, eval ---------------------------------------------------------------


def _read_input(path: str | None) -> str:
    if path in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise MonitorError(f"cannot read {path}: {exc.strerror}") from None
    return data.decode("utf-8", errors="replace")


def _jsonl(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    try:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise ValueError("not a JSON object")
                yield lineno, item, None
            except ValueError as exc:
                yield lineno, None, str(exc)
    finally:
        if stream is not sys.stdin:
            stream.close()


def _matcher(obj: Context, threshold: float | None):  # type: ignore[no-untyped-def]
    from monitor.matching import TextMatcher
    from monitor.screening import build_index

    db = obj.ready_db()
    with db.session() as session:
        index = build_index(session, cache_dir=obj.settings.home / "cache")
    return TextMatcher(index, obj.settings.matching.threshold if threshold is None else threshold)


@cli.command()
@click.argument("file", required=False)
@click.option("--jsonl", "jsonl", metavar="FILE|-", help='Lines {"id", "text"} in, {"id", "hits"} out.')
@click.option("--threshold", type=click.FloatRange(0, 1), help="Minimum score (default from config, 0.7).")
@click.option("--explain", is_flag=True, help="Add each hit's features (why it matched).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.pass_obj
def screen(obj: Context, file: str | None, jsonl: str | None, threshold: float | None,
           explain: bool, fmt: str) -> None:
    """Screen text (a file, or - for stdin) for listed names.

    Example: echo "Wagner boss Prigozhin" | monitor screen - --explain
    """
    matcher = _matcher(obj, threshold)
    if jsonl:
        bad = 0
        for lineno, item, error in _jsonl(jsonl):
            if error or item is None or not isinstance(item.get("text", ""), str):
                bad += 1
                click.echo(f"monitor: line {lineno}: invalid input: {error or 'text must be a string'}", err=True)
                continue
            hits = matcher.screen(item.get("text") or "")
            _emit_json({"id": item.get("id"), "hits": [h.as_dict(explain) for h in hits]})
        if bad:
            sys.exit(1)
        return
    text = _read_input(file)
    hits = matcher.screen(text)
    if fmt == "json":
        _emit_json({"hits": [h.as_dict(explain) for h in hits]})
    else:
        for h in hits:
            click.echo(f"{h.score:.2f}  {h.entity.name} [{h.entity.source}:{h.entity.source_id}]  "
                       f"{h.start}-{h.end} {h.text!r} as {h.matched_name!r}")


@cli.command()
@click.argument("name1", required=False)
@click.argument("name2", required=False)
@click.option("--schema", help="Person, Organization (Company), Vessel or Aircraft.")
@click.option("--jsonl", "jsonl", metavar="FILE|-", help='Lines {"id", "name1", "name2", "schema"} in.')
@click.option("--threshold", type=click.FloatRange(0, 1), help="Match threshold (default 0.7).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="Output for one pair (--jsonl always writes JSON lines).")
@click.pass_obj
def compare(obj: Context, name1: str | None, name2: str | None, schema: str | None,
            jsonl: str | None, threshold: float | None, fmt: str) -> None:
    """Score one pair of names: {"score", "match", "features"}.

    Example: monitor compare "Jewgeni Prigoschin" "PRIGOZHIN, Yevgeniy Viktorovich" --format json
    """
    from monitor.matching.pairs import compare_names

    limit = obj.settings.matching.threshold if threshold is None else threshold
    if jsonl:
        bad = 0
        for lineno, item, error in _jsonl(jsonl):
            if error or item is None:
                bad += 1
                click.echo(f"monitor: line {lineno}: invalid input: {error}", err=True)
                continue
            result = compare_names(str(item.get("name1", "")), str(item.get("name2", "")), item.get("schema"), limit)
            _emit_json({"id": item.get("id"), "score": result.score, "match": result.match})
        if bad:
            sys.exit(1)
        return
    if name1 is None or name2 is None:
        raise click.UsageError("give NAME1 and NAME2, or --jsonl FILE")
    result = compare_names(name1, name2, schema, limit)
    if fmt == "json":
        _emit_json({"score": result.score, "match": result.match, "features": result.features})
        return
    click.echo(f"{result.score:.3f}  {'match' if result.match else 'no match'} (threshold {limit})")
    for pair in result.features.get("aligned", []):
        click.echo(f"  {pair['a']!r} ~ {pair['b']!r}: {pair['similarity']} ({pair['how']})")
    for key, value in result.features.items():
        if key != "aligned":
            click.echo(f"  {key}: {value}")


@cli.command("eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--threshold", type=click.FloatRange(0, 1), help="Minimum score (default 0.7).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def eval_(obj: Context, file: str, threshold: float | None, fmt: str) -> None:
    """Precision, recall and F1 on a labelled set.

    Text lines {"id", "text", "expected": [{"source", "source_id"}]} score `screen`; name-pair
    lines {"id", "name1", "name2", "schema"?, "match": true|false} score `compare` (the kind
    is told by the first line).

    Examples: monitor eval tests/fixtures/labelled_mentions.jsonl
              monitor eval tests/fixtures/name_pairs.jsonl
    """
    from monitor.evaluation import evaluate, evaluate_pairs, render_pairs

    lines = list(_jsonl(file))
    first = next((item for _n, item, _e in lines if item is not None), {}) or {}
    if "name1" in first:
        result = evaluate_pairs(lines, threshold if threshold is not None else obj.settings.matching.threshold)
        text = render_pairs(result)
    else:
        result = evaluate(_matcher(obj, threshold), lines)
        text = result.render()
    if fmt == "json":
        _emit_json(result.as_dict())
    else:
        click.echo(text)
    if result.invalid_lines:
        sys.exit(1)


# -- db ------------------------------------------------------------------------------------


@cli.group()
def db() -> None:
    """Database schema: upgrade to the newest migration, show the current one."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(obj: Context) -> None:
    """Apply all migrations. Example: monitor db upgrade"""
    obj.db.upgrade()
    click.echo(f"database at revision {obj.db.current()}")


@db.command("current")
@click.pass_obj
def db_current(obj: Context) -> None:
    """Show the database's migration revision. Example: monitor db current"""
    current = obj.db.current()
    head = obj.db.head()
    state = "up to date" if current == head else f"behind head {head}"
    click.echo(f"{current or 'empty (not migrated)'} ({state})")


# -- watchlist -----------------------------------------------------------------------------


@cli.group()
def watchlist() -> None:
    """Watchlists: import, list, show, search, diff, refresh."""


@watchlist.command("import")
@click.argument("source")
@click.argument("path", type=click.Path(exists=True))
@click.option("--type", "list_format", help="The file format (ofac-sdn, ...) when SOURCE is not a known source.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def watchlist_import(obj: Context, source: str, path: str, list_format: str | None, fmt: str) -> None:
    """Import a list file (or folder) as the next version of SOURCE.

    Example: monitor watchlist import ofac-sdn watchlists/ofac_sdn
    """
    from monitor.watchlists import import_path

    obj.ready_db()
    result = import_path(obj.db, source, Path(path), list_format)
    _report_import(obj, result, fmt)


def _report_import(obj: Context, result: Any, fmt: str) -> None:
    """Print an import's outcome; re-screen recent articles for new entities and names."""
    from monitor.pipeline import rescreen

    hits = rescreen(obj.db, obj.settings, result.new_name_entity_ids) if result.new_name_entity_ids else []
    data = result.as_dict() | {"rescreen_hits": len(hits)}
    if fmt == "json":
        _emit_json(data)
    elif result.unchanged:
        click.echo(f"{result.source}: unchanged, version {result.version} stays in force ({result.entities} entities)")
    else:
        click.echo(f"{result.source}: version {result.version}: {result.entities} entities, added {result.added}, "
                   f"changed {result.changed}, removed {result.removed}, skipped {result.skipped}; "
                   f"re-screening found {len(hits)} new hit(s)")


@watchlist.command("diff")
@click.argument("source")
@click.option("--from", "from_version", type=int, help="The older version (default: the one before --to).")
@click.option("--to", "to_version", type=int, help="The newer version (default: the current one).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def watchlist_diff(obj: Context, source: str, from_version: int | None, to_version: int | None, fmt: str) -> None:
    """The entities added, changed and removed between two versions of a source.

    Example: monitor watchlist diff ofac-sdn --from 1 --to 2
    """
    from monitor.queries import diff_versions

    with obj.ready_db().session() as session:
        data = diff_versions(session, source, from_version, to_version)
    if fmt == "json":
        _emit_json(data)
        return
    click.echo(f"{source}: version {data['from']} -> {data['to']}: added {len(data['added'])}, "
               f"changed {len(data['changed'])}, removed {len(data['removed'])}")
    for change, sign in (("added", "+"), ("changed", "~"), ("removed", "-")):
        for item in data[change]:
            extra = f"  new names: {', '.join(item['new_names'])}" if change == "changed" and item["new_names"] else ""
            click.echo(f"{sign} {item['source_id']:>10}  {item['name']}{extra}")


@watchlist.command("refresh")
@click.argument("source", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def watchlist_refresh(obj: Context, source: str | None, fmt: str) -> None:
    """Download the official files of SOURCE (default: every source with URLs), import if changed.

    Example: monitor watchlist refresh ofac-sdn
    """
    from monitor.watchlists.refresh import refresh

    obj.ready_db()
    for result in refresh(obj.db, obj.settings, source):
        _report_import(obj, result, fmt)


@watchlist.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def watchlist_list(obj: Context, fmt: str) -> None:
    """Sources with their current version. Example: monitor watchlist list"""
    from monitor.queries import list_sources

    db = obj.ready_db()
    with db.session() as session:
        rows = list_sources(session)
    if fmt == "json":
        _emit_json({"sources": rows})
        return
    for r in rows:
        click.echo(f"{r['source']:<16} version {r['version']:<4} {r['entities']:>7} entities  "
                   f"imported {r['imported_at']}  ({r['format']})")


@watchlist.command("show")
@click.argument("entity")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="json", show_default=True)
@click.pass_obj
def watchlist_show(obj: Context, entity: str, fmt: str) -> None:
    """Everything known of one entity, by entity_id or SOURCE:SOURCE_ID.

    Example: monitor watchlist show ofac-sdn:22543
    """
    from monitor.queries import show_entity

    db = obj.ready_db()
    with db.session() as session:
        data = show_entity(session, entity)
    if fmt == "json":
        _emit_json(data)
        return
    click.echo(f"{data['name']} [{data['source']}:{data['source_id']}] {data['schema']}")
    for n in data["names"]:
        click.echo(f"  {n['kind']:<8} {n['name']}")
    click.echo(f"  programs: {', '.join(data['programs'])}")


@watchlist.command("search")
@click.argument("name", required=False)
@click.option("--schema", help="Person, Organization (Company), Vessel or Aircraft.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--jsonl", "jsonl", metavar="FILE|-", help='Lines {"id", "name", "schema"?} in.')
@click.option("--threshold", type=click.FloatRange(0, 1), help="Match threshold (default 0.7).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="Output for one name (--jsonl always writes JSON lines).")
@click.pass_obj
def watchlist_search(obj: Context, name: str | None, schema: str | None, limit: int,
                     jsonl: str | None, threshold: float | None, fmt: str) -> None:
    """The best listed entities for a name.

    Example: monitor watchlist search "Evgeny Prigozhin" --schema Person --format json
    """
    from monitor.matching.pairs import search
    from monitor.screening import build_index

    db = obj.ready_db()
    with db.session() as session:
        index = build_index(session, cache_dir=obj.settings.home / "cache")
    limit_score = obj.settings.matching.threshold if threshold is None else threshold
    if jsonl:
        bad = 0
        for lineno, item, error in _jsonl(jsonl):
            if error or item is None:
                bad += 1
                click.echo(f"monitor: line {lineno}: invalid input: {error}", err=True)
                continue
            results = search(index, str(item.get("name", "")), item.get("schema"), limit, limit_score)
            _emit_json({"id": item.get("id"), "results": results})
        if bad:
            sys.exit(1)
        return
    if not name:
        raise click.UsageError("give NAME, or --jsonl FILE")
    _emit_rows(fmt, "results", search(index, name, schema, limit, limit_score),
               ["score", "match", "name", "source", "source_id", "schema", "matched_name"])


# -- feeds, run, digest --------------------------------------------------------------------


@cli.group()
def feed() -> None:
    """The feeds to poll: add, list, remove, import an OPML subscription list."""


@feed.command("add")
@click.argument("location", metavar="URL_OR_PATH")
@click.option("--name", help="A short name (default: the host name).")
@click.option("--interval", default=None, help="Poll interval, e.g. 15m, 1h (default: feeds.default_interval).")
@click.option("--full-text", is_flag=True, help="Also fetch each new article's page and screen its main text.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def feed_add(obj: Context, location: str, name: str | None, interval: str | None, full_text: bool, fmt: str) -> None:
    """Register a feed (RSS, Atom or RDF) by URL or local file path.

    Example: monitor feed add https://feeds.bbci.co.uk/news/world/rss.xml --name bbc-world --interval 10m
    """
    from monitor.feeds.registry import add_feed, feed_row

    with obj.ready_db().session() as session:
        row, created = add_feed(session, location, name, interval or obj.settings.feeds.default_interval, full_text)
        data = feed_row(row) | {"created": created}
    if fmt == "json":
        _emit_json(data)
    else:
        click.echo(f"{'added' if created else 'already registered'}: feed {data['feed_id']} {data['name']} <{data['url']}>")


@feed.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def feed_list(obj: Context, fmt: str) -> None:
    """Feeds with their last fetch, HTTP status, error, failures in a row and articles seen.

    Example: monitor feed list
    """
    from monitor.feeds.registry import list_feeds

    with obj.ready_db().session() as session:
        rows = list_feeds(session)
    _emit_rows(fmt, "feeds", rows, ["feed_id", "name", "last_fetched_at", "last_status", "consecutive_failures",
                      "articles_seen", "last_error", "url"])


@feed.command("remove")
@click.argument("feed_ref", metavar="ID_OR_URL_OR_NAME")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def feed_remove(obj: Context, feed_ref: str, fmt: str) -> None:
    """Remove a feed with its stored articles and hits.  Example: monitor feed remove 3"""
    from monitor.feeds.registry import remove_feed

    with obj.ready_db().session() as session:
        row = remove_feed(session, feed_ref)
    if fmt == "json":
        _emit_json({"removed": row})
    else:
        click.echo(f"removed feed {row['feed_id']} {row['name']} <{row['url']}>")


@feed.command("import-opml")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--interval", default=None, help="Poll interval for the new feeds.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def feed_import_opml(obj: Context, file: str, interval: str | None, fmt: str) -> None:
    """Add every feed of an OPML file (the subscription list feed readers export).

    Example: monitor feed import-opml subscriptions.opml
    """
    from monitor.feeds.registry import import_opml

    with obj.ready_db().session() as session:
        result = import_opml(session, Path(file), interval or obj.settings.feeds.default_interval)
    if fmt == "json":
        _emit_json(result)
    else:
        click.echo(f"added {len(result['added'])}, already known {len(result['known'])}, "
                   f"rejected {len(result['rejected'])}")
        for r in result["rejected"]:
            click.echo(f"rejected {r['url']}: {r['error']}", err=True)


@cli.command()
@click.option("--tick", default=60, show_default=True, type=click.IntRange(5, 3600),
              help="Seconds between scheduler ticks (due feeds are claimed each tick).")
@click.pass_obj
def run(obj: Context, tick: int) -> None:
    """Run the scheduler: poll feeds at their intervals, send alerts, send the daily digest.

    Stops cleanly on Ctrl-C or SIGTERM after in-flight work has committed. Several
    `monitor run` processes may share one PostgreSQL database: feeds are leased.

    Example: MONITOR_SMTP_HOST=mail.example monitor run
    """
    from monitor.scheduler import Runner

    Runner(obj.settings, obj.ready_db(), tick_s=tick).start()


@cli.command()
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The day (UTC; default: yesterday).")
@click.option("--output", type=click.Path(dir_okay=False), help="Write the digest as a standalone HTML file.")
@click.option("--send", is_flag=True, help="Email it to alerts.to (MONITOR_ALERT_TO).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def digest(obj: Context, day: str | None, output: str | None, send: bool, fmt: str) -> None:
    """The daily digest: the day's hits by entity, counts, failing feeds, lists, 30-day chart.

    Example: monitor digest --date 2026-11-24 --output digest.html
    """
    import datetime as dt

    from monitor.alerts.digest import build_digest, digest_file_html, render_digest_text
    from monitor.alerts.send import send_digest

    try:
        when = dt.date.fromisoformat(day) if day else dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    except ValueError:
        raise click.BadParameter(f"{day!r} is not a date (YYYY-MM-DD)", param_hint="--date") from None
    db = obj.ready_db()
    with db.session() as session:
        built = build_digest(session, when)
        if output:
            Path(output).write_text(digest_file_html(built), encoding="utf-8")
        text = render_digest_text(built)
        data = built.as_dict()
    if send:
        data["sent"] = send_digest(db, obj.settings, when)
    if fmt == "json":
        _emit_json(data)
    else:
        click.echo(text.rstrip())
        if output:
            click.echo(f"written: {output}")
        if send:
            click.echo(f"sent to: {', '.join(data['sent']['sent_to'])}")


# -- the review desk: users and serve ------------------------------------------------------


@cli.group()
def user() -> None:
    """Review desk accounts (analysts review hits; admins also manage feeds, lists and users)."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["analyst", "admin"]), default="analyst", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (else it is prompted).")
@click.pass_obj
def user_add(obj: Context, name: str, role: str, password_stdin: bool) -> None:
    """Add an account.  Example: monitor user add alice --role admin"""
    from monitor.users import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with obj.ready_db().session() as session:
        add_user(session, name, password, role)
    click.echo(f"user {name} added ({role})")


@user.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def user_list(obj: Context, fmt: str) -> None:
    """List accounts.  Example: monitor user list"""
    from monitor.users import list_users

    with obj.ready_db().session() as session:
        rows = list_users(session)
    _emit_rows(fmt, "users", rows, ["user_id", "name", "role", "disabled", "last_login_at"])


@user.command("disable")
@click.argument("name")
@click.pass_obj
def user_disable(obj: Context, name: str) -> None:
    """Disable an account (its sessions end at their next request).  Example: monitor user disable bob"""
    from monitor.users import disable_user

    with obj.ready_db().session() as session:
        disable_user(session, name)
    click.echo(f"user {name} disabled")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535))
@click.option("--secure-cookies/--no-secure-cookies", default=None,
              help="Mark the session cookie Secure (default: on unless the host is local).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (one per core serves more analysts at once).")
@click.pass_obj
def serve(obj: Context, host: str, port: int, secure_cookies: bool | None, workers: int) -> None:
    """Run the review desk, a web application over the same database.

    Example: monitor serve --port 8080   (then open http://127.0.0.1:8080)
    """
    import uvicorn

    from monitor.web.app import create_app

    if secure_cookies is None:
        secure_cookies = host not in ("127.0.0.1", "localhost", "::1")
    db = obj.ready_db()
    if workers == 1:
        app = create_app(obj.settings, db, secure_cookies=secure_cookies)
        uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=True)
        return
    # Worker processes build the app themselves, from the environment.
    os.environ["MONITOR_HOME"] = str(obj.settings.home)
    os.environ["MONITOR_DATABASE_URL"] = obj.settings.effective_database_url
    if obj.settings.config_file:
        os.environ["MONITOR_CONFIG"] = str(obj.settings.config_file)
    os.environ["MONITOR_WEB_SECURE_COOKIES"] = "1" if secure_cookies else "0"
    from monitor.web.app import _secret

    _secret(obj.settings)  # made once here, so every worker signs with the same key
    uvicorn.run("monitor.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="info", proxy_headers=True)


# -- hits, suppressions, alerts: the analyst's review ---------------------------------------


def _parse_since(value: str | None) -> Any:
    import datetime as dt

    from monitor.config import parse_duration

    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC) if "-" in value else (
            dt.datetime.now(dt.UTC) - dt.timedelta(seconds=parse_duration(value)))
    except (ValueError, MonitorError):
        raise click.BadParameter(f"{value!r}: use a date (2026-11-25) or a duration (24h, 7d)") from None


def _emit_rows(fmt: str, key: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    """A listing: `{key: rows}` as JSON, or the columns as a table."""
    if fmt == "json":
        _emit_json({key: rows})
    else:
        _table(rows, columns)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        click.echo("(none)")
        return
    widths = {c: min(60, max(len(c), *(len(str(r.get(c, ""))) for r in rows))) for c in columns}
    click.echo("  ".join(c.upper().ljust(widths[c]) for c in columns))
    for r in rows:
        click.echo("  ".join(str(r.get(c, ""))[: widths[c]].ljust(widths[c]) for c in columns))


@cli.group()
def hits() -> None:
    """Hits found in articles, and their review (confirm, dismiss, suppress)."""


@hits.command("list")
@click.option("--status", type=click.Choice(["new", "confirmed", "dismissed"]))
@click.option("--since", metavar="DATE|DURATION", help="Only hits since a date (2026-11-25) or a duration ago (24h, 7d).")
@click.option("--entity", metavar="ENTITY", help="entity_id or SOURCE:SOURCE_ID.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def hits_list(obj: Context, status: str | None, since: str | None, entity: str | None, limit: int, fmt: str) -> None:
    """List hits, newest first.

    Example: monitor hits list --status new --since 24h
    """
    from monitor.queries import find_entity
    from monitor.review import list_hits

    since_at = _parse_since(since)
    with obj.ready_db().session() as session:
        ent = find_entity(session, entity) if entity else None
        rows = list_hits(session, status, since_at, ent, limit)
    if fmt == "json":
        _emit_json({"hits": rows})
    else:
        for r in rows:
            r["score"] = f"{r['score']:.2f}"
        _table(rows, ["hit_id", "status", "score", "name", "text", "article_title"])


@hits.command("review")
@click.argument("hit_id", type=int)
@click.option("--status", required=True, type=click.Choice(["confirmed", "dismissed", "new"]), help="The decision (new reopens).")
@click.option("--note", default="", help="Why: kept in the audit log.")
@click.option("--suppress", is_flag=True, help="Do not alert again on this entity under this phrase.")
@click.option("--feed-only", is_flag=True, help="With --suppress: only for articles of this hit's feed.")
@click.option("--by", "reviewer", help="Reviewer name (default: config `reviewer`, else the OS user).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def hits_review(obj: Context, hit_id: int, status: str, note: str, suppress: bool, feed_only: bool,
                reviewer: str | None, fmt: str) -> None:
    """Record a decision on a hit; with --suppress, silence the same false alarm from now on.

    Example: monitor hits review 12 --status dismissed --note "the composer" --suppress
    """
    from monitor.review import default_reviewer, review_hit

    who = reviewer or default_reviewer(obj.settings.reviewer)
    with obj.ready_db().session() as session:
        result = review_hit(session, hit_id, status, who, note, suppress, feed_only)
    if fmt == "json":
        _emit_json(result | {"reviewer": who})
    else:
        click.echo(f"hit {hit_id}: {result['previous_status']} -> {status} by {who}")
        if "suppression_id" in result:
            click.echo(f"suppression {result['suppression_id']}: {result['name']} under {result['text']!r}")


@cli.group()
def suppressions() -> None:
    """Rules that stop an (entity, phrase) pair from alerting again."""


@suppressions.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def suppressions_list(obj: Context, fmt: str) -> None:
    """List suppression rules.  Example: monitor suppressions list"""
    from monitor.review import list_suppressions

    with obj.ready_db().session() as session:
        rows = list_suppressions(session)
    _emit_rows(fmt, "suppressions", rows, ["suppression_id", "name", "phrase", "feed_id", "created_by", "note"])


@suppressions.command("remove")
@click.argument("suppression_id", type=int)
@click.option("--by", "reviewer", help="Reviewer name for the audit log.")
@click.pass_obj
def suppressions_remove(obj: Context, suppression_id: int, reviewer: str | None) -> None:
    """Remove a suppression rule.  Example: monitor suppressions remove 3"""
    from monitor.review import default_reviewer, remove_suppression

    with obj.ready_db().session() as session:
        remove_suppression(session, suppression_id, reviewer or default_reviewer(obj.settings.reviewer))
    click.echo(f"suppression {suppression_id} removed")


@cli.group()
def alerts() -> None:
    """The alert outbox: what was sent, what waits, what failed."""


@alerts.command("list")
@click.option("--status", type=click.Choice(["queued", "sending", "sent", "failed", "cancelled"]))
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def alerts_list(obj: Context, status: str | None, limit: int, fmt: str) -> None:
    """List alerts, newest first.  Example: monitor alerts list --status failed"""
    from monitor.review import list_alerts

    with obj.ready_db().session() as session:
        rows = list_alerts(session, status, limit)
    _emit_rows(fmt, "alerts", rows, ["alert_id", "status", "mode", "attempts", "name", "last_error"])


@alerts.command("retry")
@click.argument("alert_ids", nargs=-1, type=int)
@click.option("--by", "reviewer", help="Name for the audit log.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def alerts_retry(obj: Context, alert_ids: tuple[int, ...], reviewer: str | None, fmt: str) -> None:
    """Queue failed alerts (or the given ones) again and try to send them now.

    Example: monitor alerts retry          (all failed alerts)
    """
    from monitor.alerts.send import deliver_due
    from monitor.review import default_reviewer, requeue_alerts

    db = obj.ready_db()
    with db.session() as session:
        ids = requeue_alerts(session, list(alert_ids) or None, reviewer or default_reviewer(obj.settings.reviewer))
    report = deliver_due(db, obj.settings, alert_ids=ids) if ids else None
    data = {"requeued": ids, "delivery": report.as_dict() if report else None}
    if fmt == "json":
        _emit_json(data)
    else:
        click.echo(f"requeued {len(ids)} alert(s)")
        if report:
            click.echo(report.skipped or f"sent {report.sent}, deferred {report.deferred}, failed {report.failed}")


@alerts.command("send")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def alerts_send(obj: Context, fmt: str) -> None:
    """Send the alerts that are due now (what `monitor run` does on a schedule)."""
    from monitor.alerts.send import deliver_due

    report = deliver_due(obj.ready_db(), obj.settings)
    if fmt == "json":
        _emit_json(report.as_dict())
    else:
        click.echo(report.skipped or f"sent {report.sent} in {report.emails} email(s), "
                   f"deferred {report.deferred}, failed {report.failed}")
        for error in dict.fromkeys(report.errors):
            click.echo(f"error: {error}", err=True)


@cli.command()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def audit(obj: Context, limit: int, fmt: str) -> None:
    """The audit log: reviews, suppressions and retries with who and when."""
    from monitor.review import audit_entries

    with obj.ready_db().session() as session:
        rows = audit_entries(session, limit)
    _emit_rows(fmt, "audit", rows, ["at", "actor", "action", "target_type", "target_id", "details"])


def main() -> None:
    cli(prog_name="monitor")


if __name__ == "__main__":
    main()
