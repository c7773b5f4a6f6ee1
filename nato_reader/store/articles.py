"""Articles and their tags: the library's main table."""

from __future__ import annotations

import json
from datetime import date

from nato_reader.core.model import Article, ArticleSummary, ParsedArticle, Span
from nato_reader.errors import LibraryError
from nato_reader.store.database import Database, transaction, utc_now

NEWEST_FIRST = "published IS NULL, published DESC, id"


class ArticleStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading -------------------------------------------------------------------

    def get(self, article_id: int) -> Article:
        rows = list(self._db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise LibraryError(f"no article with id {article_id}")
        return _article(rows[0], self.tags_of(article_id))

    def find_by_uri(self, uri: str) -> Article | None:
        rows = list(self._db.query("SELECT * FROM articles WHERE uri = ?", [uri]))
        return _article(rows[0], self.tags_of(rows[0]["id"])) if rows else None

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", [content_hash]
        ).fetchone()
        return row[0] if row else None

    def summaries(self) -> list[ArticleSummary]:
        """Every article without its body, newest first, undated last."""
        tags = self._all_tags()
        rows = self._db.execute(f"SELECT id, uri, source, title, published FROM articles"
                                f" ORDER BY {NEWEST_FIRST}")
        return [
            ArticleSummary(id=id_, uri=uri, source=source, title=title,
                           published=_date(published), tags=tuple(tags.get(id_, ())))
            for id_, uri, source, title, published in rows
        ]

    def newest_id(self) -> int | None:
        """The first article of `summaries()`, without reading them all."""
        row = self._db.execute(f"SELECT id FROM articles ORDER BY {NEWEST_FIRST} LIMIT 1"
                               ).fetchone()
        return row[0] if row else None

    def exists(self, article_id: int) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]
                                ).fetchone() is not None

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def tags_of(self, article_id: int) -> tuple[str, ...]:
        return tuple(
            row[0] for row in self._db.execute(
                "SELECT t.name FROM tags t JOIN article_tags a ON a.tag_id = t.id "
                "WHERE a.article_id = ? ORDER BY t.name COLLATE NOCASE", [article_id]
            )
        )

    def all_tag_names(self) -> list[str]:
        rows = self._db.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")
        return [row[0] for row in rows]

    # -- writing -------------------------------------------------------------------

    def add(self, parsed: ParsedArticle, *, uri: str, source: str, content_hash: str) -> int:
        now = utc_now()
        with transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO articles (uri, source, content_hash, title, title_edited, published,"
                " body, headings, imported_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                [uri, source, content_hash, parsed.title, _iso(parsed.published), parsed.body,
                 _headings_json(parsed.headings), now, now],
            )
            return cursor.lastrowid

    def replace_content(self, article_id: int, parsed: ParsedArticle, content_hash: str) -> None:
        """The source file changed: take its new text, keeping a title the user edited."""
        with transaction(self._db):
            self._db.execute(
                "UPDATE articles SET content_hash = ?, body = ?, headings = ?,"
                " published = coalesce(?, published),"
                " title = CASE WHEN title_edited THEN title ELSE ? END, updated_at = ?"
                " WHERE id = ?",
                [content_hash, parsed.body, _headings_json(parsed.headings),
                 _iso(parsed.published), parsed.title, utc_now(), article_id],
            )

    def set_title(self, article_id: int, title: str) -> str:
        """Returns the previous title, so the change can be undone."""
        title = " ".join(title.split())
        if not title:
            raise LibraryError("a title cannot be empty")
        old = self.get(article_id).title
        with transaction(self._db):
            self._db.execute(
                "UPDATE articles SET title = ?, title_edited = 1, updated_at = ? WHERE id = ?",
                [title, utc_now(), article_id],
            )
        return old

    def set_published(self, article_id: int, published: date | None) -> date | None:
        old = self.get(article_id).published
        with transaction(self._db):
            self._db.execute(
                "UPDATE articles SET published = ?, updated_at = ? WHERE id = ?",
                [_iso(published), utc_now(), article_id],
            )
        return old

    def set_note(self, article_id: int, note: str) -> str:
        old = self.get(article_id).note
        with transaction(self._db):
            self._db.execute(
                "UPDATE articles SET note = ?, updated_at = ? WHERE id = ?",
                [note, utc_now(), article_id],
            )
        return old

    def set_tags(self, article_id: int, tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """Replace the article's tags; returns the previous ones."""
        old = self.tags_of(article_id)
        with transaction(self._db):
            self._db.execute("DELETE FROM article_tags WHERE article_id = ?", [article_id])
            for tag_id in ensure_tags(self._db, tags):
                self._db.execute(
                    "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)",
                    [article_id, tag_id],
                )
        return old

    def delete(self, article_id: int) -> None:
        with transaction(self._db):
            self._db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _all_tags(self) -> dict[int, list[str]]:
        tags: dict[int, list[str]] = {}
        for article_id, name in self._db.execute(
            "SELECT a.article_id, t.name FROM article_tags a JOIN tags t ON t.id = a.tag_id "
            "ORDER BY t.name COLLATE NOCASE"
        ):
            tags.setdefault(article_id, []).append(name)
        return tags


def normalise_tag(tag: str) -> str:
    """Tags are single words as in Obsidian: spaces become hyphens, a leading # goes."""
    return "-".join(tag.strip().lstrip("#").split())


def ensure_tags(db: Database, tags) -> list[int]:
    """The ids of `tags`, creating the missing ones (call inside a transaction)."""
    ids = []
    for tag in dict.fromkeys(normalise_tag(t) for t in tags):
        if not tag:
            continue
        db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [tag])
        ids.append(db.execute("SELECT id FROM tags WHERE name = ?", [tag]).fetchone()[0])
    return ids


def _article(row: dict, tags: tuple[str, ...]) -> Article:
    return Article(
        id=row["id"], uri=row["uri"], source=row["source"], content_hash=row["content_hash"],
        title=row["title"], published=_date(row["published"]), body=row["body"],
        headings=tuple(Span(s, e) for s, e in json.loads(row["headings"])),
        imported_at=row["imported_at"], note=row["note"], tags=tags,
    )


def _headings_json(headings) -> str:
    return json.dumps([[h.start, h.end] for h in headings])


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
