"""Boilerplate removal: blank a site's furniture (share prompts, donation appeals, disclaimers, bylines,
taxonomy lines, link lists, the tail after "Note to readers") without moving a single offset.

`clean(article)` sets `article.body`: the text with every removed character except line breaks
replaced by a space, so offsets into `body` are offsets into `text`, and `article.removed`: one Span
per removed unit, labelled with the rule that removed it. A unit is a line, or a hard-wrapped
paragraph spanning several lines. The rules are data (`data/ingest/boilerplate.toml`); the
structural ones (link-only lines, separators, datelines, header and tail) are here.

Header: units before the first real paragraph are furniture when a rule names them; other header
lines (the title, a standfirst) stay. Tail: a tail marker ("Note to readers", "The original source of this article",
a copyright line, a disclaimer, a "Related articles" heading) after the body starts the tail, and
everything from there on is removed, provided more of the article's prose lies before the marker
than after it (so a photo credit "© Reuters" in the middle does not cut the article in half).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.ingest.textfile import find_dates, is_prose
from sitrep.model import Article, Span

RULES_FILE = Path(__file__).resolve().parents[1] / "data" / "ingest" / "boilerplate.toml"

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ANY_LINK = re.compile(
    r"!?\[[^\]]*\]\([^)]*\)|<(?:https?://|mailto:)[^>]*>|\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@])@\w{2,}"  # social media handles
)
_HASHTAGS = re.compile(r"^(?:\W*#\w+)+\W*$")
_LINK_GLUE = re.compile(r"(?:[\W_]|\band\b|\bor\b)+", re.IGNORECASE)
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Rule:
    label: str
    patterns: tuple[re.Pattern[str], ...]
    max_words: int = 0
    tail: bool = False
    header_only: bool = False

    def matches(self, flat: str, words: int) -> bool:
        if self.max_words and words > self.max_words:
            return False
        return any(p.search(flat) for p in self.patterns)


@dataclass(frozen=True)
class RuleSet:
    units: tuple[Rule, ...]  # [[rule]]: remove a whole line / paragraph
    inline: tuple[Rule, ...]  # [[inline]]: remove from the match to the end of the article's last paragraph


def _rule(entry: dict[str, object]) -> Rule:
    patterns = entry["patterns"]
    if not isinstance(patterns, list):
        raise ValueError(f"boilerplate rule {entry.get('label')!r}: patterns must be a list")
    return Rule(
        label=str(entry["label"]),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in patterns),
        max_words=int(str(entry.get("max_words", 0))),
        tail=bool(entry.get("tail", False)),
        header_only=entry.get("where", "any") == "header",
    )


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> RuleSet:
    """The rules of a boilerplate TOML file, in file order."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return RuleSet(units=tuple(_rule(e) for e in data.get("rule", [])),
                   inline=tuple(_rule(e) for e in data.get("inline", [])))


@dataclass
class _Unit:
    start: int
    end: int
    flat: str
    words: int
    prose: bool = False
    label: str | None = None
    tail: bool = False
    header_label: str | None = None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, the end before its '\\n' and a '\\r' that precedes it."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, stop))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _is_wrap(prev: str, nxt: str) -> bool:
    """Is the line break between two lines a hard wrap inside one paragraph?"""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if len(prev) < 50 or not nxt:
        return False
    if nxt[0].islower():
        return True
    last_word = prev.split()[-1]
    return prev[-1] in ",;-–(" or last_word.isalpha() and last_word.islower()


def _units(text: str) -> list[tuple[int, int]]:
    """Lines, with hard-wrapped paragraph lines joined into one unit; blank lines are no unit."""
    units: list[tuple[int, int]] = []
    prev: tuple[int, int] | None = None
    for start, end in _lines(text):
        if not text[start:end].strip():
            prev = None
            continue
        if prev is not None and units and _is_wrap(text[prev[0]:prev[1]], text[start:end]):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
        prev = (start, end)
    return units


