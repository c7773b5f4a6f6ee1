"""The library list: models, search, tag and entity filters, lazy loading, keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from nato_reader.core.model import ArticleSummary
from nato_reader.ui.library_model import BATCH, ID_ROLE, LibraryFilter, LibraryModel
from nato_reader.ui.library_view import LibraryView


def shown_titles(view: LibraryView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def many_summaries(n: int) -> list[ArticleSummary]:
    return [ArticleSummary(id=i + 1, uri=f"u{i}", source=f"s{i}", title=f"Article {i:04d}",
                           published=date(2020, 1, 1 + i % 28) if i % 5 else None,
                           tags=("x",) if i % 3 == 0 else ())
            for i in range(n)]


def test_models_pass_modeltester(qtmodeltester, session):
    model = LibraryModel()
    model.set_summaries(session.library.articles.summaries())
    qtmodeltester.check(model, force_py=True)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.sort(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    big = LibraryModel()
    big.set_summaries(many_summaries(450))
    qtmodeltester.check(big, force_py=True)


def test_large_library_loads_in_batches(qapp):
    model = LibraryModel()
    model.set_summaries(many_summaries(450))
    assert model.rowCount() == BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH
    assert model.row_of(450) == 449  # fetches what it needs
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())


def test_search_filters_by_full_text(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    assert len(shown_titles(view)) == 2
    qtbot.keyClicks(view.search, "Draghi")
    qtbot.waitUntil(lambda: len(shown_titles(view)) == 1, timeout=3000)  # debounced
    assert "race to succeed" in shown_titles(view)[0]
    assert view.count.text() == "1 of 2 articles"
    view.search.clear()
    qtbot.waitUntil(lambda: len(shown_titles(view)) == 2, timeout=3000)


def test_tag_and_entity_filters(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    newest, oldest = session.library.articles.summaries()
    session.set_article_tags(oldest.id, ["mandate"])
    assert view.tag_box.findData("mandate") > 0
    view.tag_box.setCurrentIndex(view.tag_box.findData("mandate"))
    assert [view.proxy.index(0, 0).data(ID_ROLE)] == [oldest.id]
    assert view.proxy.rowCount() == 1
    view.tag_box.setCurrentIndex(0)
    view.set_entity_filter("Mario Draghi", {newest.id})
    assert view.proxy.rowCount() == 1 and view.entity_chip.isVisibleTo(view)
    view.entity_clear.click()
    assert view.proxy.rowCount() == 2 and not view.entity_chip.isVisibleTo(view)


def test_sorting_by_date_and_keyboard_navigation(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    view.show()
    newest, oldest = session.library.articles.summaries()
    view.table.sortByColumn(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    assert view.proxy.index(0, 0).data(ID_ROLE) == oldest.id
    view.select_first()
    view.table.setFocus()
    with qtbot.waitSignal(view.article_selected) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert blocker.args == [newest.id]


def test_tags_column_appears_with_the_first_tag(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    assert view.table.isColumnHidden(LibraryModel.TAGS)
    first = session.library.articles.summaries()[0].id
    session.set_article_tags(first, ["summit"])
    assert not view.table.isColumnHidden(LibraryModel.TAGS)
    row = view.model.row_of(first)
    assert view.model.index(row, LibraryModel.TAGS).data() == "#summit"


def test_filters_reach_articles_beyond_the_first_batch(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    summaries = many_summaries(450)
    view.model.set_summaries(summaries)
    view._update_count()
    assert view.count.text() == "450 articles" and view.model.rowCount() == BATCH
    last = summaries[-1]
    view.set_entity_filter("Someone", {last.id})
    assert view.proxy.rowCount() == 1  # found without scrolling to the end first
    assert view.proxy.index(0, 0).data(ID_ROLE) == last.id
    assert view.count.text() == "1 of 450 articles"


def test_sorting_by_title_sorts_the_whole_library(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    summaries = many_summaries(450)[::-1]  # "Article 0449" first
    view.model.set_summaries(summaries)
    view.table.sortByColumn(LibraryModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert view.proxy.index(0, 0).data() == "Article 0000"  # was not in the first batch


def test_source_model_sorts_lazily_and_keeps_persistent_rows(qapp):
    model = LibraryModel()
    summaries = many_summaries(450)
    model.set_summaries(summaries)  # kept in the given (store) order
    assert model.summary(0).id == 1
    model.sort(LibraryModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Article 0449"  # the whole library, not a batch
    assert model.rowCount() == BATCH  # still lazy
    persistent = QPersistentModelIndex(model.index(5, 0))  # "Article 0444", id 445
    model.sort(LibraryModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert persistent.data(ID_ROLE) == 445 and persistent.row() == 444  # followed, loaded
    model.sort(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    dates = [model.summary(r).published for r in range(model.article_count())]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[-1] is None  # undated last
    assert persistent.data(ID_ROLE) == 445 and persistent.row() < model.rowCount()


def test_proxy_forwards_sorting_to_the_source(qtbot, session):
    view = LibraryView(session)
    qtbot.addWidget(view)
    view.model.set_summaries(many_summaries(450))
    view.table.sortByColumn(LibraryModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert view.proxy.sortColumn() == -1  # the proxy keeps the source's order
    assert view.model.sort_order() == (LibraryModel.TITLE, Qt.SortOrder.DescendingOrder)
    view.set_entity_filter("Someone", {1, 2, 3})
    assert [view.proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == [3, 2, 1]
    view.table.sortByColumn(LibraryModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert view.proxy.rowCount() == 3  # sorting keeps the filter
    assert [view.proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == [1, 2, 3]
