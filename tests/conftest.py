"""Shared fixtures: where ../shared is, and how to call the real `sitrep` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared (seed, gold data) is not beside the clone")


def sitrep(*args: str, stdin: str | None = None, cwd: Path | None = None,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user would."""
    env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "sitrep", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, check=False)


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = EXAMPLES / "southfront_2019-02-22_syria.txt"
    return path.read_text(encoding="utf-8")
