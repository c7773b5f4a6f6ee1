"""Timeline events for the UI: re-exported from core.timeline, where they are built."""

from __future__ import annotations

from nato_reader.core.timeline import TimelineEvent, events_from_analysis, value_to_range

__all__ = ["TimelineEvent", "events_from_analysis", "value_to_range"]
