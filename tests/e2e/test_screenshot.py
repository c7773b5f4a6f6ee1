"""`nato-reader --db D --screenshot out.png` renders the window and exits."""

from __future__ import annotations

import os
import struct
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_screenshot_writes_a_png_of_the_window(tmp_path):
    out = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "nato_reader", "--db", str(tmp_path / "lib.db"),
         "--screenshot", str(out)],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert out.exists(), result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) >= (1200, 800)
    assert len(data) > 50_000  # a window with text, not a blank frame
    try:
        import nato_reader.core.analysis  # noqa: F401
    except ImportError:
        assert result.returncode == 1 and "analysis" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        # the analysis was cached, so a second run starts from it
        again = subprocess.run(
            [sys.executable, "-m", "nato_reader", "--db", str(tmp_path / "lib.db"),
             "--open", "1", "--screenshot", str(tmp_path / "again.png")],
            env=env, capture_output=True, text=True, timeout=300,
        )
        assert again.returncode == 0, again.stderr


@pytest.mark.slow
def test_screenshot_of_a_missing_article_fails_clearly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-m", "nato_reader", "--db", str(tmp_path / "lib.db"),
         "--open", "999", "--screenshot", str(tmp_path / "x.png")],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert "999" in result.stderr
    assert "Traceback" not in result.stderr
