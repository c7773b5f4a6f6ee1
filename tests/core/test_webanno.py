"""W3C Web Annotation JSON: what we write, and the shapes we read (ours, Hypothesis')."""

import pytest

from nato_reader.core.anchoring import TextPositionSelector, TextQuoteSelector
from nato_reader.core.model import Annotation
from nato_reader.core.webanno import (
    CONTEXT,
    ItemError,
    WebAnnotation,
    WebAnnotationError,
    read_annotation,
    read_document,
    to_collection,
    to_web_annotation,
)

SOURCE = "file:///home/me/articles/summit.txt"

ANNOTATION = Annotation(
    id=7, article_id=3, start=120, end=134, exact="weeks of talks",
    prefix="The decision came after ", suffix=" in Brussels.", colour="evidence",
    note="**Who** talked?", tags=("brussels", "talks"),
    created_at="2026-11-23T10:00:00+00:00", updated_at="2026-11-23T11:00:00+00:00",
)


def test_an_annotation_is_written_as_the_w3c_model_says():
    item = to_web_annotation(ANNOTATION, SOURCE)
    assert item["@context"] == CONTEXT and item["type"] == "Annotation"
    assert item["id"].startswith("urn:uuid:")
    assert item["motivation"] == "commenting"
    assert item["created"] == ANNOTATION.created_at and item["modified"] == ANNOTATION.updated_at
    bodies = {(b["purpose"], b["value"]) for b in item["body"]}
    assert bodies == {("commenting", "**Who** talked?"), ("tagging", "brussels"),
                      ("tagging", "talks"), ("highlighting", "evidence")}
    assert all(b["type"] == "TextualBody" for b in item["body"])
    assert item["target"]["source"] == SOURCE
    assert item["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "weeks of talks",
         "prefix": "The decision came after ", "suffix": " in Brussels."},
        {"type": "TextPositionSelector", "start": 120, "end": 134},
    ]


def test_an_orphan_has_no_position_and_a_bare_highlight_no_comment():
    orphan = Annotation(id=1, article_id=1, start=5, end=9, exact="gone", prefix="", suffix="",
                        colour="yellow", orphan=True)
    item = to_web_annotation(orphan, SOURCE)
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]
    assert item["motivation"] == "highlighting"
    assert item["body"] == [{"type": "TextualBody", "purpose": "highlighting",
                             "value": "yellow"}]


def test_ids_are_stable_per_annotation_and_differ_between_annotations():
    first = to_web_annotation(ANNOTATION, SOURCE)["id"]
    assert to_web_annotation(ANNOTATION, SOURCE)["id"] == first
    other = Annotation(**{**ANNOTATION.__dict__, "id": 8})
    assert to_web_annotation(other, SOURCE)["id"] != first


def test_what_we_write_reads_back_the_same():
    collection = to_collection([to_web_annotation(ANNOTATION, SOURCE)], "mine")
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    (read,) = read_document(collection)
    assert read == WebAnnotation(
        source=SOURCE,
        quote=TextQuoteSelector("weeks of talks", "The decision came after ", " in Brussels."),
        position=TextPositionSelector(120, 134),
        note="**Who** talked?", tags=("brussels", "talks"), colour="evidence",
    )


# What the Hypothesis API returns from /api/search (trimmed): target is a list, source
# may come with `uri`, the note is `text`, tags are `tags`, and a RangeSelector comes first.
HYPOTHESIS_SEARCH = {
    "total": 2,
    "rows": [
        {
            "id": "Xy12abc",
            "uri": "https://example.org/summit",
            "text": "Compare with the Reuters report",
            "tags": ["summit", "sources"],
            "target": [{
                "source": "https://example.org/summit",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/div[1]/p[2]",
                     "startOffset": 0, "endContainer": "/div[1]/p[2]", "endOffset": 14},
                    {"type": "TextPositionSelector", "start": 310, "end": 324},
                    {"type": "TextQuoteSelector", "exact": "weeks of talks",
                     "prefix": "came after ", "suffix": " in Brussels"},
                ],
            }],
        },
        {"id": "PageNote1", "uri": "https://example.org/summit", "text": "page note",
         "target": [{"source": "https://example.org/summit"}]},
    ],
}


def test_hypothesis_api_rows_are_read_and_a_page_note_is_reported():
    good, bad = read_document(HYPOTHESIS_SEARCH)
    assert good.source == "https://example.org/summit"
    assert good.quote == TextQuoteSelector("weeks of talks", "came after ", " in Brussels")
    assert good.position == TextPositionSelector(310, 324)
    assert (good.note, good.tags, good.colour) == ("Compare with the Reuters report",
                                                   ("summit", "sources"), None)
    assert isinstance(bad, ItemError) and bad.label == "PageNote1"
    assert "no target with a selector" in bad.message


def test_hypothesis_client_export_and_source_lists():
    export = {"export_date": "2024-01-01", "annotations": [{
        "uri": "https://example.org/a",
        "target": [{"source": ["https://example.org/a"],
                    "selector": [{"type": "TextQuoteSelector", "exact": "NATO"}]}],
    }]}
    (item,) = read_document(export)
    assert item.source == "https://example.org/a" and item.quote.prefix == ""


@pytest.mark.parametrize("document, count", [
    ({"type": "Annotation", "target": {"source": "s", "selector": {
        "type": "TextQuoteSelector", "exact": "x"}}}, 1),
    ([{"target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}] * 3,
     3),
    ({"type": "AnnotationPage", "items": []}, 0),
])
def test_single_annotations_lists_and_pages(document, count):
    assert len(read_document(document)) == count


def test_bodies_without_purpose_follow_the_motivation():
    item = read_annotation({
        "motivation": "tagging",
        "body": [{"type": "TextualBody", "value": "defence"}, "http://example.org/ref"],
        "bodyValue": "short note",
        "target": {"source": "s", "selector": [{"type": "TextQuoteSelector", "exact": "q"}]},
    })
    assert item.tags == ("defence",) and item.note == "short note"


@pytest.mark.parametrize("item, message", [
    ({"target": "http://example.org/whole-page"}, "no target with a selector"),
    ({"target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}, "no source"),
    ({"target": {"source": "s", "selector": {"type": "TextQuoteSelector", "exact": ""}}},
     "no TextQuoteSelector"),
    ("a string", "not an annotation"),
])
def test_unusable_items_are_reported_with_a_reason(item, message):
    (error,) = read_document([item])
    assert isinstance(error, ItemError) and message in error.message
    assert error.label == "item 1"


@pytest.mark.parametrize("document", [
    42, {"hello": "world"}, {"type": "AnnotationCollection", "first": "http://x/page1"},
])
def test_documents_that_are_not_web_annotations_are_refused(document):
    with pytest.raises(WebAnnotationError):
        read_document(document)


def test_a_bad_position_is_ignored_but_the_quote_kept():
    item = read_annotation({"target": {"source": "s", "selector": [
        {"type": "TextPositionSelector", "start": 9, "end": 3},
        {"type": "TextQuoteSelector", "exact": "x"}]}})
    assert item.position is None and item.quote.exact == "x"
