"""Places, waterways and bodies that the model mistyped or missed, read from the words
around them (called from entities.consolidate, in its order of steps).

Each is a general convention of English news prose:
- after "near" or "the village of" a capitalised word is a place, even one the model
  missed ("near Tokmak");
- a "person" after "through the", "across the" is a waterway or another feature (LOC),
  and so is a name coordinated with it ("the Bosphorus and the Dardanelles"), and a
  "person" before "river", "delta" or "ports" ("Danube ports");
- where people meet, live or train is a place ("meeting in Tiraspol", "a training
  ground in Orzysz"), and so is a name before "border crossings";
- in a list of three or more names that holds a place, after a plural noun of places,
  the others are places too ("municipalities, including Zvecan, Leposavic and Zubin
  Potok");
- a sentence that opens "Energoatom, the state operator, ..." names a body, and so do
  capitalised words after "its" that end in a word like "Mechanism" or "Agency";
- a name after a site ("a battlegroup at Cincu", "the missile defence site at Deveselu"),
  after a route ("runs from Inkoo") or in "the ports of Izmail and Reni" is a place;
- a name after a word for a firm ("aircraft maker Antonov", "grid operator Elering",
  "state-owned Aselsan", "the civil aviation authority, Rosaviatsia,") is a body;
- a name in apposition with a weapon ("the Liutyi, a fixed-wing drone") is a product, and
  one in apposition with a unit ("Rubikon, an elite drone centre whose ...") a body;
- whole names the model cut or ran on: "the Krasnaya Yaruga district", "the Mihail
  Kogalniceanu Air Base", "the Bucharest Nine"; "the Kursk Nuclear Power Plant in
  Kurchatov" is the plant and its town;
- "the Baltic" or "the Oskil" in a text that names the "Baltic Sea" or the "Oskil River"
  is that sea or river.
"""

from __future__ import annotations

import re

from nato_reader.core.entity_rules import TITLE_WORDS, Candidate, SpanIndex
from nato_reader.core.gazetteer import Gazetteer

_NAME = r"[A-Z][^\W\d_]*(?:-[A-Za-z]\w*|['’](?!s\b)[A-Za-z]\w*)?"  # "Ust-Luga", not "X's"
_CALENDAR = """
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter The A An
"""
_NOT_NAMES = frozenset(_CALENDAR.split())
# "near Tokmak", "the village of Przewodów": one or two capitalised words, the whole name
_PLACE_AFTER = re.compile(rf"(?<![\w-])(?:near|the (?:town|city|village|port) of) "
                          rf"({_NAME}(?: {_NAME})?)(?![\w'’-]| [A-Z])")
_FEATURE_FIRST = frozenset({"Lake", "Mount", "Cape", "River", "Gulf", "Mountains"})
# ("to the Times" may be a newspaper the model took for a person: no "to", "from", "on")
_MOTION = (r"(?:through|across|along|cross|crossed|crosses|crossing|into|via|up|down|over|"
           r"beyond|past|near)")
_THE_FEATURE = re.compile(rf"(?<![\w-]){_MOTION} the ({_NAME})(?: and the ({_NAME}))?"
                          r"(?![\w'’-]| [A-Z])")
_FEATURE_AFTER = re.compile(r" (?:river|delta|estuary|basin|valley|coast|coastline|ports)\b")
# where people gather, live or train: "meeting in Tiraspol", "a training ground in Orzysz"
_GATHER_IN = re.compile(
    r"\b(?:meet|meets|meeting|met|based|headquartered|stationed|deployed|gathered|arrived|"
    r"born|lives|lived|living|ground|range|base|summit|talks|protests?|residents|fighting|"
    r"clashes) in $")
# "border" needed: "Taliban checkpoints" are a group's
_CROSSING_AFTER = re.compile(rf"(?: (?:and|or) {_NAME})? (?:border (?:crossings?|checkpoints?|"
                             r"posts?)|crossing points?)\b")
BODY_NOUNS = (r"(?:operator|company|firm|utility|newspaper|daily|broadcaster|agency|"
              r"manufacturer|maker|producer|conglomerate|lender|insurer|airline|exporter|"
              r"importer|supplier|contractor|regulator|watchdog|monopoly|giant|authority|"
              r"commodity trader|trading house)")
