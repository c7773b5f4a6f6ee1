"""The session: one writer, signals after each change, analysis in a worker."""

from __future__ import annotations

import itertools
import time

import pytest
from PySide6.QtCore import QTimer

from nato_reader.core.model import Analysis, Mention, Span
from nato_reader.store.library import Library
from nato_reader.ui.session import Session, pipeline_version


def test_title_change_emits_and_returns_old(qtbot, session):
    first = session.library.articles.summaries()[0]
    with qtbot.waitSignals([session.article_updated, session.articles_changed]):
        old = session.set_article_title(first.id, "A new title")
    assert old == first.title
    assert session.library.articles.get(first.id).title == "A new title"


def test_tags_change_emits_tags_changed(qtbot, session):
    first = session.library.articles.summaries()[0]
    with qtbot.waitSignal(session.tags_changed):
        assert session.set_article_tags(first.id, ["nato", "leaders"]) == ()
    assert session.library.articles.tags_of(first.id) == ("leaders", "nato")


def test_correction_round_trip(qtbot, session):
    with qtbot.waitSignal(session.corrections_changed):
        correction = session.add_correction("hide", "Brussels")
    assert [c.canonical for c in session.corrections()] == ["Brussels"]
    with qtbot.waitSignal(session.corrections_changed):
        assert session.remove_correction(correction.id) == correction
    assert session.corrections() == []


def test_analysis_runs_in_worker_and_is_stored(qtbot, seeded_library, analyse_fixed):
    fake_analyse = analyse_fixed
    session = Session(seeded_library, analyse=fake_analyse)
    ids = [s.id for s in seeded_library.articles.summaries()]
    assert session.analysis(ids[0]) is None
    with qtbot.waitSignals([session.analysis_ready] * len(ids), timeout=10000):
        session.request_analysis(ids)
    for article_id in ids:
        body = seeded_library.articles.get(article_id).body
        assert session.analysis(article_id) == fake_analyse(body)
    # Cached: asking again starts nothing.
    assert session.request_analysis(ids) is None


def test_ui_answers_while_analysis_runs(qtbot, seeded_library, analyse_fixed):
    fake_analyse = analyse_fixed
    def slow_analyse(text, published):
        time.sleep(0.9)
        return fake_analyse(text, published)

    session = Session(seeded_library, analyse=slow_analyse)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    ids = [s.id for s in seeded_library.articles.summaries()]
    with qtbot.waitSignal(session.task_finished, timeout=10000):
        session.request_analysis(ids)
    timer.stop()
    assert len(ticks) >= 10  # the event loop kept running for ~1.8 s of work
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 1.0  # generous: the machine is shared; a blocked loop would show ~1.8 s


def test_cancel_keeps_what_was_done(qtbot, seeded_library, analyse_fixed):
    fake_analyse = analyse_fixed
    def slow_analyse(text, published):
        time.sleep(0.3)
        return fake_analyse(text, published)

    session = Session(seeded_library, analyse=slow_analyse)
    ids = [s.id for s in seeded_library.articles.summaries()]
    with qtbot.waitSignal(session.task_finished, timeout=10000) as blocker:
        session.request_analysis(ids)
        session.cancel_tasks()
    assert "cancelled" in blocker.args[0]
    assert not session.busy()


def test_failure_is_reported_not_raised(qtbot, seeded_library):
    def broken(text, published):
        raise RuntimeError("model exploded")

    session = Session(seeded_library, analyse=broken)
    first = seeded_library.articles.summaries()[0].id
    with qtbot.waitSignal(session.task_failed, timeout=10000) as blocker:
        session.request_analysis([first])
    assert "model exploded" in blocker.args[0]
    assert not session.is_analysing(first)


def test_import_uses_its_own_connection(qtbot, tmp_path, seeds_dir, analyse_fixed):
    fake_analyse = analyse_fixed
    library = Library(tmp_path / "fresh.db")
    session = Session(library, analyse=fake_analyse)
    with qtbot.waitSignal(session.imported, timeout=10000) as blocker:
        session.import_paths([seeds_dir])
    assert len(blocker.args[0].added) == 2
    assert library.articles.count() == 2
    session.wait_for_tasks()
    library.close()


