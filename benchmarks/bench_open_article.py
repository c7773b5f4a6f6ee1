"""Opening an analysed article, and filtering the library list, in the running window.

    python benchmarks/bench_open_article.py [--count 10000] [--opens 20]

One child process starts the app (`nato_reader.cli.main`, QT_QPA_PLATFORM=offscreen) on a
copy of the generated library in which --opens articles have their analysis cached and a
few highlights. Once the first article is painted, it selects each of them in the library
list (`LibraryView.select_article`, else `MainWindow.open_article`) and times selection ->
the first paint showing that article's text with highlights (the paint probe of
bench_startup.py). Then it types a query into the library's search field one key every
80 ms while a 5 ms heartbeat timer measures the longest stall of the event loop: the list
must filter without freezing. Target: open p95 < 50 ms. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import (
    CACHED_VERSION,
    add_highlights,
    cache_analyses,
    child_env,
    contains,
    has_highlights,
    make_probe,
    peak_rss_mb,
    pipeline_version_loaded,
    stand_in_analyses,
    start_profile,
    stop_profile,
)

HERE = Path(__file__).resolve()
OPEN_P95_TARGET_MS = 50.0
STALL_TARGET_MS = 100.0  # a stall a typist notices
FILTER_QUERY = "Stoltenberg"
NEAR_ROWS = 200  # the newest articles, the list's first batch


def latency(ms: list[float]) -> dict:
    ms = sorted(ms)
    if not ms:
        return {"n": 0}

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, max(0, round(p / 100 * len(ms)) - 1))], 2)

    return {"n": len(ms), "p50_ms": pct(50), "p95_ms": pct(95), "max_ms": round(ms[-1], 2)}


def find_window(app):
    for widget in app.topLevelWidgets():
        if hasattr(widget, "open_article") and widget.isVisible():
            return widget
    return None


def driver(plan: dict) -> None:
    """Child: start the app, open each planned article, then type into the search field."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    profile = start_profile()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    state: dict = {"phase": "start", "index": -1, "opens_ms": [], "opened": [], "misses": [],
                   "via": None}
    articles = plan["articles"]

    def finish() -> None:
        result = {k: state[k] for k in ("opens_ms", "opened", "misses", "via")}
        result["filter"] = state.get("filter")
        result["pipeline_version"] = pipeline_version_loaded()
        result["peak_rss_mb"] = round(peak_rss_mb(), 1)
        print(json.dumps(result), flush=True)
        stop_profile(profile)
        os._exit(0)

    def open_next() -> None:
        state["index"] += 1
        if state["index"] >= len(articles):
            QTimer.singleShot(200, measure_filter)
            return
        article = articles[state["index"]]
        window = find_window(app)
        if window is None:
            state["via"] = "no main window with open_article()"
            finish()
        state["phase"] = "open"
        state["needle"] = article["needle"]
        state["min_highlights"] = article["min_highlights"]
        state["t0"] = time.monotonic()
        view = getattr(window, "library_view", None)
        if view is not None and hasattr(view, "select_article"):
            state["via"] = "LibraryView.select_article"
            view.select_article(article["id"])
        else:
            state["via"] = "MainWindow.open_article"
            window.open_article(article["id"])
        QTimer.singleShot(5000, lambda i=state["index"]: timed_out(i))

    def timed_out(index: int) -> None:
        if state["index"] == index and state["phase"] == "open":
            state["misses"].append(articles[index]["id"])
            state["phase"] = "wait"
            open_next()

    def on_paint(edit) -> None:
        if state["phase"] == "start" and contains(edit, plan["first_needle"]):
            state["phase"] = "wait"
            QTimer.singleShot(500, open_next)  # let the window settle first
        elif (state["phase"] == "open" and contains(edit, state["needle"])
              and has_highlights(edit, state["min_highlights"])):
            state["opens_ms"].append((time.monotonic() - state["t0"]) * 1000)
            state["opened"].append(articles[state["index"]]["id"])
            state["phase"] = "wait"
            QTimer.singleShot(50, open_next)

    def measure_filter() -> None:
        window = find_window(app)
        fields = [e for e in window.findChildren(QLineEdit)
                  if "search" in e.placeholderText().lower() and e.isVisible()]
        if not fields:
            state["filter"] = {"skipped": "no visible search field in the window"}
            finish()
        field = fields[0]
        beats: list[float] = []
        heartbeat = QTimer(interval=5)
        heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
        heartbeat.start()
        keys = [FILTER_QUERY[: i + 1] for i in range(len(FILTER_QUERY))] + [""]
        stamps: list[float] = []

        def type_key(i: int = 0) -> None:
            if i < len(keys):
                stamps.append(time.monotonic())
                field.setText(keys[i])
                QTimer.singleShot(80 if i < len(keys) - 2 else 1500, lambda: type_key(i + 1))
                return
            QTimer.singleShot(1500, done)

        def done() -> None:
            heartbeat.stop()
            gaps = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
            state["filter"] = {
                "query": FILTER_QUERY, "keys": len(keys),
                "max_event_loop_stall_ms": round(max(gaps), 1) if gaps else None,
                "stalls_over_50ms": sum(1 for g in gaps if g > 50),
                "target_max_stall_ms": STALL_TARGET_MS,
            }
            finish()

        type_key()

    probe = make_probe(on_paint)  # keep a reference: a collected filter stops filtering
    app.installEventFilter(probe)
    QTimer.singleShot(120_000, finish)
    from nato_reader.cli import main

    main(["--db", plan["db"], "--open", str(plan["first_id"])])
    finish()


