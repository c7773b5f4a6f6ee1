"""`nato-reader check`: is the library file sound?

Inspected through sqlite-utils' table API: `check` is a command of its own, so its import
cost (kept off the window's start, see database.py) does not matter here.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from nato_reader.store.library import Library

# The notes indexes keep their own copy of each row (triggers keep them in step): one
# index row per row of the table they index, or search misses notes or finds ghosts.
NOTE_INDEXES = {"annotations_fts": "annotations", "article_notes_fts": "articles"}


def check_library(library: Library) -> list[str]:
    """Problems found, as sentences; an empty list means the library is sound."""
    problems: list[str] = []
    db = sqlite_utils.Database(library.db.conn)
    try:
        for (result,) in db.execute("PRAGMA integrity_check"):
            if result != "ok":
                problems.append(f"integrity: {result}")
        for row in db.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: row {row[1]} of {row[0]} points to a missing {row[2]}")
        tables = set(db.table_names())
        for table in sorted(t for t in tables if t.endswith("_fts")):
            try:
                db.execute(f"INSERT INTO [{table}] ([{table}]) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index {table}: {exc}")
        for index, owner in NOTE_INDEXES.items():
            if index not in tables:
                continue
            indexed, rows = db[index].count, db[owner].count
            if indexed != rows:
                problems.append(f"search index {index}: {indexed} rows for {rows} {owner}")
    except sqlite3.DatabaseError as exc:
        problems.append(f"the database cannot be read: {exc}")
    return problems