def test_colour_palette_changes_emit_colours_changed(qtbot, session):
    with qtbot.waitSignal(session.colours_changed):
        session.add_colour("doubt", "#cccccc")
    assert "doubt" in [c.name for c in session.colours()]
    with qtbot.waitSignal(session.colours_changed):
        assert session.set_colour_hex("doubt", "#dddddd") == "#cccccc"
    with qtbot.waitSignal(session.colours_changed):
        session.rename_colour("doubt", "unsure")
    with qtbot.waitSignal(session.colours_changed):
        assert session.remove_colour("unsure").hex == "#dddddd"
    assert "unsure" not in [c.name for c in session.colours()]


def test_export_runs_in_a_worker_and_reports(qtbot, session, tmp_path):
    pytest.importorskip("nato_reader.store.exporter")
    out = tmp_path / "out"
    with qtbot.waitSignal(session.exported, timeout=20000) as blocker:
        session.export(None, out)
    report = blocker.args[0]
    assert len(report.written) == 2 and not report.errors
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in report.written)
    first = session.library.articles.summaries()[0].id
    with qtbot.waitSignal(session.exported, timeout=20000) as blocker:
        session.export([first], tmp_path / "one")
    assert len(blocker.args[0].written) == 1


def test_force_reanalyses_a_cached_article(qtbot, session):
    first = session.library.articles.summaries()[0].id
    assert session.request_analysis([first]) is None  # cached by the fixture
    with qtbot.waitSignal(session.analysis_ready, timeout=10000) as blocker:
        assert session.request_analysis([first], force=True) is not None
    assert blocker.args == [first]


def test_library_analysis_starts_only_after_the_window_paints(qtbot, seeded_library,
                                                             settings, monkeypatch):
    from nato_reader import app
    from nato_reader.ui.settings import Settings

    cache_first = seeded_library.articles.summaries()
    requested = []
    monkeypatch.setattr(Session, "request_analysis",
                        lambda self, ids, force=False: requested.append(list(ids)))
    monkeypatch.setattr(app, "LIBRARY_ANALYSIS_DELAY_MS", 0)
    window = app.build_window(seeded_library, Settings(settings), restore=False,
                              interactive=False)
    qtbot.addWidget(window)
    opened = [window.current_id]
    assert requested in ([opened], [opened, opened])  # the open article only, so far
    qtbot.wait(50)
    assert all(ids == opened for ids in requested)  # not shown: no paint, no library run
    window.show()
    qtbot.waitUntil(lambda: requested[-1] == [s.id for s in cache_first], timeout=3000)


def test_a_chunk_of_analyses_is_stored_in_one_commit(qtbot, seeded_library, analyse_fixed):
    session = Session(seeded_library, analyse=analyse_fixed)
    ids = [s.id for s in seeded_library.articles.summaries()]
    assert len(ids) >= 2
    statements = []
    seeded_library.db.conn.set_trace_callback(statements.append)
    try:
        with qtbot.waitSignals([session.analysis_ready] * len(ids), timeout=10000):
            session.request_analysis(ids)
    finally:
        seeded_library.db.conn.set_trace_callback(None)
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
    commits = [s for s in statements if s.strip().upper() == "COMMIT"]
    assert len(inserts) == len(ids) and len(commits) == 1
    assert all(session.analysis(i) is not None for i in ids)


FAKE_PIPELINE = '''
import time
from nato_reader.core.model import Analysis, Mention


def analyse_many(texts, progress=None, is_cancelled=None):
    return [Analysis(mentions=(Mention(0, 4, text[:4], "ORG", text[:4]),), timexes=(),
                     sentences=(), pipeline_version="fake") for text, _ in texts]


def slow(texts, progress=None, is_cancelled=None):
    time.sleep(60)


def broken(texts, progress=None, is_cancelled=None):
    raise ValueError("no model")
'''


@pytest.fixture
def fake_pipeline(tmp_path, monkeypatch):
    """A pipeline module the spawned child can import (it inherits sys.path)."""
    (tmp_path / "fake_pipeline_mod.py").write_text(FAKE_PIPELINE)
    monkeypatch.syspath_prepend(str(tmp_path))
    return "fake_pipeline_mod"


