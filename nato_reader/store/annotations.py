"""Annotations (highlights with a note and tags) and the named colours they use.

Every method that writes is one transaction and returns what is needed to undo it: the
previous state, the deleted row. Tags go through the shared `tags` table.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from nato_reader.core.anchoring import EditMap, TextQuoteSelector, anchor, quote_at
from nato_reader.core.model import Annotation, Colour
from nato_reader.errors import LibraryError
from nato_reader.store.articles import ensure_tags
from nato_reader.store.database import Database, transaction, utc_now

_COLUMNS = ('id, article_id, start, "end", exact, prefix, suffix, colour, note, orphan,'
            " created_at, updated_at")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class ReanchorResult:
    """What re-anchoring did to an article's annotations after its text changed."""

    kept: int = 0  # same place, same text
    moved: int = 0  # found elsewhere (exactly or approximately)
    orphaned: int = 0  # could not be placed any more: kept with their quote, listed apart
    recovered: int = 0  # orphans placed again


class AnnotationStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading -------------------------------------------------------------------

    def for_article(self, article_id: int) -> list[Annotation]:
        """Anchored annotations in text order, then orphans."""
        return self._select("WHERE article_id = ? ORDER BY orphan, start, \"end\", id",
                            [article_id])

    def all(self, article_id: int | None = None) -> list[Annotation]:
        if article_id is not None:
            return self.for_article(article_id)
        return self._select("ORDER BY article_id, orphan, start, \"end\", id", [])

    def get(self, annotation_id: int) -> Annotation:
        found = self._select("WHERE id = ?", [annotation_id])
        if not found:
            raise LibraryError(f"no annotation with id {annotation_id}")
        return found[0]

    def all_tag_names(self) -> list[str]:
        """Every tag in the library (annotations and articles share them)."""
        return [row[0] for row in
                self._db.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]

    # -- writing -------------------------------------------------------------------

    def add(self, article_id: int, start: int, end: int, colour: str, note: str = "",
            tags=()) -> Annotation:
        """Highlight body[start:end]; the quote and its context come from the body."""
        note, tags = _check_note(note), _check_tags(tags)
        now = utc_now()
        with transaction(self._db):
            body = self._body(article_id)
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end
                    <= len(body)):
                raise LibraryError(f"the range {start}-{end} is not a piece of the text of "
                                   f"article {article_id} (0-{len(body)})")
            quote = quote_at(body, start, end)
            annotation_id = self._insert(None, article_id, start, end, quote,
                                         self._colour_name(colour), note, False, now, now)
            self._set_tags(annotation_id, tags)
        return self.get(annotation_id)

    def add_quoted(self, article_id: int, quote: TextQuoteSelector, hint, colour: str,
                   note: str = "", tags=()) -> Annotation:
        """Add an annotation known by its quote (an import): anchored in the article's
        current text near `hint` (a TextPositionSelector or None), else an orphan."""
        note, tags = _check_note(note), _check_tags(tags)
        if not quote.exact:
            raise LibraryError("the annotation has no quote (exact text)")
        now = utc_now()
        with transaction(self._db):
            body = self._body(article_id)
            found = anchor(body, quote, hint)
            if found is None:
                start, end = (hint.start, hint.end) if hint else (0, len(quote.exact))
                placed, orphan = quote, True
            else:
                start, end = found.start, found.end
                placed, orphan = quote_at(body, start, end), False
            annotation_id = self._insert(None, article_id, start, end, placed,
                                         self._colour_name(colour), note, orphan, now, now)
            self._set_tags(annotation_id, tags)
        return self.get(annotation_id)

    def update(self, annotation_id: int, *, note: str | None = None, tags=None,
               colour: str | None = None) -> Annotation:
        """Change what is given; returns the PREVIOUS state (for undo)."""
        with transaction(self._db):
            previous = self.get(annotation_id)
            changes: dict[str, object] = {}
            if note is not None:
                changes["note"] = _check_note(note)
            if colour is not None:
                changes["colour"] = self._colour_name(colour)
            if changes or tags is not None:
                changes["updated_at"] = utc_now()
                assignments = ", ".join(f"{name} = ?" for name in changes)
                self._db.execute(f"UPDATE annotations SET {assignments} WHERE id = ?",
                                 [*changes.values(), annotation_id])
            if tags is not None:
                self._db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?",
                                 [annotation_id])
                self._set_tags(annotation_id, _check_tags(tags))
        return previous

    def delete(self, annotation_id: int) -> Annotation:
        """Returns the deleted annotation, for `restore`."""
        with transaction(self._db):
            deleted = self.get(annotation_id)
            self._db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return deleted

    def restore(self, annotation: Annotation) -> Annotation:
        """Put a deleted annotation back, with its id (undo of `delete`)."""
        a = annotation
        with transaction(self._db):
            try:
                self._insert(a.id, a.article_id, a.start, a.end,
                             TextQuoteSelector(a.exact, a.prefix, a.suffix), a.colour, a.note,
                             a.orphan, a.created_at or utc_now(), a.updated_at or utc_now())
            except sqlite3.IntegrityError as exc:
                raise LibraryError(f"annotation {a.id} cannot be restored: the id is taken "
                                   "or its article is gone") from exc
            self._set_tags(a.id, a.tags)
        return self.get(a.id)

    def reanchor_article(self, article_id: int, old_body: str,
                         new_body: str) -> ReanchorResult:
        """The article's text changed from old_body to new_body: place each annotation
        again (see core/anchoring.py). Orphans are tried too: a later edit may bring
        their text back."""
        counts = {"kept": 0, "moved": 0, "orphaned": 0, "recovered": 0}
        edits = EditMap(old_body, new_body)
        with transaction(self._db):
            for a in self.for_article(article_id):
                quote = TextQuoteSelector(a.exact, a.prefix, a.suffix)
                found = anchor(new_body, quote, edits.map(a.start, a.end))
                if found is None:
                    if not a.orphan:
                        self._db.execute("UPDATE annotations SET orphan = 1 WHERE id = ?",
                                         [a.id])
                        counts["orphaned"] += 1
                    continue
                placed = quote_at(new_body, found.start, found.end)
                unchanged = (found.start, found.end, placed) == (a.start, a.end, quote)
                if not unchanged or a.orphan:
                    self._db.execute(
                        'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?,'
                        " suffix = ?, orphan = 0 WHERE id = ?",
                        [found.start, found.end, placed.exact, placed.prefix, placed.suffix,
                         a.id],
                    )
                moved = (found.start, found.end, placed.exact) != (a.start, a.end, a.exact)
                key = "recovered" if a.orphan else "moved" if moved else "kept"
                counts[key] += 1
        return ReanchorResult(**counts)

    # -- helpers -------------------------------------------------------------------

    def _select(self, where: str, params: list) -> list[Annotation]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM annotations {where}", params).fetchall()
        tags = self._tags_of([row[0] for row in rows])
        return [
            Annotation(id=r[0], article_id=r[1], start=r[2], end=r[3], exact=r[4], prefix=r[5],
                       suffix=r[6], colour=r[7], note=r[8], tags=tuple(tags.get(r[0], ())),
                       orphan=bool(r[9]), created_at=r[10], updated_at=r[11])
            for r in rows
        ]

    def _tags_of(self, ids: list[int]) -> dict[int, list[str]]:
        tags: dict[int, list[str]] = {}
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" * len(chunk))
            for annotation_id, name in self._db.execute(
                "SELECT x.annotation_id, t.name FROM annotation_tags x JOIN tags t"
                f" ON t.id = x.tag_id WHERE x.annotation_id IN ({marks})"
                " ORDER BY t.name COLLATE NOCASE", chunk,
            ):
                tags.setdefault(annotation_id, []).append(name)
        return tags

    def _insert(self, annotation_id, article_id, start, end, quote: TextQuoteSelector,
                colour, note, orphan, created_at, updated_at) -> int:
        cursor = self._db.execute(
            'INSERT INTO annotations (id, article_id, start, "end", exact, prefix, suffix,'
            " colour, note, orphan, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [annotation_id, article_id, start, end, quote.exact, quote.prefix, quote.suffix,
             colour, note, int(orphan), created_at, updated_at],
        )
        return cursor.lastrowid

    def _set_tags(self, annotation_id: int, tags) -> None:
        for tag_id in ensure_tags(self._db, tags):
            self._db.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                [annotation_id, tag_id],
            )

    def _body(self, article_id: int) -> str:
        row = self._db.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        return row[0]

    def _colour_name(self, colour: str) -> str:
        """The palette's spelling of `colour`; unknown colours are refused."""
        row = self._db.execute("SELECT name FROM colours WHERE name = ?",
                               [str(colour).strip()]).fetchone()
        if row is None:
            raise LibraryError(f"no colour named {colour!r} (add it to the palette first)")
        return row[0]


