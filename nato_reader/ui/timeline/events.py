"""Timeline events for the UI, built in core.timeline (re-exported here)."""

from __future__ import annotations

from collections.abc import Iterable

from nato_reader.core.model import Analysis, Article
from nato_reader.core.timeline import (
    TimelineEvent,
    entity_event_keys,
    events_from_analysis,
    value_to_range,
)


def events_for_articles(pairs: Iterable[tuple[Article, Analysis]]) -> list[TimelineEvent]:
    """Events of many articles, in the order given: library mode makes one lane each."""
    return [event for article, analysis in pairs
            for event in events_from_analysis(article, analysis)]


__all__ = ["TimelineEvent", "entity_event_keys", "events_for_articles", "events_from_analysis",
           "value_to_range"]
