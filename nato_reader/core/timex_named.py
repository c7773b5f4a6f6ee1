"""Rules for sets ("every year", "weekly"), vague references ("now", "the past"),
holidays ("Christmas", "Thanksgiving Day") and spoken years ("nineteen ninety-one").

Registered after timex_rules and timex_relative: rule order breaks ties between
candidates of the same length.
"""

from __future__ import annotations

import re

from nato_reader.core import timex_calendar as cal
from nato_reader.core.timex_lexicon import (
    MONTHS,
    NUMBER,
    UNIT_WORD,
    WEEKDAY_NAME,
    WEEKDAYS,
    duration_value,
    parse_number,
    unit_of,
)
from nato_reader.core.timex_rules import rule

_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M",
              "hour": "PT1H", "minute": "PT1M", "morning": "XXXX-XX-XXTMO",
              "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI", "weekend": "XXXX-WXX-WE",
              "afternoon": "XXXX-XX-XXTAF", "decade": "P10Y", "season": "P1Y"}


@rule("set_every", r"(?P<q>every|each|per)\s+(?:(?P<other>other|single)\s+)?"
      rf"(?P<x>{WEEKDAY_NAME}|day|week|weekend|month|year|quarter|hour|minute|morning|"
      r"evening|night|afternoon|decade|season|(?-i:January|February|March|April|May|June|"
      r"July|August|September|October|November|December))\b")
def _set_every(m, ctx):
    x = m["x"].lower()
    if x.rstrip("s") in WEEKDAYS or x in WEEKDAYS:
        return ("SET", f"XXXX-WXX-{WEEKDAYS[x if x in WEEKDAYS else x.rstrip('s')] + 1}")
    if x in MONTHS:
        return ("SET", f"XXXX-{MONTHS[x]:02d}")
    value = _SET_UNITS[x]
    if (m["other"] or "").lower() == "other" and value.startswith("P"):
        value = value.replace("1", "2", 1)
    return ("SET", value)


@rule("set_every_n", rf"every\s+(?P<n>{NUMBER})\s+(?P<u>{UNIT_WORD})s?\b")
def _set_every_n(m, ctx):
    n, unit = parse_number(m["n"]), unit_of(m["u"])
    if unit is None or unit in ("WE", "SEASON"):
        return None
    return ("SET", duration_value(n, unit))


@rule("set_seasons", rf"(?:the\s+)?(?:past|last|next|coming)\s+(?P<n>{NUMBER})\s+"
      r"(?P<s>springs|summers|autumns|falls|winters)\b")
def _set_seasons(m, ctx):
    """"The past three summers": the same season over several years, a set of summers."""
    season = m["s"].lower()[:-1]
    return ("SET", f"XXXX-{cal.SEASONS[season]}") if season != "fall" else None


@rule("set_freq", r"(?P<f>once|twice|(?:three|four|five|six|\d+)\s+times)\s+(?:a|an|per|each)\s+"
      r"(?P<u>day|week|month|year|quarter|hour|minute|decade)\b")
def _set_freq(m, ctx):
    return ("SET", _SET_UNITS[m["u"].lower()])


@rule("set_adverb", r"\b(?P<w>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|"
      r"fortnightly)\b")
def _set_adverb(m, ctx):
    value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
             "yearly": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
             "biweekly": "P2W", "fortnightly": "P2W", "quarterly": "P3M"}[m["w"].lower()]
    if re.match(r"\s+(?:average|newspaper|paper|magazine|news|show|program|rate|"
                r"dividend|payment|report)", ctx.after(m)) or re.match(r"\s+[A-Z]", ctx.text[
                    m.end(): m.end() + 3]):
        return None
    return ("SET", value)


_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
         "at present": "PRESENT_REF", "the present": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
         "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
         "formerly": "PAST_REF", "the past": "PAST_REF",
         "in the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
         "soon": "FUTURE_REF", "a later date": "FUTURE_REF", "recent": "PAST_REF",
         "current": "PRESENT_REF", "future": "FUTURE_REF", "once": "PAST_REF",
         "earlier": "PAST_REF", "previously": "PAST_REF", "as soon as possible": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
         "someday": "FUTURE_REF", "some day": "FUTURE_REF"}


_MODAL_BEFORE = r"\b(?:will|would|could|may|might|can|shall|should|to)\s+$"


@rule("reference", r"\b(?P<w>right\s+now|now|currently|at\s+present|the\s+present|nowadays|"
      r"these\s+days|at\s+the\s+moment|more\s+recently|recently|lately|formerly|"
      r"the\s+past|the\s+(?:near\s+|distant\s+)?future|a\s+later\s+date|current|"
      r"future|previously|as\s+soon\s+as\s+possible|soon|the\s+(?:near|short)\s+term|some\s*day)\b")
