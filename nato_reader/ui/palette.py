"""Entity colours, after spaCy's displaCy, for light and dark themes, and the
application palettes for the light/dark override.

In the light theme the displaCy pastels are used as they are (dark text stays legible on
them). In the dark theme the same hues are mixed into the dark page colour, so a
highlight reads as a tint behind light text rather than a glare.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# displaCy's default entity colours (spacy/displacy/render.py), except NORP: displaCy's
# #c887fb is hard to tell from PERSON's #aa9cfc once tinted, so groups get a rose.
DISPLACY = {
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561",
    "NORP": "#f2a7d0", "FAC": "#9cc9cc", "EVENT": "#ffeb80", "PRODUCT": "#bfeeb7",
    "LAW": "#ff8197", "LANGUAGE": "#ff8197", "WORK_OF_ART": "#f0d0ff",
    "DATE": "#bfe1d9", "TIME": "#bfe1d9", "MONEY": "#e4e7d2", "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2", "CARDINAL": "#e4e7d2", "PERCENT": "#e4e7d2",
}
FALLBACK = "#ddd"
# The temporal expressions (analysis.timexes, every TIMEX3 type) are highlighted as one
# more type under this label; the entity labels never include it (see core.entity_rules).
DATES = "DATE"

LABEL_NAMES = {
    "PERSON": "People", "ORG": "Organisations", "GPE": "Countries, cities",
    "LOC": "Places", "NORP": "Groups, nationalities", "FAC": "Buildings, facilities",
    "EVENT": "Events", "PRODUCT": "Products", "LAW": "Laws", "LANGUAGE": "Languages",
    "WORK_OF_ART": "Works", "DATE": "Dates", "TIME": "Times", "MONEY": "Money",
    "QUANTITY": "Quantities", "ORDINAL": "Ordinals", "CARDINAL": "Numbers",
    "PERCENT": "Percentages",
}
# The order a reader scans in: who, which organisation, where, then the rest.
LABEL_ORDER = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT",
               "WORK_OF_ART", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT",
               "ORDINAL", "CARDINAL"]

DARK_PAGE = QColor("#1f2124")


def label_name(label: str) -> str:
    return LABEL_NAMES.get(label, label.replace("_", " ").title())


def label_sort_key(label: str) -> tuple[int, str]:
    return (LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER), label)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """a*(1-t) + b*t, channel by channel."""
    return QColor(round(a.red() * (1 - t) + b.red() * t),
                  round(a.green() * (1 - t) + b.green() * t),
                  round(a.blue() * (1 - t) + b.blue() * t))


def base_colour(label: str) -> QColor:
    return QColor(DISPLACY.get(label, FALLBACK))


def entity_background(label: str, dark: bool, strong: bool = False) -> QColor:
    """The tint behind a mention; `strong` for the mentions of the selected entity."""
    colour = base_colour(label)
    if dark:
        return _mix(DARK_PAGE, colour, 0.62 if strong else 0.30)
    # displaCy's DATE is the palest of its colours: a deeper tint, so a date still reads
    # as marked on the white page.
    return colour if strong else _mix(QColor("#ffffff"), colour, 0.8 if label == DATES else 0.5)


def entity_underline(label: str, dark: bool) -> QColor:
    """A deeper shade for the underline, visible even under an annotation's colour."""
    colour = base_colour(label)
    return colour.lighter(115) if dark else colour.darker(150)


def annotation_background(hex_colour: str, dark: bool) -> QColor:
    colour = QColor(hex_colour)
    return _mix(DARK_PAGE, colour, 0.55) if dark else colour


def light_palette() -> QPalette:
    roles = {
        QPalette.ColorRole.Window: "#efeff0", QPalette.ColorRole.WindowText: "#1d1d1f",
        QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f5f5f6",
        QPalette.ColorRole.Text: "#1d1d1f", QPalette.ColorRole.Button: "#f4f4f5",
        QPalette.ColorRole.ButtonText: "#1d1d1f", QPalette.ColorRole.Highlight: "#2f6fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffe8",
        QPalette.ColorRole.ToolTipText: "#1d1d1f", QPalette.ColorRole.PlaceholderText: "#80808a",
        QPalette.ColorRole.Link: "#1f5fbf", QPalette.ColorRole.Mid: "#c6c6cb",
        QPalette.ColorRole.Midlight: "#e2e2e5", QPalette.ColorRole.Dark: "#a0a0a6",
        QPalette.ColorRole.Light: "#ffffff", QPalette.ColorRole.BrightText: "#ffffff",
    }
    return _palette(roles, disabled_text="#9a9aa0")


def dark_palette() -> QPalette:
    roles = {
        QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e6e8",
        QPalette.ColorRole.Base: DARK_PAGE.name(), QPalette.ColorRole.AlternateBase: "#26282c",
        QPalette.ColorRole.Text: "#e4e4e6", QPalette.ColorRole.Button: "#34363b",
        QPalette.ColorRole.ButtonText: "#e6e6e8", QPalette.ColorRole.Highlight: "#4a86e8",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#34363b",
        QPalette.ColorRole.ToolTipText: "#e6e6e8", QPalette.ColorRole.PlaceholderText: "#8a8a92",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#45474d",
        QPalette.ColorRole.Midlight: "#3a3c41", QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Light: "#4a4c52", QPalette.ColorRole.BrightText: "#ffffff",
    }
    return _palette(roles, disabled_text="#6e6e75")


def _palette(roles: dict, disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def apply_theme(theme: str) -> bool:
    """Apply "light", "dark" or "system" to the application; returns True when dark.

    Explicit palettes rather than the style's own, so the override looks the same on
    every platform (and offscreen, where there is no system scheme: light).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    hints = app.styleHints()
    if theme == "system":
        dark = (hasattr(hints, "colorScheme")
                and hints.colorScheme() == Qt.ColorScheme.Dark)
    else:
        dark = theme == "dark"
    app.setPalette(dark_palette() if dark else light_palette())
    return dark
