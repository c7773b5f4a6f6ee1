"""An article with its analysis and annotations as one JSON document, for other tools.

`article` carries the text every offset refers to; `entities` and `timeline` have the
shapes of the `extract --json` contract (ARCHITECTURE.md); `annotations` are W3C Web
Annotations written by core/webanno.py (the same shape as the annotations command's
export, so the file can be read back): the article's uri as target source, a
TextQuoteSelector and, unless orphaned, a TextPositionSelector; the colour's name as a
"highlighting" body, and `colours` maps the names used to their hex values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from nato_reader.core.model import Annotation, Article, Colour, Mention, Timex
from nato_reader.core.webanno import to_web_annotation

FORMAT = "nato-reader-article"
FORMAT_VERSION = 1


def article_json(
    article: Article,
    mentions: Sequence[Mention],
    timexes: Sequence[Timex],
    annotations: Sequence[Annotation],
    colours: Sequence[Colour],
    exported_at: datetime,
) -> dict:
    hexes = {c.name.lower(): c.hex for c in colours}
    used = sorted({a.colour.lower() for a in annotations} & set(hexes))
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": exported_at.isoformat(timespec="seconds"),
        "article": {
            "id": article.id,
            "uri": article.uri,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "source": article.source,
            "tags": list(article.tags),
            "note": article.note,
            "text": article.body,
            "headings": [{"start": h.start, "end": h.end} for h in article.headings],
        },
        "entities": [m.to_json() for m in sorted(mentions, key=lambda m: (m.start, m.end))],
        "timeline": [t.to_json() for t in sorted(timexes, key=lambda t: (t.start, t.end))],
        # The palette of the colours used, since an annotation carries only the name.
        "colours": {name: hexes[name] for name in used},
        "annotations": [
            to_web_annotation(a, article.uri) for a in sorted(annotations, key=lambda a: a.id)
        ],
    }
