"""The article view: offsets, entity and annotation highlights, find, jumps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nato_reader.core.model import Annotation
from nato_reader.ui import palette
from nato_reader.ui.reader_view import (
    ANNOTATION_PROPERTY,
    CANONICAL_PROPERTY,
    LABEL_PROPERTY,
    ReaderView,
)


def doc_text(view, start, end) -> str:
    cursor = view.cursor_for(start, end)
    return cursor.selectedText()


def test_body_offsets_map_to_the_same_text(reader):
    body = reader.article.body
    assert reader.article.headings, "the seed has a sub-heading"
    for span in reader.analysis.mentions:
        assert doc_text(reader, span.start, span.end) == body[span.start:span.end]
    heading = reader.article.headings[0]
    assert doc_text(reader, heading.start, heading.end) == body[heading.start:heading.end]
    # and back
    for offset in (0, heading.start, heading.end + 5, len(body) - 1):
        assert reader.body_offset(reader.doc_position(offset)) == offset


def test_headings_are_headings(reader):
    heading = reader.article.headings[0]
    cursor = reader.cursor_for(heading.start, heading.end)
    assert cursor.block().blockFormat().headingLevel() == 2
    body_block = reader.cursor_for(0, 1).block()
    assert body_block.blockFormat().headingLevel() == 0
    assert body_block.blockFormat().lineHeight() >= 140  # comfortable leading


def test_every_mention_is_highlighted_in_its_type_colour(reader):
    for mention in reader.analysis.mentions:
        for offset in (mention.start, mention.end - 1):
            fmt = reader.char_format_at(offset)
            assert fmt.property(LABEL_PROPERTY) == mention.label
            assert fmt.property(CANONICAL_PROPERTY) == mention.canonical
            assert fmt.background().color() == palette.entity_background(mention.label, False)
    # text between mentions is plain
    first, second = reader.analysis.mentions[:2]
    assert second.start > first.end + 1
    assert reader.label_at(first.end + 1) is None


def test_toggling_a_type_removes_only_its_highlights(reader):
    people = [m for m in reader.analysis.mentions if m.label == "PERSON"]
    places = [m for m in reader.analysis.mentions if m.label == "GPE"]
    assert people and places
    reader.set_type_visible("PERSON", False)
    for m in people:
        fmt = reader.char_format_at(m.start)
        assert reader.label_at(m.start) is None
        assert fmt.background().style() == Qt.BrushStyle.NoBrush
    assert all(reader.label_at(m.start) == "GPE" for m in places)
    reader.set_type_visible("PERSON", True)
    assert reader.label_at(people[0].start) == "PERSON"


def test_selecting_an_entity_highlights_all_its_mentions_strongly(reader):
    spans = reader.select_entity("Jens Stoltenberg")
    expected = [(m.start, m.end) for m in reader.analysis.mentions
                if m.canonical == "Jens Stoltenberg"]
    assert spans == expected and len(spans) >= 3
    strong = palette.entity_background("PERSON", False, strong=True)
    for start, _end in spans:
        assert reader.char_format_at(start).background().color() == strong
    other = next(m for m in reader.analysis.mentions if m.canonical != "Jens Stoltenberg")
    assert reader.char_format_at(other.start).background().color() != strong
    # stepping goes through them in order and wraps
    assert [reader.step_mention(1) for _ in spans] == spans
    assert reader.step_mention(1) == spans[0]
    assert reader.step_mention(-1) == spans[-1]


def test_annotation_background_keeps_the_entity_underline(reader):
    mention = next(m for m in reader.analysis.mentions if m.label == "GPE")
    note = Annotation(id=7, article_id=reader.article.id, start=mention.start - 4,
                      end=mention.end + 3, exact="", prefix="", suffix="", colour="claim")
    reader.set_annotations([note], {"claim": "#ffb3a7"})
    fmt = reader.char_format_at(mention.start)
    assert fmt.property(ANNOTATION_PROPERTY) == 7
    assert fmt.background().color() == palette.annotation_background("#ffb3a7", False)
    assert fmt.underlineColor() == palette.entity_underline("GPE", False)
    assert fmt.property(LABEL_PROPERTY) == "GPE"
    reader.set_annotations([], {})
    assert not reader.char_format_at(mention.start).property(ANNOTATION_PROPERTY)


def test_selection_range_is_in_body_offsets(reader):
    mention = reader.analysis.mentions[-1]
    reader.browser.setTextCursor(reader.cursor_for(mention.start, mention.end))
    assert reader.selection_range() == (mention.start, mention.end)
    reader.browser.setTextCursor(reader.cursor_for(0, 0))
    assert reader.selection_range() is None


def test_scroll_to_moves_and_flashes(qtbot, reader):
    body = reader.article.body
    last = len(body) - 20
    bar = reader.browser.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    reader.scroll_to(last, last + 10)
    assert bar.value() > 0
    flashed = [s for s in reader.browser.extraSelections()
               if s.cursor.selectionStart() == reader.doc_position(last)]
    assert flashed
    qtbot.waitUntil(lambda: not reader.browser.extraSelections(), timeout=4000)


def test_find_counts_and_steps(qtbot, reader):
    body = reader.article.body
    expected = reader.browser.toPlainText().lower().count("stoltenberg")
    assert expected >= body.lower().count("stoltenberg") > 0
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.edit, "Stoltenberg")
    assert reader.find_bar.count.text().endswith(f"of {expected}")
    first = reader.browser.textCursor().selectionStart()
    reader.find_step(1)
    assert reader.browser.textCursor().selectionStart() != first
    assert reader.browser.textCursor().selectedText().lower() == "stoltenberg"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert reader.browser.extraSelections() == []


def test_find_follows_a_new_article(qtbot, reader, session):
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.edit, "Draghi")
    assert reader.find_bar.count.text() == "No matches"  # not in the 2022 article
    newest = session.library.articles.summaries()[0].id
    reader.set_article(session.article(newest), session.analysis(newest))
    assert reader.find_bar.count.text().startswith("1 of ")
    assert reader.browser.textCursor().selectedText() == "Draghi"


def test_escape_in_the_text_closes_the_find_bar(qtbot, reader):
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.edit, "NATO")
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()


def test_batched_changes_paint_highlights_once(reader, session, monkeypatch):
    passes = []
    paint = ReaderView._paint_highlights
    monkeypatch.setattr(ReaderView, "_paint_highlights",
                        lambda self, doc: (passes.append(1), paint(self, doc)))
    article, analysis = reader.article, reader.analysis
    note = Annotation(id=7, article_id=article.id, start=0, end=5, exact=article.body[:5],
                      prefix="", suffix="", colour="#ff0000")
    with reader.batched():
        reader.set_article(article, None)
        reader.set_annotations([note])
        reader.set_analysis(analysis)
        assert passes == []  # nothing painted inside the batch
    assert passes == [1]
    mention = analysis.mentions[0]
    assert reader.label_at(mention.start) == mention.label
    assert reader.char_format_at(0).property(ANNOTATION_PROPERTY) == 7
    reader.set_analysis(None)  # outside a batch: at once
    assert passes == [1, 1] and reader.label_at(mention.start) is None


def click_on(qtbot, reader, offset):
    """A real click a little left of the caret after body `offset`: on that character."""
    reader.scroll_to(offset, offset + 1, flash=False)
    rect = reader.browser.cursorRect(reader.cursor_for(offset + 1, offset + 1))
    point = rect.center()
    point.setX(rect.x() - 2)
    qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_an_annotation_reports_its_id_and_the_entity_beneath(qtbot, reader):
    mention = next(m for m in reader.analysis.mentions if m.label == "GPE")
    note = Annotation(id=42, article_id=reader.article.id, start=mention.start - 4,
                      end=mention.end + 3, exact="", prefix="", suffix="", colour="claim")
    reader.set_annotations([note], {"claim": "#ffb3a7"})
    entities = []
    reader.entity_clicked.connect(entities.append)
    with qtbot.waitSignal(reader.annotation_clicked, timeout=1000) as blocker:
        click_on(qtbot, reader, mention.start + 1)
    assert blocker.args == [42]
    assert entities == [mention.canonical]  # the entity is reported too
    with qtbot.waitSignal(reader.annotation_clicked, timeout=1000) as blocker:
        click_on(qtbot, reader, mention.start - 3)  # highlighted, not a mention
    assert blocker.args == [42] and entities == [mention.canonical]
    reader.set_annotations([], {})  # the id is cleared with the highlight
    with qtbot.assertNotEmitted(reader.annotation_clicked):
        click_on(qtbot, reader, mention.start - 3)


def test_a_headline_in_the_text_is_shown_once_as_the_title(qtbot):
    from dataclasses import replace

    from nato_reader.core.articles import parse_article
    from nato_reader.core.model import Article

    parsed = parse_article("Allies agree on air defence\n\nMinisters met in Brussels on "
                           "Monday. They agreed.\n")
    article = Article(id=1, uri="a.txt", source="a.txt", content_hash="h",
                      title=parsed.title, published=None, body=parsed.body,
                      headings=parsed.headings, imported_at="")
    view = ReaderView()
    qtbot.addWidget(view)
    view.set_article(article, None)
    text = view.browser.document().toPlainText()
    assert text.count("Allies agree on air defence") == 1
    title = view.cursor_for(0, len(article.title))
    assert title.selectedText() == article.title
    assert title.block().blockFormat().headingLevel() == 1  # shown as the title
    start = article.body.index("Brussels")
    assert doc_text(view, start, start + 8) == "Brussels"
    # A title the user changed no longer matches: both are shown.
    view.set_article(replace(article, title="My notes on the meeting"), None)
    text = view.browser.document().toPlainText()
    assert "My notes on the meeting" in text and "Allies agree on air defence" in text
