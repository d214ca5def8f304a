"""Plain-text reading: bytes -> str (encoding detection, binary detection), dateline date, title line.

The decoded text is kept exactly as it was (only a byte-order mark is dropped, it is not text):
evidence offsets index it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import charset_normalizer

from sitrep.ingest.base import Unreadable

# Magic numbers of binary formats people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive / Office document"), (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf", "7z archive"), (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"), (b"\xd0\xcf\x11\xe0", "old Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}
_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Non-ASCII punctuation and symbols that legacy-encoded news text legitimately contains.
_LEGACY_PUNCT = frozenset("“”‘’‚„–—…•·«»‹›€£¥¢°§©®™±×÷¿¡\u00a0\u00ad†‡‰¼½¾¹²³ªº")
_LATIN_STANDALONE = frozenset("àÀéÉèÈùÙóÓáÁ")


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise Unreadable('empty file' | 'binary file ...' | 'invalid UTF-8 ...')."""
    if not data:
        raise Unreadable("empty file")
    text = _decode_bom(data)
    if text is None:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise Unreadable(f"binary file (not text: {kind})")
        sample = data[:65536]
        if b"\x00" in sample:
            raise Unreadable("binary file (not text: contains NUL bytes)")
        if sum(b in _CONTROL for b in sample) > 0.1 * len(sample):
            raise Unreadable("binary file (not text: mostly non-printable bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _decode_legacy(data)
            if text is None:
                raise Unreadable(
                    f"invalid UTF-8 at byte {exc.start} (and not a recognisable legacy encoding)"
                ) from None
    if not text.strip():
        raise Unreadable("empty (whitespace only)")
    return text


def _decode_bom(data: bytes) -> str | None:
    """UTF-16/32 text announced by a byte-order mark (believed only if NUL bytes back it up)."""
    for bom, codec in _BOMS:
        if data.startswith(bom) and b"\x00" in data[len(bom):]:
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_legacy(data: bytes) -> str | None:
    """A single-byte legacy encoding (cp1252, cp1251, ...) whose decoding reads as real text, else None.

    UTF-8 with some broken bytes (valid multi-byte sequences next to invalid ones) is not legacy text.
    """
    if _VALID_MULTIBYTE.search(data):
        return None
    candidates = ["cp1252"]
    try:
        matches = charset_normalizer.from_bytes(data[:200_000])
        candidates += [m.encoding for m in matches][:6]
    except Exception:  # charset-normalizer is a heuristic helper; a failure there is "no guess"
        pass
    for codec in dict.fromkeys(candidates):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible_text(text):
            return text
    return None


def plausible_text(text: str) -> bool:
    """Do the non-ASCII characters of a decoding read like one language's letters and punctuation?"""
    scripts: set[str] = set()
    ascii_letters = nonascii_letters = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            ascii_letters += ch.isalpha()
            continue
        if ch in _LEGACY_PUNCT:
            continue
        cat = unicodedata.category(ch)
        if cat == "Mn":
            continue
        if not cat.startswith("L"):
            return False
        name = unicodedata.name(ch, "")
        if not name or "FORM" in name or name.startswith("HALFWIDTH"):
            return False
        script = name.split()[0]
        scripts.add(script)
        nonascii_letters += 1
        if script == "LATIN" and not _latin_in_word(text, i):
            return False
    if len(scripts) > 1:
        return False
    if scripts and scripts != {"LATIN"}:
        return nonascii_letters >= 0.3 * (nonascii_letters + ascii_letters)
    return True


def _latin_in_word(text: str, i: int) -> bool:
    """An accented Latin letter belongs inside a word with ASCII letters ('café', 'Müller'), or is 'à'."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    k = i
    while k + 1 < len(text) and text[k + 1].isalpha():
        k += 1
    word = text[j:k + 1]
    if any(c.isascii() for c in word):
        return True
    return len(word) == 1 and word in _LATIN_STANDALONE


# ---------------------------------------------------------------- dateline and title

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>\d\d)[-/.](?P<day>\d\d)(?!\d)"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
               re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
               re.IGNORECASE),
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


def find_dates(line: str) -> list[tuple[int, int, date]]:
    """Every full date written in the line: (start, end, date), in text order."""
    found: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            month = int(m["mnum"]) if "mnum" in m.groupdict() else _MONTHS[m["month"].lower()]
            try:
                value = date(int(m["year"]), month, int(m["day"]))
            except ValueError:
                continue
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), value))
    return sorted(found, key=lambda item: item[0])


def is_prose(line: str) -> bool:
    """A real paragraph (not a title, label or dateline): enough words and a sentence ending."""
    words = len(line.split())
    return words >= 25 or (words >= 10 and bool(_SENTENCE_END.search(line)))


def dateline_date(text: str, max_lines: int = 15) -> date | None:
    """The publication date written near the top of an article, or None.

    Dates on the short header lines (datelines, "Site, February 23, 2019") win over dates inside
    prose; among header dates the earliest wins, because a republished article carries the
    republisher's date and the original dateline, and the events are relative to the original.
    """
    header: list[date] = []
    prose: list[date] = []
    seen = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        dates = [d for _, _, d in find_dates(line)]
        if not dates:
            continue
        if is_prose(line):
            prose.extend(dates)
        else:
            header.extend(dates)
    if header:
        return min(header)
    return prose[0] if prose else None


def title_line(text: str, max_chars: int = 300) -> str | None:
    """The first non-empty line (markdown '#' dropped), unless it is too long to be a title, reads as a paragraph
    of prose (a story that opens with its lead, no headline) or is the whole text (a one-line file is all body)."""
    lines = [line for ln in text.split("\n") if (line := ln.strip().lstrip("#").strip())]
    if len(lines) < 2 or is_prose(lines[0]):
        return None
    return lines[0] if len(lines[0]) <= max_chars else None
