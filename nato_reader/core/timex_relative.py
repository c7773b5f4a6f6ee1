"""Rules for expressions resolved against the publication date ("Thursday", "last week",
"two years ago"), clock times and durations.

Calendar rules live in timex_rules, sets and references in timex_named; all register
into the same RULES list.
"""

from __future__ import annotations

import re

from nato_reader.core import timex_calendar as cal
from nato_reader.core.timex_lexicon import (
    NUMBER,
    PARTS_OF_DAY,
    UNIT_WORD,
    VAGUE_NUM,
    WEEKDAY_NAME,
    WEEKDAYS,
    duration_value,
    parse_number,
    unit_of,
)
from nato_reader.core.timex_quarters import default_quarter
from nato_reader.core.timex_rules import APPROX, rule
from nato_reader.core.timex_story import NIGHT_BEFORE_MARK


def in_title(m, ctx) -> bool:
    """A capitalised expression inside a name ("USA Today", "This Week With David
    Brinkley", "VOA Today"): the word before or after it is capitalised too."""
    if not m.group(0)[:1].isupper():
        return False
    before = ctx.text[max(ctx.sent_start, m.start() - 30): m.start()]
    after = ctx.text[m.end(): m.end() + 3]
    prev = re.search(r"([A-Za-z]+)\W*$", before)
    first_word = m.start() - ctx.sent_start <= 2 + (len(prev.group(0)) if prev else 0)
    if prev and prev.group(1)[0].isupper() and not first_word:
        return True
    # "This Week With David Brinkley": a capitalised word follows, mid-sentence
    return not first_word and m.start() > ctx.sent_start + 1 and bool(
        re.match(r"\s[A-Z][a-z]", after))


_DAY_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _day_value(ctx, offset: int) -> str:
    return cal.relative(ctx.anchor, "D", offset)


@rule("deictic_day", r"(?:(?P<mod>early|late|earlier|later|mid-?)[\s-]?)?"
      r"(?P<w>today|yesterday|tomorrow|tonight)"
      r"(?:\s+(?P<pod>morning|afternoon|evening|night))?")
def _deictic_day(m, ctx):
    if in_title(m, ctx):
        return None
    word = m["w"].lower()
    value = _day_value(ctx, _DAY_OFFSET[word])
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("NI" if word == "tonight" else None)
    if pod:
        return ("TIME", f"{value}T{pod}")
    return ("DATE", value)


@rule("this_pod", r"(?P<rel>this|last|later\s+this|earlier\s+this|early\s+this|the|"
      r"(?:the\s+)?(?:early|late|mid)(?=[\s-]))[\s-]+(?P<pod>morning|afternoon|evening|night)\b")
def _this_part_of_day(m, ctx):
    rel, pod = m["rel"].lower(), PARTS_OF_DAY[m["pod"].lower()]
    if rel == "the" and pod != "MO":
        return None
    if rel.endswith(("early", "late", "mid")):
        return ("TIME", f"T{pod}")  # "by mid-afternoon": that part of the story's day
    offset = -1 if rel == "last" else 0
    if rel == "the":
        if ctx.tense(m) == "future":
            offset = 1
        else:  # "traders sold in the morning": the morning of the day the story tells
            return ("TIME", f"T{pod}")
    return ("TIME", f"{_day_value(ctx, offset)}T{pod}")


@rule("long_compound", r"(?P<u>hour|day|week|month|year)-long\b")
def _long_compound(m, ctx):
    """"a day-long meeting", "a year-long inquiry": one unit, as an adjective."""
    return ("DURATION", duration_value(1, unit_of(m["u"])))


@rule("overnight", r"\bovernight\b")
def _overnight(m, ctx):
    """The night before the day the story tells (before the anchor when it names none)."""
    return ("TIME", f"{NIGHT_BEFORE_MARK}{_day_value(ctx, -1)}TNI")


@rule("noon", r"(?:(?P<mod>about|around)\s+)?(?P<w>noon|midnight|midday)")
def _noon(m, ctx):
    return ("TIME", "T24:00" if m["w"].lower() == "midnight" else "T12:00")


# also a live blog's entry time: "07:40 - Russia's Defence Ministry says ..."
@rule("clock24", r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])[:.h](?P<min>[0-5]\d)(?![\d.,:%])"
      r"(?:\s*(?P<tz>(?-i:GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT|[A-Z]{3,4}))\b|\s+hours\b|"
      r"(?=\s+(?:on|local\s+time|today|tonight|yesterday|tomorrow)\b)|"
      r"(?<=^\d\d:\d\d)(?=\s[-\u2013\u2014]\s)|(?<=\n\d\d:\d\d)(?=\s[-\u2013\u2014]\s))")
