"""The fine-tuned transformer expert of the event classifier, run with onnxruntime (no torch at run time).

Owns `TransformerExpert`: a few layers of all-MiniLM-L6-v2 fine-tuned on the classifier's training data by
`sitrep train --transformer` (see `sitrep.finetune`), exported to ONNX with int8 weights
(`data/model/event_transformer.onnx`), its WordPiece vocabulary beside it (`event_transformer.vocab.txt`),
and its class names, maximum length and provenance in the ONNX file's metadata. Texts are tokenized with
sitrep's plain-Python WordPiece (the reference BERT tokenizer, `sitrep.extract.wordpiece`), batched by length
and run on one thread unless SITREP_THREADS says otherwise. `sitrep.extract.detect.LinearModel` mixes its
probabilities with the hashed-word model's for the sentences that model does not already call "no event".
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sitrep.extract.wordpiece import WordPiece

__all__ = ["TRANSFORMER_FILE", "VOCAB_FILE", "TransformerExpert"]

TRANSFORMER_FILE = "event_transformer.onnx"
VOCAB_FILE = "event_transformer.vocab.txt"
# texts per onnxruntime call, sorted by length: on one core, 8 ran the benchmark's gated sentences ~10% faster
# than 32 (less padding), 1-4 slower (more calls)
_BATCH = 8


@dataclass
class TransformerExpert:
    """Class probabilities from the ONNX model at `path` (classes in the order of its metadata)."""

    path: Path
    classes: tuple[str, ...]
    max_len: int
    info: dict = field(default_factory=dict)
    _session: object = field(default=None, repr=False)
    _tokenizer: WordPiece | None = field(default=None, repr=False)
    _special: tuple[int, int, int] = (101, 102, 0)  # [CLS], [SEP], [PAD]

    @classmethod
    def load(cls, path: Path) -> TransformerExpert:
        """Open the ONNX model and its vocabulary; a clear error when either is missing or unreadable."""
        path = Path(path)
        vocab_path = path.with_name(VOCAB_FILE)
        if not path.exists() or not vocab_path.exists():
            missing = path if not path.exists() else vocab_path
            raise FileNotFoundError(f"{path}: the transformer expert needs {missing}, which is missing")
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - onnxruntime is a core dependency
            raise RuntimeError(f"{path}: reading the transformer expert needs onnxruntime (pip install onnxruntime)"
                               ) from exc
        options = ort.SessionOptions()
        threads = int(os.environ.get("SITREP_THREADS", "1") or 1)
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ValueError(f"{path}: not a readable ONNX model ({exc})") from exc
        meta = session.get_modelmeta().custom_metadata_map
        try:
            classes = tuple(json.loads(meta["classes"]))
            max_len = int(meta["max_len"])
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path}: the ONNX metadata lacks the classes or max_len of the expert") from exc
        vocab = vocab_path.read_text(encoding="utf-8").splitlines()
        tokenizer = WordPiece(vocab)
        special = (tokenizer.ids["[CLS]"], tokenizer.ids["[SEP]"], tokenizer.ids["[PAD]"])
        info = json.loads(meta.get("info", "{}"))
        return cls(path=path, classes=classes, max_len=max_len, info=info, _session=session,
                   _tokenizer=tokenizer, _special=special)

    def input_ids(self, text: str) -> list[int]:
        """[CLS] pieces [SEP], truncated to the model's maximum length."""
        assert self._tokenizer is not None
        cls_id, sep_id, _ = self._special
        return [cls_id, *self._tokenizer.encode(text)[: self.max_len - 2], sep_id]

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), len(classes)) softmax probabilities. The int8 model scales its activations per batch,
        so a text's probabilities move slightly (~0.01) with the texts batched beside it."""
        out = np.zeros((len(texts), len(self.classes)), dtype=np.float64)
        if not texts:
            return out
        ids = [self.input_ids(t) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # batches of like lengths pad little
        pad = self._special[2]
        for start in range(0, len(order), _BATCH):
            rows = order[start:start + _BATCH]
            width = max(len(ids[i]) for i in rows)
            batch = np.full((len(rows), width), pad, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for k, i in enumerate(rows):
                batch[k, :len(ids[i])] = ids[i]
                mask[k, :len(ids[i])] = 1
            logits = self._session.run(None, {"input_ids": batch, "attention_mask": mask})[0].astype(np.float64)
            logits -= logits.max(axis=1, keepdims=True)
            e = np.exp(logits)
            out[rows] = e / e.sum(axis=1, keepdims=True)
        return out
