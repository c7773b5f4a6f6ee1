"""The analysis of one text: entity mentions (spaCy NER + consolidation), temporal
expressions (core/timex.py) and sentences, as one cacheable `Analysis`.

Importing this module is cheap: spaCy is loaded on first use, by core/nlp.py.
Long texts are cut into chunks at paragraph (else sentence, else word) boundaries, so
spaCy's max_length is never reached and memory stays bounded; offsets are mapped back.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from nato_reader.core import nlp as _nlp
from nato_reader.core.entities import consolidate
from nato_reader.core.model import Analysis, Span
from nato_reader.core.pipeline_version import PIPELINE_VERSION
from nato_reader.core.timex import split_sentences, tag_timexes

__all__ = ["PIPELINE_VERSION", "analyse", "analyse_many"]

MAX_CHUNK_CHARS = 20_000
# 4 is as fast as 16 here and peaks at 225 MB instead of 405 MB (benchmarks/bench_analysis.py).
BATCH_SIZE = 4

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))
_NEWLINES = re.compile(r"\s*\n\s*")
_SURROGATE = re.compile("[\ud800-\udfff]")
# spaCy pipelines are not documented as safe for concurrent calls: one run at a time.
_run_lock = threading.RLock()




def analyse(text: str, published: date | None) -> Analysis:
    """Entities, timeline and sentences of one text (loads spaCy on first use)."""
    return analyse_many([(text, published)])[0]


def analyse_many(items: Sequence[tuple[str, date | None]],
                 progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None, *,
                 profile: str = _nlp.DEFAULT_PROFILE) -> list[Analysis]:
    """Analyse many texts, batched through spaCy's nlp.pipe. Reports progress(done, total)
    after each text; when is_cancelled() turns true, returns the analyses done so far.
    `profile` (which spaCy components) is for benchmarks; the app uses the default."""
    total = len(items)
    if progress:
        progress(0, total)
    if not total:
        return []
    chunks = [_chunks(text) for text, _ in items]
    flat = ((_spacy_safe(piece), offset) for pieces in chunks for offset, piece in pieces)
    # an empty or blank text needs no model: do not load spaCy for it
    docs = (_nlp.get_nlp(profile).pipe(flat, as_tuples=True, batch_size=BATCH_SIZE)
            if any(chunks) else iter(()))
    with _run_lock:
        return _collect(items, chunks, docs, progress, is_cancelled)


def _collect(items, chunks, docs, progress, is_cancelled) -> list[Analysis]:
    total = len(items)
    results: list[Analysis] = []
    for (text, published), pieces in zip(items, chunks, strict=True):
        if is_cancelled and is_cancelled():
            break
        ents: list[tuple[int, int, str]] = []
        sentences: list[Span] = []
        for _ in pieces:
            doc, offset = next(docs)
            ents.extend((e.start_char + offset, e.end_char + offset, e.label_)
                        for e in doc.ents)
            sentences.extend(_sentences(doc, text, offset))
        results.append(_finish(text, published, ents, sentences))
        if progress:
            progress(len(results), total)
    return results


def _finish(text: str, published: date | None, ents, sentences: list[Span]) -> Analysis:
    timexes = tag_timexes(text, published, sentences) if sentences else []
    mentions = _outside_dates(consolidate(text, ents), timexes)
    return Analysis(mentions=mentions, timexes=tuple(timexes), sentences=tuple(sentences),
                    pipeline_version=PIPELINE_VERSION)


def _outside_dates(mentions, timexes) -> tuple:
    """Dates are the timeline's, not entities: the model's "Easter" (LOC) or "Feb 24"
    (LAW) inside a temporal expression is dropped."""
    if not timexes:
        return mentions
    starts = [t.start for t in timexes]
    kept = []
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        if i < 0 or timexes[i].end < m.end:
            kept.append(m)
    return tuple(kept)


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most MAX_CHUNK_CHARS, cut at the best boundary."""
    if not text.strip():
        return []
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = limit
        for pattern in _BREAKS:
            last = None
            for m in pattern.finditer(text, start + MAX_CHUNK_CHARS // 2, limit):
                last = m
            if last is not None:
                cut = last.end()
                break
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _spacy_safe(piece: str) -> str:
    """Lone surrogates (from broken UTF-16) cannot be encoded; one replacement character
    each keeps every offset."""
    return _SURROGATE.sub("\ufffd", piece) if _SURROGATE.search(piece) else piece


def _sentences(doc, text: str, offset: int) -> Iterator[Span]:
    """Sentence spans from the pipeline (or the rule splitter), never across a line break."""
    if doc.has_annotation("SENT_START"):
        raw = ((s.start_char + offset, s.end_char + offset) for s in doc.sents)
    else:
        raw = ((s.start + offset, s.end + offset) for s in split_sentences(doc.text))
    for start, end in raw:
        pos = start
        for m in _NEWLINES.finditer(text, start, end):
            yield from _strip(text, pos, m.start())
            pos = m.end()
        yield from _strip(text, pos, end)


def _strip(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end)
