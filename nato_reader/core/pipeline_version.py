"""The version that keys cached analyses, computed without importing the analysis.

The window needs it before its first paint to find cached results; importing the rule
modules (and compiling their patterns) would cost more than the rest of start-up. So the
version is a hash of their source files, the gazetteer and the model's name and version:
any edit to them, or another model, invalidates the cache by itself.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from nato_reader.core import nlp
from nato_reader.paths import resource

# Bump by hand when the output format or meaning changes without a code change.
PIPELINE_EPOCH = "1"

_CORE = Path(__file__).resolve().parent
# Every module whose code shapes the output; a glob, so a new rules module counts too.
_VERSION_GLOBS = ("analysis.py", "nlp.py", "gazetteer.py", "entit*.py", "timex*.py")


def compute_pipeline_version() -> str:
    digest = hashlib.sha1()
    sources = sorted({path for glob in _VERSION_GLOBS for path in _CORE.glob(glob)})
    for path in [*sources, resource("gazetteer.json")]:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    digest.update(nlp.model_version().encode())
    digest.update(nlp.DEFAULT_PROFILE.encode())
    return f"{PIPELINE_EPOCH}+{digest.hexdigest()[:10]}"


PIPELINE_VERSION: str = compute_pipeline_version()
