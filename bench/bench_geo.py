"""Geoparser speed: gazetteer load, name lookup (µs), and articles per second (NER excluded).

Run: `.venv/bin/python bench/bench_geo.py [TR-News.xml]` (defaults to ../shared/data/geoparse/TR-News.xml,
else a synthetic article). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from sitrep import geo
from sitrep.geo.gazetteer import Gazetteer, default_path
from sitrep.geo.normalize import fold
from sitrep.model import Article, Document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_XML = ROOT.parent / "shared" / "data" / "geoparse" / "TR-News.xml"
SYNTHETIC = ("Fighting was reported in Dayr az Zawr province on Tuesday, while shelling hit Aleppo and Idlib. "
             "Kenyan police said two people were killed near Garissa. Protesters marched in Kyiv and Kharkiv. "
             "A car bomb exploded in Mogadishu, officials in Nairobi said. ") * 5


def main() -> None:
    t0 = time.perf_counter()
    path = geo.build_gazetteer(default_path())
    t1 = time.perf_counter()
    gaz = Gazetteer(path)
    t2 = time.perf_counter()
    print(f"gazetteer ready (build or reuse): {t1 - t0:.2f} s   load: {(t2 - t1) * 1000:.1f} ms   {path}")

    names = ["Aleppo", "Kandahar", "Deir ez-Zor", "Nairobi", "Kharkiv", "Springfield", "Mogadishu", "Raqqa",
             "Paris", "Garissa", "Kabul", "Homs", "Sanaa", "Maiduguri", "Goma", "Tripoli"]
    keys = [fold(n) for n in names]
    rng = random.Random(7)
    cold_keys = [fold(n) + rng.choice("abcdefghij") * rng.randint(1, 3) for n in names * 20]
    n = 2000
    t = time.perf_counter()
    for k in cold_keys[:n]:
        gaz.lookup(k)
    cold = (time.perf_counter() - t) / min(n, len(cold_keys)) * 1e6
    t = time.perf_counter()
    for i in range(n * 10):
        gaz.lookup(keys[i % len(keys)])
    warm = (time.perf_counter() - t) / (n * 10) * 1e6
    print(f"lookup: {cold:.1f} µs uncached (SQLite), {warm:.2f} µs cached")

    xml = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_XML
    if xml.exists():
        from sitrep.geo.evaluate import read_geo_xml

        articles = [a for a, _ in read_geo_xml(xml)]
    else:
        articles = [Article(id=str(i), text=SYNTHETIC) for i in range(50)]
    geo.geoparse(Document(article=articles[0]))  # warm the process-wide gazetteer
    chars = sum(len(a.text) for a in articles)
    t = time.perf_counter()
    found = 0
    for a in articles:
        found += len(geo.geoparse(Document(article=a)).places)
    dt = time.perf_counter() - t
    print(f"geoparse: {len(articles) / dt:.1f} articles/s ({chars / dt / 1000:.0f} k chars/s, "
          f"{len(articles)} articles, {found} places, NER excluded)")


if __name__ == "__main__":
    main()
