"""People the model missed or ran together with another name (called from
entities.consolidate, in its order of steps).

- A span of two or three capitalised words that opens with a known given name or ends in
  a surname ending of the region ("-yan", "-enko", "-shvili") is a person ("Mario
  Draghi", "Anahit Grigoryan" typed ORG), and so is a given name and the capitalised
  word after it where the model marked nothing ("Alexei Smirnov, the acting governor,
  ..." opening a paragraph); not "Roman Empire" or "Milan Cathedral".
- A span that joins two names with "and", the second a given name and a surname
  ("Prigozhin and Dmitry Utkin"), is two people.
- A "person" that opens with a nationality and has no given name ("Georgian Dream") is a
  body, and so is a name joined to a country by "for" in mid-sentence ("Gakharia for
  Georgia"): parties are named so.
- In a transcript, a speaker's surname in capitals before a colon at the start of a line
  ("SULLIVAN: The president directed ...") is the person the text names in full.
"""

from __future__ import annotations

import re

from nato_reader.core.entity_context import INSTITUTION_HEADS
from nato_reader.core.entity_rules import TITLE_WORDS, Candidate, SpanIndex, at_sentence_start
from nato_reader.core.gazetteer import Gazetteer

_WORD = r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?"
_GIVEN_AND_SURNAME = re.compile(rf"(?<![\w.-])({_WORD}) ({_WORD})(?![\w'’-]| [A-Z]|\.\w)")
_THE_BEFORE = re.compile(r"\b[Tt]he $")  # "the Roman Forum": a person takes no article
# a second word that makes a given name part of something else ("Roman Empire",
# "Christian Democrats", "Sofia Airport")
_OTHER_HEADS = """
Empire Forum Legion Legions Republic Senate Catholic Catholics Democrats Democratic Church
Orthodox Airport Square Street Avenue Bridge Station Palace Cathedral Island Islands Sea Day
River Lake Park Mosque Museum Theatre Theater Hall Tower Stadium Arena Hospital Gallery
Library Prize Award Cup
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
"""
_NOT_SURNAMES = INSTITUTION_HEADS | TITLE_WORDS | frozenset(_OTHER_HEADS.split())
_AND = " and "


# Surname endings of the region's languages, which no place or body name of two or three
# words ends in: "Anahit Grigoryan", "Ruben Vardanyan", "Oleksandr Syrskyi"
_SURNAME_ENDING = re.compile(r"[a-z](?:yan|enko|chuk|shvili|adze|escu|ovich|evich|ović|"
                             r"ević|skyi|ska|ski)$")


