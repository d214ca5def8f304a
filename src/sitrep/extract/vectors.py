"""Static token vectors: a sentence's meaning as a weighted mean of per-token vectors, no transformer at run time.

Owns the table `data/model/token_vectors.npz` (one vector per WordPiece of all-MiniLM-L6-v2's vocabulary,
distilled from that model by `sitrep distill`, see `sitrep.distill`), loading it, and embedding texts with
it. The classifier in `sitrep.extract.detect` uses these vectors beside its hashed word features: a word the
ACLED training notes never used ("lobbed", "kettled") still lands near the words they did use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sitrep.extract.wordpiece import WordPiece

__all__ = ["VECTORS_FILE", "TokenVectors", "sif_weights"]

VECTORS_FILE = "token_vectors.npz"


@dataclass(frozen=True)
class TokenVectors:
    """One vector per vocabulary piece (row i is the piece vocab[i])."""

    vocab: tuple[str, ...]
    vectors: np.ndarray  # (len(vocab), dim) float32
    info: dict = field(default_factory=dict)  # where the vectors came from (for manifests)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def tokenizer(self) -> WordPiece:
        cached = self.__dict__.get("_tokenizer")
        if cached is None:
            cached = WordPiece(self.vocab)
            object.__setattr__(self, "_tokenizer", cached)
        return cached

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        encode = self.tokenizer().encode
        return [encode(t) for t in texts]

    def embed(self, texts: list[str], token_weight: np.ndarray) -> np.ndarray:
        """(len(texts), dim) L2-normalised weighted means of the texts' token vectors (zeros for no token)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, ids in enumerate(self.token_ids(texts)):
            if not ids:
                continue
            v = (self.vectors[ids] * token_weight[ids][:, None]).sum(axis=0)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[i] = v / norm
        return out

    @classmethod
    def load(cls, path: Path) -> TokenVectors:
        with np.load(path, allow_pickle=False) as npz:
            return cls(vocab=tuple(str(p) for p in npz["vocab"]), vectors=npz["vectors"].astype(np.float32),
                       info=json.loads(str(npz["info"])) if "info" in npz else {})

    def save(self, path: Path) -> None:
        np.savez_compressed(path, vocab=np.array(self.vocab, dtype=str), vectors=self.vectors.astype(np.float16),
                            info=np.array(json.dumps(self.info)))


def sif_weights(token_ids: list[list[int]], n_tokens: int, a: float = 1e-3) -> np.ndarray:
    """a / (a + p(token)) per vocabulary piece, p from a corpus' token counts: frequent pieces ("the", ",")
    count for little in a sentence's mean (Arora et al.'s smooth inverse frequency)."""
    counts = np.bincount(np.fromiter((i for ids in token_ids for i in ids), dtype=np.int64), minlength=n_tokens)
    p = counts / max(1, int(counts.sum()))
    return (a / (a + p)).astype(np.float32)
