"""Reading ACLED CSV exports: the one place that knows their encodings and separators.

Exports come comma- or semicolon-separated, in UTF-8 (with or without a byte-order mark) or latin-1, with
current lower-case or pre-2019 upper-case headers, and with inter codes as numbers or (newer API exports)
as actor-type names. Rows come back with lower-cased, stripped keys and values, inter codes as numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sitrep.taxonomy import inter_from_name, interaction_from_names


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # decodes any byte string


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """Every row of one export, keys lower-cased, keys and values stripped, inter codes as numbers."""
    text = decode(Path(path).read_bytes())
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
            for raw in csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)]
    for row in rows:
        for key in ("inter1", "inter2"):
            if key in row:
                row[key] = inter_from_name(row[key])
        if "interaction" in row:
            row["interaction"] = interaction_from_names(row["interaction"])
    return rows
