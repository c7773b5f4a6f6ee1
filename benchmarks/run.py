"""Run every benchmark, each in its own process, and print one JSON document.

    python benchmarks/run.py [--quick] [--only store,annotations,...]

Each benchmark runs as a separate subprocess, so its memory figures are its own. The
collected figures are printed and written to benchmarks/out/latest.json, with a summary
of every target: figure, target, met or not. --quick uses a 1,000-article library and
fewer repetitions (for a smoke run); the default measures the 10,000-article library.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "latest.json"

# name -> (script, arguments for the full run, arguments for --quick)
BENCHMARKS = {
    "store": ("bench_store.py", [], ["--count", "1000", "--queries", "100"]),
    "annotations": ("bench_annotations.py", [], ["--count", "1000", "--adds", "200"]),
    "startup": ("bench_startup.py", [], ["--count", "1000", "--runs", "3"]),
    "open_article": ("bench_open_article.py", [], ["--count", "1000", "--opens", "10"]),
    "analysis": ("bench_analysis.py", [], ["--articles", "40"]),
    "timeline": ("bench_timeline.py", [], ["--frames", "5"]),
}


def snapshot_code() -> Path:
    """Copy the package (and its seeds and resources) as it is now, so every benchmark
    of the run measures the same code: the analysis cache is keyed by a hash of the
    analysis code, and an edit in the working tree mid-run would invalidate it."""
    root = HERE / "out" / "snapshot"
    shutil.rmtree(root, ignore_errors=True)
    for name in ("nato_reader", "seeds", "resources"):
        shutil.copytree(HERE.parent / name, root / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(root / "nato_reader", quiet=1)
    return root


def code_state() -> dict:
    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], capture_output=True, cwd=HERE.parent)
        return proc.stdout.decode().strip()

    return {"commit": git("rev-parse", "--short", "HEAD") or None,
            "uncommitted_changes": bool(git("status", "--porcelain", "--", "nato_reader"))}


def run_one(name: str, quick: bool, timeout: float, pythonpath: str | None = None) -> dict:
    script, full_args, quick_args = BENCHMARKS[name]
    path = HERE / script
    if not path.exists():
        return {"skipped": f"{script} does not exist yet"}
    args = quick_args if quick else full_args
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(path), *args], capture_output=True,
                              timeout=timeout, cwd=HERE.parent,
                              env=child_env(pythonpath))
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    elapsed = round(time.perf_counter() - start, 1)
    stdout = proc.stdout.decode()
    try:
        result = json.loads(stdout[stdout.index("{"):])
    except ValueError:
        return {"error": f"exit {proc.returncode}, no JSON: {proc.stderr.decode()[-800:]}",
                "wall_s": elapsed}
    if proc.returncode:
        result["error"] = f"exit {proc.returncode}: {proc.stderr.decode()[-400:]}"
    result["wall_s"] = elapsed
    return result


def child_env(pythonpath: str | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (pythonpath, env.get("PYTHONPATH"))
                                            if p)
    return env


def _get(data: dict, dotted: str):
    if dotted == "frame_ms_at_100k":  # bench_timeline.py: a list of rows by size
        rows = [r for r in data.get("results", []) if r.get("events") == 100_000]
        frames = [r["worst_frame_ms"] if "worst_frame_ms" in r else
                  max(r.get("single_frame_ms", -1), r.get("library_frame_ms", -1))
                  for r in rows]
        return max(frames) if frames and min(frames) >= 0 else None
    for key in dotted.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


# (label, benchmark, path to the figure, target, "<" or "<=" or ">=")
TARGETS = [
    ("search p95 (ms)", "store", "search.fts.p95_ms", 50.0, "<"),
    ("store peak RSS (MB)", "store", "peak_rss_mb", 1024.0, "<"),
    ("annotation save p95 (ms)", "annotations", "annotations_add.p95_ms", 10.0, "<"),
    ("cold start / bare window", "startup", "ratio_highlights_vs_bare", 2.0, "<="),
    ("spaCy imported at first paint", "startup", "spacy_loaded_at_first_paint", False, "=="),
    ("open article p95 (ms)", "open_article", "open_to_highlights.p95_ms", 50.0, "<"),
    ("open article p95, newest rows (ms)", "open_article",
     "library_analysed.open_newest_rows.p95_ms", 50.0, "<"),
    ("open article p95, analysing in background (ms)", "open_article",
     "analysing_in_background.open_to_highlights.p95_ms", 50.0, "<"),
    ("app peak RSS while analysing (MB)", "open_article",
     "analysing_in_background.app_peak_rss_mb", 1024.0, "<"),
    ("library filter max stall (ms)", "open_article",
     "library_filter.max_event_loop_stall_ms", 100.0, "<"),
    ("timeline frame at 100k events (ms)", "timeline", "frame_ms_at_100k", 50.0, "<"),
    ("analysis words/s vs reference", "analysis", "ratio_default_vs_reference", 1.0, ">="),
    ("analysis peak RSS (MB)", "analysis", "peak_rss_mb_ours_default", 1024.0, "<"),
    ("analysis cache stayed valid (startup)", "startup", "cache_valid", True, "=="),
    ("analysis cache stayed valid (open article)", "open_article", "cache_valid", True, "=="),
]


def summarise(results: dict) -> list[dict]:
    rows = []
    for label, bench, dotted, target, op in TARGETS:
        value = _get(results.get(bench, {}), dotted)
        if value is None:
            met = None
        elif op == "<":
            met = value < target
        elif op == "<=":
            met = value <= target
        elif op == ">=":
            met = value >= target
        else:
            met = value == target
        rows.append({"figure": label, "value": value, "target": f"{op} {target}", "met": met})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    parser.add_argument("--only", help="comma-separated: " + ",".join(BENCHMARKS))
    parser.add_argument("--timeout", type=float, default=900.0, help="per benchmark, s")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run against the working tree as it changes, not a copy")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    start = time.perf_counter()
    code = code_state()
    root = None if args.no_snapshot else snapshot_code()
    code["snapshot"] = str(root) if root else None
    results: dict = {}
    for name in names:
        print(f"running {name}…", file=sys.stderr, flush=True)
        results[name] = run_one(name, args.quick, args.timeout, str(root) if root else None)
    document = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "code": code,
        "quick": args.quick,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "total_s": round(time.perf_counter() - start, 1),
        "summary": summarise(results),
        "results": results,
    }
    text = json.dumps(document, indent=2)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
