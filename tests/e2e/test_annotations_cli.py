"""`nato-reader annotations list|export|import` and search by notes, as a user runs them."""

import json

import pytest

from nato_reader.store.library import Library
from tests_helpers import run_cli as run

pytestmark = pytest.mark.slow


@pytest.fixture
def annotated(tmp_path):
    """A seeded library with two annotations on one article; returns (db, article)."""
    db = tmp_path / "one.db"
    articles = json.loads(run("list", "--db", db, "--json").stdout)
    article = next(a for a in articles if "race" in a["uri"])
    with Library(db) as library:
        body = library.articles.get(article["id"]).body
        start = body.index("Secretary General")
        library.annotations.add(article["id"], start, start + 17, "claim",
                                note="Is the *title* right? zeppelin", tags=["titles", "check"])
        library.annotations.add(article["id"], 0, 10, "evidence")
    return db, article


def test_list_as_json_and_as_text(annotated):
    db, article = annotated
    listed = json.loads(run("annotations", "list", "--db", db, "--json").stdout)
    assert [set(a) for a in listed] == [{"id", "article", "quote", "start", "end", "note",
                                         "tags", "colour", "orphan"}] * 2
    first, second = sorted(listed, key=lambda a: a["start"])
    assert (first["start"], first["end"], first["colour"], first["note"]) == (0, 10, "evidence", "")
    assert (second["quote"], second["colour"], second["tags"], second["orphan"]) == (
        "Secretary General", "claim", ["check", "titles"], False)
    assert second["article"] == article["id"] and second["end"] - second["start"] == 17
    text = run("annotations", "list", "--db", db, "--article", article["id"]).stdout
    assert "“Secretary General” #check #titles" in text and "[evidence]" in text
    assert json.loads(run("annotations", "list", "--db", db, "--article", 1 if article["id"] != 1
                          else 2, "--json").stdout) == []
    missing = run("annotations", "list", "--db", db, "--article", 999, check=False)
    assert missing.returncode == 1 and "no article with id 999" in missing.stderr


def test_search_finds_an_article_by_a_word_only_in_a_note_or_tag(annotated):
    db, article = annotated
    hits = json.loads(run("search", "zeppelin", "--db", db, "--json").stdout)
    assert [h["id"] for h in hits] == [article["id"]]
    hits = json.loads(run("search", "titles", "--db", db, "--json").stdout)
    assert [h["id"] for h in hits] == [article["id"]]


def test_export_then_import_into_another_library_and_again(annotated, tmp_path):
    db, article = annotated
    exported = tmp_path / "export.json"
    run("annotations", "export", "--db", db, "--output", exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["type"] == "AnnotationCollection" and document["total"] == 2
    assert {i["target"]["source"] for i in document["first"]["items"]} == {article["uri"]}

    other = tmp_path / "two.db"
    result = run("annotations", "import", exported, "--db", other)
    assert result.stdout.startswith("2 added")
    before = json.loads(run("annotations", "list", "--db", db, "--json").stdout)
    after = json.loads(run("annotations", "list", "--db", other, "--json").stdout)
    fields = ("quote", "start", "end", "note", "tags", "colour", "orphan")
    assert sorted(tuple(str(a[f]) for f in fields) for a in after) == \
        sorted(tuple(str(a[f]) for f in fields) for a in before)

    again = run("annotations", "import", exported, "--db", other)
    assert again.stdout.startswith("0 added") and "2 already there" in again.stdout
    assert len(json.loads(run("annotations", "list", "--db", other, "--json").stdout)) == 2
    assert run("check", "--db", other).stdout.startswith("ok:")


def test_import_reports_unknown_sources_and_imports_the_rest(annotated, tmp_path):
    db, article = annotated
    hypothesis_rows = {"total": 2, "rows": [
        {"id": "elsewhere", "uri": "https://example.org/unknown", "text": "lost",
         "target": [{"source": "https://example.org/unknown",
                     "selector": [{"type": "TextQuoteSelector", "exact": "NATO"}]}]},
        {"id": "here", "uri": article["uri"], "text": "from Hypothesis", "tags": ["hyp"],
         "target": [{"source": article["uri"], "selector": [
             {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0,
              "endContainer": "/p[1]", "endOffset": 9},
             {"type": "TextQuoteSelector", "exact": "Jens Stoltenberg"}]}]},
    ]}
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(hypothesis_rows), encoding="utf-8")
    result = run("annotations", "import", path, "--db", db, check=False)
    assert result.returncode == 1
    assert "https://example.org/unknown" in result.stderr and "no article" in result.stderr
    assert result.stdout.startswith("1 added")
    listed = json.loads(run("annotations", "list", "--db", db, "--json").stdout)
    (imported,) = [a for a in listed if a["note"] == "from Hypothesis"]
    assert imported["quote"] == "Jens Stoltenberg" and imported["tags"] == ["hyp"]
    assert imported["colour"] == "yellow" and not imported["orphan"]


def test_import_of_a_file_that_is_not_json_fails_clearly(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("not json", encoding="utf-8")
    result = run("annotations", "import", path, "--db", tmp_path / "x.db", check=False)
    assert result.returncode == 1 and "not a JSON file" in result.stderr
    assert result.stderr.count("\n") == 1


def test_import_in_process_orphans_new_colours_and_a_failed_item(tmp_path):
    """import_web_annotations directly: what cannot be placed comes in as an orphan (once),
    an unknown colour name joins the palette, and a failing item is reported, the rest go in."""
    from nato_reader.commands.annotations import import_web_annotations
    from nato_reader.core.articles import content_hash, parse_article

    with Library(tmp_path / "p.db") as library:
        parsed = parse_article("Finland joined the alliance in April after a long debate.")
        library.articles.add(parsed, uri="file:///f.txt", source="f.txt",
                             content_hash=content_hash(parsed))

        def item(exact, note="", colour=None, source="file:///f.txt"):
            body = [{"type": "TextualBody", "purpose": "commenting", "value": note}]
            if colour:
                body.append({"type": "TextualBody", "purpose": "highlighting", "value": colour})
            return {"type": "Annotation", "body": body, "target": {
                "source": source, "selector": {"type": "TextQuoteSelector", "exact": exact}}}

        document = [item("Sweden waited for Turkey", note="gone"),
                    item("joined the alliance", colour="rumour"),
                    item("x", source="file:///nowhere.txt")]
        report = import_web_annotations(library, document)
        assert (report.added, report.orphans, report.duplicates) == (2, 1, 0)
        assert len(report.errors) == 1 and "file:///nowhere.txt" in report.errors[0]
        assert any("rumour" in w for w in report.warnings)
        orphan, placed = sorted(library.annotations.all(), key=lambda a: not a.orphan)
        assert orphan.orphan and orphan.exact == "Sweden waited for Turkey"
        assert placed.colour == "rumour" and placed.start == 8 and not placed.orphan
        assert "rumour" in [c.name for c in library.colours.all()]
        again = import_web_annotations(library, document)
        assert (again.added, again.duplicates) == (0, 2)
        assert len(library.annotations.all()) == 2
