"""`nato-reader check`: is the library file sound?"""

from __future__ import annotations

import sqlite3

from nato_reader.store.library import Library


def check_library(library: Library) -> list[str]:
    """Problems found, as sentences; an empty list means the library is sound."""
    problems: list[str] = []
    db = library.db
    try:
        for (result,) in db.execute("PRAGMA integrity_check"):
            if result != "ok":
                problems.append(f"integrity: {result}")
        for row in db.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: row {row[1]} of {row[0]} points to a missing {row[2]}")
        for table in [t for t in db.table_names() if t.endswith("_fts")]:
            try:
                db.execute(f"INSERT INTO [{table}] ([{table}]) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index {table}: {exc}")
    except sqlite3.DatabaseError as exc:
        problems.append(f"the database cannot be read: {exc}")
    return problems
