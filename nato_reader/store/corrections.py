"""The user's corrections to the analysis (retype, rename, merge, hide), kept apart
from the cached analyses so they apply to every article, before and after re-analysis."""

from __future__ import annotations

from nato_reader.core.model import EntityCorrection
from nato_reader.errors import LibraryError
from nato_reader.store.database import Database, transaction, utc_now

KINDS = ("retype", "rename", "merge", "hide")


class CorrectionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[EntityCorrection]:
        return [
            EntityCorrection(id=r[0], kind=r[1], canonical=r[2], value=r[3])
            for r in self._db.execute(
                "SELECT id, kind, canonical, value FROM entity_corrections ORDER BY id"
            )
        ]

    def add(self, kind: str, canonical: str, value: str = "") -> EntityCorrection:
        if kind not in KINDS:
            raise LibraryError(f"unknown correction '{kind}' (expected one of {', '.join(KINDS)})")
        with transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO entity_corrections (kind, canonical, value, created_at)"
                " VALUES (?, ?, ?, ?)", [kind, canonical, value, utc_now()],
            )
        return EntityCorrection(id=cursor.lastrowid, kind=kind, canonical=canonical, value=value)

    def remove(self, correction_id: int) -> EntityCorrection | None:
        """Delete one correction (for undo); returns it so it can be re-added."""
        row = self._db.execute(
            "SELECT id, kind, canonical, value FROM entity_corrections WHERE id = ?",
            [correction_id],
        ).fetchone()
        if row is None:
            return None
        with transaction(self._db):
            self._db.execute("DELETE FROM entity_corrections WHERE id = ?", [correction_id])
        return EntityCorrection(id=row[0], kind=row[1], canonical=row[2], value=row[3])
