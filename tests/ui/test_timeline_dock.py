"""The timeline dock in library mode: lanes fill in as analyses arrive without taking the
user's zoom and pan away; the first fill and a new set of articles fit."""

from __future__ import annotations

import pytest

from nato_reader.ui.main_window import MainWindow
from nato_reader.ui.session import Session
from nato_reader.ui.settings import Settings


@pytest.fixture
def half_analysed(qapp, seeded_library, analyse_fixed):
    """A session where only the first article is analysed; the other arrives later."""
    first, second = (s.id for s in seeded_library.articles.summaries())
    article = seeded_library.articles.get(first)
    seeded_library.analyses.put(article.content_hash,
                                analyse_fixed(article.body, article.published))
    session = Session(seeded_library, analyse=analyse_fixed)
    yield session, first, second
    session.wait_for_tasks()


def library_window(qtbot, session, settings):
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    win.show()
    win.timeline.widget.resize(1200, 220)
    win.timeline_library_action.trigger()  # the first fill: one article's events
    return win


def test_arriving_analyses_keep_the_users_zoom_and_pan(qtbot, half_analysed, settings):
    session, first, second = half_analysed
    win = library_window(qtbot, session, settings)
    widget = win.timeline.widget
    assert {e.article_id for e in win.timeline.events} == {first}
    widget.zoom(0.2)  # the user zooms in and pans, before the refresh can run
    widget.pan_days(-40)
    chosen = widget.visible_range()
    qtbot.waitUntil(lambda: {e.article_id for e in win.timeline.events} == {first, second},
                    timeout=10000)
    now = widget.visible_range()
    assert abs((now[0] - chosen[0]).days) <= 1 and abs((now[1] - chosen[1]).days) <= 1
    widget.fit_all()  # asking still fits everything
    assert widget.visible_range() != chosen


def test_without_a_zoom_the_view_fits_the_new_events(qtbot, half_analysed, settings):
    session, first, second = half_analysed
    win = library_window(qtbot, session, settings)
    widget = win.timeline.widget
    first_fit = widget.visible_range()
    qtbot.waitUntil(lambda: {e.article_id for e in win.timeline.events} == {first, second},
                    timeout=10000)
    fitted = widget.visible_range()
    widget.fit_all()
    assert widget.visible_range() == fitted  # the view is the fit of all events
    assert fitted != first_fit  # and the new article's dates widened it


def test_a_new_set_of_articles_fits_even_after_a_zoom(qtbot, session, settings):
    win = library_window(qtbot, session, settings)
    widget = win.timeline.widget
    widget.zoom(0.2)
    zoomed = widget.visible_range()
    win.library_view.set_entity_filter("X", {win.timeline.article_ids[0]})
    assert len({e.article_id for e in win.timeline.events}) == 1
    fitted = widget.visible_range()
    assert fitted != zoomed
    widget.fit_all()
    assert widget.visible_range() == fitted
