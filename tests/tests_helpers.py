"""Small helpers shared by tests (importable thanks to pythonpath in conftest)."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def read_seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def run_cli(*args, env=None, check=True):
    """`nato-reader ARGS...` in a subprocess, as a user or a script runs it."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "nato_reader", *map(str, args)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def spans(text: str, *items: tuple[str, str]) -> list[tuple[int, int, str]]:
    """(surface, label) pairs -> raw model spans, each surface taken in reading order."""
    import re

    out, pos = [], 0
    for surface, label in items:
        m = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)").search(text, pos)
        assert m, surface
        out.append((m.start(), m.end(), label))
        pos = m.end()
    return out
