"""Partial names that stand for a fuller name in the same text, beyond surnames and
acronyms (which entities._link_short_forms links). General news conventions:
- a person is often called by the first word(s) of their full name ("Saddam" after
  "Saddam Hussein", "Juan Miguel" after "Juan Miguel Gonzalez") when only one person in
  the text bears them;
- a person may be named in full only inside a named place or body ("the Harry S.
  Truman Library", then "Truman");
- an organisation is shortened to its last words ("the Security Council" after "the
  U.N. Security Council", "the Commission" after "the European Commission") when only
  one organisation in the text ends with them;
- a company is named without its legal form ("Crane" after "Crane Co."), whatever type
  the model gave the short name ("Milton Roy" after "Milton Roy Corp." is no person),
  or by its first words ("Compaq" after "Compaq Computer Corp.", "Mesa" after "Mesa
  Airlines").
"""

from __future__ import annotations

import re

from nato_reader.core.entity_context import INSTITUTION_HEADS
from nato_reader.core.entity_rules import LEGAL_FORMS, TITLE_WORDS, Candidate, normalise_name

# Heads of names that honour a person ("the Harry S. Truman Library", "John F. Kennedy
# Airport"); the words before them are that person's name.
_MEMORIALS = """
Library Museum Memorial Airport Center Centre Stadium Hall Prize Award Bridge Park
Hospital Building Avenue Street Boulevard Highway Square Dam Tower Trust
"""
_MEMORIAL_HEADS = INSTITUTION_HEADS | frozenset(_MEMORIALS.split())
_PLACE_AFTER = re.compile(r",? [A-Z]")  # "Oshkosh, Wis.", "Henley Street"
_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|from|to) $")
_LEGAL_FORMS = LEGAL_FORMS | frozenset({"&", "Co.,", "Inc.,", "Corp.,"})
# Last words that make a name a business's, legal form or not ("Mesa Airlines")
_TRADES = """
Airlines Airways Bank Bancorp Savings Communications Securities Investments Industries
Holdings Partners Broadcasting Technologies Technology Systems Motors Electronics
Pharmaceuticals Brewing Brewery Foods Petroleum Steel Telecom Entertainment Pictures
Trading Insurance Financial Bancshares Enterprises Laboratories Resources Energy
"""
_BUSINESS_HEADS = frozenset(_TRADES.split())


def _name(c: Candidate, text: str) -> str:
    return c.canonical or normalise_name(c.surface(text))


def _company(text: str, c: Candidate, words: tuple[str, ...],
             companies: set[tuple[tuple[str, ...], str]]) -> str | None:
    """The one company called `words` without its legal form ("Crane" = "Crane Co."), or
    by the first words of that ("Compaq" = "Compaq Computer Corp."): as an organisation,
    or as a one-word "person" or "place" where the text does not show one ("Mr. Kyle",
    "Oshkosh, Wis.", "in Henley")."""
    own = " ".join(words)  # "Dresdner Bank" is a business too: not its own longer form
    exact = {name for short, name in companies if short == words and name != own}
    if not exact and (c.label == "ORG" or (len(words) == 1 and _not_person_or_place(text, c))):
        exact = {name for short, name in companies
                 if len(short) > len(words) and short[:len(words)] == words and name != own}
    return exact.pop() if len(exact) == 1 else None


def _not_person_or_place(text: str, c: Candidate, strict: bool = True) -> bool:
    """Nothing around a "person" or "place" shows it is one; other types only when not
    `strict`."""
    if c.label == "PERSON":
        before = text[max(0, c.start - 6):c.start].split()
        return not (before and before[-1] in TITLE_WORDS)
    if c.label == "GPE":
        return not (_PLACE_AFTER.match(text, c.end)
                    or _PLACE_BEFORE.search(text, max(0, c.start - 12), c.start))
    return not strict


