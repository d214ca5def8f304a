"""Event dates: date expressions in a stretch of text, resolved against the publication date.

ACLED's time_precision: 1 = the day is known, 2 = only the week (or a range of days) is known,
3 = only the month is known. As the codebook says, a week is coded at its middle and a month at its mid-point,
unless the text says its beginning or its end (the first or the last day); never after publication. A date
without a year takes the year that puts it on or before the publication date; a weekday is the most recent such
day on or before publication.
Regular expressions rather than dateparser: this runs once per sentence, on the hot path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "few": 3,
                "several": 3, "couple": 2, "a couple of": 2}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "during the week beginning November 26th", "week of 16 July": the week, before its first day is read alone
    ("week_of", re.compile(r"\bweek\s+(?:beginning|starting|commencing|of)\s+(?:on\s+)?(?:the\s+)?(?:" + _DAY
                           + r"\s+(?:of\s+)?" + _MONTH + r"|(?P<month_first>" + "|".join(
                               sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day_second>[0-3]?\d)"
                           + r"(?:st|nd|rd|th)?)(?:,?\s+" + _YEAR + r")?\b", re.IGNORECASE)),
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    # "21 February 2019", "21-23 February", "the 21st of February"
    ("dmy", re.compile(r"\b(?:the\s+)?" + _DAY + _DAY2 + r"?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b",
                       re.IGNORECASE)),
    # "February 21, 2019", "Feb. 21", "February 21-23"
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + _DAY2 + r"?(?:,?\s+" + _YEAR + r")?\b(?!\s*(?:%|km|per))",
                       re.IGNORECASE)),
    ("month", re.compile(r"\b(?P<when>in|during|since|early|mid|late|earlier\s+in|(?:the\s+)?(?:end|beginning|start"
                         r"|middle|month)\s+of)(?:-|\s+)(?:the\s+month\s+of\s+)?" + _MONTH
                         + r"(?:\s+" + _YEAR + r")?\b", re.IGNORECASE)),
    ("relative", re.compile(
        r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|last\s+night|overnight|today|tonight|this\s+morning|"
        r"this\s+afternoon|this\s+evening|earlier\s+today|on\s+(?:this|the\s+same)\s+day)\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?P<last>last)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)(?:\s+(?P<part>night|morning|evening|afternoon))?"
                           # "on Thursday last week", "Monday of the previous week": that day of the week before
                           r"(?:\s+(?P<week_before>(?:of\s+)?(?:last|the\s+previous|the\s+past)\s+week))?\b",
                           re.IGNORECASE)),
    ("span", re.compile(r"\b(?:in|over|during|within)\s+the\s+(?:last|past|previous)\s+(?P<n>\d+|one|two|three|"
                        r"four|five|six|seven|few|several|couple\s+of)?\s*(?P<unit>days?|weeks?|hours?|24\s+hours)\b",
                        re.IGNORECASE)),
    ("week", re.compile(r"\b(?P<which>last|this|earlier\s+this|past|(?:over|during|at)\s+the)\s+(?P<span>week(?:end)?)\b",
                        re.IGNORECASE)),
]


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: the day coded, the ACLED time_precision, and where it was read."""

    value: date
    precision: int
    start: int
    end: int
    text: str