# "Energoatom, the state nuclear operator, said": a body the model missed
_BODY_OPENING = re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n))({_NAME}), (?:the|a|an) "
                           rf"(?:(?!of |at |for |with )[\w-]+ ){{0,3}}{BODY_NOUNS}, ")
# generic words of a feature's name: "the Suwalki Gap", "the Lachin Corridor"
FEATURE_HEADS = (r"(?:Gap|Corridor|Strait|Straits|Pass|Isthmus|Peninsula|Spit|Lagoon|Heights|"
                 r"Plateau|Basin|Delta|Valley|Gulf|Bay|Forest|Marshes|Mountains|Hills)")
NUCLEAR_PLANT = r"nuclear (?:power )?(?:plant|station)"
# words that open a sentence with a comma and are no names ("However, the company, ...")
_CONNECTIVE_WORDS = """
However Meanwhile Nevertheless Nonetheless Still Instead Separately Earlier Later Yesterday
Today Now Then Also Besides Moreover Furthermore Otherwise Overall Indeed Elsewhere Again
Similarly Likewise Consequently Therefore Thus Hence Finally Afterwards Previously Initially
Regardless Nationwide Abroad Here There Yet
"""
_CONNECTIVES = frozenset(_CONNECTIVE_WORDS.split())
_INSTITUTION_ENDS = (r"(?:Mechanism|Facility|Agency|Council|Commission|Committee|Office|"
                     r"Fund|Service|Authority|Bureau|Board|Institute|Centre|Center)")
# "through its Civil Protection Mechanism": capitalised words after a determiner
_BODY_AFTER_DETERMINER = re.compile(
    rf"(?<![\w-])(?:its|their|the|his|her|our) ((?:{_NAME} ){{1,3}}{_INSTITUTION_ENDS})"
    r"(?![\w'’-]| [A-Z])")


# "a French-led battlegroup at Cincu", "a pumping station at Unecha", "runs from Inkoo"
_SITE_BEFORE = (r"(?:base|bases|site|battlegroup|station|plant|terminal|facility|depot|airfield|"
                r"airport|refinery|camp|garrison|range|shipyard|factory) (?:at|in|near)|"
                r"(?:runs|run|running|ran|stretches|stretching|flows|flowing) from")
_PLACE_AFTER_SITE = re.compile(rf"(?<![\w-])(?:{_SITE_BEFORE}) ({_NAME})(?![\w'’-]| [A-Z])")
# "the Danube ports of Izmail and Reni", "the towns of Lyman, Siversk and Bakhmut"
_PLACES_OF = re.compile(rf"\b(?:ports|towns|cities|villages|settlements) of "
                        rf"((?:{_NAME}(?:, | and | or )){{1,6}}{_NAME})(?![\w'’-]| [A-Z])")
# "villages of Kvemo Kartli": one name, a "person" only ("the ports of CK Hutchison" is a
# firm's, "the cities of Generation Z" nobody's)
_VILLAGES_OF = re.compile(rf"\b(?:villages|towns) of ({_NAME}(?: {_NAME})?)(?![\w'’-]| [A-Z])")
# "aircraft maker Antonov", "state-owned Aselsan" ("shares in" may name a market:
# "shares in Shanghai rose")
_BODY_BEFORE = re.compile(rf"(?<![\w-])(?:{BODY_NOUNS}|[Ss]tate-(?:owned|run|controlled)) "
                          rf"({_NAME}(?: {_NAME}){{0,2}})(?![\w’-]| [A-Z])|"
                          rf"(?<![\w-]){BODY_NOUNS}, ({_NAME}(?: {_NAME}){{0,2}}),|"
                          rf"(?<![\w-])({_NAME}), the (?:[\w-]+ ){{0,3}}{BODY_NOUNS}[,.]")
WEAPON_NOUNS = (r"(?:drone|missile|rocket|tank|jet|fighter|bomber|aircraft|helicopter|"
                r"howitzer|interceptor|warship|frigate|corvette|cruiser|destroyer|submarine|"
                r"tanker|freighter|vessel|ship)")
