"""Calendar arithmetic and TIMEX3 value formatting for the temporal tagger.

Values keep the granularity of the expression ("October 2022" -> 2022-10), so every
helper here works at one granularity: day, ISO week, month, quarter, year.
When there is no anchor (an undated article) relative expressions get TimeML's
X placeholders instead ("XXXX-XX-XX", "XXXX-WXX", "XXXX"), which stay valid values.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# The season a month belongs to (northern hemisphere, meteorological).
_MONTH_SEASON = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
_SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}

UNRESOLVED = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX",
              "Q": "XXXX-QX", "DE": "XXX", "C": "XX"}


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_year(year: int) -> str:
    return f"{year:04d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    if year < 1:
        return date(1, 1, 1)
    if year > 9999:
        return date(9999, 12, 31)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def shift(anchor: date, unit: str, n: int) -> date:
    """The anchor moved by n units (D, W, M, Q, Y, DE, C); saturates at the calendar ends."""
    try:
        if unit == "D":
            return anchor + timedelta(days=n)
        if unit == "W":
            return anchor + timedelta(weeks=n)
    except OverflowError:
        return date(9999, 12, 31) if n > 0 else date(1, 1, 1)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "C": 1200}.get(unit, 12)
    return add_months(anchor, months * n)


def fmt_at(d: date, unit: str) -> str:
    """The value of the calendar unit containing d ("2023-W13", "2023-Q2", "202", ...)."""
    if unit == "D":
        return fmt_day(d)
    if unit == "W":
        return fmt_week(d)
    if unit == "M":
        return fmt_month(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "DE":
        return f"{d.year:04d}"[:3]
    if unit == "C":
        return f"{d.year:04d}"[:2]
    return fmt_year(d.year)


def relative(anchor: date | None, unit: str, n: int) -> str:
    """The unit n steps from the anchor's ("last week" = relative(a, "W", -1))."""
    if anchor is None:
        return UNRESOLVED.get(unit, "XXXX")
    return fmt_at(shift(anchor, unit, n), unit)


def weekday_date(anchor: date, weekday: int, direction: int) -> date:
    """The weekday (0 = Monday) nearest the anchor: direction -1 on or before, +1 on or
    after the anchor, 0 the same ISO week."""
    delta = weekday - anchor.weekday()
    if direction < 0 < delta:
        delta -= 7
    elif direction > 0 > delta:
        delta += 7
    return anchor + timedelta(days=delta)


_JUST_GONE_DAYS = 7


def month_year(anchor: date, month: int, tense: str, day: int = 0,
               weekday: int | None = None) -> int:
    """Which year a month (or month and day) named without a year means.

    A weekday given with the date ("Monday, Oct. 26") decides when it fits one year only.
    Future tense: the next one on or after the anchor (a day at most a week gone stays
    this year: news is filed late). Past tense: the last one on or before it, unless the
    next one is far nearer ("was extended to Nov. 16" in late October: reports in the
    past tense often name dates just ahead). Otherwise the one nearest the anchor (ties
    go to the anchor's year).
    """
    years = (anchor.year, anchor.year - 1, anchor.year + 1)
    if weekday is not None and day:
        fits = [y for y in years if (d := safe_date(y, month, day)) and d.weekday() == weekday]
        if len(fits) == 1:
            return fits[0]
    gaps = {}
    for year in years:
        if day:
            d = safe_date(year, month, min(day, 28) if month == 2 else day)
            gaps[year] = (d - anchor).days if d else 10**6
        else:
            gaps[year] = ((year - anchor.year) * 12 + month - anchor.month) * 30
    ahead = min((g, y) for y, g in gaps.items() if g >= 0)
    behind = min((-g, y) for y, g in gaps.items() if g <= 0)
    if tense in ("future", "pastfuture"):
        # "to leave by Jan. 14" in a paper of Jan. 15: a day just gone, not a year ahead
        return behind[1] if day and behind[0] <= _JUST_GONE_DAYS else ahead[1]
    if tense == "pastonly":  # "last Oct. 23"
        return behind[1]
    if tense == "past":
        return ahead[1] if ahead[0] * 4 < behind[0] else behind[1]
    return ahead[1] if ahead[0] < behind[0] else behind[1]


