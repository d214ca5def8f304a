"""Scorers: sitrep's output against human-coded gold (ACLED CSV exports and CASE-2021-style TSV).

Owns `evaluate_acled` (notes in, coded columns as the answer), `evaluate_case` (news snippets labelled
with the 25 ACLED sub-event types, plus unlabelled/negative rows), `format_report`, and
`classify_extract`, a classifier-only stand-in for the full pipeline. The extract callable is any
`Article -> list[Event]`; the highest-confidence event of each text is the one compared.
No scikit-learn here: the metrics are computed directly.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sitrep.extract.detect import LinearModel, classify
from sitrep.geo.distance import km_between
from sitrep.model import Article, Event
from sitrep.taxonomy import EVENT_TYPES, case_codes, codes_for, disorder_type

__all__ = [
    "CASE_LABELS",
    "classifier_extract",
    "classify_extract",
    "evaluate_acled",
    "evaluate_case",
    "format_report",
    "parse_acled_date",
    "weighted_f1",
]

Extract = Callable[[Article], list[Event]]
NONE = "NONE"

# CASE 2021 task 2 label codes -> sub_event_type; numbers 1..25 follow the order of the CASE task's
# "Note on EVENT TYPES" (alphabetical by code: 1 ABDUCT_DISSAP ... 25 VIOL_DEMONSTR).
CASE_LABELS: dict[str, str] = case_codes()
_CASE_BY_NUMBER: dict[str, str] = {str(i): sub for i, (_, sub) in enumerate(sorted(CASE_LABELS.items()), 1)}


# --- helpers --------------------------------------------------------------------------------------------
def parse_acled_date(value: str) -> date | None:
    """ACLED's event_date in any of the formats its exports use (9-May-20, 17 November 2021, ...)."""
    value = value.strip().strip('"')
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%B-%Y", "%d/%m/%Y", "%d-%b-%Y", "%d %b %Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def weighted_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] | None = None) -> float:
    """Support-weighted mean F1 over `labels` (default: the labels present in gold)."""
    labels = set(labels) if labels is not None else set(gold)
    support = Counter(g for g in gold if g in labels)
    total = sum(support.values())
    if not total:
        return 0.0
    tp = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    n_pred = Counter(p for p in pred)
    score = 0.0
    for label, n in support.items():
        precision = tp[label] / n_pred[label] if n_pred[label] else 0.0
        recall = tp[label] / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        score += f1 * n
    return score / total


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^\w()]+", " ", (text or "").lower()).split())


def _best(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.confidence) if events else None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


class _Progress:
    def __init__(self, total: int, enabled: bool, label: str) -> None:
        self.total, self.enabled, self.label = total, enabled, label
        self.started = self.last = time.time()

    def step(self, i: int) -> None:
        now = time.time()
        if self.enabled and (now - self.last > 2 or i == self.total):
            self.last = now
            print(f"\r{self.label}: {i}/{self.total} ({i / max(now - self.started, 1e-9):.0f}/s)",
                  end="\n" if i == self.total else "", file=sys.stderr, flush=True)


def _confusion(gold: Sequence[str], pred: Sequence[str], top: int = 20) -> dict:
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for (g, p), n in Counter(zip(gold, pred, strict=True)).items():
        table[g][p] = n
    mistakes = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {
        "table": {g: dict(sorted(row.items(), key=lambda kv: -kv[1])) for g, row in sorted(table.items())},
        "top_confusions": [{"gold": g, "predicted": p, "n": n} for (g, p), n in mistakes.most_common(top)],
    }


# --- ACLED -----------------------------------------------------------------------------------------------
# the crowd-size tag closing ACLED's demonstration notes until its exports moved crowd size to a `tags` column
SIZE_TAG = re.compile(r"\s*\[\s*size\s*=[^\]]*\]", re.IGNORECASE)
# the coded columns a row's record shows, gold beside predicted
_ROW_FIELDS = ("event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "fatalities", "country",
               "admin1", "location", "latitude", "longitude")


