"""Writing plain text into Markdown so that it reads back as exactly the same text.

Two readers matter: Obsidian (CommonMark + GFM + its own `==highlight==`, `#tag`,
`%%comment%%`, `$math$`, `^block-id` and `[[wikilink]]`) and python-markdown (the
`markdown` package, which only honours backslash escapes before
``\\ ` * _ { } [ ] ( ) > # + - . !``). So a character is escaped with a backslash only
when both honour that escape, and otherwise with a numeric character reference
(`&#61;` for `=`), which both decode. Article bodies have no line breaks inside a
paragraph (core/articles.py joins lines), so "line start" means paragraph start.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

HIGHLIGHT = "=="

_BACKSLASHED = set("\\`*_[]#")
# Every character _escape_char may change; the others are copied as they are.
_SPECIAL = re.compile(r"[\\`*_\[\]#<&=~%$^.)>+\-]")
# Characters that mean something in pairs: ==highlight==, ~~strike~~, %%comment%%.
_PAIRED = {"=": "&#61;", "~": "&#126;", "%": "&#37;"}
_ENTITY_LIKE = re.compile(r"&#?[A-Za-z0-9]+;")
_LIST_NUMBER = re.compile(r"(\d+)([.)])(?=\s|$)")
_BLOCK_ID_AT_END = re.compile(r"\s\^[A-Za-z0-9-]+$")
_TAG_BAD = re.compile(r"[^\w/-]+")
_SLUG_BAD = re.compile(r"[^a-z0-9]+")
_YAML_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def escape_inline(text: str) -> str:
    """Escape text that does not start a line (a title after `# `, a list item's text)."""
    return render_runs(text, (), line_start=False)


def escape_line(text: str) -> str:
    """Escape text that starts a line (a paragraph)."""
    return render_runs(text, (), line_start=True)


def render_runs(text: str, runs: Sequence[tuple[int, int]], *, line_start: bool = True) -> str:
    """Escape `text` and wrap each (start, end) run, sorted and disjoint, in `==…==`."""
    opens = {start for start, _ in runs}
    closes = {end for _, end in runs}
    boundaries = opens | closes
    many_dollars = text.count("$") >= 2  # a lone "$5" is never math in Obsidian
    block_id = _BLOCK_ID_AT_END.search(text)
    caret = block_id.start() + 1 if block_id else -1
    list_dot = _list_marker_position(text) if line_start else -1

    # Visit only the markers and the characters that may need escaping; copy the rest.
    points = sorted(boundaries.union(m.start() for m in _SPECIAL.finditer(text)))
    out: list[str] = []
    copied = 0
    for i in points:
        out.append(text[copied:i])
        copied = i
        if i in closes:
            out.append(HIGHLIGHT)
        if i in opens:
            out.append(HIGHLIGHT)
        if i < len(text) and _SPECIAL.match(text, i):
            out.append(_escape_char(text, i, text[i], boundaries, line_start, many_dollars,
                                    caret, list_dot))
            copied = i + 1
    out.append(text[copied:])
    return "".join(out)


def _escape_char(text: str, i: int, char: str, boundaries: set[int], line_start: bool,
                 many_dollars: bool, caret: int, list_dot: int) -> str:
    if char in _BACKSLASHED:
        return "\\" + char
    if char == "<":
        return "&lt;"
    if char == "&":
        return "&amp;" if _ENTITY_LIKE.match(text, i) else char
    if char in _PAIRED:
        # Doubled, or touching a highlight marker (where "=" would lengthen it).
        doubled = text[i - 1 : i] == char or text[i + 1 : i + 2] == char
        touches = i in boundaries or i + 1 in boundaries
        return _PAIRED[char] if doubled or (char == "=" and touches) else char
    if char == "$":
        return "&#36;" if many_dollars else char
    if i == caret:
        return "&#94;"
    if i == list_dot:
        return "\\" + char
    if i == 0 and line_start and char in ">-+":
        return "\\" + char
    return char


def _list_marker_position(text: str) -> int:
    """Where "1990. " or "3) " at the start of a line would begin an ordered list."""
    match = _LIST_NUMBER.match(text)
    return match.start(2) if match else -1


def trim_runs(text: str, runs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping runs and narrow them until `==` delimits them in CommonMark
    flavours (the delimiter-run rules markdown-it's mark plugin shares with emphasis):
    no whitespace inside the markers, and no marker between a letter and punctuation
    (`NATO=='s==` is no highlight; `NATO'==s==` is)."""
    merged: list[list[int]] = []
    for start, end in sorted(runs):
        while start < end and (text[start].isspace() or (
                start > 0 and _punct(text[start]) and text[start - 1].isalnum())):
            start += 1
        while end > start and (text[end - 1].isspace() or (
                end < len(text) and _punct(text[end - 1]) and text[end].isalnum())):
            end -= 1
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _punct(char: str) -> bool:
    return not (char.isalnum() or char.isspace())


def tag_name(tag: str) -> str:
    """A tag as Obsidian accepts it: letters, digits, _ - /, not only digits."""
    name = _TAG_BAD.sub("-", tag.strip().lstrip("#")).strip("-")
    if name.isdigit():
        name = "_" + name
    return name


def hashtags(tags: Iterable[str]) -> str:
    return " ".join(f"#{name}" for name in (tag_name(t) for t in tags) if name)


def callout_type(colour: str) -> str:
    """The callout type for a colour name: `[!claim]`, so CSS can style each colour."""
    return _SLUG_BAD.sub("-", colour.lower()).strip("-") or "note"


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are valid YAML), with the characters
    YAML 1.1 reads as line breaks or refuses as unprintable escaped too."""
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                                 json.dumps(value, ensure_ascii=False))
