"""Where a name runs on past the words the model gave it, or starts before them: a
product's designation ("Leopard 2A8"), an exercise's edition ("BALTOPS 24"), a unit's
number ("2nd Marine Division")."""

from __future__ import annotations

import re

from nato_reader.core.entity_rules import DESIGNATION, Candidate
from nato_reader.core.gazetteer import Gazetteer


def extend_designations(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    """"Leopard 2A8": a known product's name runs on through its variant's designation;
    "BALTOPS 24", "Zapad 2021": an exercise's name through its edition's year; "2nd
    Marine Division": a unit's name starts at its number."""
    for i, c in enumerate(cands):
        if c.label == "ORG" and (number := _UNIT_NUMBER.search(text, max(0, c.start - 8),
                                                                 c.start)):
            if _UNIT_HEAD.search(text, c.start, c.end) and (
                    i == 0 or cands[i - 1].end <= number.start()):
                c.start, c.canonical = number.start(), None
            continue
        known = gaz.lookup(c.surface(text))
        label = known.label if known is not None else c.label
        pattern = {"PRODUCT": DESIGNATION, "EVENT": _EDITION}.get(label)
        if pattern is None or not (more := pattern.match(text, c.end)):
            continue
        if i + 1 < len(cands) and cands[i + 1].start < more.end():
            continue
        c.end, c.canonical = more.end(), None
        if known is not None:
            c.label, c.locked = label, True  # the edition of a known exercise is one too


_EDITION = re.compile(r" (?:19|20)?\d\d(?![\w%-]|[.,]\d| (?:percent|troops|soldiers|ships|"
                      r"aircraft|nations|countries|allies)\b)")
_UNIT_NUMBER = re.compile(r"(?<![\w-])\d{1,3}(?:st|nd|rd|th) $")
_UNIT_HEAD = re.compile(r"\b(?:Division|Brigade|Regiment|Battalion|Fleet|Army|Corps|Squadron|"
                        r"Wing|Group|Company|Mechanised|Mechanized|Infantry|Airborne|Marine|"
                        r"Armoured|Armored)\b")