def evaluate_acled(csv_path: Path, extract: Extract, *, limit: int | None = None, progress: bool = True,
                   with_source: bool = True, with_size_tags: bool = True,
                   rows_out: list[dict[str, Any]] | None = None) -> dict:
    """Score `extract` on an ACLED export: each row's notes are an article published the day after the
    event (from the row's source unless `with_source` is False; without the crowd-size tag, "[size=no report]",
    if `with_size_tags` is False, as exports that carry crowd size in a `tags` column write notes); the
    highest-confidence event is compared
    with the row's coded columns. With `rows_out`, each row's gold and predicted fields and the measures it
    failed are appended to it.

    Rows whose type cannot be placed in the 2023 taxonomy (unmappable pre-2019 types) are skipped.
    """
    from sitrep.train import read_acled  # reading only; no scikit-learn involved

    rows = [r for r in read_acled(Path(csv_path)) if r.get("sub_event_type")]
    if not rows:
        raise ValueError(f"{csv_path}: no rows with notes and an ACLED event type (is it an ACLED export?)")
    if limit is not None:
        rows = rows[:limit]
    bar = _Progress(len(rows), progress, f"eval {Path(csv_path).name}")
    gold_sub: list[str] = []
    pred_sub: list[str] = []
    hits: dict[str, list[bool]] = defaultdict(list)
    for i, row in enumerate(rows, 1):
        event_date = parse_acled_date(row.get("event_date", ""))
        article = Article(
            id=row.get("event_id_cnty") or row.get("data_id") or f"row{i}",
            text=row["notes"] if with_size_tags else SIZE_TAG.sub("", row["notes"]),
            published=event_date + timedelta(days=1) if event_date else None,
            source=(row.get("source") or None) if with_source else None,
        )
        best = _best(extract(article))
        gold_sub.append(row["sub_event_type"])
        pred_sub.append(best.sub_event_type if best else NONE)
        checks: dict[str, bool] = {
            "detected": best is not None,
            "event_type": bool(best) and best.event_type == row["event_type"],
            "sub_event_type": bool(best) and best.sub_event_type == row["sub_event_type"],
        }
        gold_fat = _int(row.get("fatalities"))
        if gold_fat is not None:
            checks["fatalities"] = bool(best) and best.fatalities == gold_fat
            if gold_fat > 0:
                checks["fatalities_with_deaths"] = checks["fatalities"]
        if event_date:
            checks["event_date"] = bool(best) and best.event_date == event_date
        inter1 = _int(row.get("inter1"))
        if inter1 is not None:
            checks["inter1"] = bool(best) and best.inter1 == inter1
        for name in ("actor1", "country", "admin1"):
            if row.get(name):
                checks[name] = bool(best) and _norm(getattr(best, name)) == _norm(row[name])
        lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
        km = None
        if lat is not None and lon is not None:
            if best and best.latitude is not None and best.longitude is not None:
                km = km_between(lat, lon, best.latitude, best.longitude)
            checks["coords_25km"] = km is not None and km <= 25.0
        for name, ok in checks.items():
            if name != "sub_event_type":  # scored over all rows below, with its weighted F1
                hits[name].append(ok)
        if rows_out is not None:
            rows_out.append({
                "row": i, "id": article.id, "notes": article.text,
                "gold": {f: row.get(f) for f in _ROW_FIELDS},
                "predicted": {f: getattr(best, f) for f in (*_ROW_FIELDS, "geo_precision")} if best else None,
                "km": round(km, 1) if km is not None else None,
                "wrong": [name for name, ok in checks.items() if not ok],
            })
        bar.step(i)
    n = len(rows)
    metrics = {k: (sum(v) / len(v) if v else None) for k, v in hits.items()}
    metrics["sub_event_type"] = sum(g == p for g, p in zip(gold_sub, pred_sub, strict=True)) / n if n else None
    metrics["sub_event_type_weighted_f1"] = weighted_f1(gold_sub, pred_sub) if n else None
    order = ["detected", "event_type", "sub_event_type", "sub_event_type_weighted_f1", "fatalities",
             "fatalities_with_deaths", "event_date", "inter1", "actor1", "country", "admin1", "coords_25km"]
    return {
        "kind": "acled",
        "file": str(csv_path),
        "n": n,
        "metrics": {k: metrics.get(k) for k in order},
        "support": {k: len(hits[k]) for k in order if k in hits},
        "gold_distribution": dict(Counter(gold_sub).most_common()),
        "confusion": _confusion(gold_sub, pred_sub),
    }