def _clock24(m, ctx):
    return ("TIME", f"T{int(m['h']):02d}:{m['min']}")


# "at 0300 GMT", "1430 local time": wire services' four-digit clock, only with a zone
_ZONE = r"(?-i:GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT|MSK|EET|EEST)\b"


@rule("clock_hhmm", rf"(?<![\d.,:$])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)"
      rf"\s+(?:{_ZONE}|local\s+time\b)")
def _clock_hhmm(m, ctx):
    return ("TIME", f"T{m['h']}:{m['min']}")


# "about 3 p.m." keeps its modifier; in "shortly after 3 p.m." the signal is no part of it
@rule("clock", r"(?:(?:about|around|approximately)\s+)?(?<![\d:.])(?P<h>[01]?\d|2[0-3])"
      r"(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|o'clock)"
      r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4})\b))?")
def _clock(m, ctx):
    hour, minute = int(m["h"]), int(m["min"] or 0)
    ampm = m["ampm"].lower().replace(" ", "")
    if hour > 12 and not ampm.startswith("o"):
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return ("TIME", f"T{hour:02d}:{minute:02d}")


# Weekdays inside names: "Black Friday", "Mr. Sunday", "the Sunday Times"
_NAME_BEFORE_WEEKDAY = re.compile(r"(?-i:\b(?:Black|Cyber|Super|Bloody|Good|Holy|Ash|Palm|"
                                  r"Mr|Mrs|Ms|Dr|Man|Girl)\.?\s+)$")
# "Friday's close", "Wednesday's ruling": news names a day by what happened on it
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
_NAME_AFTER_WEEKDAY = re.compile(r"(?-i:\s+(?:Times|Telegraph|Express|Mirror|Mail|Post|Herald|"
                                 r"Tribune|Agreement|Accords?|Night\s+Live|School|Club)\b)")


@rule("weekday", r"(?:(?P<rel>last|next|this|this\s+coming|this\s+past|coming|past|early|late|"
      rf"earlier|later|mid-?)[\s-]+)?(?P<wd>{WEEKDAY_NAME})"
      r"(?:\s+(?P<pod>morning|afternoon|evening|night)s?)?")
def _weekday(m, ctx):
    if not m["rel"] and (_NAME_BEFORE_WEEKDAY.search(ctx.text, max(0, m.start() - 8), m.start())
                         or _NAME_AFTER_WEEKDAY.match(ctx.text, m.end())):
        return None
    name = m["wd"]
    weekday = WEEKDAYS[name.lower().rstrip("s") if name.lower().endswith("s") and
                       name.lower().rstrip("s") in WEEKDAYS else name.lower()]
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    plural = name.endswith("s") and name.lower() not in WEEKDAYS
    if plural or m.group(0).endswith(("nights", "mornings", "evenings", "afternoons")):
        value = f"XXXX-WXX-{weekday + 1}" + (f"T{pod}" if pod else "")
        return ("SET", value)
    rel = (m["rel"] or "").lower()
    if ctx.anchor is None:
        value = f"XXXX-WXX-{weekday + 1}"
    else:
        if rel in ("last", "this past", "past"):
            d = cal.weekday_date(ctx.anchor - cal.timedelta(days=1), weekday, -1)
        elif rel in ("next", "this coming", "coming"):
            d = cal.weekday_date(ctx.anchor + cal.timedelta(days=1), weekday, 1)
        elif rel == "this":
            d = cal.weekday_date(ctx.anchor, weekday, 0)
        else:
            tense = "past" if _POSSESSIVE_AFTER.match(ctx.text, m.end()) else ctx.tense(m)
            if tense == "present":  # "the meeting is on Monday": the nearest Monday
                before = cal.weekday_date(ctx.anchor, weekday, -1)
                after = cal.weekday_date(ctx.anchor, weekday, 1)
                d = after if (after - ctx.anchor) < (ctx.anchor - before) else before
            else:
                d = cal.weekday_date(ctx.anchor, weekday, 1 if tense == "future" else -1)
        value = cal.fmt_day(d)
    if pod:
        return ("TIME", f"{value}T{pod}")
    return ("DATE", value)


