"""A one-word "person" that nothing shows to be a person is most likely a place.

News prose names a person in full the first time ("Mikael Lindqvist, a coast guard
officer"), then by surname; a title ("Mr.", "President") or what they do ("said", "told")
marks them too. The small model, for its part, takes many unfamiliar one-word names for
people: villages, islands, ports ("in Zupce", "Visby's harbour", "from Primorsk"). So a
one-word person the text never names in full, never titles, never lets speak and never
calls by a known first name is read as a place, which in this domain is the most common
kind of unfamiliar one-word name.
"""

from __future__ import annotations

import re

from nato_reader.core.entity_rules import TITLE_WORDS, Candidate
from nato_reader.core.gazetteer import Gazetteer

_PLACE_NOUNS = (r"(?:island|islands|village|town|city|port|harbour|harbor|region|district|"
                r"province|county|river|lake|bay|base|valley|peninsula|suburb|settlement)\b")
# What a person does or has right after their name ("Kurti told", "Hrim, 34, said",
# "Olena's husband", "Lindqvist, a coast guard officer"); a place rarely does these
# ("Uto, an island south of Stockholm" is a place).
_PERSON_AFTER = re.compile(
    r",\s+(?:\d{1,3}|who|whose)\b"
    r"|,\s+(?:a|an|the)\s+(?!(?:[\w-]+\s+)?" + _PLACE_NOUNS + r")"
    r"|['’]s\s+(?:wife|husband|son|daughter|mother|father|family|brother|sister|lawyer|"
    r"spokes\w+|office|party|government|administration|aides?|allies|remarks|comments|"
    r"words|visit|call)\b"
    r"|\s+(?:said|says|told|tells|added|asked|replied|wrote|writes|argued|insisted|warned|"
    r"urged|recalled|explained|admitted|denied|declined|smiled|laughed|spoke|speaks|met|"
    r"meets|thanked|praised|vowed|promised|resigned|accused|criticised|criticized|who|"
    r"himself|herself)\b")
# ... or what is done to them ("They thanked Hodges", "met Kurti", "quoted Hrim")
_PERSON_BEFORE = re.compile(r"\b(?:thanked|met|meets|praised|accused|criticised|criticized|"
                            r"told|asked|urged|invited|interviewed|quoted|congratulated|"
                            r"succeeded|replaced|appointed|elected|sacked|fired) $")
_FEATURE_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:island|islands|river|lake|"
                            r"bay|valley|peninsula)\b")
_AND_NAME = re.compile(r"\s+(?:and|or)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")
_TITLE_BEFORE = re.compile(r"(\S+)\s+$")


def places_for_lone_persons(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    """Relabel as GPE (LOC where an apposition calls it an island, a river ...) each
    one-word PERSON candidate that the text gives no sign of being a person."""
    full_name_words: set[str] = set()
    occurrences: dict[str, list[Candidate]] = {}
    for c in cands:
        surface = c.surface(text)
        if c.label == "PERSON" and " " in surface:
            full_name_words.update(surface.split())
        elif " " not in surface:
            occurrences.setdefault(surface, []).append(c)
    for surface, members in occurrences.items():
        persons = [c for c in members if c.label == "PERSON"]
        if (not persons or any(c.locked or c.canonical is not None for c in persons)
                or surface in full_name_words or surface in gaz.given_names
                or not surface[:1].isupper() or surface.isupper()):
            continue
        if any(_looks_like_a_person(text, c) for c in members):
            continue
        feature = any(_FEATURE_AFTER.match(text, c.end) for c in members)
        for c in persons:
            c.label = "LOC" if feature else "GPE"  # "Uto, an island": a natural feature


def _looks_like_a_person(text: str, c: Candidate) -> bool:
    # "Halloran and Smith met": what the pair does, the first one does too
    pair = _AND_NAME.match(text, c.end)
    after = pair.end() if pair else c.end
    if _PERSON_AFTER.match(text, after) or _PERSON_BEFORE.search(
            text, max(0, c.start - 16), c.start):
        return True
    before = _TITLE_BEFORE.search(text, max(0, c.start - 24), c.start)
    return before is not None and before.group(1).rstrip(",") in TITLE_WORDS
