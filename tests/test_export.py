"""Tests for sitrep.export: every format written to a real file and read back with a plain reader."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sitrep.export import COLUMNS, FORMATS, format_for, write_events
from sitrep.model import ACLED_COLUMNS, SITREP_COLUMNS, Claim, Event, Evidence


def make_events() -> list[Event]:
    return [
        Event(
            event_id="T1",
            event_date=date(2020, 5, 17),
            time_precision=2,
            disorder_type="Political violence",
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            actor1="Unidentified Armed Group (Testland)",
            inter1=3,
            actor2="Civilians (Testland)",
            inter2=7,
            interaction=37,
            civilian_targeting="Civilian targeting",
            iso=999,
            iso3="TST",
            region="Western Africa",
            country="Testland",
            admin1="Nord",
            admin2="Côte",
            location="Saint-Élan",
            latitude=12.5,
            longitude=-3.25,
            geo_precision=2,
            source="Le Journal",
            source_scale="National",
            notes='On 17 May 2020, an IED hit a bus near "Saint-Élan", killing 4, injuring 6;\nanother line.',
            fatalities=4,
            doc_id="d1",
            doc_ids=["d1", "d2"],
            injuries=6,
            fatalities_low=4,
            fatalities_high=5,
            claim=Claim(status="alleged", by="local officials"),
            cameo_code="183",
            plover_event="ATTACK",
            plover_mode="explosives",
            confidence=0.81,
            evidence=[Evidence(doc_id="d1", field="fatalities", start=40, end=41, text="4")],
        ),
        Event(
            event_id="T2",
            event_type="Riots",
            sub_event_type="Mob violence",
            doc_id="d3",
            doc_ids=["d3"],
            notes="Unlocated and undated; مظاهرة",
            latitude=None,
            longitude=None,
        ),
    ]


def test_format_for() -> None:
    assert format_for(Path("x/out.csv")) == "csv"
    assert format_for(Path("out.GeoJSON")) == "geojson"
    assert format_for(Path("out.json")) == "geojson"
    assert format_for(Path("out.jsonl")) == "jsonl"
    assert format_for(Path("out.parquet")) == "parquet"
    assert format_for(Path("out.csv"), "jsonl") == "jsonl"  # explicit wins
    with pytest.raises(ValueError, match="suffix|format"):
        format_for(Path("out.txt"))
    with pytest.raises(ValueError, match="unknown export format"):
        format_for(Path("out.csv"), "xlsx")
    assert set(FORMATS) == {"csv", "geojson", "jsonl", "parquet"}


def test_csv(tmp_path: Path) -> None:
    events = make_events()
    path = tmp_path / "events.csv"
    assert write_events(events, path, "csv") == 2
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    assert header == list(ACLED_COLUMNS) + list(SITREP_COLUMNS)
    assert len(rows) == 2
    first = dict(zip(header, rows[0], strict=True))
    assert first["event_id"] == "T1" and first["event_date"] == "2020-05-17" and first["year"] == "2020"
    assert first["notes"] == events[0].notes  # quotes, commas and the newline survive
    assert first["admin2"] == "Côte"
    assert float(first["latitude"]) == 12.5 and float(first["longitude"]) == -3.25
    assert first["doc_ids"] == "d1;d2"
    assert first["claim_status"] == "alleged" and first["claim_by"] == "local officials"
    second = dict(zip(header, rows[1], strict=True))
    assert second["event_date"] == "" and second["latitude"] == "" and second["year"] == ""
    assert second["notes"].endswith("مظاهرة")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM: csv/pandas read the header as is


def test_geojson(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    assert write_events(make_events(), path, "geojson") == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [-3.25, 12.5]}  # [lon, lat]
    assert list(first["properties"]) == list(COLUMNS)
    assert first["properties"]["location"] == "Saint-Élan"
    assert first["properties"]["fatalities"] == 4
    assert second["geometry"] is None
    assert second["properties"]["latitude"] is None


def test_jsonl(tmp_path: Path) -> None:
    events = make_events()
    path = tmp_path / "events.jsonl"
    assert write_events(events, path, "jsonl") == 2
    text = path.read_text(encoding="utf-8")
    assert "Saint-Élan" in text and "مظاهرة" in text  # ensure_ascii=False
    records = [json.loads(line) for line in text.splitlines()]
    assert records == [e.record() for e in events]
    assert records[0]["claim"] == {"status": "alleged", "by": "local officials"}
    assert records[0]["evidence"][0]["text"] == "4"
    assert records[0]["doc_ids"] == ["d1", "d2"]


def test_parquet(tmp_path: Path) -> None:
    events = make_events()
    path = tmp_path / "events.parquet"
    assert write_events(events, path, "parquet") == 2
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("iso").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("notes").type == pa.string()
    rows = table.to_pylist()
    assert rows[0]["event_date"] == date(2020, 5, 17)
    assert rows[0]["year"] == 2020
    assert rows[0]["doc_ids"] == "d1;d2"
    assert rows[0]["notes"] == events[0].notes
    assert rows[1]["event_date"] is None and rows[1]["iso"] is None and rows[1]["latitude"] is None
    assert rows[1]["fatalities"] == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_export_is_valid(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    assert write_events([], path, fmt) == 0
    if fmt == "csv":
        assert path.read_text(encoding="utf-8").splitlines() == [",".join(COLUMNS)]
    elif fmt == "geojson":
        assert json.loads(path.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}
    elif fmt == "jsonl":
        assert path.read_text(encoding="utf-8") == ""
    else:
        table = pq.read_table(path)
        assert table.num_rows == 0 and table.column_names == list(COLUMNS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_failed_export_leaves_no_half_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    path.write_text("previous export\n", encoding="utf-8")

    def failing() -> Iterator[Event]:
        yield from make_events()
        raise RuntimeError("coder crashed")

    with pytest.raises(RuntimeError, match="coder crashed"):
        write_events(failing(), path, fmt)
    assert path.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{fmt}"]  # no temp file left behind


def test_export_creates_folder_and_normal_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "events.csv"
    write_events(make_events(), path, "csv")
    assert path.exists()
    assert path.stat().st_mode & 0o044  # readable by others, like any plain open() under a usual umask


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_text_stream(fmt: str) -> None:
    out = io.StringIO()
    assert write_events(make_events(), out, fmt) == 2
    text = out.getvalue()
    if fmt == "jsonl":
        assert [json.loads(line)["event_id"] for line in text.splitlines()] == ["T1", "T2"]
    elif fmt == "geojson":
        assert len(json.loads(text)["features"]) == 2
    else:
        assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)


def test_parquet_to_stream_uses_binary_buffer() -> None:
    raw = io.BytesIO()
    wrapper = io.TextIOWrapper(raw, encoding="utf-8")
    assert write_events(make_events(), wrapper, "parquet") == 2
    assert pq.read_table(io.BytesIO(raw.getvalue())).num_rows == 2
    with pytest.raises(ValueError, match="binary"):
        write_events(make_events(), io.StringIO(), "parquet")


def test_nan_is_written_as_missing(tmp_path: Path) -> None:
    event = Event(
        event_id="N",
        event_type="Battles",
        sub_event_type="Armed clash",
        latitude=float("nan"),
        longitude=float("nan"),
    )
    outputs: dict[str, Any] = {}
    for fmt in ("geojson", "jsonl"):
        path = tmp_path / f"nan.{fmt}"
        write_events([event], path, fmt)
        outputs[fmt] = path.read_text(encoding="utf-8")
        assert "NaN" not in outputs[fmt]
    assert json.loads(outputs["geojson"])["features"][0]["geometry"] is None
