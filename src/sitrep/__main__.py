"""`python -m sitrep` runs the CLI."""

from sitrep.cli import entry_point

entry_point()
