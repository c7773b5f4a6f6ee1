"""The Markdown and JSON export: golden files for the seed articles, rendering with
python-markdown (the export must read exactly like the article), escaping of nasty
text, and the pieces (file names, entity groups, timeline order).

Regenerate the golden files with NATO_READER_REGEN_GOLDEN=1, then read the diff.
"""

from __future__ import annotations

import itertools
import os
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

from nato_reader.core.articles import parse_article
from nato_reader.core.export import (
    article_json,
    article_markdown,
    entity_groups,
    file_stem,
    timeline_order,
)
from nato_reader.core.mdescape import escape_line, render_runs, trim_runs
from nato_reader.core.model import Annotation, Article, Colour, Mention, Span, Timex

GOLDEN = Path(__file__).parent / "golden"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXPORTED_AT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
COLOURS = [Colour("yellow", "#f7e463"), Colour("claim", "#ffb3a7"),
           Colour("evidence", "#a8e6a1"), Colour("question", "#a7c7ff")]

# Per seed: highlights (quote, colour, note, tags), one orphan, mentions, timexes.
FIXTURES = {
    "000": {
        "tags": ("summit", "Stoltenberg mandate"),
        "note": "Read with the **2023** follow-up.\n\n- see [NATO](https://www.nato.int)",
        "highlights": [
            ("extend the mandate of Secretary General Jens Stoltenberg by an additional year",
             "claim", "One year only, *not* two.", ("mandate", "key fact")),
            ("Jens Stoltenberg", "yellow", "", ()),
            ("until 30 September 2023", "evidence", "Date to check\nagainst the communiqué.",
             ("dates",)),
            ("A change of plans in Oslo", "question", "", ("oslo",)),
            ("Norges Bank", "question", "Who runs it meanwhile?", ()),
            # Across a paragraph break: marked in both, noted after the second.
            ("consequences\". Ukrainian President Volodymyr Zelensky, addressing the leaders"
             " by video from Kyiv, asked NATO for \"one per cent of all your planes, one per"
             " cent of all your tanks\".\n\nLeaders also agreed", "quote", "", ("2022",)),
        ],
        "orphan": ("the summit ended without a communiqué", "claim", "Removed in an update?",
                   ("check",)),
        "mentions": [("NATO", "ORG", "NATO"), ("Jens Stoltenberg", "PERSON", "Jens Stoltenberg"),
                     ("Stoltenberg", "PERSON", "Jens Stoltenberg"), ("Brussels", "GPE", "Brussels"),
                     ("Russia", "GPE", "Russia"), ("Ukraine", "GPE", "Ukraine"),
                     ("Joe Biden", "PERSON", "Joe Biden"), ("Norges Bank", "ORG", "Norges Bank"),
                     ("Norwegian", "NORP", "Norwegian"), ("Madrid", "GPE", "Madrid")],
        "timexes": [("Thursday", "DATE", "2022-03-24"), ("30 September 2023", "DATE", "2023-09-30"),
                    ("24 February", "DATE", "2022-02-24"), ("October 2014", "DATE", "2014-10"),
                    ("this autumn", "DATE", "2022-FA"), ("2017", "DATE", "2017"),
                    ("in decades", "DURATION", "PXDE"), ("December", "DATE", "2022-12"),
                    ("recent months", "DATE", "")],
    },
    "001": {
        "tags": (),
        "note": "",
        "highlights": [
            ("The race to succeed Jens Stoltenberg", "yellow", "", ()),
            ("no intention to seek a further extension", "quote",
             "Lungescu, February.\n\n> quoted by officials", ("lungescu",)),
            ("Mario Draghi", "question", "Would Italy back him?", ("candidates",)),
            ("Mario Draghi, the former Italian prime minister", "claim", "", ("candidates",)),
            ("An Alliance changed by war", "evidence", "", ()),
        ],
        "orphan": ("Stoltenberg will stay until 2025", "question", "", ()),
        "mentions": [("Jens Stoltenberg", "PERSON", "Jens Stoltenberg"),
                     ("Stoltenberg", "PERSON", "Jens Stoltenberg"), ("NATO", "ORG", "NATO"),
                     ("Mario Draghi", "PERSON", "Mario Draghi"),
                     ("Draghi", "PERSON", "Mario Draghi"),
                     ("Vilnius", "GPE", "Vilnius"), ("Finland", "GPE", "Finland"),
                     ("Turkey", "GPE", "Turkey"), ("Sputnik", "ORG", "Sputnik")],
        "timexes": [("July", "DATE", "2023-07"), ("30 September", "DATE", "2023-09-30"),
                    ("February 2022", "DATE", "2022-02"),
                    ("In January this year", "DATE", "2023-01"),
                    ("late March", "DATE", "2023-03"), ("On Thursday", "DATE", "2023-03-30"),
                    ("May 2022", "DATE", "2022-05"), ("last year", "DATE", "2022"),
                    ("this summer", "DATE", "2023-SU")],
    },
}


