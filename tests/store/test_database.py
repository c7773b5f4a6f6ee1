import sqlite3

import pytest

from nato_reader.errors import LibraryError
from nato_reader.store.library import Library
from nato_reader.store.schema import APPLICATION_ID, SCHEMA_VERSION


def test_new_library_has_schema_version_wal_and_foreign_keys(tmp_path):
    with Library(tmp_path / "lib.db") as library:
        conn = library.db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"articles", "tags", "article_tags", "annotations", "articles_fts"} <= set(
            library.db.table_names()
        )


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as library:
        library.set_meta("k", "v")
    with Library(path) as library:
        assert library.get_meta("k") == "v"


def _refused_untouched(path, match):
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=match):
        Library(path)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my precious notes")
    _refused_untouched(path, "not an SQLite database")


def test_a_foreign_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _refused_untouched(path, "not a NATO Reader library")


def test_a_library_from_a_newer_version_is_refused_and_untouched(tmp_path):
    path = tmp_path / "new.db"
    with Library(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    _refused_untouched(path, "newer NATO Reader")


def test_a_damaged_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    _refused_untouched(path, "damaged")


def test_a_failed_action_leaves_nothing_half_written(library):
    from nato_reader.store.database import transaction

    with pytest.raises(RuntimeError), transaction(library.db):
        library.db.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        raise RuntimeError("crash in the middle")
    assert library.get_meta("a") is None


def test_check_reports_a_notes_index_out_of_step(tmp_path):
    from nato_reader.store.check import check_library

    with Library(tmp_path / "lib.db") as library:
        library.db.execute(
            "INSERT INTO articles (uri, source, content_hash, title, body, imported_at,"
            " updated_at) VALUES ('u', 's', 'h', 'T', 'text', 'now', 'now')")
        assert check_library(library) == []
        library.db.execute("DELETE FROM article_notes_fts")  # as a broken trigger would
        assert check_library(library) == [
            "search index article_notes_fts: 0 rows for 1 articles"]


def test_query_gives_rows_as_dicts(tmp_path):
    with Library(tmp_path / "lib.db") as library:
        library.set_meta("k", "v")
        assert list(library.db.query("SELECT key, value FROM meta WHERE key = ?", ["k"])) == [
            {"key": "k", "value": "v"}]