# "the Liutyi, a fixed-wing drone made by Antonov"
_WEAPON_APPOSITION = re.compile(rf"\bthe ({_NAME}(?:[- ][A-Z0-9][\w-]*)?), (?:a|an) "
                                rf"(?:[\w-]+ ){{0,3}}{WEAPON_NOUNS}s?\b")
# "Rubikon, an elite drone centre whose operators ...": a unit, not a person ("Frankfurt,
# a financial centre," stays a city: a centre only makes a body of a "person")
_UNIT_APPOSITION = re.compile(
    rf"(?<![\w-])({_NAME}), (?:a|an|the) (?:[\w-]+ ){{0,3}}(?:(?P<unit>unit|brigade|battalion|"
    r"regiment|squadron|militia)|centre|center)(?=[,.;:]| (?:in|that|which|whose|with|of|near|"
    r"at|on|based|set|formed|created)\b)")
_MISTYPED_PLACE = ("PERSON", "ORG", "NORP", "WORK_OF_ART")


def _retype(index: SpanIndex, start: int, end: int, label: str, wrong: tuple[str, ...]) -> bool:
    """Give the candidate spanning exactly [start, end) `label` if the model gave it one of
    `wrong`; whether any candidate overlaps the span."""
    found = index.overlapping(start, end)
    if (len(found) == 1 and (found[0].start, found[0].end) == (start, end)
            and found[0].label in wrong and not found[0].locked):
        found[0].label, found[0].locked = label, True
    return bool(found)


