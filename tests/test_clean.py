"""clean: site furniture blanked rule by rule, news paragraphs kept, offsets never moved."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest.clean import clean, load_rules
from sitrep.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"

TITLE = "Fighting flares near Idlib as talks stall"
BODY = [
    "Government forces shelled villages south of Idlib on Monday, killing four civilians, a monitoring group said.",
    "Russia and Iran share intelligence with Damascus, officials in both countries said during a briefing.",
    "The UN called for support for the thousands of families displaced by the fighting in the province.",
    "By Tuesday evening, rebel fighters had retaken two of the villages, according to local residents.",
    "Aid workers said they would share food stocks with the displaced if the roads reopened this week.",
]


def article(*lines: str) -> Article:
    return Article(id="t", text="\n\n".join(lines) + "\n")


def kept(a: Article) -> str:
    assert a.body is not None
    return a.body


def removed_labels(a: Article, needle: str) -> list[str]:
    """Labels of the spans that removed the text containing needle."""
    start = a.text.index(needle)
    return [s.label for s in a.removed if s.start <= start < s.end]


def assert_body_kept(a: Article) -> None:
    for para in [TITLE, *BODY]:
        assert para in kept(a), f"body paragraph lost: {para!r}"


@pytest.mark.parametrize(("furniture", "label"), [
    ("Share this article on Facebook", "share-prompt"),
    ("Please click the share buttons below to spread the word.", "share-prompt"),
    ("Follow us on Telegram and Twitter for updates", "share-prompt"),
    ("Subscribe to our newsletter for daily briefings", "share-prompt"),
    ("Comment on Daily Wire Articles on our Facebook page", "share-prompt"),
    ("Please consider supporting our journalism: donate via PayPal: editor@example.org", "donation"),
    ("Support us on Patreon: https://www.patreon.com/examplewire", "donation"),
    ("If you value our reporting, please support the site with a small monthly gift.", "donation"),
    ("Donate", "donation"),
    ("Become a Member of Daily Wire", "membership"),
    ("Region: Sub-Saharan Africa", "taxonomy-line"),
    ("Theme: [Terrorism](https://x.example/t), [Security](https://x.example/s)", "taxonomy-line"),
    ("Tags: Idlib, Syria, shelling", "taxonomy-line"),
    ("Categories: World News", "taxonomy-line"),
    ("In-depth Report: YEMEN", "taxonomy-line"),
    ("[Read the latest news](https://x.example/latest)", "link-only"),
    ("https://x.example/world/2020/idlib-shelling", "link-only"),
    ("[Home](/) | [World](/world) | [Middle East](/me)", "link-only"),
    ("Read more: Turkey sends reinforcements to the north", "read-more"),
    ("Related: Ceasefire talks collapse in Astana", "read-more"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie-notice"),
    ("Articles by: [Jane Roe](https://x.example/author/jr)", "byline"),
    ("(Reporting by Jane Roe; Editing by Ali Khan)", "byline"),
    ("* * *", "separator"),
    ("Facebook Twitter Linkedin Mail", "share-prompt"),
    ("Share | Print | Email", "share-prompt"),
    ("#Idlib #Syria #breaking", "taxonomy-line"),
    ("@examplewire", "link-only"),
    ("Image caption: Smoke over the town after the strike", "caption"),
    ("Advertisement", "advertisement"),
    ("Skip to main content", "navigation"),
    ("Editor's note: this story was updated with the death toll.", "note-to-readers"),
    ("Continue reading", "read-more"),
])
def test_furniture_line_in_the_body_is_blanked(furniture: str, label: str) -> None:
    a = clean(article(TITLE, BODY[0], BODY[1], furniture, BODY[2], BODY[3], BODY[4]))
    assert removed_labels(a, furniture) == [label]
    assert furniture not in kept(a)
    assert_body_kept(a)


@pytest.mark.parametrize("header", [
    "By [Omar Said](https://x.example/omar)",
    "By Jane Roe and Ali Khan, Daily Wire",
    "Daily Wire, March 3, 2020",
    "[Daily Wire](https://x.example) 2 March 2020",
    "Published: 2020-03-02 14:05 GMT",
    "Home > World > Middle East",
    "Photo: file picture of a checkpoint",
    "5 min read",
])
def test_header_furniture_is_blanked_and_title_stays(header: str) -> None:
    a = clean(article(TITLE, header, *BODY))
    assert header not in kept(a)
    assert removed_labels(a, header)
    assert kept(a).startswith(TITLE)
    assert_body_kept(a)


NEWS_LOOKALIKES = [
    "Protesters held signs reading “support us” outside the embassy in Ankara on Friday.",
    "He said: “We urge you to follow us to the border,” before the column moved out.",
    "Published reports said 2,000 troops were deployed in 2019.",
    "His views do not necessarily reflect those of the party, a spokesman said.",
    "Saudi Arabia will make a contribution of $100 million to the fund.",
    "Turkey has become a sponsor of the talks between the two sides.",
    "Copyright infringement cases rose sharply, the ministry said.",
    "By Tuesday, the army had retaken the town.",
    "Related talks in Geneva ended without agreement on Monday, diplomats said.",
    "Residents were told to share shelters and subscribe to the emergency alert service, officials said.",
]


@pytest.mark.parametrize("sentence", NEWS_LOOKALIKES)
def test_news_sentences_that_look_like_furniture_stay(sentence: str) -> None:
    a = clean(article(TITLE, BODY[0], sentence, *BODY[1:]))
    assert a.removed == []
    assert a.body == a.text


@pytest.mark.parametrize("sentence", NEWS_LOOKALIKES)
def test_news_sentences_stay_at_the_end_too(sentence: str) -> None:
    a = clean(article(TITLE, *BODY, sentence))
    assert a.removed == []


def test_dated_lines_in_the_body_are_a_timeline_not_a_dateline() -> None:
    timeline = ["March 3, 2021: Kharkiv shelled", "4 March 2021 - ceasefire talks"]
    a = clean(article(TITLE, "2 March 2021", *BODY[:2], *timeline, *BODY[2:]))
    assert removed_labels(a, "2 March 2021") == ["dateline"]
    for line in timeline:
        assert line in kept(a)


def test_inline_related_stories_after_the_last_paragraph() -> None:
    last = BODY[4] + " Related stories Army retakes hill | Talks collapse | Full coverage"
    a = clean(article(TITLE, *BODY[:4], last))
    assert BODY[4] in kept(a) and "Related stories" not in kept(a) and "Talks collapse" not in kept(a)
    assert removed_labels(a, "Related stories") == ["read-more"]
    # The same words inside an earlier paragraph are news, not furniture.
    a = clean(article(TITLE, BODY[0] + " Related stories were denied by the ministry.", *BODY[1:]))
    assert a.removed == []


def test_wordpress_feed_footer_is_tail() -> None:
    a = clean(article(TITLE, *BODY, "The post Fighting flares near Idlib appeared first on Example Wire."))
    assert removed_labels(a, "The post Fighting") == ["original-source"]
    assert_body_kept(a)


@pytest.mark.parametrize("marker", [
    "Note to readers: please forward this piece to your lists.",
    "The original source of this article is Daily Wire",
    "Copyright © Daily Wire, 2020",
    "Disclaimer: The views in this article are the author's own.",
    "Related articles",
])
def test_tail_marker_removes_everything_after_it(marker: str) -> None:
    tail = ["Jane Roe writes on Middle East politics and has covered the region for ten years and more.",
            "Ask about syndication rights for all our coverage of the war by writing to our office."]
    a = clean(article(TITLE, *BODY, marker, *tail))
    assert_body_kept(a)
    for line in tail:
        assert line not in kept(a)
        assert removed_labels(a, line) == ["tail"]
    assert not kept(a)[a.text.index(marker):].strip()


def test_copyright_credit_in_the_middle_does_not_cut_the_article() -> None:
    credit = "© Reuters"
    a = clean(article(TITLE, BODY[0], credit, *BODY[1:], *BODY))
    assert removed_labels(a, credit) == ["copyright"]
    assert_body_kept(a)
    assert "tail" not in {s.label for s in a.removed}


def test_hard_wrapped_paragraphs_are_one_unit() -> None:
    wrapped_body = ("Government forces shelled villages south of Idlib on Monday, killing\n"
                    "four civilians, a monitoring group said in a statement on its website.")
    wrapped_appeal = ("If you like our reporting and can afford it, please support the project\n"
                      "with a gift. Our work would not be possible without your help, and\n"
                      "every contribution, however small, keeps the site independent.")
    a = clean(article(TITLE, wrapped_body, *BODY[1:], wrapped_appeal))
    assert wrapped_body in kept(a)
    assert not kept(a)[a.text.index(wrapped_appeal):].strip()
    assert {s.label for s in a.removed} == {"donation"}


def test_crlf_and_offsets_are_preserved() -> None:
    text = "\r\n\r\n".join([TITLE, "Share this article", *BODY, "Tags: war, Syria"]) + "\r\n"
    a = clean(Article(id="c", text=text))
    assert a.body is not None and len(a.body) == len(text)
    assert a.body.count("\r\n") == text.count("\r\n")
    for span in a.removed:
        assert not a.body[span.start:span.end].strip()
    assert_body_kept(a)


def test_text_without_prose_is_left_alone_unless_a_rule_says_so() -> None:
    a = clean(Article(id="s", text="Hundreds marched in Lagos."))
    assert a.body == a.text and a.removed == []


def test_rules_file_loads() -> None:
    rules = load_rules()
    assert {"share-prompt", "donation", "disclaimer", "copyright", "taxonomy-line", "byline",
            "note-to-readers", "read-more", "cookie-notice"} <= {r.label for r in rules.units}


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (seed article and gold) is not available")
def test_seed_article_body_survives_and_tail_goes() -> None:
    text = (SHARED / "seed" / "southfront_2019-02-22_syria.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "seed" / "gold.json").read_text(encoding="utf-8"))
    marker = text.index(gold["boilerplate_starts_with"])
    a = clean(Article(id="seed", text=text))
    assert a.body is not None and len(a.body) == len(text)
    # Every paragraph with a sentence in it, before the boilerplate, survives untouched.
    paragraphs = [p for p in text[:marker].split("\n") if len(p.split()) >= 8 and re.search(r"\.(\s|$)", p)]
    assert len(paragraphs) >= 8
    for para in paragraphs:
        assert para in a.body, f"body paragraph lost: {para[:60]!r}"
    assert not a.body[marker:].strip(), "boilerplate at or after the marker survived"


FURNITURE = st.sampled_from([
    "Share this article", "Note to readers: share widely.", "Copyright © 2020 Example", "Tags: a, b",
    "[link](http://x)", "By Jane Roe", "Donate", "*", "Related articles", "March 3, 2020", "\r", "",
    "Disclaimer: none", BODY[0], BODY[1], TITLE,
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), FURNITURE), max_size=12), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_clean_keeps_length_and_characters(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    a = clean(Article(id="h", text=text))
    assert a.body is not None and len(a.body) == len(text)
    for got, orig in zip(a.body, text, strict=True):
        assert got == orig or got == " "
        if orig in "\r\n":
            assert got == orig
    for span in a.removed:
        assert 0 <= span.start <= span.end <= len(text) and span.label
        assert not a.body[span.start:span.end].strip()
    assert clean(a).body == clean(a).body  # deterministic


OTHER_SITE = """Home > News > Africa

