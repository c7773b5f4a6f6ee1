"""Cached analyses, keyed by the text's content hash and the pipeline version:
reopening an article is instant, and a new pipeline recomputes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

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

    def count_missing(self, pipeline_version: str) -> int:
        """How many articles `missing` would list, without listing them."""
        return self._db.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses n"
            " WHERE n.content_hash = a.content_hash AND n.pipeline_version = ?)",
            [pipeline_version],
        ).fetchone()[0]

    def mentioning(self, canonicals: Iterable[str], pipeline_version: str
                   ) -> Iterator[tuple[int, Analysis]]:
        """(article id, analysis) of the analysed articles whose cached result has a
        mention with one of these canonical names. SQLite looks for the names in the
        stored JSON, so only those articles' results are decoded."""
        for article_id, result in self._mentioning(canonicals, pipeline_version, "n.result"):
            yield article_id, Analysis.from_json(json.loads(result))

    def ids_mentioning(self, canonicals: Iterable[str], pipeline_version: str) -> list[int]:
        """The ids alone: nothing decoded (3,000 results took 0.7 s to decode)."""
        return [row[0] for row in self._mentioning(canonicals, pipeline_version, "NULL")]

    def _mentioning(self, canonicals, pipeline_version: str, column: str):
        # The stored JSON is compact and ASCII-escaped, as json.dumps writes each name.
        needles = [f'"canonical":{json.dumps(name)}' for name in dict.fromkeys(canonicals)]
        if not needles:
            return []
        found = " OR ".join(["instr(n.result, ?) > 0"] * len(needles))
        return self._db.execute(
            f"SELECT a.id, {column} FROM articles a JOIN analyses n"
            " ON n.content_hash = a.content_hash AND n.pipeline_version = ?"
            f" WHERE {found} ORDER BY a.id", [pipeline_version, *needles])

    def prune(self) -> int:
        """Drop cached results no article uses any more."""
        with transaction(self._db):
            cursor = self._db.execute(
                "DELETE FROM analyses WHERE content_hash NOT IN (SELECT content_hash FROM articles)"
            )
            return cursor.rowcount
