"""The timeline dock: dated events on a zoomable axis, one lane per article in library mode."""

from __future__ import annotations

from nato_reader.core.timeline import TimelineEvent, entity_event_keys, events_from_analysis
from nato_reader.ui.timeline.events import events_for_articles
from nato_reader.ui.timeline.widget import TimelineWidget

__all__ = ["TimelineEvent", "TimelineWidget", "entity_event_keys", "events_for_articles",
           "events_from_analysis"]
