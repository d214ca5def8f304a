"""WordPiece tokenization and static token vectors (the classifier's second expert)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.detect import MODEL_DIR, MODEL_FILE, LinearModel
from sitrep.extract.vectors import VECTORS_FILE, TokenVectors, sif_weights
from sitrep.extract.wordpiece import WordPiece, _basic_tokens_unicode, basic_tokens

TINY_VOCAB = ["[PAD]", "[UNK]", "un", "##aff", "##able", "the", "rebels", "shell", "##ed", "-", "'", "s"]


def test_basic_tokens_lowercase_strip_accents_and_split_punctuation() -> None:
    assert basic_tokens("Deir ez-Zor's CAFÉ") == ["deir", "ez", "-", "zor", "'", "s", "cafe"]
    assert basic_tokens("a\u200bb\tc\x00") == ["ab", "c"]  # control and format characters dropped
    assert basic_tokens("北京 talks") == ["北", "京", "talks"]  # CJK ideographs stand alone


def test_wordpiece_longest_match_first_with_continuations() -> None:
    wp = WordPiece(TINY_VOCAB)
    assert wp.encode("Unaffable rebels shelled the-s") == [2, 3, 4, 6, 7, 8, 5, 9, 11]
    assert wp.encode("xyz rebels") == [1, 6]  # a word that cannot be split is [UNK]


@given(st.text(max_size=200))
def test_wordpiece_never_fails_and_stays_in_vocabulary(text: str) -> None:
    ids = WordPiece(TINY_VOCAB).encode(text)
    assert all(0 <= i < len(TINY_VOCAB) for i in ids)
    assert all(" " not in t and t for t in basic_tokens(text))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_fast_path_agrees_with_the_general_one(text: str) -> None:
    assert basic_tokens(text) == _basic_tokens_unicode(text)


def test_embed_normalises_and_weights_tokens(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    table = TokenVectors(vocab=tuple(TINY_VOCAB), vectors=rng.normal(size=(len(TINY_VOCAB), 8)).astype(np.float32),
                         info={"dim": 8})
    ids = table.token_ids(["the rebels", "the the the shell"])
    weight = sif_weights(ids, len(TINY_VOCAB))
    assert weight[5] < weight[6]  # "the" is the most frequent piece: it counts least
    x = table.embed(["rebels shelled", "", "???"], weight)
    assert np.isclose(np.linalg.norm(x[0]), 1.0)
    assert not x[1].any()  # no token, no vector
    table.save(tmp_path / "t.npz")
    back = TokenVectors.load(tmp_path / "t.npz")
    assert back.vocab == table.vocab and back.info == {"dim": 8}
    assert np.allclose(back.vectors, table.vectors, atol=1e-2)  # stored as float16


def test_shipped_vectors_cover_the_vocabulary() -> None:
    """The shipped table (`sitrep distill`) has one vector per piece of bert-base-uncased's vocabulary; its
    tokenizer agreed with the reference `transformers` tokenizer on 22,100 news and ACLED texts when built."""
    table = TokenVectors.load(MODEL_DIR / VECTORS_FILE)
    assert len(table.vocab) == table.vectors.shape[0] == 30522
    assert table.vocab[100] == "[UNK]" and table.dim == table.info["dim"]
    pieces = [table.vocab[i] for i in table.tokenizer().encode("Militants lobbed grenades")]
    assert pieces[0] == "militants" and "grenades" in pieces
    near = table.vectors[table.vocab.index("grenade")] @ table.vectors[table.vocab.index("explosive")]
    far = table.vectors[table.vocab.index("grenade")] @ table.vectors[table.vocab.index("banana")]
    assert near > far


def test_a_model_refuses_token_vectors_it_was_not_trained_on(tmp_path: Path) -> None:
    shutil.copy(MODEL_DIR / MODEL_FILE, tmp_path / MODEL_FILE)
    if not LinearModel.load(MODEL_DIR / MODEL_FILE).has_vectors:
        pytest.skip("the shipped model has no token-vector expert")
    other = TokenVectors(vocab=tuple(TINY_VOCAB), vectors=np.ones((len(TINY_VOCAB), 8), dtype=np.float32))
    other.save(tmp_path / VECTORS_FILE)
    with pytest.raises(ValueError, match="other token vectors"):
        LinearModel.load(tmp_path / MODEL_FILE)
    (tmp_path / VECTORS_FILE).unlink()
    with pytest.raises(FileNotFoundError, match="needs its token vectors"):
        LinearModel.load(tmp_path / MODEL_FILE)
