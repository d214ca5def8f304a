"""Training of the event classifier (scikit-learn is a training-only dependency).

Owns reading ACLED exports (current and pre-2019 schema, comma or semicolon, utf-8 or latin-1),
stripping ACLED's house formula from notes so the model learns content, assembling the "no event"
negatives and the definition-based seed sentences, fitting a multinomial logistic regression over
the hashed features of `sitrep.extract.detect`, and writing the model (.npz, no pickle) with its
manifest.json. `sitrep train --acled FILE...` calls `train(...)`.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from sitrep.acled_csv import read_rows
from sitrep.extract.detect import (
    DEFAULT_KINDS,
    FEATURE_VERSION,
    MODEL_DIR,
    MODEL_FILE,
    NONE_LABEL,
    LinearModel,
    features,
)
from sitrep.extract.transformer import TRANSFORMER_FILE, VOCAB_FILE, TransformerExpert
from sitrep.extract.vectors import VECTORS_FILE, TokenVectors, sif_weights
from sitrep.taxonomy import EVENT_TYPES, map_old_type

__all__ = [
    "Example",
    "clean_note",
    "india_examples",
    "load_negatives",
    "load_seeds",
    "read_acled",
    "split_sentences",
    "train",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
NEGATIVES_DIR = DATA_DIR / "negatives"
SEEDS_FILE = DATA_DIR / "taxonomy" / "seeds.tsv"
# News-style sentences per sub-event type (and NONE), written by the sitrep authors from the codebook's
# definitions, so the model learns news prose as well as ACLED's notes.
NEWS_SEEDS_FILE = DATA_DIR / "taxonomy" / "seeds_news.tsv"
N_BITS = 18
# How much the token-vector expert counts against the hashed-word one (0..1): 0.25 gained 4-6 points of
# weighted F1 on news snippets (CASE 2021 task 2) and moved the held-out ACLED folds by -0.8 to +0.4 points.
DENSE_MIX = 0.25
# The transformer expert's weight against the linear model, the linear probability of an event from which it
# is consulted, and the top linear probability from which it is not (the linear model is sure). Chosen on the
# odd half of CASE 2021 task 2 (news snippets; the even half was only scored): mix 0.5 beat 0.3-0.7; weighted F1
# with gate 0.1 / 0.3 / 0.4 / 0.4 and sure at 0.95: 0.853 / 0.851 / 0.850 / 0.850, while the benchmark's
# sentences that reach the transformer fall from 45% to 20% (one core runs ~620 of them a second).
TRANSFORMER_MIX = 0.5
TRANSFORMER_GATE = 0.4
TRANSFORMER_CONFIDENT = 0.95
# Sentences whose top linear class leads the second by this much skip the expert: on the odd CASE half,
# 0.6 cut the benchmark sentences that reach it from 20% to 16% for -0.001 weighted F1 (classifier level).
TRANSFORMER_MARGIN = 0.6


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a sub_event_type, or NONE_LABEL
    weight: float
    origin: str  # which pool it came from (for the manifest)


# --- reading ------------------------------------------------------------------------------------------
def read_acled(path: Path) -> list[dict[str, str]]:
    """Rows of an ACLED CSV export with lower-cased column names.

    Accepts the current schema and the pre-2019 one, comma or semicolon separated, utf-8 or latin-1.
    Rows get `sub_event_type`/`event_type` in the 2023 taxonomy (old types mapped through
    `map_old_type`; rows that cannot be mapped get an empty sub_event_type).
    """
    rows: list[dict[str, str]] = []
    for row in read_rows(path):
        if not row.get("notes"):
            continue
        if row.get("sub_event_type"):
            if row["sub_event_type"] not in EVENT_TYPES:
                row["sub_event_type"] = ""
        else:
            mapped = map_old_type(row.get("event_type", ""), row["notes"])
            row["old_event_type"] = row.get("event_type", "")
            row["event_type"], row["sub_event_type"] = mapped if mapped else ("", "")
        rows.append(row)
    return rows


# --- the ACLED house formula -------------------------------------------------------------------------
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DATE_PREFIX = re.compile(
    r"^\s*(?:(?:on|around|between|as of|during|overnight|sometime|from|since|in|by|late|early|before|after|"
    r"prior to|or|about|the|night|week|weekend|morning|evening|of|and|to|until|mid|end|beginning|start|last)\b[\s,-]*)+"
    r"[^,.;]{0,50}?\b(?:1[89]|20)\d\d\b(?:\s*\([^)]*\))?\s*[,:-]?\s*",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\s*\[[^\]]*\]")
_PARENS = re.compile(r"\s*\((?![A-Z]{2,6}\))[^()]{0,120}\)")
_FORMULA_SENTENCE = re.compile(
    r"\b\d+\s+fatalit(?:y|ies)\b|\bfatalit(?:y|ies)\s+(?:were\s+)?(?:coded|split|estimated)|"
    r"^(?:casualties|fatalities|injuries|losses)\s+unknown\.?$|^(?:\*\s*)?note\b|\bcoded as\b|\bgeo-?coded\b"
    r"|^\*|\bthis event\b|\bcoded (?:at|to|in|as)\b",
    re.IGNORECASE,
)
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def split_sentences(text: str) -> list[str]:
    """A plain regex sentence splitter, good enough for ACLED notes."""
    return [s.strip() for s in _SENT_SPLIT.split(text) if s.strip()]


def clean_note(notes: str, places: Iterable[str] = (), *, keep_tag: bool = False) -> str:
    """ACLED notes without the house formula: date prefix, parenthesised admin names,
    "[size=...]"-style brackets, fatality tails and coding remarks, and the row's own place names
    (so the model cannot learn that a town means a sub-event type). A leading topic tag
    ("Displacement: On 1 April ...") is dropped unless keep_tag (it is content: the tag word stays)."""
    text = " ".join(notes.replace("\u00a0", " ").split())
    tag = re.match(r"^([^:]{3,42}):\s+(?=(?:On|Around|Between|As|During|In|From|Overnight|Since|Sometime|Late|Early)\b)",
                   text)
    if tag:
        text = text[tag.end():]
    text = _BRACKETS.sub("", text)
    text = _PARENS.sub("", text)
    kept = []
    for sentence in split_sentences(text):
        sentence = _DATE_PREFIX.sub("", sentence, count=1)
        if not sentence or _FORMULA_SENTENCE.search(sentence):
            continue
        kept.append(sentence)
    text = " ".join(kept)
    if tag and keep_tag:
        text = f"{tag.group(1)}: {text}"
    for place in sorted({p for p in places if p and len(p) >= 3}, key=len, reverse=True):
        text = re.sub(r"\b" + re.escape(place) + r"\b", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"\b(?:in|at|near|of|from|to|outside|around|between|and)(?:\s+(?:the|district|town|city|village|"
                  r"province|region|county|area|areas|oblast|state))*[,;:]*(?=[.,;:]|$)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",+\.", ".", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = " ".join(text.split()).strip(" ,;:-")
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def row_examples(row: dict[str, str], origin: str, weight: float = 1.0, *, first_weight: float = 0.5,
                 other_weight: float = 0.0) -> list[Example]:
    """Training texts of one ACLED row: the whole cleaned note, its first sentence alone (the pipeline
    classifies sentence by sentence) and, with other_weight > 0, its later sentences alone."""
    label = row.get("sub_event_type", "")
    if label not in EVENT_TYPES:
        return []
    places = [row.get(k, "") for k in ("location", "admin1", "admin2", "admin3", "country")]
    text = clean_note(row["notes"], places)
    if len(text) < 12:
        return []
    out = [Example(clean_note(row["notes"], places, keep_tag=True), label, weight, origin)]
    sentences = split_sentences(text)
    if len(sentences) > 1:
        if len(sentences[0]) >= 20 and first_weight > 0:
            out.append(Example(sentences[0], label, weight * first_weight, origin))
        if other_weight > 0:
            out.extend(Example(s, label, weight * other_weight, origin) for s in sentences[1:] if len(s) >= 20)
    return out


# --- negatives and seeds -----------------------------------------------------------------------------
# IndiaPoliceEvents labels only police actions: an unlabelled sentence can still tell of a riot or a
# killing (Gujarat 2002). Those are dropped from the negatives rather than taught as "no event".
_VIOLENT_WORDS = re.compile(
    r"\b(?:kill\w*|dead|death\w*|died|die|murder\w*|mob\w*|riot\w*|burn\w*|burnt|torch\w*|fire[ds]?|firing|set ablaze"
    r"|attack\w*|assault\w*|clash\w*|stab\w*|injur\w*|wound\w*|violen\w*|loot\w*|arson\w*|bomb\w*|blast\w*"
    r"|explo\w*|protest\w*|demonstrat\w*|agitat\w*|bandh|strike|rall(?:y|ies)|march\w*|stone\w*|pelt\w*|curfew\w*"
    r"|arrest\w*|detain\w*|rape\w*|abduct\w*|kidnap\w*|massacre\w*|carnage|lynch\w*|shot|shoot\w*|gun\w*"
    r"|sword\w*|weapon\w*|sabotag\w*|destroy\w*|damag\w*|vandal\w*|ransack\w*|hurt|victim\w*|bodies|body|charred"
    r"|army|troops|police|tear ?gas|rounds|lathi|cane-charg\w*|disperse\w*|flee\w*|fled|refugee\w*|camp|camps"
    r"|tension\w*|communal|frenzy|rampage\w*|miscreant\w*|incident\w*|toll|terror\w*|militant\w*|hostage\w*)\b",
    re.IGNORECASE,
)


def india_examples(path: Path, *, dev: bool) -> list[tuple[str, list[str]]]:
    """(sentence, labels) from IndiaPoliceEvents, split on documents: doc_id % 5 == 0 is dev."""
    out: list[tuple[str, list[str]]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if (int(d["doc_id"]) % 5 == 0) != dev:
                continue
            text = " ".join(str(d["sent_text"]).split())
            if len(text) < 25 or text.lower().startswith("this story is from"):
                continue
            out.append((text, list(d.get("sent_labels") or [])))
    return out


def india_negatives(path: Path) -> list[str]:
    """Unlabelled training-split sentences with no violence, protest or arrest vocabulary at all."""
    return [t for t, labels in india_examples(path, dev=False) if not labels and not _VIOLENT_WORDS.search(t)]


def load_negatives(directory: Path = NEGATIVES_DIR) -> dict[str, list[str]]:
    """Hand-written no-event sentences, one per line, by file (comments start with #)."""
    out: dict[str, list[str]] = {}
    for path in sorted(Path(directory).glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        out[path.stem] = [ln for ln in lines if ln and not ln.startswith("#")]
    return out


def load_seeds(path: Path = SEEDS_FILE, *, allow_none: bool = False) -> list[tuple[str, str]]:
    """(sub_event_type, sentence) seed sentences written from the codebook's definitions.

    With allow_none, a line labelled NONE is a no-event sentence (returned with label NONE_LABEL)."""
    out: list[tuple[str, str]] = []
    if not Path(path).exists():
        return out
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        label = label.strip()
        if allow_none and label == "NONE":
            label = NONE_LABEL
        elif label not in EVENT_TYPES:
            raise ValueError(f"{path}:{number}: unknown sub_event_type {label!r}")
        if not text.strip():
            raise ValueError(f"{path}:{number}: no sentence after the label")
        out.append((label, text.strip()))
    return out


# --- fitting ------------------------------------------------------------------------------------------
def _matrix(texts: Sequence[str], n_bits: int, kinds: Sequence[str]):  # -> scipy.sparse.csr_matrix
    from scipy.sparse import csr_matrix

    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for text in texts:
        idx = features(text, n_bits, kinds)
        indices.extend(idx)
        if idx:
            data.extend([1.0 / np.sqrt(len(idx))] * len(idx))
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float32), np.array(indices, dtype=np.int32), np.array(indptr)),
                      shape=(len(texts), 1 << n_bits))


