"""Name normalisation for gazetteer keys: accent folding and transliteration-tolerant keys.

Two keys per name:
- `fold`: lower case, accents stripped, punctuation to spaces ("Deir ez-Zor" -> "deir ez zor").
- `loose`: `fold`, then Arabic article particles dropped (al-/el-/ad-/ar-/ez- and the assimilated
  "Ezzor" form), doubled letters collapsed, vowel clusters (with y/w glides) reduced to one "a" and a
  final "h" after a vowel dropped. "Deir Ezzor", "Deir ez-Zor" and "Dayr az Zawr" all give "dar zar";
  "Raqqa" and "Ar-Raqqah" give "raqa".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic definite-article forms as written in English transliterations (sun-letter assimilated too).
PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "il", "ul", "ad", "ed", "ar", "er", "as", "es", "at", "et", "az", "ez", "an", "en", "ash", "esh",
     "ath", "adh", "dh", "a", "e", "l"}
)
_SUN = "tdrzsnl"
_ASSIMILATED = re.compile(rf"^[ae]([{_SUN}])\1(?=[a-z]{{2}})")
_PUNCT = re.compile(r"[\s\-\u2010-\u2015_/.,;:()\[\]\"!?&+]+")
_APOS = re.compile(r"['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4]")
_VOWELS = re.compile(r"[aeiouy]+(?:[wy](?![aeiou]))?|[aeiou]*(?:[wy](?![aeiou]))")
_DOUBLE = re.compile(r"(.)\1+")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "œ": "oe", "þ": "th"})


@lru_cache(maxsize=262144)
def article_apart(key: str) -> str:
    """'elwak' -> 'el wak', 'alhasakah' -> 'al hasakah': an Arabic article written solid with the name, as
    GeoNames writes it apart ("" for keys that do not start so). No English word of five letters or more
    becomes a gazetteer name this way."""
    return f"{key[:2]} {key[2:]}" if len(key) >= 5 and key[:2] in ("al", "el") and key.isalpha() else ""


def fold(name: str) -> str:
    """Lower-cased, accent-free, punctuation-free form of a name ("Ḥalab" -> "halab")."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOS.sub("", text)
    return _PUNCT.sub(" ", text).strip()


def _loose_token(token: str) -> str:
    token = _ASSIMILATED.sub(r"\1", token)
    token = _DOUBLE.sub(r"\1", token)
    if len(token) > 2 and token.endswith("h") and token[-2] in "aeiou":
        token = token[:-1]
    head, rest = token[:1], token[1:]
    if head in "aeiou":
        head = "a"
    rest = _VOWELS.sub("a", rest)
    return _DOUBLE.sub(r"\1", head + rest)


@lru_cache(maxsize=262144)
def loose(name: str) -> str:
    """Transliteration-tolerant key of a name (see module docstring); "" for names too short to trust."""
    tokens = fold(name).split()
    kept = [t for t in tokens if t not in PARTICLES] or tokens
    key = " ".join(_loose_token(t) for t in kept)
    return key if len(key.replace(" ", "")) >= 4 else ""


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin (alternate names in other scripts are not indexed)."""
    return all(not ch.isalpha() or ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


ADMIN_SUFFIXES = re.compile(
    r"\s+(governorate|province|muhafazat|region|oblast|oblast'|state|district|county|prefecture|department"
    r"|departement|wilaya|wilayah|vilayet|velayat|raion|rayon|krai|kray|municipality|territory|division)$",
    re.IGNORECASE,
)
ADMIN_PREFIXES = re.compile(
    r"^(muhafazat|mintaqat|wilayat|provincia de|provincia del|province of|region of|departamento de"
    r"|departement de l'|departement de la|departement du|departement des|departement de|estado de|state of"
    r"|governorate of|province de l'|province de la|province du|province des|province de|municipio de"
    r"|distrito de|partido de|departamento del|daira de|commune of|commune de|cercle de|prefecture de"
    r"|arrondissement de|caza de|delegation de)\s+",
    re.IGNORECASE,
)


def strip_admin(name: str) -> str:
    """'Homs Governorate' -> 'Homs'; 'Muhafazat Halab' -> 'Halab'."""
    out = ADMIN_PREFIXES.sub("", name.strip())
    out = ADMIN_SUFFIXES.sub("", out)
    return out.strip() or name.strip()
