"""`hiptui --where`: the data folder and what is in it, without importing what writes those files."""

from __future__ import annotations

from hiptui.base.paths import HOME_ENV, data_home
from hiptui.base.text import clean_text

CONTENTS = (
    ("packs/", "your own pack files (*.toml)"),
    ("routines/", "your saved routines"),
    ("queue.toml", "the queue, saved as you change it"),
    ("settings.toml", "settings, with the [keys] table"),
    ("history.sqlite3", "the sessions you did"),
    ("cache/", "the pack cache (safe to delete)"),
)
"""The names the data layer uses (tests/test_where.py checks they agree), so this needs none of it."""


def print_where() -> int:
    home = data_home()
    print(clean_text(str(home)))
    width = max(len(name) for name, _ in CONTENTS)
    for name, meaning in CONTENTS:
        state = "" if (home / name).exists() else "  (not yet made)"
        print(f"  {name.ljust(width)}  {meaning}{state}")
    print(f"  set {HOME_ENV} to use another folder")
    return 0
