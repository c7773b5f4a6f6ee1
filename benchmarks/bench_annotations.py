"""Annotation save latency, commit included, on a library of generated articles.

    python benchmarks/bench_annotations.py [--count 10000] [--adds 500]

`library.annotations.add(...)` (one transaction per save, as the app does) is timed
against a bare sqlite3 INSERT + COMMIT of the same row, on the same file, with the same
pragmas, interleaved one for one in the same run so both see the same disk and load.
Target: p95 < 10 ms. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import generate_library as gen
from bench_store import latency_stats, peak_rss_mb

from nato_reader.store.database import utc_now
from nato_reader.store.library import Library

SAVE_P95_TARGET_MS = 10.0
COLOURS = ["yellow", "claim", "evidence", "question", "quote"]
TAGS = ["sanctions", "air-defence", "follow-up", "quote", "timeline", "check"]


def reference_connection(path: Path) -> sqlite3.Connection:
    """A bare connection with the library's pragmas (store/database.py)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def reference_add(conn: sqlite3.Connection, article_id: int, start: int, end: int,
                  body: str, colour: str, note: str) -> None:
    now = utc_now()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        'INSERT INTO annotations (article_id, start, "end", exact, prefix, suffix, colour,'
        " note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, start, end, body[start:end], body[max(0, start - 32):start],
         body[end:end + 32], colour, note, now, now],
    )
    conn.execute("COMMIT")


def plan(bodies: dict[int, str], adds: int, seed: int = 3) -> list[tuple]:
    """(article id, start, end, colour, note, tags) for each save, deterministic."""
    rng = random.Random(seed)
    ids = sorted(bodies)
    saves = []
    for i in range(adds):
        article_id = rng.choice(ids)
        body = bodies[article_id]
        start = rng.randrange(0, max(1, len(body) - 200))
        end = min(len(body), start + rng.randint(10, 180))
        note = "Check this against the ministry's figures." if i % 3 == 0 else ""
        tags = tuple(rng.sample(TAGS, rng.randint(0, 2)))
        saves.append((article_id, start, end, rng.choice(COLOURS), note, tags))
    return saves


def run(count: int, adds: int, db_source: Path | None) -> dict:
    source = db_source or gen.ensure_library_db(count)
    out: dict = {"benchmark": "annotations", "library": str(source), "adds": adds}
    with tempfile.TemporaryDirectory(prefix="bench-annotations-") as tmp:
        path = gen.copy_db(source, Path(tmp) / "library.db")
        with Library(path) as library:
            store = getattr(library, "annotations", None)
            if store is None:
                out["skipped"] = "library.annotations (store/annotations.py) is not there yet"
                return out
            ids = [row[0] for row in library.db.execute("SELECT id FROM articles")]
            rng = random.Random(1)
            chosen = rng.sample(ids, min(len(ids), 300))
            bodies = {i: library.articles.get(i).body for i in chosen}
            saves = plan(bodies, adds)
            ref = reference_connection(path)
            ours_s, ref_s = [], []
            try:
                for article_id, start, end, colour, note, tags in saves:
                    t = time.perf_counter()
                    store.add(article_id, start, end, colour, note=note, tags=tags)
                    ours_s.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    reference_add(ref, article_id, start, end, bodies[article_id], colour, note)
                    ref_s.append(time.perf_counter() - t)
            finally:
                ref.close()
            saved = library.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
    ours, reference = latency_stats(ours_s), latency_stats(ref_s)
    out.update({
        "annotations_add": ours,
        "reference_bare_insert_commit": reference,
        "ratio_p95_vs_reference": round(ours["p95_ms"] / max(reference["p95_ms"], 1e-6), 2),
        "ratio_p50_vs_reference": round(ours["p50_ms"] / max(reference["p50_ms"], 1e-6), 2),
        "rows_saved": saved,
        "target_p95_ms": SAVE_P95_TARGET_MS,
        "meets_target": ours["p95_ms"] < SAVE_P95_TARGET_MS,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    })
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=500)
    parser.add_argument("--db", type=Path, help="an existing library file (it is copied)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.count, args.adds, args.db), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