def fit(examples: Sequence[Example], *, n_bits: int = N_BITS, c: float = 60.0, class_power: float = 0.5,
        max_iter: int = 300, seed: int = 0, kinds: Sequence[str] = DEFAULT_KINDS) -> LinearModel:
    """Multinomial logistic regression over hashed features; rare classes up-weighted by
    (median class weight / class weight) ** class_power."""
    from sklearn.linear_model import LogisticRegression

    labels = [e.label for e in examples]
    classes = sorted(set(labels))
    x = _matrix([e.text for e in examples], n_bits, kinds)
    y = np.array([classes.index(label) for label in labels])
    sw = _sample_weights(examples, class_power)
    clf = LogisticRegression(C=c, max_iter=max_iter, tol=1e-4, random_state=seed)
    clf.fit(x, y, sample_weight=sw)
    weights = np.zeros((1 << n_bits, len(classes)), dtype=np.float32)
    weights[:, clf.classes_] = clf.coef_.T.astype(np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    bias[clf.classes_] = clf.intercept_.astype(np.float32)
    return LinearModel(weights=weights, bias=bias, classes=tuple(classes), n_bits=n_bits, kinds=tuple(kinds))


def _sample_weights(examples: Sequence[Example], class_power: float = 0.5) -> np.ndarray:
    """Each example's weight times its class's: rare classes up-weighted by (median / class total) ** power."""
    totals: Counter[str] = Counter()
    for e in examples:
        totals[e.label] += e.weight
    median = float(np.median(list(totals.values())))
    class_w = {k: min(10.0, max(0.2, (median / v) ** class_power)) for k, v in totals.items()}
    return np.array([e.weight * class_w[e.label] for e in examples], dtype=np.float64)


def with_vectors(model: LinearModel, examples: Sequence[Example], vectors: TokenVectors, *, mix: float = DENSE_MIX,
                 c: float = 10.0, max_iter: int = 3000) -> LinearModel:
    """`model` with a second expert: a logistic regression over the examples' static token vectors (SIF-weighted
    means, weights from the examples' own token counts), mixed in with weight `mix` (see LinearModel)."""
    from sklearn.linear_model import LogisticRegression

    texts = [e.text for e in examples]
    token_weight = sif_weights(vectors.token_ids(texts), len(vectors.vocab))
    x = vectors.embed(texts, token_weight)
    y = np.array([model.classes.index(e.label) for e in examples])
    clf = LogisticRegression(C=c, max_iter=max_iter, tol=1e-4)
    clf.fit(x, y, sample_weight=_sample_weights(examples))
    weights = np.zeros((vectors.dim, len(model.classes)), dtype=np.float32)
    weights[:, clf.classes_] = clf.coef_.T.astype(np.float32)
    bias = np.full(len(model.classes), -30.0, dtype=np.float32)  # a class never seen stays impossible
    bias[clf.classes_] = clf.intercept_.astype(np.float32)
    return replace(model, vectors=vectors, dense_weights=weights.astype(np.float64), dense_bias=bias.astype(np.float64),
                   token_weight=token_weight, dense_mix=mix)


def shipped_vectors() -> TokenVectors | None:
    """The shipped token-vector table (`sitrep distill` rebuilds it), or None where it is absent."""
    path = MODEL_DIR / VECTORS_FILE
    return TokenVectors.load(path) if path.exists() else None


def _log(progress: bool, message: str) -> None:
    if progress:
        print(f"[train {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def build_examples(acled_files: Sequence[Path], *, extra_negatives: Sequence[Path] = (), old_weight: float = 0.5, negative_weight: float = 3.0,
                   seed_weight: float = 3.0, news_weight: float = 3.0, india_weight: float = 0.5, first_weight: float = 0.5,
                   other_weight: float = 0.1) -> tuple[list[Example], dict]:
    """All training examples and a description of where they came from (for the manifest)."""
    examples: list[Example] = []
    sources: dict[str, dict] = {}
    for path in acled_files:
        rows = read_acled(Path(path))
        if not any(r.get("sub_event_type") for r in rows):
            raise ValueError(f"{path}: no rows with notes and an ACLED event type (is it an ACLED export?)")
        old = any("old_event_type" in r for r in rows)
        n_before = len(examples)
        for row in rows:
            examples.extend(row_examples(row, Path(path).name, old_weight if old else 1.0,
                                         first_weight=first_weight, other_weight=other_weight))
        sources[Path(path).name] = {"rows": len(rows), "examples": len(examples) - n_before,
                                    "schema": "pre-2019 (types mapped)" if old else "2023"}
    for name, lines in load_negatives().items():
        examples.extend(Example(t, NONE_LABEL, negative_weight, f"negatives/{name}") for t in lines)
        sources[f"negatives/{name}.txt"] = {"examples": len(lines), "label": "no event"}
    for path in extra_negatives:
        path = Path(path)
        if path.suffix == ".jsonl":
            negs = india_negatives(path)
            arrests = [t for t, labels in india_examples(path, dev=False) if labels
                       and "ARREST" in labels and not {"KILL", "FORCE", "FAIL"} & set(labels)]
            examples.extend(Example(t, NONE_LABEL, india_weight, path.name) for t in negs)
            examples.extend(Example(t, "Arrests", india_weight, path.name) for t in arrests)
            sources[path.name] = {"examples": len(negs) + len(arrests), "label": "no event; Arrests",
                                  "selection": "IndiaPoliceEvents-style JSONL, documents with doc_id % 5 != 0 "
                                               "(doc_id % 5 == 0 is the news dev set): no event = sent_labels == [] "
                                               f"and no violence/protest/arrest vocabulary ({len(negs)}); Arrests = "
                                               f"labelled ARREST without KILL/FORCE/FAIL ({len(arrests)})"}
            continue
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        examples.extend(Example(t, NONE_LABEL, 1.0, path.name) for t in lines)
        sources[path.name] = {"examples": len(lines), "label": "no event"}
    seeds = load_seeds()
    examples.extend(Example(t, label, seed_weight, "seeds") for label, t in seeds)
    sources["taxonomy/seeds.tsv"] = {"examples": len(seeds), "label": "per line"}
    news = load_seeds(NEWS_SEEDS_FILE, allow_none=True)
    examples.extend(Example(t, label, news_weight, "news seeds") for label, t in news)
    sources["taxonomy/seeds_news.tsv"] = {"examples": len(news), "label": "per line (NONE: no event)",
                                          "per_label": dict(sorted(Counter(label for label, _ in news).items()))}
    return examples, sources


DEV_NEWS = DATA_DIR / "model" / "dev_news.tsv"


def india_scores(model: LinearModel, path: Path) -> dict:
    """News-style dev scores on the IndiaPoliceEvents dev documents (doc_id % 5 == 0, never trained on).

    Mapping (documented judgement): a sentence labelled KILL or FORCE reports police violence against
    rioters or a killing -> an event of any type should be detected; ARREST alone -> Arrests or a
    protest with intervention; unlabelled sentences with no violence/protest/arrest vocabulary ->
    no event. Unlabelled sentences with such vocabulary are reported separately (many tell of riots).
    """
    from sitrep.extract.detect import classify

    items = india_examples(path, dev=True)
    preds = classify([t for t, _ in items], model=model)
    kill_force, arrest, clean, other = [], [], [], []
    for (text, labels), p in zip(items, preds, strict=True):
        if {"KILL", "FORCE"} & set(labels):
            kill_force.append(p.sub_event_type is not None)
        elif "ARREST" in labels:
            arrest.append(p.sub_event_type in ("Arrests", "Protest with intervention"))
        elif not labels and not _VIOLENT_WORDS.search(text):
            clean.append(p.sub_event_type is None)
        elif not labels:
            other.append(p.sub_event_type is None)

    def rate(v: list[bool]) -> dict:
        return {"n": len(v), "rate": round(sum(v) / len(v), 4) if v else None}

    return {"kill_or_force_detected": rate(kill_force), "arrest_as_arrests_or_intervention": rate(arrest),
            "clean_unlabelled_no_event": rate(clean), "other_unlabelled_no_event": rate(other)}


def score(model: LinearModel, *, acled_files: Sequence[Path] = (), case_files: Sequence[Path] = (),
          india: Path | None = None) -> dict:
    """Dev scores of a model through the classifier-only extractor of `sitrep.evaluate`."""
    from sitrep.evaluate import classifier_extract, evaluate_acled, evaluate_case

    extract = classifier_extract(model)
    out: dict[str, dict] = {}
    keep = ("detected", "event_type", "sub_event_type", "sub_event_type_weighted_f1", "no_event_rate_negatives")
    for path in acled_files:
        result = evaluate_acled(Path(path), extract, progress=False)
        out[Path(path).name] = {"n": result["n"], **{k: round(v, 4) for k, v in result["metrics"].items()
                                                      if k in keep and v is not None}}
    for path in case_files:
        result = evaluate_case(Path(path), extract, progress=False)
        out[Path(path).name] = {"n": result["n"], **{k: round(v, 4) for k, v in result["metrics"].items()
                                                      if k in keep and v is not None},
                                "no_event_rate_by_label": result["no_event_rate_by_label"]}
    if india is not None:
        out[Path(india).name + " (dev docs)"] = india_scores(model, Path(india))
    return out


def train(acled_files: Sequence[Path], out_dir: Path, *, extra_negatives: Sequence[Path] = (), seed: int = 0,
          progress: bool = True, holdout: Sequence[Path] = (), n_bits: int = N_BITS, c: float = 60.0,
          none_bias: float = 0.5, dense_mix: float | None = None, dev_case: Sequence[Path] = (),
          extra_manifest: dict | None = None, transformer: bool = False, transformer_layers: int = 6,
          transformer_epochs: float = 2.0, transformer_mix: float = TRANSFORMER_MIX,
          transformer_gate: float = TRANSFORMER_GATE, transformer_confident: float = TRANSFORMER_CONFIDENT,
          transformer_margin: float = TRANSFORMER_MARGIN) -> dict:
    """Train the event classifier on ACLED exports and write `event_classifier.npz` + `manifest.json`
    into out_dir. Returns the manifest.

    extra_negatives: text files of no-event sentences, one per line, or IndiaPoliceEvents-style JSONL
    (its unlabelled, non-violent training-split sentences become negatives, its dev documents are
    scored). holdout: files among acled_files to score out-of-file: for each, a model is first trained
    without it and scored on it (ACLED notes as input, published the next day), before the final model
    is trained on everything. The news dev set `data/model/dev_news.tsv` (never trained on) is scored
    on the final model. none_bias is added to the no-event logit at run time (stored in the model
    file): 0.5 trades ~0.1 point of ACLED event_type accuracy for clearly fewer events from background
    sentences of news prose. dense_mix > 0 adds the token-vector expert (`with_vectors`) over the shipped
    token vectors, which are copied beside the model (default DENSE_MIX, or 0 with the transformer).
    transformer: also fine-tune the transformer expert (`sitrep.finetune`, needs torch) on the final
    training set and mix it in with weight transformer_mix for the texts the linear model gives at least
    transformer_gate probability of an event, a top probability below transformer_confident and a lead of
    the top class over the second below transformer_margin; held-out
    folds are scored on the linear experts alone (a fine-tuning per fold costs ~25 min on 2 cores). dev_case: CASE-2021-style TSV files the final model is scored on
    (news snippets; never trained on). extra_manifest is merged into the manifest.
    """
    if dense_mix is None:
        dense_mix = 0.0 if transformer else DENSE_MIX
    started = time.time()
    out_dir = Path(out_dir)
    india = next((Path(p) for p in extra_negatives if Path(p).suffix == ".jsonl"), None)
    dev_scores: dict[str, dict] = {}
    vectors = shipped_vectors() if dense_mix > 0 else None
    if dense_mix > 0 and vectors is None:
        _log(progress, f"no token vectors at {MODEL_DIR / VECTORS_FILE} (`sitrep distill` builds them): "
                       "training the hashed-word model alone")

    def fitted(examples: list[Example]) -> LinearModel:
        model = replace(fit(examples, n_bits=n_bits, c=c, seed=seed), none_bias=none_bias)
        return with_vectors(model, examples, vectors, mix=dense_mix) if vectors is not None else model

    for held in holdout:
        rest = [p for p in acled_files if Path(p).resolve() != Path(held).resolve()]
        _log(progress, f"held-out fold: training without {Path(held).name}")
        examples, _ = build_examples(rest, extra_negatives=extra_negatives)
        fold_model = fitted(examples)
        dev_scores[f"trained without {Path(held).name}"] = score(fold_model, acled_files=[held])
        _log(progress, f"  {dev_scores[f'trained without {Path(held).name}']}")
    _log(progress, f"reading {len(acled_files)} ACLED file(s)")
    examples, sources = build_examples(acled_files, extra_negatives=extra_negatives)
    _log(progress, f"{len(examples)} examples; fitting ({1 << n_bits} hashed features)")
    model = fitted(examples)
    out_dir.mkdir(parents=True, exist_ok=True)  # only now: a bad input file leaves no empty model folder behind
    expert_info = None
    if transformer:
        from sitrep.finetune import finetune_transformer

        expert_info = finetune_transformer(examples, model.classes, NONE_LABEL, out_dir, layers=transformer_layers,
                                           epochs=transformer_epochs, seed=seed, progress=progress)
        model = replace(model, transformer=TransformerExpert.load(out_dir / TRANSFORMER_FILE),
                        transformer_mix=transformer_mix, transformer_gate=transformer_gate,
                        transformer_confident=transformer_confident, transformer_margin=transformer_margin)
    path = out_dir / MODEL_FILE
    model.save(path)
    vectors_path = out_dir / VECTORS_FILE
    if model.vectors is not None and vectors_path.resolve() != (MODEL_DIR / VECTORS_FILE).resolve():
        shutil.copyfile(MODEL_DIR / VECTORS_FILE, vectors_path)
    case_files = [*([DEV_NEWS] if DEV_NEWS.exists() else []), *map(Path, dev_case)]
    dev_scores["final model"] = score(model, case_files=case_files, india=india)
    _log(progress, f"  {dev_scores['final model']}")
    counts = Counter(e.label for e in examples)
    manifest = {
        "model_file": MODEL_FILE,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": "numpy npz (allow_pickle=False): weights float16 (2**n_bits x classes) * scale, bias, classes, "
                  "config JSON",
        "model": "multinomial logistic regression (scikit-learn lbfgs), binary hashed features, L2-normalised rows"
                 + (f"; mixed (weight {dense_mix}) with a logistic regression over SIF-weighted means of static token "
                    f"vectors ({VECTORS_FILE}): p = p_words^(1-mix) * p_vectors^mix, renormalised"
                    if model.vectors is not None else ""),
        "token_vectors": ({"file": VECTORS_FILE, "size_bytes": vectors_path.stat().st_size, **model.vectors.info}
                          if model.vectors is not None else None),
        "transformer": ({"file": TRANSFORMER_FILE, "vocabulary": VOCAB_FILE, "mix": transformer_mix,
                         "gate": transformer_gate, "confident": transformer_confident,
                         "margin": transformer_margin,
                         "how": "p = p_linear^(1-mix) * p_transformer^mix, renormalised, for the texts whose linear "
                                "probability of an event is at least the gate and whose top linear probability is "
                                "below `confident` and whose top class leads the second by less than `margin`; the "
                                "others keep p_linear",
                         **(expert_info or {})} if transformer else None),
        "features": {"version": FEATURE_VERSION, "n_bits": n_bits, "hash": "zlib.crc32 & (2**n_bits - 1)",
                     "kinds": ["word unigrams", "word bigrams", "5-letter prefixes"]},
        "hyperparameters": {"C": c, "seed": seed, "none_bias": none_bias, "dense_mix": dense_mix if vectors is not None else 0.0,
                            "dense_C": 10.0, "class_weight": "(median/class total) ** 0.5, clipped 0.2..10",
                            "example_weights": "whole cleaned note 1 (topic tag kept), its first sentence 0.5, later "
                                               "sentences 0.1; pre-2019 rows x0.5; hand-written negatives, seed "
                                               "sentences and news-style seed sentences 3; IndiaPoliceEvents "
                                               "sentences 0.5"},
        "classes": list(model.classes),
        "no_event_class": NONE_LABEL,
        "training_files": sources,
        "n_examples": len(examples),
        "n_examples_per_class": dict(sorted(counts.items())),
        "size_bytes": path.stat().st_size + (vectors_path.stat().st_size if model.vectors is not None else 0)
                      + sum((out_dir / f).stat().st_size for f in (TRANSFORMER_FILE, VOCAB_FILE) if transformer),
        "dev_scores": dev_scores,
        "dev_notes": "ACLED scores: notes as input through sitrep.evaluate.classifier_extract (classifier and "
                     "codebook rules only), file held out of training. dev_news.tsv: news-style sentences "
                     "written for development, never trained on (CASE task 2 label codes). Other .tsv files: "
                     "CASE-2021-task-2-style news snippets given with --dev-case, never trained on.",
        "train_seconds": round(time.time() - started, 1),
        "command": "sitrep train --acled " + " ".join(Path(p).name for p in acled_files)
                   + "".join(f" --negatives {Path(p).name}" for p in extra_negatives) + f" --seed {seed}"
                   + "".join(f" --holdout {Path(p).name}" for p in holdout)
                   + "".join(f" --dev-case {Path(p).name}" for p in dev_case)
                   + (f" --dense-mix {dense_mix}" if dense_mix != (0.0 if transformer else DENSE_MIX) else "")
                   + (f" --transformer --transformer-layers {transformer_layers} --transformer-epochs "
                      f"{transformer_epochs}" if transformer else ""),
        "python": f"sitrep.train.train(acled_files, out_dir, extra_negatives={[Path(p).name for p in extra_negatives]}, "
                  f"holdout={[Path(p).name for p in holdout]}, seed={seed}, c={c}, none_bias={none_bias}, "
                  f"dense_mix={dense_mix}, transformer={transformer}"
                  + (f", transformer_layers={transformer_layers}, transformer_epochs={transformer_epochs}, "
                     f"transformer_mix={transformer_mix}, transformer_gate={transformer_gate}, "
                     f"transformer_confident={transformer_confident}, transformer_margin={transformer_margin})"
                     if transformer else ")"),
    }
    if extra_manifest:
        manifest.update(extra_manifest)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    _log(progress, f"wrote {path} ({manifest['size_bytes'] / 1e6:.1f} MB) in {manifest['train_seconds']} s")
    return manifest
