"""sitrep: news reports of armed conflict in, geocoded ACLED-style events out."""

__version__ = "0.1.0"
