"""Feed fetching over real HTTP from a local server, and parsing of real and broken feeds."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.config import FeedSettings
from monitor.exc import FeedError
from monitor.feeds import Fetcher, FetchRequest, parse_feed

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "feeds"
RSS = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>Wagner Group news</title><link>https://e.org/1</link><guid>g1</guid></item></channel></rss>"""


class Handler(http.server.BaseHTTPRequestHandler):
    counts: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        n = Handler.counts[self.path] = Handler.counts.get(self.path, 0) + 1
        if self.path == "/feed":
            if self.headers.get("If-None-Match") == '"v1"':
                return self._send(304)
            return self._send(200, RSS, {"ETag": '"v1"', "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT",
                                         "Content-Type": "application/rss+xml"})
        if self.path == "/gzip":
            return self._send(200, gzip.compress(RSS), {"Content-Encoding": "gzip"})
        if self.path == "/slow":
            time.sleep(2)
            return self._send(200, RSS)
        if self.path == "/flaky":
            return self._send(500) if n == 1 else self._send(200, RSS)
        if self.path == "/busy":
            return self._send(429, headers={"Retry-After": "1"}) if n == 1 else self._send(200, RSS)
        if self.path == "/loop":
            return self._send(302, headers={"Location": "/loop"})
        if self.path == "/huge":
            self.send_response(200)
            self.end_headers()  # no Content-Length: the cap must cut the stream
            try:
                for _ in range(50):
                    self.wfile.write(b"x" * 1024 * 1024)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if self.path == "/html":
            return self._send(200, b"<html><body><h1>Not a feed</h1></body></html>", {"Content-Type": "text/html"})
        return self._send(404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FeedSettings(timeout=1.0, connect_timeout=1.0, retries=2, backoff_base=0.05,
                                per_host_delay=0.0, max_bytes=1024 * 1024, max_redirects=3))


def fetch(fetcher: Fetcher, url: str, **kw: str) -> object:
    return fetcher.fetch_all_sync([FetchRequest(url, **kw)])[0]


def test_conditional_get(server: str, fetcher: Fetcher) -> None:
    first = fetch(fetcher, f"{server}/feed")
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified
    second = fetch(fetcher, f"{server}/feed", etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.ok and second.content == b""


def test_gzip_body_is_decoded(server: str, fetcher: Fetcher) -> None:
    result = fetch(fetcher, f"{server}/gzip")
    assert parse_feed(result.content, result.headers).entries[0].title == "Wagner Group news"


def test_slow_server_times_out(server: str, fetcher: Fetcher) -> None:
    result = fetch(fetcher, f"{server}/slow")
    assert not result.ok and "timeout" in result.error


def test_500_then_success_is_retried(server: str, fetcher: Fetcher) -> None:
    result = fetch(fetcher, f"{server}/flaky")
    assert result.ok and result.status == 200 and result.attempts == 2


def test_429_retry_after_is_honoured(server: str, fetcher: Fetcher) -> None:
    started = time.monotonic()
    result = fetch(fetcher, f"{server}/busy")
    assert result.ok and time.monotonic() - started >= 0.9


def test_redirect_loop_stops(server: str, fetcher: Fetcher) -> None:
    result = fetch(fetcher, f"{server}/loop")
    assert not result.ok and "redirects" in result.error


def test_huge_body_is_cut_at_the_cap(server: str, fetcher: Fetcher) -> None:
    result = fetch(fetcher, f"{server}/huge")
    assert not result.ok and "cap" in result.error and result.content == b""


def test_html_page_is_not_a_feed(server: str, fetcher: Fetcher) -> None:
    result = fetch(fetcher, f"{server}/html")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(result.content, result.headers)


def test_declared_charset_windows_1251() -> None:
    body = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>t</title>'
            "<item><title>Пригожин и ЧВК Вагнер</title><guid>x</guid></item></channel></rss>").encode("cp1251")
    entries = parse_feed(body, {"content-type": "application/rss+xml; charset=windows-1251"}).entries
    assert entries[0].title == "Пригожин и ЧВК Вагнер"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")
def test_real_feeds_parse() -> None:
    for path in sorted((SHARED / "real").iterdir()):
        feed = parse_feed(path.read_bytes())
        assert feed.entries, path.name
        assert all(e.key for e in feed.entries)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data not present")
def test_torture_corpus_never_crashes() -> None:
    parsed = rejected = 0
    for path in sorted((SHARED / "torture").rglob("*.xml")):
        try:
            parse_feed(path.read_bytes())
            parsed += 1
        except FeedError as exc:
            assert str(exc)
            rejected += 1
    assert parsed > 1000