def _year_for(month: int, day: int, published: date | None) -> int | None:
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + timedelta(days=1):
            return year
    return published.year - 1


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: date | None) -> tuple[date, int] | None:
    g = m.groupdict()
    if kind == "iso":
        return (d, 1) if (d := _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))) else None
    if kind in {"dmy", "mdy"}:
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        if kind == "mdy" and g["month"].lower() == "may" and not g.get("year") and day > 31:
            return None
        year = int(g["year"]) if g.get("year") else _year_for(month, day, published)
        d = _safe_date(year, month, day)
        if d is None:
            return None
        # A range of days ("21-23 February"): ACLED codes its first day, at week precision.
        return (d, 2) if g.get("day2") else (d, 1)
    if kind == "week_of":
        month_name, day = (g["month"], g["day"]) if g.get("month") else (g["month_first"], g["day_second"])
        month = MONTHS[month_name.lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else _year_for(month, int(day), published)
        first = _safe_date(year, month, int(day))
        return (_not_after(first + timedelta(days=2), published), 2) if first else None
    if kind == "month":
        month = MONTHS[g["month"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else _year_for(month, 1, published)
        first = _safe_date(year, month, 1)
        if first is None:
            return None
        when = g["when"].lower()
        if when == "early" or "beginning" in when or "start" in when:
            return first, 3
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        day = last if when == "late" or "end" in when else first.replace(day=15)
        return max(first, _not_after(day, published)), 3
    if published is None:
        return None
    if kind == "relative":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        if rel == "the day before yesterday":
            return published - timedelta(days=2), 1
        if rel in {"yesterday", "last night", "overnight"}:
            return published - timedelta(days=1), 1
        return published, 1
    if kind == "weekday":
        if g.get("week_before"):
            return published - timedelta(days=published.weekday() + 7 - WEEKDAYS[g["weekday"].lower()]), 1
        back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if g.get("last") and back == 0:
            back = 7
        return published - timedelta(days=back), 1
    if kind == "span":
        unit = g["unit"].lower()
        if unit.startswith("hour") or unit.startswith("24"):
            return published - timedelta(days=1), 1
        n = g.get("n") or "one"
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower().replace(" of", ""), 2)
        days = count * (7 if unit.startswith("week") else 1)
        # "in the last 2 days": the span ends at publication, its first day is the one coded
        return published - timedelta(days=days), (1 if days <= 1 else 2 if days <= 7 else 3)
    if kind == "week":
        which = g["which"].lower()
        start = published - timedelta(days=published.weekday())
        if which in {"last", "past"}:
            start -= timedelta(days=7)
        # the middle of the week, or of the weekend (its Saturday)
        middle = 5 if g["span"].lower() == "weekend" else 2
        if middle == 5 and which not in {"last", "past"} and published.weekday() < 5:
            start -= timedelta(days=7)  # "this weekend", "over the weekend" in a Tuesday's paper: the one just past
        elif middle == 2 and which.startswith("earlier") and published.weekday() > 0:
            middle = (published.weekday() - 1) // 2  # "earlier this week": the days before the paper's
        return _not_after(start + timedelta(days=middle), published), 2
    return None


def _not_after(day: date, published: date | None) -> date:
    return min(day, published) if published is not None else day


def find_dates(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """All resolvable date expressions in text[start:end], in reading order, without overlaps."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            resolved = _resolve(kind, m, published)
            if resolved is None:
                continue
            # "May" is also a verb; accept it only with a day or a year beside it
            if m.groupdict().get("month", "") and m.group("month").lower() == "may" and kind == "month" \
                    and not m.groupdict().get("year"):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(resolved[0], resolved[1], m.start(), m.end(), m.group(0)))
    found.sort(key=lambda d: d.start)
    return found


# A wire-style dateline opening a paragraph: the place in capitals, maybe its country, the filing date and the
# agency, then a dash ("KADUNA, Nigeria, May 2, 2023 -", "WASHINGTON, April 5 (Thomson Reuters Foundation) -",
# "SANAA (Reuters) -"). Its date is when the report was filed, not when the event happened.
DATELINE = re.compile(r"[ \t]*[A-Z][A-Z'.-]{2,}(?:[ -][A-Z][A-Z'.-]+){0,3}(?:,[ \t]*[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*){0,2})?"
                      r"(?:,?[ \t]+[^\n()\-\u2013\u2014:]{3,30}?)?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014:][ \t]")


def dateline_end(text: str, start: int) -> int:
    """Where a dateline opening `text` at `start` ends (`start` itself if there is none)."""
    m = DATELINE.match(text, start)
    return m.end() if m else start


def first_event_date(mentions: list[DateMention], published: date | None) -> DateMention | None:
    """The date an event is coded at: the first precise mention that is not after publication."""
    usable = [d for d in mentions if published is None or d.value <= published + timedelta(days=1)]
    if not usable:
        return None
    return min(usable, key=lambda d: (d.precision, d.start))
