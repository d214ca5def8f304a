"""Session fixture for the geo tests: one gazetteer built into a temporary cache for the whole session.

Building takes about a minute, so every geo test shares this one build (imported by tests/test_geo.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep import geo


def _reset_caches() -> None:
    geo.get_gazetteer.cache_clear()
    geo._parser.cache_clear()
    geo.country_fields.cache_clear()


@pytest.fixture(scope="session")
def geo_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh temporary SITREP_CACHE holding a freshly built gazetteer."""
    cache = tmp_path_factory.mktemp("sitrep-cache")
    old = os.environ.get("SITREP_CACHE")
    os.environ["SITREP_CACHE"] = str(cache)
    _reset_caches()
    geo.get_gazetteer()
    yield cache
    if old is None:
        os.environ.pop("SITREP_CACHE", None)
    else:
        os.environ["SITREP_CACHE"] = old
    _reset_caches()
