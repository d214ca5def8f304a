"""Geoparsing measurements: toponyms against GeoWebNews / TR-News XML gold, event locations against ACLED.

- `evaluate_geo(xml)`: toponym recall and precision (a predicted span overlapping a gold span counts),
  accuracy within 161 km (100 miles) and median error of the found toponyms that have gold coordinates.
- `evaluate_acled_locations(csv)`: each ACLED row's `notes` geoparsed as a document, the event located
  with `locate_event` over the whole note; country, admin1 and coordinates (within 25 km) against the
  row's own columns.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.acled_csv import read_rows
from sitrep.geo import country_fields, geoparse, locate_event
from sitrep.geo.distance import km_between as haversine_km
from sitrep.geo.normalize import fold, loose, strip_admin
from sitrep.model import Article, Document, Place


def _progress(items: list[Any], progress: bool, label: str) -> Iterable[Any]:
    if not progress:
        return items
    try:
        from rich.progress import track
    except ImportError:  # pragma: no cover - rich is a dependency
        return items
    return track(items, description=label, transient=True)


# ---------------------------------------------------------------------------------------------- TR-News


# GeoWebNews (Gritta et al. 2019) annotates every location expression; these of its types are no toponym:
# common nouns ("the city", "residents"), a place name naming something else ("Iceland" the supermarket),
# names of organisations or buildings that merely contain one, and languages ("French", "Chinese").
GWN_NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Homonym", "Non_Toponym", "Language"})


def read_geo_xml(xml_path: Path) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    """Articles and gold toponyms ({start, end, phrase, lat, lon, fcode, type}) of a GeoWebNews/TR-News file.

    TR-News writes a toponym as `<phrase>` with a `<gaztag>` holding `<lat>`, `<lon>` and `<fcode>`;
    GeoWebNews as `<extractedName>`, `<type>`, `<latitude>` and `<longitude>`, and it also tags location
    expressions that are no toponym (`GWN_NOT_TOPONYMS`), which are left out here. A span tagged twice is
    one toponym. Raises ValueError (naming the file) when the XML cannot be read.
    """
    try:
        root = ET.parse(xml_path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{xml_path}: not well-formed XML ({exc})") from exc
    for number, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold: list[dict[str, Any]] = []
        spans: set[tuple[int, int]] = set()
        for t in art.iter("toponym"):
            kind = t.findtext("type")
            if kind in GWN_NOT_TOPONYMS:
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            if (start, end) in spans:
                continue
            spans.add((start, end))
            g = t.find("gaztag")
            lat_text, lon_text = ((g.findtext("lat"), g.findtext("lon")) if g is not None
                                  else (t.findtext("latitude"), t.findtext("longitude")))
            lat = lon = None
            if lat_text not in (None, "") and lon_text not in (None, ""):
                lat, lon = float(lat_text or 0), float(lon_text or 0)
            gold.append({"start": start, "end": end,
                         "phrase": t.findtext("phrase") or t.findtext("extractedName") or "",
                         "lat": lat, "lon": lon, "fcode": g.findtext("fcode") if g is not None else None,
                         "type": kind})
        _realign(text, gold)
        title = (art.findtext("title") or "").strip() or None
        yield Article(id=art.get("docid") or str(number), text=text, title=title), gold


def _annotator(use_nlp: bool) -> Any:
    """sitrep's NLP stage when available (its entities are an extra signal for the geoparser)."""
    if not use_nlp:
        return None
    try:
        from sitrep import nlp

        return nlp.annotate
    except Exception:  # noqa: BLE001 - evaluation still runs on the gazetteer alone
        return None


def _realign(text: str, gold: list[dict[str, Any]]) -> None:
    """Fix gold offsets that drifted from the text (some TR-News offsets ignore whitespace runs)."""
    shift = 0
    for g in sorted(gold, key=lambda g: g["start"]):
        phrase, start = g["phrase"], g["start"] + shift
        if not phrase:
            continue
        if text[start:start + len(phrase)] == phrase:
            g["start"], g["end"] = start, start + len(phrase)
            continue
        found = [p for p in (text.find(phrase, max(0, start - 5)), text.rfind(phrase, 0, start + 5)) if p >= 0]
        if found:
            pos = min(found, key=lambda p: abs(p - start))
            if abs(pos - start) <= 400:
                shift += pos - start
                g["start"], g["end"] = pos, pos + len(phrase)


