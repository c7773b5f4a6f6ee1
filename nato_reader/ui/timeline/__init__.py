"""The timeline dock: dated events on a zoomable axis, one lane per article in library mode."""

from __future__ import annotations

from nato_reader.core.timeline import TimelineEvent, events_from_analysis
from nato_reader.ui.timeline.widget import TimelineWidget

__all__ = ["TimelineEvent", "TimelineWidget", "events_from_analysis"]
