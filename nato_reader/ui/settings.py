"""Window state and preferences in QSettings, behind one small class.

The user's data never goes here (it lives in SQLite). Tests construct `Settings` with a
QSettings object on a file in a temporary folder, never the user's real settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "nato-reader"
APPLICATION = "NATO Reader"
THEMES = ("system", "light", "dark")


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)

    # -- window ----------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self.q.setValue("window/state", value)

    # -- preferences -----------------------------------------------------------------------

    def theme(self) -> str:
        value = str(self.q.value("view/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.q.setValue("view/theme", theme if theme in THEMES else "system")

    def hidden_types(self) -> set[str]:
        value = self.q.value("view/hidden_types", "")
        items = value if isinstance(value, list) else str(value or "").split(",")
        return {item for item in items if item}

    def set_hidden_types(self, labels: set[str]) -> None:
        self.q.setValue("view/hidden_types", ",".join(sorted(labels)))

    def entities_visible(self) -> bool:
        return str(self.q.value("view/entities_visible", "true")).lower() == "true"

    def set_entities_visible(self, on: bool) -> None:
        self.q.setValue("view/entities_visible", "true" if on else "false")

    def point_size(self) -> float:
        try:
            return float(self.q.value("view/point_size", 13.0))
        except (TypeError, ValueError):
            return 13.0

    def set_point_size(self, size: float) -> None:
        self.q.setValue("view/point_size", float(size))

    def timeline_library_mode(self) -> bool:
        return str(self.q.value("view/timeline_library", "false")).lower() == "true"

    def set_timeline_library_mode(self, on: bool) -> None:
        self.q.setValue("view/timeline_library", "true" if on else "false")

    def last_highlight_colour(self) -> str | None:
        """The colour name Ctrl+H last used; the caller checks it is still in the palette
        (colours live in the library, and the user may have removed it since)."""
        value = self.q.value("annotations/last_colour")
        return str(value) if value else None

    def set_last_highlight_colour(self, name: str) -> None:
        self.q.setValue("annotations/last_colour", str(name))

    def last_article(self, library_path: str) -> int | None:
        """Per library file: ids mean nothing in another library."""
        value = self.q.value(f"last_article/{_key(library_path)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, library_path: str, article_id: int) -> None:
        self.q.setValue(f"last_article/{_key(library_path)}", int(article_id))

    def sync(self) -> None:
        self.q.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _key(path: str) -> str:
    """A QSettings-safe key for a file path."""
    import hashlib

    return hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:16]
