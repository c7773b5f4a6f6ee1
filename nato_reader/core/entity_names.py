"""How a mention's surface becomes the name the panel shows, where the surface itself is
not that name. General news conventions:
- datelines and headlines are in capitals ("BAGHDAD, Iraq (AP)"): an all-capitals place
  or person is the same entity as its mixed-case form ("Baghdad"); an acronym ("NATO",
  "UNICEF") is not title-cased;
- a name written with one alias of a known entity at its head is the known name
  written with another ("U.N. Security Council" = "UN Security Council", an alias);
- US news abbreviates a state after a town ("Fulton, Mo.") or a party ("D-N.Y.").
"""

from __future__ import annotations

import re
from functools import lru_cache

from nato_reader.core.gazetteer import Gazetteer

# Types under which a long all-capitals word is a name in capitals, not an acronym
# (acronyms are organisations, products and events: "UNICEF", "HIMARS", "BALTOPS").
_NAME_TYPES = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP"})
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’-]*\.?")
_SMALL_WORDS = frozenset({"of", "the", "and", "de", "la", "upon", "on"})

# AP-style state abbreviations; only read after "Town, " (where they cannot be the
# words "Miss." or "Mass.": "INDEPENDENCE, MO.", "Fulton, Mo.") or a party letter
# ("Rep. Jane Roe, R-Fla.").
US_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_STATE_CAPS = {k.upper(): v for k, v in US_STATES.items()}
_STATE_AFTER_TOWN = re.compile(
    r"(?:(?<=[A-Za-z], )|(?<=\b[RDI]-))(" + "|".join(re.escape(k) for k in sorted(
        {*US_STATES, *_STATE_CAPS}, key=len, reverse=True)) + r")(?=[\s,(]|$)")


def title_form(surface: str, label: str, text: str, gaz: Gazetteer) -> str | None:
    """The mixed-case name an all-capitals mention stands for, or None to keep it.

    Title-cased when the text also writes it that way, when the gazetteer knows the
    title-cased name, or when it is a place or person (not an organisation) and either
    has several words or one of five letters or more: "BAGHDAD", "NEW YORK" but not
    "USSR", "UAE", "UNICEF"."""
    words = surface.split()
    if not words or not all(_CAPS_WORD.fullmatch(w) for w in words):
        return None
    if gaz.lookup(surface) is not None or "." in surface.rstrip("."):
        return None  # a known acronym ("NATO") or an abbreviation ("U.S.")
    title = " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else _capitalise(w)
                     for i, w in enumerate(words))
    if gaz.lookup(title) is not None:
        return title
    if _written_in(text, title):
        return title
    letters = sum(ch.isalpha() for ch in surface)
    if label in _NAME_TYPES and (len(words) > 1 or letters >= 5):
        return title
    return None


@lru_cache(maxsize=2)
def _title_lookups(text: str) -> tuple[frozenset[str], dict[str, bool]]:
    """The text's mixed-case words, read once, and the answers given so far: only the
    text being analysed is kept, however many texts an analysis run goes through."""
    return frozenset(re.findall(r"[A-Z][a-z][\w'’]*", text)), {}


def _written_in(text: str, title: str) -> bool:
    """Whether `text` writes `title` in mixed case (every capitals mention asks; the
    whole text is searched only for titles whose words all occur)."""
    words, known = _title_lookups(text)
    if title not in known:
        known[title] = all(w in words for w in title.split() if w[:1].isupper()) and (
            re.search(r"(?<![\w-])" + re.escape(title) + r"(?![\w-])", text) is not None)
    return known[title]


def _capitalise(word: str) -> str:
    """"BAGHDAD" -> "Baghdad", "O'HARE" -> "O'Hare", "WINSTON-SALEM" -> "Winston-Salem"."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), word)


@lru_cache(maxsize=4)
def _aliases(gaz: Gazetteer) -> dict[str, tuple[str, ...]]:
    """canonical -> every surface the gazetteer knows for it."""
    out: dict[str, list[str]] = {}
    for surface, entry in gaz.entries.items():
        out.setdefault(entry.canonical, []).append(surface)
    return {k: tuple(v) for k, v in out.items()}


def via_alias(surface: str, gaz: Gazetteer):
    """The gazetteer entry for a name whose head is written with another alias of a known
    entity ("U.N. Security Council" -> the entry of "UN Security Council"), or None."""
    words = surface.split()
    if len(words) < 2:
        return None
    for cut in range(1, len(words)):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        entry = gaz.lookup(head)
        if entry is None:
            continue
        for alias in _aliases(gaz).get(entry.canonical, ()):
            found = gaz.lookup(f"{alias} {rest}")
            if found is not None and not found.context:
                return found
    return None


def state_abbreviations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, state) for "Town, Mo.", "TOWN, MO." and "R-Mo." in `text`."""
    out = []
    for m in _STATE_AFTER_TOWN.finditer(text):
        abbr = m.group(1)
        out.append((m.start(1), m.end(1), US_STATES.get(abbr) or _STATE_CAPS[abbr]))
    return out
