"""Shared pieces of the readers: the Skipped record, the size limit, and the internal error type.

Readers raise `Unreadable(reason)` for an input they cannot turn into an Article; the dispatcher in
`sitrep.ingest` turns it into exactly one `Skipped` so that one bad input never stops the others.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """One unreadable input: a file, one line of a JSONL/CSV file, or one feed entry."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class Unreadable(Exception):
    """Raised by a reader for an input that yields no Article; the message is the Skipped reason."""

    @property
    def reason(self) -> str:
        return str(self.args[0]) if self.args else "unreadable"


def megabytes(n: int) -> str:
    """Size for a human: 52428800 -> '52.4 MB'."""
    return f"{n / 1_000_000:.1f} MB"


def limit_text(max_bytes: int) -> str:
    """The limit as people wrote it: 10 MiB -> '10 MB' (a whole number of MiB reads better)."""
    if max_bytes >= 1 << 20 and max_bytes % (1 << 20) == 0:
        return f"{max_bytes >> 20} MB"
    return megabytes(max_bytes)


def too_large(size: int, max_bytes: int, what: str = "file") -> str:
    return f"{what} too large ({megabytes(size)} > {limit_text(max_bytes)} limit)"
