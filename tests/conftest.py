"""Shared fixtures. Every test gets its own data and settings folders, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nato_reader.store.library import Library

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Point the default library, QSettings and XDG folders at a temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("NATO_READER_DB", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return home


@pytest.fixture
def library(tmp_path) -> Library:
    """An empty library (no seeds) in a temporary file."""
    lib = Library(tmp_path / "library.db")
    yield lib
    lib.close()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