def test_analysis_process_reads_and_analyses_in_a_child(seeded_library, fake_pipeline):
    from nato_reader.ui.analysis_process import AnalysisProcess

    summaries = seeded_library.articles.summaries()
    pairs = [(s.id, seeded_library.articles.get(s.id).content_hash) for s in summaries]
    pairs.append((999, "no such article"))
    process = AnalysisProcess(f"{fake_pipeline}:analyse_many")
    steps = []
    try:
        results = process.run(seeded_library.path, pairs, progress=lambda *a: steps.append(a))
        again = process.run(seeded_library.path, pairs[:1])  # the same child, reused
    finally:
        process.close()
    assert [r[0] for r in results] == [s.id for s in summaries]  # 999 skipped
    for article_id, _digest, analysis in results:
        body = seeded_library.articles.get(article_id).body
        assert analysis.mentions[0].text == body[:4]
    assert steps == [(0, 3), (2, 3)] and len(again) == 1


def test_analysis_process_failures_and_cancel(seeded_library, fake_pipeline):
    from nato_reader.errors import NatoReaderError
    from nato_reader.ui.analysis_process import AnalysisProcess

    article = seeded_library.articles.get(seeded_library.articles.summaries()[0].id)
    pairs = [(article.id, article.content_hash)]
    broken = AnalysisProcess(f"{fake_pipeline}:broken")
    with pytest.raises(RuntimeError, match="no model"):
        broken.run(seeded_library.path, pairs)
    broken.close()
    missing = AnalysisProcess("no_such_module_anywhere:analyse_many")
    with pytest.raises(NatoReaderError, match="cannot be loaded"):
        missing.run(seeded_library.path, pairs)
    missing.close()
    slow = AnalysisProcess(f"{fake_pipeline}:slow")
    started = time.monotonic()
    cancel_at = started + 1.0
    assert slow.run(seeded_library.path, pairs,
                    is_cancelled=lambda: time.monotonic() > cancel_at) == []
    assert time.monotonic() - started < 10  # the child was ended, not waited for
    slow.close()


def test_articles_mentioning_an_entity_applies_corrections(qtbot, session):
    ids = [s.id for s in session.library.articles.summaries()]
    with_norway = {i for i in ids
                   if any(m.canonical == "Norway" for m in session.analysis(i).mentions)}
    assert with_norway and with_norway != set(ids)  # the seeds differ on it
    assert session.articles_mentioning("Norway") == (with_norway, 0)
    session.add_correction("rename", "Norway", "Kingdom of Norway")
    assert session.articles_mentioning("Norway") == (set(), 0)
    assert session.articles_mentioning("Kingdom of Norway") == (with_norway, 0)
    session.add_correction("merge", "Brussels", "Kingdom of Norway")  # a wrong merge
    with_brussels = {i for i in ids if "Brussels" in session.article(i).body}
    assert session.articles_mentioning("Kingdom of Norway")[0] == with_norway | with_brussels


def test_articles_mentioning_counts_the_unanalysed(qtbot, seeded_library, analyse_fixed):
    session = Session(seeded_library, analyse=analyse_fixed)
    first = seeded_library.articles.get(seeded_library.articles.summaries()[0].id)
    seeded_library.analyses.put(first.content_hash, analyse_fixed(first.body, first.published))
    found, unanalysed = session.articles_mentioning("NATO")
    assert found == {first.id} and unanalysed == seeded_library.articles.count() - 1


def test_articles_mentioning_finds_every_spelling_of_one_entity(qtbot, seeded_library,
                                                                analyse_fixed):
    """One article writes "Zelenskiy", the other "Volodymyr Zelensky": the panel shows
    each article's spelling, and "articles mentioning" either one finds both."""
    first, second = (seeded_library.articles.get(s.id)
                     for s in seeded_library.articles.summaries()[:2])
    for article, surface in ((first, "Zelenskiy"), (second, "Volodymyr Zelensky")):
        mention = Mention(0, len(surface), surface, "PERSON", surface)
        seeded_library.analyses.put(article.content_hash, Analysis(
            (mention,), (), (Span(0, len(surface)),), pipeline_version()))
    session = Session(seeded_library, analyse=analyse_fixed)
    both = {first.id, second.id}
    assert session.articles_mentioning("Zelenskiy")[0] == both
    assert session.articles_mentioning("Volodymyr Zelensky")[0] == both
    # a correction is about the entity: renaming one spelling renames every spelling
    session.add_correction("rename", "Zelenskiy", "Someone Else")
    assert session.articles_mentioning("Volodymyr Zelensky")[0] == set()
    assert session.articles_mentioning("Someone Else")[0] == both