def seed_article(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    parsed = parse_article(path.read_text(encoding="utf-8"), path.name)
    fixture = FIXTURES[prefix]
    return Article(id=int(prefix) + 1, uri=f"nato-reader:seeds/{path.name}", source=path.name,
                   content_hash="0" * 64, title=parsed.title, published=parsed.published,
                   body=parsed.body, headings=parsed.headings, imported_at="2024-01-01T00:00:00",
                   note=fixture["note"], tags=fixture["tags"])


def _sentence(body: str, position: int) -> Span:
    stop, newline = body.rfind(". ", 0, position), body.rfind("\n", 0, position)
    start = max(stop + 2 if stop >= 0 else 0, newline + 1)
    ends = [i for i in (body.find(". ", position), body.find("\n", position)) if i >= 0]
    return Span(start, min(ends) + 1 if ends else len(body))


def seed_fixture(prefix: str):
    article, fixture = seed_article(prefix), FIXTURES[prefix]
    body = article.body
    annotations = []
    for number, (quote, colour, note, tags) in enumerate(fixture["highlights"], 1):
        start = body.index(quote)
        annotations.append(Annotation(
            id=number * 10, article_id=article.id, start=start, end=start + len(quote),
            exact=quote, prefix=body[max(0, start - 32):start],
            suffix=body[start + len(quote):start + len(quote) + 32], colour=colour, note=note,
            tags=tags))
    quote, colour, note, tags = fixture["orphan"]
    annotations.append(Annotation(id=99, article_id=article.id, start=5, end=5 + len(quote),
                                  exact=quote, prefix="", suffix="", colour=colour, note=note,
                                  tags=tags, orphan=True))
    mentions = sorted(
        (Mention(m.start(), m.end(), text, label, canonical)
         for text, label, canonical in fixture["mentions"]
         for m in re.finditer(rf"\b{re.escape(text)}\b", body)
         if not (text == "Stoltenberg" and body[max(0, m.start() - 5):m.start()] == "Jens ")),
        key=lambda m: m.start)
    timexes = []
    for text, kind, value in fixture["timexes"]:
        start = body.index(text)
        timexes.append(Timex(start, start + len(text), text, kind, value,
                             _sentence(body, start)))
    return article, mentions, timexes, annotations


def export_seed(prefix: str) -> str:
    article, mentions, timexes, annotations = seed_fixture(prefix)
    return article_markdown(article, mentions, timexes, annotations, COLOURS, EXPORTED_AT)


# --- golden files ----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(FIXTURES))
def test_markdown_export_matches_the_golden_file(prefix):
    (seed,) = SEEDS.glob(f"{prefix}_*.txt")
    golden = GOLDEN / f"{seed.stem}.md"
    text = export_seed(prefix)
    if os.environ.get("NATO_READER_REGEN_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()


# --- rendering: the export reads exactly like the article ---------------------------------


class _MarkExtension(Extension):
    """`==text==` as <mark>, as Obsidian reads it (python-markdown has no such syntax)."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"(==)(.+?)==", "mark"), "mark", 65)


class _Blocks(HTMLParser):
    """Top-level HTML elements as (tag, text, [marked texts])."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, list[str]]] = []
        self._depth, self._tag, self._text, self._marks, self._mark = 0, "", [], [], None

    def handle_starttag(self, tag, attrs):
        if self._depth == 0:
            self._tag, self._text, self._marks = tag, [], []
        if tag == "mark":
            self._mark = []
        if tag not in ("hr", "br"):
            self._depth += 1
        elif self._depth == 0:
            self.blocks.append((tag, "", []))

    def handle_endtag(self, tag):
        if tag in ("hr", "br"):
            return
        if tag == "mark" and self._mark is not None:
            self._marks.append("".join(self._mark))
            self._mark = None
        self._depth -= 1
        if self._depth == 0:
            self.blocks.append((self._tag, "".join(self._text), self._marks))

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)
            if self._mark is not None:
                self._mark.append(data)


def render_blocks(text: str) -> list[tuple[str, str, list[str]]]:
    """Render an export (front matter removed, as Obsidian does) to top-level blocks."""
    assert text.startswith("---\n")
    body = text[text.index("\n---\n", 4) + 5:]
    parser = _Blocks()
    parser.feed(markdown.markdown(body, extensions=[_MarkExtension()]))
    return parser.blocks


def article_blocks(text: str):
    """The rendered article: the blocks between the title and the rule, without notes."""
    blocks = render_blocks(text)
    assert blocks[0][0] == "h1"
    end = next((i for i, b in enumerate(blocks) if b[0] == "hr"), len(blocks))
    return blocks[0], [b for b in blocks[1:end]
                       if b[0] != "blockquote" and not re.fullmatch(r"\^ann-\d+", b[1])]


def expected_marks(article: Article, annotations) -> list[str]:
    runs = []
    offset = 0
    for paragraph in article.body.split("\n\n"):
        end = offset + len(paragraph)
        spans = [(max(a.start, offset) - offset, min(a.end, end) - offset) for a in annotations
                 if not a.orphan and a.start < end and a.end > offset]
        runs += [paragraph[s:e] for s, e in trim_runs(paragraph, spans)]
        offset = end + 2
    return runs


@pytest.mark.parametrize("prefix", sorted(FIXTURES))
def test_rendered_export_reads_exactly_like_the_seed(prefix):
    article, _, _, annotations = seed_fixture(prefix)
    title, blocks = article_blocks(export_seed(prefix))
    assert title[1] == article.title
    assert [b[1] for b in blocks] == article.body.split("\n\n")
    heading_texts = {article.body[h.start:h.end] for h in article.headings}
    assert heading_texts and {b[1] for b in blocks if b[0] == "h2"} == heading_texts
    assert [m for b in blocks for m in b[2]] == expected_marks(article, annotations)


def test_notes_follow_their_paragraph_with_colour_tags_and_block_id():
    text = export_seed("000")
    after_first = text.split("\n\n")
    assert "> [!claim] claim · “extend the mandate of Secretary General Jens Stoltenberg by an" \
           " additional year” #mandate #key-fact\n> One year only, *not* two.\n\n^ann-10" in text
    # Notes of the first paragraph come right after it, in text order.
    first_para = next(i for i, block in enumerate(after_first) if block.startswith("NATO leaders"))
    assert after_first[first_para + 1].startswith("> [!claim]")
    assert after_first[first_para + 2] == "^ann-10"
    assert after_first[first_para + 3].startswith("> [!yellow] yellow · “Jens Stoltenberg”")
    # A highlight across a paragraph break is noted after the second paragraph.
    leaders = text.index("==Leaders also agreed== to set up")
    assert text.index("^ann-60") > leaders
    # The orphan is in its own section with its quote and note, not in the text.
    orphans = text.index("## Orphaned highlights")
    assert text.index("> [!claim] claim · “the summit ended without a communiqué” #check\n"
                      "> Removed in an update?\n\n^ann-99") > orphans
    assert text.count("^ann-") == 7


def test_note_markdown_is_kept_and_renders_inside_the_callout():
    text = export_seed("001")
    assert "> Lungescu, February.\n>\n> > quoted by officials\n\n^ann-20" in text
    html = markdown.markdown(text[text.index("# "):])
    assert "<blockquote>\n<p>quoted by officials</p>\n</blockquote>" in html


def test_front_matter_is_yaml_with_quoted_strings_and_entities_by_type():
    text = export_seed("000")
    front = text[: text.index("\n---\n", 4)]
    assert 'title: "NATO leaders on Thursday agreed to extend the mandate of Secretary' in front
    assert "published: 2022-03-25\n" in front
    assert 'tags:\n  - "summit"\n  - "Stoltenberg-mandate"\n' in front
    assert ('entities:\n  PERSON:\n    - "Jens Stoltenberg"\n    - "Joe Biden"\n'
            '  ORG:\n    - "NATO"\n    - "Norges Bank"\n  GPE:\n') in front
    assert front.endswith("exported: 2024-05-06T07:08:09+00:00")


def test_yaml_strings_escape_quotes_backslashes_and_line_breaks():
    article = _article("Body.", title='He said "no" \\ then\u2028left: #1')
    text = article_markdown(article, [], [], [], [], EXPORTED_AT)
    assert 'title: "He said \\"no\\" \\\\ then\\u2028left: #1"\n' in text
    assert "published:\n" in text  # YAML null for an undated article
    assert "tags: []\nentities: {}\n" in text


def test_entities_and_timeline_sections():
    text = export_seed("000")
    entities = text[text.index("## Entities"):text.index("## Timeline")]
    assert "### People (PERSON)\n\n- Jens Stoltenberg (" in entities
    people = entities[entities.index("People"):entities.index("###", entities.index("People"))]
    assert people.index("Jens Stoltenberg") < people.index("Joe Biden")
    timeline = text[text.index("## Timeline"):].splitlines()[2:]
    values = [re.match(r"- \*\*(.+?)\*\*", line).group(1) for line in timeline]
    assert values == ["2014-10", "2017", "2022-02-24", "2022-03-24", "2022-FA", "2022-12",
                      "2023-09-30", "PXDE", "unresolved"]
    assert timeline[-2].startswith("- **PXDE** (DURATION) · “in decades” — NATO leaders")
    assert timeline[-1].startswith("- **unresolved** · “recent months” — Several names")


def test_json_export_has_the_extract_shapes_and_w3c_annotations():
    article, mentions, timexes, annotations = seed_fixture("000")
    data = article_json(article, mentions, timexes, annotations, COLOURS, EXPORTED_AT)
    assert data["article"]["text"] == article.body
    assert data["article"]["published"] == "2022-03-25"
    first = data["entities"][0]
    assert set(first) == {"start", "end", "text", "label", "canonical"}
    assert article.body[first["start"]:first["end"]] == first["text"]
    assert set(data["timeline"][0]) == {"start", "end", "text", "type", "value", "sentence"}
    assert data["colours"]["claim"] == "#ffb3a7"
    by_id = {a["id"]: a for a in data["annotations"]}
    assert len(by_id) == len(annotations)
    placed = next(a for a in data["annotations"] if any(
        s["type"] == "TextPositionSelector" for s in a["target"]["selector"]))
    assert placed["target"]["source"] == article.uri
    orphan = next(a for a in data["annotations"]
                  if a["target"]["selector"][0]["exact"].startswith("the summit ended"))
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]
    assert {"purpose": "tagging", "type": "TextualBody", "value": "check"} in orphan["body"]


