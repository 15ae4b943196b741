"""The reply deadline: days after the letter, past weekends and Slovenian work-free holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.letters.deadline import holiday_name, is_working_day, reply_deadline

D = dt.date


@pytest.mark.parametrize(
    "letter_date, days, expected, why",
    [
        (D(2020, 3, 2), 30, D(2020, 4, 1), "a Wednesday: unchanged"),
        (D(2020, 3, 5), 30, D(2020, 4, 6), "Saturday 4 April -> Monday"),
        (D(2020, 3, 6), 30, D(2020, 4, 6), "Sunday 5 April -> Monday"),
        (D(2021, 1, 9), 30, D(2021, 2, 9), "Monday 8 February 2021 is Prešeren Day -> Tuesday"),
        (D(2020, 1, 9), 30, D(2020, 2, 10), "Prešeren Day 2020 on a Saturday, then Sunday -> Monday"),
        (D(2020, 3, 14), 30, D(2020, 4, 14), "Easter Monday 13 April 2020 -> Tuesday"),
        (D(2020, 11, 25), 30, D(2020, 12, 28), "Christmas (Fri), Independence Day (Sat), Sunday -> Monday"),
        (D(2020, 12, 2), 30, D(2021, 1, 4), "1 and 2 January (Fri, Sat), Sunday -> Monday, across the year"),
        (D(2021, 5, 9), 30, D(2021, 6, 8), "Primož Trubar Day is a holiday but a working day: unchanged"),
        (D(2020, 3, 2), 14, D(2020, 3, 16), "another period: 14 days"),
    ],
)
def test_reply_deadline(letter_date, days, expected, why):
    assert reply_deadline(letter_date, days) == expected, why


def test_work_free_days_are_named_in_slovenian():
    assert holiday_name(D(2021, 2, 8)) is not None and "Prešern" in holiday_name(D(2021, 2, 8))
    assert holiday_name(D(2021, 2, 9)) is None
    assert not is_working_day(D(2021, 2, 8))
    assert is_working_day(D(2021, 2, 9))


@given(st.dates(min_value=D(2008, 1, 1), max_value=D(2060, 12, 31)), st.integers(min_value=1, max_value=365))
def test_deadline_is_the_first_working_day_on_or_after_the_period(letter_date, days):
    deadline = reply_deadline(letter_date, days)
    end = letter_date + dt.timedelta(days=days)
    assert deadline >= end
    assert is_working_day(deadline)
    assert all(not is_working_day(end + dt.timedelta(days=n)) for n in range((deadline - end).days))
