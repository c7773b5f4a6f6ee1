"""The annotation and colour stores: writes, undo data, tags, re-anchoring, search."""

import sqlite3

import pytest

from nato_reader.core.articles import content_hash, parse_article
from nato_reader.core.model import ImportReport
from nato_reader.errors import LibraryError
from nato_reader.store.check import check_library
from nato_reader.store.database import Database
from nato_reader.store.importer import import_file
from nato_reader.store.library import Library
from nato_reader.store.schema import MIGRATIONS
from nato_reader.store.search import matching_article_ids

BODY = (
    "NATO leaders agreed on Tuesday to extend the mandate of the secretary general. "
    "The decision came after weeks of talks in Brussels. Allies said the extension "
    "gives them time to find a successor before the summit in Vilnius next July."
)


def add_article(library, body=BODY, uri="file:///a.txt"):
    parsed = parse_article(body)
    return library.articles.add(parsed, uri=uri, source=uri, content_hash=content_hash(parsed))


def span(text, body=BODY):
    start = body.index(text)
    return start, start + len(text)


@pytest.fixture
def article_id(library):
    return add_article(library)


def test_add_stores_the_quote_with_32_characters_of_context(library, article_id):
    start, end = span("weeks of talks")
    a = library.annotations.add(article_id, start, end, "claim", note="*why*",
                                tags=["#talks", "follow up"])
    assert (a.exact, a.start, a.end, a.colour, a.note) == ("weeks of talks", start, end,
                                                          "claim", "*why*")
    assert a.prefix == BODY[start - 32:start] and a.suffix == BODY[end:end + 32]
    assert a.tags == ("follow-up", "talks") and not a.orphan and a.created_at
    assert library.annotations.get(a.id) == a
    assert library.annotations.all_tag_names() == ["follow-up", "talks"]


@pytest.mark.parametrize("start, end", [(5, 5), (10, 2), (-1, 4), (0, len(BODY) + 1)])
def test_add_refuses_a_range_outside_the_text(library, article_id, start, end):
    with pytest.raises(LibraryError, match="not a piece of the text"):
        library.annotations.add(article_id, start, end, "claim")
    assert library.annotations.all() == []


def test_add_refuses_unknown_article_and_colour(library, article_id):
    with pytest.raises(LibraryError, match="no article"):
        library.annotations.add(999, 0, 4, "claim")
    with pytest.raises(LibraryError, match="no colour"):
        library.annotations.add(article_id, 0, 4, "mauve")
    assert library.annotations.add(article_id, 0, 4, "CLAIM").colour == "claim"


def test_for_article_lists_in_text_order_with_orphans_last(library, article_id):
    later = library.annotations.add(article_id, *span("Vilnius"), "yellow")
    earlier = library.annotations.add(article_id, *span("Brussels"), "yellow")
    library.db.execute("UPDATE annotations SET orphan = 1 WHERE id = ?", [earlier.id])
    first = library.annotations.add(article_id, *span("NATO"), "yellow")
    ids = [a.id for a in library.annotations.for_article(article_id)]
    assert ids == [first.id, later.id, earlier.id]
    other = add_article(library, "Another text about Sweden.", uri="file:///b.txt")
    library.annotations.add(other, 0, 7, "yellow")
    assert len(library.annotations.all()) == 4
    assert [a.article_id for a in library.annotations.all(other)] == [other]


def test_update_returns_the_previous_state_and_undo_restores_it(library, article_id):
    a = library.annotations.add(article_id, *span("Brussels"), "claim", note="old",
                                tags=["x"])
    previous = library.annotations.update(a.id, note="new", tags=["y", "z"], colour="evidence")
    assert previous == a
    now = library.annotations.get(a.id)
    assert (now.note, now.tags, now.colour) == ("new", ("y", "z"), "evidence")
    library.annotations.update(a.id, note=previous.note, tags=previous.tags,
                               colour=previous.colour)
    back = library.annotations.get(a.id)
    assert (back.note, back.tags, back.colour) == ("old", ("x",), "claim")
    # Only what is given changes.
    library.annotations.update(a.id, tags=[])
    assert library.annotations.get(a.id).note == "old"
    assert library.annotations.get(a.id).tags == ()


