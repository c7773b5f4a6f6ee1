"""The timeline dock: feeds the timeline widget with the events of the open article, or
of every listed article in library mode, filtered by the selected entity."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nato_reader.core.model import Analysis
from nato_reader.core.timeline import events_from_analysis

try:  # written in parallel; the window works without it
    from nato_reader.ui.timeline import TimelineWidget
except ImportError:  # pragma: no cover
    TimelineWidget = None


class TimelineDock(QWidget):
    """Feeds the timeline widget: the current article's events, or in library mode every
    listed article's, one lane each; selecting an entity keeps the events whose sentence
    mentions it.

    The widget fits all its events whenever it is given new ones. When a refresh only adds
    events (analyses arriving in library mode) and the user has zoomed or panned, the dock
    puts the user's view back; it fits on the first fill, on a new set of articles, and
    when asked (Fit, Ctrl+0).
    """

    event_activated = Signal(int, int, int)  # article id, sentence start, sentence end

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.library_mode = False
        self.article_ids: list[int] = []
        self.current_id: int | None = None
        self.analysis: Analysis | None = None
        self.entity = ""
        self.events: list = []  # all events fed to the widget
        self.shown: list = []  # those that pass the entity filter
        self._fit_next = True  # a new set of articles: fit whatever the user's view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if TimelineWidget is not None:
            self.widget = TimelineWidget(self)
            self.widget.event_activated.connect(self._activated)
        else:  # pragma: no cover - before ui/timeline exists
            self.widget = QLabel("The timeline is not available in this build.", self)
            self.widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.widget)

    def show_analysis(self, article_id: int | None, analysis: Analysis | None) -> None:
        self.current_id, self.analysis = article_id, analysis
        if not self.library_mode:
            self.refresh()

    def set_entity(self, canonical: str, analysis: Analysis | None) -> None:
        self.entity = canonical
        self._apply_filter()

    def set_library_mode(self, on: bool, article_ids: list[int]) -> None:
        self.library_mode, self.article_ids = on, list(article_ids)
        self._fit_next = True
        if hasattr(self.widget, "set_library_mode"):
            self.widget.set_library_mode(on)
        self.refresh()

    def fit_all(self) -> None:
        if hasattr(self.widget, "fit_all"):
            self.widget.fit_all()

    def cycle_fit(self) -> None:
        """As the Fit button: the dense core of the dates; again, every date."""
        if hasattr(self.widget, "cycle_fit"):
            self.widget.cycle_fit()

    def select_expression(self, article_id: int, body_start: int) -> bool:
        """Select the event of the date at `body_start` (a click on it in the article);
        False when it has none on the timeline (a duration, unresolved, filtered out)."""
        event = next((e for e in self.shown
                      if e.article_id == article_id and e.body_start == body_start), None)
        if event is None or not hasattr(self.widget, "select_event"):
            return False
        self.widget.select_event(event)
        return self.widget.selected_event() is not None

    def refresh(self) -> None:
        ids = self.article_ids if self.library_mode else [self.current_id]
        before = {(e.article_id, e.body_start) for e in self.events}
        self.events = []
        for article_id in ids:
            if article_id is None:
                continue
            analysis = (self.analysis if article_id == self.current_id and self.analysis
                        else self.session.analysis(article_id))
            if analysis is not None:
                self.events += events_from_analysis(self.session.article(article_id), analysis)
        added_only = bool(before) and before <= {(e.article_id, e.body_start)
                                                 for e in self.events}
        user_view = self._user_view() if added_only and not self._fit_next else None
        self._fit_next = False
        if hasattr(self.widget, "set_events"):
            self.widget.set_events(self.events)
            published = None
            if not self.library_mode and self.current_id is not None:
                published = self.session.article(self.current_id).published
            self.widget.set_reference_date(published)
        self._apply_filter()
        if user_view is not None:
            self._show_range(*user_view)

    def _user_view(self) -> tuple | None:
        """The range in view, if the user has moved away from the fitted view; else None.
        (Fitting the current events and comparing needs nothing but the widget's public
        API; the repaint waits for the event loop, so nothing flickers.)"""
        if not hasattr(self.widget, "visible_range"):
            return None
        seen = self.widget.visible_range()
        self.widget.fit_all()
        return seen if self.widget.visible_range() != seen else None

    def _show_range(self, first, last) -> None:
        """Zoom and pan the widget back to [first, last] (to the day)."""
        now_first, now_last = self.widget.visible_range()
        have, want = (now_last - now_first).days, (last - first).days
        if have > 0 and want > 0:
            self.widget.zoom(want / have)
        self.widget.pan_days((first - self.widget.visible_range()[0]).days)

    def _apply_filter(self) -> None:
        if not self.entity:
            self.shown = list(self.events)
            if hasattr(self.widget, "clear_filter"):
                self.widget.clear_filter()
            return
        keep = set()
        for article_id in {e.article_id for e in self.events}:
            analysis = self._analysis_of(article_id)
            spans = [m.start for m in analysis.mentions if m.canonical == self.entity]
            for timex in analysis.timexes:
                if any(timex.sentence.start <= s < timex.sentence.end for s in spans):
                    keep.add((article_id, timex.start))
        self.shown = [e for e in self.events if (e.article_id, e.body_start) in keep]
        if hasattr(self.widget, "set_filter"):
            self.widget.set_filter(keep)

    def _analysis_of(self, article_id: int) -> Analysis:
        if article_id == self.current_id and self.analysis is not None:
            return self.analysis
        return self.session.analysis(article_id)

    def _activated(self, article_id: int, start: int, end: int) -> None:
        """The widget gives the expression's offsets; the reader shows its sentence."""
        analysis = self._analysis_of(article_id)
        timex = next((t for t in analysis.timexes if t.start == start), None) if analysis else None
        if timex is not None:
            start, end = timex.sentence.start, timex.sentence.end
        self.event_activated.emit(article_id, start, end)
