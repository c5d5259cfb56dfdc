"""Polling benchmark: 500 feeds served locally (the real feeds of ../shared/data/feeds/real,
one in ten slow), each on its own loopback address as feeds on different hosts would be.

    .venv/bin/python benchmarks/bench_poll.py [--feeds 500] [--slow 0.5]

Prints, in the same run: a plain sequential httpx loop over the URLs (the baseline); our
fetcher alone; the full `monitor check` cycle (fetch, parse, store, match, record); and a
second cycle where every feed answers 304. Aims (issue #5): the cycle at least 10x faster than
sequential, the all-304 cycle under 2 s.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

import httpx

from monitor.config import load_settings
from monitor.db import Database, Feed
from monitor.feeds import Fetcher, FetchRequest
from monitor.pipeline import Pipeline, prepare

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "feeds" / "real"


def make_handler(bodies: list[bytes], slow_s: float):  # noqa: ANN201
    etags = [hashlib.sha256(b).hexdigest()[:16] for b in bodies]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            n = int(self.path.rsplit("/", 1)[-1])
            body, etag = bodies[n % len(bodies)], f'"{etags[n % len(bodies)]}"'
            if n % 10 == 0:
                time.sleep(slow_s)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--slow", type=float, default=0.5, help="seconds one feed in ten takes to answer")
    args = parser.parse_args()
    # The server runs in its own process, so it does not compete with the client for the GIL.
    ready: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(args.slow, ready), daemon=True)
    server.start()
    port = ready.get(timeout=30)
    urls = [f"http://127.1.{1 + i // 250}.{1 + i % 250}:{port}/feed/{i}" for i in range(args.feeds)]

    started = time.perf_counter()
    with httpx.Client(timeout=30) as client:
        for url in urls:
            client.get(url)
    sequential = time.perf_counter() - started
    print(f"baseline: sequential httpx loop   {sequential:7.2f} s  ({len(urls)} feeds)")

    settings = load_settings(None, {"home": tempfile.mkdtemp(), "feeds": {"per_host_delay": 1.0}}, environ={})
    started = time.perf_counter()
    results = Fetcher(settings.feeds).fetch_all_sync([FetchRequest(u) for u in urls])
    fetch_only = time.perf_counter() - started
    ok = sum(r.ok for r in results)
    print(f"monitor fetcher alone             {fetch_only:7.2f} s  ({ok} ok)  {sequential / fetch_only:5.1f}x")

    db = Database(f"sqlite:///{tempfile.mkdtemp()}/poll.db")
    prepare(db)
    with db.session() as session:
        session.add_all(Feed(url=u, name=f"f{i}") for i, u in enumerate(urls))
    pipeline = Pipeline(settings, db)
    pipeline.index  # noqa: B018  (build the index outside the timed cycle, as `monitor run` does once)
    started = time.perf_counter()
    first = pipeline.check(deliver=False)
    cycle = time.perf_counter() - started
    print(f"monitor check, first cycle        {cycle:7.2f} s  ({first.feeds_ok} ok, {first.articles_new} articles, "
          f"{len(first.hits_new)} hits)  {sequential / cycle:5.1f}x")
    started = time.perf_counter()
    second = pipeline.check(deliver=False)
    again = time.perf_counter() - started
    not_modified = sum(1 for o in second.outcomes if o.status == 304)
    print(f"monitor check, all-304 cycle      {again:7.2f} s  ({not_modified} answered 304, "
          f"{second.articles_new} new articles)")
    print(f"process max RSS                   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.0f} MB")
    server.terminate()


def serve(slow_s: float, ready: multiprocessing.Queue) -> None:
    bodies = [p.read_bytes() for p in sorted(REAL.iterdir()) if p.is_file()]
    server = http.server.ThreadingHTTPServer(("0.0.0.0", 0), make_handler(bodies, slow_s))
    server.daemon_threads = True
    ready.put(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
