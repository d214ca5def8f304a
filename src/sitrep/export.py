"""Writing events out: ACLED-style CSV, GeoJSON, JSONL and Parquet.

Owns the on-disk shape of every export format. CSV, GeoJSON and Parquet carry the flat row of
`Event.flat()` (ACLED's columns in ACLED's order, then sitrep's); JSONL carries `Event.record()`
with the nested claim and evidence. A file export is written to a temporary file beside the target
and moved into place at the end, so a failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.model import ACLED_COLUMNS, SITREP_COLUMNS, Event

FORMATS: tuple[str, ...] = ("csv", "geojson", "jsonl", "parquet")
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + SITREP_COLUMNS
_SUFFIXES = {
    ".csv": "csv",
    ".geojson": "geojson",
    ".json": "geojson",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_INT_COLUMNS = {
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
    "injuries", "fatalities_low", "fatalities_high",
}  # fmt: skip
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
_PARQUET_ROWS_PER_GROUP = 50_000


def parquet_schema() -> pa.Schema:
    """The explicit Parquet schema: flat columns, int64/float64/string, date32 for event_date."""
    fields = []
    for col in COLUMNS:
        if col == "event_date":
            kind: pa.DataType = pa.date32()
        elif col in _INT_COLUMNS:
            kind = pa.int64()
        elif col in _FLOAT_COLUMNS:
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(col, kind, nullable=True))
    return pa.schema(fields)


def format_for(path: Path, explicit: str | None = None) -> str:
    """The export format: `explicit` if given, else from the file suffix. ValueError if neither says."""
    if explicit:
        fmt = explicit.strip().lower().lstrip(".")
        if fmt == "json":
            fmt = "geojson"
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {explicit!r} (choose from {', '.join(FORMATS)})")
        return fmt
    fmt = _SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(
            f"cannot tell the export format from {str(path)!r}: use a .csv, .geojson, .jsonl or .parquet name"
        )
    return fmt


def _clean(value: object) -> object:
    # NaN is not JSON and not a coordinate; treat it as missing everywhere.
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _flat(event: Event) -> dict[str, object]:
    """Event.flat() in exactly COLUMNS order (flat() builds claim_* last), NaN as None."""
    row = event.flat()
    return {col: _clean(row.get(col)) for col in COLUMNS}


def _csv_cell(value: object) -> object:
    return "" if value is None else value


def _write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    n = 0
    for event in events:
        row = _flat(event)
        writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
        n += 1
    return n


def _feature(event: Event) -> dict[str, Any]:
    props = _flat(event)
    lat, lon = props["latitude"], props["longitude"]
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event.event_id or None, "geometry": geometry, "properties": props}


def _write_geojson(events: Iterable[Event], out: TextIO) -> int:
    # Streamed feature by feature so a large export does not build one huge object in memory.
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(_feature(event), ensure_ascii=False, allow_nan=False))
        n += 1
    out.write("\n]}\n")
    return n


def _write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for event in events:
        record = {k: _clean(v) for k, v in event.record().items()}
        out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        n += 1
    return n


def _batches(events: Iterable[Event], size: int) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for event in events:
        row = _flat(event)
        value = row["event_date"]
        row["event_date"] = date.fromisoformat(value) if isinstance(value, str) and value else None
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_parquet(events: Iterable[Event], out: IO[bytes]) -> int:
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in _batches(events, _PARQUET_ROWS_PER_GROUP):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


_TEXT_WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "csv": _write_csv,
    "geojson": _write_geojson,
    "jsonl": _write_jsonl,
}


def write_events(events: Iterable[Event], path: Path | TextIO, fmt: str) -> int:
    """Write events in `fmt` to a file path (atomically) or an open text stream; returns rows written.

    Parquet to a stream needs a binary one underneath (`sys.stdout.buffer` is used for stdout).
    """
    if not isinstance(path, str | os.PathLike):
        fmt = format_for(Path("-"), fmt)
        return _write_stream(events, path, fmt)
    target = Path(path)
    fmt = format_for(target, fmt)
    if fmt == "parquet":
        return _atomically(target, lambda fh: _write_parquet(events, fh), binary=True)
    return _atomically(target, lambda fh: _TEXT_WRITERS[fmt](events, fh))


def write_records(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write plain records (an evaluation's rows) as JSON lines to `path`, atomically; returns rows written."""
    def write(fh: IO[Any]) -> int:
        n = 0
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n

    return _atomically(Path(path), write)


def _atomically(target: Path, write: Callable[[IO[Any]], int], *, binary: bool = False) -> int:
    """Run `write` on a temporary file beside `target`, then move it into place: a failure leaves any file
    already there as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if binary:
            with os.fdopen(fd, "wb") as fh:
                n = write(fh)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                n = write(fh)
        # mkstemp makes the file private (0600); give it the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return n


def _write_stream(events: Iterable[Event], out: TextIO, fmt: str) -> int:
    if fmt != "parquet":
        return _TEXT_WRITERS[fmt](events, out)
    binary = getattr(out, "buffer", None)
    if binary is None:
        raise ValueError("parquet is binary: write it to a file path, not a text stream")
    out.flush()
    n = _write_parquet(events, binary)
    binary.flush()
    return n
