"""Entity accuracy on news text the analysis was not built on: our analysis against the
out-of-the-box baseline on hand-made gold for TempEval-3 documents, measured in the same run.

    python benchmarks/news_entities_eval.py [--data DIR] [--errors SPLIT]

Prints one JSON object. "ours" and "baseline" are evaluate.py's two systems (our
analysis through analyse_many; plain en_core_web_sm with canonical name = surface text).

Figures
- mentions and panel: precision/recall/F1 scored exactly as evaluate.py scores the seeds
  (`mention_counts`: start, end and label equal; `panel_counts`: side-panel rows right by
  canonical name and label and not duplicated), counts summed over the documents.
- splits: "dev" (gold: benchmarks/gold/news_entities_dev.json, whose errors may be read
  while improving the analysis), "held_out" (news_entities_held_out.json, other documents,
  to be read only as these figures) and "all". A split whose gold file is absent is null.
- the texts and their anchor dates (dct) come from the TempEval-3 TimeBank + AQUAINT files
  in ../shared/data/timex-dev, which the gold offsets refer to ("text" field); skipped with
  a note when the folder is absent. The gold is our own annotation, see each file's "_note".
- --errors SPLIT adds, per document of that split, our system's missed and spurious
  mentions and its panel rows that are not right (only ever ask for "dev").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import Baseline, mention_counts, ours, panel_counts, prf
from timex_eval import DATA_DIR, _anchor, load_tempeval

from nato_reader.core.model import Mention

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SPLITS = {"dev": GOLD_DIR / "news_entities_dev.json",
          "held_out": GOLD_DIR / "news_entities_held_out.json"}


def load_gold(tempeval: list[dict]) -> dict[str, list[dict]]:
    """split -> documents {name, text, anchor, mentions}; offsets checked against the text."""
    by_name = {d["doc"]: d for d in tempeval}
    splits: dict[str, list[dict]] = {}
    for split, path in SPLITS.items():
        if not path.is_file():
            continue
        docs = []
        for name, entry in json.loads(path.read_text(encoding="utf-8")).items():
            if name.startswith("_"):
                continue
            text = by_name[name]["text"]
            for g in entry["mentions"]:
                assert text[g["start"]:g["end"]] == g["text"], (split, name, g)
            docs.append({"name": name, "text": text, "anchor": _anchor(by_name[name]["dct"]),
                         "mentions": entry["mentions"]})
        splits[split] = docs
    return splits


def _add(total: list[int], counts: tuple[int, int, int]) -> None:
    for i, value in enumerate(counts):
        total[i] += value


def score(docs: list[dict], predicted: list[Sequence[Mention]]) -> dict:
    mentions, panel = [0, 0, 0], [0, 0, 0]
    for doc, found in zip(docs, predicted, strict=True):
        _add(mentions, mention_counts(doc["mentions"], found))
        _add(panel, panel_counts(doc["mentions"], found))
    return {"documents": len(docs), "mentions": prf(*mentions), "panel": prf(*panel)}


def errors(doc: dict, found: Sequence[Mention]) -> dict:
    """What the system got wrong in one document, for reading, not scoring."""
    gold = {(g["start"], g["end"], g["label"]): g for g in doc["mentions"]}
    pred = {(m.start, m.end, m.label): m for m in found}
    gold_rows = {(g["canonical"], g["label"]) for g in doc["mentions"]}
    sys_rows: dict[tuple[str, str], list[str]] = {}
    for m in found:
        sys_rows.setdefault((m.canonical, m.label), []).append(m.text)
    return {
        "missed": [f'{g["text"]} {g["label"]} @{g["start"]}'
                   for key, g in sorted(gold.items()) if key not in pred],
        "spurious": [f"{m.text} {m.label} @{m.start}"
                     for key, m in sorted(pred.items()) if key not in gold],
        "panel_rows_not_in_gold": {f"{name} | {label}": sorted(set(texts))
                                   for (name, label), texts in sys_rows.items()
                                   if (name, label) not in gold_rows},
        "gold_rows_missing": sorted(f"{name} | {label}" for name, label in gold_rows
                                    if (name, label) not in sys_rows),
        "rows_right_but_duplicated": sorted(f"{name} | {label}" for name, label in gold_rows
                                            if (name, label) in sys_rows
                                            and _duplicated(doc, found, (name, label))),
    }


def _duplicated(doc: dict, found: Sequence[Mention], row: tuple[str, str]) -> bool:
    """panel_counts' rule: another system row holds a mention of this gold entity."""
    spans = {(g["start"], g["end"]) for g in doc["mentions"]
             if (g["canonical"], g["label"]) == row}
    return any((m.canonical, m.label) != row and (m.start, m.end) in spans for m in found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--errors", choices=tuple(SPLITS), help="list our errors on a split")
    args = parser.parse_args(argv)

    tempeval = load_tempeval(args.data)
    if tempeval is None:
        print(f"note: no TempEval data in {args.data}; skipped", file=sys.stderr)
        return 0
    splits = load_gold(tempeval)
    if not splits:
        print(f"note: no news entity gold in {GOLD_DIR}; skipped", file=sys.stderr)
        return 0

    docs = [doc for split_docs in splits.values() for doc in split_docs]
    items = [(doc["text"], doc["anchor"]) for doc in docs]
    found = {"ours": [mentions for mentions, _ in ours()(items)],
             "baseline": [mentions for mentions, _ in Baseline()(items)]}

    report: dict = {"gold": {split: str(path.relative_to(GOLD_DIR.parent.parent))
                             for split, path in SPLITS.items() if split in splits}}
    for system, predicted in found.items():
        by_name = {doc["name"]: p for doc, p in zip(docs, predicted, strict=True)}
        report[system] = {
            split: (score(splits[split], [by_name[d["name"]] for d in splits[split]])
                    if split in splits else None)
            for split in SPLITS
        }
        report[system]["all"] = score(docs, predicted)
    if args.errors and args.errors in splits:
        by_name = {doc["name"]: p for doc, p in zip(docs, found["ours"], strict=True)}
        report["errors"] = {d["name"]: errors(d, by_name[d["name"]])
                            for d in splits[args.errors]}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
