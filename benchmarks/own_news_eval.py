"""Accuracy on fresh text in the target domain: one hundred and four short news articles about NATO,
European defence and the war in Ukraine, written for this test, our analysis against the
out-of-the-box baseline, measured in the same run.

    python benchmarks/own_news_eval.py [--errors dev]

Prints one JSON object. "ours" and "baseline" are evaluate.py's two systems (our analysis
through analyse_many; plain en_core_web_sm with canonical name = surface text and
dateparser values for its DATE/TIME entities).

Figures
- mentions and panel: precision/recall/F1 scored exactly as evaluate.py scores the seeds
  (`mention_counts`: start, end and label equal; `panel_counts`: side-panel rows right by
  canonical name and label and not duplicated), counts summed over the articles.
- timex_value, timex_extent_relaxed, timex_extent_strict: timex_eval.py's scoring
  (`count_matches`, `figures`): a system timex matches the gold timex it overlaps (the
  exact span first); value and extent F1 over the summed counts.
- splits: "dev" (a1, a2, a5-a12, a17-a48, a57-a64, a73-a80, a97-a104: their errors may
  be read while improving the analysis; a25-a32 were held out as "fresh" until a newer
  unseen set existed), "held_out" (a3, a4, a13-a16: to be read only as these figures), "blind"
  (a49-a56, written on 23 Nov 2026 when that day's rules were nearly final; figures
  only), "unseen" (a65-a72 and a81-a88, written and annotated by people who had not seen
  the rules, before any change of the day they were written; figures only), "blind2"
  (a89-a96, written on 23 Nov 2026 after that day's rules, on topics the writer chose and
  nobody else knew; figures only) and "all".
- texts: benchmarks/gold/own_news/a*.txt (`date YYYY-MM-DD` token, as the seeds), anchored
  at their publication date; gold: benchmarks/gold/own_news/gold.json, hand-made before
  the analysis was run on the texts, offsets into parse_article().body (checked on load).
  See its "_note" for the conventions.
- --errors dev adds, per dev article, our missed and spurious mentions, panel rows that
  are not right, and missed, spurious and wrongly valued timexes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import Baseline, mention_counts, ours, panel_counts, prf
from news_entities_eval import errors as mention_errors
from timex_eval import count_matches, figures

from nato_reader.core.articles import parse_article
from nato_reader.core.model import Mention, Timex

NEWS_DIR = Path(__file__).resolve().parent / "gold" / "own_news"
GOLD = NEWS_DIR / "gold.json"
def _numbered(*ranges: range) -> tuple[str, ...]:
    return tuple(f"a{n}.txt" for r in ranges for n in r)


SPLITS = {"dev": _numbered(range(1, 3), range(5, 13), range(17, 49), range(57, 65),
                           range(73, 81), range(97, 105)),
          "held_out": _numbered(range(3, 5), range(13, 17)),
          "blind": _numbered(range(49, 57)),
          "unseen": _numbered(range(65, 73), range(81, 89)),
          "blind2": _numbered(range(89, 97))}


def load_articles() -> list[dict]:
    """Articles {name, text, published, mentions, timexes}; every gold offset checked."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = []
    for name in (n for names in SPLITS.values() for n in names):
        article = parse_article((NEWS_DIR / name).read_text(encoding="utf-8"), name)
        entry = gold[name]
        for g in entry["mentions"] + entry["timexes"]:
            assert article.body[g["start"]:g["end"]] == g["text"], (name, g)
        articles.append({"name": name, "text": article.body, "published": article.published,
                         "mentions": entry["mentions"], "timexes": entry["timexes"]})
    return articles


def score(docs: list[dict], found: list[tuple[Sequence[Mention], Sequence[Timex]]]) -> dict:
    mentions, panel, timex = [0, 0, 0], [0, 0, 0], {}
    for doc, (doc_mentions, doc_timexes) in zip(docs, found, strict=True):
        for total, counts in ((mentions, mention_counts(doc["mentions"], doc_mentions)),
                              (panel, panel_counts(doc["mentions"], doc_mentions))):
            for i, value in enumerate(counts):
                total[i] += value
        for key, value in count_matches(doc["timexes"], list(doc_timexes)).items():
            timex[key] = timex.get(key, 0) + value
    t = figures(timex)
    return {"articles": len(docs), "mentions": prf(*mentions), "panel": prf(*panel),
            "timex_value": t["value"], "timex_extent_relaxed": t["relaxed_extent"],
            "timex_extent_strict": t["strict_extent"]}


def timex_errors(gold: list[dict], found: Sequence[Timex]) -> dict:
    """Gold timexes nothing overlaps, system timexes overlapping no gold, and overlapping
    pairs whose span or value differ (pairs taken as count_matches takes them)."""
    used: set[int] = set()
    spurious, wrong = [], []
    for t in found:
        overlapping = [i for i, g in enumerate(gold)
                       if i not in used and g["start"] < t.end and t.start < g["end"]]
        exact = [i for i in overlapping
                 if (gold[i]["start"], gold[i]["end"]) == (t.start, t.end)]
        if not overlapping:
            spurious.append(f"{t.text!r} {t.type} {t.value} @{t.start}")
            continue
        g = gold[(exact or overlapping)[0]]
        used.add((exact or overlapping)[0])
        if (g["start"], g["end"], g["value"]) != (t.start, t.end, t.value):
            wrong.append(f"{t.text!r} {t.type} {t.value} @{t.start}; gold {g['text']!r} "
                         f"{g['type']} {g['value']}")
    missed = [f"{g['text']!r} {g['type']} {g['value']} @{g['start']}"
              for i, g in enumerate(gold) if i not in used]
    return {"missed": missed, "spurious": spurious, "span_or_value_wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("dev",), help="list our errors on the dev part")
    args = parser.parse_args(argv)

    docs = load_articles()
    items = [(doc["text"], doc["published"]) for doc in docs]
    found = {"ours": ours()(items), "baseline": Baseline()(items)}

    report: dict = {"gold": str(GOLD.relative_to(NEWS_DIR.parent.parent.parent))}
    for system, results in found.items():
        by_name = {doc["name"]: r for doc, r in zip(docs, results, strict=True)}
        report[system] = {}
        for split, names in {**SPLITS, "all": tuple(by_name)}.items():
            split_docs = [d for d in docs if d["name"] in names]
            report[system][split] = score(split_docs, [by_name[d["name"]] for d in split_docs])
    if args.errors:
        by_name = {doc["name"]: r for doc, r in zip(docs, found["ours"], strict=True)}
        report["errors"] = {
            d["name"]: {**mention_errors(d, by_name[d["name"]][0]),
                        "timex": timex_errors(d["timexes"], by_name[d["name"]][1])}
            for d in docs if d["name"] in SPLITS[args.errors]
        }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
