"""Anchoring annotations to text that may have changed since they were made.

An annotation keeps the W3C pair of selectors: a TextQuoteSelector (the exact text and
up to 32 characters either side) and a TextPositionSelector (start, end). When the text
changes, `anchor` looks for the annotation in this order:

1. the old position (shifted through an unchanged head or tail of the text, when the
   caller gives a `hint`), if the quote is still there with its context;
2. an exact occurrence of the quote, preferring the one whose context agrees best and,
   among equals, the one nearest the old position;
3. an approximate occurrence, scored on quote similarity, context similarity and
   distance from the old position, accepted only above fixed minimums.

What none of these places is an orphan (`None`): a quote is never moved onto text that
does not resemble it. Step 3 searches only windows around occurrences of the quote's
rarest words and of its context, with a bit-parallel edit distance (Myers 1999), so its
time is bounded on texts of a megabyte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT_CHARS = 32

# Scoring of approximate matches (step 3); exact occurrences have quote similarity 1.
WEIGHT_QUOTE, WEIGHT_CONTEXT, WEIGHT_POSITION = 0.55, 0.35, 0.10
MIN_QUOTE_SIMILARITY = 0.7  # below this the text is a different text, whatever its context
MIN_SCORE = 0.75
# An exact occurrence whose context agrees at least this much is taken without fuzzy search.
GOOD_CONTEXT = 0.5

MAX_SEED_WORDS = 6  # rarest words of the quote used to find candidate windows
MAX_SEED_OCCURRENCES = 64  # a word more frequent than this is not a useful seed
MAX_COUNTED_WORDS = 24
MAX_WINDOWS = 32
MAX_SEARCH_COST = 2_000_000  # see _merge_windows
MAX_SNAP = 8  # characters a fuzzy match may widen to whole words
MAX_TIED = 8  # equally close alignments compared by context
MAX_EXACT_RANKED = 20  # exact occurrences scored in full (after a cheap ranking)
CONTEXT_SEED_CHARS = 12

_WORD = re.compile(r"\w{3,}")


@dataclass(frozen=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class TextPositionSelector:
    start: int
    end: int


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: `method` is "position", "exact" or "fuzzy"."""

    start: int
    end: int
    method: str
    score: float = 1.0


def quote_at(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextQuoteSelector:
    """The TextQuoteSelector of text[start:end]."""
    return TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context):start],
        suffix=text[end:end + context],
    )


class EditMap:
    """Maps positions through the unchanged head and tail of two versions of a text.

    A range inside the common head keeps its offsets; one inside the common tail moves by
    the change in length; anything else keeps its old offsets (a mere hint for `anchor`).
    Computed once per pair of texts, then cheap per annotation.
    """

    def __init__(self, old_text: str, new_text: str) -> None:
        self.head = _common_prefix_length(old_text, new_text)
        self.tail_start = len(old_text) - _common_suffix_length(
            old_text, new_text, limit=min(len(old_text), len(new_text)) - self.head)
        self.delta = len(new_text) - len(old_text)

    def map(self, start: int, end: int) -> TextPositionSelector:
        if end <= self.head:
            return TextPositionSelector(start, end)
        if start >= self.tail_start:
            return TextPositionSelector(start + self.delta, end + self.delta)
        return TextPositionSelector(start, end)


def shifted_position(old_text: str, new_text: str, start: int, end: int) -> TextPositionSelector:
    """`EditMap(old_text, new_text).map(start, end)`."""
    return EditMap(old_text, new_text).map(start, end)


def anchor(text: str, quote: TextQuoteSelector,
           hint: TextPositionSelector | None = None) -> Anchor | None:
    """Find `quote` in `text`, near `hint` if given; None when it cannot be placed."""
    exact = quote.exact
    if not exact or len(exact) > len(text):
        return None
    if hint is not None:
        s, e = hint.start, hint.start + len(exact)
        if text[s:e] == exact and _context_agreement(text, s, e, quote) == 1.0:
            return Anchor(s, e, "position")
    old_start = hint.start if hint is not None else None

    exact_hits = _exact_candidates(text, quote, old_start)
    if exact_hits and exact_hits[0][0] >= GOOD_CONTEXT:
        best = exact_hits[0]
        return Anchor(best[2], best[2] + len(exact), "position" if best[2] == old_start else
                      "exact", _score(1.0, best[0], best[2], old_start, len(text)))

    # No exact occurrence with a convincing context: weigh it against approximate ones.
    candidates = [
        (_score(1.0, ctx, s, old_start, len(text)), s, s + len(exact), "exact")
        for ctx, _, s in exact_hits
    ]
    for s, e, similarity in _fuzzy_candidates(text, quote, old_start):
        ctx = _context_similarity(text, s, e, quote)
        score = _score(similarity, ctx, s, old_start, len(text))
        if similarity >= MIN_QUOTE_SIMILARITY and score >= MIN_SCORE:
            candidates.append((score, s, e, "fuzzy"))
    if not candidates:
        return None
    score, s, e, method = max(candidates, key=lambda c: (c[0], -_distance(c[1], old_start)))
    return Anchor(s, e, method, round(score, 4))


