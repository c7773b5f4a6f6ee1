"""Temporal expressions: find them and normalise them to TimeML TIMEX3 type and value.

A rule layer of regular expressions (compiled once, in timex_rules and timex_relative)
proposes candidates; overlapping candidates are settled by keeping the longest; a clock
time next to a date becomes one TIME ("Thursday at 3 p.m." -> 2022-03-24T15:00).

Relative expressions are resolved against `anchor`, the publication date. News prose
is mostly past tense, so a bare weekday or month means the most recent one unless the
nearest tense marker in the sentence is future ("will meet on Monday", "talks start on
Wednesday": a present-tense timetable) or a future seen from the past ("had been due to
expire Friday" is past). Ranges get both ends ("June 5-23", "2019-20", timex_ranges).
Without an anchor, absolute dates are still resolved and relative ones get TimeML's X
placeholders ("Thursday" -> "XXXX-WXX-4", "last year" -> "XXXX"), which are valid
TIMEX3 values that `Timex.resolved` reports as unresolved.

No spaCy here: the caller may pass sentence spans; without them a simple splitter is used.

Conventions (TimeML TIMEX3 as annotated in TempEval-3), where a choice had to be made:
- extents keep determiners and modifiers ("the third quarter", "late March", "nearly two
  years"), not prepositions, except a duration used as an adjective ("a [two-year] term");
  ages ("a 44-year-old"), rates ("$5 a day") and names ("Black Friday") are not tagged;
- vague references: "recently", "now", "currently" PRESENT_REF/PAST_REF; pre-verbal
  "soon", "as soon as possible", "the near term", "will one day" FUTURE_REF;
- "decades" -> PXDE, "two decades" -> P20Y, quarters of a year as durations in months;
- "over the past year" -> the previous calendar year, as TempEval has it (our own gold
  writes P1Y); "days after the vote" and "hours before" an event -> PXD, PTXH;
  "annually" -> SET P1Y;
- a winter is labelled by the year of its December ("this winter" in January 2025 is
  2024-WI);
- "three days later" tags the duration "three days" (the story's clock, not the anchor's);
- in earnings reports "the quarter", "a year earlier", "the year-ago period" resolve to
  the fiscal quarter the text names (1988-Q3), else to the last completed quarter / year;
- "Thursday morning" -> TIME 2022-03-24TMO; weeks are ISO weeks, written 2023-W05;
- "the year ended Sept. 30" -> P1Y (twelve months across two calendar years); "in the
  morning" and "overnight" fall on (the night before) the day the story tells.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, datetime

from nato_reader.core import timex_calendar as cal
from nato_reader.core import timex_named as _named  # noqa: F401  (registers rules)
from nato_reader.core import timex_relative as _relative  # noqa: F401  (registers rules)
from nato_reader.core.model import Span, Timex
from nato_reader.core.timex_ranges import add_range_ends
from nato_reader.core.timex_rules import RULES, Context
from nato_reader.core.timex_story import CLOCK_MARK, place_clock_times

__all__ = ["split_sentences", "tag_timexes"]

# A sentence ends at . ! ? (plus closing quotes) before a space and a capital, or at a
# line break. Common abbreviations ("Oct.", "Mr.", "p.m.") do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof|Inc|Co|"
                     r"Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|"
                     r"a\.m|p\.m|e\.g|i\.e)|\b[A-Z])\.[\"'”’)\]]*[ \t]+$")
_CLOCK_GLUE = re.compile(r"[\s,]*(?:local\s+time\b)?[\s,]*(?:on|at|of|,)?[\s,]*")
_MAX_CANDIDATE_CHARS = 80


def split_sentences(text: str) -> list[Span]:
    """Sentence spans by a simple rule (used when the caller has none)."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("\n") is False and _ABBREV.search(
                text, max(0, match.start() - 6), match.end()):
            continue
        _add_span(spans, text, start, match.start())
        start = match.end()
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def tag_timexes(text: str, anchor: date | None, sentences: Sequence[Span] = ()) -> list[Timex]:
    """Every temporal expression in `text`, in order, with TIMEX3 type and value."""
    if not text:
        return []
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    sents = sorted(sentences, key=lambda s: s.start) if sentences else split_sentences(text)
    if not sents:
        sents = [Span(0, len(text))]
    triggers = [(m.start(), m.end(), m.lastgroup) for m in _TRIGGER.finditer(text)]
    starts = [t[0] for t in triggers]
    found: list[Timex] = []
    done = 0  # caller sentences may overlap: never tag a stretch of text twice
    for sent in sents:
        lo, hi = max(0, sent.start, done), min(len(text), sent.end)
        if hi <= lo:
            continue
        done = hi
        first, last = bisect_left(starts, lo), bisect_left(starts, hi)
        if first == last:
            continue  # nothing in this sentence could start a temporal expression
        found.extend(_tag_sentence(text, anchor, Span(lo, hi), triggers[first:last]))
    return place_clock_times(text, _resolve_story_times(_resolve_quarter_references(found, anchor)))