def season_value(anchor: date | None, season: str, offset: int | None, tense: str) -> str:
    """"this autumn" (offset 0), "last spring" (-1), "next winter" (+1), bare "summer"."""
    if anchor is None:
        return f"XXXX-{season}"
    if season == "WI":
        return f"{_winter_year(anchor, offset, tense):04d}-WI"
    year = anchor.year
    if offset is None or offset == 0:
        current = _MONTH_SEASON[anchor.month]
        # where the anchor stands in its year: January and February come before spring
        position = 0 if anchor.month < 3 else _SEASON_ORDER[current]
        if offset is None and tense == "past" and _SEASON_ORDER[season] > position:
            year -= 1
        if offset is None and tense == "future" and _SEASON_ORDER[season] < position:
            year += 1  # "would reopen by the summer" in December: next year's
    else:
        year += offset
    return f"{year:04d}-{season}"


def _winter_year(anchor: date, offset: int | None, tense: str) -> int:
    """A winter is labelled by the year its December falls in ("this winter" in January
    2025 is 2024-WI). From spring to the end of summer "this winter" is the one just gone,
    from autumn on the one ahead."""
    in_winter = anchor.month in (12, 1, 2)
    begun = anchor.year if anchor.month == 12 else anchor.year - 1  # the last one begun
    ahead = begun if in_winter else begun + 1  # the current one, or the next to begin
    if offset == 1:
        return begun + 1
    if offset == -1:
        return begun - 1 if in_winter else begun
    if in_winter or tense == "past" or (anchor.month < 6 and tense != "future"):
        return begun
    return ahead


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Tense: the nearest tense marker to an expression decides how a bare weekday or month
# is placed. Words are looked up in small sets (much faster than one big regex); a few
# markers are two or three words ("going to", "was expected to", "as soon as").
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUTURE_WORDS = _words(
    "will shall would planned expected expects scheduled due upcoming intend intends next "
    "later payable effective ahead expire expires ending starting beginning")
_FUTURE_BEFORE_TO = _words("going plan plans planning aim aims hope hopes want wants set is are "
                           "likely unlikely")
_PROGRESSIVE = _words("planning expected scheduled due set going about")
_PAST_WORDS = _words(
    "was were had did said told ago last earlier went came took met made gave began became "
    "left held rose fell won lost sold bought spoke wrote saw got paid ran led sent found "
    "brought kept thought felt knew grew drew struck begun since previously agreed")
_PRESENT_WORDS = _words(
    "is are am has have says remain remains now currently today this")
# A timetable in the present tense ("talks start on Wednesday", "the summit opens
# Tuesday") is about the days ahead. The bare forms are also nouns ("the start", "a
# visit"), so they count only when no determiner or auxiliary comes before them.
_SCHEDULED_S = _words(
    "starts begins opens meets resumes ends closes arrives leaves visits hosts travels "
    "returns convenes reconvenes kicks expires departs hands steps retires")
_SCHEDULED_BARE = _words(
    "start begin open meet resume end close arrive leave visit host travel return convene "
    "reconvene kick expire depart")
_NOT_BEFORE_BARE = _words(
    "the a an its their his her our my your this that these those to did didn't not never "
    "of at in on for by from with each every no any")
_NOT_PAST = _words("need needed hundred red bed shed wed feed seed speed indeed proceed "
                   "succeed exceed breed greed deed")
_BEFORE_ADJECTIVE = _words("a an the its their his her our my your this these those still "
                           "newly previously recently already")
# "planned" and "scheduled" after an adverb are participles of a past plan ("the hastily
# planned trip", "as originally scheduled"), not a plan for the days ahead
_PLAN_WORDS = _words("planned scheduled expected")
_PLAN_ADVERBS = _words("previously originally already long once")
# Words after which an -ed word is a verb or participle ("attacked the city", "launched
# on Monday"); before any other word it may be an adjective ("publish updated figures")
_FUNCTION_WORDS = _words(
    "the a an its their his her our my your this that these those to on in at by for from "
    "with of and or but as into onto over under about after before during since until than "
    "then when while who which what where it he she they we him them us")
# words after which the next word is a bare verb: "to meet", "will publish"
_VERB_OPENERS = _words("to will would shall can could may might must should")
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
# "had paid their dues by Tuesday", "power was restored by Monday"; not "had said the talks
# will end by Friday", "was to finish by Friday", "was confident a deal could be reached by
# Friday", "were betting the Fed cuts rates by September"
_MODALS = r"will|would|shall|to|could|can|must|may|might|should"
_PAST_AUX_BEFORE = re.compile(
    rf"\b(?:had|was|were)(?:n't)?\s+(?!to\b)(?!\w+ing\b)\w+(?:(?!\b(?:{_MODALS})\b)[^.;,])*$",
    re.IGNORECASE)
