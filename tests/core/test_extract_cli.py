"""`nato-reader extract`: the public JSON contract of ARCHITECTURE.md, run in-process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nato_reader.cli import main
from nato_reader.core import nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def pipeline():
    return nlp.get_nlp()


@pytest.fixture
def files(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("date 2022-03-25 NATO leaders met in Brussels on Thursday.\n\n"
                 "Stoltenberg said the Alliance would act.", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("# Talks in Oslo\n\nNorwegian officials met in October 2022.", encoding="utf-8")
    return a, b


def run(capsys, *argv):
    code = main(["extract", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lines_one_object_per_file_in_order(pipeline, capsys, files):
    a, b = files
    code, out, err = run(capsys, a, b, "--json")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = map(json.loads, lines)
    assert set(first) == {"title", "published", "text", "entities", "timeline"}
    assert first["published"] == "2022-03-25"
    assert first["text"].startswith("NATO leaders met")  # the date token is not body text
    assert second["title"] == "Talks in Oslo" and second["published"] is None
    for obj in (first, second):
        for e in obj["entities"]:
            assert set(e) == {"start", "end", "text", "label", "canonical"}
            assert obj["text"][e["start"]:e["end"]] == e["text"]
        for t in obj["timeline"]:
            assert set(t) == {"start", "end", "text", "type", "value", "sentence"}
            assert obj["text"][t["start"]:t["end"]] == t["text"]
            assert t["sentence"]["start"] <= t["start"] < t["end"] <= t["sentence"]["end"]
    ents = {(e["text"], e["label"], e["canonical"]) for e in first["entities"]}
    assert ("Stoltenberg", "PERSON", "Jens Stoltenberg") in ents
    assert ("Alliance", "ORG", "NATO") in ents
    thursday = [t for t in first["timeline"] if t["text"] == "Thursday"]
    assert thursday[0]["value"] == "2022-03-24" and thursday[0]["type"] == "DATE"
    assert [t["value"] for t in second["timeline"]] == ["2022-10"]


def test_date_option_overrides_the_file(pipeline, capsys, files):
    a, _ = files
    code, out, _ = run(capsys, a, "--date", "2022-04-08", "--json")
    obj = json.loads(out)
    assert code == 0 and obj["published"] == "2022-04-08"
    assert [t["value"] for t in obj["timeline"] if t["text"] == "Thursday"] == ["2022-04-07"]


@pytest.mark.parametrize("bad", ["2023-02-30", "yesterday", "2023/01/01"])
def test_wrong_date_is_one_clear_line(capsys, files, bad):
    code, out, err = run(capsys, files[0], "--date", bad, "--json")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "--date" in err and bad in err


def test_unreadable_file_is_reported_and_the_others_still_run(pipeline, capsys, files, tmp_path):
    a, b = files
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01" * 100)
    code, out, err = run(capsys, a, missing, binary, b, "--json")
    assert code != 0
    assert [json.loads(line)["title"] for line in out.splitlines()][1] == "Talks in Oslo"
    assert len(out.splitlines()) == 2
    assert "missing.txt" in err and "image.txt" in err


def test_summary_without_json(pipeline, capsys, files):
    code, out, _ = run(capsys, files[0])
    assert code == 0
    assert "published: 2022-03-25" in out
    assert "PERSON" in out and "Jens Stoltenberg" in out and "2022-03-24" in out


def test_command_line_entry_point(files):
    """The installed console entry: a real process, output valid JSON Lines in UTF-8."""
    out = subprocess.run([sys.executable, "-m", "nato_reader", "extract", str(files[1]),
                          "--json"], capture_output=True, check=True)
    obj = json.loads(out.stdout.decode("utf-8"))
    assert obj["title"] == "Talks in Oslo"