def link_partial_names(text: str, cands: list[Candidate]) -> None:
    """Give unlinked partial person, company and organisation names the canonical name of
    the one fuller name in the text they are part of."""
    first_words: dict[tuple[str, ...], set[str]] = {}  # leading words -> full names
    honoured: dict[str, set[str]] = {}
    # Indexed by their endings (organisations) and first word (companies), deduplicated,
    # so a text naming one body, or thousands of councils, stays linear.
    org_endings: dict[tuple[str, ...], set[str]] = {}  # ending -> (up to 2) longer names
    companies: dict[str, set[tuple[tuple[str, ...], str]]] = {}  # (without legal form, name)
    heading: dict[str, set[str]] = {}  # head noun -> names it heads but does not end
    for c in cands:
        words = tuple(c.surface(text).split())
        if len(words) < 2:
            continue
        if c.label == "ORG" and (words[-1] in _LEGAL_FORMS or words[-1] in _BUSINESS_HEADS):
            short = list(words)
            while len(short) > 1 and short[-1] in _LEGAL_FORMS:
                short.pop()
            short[-1] = short[-1].rstrip(",")
            companies.setdefault(short[0], set()).add((tuple(short), _name(c, text)))
        if c.label == "PERSON":
            for n in range(1, len(words)):
                first_words.setdefault(words[:n], set()).add(_name(c, text))
        elif words[-1] in _MEMORIAL_HEADS and len(words) >= 3:
            person = words[:-1]
            if all(w[:1].isupper() for w in person) and person[0] not in TITLE_WORDS:
                honoured.setdefault(person[-1], set()).add(" ".join(person))
        if c.label == "ORG":
            name = _name(c, text)
            for n in range(1, len(words)):
                _add_capped(org_endings, words[n:], name)
            for word in set(words[:-1]) & INSTITUTION_HEADS:  # "Council of the EU"
                _add_capped(heading, word, name)
    for c in cands:
        if c.canonical is not None or c.locked:
            continue
        words = tuple(c.surface(text).split())
        company = _company(text, c, words, companies.get(words[0], set())) if words else None
        if company:
            c.canonical, c.label, c.locked = company, "ORG", True
        elif c.label == "PERSON":
            full = (first_words.get(words)
                    or (honoured.get(words[0]) if len(words) == 1 else None) or set())
            if len(full) == 1:
                c.canonical, c.locked = next(iter(full)), True
        elif c.label == "ORG" and (len(words) >= 2 or _head_after_the(text, c, words)):
            longer = set(org_endings.get(words, ()))
            if len(words) == 1:
                longer |= heading.get(words[0], set())
            if len(longer) == 1:
                c.canonical, c.locked = longer.pop(), True
    _same_surface_same_entity(text, cands)


def _add_capped(index: dict, key, name: str) -> None:
    """Add `name` under `key`, keeping at most two: a link needs exactly one."""
    names = index.setdefault(key, set())
    if len(names) < 2:
        names.add(name)


def _head_after_the(text: str, c: Candidate, words: tuple[str, ...]) -> bool:
    """"the Commission" after "the European Commission": an institution's head noun
    alone, after "the", is the one body in the text it heads."""
    return (len(words) == 1 and words[0] in INSTITUTION_HEADS
            and text[max(0, c.start - 4):c.start].lower() == "the ")


def _same_surface_same_entity(text: str, cands: list[Candidate]) -> None:
    """One sense per text: a name linked to a fuller one is linked so wherever it occurs,
    whatever type the model gave it there ("Conner" PERSON after "Conner" linked)."""
    linked: dict[str, set[tuple[str, str]]] = {}
    for c in cands:
        surface = c.surface(text)
        if c.locked and c.canonical is not None and c.canonical != surface:
            linked.setdefault(surface, set()).add((c.canonical, c.label))
    for c in cands:
        if c.canonical is None and not c.locked and _not_person_or_place(text, c, strict=False):
            found = linked.get(c.surface(text), ())
            if len(found) == 1:
                (c.canonical, c.label), = found
                c.locked = True
