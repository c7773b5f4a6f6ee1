"""Entity consolidation: from the model's raw spans to one canonical entity per
real-world referent, and the user's corrections on top.

Per article:
1. each raw span is cleaned (entity_rules: "the", possessives, titles, demonyms, junk),
   and names inside hyphenated words are split out (entity_hyphens: "anti-Soviet",
   "the U.N.-Iraq accord");
2. the gazetteer fixes types and canonical names it knows, also for names in capitals
   or written with another alias at their head (entity_names: "BAGHDAD", "U.N.
   Security Council"), and adds names the model missed ("the Kremlin"; "the Alliance"
   where the text is about NATO; "Fulton, Mo.");
3. adjacent person spans are joined ("Trygve Slagsvold" + "Vedum");
4. short forms link to a full name in the same text ("Draghi" -> "Mario Draghi"; "ECB"
   -> "European Central Bank"; entity_links: "Saddam" -> "Saddam Hussein", "Crane" ->
   "Crane Co."); a known surname alone links to the gazetteer's person;
   rules on the neighbours (entity_context) fix types and drop capitalised nouns;
5. a recognised name's other occurrences that the model missed are added;
6. each canonical entity gets one type: the gazetteer's or a person link's, else a
   majority vote over its mentions;
7. an entity the gazetteer named shows the fullest name the article uses, in its own
   spelling (entity_spelling: "Volodymyr Zelenskiy", "Britain"; a short form alone,
   "Stoltenberg", still shows the full name).
Along the way: names run on through designations, editions, unit numbers and legal
forms (entity_designations: "Leopard 2A8", "BALTOPS 24", "Gazprom PJSC"), and a lone
one-word "person" that the text places somewhere is a place (entity_lone_names).
Canonical names come from the gazetteer or the text itself, never from the article id;
across the library, `Gazetteer.family` gathers the spellings of one entity.

Dates are not entities here: they come from the timex tagger into the timeline, which
the reader highlights.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from nato_reader.core import entity_context as ctx
from nato_reader.core import entity_hyphens as hyphens
from nato_reader.core import entity_names as names
from nato_reader.core import entity_persons as persons
from nato_reader.core import entity_places as places
from nato_reader.core.corrections import EntityRow, apply_corrections, entity_rows
from nato_reader.core.entity_acronyms import add_spelled_names
from nato_reader.core.entity_designations import add_companies, extend_designations
from nato_reader.core.entity_links import link_partial_names
from nato_reader.core.entity_lone_names import places_by_ending, places_for_lone_persons
from nato_reader.core.entity_rules import (
    ENTITY_LABELS,
    TITLE_WORDS,
    Candidate,
    SpanIndex,
    clean_span,
    normalise_name,
)
from nato_reader.core.entity_spelling import use_article_spelling
from nato_reader.core.gazetteer import Gazetteer, default_gazetteer
from nato_reader.core.model import Mention

__all__ = ["ENTITY_LABELS", "EntityRow", "apply_corrections", "consolidate", "entity_rows"]

_LINKABLE = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT")
_WORD_START = re.compile(r"(?<![\w-])\w+")
_ELISION = re.compile(r"['’][a-rt-z]")
_ACRONYM_STOP = {"of", "the", "and", "for", "de", "du", "des", "la", "&"}


def consolidate(text: str, raw: Iterable[tuple[int, int, str]],
                gaz: Gazetteer | None = None) -> tuple[Mention, ...]:
    """Mentions for `text` from the model's (start, end, label) spans."""
    gaz = gaz or default_gazetteer()
    # 1. Spans: the model's, cleaned, cut or joined, then the ones it missed. Later steps
    #    read the surfaces, so every span is final before any name is chosen.
    cands: list[Candidate] = []
    for start, end, label in raw:
        cands.extend(clean_span(text, start, end, label, gaz))
    cands = _remove_overlaps(cands)
    cands = persons.split_joined_persons(text, cands, gaz)
    cands = hyphens.split_compounds(text, cands, gaz)
    cands = _join_adjacent_persons(text, cands)
    cands = ctx.join_institutions(text, cands)
    named = gaz.named_in(text)
    cands = _add_gazetteer_matches(text, cands, gaz, named)
    extend_designations(text, cands, gaz)
    cands = add_companies(text, cands)
    cands = hyphens.add_prefixed_names(text, cands, gaz)
    cands = hyphens.add_compound_demonyms(text, cands, gaz)
    cands = hyphens.add_model_codes(text, cands)
    cands = ctx.add_datelines(text, cands, gaz)
    cands = places.add_missed_places(text, cands)
    cands = places.whole_names(text, cands, gaz)
    cands = persons.add_missed_persons(text, cands, gaz)
    cands = _add_states(text, cands)
    cands = add_spelled_names(text, cands)
    cands = ctx.add_bracketed_acronyms(text, cands, gaz)
    # 2. Names known for sure (gazetteer, then person cues) lock their type and name
    #    first, so the links and context rules below only decide what is still open.
    in_full = persons.names_in_full(text, cands, gaz)
    for c in cands:
        if not persons.is_part_of_a_name_in_full(c.surface(text), c.label, gaz, in_full):
            _name_from_gazetteer(text, c, gaz, named)
    persons.given_name_persons(text, cands, gaz)
    cands = persons.parties_not_persons(text, cands, gaz)
    ctx.persons_by_surname(text, cands)
    ctx.persons_by_role(text, cands)
    # 3. Short forms take a fuller name in the same text.
    _merge_name_variants(text, cands)
    _link_short_forms(text, cands, gaz)
    cands = persons.add_speakers(text, cands)
    places.link_features(text, cands)
    link_partial_names(text, cands)
    # 4. Types from the neighbouring words, for names nothing above decided.
    ctx.places_by_context(text, cands)
    places.places_by_neighbours(text, cands)
    ctx.things_by_their_noun(text, cands)
    ctx.organisations_by_staff(text, cands)
    ctx.events_by_context(text, cands)
    # 5. Drop common nouns, then find the model's misses of the names now known.
    cands = ctx.drop_capitalised_nouns(text, cands)
    places_for_lone_persons(text, cands, gaz)
    places_by_ending(text, cands)
    cands = _propagate(text, cands)
    for c in cands:
        if c.canonical is None:
            c.canonical = normalise_name(c.surface(text))
    _vote_types(text, cands)
    use_article_spelling(text, cands, gaz)  # last: the steps above key on gazetteer names
    return tuple(Mention(c.start, c.end, text[c.start:c.end], c.label, c.canonical)
                 for c in sorted(cands, key=lambda c: c.start))


