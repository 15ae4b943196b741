"""The reply deadline: a number of days after the letter, past weekends and holidays.

As the General Administrative Procedure Act (ZUP, Art. 101) counts a time limit: when its
last day is a Saturday, a Sunday or a work-free public holiday, it ends on the next
working day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=None)
def _work_free_days(year: int):
    import holidays

    # The "public" category of Slovenia is exactly the work-free days (dela prosti dnevi);
    # days such as Primož Trubar Day are holidays that are working days.
    return holidays.country_holidays("SI", years=year, language="sl")


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _work_free_days(day.year)


def holiday_name(day: dt.date) -> str | None:
    """The Slovenian name of the work-free holiday on this day, if any."""
    return _work_free_days(day.year).get(day)


def reply_deadline(letter_date: dt.date, days: int) -> dt.date:
    """`days` after `letter_date`, moved forward to the first working day."""
    from compliance.errors import ComplianceError
    from compliance.messages import msg

    try:
        deadline = letter_date + dt.timedelta(days=days)
        while not is_working_day(deadline):
            deadline += dt.timedelta(days=1)
    except OverflowError:
        raise ComplianceError(msg("letters.deadline_overflow", date=letter_date.isoformat(), days=days)) from None
    return deadline
