"""Benchmark of the event classifier: sentences per second on one core (prints, asserts nothing).

Usage: .venv/bin/python bench/bench_detect.py [N]
The sentences are the news dev set of the shipped model repeated to N (default 20000), classified in
batches of 256 with the codebook rules on, after one warm-up call that loads the model.
"""

from __future__ import annotations

import csv
import os
import sys
import time

from sitrep.extract.detect import MODEL_DIR, classify


def main(n: int = 20000) -> float:
    with open(MODEL_DIR / "dev_news.tsv", encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh, delimiter="\t")]
    sentences = (texts * (n // len(texts) + 1))[:n]
    started = time.perf_counter()
    classify(sentences[:1])
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(0, n, 256):
        classify(sentences[i:i + 256])
    elapsed = time.perf_counter() - started
    rate = n / elapsed
    cpu = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else "?"
    print(f"detect: model load {load_s:.2f} s; {n} sentences in {elapsed:.2f} s = {rate:,.0f} sentences/s "
          f"(one process, affinity {cpu})")
    return rate


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
