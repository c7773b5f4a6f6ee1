"""The curated domain gazetteer (resources/gazetteer.json): known names, their type and
the one canonical name the panel shows for them.

It serves three purposes in entity consolidation: it fixes the type spaCy's small model
gets wrong ("Kyiv" PERSON, "Sputnik" PERSON, "Stoltenberg" ORG), it merges aliases
("the North Atlantic Alliance", "US") into one canonical name, and it finds names spaCy
missed ("the Kremlin"). Matching is case-sensitive and on word boundaries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from nato_reader.paths import resource


@dataclass(frozen=True)
class Entry:
    canonical: str
    label: str
    context: bool = False  # only valid where the entity is named otherwise in the text


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry


# Plural demonyms ("Ukrainians") are added for forms that take a plain -s.
_NO_PLURAL = ("sh", "ch", "ese", "ss", "ic", "s", "man", "woman")


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self.entries: dict[str, Entry] = {}
        self.surnames: dict[str, str] = {}
        self.demonyms: set[str] = set()
        self.capitals: set[str] = set()
        self.given_names: frozenset[str] = frozenset(data.get("given_names", []))
        self.kept_names: frozenset[str] = frozenset(
            e["name"] for e in data.get("entities", []) if e.get("keep_name"))
        self._context_words: dict[str, re.Pattern] = {}
        self._families: dict[str, set[str]] | None = None  # canonical -> names, when asked
        self._load(data)

    def _add(self, surface: str, entry: Entry) -> None:
        self.entries.setdefault(surface, entry)  # the first (most specific) definition wins

    def _load(self, data: dict) -> None:
        for country in data.get("countries", []):
            name = country["name"]
            self._add(name, Entry(name, "GPE"))
            for alias in country.get("aliases", []):
                self._add(alias, Entry(name, "GPE"))
            demonyms = country.get("demonyms", [])
            for demonym in demonyms:
                norp = Entry(demonyms[0], "NORP")
                self._add(demonym, norp)
                self.demonyms.add(demonym)
                if not demonym.endswith(_NO_PLURAL):
                    self._add(demonym + "s", norp)
            for key in ("capital", "seat"):
                if country.get(key):
                    self.capitals.add(country[key])
            capital = country.get("capital")
            if capital:
                self._add(capital, Entry(capital, "GPE"))
                for alias in country.get("capital_aliases", []):
                    self._add(alias, Entry(capital, "GPE"))
            if country.get("seat"):
                self._add(country["seat"], Entry(country["seat"], "GPE"))
        surnames: dict[str, list[str]] = {}
        for item in data.get("entities", []):
            name, label = item["name"], item["label"]
            entry = Entry(name, label)
            self._add(name, entry)
            for alias in item.get("aliases", []):
                self._add(alias, entry)
            for alias in item.get("context_aliases", []):
                self._add(alias, Entry(name, label, context=True))
            if item.get("context_words"):
                self._context_words[name] = re.compile(r"\b(?:" + "|".join(
                    re.escape(w) for w in item["context_words"]) + r")\b")
            if label == "NORP":
                self.demonyms.add(name)
            if label == "PERSON" and item.get("short", True) and " " in name:
                surnames.setdefault(name.split()[-1], []).append(name)
        # A surname stands for a person only when one known person bears it.
        self.surnames = {s: names[0] for s, names in surnames.items()
                         if len(names) == 1 and s not in self.entries}

    def named_in(self, text: str) -> set[str]:
        """Canonical names `text` is about: named outright, or (for entries with context
        words, e.g. NATO: "allies", "Secretary General") evoked by those words."""
        named = {m.entry.canonical for m in self.scan(text) if not m.entry.context}
        named.update(name for name, words in self._context_words.items() if words.search(text))
        return named

    def lookup(self, surface: str) -> Entry | None:
        return self.entries.get(surface)

    def canonical_of(self, name: str) -> str | None:
        """The canonical name `name` stands for: as an alias, or as a known surname."""
        entry = self.entries.get(name)
        if entry is not None:
            return None if entry.context else entry.canonical
        return self.surnames.get(name)

    def family(self, name: str) -> set[str]:
        """Every name of the entity `name` stands for ("Zelenskiy": "Volodymyr Zelensky",
        "Volodymyr Zelenskyy", ...); just `name` when the gazetteer does not know it."""
        canonical = self.canonical_of(name)
        if canonical is None:
            return {name}
        if self._families is None:
            self._families = {}
            for surface in (*self.entries, *self.surnames):
                if (owner := self.canonical_of(surface)) is not None:
                    self._families.setdefault(owner, set()).add(surface)
        return {name, canonical} | self._families.get(canonical, set())

    def label_of(self, canonical: str) -> str | None:
        entry = self.entries.get(canonical)
        return entry.label if entry and entry.canonical == canonical else None

    @cached_property
    def _pattern(self) -> re.Pattern:
        # compiled on the first scan: the window asks only for names (`family`), and the
        # pattern of a thousand names costs 20 ms
        names = sorted(self.entries, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names) or r"(?!)"  # none: no match
        return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")

    def scan(self, text: str) -> Iterator[Match]:
        """Every known name in `text`, longest first at each position, not overlapping."""
        for m in self._pattern.finditer(text):
            yield Match(m.start(), m.end(), self.entries[m.group()])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer(resource("gazetteer.json"))


def load_gazetteer(path: Path) -> Gazetteer:
    return Gazetteer(json.loads(path.read_text(encoding="utf-8")))