# --- CASE-style TSV --------------------------------------------------------------------------------------
def _label_of(value: str) -> str | None:
    """A sub_event_type for a CASE code, a sub-type name or a number 1..25; None if not one of the 25."""
    v = value.strip().strip('"')
    if v in EVENT_TYPES:
        return v
    if v.upper() in CASE_LABELS:
        return CASE_LABELS[v.upper()]
    if v in _CASE_BY_NUMBER:
        return _CASE_BY_NUMBER[v]
    lowered = {k.lower(): k for k in EVENT_TYPES}
    return lowered.get(v.lower())


def read_case_tsv(path: Path) -> list[tuple[str, str]]:
    """(text, raw label) pairs from a CASE-2021-task-2-style TSV.

    Accepted layouts (tab-separated, optional header row): `id, text, label`, `text, label` or
    `label, text`; with a header, the columns named text/snippet/EventSnippet/sentence and label/class/
    event_type/sub_event_type/SubType are used (the CASE 2021 release's header is `id, EventSnippet, SubType`). A label is a CASE code (ARMED_CLASH, ...), an ACLED sub_event_type name or
    a number 1..25 (CASE order, see CASE_LABELS); anything else (NONE, NATURAL_DISASTER,
    MAN_MADE_DISASTER, ORG_CRIME, empty) marks a row that should produce no event.
    """
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if any(c.strip() for c in r)]
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    if not rows:
        raise ValueError(f"{path}: no snippets")
    header = [c.strip().lower() for c in rows[0]]
    text_names = ("text", "snippet", "eventsnippet", "event_snippet", "sentence", "sent_text")
    label_names = ("label", "class", "event_type", "sub_event_type", "subtype", "sub_type", "gold", "type")
    if any(h in text_names for h in header) and any(h in label_names for h in header):
        ti = next(i for i, h in enumerate(header) if h in text_names)
        li = next(i for i, h in enumerate(header) if h in label_names)
        body = rows[1:]
    else:
        width = max(len(r) for r in rows)
        if width < 2:
            raise ValueError(f"{path}: one column per row; expected tab-separated text and label columns")

        def score(col: int) -> tuple[int, int]:
            # label-like: one of the 25 (code, name or number) or another CASE-style code (NATURAL_DISASTER);
            # ties go to the rightmost column (CASE files are id, text, label)
            return sum(1 for r in rows if len(r) > col and (_label_of(r[col]) is not None
                                                            or re.fullmatch(r"[A-Z][A-Z_]+", r[col].strip()))), col

        li = max(range(width), key=score)
        lengths = [(sum(len(r[c]) for r in rows if len(r) > c), c) for c in range(width) if c != li]
        ti = max(lengths)[1]
        body = rows
    return [(r[ti].strip(), r[li].strip() if len(r) > li else "") for r in body if len(r) > ti]


