from datetime import date

import pytest

from nato_reader.errors import LibraryError
from nato_reader.store.importer import import_paths
from nato_reader.store.search import fts_query


@pytest.fixture
def seeded(library, seeds_dir):
    import_paths(library, [seeds_dir])
    return library


def test_search_finds_phrases_and_stems(seeded):
    assert len(seeded.search("secretary general")) == 2
    (hit,) = seeded.search("Draghi")
    assert "Draghi" in hit.snippet and hit.snippet.count("[Draghi]") >= 1
    assert len(seeded.search("battlegroup")) == 1  # porter: battlegroups
    assert seeded.search("Vilnius Madrid") == []  # every word must occur


def test_search_survives_fts_syntax_typed_by_a_user(seeded):
    for text in ['"unbalanced', "NEAR(", "a AND OR", "*", "col:umn", "-x", "()", ""]:
        seeded.search(text)  # no exception
    assert fts_query('NATO "secretary general" OR') == '"NATO" "secretary general" "OR"'


def test_search_index_follows_title_edits_and_deletes(seeded):
    article_id = seeded.search("Draghi")[0].article_id
    seeded.articles.set_title(article_id, "Zebra crossing")
    assert [h.article_id for h in seeded.search("zebra")] == [article_id]
    seeded.articles.delete(article_id)
    assert seeded.search("zebra") == [] and seeded.search("Draghi") == []


def test_tags_are_normalised_shared_and_listed(seeded):
    a, b = (s.id for s in seeded.articles.summaries())
    assert seeded.articles.set_tags(a, ["#Summit", "defence spending"]) == ()
    seeded.articles.set_tags(b, ["summit"])
    assert seeded.articles.tags_of(a) == ("defence-spending", "Summit")
    assert seeded.articles.all_tag_names() == ["defence-spending", "Summit"]
    listed = {s.id: s.tags for s in seeded.articles.summaries()}
    assert listed[b] == ("Summit",)


def test_edits_return_the_previous_value_for_undo(seeded):
    article_id = seeded.articles.summaries()[0].id
    old_title = seeded.articles.get(article_id).title
    assert seeded.articles.set_title(article_id, "  New   title ") == old_title
    assert seeded.articles.get(article_id).title == "New title"
    assert seeded.articles.set_published(article_id, date(2020, 1, 2)) == date(2023, 4, 1)
    assert seeded.articles.set_note(article_id, "my note") == ""
    with pytest.raises(LibraryError):
        seeded.articles.set_title(article_id, "   ")


def test_unknown_article_is_a_clear_error(library):
    with pytest.raises(LibraryError, match="no article with id 42"):
        library.articles.get(42)


def test_search_ranks_as_bm25_with_titles_weighted_five(seeded):
    """The rank column is bm25 with the title weighted 5 and the body 1: hits come in
    that order, with the same scores as bm25(articles_fts, 5.0, 1.0)."""
    first, second = seeded.articles.summaries()
    seeded.articles.set_title(first.id, "Quokka summit")  # in the title only
    hits = seeded.search("quokka")
    assert [h.article_id for h in hits] == [first.id]
    seeded.articles.set_title(second.id, "Quokka quokka talks")
    hits = seeded.search("quokka")
    expected = seeded.db.execute(
        "SELECT rowid, bm25(articles_fts, 5.0, 1.0) FROM articles_fts"
        " WHERE articles_fts MATCH 'quokka' ORDER BY 2").fetchall()
    assert [h.article_id for h in hits] == [rowid for rowid, _ in expected]
    assert [h.rank for h in hits] == pytest.approx([score for _, score in expected])
    assert len(hits) == 2 and hits[0].rank < hits[1].rank


def test_newest_id_is_the_first_summary(tmp_path):
    from datetime import date

    from nato_reader.core.model import ParsedArticle
    from nato_reader.store.library import Library

    with Library(tmp_path / "lib.db") as library:
        assert library.articles.newest_id() is None
        for n, published in enumerate([date(2022, 3, 25), None, date(2023, 4, 1)]):
            library.articles.add(ParsedArticle(title=f"T{n}", body="text", published=published),
                                 uri=f"u{n}", source="s", content_hash=f"h{n}")
        summaries = library.articles.summaries()
        assert [s.title for s in summaries] == ["T2", "T0", "T1"]
        assert library.articles.newest_id() == summaries[0].id


def test_analyses_mentioning_finds_names_in_the_stored_json(tmp_path):
    from nato_reader.core.model import Analysis, Mention, ParsedArticle
    from nato_reader.store.library import Library

    def analysis(*names, version="v1"):
        return Analysis(mentions=tuple(Mention(0, 1, n, "GPE", n) for n in names),
                        timexes=(), sentences=(), pipeline_version=version)

    with Library(tmp_path / "lib.db") as library:
        ids = [library.articles.add(ParsedArticle(title=f"T{n}", body=f"text {n}",
                                                  published=None),
                                    uri=f"u{n}", source="s", content_hash=f"h{n}")
               for n in range(3)]
        library.analyses.put("h0", analysis("Kraków", "Kyiv"))
        library.analyses.put("h1", analysis("Kyiv"))
        library.analyses.put("h2", analysis("Kraków", version="old"))
        found = dict(library.analyses.mentioning(["Kraków"], "v1"))
        assert list(found) == [ids[0]]  # not h2: another pipeline version
        assert [m.canonical for m in found[ids[0]].mentions] == ["Kraków", "Kyiv"]
        assert [i for i, _ in library.analyses.mentioning(["Kyiv", "Kraków"], "v1")] == ids[:2]
        assert list(library.analyses.mentioning([], "v1")) == []
        assert library.analyses.ids_mentioning(["Kraków"], "v1") == [ids[0]]
        assert library.analyses.ids_mentioning(["Kraków"], "old") == [ids[2]]
        # Not analysed by v1: only h2; by "old": h0 and h1. The count agrees with the list.
        for version in ("v1", "old", "new"):
            missing = library.analyses.missing(version)
            assert library.analyses.count_missing(version) == len(missing)
        assert [i for i, _ in library.analyses.missing("v1")] == [ids[2]]
        assert library.analyses.count_missing("new") == 3
