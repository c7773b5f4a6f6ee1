"""`nato-reader export` as a user drives it: a subprocess on a temporary library.

The library's analyses are filled from the test (cached under the current pipeline
version), so no spaCy model is loaded by the subprocess.
"""

import json
import re

import pytest

from nato_reader.core.analysis import PIPELINE_VERSION
from nato_reader.core.model import Analysis, Mention
from nato_reader.store.importer import ensure_seeded
from nato_reader.store.library import Library
from tests_helpers import run_cli as run

pytestmark = pytest.mark.slow


@pytest.fixture
def db(tmp_path):
    """The seeded library, with a cached analysis and one highlight per article."""
    path = tmp_path / "lib.db"
    with Library(path) as library:
        ensure_seeded(library)
        for summary in library.articles.summaries():
            article = library.articles.get(summary.id)
            mentions = tuple(Mention(m.start(), m.end(), "NATO", "ORG", "NATO")
                             for m in re.finditer(r"\bNATO\b", article.body))
            library.analyses.put(article.content_hash, Analysis(
                mentions=mentions, timexes=(), sentences=(), pipeline_version=PIPELINE_VERSION))
            start = article.body.index("Stoltenberg")
            library.annotations.add(article.id, start, start + 11, "evidence", note="noted",
                                    tags=["who"])
    return path


def test_export_whole_library_then_keep_an_edited_file(db, tmp_path):
    out = tmp_path / "vault"
    first = run("export", "--out", out, "--db", db)
    files = sorted(out.glob("*.md"))
    assert len(files) == 2 and "2 written" in first.stdout
    text = files[0].read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ") and "==Stoltenberg==" in text
    assert "> [!evidence] evidence · “Stoltenberg” #who\n> noted\n\n^ann-" in text
    assert "- NATO (" in text

    files[0].write_text(text.replace("noted", "my edit"), encoding="utf-8")
    second = run("--db", db, "export", "--out", out)
    assert "1 written beside a file you edited" in second.stdout
    assert "1 unchanged" in second.stdout
    assert "my edit" in files[0].read_text(encoding="utf-8")
    assert files[0].with_name(files[0].stem + ".new.md").exists()


def test_export_one_article_as_json(db, tmp_path):
    articles = json.loads(run("list", "--json", "--db", db).stdout)
    article_id = articles[0]["id"]
    run("export", "--article", article_id, "--format", "json", "--out", tmp_path / "j",
        "--db", db)
    (path,) = (tmp_path / "j").glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["article"]["id"] == article_id and data["article"]["title"] == articles[0]["title"]
    assert {e["canonical"] for e in data["entities"]} == {"NATO"}
    (annotation,) = data["annotations"]
    selectors = {s["type"]: s for s in annotation["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "Stoltenberg"
    start = selectors["TextPositionSelector"]["start"]
    assert data["article"]["text"][start:start + 11] == "Stoltenberg"


def test_unknown_article_fails_before_writing(db, tmp_path):
    result = run("export", "--article", "999", "--out", tmp_path / "none", "--db", db,
                 check=False)
    assert result.returncode == 1 and "no article with id 999" in result.stderr
    assert not (tmp_path / "none").exists()


def test_help_lists_the_options():
    text = run("export", "--help").stdout
    assert all(option in text for option in ("--article", "--out", "--format", "--db"))
