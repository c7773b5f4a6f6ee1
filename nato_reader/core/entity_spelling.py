"""The name the side panel shows: the fullest name the article itself uses, in its own
spelling.

The gazetteer merges spellings and other names into one entity ("Volodymyr Zelenskiy",
"Volodymyr Zelenskyy" -> Volodymyr Zelensky; "Britain" -> United Kingdom). That decides
the type and the merge, but a reader of an article that writes "Volodymyr Zelenskiy"
expects that spelling in the panel and the export, not one the article never uses. So,
as the last step, an entity the gazetteer named takes its fullest full name in the
article. Kept as they are: a gazetteer name the article uses itself; short forms, which
stand for the full name ("Stoltenberg", "Wagner"); acronyms ("United States" for "U.S."),
which a reader knows better than their expansions; demonyms, whose canonical form is the
adjective. An entity the gazetteer names by its acronym takes the expansion where the
article spells it out ("Group of Seven" for "G7", "High Mobility Artillery Rocket
System" for "HIMARS"), not another name of it ("North Atlantic Alliance" for NATO); and
NATO, the library's own subject, is NATO in every article (`keep_name` in the gazetteer).

A company the gazetteer knows by its short name takes the fuller name with its legal
form where the article writes it ("Leonardo S.p.A."), since the links that join short and
full forms skip names the gazetteer already named.

Across the library the entity stays one: `Gazetteer.family` lists all its names, and
"articles mentioning" asks for every one of them.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from nato_reader.core.entity_rules import LEGAL_FORMS, Candidate
from nato_reader.core.gazetteer import Gazetteer


def use_article_spelling(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    """Rename each gazetteer-named entity to its fullest form in `text` (see above)."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.canonical, []).append(c)
    for canonical, members in groups.items():
        forms = dict.fromkeys(c.surface(text) for c in sorted(members, key=lambda c: c.start))
        spelling = article_spelling(canonical, list(forms), gaz)
        spelling = _with_legal_form(spelling, groups) if members[0].label == "ORG" else spelling
        if spelling != canonical:
            for c in members:
                c.canonical = spelling


def _with_legal_form(name: str, groups: dict) -> str:
    """"Leonardo" where the article also writes "Leonardo S.p.A." ("Kongsberg Gruppen"):
    the company's fullest name (the gazetteer knows the short one, so the links never
    joined them)."""
    fuller = [other for form in _FORMS_AFTER if (other := f"{name} {form}") in groups]
    return fuller[0] if len(fuller) == 1 else name


def article_spelling(canonical: str, forms: list[str], gaz: Gazetteer) -> str:
    """The fullest of `forms` (the entity's surfaces in one article, in reading order)
    that the gazetteer knows as another full name of `canonical`, else `canonical`; of
    two as full, the first the article uses."""
    if gaz.label_of(canonical) in (None, "NORP") or canonical in gaz.kept_names:
        return canonical
    if _is_acronym(canonical):
        spelled = [f for f in forms if " " in f and _spells_out(f, canonical)
                   and (entry := gaz.lookup(f)) is not None and entry.canonical == canonical
                   and not entry.context]
        return max(spelled, key=lambda f: (len(f.split()), -forms.index(f)), default=canonical)
    if canonical in forms:
        return canonical
    names = [f for f in forms if not _is_acronym(f) and not _is_short_form(f, canonical)
             and (entry := gaz.lookup(f)) is not None and entry.canonical == canonical
             and not entry.context]
    return max(names, key=lambda f: (len(f.split()), len(f), -forms.index(f)),
               default=canonical)


_FORMS_AFTER = sorted(LEGAL_FORMS | {"Group", "Gruppen", "Holding", "Holdings"})


def _is_short_form(form: str, canonical: str) -> bool:
    """"Zelenskiy" or "Tayyip Erdogan" for "Recep Tayyip Erdoğan", "Wagner" for "Wagner
    Group": fewer words, the first or last much like the full name's. A short form stands
    for the full name, as a surname does ("Stoltenberg" -> "Jens Stoltenberg"); "Britain"
    for "United Kingdom" is another name, and the article's."""
    words, full = _folded(form).split(), _folded(canonical).split()
    if len(words) >= len(full):
        return False
    return any(SequenceMatcher(None, a, b).ratio() >= 0.75
               for a, b in ((words[0], full[0]), (words[-1], full[-1])))


def _folded(name: str) -> str:
    """Lower case without diacritics: "Erdoğan" -> "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_acronym(name: str) -> bool:
    """"NATO", "U.S.", "G7", and names in capitals ("BAGHDAD" in a dateline)."""
    return not any(ch.islower() for ch in name)


_NUMBER_WORDS = {"seven": "7", "eight": "8", "twenty": "20", "two": "2", "three": "3",
                 "four": "4", "five": "5", "six": "6", "nine": "9", "ten": "10"}
_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "to", "de"})


def _spells_out(name: str, acronym: str) -> bool:
    """Whether `name` is the expansion of `acronym`: each word opens the rest of it, in
    order ("High Mobility Artillery Rocket System" -> "HIMARS", "Group of Seven" ->
    "G7"); small words may be left out."""
    return _consumes([w.lower() for w in name.split()], acronym.lower().replace(".", ""))


def _consumes(words: list[str], rest: str) -> bool:
    if not words:
        return not rest
    word, others = words[0], words[1:]
    if word in _SMALL and _consumes(others, rest):
        return True
    number = _NUMBER_WORDS.get(word)
    if number and rest.startswith(number):
        return _consumes(others, rest[len(number):])
    return any(rest[:k] == word[:k] and _consumes(others, rest[k:])
               for k in range(1, min(len(word), len(rest)) + 1))