def _name_from_gazetteer(text: str, c: Candidate, gaz: Gazetteer, named: set[str]) -> None:
    """The gazetteer's name and type for a mention, looked up as written, title-cased
    from capitals ("BAGHDAD"), or with its head written as another alias ("U.N. ...")."""
    surface = c.surface(text)
    entry = gaz.lookup(surface)
    if entry is None:
        title = names.title_form(surface, c.label, text, gaz)
        if title is not None:
            entry = gaz.lookup(title)
            if entry is None and c.canonical is None:
                c.canonical = title
        else:
            entry = names.via_alias(surface, gaz)
    if entry and entry.label != "PERSON" and _PERSON_TITLE_BEFORE.search(
            text, max(0, c.start - 16), c.start):
        # "Queen Sofia", "King Jordan": after a person's title a place name is a person
        c.canonical, c.label, c.locked = normalise_name(surface), "PERSON", True
        return
    if entry and (not entry.context or entry.canonical in named):
        c.canonical, c.label, c.locked = entry.canonical, entry.label, True


# Titles only a person bears; "Foreign", "State" or "General" may head other names.
_PERSON_TITLE_BEFORE = re.compile(
    r"(?-i:\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Pope|Sen|"
    r"Rep|Gov|Judge|Rabbi|Sheik|Sheikh|Emir|Ayatollah|Archbishop|Cardinal)\.?\s+)$")


