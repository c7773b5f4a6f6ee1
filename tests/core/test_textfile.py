import pytest

from nato_reader.core import textfile
from nato_reader.core.textfile import decode_text, iter_article_files, read_article_file
from nato_reader.errors import ArticleFileError


def test_utf8_cp1252_and_utf16_are_decoded(tmp_path):
    text = "Zelenskyy’s “plan” – café"
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1252")) == text
    assert decode_text(text.encode("utf-16")) == text


def test_binary_is_rejected_with_the_file_name(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(ArticleFileError, match=r"image\.txt"):
        read_article_file(path)


def test_undecodable_bytes_are_rejected(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"text with \x81\x8d\x8f bytes that no fallback decodes")
    with pytest.raises(ArticleFileError, match="encoding"):
        read_article_file(path)


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("  \n")
    with pytest.raises(ArticleFileError, match="empty"):
        read_article_file(path)


def test_too_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(textfile.Path, "read_bytes", lambda self: pytest.fail("read a huge file"))
    with pytest.raises(ArticleFileError, match=r"too large .*52\.4 MB"):
        read_article_file(path)


def test_folders_are_expanded_and_missing_paths_reported(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("z")
    files, errors = iter_article_files([tmp_path, tmp_path / "nope.txt"])
    assert [f.name for f in files] == ["a.txt", "b.md"]
    assert errors == [f"{tmp_path / 'nope.txt'}: no such file or folder"]