def test_delete_then_restore_brings_back_the_same_annotation(library, article_id):
    a = library.annotations.add(article_id, *span("Vilnius"), "question", note="n", tags=["t"])
    deleted = library.annotations.delete(a.id)
    assert deleted == a
    with pytest.raises(LibraryError):
        library.annotations.get(a.id)
    assert library.annotations.restore(deleted) == a
    with pytest.raises(LibraryError, match="cannot be restored"):
        library.annotations.restore(deleted)


def test_a_failed_write_leaves_nothing_behind(library, article_id):
    a = library.annotations.add(article_id, *span("Vilnius"), "claim", tags=["keep"])
    with pytest.raises(LibraryError):
        library.annotations.update(a.id, tags=["new-tag"], colour="no-such-colour")
    assert library.annotations.get(a.id).tags == ("keep",)
    assert "new-tag" not in library.annotations.all_tag_names()
    assert not library.db.conn.in_transaction


def test_deleting_an_article_deletes_its_annotations(library, article_id):
    library.annotations.add(article_id, *span("Vilnius"), "claim", tags=["t"])
    library.articles.delete(article_id)
    assert library.annotations.all() == []
    assert check_library(library) == []


# -- colours --------------------------------------------------------------------------


def test_colours_add_rename_recolour_and_remove(library, article_id):
    names = [c.name for c in library.colours.all()]
    assert names[:2] == ["yellow", "claim"]
    rumour = library.colours.add("  rumour ", "#AABBCC")
    assert rumour.name == "rumour" and rumour.hex == "#aabbcc"
    assert library.colours.all()[-1] == rumour
    a = library.annotations.add(article_id, *span("Brussels"), "rumour")
    library.colours.rename("rumour", "hearsay")
    assert library.annotations.get(a.id).colour == "hearsay"
    assert library.colours.set_hex("hearsay", "#010203") == "#aabbcc"
    with pytest.raises(LibraryError, match="used by 1 annotation"):
        library.colours.remove("hearsay")
    library.annotations.delete(a.id)
    assert library.colours.remove("hearsay").hex == "#010203"
    assert "hearsay" not in [c.name for c in library.colours.all()]


@pytest.mark.parametrize("call", [
    lambda c: c.add("claim", "#000000"),
    lambda c: c.add("", "#000000"),
    lambda c: c.add("new", "red"),
    lambda c: c.rename("claim", "evidence"),
    lambda c: c.rename("nope", "x"),
    lambda c: c.set_hex("claim", "#12345"),
])
def test_colour_mistakes_are_refused(library, call):
    before = library.colours.all()
    with pytest.raises(LibraryError):
        call(library.colours)
    assert library.colours.all() == before


# -- re-anchoring -----------------------------------------------------------------------


def test_reanchor_keeps_moves_and_orphans(library, article_id):
    keep = library.annotations.add(article_id, *span("NATO leaders"), "yellow")
    move = library.annotations.add(article_id, *span("summit in Vilnius"), "yellow")
    lose = library.annotations.add(article_id, *span("weeks of talks in Brussels"), "claim",
                                   note="where?")
    new_body = BODY.replace("weeks of talks in Brussels", "a short phone call at dawn").replace(
        "Allies said", "Allies, meeting in Madrid on Monday, said")
    result = library.annotations.reanchor_article(article_id, BODY, new_body)
    assert (result.kept, result.moved, result.orphaned) == (1, 1, 1)
    assert library.annotations.get(keep.id).start == keep.start
    moved = library.annotations.get(move.id)
    assert new_body[moved.start:moved.end] == "summit in Vilnius" == moved.exact
    orphan = library.annotations.get(lose.id)
    assert orphan.orphan and orphan.exact == lose.exact and orphan.note == "where?"
    # The text comes back: the orphan is placed again.
    again = library.annotations.reanchor_article(article_id, new_body, BODY)
    assert again.recovered == 1 and not library.annotations.get(lose.id).orphan