# --- escaping --------------------------------------------------------------------------

NASTY = [
    "*Not emphasis* and _not either_ and **nor this**",
    "# Not a heading",
    "#NATO is not a tag, nor is #1",
    "1990. A year, not a list item",
    "3) Nor this",
    "- not a bullet",
    "+ not one either",
    "> not a quote",
    "--- not a rule",
    "a == b and c ==d== e, x=y",
    "[not a link](http://example.com) and [[not a wikilink]] and ![no image](x.png)",
    "<b>not bold</b> and <https://not.an.autolink> and &amp; &copy; &#61; stay as typed",
    "`not code` and ``neither``",
    "\\backslashes\\ stay \\*",
    "~~not struck~~ and %%not a comment%% and $x$ is not maths, nor $5 and $6",
    "Ends with a caret id ^abc-1",
    "snake_case_name and 2*3*4",
    "***",
    "=",
    "1.",
]


def _article(body: str, title: str = "T", headings=()) -> Article:
    return Article(id=1, uri="u", source="s", content_hash="h", title=title, published=None,
                   body=body, headings=tuple(headings), imported_at="")


def _roundtrip(paragraphs: list[str], annotations=(),
               headings=()) -> list[tuple[str, str, list[str]]]:
    article = _article("\n\n".join(paragraphs), headings=headings)
    _, blocks = article_blocks(article_markdown(article, [], [], list(annotations), [],
                                                EXPORTED_AT))
    return blocks


