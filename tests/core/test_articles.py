from datetime import date

import pytest

from nato_reader.core.articles import content_hash, derive_title, is_subheading, parse_article
from tests_helpers import read_seed


def test_seed_date_token_becomes_the_date_and_leaves_the_body():
    article = parse_article(read_seed("001"), "001.txt")
    assert article.published == date(2023, 4, 1)
    assert not article.body.startswith("date")
    assert article.body.startswith("The race to succeed Jens Stoltenberg")


def test_seed_subheadings_are_headings_not_paragraphs():
    article = parse_article(read_seed("000"), "000.txt")
    headings = [article.body[h.start:h.end] for h in article.headings]
    assert "Stoltenberg calls for more arms for Ukraine" in headings
    assert "A change of plans in Oslo" in headings
    assert all("." not in h for h in headings)


def test_title_is_a_short_form_of_the_first_sentence():
    article = parse_article(read_seed("000"), "000.txt")
    assert article.title.startswith("NATO leaders on Thursday agreed")
    assert len(article.title) <= 80
    assert not article.title_from_file


def test_markdown_heading_and_front_matter_give_title_and_date():
    text = "---\ntitle: 'Summit in Vilnius'\ndate: 2023-07-11\n---\n# Ignored\n\nBody text here."
    article = parse_article(text)
    assert article.title == "Summit in Vilnius"
    assert article.published == date(2023, 7, 11)
    md = parse_article("# A Heading Title\n\nFirst paragraph. Second one.\n\n## Section\n\nMore.")
    assert md.title == "A Heading Title"
    assert [md.body[h.start:h.end] for h in md.headings] == ["Section"]


def test_invalid_date_token_warns_and_leaves_date_empty():
    article = parse_article("date 2023-02-30 Leaders met in Brussels.", "bad.txt")
    assert article.published is None
    assert article.body == "Leaders met in Brussels."
    assert "bad.txt" in article.warnings[0] and "2023-02-30" in article.warnings[0]


def test_lines_of_a_paragraph_are_joined_and_offsets_match_headings():
    article = parse_article("Short Heading\n\nA paragraph that\nspans two lines.\n")
    assert article.body == "Short Heading\n\nA paragraph that spans two lines."
    (heading,) = article.headings
    assert article.body[heading.start:heading.end] == "Short Heading"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Stoltenberg calls for more arms for Ukraine", True),
        ("A crowded field", True),
        ("He said so.", False),
        ("lowercase start line", False),
        ("- a list item", False),
        (" ".join(["Word"] * 20), False),
    ],
)
def test_is_subheading(line, expected):
    assert is_subheading(line) is expected


def test_content_hash_changes_with_text_and_not_otherwise():
    a = parse_article("date 2023-01-01 Some text.")
    b = parse_article("date 2023-01-01 Some text.")
    c = parse_article("date 2023-01-01 Some other text.")
    assert content_hash(a) == content_hash(b) != content_hash(c)


def test_control_characters_and_crlf_are_cleaned():
    article = parse_article("Title line\r\n\r\nBody\x07 text\x00 here.")
    assert "\r" not in article.body and "\x07" not in article.body and "\x00" not in article.body


def test_derive_title_of_empty_body():
    assert derive_title("") == "Untitled"


def test_a_headline_on_the_first_line_is_the_title_and_stays_in_the_text():
    article = parse_article("date 2024-07-12\nAllies agree on a new air defence plan\n\n"
                            "BRUSSELS (AP) — Ministers met on Monday. They agreed.\n")
    assert article.title == "Allies agree on a new air defence plan"
    assert article.body.startswith("Allies agree on a new air defence plan\n\nBRUSSELS")
    assert article.published.isoformat() == "2024-07-12"
    # A lone short line is no headline: nothing follows it.
    assert parse_article("A crowded field").title == "A crowded field"
    # Seeds-like text: the first sentence, as before.
    assert parse_article("date 2023-04-01 Leaders met. Then more.").title == "Leaders met"
