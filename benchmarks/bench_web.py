"""Review desk under load: 100,000 hits in PostgreSQL, 20 concurrent clients on the queue page
and /api/hits with filters; p50/p95 latency per endpoint. The server (`monitor serve`) runs in
its own process; the baseline printed in the same run is /health (no query, no template).

    .venv/bin/python benchmarks/bench_web.py [--hits 100000] [--clients 20] [--requests 400]

Aim (issue #7): p95 under 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import insert, select, text

from monitor.db import Article, Database, Entity, Feed, Hit
from monitor.watchlists import import_path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "benchmark password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(db: Database, n: int) -> None:
    import_path(db, "ofac-sdn", ROOT / "watchlists" / "ofac_sdn")
    rng = random.Random(3)
    with db.session() as session:
        entity_ids = list(session.scalars(select(Entity.id)))
        feeds = [Feed(url=f"https://feed{i}.example/rss", name=f"feed{i}") for i in range(50)]
        session.add_all(feeds)
        session.flush()
        now = dt.datetime.now(dt.UTC)
        for start in range(0, n, 10_000):
            count = min(10_000, n - start)
            articles = [{"feed_id": rng.choice(feeds).id, "key": f"k{start + i}", "title": f"Story {start + i}",
                         "text": f"Story {start + i}\n\nA text naming somebody listed, item {start + i}.",
                         "content_hash": f"{start + i:064d}", "fetched_at": now - dt.timedelta(minutes=start + i)}
                        for i in range(count)]
            session.execute(insert(Article), articles)
        ids = list(session.scalars(select(Article.id).order_by(Article.id)))
        for start in range(0, len(ids), 10_000):
            session.execute(insert(Hit), [
                {"article_id": aid, "entity_id": rng.choice(entity_ids), "start": 0, "end": 5, "text": "Story",
                 "matched_name": "STORY", "score": round(rng.uniform(0.7, 1.0), 3), "features": {"mention": "full"},
                 "status": rng.choices(["new", "confirmed", "dismissed"], [6, 1, 3])[0],
                 "created_at": now - dt.timedelta(minutes=i)}
                for i, aid in enumerate(ids[start : start + 10_000], start)])
        session.execute(text("ANALYZE"))  # the statistics autovacuum would gather on a live system


async def load(base: str, paths: list[str], clients: int, requests: int) -> dict[str, list[float]]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as login:
        token = re.search(r'name="csrf" value="([^"]+)"', (await login.get("/login")).text).group(1)
        await login.post("/login", data={"name": "bench", "password": PASSWORD, "csrf": token})
        cookies = login.cookies
    timings: dict[str, list[float]] = {p: [] for p in paths}
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(paths[i % len(paths)])

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30, cookies=cookies) as client:
            while not queue.empty():
                path = queue.get_nowait()
                started = time.perf_counter()
                response = await client.get(path)
                timings[path].append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status_code}")

    await asyncio.gather(*(worker() for _ in range(clients)))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--hits", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server worker processes")
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    conninfo = args.pg.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{args.pg}?options=-csearch_path%3D{schema}"
    server = None
    try:
        db = Database(url)
        db.upgrade()
        started = time.perf_counter()
        seed(db, args.hits)
        print(f"seeded {args.hits} hits in {time.perf_counter() - started:.1f} s")
        env = dict(os.environ, MONITOR_DATABASE_URL=url, MONITOR_HOME=tempfile.mkdtemp())
        monitor = [sys.executable, "-m", "monitor", "-q"]
        subprocess.run([*monitor, "user", "add", "bench", "--password-stdin"], input=PASSWORD + "\n",
                       text=True, env=env, check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen([*monitor, "serve", "--port", str(port), "--workers", str(args.workers)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        paths = ["/health", "/?status=new", "/?status=new&min_score=0.9", "/?status=dismissed&entity=wagner",
                 "/api/hits?status=new", "/api/hits?status=new&feed=feed7&min_score=0.8",
                 f"/api/hits?before={args.hits // 2}"]
        timings = asyncio.run(load(base, paths, args.clients, args.requests * len(paths)))
        print(f"{args.clients} concurrent clients, {args.requests} requests per endpoint, "
              f"{args.workers} server workers:")
        for path, values in timings.items():
            values.sort()
            p95 = values[int(0.95 * (len(values) - 1))]
            label = "(baseline) " if path == "/health" else ""
            print(f"  {label}{path:48} p50 {1000 * statistics.median(values):6.1f} ms   p95 {1000 * p95:6.1f} ms")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
