"""The entity panel: its model, filtering, and corrections that persist."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nato_reader.store.library import Library
from nato_reader.ui.entity_model import CANONICAL_ROLE, COUNT_ROLE, EntityModel, group_entities
from nato_reader.ui.entity_panel import EntityPanel
from nato_reader.ui.session import Session


@pytest.fixture
def stoltenberg_id(session) -> int:
    return session.library.articles.summaries()[-1].id


def panel_rows(panel: EntityPanel) -> dict[str, int]:
    """canonical -> count, as the panel shows them (through its proxy)."""
    rows = {}
    proxy = panel.proxy
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        for r in range(proxy.rowCount(group)):
            index = proxy.index(r, 0, group)
            rows[index.data(CANONICAL_ROLE)] = index.data(COUNT_ROLE)
    return rows


def test_model_passes_modeltester(qtmodeltester, session, stoltenberg_id):
    model = EntityModel()
    model.set_analysis(session.analysis(stoltenberg_id))
    qtmodeltester.check(model, force_py=True)
    model.set_analysis(None)
    qtmodeltester.check(model, force_py=True)


def test_one_row_per_canonical_grouped_by_type(session, stoltenberg_id):
    analysis = session.analysis(stoltenberg_id)
    groups = group_entities(analysis)
    assert [g.label for g in groups][:3] == ["PERSON", "ORG", "GPE"]  # reading order
    person = groups[0]
    assert [r.canonical for r in person.rows] == ["Jens Stoltenberg"]
    expected = sum(1 for m in analysis.mentions if m.canonical == "Jens Stoltenberg")
    assert person.rows[0].count == expected > 1  # "Stoltenberg" counted with the full name
    for group in groups:
        counts = [r.count for r in group.rows]
        assert counts == sorted(counts, reverse=True)


def test_filter_box_keeps_matching_rows_and_their_group(qtbot, session, stoltenberg_id):
    panel = EntityPanel(session)
    qtbot.addWidget(panel)
    panel.set_analysis(session.analysis(stoltenberg_id))
    assert {"Jens Stoltenberg", "NATO", "Brussels"} <= set(panel_rows(panel))
    qtbot.keyClicks(panel.filter_edit, "bru")
    assert set(panel_rows(panel)) == {"Brussels"}
    panel.filter_edit.clear()
    assert "NATO" in panel_rows(panel)


def test_selecting_a_row_emits_its_canonical(qtbot, session, stoltenberg_id):
    panel = EntityPanel(session)
    qtbot.addWidget(panel)
    panel.set_analysis(session.analysis(stoltenberg_id))
    with qtbot.waitSignal(panel.entity_selected) as blocker:
        assert panel.select("NATO")
    assert blocker.args == ["NATO"]
    assert panel.next_button.isEnabled()


def test_correction_through_undo_stack_and_after_restart(qtbot, tmp_path, session,
                                                         stoltenberg_id, analyse_fixed):
    panel = EntityPanel(session)
    qtbot.addWidget(panel)
    session.corrections_changed.connect(
        lambda: panel.set_analysis(session.analysis(stoltenberg_id)))
    panel.set_analysis(session.analysis(stoltenberg_id))
    panel.correct("rename", "Brussels", "Brussels (Belgium)")
    assert "Brussels (Belgium)" in panel_rows(panel) and "Brussels" not in panel_rows(panel)
    session.undo_stack.undo()
    assert "Brussels" in panel_rows(panel)
    session.undo_stack.redo()
    panel.correct("hide", "Russia")
    assert "Russia" not in panel_rows(panel)

    # Restart: a new Library and Session over the same file.
    path = session.library.path
    session.library.close()
    library = Library(path)
    try:
        again = Session(library, analyse=analyse_fixed)
        fresh = EntityPanel(again)
        qtbot.addWidget(fresh)
        fresh.set_analysis(again.analysis(stoltenberg_id))
        rows = panel_rows(fresh)
        assert "Brussels (Belgium)" in rows and "Brussels" not in rows
        assert "Russia" not in rows
    finally:
        library.close()


def test_context_menu_retypes_and_hides_through_the_undo_stack(qtbot, session,
                                                               stoltenberg_id):
    panel = EntityPanel(session)
    qtbot.addWidget(panel)
    session.corrections_changed.connect(
        lambda: panel.set_analysis(session.analysis(stoltenberg_id)))
    panel.set_analysis(session.analysis(stoltenberg_id))
    index = panel.proxy.mapFromSource(panel.model.index_of("NATO"))
    menu = panel.context_menu(index)
    texts = [a.text() for a in menu.actions()]
    assert texts[:4] == ["Change type", "Rename…", "Merge into…", "Hide"]
    retype = menu.actions()[0].menu()
    gpe = next(a for a in retype.actions() if a.text().endswith("(GPE)"))
    gpe.trigger()
    labels = {m.label for m in session.analysis(stoltenberg_id).mentions
              if m.canonical == "NATO"}
    assert labels == {"GPE"}
    assert session.undo_stack.count() == 1
    menu = panel.context_menu(panel.proxy.mapFromSource(panel.model.index_of("Brussels")))
    next(a for a in menu.actions() if a.text() == "Hide").trigger()
    assert "Brussels" not in panel_rows(panel)
    # the hidden entity can be shown again from the same menu
    menu = panel.context_menu(panel.proxy.mapFromSource(panel.model.index_of("NATO")))
    hidden = next(a for a in menu.actions() if a.text() == "Hidden entities").menu()
    hidden.actions()[0].trigger()
    assert "Brussels" in panel_rows(panel)
    session.undo_stack.undo()  # undo "show again"
    assert "Brussels" not in panel_rows(panel)


def test_enter_on_a_row_steps_to_the_next_mention(qtbot, session, stoltenberg_id):
    panel = EntityPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_analysis(session.analysis(stoltenberg_id))
    panel.select("NATO")
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.step_requested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [1]
