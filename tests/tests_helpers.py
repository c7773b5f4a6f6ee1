"""Small helpers shared by tests (importable thanks to pythonpath in conftest)."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def read_seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")
