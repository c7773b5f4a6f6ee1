"""Store figures on a generated library: import, full-text search, the library list, memory.

    python benchmarks/bench_store.py [--count 10000] [--queries 200] [--library FOLDER]

Prints one JSON object. Every comparison measures its reference in the same run:
- import through `import_paths` (one transaction per file, as the app does) against the
  same parsed rows inserted in a single transaction into the same schema;
- ranked FTS5 search (`Library.search`) against a plain `LIKE '%word%'` scan of the same
  rows, for the same queries.
Targets: search p95 < 50 ms; peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import generate_library as gen
from measure import peak_rss_mb

from nato_reader.core.articles import content_hash, parse_article
from nato_reader.core.textfile import read_article_file
from nato_reader.store.database import open_database, transaction, utc_now
from nato_reader.store.importer import import_paths
from nato_reader.store.library import Library
from nato_reader.store.search import matching_article_ids

SEARCH_P95_TARGET_MS = 50.0
MEMORY_TARGET_MB = 1024.0


def latency_stats(seconds: list[float]) -> dict:
    ms = sorted(s * 1000.0 for s in seconds)

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, max(0, round(p / 100.0 * len(ms)) - 1))], 3)

    return {"n": len(ms), "p50_ms": pct(50), "p95_ms": pct(95), "max_ms": round(ms[-1], 3),
            "mean_ms": round(sum(ms) / len(ms), 3)}


def make_queries(count: int, seed: int = 11) -> list[str]:
    """Varied queries: names, places, stems, two-word ANDs, quoted phrases, misses."""
    rng = random.Random(seed)
    last_names = [name.split()[-1] for name, _ in gen.PEOPLE]
    cities = [city for city, _, _ in gen.PLACES]
    weapons = [w.split()[0] for w in gen.WEAPONS]
    topic_words = sorted({w for t in gen.TOPICS for w in t.split() if len(w) > 3})
    common = ["allies", "officials", "defence", "Ukraine", "Russian", "said", "minister",
              "summit", "sanctions", "deliveries", "drones", "talks", "missile", "troops"]
    misses = ["zeppelin", "quinoa", "marmalade", "Atlantis", "harpsichord", "glacier"]
    kinds = [
        lambda: rng.choice(last_names),
        lambda: rng.choice(cities),
        lambda: rng.choice(weapons),
        lambda: rng.choice(topic_words),
        lambda: rng.choice(common),
        lambda: f"{rng.choice(last_names)} {rng.choice(cities)}",
        lambda: f"{rng.choice(common)} {rng.choice(topic_words)}",
        lambda: f'"{rng.choice(gen.WEAPONS)}"',
        lambda: f'"{rng.choice(gen.PEOPLE)[0]}"',
        lambda: rng.choice(misses),
        lambda: f"{rng.choice(cities)} {rng.choice(weapons)} {rng.choice(common)}",
    ]
    return [kinds[i % len(kinds)]() for i in range(count)]


def like_reference(db, query: str) -> list[tuple[int, str]]:
    """What search would cost without an index: every word (or phrase) as a LIKE scan."""
    terms = [p or w for p, w in re.findall(r'"([^"]+)"|(\S+)', query)]
    where = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in terms)
    params = [f"%{t}%" for t in terms for _ in (0, 1)]
    return db.execute(f"SELECT id, title FROM articles WHERE {where}", params).fetchall()


def bench_import(folder: Path, work: Path) -> tuple[dict, Path]:
    files = sorted(folder.glob("*.txt"))
    db_path = work / "library.db"
    with Library(db_path) as library:
        start = time.perf_counter()
        report = import_paths(library, [folder])
        elapsed = time.perf_counter() - start
        if report.errors:
            raise SystemExit(f"import errors: {report.errors[:3]}")
    # Reference: the same parsing, all rows in one transaction, same schema and pragmas.
    ref_path = work / "reference.db"
    db = open_database(ref_path)
    start = time.perf_counter()
    now = utc_now()
    with transaction(db):
        for path in files:
            parsed = parse_article(read_article_file(path), path.name)
            uri = path.resolve().as_uri()
            db.execute(
                "INSERT INTO articles (uri, source, content_hash, title, title_edited,"
                " published, body, headings, imported_at, updated_at)"
                " VALUES (?, ?, ?, ?, 0, ?, ?, '[]', ?, ?)",
                [uri, str(path), content_hash(parsed), parsed.title,
                 parsed.published.isoformat() if parsed.published else None, parsed.body, now,
                 now],
            )
    reference = time.perf_counter() - start
    db.conn.close()
    return {
        "articles": len(report.added),
        "import_s": round(elapsed, 3),
        "articles_per_s": round(len(files) / elapsed, 1),
        "reference_single_transaction_s": round(reference, 3),
        "ratio_vs_reference": round(elapsed / reference, 2),
        "db_mb": round(db_path.stat().st_size / 2**20, 1),
    }, db_path


def bench_search(library: Library, queries: list[str]) -> dict:
    fts, like, hits = [], [], []
    first_ms = None
    for query in queries:
        start = time.perf_counter()
        result = library.search(query)
        fts.append(time.perf_counter() - start)
        if first_ms is None:
            first_ms = round(fts[0] * 1000, 3)
        hits.append(len(result))
    for query in queries:
        start = time.perf_counter()
        like_reference(library.db, query)
        like.append(time.perf_counter() - start)
    ours, ref = latency_stats(fts), latency_stats(like)
    return {
        "queries": len(queries), "first_query_ms": first_ms,
        "fts": ours, "reference_like_scan": ref,
        "ratio_p95_vs_reference": round(ours["p95_ms"] / max(ref["p95_ms"], 1e-6), 3),
        "queries_with_hits": sum(1 for h in hits if h), "target_p95_ms": SEARCH_P95_TARGET_MS,
        "meets_target": ours["p95_ms"] < SEARCH_P95_TARGET_MS,
    }


def bench_list(library: Library, queries: list[str]) -> dict:
    start = time.perf_counter()
    summaries = library.articles.summaries()
    summaries_s = time.perf_counter() - start
    tracemalloc.start()
    again = library.articles.summaries()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    # Filtering the library list: the ids matching a query, then the rows to show.
    ids_s, filter_s = [], []
    for query in queries:
        start = time.perf_counter()
        ids = matching_article_ids(library.db, query)
        ids_s.append(time.perf_counter() - start)
        shown = [s for s in summaries if s.id in ids]
        filter_s.append(time.perf_counter() - start)
        del shown
    ids = [s.id for s in summaries]
    rng = random.Random(5)
    get_s = []
    for article_id in rng.sample(ids, min(200, len(ids))):
        start = time.perf_counter()
        library.articles.get(article_id)
        get_s.append(time.perf_counter() - start)
    return {
        "summaries": {"rows": len(summaries), "ms": round(summaries_s * 1000, 2),
                      "python_heap_mb": round(peak / 2**20, 2)},
        "matching_article_ids": latency_stats(ids_s),
        "filter_summaries": latency_stats(filter_s),
        "get_article": latency_stats(get_s),
    }


def run(count: int, n_queries: int, folder: Path | None, keep_db: bool) -> dict:
    start = time.perf_counter()
    folder = folder or gen.ensure_library(count)
    generate_s = time.perf_counter() - start
    out: dict = {"benchmark": "store", "library": str(folder),
                 "ensure_library_s": round(generate_s, 2)}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        out["import"], db_path = bench_import(folder, Path(tmp))
        queries = make_queries(n_queries)
        with Library(db_path) as library:
            out["search"] = bench_search(library, queries)
            out.update(bench_list(library, queries))
        if keep_db:  # hand the imported library to the other benchmarks (cached)
            cached = gen.OUT_DIR / f"{folder.name}.db"
            if not cached.with_suffix(".db.complete").exists():
                gen.OUT_DIR.mkdir(parents=True, exist_ok=True)
                gen.copy_db(db_path, cached)
                cached.with_suffix(".db.complete").write_text("ok")
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    out["memory_target_mb"] = MEMORY_TARGET_MB
    out["memory_meets_target"] = out["peak_rss_mb"] < MEMORY_TARGET_MB
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--library", type=Path, help="an existing folder of articles")
    parser.add_argument("--no-cache", action="store_true",
                        help="do not keep the imported library for the other benchmarks")
    args = parser.parse_args(argv)
    keep = not args.no_cache and args.library is None
    print(json.dumps(run(args.count, args.queries, args.library, keep), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
