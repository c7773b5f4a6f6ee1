from datetime import date

from nato_reader.store.importer import ensure_seeded, import_paths


def test_importing_the_seeds_twice_adds_them_once(library, seeds_dir):
    first = import_paths(library, [seeds_dir])
    second = import_paths(library, [seeds_dir])
    assert len(first.added) == 2 and not first.errors
    assert second.added == [] and len(second.unchanged) == 2
    summaries = library.articles.summaries()
    assert len(summaries) == 2
    assert {s.published for s in summaries} == {date(2023, 4, 1), date(2022, 3, 25)}


def test_identical_text_from_another_path_adds_nothing(library, seeds_dir, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(next(seeds_dir.glob("000_*")).read_text())
    import_paths(library, [seeds_dir])
    report = import_paths(library, [copy])
    assert report.added == [] and "same text as article" in report.unchanged[0]
    assert library.articles.count() == 2


def test_a_changed_file_updates_its_article(library, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2023-01-05 NATO met in Brussels. Leaders spoke.")
    (article_id,) = import_paths(library, [path]).article_ids
    library.articles.set_title(article_id, "My own title")
    path.write_text("date 2023-01-05 NATO met in Brussels on Thursday. Leaders spoke.")
    report = import_paths(library, [path])
    assert report.updated == [str(path.resolve())]
    article = library.articles.get(article_id)
    assert "on Thursday" in article.body
    assert article.title == "My own title"  # a title the user edited is kept
    assert library.articles.count() == 1


def test_bad_files_are_named_and_the_rest_imported(library, tmp_path):
    (tmp_path / "good.txt").write_text("A good article about NATO. It has text.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 society in Brussels.".encode("cp1252"))
    report = import_paths(library, [tmp_path, tmp_path / "missing.md"])
    assert len(report.added) == 2
    assert any("empty.txt" in e for e in report.errors)
    assert any("binary.txt" in e for e in report.errors)
    assert any("missing.md" in e for e in report.errors)
    titles = {s.title for s in library.articles.summaries()}
    assert "Café society in Brussels" in titles


def test_seeding_happens_once(library):
    assert len(ensure_seeded(library).added) == 2
    for summary in library.articles.summaries():
        library.articles.delete(summary.id)
    assert ensure_seeded(library) is None
    assert library.articles.count() == 0  # a user who deleted the seeds keeps them deleted


def test_seed_uris_do_not_depend_on_the_install_location(library):
    ensure_seeded(library)
    assert all(s.uri.startswith("nato-reader:seeds/") for s in library.articles.summaries())


def test_import_can_be_cancelled_and_reports_progress(library, seeds_dir):
    seen = []
    report = import_paths(library, [seeds_dir], progress=lambda d, t: seen.append((d, t)),
                          is_cancelled=lambda: len(seen) >= 1)
    assert seen == [(1, 2)]
    assert len(report.added) == 1 and "cancelled" in report.warnings[0]
