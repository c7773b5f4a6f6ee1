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
probe reports whether `spacy` was imported by first paint. Median of --runs each, after
one discarded warm-up of each. Target: ratio <= 2.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
RATIO_TARGET = 2.0
TIMEOUT_S = 60.0


# -- the probe (runs in the child; imports Qt lazily so the parent stays light) -------------


def has_highlights(edit) -> bool:
    """True when the text view shows a background on some characters."""
    from PySide6.QtCore import Qt

    if any(sel.format.background().style() != Qt.BrushStyle.NoBrush
           for sel in edit.extraSelections()):
        return True
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                return True
            it += 1
        layout = block.layout()
        if layout is not None and any(
                r.format.background().style() != Qt.BrushStyle.NoBrush for r in layout.formats()):
            return True  # a QSyntaxHighlighter's formats
        block = block.next()
    return False


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


def contains(edit, needle: str) -> bool:
    return needle in edit.document().toPlainText()


def driver(kind: str, needle: str, db: str, open_id: int, text_file: str,
           expect_highlights: bool) -> None:
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
        stamps["peak_rss_mb"] = round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)
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
        elif "text" in stamps and has_highlights(edit) and contains(edit, needle):
            stamps["highlights"] = now
            stamps["spacy_at_highlights"] = "spacy" in sys.modules
            report()

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
    result = {k: v for k, v in stamps.items() if k not in ("text", "highlights")}
    for key in ("text", "highlights"):
        if key in stamps:
            result[f"{key}_s"] = round(stamps[key] - start, 4)
    return result


def prepare(db_source: Path, work: Path) -> dict:
    """Copy the library, pick the newest article, cache its analysis, add highlights."""
    import generate_library as gen

    from nato_reader.store.library import Library

    db = gen.copy_db(db_source, work / "library.db")
    info: dict = {"db": str(db)}
    with Library(db) as library:
        newest = library.articles.summaries()[0]
        article = library.articles.get(newest.id)
        info["open_id"] = article.id
        info["needle"] = article.body.split("\n\n")[0][:60]
        info["words"] = len(article.body.split())
        text_file = work / "article.txt"
        text_file.write_text(article.title + "\n\n" + article.body, encoding="utf-8")
        info["text_file"] = str(text_file)
        info["analysis_cached"] = cache_analyses(library, [article.id])
        store = getattr(library, "annotations", None)
        if store is not None:
            for i, colour in enumerate(("yellow", "claim", "evidence")):
                start = 40 + i * 200
                if start + 30 < len(article.body):
                    store.add(article.id, start, start + 30, colour, note="benchmark")
    return info


def cache_analyses(library, article_ids: list[int]) -> bool:
    """Analyse and cache, as the app would have done on an earlier run."""
    try:
        from nato_reader.core.analysis import analyse
    except ImportError:
        return False
    for article_id in article_ids:
        article = library.articles.get(article_id)
        library.analyses.put(article.content_hash, analyse(article.body, article.published))
    return True


def run(count: int, runs: int, db_source: Path | None, profile: str | None = None) -> dict:
    import generate_library as gen

    source = db_source or gen.ensure_library_db(count)
    out: dict = {"benchmark": "startup", "library": str(source), "runs": runs}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(tmp)
        info = prepare(source, work)
        out["article"] = {k: info[k] for k in ("open_id", "words", "analysis_cached")}
        env = child_env(work)
        args = ["--needle", info["needle"], "--db", info["db"], "--open-id",
                str(info["open_id"]), "--text-file", info["text_file"]]
        if info["analysis_cached"]:
            args.append("--expect-highlights")
        if profile:  # one profiled start of the app; the profile goes to stderr
            proc = subprocess.run([sys.executable, str(HERE), "--driver", "app", *args],
                                  env=dict(env, BENCH_PROFILE=profile), capture_output=True)
            sys.stderr.write(proc.stderr.decode())
            out["profiled"] = True
            return out
        samples: dict[str, list[dict]] = {"app": [], "bare": []}
        for i in range(runs + 1):  # the first of each warms the disk cache and seeds
            for kind in ("app", "bare"):
                result = run_child(kind, args, env)
                if i:
                    samples[kind].append(result)
                elif "error" in result:
                    out[f"{kind}_error"] = result["error"]
    app_runs, bare_runs = samples["app"], samples["bare"]
    out["app_runs"], out["bare_runs"] = app_runs, bare_runs

    def median(runs_: list[dict], key: str) -> float | None:
        values = [r[key] for r in runs_ if key in r]
        return round(statistics.median(values), 4) if len(values) == len(runs_) else None

    bare = median(bare_runs, "text_s")
    app_text, app_hl = median(app_runs, "text_s"), median(app_runs, "highlights_s")
    out.update({
        "bare_first_paint_s": bare,
        "app_first_text_paint_s": app_text,
        "app_first_highlight_paint_s": app_hl,
        "ratio_highlights_vs_bare": round(app_hl / bare, 2) if app_hl and bare else None,
        "ratio_text_vs_bare": round(app_text / bare, 2) if app_text and bare else None,
        "spacy_loaded_at_first_paint": any(r.get("spacy_at_highlights", r.get("spacy_at_text"))
                                           for r in app_runs),
        "target_ratio": RATIO_TARGET,
    })
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
    parser.add_argument("--expect-highlights", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.driver:
        driver(args.driver, args.needle, str(args.db), args.open_id, args.text_file,
               args.expect_highlights)
        return 0
    print(json.dumps(run(args.count, args.runs, args.db, args.profile), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