# Every rule needs one of a few cheap keywords; the full patterns only run in windows
# around those keywords, which keeps a megabyte of text (or of numbers) fast.
_TRIGGER = re.compile(
    r"(?<![A-Za-z])(?=[A-Za-z0-9])(?:"
    r"(?P<month>(?-i:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))"
    r"|(?P<weekday>(?-i:\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))"
    r"|(?P<digit>\d+|(?-i:[QH])[1-4]\b)"
    r"|(?P<unit>\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
    r"centur|period))"
    r"|(?P<season>\b(?:spring|summer|autumn|fall|winter))"
    r"|(?P<deictic>\b(?:today|yesterday|tomorrow|tonight|overnight|noon|midnight|midday|"
    r"morning|afternoon|evening))"
    r"|(?P<setadv>\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|"
    r"fortnightly)\b)"
    r"|(?P<ref>\b(?:now|current|recent|lately|formerly|previously|past|future|present|"
    r"nowadays|these\s+days|moment|later|soon|term|some\s*day))"
    r"|(?P<holiday>(?-i:\b(?:Christmas|New\s+Year|Independence|Fourth|Halloween|Valentine|"
    r"Boxing|Bastille|Armistice|Veterans|Remembrance|May\s+Day|Thanksgiving|Easter|"
    r"Good\s+Friday)))"
    r"|(?P<spoken>\b(?:nineteen|twenty|two\s+thousand))"
    r"|(?P<decadeword>\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    r"nineties)\b))",
    re.IGNORECASE,
)
_NEEDS = {
    "iso": "digit", "numeric": "digit", "dotted": "digit", "day_month": "month",
    "month_day": "month",
    "day_range": "month",
    "month_year": "month", "month": "month", "year": "digit", "decade": "digit",
    "century": "unit", "quarter": "unit", "quarter_ref": "unit", "year_period": "unit",
    "year_ago_quarter": "unit", "half": "digit unit", "two_quarters": "unit", "season": "season",
    "deictic_day": "deictic", "this_pod": "deictic unit", "overnight": "deictic",
    "noon": "deictic", "clock": "digit", "clock24": "digit", "clock_hhmm": "digit",
    "quarter_code": "digit",
    "weekday": "weekday", "unit_rel": "unit",
    "month_rel": "unit", "ago": "unit", "duration": "unit", "bare_units": "unit",
    "set_every": "unit weekday month deictic", "set_freq": "unit", "set_every_n": "unit",
    "set_seasons": "season",
    "set_adverb": "setadv unit",
    "reference": "ref", "holiday": "holiday", "spoken_year": "spoken", "story_time": "unit",
    "story_weekday": "weekday", "long_compound": "unit", "decade_word": "decadeword spoken",
}
_WINDOW = _MAX_CANDIDATE_CHARS


