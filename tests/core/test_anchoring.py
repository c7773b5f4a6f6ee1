"""Anchoring: examples, and properties checked with hypothesis on random texts and edits."""

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nato_reader.core.anchoring import (
    CONTEXT_CHARS,
    MIN_QUOTE_SIMILARITY,
    TextPositionSelector,
    anchor,
    edit_distance,
    quote_at,
    shifted_position,
    similarity,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "alliance", "summit", "member", "treaty", "defence", "minister", "said", "would", "which",
    "their", "forces", "eastern", "flank", "Russia", "Ukraine", "Sweden", "Finland", "Turkey",
    "vote", "general", "secretary", "budget", "the", "of", "and", "to", "in", "a", "on", "for",
    "is", "was", "NATO", "Brussels", "Madrid", "Vilnius", "agreed", "spending",
)

ARTICLE = (
    "NATO leaders agreed on Tuesday to extend the mandate of the secretary general. "
    "The decision came after weeks of talks in Brussels. Allies said the extension "
    "gives them time to find a successor before the summit in Vilnius next July."
)


def naive_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def found_text(text, result):
    return text[result.start : result.end]


# -- examples -----------------------------------------------------------------------


def test_quote_carries_32_characters_of_context():
    start = ARTICLE.index("secretary general")
    quote = quote_at(ARTICLE, start, start + len("secretary general"))
    assert quote.exact == "secretary general"
    assert quote.prefix == ARTICLE[start - CONTEXT_CHARS : start]
    assert quote.suffix == ARTICLE[start + 17 : start + 17 + CONTEXT_CHARS]
    assert quote_at(ARTICLE, 0, 4).prefix == ""


def test_unchanged_text_keeps_the_position():
    start = ARTICLE.index("Brussels")
    quote = quote_at(ARTICLE, start, start + 8)
    result = anchor(ARTICLE, quote, TextPositionSelector(start, start + 8))
    assert (result.start, result.end, result.method) == (start, start + 8, "position")


def test_text_inserted_before_moves_the_quote_with_it():
    start = ARTICLE.index("weeks of talks")
    quote = quote_at(ARTICLE, start, start + 14)
    new = "Breaking news. " + ARTICLE
    result = anchor(new, quote, TextPositionSelector(start, start + 14))
    assert result.start == start + 15 and found_text(new, result) == "weeks of talks"


def test_repeated_quote_is_told_apart_by_its_context():
    text = "the summit in Madrid. Later, the summit in Vilnius was planned."
    second = text.rindex("the summit")
    quote = quote_at(text, second, second + 10)
    new = "Long introduction added here. " + text
    result = anchor(new, quote, TextPositionSelector(second, second + 10))
    assert result.start == new.rindex("the summit")


def test_edited_quote_is_found_by_fuzzy_match():
    start = ARTICLE.index("extend the mandate of the secretary general")
    quote = quote_at(ARTICLE, start, start + 43)
    new = ARTICLE.replace("extend the mandate of", "prolong the mandate of")
    result = anchor(new, quote, TextPositionSelector(start, start + 43))
    assert result.method == "fuzzy"
    assert found_text(new, result) == "prolong the mandate of the secretary general"


def test_quote_replaced_by_unrelated_text_becomes_an_orphan():
    start = ARTICLE.index("weeks of talks in Brussels")
    quote = quote_at(ARTICLE, start, start + 26)
    new = ARTICLE.replace("weeks of talks in Brussels", "a short phone call at dawn")
    assert anchor(new, quote, TextPositionSelector(start, start + 26)) is None
    assert anchor("", quote) is None


def test_a_near_miss_elsewhere_with_another_context_is_not_taken():
    text = "Sweden joined the alliance in March. Finland waited for the vote."
    quote = quote_at(text, 0, 6)
    new = "Finland joined the alliance in March. The Swedes waited for the vote."
    assert anchor(new, quote, TextPositionSelector(0, 6)) is None


def test_a_typo_fixed_in_place_keeps_the_annotation():
    text = "Turkay agreed to the accession on Monday."
    quote = quote_at(text, 0, 6)
    result = anchor(text.replace("Turkay", "Turkey"), quote, TextPositionSelector(0, 6))
    assert (result.start, result.end, result.method) == (0, 6, "fuzzy")


def test_shifted_position_maps_through_unchanged_head_and_tail():
    old, new = "aaa XYZ bbb ccc", "aaa XYZ inserted bbb ccc"
    assert shifted_position(old, new, 0, 3) == TextPositionSelector(0, 3)
    assert shifted_position(old, new, 12, 15) == TextPositionSelector(21, 24)
    assert shifted_position(old, new, 6, 10) == TextPositionSelector(6, 10)  # spans the edit


