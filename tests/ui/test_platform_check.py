"""Before Qt starts: a missing xcb library becomes an apt-get line, not Qt's abort."""

import pytest

from nato_reader.ui import platform_check


@pytest.fixture
def linux_desktop(monkeypatch):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


def test_missing_xcb_libraries_are_named_as_packages(linux_desktop, monkeypatch):
    def cdll(name):
        if name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
            raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(platform_check.ctypes, "CDLL", cdll)
    message = platform_check.platform_problem()
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in message


def test_all_libraries_present_means_no_problem(linux_desktop, monkeypatch):
    monkeypatch.setattr(platform_check.ctypes, "CDLL", lambda name: None)
    assert platform_check.platform_problem() is None


def test_no_display_is_explained_and_a_screenshot_goes_offscreen(linux_desktop, monkeypatch):
    monkeypatch.delenv("DISPLAY")
    assert "DISPLAY is not set" in platform_check.platform_problem()
    assert platform_check.platform_problem(headless=True) is None
    assert platform_check.os.environ["QT_QPA_PLATFORM"] == "offscreen"
