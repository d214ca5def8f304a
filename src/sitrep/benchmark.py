"""`sitrep bench`: the project's speed measurements, on text that ships with the package.

Each measure is timed on one core (BLAS/OpenMP threads pinned to 1 by the CLI before numpy loads) and
reported, never asserted: the README quotes these numbers with the command that produced them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from sitrep.ingest.clean import clean
from sitrep.model import Article, Document

Measure = tuple[str, float, str]


def sample_sentences() -> list[str]:
    """News-style sentences: the packaged negatives and definition sentences, plus the examples if present."""
    sentences: list[str] = []
    data = resources.files("sitrep") / "data"
    for folder in ("negatives", "taxonomy"):
        root = data / folder
        if not root.is_dir():
            continue
        for item in sorted(root.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".txt"):
                sentences += [s.strip() for s in item.read_text(encoding="utf-8").splitlines()
                              if len(s.split()) >= 5 and not s.startswith("#")]
    return sentences or ["Gunmen attacked a police post in the north of the country on Monday, killing two."]


def sample_articles() -> list[Article]:
    examples = Path(__file__).resolve().parents[2] / "examples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))] if examples.exists() else []
    sentences = sample_sentences()
    for i in range(0, min(len(sentences), 400), 8):
        texts.append(" ".join(sentences[i:i + 8]))
    return [Article(id=f"bench-{i}", text=t) for i, t in enumerate(texts)]


def _rate(fn: Callable[[], int], min_seconds: float) -> float:
    """Items per second: repeat fn (which returns how many items it did) for at least min_seconds."""
    fn()  # warm-up: model loads, caches
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < min_seconds:
        done += fn()
    return done / elapsed


def run_benchmarks(quick: bool = False) -> Iterator[Measure]:
    from sitrep import geo, nlp, pipeline
    from sitrep.extract import detect

    seconds = 0.5 if quick else 3.0
    sentences = sample_sentences()
    yield "classifier", _rate(lambda: len(detect.classify(sentences)), seconds), "sentences/s"

    started = time.perf_counter()
    gazetteer = geo.get_gazetteer()
    yield "gazetteer load", (time.perf_counter() - started) * 1000, "ms"
    names = ["Aleppo", "Deir ez-Zor", "Kandahar", "Mogadishu", "Kharkiv", "Nairobi", "Maiduguri", "Raqqa",
             "Lahore", "Nowhere-at-all"] * 100

    def lookups() -> int:
        for name in names:
            gazetteer.lookup(name)
        return len(names)

    yield "gazetteer lookup", 1e6 / _rate(lookups, seconds), "µs/lookup"

    articles = sample_articles()
    docs = list(nlp.annotate_many([Document(article=clean(a)) for a in articles]))
    yield "geoparse (NER excluded)", _rate(lambda: len([geo.geoparse(d) for d in docs]), seconds), "articles/s"
    yield "whole pipeline", _rate(lambda: sum(1 for _ in pipeline.extract_many(articles)), seconds), "articles/s"
