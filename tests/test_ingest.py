"""Ingest: every input kind read into Articles, every bad input one Skipped, nothing raised."""

from __future__ import annotations

import http.server
import io
import json
import tempfile
import threading
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import MAX_BYTES, Skipped, iter_inputs
from sitrep.ingest.records import read_jsonl, read_jsonl_stream
from sitrep.ingest.textfile import dateline_date, decode_bytes
from sitrep.model import Article

NEWS = (
    "Kandahar, 3 March 2021\n\n"
    "Gunmen attacked a police checkpoint in the district on Tuesday, killing two officers, officials said.\n\n"
    "The provincial governor said an investigation was under way.\n"
)


def read(paths: list[str], **kwargs: object) -> list[Article | Skipped]:
    return list(iter_inputs(paths, **kwargs))  # type: ignore[arg-type]


def only_skipped(items: list[Article | Skipped]) -> Skipped:
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    return items[0]


# ---------------------------------------------------------------- bad inputs


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    skipped = only_skipped(read([str(tmp_path / "empty.txt")]))
    assert "empty" in skipped.reason and skipped.origin.endswith("empty.txt")


def test_whitespace_only_file(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("  \n\n\t \n")
    assert "empty" in only_skipped(read([str(tmp_path / "blank.txt")])).reason


@pytest.mark.parametrize("payload", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def\x00" * 50,
                                     bytes(range(1, 9)) * 100])
def test_binary_file(tmp_path: Path, payload: bytes) -> None:
    (tmp_path / "picture.txt").write_bytes(payload)
    assert only_skipped(read([str(tmp_path / "picture.txt")])).reason.startswith("binary file")


def test_invalid_utf8(tmp_path: Path) -> None:
    # Valid UTF-8 (the é) next to bytes that are not: broken UTF-8, not a legacy encoding.
    (tmp_path / "broken.txt").write_bytes("Troops entered the café ".encode() + b"\xff\xfe\xc3\x28 and left.")
    assert "invalid UTF-8" in only_skipped(read([str(tmp_path / "broken.txt")])).reason


def test_garbage_high_bytes_are_invalid_utf8(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(b"hello \xff\xfe\xfd world")
    assert "invalid UTF-8" in only_skipped(read([str(tmp_path / "junk.txt")])).reason


@pytest.mark.parametrize(("text", "codec"), [
    ("Officials said \u201cten militants\u201d were killed \u2013 the minister\u2019s office said.", "cp1252"),
    ("Российские войска обстреляли позиции в Донецкой области, сообщили в министерстве.", "cp1251"),
])
def test_legacy_encoding_is_decoded(tmp_path: Path, text: str, codec: str) -> None:
    (tmp_path / "legacy.txt").write_bytes(text.encode(codec))
    (article,) = read([str(tmp_path / "legacy.txt")])
    assert isinstance(article, Article) and article.text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(b"\xff\xfe" + NEWS.encode("utf-16-le"))
    (article,) = read([str(tmp_path / "u16.txt")])
    assert isinstance(article, Article) and article.text == NEWS


def test_50mb_text_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    chunk = (b"The shelling continued through the night. " * 25 + b"\n") * 1000
    with big.open("wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    tracemalloc.start()
    try:
        items = read([str(big)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    skipped = only_skipped(items)
    assert "too large" in skipped.reason and "10 MB limit" in skipped.reason
    assert peak < 2 * 1024 * 1024, f"reading a skipped file allocated {peak} bytes"


def test_oversized_jsonl_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a", "text": NEWS}), json.dumps({"id": "b", "text": "x" * 5000}),
             json.dumps({"id": "c", "text": NEWS})]
    path.write_text("\n".join(lines) + "\n")
    items = read([str(path)], max_bytes=2000)
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert items[1].origin == f"{path}:2" and "too large" in items[1].reason


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "one", "text": NEWS}) + "\n"
        + '{"id": "two", "text": "unterminated\n'
        + "\n"
        + json.dumps({"id": "three", "text": NEWS, "published": "2021-03-04"}) + "\n"
    )
    items = read([str(path)])
    assert [i.id for i in items if isinstance(i, Article)] == ["one", "three"]
    (skipped,) = [i for i in items if isinstance(i, Skipped)]
    assert skipped.origin == f"{path}:2"
    assert skipped.reason.startswith("malformed JSON")
    assert str(skipped) == f"{path}:2: {skipped.reason}"


