"""What the reader sees of an article's entities: the user's corrections applied, and
one row per entity for the side panel and the export.

Kept apart from the consolidation rules (core/entities.py), which are costly to import,
because the window needs these before its first paint.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from nato_reader.core.model import EntityCorrection, Mention, Span


def apply_corrections(mentions: Sequence[Mention],
                      corrections: Sequence[EntityCorrection]) -> tuple[Mention, ...]:
    """The user's corrections, in id order, keyed by canonical name (a pure function).

    hide drops the entity's mentions; rename changes their canonical name; merge changes
    it to the target's and takes the target's type when the target is present (so the
    merged entity is one panel row); retype changes the label of all its mentions."""
    result = list(mentions)
    for corr in sorted(corrections, key=lambda c: c.id):
        names = family(corr.canonical)  # "Zelenskiy" here is "Zelensky" elsewhere
        if corr.kind == "hide":
            result = [m for m in result if m.canonical not in names]
        elif corr.kind == "rename" and corr.value:
            result = [replace(m, canonical=corr.value) if m.canonical in names else m
                      for m in result]
        elif corr.kind == "merge" and corr.value and corr.value != corr.canonical:
            target = Counter(m.label for m in result if m.canonical == corr.value)
            label = target.most_common(1)[0][0] if target else None
            result = [replace(m, canonical=corr.value, label=label or m.label)
                      if m.canonical in names else m for m in result]
        elif corr.kind == "retype" and corr.value:
            result = [replace(m, label=corr.value) if m.canonical in names else m
                      for m in result]
    return tuple(result)


def family(name: str) -> set[str]:
    """Every canonical name the analysis may give the entity `name` stands for: the
    panel shows each article's own spelling ("Volodymyr Zelenskiy", "Zelenskyy"), and a
    correction is about the entity, not the spelling."""
    from nato_reader.core.gazetteer import default_gazetteer  # only once corrections exist
    return default_gazetteer().family(name)


def names_that_may_become(canonical: str,
                          corrections: Sequence[EntityCorrection]) -> set[str]:
    """The canonical names the pipeline may have given an entity that the corrections
    turn into `canonical`: itself, and whatever is renamed or merged into it, through
    chains. A superset (it ignores the corrections' order): narrow it down with
    apply_corrections."""
    names = family(canonical)
    growing = True
    while growing:
        before = len(names)
        for c in corrections:
            if c.kind in ("rename", "merge") and c.value in names:
                names |= family(c.canonical)
        growing = len(names) > before
    return names


@dataclass(frozen=True)
class EntityRow:
    """One canonical entity of an article, for the side panel and the export."""

    canonical: str
    label: str
    count: int
    spans: tuple[Span, ...]


def entity_rows(mentions: Iterable[Mention]) -> list[EntityRow]:
    """One row per (canonical, label), ordered by label, then count (desc), then name."""
    spans: dict[tuple[str, str], list[Span]] = {}
    for m in mentions:
        spans.setdefault((m.canonical, m.label), []).append(Span(m.start, m.end))
    rows = [EntityRow(name, label, len(s), tuple(sorted(s, key=lambda x: x.start)))
            for (name, label), s in spans.items()]
    rows.sort(key=lambda r: (r.label, -r.count, r.canonical.casefold()))
    return rows