def prepare(db_source: Path, work: Path, opens: int, analysed: bool) -> dict:
    import random

    import generate_library as gen

    from nato_reader.store.importer import ensure_seeded
    from nato_reader.store.library import Library

    db = gen.copy_db(db_source, work / "library.db")
    with Library(db) as library:
        ensure_seeded(library)  # as the app's first start did
        ids = [s.id for s in library.articles.summaries()]
        # Half among the newest rows (on screen, or a short scroll away: what a click
        # opens), half anywhere (what search results and the timeline jump to).
        rng = random.Random(4)
        near = rng.sample(ids[1:NEAR_ROWS], min(opens // 2, len(ids[1:NEAR_ROWS])))
        rest = [i for i in ids[1:] if i not in set(near)]
        chosen = near + rng.sample(rest, min(opens - len(near), len(rest)))
        mentions = cache_analyses(library, [ids[0], *chosen])
        if analysed and mentions is not None:
            stand_in_analyses(library, ids[0])
        articles = []
        for article_id in chosen:
            body = library.articles.get(article_id).body
            added = add_highlights(library, article_id, body)
            articles.append({"id": article_id, "needle": body.split("\n\n")[0][:60],
                             "near": article_id in near,
                             # entity highlights too, not only the saved ones
                             "min_highlights": added + max(1, (mentions or {}).get(
                                 article_id, 0) // 2)})
        first = library.articles.get(ids[0]).body.split("\n\n")[0][:60]
    return {"db": str(db), "first_id": ids[0], "first_needle": first, "articles": articles,
            "analysis_cached": mentions is not None}


def run_driver(plan: dict, work: Path, profile: str | None) -> dict:
    plan_file = work / "plan.json"
    plan_file.write_text(json.dumps(plan))
    env = child_env(work)
    if profile:
        env["BENCH_PROFILE"] = profile
    proc = subprocess.run([sys.executable, str(HERE), "--driver", str(plan_file)],
                          env=env, capture_output=True, timeout=300)
    if profile:
        sys.stderr.write(proc.stderr.decode())
    lines = [line for line in proc.stdout.decode().splitlines() if line.startswith("{")]
    if not lines:
        return {"error": f"exit {proc.returncode}: {proc.stderr.decode()[-800:]}"}
    result = json.loads(lines[-1])
    stats = latency(result["opens_ms"])
    is_near = {a["id"]: a["near"] for a in plan["articles"]}
    pairs = list(zip(result["opened"], result["opens_ms"], strict=True))
    return {
        "selected_via": result["via"], "open_to_highlights": stats,
        "open_newest_rows": latency([ms for i, ms in pairs if is_near[i]]),
        "open_anywhere": latency([ms for i, ms in pairs if not is_near[i]]),
        "opens_ms": [round(ms, 1) for ms in result["opens_ms"]],
        "not_rendered_within_5s": result["misses"],
        "library_filter": result.get("filter"),
        "app_peak_rss_mb": result.get("peak_rss_mb"),
        # False: the analysis code changed between caching and the app's start
        "cache_valid": result.get("pipeline_version") in (None, CACHED_VERSION[0]),
    }


def run(count: int, opens: int, db_source: Path | None, profile: str | None = None) -> dict:
    import generate_library as gen

    source = db_source or gen.ensure_library_db(count)
    out: dict = {"benchmark": "open_article", "library": str(source),
                 "target_p95_ms": OPEN_P95_TARGET_MS}
    # The library analysed (the target's case); then just imported, the app analysing the
    # rest in the background while the reader opens articles.
    for case, analysed in (("library_analysed", True), ("analysing_in_background", False)):
        with tempfile.TemporaryDirectory(prefix="bench-open-") as tmp:
            plan = prepare(source, Path(tmp), opens, analysed)
            if not plan["analysis_cached"]:
                out["skipped"] = "nato_reader.core.analysis is not there yet: nothing to show"
                return out
            out[case] = run_driver(plan, Path(tmp), profile)
        if profile:
            return out
    main_case = out["library_analysed"]
    for key in ("open_to_highlights", "library_filter", "cache_valid", "app_peak_rss_mb"):
        out[key] = main_case.get(key)
    stats = main_case.get("open_to_highlights") or {}
    out["meets_target"] = bool(stats.get("p95_ms") is not None
                               and stats["p95_ms"] < OPEN_P95_TARGET_MS
                               and not main_case["not_rendered_within_5s"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--opens", type=int, default=20)
    parser.add_argument("--db", type=Path, help="an existing library file (it is copied)")
    parser.add_argument("--profile", metavar="SORT", help="also profile the child (cProfile, "
                        "sorted by SORT, e.g. cumulative) to stderr")
    parser.add_argument("--driver", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.driver:
        driver(json.loads(args.driver.read_text()))
        return 0
    print(json.dumps(run(args.count, args.opens, args.db, args.profile), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
