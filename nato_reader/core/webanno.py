"""W3C Web Annotation JSON (https://www.w3.org/TR/annotation-model/), both ways.

How an annotation is written:

- `target.source` is the article's `uri` (as in `nato-reader list --json`), with a
  TextQuoteSelector (exact, 32-character prefix and suffix) and, unless the annotation is
  an orphan (its position refers to a text that is gone), a TextPositionSelector.
- `body` is a list of TextualBody: purpose "commenting" holds the note (format
  text/markdown), one purpose "tagging" body per tag, and purpose "highlighting" holds
  the colour's NAME ("claim", "evidence"): the name is what carries meaning, and the
  palette maps it to a hex value on each machine.
- `motivation` is "commenting" when there is a note, else "highlighting".

Reading accepts one annotation, a list, an AnnotationCollection with an embedded first
page, an AnnotationPage, and what the Hypothesis client and API produce (`rows` or
`annotations` lists; `uri`, `text` and `tags` fields; targets as lists; RangeSelector and
other selectors ignored). Bad items are reported one by one; the rest are read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from nato_reader.core.anchoring import TextPositionSelector, TextQuoteSelector
from nato_reader.core.model import Annotation

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NOTE_FORMAT = "text/markdown"
_NOTE_PURPOSES = {"commenting", "describing", "replying", "editing", "classifying"}


class WebAnnotationError(ValueError):
    """The document as a whole is not Web Annotation JSON."""


@dataclass(frozen=True)
class WebAnnotation:
    """One annotation as read from a file, before it is anchored in an article."""

    source: str
    quote: TextQuoteSelector
    position: TextPositionSelector | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    colour: str | None = None


@dataclass(frozen=True)
class ItemError:
    label: str  # the item's id, or its number in the file ("item 3")
    message: str


# -- writing --------------------------------------------------------------------------


def to_web_annotation(annotation: Annotation, source: str) -> dict:
    a = annotation
    body = []
    if a.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": a.note,
                     "format": NOTE_FORMAT})
    body += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags]
    body.append({"type": "TextualBody", "purpose": "highlighting", "value": a.colour})
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": a.exact,
                              "prefix": a.prefix, "suffix": a.suffix}]
    if not a.orphan:
        selectors.append({"type": "TextPositionSelector", "start": a.start, "end": a.end})
    item = {
        "@context": CONTEXT,
        # Stable for one annotation in one library, distinct across libraries.
        "id": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL,
                                           f"{source}#annotation-{a.id}-{a.created_at}")),
        "type": "Annotation",
        "motivation": "commenting" if a.note else "highlighting",
        "body": body,
        "target": {"source": source, "selector": selectors},
    }
    if a.created_at:
        item["created"] = a.created_at
    if a.updated_at:
        item["modified"] = a.updated_at
    return item


def to_collection(items: list[dict], label: str) -> dict:
    """An AnnotationCollection with every item in its one embedded page."""
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0,
                  "items": [{k: v for k, v in i.items() if k != "@context"} for i in items]},
    }


# -- reading --------------------------------------------------------------------------


def read_document(data) -> list[WebAnnotation | ItemError]:
    """Every annotation in a parsed JSON document, or why it cannot be read."""
    results: list[WebAnnotation | ItemError] = []
    for number, item in enumerate(_items(data), 1):
        label = item.get("id") if isinstance(item, dict) else None
        label = str(label) if label else f"item {number}"
        try:
            results.append(read_annotation(item))
        except WebAnnotationError as exc:
            results.append(ItemError(label, str(exc)))
    return results


def read_annotation(item) -> WebAnnotation:
    if not isinstance(item, dict):
        raise WebAnnotationError("not an annotation (expected a JSON object)")
    target, source = _target(item)
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = position = None
    for selector in selectors:
        if not isinstance(selector, dict):
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and quote is None:
            exact = selector.get("exact")
            if isinstance(exact, str) and exact:
                quote = TextQuoteSelector(exact, _text(selector.get("prefix")),
                                          _text(selector.get("suffix")))
        elif kind == "TextPositionSelector" and position is None:
            start, end = selector.get("start"), selector.get("end")
            if _is_int(start) and _is_int(end) and 0 <= start < end:
                position = TextPositionSelector(start, end)
    if quote is None:
        raise WebAnnotationError(f"no TextQuoteSelector with an exact text for {source}")
    notes, tags, colour = _bodies(item)
    return WebAnnotation(source=source, quote=quote, position=position,
                         note="\n\n".join(notes), tags=tuple(tags), colour=colour)


def _items(data) -> list:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise WebAnnotationError("not Web Annotation JSON (expected an object or a list)")
    types = _as_list(data.get("type"))
    if "AnnotationCollection" in types:
        first = data.get("first")
        if isinstance(first, dict):
            return list(first.get("items", []))
        if "items" in data:
            return list(data["items"])
        raise WebAnnotationError("the collection's pages are not in the file "
                                 "(only embedded pages can be read)")
    if "AnnotationPage" in types:
        return list(data.get("items", []))
    for key in ("rows", "annotations"):  # Hypothesis API search, Hypothesis client export
        if isinstance(data.get(key), list):
            return data[key]
    if "target" in data:
        return [data]
    raise WebAnnotationError("not Web Annotation JSON (no annotations found)")


def _target(item: dict) -> tuple[dict, str]:
    """The first target with a selector, and its source (Hypothesis: `uri`)."""
    targets = _as_list(item.get("target"))
    chosen = next((t for t in targets if isinstance(t, dict) and t.get("selector")), None)
    if chosen is None:
        raise WebAnnotationError("no target with a selector (whole-document annotations "
                                 "cannot be placed in a text)")
    source = chosen.get("source") or item.get("uri")
    if isinstance(source, list):
        source = source[0] if source else None
    if isinstance(source, dict):
        source = source.get("id")
    if not isinstance(source, str) or not source:
        raise WebAnnotationError("the target has no source")
    return chosen, source


def _bodies(item: dict) -> tuple[list[str], list[str], str | None]:
    notes: list[str] = []
    tags: list[str] = []
    colour = None
    motivations = _as_list(item.get("motivation"))
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if isinstance(body, str) or not isinstance(body, dict):
            continue  # a body by reference: nothing to read here
        value = body.get("value", body.get("chars"))
        if not isinstance(value, str):
            continue
        purposes = _as_list(body.get("purpose")) or motivations or ["commenting"]
        if "tagging" in purposes:
            tags.append(value)
        elif "highlighting" in purposes:
            colour = value
        elif _NOTE_PURPOSES & set(purposes) or not purposes:
            notes.append(value)
    if isinstance(item.get("text"), str) and item["text"]:  # Hypothesis
        notes.append(item["text"])
    tags += [t for t in _as_list(item.get("tags")) if isinstance(t, str)]  # Hypothesis
    return [n for n in notes if n.strip()], tags, colour


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
