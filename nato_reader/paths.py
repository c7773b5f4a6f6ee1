"""Where bundled data and the user's library live.

`seeds/` and `resources/` sit at the top of the repository and are copied into the
package when it is built, so both an installed copy and a source checkout find them.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "nato-reader"
DB_ENV_VAR = "NATO_READER_DB"


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def resources_dir() -> Path:
    return _bundled("resources")


def resource(name: str) -> Path:
    return resources_dir() / name


def default_db_path() -> Path:
    """The library file: `NATO_READER_DB` if set, else the platform's user data folder."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library.db"