@pytest.mark.parametrize("paragraph", NASTY)
def test_nasty_text_renders_as_written(paragraph):
    blocks = _roundtrip(["Intro.", paragraph])
    assert [(b[0], b[1]) for b in blocks] == [("p", "Intro."), ("p", paragraph)]


def test_nasty_text_inside_a_highlight_renders_as_written():
    body = "A = B ==C== *d* [e]"
    note = Annotation(id=1, article_id=1, start=0, end=len(body), exact=body, prefix="",
                      suffix="", colour="yellow")
    (block,) = _roundtrip([body], [note])
    assert block == ("p", body, [body])


def test_obsidian_syntax_is_neutralised_in_the_source():
    line = escape_line("#tag [[link]] a==b %%c%% $1 and $2 ~~d~~ end ^id-1")
    assert "#tag" not in line.replace("\\#", "")
    assert "[[" not in line and "==" not in line and "%%" not in line and "~~" not in line
    assert "$" not in line and "^id" not in line


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("a #=~%$[]^-1 ")), max_size=40))
def test_no_obsidian_syntax_survives_escaping(text):
    line = re.sub(r"&#\d+;", "@", escape_line(text))  # references: "#61" is no tag
    assert not any(pair in line for pair in ("==", "~~", "%%", "[["))
    assert re.search(r"(?<!\\)#", line) is None and line.count("$") <= 1
    assert re.search(r"\s\^[A-Za-z0-9-]+$", line) is None


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab 1.)*_#=[]<>`\\&;~%$^-+!|{}():\"'xé")), max_size=30,
).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(_TEXT, min_size=1, max_size=4), data=st.data())
def test_any_text_with_any_highlights_renders_as_written(paragraphs, data):
    body = "\n\n".join(paragraphs)
    heading_flags = [data.draw(st.booleans()) for _ in paragraphs]
    headings, offset = [], 0
    for paragraph, heading in zip(paragraphs, heading_flags, strict=True):
        if heading:
            headings.append(Span(offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    annotations = []
    for number in range(data.draw(st.integers(0, 3))):
        start = data.draw(st.integers(0, len(body) - 1))
        end = data.draw(st.integers(start + 1, len(body)))
        annotations.append(Annotation(id=number, article_id=1, start=start, end=end,
                                      exact=body[start:end], prefix="", suffix="",
                                      colour="yellow", note="n"))
    blocks = _roundtrip(paragraphs, annotations, headings)
    assert [b[1] for b in blocks] == paragraphs
    assert [b[0] for b in blocks] == ["h2" if h else "p" for h in heading_flags]
    article = _article(body)
    assert [m for b in blocks for m in b[2]] == expected_marks(article, annotations)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's (left, right)-flanking test for a delimiter run between two chars."""
    def space(c):
        return c == "" or c.isspace()

    def punct(c):
        return c != "" and not c.isalnum() and not c.isspace()

    left = not space(after) and (not punct(after) or space(before) or punct(before))
    right = not space(before) and (not punct(before) or space(after) or punct(after))
    return left, right


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, data=st.data())
def test_highlight_markers_open_and_close_by_commonmark_delimiter_rules(text, data):
    runs = [tuple(sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2,
                                            max_size=2, unique=True))))
            for _ in range(data.draw(st.integers(1, 3)))]
    source = render_runs(text, trim_runs(text, runs))
    markers = [m.start() for m in re.finditer("==", source)]
    assert len(markers) % 2 == 0 and all(b - a >= 2 for a, b in itertools.pairwise(markers))
    for number, at in enumerate(markers):
        left, right = _flanking(source[at - 1:at], source[at + 2:at + 3])
        assert left if number % 2 == 0 else right, (source, at)


