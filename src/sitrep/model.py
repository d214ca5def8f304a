"""The one schema: every object that flows between pipeline stages.

Offsets (`start`, `end`) always index `Article.text`, the article text exactly as it was given to
sitrep (for HTML input: the main text trafilatura extracted, which is what sitrep stores and shows).
Stages add to these objects; no stage keeps state of its own between articles.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ClaimStatus = Literal["reported", "claimed", "alleged", "denied"]

# ACLED's own column order (2023 schema, less the bookkeeping columns), then sitrep's additions.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "iso3",
)
SITREP_COLUMNS: tuple[str, ...] = (
    "doc_ids", "injuries", "fatalities_low", "fatalities_high", "claim_status", "claim_by",
    "cameo_code", "plover_event", "plover_mode", "confidence",
)


class Span(BaseModel):
    """A stretch of the article text, with a label saying what it is."""

    start: int
    end: int
    label: str = ""


class Article(BaseModel):
    """One document as ingested. `text` is never modified after ingest."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    origin: str | None = Field(default=None, description="file (and line) the article came from")
    # Set by ingest.clean: the text with boilerplate blanked to spaces (same length, same offsets),
    # and the spans that were removed with the rule that removed each.
    body: str | None = None
    removed: list[Span] = Field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Sentence(BaseModel):
    start: int
    end: int
    text: str
    index: int = 0
    paragraph: int = 0


class Entity(BaseModel):
    """A named-entity span from the NLP stage (spaCy label: GPE, LOC, ORG, NORP, PERSON, ...)."""

    start: int
    end: int
    text: str
    label: str


class Place(BaseModel):
    """A toponym in the text resolved against the gazetteer."""

    start: int | None = None
    end: int | None = None
    text: str = ""
    name: str
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature_code: str | None = None
    geonameid: int | None = None
    population: int = 0
    score: float = 0.0


class Actor(BaseModel):
    name: str
    inter: int = 0
    text: str = ""
    start: int | None = None
    end: int | None = None


class Claim(BaseModel):
    status: ClaimStatus = "reported"
    by: str | None = None


class Evidence(BaseModel):
    doc_id: str
    field: str
    start: int
    end: int
    text: str


class Document(BaseModel):
    """The shared object the pipeline stages read and extend (spaCy's Doc, in spirit)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    country_focus: str | None = None  # ISO2 of the country the article is mostly about
    spacy_doc: Any = Field(default=None, exclude=True, repr=False)  # the parsed spacy.tokens.Doc of body

    @property
    def body(self) -> str:
        """The text the stages read: boilerplate blanked, offsets identical to article.text."""
        return self.article.body if self.article.body is not None else self.article.text


class Event(BaseModel):
    """One coded event: ACLED's columns plus sitrep's evidence, claim and codes."""

    event_id: str = ""
    event_date: date | None = None
    time_precision: int = 1
    disorder_type: str = ""
    event_type: str
    sub_event_type: str
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int | None = None
    iso3: str | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str = ""
    fatalities: int = 0
    # sitrep's additions
    doc_id: str = ""
    doc_ids: list[str] = Field(default_factory=list)
    injuries: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    claim: Claim = Field(default_factory=Claim)
    cameo_code: str | None = None
    plover_event: str | None = None
    plover_mode: str | None = None
    confidence: float = 0.0
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.event_date.year if self.event_date else None

    def flat(self) -> dict[str, object]:
        """One flat row in ACLED's column order, then sitrep's (for CSV, Parquet, SQL)."""
        row: dict[str, object] = {}
        for col in ACLED_COLUMNS:
            value = self.year if col == "year" else getattr(self, col)
            row[col] = value.isoformat() if isinstance(value, date) else value
        row["doc_ids"] = ";".join(self.doc_ids or [self.doc_id])
        for col in ("injuries", "fatalities_low", "fatalities_high", "cameo_code", "plover_event",
                    "plover_mode", "confidence"):
            row[col] = getattr(self, col)
        row["claim_status"] = self.claim.status
        row["claim_by"] = self.claim.by or ""
        return row

    def record(self) -> dict[str, object]:
        """The JSON record of DESIGN.md (nested claim and evidence), as `sitrep extract` prints it."""
        data = self.model_dump(mode="json")
        data["year"] = self.year
        return data
