"""Reading ACLED CSV exports: the one place that knows their encodings and separators.

Exports come comma- or semicolon-separated, in UTF-8 (with or without a byte-order mark) or latin-1, with
current lower-case or pre-2019 upper-case headers. Rows come back with lower-cased, stripped keys and values.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # decodes any byte string


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """Every row of one export, keys lower-cased, keys and values stripped."""
    text = decode(Path(path).read_bytes())
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [{(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
            for raw in csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)]
