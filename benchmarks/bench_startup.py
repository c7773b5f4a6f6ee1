"""Cold start: process start -> window shown with the article and its highlights painted.

    python benchmarks/bench_startup.py [--count 10000] [--runs 5]

Both sides run as fresh subprocesses under QT_QPA_PLATFORM=offscreen, alternated:
- app: `nato_reader.cli.main(["--db", DB, "--open", ID])`, the path `nato-reader` takes;
- reference: a bare PySide6 QMainWindow + QTextBrowser showing the same body text.
A probe (an application-wide event filter, installed on the QApplication that the app
then reuses) notes the first paint of a text view showing the article's text, and the
first one that also shows highlights (character backgrounds or extra selections). The
child reports CLOCK_MONOTONIC stamps, which the parent compares with its own stamp taken
just before starting it. The opened article's analysis is cached beforehand, and the
probe reports whether `spacy` was imported by first paint. The app fills its docks
(library list, entities, timeline) just after that paint: `app_panels_filled_s` says
when. Median of --runs each, after one discarded warm-up of each. Target: ratio <= 2.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import peak_rss_mb

HERE = Path(__file__).resolve()
RATIO_TARGET = 2.0
TIMEOUT_S = 60.0


# -- the probe (runs in the child; imports Qt lazily so the parent stays light) -------------


def has_highlights(edit, minimum: int = 1) -> bool:
    """True when the text view shows a background on at least `minimum` runs of
    characters (char formats, extra selections or a QSyntaxHighlighter's formats)."""
    from PySide6.QtCore import Qt

    def coloured(fmt) -> bool:
        return fmt.background().style() != Qt.BrushStyle.NoBrush

    count = sum(1 for sel in edit.extraSelections() if coloured(sel.format))
    block = edit.document().begin()
    while block.isValid() and count < minimum:
        it = block.begin()
        while not it.atEnd():
            count += coloured(it.fragment().charFormat())
            it += 1
        layout = block.layout()
        if layout is not None:
            count += sum(1 for r in layout.formats() if coloured(r.format))
        block = block.next()
    return count >= minimum


def make_probe(on_paint):
    """An event filter calling on_paint(text_edit) just after a text view's viewport
    has painted (the call is queued behind the paint event)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QTextEdit

    class Probe(QObject):
        def eventFilter(self, obj, event):  # a Qt override
            if event.type() == QEvent.Type.Paint:
                parent = obj.parent()
                if isinstance(parent, QTextEdit) and parent.viewport() is obj:
                    QTimer.singleShot(0, lambda: on_paint(parent))
            return False

    return Probe()


def start_profile():
    """With BENCH_PROFILE=cumulative (or tottime...), profile the child until its report."""
    if not os.environ.get("BENCH_PROFILE"):
        return None
    import cProfile

    profile = cProfile.Profile()
    profile.enable()
    return profile


def stop_profile(profile) -> None:
    if profile is not None:
        import pstats

        profile.disable()
        stats = pstats.Stats(profile, stream=sys.stderr)
        stats.sort_stats(os.environ["BENCH_PROFILE"]).print_stats(45)
        sys.stderr.flush()


def pipeline_version_loaded() -> str | None:
    """The analysis version the app runs with: it is a hash of the analysis code, so an
    edit between caching and the app's start would make the cache miss."""
    module = sys.modules.get("nato_reader.core.analysis")
    return getattr(module, "PIPELINE_VERSION", None)


def contains(edit, needle: str) -> bool:
    return needle in edit.document().toPlainText()


def driver(kind: str, needle: str, db: str, open_id: int, text_file: str,
           expect_highlights: int) -> None:
    """Child process: start the app (or the bare window) and report first paints."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    profile = start_profile()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    stamps: dict = {}

    def report() -> None:
        stamps["spacy_loaded"] = "spacy" in sys.modules
        stamps["analysis_module_loaded"] = "nato_reader.core.analysis" in sys.modules
        stamps["modules_loaded"] = len(sys.modules)
        stamps["pipeline_version"] = pipeline_version_loaded()
        stamps["peak_rss_mb"] = round(peak_rss_mb(), 1)
        print(json.dumps(stamps), flush=True)
        stop_profile(profile)
        os._exit(0)  # skip teardown (and any background work): the figure is taken

    def on_paint(edit) -> None:
        now = time.monotonic()
        if "text" not in stamps and contains(edit, needle):
            stamps["text"] = now
            stamps["spacy_at_text"] = "spacy" in sys.modules
            # Highlights that have not come 10 s after the text will not come.
            QTimer.singleShot(10_000, report)
        if (kind == "bare" or not expect_highlights) and "text" in stamps:
            report()
        elif ("text" in stamps and "highlights" not in stamps
              and has_highlights(edit, expect_highlights) and contains(edit, needle)):
            stamps["highlights"] = now
            stamps["spacy_at_highlights"] = "spacy" in sys.modules
            report_when_panels_built()

    def report_when_panels_built() -> None:
        """The docks (library list, entity panel, timeline) fill in just after the first
        paint: note when, so the figure says what the first paint leaves out."""
        window = next((w for w in app.topLevelWidgets() if hasattr(w, "has_panels")), None)
        if window is None or window.has_panels():
            stamps["panels"] = time.monotonic()
            report()
            return

        def built() -> None:
            stamps["panels"] = time.monotonic()
            QTimer.singleShot(0, report)  # after the signal's other slots

        window.panels_built.connect(built)

    probe = make_probe(on_paint)
    app.installEventFilter(probe)
    QTimer.singleShot(int(TIMEOUT_S * 1000), report)
    if kind == "bare":
        from PySide6.QtWidgets import QMainWindow, QTextBrowser

        window = QMainWindow()
        browser = QTextBrowser()
        browser.setPlainText(Path(text_file).read_text(encoding="utf-8"))
        window.setCentralWidget(browser)
        window.resize(1200, 800)
        window.show()
        app.exec()
    else:
        from nato_reader.cli import main

        main(["--db", db, "--open", str(open_id)])
    report()  # the app returned without painting the article


# -- the parent --------------------------------------------------------------------------


def child_env(home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    env.pop("NATO_READER_DB", None)
    return env


def run_child(kind: str, args: list[str], env: dict) -> dict:
    """Start one child, return its stamps relative to its start, and its peak RSS."""
    cmd = [sys.executable, str(HERE), "--driver", kind, *args]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT_S + 30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return {"error": "timed out"}
    lines = [line for line in stdout.decode().splitlines() if line.startswith("{")]
    if not lines:
        return {"error": f"exit {proc.returncode}: {stderr.decode()[-600:]}"}
    stamps = json.loads(lines[-1])
    result = {k: v for k, v in stamps.items() if k not in ("text", "highlights", "panels")}
    for key in ("text", "highlights", "panels"):
        if key in stamps:
            result[f"{key}_s"] = round(stamps[key] - start, 4)
    return result


def prepare(db_source: Path, work: Path) -> dict:
    """Copy the library, pick the newest article, cache its analysis, add highlights."""
    import generate_library as gen

    from nato_reader.store.importer import ensure_seeded
    from nato_reader.store.library import Library

    db = gen.copy_db(db_source, work / "library.db")
    info: dict = {"db": str(db)}
    with Library(db) as library:
        ensure_seeded(library)  # as the app's first start did
        newest = library.articles.summaries()[0]
        article = library.articles.get(newest.id)
        info["open_id"] = article.id
        info["needle"] = article.body.split("\n\n")[0][:60]
        info["words"] = len(article.body.split())
        text_file = work / "article.txt"
        text_file.write_text(article.title + "\n\n" + article.body, encoding="utf-8")
        info["text_file"] = str(text_file)
        mentions = cache_analyses(library, [article.id])
        info["analysis_cached"] = mentions is not None
        info["annotations"] = add_highlights(library, article.id, article.body)
        # Entity highlights must be painted, not only the saved highlights: at least
        # half the mentions (neighbours may share a run) besides the annotations.
        info["min_highlights"] = (info["annotations"] + max(1, mentions[article.id] // 2)
                                  if mentions else 0)
    return info


CACHED_VERSION: list[str | None] = [None]


def cache_analyses(library, article_ids: list[int]) -> dict[int, int] | None:
    """Analyse and cache, as the app would have done on an earlier run; returns the
    number of entity mentions of each article (None without the analysis module)."""
    try:
        from nato_reader.core.analysis import analyse_many
    except ImportError:
        return None
    articles = [library.articles.get(i) for i in article_ids]
    analyses = analyse_many([(a.body, a.published) for a in articles])
    CACHED_VERSION[0] = analyses[0].pipeline_version if analyses else None
    for article, analysis in zip(articles, analyses, strict=True):
        library.analyses.put(article.content_hash, analysis)
    return {a.id: len(analysis.mentions) for a, analysis in zip(articles, analyses,
                                                                 strict=True)}


def add_highlights(library, article_id: int, body: str) -> int:
    """Save three highlights on the article (when the annotation store exists)."""
    store = getattr(library, "annotations", None)
    if store is None:
        return 0
    added = 0
    for start, colour in ((40, "yellow"), (400, "claim"), (900, "evidence")):
        if start + 30 < len(body):
            store.add(article_id, start, start + 30, colour, note="benchmark")
            added += 1
    return added


def stand_in_analyses(library, article_id: int) -> int:
    """Give every other article a cached analysis, as in a library the app has finished
    analysing (no background work at start). Analysing 10,000 articles would take an
    hour, so each gets a copy of the opened article's real analysis: the right size and
    shape for anything the app reads at start, never shown."""
    from nato_reader.store.database import transaction

    article = library.articles.get(article_id)
    row = library.db.execute(
        "SELECT pipeline_version, result, created_at FROM analyses WHERE content_hash = ?",
        [article.content_hash]).fetchone()
    with transaction(library.db):
        cursor = library.db.execute(
            "INSERT OR IGNORE INTO analyses (content_hash, pipeline_version, result, created_at)"
            " SELECT DISTINCT content_hash, ?, ?, ? FROM articles WHERE id != ?",
            [*row, article_id])
    return cursor.rowcount


def measure(info: dict, env: dict, runs: int) -> dict:
    """Alternate app and bare starts; medians and the ratio."""
    args = ["--needle", info["needle"], "--db", info["db"], "--open-id",
            str(info["open_id"]), "--text-file", info["text_file"],
            "--expect-highlights", str(info["min_highlights"])]
    out: dict = {}
    samples: dict[str, list[dict]] = {"app": [], "bare": []}
    for i in range(runs + 1):  # the first of each warms the disk cache (and seeds)
        for kind in ("app", "bare"):
            result = run_child(kind, args, env)
            if i:
                samples[kind].append(result)
            elif "error" in result:
                out[f"{kind}_error"] = result["error"]
    app_runs, bare_runs = samples["app"], samples["bare"]

    def median(runs_: list[dict], key: str) -> float | None:
        values = [r[key] for r in runs_ if key in r]
        return round(statistics.median(values), 4) if len(values) == len(runs_) else None

    bare = median(bare_runs, "text_s")
    app_text, app_hl = median(app_runs, "text_s"), median(app_runs, "highlights_s")
    out.update({
        "bare_first_paint_s": bare,
        "app_first_text_paint_s": app_text,
        "app_first_highlight_paint_s": app_hl,
        "app_panels_filled_s": median(app_runs, "panels_s"),
        "ratio_highlights_vs_bare": round(app_hl / bare, 2) if app_hl and bare else None,
        "ratio_text_vs_bare": round(app_text / bare, 2) if app_text and bare else None,
        "spacy_loaded_at_first_paint": any(r.get("spacy_at_highlights", r.get("spacy_at_text"))
                                           for r in app_runs),
        "app_peak_rss_mb": median(app_runs, "peak_rss_mb"),
        "bare_peak_rss_mb": median(bare_runs, "peak_rss_mb"),
        "app_runs": app_runs, "bare_runs": bare_runs,
    })
    return out


def compile_package() -> None:
    """Write the app's bytecode, as `pip install` does: from a checkout run with
    PYTHONDONTWRITEBYTECODE set, every start would compile ~100 modules (80 ms) that an
    installed app never compiles, while PySide6's own bytecode is always there."""
    import compileall

    import nato_reader

    compileall.compile_dir(Path(nato_reader.__file__).parent, quiet=1)


def run(count: int, runs: int, db_source: Path | None, profile: str | None = None) -> dict:
    import generate_library as gen

    from nato_reader.store.library import Library

    source = db_source or gen.ensure_library_db(count)
    compile_package()
    out: dict = {"benchmark": "startup", "library": str(source), "runs": runs,
                 "target_ratio": RATIO_TARGET}
    # The target's case first: the library analysed; then a library just imported, where
    # only the opened article is analysed and the app analyses the rest in the background.
    for name, all_analysed in (("library_analysed", True), ("only_article_analysed", False)):
        with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
            work = Path(tmp)
            info = prepare(source, work)
            if all_analysed and info["analysis_cached"]:
                with Library(Path(info["db"])) as library:
                    info["stand_ins"] = stand_in_analyses(library, info["open_id"])
            out["article"] = {k: info[k] for k in ("open_id", "words", "analysis_cached",
                                                   "annotations", "min_highlights")}
            env = child_env(work)
            if profile:  # one profiled start of the app; the profile goes to stderr
                args = ["--needle", info["needle"], "--db", info["db"], "--open-id",
                        str(info["open_id"]), "--text-file", info["text_file"],
                        "--expect-highlights", str(info["min_highlights"])]
                proc = subprocess.run([sys.executable, str(HERE), "--driver", "app", *args],
                                      env=dict(env, BENCH_PROFILE=profile),
                                      capture_output=True)
                sys.stderr.write(proc.stderr.decode())
                out["profiled"] = name
                return out
            out[name] = measure(info, env, runs)
            out[name]["stand_in_analyses"] = info.get("stand_ins", 0)
    seen = {r.get("pipeline_version") for case in ("library_analysed", "only_article_analysed")
            for r in out[case]["app_runs"]} - {None}
    out["cache_valid"] = seen <= {CACHED_VERSION[0]}  # False: analysis code changed mid-run
    main_case = out["library_analysed"]
    for key in ("ratio_highlights_vs_bare", "spacy_loaded_at_first_paint",
                "app_first_highlight_paint_s", "bare_first_paint_s"):
        out[key] = main_case[key]
    out["meets_target"] = bool(out["ratio_highlights_vs_bare"]
                               and out["ratio_highlights_vs_bare"] <= RATIO_TARGET
                               and not out["spacy_loaded_at_first_paint"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing library file (it is copied)")
    parser.add_argument("--profile", metavar="SORT", help="profile one start of the app "
                        "instead (cProfile, sorted by SORT, e.g. cumulative) to stderr")
    parser.add_argument("--driver", choices=["app", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--needle", help=argparse.SUPPRESS)
    parser.add_argument("--open-id", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--text-file", help=argparse.SUPPRESS)
    parser.add_argument("--expect-highlights", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.driver:
        driver(args.driver, args.needle, str(args.db), args.open_id, args.text_file,
               args.expect_highlights)
        return 0
    print(json.dumps(run(args.count, args.runs, args.db, args.profile), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
