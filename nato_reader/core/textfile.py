"""Reading article files from disk: size limits, binary detection, encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from nato_reader.errors import ArticleFileError

MAX_FILE_BYTES = 10 * 1024 * 1024
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})

# utf-8 first; cp1252 is what stray "ANSI" files from Windows usually are. latin-1 would
# decode anything, so it is not tried: an undecodable file is reported, not garbled.
_FALLBACK_ENCODINGS = ("utf-8", "cp1252")


def read_article_file(path: Path) -> str:
    """Return the text of `path`, or raise ArticleFileError naming the file and why."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise ArticleFileError(
            f"{path}: too large for an article ({size / 1e6:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    text = decode_text(data)
    if text is None:
        raise ArticleFileError(
            f"{path}: not a text file, or in an encoding other than UTF-8, UTF-16 or Windows-1252"
        )
    if not text.strip():
        raise ArticleFileError(f"{path}: the file is empty")
    return text


def decode_text(data: bytes) -> str | None:
    """Decode bytes that should be text; None when they look binary or undecodable."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _plausible(data.decode(encoding))
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:8192]:
        return None
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return _plausible(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return None


def _plausible(text: str) -> str | None:
    """Reject decoded text that is mostly control characters (a binary file in disguise)."""
    sample = text[:8192]
    if not sample:
        return text
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return None if controls / len(sample) > 0.05 else text


def iter_article_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into article files; return (files, errors)."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and not hidden:
                    files.append(child)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            errors.append(f"{path}: not a regular file")
        else:
            errors.append(f"{path}: no such file or folder")
    return files, errors
