"""A process writing annotations is killed (SIGKILL) at random moments: afterwards the
library passes `nato-reader check`, and every write that had returned is there, whole."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from nato_reader.core.articles import content_hash, parse_article
from nato_reader.store.library import Library

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")]

RUNS = 5
BODY = " ".join(f"Sentence {i} says that the alliance met in city number {i}." for i in range(300))

# The writer: adds annotations (each with one tag) and edits earlier ones, printing a line
# for each write only after the call has returned, i.e. after the commit.
WRITER = r"""
import random, sys
from nato_reader.store.library import Library
db, seed, article_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
colours = ["yellow", "claim", "evidence", "question"]
with Library(db) as library:
    body = library.articles.get(article_id).body
    mine = []
    for i in range(100000):
        if mine and rng.random() < 0.3:
            target = rng.choice(mine)
            note = f"edited {seed}-{i}"
            library.annotations.update(target, note=note, tags=[f"e{i % 7}", "edited"])
            print(f"U {target} {note}", flush=True)
            continue
        start = rng.randrange(len(body) - 40)
        end = start + rng.randrange(1, 40)
        colour = colours[i % 4]
        a = library.annotations.add(article_id, start, end, colour, note=f"note {seed}-{i}",
                                    tags=[f"t{i % 5}"])
        mine.append(a.id)
        print(f"A {a.id} {start} {end} {colour} note {seed}-{i}", flush=True)
"""


def test_killed_writer_loses_nothing_that_was_committed(tmp_path):
    db = tmp_path / "crash.db"
    with Library(db) as library:
        parsed = parse_article(BODY)
        article_id = library.articles.add(parsed, uri="file:///crash.txt", source="crash.txt",
                                          content_hash=content_hash(parsed))
    rng = random.Random(1234)
    expected: dict[int, dict] = {}
    # The write in progress when the kill came may have committed without being printed:
    # for an edit, its note is then the run's next one.
    unprinted_edits = set()
    total_lines = 0
    for run in range(RUNS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(run), str(article_id)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        first = child.stdout.readline()  # the writer is up and has committed once
        assert first, child.stderr.read()
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(child.pid, signal.SIGKILL)
        rest = child.stdout.read()
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL
        lines = (first + rest).split("\n")[:-1]  # a last line without newline is unfinished
        total_lines += len(lines)
        for line in lines:
            kind, ident, tail = line.split(" ", 2)
            if kind == "A":
                start, end, colour, note = tail.split(" ", 3)
                expected[int(ident)] = {"start": int(start), "end": int(end),
                                        "colour": colour, "note": note}
            else:
                expected[int(ident)]["note"] = tail
        last_step = int(lines[-1].rsplit("-", 1)[1])
        unprinted_edits.add(f"edited {run}-{last_step + 1}")
    assert total_lines >= RUNS

    check = subprocess.run([sys.executable, "-m", "nato_reader", "check", "--db", str(db)],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("ok:")

    with Library(db) as library:
        body = library.articles.get(article_id).body
        stored = {a.id: a for a in library.annotations.all()}
        for ident, want in expected.items():
            a = stored[ident]
            assert (a.start, a.end, a.colour) == (want["start"], want["end"], want["colour"])
            assert a.note == want["note"] or a.note in unprinted_edits
            assert a.exact == body[a.start:a.end]
        # No half-written annotation: every one that exists carries its tags.
        for a in stored.values():
            assert a.tags and a.exact == body[a.start:a.end]
            assert ("edited" in a.tags) == a.note.startswith("edited")
