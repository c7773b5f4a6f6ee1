"""A one-word "person" that the text places somewhere, and never shows to be a person,
is a place.

The small model takes many unfamiliar one-word names for people: villages, islands,
ports ("oil from Primorsk", "Visby's harbour", "Uto, an island south of Stockholm").
A person, for their part, is named in full the first time ("Mikael Lindqvist, a coast
guard officer"), titled ("Mr.", "President") or shown speaking or acting. So a one-word
"person" becomes a place only where some occurrence has a sign of a place (a
preposition of place before it, a place noun after its possessive, an apposition that
calls it a place) and none has a sign of a person (a full name with it, a known first
name, a title, a verb of speech or action around it).
"""

from __future__ import annotations

import re

from nato_reader.core.entity_rules import TITLE_WORDS, Candidate
from nato_reader.core.gazetteer import Gazetteer

_PLACE_NOUNS = (r"(?:island|islands|village|town|city|port|harbour|harbor|region|district|"
                r"province|county|river|lake|bay|base|valley|peninsula|suburb|settlement)\b")
_FEATURE_NOUNS = r"(?:island|islands|river|lake|bay|valley|peninsula)\b"
# ", an island south of ...", ", a coast guard officer": an apposition, then what it says
_APPOSITION = r",\s+(?:a|an|the)\s+"
_ADJECTIVE = r"(?:[\w-]+\s+)?"
# Signs of a place: "from Primorsk", "in Qaanaaq and Ittoqqortoormiit", "Sidorova, 37, of
# Rezekne"; "Visby's harbour"; "Uto, an island". ("to" and "by" are left out: "a letter
# to Kowalski", "signed by Kowalski".)
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|from|at|near|off|outside|around|across|towards?|into|"
                           r"via) (?:[A-Z][\w'’-]+ (?:and|or) )?|, \d{1,3}, of )$")
_PLACE_AFTER = re.compile(
    r"['’]s (?:harbour|harbor|port|airport|outskirts|centre|center|mayor|residents|streets|"
    r"beaches|coast|old town)\b"
    r"|" + _APPOSITION + _ADJECTIVE + _PLACE_NOUNS)
_FEATURE_AFTER = re.compile(_APPOSITION + _ADJECTIVE + _FEATURE_NOUNS)
# Signs of a person: what they do or have right after their name ("Kurti told", "Hrim,
# 34, said", "Ryabkov also said", "Olena's husband", "Lindqvist, a coast guard officer")
_PERSON_AFTER = re.compile(
    r",\s+(?:\d{1,3}|who|whose)\b"
    r"|" + _APPOSITION + r"(?!" + _ADJECTIVE + _PLACE_NOUNS + r")"
    r"|['’]s\s+(?:wife|husband|son|daughter|mother|father|family|brother|sister|lawyer|"
    r"spokes\w+|office|party|government|administration|aides?|allies|remarks|comments|"
    r"words|visit|call)\b"
    r"|\s+(?:(?:also|then|later|has|had|was|is|will|would)\s+)?(?:said|says|told|tells|"
    r"added|asked|replied|wrote|writes|argued|insisted|warned|urged|recalled|explained|"
    r"admitted|denied|declined|smiled|laughed|spoke|speaks|met|meets|thanked|praised|"
    r"vowed|promised|resigned|accused|criticised|criticized|won|lost|signed|appointed|"
    r"elected|arrested|charged|sentenced|who|himself|herself)\b")
# ... or what is done to them ("They thanked Hodges", "said Kowalski", "arrested Halloran")
_PERSON_BEFORE = re.compile(r"\b(?:thanked|met|meets|praised|accused|criticised|criticized|"
                            r"told|asked|urged|invited|interviewed|quoted|congratulated|"
                            r"succeeded|replaced|appointed|elected|sacked|fired|said|says|"
                            r"by|arrested|charged|detained|sentenced|to|with) $")
_AND_NAME = re.compile(r"\s+(?:and|or)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")
_TITLE_BEFORE = re.compile(r"(\S+)\s+$")


def places_for_lone_persons(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    """Relabel as GPE (LOC where an apposition calls it an island, a river ...) each
    one-word PERSON candidate that the text places and never shows to be a person."""
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
        if not any(_looks_like_a_place(text, c) for c in members):
            continue
        feature = any(_FEATURE_AFTER.match(text, c.end) for c in members)
        for c in persons:
            c.label = "LOC" if feature else "GPE"  # "Uto, an island": a natural feature


def _looks_like_a_place(text: str, c: Candidate) -> bool:
    return bool(_PLACE_AFTER.match(text, c.end)
                or _PLACE_BEFORE.search(text, max(0, c.start - 40), c.start))


def _looks_like_a_person(text: str, c: Candidate) -> bool:
    # "Halloran and Smith met": what the pair does, the first one does too
    pair = _AND_NAME.match(text, c.end)
    after = pair.end() if pair else c.end
    if _PERSON_AFTER.match(text, after) or _PERSON_BEFORE.search(
            text, max(0, c.start - 16), c.start):
        return True
    before = _TITLE_BEFORE.search(text, max(0, c.start - 24), c.start)
    return before is not None and before.group(1).rstrip(",") in TITLE_WORDS


# Endings of Slavic place names that no common surname or body has: "Klishchiivka",
# "Hajnowka", "Kupiansk", "Novohrad", "Zelenodolsk"
_PLACE_ENDING = re.compile(r"(?:[iy]i?vka|[oó]wka|ovka|evka|ivske|sk|hrad|horod|gorod|grad)$")
_MISTYPED = ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "NORP", "FAC")


def places_by_ending(text: str, cands: list[Candidate]) -> None:
    """A one-word name with a Slavic place ending that the model took for something else,
    where nothing shows it to be a person, is a place."""
    for c in cands:
        surface = c.surface(text)
        if (c.label in _MISTYPED and not c.locked and c.canonical is None
                and " " not in surface and surface[:1].isupper() and not surface.isupper()
                and _PLACE_ENDING.search(surface) and not _looks_like_a_person(text, c)):
            c.label = "GPE"
