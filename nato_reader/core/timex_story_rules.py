"""Rules for times counted from the story rather than from the publication date:
"the following year", "later that month", "the previous Friday".

They mark their values "@R<unit><shift>|<fallback>"; timex.tag_timexes resolves them
against the last date the text named. Registered right after timex_relative's rules.
"""

from __future__ import annotations

import re

from nato_reader.core import timex_calendar as cal
from nato_reader.core.timex_lexicon import WEEKDAY_NAME, WEEKDAYS
from nato_reader.core.timex_rules import rule

_STORY_SHIFT = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1,
                "the preceding": -1, "that": 0, "later that": 0, "earlier that": 0,
                "the same": 0, "later in that": 0, "earlier in that": 0}


@rule("story_time", r"(?P<rel>the\s+following|the\s+previous|the\s+prior|the\s+preceding|"
      r"later\s+(?:in\s+)?that|earlier\s+(?:in\s+)?that|that|the\s+same|the\s+next)\s+"
      r"(?P<u>day|week|month|year)\b(?!\s+(?:after|before|of)\b)")
def _story_time(m, ctx):
    """"The following year", "later that month": counted from the last date the story
    named, resolved after tagging (value "@R<unit><shift>|<fallback>")."""
    rel, unit = " ".join(m["rel"].lower().split()), m["u"].lower()
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    shift = _STORY_SHIFT[rel]
    if rel == "the next" and code != "D":
        return None  # "the next year" is as often a duration from now: left to unit_rel
    if rel in ("that", "the same") and not re.search(
            r"(?:in|on|during|of|by|until|since|for)\s+$", ctx.before(m, 8)):
        return None
    return ("DATE", f"@R{code}{shift:+d}|" + cal.UNRESOLVED[code])


@rule("story_weekday", r"(?P<rel>the\s+following|the\s+next|the\s+previous|the\s+preceding|"
      rf"the\s+prior)\s+(?P<wd>{WEEKDAY_NAME})\b")
def _story_weekday(m, ctx):
    """"The following Monday", "the previous Friday": counted from the last day the
    story named (from the publication date when it named none)."""
    weekday = WEEKDAYS.get(m["wd"].lower())
    if weekday is None:
        return None  # a plural ("the following Mondays")
    shift = 1 if m["rel"].lower().split()[-1] in ("following", "next") else -1
    if ctx.anchor is None:
        fallback = f"XXXX-WXX-{weekday + 1}"
    else:
        start = ctx.anchor + cal.timedelta(days=shift)
        fallback = cal.fmt_day(cal.weekday_date(start, weekday, shift))
    return ("DATE", f"@R{weekday + 1}{shift:+d}|{fallback}")