@pytest.mark.parametrize("record", [
    {"id": "x", "text": NEWS, "published": "2021-02-30"},
    {"id": "x", "text": NEWS, "published": "yesterday"},
    {"id": "x", "text": 42},
    {"id": "x", "text": "   "},
    {"id": "x", "title": "no text"},
    ["not", "an", "object"],
])
def test_bad_jsonl_record_is_one_skipped(tmp_path: Path, record: object) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "ok", "text": NEWS}) + "\n")
    items = read([str(path)])
    assert isinstance(items[0], Skipped) and items[0].origin == f"{path}:1"
    assert isinstance(items[1], Article) and items[1].id == "ok"


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("e.jsonl", "", "empty file"), ("b.jsonl", "\n  \n", "no records in file"), ("e.csv", "", "empty file"),
    ("h.csv", "id,text\n", "no records in file"), ("l.json", "[]", "no records in file"),
])
def test_record_file_without_records(tmp_path: Path, name: str, content: str, reason: str) -> None:
    (tmp_path / name).write_text(content)
    assert only_skipped(read([str(tmp_path / name)])).reason == reason


def test_empty_stdin() -> None:
    assert str(only_skipped(read(["-"], stdin=io.StringIO("")))) == "<stdin>: no input on stdin"


def test_one_record_crashing_a_library_does_not_end_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.ingest.records as records

    def explode(html: str) -> object:
        raise RuntimeError("parser blew up")

    monkeypatch.setattr(records, "extract_html", explode)
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps({"id": "h", "html": "<p>x</p>"}) + "\n" + json.dumps({"id": "t", "text": NEWS}) + "\n")
    bad, good = read([str(path)])
    assert isinstance(bad, Skipped) and "parser blew up" in bad.reason and bad.origin == f"{path}:1"
    assert isinstance(good, Article) and good.id == "t"


def test_html_without_body(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><head><title>Nothing</title></head><body></body></html>")
    assert only_skipped(read([str(tmp_path / "page.html")])).reason == "HTML has no main text"


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("headline,date\nBlast,2021-01-01\n")
    reason = only_skipped(read([str(tmp_path / "t.csv")])).reason
    assert reason == "CSV has no 'text' or 'html' column (columns: headline, date)"


def test_missing_path_and_others_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NEWS)
    items = read([str(tmp_path / "nope.txt"), str(tmp_path / "a.txt")])
    assert isinstance(items[0], Skipped) and items[0].reason == "no such file"
    assert isinstance(items[1], Article)


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>")
    assert "not an RSS/Atom feed" in only_skipped(read([str(tmp_path / "data.xml")])).reason


# ---------------------------------------------------------------- happy paths


def test_text_file(tmp_path: Path) -> None:
    text = "Clashes in Marib\r\n\r\nFebruary 23, 2019\r\n\r\nHouthi fighters attacked government positions.\r\n"
    (tmp_path / "marib.txt").write_bytes(text.encode())
    (article,) = read([str(tmp_path / "marib.txt")])
    assert isinstance(article, Article)
    assert article.text == text  # exactly, CRLF included
    assert article.id == "marib.txt" and article.origin == str(tmp_path / "marib.txt")
    assert article.title == "Clashes in Marib"
    assert article.published == date(2019, 2, 23)
    assert article.source is None


def test_a_story_that_opens_with_its_lead_has_no_title(tmp_path: Path) -> None:
    # the lead is prose, not a headline: as a title its last sentence was dropped from the body as a restatement
    lead = ("Jihadi rebels attacked a military camp in Bamako early Tuesday, the army said. JNIM claimed "
            "responsibility.")
    (tmp_path / "story.txt").write_text(lead + "\n\nThe army said the situation was under control.\n")
    (article,) = read([str(tmp_path / "story.txt")])
    assert isinstance(article, Article) and article.title is None
    (tmp_path / "headed.txt").write_text("Jihadists attack army camp in Bamako\n\n" + lead + "\n")
    (article,) = read([str(tmp_path / "headed.txt")])
    assert isinstance(article, Article) and article.title == "Jihadists attack army camp in Bamako"