class ColourStore:
    """The palette: named colours in the user's order."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Colour]:
        return [Colour(name, hex_) for name, hex_ in
                self._db.execute("SELECT name, hex FROM colours ORDER BY position, name")]

    def get(self, name: str) -> Colour | None:
        row = self._db.execute("SELECT name, hex FROM colours WHERE name = ?",
                               [_colour_label(name)]).fetchone()
        return Colour(row[0], row[1]) if row else None

    def add(self, name: str, hex: str) -> Colour:
        name, hex = _colour_label(name), _check_hex(hex)
        with transaction(self._db):
            if self.get(name) is not None:
                raise LibraryError(f"there is already a colour named {name!r}")
            self._db.execute(
                "INSERT INTO colours (name, hex, position)"
                " VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM colours))",
                [name, hex],
            )
        return Colour(name, hex)

    def rename(self, old: str, new: str) -> None:
        """Rename a colour, and the annotations that use it with it."""
        old, new = _colour_label(old), _colour_label(new)
        with transaction(self._db):
            current = self.get(old)
            if current is None:
                raise LibraryError(f"no colour named {old!r}")
            clash = self.get(new)
            if clash is not None and clash.name.lower() != current.name.lower():
                raise LibraryError(f"there is already a colour named {clash.name!r}")
            self._db.execute("UPDATE colours SET name = ? WHERE name = ?", [new, current.name])
            self._db.execute(
                "UPDATE annotations SET colour = ? WHERE colour = ? COLLATE NOCASE",
                [new, current.name],
            )

    def set_hex(self, name: str, hex: str) -> str:
        """Returns the previous hex value."""
        hex = _check_hex(hex)
        with transaction(self._db):
            current = self.get(name)
            if current is None:
                raise LibraryError(f"no colour named {name!r}")
            self._db.execute("UPDATE colours SET hex = ? WHERE name = ?", [hex, current.name])
        return current.hex

    def remove(self, name: str) -> Colour:
        """Remove an unused colour; returns it (for undo through `add`)."""
        with transaction(self._db):
            current = self.get(name)
            if current is None:
                raise LibraryError(f"no colour named {name!r}")
            used = self._db.execute(
                "SELECT count(*) FROM annotations WHERE colour = ? COLLATE NOCASE",
                [current.name],
            ).fetchone()[0]
            if used:
                raise LibraryError(f"the colour {current.name!r} is used by {used} "
                                   f"annotation{'s' if used != 1 else ''}; recolour them first")
            self._db.execute("DELETE FROM colours WHERE name = ?", [current.name])
        return current


def _colour_label(name: str) -> str:
    label = " ".join(str(name).split())
    if not label:
        raise LibraryError("a colour needs a name")
    return label


def _check_hex(value: str) -> str:
    if not isinstance(value, str) or not _HEX.match(value.strip()):
        raise LibraryError(f"{value!r} is not a colour (expected #rrggbb)")
    return value.strip().lower()


def _check_note(note) -> str:
    if not isinstance(note, str):
        raise LibraryError("a note must be text")
    return note


def _check_tags(tags) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = (tags,)
    if not all(isinstance(t, str) for t in tags):
        raise LibraryError("tags must be text")
    return tuple(tags)
