"""The rules of the temporal tagger: one compiled pattern and one resolver per kind of
expression. A resolver returns (type, value), or None to reject the match.

Extents follow the TempEval-3 gold: determiners and modifiers that are part of the
expression stay in ("the third quarter", "last Thursday", "nearly two years", "late
March"), the preposition before it stays out ("on Thursday" -> "Thursday").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from nato_reader.core import timex_calendar as cal
from nato_reader.core.gazetteer import default_gazetteer
from nato_reader.core.timex_lexicon import (
    DAY_NUM,
    MONTH_NAME,
    MONTHS,
    WEEKDAY_NAME,
    WEEKDAYS,
    YEAR4,
)
from nato_reader.core.timex_ranges import year_range_end


@dataclass
class Context:
    """What a resolver may look at besides its match."""

    text: str
    anchor: date | None
    sent_start: int
    sent_end: int

    def tense(self, m: re.Match) -> str:
        reader = self.__dict__.get("_tense")
        if reader is None:  # read the sentence's words once, on the first question
            reader = self.__dict__["_tense"] = cal.TenseReader(
                self.text, self.sent_start, self.sent_end)
        return reader.tense(m.start(), m.end())

    def before(self, m: re.Match, n: int = 20) -> str:
        return self.text[max(self.sent_start, m.start() - n): m.start()].lower()

    def after(self, m: re.Match, n: int = 20) -> str:
        return self.text[m.end(): min(self.sent_end, m.end() + n)].lower()


# (type, value), or (type, value, start) to leave words at the front out of the extent
Resolver = Callable[[re.Match, Context], "tuple[str, str] | tuple[str, str, int] | None"]
RULES: list[tuple[str, re.Pattern, Resolver]] = []


def rule(name: str, pattern: str):
    # (?<!\w): fail at once inside words, which makes the scan several times faster
    # Typographic apostrophes ("New Year’s Day", "the ’90s") count as straight ones.
    pattern = pattern.replace("'", "['\u2019]")
    compiled = re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE | re.VERBOSE)

    def register(func: Resolver) -> Resolver:
        RULES.append((name, compiled, func))
        return func

    return register


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|mid-?|late)\s+)?$")


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


_DAY_WORDS = {w: i + 1 for i, w in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth"))}
_DAY_WORDS.update({f"twenty{sep}{w}": 20 + n for sep in ("-", " ") for w, n in _DAY_WORDS.items()
                   if n < 10})
_DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
# "March eighth", "June twenty-first" (spoken: broadcast transcripts)
DAY_WORD = "(?:" + "|".join(sorted((w.replace(" ", r"\s+") for w in _DAY_WORDS), key=len,
                                   reverse=True)) + ")"


def _day(word: str) -> int:
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else _DAY_WORDS[" ".join(word.lower().split())]


def year_ref(anchor: date | None, word: str | None) -> int | None:
    """Year for "this year" / "last year" / "next year" / a four-digit year."""
    if not word:
        return None
    w = word.lower().split()[0]
    if w.isdigit():
        return int(w)
    if anchor is None:
        return None
    return anchor.year + {"this": 0, "last": -1, "next": 1, "past": -1}.get(w, 0)


REL_YEAR = r"(?:this|last|next)\s+year"
_MOD = r"(?:(?:early|late|mid|(?:the\s+)?(?:middle|end|beginning|start|close|turn)\s+of|" \
       r"the\s+first\s+half\s+of|the\s+second\s+half\s+of)[\s-]*)"
# Modifiers TIMEX3 records (mod APPROX, LESS_THAN, ...) are part of the extent; focus
# words ("only", "just", "barely" five hours) are not.
APPROX = (r"(?:about|nearly|almost|around|roughly|approximately|some|"
           r"(?:no\s+)?more\s+than|(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|"
           r"up\s+to|the\s+better\s+part\s+of)")


# --- absolute calendar dates -------------------------------------------------------

@rule("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)"
      r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b")
def _iso(m, ctx):
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d and m["H"]:  # "2023-06-14T10:00Z": a timestamp
        return ("TIME", f"{cal.fmt_day(d)}T{m['H']}:{m['M']}")
    return ("DATE", cal.fmt_day(d)) if d else None


@rule("dotted", r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d)(?![\d.]\d|\d)")
def _dotted(m, ctx):
    """European day.month.year ("14.06.2023"), not a version ("version 1.2.2023")."""
    if re.search(r"(?:version|release|build|v)\s*$", ctx.before(m, 10)):
        return None
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", cal.fmt_day(d)) if d else None


@rule("numeric", r"(?<![\d/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])")
def _numeric(m, ctx):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    d = cal.safe_date(y, a, b) or cal.safe_date(y, b, a)
    return ("DATE", cal.fmt_day(d)) if d else None


_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_NAME}),?\s+(?:the\s+)?)?"


@rule("day_month", rf"{_WD_PREFIX}(?P<d>{DAY_NUM})\s+(?:of\s+)?(?P<m>{MONTH_NAME})"
      rf"(?:,?\s+(?P<y>{YEAR4}|{REL_YEAR})\b)?")
@rule("month_day", rf"{_WD_PREFIX}(?P<m>{MONTH_NAME})\s+(?:the\s+)?(?P<d>{DAY_NUM}|{DAY_WORD})\b"
      rf"(?![.,]?\d|\s*(?:%|percent|per\s+cent|-(?![0-3]?\d\b)))"
      rf"(?:,?\s+(?P<y>{YEAR4}|{REL_YEAR})\b)?")
def _full_date(m, ctx):
    month, day = _month(m["m"]), _day(m["d"])
    year = year_ref(ctx.anchor, m["y"])
    if year is None:
        if ctx.anchor is None:
            return ("DATE", f"XXXX-{month:02d}-{day:02d}") if 1 <= day <= 31 else None
        wd = m.groupdict().get("wd")
        weekday = WEEKDAYS.get(wd.lower()) if wd else None
        rel = re.search(r"\b(last|next|this\s+past|this\s+coming)\s+$", ctx.before(m, 16))
        if rel and not wd:  # "last Oct. 23": the latest one before the anchor
            tense = "future" if rel[1] in ("next", "this coming") else "pastonly"
        elif _SINCE_BEFORE.search(ctx.before(m, 12)):
            tense = "pastonly"  # "since Oct. 23": a start already behind us
        else:
            tense = ctx.tense(m)
        year = cal.month_year(ctx.anchor, month, tense, day, weekday)
    d = cal.safe_date(year, month, day)
    return ("DATE", cal.fmt_day(d)) if d else None


@rule("day_range", rf"(?P<d>{DAY_NUM})(?=\s*(?:-|\u2013|to|and|until|till)\s*{DAY_NUM}\s+"
      rf"(?:of\s+)?(?P<m>{MONTH_NAME})(?:,?\s+(?P<y>{YEAR4})\b)?)")
def _range_start(m, ctx):
    """The first day of "5 to 23 June", "14-15 December" (the month comes after)."""
    return _full_date(m, ctx)


@rule("month_year", rf"{_MOD}?(?P<m>{MONTH_NAME})(?:,?\s+(?:of\s+)?)(?P<y>{YEAR4}|{REL_YEAR})\b")
def _month_year(m, ctx):
    year = year_ref(ctx.anchor, m["y"])
    month = _month(m["m"])
    if year is None:
        return ("DATE", f"XXXX-{month:02d}")
    return ("DATE", cal.fmt_month(year, month))


_BARE_MAY_OK = re.compile(r"(?:in|since|until|till|by|from|to|of|during|through|before|"
                          r"after|early|late|mid-?|last|this|next|and|or|,)\s*$")


@rule("month", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past)\s+)?"
      rf"{_MOD}?(?P<m>{MONTH_NAME})(?!\w)")
def _bare_month(m, ctx):
    word = m["m"]
    if word.lower() == "may" and not m["rel"] and not _BARE_MAY_OK.search(ctx.before(m)):
        return None
    if len(word) <= 3 and not word.endswith(".") and word.lower() not in ("may",):
        return None  # "Mar", "Jan" without a full stop are too often names
    if word.endswith(".") and len(word) <= 4 and not m["rel"] and not ctx.before(m).strip():
        return None
    if m.group(0) == word and re.match(r"\s+(?:of|for|on|against)\s+(?:the\s+)?[A-Z]",
                                        ctx.text[m.end(): m.end() + 30]):
        return None  # "the March for Life", "the March of the Mothers": a name
    if m["rel"] and re.match(rf"\s*{DAY_NUM}\b(?!\s*(?:%|percent))",
                             ctx.text[m.end(): m.end() + 8]):
        return None  # "last Oct. 23": the month-day rule reads the "last"
    month = _month(word)
    if ctx.anchor is None:
        return ("DATE", f"XXXX-{month:02d}")
    rel = (m["rel"] or "").lower()
    if rel in ("last", "this past", "past"):
        year = ctx.anchor.year - 1 if month >= ctx.anchor.month else ctx.anchor.year
    elif rel in ("next", "this coming", "coming"):
        year = ctx.anchor.year + 1 if month <= ctx.anchor.month else ctx.anchor.year
    elif rel == "this":
        year = ctx.anchor.year
    else:
        since = _SINCE_BEFORE.search(ctx.before(m, 12))
        year = cal.month_year(ctx.anchor, month, "pastonly" if since else ctx.tense(m))
    return ("DATE", cal.fmt_month(year, month))


@rule("year", rf"(?:(?P<pre>(?:the\s+)?(?:calendar|fiscal|financial|model|school)\s+(?:year\s+)?|"
      rf"(?:the\s+)?year\s+|{_MOD}|fy\s*))?(?<![\d$£€.,/:])(?<!\d-)(?P<y>{YEAR4})(?![\d%]|\.\d|,\d|-(?!\d\d(?:\d\d)?\b)\d|"
      r"\s*(?:%|percent|per\s+cent))")
def _year(m, ctx):
    year = int(m["y"])
    before = ctx.before(m, 12)
    if re.match(r"[\s-]+(?:old|year-old)\b", ctx.after(m)):
        return None
    if not m["pre"] and (year < 1800 or year > 2100) and not re.search(
            r"(?:in|since|of|by|from|until|to|year)\s*$", before):
        return None
    if re.search(r"(?:no\.|number|page|route|flight|room|\$)\s*$", before):
        return None
    if not m["pre"] and _is_name_year(ctx, m.start("y")):
        return None
    if ctx.text.startswith("-", m.end()) and year_range_end(ctx.text, m.end(), year) is None:
        return None  # "2019-05", "1990-12": not a range of years
    pre = (m["pre"] or "").lower()
    if "half" in pre:
        return ("DATE", f"{year:04d}-H{1 if 'first' in pre else 2}")
    return ("DATE", cal.fmt_year(year))


# A capitalised word right before a year makes the year part of a name ("Orion 1980",
# "Agenda 2000") unless the word itself is about time or a preposition opening a sentence.
_NAME_BEFORE_YEAR = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+)\s+$")
_TIME_WORDS = re.compile(
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter|"
    r"Christmas|Easter|Thanksgiving|Ramadan|Passover|Hanukkah|Lent|Advent|Fiscal|Year|Class|"
    r"Since|Until|Till|Before|After|By|From|In|Of|To|Through|During|Around|About|Circa|Early|"
    r"Late|Mid|Between|And|Or|Than|Copyright)")


def _is_name_year(ctx: Context, start: int) -> bool:
    before = _NAME_BEFORE_YEAR.search(ctx.text, max(ctx.sent_start, start - 20), start)
    if before is None or before.start(1) == ctx.sent_start:
        return False
    word = before[1]
    if word.lower() in MONTHS or _TIME_WORDS.fullmatch(word) or re.fullmatch(WEEKDAY_NAME,
                                                                              word):
        return False
    # "the Kosovo 1999 air campaign": a place before a year leaves it a year
    entry = default_gazetteer().lookup(word)
    return entry is None or entry.label not in ("GPE", "LOC", "NORP")


@rule("quarter_code", rf"(?P<p>(?-i:[QH]))(?P<n>[1-4])(?:(?:\s+|/|-)?(?P<y>{YEAR4}|'\d\d)|"
      r"(?=\s+[a-z]|\s*[,.;:)]|\s*$))")
def _quarter_code(m, ctx):
    n = int(m["n"])
    if m["p"] == "H" and n > 2:
        return None
    if not m["y"]:  # "Q3 results": this year's, or last year's if still ahead
        if m["p"] != "Q":
            return None
        if ctx.anchor is None:
            return ("DATE", f"XXXX-Q{n}")
        year = ctx.anchor.year
        if n > cal.quarter_of(ctx.anchor) and ctx.tense(m) == "past":
            year -= 1
        return ("DATE", f"{year:04d}-Q{n}")
    y = m["y"].lstrip("'")
    year = int(y) if len(y) == 4 else 2000 + int(y)
    return ("DATE", f"{year:04d}-{m['p']}{n}")


@rule("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]?)?"
      r"(?P<dec>(?:1[0-9]|20)\d0|'\d0|\u2019\d0)'?s\b")
def _decade(m, ctx):
    dec = m["dec"].lstrip("'\u2019")
    if len(dec) == 2:
        century = "19"
        if ctx.anchor and ctx.anchor.year >= 2000 and int(dec) + 2000 <= ctx.anchor.year:
            century = "20"
        dec = century + dec
    return ("DATE", dec[:3])


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@rule("decade_word", r"the\s+(?:(?P<mod>early|mid|late)[\s-]?)?(?P<w>(?-i:[Tt]wenties|[Tt]hirties|"
      r"[Ff]orties|[Ff]ifties|[Ss]ixties|[Ss]eventies|[Ee]ighties|[Nn]ineties))\b")
def _decade_word(m, ctx):
    """"the nineties", "the late sixties" ("in his fifties" is an age: no "the")."""
    digit = _DECADE_WORDS[m["w"].lower()]
    century = "19"
    if ctx.anchor and ctx.anchor.year >= 2000 and 2000 + digit * 10 <= ctx.anchor.year:
        century = "20"
    return ("DATE", f"{century}{digit}")


_ORD_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
              "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
              "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
              "twentieth": 20, "twenty-first": 21, "twenty first": 21}


@rule("century", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]?)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
      r"twenty[-\s]first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth)[\s-]century")
def _century(m, ctx):
    word = m["ord"].lower()
    n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else _ORD_WORDS.get(word)
    return ("DATE", f"{n - 1:02d}") if n else None


# The rules for parts of years live in their own module; importing it here, after every
# name it uses is defined, keeps their place in RULES (earlier rules win ties).
from nato_reader.core import timex_quarters as _quarters  # noqa: E402, F401
