"""Feeds: fetching (httpx) and parsing (feedparser) of news feeds."""

from monitor.feeds.fetch import Fetcher, FetchRequest, FetchResult
from monitor.feeds.parse import ParsedEntry, ParsedFeed, html_to_text, parse_feed

__all__ = ["FetchRequest", "FetchResult", "Fetcher", "ParsedEntry", "ParsedFeed", "html_to_text", "parse_feed"]
