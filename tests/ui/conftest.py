"""UI fixtures: a seeded library in tmp_path, QSettings in tmp_path, and a small fixed
analysis (found by string search in the real seed text) where spaCy is not the point."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings

from nato_reader.core.model import Analysis, Mention, Span, Timex
from nato_reader.store.importer import ensure_seeded
from nato_reader.store.library import Library
from nato_reader.ui.session import Session, pipeline_version

# surface text -> (label, canonical)
FAKE_ENTITIES = {
    "Jens Stoltenberg": ("PERSON", "Jens Stoltenberg"),
    "Stoltenberg": ("PERSON", "Jens Stoltenberg"),
    "NATO": ("ORG", "NATO"),
    "Brussels": ("GPE", "Brussels"),
    "Russia": ("GPE", "Russia"),
    "Ukraine": ("GPE", "Ukraine"),
    "Norway": ("GPE", "Norway"),
}
FAKE_DATES = {"30 September 2023": "2023-09-30", "October 2014": "2014-10",
              "24 February": "2022-02-24", "July": "2023-07"}


def fake_analyse(text: str, published=None) -> Analysis:
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)
                 if m.group().strip()]

    def sentence_of(offset: int) -> Span:
        return next((s for s in sentences if s.start <= offset < s.end), Span(0, len(text)))

    mentions, taken = [], set()
    for surface, (label, canonical) in FAKE_ENTITIES.items():  # longest names first
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if taken.isdisjoint(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                mentions.append(Mention(m.start(), m.end(), surface, label, canonical))
    timexes = [Timex(m.start(), m.end(), m.group(), "DATE", value, sentence_of(m.start()))
               for surface, value in FAKE_DATES.items() for m in re.finditer(surface, text)]
    return Analysis(mentions=tuple(sorted(mentions, key=lambda m: m.start)),
                    timexes=tuple(sorted(timexes, key=lambda t: t.start)),
                    sentences=tuple(sentences), pipeline_version=pipeline_version())


@pytest.fixture
def analyse_fixed():
    """The fixed analysis function (tests cannot import from conftest)."""
    return fake_analyse


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """A settings file in tmp_path, never the user's real settings."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def seeded_library(tmp_path) -> Library:
    lib = Library(tmp_path / "library.db")
    ensure_seeded(lib)
    yield lib
    lib.close()


def cache_fake_analyses(library: Library) -> None:
    for summary in library.articles.summaries():
        article = library.articles.get(summary.id)
        library.analyses.put(article.content_hash, fake_analyse(article.body, article.published))


@pytest.fixture
def session(qapp, seeded_library) -> Session:
    """A session over the seeds with the fixed analysis already cached."""
    cache_fake_analyses(seeded_library)
    s = Session(seeded_library, analyse=fake_analyse)
    yield s
    s.wait_for_tasks()


@pytest.fixture
def article(session):
    """The first article of the seeded library, as the store returns it."""
    return session.library.articles.get(session.library.articles.summaries()[0].id)


@pytest.fixture
def reader(qtbot, session):
    """A reader view showing the last article of the list (the Stoltenberg article)."""
    from nato_reader.ui.reader_view import ReaderView

    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    article_id = session.library.articles.summaries()[-1].id
    view.set_article(session.article(article_id), session.analysis(article_id))
    return view


@pytest.fixture
def window(qtbot, session, settings):
    """The main window over the seeds, showing the last article of the list."""
    from nato_reader.ui.main_window import MainWindow
    from nato_reader.ui.settings import Settings

    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    win.show()
    win.library_view.select_article(session.library.articles.summaries()[-1].id)
    return win
