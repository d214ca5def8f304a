"""Ingest: every kind of input a user names (files, folders, feeds, URLs, `-`) -> Articles.

`iter_inputs` owns the dispatch and the promise the CLI relies on: each unreadable input yields
exactly one `Skipped` (never an exception) and every other input is still read. The readers live in
textfile.py, html.py, records.py and feeds.py; boilerplate removal is clean.py.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from sitrep.ingest.base import MAX_BYTES, Skipped, Unreadable, too_large
from sitrep.ingest.feeds import looks_like_feed, looks_like_html, parse_feed, read_url
from sitrep.ingest.html import decode_html, extract_html
from sitrep.ingest.records import read_csv, read_csv_stream, read_json, read_jsonl, read_jsonl_stream
from sitrep.ingest.textfile import dateline_date, decode_bytes, title_line
from sitrep.model import Article

__all__ = ["MAX_BYTES", "Skipped", "iter_inputs", "read_file"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})


def iter_inputs(paths: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = MAX_BYTES,
                fetch_timeout: float = 20.0) -> Iterator[Article | Skipped]:
    """Articles from every PATH in order: file, folder (recursive, sorted, hidden skipped), `-`
    (JSONL on stdin), or http(s) feed URL; one Skipped for each input that cannot be read."""
    if isinstance(paths, str):  # one path passed bare: not a sequence of one-letter paths
        paths = [paths]
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin
            records = read_jsonl_stream(stream, name="<stdin>", stem="stdin", max_bytes=max_bytes)
            yield from _guarded("<stdin>", _not_empty(records, "no input on stdin"))
        elif raw.startswith(("http://", "https://")):
            yield from _guarded(raw, read_url(raw, timeout=fetch_timeout, max_bytes=max_bytes))
        else:
            path = Path(raw)
            if path.is_dir():
                for file, rel in _walk(path):
                    yield from _guarded(str(file), read_file(file, article_id=rel, max_bytes=max_bytes))
            else:
                yield from _guarded(raw, read_file(path, article_id=path.name, max_bytes=max_bytes))


def _guarded(origin: str, items: Iterator[Article | Skipped]) -> Iterator[Article | Skipped]:
    """Turn any failure of a reader into one Skipped for what it had not read yet."""
    try:
        yield from items
    except Unreadable as exc:
        yield Skipped(origin, exc.reason)
    except PermissionError:
        yield Skipped(origin, "permission denied")
    except FileNotFoundError:
        yield Skipped(origin, "no such file")
    except IsADirectoryError:
        yield Skipped(origin, "is a directory")
    except MemoryError:
        yield Skipped(origin, "out of memory while reading")
    except Exception as exc:  # the contract is: never raise, report the input and go on
        yield Skipped(origin, f"unexpected error: {type(exc).__name__}: {exc}")


def _not_empty(items: Iterator[Article | Skipped], reason: str) -> Iterator[Article | Skipped]:
    """Pass items through; an input that held no record at all is one Skipped, not silence."""
    seen = False
    for item in items:
        seen = True
        yield item
    if not seen:
        raise Unreadable(reason)


def _walk(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every non-hidden file under folder, sorted by relative path: (path, relative posix path)."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                file = Path(root) / name
                found.append((file.relative_to(folder).parts, file))
    for parts, file in sorted(found):
        yield file, "/".join(parts)


def read_file(path: Path, *, article_id: str, max_bytes: int = MAX_BYTES) -> Iterator[Article | Skipped]:
    """One file by its kind (suffix, else sniffed content); raises Unreadable, see `iter_inputs`."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("not a regular file")
    suffix = path.suffix.lower()
    empty = "empty file" if info.st_size == 0 else "no records in file"
    if suffix in (".jsonl", ".ndjson"):
        yield from _not_empty(read_jsonl(path, name=name, max_bytes=max_bytes), empty)
        return
    if suffix in (".csv", ".tsv"):
        yield from _not_empty(read_csv(path, name=name, max_bytes=max_bytes), empty)
        return
    inner = Path(path.stem).suffix.lower()
    if suffix == ".gz" and inner in (".jsonl", ".ndjson", ".csv", ".tsv"):
        # Compressed corpora are streamed like their plain versions (the limit is per record).
        stem = Path(path.stem).stem
        try:
            with gzip.open(path, "rb") as stream:
                if inner in (".csv", ".tsv"):
                    records = read_csv_stream(stream, name=name, stem=stem, max_bytes=max_bytes)
                else:
                    records = read_jsonl_stream(stream, name=name, stem=stem, max_bytes=max_bytes)
                yield from _not_empty(records, "no records in file")
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise Unreadable(f"corrupt gzip file ({exc})") from None
        return
    if suffix == ".json":
        yield from _not_empty(read_json(path, name=name, max_bytes=max_bytes), empty)
        return
    # Whole-document kinds: the size limit is checked before a byte is read.
    if info.st_size > max_bytes:
        raise Unreadable(too_large(info.st_size, max_bytes))
    if info.st_size == 0:
        raise Unreadable("empty file")
    data = path.read_bytes()
    if suffix in FEED_SUFFIXES:
        if not looks_like_feed(data):
            raise Unreadable("XML file is not an RSS/Atom feed")
        yield from parse_feed(data, origin=name)
    elif suffix in HTML_SUFFIXES:
        yield _html_article(data, article_id=article_id, origin=name)
    elif suffix in TEXT_SUFFIXES:
        yield _text_article(data, article_id=article_id, origin=name)
    elif looks_like_feed(data):
        yield from parse_feed(data, origin=name)
    elif looks_like_html(data):
        yield _html_article(data, article_id=article_id, origin=name)
    else:
        yield _text_article(data, article_id=article_id, origin=name)


def _text_article(data: bytes, *, article_id: str, origin: str) -> Article:
    text = decode_bytes(data)
    return Article(id=article_id, text=text, title=title_line(text), published=dateline_date(text), origin=origin)


def _html_article(data: bytes, *, article_id: str, origin: str) -> Article:
    page = extract_html(decode_html(data))
    return Article(id=article_id, text=page.text, url=page.url, title=page.title, source=page.site,
                   published=page.published, origin=origin)
