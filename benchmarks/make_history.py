"""Write a long history: N sessions of about ten segments each, one or two a day back from today.

    python benchmarks/make_history.py --sessions 100000 --home /tmp/hiptui-bench/home
    HIPTUI_HOME=/tmp/hiptui-bench/home /usr/bin/time -v hiptui history > /dev/null

The file is made through hiptui's own History (so the schema is the current one) and filled in one
transaction. Deterministic for a given --seed; --bad N adds N hostile rows (a start of 'yesterday',
text in done_seconds, an unknown status) that every reader must skip.

Figures at 100,000 sessions (1,000,000 segments, 128 MiB, 2 shared cores), before and after issue 16:
`hiptui history` 15 s and 460 MB, now 4.0 s and 21 MB (`--json` 5.2 s, 21 MB, the same bytes as
before); the History screen froze the app for 51 s, now mounts in 0.1 s with a loading state, the
event loop never waits more than 30 ms, and the figures and first 200 rows arrive in 2.2 s (most of
it the streak, which this generator makes 58,000 days long); a page further down takes 70 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from hiptui.data.history import History, history_path

MOVES = [
    ("mobility/leg-swings", "Leg Swings", ("hip-flexors", "hamstrings")),
    ("yoga/pigeon", "Pigeon", ("glutes", "piriformis")),
    ("yoga/butterfly", "Butterfly", ("adductors",)),
    ("foam-rolling/it-band", "IT Band Roll", ("it-band",)),
    ("banded-strength/clamshells", "Clamshells", ("glute-medius",)),
    ("mobility/90-90", "90/90 Switches", ("hip-rotators", "glutes")),
]


def fill(home: Path, sessions: int, bad: int, seed: int) -> Path:
    rng = random.Random(seed)
    path = history_path(home)
    home.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    History(path).close()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    session_rows, segment_rows = [], []
    for number in range(1, sessions + 1):
        started = now - dt.timedelta(hours=number * 14 + rng.randint(0, 6))
        done = 0.0
        for position in range(10):
            move_id, name, targets = MOVES[rng.randrange(len(MOVES))]
            side = ("left", "right", None)[position % 3]
            seconds = rng.choice((30, 45, 60))
            outcome = "skipped" if rng.random() < 0.1 else "done"
            worked = 0.0 if outcome == "skipped" else float(seconds)
            done += worked
            at = (started + dt.timedelta(minutes=position)).isoformat()
            segment_rows.append(
                (number, position, "work", move_id, name, side, 1, seconds, worked, outcome, at, ",".join(targets))
            )
        status = "finished" if rng.random() < 0.8 else "stopped"
        ended = (started + dt.timedelta(minutes=12)).isoformat()
        session_rows.append((number, started.isoformat(), ended, 600, done, status, "mobility/pre-run-warm-up"))
    for number in range(sessions + 1, sessions + 1 + bad):
        session_rows.append((number, ("yesterday", "", "2026-13-45")[number % 3], None, 600, "lots", "?", None))
    import sqlite3

    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "INSERT INTO sessions (id, started_at, ended_at, planned_seconds, done_seconds, status, routine)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        db.executemany(
            "INSERT INTO segments (session_id, position, kind, move_id, move_name, side, set_number,"
            " planned_seconds, done_seconds, outcome, at, targets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            segment_rows,
        )
    db.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--bad", type=int, default=0, help="hostile rows to add")
    parser.add_argument("--home", type=Path, required=True, help="the HIPTUI_HOME to write history.sqlite3 into")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    path = fill(args.home, args.sessions, args.bad, args.seed)
    print(f"{path}: {args.sessions:,} sessions, {path.stat().st_size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
