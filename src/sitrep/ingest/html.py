"""HTML reading: main text (trafilatura), publication date (htmldate), title and canonical URL.

The extracted main text is what sitrep stores as Article.text and what evidence offsets index.
Nothing here touches the network: htmldate is only ever given a parsed tree, never a string that
could be taken for a URL.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

import lxml.html
from lxml import etree

from sitrep.ingest.base import Unreadable
from sitrep.ingest.textfile import dateline_date

_BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
    "section", "article", "header", "footer", "pre", "figcaption", "dd", "dt", "hr",
)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_ANY_SPACE = re.compile(r"\s+")

# trafilatura and htmldate log every page they find hard; that is not the user's business.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None
    url: str | None
    published: date | None
    site: str | None = None  # og:site_name / application-name: the outlet, for Article.source


def decode_html(data: bytes) -> str:
    """HTML bytes -> str: BOM / UTF-8, else the charset the page declares, else cp1252."""
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("binary file (not text: contains NUL bytes)")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def parse_tree(html: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        # lxml refuses str with an XML encoding declaration; bytes are fine.
        try:
            return lxml.html.document_fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return None


def extract_html(html: str) -> HtmlPage:
    """Main text and metadata of an HTML page; raise Unreadable('HTML has no main text')."""
    if not html.strip():
        raise Unreadable("empty file")
    tree = parse_tree(html)
    if tree is None:
        raise Unreadable("HTML has no main text")
    title, url, published, site = _title(tree), _canonical_url(tree), _htmldate(tree), _site_name(tree)
    text = _trafilatura_text(html)
    if not text:
        body = tree.find("body")
        text = _element_text(body) if body is not None else ""  # mutates the tree: metadata is read
    if not text.strip():
        raise Unreadable("HTML has no main text")
    return HtmlPage(text=text, title=title, url=url, published=published or dateline_date(text), site=site)


def _trafilatura_text(html: str) -> str | None:
    import trafilatura  # heavy import, only paid when there is HTML to read

    try:
        text = trafilatura.extract(
            html, favor_recall=True, include_comments=False, include_tables=True,
            deduplicate=False, with_metadata=False, output_format="txt",
        )
    except Exception:  # trafilatura raises assorted errors on hostile markup; fall back to our own
        return None
    return text or None


def _htmldate(tree: etree._Element) -> date | None:
    from htmldate import find_date

    try:
        found = find_date(tree, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is best effort; a page without a date is normal
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def _title(tree: etree._Element) -> str | None:
    for xpath in ("//title", "//meta[@property='og:title']/@content", "//h1"):
        for hit in tree.xpath(xpath):
            value = hit if isinstance(hit, str) else hit.text_content()
            value = " ".join(str(value).split())
            if value:
                return value
    return None


def _site_name(tree: etree._Element) -> str | None:
    for xpath in ("//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content"):
        for hit in tree.xpath(xpath):
            value = " ".join(str(hit).split())
            if value:
                return value
    return None


def _canonical_url(tree: etree._Element) -> str | None:
    for xpath in ("//meta[@property='og:url']/@content", "//link[@rel='canonical']/@href"):
        for hit in tree.xpath(xpath):
            value = str(hit).strip()
            if value.startswith(("http://", "https://")):
                return value
    return None


def fragment_text(html: str) -> str:
    """Readable text of an HTML fragment (a feed entry's content): one line per block, no tags."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    return _element_text(root)


def _element_text(root: etree._Element) -> str:
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    # Line breaks in the markup are just spaces; the blocks decide where lines end.
    for el in root.iter():
        if el.text:
            el.text = _ANY_SPACE.sub(" ", el.text)
        if el.tail:
            el.tail = _ANY_SPACE.sub(" ", el.tail)
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
