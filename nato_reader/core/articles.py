"""Turning the text of a file into an article: title, publication date, body, headings.

The body is what every offset in the program refers to: paragraphs separated by one
blank line, sub-headings kept as their own paragraphs and listed in `headings`.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from nato_reader.core.model import ParsedArticle, Span

_DATE_TOKEN = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})\b[ \t]*\n?[ \t]*", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s")

TITLE_MAX_CHARS = 80
HEADING_MAX_WORDS = 14


def parse_article(text: str, name: str = "") -> ParsedArticle:
    """Parse article text. `name` (a file name) only serves in warnings."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip("\ufeff")
    warnings: list[str] = []
    meta, text = _split_front_matter(text)
    published = None
    title = meta.get("title", "").strip()

    lines = text.strip("\n").split("\n")
    # A first-level Markdown heading at the top is the title.
    first = lines[0].strip() if lines else ""
    heading = _MD_HEADING.match(first)
    if heading and len(heading.group(1)) == 1 and not title:
        title = heading.group(2).strip()
        lines = lines[1:]
    text = "\n".join(lines)

    if "date" in meta:
        published = _parse_date(meta["date"], name, warnings)
    match = _DATE_TOKEN.match(text)
    if match:
        text = text[match.end():]
        published = _parse_date(match.group(1), name, warnings)

    body, headings = _build_body(text)
    title_from_file = bool(title)
    if not title:
        title = derive_title(body, headings)
    return ParsedArticle(
        title=title,
        published=published,
        body=body,
        headings=tuple(headings),
        title_from_file=title_from_file,
        warnings=tuple(warnings),
    )


def headline_is_title(title: str, body: str, headings) -> bool:
    """Whether the body opens with the title as a heading (a file's headline), which the
    reader and the Markdown note then show once, as the title."""
    return any(h.start == 0 for h in headings) and body.split("\n\n", 1)[0] == title


def parse_date(value: str) -> date:
    """Parse YYYY-MM-DD, raising ValueError with a message a user understands."""
    try:
        return date.fromisoformat(_zero_pad(value.strip()))
    except ValueError:
        raise ValueError(f"'{value}' is not a valid date (expected YYYY-MM-DD)") from None


def content_hash(article: ParsedArticle) -> str:
    """A hash of everything the file says, to tell a changed file from the same one."""
    digest = hashlib.sha256()
    for part in (article.title, article.published.isoformat() if article.published else "",
                 article.body):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def derive_title(body: str, headings: list[Span] | tuple[Span, ...] = ()) -> str:
    """A headline on the first line (a heading at the very start of the body, followed by
    text), else a short form of the first sentence of the first paragraph that is not a
    heading."""
    heading_starts = {h.start for h in headings}
    first = next((h for h in headings if h.start == 0), None)
    if first is not None and body[first.end:].strip():
        return shorten(body[first.start:first.end])
    offset = 0
    for paragraph in body.split("\n\n"):
        if offset not in heading_starts and paragraph.strip():
            return shorten(first_sentence(paragraph))
        offset += len(paragraph) + 2
    return shorten(body.strip().split("\n", 1)[0]) or "Untitled"


def first_sentence(paragraph: str) -> str:
    match = _SENTENCE_END.search(paragraph)
    return paragraph[: match.start()].strip() if match else paragraph.strip()


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def is_subheading(paragraph: str) -> bool:
    """A short stand-alone line without closing punctuation reads as a sub-heading."""
    if "\n" in paragraph:
        return False
    line = paragraph.strip()
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return False
    if line[-1] in ".,;:!?\"'”’)" or not (line[0].isupper() or line[0].isdigit()):
        return False
    return not line.startswith(("-", "*", ">", "|"))


def _build_body(text: str) -> tuple[str, list[Span]]:
    paragraphs: list[tuple[str, bool]] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.strip("\n").split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        md = _MD_HEADING.match(lines[0]) if len(lines) == 1 else None
        if md:
            paragraphs.append((md.group(2).strip(), True))
            continue
        paragraph = " ".join(lines)
        paragraphs.append((paragraph, is_subheading(paragraph)))

    body_parts: list[str] = []
    headings: list[Span] = []
    offset = 0
    for paragraph, heading in paragraphs:
        if heading:
            headings.append(Span(offset, offset + len(paragraph)))
        body_parts.append(paragraph)
        offset += len(paragraph) + 2
    return "\n\n".join(body_parts), headings


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Read simple `key: value` YAML front matter, as Obsidian and our export write it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            meta[key.strip().lower()] = value.strip().strip("'\"")
    meta["published"] = meta.get("published", "")
    if meta["published"] and "date" not in meta:
        meta["date"] = meta["published"]
    return meta, text[match.end():]


def _parse_date(value: str, name: str, warnings: list[str]) -> date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        warnings.append(f"{name or 'article'}: {exc}; the publication date was left empty")
        return None


def _zero_pad(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
    return value