def test_a_one_line_text_file_has_no_title(tmp_path: Path) -> None:
    # the line is the body: as a title too it was read twice, once without the NER guards
    (tmp_path / "note.txt").write_text("# \nA Burundian woman was abducted by intelligence agents.\n")
    (article,) = read([str(tmp_path / "note.txt")])
    assert isinstance(article, Article) and article.title is None


def test_text_keeps_leading_whitespace_and_strips_only_the_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf\n\n  " + NEWS.encode())
    (article,) = read([str(tmp_path / "a.txt")])
    assert article.text == "\n\n  " + NEWS


@pytest.mark.parametrize(("head", "expected"), [
    ("Site, February 23, 2019\n\nSite 22 February 2019\n", date(2019, 2, 22)),
    ("Posted 2020-07-01\n", date(2020, 7, 1)),
    ("Mon, 5th of June 2017\n", date(2017, 6, 5)),
    ("Sept. 3, 2018\n", date(2018, 9, 3)),
    ("No date here\n", None),
    ("On 31 February 2019 nothing happened\n", None),
])
def test_dateline_date(head: str, expected: date | None) -> None:
    assert dateline_date("Title\n\n" + head + "\nBody text without a date in it, as reported by officials.\n") \
        == expected


def test_html_file(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><title>Blast in Kabul - Example News</title>
    <link rel="canonical" href="https://news.example.org/kabul-blast"><meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Blast in Kabul</h1>
    <p>A bomb exploded near a market in Kabul on Wednesday, killing three people, police said.</p>
    <p>No group claimed responsibility for the attack, which wounded at least a dozen people.</p>
    </article></body></html>"""
    (tmp_path / "kabul.html").write_text(html)
    (article,) = read([str(tmp_path / "kabul.html")])
    assert isinstance(article, Article)
    assert "A bomb exploded near a market in Kabul" in article.text and "<p>" not in article.text
    assert article.title == "Blast in Kabul - Example News"
    assert article.url == "https://news.example.org/kabul-blast"
    assert article.published == date(2021, 3, 4)
    assert article.id == "kabul.html" and article.source == "Example News"


def test_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "r1", "text": NEWS, "published": "2021-03-03", "url": "https://x.example/1", "title": "T",
         "source": "Wire"},
        {"text": "Protesters gathered outside parliament in Nairobi, police said."},
        {"id": "h1", "html": "<html><head><title>H</title></head><body><p>Troops shelled the village of "
                             "Kamianka on Monday, the regional governor said.</p></body></html>"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    a, b, c = read([str(path)])
    assert isinstance(a, Article) and a.id == "r1" and a.text == NEWS and a.published == date(2021, 3, 3)
    assert (a.url, a.title, a.source, a.origin) == ("https://x.example/1", "T", "Wire", f"{path}:1")
    assert isinstance(b, Article) and b.id == "batch:2" and b.origin == f"{path}:2"
    assert isinstance(c, Article) and c.id == "h1" and c.title == "H" and "Kamianka" in c.text


def test_csv_file_semicolons_and_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(
        'id;Text;published;source\n'
        'k1;"Police fired tear gas; two were hurt.\nA second paragraph.";2021-01-05;Daily\n'
        ';"Gunmen killed a chief in Marsabit, residents said.";;\n'
    )
    a, b = read([str(path)])
    assert isinstance(a, Article) and a.id == "k1"
    assert a.text == "Police fired tear gas; two were hurt.\nA second paragraph."
    assert a.published == date(2021, 1, 5) and a.source == "Daily" and a.origin == f"{path}:2"
    assert isinstance(b, Article) and b.id == "reports:4" and b.published is None


def test_csv_bad_date_row_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,text,published\na,Some report text.,2021-01-05\nb,Other text.,05/01/2021\n")
    a, b = read([str(path)])
    assert isinstance(a, Article) and isinstance(b, Skipped) and b.origin == f"{path}:3"


def test_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep.txt").write_text(NEWS)
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": NEWS}) + "\n")
    (tmp_path / ".hidden.txt").write_text(NEWS)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(NEWS)
    (tmp_path / "notes").write_text(NEWS)  # no suffix: text
    items = read([str(tmp_path)])
    assert [i.id for i in items if isinstance(i, Article)] == ["a.txt", "b/deep.txt", "j", "notes"]
    assert not [i for i in items if isinstance(i, Skipped)]


def test_folder_with_a_bad_file_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(NEWS)
    (tmp_path / "2.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "3.txt").write_text(NEWS)
    items = read([str(tmp_path)])
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert items[1].reason.startswith("binary file")


def test_stdin_jsonl() -> None:
    stream = io.StringIO(json.dumps({"id": "s1", "text": NEWS}) + "\nnot json\n")
    a, b = read(["-"], stdin=stream)
    assert isinstance(a, Article) and a.id == "s1" and a.text == NEWS
    assert isinstance(b, Skipped) and b.origin == "<stdin>:2"


def test_stdin_bytes_with_a_bad_line() -> None:
    raw = (json.dumps({"id": "a", "text": NEWS}).encode() + b"\n" + b'{"id": "b", "text": "bad \xff"}\n'
           + json.dumps({"id": "c", "text": NEWS}).encode() + b"\n")
    a, bad, c = read(["-"], stdin=io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert isinstance(a, Article) and isinstance(c, Article) and c.id == "c"
    assert isinstance(bad, Skipped) and bad.origin == "<stdin>:2" and "invalid UTF-8" in bad.reason


def test_gzipped_jsonl_and_csv(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": NEWS}) + "\n").encode()))
    (tmp_path / "b.csv.gz").write_bytes(gzip.compress(b"id,text\nk,Shots were fired in Garissa.\n"))
    (tmp_path / "c.jsonl.gz").write_bytes(b"\x1f\x8b not really gzip")
    a, b, c = read([str(tmp_path)])
    assert isinstance(a, Article) and a.id == "a:1" and a.text == NEWS and a.origin == f"{tmp_path}/a.jsonl.gz:1"
    assert isinstance(b, Article) and b.id == "k" and b.text == "Shots were fired in Garissa."
    assert isinstance(c, Skipped) and "gzip" in c.reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Conflict Wire</title><link>https://wire.example</link>
<item><title>Shelling in Kharkiv</title><link>https://wire.example/kharkiv</link><guid>wire-1</guid>
<pubDate>Tue, 01 Mar 2022 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian forces shelled the centre of Kharkiv on Tuesday.&lt;/p&gt;&lt;p&gt;Officials
said 10 civilians were killed.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/empty</link><description></description></item>
<item><title>Protest</title><link>https://wire.example/lagos</link>
<pubDate>Wed, 02 Mar 2022 09:00:00 GMT</pubDate><description>Hundreds marched in Lagos.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Monitor</title><id>urn:sahel</id>
<updated>2020-04-02T00:00:00Z</updated>
<entry><title>Attack near Menaka</title><id>urn:sahel:1</id><link href="https://sahel.example/menaka"/>
<published>2020-04-01T12:00:00Z</published><updated>2020-04-02T12:00:00Z</updated>
<content type="html">&lt;p&gt;Militants attacked an army post near Menaka, killing four soldiers.&lt;/p&gt;</content>
</entry></feed>"""


def _check_rss(items: list[Article | Skipped], origin: str) -> None:
    a, empty, b = items
    assert isinstance(a, Article) and a.id == "wire-1" and a.url == "https://wire.example/kharkiv"
    assert a.title == "Shelling in Kharkiv" and a.source == "Conflict Wire" and a.published == date(2022, 3, 1)
    assert a.text == "Russian forces shelled the centre of Kharkiv on Tuesday.\nOfficials said 10 civilians were killed."
    assert isinstance(empty, Skipped) and empty.origin == f"{origin}#2" and "no text" in empty.reason
    assert isinstance(b, Article) and b.id == "https://wire.example/lagos" and b.text == "Hundreds marched in Lagos."


def test_rss_file(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS)
    _check_rss(read([str(tmp_path / "wire.rss")]), str(tmp_path / "wire.rss"))


def test_atom_file_sniffed_without_feed_suffix(tmp_path: Path) -> None:
    (tmp_path / "sahel.feed").write_text(ATOM)
    (article,) = read([str(tmp_path / "sahel.feed")])
    assert isinstance(article, Article) and article.id == "urn:sahel:1" and article.source == "Sahel Monitor"
    assert article.text == "Militants attacked an army post near Menaka, killing four soldiers."
    assert article.published == date(2020, 4, 1) and article.url == "https://sahel.example/menaka"


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    """A loopback HTTP server; tests fill `routes` with path -> (status, content type, body)."""
    routes: dict[str, tuple[int, str, bytes]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            status, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_rss_over_http(server: tuple[str, dict[str, tuple[int, str, bytes]]]) -> None:
    base, routes = server
    routes["/feed.xml"] = (200, "application/rss+xml", RSS.encode())
    _check_rss(read([f"{base}/feed.xml"]), f"{base}/feed.xml")


def test_http_errors_and_html_pages(server: tuple[str, dict[str, tuple[int, str, bytes]]]) -> None:
    base, routes = server
    routes["/story"] = (200, "text/html; charset=utf-8", (
        b"<html><head><title>Raid</title></head><body><article><p>Soldiers raided a compound in Mogadishu "
        b"overnight, arresting six men, a spokesman said.</p></article></body></html>"))
    routes["/big"] = (200, "application/rss+xml", b"<rss>" + b" " * 5000 + b"</rss>")
    missing, page, big = read([f"{base}/missing", f"{base}/story", f"{base}/big"], max_bytes=4000)
    assert isinstance(missing, Skipped) and missing.reason.startswith("HTTP 404")
    assert isinstance(page, Article) and page.id == f"{base}/story" and "Mogadishu" in page.text
    assert isinstance(big, Skipped) and "too large" in big.reason


def test_unreachable_url_is_skipped() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        skipped = only_skipped(read([f"http://127.0.0.1:{port}/feed"], fetch_timeout=5))
    assert skipped.reason.startswith("fetch failed")


def test_default_limit() -> None:
    assert MAX_BYTES == 10 * 1024 * 1024
    assert str(Skipped("a.txt", "empty file")) == "a.txt: empty file"


# ---------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), ensure_ascii=st.booleans())
def test_jsonl_round_trips_any_text_exactly(text: str, ensure_ascii: bool) -> None:
    line = json.dumps({"id": "p", "text": text}, ensure_ascii=ensure_ascii)
    lines = line + "\n" + json.dumps({"id": "q", "text": "Second record."}) + "\n"
    from_stdin = list(read_jsonl_stream(io.StringIO(lines, newline=""), max_bytes=MAX_BYTES))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.jsonl"
        path.write_text(lines, encoding="utf-8", newline="")
        from_file = list(read_jsonl(path, name=str(path), max_bytes=MAX_BYTES))
    for items in (from_stdin, from_file):
        assert len(items) == 2 and isinstance(items[1], Article) and items[1].id == "q"
        if text.strip():
            assert isinstance(items[0], Article) and items[0].text == text
        else:
            assert isinstance(items[0], Skipped) and items[0].reason == "empty text"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_raises_anything_but_unreadable(data: bytes) -> None:
    from sitrep.ingest.base import Unreadable

    try:
        text = decode_bytes(data)
    except Unreadable as exc:
        assert exc.reason
    else:
        assert text.strip()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".json", ".xml", ".rss", "", ".bin", ".jsonl.gz"]))
def test_any_file_gives_articles_or_skipped_never_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = read([str(path)])
    assert items, "an input must yield an Article or a Skipped"
    for item in items:
        assert isinstance(item, Article | Skipped)
        if isinstance(item, Skipped):
            assert item.reason and item.origin.startswith(str(path))
        else:
            assert item.text.strip()