def _windows(text: str, sent: Span, hits: list[tuple[int, int, str]], needs: set[str]):
    """Merged stretches of the sentence around the keywords a rule needs, cut at spaces."""
    spans: list[list[int]] = []
    for start, end, kind in hits:
        if kind not in needs:
            continue
        lo = max(sent.start, start - _WINDOW)
        hi = min(sent.end, end + _WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    for lo, hi in spans:
        while lo > sent.start and not text[lo - 1].isspace():
            lo -= 1
        while hi < sent.end and not text[hi].isspace():
            hi += 1
        yield lo, hi


def _tag_sentence(text: str, anchor: date | None, sent: Span, hits) -> list[Timex]:
    ctx = Context(text, anchor, sent.start, sent.end)
    candidates: list[tuple[int, int, int, str, str]] = []
    kinds = {kind for _, _, kind in hits}
    short = sent.end - sent.start <= 2 * _WINDOW  # one window: the whole sentence
    windows: dict[frozenset, list[tuple[int, int]]] = {}
    for priority, (name, pattern, resolve) in enumerate(RULES):
        needs = _NEED_SETS[name]
        if not needs & kinds:
            continue
        if short:
            spans = [(sent.start, sent.end)]
        else:
            spans = windows.get(needs)
            if spans is None:
                spans = windows[needs] = list(_windows(text, sent, hits, needs))
        for lo, hi in spans:
            for m in pattern.finditer(text, lo, hi):
                if m.end() == m.start() or m.end() - m.start() > _MAX_CANDIDATE_CHARS:
                    continue
                if not _word_bounded(text, m.start(), m.end()):
                    continue
                result = resolve(m, ctx)
                if result is not None:  # a third item, if any, is a later start
                    start = result[2] if len(result) > 2 else m.start()
                    candidates.append((start, m.end(), priority, result[0], result[1]))
    chosen = _longest_non_overlapping(candidates)
    chosen = _merge_clock_times(text, chosen)
    chosen = _merge_spoken_years(text, chosen)
    chosen = add_range_ends(text, sent.end, chosen)
    chosen = [_with_hedge(text, sent.end, c) for c in chosen]
    return [Timex(s, e, text[s:e], kind, _finish_value(value, anchor), sent)
            for s, e, kind, value in chosen]


# "the next year or so", "1994 or later": the hedge is part of the expression (TIMEX3 mod)
_HEDGE = re.compile(r"\s+or\s+(?:so|later|earlier)\b")


def _with_hedge(text: str, limit: int, item):
    start, end, kind, value = item
    if text.startswith(" or ", end) and (m := _HEDGE.match(text, end, limit)):
        return start, m.end(), kind, value
    return item


_NEED_SETS = {name: frozenset(_NEEDS[name].split()) for name, _, _ in RULES}


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _longest_non_overlapping(candidates):
    """Longest first (earlier rule on ties); then back into text order."""
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, str, str]] = []
    used: set[int] = set()  # characters already covered (candidates are short)
    for start, end, _priority, kind, value in candidates:
        span = range(start, end)
        if used.isdisjoint(span):
            used.update(span)
            taken.append((start, end, kind, value))
    taken.sort()
    return taken


def _merge_clock_times(text, chosen):
    """A clock time beside a day ("10 p.m. Wednesday", "Thursday at 3 p.m.") is one TIME."""
    merged: list[tuple[int, int, str, str]] = []
    for item in chosen:
        if merged:
            prev = merged[-1]
            glue = text[prev[1]:item[0]]
            pair = _clock_and_day(prev, item)
            if pair and _CLOCK_GLUE.fullmatch(glue):
                clock, day = pair
                day_value = day[3].split("T")[0]
                merged[-1] = (prev[0], item[1], "TIME", day_value + clock[3])
                continue
        merged.append(item)
    return merged


_PART_OF_YEAR = re.compile(r"(?:\d{4}|XXXX)-(SP|SU|FA|WI|0[1-9]|1[0-2])")
_OF_GLUE = re.compile(r"\s+(?:of\s+)?")


def _merge_spoken_years(text, chosen):
    """"the winter of nineteen ninety-four", "March nineteen ninety-eight": a season or
    month and the spoken year after it (which the year rules could not reach) are one."""
    merged: list[tuple[int, int, str, str]] = []
    for item in chosen:
        if merged and item[3].isdigit() and len(item[3]) == 4 and not text[item[0]].isdigit():
            prev = merged[-1]
            part = _PART_OF_YEAR.fullmatch(prev[3])
            if part and prev[2] == "DATE" and _OF_GLUE.fullmatch(text[prev[1]:item[0]]):
                merged[-1] = (prev[0], item[1], "DATE", f"{item[3]}-{part[1]}")
                continue
        merged.append(item)
    return merged