def evaluate_geo(xml_path: Path, *, progress: bool = True, use_nlp: bool = True,
                 rows_out: list[dict[str, Any]] | None = None) -> dict:
    """Toponym recall/precision and resolution accuracy on GeoWebNews-style XML gold.

    With `use_nlp` the documents first go through sitrep's NLP stage (spaCy entities), as in the pipeline.
    With `rows_out`, one record per gold toponym (found or not, where sitrep put it, how far off) and per
    place sitrep found that no gold toponym covers is appended to it.
    """
    docs = list(read_geo_xml(Path(xml_path)))
    annotate = _annotator(use_nlp)
    n_gold = n_pred = n_found = n_correct_pred = 0
    errors: list[float] = []
    missed: dict[str, int] = {}
    wrong: list[dict[str, Any]] = []
    spurious: dict[str, int] = {}
    by_type: dict[str | None, Counter[str]] = {}  # GeoWebNews' toponym types; TR-News has none
    for article, gold in _progress(docs, progress, "geoparsing"):
        doc = Document(article=article)
        doc = geoparse(annotate(doc) if annotate else doc)
        n_gold += len(gold)
        n_pred += len(doc.places)
        records: list[dict[str, Any]] = []
        for p in doc.places:
            if any(g["start"] < (p.end or 0) and (p.start or 0) < g["end"] for g in gold):
                n_correct_pred += 1
            else:
                spurious[p.text] = spurious.get(p.text, 0) + 1
                records.append({"doc_id": article.id, "start": p.start, "text": p.text, "gold": None,
                                "found": _found(p), "km": None})
        for g in gold:
            hit = next((p for p in doc.places if (p.start or 0) < g["end"] and g["start"] < (p.end or 0)), None)
            km = None
            tally = by_type.setdefault(g["type"], Counter())
            tally["n"] += 1
            if hit is None:
                missed[g["phrase"]] = missed.get(g["phrase"], 0) + 1
            else:
                n_found += 1
                tally["found"] += 1
                if g["lat"] is not None and hit.latitude is not None and hit.longitude is not None:
                    km = haversine_km(g["lat"], g["lon"], hit.latitude, hit.longitude)
                    errors.append(km)
                    tally["resolved"] += 1
                    tally["within_161km"] += km <= 161
                    if km > 161:
                        wrong.append({"text": g["phrase"], "gold_fcode": g["fcode"], "name": hit.name,
                                      "country": hit.country_code, "km": round(km)})
            records.append({"doc_id": article.id, "start": g["start"], "text": g["phrase"],
                            "gold": {"fcode": g["fcode"], "type": g["type"], "latitude": g["lat"],
                                     "longitude": g["lon"]},
                            "found": _found(hit) if hit else None, "km": round(km, 1) if km is not None else None})
        if rows_out is not None:
            rows_out.extend(sorted(records, key=lambda r: r["start"] or 0))
    return {
        "n_docs": len(docs),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "recall": n_found / n_gold if n_gold else 0.0,
        "precision": n_correct_pred / n_pred if n_pred else 0.0,
        "acc_161km": sum(e <= 161 for e in errors) / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else None,
        "n_resolved": len(errors),
        "missed": sorted(missed.items(), key=lambda kv: -kv[1])[:25],
        "spurious": sorted(spurious.items(), key=lambda kv: -kv[1])[:25],
        "wrong": sorted(wrong, key=lambda w: -w["km"])[:25],
        "by_type": {kind: {m: t[m] for m in ("n", "found", "resolved", "within_161km")}
                    for kind, t in sorted(by_type.items(), key=lambda kv: -kv[1]["n"]) if kind},
    }


def _found(p: Place) -> dict[str, Any]:
    return {"text": p.text, "name": p.name, "country": p.country_code, "admin1": p.admin1,
            "feature_code": p.feature_code, "latitude": p.latitude, "longitude": p.longitude,
            "score": round(p.score, 3)}


