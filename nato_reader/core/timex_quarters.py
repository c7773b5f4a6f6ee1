"""Rules for parts of years: quarters ("the third quarter", "the year-ago period"),
halves ("the first half of 1990") and seasons ("last summer").

Registered into timex_rules.RULES right after the calendar rules (see the import at the
end of timex_rules).
"""

from __future__ import annotations

import re
from datetime import date

from nato_reader.core import timex_calendar as cal
from nato_reader.core.timex_lexicon import SEASON_NAME, YEAR4
from nato_reader.core.timex_rules import APPROX, REL_YEAR, rule, year_ref

_QREL = (r"(?P<rel>latest|current|last|past|previous|prior|next|coming|same|year-earlier|"
         r"year-ago|comparable|recent|this)")


@rule("quarter", rf"(?:(?:the|its|their)\s+)?(?:{_QREL}\s+)?"
      rf"(?:(?P<ypre>{YEAR4}|(?:this|last|next)\s+year's|fiscal\s+{YEAR4}(?:'s)?)\s+)?"
      r"(?:fiscal[-\s]+)?"
      r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]+(?:fiscal[-\s]+)?"
      rf"(?:-?period|quarter)(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR4}|{REL_YEAR})|"
      rf"\s+(?P<y2>{YEAR4}))?(?!\w)")
def _quarter(m, ctx):
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
         "fourth": 4, "4th": 4, "final": 4}[m["ord"].lower()]
    ypre = (m["ypre"] or "").lower().replace("fiscal", "").replace("'s", "").strip()
    year = year_ref(ctx.anchor, m["y"] or m["y2"] or ypre)
    rel = (m["rel"] or "").lower()
    if year is None:
        if ctx.anchor is None:
            return ("DATE", f"XXXX-Q{q}")
        year = ctx.anchor.year
        if rel in ("year-earlier", "year-ago", "comparable") or (
                q > cal.quarter_of(ctx.anchor) and (ctx.tense(m) == "past" or (
                    not rel and _results_reported(m, ctx)))):
            year -= 1  # a quarter still ahead has no results yet: last year's
    det = re.match(r"(?:the|its|their)\s+", m.group(0), re.IGNORECASE)
    if det and not m["rel"] and ctx.text.startswith("-", m.end("ord")) and _NOUN_AFTER.match(
            ctx.text, m.end()):
        # "the third-quarter loss": an adjective; the determiner belongs to the noun
        return ("DATE", f"{year:04d}-Q{q}", m.start() + det.end())
    return ("DATE", f"{year:04d}-Q{q}")


def _results_reported(m, ctx) -> bool:
    """"reports fourth-quarter results on March 12": results of a finished quarter; not
    "analysts expect third-quarter profit", "second-quarter figures are due"."""
    return bool(_RESULTS_AFTER.match(ctx.text, m.end()) and ctx.tense(m) != "future"
                and not _FORECAST_BEFORE.search(ctx.before(m, 60))
                and not _DUE_AFTER.search(ctx.after(m, 40)))


_FORECAST_BEFORE = re.compile(r"\b(?:expect|expects|expected|forecast|forecasts|predict|"
                              r"predicts|see|sees|estimate|estimates|project|projects)\b")
_DUE_AFTER = re.compile(r"\b(?:due|expected|scheduled|will|should|could|may|might)\b")
_RESULTS_AFTER = re.compile(r"\s+(?:results|earnings|figures|numbers|profits?|loss|losses|"
                            r"sales|revenues?|report)\b")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|in|ended|ending|and|or|to|for|on|at|that|when|as|"
                        r"was|were|is|with|from)\b)[a-z]")


def default_quarter(anchor: date | None) -> str:
    """The quarter a report published on `anchor` is about: the last one completed."""
    if anchor is None:
        return "XXXX-QX"
    return cal.relative(anchor, "Q", -1)


@rule("quarter_ref", r"(?:(?:the|its|their)\s+)?(?P<rel>latest|most\s+recent|year-ago|year-earlier|"
      r"comparable(?:\s+year-(?:ago|earlier))?|same|corresponding|prior-year|year-before)\s+"
      r"(?:fiscal\s+)?(?:quarter|period|three\s+months)(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|"
      r"(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year))?")
def _quarter_reference(m, ctx):
    rel = " ".join(m["rel"].lower().split())
    if rel in ("latest", "most recent"):
        return ("DATE", "@Q0|" + default_quarter(ctx.anchor))
    if rel in ("same", "corresponding", "comparable") and not m["tail"]:
        return None
    return ("DATE", "@Q-4|" + cal.relative(ctx.anchor, "Y", -1))


@rule("year_period", rf"the\s+(?P<y>{YEAR4})\s+(?:period|quarter)")
def _year_period(m, ctx):
    return ("DATE", f"@QY{m['y']}|{m['y']}")


@rule("year_ago_quarter", r"(?P<who>last\s+year's|a\s+year\s+(?:ago|earlier)|year-(?:ago|earlier))"
      r"(?=\s+(?:quarter|period|results?|profits?|net|loss|earnings|sales|level|figures?)\b)")
def _year_ago_adjective(m, ctx):
    return ("DATE", "@Q-4|" + cal.relative(ctx.anchor, "Y", -1))


@rule("half", rf"(?:the\s+)?(?P<ord>first|second|last|latter)[-\s]half(?:\s+of\s+"
      rf"(?:fiscal\s+)?(?P<y>{YEAR4}|{REL_YEAR}))")
def _half(m, ctx):
    year = year_ref(ctx.anchor, m["y"])
    half = 1 if m["ord"].lower() == "first" else 2
    return ("DATE", f"{year:04d}-H{half}" if year else f"XXXX-H{half}")


@rule("two_quarters", rf"(?:{APPROX}\s+)?(?:the\s+)?(?P<ord>first|second|last|latter)\s+"
      rf"(?:two|2)\s+(?:fiscal\s+)?quarters\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR4}|{REL_YEAR})\b")
def _two_quarters(m, ctx):
    """"The first two quarters of 1990" is the year's first half."""
    return _half(m, ctx)


@rule("season", rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+coming|"
      rf"the\s+past|the)\s+)?(?P<mod>(?:early|late|mid)[\s-]?)?(?P<s>{SEASON_NAME})"
      rf"(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?(?!\w)")
def _season(m, ctx):
    season = cal.SEASONS[m["s"].lower()]
    if m["y"]:
        return ("DATE", f"{m['y']}-{season}")
    rel = (m["rel"] or "").lower()
    if rel in ("", "the") and not re.search(r"(?:in|since|until|by|during|over|through|into|for|"
                                            r"of|this|last|next)\s+"
                                            r"(?:the\s+)?$", ctx.before(m, 14)):
        return None
    if m["s"].lower() == "fall" and not rel and not m["mod"]:
        return None  # "in fall" is rarer than the verb
    offset = {"last": -1, "the past": -1, "this past": -1, "next": 1, "the coming": 1,
              "this coming": 1}.get(rel, 0 if rel == "this" else None)
    if rel == "this past" and ctx.anchor is not None:
        return ("DATE", cal.season_value(ctx.anchor, season, None, "past"))
    return ("DATE", cal.season_value(ctx.anchor, season, offset, ctx.tense(m)))
