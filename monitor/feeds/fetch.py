"""Polite fetching of feeds with httpx: conditional GET, timeouts, size cap, per-host limits,
retries with exponential back-off and jitter, Retry-After, a descriptive User-Agent."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from monitor.config import FeedSettings

log = logging.getLogger(__name__)
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchResult:
    url: str
    status: int | None = None
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    duration_s: float = 0.0
    attempts: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None


class BodyTooLarge(Exception):
    pass


def is_local(url: str) -> bool:
    return not url.startswith(("http://", "https://"))


def local_path(url: str) -> Path:
    return Path(url[len("file://") :] if url.startswith("file://") else url)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError):
            return None


class Fetcher:
    """Fetches many URLs concurrently, at most N at a time per host, with a delay per host."""

    def __init__(self, settings: FeedSettings, max_retry_wait: float = 60.0) -> None:
        self.settings = settings
        self.max_retry_wait = max_retry_wait
        self._host_locks: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host_concurrency)
        )
        self._host_last: dict[str, float] = {}

    def _client(self) -> httpx.AsyncClient:
        s = self.settings
        timeout = httpx.Timeout(s.timeout, connect=s.connect_timeout)
        return httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=s.max_redirects,
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate, br",
                     "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"},
            limits=httpx.Limits(max_connections=max(s.concurrency, 1)),
        )

    async def fetch_all(self, requests: list[FetchRequest]) -> list[FetchResult]:
        local = {i: self._fetch_local(r) for i, r in enumerate(requests) if is_local(r.url)}
        remote = [(i, r) for i, r in enumerate(requests) if not is_local(r.url)]
        results: dict[int, FetchResult] = dict(local)
        if remote:
            gate = asyncio.Semaphore(max(self.settings.concurrency, 1))
            async with self._client() as client:
                async def run(i: int, req: FetchRequest) -> None:
                    async with gate:
                        results[i] = await self._fetch(client, req)
                await asyncio.gather(*(run(i, r) for i, r in remote))
        return [results[i] for i in range(len(requests))]

    def fetch_all_sync(self, requests: list[FetchRequest]) -> list[FetchResult]:
        return asyncio.run(self.fetch_all(requests))

    def _fetch_local(self, req: FetchRequest) -> FetchResult:
        started = time.perf_counter()
        path = local_path(req.url)
        try:
            size = path.stat().st_size
            if size > self.settings.max_bytes:
                return FetchResult(req.url, error=f"file of {size:,} bytes is over the {self.settings.max_bytes:,}-byte cap")
            content = path.read_bytes()
        except OSError as exc:
            return FetchResult(req.url, error=f"cannot read {path}: {exc.strerror}")
        return FetchResult(req.url, status=200, content=content, duration_s=time.perf_counter() - started, attempts=1)

    async def _fetch(self, client: httpx.AsyncClient, req: FetchRequest) -> FetchResult:
        host = urlsplit(req.url).netloc.lower()
        started = time.perf_counter()
        headers: dict[str, str] = {}
        if req.etag:
            headers["If-None-Match"] = req.etag
        if req.last_modified:
            headers["If-Modified-Since"] = req.last_modified
        attempts = 0
        error = "not fetched"
        while attempts <= self.settings.retries:
            attempts += 1
            wait: float | None = None
            async with self._host_locks[host]:
                await self._host_pause(host)
                try:
                    result = await self._get(client, req.url, headers)
                    result.attempts = attempts
                    if result.status not in RETRY_STATUSES:
                        result.duration_s = time.perf_counter() - started
                        if result.status and result.status >= 400:
                            result.error = f"HTTP {result.status}"
                        return result
                    error = f"HTTP {result.status}"
                    wait = _retry_after(result.headers.get("retry-after"))
                except BodyTooLarge as exc:
                    return FetchResult(req.url, error=str(exc), attempts=attempts,
                                       duration_s=time.perf_counter() - started)
                except httpx.TooManyRedirects:
                    return FetchResult(req.url, error=f"more than {self.settings.max_redirects} redirects",
                                       attempts=attempts, duration_s=time.perf_counter() - started)
                except httpx.TimeoutException as exc:
                    error = f"timeout ({type(exc).__name__})"
                except httpx.TransportError as exc:
                    error = f"connection error: {exc or type(exc).__name__}"
                except httpx.InvalidURL as exc:
                    return FetchResult(req.url, error=f"invalid URL: {exc}", attempts=attempts)
            if attempts > self.settings.retries:
                break
            if wait is None:
                wait = self.settings.backoff_base * (2 ** (attempts - 1)) * (0.5 + random.random())
            if wait > self.max_retry_wait:
                error += f" (retry after {wait:.0f}s is too far away)"
                break
            log.debug("retrying %s in %.2fs after %s", req.url, wait, error)
            await asyncio.sleep(wait)
        return FetchResult(req.url, error=error, attempts=attempts, duration_s=time.perf_counter() - started)

    async def _host_pause(self, host: str) -> None:
        last = self._host_last.get(host)
        if last is not None:
            delay = self.settings.per_host_delay - (time.monotonic() - last)
            if delay > 0:
                await asyncio.sleep(delay)
        self._host_last[host] = time.monotonic()

    async def _get(self, client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> FetchResult:
        cap = self.settings.max_bytes
        async with client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise BodyTooLarge(f"body of {int(declared):,} bytes is over the {cap:,}-byte cap")
            chunks: list[bytes] = []
            size = 0
            if response.status_code == 200:
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise BodyTooLarge(f"body over the {cap:,}-byte cap (aborted after {size:,} bytes)")
                    chunks.append(chunk)
            return FetchResult(
                url=url,
                status=response.status_code,
                content=b"".join(chunks),
                headers={k.lower(): v for k, v in response.headers.items()},
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
