"""The library: one SQLite file, and the repositories that read and write it."""

from __future__ import annotations

from pathlib import Path

from nato_reader.store.analyses import AnalysisCache
from nato_reader.store.annotations import AnnotationStore, ColourStore
from nato_reader.store.articles import ArticleStore
from nato_reader.store.corrections import CorrectionStore
from nato_reader.store.database import open_database, transaction
from nato_reader.store.search import SearchHit, search_articles


class Library:
    """Owns the connection. Use from one thread: workers hand results back instead."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.db = open_database(self.path)
        self.articles = ArticleStore(self.db)
        self.analyses = AnalysisCache(self.db)
        self.corrections = CorrectionStore(self.db)
        self.annotations = AnnotationStore(self.db)
        self.colours = ColourStore(self.db)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        return search_articles(self.db, text, limit)

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with transaction(self.db):
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