def _clock_and_day(a, b):
    def is_clock(x):
        return x[2] == "TIME" and x[3].startswith("T")

    def is_day(x):
        return x[2] in ("DATE", "TIME") and re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}(T\w+)?", x[3])

    if is_clock(a) and is_day(b):
        return a, b
    if is_day(a) and is_clock(b):
        return b, a
    return None


_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_QUARTER_REF = re.compile(r"@Q(?:(?P<shift>[+-]?\d+)|Y(?P<year>\d{4}))\|(?P<fallback>.*)")


def _resolve_quarter_references(timexes: list[Timex], anchor: date | None
                                ) -> list[Timex]:
    """Earnings reports speak of "the quarter", "the year-ago period", "a year earlier":
    each means the fiscal quarter the text is about (the nearest quarter named before it,
    else the first one named after it), or a year before it. Resolvers mark such values
    "@Q<shift>|<fallback>" or "@QY<year>|<fallback>"; the fallback serves when the text
    names no quarter."""
    if not any(t.value.startswith("@") for t in timexes):
        return timexes
    # a quarter after the anchor's own is a forecast ("losses through the third quarter
    # of 1990"), never the period the report is about
    latest = anchor.year * 4 + cal.quarter_of(anchor) - 1 if anchor else None
    named = [(i, int(m.group(1)), int(m.group(2))) for i, t in enumerate(timexes)
             if (m := _QUARTER.fullmatch(t.value))
             and (latest is None or int(m.group(1)) * 4 + int(m.group(2)) - 1 <= latest)]
    out = []
    for i, t in enumerate(timexes):
        ref = _QUARTER_REF.fullmatch(t.value)
        if ref is None:
            out.append(t)
            continue
        before = [q for q in named if q[0] < i]
        after = [q for q in named if q[0] > i]
        source = before[-1] if before else (after[0] if after else None)
        if source is None:
            value = ref["fallback"]
        elif ref["year"]:
            value = f"{ref['year']}-Q{source[2]}"
        else:
            index = source[1] * 4 + source[2] - 1 + int(ref["shift"])
            value = f"{index // 4:04d}-Q{index % 4 + 1}"
        out.append(Timex(t.start, t.end, t.text, t.type, value, t.sentence))
    return out


_STORY_REF = re.compile(r"@R(?P<unit>[DWMY1-7])(?P<shift>[+-]\d+)\|(?P<fallback>.*)")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")


def _resolve_story_times(timexes: list[Timex]) -> list[Timex]:
    """"The following year", "later that month", "the next day" count from the last
    date the text named at that granularity (or finer); unresolved without one."""
    if not any(t.value.startswith("@R") for t in timexes):
        return timexes
    out: list[Timex] = []
    for t in timexes:
        ref = _STORY_REF.fullmatch(t.value)
        if ref is None:
            out.append(t)
            continue
        unit, shift = ref["unit"], int(ref["shift"])
        value = ref["fallback"]
        for prev in reversed(out):
            point = _point(prev.value, "D" if unit.isdigit() else unit)
            if point is None:
                continue
            if unit.isdigit():  # "the following Monday": the first one after that day
                day = cal.weekday_date(point + cal.timedelta(days=shift), int(unit) - 1, shift)
                value = cal.fmt_day(day)
            else:
                value = cal.fmt_at(cal.shift(point, unit, shift), unit)
            break
        out.append(Timex(t.start, t.end, t.text, t.type, value, t.sentence))
    return out


def _point(value: str, unit: str) -> date | None:
    """A day inside the period `value` names, if it is at least as fine as `unit`."""
    try:
        if m := _DAY.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if unit in ("M", "Y") and (m := _MONTH.fullmatch(value)):
            return date(int(m[1]), int(m[2]), 1)
        if unit == "Y" and (m := _YEAR.fullmatch(value)):
            return date(int(m[1]), 1, 1)
    except ValueError:
        return None
    return None


def _finish_value(value: str, anchor: date | None) -> str:
    """A clock time with no day of its own happens on the publication day, unless the
    story names another (marked here, placed by timex_story.place_clock_times)."""
    if value.startswith("T"):
        return CLOCK_MARK + (anchor.isoformat() if anchor else "XXXX-XX-XX") + value
    return value