def test_fuzzy_match_in_a_megabyte_text():
    rng = random.Random(7)
    text = " ".join(rng.choice(WORDS) for _ in range(170_000))[:1_000_000]
    sentence = "Stoltenberg told reporters the eastern flank was secure."
    middle = len(text) // 2
    text = text[:middle] + " " + sentence + " " + text[middle:]
    start = middle + 1
    quote = quote_at(text, start, start + len(sentence))
    edited = "XYZ " * 50 + text.replace("told reporters", "told journalists")
    result = anchor(edited, quote, TextPositionSelector(start, start + len(sentence)))
    assert found_text(edited, result) == sentence.replace("reporters", "journalists")


# -- edit distance ------------------------------------------------------------------


@SETTINGS
@given(st.text("abc ", max_size=14), st.text("abc ", max_size=14))
def test_bit_parallel_edit_distance_matches_the_textbook_one(a, b):
    assert edit_distance(a, b) == naive_distance(a, b)


# -- properties ---------------------------------------------------------------------


@st.composite
def text_and_quote(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=60, max_size=140))
    text = " ".join(words)
    length = draw(st.integers(1, 40))
    start = draw(st.integers(0, len(text) - length))
    return text, start, start + length


@st.composite
def edit_away(draw):
    text, start, end = draw(text_and_quote())
    left = (0, start - CONTEXT_CHARS)  # edits must end here
    right = (end + CONTEXT_CHARS, len(text))  # or start here
    sides = [s for s in (left, right) if s[1] >= s[0] and (s is right or s[1] >= 0)]
    lo, hi = draw(st.sampled_from(sides))
    a = draw(st.integers(lo, hi))
    b = draw(st.integers(a, hi))
    replacement = draw(st.text(alphabet="abcdefgh NATO.", max_size=30))
    return text, start, end, a, b, replacement


@SETTINGS
@given(edit_away(), st.booleans())
def test_edits_away_from_a_quote_keep_it_exactly_in_place(case, hint_through_diff):
    text, start, end, a, b, replacement = case
    quote = quote_at(text, start, end)
    new = text[:a] + replacement + text[b:]
    expected = start + (len(replacement) - (b - a) if a < start else 0)
    hint = (
        shifted_position(text, new, start, end)
        if hint_through_diff
        else TextPositionSelector(start, end)
    )
    result = anchor(new, quote, hint)
    assert result is not None
    assert found_text(new, result) == quote.exact
    whole = quote.prefix + quote.exact + quote.suffix
    if new.count(whole) == 1:
        assert result.start == expected
    else:  # indistinguishable copies: any of them, with the same context
        assert new[result.start - len(quote.prefix) : result.end + len(quote.suffix)] == whole


@st.composite
def edit_inside(draw):
    text, start, end = draw(text_and_quote())
    a = draw(st.integers(start, end - 1))
    b = draw(st.integers(a, end))
    replacement = draw(st.text(alphabet="abcdefgh NATO.", max_size=12))
    return text, start, end, a, b, replacement


@SETTINGS
@given(edit_inside())
def test_edits_inside_a_quote_land_on_the_best_match_or_orphan_it(case):
    text, start, end, a, b, replacement = case
    quote = quote_at(text, start, end)
    new = text[:a] + replacement + text[b:]
    edited = (start, end - (b - a) + len(replacement))  # where the quote's text now is
    result = anchor(new, quote, TextPositionSelector(start, end))
    if result is None:
        return
    found = found_text(new, result)
    # Never on unrelated text: what it lands on resembles the quote (independent check).
    assert (
        1 - naive_distance(found, quote.exact) / max(len(found), len(quote.exact))
        >= MIN_QUOTE_SIMILARITY
    )
    # The best match: the edited place itself, or something at least as close to the quote.
    overlaps = result.start < edited[1] and edited[0] < result.end
    if not overlaps:
        assert similarity(found, quote.exact) >= similarity(new[edited[0] : edited[1]], quote.exact)


@SETTINGS
@given(text_and_quote(), st.data())
def test_one_typo_in_a_long_quote_is_found_in_place(case, data):
    text, start, end = case
    if end - start < 16:
        end = min(len(text), start + 16)
    # A long quote: near the end of the text it may stay short, and a short quote with a
    # typo can fairly match a repeated phrase elsewhere ("e the to" ~ "e the the").
    assume(end - start >= 16)
    quote = quote_at(text, start, end)
    i = data.draw(st.integers(start, end - 1))
    typo = "#" if text[i] != "#" else "%"
    new = text[:i] + typo + text[i + 1 :]
    result = anchor(new, quote, TextPositionSelector(start, end))
    assert result is not None
    found = found_text(new, result)
    if not (result.start < end and start < result.end):  # only for an exact copy elsewhere
        assert found == quote.exact
    assert similarity(found, quote.exact) >= 1 - 2 / (end - start)
