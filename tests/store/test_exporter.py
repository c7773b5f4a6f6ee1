"""Exporting from the library: files named from titles, analyses from the cache (or
computed once), corrections applied, and never a user's edits overwritten."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from nato_reader.core.analysis import PIPELINE_VERSION
from nato_reader.core.model import Analysis, Mention, Span, Timex
from nato_reader.errors import AnalysisUnavailable
from nato_reader.store import exporter
from nato_reader.store.exporter import export_articles
from nato_reader.store.importer import import_paths

T1 = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
T2 = datetime(2024, 2, 2, 12, 0, 0, tzinfo=UTC)


def fixture_analysis(body: str) -> Analysis:
    mentions = tuple(Mention(m.start(), m.end(), m.group(), "ORG", "NATO")
                     for m in re.finditer(r"\bNATO\b", body))
    mentions += tuple(Mention(m.start(), m.end(), m.group(), "PERSON", "Jens Stoltenberg")
                      for m in re.finditer(r"\bStoltenberg\b", body))
    start = body.index("30 September")
    timexes = (Timex(start, start + 12, "30 September", "DATE", "2023-09-30",
                     Span(0, body.index("\n\n"))),)
    return Analysis(mentions=mentions, timexes=timexes, sentences=(),
                    pipeline_version=PIPELINE_VERSION)


@pytest.fixture
def seeded(library, seeds_dir):
    """The two seed articles with cached fixture analyses and one highlight each."""
    import_paths(library, [seeds_dir])
    for summary in library.articles.summaries():
        article = library.articles.get(summary.id)
        library.analyses.put(article.content_hash, fixture_analysis(article.body))
        start = article.body.index("Stoltenberg")
        library.annotations.add(article.id, start, start + len("Stoltenberg"), "claim",
                                note="A *note*", tags=["people"])
    return library


def ids(library):
    return sorted(s.id for s in library.articles.summaries())


def test_exports_one_file_per_article_with_highlights_entities_and_timeline(seeded, tmp_path):
    out = tmp_path / "out"
    report = export_articles(seeded, None, out, now=T1)
    assert len(report.written) == 2 and not report.errors
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in report.written)
    text = report.written[0].read_text(encoding="utf-8")
    assert "==Stoltenberg==" in text and "> [!claim] claim · “Stoltenberg” #people" in text
    assert "### Organisations (ORG)\n\n- NATO (" in text
    assert "- **2023-09-30** · “30 September”" in text
    assert "exported: 2024-01-01T12:00:00+00:00" in text


def test_re_export_of_the_same_content_leaves_files_alone(seeded, tmp_path):
    first = export_articles(seeded, None, tmp_path, now=T1)
    mtimes = {p: p.stat().st_mtime_ns for p in first.written}
    second = export_articles(seeded, None, tmp_path, now=T2)
    assert sorted(second.unchanged) == sorted(first.written)
    assert not second.written and not second.written_beside
    assert {p: p.stat().st_mtime_ns for p in first.written} == mtimes
    assert "2024-01-01T12:00:00" in first.written[0].read_text(encoding="utf-8")


def test_an_untouched_file_is_overwritten_with_new_annotations(seeded, tmp_path):
    (article_id, _) = ids(seeded)
    (path,) = export_articles(seeded, [article_id], tmp_path, now=T1).written
    (annotation,) = seeded.annotations.for_article(article_id)
    seeded.annotations.update(annotation.id, note="Changed my mind")
    report = export_articles(seeded, [article_id], tmp_path, now=T2)
    assert report.written == [path] and not report.written_beside
    assert "> Changed my mind" in path.read_text(encoding="utf-8")


def test_a_file_the_user_edited_is_kept_and_the_export_written_beside(seeded, tmp_path):
    (article_id, _) = ids(seeded)
    (path,) = export_articles(seeded, [article_id], tmp_path, now=T1).written
    edited = path.read_text(encoding="utf-8") + "\nMy own thoughts.\n"
    path.write_text(edited, encoding="utf-8")

    report = export_articles(seeded, [article_id], tmp_path, now=T2)
    beside = path.with_name(path.stem + ".new.md")
    assert report.written_beside == [(path, beside)] and not report.written
    assert report.skipped == [path]
    assert path.read_text(encoding="utf-8") == edited
    assert "==Stoltenberg==" in beside.read_text(encoding="utf-8")

    # Nothing new: the beside file is ours and unchanged; the user's file still kept.
    again = export_articles(seeded, [article_id], tmp_path, now=T2)
    assert again.unchanged == [beside] and path.read_text(encoding="utf-8") == edited

    # A new note: the beside file (untouched) is brought up to date.
    (annotation,) = seeded.annotations.for_article(article_id)
    seeded.annotations.update(annotation.id, note="Second thoughts")
    third = export_articles(seeded, [article_id], tmp_path, now=T2)
    assert third.written_beside == [(path, beside)]
    assert "> Second thoughts" in beside.read_text(encoding="utf-8")

    # The user edits the beside file too: the next one goes to .new-2.md.
    beside.write_text("mine as well", encoding="utf-8")
    seeded.annotations.update(annotation.id, note="Third thoughts")
    fourth = export_articles(seeded, [article_id], tmp_path, now=T2)
    second_beside = path.with_name(path.stem + ".new-2.md")
    assert fourth.written_beside == [(path, second_beside)]
    assert beside.read_text(encoding="utf-8") == "mine as well"
    assert path.read_text(encoding="utf-8") == edited


def test_a_file_we_did_not_write_is_never_overwritten(seeded, tmp_path):
    (article_id, _) = ids(seeded)
    name = exporter.file_names(seeded, ".md")[article_id]
    (tmp_path / name).write_text("someone else's note", encoding="utf-8")
    report = export_articles(seeded, [article_id], tmp_path, now=T1)
    assert [kept.name for kept, _ in report.written_beside] == [name]
    assert (tmp_path / name).read_text(encoding="utf-8") == "someone else's note"


def test_a_file_written_beside_never_takes_another_articles_name(seeded, tmp_path):
    first, second = ids(seeded)
    seeded.articles.set_title(first, "Report")
    seeded.articles.set_title(second, "Report.new")
    export_articles(seeded, None, tmp_path, now=T1)
    (tmp_path / "Report.md").write_text("edited", encoding="utf-8")
    seeded.annotations.update(seeded.annotations.for_article(first)[0].id, note="new")
    report = export_articles(seeded, None, tmp_path, now=T2)
    assert report.written_beside == [(tmp_path / "Report.md", tmp_path / "Report.new-2.md")]
    assert "> new" not in (tmp_path / "Report.new.md").read_text(encoding="utf-8")


def test_a_deleted_file_is_written_again(seeded, tmp_path):
    (article_id, _) = ids(seeded)
    (path,) = export_articles(seeded, [article_id], tmp_path, now=T1).written
    path.unlink()
    assert export_articles(seeded, [article_id], tmp_path, now=T2).written == [path]


def test_colliding_titles_get_the_id_whatever_the_selection(seeded, tmp_path):
    first, second = ids(seeded)
    seeded.articles.set_title(first, "Same: title?")
    seeded.articles.set_title(second, "same  title")
    report = export_articles(seeded, [second], tmp_path, now=T1)
    assert [p.name for p in report.written] == [f"same title ({second}).md"]
    report = export_articles(seeded, None, tmp_path, now=T1)
    assert [p.name for p in report.written] == ["Same title.md"]
    assert report.unchanged[0].name == f"same title ({second}).md"


def test_corrections_are_applied(seeded, tmp_path):
    seeded.corrections.add("hide", "NATO")
    seeded.corrections.add("rename", "Jens Stoltenberg", "J. Stoltenberg")
    report = export_articles(seeded, None, tmp_path, now=T1)
    text = report.written[0].read_text(encoding="utf-8")
    assert "- J. Stoltenberg (" in text and "- NATO (" not in text
    assert '"NATO"' not in text


def test_json_export(seeded, tmp_path):
    report = export_articles(seeded, None, tmp_path, fmt="json", now=T1)
    assert all(p.suffix == ".json" for p in report.written)
    data = json.loads(report.written[0].read_text(encoding="utf-8"))
    assert data["exported"] == "2024-01-01T12:00:00+00:00"
    assert data["entities"] and data["timeline"][0]["value"] == "2023-09-30"
    (annotation,) = data["annotations"]
    assert annotation["type"] == "Annotation"
    assert annotation["target"]["source"] == data["article"]["uri"]
    # Re-export with a new time stamp only: unchanged, as for Markdown.
    again = export_articles(seeded, None, tmp_path, fmt="json", now=T2)
    assert len(again.unchanged) == 2


def test_missing_analysis_is_computed_once_and_cached(seeded, tmp_path, monkeypatch):
    (article_id, _) = ids(seeded)
    article = seeded.articles.get(article_id)
    seeded.db.execute("DELETE FROM analyses")
    calls = []

    def fake_analyse(text, published):
        calls.append(published)
        return fixture_analysis(text)

    monkeypatch.setattr(exporter, "analyse", fake_analyse)
    export_articles(seeded, [article_id], tmp_path / "a", now=T1)
    export_articles(seeded, [article_id], tmp_path / "b", now=T1)
    assert calls == [article.published]
    assert seeded.analyses.get(article.content_hash, PIPELINE_VERSION) is not None


def test_without_an_analysis_pipeline_the_text_and_notes_are_still_exported(
        seeded, tmp_path, monkeypatch):
    seeded.db.execute("DELETE FROM analyses")

    def unavailable(text, published):
        raise AnalysisUnavailable("no spaCy model")

    monkeypatch.setattr(exporter, "analyse", unavailable)
    report = export_articles(seeded, None, tmp_path, now=T1)
    assert len(report.written) == 2 and report.analysis_unavailable and report.warnings == [
        "exported without entities and timeline: no spaCy model"]
    text = report.written[0].read_text(encoding="utf-8")
    assert "==Stoltenberg==" in text and "## Entities" not in text


def test_unknown_ids_are_reported_and_the_rest_exported_with_progress(seeded, tmp_path):
    seen = []
    report = export_articles(seeded, [*ids(seeded), 999], tmp_path, now=T1,
                             progress=lambda done, total: seen.append((done, total)))
    assert len(report.written) == 2 and report.errors == ["no article with id 999"]
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancelling_stops_between_articles(seeded, tmp_path):
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 1

    report = export_articles(seeded, None, tmp_path, now=T1, is_cancelled=cancelled)
    assert len(report.written) == 1
    assert report.warnings == ["export cancelled after 1 of 2 articles"]


def test_unknown_format_is_refused(seeded, tmp_path):
    with pytest.raises(Exception, match="unknown export format"):
        export_articles(seeded, None, tmp_path, fmt="pdf")