def test_reimporting_a_changed_file_reanchors_and_warns(library, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(BODY, encoding="utf-8")
    report = ImportReport()
    import_file(library, path, uri=path.as_uri(), source=str(path), report=report)
    article_id = report.article_ids[0]
    body = library.articles.get(article_id).body
    start = body.index("Vilnius")
    a = library.annotations.add(article_id, start, start + 7, "claim")
    gone = library.annotations.add(article_id, *span("weeks of talks", body), "claim")
    path.write_text("An update. " + BODY.replace("weeks of talks", "a brief call"),
                    encoding="utf-8")
    report = ImportReport()
    import_file(library, path, uri=path.as_uri(), source=str(path), report=report)
    new_body = library.articles.get(article_id).body
    now = library.annotations.get(a.id)
    assert new_body[now.start:now.end] == "Vilnius" and now.start != start
    assert library.annotations.get(gone.id).orphan
    assert any("1 annotation no longer found" in w for w in report.warnings)


# -- search and schema ----------------------------------------------------------------------


def test_search_finds_an_article_by_its_annotation_note_or_tag(library, article_id):
    other = add_article(library, "Sweden joined the alliance in March.", uri="file:///s.txt")
    a = library.annotations.add(article_id, *span("Vilnius"), "claim",
                                note="Check against the Lithuanian press", tags=["venue-doubt"])
    assert [h.article_id for h in library.search("Lithuanian")] == [article_id]
    assert "annotation:" in library.search("Lithuanian")[0].snippet
    assert [h.article_id for h in library.search("venue")] == [article_id]
    assert [h.article_id for h in library.search("Sweden")] == [other]
    library.annotations.update(a.id, note="nothing to see", tags=["fine"])
    assert library.search("Lithuanian") == [] and library.search("venue") == []
    assert [h.article_id for h in library.search("fine")] == [article_id]
    library.db.execute("UPDATE tags SET name = 'excellent' WHERE name = 'fine'")
    assert [h.article_id for h in library.search("excellent")] == [article_id]
    assert matching_article_ids(library.db, "excellent") == {article_id}
    library.annotations.delete(a.id)
    assert library.search("excellent") == []
    assert matching_article_ids(library.db, "excellent") == set()
    assert check_library(library) == []


def test_search_finds_an_article_by_its_own_note_or_tag(library, article_id):
    library.articles.set_note(article_id, "Read alongside the Pentagon briefing")
    library.articles.set_tags(article_id, ["mandate-renewal"])
    (hit,) = library.search("pentagon")
    assert hit.article_id == article_id and hit.snippet.startswith("note: ")
    assert [h.article_id for h in library.search("renewal")] == [article_id]
    assert matching_article_ids(library.db, "pentagon briefing") == {article_id}
    library.articles.set_note(article_id, "")
    library.articles.set_tags(article_id, [])
    assert library.search("pentagon") == [] and library.search("renewal") == []
    library.articles.delete(article_id)
    assert check_library(library) == []


def test_migration_indexes_annotations_written_before_it(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    conn.execute("BEGIN")
    MIGRATIONS[0](db)
    conn.execute("PRAGMA application_id = 1312904271")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.execute("INSERT INTO articles (uri, source, content_hash, title, body, note,"
                 " imported_at, updated_at) VALUES ('u', 's', 'h', 'T', 'Some text', 'blimp',"
                 " 'now', 'now')")
    conn.execute("INSERT INTO annotations (article_id, start, \"end\", exact, colour, note,"
                 " created_at, updated_at) VALUES (1, 0, 4, 'Some', 'claim', 'zeppelin',"
                 " 'now', 'now')")
    conn.execute("INSERT INTO tags (name) VALUES ('dirigible')")
    conn.execute("INSERT INTO annotation_tags VALUES (1, 1)")
    conn.close()
    with Library(path) as library:
        assert [h.article_id for h in library.search("zeppelin")] == [1]
        assert [h.article_id for h in library.search("dirigible")] == [1]
        assert [h.article_id for h in library.search("blimp")] == [1]
        assert check_library(library) == []