_UNIT_REL = {"this": 0, "the current": 0, "current": 0, "last": -1, "past": -1,
             "the past": -1, "the last": -1, "previous": -1, "the previous": -1,
             "next": 1, "the next": 1, "coming": 1, "the coming": 1, "the": 0,
             "earlier this": 0, "later this": 0, "early this": 0, "late this": 0,
             "early next": 1, "late next": 1, "early last": -1, "late last": -1,
             "earlier last": -1, "later last": -1, "later next": 1, "the end of this": 0,
             "the end of last": -1, "the end of next": 1, "the end of the": 0,
             "the beginning of this": 0, "the beginning of next": 1, "the start of this": 0,
             "the start of next": 1, "the beginning of the": 0, "the start of the": 0,
             "the latest": 0, "this past": -1, "this coming": 1, "sometime next": 1,
             "sometime this": 0, "sometime last": -1, "earlier in the": 0,
             "later in the": 0, "the rest of the": 0, "the rest of this": 0, "the full": 0,
             "the fiscal": 0, "the calendar": 0, "that": 0}
_UNIT_REL_RE = "|".join(sorted((k.replace(" ", r"\s+") for k in _UNIT_REL), key=len,
                               reverse=True))


_ENDED_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\b")


@rule("unit_rel", rf"(?P<rel>{_UNIT_REL_RE})\s+(?:(?P<fiscal>fiscal|calendar)\s+)?"
      r"(?P<u>week|weekend|fortnight|month|year|quarter|decade|century)\b(?!-)")
def _unit_relative(m, ctx):
    if in_title(m, ctx):
        return None
    rel, unit = " ".join(m["rel"].lower().split()), m["u"].lower()
    if unit == "fortnight":  # "the past fortnight": two weeks up to now
        return ("DURATION", "P2W") if _UNIT_REL[rel] else None
    offset = _UNIT_REL[rel]
    code = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE",
            "century": "C", "weekend": "WE"}[unit]
    if rel == "that" and code != "Q":
        return None  # "that year": see the story-time rule below
    if rel in ("the", "the fiscal") and code == "Y" and _ENDED_AFTER.match(ctx.text, m.end()):
        # "the year ended Sept. 30": twelve months named by their last day, which
        # straddle two calendar years
        return ("DURATION", "P1Y")
    if rel == "the" and m["fiscal"] and code == "Y":
        rel, offset = "the fiscal", 0
    elif rel == "the" and code not in ("WE",) and not (code == "Q" and ctx.anchor):
        return None  # "the year", "the month": as often a duration as a date
    if rel == "the latest" and code != "Q":
        return None
    if code == "WE":
        if ctx.anchor is None:
            return ("DATE", "XXXX-WXX-WE")
        if rel == "the":
            # the coming weekend closes the anchor's own ISO week, the last one the week before
            offset = 0 if ctx.tense(m) == "future" else -1
            if ctx.anchor.weekday() >= 5:
                offset = 0
        d = cal.shift(ctx.anchor, "W", offset)
        if rel == "the" and offset == -1 and ctx.anchor.weekday() >= 5:
            d = ctx.anchor
        return ("DATE", cal.fmt_week(d) + "-WE")
    if code == "Q" and rel in ("the", "this", "the latest", "that"):
        return ("DATE", "@Q0|" + default_quarter(ctx.anchor))
    if code in ("DE", "C") and rel in ("the past", "the last", "the next", "past", "last"):
        return ("DURATION", duration_value(1, code))
    return ("DATE", cal.relative(ctx.anchor, code, offset))


@rule("month_rel", r"(?P<w>year|month|week)[-\s](?P<rel>end|earlier|ago)\b|"
      r"(?P<w2>year)'s\s+end")
def _year_end(m, ctx):
    code = {"year": "Y", "month": "M", "week": "W"}[(m["w"] or m["w2"]).lower()]
    rel = (m["rel"] or "end").lower()
    if rel != "end" and code == "Y":
        return ("DATE", "@Q-4|" + cal.relative(ctx.anchor, "Y", -1))
    if code == "Y" and rel == "end" and m["w"]:
        # "by year-end": the year's last day; "since year-end" looks back to the last one
        if ctx.anchor is None:
            return ("DATE", "XXXX-12-31")
        back = re.search(r"since\s+$", ctx.before(m, 8)) or ctx.tense(m) == "past"
        return ("DATE", f"{ctx.anchor.year - (1 if back else 0):04d}-12-31")
    return ("DATE", cal.relative(ctx.anchor, code, 0 if rel == "end" else -1))


@rule("ago", rf"(?:{APPROX}\s+)?(?P<n>{NUMBER}|{VAGUE_NUM})(?:\s+or\s+so)?[\s-]+"
      rf"(?P<u>{UNIT_WORD})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|before|after|"
      r"previously|since)\b")