def similarity(a: str, b: str) -> float:
    """1 - edit distance / length of the longer string (1.0 for equal strings)."""
    if not a and not b:
        return 1.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (bit-parallel: fast for strings of a few thousand chars)."""
    if not a or not b:
        return len(a) + len(b)
    return _myers(a, b, anchored=True)[-1]


# -- candidates ---------------------------------------------------------------------


def _exact_candidates(text: str, quote: TextQuoteSelector,
                      old_start: int | None) -> list[tuple[float, int, int]]:
    """(context agreement, distance, start) of exact occurrences, best first."""
    exact = quote.exact
    found = []
    i = text.find(exact)
    while i >= 0:
        found.append((_context_agreement(text, i, i + len(exact), quote),
                      _distance(i, old_start), i))
        i = text.find(exact, i + 1)
    found.sort(key=lambda c: (-c[0], c[1]))
    return found[:MAX_EXACT_RANKED]


def _fuzzy_candidates(text: str, quote: TextQuoteSelector,
                      old_start: int | None) -> list[tuple[int, int, float]]:
    """(start, end, quote similarity) of the best approximate match in each window."""
    m = len(quote.exact)
    max_errors = int(m * (1 - MIN_QUOTE_SIMILARITY))
    if max_errors == 0:
        return []
    votes: dict[int, int] = {}
    for implied_start in _seed_starts(text, quote):
        votes[implied_start] = votes.get(implied_start, 0) + 1
    if old_start is not None:
        votes[old_start] = len(quote.exact) + MAX_SEED_OCCURRENCES  # always searched
    windows = _merge_windows(text, votes, m, max_errors)
    results = {}
    for lo, hi in windows:
        options = _best_matches(text[lo:hi], quote.exact, max_errors)
        if options:
            s, e, _ = max(options, key=lambda o: (
                _context_agreement(text, lo + o[0], lo + o[1], quote), -abs(o[1] - o[0] - m)))
            s, e = _snap_to_words(text, lo + s, lo + e, quote)
            results[(s, e)] = similarity(text[s:e], quote.exact)
    return [(s, e, sim) for (s, e), sim in results.items()]


def _snap_to_words(text: str, start: int, end: int, quote: TextQuoteSelector) -> tuple[int, int]:
    """Widen a match that cuts a word where the quote did not ("rolong" -> "prolong")."""
    exact = quote.exact
    if exact[0].isalnum() and not (quote.prefix[-1:].isalnum()):
        limit = max(0, start - MAX_SNAP)
        while start > limit and text[start - 1].isalnum():
            start -= 1
    if exact[-1].isalnum() and not (quote.suffix[:1].isalnum()):
        limit = min(len(text), end + MAX_SNAP)
        while end < limit and text[end].isalnum():
            end += 1
    return start, end


def _seed_starts(text: str, quote: TextQuoteSelector) -> list[int]:
    """Where the quote would start, judging by its rarest words and by its context."""
    exact = quote.exact
    words: dict[str, int] = {}
    for match in _WORD.finditer(exact):
        words.setdefault(match.group(), match.start())
    # Longer words tend to be rarer; counting each costs a pass over the text.
    longest = sorted(words, key=len, reverse=True)[:MAX_COUNTED_WORDS]
    counted = sorted((text.count(w), w) for w in longest)
    seeds = [(w, words[w]) for n, w in counted if 0 < n <= MAX_SEED_OCCURRENCES]
    seeds = seeds[:MAX_SEED_WORDS]
    if len(quote.prefix) >= CONTEXT_SEED_CHARS // 2:
        tail = quote.prefix[-CONTEXT_SEED_CHARS:]
        seeds.append((tail, -len(tail)))
    if len(quote.suffix) >= CONTEXT_SEED_CHARS // 2:
        seeds.append((quote.suffix[:CONTEXT_SEED_CHARS], len(exact)))
    starts = []
    for seed, offset in seeds:
        i, n = text.find(seed), 0
        while i >= 0 and n < MAX_SEED_OCCURRENCES:
            starts.append(i - offset)
            i, n = text.find(seed, i + 1), n + 1
    return starts


def _merge_windows(text: str, votes: dict[int, int], m: int,
                   max_errors: int) -> list[tuple[int, int]]:
    """Windows around the best-voted starts, merged where they overlap.

    The edit-distance search costs about (window length x quote length / 1000): windows
    are taken in order of votes until that budget is spent, so a whole-page quote on a
    megabyte text stays within a second or so.
    """
    slack = max_errors + 8
    best, cost = [], 0
    for s in sorted(votes, key=lambda s: -votes[s])[:MAX_WINDOWS]:
        cost += (m + 2 * slack) * (1 + m // 1000)
        if best and cost > MAX_SEARCH_COST:
            break
        best.append(s)
    spans = sorted((max(0, s - slack), min(len(text), s + m + slack)) for s in best)
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if hi <= lo:
            continue
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _best_matches(window: str, pattern: str,
                  max_errors: int) -> list[tuple[int, int, int]]:
    """(start, end, distance) of the substrings of `window` closest to `pattern`.

    Several when equally close ("extend" -> "prolong" aligns as "prolong" or "rolong"):
    the caller tells them apart by context.
    """
    ends = _myers(pattern, window, anchored=False)
    dist = min(ends)
    if dist > max_errors:
        return []
    options = []
    for end in [j + 1 for j, d in enumerate(ends) if d == dist][:MAX_TIED]:
        # The start: align the reversed pattern with the reversed text ending at `end`.
        head = window[max(0, end - len(pattern) - dist):end][::-1]
        back = _myers(pattern[::-1], head, anchored=True)
        options += [(end - k - 1, end, dist) for k, d in enumerate(back) if d == dist][:MAX_TIED]
    return options


def _myers(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance between `pattern` and text[?:j+1] for every j (bit-parallel).

    anchored=False: the best substring ending at j (search); anchored=True: the prefix
    text[:j+1] (plain edit distance).
    """
    m = len(pattern)
    peq: dict[str, int] = {}
    for i, c in enumerate(pattern):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    carry = 1 if anchored else 0
    scores = []
    for c in text:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        scores.append(score)
    return scores


