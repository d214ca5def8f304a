"""RSS/Atom feeds (files or http(s) URLs): each entry becomes an Article.

Entry text comes from the entry's content (or else its summary) HTML; url = link, published = the
entry's date, source = the feed's title. A URL is fetched once with urllib (the only network access
sitrep does, and only when the user names a URL); a URL that serves an HTML page instead of a feed
is read as one article.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from sitrep import __version__
from sitrep.ingest.base import Skipped, Unreadable, limit_text, too_large
from sitrep.ingest.html import decode_html, extract_html, fragment_text
from sitrep.ingest.textfile import dateline_date
from sitrep.model import Article

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5"


def looks_like_feed(head: bytes) -> bool:
    """Does the start of a document open an RSS, Atom or RDF root element?"""
    return bool(_FEED_ROOT.search(head[:4096]))


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_ROOT.search(head[:4096]))


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _entry_text(entry: Any) -> str:
    """The entry's longest content body, else its summary, as plain text."""
    bodies = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    html = max(bodies, key=len) if bodies else entry.get("summary", "") or entry.get("description", "")
    return fragment_text(html)


def parse_feed(data: bytes, *, origin: str) -> Iterator[Article | Skipped]:
    """A feed document -> one Article per entry (an entry without text is one Skipped 'origin#n')."""
    import feedparser  # only paid for when there is a feed

    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            raise Unreadable("not an RSS/Atom feed" + (f" ({problem})" if problem else ""))
        raise Unreadable("feed has no entries")
    source = parsed.get("feed", {}).get("title") or None
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        try:
            text = _entry_text(entry)
            if not text.strip():
                yield Skipped(where, "feed entry has no text")
                continue
            link = entry.get("link") or None
            yield Article(
                id=entry.get("id") or link or where, text=text, url=link, title=entry.get("title") or None,
                source=source, published=_entry_date(entry) or dateline_date(text), origin=where,
            )
        except Exception as exc:  # one odd entry must not end the feed
            yield Skipped(where, f"unexpected error: {type(exc).__name__}: {exc}")


def fetch(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str]:
    """GET a URL: (body, content type); raise Unreadable on any failure or an oversized body."""
    request = urllib.request.Request(url, headers={"User-Agent": f"sitrep/{__version__}", "Accept": _ACCEPT})
    handlers = [urllib.request.ProxyHandler({})] if urlsplit(url).hostname in _LOOPBACK else []
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise Unreadable(too_large(int(length), max_bytes, "response"))
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise Unreadable(f"response too large (> {limit_text(max_bytes)} limit)")
            return body, response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise Unreadable(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise Unreadable(f"fetch timed out after {timeout:g} s") from None
        raise Unreadable(f"fetch failed: {reason}") from None
    except TimeoutError:
        raise Unreadable(f"fetch timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise Unreadable(f"fetch failed: {exc}") from None


def read_url(url: str, *, timeout: float, max_bytes: int) -> Iterator[Article | Skipped]:
    """A feed URL -> its entries; a URL serving an HTML page -> that page as one Article."""
    body, content_type = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if not body.strip():
        raise Unreadable("empty response")
    if not looks_like_feed(body) and (content_type == "text/html" or looks_like_html(body)):
        page = extract_html(decode_html(body))
        yield Article(id=url, text=page.text, url=page.url or url, title=page.title,
                      published=page.published, origin=url)
        return
    yield from parse_feed(body, origin=url)
