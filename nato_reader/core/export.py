"""An article with its analysis and annotations, as one annotated Markdown file.

A pure function of plain data, tested against golden files (tests/core/golden). The
layout, chosen to read well in Obsidian and in any CommonMark viewer:

- YAML front matter: title, published, source, uri, tags (a list), entities (label ->
  canonical names), exported (ISO timestamp). Strings are double-quoted.
- `# Title`, then the article text; its sub-headings become `## ` headings. Every
  character that Markdown would misread is escaped (core/mdescape.py).
- Highlights are `==…==` in the text. Each annotation follows the paragraph where its
  highlight ends, as a callout whose type is the colour name (`> [!claim]`, so a CSS
  snippet can colour `.callout[data-callout="claim"]`), titled with the colour name
  and the quote, with its tags as `#tags` and its note (Markdown, kept as written)
  inside; then a block id `^ann-<id>` on its own line, so `[[file#^ann-12]]` links
  survive re-export.
- After a `---` rule: orphaned highlights (quote no longer in the text), the
  article's note, `## Entities` (by type, with counts) and `## Timeline` (date order,
  unresolved and durations last).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime

from nato_reader.core.articles import headline_is_title
from nato_reader.core.export_json import article_json
from nato_reader.core.mdescape import (
    callout_type,
    escape_inline,
    hashtags,
    render_runs,
    tag_name,
    trim_runs,
    yaml_string,
)
from nato_reader.core.model import Annotation, Article, Colour, Mention, Timex

__all__ = ["article_json", "article_markdown", "entity_groups", "file_stem", "timeline_order"]

# The order of entity types in the front matter and the Entities section.
LABEL_NAMES = {
    "PERSON": "People", "ORG": "Organisations", "GPE": "Countries, cities and states",
    "LOC": "Places", "NORP": "Nationalities and groups", "FAC": "Buildings and facilities",
    "EVENT": "Events", "PRODUCT": "Products", "LAW": "Laws and treaties",
    "WORK_OF_ART": "Works",
}
QUOTE_MAX_CHARS = 100
FILE_STEM_MAX_CHARS = 80
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_UNSAFE_IN_NAMES = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f#^\[\]]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)


def article_markdown(
    article: Article,
    mentions: Sequence[Mention],
    timexes: Sequence[Timex],
    annotations: Sequence[Annotation],
    colours: Sequence[Colour],
    exported_at: datetime,
) -> str:
    placed, orphans = _split_orphans(article.body, annotations)
    colour_names = {c.name.lower(): c.name for c in colours}
    groups = entity_groups(mentions)
    parts = [_front_matter(article, groups, exported_at), f"# {escape_inline(article.title)}"]
    parts.extend(_body_blocks(article, placed, colour_names))
    appendix: list[str] = []
    if orphans:
        appendix.append("## Orphaned highlights")
        appendix.append("*Made on an earlier version of the text; their quote is no longer"
                        " in it.*")
        appendix.extend(_callout(a, colour_names) for a in orphans)
    if article.note.strip():
        appendix.extend(["## Note", article.note.strip("\n")])
    appendix.extend(_entities_section(groups))
    appendix.extend(_timeline_section(article.body, timexes))
    if appendix:
        parts.append("---")
        parts.extend(appendix)
    return "\n\n".join(parts) + "\n"


# --- front matter ----------------------------------------------------------------------


def _front_matter(article: Article, groups, exported_at: datetime) -> str:
    lines = ["---", f"title: {yaml_string(article.title)}",
             f"published: {article.published.isoformat() if article.published else ''}".rstrip(),
             f"source: {yaml_string(article.source)}", f"uri: {yaml_string(article.uri)}"]
    tags = [name for name in (tag_name(t) for t in article.tags) if name]
    lines.append("tags:" + ("" if tags else " []"))
    lines.extend(f"  - {yaml_string(t)}" for t in tags)
    lines.append("entities:" + ("" if groups else " {}"))
    for label, rows in groups:
        lines.append(f"  {label}:")
        lines.extend(f"    - {yaml_string(name)}" for name, _ in rows)
    lines.append(f"exported: {exported_at.isoformat(timespec='seconds')}")
    lines.append("---")
    return "\n".join(lines)


# --- the article text ------------------------------------------------------------------


def _split_orphans(body: str, annotations: Sequence[Annotation]):
    """Annotations whose quote is not where they say are exported as orphans, never
    as a highlight over the wrong words."""
    placed, orphans = [], []
    for a in sorted(annotations, key=lambda a: (a.start, a.end, a.id)):
        fits = 0 <= a.start < a.end <= len(body) and body[a.start : a.end] == a.exact
        (placed if fits and not a.orphan else orphans).append(a)
    return placed, sorted(orphans, key=lambda a: a.id)


def _paragraphs(body: str) -> list[tuple[int, str]]:
    result, offset = [], 0
    for text in body.split("\n\n"):
        result.append((offset, text))
        offset += len(text) + 2
    return result


def _body_blocks(article: Article, placed: Sequence[Annotation], colour_names) -> list[str]:
    heading_starts = {h.start for h in article.headings}
    paragraphs = _paragraphs(article.body)
    starts = [offset for offset, _ in paragraphs]
    # A note follows the last paragraph its highlight reaches into.
    notes: dict[int, list[Annotation]] = {}
    for a in placed:
        notes.setdefault(bisect.bisect_left(starts, a.end) - 1, []).append(a)
    blocks: list[str] = []
    for index, (offset, text) in enumerate(paragraphs):
        end = offset + len(text)
        runs = trim_runs(text, [(max(a.start, offset) - offset, min(a.end, end) - offset)
                                for a in placed if a.start < end and a.end > offset])
        if not text.strip() or (offset == 0 and not runs and headline_is_title(
                article.title, article.body, article.headings)):
            pass  # empty, or the file's headline, already the note's "# Title"
        elif offset in heading_starts:
            blocks.append("## " + render_runs(text, runs, line_start=False))
        else:
            blocks.append("\n".join(render_runs(line, _line_runs(line_offset, line, runs))
                                    for line_offset, line in _lines(text)))
        blocks.extend(_callout(a, colour_names) for a in notes.get(index, ()))
    return blocks


def _lines(text: str) -> list[tuple[int, str]]:
    result, offset = [], 0
    for line in text.split("\n"):
        result.append((offset, line))
        offset += len(line) + 1
    return result


def _line_runs(line_offset, line, runs):
    end = line_offset + len(line)
    return trim_runs(line, [(max(s, line_offset) - line_offset, min(e, end) - line_offset)
                            for s, e in runs if s < end and e > line_offset])


def _callout(annotation: Annotation, colour_names) -> str:
    colour = colour_names.get(annotation.colour.lower(), annotation.colour)
    quote = " ".join(annotation.exact.split())
    if len(quote) > QUOTE_MAX_CHARS:
        quote = quote[: QUOTE_MAX_CHARS - 1].rstrip() + "…"
    title = f"{escape_inline(colour)} · “{escape_inline(quote)}”"
    tags = hashtags(annotation.tags)
    lines = [f"> [!{callout_type(colour)}] {title}" + (f" {tags}" if tags else "")]
    note = annotation.note.strip("\n")
    if note:
        lines.extend(f"> {line}".rstrip() for line in note.split("\n"))
    return "\n".join(lines) + f"\n\n^ann-{annotation.id}"


# --- entities and timeline -------------------------------------------------------------


def entity_groups(mentions: Sequence[Mention]) -> list[tuple[str, list[tuple[str, int]]]]:
    """(label, [(canonical, mentions)]) with each entity under its most frequent label,
    types in a fixed order, names by count then name."""
    labels: dict[str, Counter] = {}
    for m in mentions:
        labels.setdefault(m.canonical, Counter())[m.label] += 1
    grouped: dict[str, list[tuple[str, int]]] = {}
    for name, counts in labels.items():
        label = min(counts, key=lambda lb: (-counts[lb], _label_rank(lb), lb))
        grouped.setdefault(label, []).append((name, sum(counts.values())))
    return [(label, sorted(grouped[label], key=lambda row: (-row[1], row[0].casefold(),
                                                            row[0])))
            for label in sorted(grouped, key=lambda lb: (_label_rank(lb), lb))]


def _label_rank(label: str) -> int:
    order = list(LABEL_NAMES)
    return order.index(label) if label in order else len(order)


def _entities_section(groups) -> list[str]:
    if not groups:
        return []
    blocks = ["## Entities"]
    for label, rows in groups:
        name = LABEL_NAMES.get(label)
        blocks.append(f"### {name} ({label})" if name else f"### {escape_inline(label)}")
        blocks.append("\n".join(f"- {escape_inline(n)} ({count})" for n, count in rows))
    return blocks


def timeline_order(timexes: Sequence[Timex]) -> list[Timex]:
    """Dated expressions by date (then text order); durations, sets and unresolved last."""
    return sorted(timexes, key=lambda t: (*_date_key(t), t.start, t.end))


def _date_key(timex: Timex) -> tuple:
    """(0, year, month, day) where the value starts with a year, else (1, 0, 0, 0)."""
    match = re.match(r"(\d{4})(?:-(\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:-(\d{2}))?",
                     timex.value)
    if timex.type in ("DURATION", "SET") or not match:
        return (1, 0, 0, 0)
    year, part, day = int(match.group(1)), match.group(2) or "", int(match.group(3) or 0)
    if part.startswith("W"):
        try:
            monday = date.fromisocalendar(year, int(part[1:]), 1)
        except ValueError:
            return (0, year, 12, 31)
        return (0, monday.year, monday.month, monday.day)
    if part.isdigit():
        month = int(part)
    elif part.startswith("Q"):
        month = 3 * int(part[1]) - 2
    elif part.startswith("H"):
        month = 6 * int(part[1]) - 5
    else:
        month = _SEASON_MONTH.get(part, 0)
    return (0, year, month, day)


def _timeline_section(body: str, timexes: Sequence[Timex]) -> list[str]:
    if not timexes:
        return []
    items = []
    for t in timeline_order(timexes):
        value = f"**{escape_inline(t.value)}**" if t.value else "**unresolved**"
        kind = "" if t.type == "DATE" else f" ({escape_inline(t.type)})"
        sentence = " ".join(body[t.sentence.start : t.sentence.end].split())
        items.append(f"- {value}{kind} · “{escape_inline(t.text)}” — {escape_inline(sentence)}")
    return ["## Timeline", "\n".join(items)]


# --- file names ------------------------------------------------------------------------


def file_stem(title: str, limit: int = FILE_STEM_MAX_CHARS) -> str:
    """A file name (without extension) from a title, safe on Windows, macOS and Linux
    and in Obsidian links (no # ^ [ ])."""
    stem = " ".join(_UNSAFE_IN_NAMES.sub(" ", title).split()).strip(" .…")
    if len(stem) > limit:
        cut = stem.rfind(" ", 0, limit)
        stem = stem[: cut if cut > limit // 2 else limit].rstrip(" .…")
    if not stem or _WINDOWS_RESERVED.match(stem):
        stem = f"Article {stem}".strip()
    return stem
