"""The command line as a user and other tools drive it: a subprocess per call."""

import json

import pytest

from tests_helpers import run_cli as run

pytestmark = pytest.mark.slow


def test_import_twice_list_and_search(tmp_path, seeds_dir):
    db = tmp_path / "x.db"
    run("import", seeds_dir, "--db", db)
    second = run("import", seeds_dir, "--db", db)
    assert "0 added" in second.stdout
    articles = json.loads(run("list", "--db", db, "--json").stdout)
    assert len(articles) == 2
    assert all(a["title"] and a["uri"] and "tags" in a and "source" in a for a in articles)
    assert "2023-04-01" in [a["published"] for a in articles]
    assert len(json.loads(run("search", "secretary general", "--db", db, "--json").stdout)) == 2
    assert len(json.loads(run("--db", db, "search", "Draghi", "--json").stdout)) == 1


def test_db_from_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    run("list", env={"NATO_READER_DB": str(db)})
    assert db.exists()


def test_check_passes_on_a_sound_library(tmp_path):
    db = tmp_path / "c.db"
    result = run("check", "--db", db)
    assert result.stdout.startswith("ok:")


def test_errors_are_one_line_with_nonzero_exit(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    result = run("list", "--db", bad, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "not an SQLite database" in result.stderr
    assert bad.read_text() == "not a database"


def test_import_of_a_missing_path_fails_clearly(tmp_path):
    result = run("import", tmp_path / "nope", "--db", tmp_path / "m.db", check=False)
    assert result.returncode == 1 and "no such file or folder" in result.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("nato-reader ")
    for command in ("import", "list", "search", "check"):
        assert "--db" in run(command, "--help").stdout


def test_edit_sets_title_date_and_tags_and_refuses_a_wrong_date(tmp_path):
    db = tmp_path / "e.db"
    article_id = json.loads(run("list", "--db", db, "--json").stdout)[0]["id"]
    run("edit", article_id, "--title", "Renamed", "--date", "2023-04-02", "--tags", "summit,#NATO",
        "--db", db)
    (edited,) = [a for a in json.loads(run("list", "--db", db, "--json").stdout)
                 if a["id"] == article_id]
    assert (edited["title"], edited["published"], edited["tags"]) == (
        "Renamed", "2023-04-02", ["NATO", "summit"])
    bad = run("edit", article_id, "--date", "2023-02-30", "--db", db, check=False)
    assert bad.returncode == 1 and "not a valid date" in bad.stderr
    unknown = run("edit", 999, "--title", "x", "--db", db, check=False)
    assert unknown.returncode == 1 and "no article with id 999" in unknown.stderr


def test_a_new_library_says_it_holds_the_bundled_articles_on_stderr(tmp_path):
    result = run("list", "--json", "--db", tmp_path / "n.db")
    assert "new library" in result.stderr and "2 bundled articles" in result.stderr
    assert len(json.loads(result.stdout)) == 2
    again = run("list", "--json", "--db", tmp_path / "n.db")
    assert again.stderr == ""