# --- pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "stem"), [
    ("NATO: what next? <2023> / \\ | * \"quoted\"", "NATO what next 2023 quoted"),
    ("A" * 200, "A" * 80),
    ("...", "Article"),
    ("con", "Article con"),
    ("Links #1 [draft] ^x", "Links 1 draft x"),
    ("A title shortened by the parser…", "A title shortened by the parser"),
])
def test_file_stems_are_safe(title, stem):
    assert file_stem(title) == stem
    assert not set('/\\:*?"<>|#^[]') & set(file_stem(title))


def test_long_titles_are_cut_at_a_word():
    stem = file_stem("Long words " * 20)
    assert 40 < len(stem) <= 80 and stem.endswith("words")


def test_entity_groups_use_the_most_frequent_label_and_order_by_count():
    mentions = [Mention(0, 1, "x", "GPE", "Georgia"), Mention(0, 1, "x", "PERSON", "Georgia"),
                Mention(0, 1, "x", "PERSON", "Georgia"), Mention(0, 1, "x", "PERSON", "Ann"),
                Mention(0, 1, "x", "WEIRD", "Thing")]
    assert entity_groups(mentions) == [("PERSON", [("Georgia", 3), ("Ann", 1)]),
                                       ("WEIRD", [("Thing", 1)])]


