"""Keep the benchmark scripts from rotting: generate a tiny library and run the store
benchmark on it. Figures are printed by the scripts, never asserted here."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from nato_reader.core.articles import parse_article

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

pytestmark = pytest.mark.slow


def run_script(name: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, str(BENCHMARKS / name), *args],
                          capture_output=True, text=True, timeout=300, cwd=BENCHMARKS.parent)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_library",
                                                  BENCHMARKS / "generate_library.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_articles_are_dated_varied_and_reproducible(tmp_path):
    folder = tmp_path / "articles"
    result = run_script("generate_library.py", "--count", "20", "--seed", "3",
                        "--out", str(folder))
    files = sorted(folder.glob("*.txt"))
    assert result["articles"] == 20 and len(files) == 20
    generator = load_generator()
    parsed = []
    for index, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        assert text == generator.article_text(3, index)  # the seed alone decides
        parsed.append(parse_article(text, path.name))
    assert sum(1 for p in parsed if p.published is not None) >= 18
    assert len({p.title for p in parsed}) == 20
    assert any(p.headings for p in parsed)
    for p in parsed:
        assert 150 <= len(p.body.split()) <= 1700
    assert generator.article_text(4, 0) != generator.article_text(3, 0)


def test_store_benchmark_runs_on_a_tiny_library(tmp_path):
    folder = tmp_path / "articles"
    run_script("generate_library.py", "--count", "20", "--out", str(folder))
    result = run_script("bench_store.py", "--library", str(folder), "--queries", "12")
    assert result["import"]["articles"] == 20
    assert result["search"]["queries"] == 12
    assert result["search"]["fts"]["n"] == 12
    assert result["search"]["reference_like_scan"]["n"] == 12
    assert result["summaries"]["rows"] == 20
    assert {"p50_ms", "p95_ms"} <= set(result["matching_article_ids"])
    assert result["peak_rss_mb"] > 0


def test_news_entity_eval_skips_cleanly_without_the_tempeval_data(tmp_path):
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "news_entities_eval.py"),
                           "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=BENCHMARKS.parent)
    assert proc.returncode == 0 and proc.stdout == ""
    assert "no TempEval data" in proc.stderr


def test_news_entity_gold_fits_its_texts():
    """Every gold mention's offsets cut its text out of the TempEval document (when the
    development data is beside the project), with a known label and one canonical name."""
    sys.path.insert(0, str(BENCHMARKS))
    from news_entities_eval import load_gold
    from timex_eval import load_tempeval

    from nato_reader.core.entities import ENTITY_LABELS

    tempeval = load_tempeval()
    if tempeval is None:
        pytest.skip("no ../shared/data/timex-dev")
    splits = load_gold(tempeval)  # asserts text[start:end] == mention text
    assert set(splits) == {"dev", "held_out"}
    names = [d["name"] for docs in splits.values() for d in docs]
    assert len(names) == len(set(names))  # no document in both splits
    for docs in splits.values():
        for doc in docs:
            spans = sorted((g["start"], g["end"]) for g in doc["mentions"])
            assert all(a[1] <= b[0] for a, b in pairwise(spans)), doc["name"]
            assert {g["label"] for g in doc["mentions"]} <= set(ENTITY_LABELS)
