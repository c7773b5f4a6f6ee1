"""Where a name runs on past the words the model gave it, or starts before them: a
company's legal form ("Gazprom PJSC"), a product's designation ("Leopard 2A8"), an
exercise's edition ("BALTOPS 24"), a unit's number ("2nd Marine Division")."""

from __future__ import annotations

import re

from nato_reader.core.entity_rules import DESIGNATION, LEGAL_FORMS, Candidate, SpanIndex
from nato_reader.core.gazetteer import Gazetteer


def extend_designations(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    """"Leopard 2A8": a known product's name runs on through its variant's designation;
    "BALTOPS 24", "Zapad 2021": an exercise's name through its edition's year; "2nd
    Marine Division": a unit's name starts at its number."""
    for i, c in enumerate(cands):
        form = _LEGAL_FORM_AFTER.match(text, c.end)
        if form and form.group(1) in LEGAL_FORMS and (
                i + 1 == len(cands) or cands[i + 1].start >= form.end()):
            c.end, c.canonical, c.label, c.locked = form.end(), None, "ORG", True
            continue  # "Gazprom PJSC", "Leonardo S.p.A.": a company, in the name it uses
        if _GENERIC_HEAD.fullmatch(text, c.start, c.end) and (
                word := _NAME_BEFORE.search(text, max(0, c.start - 30), c.start)) and (
                i == 0 or cands[i - 1].end <= word.start()):
            c.start, c.canonical = word.start(), None  # "Pituffik" + "Space Base"
            continue
        if c.label == "ORG" and (number := _UNIT_NUMBER.search(text, max(0, c.start - 8),
                                                                 c.start)):
            if (_UNIT_HEAD.search(text, c.start, c.end) and not c.locked
                    and gaz.lookup(c.surface(text)) is None
                    and not _MONTH_BEFORE.search(text, max(0, number.start() - 12),
                                                 number.start())
                    and (i == 0 or cands[i - 1].end <= number.start())):
                c.start, c.canonical = number.start(), None  # not "June 23rd Wagner Group"
            continue
        known = gaz.lookup(c.surface(text))
        label = known.label if known is not None else c.label
        if label == "EVENT" and _WAR.search(text, c.start, c.end):
            continue  # "World War II 27 million ...": a count, not an edition
        pattern = {"PRODUCT": DESIGNATION, "EVENT": _EDITION}.get(label)
        if pattern is None or not (more := pattern.match(text, c.end)):
            continue
        if i + 1 < len(cands) and cands[i + 1].start < more.end():
            continue
        c.end, c.canonical = more.end(), None
        if known is not None:
            c.label, c.locked = label, True  # the edition of a known exercise is one too


_GENERIC_HEAD = re.compile(r"(?:Air|Space|Naval|Air Force) Base|Airport|Airfield")
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'’-]+ $")
_LEGAL_FORM_AFTER = re.compile(r" ([A-Za-z./&]{2,5})(?![\w/&])")
# an edition's year: "BALTOPS 24", "Zapad 2021"; not "BALTOPS 50 years ago", "... 20 ships"
_EDITION = re.compile(r" (?:(?:19|20)\d\d|[0-3]\d)(?![\w%-]|[.,]\d| (?:years?|months?|"
                      r"days?|percent|million|thousand|troops|soldiers|ships|aircraft|"
                      r"nations|countries|allies|people)\b)")
_WAR = re.compile(r"\bWar\b")
_MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|"
                           r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
                           r"Aug|Sept?|Oct|Nov|Dec)\.? $")
_UNIT_NUMBER = re.compile(r"(?<![\w-])\d{1,3}(?:st|nd|rd|th) $")
_UNIT_HEAD = re.compile(r"\b(?:Division|Brigade|Regiment|Battalion|Fleet|Army|Corps|Squadron|"
                        r"Wing|Group|Company|Mechanised|Mechanized|Infantry|Airborne|Marine|"
                        r"Armoured|Armored)\b")


_FORMS_ALTERNATION = "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True))
_NOT_IN_NAME = r"(?!(?:The|A|An|And|But|Or|In|On|At|By|For|From|Of|To|With|Shares)\b)"
_COMPANY = re.compile(rf"(?<![\w-])((?:{_NOT_IN_NAME}[A-Z][\w-]+(?:['’](?!s )\w+)? ){{1,3}})"
                      rf"(?:{_FORMS_ALTERNATION})(?![\w/&])")


def add_companies(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Severstal PJSC" where the model saw only "PJSC" (a person, it thought), nothing,
    or the name and the form apart: capitalised words before a legal form are a company."""
    index = SpanIndex(cands)
    added, dropped = [], set()
    for m in _COMPANY.finditer(text):
        inside = index.overlapping(m.start(), m.end())
        if any(c.start < m.start() or c.end > m.end() for c in inside) or any(
                (c.start, c.end) == m.span() for c in inside):
            continue  # part of a longer name, or found already
        dropped.update(id(c) for c in inside)
        added.append(Candidate(m.start(), m.end(), "ORG", locked=True))
    if not added:
        return cands
    kept = [c for c in cands if id(c) not in dropped]
    return sorted(kept + added, key=lambda c: c.start)