def format_report(result: dict) -> str:
    """Human-readable summary of `evaluate_geo` or `evaluate_acled_locations`."""
    lines = []
    if "recall" in result:
        lines.append(f"toponyms: {result['n_docs']} docs, {result['n_gold']} gold, {result['n_pred']} predicted")
        lines.append(f"  recall     {result['recall']:.3f}")
        lines.append(f"  precision  {result['precision']:.3f}")
        med = result["median_km"]
        lines.append(f"  acc@161km  {result['acc_161km']:.3f}  (of {result['n_resolved']} found with gold coordinates)")
        lines.append(f"  median km  {med:.1f}" if med is not None else "  median km  -")
        for kind, t in (result.get("by_type") or {}).items():
            within = f", {t['within_161km'] / t['resolved']:.3f} within 161 km" if t["resolved"] else ""
            lines.append(f"  {kind:<22} {t['n']:>5} gold, recall {t['found'] / t['n']:.3f}{within}")
        if result.get("missed"):
            lines.append("  most missed: " + ", ".join(f"{k} ({v})" for k, v in result["missed"][:10]))
        if result.get("wrong"):
            lines.append("  worst: " + ", ".join(f"{w['text']}->{w['name']} {w['km']}km" for w in result["wrong"][:8]))
    if "country_acc" in result:
        lines.append(f"ACLED event locations: {result['n']} notes")
        lines.append(f"  located      {result['located']:.3f}")
        lines.append(f"  country      {result['country_acc']:.3f}")
        lines.append(f"  admin1       {result['admin1_acc']:.3f}")
        lines.append(f"  within 25km  {result['within_25km']:.3f}")
        med = result.get("median_km")
        lines.append(f"  median km    {med:.1f}" if med is not None else "  median km    -")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- ACLED


def same_admin1(predicted: str | None, gold: str | None) -> bool:
    """Admin1 names match across spellings ("Deir ez-Zor" = "Deir ez Zor", "Idlib" = "Idleb")."""
    if not predicted or not gold:
        return False
    a, b = strip_admin(predicted), strip_admin(gold)
    return fold(a) == fold(b) or (bool(loose(a)) and loose(a) == loose(b))


def evaluate_acled_locations(csv_path: Path, *, limit: int | None = None, progress: bool = False) -> dict:
    """Country, admin1 and coordinate accuracy of `locate_event` on ACLED notes (gold: the row's columns).

    `limit` takes an evenly spaced sample of that many rows (the files are sorted by date and country).
    """
    rows = [r for r in read_rows(csv_path) if (r.get("notes") or "").strip() and r.get("latitude")]
    if limit and len(rows) > limit:
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    n = located = country_ok = admin1_ok = near_ok = 0
    errors: list[float] = []
    by_precision: dict[str, list[int]] = {}
    for i, row in enumerate(_progress(rows, progress, "locating")):
        notes = row["notes"]
        doc = geoparse(Document(article=Article(id=str(i), text=notes)))
        place, _precision = locate_event(doc, 0, len(notes))
        n += 1
        iso2 = place.country_code if place is not None else doc.country_focus
        fields = country_fields(iso2) if iso2 else {}
        if fields and (fold(fields.get("country", "")) == fold(row.get("country", ""))
                       or str(fields.get("iso")) == str(row.get("iso", "")).strip()):
            country_ok += 1
        bucket = by_precision.setdefault(row.get("geo_precision", "?"), [0, 0])
        bucket[1] += 1
        if place is None:
            continue
        located += 1
        if same_admin1(place.admin1, row.get("admin1")):
            admin1_ok += 1
        try:
            glat, glon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError):
            continue
        if place.latitude is not None and place.longitude is not None:
            km = haversine_km(glat, glon, place.latitude, place.longitude)
            errors.append(km)
            if km <= 25:
                near_ok += 1
                bucket[0] += 1
    return {
        "n": n,
        "located": located / n if n else 0.0,
        "country_acc": country_ok / n if n else 0.0,
        "admin1_acc": admin1_ok / n if n else 0.0,
        "within_25km": near_ok / n if n else 0.0,
        "median_km": statistics.median(errors) if errors else None,
        "within_25km_by_gold_precision": {k: v[0] / v[1] for k, v in sorted(by_precision.items()) if v[1]},
    }
