"""Tests for sitrep.evaluate: the ACLED and CASE scorers, with stand-in extractors on real files."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from sitrep.evaluate import (
    CASE_LABELS,
    classify_extract,
    evaluate_acled,
    evaluate_case,
    format_report,
    parse_acled_date,
    read_case_tsv,
    weighted_f1,
)
from sitrep.model import Article, Event

SHARED = Path(__file__).resolve().parents[2] / "shared"

HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "country", "admin1",
          "latitude", "longitude", "notes", "fatalities"]
ROWS = [
    ["X1", "9-May-20", "Protests", "Peaceful protest", "Protesters (Kenya)", "6", "Kenya", "Nairobi", "-1.28",
     "36.82", "On 9 May 2020, traders protested in Nairobi. [size=no report]", "0"],
    ["X2", "10-May-20", "Battles", "Armed clash", "Military Forces of Kenya (2013-)", "1", "Kenya", "Lamu", "-2.27",
     "40.90", "On 10 May 2020, soldiers clashed with militants near Lamu. 3 fatalities.", "3"],
    ["X3", "11-May-20", "Explosions/Remote violence", "Grenade", "Unidentified Armed Group (Kenya)", "3", "Kenya",
     "Mombasa", "-4.04", "39.67", "On 11 May 2020, a grenade was thrown at a bar in Mombasa.", "1"],
]


def _write_acled(path: Path, delimiter: str = ",") -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(ROWS)


def _oracle(article: Article) -> list[Event]:
    """Returns the right answer for X1 and X2 (X2 with a wrong fatality count), nothing for X3."""
    if "traders" in article.text:
        return [Event(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)",
                      inter1=6, country="Kenya", admin1="Nairobi", latitude=-1.29, longitude=36.82,
                      event_date=article.published - timedelta(days=1), confidence=0.9),
                Event(event_type="Riots", sub_event_type="Mob violence", confidence=0.2)]
    if "clashed" in article.text:
        return [Event(event_type="Battles", sub_event_type="Armed clash", inter1=1, fatalities=2,
                      event_date=article.published - timedelta(days=1), latitude=0.0, longitude=0.0,
                      confidence=0.8)]
    return []


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_evaluate_acled_metrics(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "acled.csv"
    _write_acled(path, delimiter)
    seen: list[Article] = []

    def extract(article: Article) -> list[Event]:
        seen.append(article)
        return _oracle(article)

    result = evaluate_acled(path, extract, progress=False)
    m = result["metrics"]
    assert result["n"] == 3
    assert seen[0].published == date(2020, 5, 10)  # the day after the event
    assert seen[0].text == ROWS[0][10]  # the notes exactly as written
    assert m["detected"] == pytest.approx(2 / 3)
    assert m["event_type"] == pytest.approx(2 / 3)
    assert m["sub_event_type"] == pytest.approx(2 / 3)
    assert m["fatalities"] == pytest.approx(1 / 3)
    assert m["fatalities_with_deaths"] == 0.0
    assert m["event_date"] == pytest.approx(2 / 3)
    assert m["inter1"] == pytest.approx(2 / 3)
    assert m["actor1"] == pytest.approx(1 / 3)
    assert m["admin1"] == pytest.approx(1 / 3)
    assert m["coords_25km"] == pytest.approx(1 / 3)
    confusions = result["confusion"]["top_confusions"]
    assert confusions == [{"gold": "Grenade", "predicted": "NONE", "n": 1}]
    report = format_report(result)
    assert "sub_event_type_weighted_f1" in report and "Grenade -> NONE" in report


def test_evaluate_acled_reads_actor_type_names_as_inter_codes(tmp_path: Path) -> None:
    # newer exports from ACLED's API name the actor type in inter1 instead of coding it
    names = {"6": "Protesters", "1": "State forces", "3": "Political militia"}
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows([*row[:5], names[row[5]], *row[6:]] for row in ROWS)
    assert evaluate_acled(path, _oracle, progress=False)["metrics"]["inter1"] == pytest.approx(2 / 3)


def test_evaluate_acled_can_drop_the_crowd_size_tag(tmp_path: Path) -> None:
    # newer exports carry crowd size in a tags column: their notes end without "[size=no report]"
    path = tmp_path / "acled.csv"
    _write_acled(path)
    seen: list[str] = []

    def extract(article: Article) -> list[Event]:
        seen.append(article.text)
        return []

    evaluate_acled(path, extract, progress=False)
    evaluate_acled(path, extract, progress=False, with_size_tags=False)
    assert seen[0] == ROWS[0][10] and seen[0].endswith("[size=no report]")
    assert seen[3] == "On 9 May 2020, traders protested in Nairobi."
    assert seen[4] == ROWS[1][10]  # notes without the tag are untouched


def test_evaluate_acled_limit(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    _write_acled(path)
    assert evaluate_acled(path, _oracle, limit=1, progress=False)["n"] == 1


def test_evaluate_acled_passes_the_outlet_unless_told_not_to(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*HEADER, "source"])
        writer.writerow([*ROWS[0], "Daily Nation (Kenya)"])
    seen: list[Article] = []

    def extract(article: Article) -> list[Event]:
        seen.append(article)
        return []

    evaluate_acled(path, extract, progress=False)
    evaluate_acled(path, extract, progress=False, with_source=False)
    assert [a.source for a in seen] == ["Daily Nation (Kenya)", None]


def test_weighted_f1() -> None:
    assert weighted_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert weighted_f1(["a", "b"], ["b", "a"]) == 0.0
    # a: P=1/2 R=1 F=2/3 (support 1); b: P=0 R=0 (support 1)
    assert weighted_f1(["a", "b"], ["a", "a"]) == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("9-May-20", date(2020, 5, 9)), ("17 November 2021", date(2021, 11, 17)), ("2022-01-01", date(2022, 1, 1)),
     ("01-January-2015", date(2015, 1, 1)), ("29/12/2015", date(2015, 12, 29)), ("junk", None)],
)
def test_parse_acled_date(value: str, expected: date | None) -> None:
    assert parse_acled_date(value) == expected


def test_case_labels() -> None:
    assert len(CASE_LABELS) == 25
    assert CASE_LABELS["SUIC_BOMB"] == "Suicide bomb"


def _keyword_extract(article: Article) -> list[Event]:
    text = article.text.lower()
    if "protest" in text:
        return [Event(event_type="Protests", sub_event_type="Peaceful protest", confidence=0.7)]
    if "bomb" in text:
        return [Event(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", confidence=0.7)]
    return []


def test_evaluate_acled_rows_show_gold_beside_prediction_and_the_failed_measures(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    _write_acled(path)
    rows: list[dict] = []
    result = evaluate_acled(path, _oracle, progress=False, rows_out=rows)
    assert [r["id"] for r in rows] == ["X1", "X2", "X3"]
    first, second, third = rows
    assert first["wrong"] == [] and first["km"] is not None and first["km"] < 2
    assert first["predicted"]["sub_event_type"] == first["gold"]["sub_event_type"] == "Peaceful protest"
    # X2: right type, two deaths for three, coordinates far off; X3: no event at all
    assert {"fatalities", "fatalities_with_deaths", "coords_25km", "actor1"} <= set(second["wrong"])
    assert "event_type" not in second["wrong"] and second["km"] > 25
    assert third["predicted"] is None and {"detected", "event_type", "sub_event_type"} <= set(third["wrong"])
    # the rows agree with the metrics
    m = result["metrics"]
    for name in ("detected", "event_type", "fatalities", "coords_25km"):
        assert m[name] == pytest.approx(sum(name not in r["wrong"] for r in rows) / len(rows))


@pytest.mark.parametrize("layout", ["id_text_label", "label_text", "header", "case_header", "numbers"])
def test_evaluate_case_layouts(tmp_path: Path, layout: str) -> None:
    rows = [("Teachers protested outside the ministry.", "PEACE_PROTEST"),
            ("A suicide bomber blew himself up at the market.", "SUIC_BOMB"),
            ("Rebels fired mortars at the town.", "ART_MISS_ATTACK"),
            ("An earthquake destroyed 40 homes.", "NATURAL_DISASTER"),
            ("A bomb exploded at a fireworks factory.", "MAN_MADE_DISASTER")]
    numbers = {code: str(i) for i, code in enumerate(sorted(CASE_LABELS), 1)}
    lines = []
    for i, (text, label) in enumerate(rows, 1):
        if layout == "id_text_label":
            lines.append(f"{i}\t{text}\t{label}")
        elif layout == "label_text":
            lines.append(f"{label}\t{text}")
        elif layout == "header":
            lines.append(f"{text}\t{label}")
        else:
            lines.append(f"{i}\t{text}\t{numbers.get(label, label)}")
    if layout == "header":
        lines.insert(0, "text\tlabel")
    if layout == "case_header":
        # the CASE 2021 task 2 release: id, EventSnippet, SubType
        lines = [f"{i}\t{text}\t{label}" for i, (text, label) in enumerate(rows, 1)]
        lines.insert(0, "id\tEventSnippet\tSubType")
    path = tmp_path / "case.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [t for t, _ in read_case_tsv(path)] == [t for t, _ in rows]
    result = evaluate_case(path, _keyword_extract, progress=False)
    m = result["metrics"]
    assert result["n_labelled"] == 3
    assert m["sub_event_type"] == pytest.approx(2 / 3)
    assert m["sub_event_type_weighted_f1"] == pytest.approx(2 / 3)
    assert m["no_event_rate_negatives"] == pytest.approx(0.5)
    assert result["no_event_rate_by_label"]["NATURAL_DISASTER"]["no_event"] == 1.0
    assert result["no_event_rate_by_label"]["MAN_MADE_DISASTER"]["no_event"] == 0.0
    assert "NATURAL_DISASTER" in format_report(result)
    out: list[dict] = []
    evaluate_case(path, _keyword_extract, progress=False, rows_out=out)
    assert len(out) == len(rows)
    assert sum(r["right"] for r in out) == 2 + 1  # two of three labelled snippets, one of two disasters


def test_classify_extract_stand_in() -> None:
    events = classify_extract(Article(id="a", text="Rebels and soldiers clashed near the town. Ten died.",
                                      published=date(2021, 3, 2)))
    assert len(events) == 1
    event = events[0]
    assert event.event_type and event.sub_event_type and event.cameo_code and event.plover_event
    assert event.event_date == date(2021, 3, 1)
    assert 0 < event.confidence <= 1
    assert classify_extract(Article(id="b", text="")) == []


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (ACLED exports) not present")
def test_evaluate_acled_real_file_runs() -> None:
    path = SHARED / "data" / "acled" / "acled_afghanistan_2020-03.csv"
    result = evaluate_acled(path, classify_extract, limit=40, progress=False)
    assert result["n"] == 40
    assert result["metrics"]["event_type"] is not None
    assert sum(result["gold_distribution"].values()) == 40