def _ago(m, ctx):
    n = parse_number(m["n"])
    unit = unit_of(m["u"])
    direction = m["dir"].lower()
    if direction in ("before", "after", "since"):
        return None  # the duration rule tags "one month" in "one month after ..."
    if direction in ("earlier", "later") and not (unit == "Y" and n == 1 and
                                                    direction == "earlier"):
        # "three days later" counts from a time in the story, not from the anchor:
        # TempEval tags the duration ("three days"); "a year earlier" is the exception
        return None
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if n is None:
        # "a few days later" is a vague duration; "several years ago" a past reference
        return None if direction in ("earlier", "later") else ("DATE", "PAST_REF" if sign < 0
                                                                 else "FUTURE_REF")
    if unit in ("S", "MIN", "H"):
        return ("DURATION", duration_value(n, unit))
    code = {"WE": "W", "2W": "W"}.get(unit, unit)
    steps = int(n * (2 if unit == "2W" else 1))
    if code == "DE":
        code, steps = "Y", steps * 10
    if code == "C":
        code, steps = "Y", steps * 100
    if code == "Y" and steps == 1 and direction in ("ago", "earlier"):
        if _LONGER_PERIOD.search(ctx.text, ctx.sent_start, ctx.sent_end):
            # "in the nine months, against 40% a year earlier": not a quarter's comparison
            return ("DATE", cal.relative(ctx.anchor, "Y", -1))
        return ("DATE", "@Q-4|" + cal.relative(ctx.anchor, "Y", -1))
    if code == "D" and ctx.anchor is not None:
        return ("DATE", cal.fmt_day(cal.shift(ctx.anchor, "D", sign * steps)))
    return ("DATE", cal.relative(ctx.anchor, code, sign * steps))


# "$500 million a year", "700 seats a week", "twice a day": rates, not durations
_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*|million|billion|thousand|hundred|percent|%|once|twice|"
                          r"times|cents?|dollars?|one|two|three|four|five|six|seven|eight|nine|"
                          r"ten|dozen)\s+(?:[a-z-]+\s+){0,3}$")
_DUR_LEAD = (r"(?:(?:the|its|their|a|an|this|that|each\s+of\s+the)\s+)?(?:(?P<rel>past|last|next|"
             r"first|latest|final|previous|coming|following|same|entire|full|whole|remaining|"
             r"initial|preceding|prior|ensuing|succeeding|year-earlier|year-ago)\s+)?")
_DUR_ADJ = (r"(?:\s+(?:more|additional|extra|full|straight|consecutive|further|long|whole|"
            r"trading|business|working))?")


@rule("duration", rf"(?:{APPROX}\s+)?{_DUR_LEAD}(?:{APPROX}\s+)?(?P<half>half\s+(?=an?\s))?"
      rf"(?P<n>{NUMBER}|{VAGUE_NUM}){_DUR_ADJ}[\s-]+(?P<u>{UNIT_WORD}|weekend)(?P<pl>s)?"
      r"(?P<and_half>\s+and\s+a\s+half)?(?P<tail>[-\s](?:old|long))?(?![\w-])")