def _structural(raw: str, flat: str) -> str | None:
    """Rules about a line's shape rather than its words (links are judged on the raw markup)."""
    if not any(ch.isalnum() for ch in flat):
        return "separator"
    if _ANY_LINK.search(raw) and not _LINK_GLUE.sub("", _ANY_LINK.sub("", raw)):
        return "link-only"
    if _HASHTAGS.match(flat):
        return "taxonomy-line"
    return None


def _is_dateline(flat: str, words: int) -> bool:
    """A date and at most four other words: "Daily Wire, March 3, 2020", "This story is from ...".

    Only asked of header lines: in the body, "March 3, 2021: Kharkiv shelled" is a timeline entry."""
    if words > 12:
        return False
    dates = find_dates(flat)
    if not dates:
        return False
    rest = flat
    for s, e, _ in reversed(dates):
        rest = rest[:s] + " " + rest[e:]
    rest = re.sub(r"\b\d{1,2}:\d\d\b|\b(?:GMT|UTC|[AP]M)\b", " ", rest)
    return len(re.findall(r"\w+", rest)) <= 4


def classify(text: str, rules: RuleSet | None = None) -> list[Span]:
    """The furniture spans of a text, in order (what `clean` blanks)."""
    rules = load_rules() if rules is None else rules
    units: list[_Unit] = []
    for start, end in _units(text):
        raw = text[start:end]
        flat = _WS.sub(" ", _MD_LINK.sub(lambda m: m.group(1), raw)).strip()
        words = len(flat.split())
        unit = _Unit(start, end, flat, words)
        for rule in rules.units:
            if rule.matches(flat, words):
                if rule.header_only:
                    unit.header_label = unit.header_label or rule.label
                    continue
                unit.label, unit.tail = rule.label, rule.tail
                break
        unit.prose = unit.label is None and is_prose(flat)
        if unit.label is None:
            unit.label = _structural(raw, flat)
        units.append(unit)
    if not units:
        return []

    first_prose = next((i for i, u in enumerate(units) if u.prose), len(units))
    for unit in units[:first_prose]:
        if unit.label is None and _is_dateline(unit.flat, unit.words):
            unit.label = "dateline"
        elif unit.label is None and unit.header_label:
            unit.label = unit.header_label

    prose_total = sum(len(u.flat) for u in units if u.prose)
    prose_before = 0
    tail_at = len(units)
    for i, unit in enumerate(units):
        if i > first_prose and unit.tail and prose_before >= prose_total - prose_before:
            tail_at = i
            break
        if unit.prose:
            prose_before += len(unit.flat)

    spans: list[Span] = []
    last_prose = max((i for i, u in enumerate(units[:tail_at]) if u.prose), default=len(units))
    for i, unit in enumerate(units):
        label = unit.label or ("tail" if i >= tail_at else None)
        if label:
            spans.append(Span(start=unit.start, end=unit.end, label=label))
        elif last_prose <= i < tail_at:
            # Furniture glued to the end of the last paragraph: "... police said. Related stories ..."
            raw = text[unit.start:unit.end]
            for rule in rules.inline:
                hits = [m.start() for p in rule.patterns if (m := p.search(raw)) and m.start() > 0]
                if hits:
                    spans.append(Span(start=unit.start + min(hits), end=unit.end, label=rule.label))
                    break
    return spans


def blank(text: str, spans: list[Span]) -> str:
    """text with every character inside the spans, except line breaks, replaced by a space."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def clean(article: Article) -> Article:
    """Blank the site's furniture: returns the same article with `body` = text where every removed character
    except newlines is replaced by a space (same length, same offsets) and `removed` = the Spans removed,
    each labelled with the rule that removed it ("share-prompt", "donation", "disclaimer", "copyright",
    "taxonomy-line", "link-only", "byline", "note-to-readers", "tail", ...)."""
    spans = classify(article.text)
    return article.model_copy(update={"body": blank(article.text, spans), "removed": spans})