def given_name_persons(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    for c in cands:
        if c.locked or c.label == "PERSON":
            continue
        words = c.surface(text).split()
        if (2 <= len(words) <= 3
                and (words[0] in gaz.given_names or _SURNAME_ENDING.search(words[-1]))
                and all(w[:1].isupper() for w in words)
                and not any(w in _NOT_SURNAMES for w in words[1:])
                and words[0] not in TITLE_WORDS):
            c.label = "PERSON"


def add_missed_persons(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """A given name and a surname that nothing covers, or only the model's one-word spans
    on them ("Alexei" + "Smirnov" typed NORP, "Ruben" ORG + "Vardanyan"), as a person."""
    index = SpanIndex(cands)
    added: list[Candidate] = []
    dropped: set[int] = set()
    for m in _GIVEN_AND_SURNAME.finditer(text):
        if (m.group(1) not in gaz.given_names or m.group(2) in _NOT_SURNAMES
                or m.group(2) in gaz.entries
                or _THE_BEFORE.search(text, max(0, m.start() - 4), m.start())):
            continue
        inside = index.overlapping(m.start(), m.end())
        if any(c.locked or (c.start, c.end) not in (m.span(1), m.span(2))
               or ((c.start, c.end) == m.span(1) and c.label in ("GPE", "LOC", "FAC"))
               for c in inside):
            continue  # "Milan Linate": a city's airport
        dropped.update(id(c) for c in inside)
        added.append(Candidate(m.start(), m.end(), "PERSON"))
    if not added:
        return cands
    kept = [c for c in cands if id(c) not in dropped]
    return sorted(kept + added, key=lambda c: c.start)


def split_joined_persons(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """"Prigozhin and Dmitry Utkin" taken as one span: two people."""
    out: list[Candidate] = []
    for c in cands:
        surface = c.surface(text)
        cut = surface.rfind(_AND)
        right = surface[cut + len(_AND):] if cut > 0 else ""
        m = _GIVEN_AND_SURNAME.fullmatch(right)
        if c.locked or m is None or m.group(1) not in gaz.given_names or (
                m.group(2) in _NOT_SURNAMES):
            out.append(c)
            continue
        left = surface[:cut]
        left_label = "PERSON" if len(left.split()) <= 2 and not (
            set(left.split()) & INSTITUTION_HEADS) else c.label
        out.append(Candidate(c.start, c.start + cut, left_label))
        out.append(Candidate(c.start + cut + len(_AND), c.end, "PERSON"))
    return out


_SPEAKER = re.compile(r"^([A-Z][A-Z'’-]{2,}):\s", re.MULTILINE)


def add_speakers(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Transcript speaker labels of people the text names in full, as those people."""
    if ":" not in text:
        return cands
    full_names: dict[str, Candidate] = {}
    for c in cands:
        words = c.surface(text).split()
        if c.label == "PERSON" and len(words) >= 2:
            full_names.setdefault(words[-1].upper(), c)
    index = SpanIndex(cands)
    added = []
    for m in _SPEAKER.finditer(text):
        person = full_names.get(m.group(1))
        if person is not None and not index.overlapping(*m.span(1)):
            name = person.canonical or " ".join(person.surface(text).split())
            added.append(Candidate(*m.span(1), "PERSON", name, locked=True))
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


def parties_not_persons(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """"Georgian Dream" typed PERSON, "Gakharia" + "for" + "Georgia": bodies."""
    out: list[Candidate] = []
    for c in cands:
        words = c.surface(text).split()
        if (c.label == "PERSON" and not c.locked and 2 <= len(words) <= 3
                and words[0] in gaz.demonyms and not _SURNAME_ENDING.search(words[-1])
                and not any(w in gaz.given_names or w in gaz.surnames for w in words[1:])):
            c.label = "ORG"
        prev = out[-1] if out else None
        if (prev is not None and c.label == "GPE" and text[prev.end:c.start] == " for "
                and " " not in prev.surface(text) and not prev.locked
                and prev.label in ("GPE", "ORG") and not at_sentence_start(text, prev.start)
                and gaz.canonical_of(prev.surface(text)) is None
                and text[c.end:c.end + 2] not in ("'s", "’s")):
            out[-1] = Candidate(prev.start, c.end, "ORG")
            continue
        out.append(c)
    return out


def names_in_full(text: str, cands: list[Candidate],
                  gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """Surnames and first names of the people the text names in full (a person, or two
    or three capitalised words opening with a known given name), so that "Antonov" after
    "Anatoly Antonov" stays the man and "Michal" after "Michal Simecka" no other Michal."""
    surnames: set[str] = set()
    first_names: set[str] = set()
    for c in cands:
        words = c.surface(text).split()
        known = gaz.lookup(" ".join(words))
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) and (
                c.label == "PERSON" or words[0] in gaz.given_names
                or getattr(known, "label", None) == "PERSON") and not (
                set(words) & _NOT_SURNAMES):
            surnames.add(words[-1])
            first_names.add(words[0])
    return surnames, first_names - surnames


def is_part_of_a_name_in_full(surface: str, label: str, gaz: Gazetteer,
                              in_full: tuple[set[str], set[str]]) -> bool:
    """Whether a one-word name is the first name, or the surname, of someone the text
    names in full, so the gazetteer must not name it: "Anatoly Antonov ... Antonov said"
    is the man, not the aircraft maker (but "Vernon Jordan ... in Amman, Jordan" is the
    country where the model says so)."""
    surnames, first_names = in_full
    known = getattr(gaz.lookup(surface), "label", "PERSON")
    return surface in first_names or (surface in surnames and known != "PERSON" and (
        label == "PERSON" or known in ("ORG", "PRODUCT")))