def _add_states(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Fulton, Mo.": the abbreviated state is a place, its full stop included."""
    states = names.state_abbreviations(text)
    if not states:
        return cands
    index = SpanIndex(cands)
    covered = {id(c) for start, end, _ in states for c in index.overlapping(start, end)}
    kept = [c for c in cands if id(c) not in covered]
    added = [Candidate(start, end, "GPE", state, locked=True) for start, end, state in states]
    return sorted(kept + added, key=lambda c: c.start)


def _remove_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Longest first; a span that overlaps a kept one is dropped (n log n: long texts)."""
    starts: list[int] = []  # kept spans, sorted by start; they never overlap each other
    ends: list[int] = []
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _join_adjacent_persons(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev and prev.label == c.label == "PERSON" and text[prev.end:c.start] == " "
                and text[c.start].isupper()):
            prev.end = c.end
            continue
        out.append(c)
    return out


def _add_gazetteer_matches(text: str, cands: list[Candidate], gaz: Gazetteer,
                           named: set[str]) -> list[Candidate]:
    """Add known names the model missed; a known name wholly covering model spans that
    are parts of it ("North Atlantic" inside "North Atlantic Treaty Organization") wins."""
    cands = sorted(cands, key=lambda c: c.start)
    starts = [c.start for c in cands]

    added: list[Candidate] = []
    dropped: set[int] = set()
    for m in gaz.scan(text):
        if m.entry.context and m.entry.canonical not in named:
            continue
        if _ELISION.match(text, m.end):
            continue  # "Xi'an" is a city, not "Xi"
        if not _plausible_at(text, m.start, m.end):
            continue
        i = bisect.bisect_left(starts, m.end)
        overlapping = [j for j in range(max(0, i - 8), i)
                       if cands[j].end > m.start and cands[j].start < m.end]
        if not overlapping:
            added.append(Candidate(m.start, m.end, m.entry.label))
        elif all(m.start <= cands[j].start and cands[j].end <= m.end for j in overlapping) \
                and any((cands[j].start, cands[j].end) != (m.start, m.end) for j in overlapping):
            dropped.update(overlapping)
            added.append(Candidate(m.start, m.end, m.entry.label))
    kept = [c for j, c in enumerate(cands) if j not in dropped]
    return sorted(kept + added, key=lambda c: c.start)


def _plausible_at(text: str, start: int, end: int) -> bool:
    """Not the head of a longer capitalised name the model did not see ("Patriot Act",
    "Washington Post"); a following title word is fine ("NATO Secretary General")."""
    if text[end:end + 1] != " ":
        return True
    following = text[end + 1:end + 40].split(" ", 1)[0].rstrip(".,;:!?'’\")")
    return not following[:1].isupper() or following in TITLE_WORDS


def _merge_name_variants(text: str, cands: list[Candidate]) -> None:
    """"James Kopp" and "James C. Kopp" (same first and last name, a middle name or
    initial more) are one person, under the fullest form; their surname then links."""
    groups: dict[tuple[str, str], list[tuple[tuple[str, ...], Candidate]]] = {}
    for c in cands:
        words = tuple(c.surface(text).split())
        if c.label == "PERSON" and c.canonical is None and len(words) >= 2:
            groups.setdefault((words[0], words[-1]), []).append((words, c))
    for members in groups.values():
        forms = {words for words, _ in members}
        if len(forms) < 2:
            continue
        fullest = max(forms, key=len)
        if any(not _is_subsequence(form, fullest) for form in forms):
            continue  # "John Smith" and "John Paul Smith" and "John Peter Smith": unsure
        for _, c in members:
            c.canonical = " ".join(fullest)


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _link_short_forms(text: str, cands: list[Candidate], gaz: Gazetteer) -> None:
    """Short forms take the canonical name of a full form in the same text."""
    persons: dict[str, dict[tuple[str, ...], str]] = {}  # by last word, for long texts
    orgs: dict[str, str] = {}
    heads: dict[str, set[str]] = {}  # "House" of "House of Representatives", "Parliament"
    for c in cands:
        words = tuple(c.surface(text).split())
        if c.label == "ORG" and len(words) >= 2 and words[0][:1].isupper():
            head = words[0] if words[1] in ("of", "for") else words[-1]
            heads.setdefault(head, set()).add(c.canonical or normalise_name(c.surface(text)))
        if c.label == "PERSON" and len(words) >= 2:
            persons.setdefault(words[-1], {}).setdefault(
                words, c.canonical or normalise_name(c.surface(text)))
        if c.label == "ORG" and len(words) >= 2:
            name = c.canonical or normalise_name(c.surface(text))
            initials = "".join(w[0] for w in words if w.lower() not in _ACRONYM_STOP)
            orgs.setdefault(initials.upper(), name)
            head = gaz.lookup(words[0])
            if head is not None and head.label == "GPE" and len(words) >= 3:
                # "INS" for "U.S. Immigration and Naturalization Service"
                orgs.setdefault(initials[1:].upper(), name)
    first_names = {key[0] for named in persons.values() for key in named}
    for c in cands:
        if c.canonical is not None or c.label not in _LINKABLE:
            continue
        surface = c.surface(text)
        words = tuple(surface.split())
        if not words:
            continue
        full = {name for key, name in persons.get(words[-1], {}).items()
                if len(key) > len(words) and key[-len(words):] == words}
        if len(full) == 1:
            c.canonical, c.label, c.locked = full.pop(), "PERSON", True
        elif (not full and len(words) == 1 and surface in gaz.surnames
              and surface not in first_names):
            c.canonical, c.label, c.locked = gaz.surnames[surface], "PERSON", True
        elif surface.isupper() and 2 <= len(surface) <= 6 and surface in orgs:
            c.canonical, c.label, c.locked = orgs[surface], "ORG", True
        elif c.label == "ORG" and len(words) == 1 and len(heads.get(surface, ())) == 1:
            # "the House" after "the House of Representatives": the one body so named
            c.canonical = next(iter(heads[surface]))


def _propagate(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Label consistency: once a name is recognised, its other occurrences that the model
    missed are the same entity ("Spruds told..." after "Andris Spruds"), and so is a
    person's surname on its own when only one person in the text bears it."""
    known: dict[str, tuple[str, str, bool]] = {}
    surnames: dict[str, set[tuple[str, str, bool]]] = {}
    for c in cands:
        surface = c.surface(text)
        ident = (c.label, c.canonical or normalise_name(surface), c.locked)
        if len(surface) >= 3 and surface[0].isupper() and surface not in TITLE_WORDS:
            known.setdefault(surface, ident)
        words = surface.split()
        if c.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3:
            surnames.setdefault(words[-1], set()).add((c.label, ident[1], True))
    for surname, idents in surnames.items():
        if len(idents) == 1 and surname not in known and surname not in TITLE_WORDS:
            known[surname] = idents.pop()
    if not known:
        return cands
    taken = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in taken]
    added = []
    for start, end, surface in _occurrences(text, known):
        i = bisect.bisect_right(starts, start)
        if (i and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        if not _plausible_at(text, start, end):
            continue
        label, canonical, locked = known[surface]
        added.append(Candidate(start, end, label, canonical, locked))
    return sorted(cands + added, key=lambda c: c.start) if added else cands


def _occurrences(text: str, surfaces) -> Iterator[tuple[int, int, str]]:
    """Where the (capitalised) surfaces occur as whole words, longest first at each word.
    By first word, the lengths of the surfaces that start with it, tried longest first as
    set lookups: not one big regex alternation, nor a scan of every surface, so a long
    text naming thousands of entities (even thousands of "Council ...") stays linear."""
    wanted = set(surfaces)
    lengths: dict[str, set[int]] = {}
    for surface in wanted:
        first = _WORD_START.match(surface)
        if first:
            lengths.setdefault(first.group(), set()).add(len(surface))
    by_word = {word: sorted(found, reverse=True) for word, found in lengths.items()}
    last_end = 0
    for m in _WORD_START.finditer(text):
        pos = m.start()
        if pos < last_end or not text[pos].isupper():
            continue
        for size in by_word.get(m.group(), ()):
            end = pos + size
            if text[pos:end] in wanted and not (
                    end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                yield pos, end, text[pos:end]
                last_end = end
                break


def _vote_types(text: str, cands: list[Candidate]) -> None:
    """One type per canonical entity: a known type wins, else the majority."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.canonical, []).append(c)
    for members in groups.values():
        locked = [c.label for c in members if c.locked]
        if locked:
            label = Counter(locked).most_common(1)[0][0]
        else:
            votes = Counter(c.label for c in members)
            best = max(votes.values())
            tied = [c for c in members if votes[c.label] == best]
            # on a tie, the longest (most explicit) mention decides, then the first
            label = max(tied, key=lambda c: (c.end - c.start, -c.start)).label
        for c in members:
            c.label = label