_BY_OPENING = re.compile(r"(?:^|[.!?\n]\s*)by\s+$", re.IGNORECASE)  # on text[lo:start] only
# the verb of the clause after an opening "By Tuesday morning, ...": the first auxiliary
_AUXILIARY_AFTER = re.compile(rf"\b(?:(?P<past>was|were|had|did)|{_MODALS}|is|are|has|have)\b",
                              re.IGNORECASE)
# a postponement moves to a later time: "the vote was put off until Tuesday"
_POSTPONED_BEFORE = re.compile(r"\b(?:postponed|delayed|deferred|adjourned|put\s+off|pushed\s+back|"
                               r"rescheduled)\s+(?:until|till|to)\s+$", re.IGNORECASE)
_TENSE_WINDOW = 160
_REPORTING = _words("said says told")
# Clause breaks for the tense search: a comma, a semicolon, a colon, a dash or a bracket.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_THAT_AFTER = re.compile(r"\bthat\b")


def _last_break(text: str, lo: int, start: int) -> int:
    """Where the clause holding text[start] begins, searching back to `lo`."""
    best = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        best = m.end()
    return best


def _word_tense(words: list[str], i: int, after_comma: bool = False) -> str | None:
    """The tense a word marks in its context, or None."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i else ""
    if w in ("is", "are", "was", "were") and nxt in _PROGRESSIVE and (
            i + 2 < len(words) and words[i + 2] == "to"):
        if nxt == "about" and w in ("was", "were"):
            return "pastfuture"  # "he was about to leave": on the brink, in the past
        return "future"  # "were planning to", "is expected to"
    if (w == "as" and nxt in ("soon", "early")) or w.endswith(("'ll", "\u2019ll")):
        return "future"
    if (nxt == "to" and w in _FUTURE_BEFORE_TO) or (w == "to" and nxt == "be"):
        return "future"
    if w == "next" and nxt == "to":
        return None  # "next to the embassy"
    if w in _PLAN_WORDS and (prev in _PLAN_ADVERBS or prev.endswith("ly")):
        return None
    if w in _FUTURE_WORDS:
        return "future"
    if w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST
                            and not w.endswith("eed")):
        if prev in ("be", "being", "been") and w not in ("was", "were", "had", "did"):
            return None  # "will be held": the auxiliary carries the tense
        if w not in _PAST_WORDS and prev in _BEFORE_ADJECTIVE:
            return None  # "a still unspecified date", "the revised plan": an adjective
        if (w not in _PAST_WORDS and nxt == "by" and not after_comma
                and not _is_amount(words, i + 2)):
            return None  # "a dinner hosted by the king": a participle; "rose by 5%" is not
        return "past"
    if w in _SCHEDULED_S or (w in _SCHEDULED_BARE and prev and prev not in _NOT_BEFORE_BARE
                             and not prev.endswith("'s")):
        return "future"
    if w in _PRESENT_WORDS:
        return "present"
    return None


def _is_amount(words: list[str], i: int) -> bool:
    """Whether words[i] opens an amount ("increased by 40 percent", "by a third"); the
    tokens hold letters only, so a figure shows as a gap: the next word is "percent"."""
    return i >= len(words) or words[i] in _AMOUNT_WORDS


_AMOUNT_WORDS = _words("percent per a an one two three four five six seven eight nine ten "
                       "half third quarter nearly almost about around more less some")


def tense_near(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """"past", "future", "pastfuture" (a future seen from the past: "had been due to"),
    "present", or "none": from the tense marker nearest [start, end) in text[lo:hi]."""
    return TenseReader(text, lo, hi).tense(start, end)


class TenseReader:
    """Tense lookups in one sentence: its words are read once, on the first lookup, and
    each word's reading is kept, so many expressions in one sentence cost little (and a
    megabyte without a full stop is read once, not once per expression)."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        found = list(_TOKEN.finditer(text, lo, hi))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.words = [m.group().lower() for m in found]
        self.kinds: dict[int, str | None] = {}

    def tense(self, start: int, end: int) -> str:
        if _BY_BEFORE.search(self.text, max(self.lo, start - 4), start):
            # a deadline: "by February", "by Dec. 15"; one already met is past
            # ("two members had filed reports by Wednesday", "power was restored by
            # Monday"; "By Tuesday morning, officials were reporting a fire")
            if _BY_OPENING.search(self.text[max(self.lo, start - 6):start]):
                aux = _AUXILIARY_AFTER.search(self.text, end, min(self.hi, end + _TENSE_WINDOW))
                return "past" if aux and aux.group("past") else "future"
            had = _PAST_AUX_BEFORE.search(self.text, max(self.lo, start - 60), start)
            return "past" if had else "future"
        if _POSTPONED_BEFORE.search(self.text, max(self.lo, start - 24), start):
            return "future"
        # The expression's own clause first ("Stoltenberg, who will hand over on Oct. 1,
        # said ..."), then the sentence around it.
        clause_lo = _last_break(self.text, max(self.lo, start - _TENSE_WINDOW), start)
        m = _CLAUSE_BREAK.search(self.text, end, min(self.hi, end + _TENSE_WINDOW))
        clause_hi = m.start() if m else min(self.hi, end + _TENSE_WINDOW)
        # "told reporters on Monday that the plan would pass": what follows "that" is
        # what was told, not when
        that = _THAT_AFTER.search(self.text, end, clause_hi)
        clause_hi = that.start() if that else clause_hi
        found = self._nearest(start, end, clause_lo, clause_hi)
        if found is not None:
            return found
        if m and m.group() == ",":  # "Austin, speaking on Thursday, said": its verb
            k = bisect_left(self.starts, m.end())
            if (k < len(self.words) and self.words[k] in _REPORTING
                    and not self.text[m.end():self.starts[k]].strip()):
                return "past" if self.words[k] != "says" else "present"
        return self._nearest(start, end, max(self.lo, start - _TENSE_WINDOW),
                             min(self.hi, end + _TENSE_WINDOW)) or "none"

    def _nearest(self, start: int, end: int, lo: int, hi: int) -> str | None:
        """The tense of the marker nearest the expression within text[lo:hi], or None."""
        starts, ends, words, kinds = self.starts, self.ends, self.words, self.kinds
        first, last = bisect_left(starts, lo), bisect_left(ends, hi + 1)
        i = bisect_right(ends, start) - 1  # nearest word ending before the expression
        j = bisect_left(starts, end)  # nearest word starting after it
        after = j
        reported = None
        while i >= first or j < last:  # nearest first (ties: the word before); first marker
            if j >= last or (i >= first and start - ends[i] <= starts[j] - end + 3):
                k, i = i, i - 1
            else:
                k, j = j, j + 1
            if k not in kinds:
                # ", passed by parliament on Friday,": a participle opening its own
                # phrase carries that phrase's past
                after_comma = self.text[max(0, starts[k] - 2):starts[k]] == ", "
                kinds[k] = _word_tense(words, k, after_comma)
            kind = kinds[k]
            if kind is None or (kind == "past" and k + 1 < len(words)
                                and starts[k + 1] < start and self._adjective_in_future(k)):
                continue
            if words[k] in _REPORTING and k >= after and not (
                    k == after and self.text[end:starts[k]].isspace()):
                # "the talks will resume Monday, he said": the attribution's tense is
                # not the event's; it decides only when nothing else does ("Smith on
                # Monday said": the day's own verb)
                reported = reported or kind
                continue
            if kind == "future" and "had" in words[max(0, k - 4):k]:
                return "pastfuture"
            return kind
        return reported

    def _adjective_in_future(self, k: int) -> bool:
        """Whether the regular -ed word k, between the verb after a future marker and a
        content word, is an adjective ("is due to meet allied leaders on Thursday", "is
        expected to publish updated figures on Monday"), not the verb of a past event
        ("is expected to visit after Macron announced plans on Monday")."""
        words = self.words
        if (words[k] in _PAST_WORDS or words[k + 1] in _FUNCTION_WORDS or k < 2
                or words[k - 2] not in _VERB_OPENERS):
            return False
        clause_lo = _last_break(self.text, max(self.lo, self.starts[k] - _TENSE_WINDOW),
                                self.starts[k])
        for i in range(k - 1, bisect_left(self.starts, clause_lo) - 1, -1):
            if i not in self.kinds:
                self.kinds[i] = _word_tense(words, i)
            if self.kinds[i] == "future":
                return True
            if self.kinds[i] == "past" and words[i] in _PAST_WORDS:
                return False
        return False