def test_timeline_order_puts_dates_first_then_durations_and_unresolved_in_text_order():
    def t(start, kind, value):
        return Timex(start, start + 1, "x", kind, value, Span(0, 1))

    items = [t(0, "DURATION", "P1Y"), t(1, "DATE", "2023-W12"), t(2, "DATE", "2023-03-01"),
             t(3, "DATE", ""), t(4, "DATE", "2023-Q1"), t(5, "DATE", "2022"),
             t(6, "DATE", "XXXX-10")]
    assert [x.value for x in timeline_order(items)] == [
        "2022", "2023-Q1", "2023-03-01", "2023-W12", "P1Y", "", "XXXX-10"]


def test_undated_article_without_annotations_exports_title_and_text_only():
    text = article_markdown(_article("Only text."), [], [], [], [], EXPORTED_AT)
    assert text.endswith("---\n\n# T\n\nOnly text.\n")
    assert date(2024, 5, 6).isoformat() in text


def test_a_headline_that_is_the_title_is_written_once():
    parsed = parse_article("Allies agree on air defence\n\nMinisters met on Monday.\n")
    article = _article(parsed.body, title=parsed.title, headings=parsed.headings)
    text = article_markdown(article, [], [], [], [], EXPORTED_AT)
    assert text.count("Allies agree on air defence") == 2  # front matter and "# " title
    assert "\n# Allies agree on air defence\n\nMinisters met on Monday.\n" in text
    # A highlight in the headline keeps it in the text, where the highlight shows.
    mark = Annotation(id=1, article_id=1, start=0, end=6, exact="Allies", prefix="",
                      suffix="", colour="yellow")
    marked = article_markdown(article, [], [], [mark], [], EXPORTED_AT)
    assert "## ==Allies== agree on air defence" in marked
