"""Names spelled by the acronym in brackets after them (called from
entities.consolidate, before entity_context.add_bracketed_acronyms links the acronym).

"Security Action for Europe (SAFE)", "Act in Support of Ammunition Production (ASAP)",
"SAFE (Security Action for Europe)":
the model often finds only a part ("Europe") or nothing. When the capitalised words
before a bracketed acronym, with their small words ("for", "of") or without them, spell
it, those words are one name: a law when they open with "Act" or end with a word of law,
a body otherwise. Only where the model saw a name in them or they end in a word of an
institution or a law: "Intercontinental Ballistic Missile (ICBM)" and "Prime Minister
(PM)" are no bodies.
"""

from __future__ import annotations

import re

from nato_reader.core.entity_context import INSTITUTION_HEADS
from nato_reader.core.entity_rules import TITLE_WORDS, Candidate, SpanIndex

_ACRONYM = re.compile(r" \(([A-Z]{2,8})\)")
_EXPANSION = re.compile(r"(?<![\w-])([A-Z]{2,8}) \(([A-Z][\w'’ &-]{3,120})\)")
_WORD = re.compile(r"[\w'’-]+")
_SMALL = frozenset({"and", "of", "for", "on", "the", "in", "to", "&", "de"})
_LAW_WORDS = frozenset({"Act", "Treaty", "Convention", "Agreement", "Regulation", "Directive",
                        "Law", "Charter", "Protocol"})
_MOST_WORDS = 10


def add_spelled_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """One candidate for the words a bracketed acronym spells; the model's pieces of them
    give way, unless one is already a fixed name."""
    if " (" not in text:
        return cands
    index = SpanIndex(cands)
    dropped: set[int] = set()
    added: list[Candidate] = []
    for m in _ACRONYM.finditer(text):
        words = list(_WORD.finditer(text, max(0, m.start() - 120), m.start()))[-_MOST_WORDS:]
        if not words or words[-1].end() != m.start():
            continue
        first = _spelling_start([w.group() for w in words], m.group(1))
        if first is None:
            continue
        start, end = words[first].start(), m.start()
        inside = index.overlapping(start, end)
        if any(c.locked or c.start < start or c.end > end for c in inside) or (
                len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end)):
            continue
        label = _label([w.group() for w in words[first:]], bool(inside))
        if label:
            dropped.update(id(c) for c in inside)
            added.append(Candidate(start, end, label))
    for m in _EXPANSION.finditer(text):
        words = list(_WORD.finditer(m.group(2)))
        names = [w.group() for w in words]
        start, end = m.span(2)
        inside = index.overlapping(start, end)
        if index.overlapping(*m.span(1)) or not _spells(names, m.group(1)) or any(
                c.locked or c.start < start or c.end > end for c in inside):
            continue
        label = _label(names, bool(inside))
        if label:
            name = " ".join(names)
            dropped.update(id(c) for c in inside)
            added.append(Candidate(start, end, label))
            added.append(Candidate(*m.span(1), label, name, locked=True))
    if not added:
        return cands
    kept = [c for c in cands if id(c) not in dropped]
    return sorted(kept + added, key=lambda c: c.start)


def _label(names: list[str], model_saw_it: bool) -> str | None:
    """LAW or ORG for a spelled-out name; None for a title or a term nothing marks."""
    heads = set(names) & (INSTITUTION_HEADS | _LAW_WORDS)
    if (not model_saw_it and not heads) or all(
            n in TITLE_WORDS for n in names if n[:1].isupper()):
        return None
    return "LAW" if names[0] == "Act" or names[-1] in _LAW_WORDS else "ORG"


def _spelling_start(words: list[str], acronym: str) -> int | None:
    """The index of the first of `words` (ending just before the acronym) that starts a
    run spelling it: every capitalised word gives its initial, a small word may; the run
    opens with a capitalised word and holds only capitalised and small words."""
    for first in range(len(words) - 1, -1, -1):
        word = words[first]
        if not (word[:1].isupper() or word.lower() in _SMALL):
            return None
        if word[:1].isupper() and _spells(words[first:], acronym):
            return first
    return None


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the initials of `words` spell `acronym`, small words optional."""
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    initial = word[0].upper()
    if word[:1].isupper():
        return bool(acronym) and acronym[0] == initial and _spells(rest, acronym[1:])
    return (_spells(rest, acronym)
            or (bool(acronym) and acronym[0] == initial and _spells(rest, acronym[1:])))