def add_missed_places(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Places and bodies the model did not mark, found by the words around them."""
    index = SpanIndex(cands)
    added: list[Candidate] = []
    taken: set[int] = set()

    def add(start: int, end: int, label: str) -> None:
        if start not in taken and not index.overlapping(start, end):
            taken.add(start)
            added.append(Candidate(start, end, label, locked=True))

    for m in _PLACE_AFTER.finditer(text):
        words = m.group(1).split()
        if words[0] not in _NOT_NAMES and not any(w in TITLE_WORDS for w in words):
            add(*m.span(1), "LOC" if words[0] in _FEATURE_FIRST else "GPE")
    for m in _THE_FEATURE.finditer(text):
        first = index.overlapping(*m.span(1))
        if (len(first) != 1 or (first[0].start, first[0].end) != m.span(1)
                or first[0].label not in ("PERSON", "LOC")):
            continue
        if first[0].label == "PERSON" and not first[0].locked:
            first[0].label, first[0].locked = "LOC", True  # "through the Bosphorus"
        if m.group(2):
            second = index.overlapping(*m.span(2))
            if not second:
                add(*m.span(2), "LOC")
            elif second[0].label in ("PERSON", "GPE", "ORG") and not second[0].locked:
                second[0].label, second[0].locked = "LOC", True  # "... and the Dardanelles"
    for m in _BODY_OPENING.finditer(text):
        if m.group(1) not in _CONNECTIVES and not m.group(1).endswith("ly"):
            add(*m.span(1), "ORG")
    for m in _BODY_AFTER_DETERMINER.finditer(text):
        add(*m.span(1), "ORG")
    for m in _PLACE_AFTER_SITE.finditer(text):
        name = m.group(1)
        if name not in _NOT_NAMES and name not in TITLE_WORDS and not _retype(
                index, *m.span(1), "GPE", _MISTYPED_PLACE):
            add(*m.span(1), "GPE")
    for m in _VILLAGES_OF.finditer(text):
        _retype(index, *m.span(1), "GPE", ("PERSON",))
    for m in _PLACES_OF.finditer(text):
        for name in re.finditer(_NAME, m.group(1)):
            span = (m.start(1) + name.start(), m.start(1) + name.end())
            if name.group() not in _NOT_NAMES and not _retype(index, *span, "GPE",
                                                              _MISTYPED_PLACE):
                add(*span, "GPE")
    for m in _BODY_BEFORE.finditer(text):
        # "aircraft maker Antonov", "the authority, Rosaviatsia,", "Gunvor, the trader,"
        group = next(i for i in (1, 2, 3) if m.group(i))
        words = m.group(group).split()
        if words[0] in _CONNECTIVES or words[0].endswith("ly"):
            continue  # "However, the company, which ..."
        if words[0] not in _NOT_NAMES and not any(w in TITLE_WORDS for w in words) and (
                not _retype(index, *m.span(group), "ORG", ("PERSON", "GPE", "NORP", "LOC"))):
            add(*m.span(group), "ORG")
    for m in _WEAPON_APPOSITION.finditer(text):
        if not _retype(index, *m.span(1), "PRODUCT", ("PERSON", "ORG", "GPE", "NORP")):
            add(*m.span(1), "PRODUCT")
    for m in _UNIT_APPOSITION.finditer(text):
        if m.group(1) in _CONNECTIVES:
            continue
        wrong = ("PERSON", "GPE", "NORP") if m.group("unit") else ("PERSON",)
        if not _retype(index, *m.span(1), "ORG", wrong) and m.group("unit"):
            add(*m.span(1), "ORG")  # a unit the model missed; a "centre" may be a city's
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


# "the Krasnaya Yaruga district", "the Mihail Kogalniceanu Air Base", "the Bucharest Nine"
_WHOLE_NAMES = (
    (re.compile(rf"\bthe ((?:{_NAME} ){{0,2}}{_NAME}) (?:district|region|oblast|province)s?\b"),
     "GPE"),
    (re.compile(rf"(?<![\w-])((?:{_NAME} ){{1,3}}(?:Air Base|Naval Base|Air Station))\b"), "FAC"),
    (re.compile(rf"(?:\bthe |^)({_NAME} (?:Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve))"
                r"(?![\w-])", re.MULTILINE), "GROUP"),
)
# words that open a sentence and no name: "Visiting Ramstein Air Base, ..."
_NOT_NAME_START = re.compile(r"[A-Z][a-z]+ing$")
# "the Kursk Nuclear Power Plant in Kurchatov": the plant, then its town
_SITE_IN_TOWN = re.compile(rf"(.+ (?:Plant|Station|Base|Airport|Port|Terminal|Dam|Bridge)) "
                           rf"(?:in|near|at) ({_NAME})")


def whole_names(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Names the model cut short, ran on or missed, by their generic last word; a group of
    places by its number only after a place the gazetteer knows ("the Bucharest Nine", not
    "the Phase Three trial")."""
    index = SpanIndex(cands)
    dropped: set[int] = set()
    added: list[Candidate] = []
    for pattern, kind in _WHOLE_NAMES:
        label = "ORG" if kind == "GROUP" else kind
        for m in pattern.finditer(text):
            start, end = m.span(1)
            words = m.group(1).split()
            first = words[0]
            if len(words) > 2 and (_NOT_NAME_START.match(first) or first in _CONNECTIVES):
                start += len(first) + 1  # "Visiting Ramstein Air Base"
                first = words[1]
            if kind == "GROUP" and getattr(gaz.lookup(first), "label", None) != "GPE":
                continue
            inside = index.overlapping(start, end)
            if first in _NOT_NAMES or any(
                    c.locked or c.start < start or c.end > end or c.label == "NORP"
                    for c in inside):
                continue
            if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
                if inside[0].label in ("PERSON", "ORG", "LOC", "LAW", "WORK_OF_ART"):
                    inside[0].label = label
                continue
            dropped.update(id(c) for c in inside)
            added.append(Candidate(start, end, label, locked=True))
    for c in cands:
        m = _SITE_IN_TOWN.fullmatch(c.surface(text)) if c.label == "FAC" else None
        if m and not c.locked:
            dropped.add(id(c))
            added.append(Candidate(c.start, c.start + m.end(1), "FAC"))
            added.append(Candidate(c.start + m.start(2), c.start + m.end(2), "GPE"))
    if not added:
        return cands
    kept = [c for c in cands if id(c) not in dropped]
    return sorted(kept + added, key=lambda c: c.start)


_FEATURE_WORDS = frozenset({"Sea", "Ocean", "River", "Strait", "Gulf", "Lagoon", "Bay"})
# "The Irish government", "the Caspian states": an adjective before its noun, no sea
_NOUN_AFTER = re.compile(r" (?!(?:is|was|are|were|has|had|and|or|in|at|on|near|off|to|from|"
                         r"where|which|that|for|with|between|after|before|during|into|since|"
                         r"became|remained|saw)\b)[a-z]")


def link_features(text: str, cands: list[Candidate]) -> None:
    """"the Baltic" after "the Baltic Sea": the sea, one row; a city of a river's name
    ("Dnipro" without "the") stays the city."""
    full: dict[str, Candidate] = {}
    for c in cands:
        words = c.surface(text).split()
        if c.label == "LOC" and len(words) == 2 and words[1] in _FEATURE_WORDS:
            full.setdefault(words[0], c)
    if not full:
        return
    for c in cands:
        named = full.get(c.surface(text))
        if named is not None and text[max(0, c.start - 4):c.start].lower() == "the " and (
                c.label in ("LOC", "PERSON", "ORG", "NORP")) and not _NOUN_AFTER.match(
                text, c.end):
            c.canonical, c.label = named.canonical or named.surface(text), "LOC"


def places_by_neighbours(text: str, cands: list[Candidate]) -> None:
    """Types from the words around a one-word name that nothing above decided."""
    places_at = {c.start for c in cands if c.label in ("GPE", "LOC")}
    for c in cands:
        word = text[c.start:c.end]
        if c.locked or " " in word or text[c.end:c.end + 1] in ("'", "’"):
            continue
        if c.label == "PERSON" and _FEATURE_AFTER.match(text, c.end):
            c.label = "LOC"  # "Danube ports", "the Tisza delta"
        elif c.label in ("PERSON", "ORG") and (
                _GATHER_IN.search(text, max(0, c.start - 16), c.start)
                or _CROSSING_AFTER.match(text, c.end)
                or _TOWN_APPOSITION.match(text, c.end)
                or (c.label == "ORG" and _NEAR_BEFORE.search(text, max(0, c.start - 40),
                                                            c.start))
                or _after_route_from_place(text, c.start, places_at)):
            c.label = "GPE"  # "Jermuk, a spa town", "near Klishchiivka and Andriivka"
    _places_in_lists(text, cands)


_TOWN_APPOSITION = re.compile(r", (?:a|an|the) (?:[\w-]+ ){0,2}(?:town|village|city|port|"
                              r"suburb|settlement|municipality|junction|hub|stronghold)\b")
# "runs from Inkoo on the Finnish coast to Paldiski"
_FROM_TO = re.compile(rf"\bfrom ({_NAME})[^.,;:]{{0,40}} to $")


def _after_route_from_place(text: str, start: int, places_at: set[int]) -> bool:
    """Whether the name at `start` ends a route that starts at a place."""
    m = _FROM_TO.search(text, max(0, start - 60), start)
    return m is not None and m.start(1) in places_at


_NEAR_BEFORE = re.compile(rf"\bnear (?:{_NAME} (?:and|or) )?$")
_LIST_GAP = re.compile(r",? (?:and|or) |, ")
_PLACES_BEFORE_LIST = re.compile(r"\b(?:municipalities|villages|towns|cities|communities|"
                                 r"settlements|regions|districts|provinces|oblasts|ports|"
                                 r"islands)\b[^.;:]*$")


def _places_in_lists(text: str, cands: list[Candidate]) -> None:
    """"four northern municipalities, including Zvecan, Leposavic and Zubin Potok": in a
    list of three or more names that holds a place, after a plural noun of places, the
    names nothing else decided are places too."""
    chain: list[Candidate] = []
    for c in [*cands, None]:
        if c is not None and chain and _LIST_GAP.fullmatch(text, chain[-1].end, c.start):
            chain.append(c)
            continue
        if len(chain) >= 3 and any(m.label == "GPE" for m in chain) and (
                _PLACES_BEFORE_LIST.search(text, max(0, chain[0].start - 60), chain[0].start)):
            for m in chain:
                if not m.locked and m.label in ("ORG", "PERSON"):
                    m.label = "GPE"
        chain = [c] if c is not None else []

