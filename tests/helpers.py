"""Small builders for tests: packs as text, catalogues from them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from hiptui.catalog.catalog import Catalog
from hiptui.packs.loader import load_pack_text
from hiptui.packs.plain import Pack


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def pack_toml(pack_id: str = "demo", moves: str = "", routines: str = "") -> str:
    return f'[pack]\nid = "{pack_id}"\nname = "Demo {pack_id}"\nversion = "1.0"\n{moves}\n{routines}'


def move_toml(move_id: str, dose: str = "hold = 30", **fields: str) -> str:
    name = fields.pop("name", None) or f'"{move_id.replace("-", " ").title()}"'
    extra = "".join(f"{key} = {value}\n" for key, value in fields.items())
    return f'[[moves]]\nid = "{move_id}"\nname = {name}\ncategory = "mobility"\n{dose}\nsteps = ["Do it."]\n{extra}'


def load_pack(text: str) -> Pack:
    result = load_pack_text(text, "test.toml")
    assert result.pack is not None, [str(p) for p in result.problems]
    return result.pack.to_plain()


def catalog_of(*texts: str) -> Catalog:
    return Catalog([load_pack(text) for text in texts])


HISTORY_START = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)


def filled_history(home: Path, sessions: int) -> Path:
    """A history of `sessions` finished sessions, an hour apart before HISTORY_START, each a minute of glutes."""
    from hiptui.data.history import History, history_path

    History(history_path(home)).close()
    db = sqlite3.connect(history_path(home))
    with db:
        for number in range(1, sessions + 1):
            at = (HISTORY_START - dt.timedelta(hours=number)).isoformat()
            db.execute(
                "INSERT INTO sessions (id, started_at, ended_at, planned_seconds, done_seconds, status, routine)"
                " VALUES (?, ?, ?, 100, 60, 'finished', 'mobility/pre-run-warm-up')",
                (number, at, at),
            )
            db.execute(
                "INSERT INTO segments (session_id, position, kind, move_id, move_name, side, set_number,"
                " planned_seconds, done_seconds, outcome, at, targets)"
                " VALUES (?, 0, 'work', 'y/p', 'P', 'left', 1, 60, 60, 'done', ?, 'glutes')",
                (number, at),
            )
    db.close()
    return history_path(home)
