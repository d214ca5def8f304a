"""Event dates resolved against the publication date."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.dates import dateline_end, find_dates, first_event_date

PUBLISHED = date(2019, 2, 22)  # a Friday


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("On February 21, a bomb exploded.", date(2019, 2, 21), 1),
    ("On 9 May 2018, interns protested.", date(2018, 5, 9), 1),
    ("Gunmen struck yesterday.", date(2019, 2, 21), 1),
    ("Militants attacked on Monday night.", date(2019, 2, 18), 1),
    ("Clashes took place on Friday.", date(2019, 2, 22), 1),
    ("Convoys left the pocket in the last 2 days.", date(2019, 2, 20), 2),
    ("Fighting raged between 11-13 February 2019.", date(2019, 2, 11), 2),
    ("The offensive began in early February.", date(2019, 2, 1), 3),
    # the codebook: a month at its mid-point, unless its beginning or end is told; a week at its middle
    ("Four people were murdered during the month of January.", date(2019, 1, 15), 3),
    ("The strike began in February.", date(2019, 2, 15), 3),
    ("Fighting resumed at the end of January.", date(2019, 1, 31), 3),
    ("Herders clashed in late December 2018.", date(2018, 12, 31), 3),
    ("During the week beginning November 26th, herders assaulted a farmer.", date(2018, 11, 28), 2),
    ("Week of 16 July. Students protested.", date(2018, 7, 18), 2),
    ("Raids continued during the week starting on the 5th of February.", date(2019, 2, 7), 2),
    ("Clashes occurred last week.", date(2019, 2, 13), 2),
    ("Rioters looted shops last weekend.", date(2019, 2, 16), 2),
    # the weekend just past in a Friday's paper; the days before it "earlier this week"
    ("Gunmen killed three farmers over the weekend.", date(2019, 2, 16), 2),
    ("Gunmen killed three farmers earlier this week.", date(2019, 2, 19), 2),
    ("Troops entered the town on December 30.", date(2018, 12, 30), 1),
    ("Police raided the house on 2019-02-20.", date(2019, 2, 20), 1),
    ("The rally was held last night.", date(2019, 2, 21), 1),
    ("It happened on the 3rd of February.", date(2019, 2, 3), 1),
])
def test_resolution(text: str, value: date, precision: int) -> None:
    chosen = first_event_date(find_dates(text, PUBLISHED), PUBLISHED)
    assert chosen is not None
    assert (chosen.value, chosen.precision) == (value, precision)


def test_a_month_or_week_midpoint_is_never_after_publication() -> None:
    early = date(2019, 2, 10)
    assert first_event_date(find_dates("The strike began in February.", early), early).value == early
    monday = date(2019, 2, 18)
    assert first_event_date(find_dates("Clashes occurred this week.", monday), monday).value == monday


def test_may_as_a_verb_is_not_a_date() -> None:
    assert find_dates("Officials say talks may resume and may fail.", PUBLISHED) == []


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("It happened yesterday.", None) == []
    assert find_dates("It happened on 3 March 2018.", None)[0].value == date(2018, 3, 3)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_written_dates_round_trip(day: date) -> None:
    for text in (f"On {day.day} {day:%B %Y}, it began.", f"On {day:%B} {day.day}, {day.year}, it began.",
                 f"On {day.isoformat()} it began."):
        [found] = find_dates(text, None)
        assert found.value == day and found.precision == 1
        assert text[found.start:found.end] == found.text


@given(st.text(max_size=200), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_never_crashes(text: str, published: date) -> None:
    for d in find_dates(text, published):
        assert 0 <= d.start < d.end <= len(text)
        assert d.precision in (1, 2, 3)


@pytest.mark.parametrize(("text", "dateline"), [
    ("KADUNA, Nigeria, May 2, 2023 - Gunmen killed five", "KADUNA, Nigeria, May 2, 2023 - "),
    ("WASHINGTON, April 5 (Thomson Reuters Foundation) - The", "WASHINGTON, April 5 (Thomson Reuters Foundation) - "),
    ("SANAA (Reuters) - Air strikes", "SANAA (Reuters) - "),
    ("NEW DELHI: Farmers across the state", "NEW DELHI: "),
    ("On 3 May 2020, police shot", ""),
    ("The UN said - nothing more", ""),
])
def test_a_wire_dateline_is_found_where_a_paragraph_opens(text: str, dateline: str) -> None:
    assert text[:dateline_end(text, 0)] == dateline


@given(st.text(max_size=80))
def test_a_dateline_never_runs_past_its_line(text: str) -> None:
    end = dateline_end(text, 0)
    assert 0 <= end <= len(text) and "\n" not in text[:end]


@pytest.mark.parametrize(("text", "day"), [
    ("The abductions happened on Thursday last week.", date(2024, 2, 22)),
    ("It began on Monday of the previous week.", date(2024, 2, 19)),
    ("They struck on Sunday last week.", date(2024, 2, 25)),
    ("They struck on Thursday.", date(2024, 2, 22)),  # (the Thursday just past is also last week's here)
    ("They struck on Monday.", date(2024, 2, 26)),
])
def test_a_weekday_of_last_week_is_that_day_of_the_week_before(text: str, day: date) -> None:
    published = date(2024, 2, 28)  # a Wednesday
    assert [d.value for d in find_dates(text, published)] == [day]