def _reference(m, ctx):
    words = " ".join(m["w"].lower().split())
    after = ctx.after(m, 16)
    before = ctx.before(m, 12)
    if words == "now" and re.match(r"\s*(?:that|,\s*(?:if|as))\b", after):
        return None
    if words in ("current", "recent", "future"):
        # adjectives: keep the ones that date the noun ("current levels", "recent weeks")
        if re.match(r"\s*(?:account|affairs|events?|assets|liabilities|ly|generations?|"
                    r"wife|husband|and)\b", after) or (before.endswith(("the ", "its ", "their ")) \
                and words == "future" and not after.strip()):
            return None
        if words == "future" and not before.rstrip().endswith(("the", "in", "near")):
            return None
    if words == "soon" and (before.endswith(("as ", "too ", "how ", "very ")) or re.match(
            r"\s*(?:as|after|afterwards?|thereafter|before|enough)\b", after)):
        return None  # "as soon as they arrive", "soon after the war": not a time of its own
    if words == "soon" and not re.search(r"\b(?:will|would|may|might|could|can|shall|should|"
                                         r"must|to)\s+$", before) and not re.match(
                                             r"\s+(?:will|would|be|become)\b", after):
        return None  # only the pre-verbal "will soon decide", "it soon will": not "came soon"
    if words in ("someday", "some day") and not re.search(_MODAL_BEFORE, before):
        return None  # only the future "will someday be"
    if words == "the past" and re.match(r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|"
                                         r"nine|ten|few|several|many|couple)\b)", after):
        return None  # "the past three summers": a stretch counted back, not the past
    if words == "previously" and m.start() > ctx.sent_start:
        return None  # only "Previously, ..." opening a sentence dates it
    if words == "the near future":
        words = "the future"
    if words == "the distant future":
        words = "the future"
    return ("DATE", _REFS.get(words, "PRESENT_REF"))


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
             "independence day": (7, 4), "fourth of july": (7, 4), "halloween": (10, 31),
             "valentine's day": (2, 14), "boxing day": (12, 26), "bastille day": (7, 14),
             "armistice day": (11, 11), "veterans day": (11, 11), "remembrance day": (11, 11),
             "may day": (5, 1)}


def _thanksgiving(year: int) -> cal.date:
    first = cal.date(year, 11, 1)
    return first + cal.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _easter(year: int) -> cal.date:
    """Gregorian Easter Sunday (the anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return cal.date(year, month, day + 1)


@rule("holiday", r"(?-i:(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|"
      r"Independence\s+Day|Fourth\s+of\s+July|Halloween|Valentine's\s+Day|Boxing\s+Day|"
      r"Bastille\s+Day|Armistice\s+Day|Veterans\s+Day|Remembrance\s+Day|May\s+Day|"
      r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+[Ww]eek)?|Good\s+Friday))"
      r"(?:,?\s+(?P<y>(?:1[0-9]|20)\d\d)\b)?(?!\s+(?-i:Agreement|Accords?)\b)")
def _holiday(m, ctx):
    name = " ".join(m["h"].lower().replace("\u2019", "'").split())
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is None:
        fixed = _HOLIDAYS.get(name)
        return ("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX")
    else:
        year = None
    if name.startswith(("thanksgiving", "easter", "good friday")):
        shift = {"good friday": -2, "easter monday": 1}.get(name, 0)
        base = _thanksgiving if name.startswith("thanksgiving") else _easter

        def find(year: int) -> cal.date:
            return base(year) + cal.timedelta(days=shift)
        if year is None:  # the same choice as for a fixed date ("as Easter week began")
            here = find(ctx.anchor.year)
            year = cal.month_year(ctx.anchor, here.month, ctx.tense(m), here.day)
        if name == "easter week":  # the week that ends on Easter Sunday
            return ("DATE", cal.fmt_week(find(year)))
        return ("DATE", cal.fmt_day(find(year)))
    month, day = _HOLIDAYS[name]
    if year is None:
        year = cal.month_year(ctx.anchor, month, ctx.tense(m), day)
    return ("DATE", cal.fmt_day(cal.date(year, month, day)))


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"


@rule("spoken_year", rf"(?:the\s+year\s+)?(?:(?P<c>nineteen|twenty)[\s-]+(?P<rest>{_TENS}"
      rf"(?:[\s-]+{_UNITS_W})?|{_TEENS}|oh[\s-]+{_UNITS_W})|two\s+thousand(?:\s+(?:and\s+)?"
      rf"(?P<rest2>{_UNITS_W}|{_TEENS}|{_TENS}(?:[\s-]+{_UNITS_W})?))?)\b")
def _spoken_year(m, ctx):
    if m["c"]:
        century = 19 if m["c"].lower() == "nineteen" else 20
        rest = parse_number(m["rest"].lower().replace("oh", "").strip())
        if rest is None:
            return None
        year = century * 100 + int(rest)
    else:
        rest = parse_number(m["rest2"]) if m["rest2"] else 0
        year = 2000 + int(rest or 0)
    before = ctx.before(m, 12)
    if not m.group(0).lower().startswith("the year") and not re.search(
            r"(?:in|since|of|by|until|from|to|year|early|late|mid|and|,|\ba|\bthe)\s*$",
            before) and not re.match(r"[.;:]", ctx.text[m.end():m.end() + 1]):
        return None  # a year read out: after a preposition or article, or ending a phrase
    return ("DATE", cal.fmt_year(year))
