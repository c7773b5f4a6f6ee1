"""Words for the timeline: dates of an event, bubble counts and tooltips."""

from __future__ import annotations

from datetime import date
from html import escape

from nato_reader.core.timeline import DURATION, POINT, TimelineEvent


def format_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def describe_dates(event: TimelineEvent) -> str:
    """The dates of an event in words, for tooltips and accessibility."""
    if event.kind == DURATION:
        return f"duration {event.value}, said on {format_day(event.start)}"
    if event.kind == POINT:
        return format_day(event.start)
    return f"{format_day(event.start)} – {format_day(event.end)}"


def bubble_text(count: int) -> str:
    """A count that fits in a small bubble: 7, 512, 1.2k, 34k."""
    if count < 1000:
        return str(count)
    if count < 10000:
        return f"{count / 1000:.1f}k"
    return f"{count // 1000}k"


def event_tooltip(event: TimelineEvent, with_lane: bool) -> str:
    """The expression, its dates and its sentence (rich text, escaped)."""
    lane = f"<br><small>{escape(event.lane)}</small>" if with_lane else ""
    return (f"<qt><b>{escape(event.label)}</b> &nbsp;({escape(describe_dates(event))})"
            f"{lane}<p>{emphasise(event.sentence_text, event.label)}</p></qt>")


def emphasise(sentence: str, phrase: str) -> str:
    """The sentence as escaped rich text with the first `phrase` in it in bold."""
    at = sentence.find(phrase) if phrase else -1
    if at < 0:
        return escape(sentence)
    end = at + len(phrase)
    return f"{escape(sentence[:at])}<b>{escape(phrase)}</b>{escape(sentence[end:])}"


def cluster_tooltip(count: int, first: date, last: date) -> str:
    return (f"<b>{count} dates</b>, {format_day(first)} – {format_day(last)}"
            "<br><i>Click to zoom in</i>")
