"""Cached analyses, keyed by the text's content hash and the pipeline version:
reopening an article is instant, and a new pipeline recomputes."""

from __future__ import annotations

import json

from nato_reader.core.model import Analysis
from nato_reader.store.database import Database, transaction, utc_now


class AnalysisCache:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, content_hash: str, pipeline_version: str) -> Analysis | None:
        row = self._db.execute(
            "SELECT result FROM analyses WHERE content_hash = ? AND pipeline_version = ?",
            [content_hash, pipeline_version],
        ).fetchone()
        return Analysis.from_json(json.loads(row[0])) if row else None

    def put(self, content_hash: str, analysis: Analysis) -> None:
        with transaction(self._db):
            self._db.execute(
                "INSERT OR REPLACE INTO analyses (content_hash, pipeline_version, result,"
                " created_at) VALUES (?, ?, ?, ?)",
                [content_hash, analysis.pipeline_version,
                 json.dumps(analysis.to_json(), separators=(",", ":")), utc_now()],
            )

    def missing(self, pipeline_version: str) -> list[tuple[int, str]]:
        """(article id, content hash) of articles not yet analysed by this pipeline."""
        return [
            (row[0], row[1])
            for row in self._db.execute(
                "SELECT a.id, a.content_hash FROM articles a LEFT JOIN analyses n"
                " ON n.content_hash = a.content_hash AND n.pipeline_version = ?"
                " WHERE n.content_hash IS NULL ORDER BY a.id",
                [pipeline_version],
            )
        ]

    def prune(self) -> int:
        """Drop cached results no article uses any more."""
        with transaction(self._db):
            cursor = self._db.execute(
                "DELETE FROM analyses WHERE content_hash NOT IN (SELECT content_hash FROM articles)"
            )
            return cursor.rowcount
