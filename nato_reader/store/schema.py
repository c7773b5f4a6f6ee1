"""The library's schema, one migration per version.

`PRAGMA user_version` holds the schema version and `PRAGMA application_id` marks the
file as ours, so a newer or foreign file is refused before anything is written to it.
Each migration runs in one transaction: a crash leaves the previous version intact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # database.py imports this module
    from nato_reader.store.database import Database

APPLICATION_ID = 0x4E41544F  # "NATO"


def _v1(db: Database) -> None:
    db.execute("""
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uri TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            title_edited INTEGER NOT NULL DEFAULT 0,
            published TEXT,
            body TEXT NOT NULL,
            headings TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")
    db.execute("CREATE INDEX articles_published ON articles(published)")
    db.execute("""
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        )""")
    db.execute("""
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        )""")
    db.execute("CREATE INDEX article_tags_tag ON article_tags(tag_id)")
    db.execute("""
        CREATE TABLE analyses (
            content_hash TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (content_hash, pipeline_version)
        )""")
    db.execute("""
        CREATE TABLE entity_corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('retype', 'rename', 'merge', 'hide')),
            canonical TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE colours (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            hex TEXT NOT NULL,
            position INTEGER NOT NULL
        )""")
    db.execute("""
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            orphan INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX annotations_article ON annotations(article_id)")
    db.execute("""
        CREATE TABLE annotation_tags (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        )""")
    db.execute("CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id)")
    db.execute("""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE export_hashes (
            path TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            exported_at TEXT NOT NULL
        )""")
    # Full-text index over title and body, kept in sync by triggers. Written out rather
    # than through enable_fts(), whose executescript() would commit mid-migration.
    db.execute("""
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content='articles', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""")
    db.execute("""
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""")
    db.execute("""
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END""")
    db.execute("""
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""")
    default_colours = [
        ("yellow", "#f7e463"), ("claim", "#ffb3a7"), ("evidence", "#a8e6a1"),
        ("question", "#a7c7ff"), ("quote", "#e0b3ff"),
    ]
    for position, (name, hex_) in enumerate(default_colours):
        db.execute("INSERT INTO colours (name, hex, position) VALUES (?, ?, ?)",
                   [name, hex_, position])


def _v2(db: Database) -> None:
    """Full-text indexes over what the reader wrote: annotation notes and tags, and
    article notes and tags, so search finds an article by them too."""
    _notes_index(db, "annotations_fts", owner="annotations", link="annotation_tags",
                 key="annotation_id")
    _notes_index(db, "article_notes_fts", owner="articles", link="article_tags",
                 key="article_id")


def _notes_index(db: Database, fts: str, *, owner: str, link: str,
                 key: str) -> None:
    """FTS5 table `fts`(note, tags) with rowid = owner.id, filled from the rows there now
    and kept in sync by triggers: on the owner's note, on its tag links, on tag renames.
    Written out (not enable_fts) so the migration stays one transaction."""
    def tags_of(owner_id: str) -> str:
        return (f"coalesce((SELECT group_concat(t.name, ' ') FROM {link} x JOIN tags t"
                f" ON t.id = x.tag_id WHERE x.{key} = {owner_id}), '')")

    db.execute(f"""
        CREATE VIRTUAL TABLE {fts} USING fts5(
            note, tags, tokenize='porter unicode61 remove_diacritics 2'
        )""")
    db.execute(f"INSERT INTO {fts} (rowid, note, tags)"
               f" SELECT o.id, o.note, {tags_of('o.id')} FROM {owner} o")
    db.execute(f"""
        CREATE TRIGGER {fts}_insert AFTER INSERT ON {owner} BEGIN
            INSERT INTO {fts} (rowid, note, tags) VALUES (new.id, new.note, '');
        END""")
    db.execute(f"""
        CREATE TRIGGER {fts}_delete AFTER DELETE ON {owner} BEGIN
            DELETE FROM {fts} WHERE rowid = old.id;
        END""")
    db.execute(f"""
        CREATE TRIGGER {fts}_note AFTER UPDATE OF note ON {owner} BEGIN
            UPDATE {fts} SET note = new.note WHERE rowid = new.id;
        END""")
    db.execute(f"""
        CREATE TRIGGER {fts}_tag_added AFTER INSERT ON {link} BEGIN
            UPDATE {fts} SET tags = {tags_of(f"new.{key}")} WHERE rowid = new.{key};
        END""")
    db.execute(f"""
        CREATE TRIGGER {fts}_tag_removed AFTER DELETE ON {link} BEGIN
            UPDATE {fts} SET tags = {tags_of(f"old.{key}")} WHERE rowid = old.{key};
        END""")
    db.execute(f"""
        CREATE TRIGGER {fts}_tag_renamed AFTER UPDATE OF name ON tags BEGIN
            UPDATE {fts} SET tags = {tags_of(f"{fts}.rowid")}
            WHERE rowid IN (SELECT {key} FROM {link} WHERE tag_id = new.id);
        END""")


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)
