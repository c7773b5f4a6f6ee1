"""Ranges: the far end of "June 5-23" or "2019-20" has no month or century of its own.

The tagger finds the first end; this pass adds the second, taking what it lacks from the
first ("23" -> the first day's month and year; "20" -> the first year's century).
"""

from __future__ import annotations

import re

from nato_reader.core import timex_calendar as cal

# "June 5-23", "March 3 to 7, 2022", "between May 4 and 9": the second day of a range
# whose month comes first has no month of its own; it gets the first day's month.
_RANGE_END = re.compile(r"\s*(?:(?P<dash>-|\u2013|\u2014|to|through|until|till)|(?P<and>and))\s*"
                        r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\w%]|[.,:/-]\d|\s*(?:%|percent|"
                        r"per\s+cent|million|billion|points?|people|times)\b)"
                        r"(?:,?\s+(?P<y>(?:1[0-9]|20)\d\d)(?![\d%]))?")
# "on April 24 and 25 in Washington", "... March 3 and 4.": a second day, not a count
_AFTER_DAY_PAIR = re.compile(r"\s*(?:[.,;:)]|$|(?:in|at|on|when|with|to|for|during)\b)")
_FULL_DAY = re.compile(r"([\dX]{4})-(\d\d)-(\d\d)")
# "2019-2020", "the 2022/23 season", "1998-99": a year, then the next one(s).
YEAR_RANGE_END = re.compile(r"(?:-|/|\u2013)(?P<y>\d\d(?:\d\d)?)(?![\w%]|[.,]\d)")


def year_range_end(text: str, end: int, year: int) -> int | None:
    """The year that ends a range starting with `year` just before `end`, if one does."""
    m = YEAR_RANGE_END.match(text, end)
    if m is None:
        return None
    y = m["y"]
    last = int(y) if len(y) == 4 else year // 100 * 100 + int(y)
    if len(y) == 2 and last <= year:
        last += 100  # "1999-00"
    return last if year < last <= year + 20 else None


def add_range_ends(text: str, sent_end: int, chosen: list) -> list:
    """`chosen` (start, end, type, value) with the far ends of ranges added."""
    if not chosen:
        return chosen
    out: list[tuple[int, int, str, str]] = []
    skip = -1
    for i, item in enumerate(chosen):
        if i == skip:
            continue
        start, end, kind, value = item
        if kind == "DATE" and re.fullmatch(r"\d{4}", value) and text[end - 1].isdigit():
            last = year_range_end(text, end, int(value))
            stop = YEAR_RANGE_END.match(text, end).end() if last else 0
            if last and (i + 1 == len(chosen) or chosen[i + 1][0] >= stop):
                out.extend([item, (end + 1, stop, "DATE", f"{last:04d}")])
                continue
        day = _FULL_DAY.fullmatch(value)
        m = _RANGE_END.match(text, end, sent_end) if kind == "DATE" and day else None
        following = chosen[i + 1] if i + 1 < len(chosen) else None
        if m and following and following[0] < m.end():
            if m["y"] and following[0] >= m.start("y") and following[1] <= m.end():
                skip = i + 1  # the range's year, tagged on its own: the range takes it
            else:
                m = None
        if m is None or not text[end - 1].isdigit():
            out.append(item)
            continue
        first, last = int(day[3]), int(m["d"])
        if m["and"] and not (text[max(0, start - 9):start].lower().rstrip().endswith("between")
                             or _AFTER_DAY_PAIR.match(text, m.end(), sent_end)):
            out.append(item)  # "May 4 and 5 others": a count, not a second day
            continue
        year = m["y"] or day[1]
        if last <= first or (year != "XXXX" and cal.safe_date(int(year), int(day[2]), last)
                             is None) or last > 31:
            out.append(item)
            continue
        if m["y"] and not re.search(r"\d{4}", text[start:end]):
            value = f"{year}-{day[2]}-{day[3]}"  # "June 5" had no year: the range gives one
        out.append((start, end, kind, value))
        out.append((m.start("d"), m.end(), "DATE", f"{year}-{day[2]}-{last:02d}"))
    return out