Gunmen kill villagers in north-west Nigeria

Written by Amina Bello

Updated 3 hours ago

Suspected bandits killed at least 12 villagers in an overnight raid on a village in Zamfara State, police said on Sunday.
The attackers arrived on motorcycles and opened fire on residents before setting homes alight, a police spokesman told reporters.

Advertisement

Read also: Kidnapped schoolgirls freed in Katsina

Local officials said the army had been deployed to the area and that several suspects had been arrested.
Residents said they had asked the authorities for protection after a similar attack in the area last month.

Sign up for our weekly Africa newsletter
Share | Print | Email

Related stories
Bandits abduct worshippers in Kaduna church
Army says 30 bandits killed in air strikes

© 2021 Example Africa Media. All rights reserved.
We use cookies to personalise content. Accept cookies
"""


def test_an_article_from_another_site() -> None:
    a = clean(Article(id="ng", text=OTHER_SITE))
    body = kept(a)
    for line in OTHER_SITE.splitlines():
        if len(line.split()) >= 10 and line.endswith("."):
            assert line in body, f"lost: {line}"
    for furniture in ["Home > News", "Amina Bello", "3 hours ago", "Advertisement", "Kidnapped schoolgirls",
                      "newsletter", "Print", "Related stories", "Bandits abduct", "30 bandits", "©", "cookies"]:
        assert furniture not in body, f"kept: {furniture}"
    assert "Gunmen kill villagers in north-west Nigeria" in body
    assert {"tail", "read-more", "byline", "advertisement"} <= {s.label for s in a.removed}
