"""BERT's uncased WordPiece tokenizer in plain Python (no `tokenizers`, no torch).

Owns turning text into the token ids of the vocabulary that sitrep's static token vectors are indexed by
(`data/model/token_vectors.npz`, distilled from all-MiniLM-L6-v2, whose vocabulary is bert-base-uncased's).
It reproduces the reference tokenizer: clean control characters, space out CJK ideographs, lower-case and
strip accents, split on whitespace and punctuation, then greedy longest-match-first WordPiece with "##"
continuations; a word that cannot be split is [UNK]. Word pieces are cached per word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["WordPiece"]

_MAX_WORD_CHARS = 100


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")


def basic_tokens(text: str) -> list[str]:
    """Lower-cased, accent-stripped words and punctuation marks, as BERT's BasicTokenizer splits them."""
    if text.isascii():  # the common case, by regex (same result as the general path below, ~10x faster)
        return _ASCII_TOKEN.findall(_ASCII_CONTROL.sub("", text).lower())
    return _basic_tokens_unicode(text)


def _basic_tokens_unicode(text: str) -> list[str]:
    chars = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if ch.isspace():
            chars.append(" ")
        elif _is_cjk(cp):
            chars.append(f" {ch} ")
        else:
            chars.append(ch)
    out: list[str] = []
    for word in "".join(chars).lower().split():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        start = 0
        for i, ch in enumerate(word):
            if _is_punctuation(ch):
                if i > start:
                    out.append(word[start:i])
                out.append(ch)
                start = i + 1
        if start < len(word):
            out.append(word[start:])
    return out


class WordPiece:
    """Token ids for text, given a vocabulary (a sequence of pieces, id = position)."""

    def __init__(self, vocab: Sequence[str], unk: str = "[UNK]") -> None:
        self.ids = {piece: i for i, piece in enumerate(vocab)}
        self.unk_id = self.ids[unk]
        self._word = lru_cache(maxsize=200_000)(self._word_ids)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD_CHARS:
            return (self.unk_id,)
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.ids.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            pieces.append(found)
            start = end
        return tuple(pieces)

    def encode(self, text: str) -> list[int]:
        """The token ids of `text` (no [CLS]/[SEP])."""
        out: list[int] = []
        for word in basic_tokens(text):
            out.extend(self._word(word))
        return out
