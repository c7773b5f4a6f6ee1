"""Before Qt starts: can its platform plugin load here? Qt's own failure is an abort
with a cryptic message, so on Linux we look for the xcb libraries first and say which
Debian/Ubuntu packages to install."""

from __future__ import annotations

import ctypes
import os
import sys

# Shared library -> the Debian/Ubuntu package that provides it (Qt 6's xcb plugin).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def missing_xcb_packages() -> list[str]:
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def platform_problem(headless: bool = False) -> str | None:
    """None when Qt can start; else a message saying what to do.

    With `headless` (a screenshot run) and no display, Qt's offscreen platform is used.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform in ("offscreen", "minimal") or platform.startswith("wayland"):
        return None
    if not os.environ.get("DISPLAY"):
        if headless:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            return None
        if os.environ.get("WAYLAND_DISPLAY"):
            return None
        return ("no display to open a window on (DISPLAY is not set). Run it from a desktop "
                "session, or use --screenshot FILE.png, which works without one.")
    missing = missing_xcb_packages()
    if missing:
        return ("Qt cannot open a window: system libraries are missing. Install them with:\n"
                f"    sudo apt-get install {' '.join(missing)}")
    return None