# -- scoring ------------------------------------------------------------------------


def _score(quote_sim: float, context_sim: float, start: int, old_start: int | None,
           text_length: int) -> float:
    position_sim = 1.0
    if old_start is not None:
        position_sim = 1.0 - min(1.0, abs(start - old_start) / max(text_length, 1))
    return (WEIGHT_QUOTE * quote_sim + WEIGHT_CONTEXT * context_sim
            + WEIGHT_POSITION * position_sim)


def _context_agreement(text: str, start: int, end: int, quote: TextQuoteSelector) -> float:
    """Cheap context measure: how many characters next to the range agree, 0..1."""
    prefix, suffix = quote.prefix, quote.suffix
    before = text[max(0, start - len(prefix)):start]
    after = text[end:end + len(suffix)]
    agree = _common_suffix_length(prefix, before) + _common_prefix_length(suffix, after)
    total = len(prefix) + len(suffix)
    if total == 0:
        return 1.0
    return agree / total


def _context_similarity(text: str, start: int, end: int, quote: TextQuoteSelector) -> float:
    """Context measure that tolerates edits inside the context, 0..1."""
    before = text[max(0, start - len(quote.prefix)):start]
    after = text[end:end + len(quote.suffix)]
    parts = [(quote.prefix, before), (quote.suffix, after)]
    return sum(SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in parts) / 2


def _distance(start: int, old_start: int | None) -> int:
    return 0 if old_start is None else abs(start - old_start)


def _common_prefix_length(a: str, b: str) -> int:
    """Binary search on slices: C-speed comparisons, fine for megabyte texts."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix_length(a: str, b: str, limit: int | None = None) -> int:
    lo, hi = 0, min(len(a), len(b)) if limit is None else max(0, limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo
