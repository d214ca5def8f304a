"""Record files: JSONL (one article per line), CSV (one per row), JSON (an object or a list of them).

A record has `id`, `text` or `html`, and optionally `published` (YYYY-MM-DD), `url`, `title`,
`source`. Each bad record is one Skipped with its line number; the other records are still read.
JSONL and CSV are streamed, so the size limit applies to each record, not to the whole corpus.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from sitrep.ingest.base import Skipped, Unreadable, too_large
from sitrep.ingest.html import extract_html
from sitrep.ingest.textfile import dateline_date, decode_bytes
from sitrep.model import Article

_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_DELIMITERS = (",", ";", "\t", "|")


def parse_published(value: object) -> date | None:
    """A record's `published`: YYYY-MM-DD (a full ISO timestamp is cut to its date), empty -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        m = _ISO_DATE.match(value)
        if m:
            try:
                return date.fromisoformat(m.group(1))
            except ValueError:
                pass
    raise Unreadable(f"invalid 'published' date {value!r} (expected YYYY-MM-DD)")


def _optional_str(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str | int | float):
        return str(value)
    raise Unreadable(f"'{key}' must be a string, not {type(value).__name__}")


def _one(record: object, *, default_id: str, origin: str) -> Article | Skipped:
    """record_article, with every failure turned into this record's Skipped (the others go on)."""
    try:
        return record_article(record, default_id=default_id, origin=origin)
    except Unreadable as exc:
        return Skipped(origin, exc.reason)
    except Exception as exc:  # one odd record must not end the file
        return Skipped(origin, f"unexpected error: {type(exc).__name__}: {exc}")


def record_article(record: object, *, default_id: str, origin: str) -> Article:
    """One JSON/CSV record -> Article; raise Unreadable with the reason it cannot be one."""
    if not isinstance(record, Mapping):
        raise Unreadable(f"expected a JSON object, got {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    title, url, source = _optional_str(record, "title"), _optional_str(record, "url"), _optional_str(record, "source")
    published = parse_published(record.get("published"))
    if text is not None and not isinstance(text, str):
        raise Unreadable(f"'text' must be a string, not {type(text).__name__}")
    if html is not None and not isinstance(html, str):
        raise Unreadable(f"'html' must be a string, not {type(html).__name__}")
    if text and text.strip():
        body = text  # exactly as given: evidence offsets index it
    elif html and html.strip():
        page = extract_html(html)
        body = page.text
        title, url, published = title or page.title, url or page.url, published or page.published
        source = source or page.site
    elif "text" in record or "html" in record:
        raise Unreadable("empty text")
    else:
        raise Unreadable("record has no 'text' or 'html'")
    return Article(
        id=_optional_str(record, "id") or default_id, text=body, url=url, title=title,
        source=source, published=published or dateline_date(body), origin=origin,
    )


# ---------------------------------------------------------------- JSONL

def _binary_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, str | Unreadable]]:
    """(line number, decoded line | why not) for each line, never holding more than one line."""
    lineno = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
                size += len(raw)
            yield lineno, Unreadable(too_large(size, max_bytes, "line"))
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield lineno, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, Unreadable(f"invalid UTF-8 at byte {exc.start} of the line")


def _text_lines(stream: TextIO, max_bytes: int) -> Iterator[tuple[int, str | Unreadable]]:
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith("\n"):
            size = len(line)
            while line and not line.endswith("\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield lineno, Unreadable(too_large(size, max_bytes, "line"))
            continue
        yield lineno, line


def parse_jsonl(lines: Iterable[tuple[int, str | Unreadable]], *, name: str, stem: str
                ) -> Iterator[Article | Skipped]:
    """JSONL lines -> Articles; blank lines are ignored, a bad line is one Skipped('name:line')."""
    for lineno, line in lines:
        origin = f"{name}:{lineno}"
        if isinstance(line, Unreadable):
            yield Skipped(origin, line.reason)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(origin, f"malformed JSON: {exc}")
            continue
        yield _one(record, default_id=f"{stem}:{lineno}", origin=origin)


def read_jsonl(path: Path, *, name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    with path.open("rb") as stream:
        yield from parse_jsonl(_binary_lines(stream, max_bytes), name=name, stem=path.stem)


def read_jsonl_stream(stream: TextIO | BinaryIO, *, name: str = "<stdin>", stem: str = "stdin",
                      max_bytes: int) -> Iterator[Article | Skipped]:
    """JSONL from an open stream (stdin, a gzip file). A text stream with a binary buffer (sys.stdin) is
    read through the buffer, so one line of bad UTF-8 is one Skipped line, not the end of the input."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        yield from parse_jsonl(_binary_lines(buffer, max_bytes), name=name, stem=stem)
    elif isinstance(stream, io.TextIOBase):
        yield from parse_jsonl(_text_lines(stream, max_bytes), name=name, stem=stem)
    else:
        yield from parse_jsonl(_binary_lines(stream, max_bytes), name=name, stem=stem)  # type: ignore[arg-type]


# ---------------------------------------------------------------- JSON

def read_json(path: Path, *, name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """A .json file: one record object, or a list of them (each bad item one Skipped 'name:index')."""
    size = path.stat().st_size
    if size > max_bytes:
        raise Unreadable(too_large(size, max_bytes))
    text = decode_bytes(path.read_bytes())
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"malformed JSON: {exc}") from None
    if isinstance(data, dict):
        yield record_article(data, default_id=path.stem, origin=name)
        return
    if not isinstance(data, list):
        raise Unreadable(f"JSON file holds a {type(data).__name__}, not an article object or a list of them")
    for i, item in enumerate(data, start=1):
        yield _one(item, default_id=f"{path.stem}:{i}", origin=f"{name}:{i}")


# ---------------------------------------------------------------- CSV

def _delimiter(header: str) -> str:
    """The delimiter the header row uses most (',' when it has none: a one-column file)."""
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, *, name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """A CSV/TSV file with a header row; small files may be in a legacy encoding, large ones UTF-8."""
    size = path.stat().st_size
    if size == 0:
        raise Unreadable("empty file")
    if size <= max_bytes:
        yield from _parse_csv(io.StringIO(decode_bytes(path.read_bytes()), newline=""), name, path.stem, max_bytes)
    else:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            yield from _parse_csv(stream, name, path.stem, max_bytes)


def read_csv_stream(stream: BinaryIO, *, name: str, stem: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """A UTF-8 CSV from an open binary stream (a gzip file)."""
    yield from _parse_csv(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""), name, stem, max_bytes)


def _parse_csv(stream: TextIO, name: str, stem: str, max_bytes: int) -> Iterator[Article | Skipped]:
    header_line = stream.readline()
    stream.seek(0)
    if not header_line.strip():
        raise Unreadable("CSV has no header row")
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    reader = csv.reader(stream, delimiter=_delimiter(header_line))
    header = next(reader)
    columns = [h.strip().lower() for h in header]
    if "text" not in columns and "html" not in columns:
        shown = ", ".join(h.strip() for h in header)
        raise Unreadable(f"CSV has no 'text' or 'html' column (columns: {shown})")
    while True:
        start = reader.line_num + 1
        origin = f"{name}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            yield Skipped(origin, f"invalid UTF-8 ({exc.reason}); the rest of the file was not read")
            return
        except csv.Error as exc:
            yield Skipped(origin, f"malformed CSV: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        record = {col: cell for col, cell in zip(columns, row, strict=False) if col}
        yield _one(record, default_id=f"{stem}:{start}", origin=origin)