def _duration(m, ctx):
    n = parse_number(m["n"])
    unit = unit_of(m["u"])
    if unit is None:
        return None
    if n is not None and m["half"]:  # "half an hour"
        n = n / 2
    if n is not None and m["and_half"]:  # "an hour and a half"
        n = n + 0.5
    word = m["n"].lower()
    if word in ("a", "an") and m["pl"]:
        return None
    if m["u"][0].isupper() and m.start() > ctx.sent_start + 2:
        return None  # "CBS's ''60 Minutes''": a title, not a duration
    if unit == "S" and word in ("a", "one") and not m["pl"] and re.match(
            r"\s+[a-z]", ctx.after(m)) and not re.match(
            r"\s+(?:later|earlier|ago|before|after|or|and|to|in|of|for|when|while|that|"
            r"longer|more|less|too|at|on)\b", ctx.after(m)):
        return None  # "a second term", "a second attack": an ordinal
    if m.group(0).lower() == "one day" and re.search(
            r"\b(?:will|would|could|may|might|can|shall|should)\s+$", ctx.before(m)):
        return ("DATE", "FUTURE_REF")  # "the town will one day be rebuilt"
    if not m["rel"] and (over := _OVER_BEFORE.search(ctx.before(m, 16))):
        # "lasted over a week", "just over an hour": "over" is TIMEX3's "more than"
        return ("DURATION", duration_value(n, unit), m.start() - len(over[1]))
    if (m["tail"] and "old" in m["tail"].lower()) or re.match(r"\s+old\b", ctx.after(m)):
        return None  # ages ("a 44-year-old", "52 years old") are not annotated as timexes
    # "once a year", "twice a week", "$5 a day": frequencies, tagged by the set rule
    if word in ("a", "an") and _RATE_BEFORE.search(ctx.before(m, 40)):
        return None
    if unit == "Q" and not (m["rel"] or (n and n >= 2 and "-" not in m["u"] and
                                          not m.group(0).endswith(("-quarters", "-quarter")))):
        return None  # "a quarter", "three-quarters": fractions, not periods
    value = duration_value(n, unit)
    if word in ("a", "an") and (m["tail"] or "").startswith("-"):
        return ("DURATION", value, m.start("u"))  # "a year-long inquiry": "a" is the noun's
    lead = ctx.text[m.start():m.start("n")]
    if (not m["pl"] and word not in ("a", "an") and re.match(r"-|\s+[a-z]", ctx.text[
            m.start("u") - 1: m.start("u")] + ctx.after(m, 3)) and _DETERMINER.fullmatch(lead)):
        # a duration used as an adjective ("a two-year term", "the 14-day truce"): the
        # determiner belongs to the noun, not to the duration
        return ("DURATION", value, m.start("n"))
    return ("DURATION", value)


_OVER_BEFORE = re.compile(r"\b(?:just|for|in|after|within|last|lasts|lasted|take|takes|took|"
                          r"spent|spend|slightly|well)\s+(over\s+)$")
_LONGER_PERIOD = re.compile(r"\b(?:(?:six|nine)\s+months|(?:first|second)\s+half|"
                            r"(?:fiscal|full|calendar)\s+year)\b", re.IGNORECASE)
_BEFORE_AFTER_EVENT = re.compile(r"\s+(?:before|after)\s+(?:the|a|an|his|her|its|their|[A-Z])")
_DETERMINER = re.compile(r"(?:the|a|an|its|their|his|her|our|this|that)\s+", re.IGNORECASE)


@rule("bare_units", r"(?:(?P<pre>recent|coming|future|the\s+coming|the\s+past\s+few|"
      r"the\s+last\s+few|the\s+next\s+few|the\s+past|the\s+early|the\s+last|the\s+next|the)\s+)?"
      r"(?P<u>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)"
      r"(?:[-\s](?P<tail>long|ahead))?\b")
def _bare_units(m, ctx):
    unit = unit_of(m["u"])
    pre = " ".join((m["pre"] or "").lower().split())
    if pre == "recent" and unit == "Y":
        return ("DATE", "PAST_REF")
    if pre in ("the past", "the last") and unit == "Y":
        return ("DATE", "PAST_REF")
    if pre == "the early" and unit == "H" and re.match(r"\s+of\s", ctx.after(m, 5)):
        return None  # "the early hours of Thursday": a part of that day, not a duration
    if pre == "future" or (pre == "coming" and unit in ("W", "M", "Q", "Y")):
        return ("DATE", "FUTURE_REF")  # "in coming months": a vague stretch ahead
    if pre == "the" and not m["tail"] and not re.search(
            r"(?:over|throughout)\s+$", ctx.before(m, 12)):
        return None  # "over the years" is a stretch of time; "the years that ..." may not be
    if not pre and not m["tail"]:
        before = ctx.before(m, 12)
        after = ctx.after(m, 10)
        # "after months of talks", "years of war": a stretch of time spent on something
        spent_on = re.match(r"\s+of\s+(?!(?:the|this|that|these|those|his|her|its|their|"
                            r"our|my|your|a|an)\b)[a-z]", ctx.after(m, 16))
        # "hours after the ruling", "months before a five-day war": a vague stretch
        # between the story and another event
        between = _BEFORE_AFTER_EVENT.match(ctx.text, m.end())
        if not spent_on and not between and not re.search(
                r"(?:for|in|over|within|after|took|takes|take|lasted|last|spent|spend|than)\s+$",
                before):
            return None
        if not between and re.match(r"\s*(?:ago|before|after|earlier|later)\b", after):
            return None
    return ("DURATION", duration_value(None, unit))


# Story-time rules ("the following year") live in their own module; importing it here,
# after this module's rules, keeps their place in RULES (earlier rules win ties).
from nato_reader.core import timex_story_rules as _story_rules  # noqa: E402, F401
