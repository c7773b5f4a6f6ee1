"""Opening a library file safely, and the transaction every write goes through.

A file that is not ours, is damaged, or comes from a newer version is refused before
SQLite writes a byte to it: the checks below only read (header bytes, then a read-only
connection), and only a file that passes is opened for writing and migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from nato_reader.errors import LibraryError
from nato_reader.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Database:
    """The library's connection, with the helpers the repositories use.

    The same method names as sqlite-utils' Database, which the store used to wrap: it
    only ever used these thin layers over sqlite3, and importing sqlite-utils (click,
    dateutil, pluggy, importlib.metadata) took 75-110 ms of the window's cold start,
    more than a third of its budget. sqlite-utils is still what `check` inspects with.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Sequence | dict = ()) -> Iterator[dict]:
        """Rows as dicts keyed by column name."""
        cursor = self.conn.execute(sql, parameters)
        names = [column[0] for column in cursor.description or ()]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the library at `path`."""
    path = Path(path)
    if path.exists():
        _check_existing(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{path}: cannot create the library folder ({exc})") from exc
    try:
        # Autocommit mode: transactions are explicit (see `transaction`), so nothing is
        # left half-written and nothing commits behind our back.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed action survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open the library ({exc})") from exc
    db = Database(conn)
    try:
        _migrate(db)
    except sqlite3.Error as exc:
        conn.close()
        raise LibraryError(f"{path}: cannot prepare the library ({exc})") from exc
    return db


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One user action, one transaction: committed at once, or not at all."""
    conn = db.conn
    if conn.in_transaction:  # nested: the outer transaction decides
        yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _check_existing(path: Path) -> None:
    if path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read the library ({exc.strerror or exc})") from exc
    if not header:
        return  # an empty file is a new library
    if header != SQLITE_HEADER:
        raise LibraryError(
            f"{path}: not a NATO Reader library (not an SQLite database); it was left untouched"
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(
            f"{path}: the library is damaged or not a database ({exc}); it was left untouched"
        ) from exc
    if app_id != APPLICATION_ID and (tables or version):
        raise LibraryError(
            f"{path}: an SQLite database, but not a NATO Reader library; it was left untouched"
        )
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path}: made by a newer NATO Reader (library schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}); it was left untouched. Please upgrade NATO Reader."
        )


def _migrate(db: Database) -> None:
    conn = db.conn
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[target - 1](db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {target}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
