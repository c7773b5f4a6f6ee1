"""Words and regex fragments for the temporal tagger: numbers, units, months, weekdays."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
UNITS = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "C", "centurie": "C", "weekend": "WE", "season": "SEASON",
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

SMALL = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "half": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2, "both": 2,
}
VAGUE = {"several", "a few", "few", "some", "many", "a number of", "numerous", "the next few",
         "recent", "coming", "the coming", "the last few", "the past few", "those", "these"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "final": 4, "last": 4,
}

_WORD_NUMS = sorted((k for k in SMALL if " " not in k and k not in ("a", "an")),
                    key=len, reverse=True)
NUM_WORD = "|".join(_WORD_NUMS)
# "two", "twenty-four", "twenty four", "24", "2 1/2", "1.5", "a", "a couple of".
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}(?:\.\d+)?(?:\s+1/2)?|"
          rf"(?:{NUM_WORD})(?:[-\s](?:{NUM_WORD}))?"
          r"(?:\s+and\s+a\s+half)?|(?:a\s+)?couple\s+of|a\s+dozen|a\s+hundred|an?)")
VAGUE_NUM = r"(?:several|a\s+few|few|some|many|a\s+number\s+of|numerous)"
UNIT_WORD = (r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
             r"centur(?:y|ie))")
MONTH_NAME = (r"(?-i:January|February|March|April|May|June|July|August|September|October|"
              r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|"
              r"Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
WEEKDAY_NAME = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
SEASON_NAME = r"(?:spring|summer|autumn|fall|winter)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"

_VAGUE_START = re.compile("(?:" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")(?: |$)")
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is vague ("several")."""
    t = " ".join(re.sub(r"(?<=\d),(?=\d{3})", "", text.lower()).replace("-", " ").split())
    if t in SMALL:
        return SMALL[t]
    if _VAGUE_START.match(t):
        return None
    total = 0.0
    if t.endswith(" 1/2"):
        total += 0.5
        t = t[:-4]
    if t.endswith(" and a half"):
        total += 0.5
        t = t[: -len(" and a half")]
    tokens = _TOKEN.findall(t)
    if not tokens:
        return None
    value = 0.0
    for tok in tokens:
        if tok[0].isdigit():
            value += float(tok)
        elif tok == "hundred":
            value = max(value, 1) * 100
        elif tok in SMALL:
            value += SMALL[tok]
        elif tok in ("and", "of", "couple"):
            continue
        else:
            return None
    return value + total


def unit_of(word: str) -> str | None:
    """TIMEX3 unit for a unit word (plural or hyphenated forms accepted)."""
    w = word.lower().rstrip(".")
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS.get(w)


def duration_value(n: float | None, unit: str) -> str:
    """P3M, PT24H, P2Y6M, PXY ... TempEval writes decades and centuries in years."""
    if unit == "2W":
        n, unit = (None if n is None else n * 2), "W"
    if unit == "DE":
        n, unit = (None if n is None else n * 10), "Y"
        if n is None:
            return "PXDE"
    if unit == "C":
        n, unit = (None if n is None else n * 100), "Y"
        if n is None:
            return "PXC"
    if unit == "Q":  # TempEval writes quarters of a year in months
        n, unit = (None if n is None else n * 3), "M"
    if unit == "WE":
        return "P2D" if n in (None, 1) else f"P{int(n * 2)}D"
    time_unit = {"S": "S", "MIN": "M", "H": "H"}.get(unit)
    prefix = "PT" if time_unit else "P"
    letter = time_unit or unit
    if n is None:
        return f"{prefix}X{letter}"
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    whole = int(n)
    half = {"Y": (6, "M"), "M": (15, "D"), "W": (84, "H"), "D": (12, "H"),
            "H": (30, "M"), "MIN": (30, "S")}.get(unit)
    if half is None:
        return f"{prefix}{n:g}{letter}"
    amount, sub = half
    if unit in ("W", "D"):
        return f"P{whole}{letter}T{amount}{sub}" if whole else f"PT{amount}{sub}"
    return f"{prefix}{whole}{letter}{amount}{sub}" if whole else f"{prefix}{amount}{sub}"
