"""Names inside hyphenated words. News prose joins names with hyphens in three ways, and
the name stays a mention of its own in each:
- a lower-case prefix: "anti-Soviet", "pro-Kremlin", "ex-Yugoslav" (the model often
  misses the name, or takes the prefix into it: "Anti-Castro" as a person);
- a lower-case suffix: "Soviet-led", "NATO-backed", "Shahed-type";
- two names, as a modifier: "the U.N.-Iraq accord", "the Iraq-Kuwait border" -- two
  mentions, unless the compound is itself a known name ("Bosnia-Herzegovina") or an
  identity ("Cuban-Americans": both sides demonyms);
- a combining form and a demonym are one nationality adjective ("Franco-German",
  "Sino-Russian"), which the model often misses; so is a model code before the kind of
  machine it names ("two Su-30 fighters").
"""

from __future__ import annotations

import re

from nato_reader.core.entity_rules import Candidate, SpanIndex
from nato_reader.core.gazetteer import Gazetteer

_PREFIXED_NAME = re.compile(
    r"(?<![\w-])(?i:anti|pro|non|ex|post|pre|neo|pan|mid)-([A-Z][\w.]*)(?![\w-])")
_COMBINING = re.compile(r"(?<![\w-])(?:Franco|Anglo|Sino|Russo|Indo|Greco|Italo|Austro|"
                        r"Turco|Hispano|Luso|Serbo|Germano|Polono|Nippo)-([A-Z][a-z]+)(?![\w-])")
# "Soviet-led", "NATO-backed", "Kremlin-run"; not the syllables of a name ("Suk-yeol")
_SUFFIX = re.compile(r"-(?:[a-z]+-)*(?:[a-z]+ed|run|made|born|style|era|wide|speaking|bound|"
                     r"like|friendly|held|built|sponsored|funded)$")
_SUFFIXED_NAME = re.compile(r"(?<![\w-])([A-Z][\w.]*)-(?:[a-z]+ed|type|class|style|made|"
                            r"run|built|held|era|like|friendly)(?![\w-])")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def split_compounds(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Trim lower-case suffixes and split "Name-Name" modifiers into two mentions."""
    known = _known_labels(text, cands, gaz)
    out: list[Candidate] = []
    for c in cands:
        surface = c.surface(text)
        if "-" not in surface or any(ch.isspace() for ch in surface) or gaz.lookup(surface):
            out.append(c)
            continue
        m = _SUFFIX.search(surface)
        if m and m.start() > 0 and surface[0].isupper():
            c.end = c.start + m.start()
            surface = c.surface(text)
        out.extend(_split_pair(text, c, surface, known, gaz))
    return out


def _split_pair(text, c, surface, known, gaz) -> list[Candidate]:
    left, sep, right = surface.partition("-")
    if not sep or "-" in right or not left or not right:
        return [c]
    left_label, right_label = known(left), known(right)
    if left_label is None or right_label is None:
        return [c]
    if left_label == right_label == "NORP":
        return [c]  # "Cuban-American": an identity, one name
    if left_label == right_label and not _NEXT_WORD.match(text, c.end):
        return [c]  # not a modifier ("Austria-Hungary declared ..." is rare, but whole)
    mid = c.start + len(left)
    return [Candidate(c.start, mid, left_label), Candidate(mid + 1, c.end, right_label)]


def _known_labels(text: str, cands: list[Candidate], gaz: Gazetteer):
    """name -> its label: the gazetteer's (unless only valid in context), else that of a
    one-part mention of the same name in the text, else None."""
    in_text: dict[str, str] = {}
    for c in cands:
        surface = c.surface(text)
        if "-" not in surface:
            in_text.setdefault(surface, c.label)

    def label(name: str) -> str | None:
        entry = gaz.lookup(name)
        if entry is not None and not entry.context:
            return entry.label
        return in_text.get(name)
    return label


def add_prefixed_names(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """"anti-Soviet", "Shahed-type" where the model found nothing: the known name beside
    the prefix or suffix."""
    if "-" not in text:
        return cands
    known = _known_labels(text, cands, gaz)
    index = SpanIndex(cands)
    added = []
    for m in (*_PREFIXED_NAME.finditer(text), *_SUFFIXED_NAME.finditer(text)):
        start, end = m.span(1)
        if m.group(1).endswith(".") and "." not in m.group(1)[:-1]:
            end -= 1  # a full stop: "anti-Soviet."
        label = known(text[start:end])
        if label is None or index.overlapping(start, end):
            continue
        added.append(Candidate(start, end, label))
    return sorted(cands + added, key=lambda c: c.start) if added else cands


def add_compound_demonyms(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """"Franco-German", "Sino-Russian": one NORP, when the second part is a demonym."""
    if "-" not in text:
        return cands
    added, inside = [], []
    index = SpanIndex(cands)
    for m in _COMBINING.finditer(text):
        entry = gaz.lookup(m.group(1))
        if entry is None or entry.label != "NORP":
            continue
        overlapping = index.overlapping(m.start(), m.end())
        if any(c.start < m.start() or c.end > m.end() for c in overlapping):
            continue  # part of a longer name
        inside.extend(overlapping)  # the model's "Franco" of "Franco-German"
        added.append(Candidate(m.start(), m.end(), "NORP"))
    if not added:
        return cands
    gone = {id(c) for c in inside}
    return sorted([c for c in cands if id(c) not in gone] + added, key=lambda c: c.start)


# "two Su-30 fighters", "an An-26 transport", "CV90 combat vehicles": a model code the
# model missed, before the kind of machine it names
MACHINES = (r"(?:fighters?|jets?|bombers?|missiles?|tanks?|helicopters?|drones?|aircraft|"
            r"transports?|launchers?|systems?|interceptors?|rockets?|howitzers?|planes?|"
            r"(?:combat|fighting|armou?red|infantry) vehicles?)")
_CODE_BEFORE_MACHINE = re.compile(
    r"(?<![\w-])((?!G-?\d|COVID)[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Z]?)(?= (?:[\w-]+ )?"
    rf"{MACHINES}\b)")


def add_model_codes(text: str, cands: list[Candidate]) -> list[Candidate]:
    index = SpanIndex(cands)
    added = [Candidate(m.start(1), m.end(1), "PRODUCT")
             for m in _CODE_BEFORE_MACHINE.finditer(text)
             if not index.overlapping(m.start(1), m.end(1))]
    return sorted(cands + added, key=lambda c: c.start) if added else cands