def evaluate_case(tsv_path: Path, extract: Extract, *, limit: int | None = None, progress: bool = True,
                  rows_out: list[dict[str, Any]] | None = None) -> dict:
    """Score `extract` on CASE-style news snippets (format: see `read_case_tsv`).

    Reports weighted F1 and accuracy over the rows labelled with one of the 25 sub-event types (a
    snippet with no event counts as wrong), event_type accuracy, detection rate, and the no-event rate
    on every other label (e.g. NATURAL_DISASTER, MAN_MADE_DISASTER) and on all of them together. With
    `rows_out`, each snippet's gold label and prediction are appended to it.
    """
    items = read_case_tsv(Path(tsv_path))
    if limit is not None:
        items = items[:limit]
    bar = _Progress(len(items), progress, f"eval {Path(tsv_path).name}")
    gold: list[str] = []
    pred: list[str] = []
    negatives: dict[str, list[bool]] = defaultdict(list)
    for i, (text, raw) in enumerate(items, 1):
        best = _best(extract(Article(id=f"case{i}", text=text)))
        label = _label_of(raw)
        predicted = best.sub_event_type if best else NONE
        if label is None:
            negatives[raw.strip().upper() or NONE].append(best is None)
        else:
            gold.append(label)
            pred.append(predicted)
        if rows_out is not None:
            rows_out.append({"row": i, "text": text, "gold": raw, "gold_sub_event_type": label or NONE,
                             "predicted": predicted, "right": predicted == (label or NONE)})
        bar.step(i)
    n = len(gold)
    all_neg = [ok for v in negatives.values() for ok in v]
    metrics = {
        "sub_event_type_weighted_f1": weighted_f1(gold, pred) if n else None,
        "sub_event_type": sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else None,
        "event_type": sum(EVENT_TYPES[g] == EVENT_TYPES.get(p) for g, p in zip(gold, pred, strict=True)) / n
        if n else None,
        "detected": sum(p != NONE for p in pred) / n if n else None,
        "no_event_rate_negatives": sum(all_neg) / len(all_neg) if all_neg else None,
    }
    return {
        "kind": "case",
        "file": str(tsv_path),
        "n": len(items),
        "n_labelled": n,
        "metrics": metrics,
        "no_event_rate_by_label": {k: {"n": len(v), "no_event": sum(v) / len(v)} for k, v in sorted(negatives.items())},
        "gold_distribution": dict(Counter(gold).most_common()),
        "confusion": _confusion(gold, pred),
    }


# --- stand-in extractor ----------------------------------------------------------------------------------
_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def classifier_extract(model: LinearModel | None = None) -> Extract:
    """A classifier-only stand-in for the pipeline (see `classify_extract`), optionally with a given model."""

    def extract(article: Article) -> list[Event]:
        text = article.body or article.text
        sentences = [s for s in _SENT_RE.split(text.strip()) if s.strip()]
        preds = [p for p in classify(sentences, model=model) if p.sub_event_type]
        if not preds:
            return []
        best = max(preds, key=lambda p: p.probability)
        assert best.sub_event_type and best.event_type
        cameo, plover, mode = codes_for(best.sub_event_type, best.event_type)
        return [Event(event_type=best.event_type, sub_event_type=best.sub_event_type, doc_id=article.id,
                      disorder_type=disorder_type(best.event_type, best.sub_event_type), cameo_code=cameo,
                      plover_event=plover, plover_mode=mode, confidence=best.probability,
                      event_date=article.published - timedelta(days=1) if article.published else None)]

    return extract


def classify_extract(article: Article) -> list[Event]:
    """Classifier-only stand-in for the pipeline: one Event for the most confident event sentence (as
    the pipeline classifies sentence by sentence), with types, disorder type, codes and the day before
    publication as date; no actors, places or fatalities."""
    return classifier_extract()(article)


# --- report ---------------------------------------------------------------------------------------------
def format_report(result: dict) -> str:
    """A plain-text table of the metrics and the top confusions, for the terminal."""
    lines = [f"{result.get('kind', '?')} evaluation of {result.get('file', '?')}: {result.get('n', 0)} texts"]
    metrics = result.get("metrics", {})
    support = result.get("support", {})
    width = max((len(k) for k in metrics), default=10) + 2
    lines.append(f"{'metric':<{width}}{'score':>8}{'n':>8}")
    lines.append("-" * (width + 16))
    for key, value in metrics.items():
        shown = "-" if value is None else f"{value:.3f}"
        lines.append(f"{key:<{width}}{shown:>8}{support.get(key, ''):>8}")
    by_label = result.get("no_event_rate_by_label") or {}
    if by_label:
        lines.append("")
        lines.append("no-event rate on rows outside the 25 types:")
        for label, info in by_label.items():
            lines.append(f"  {label:<28}{info['no_event']:.3f}  (n={info['n']})")
    confusions = (result.get("confusion") or {}).get("top_confusions") or []
    if confusions:
        lines.append("")
        lines.append("top confusions (gold -> predicted):")
        for c in confusions[:15]:
            lines.append(f"  {c['n']:>5}  {c['gold']} -> {c['predicted']}")
    return "\n".join(lines)
