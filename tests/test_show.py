"""`hiptui show MOVE`: the card as plain text, found by global or unique bare id."""

from __future__ import annotations

import json
from pathlib import Path

from hiptui.catalog.card import card_of
from hiptui.cli.show import card_text
from tests.helpers import catalog_of, move_toml, pack_toml
from tests.test_cli import hiptui


def test_show_by_global_and_bare_id(hiptui_home: Path) -> None:
    by_gid = hiptui("show", "yoga/pigeon", home=hiptui_home)
    by_id = hiptui("show", "pigeon", home=hiptui_home)
    assert by_gid.returncode == 0 and by_gid.stdout == by_id.stdout
    lines = by_gid.stdout.splitlines()
    assert lines[0] == "Pigeon" and "Steps" in lines and "Cautions" in lines
    assert any(line.startswith(" 1. Start on hands and knees") for line in lines)


def test_unknown_and_ambiguous_moves_say_what_to_do(hiptui_home: Path) -> None:
    (hiptui_home / "packs").mkdir()
    (hiptui_home / "packs" / "mine.toml").write_text(pack_toml("mine", move_toml("pigeon")))
    several = hiptui("show", "pigeon", home=hiptui_home)
    assert several.returncode == 1
    assert several.stderr.strip() == "hiptui: 'pigeon' names several moves: mine/pigeon, yoga/pigeon; give one of them"
    typo = hiptui("show", "yoga/pigen", home=hiptui_home)
    assert typo.returncode == 1 and "did you mean 'yoga/pigeon'?" in typo.stderr
    hostile = hiptui("show", "\x1b]0;owned\x07x", home=hiptui_home)
    assert hostile.returncode == 1 and "\x1b" not in hostile.stderr and "Traceback" not in hostile.stderr


def test_card_text_wraps_under_its_labels_and_cleans_pack_text() -> None:
    moves = move_toml("m", cautions='["Careful \\u001b[31mnow, this line is long enough to wrap around"]')
    entry = catalog_of(pack_toml("p", moves)).get("p/m")
    assert entry is not None
    lines = card_text(card_of(entry), 40)
    assert all(len(line) <= 40 for line in lines) and "\x1b" not in "".join(lines)
    start = lines.index("Cautions") + 1
    assert lines[start].startswith(" ! Careful") and lines[start + 1].startswith("   ")


def test_show_draws_the_figure_and_moves_json_says_which_have_one(hiptui_home: Path) -> None:
    (hiptui_home / "packs").mkdir()
    (hiptui_home / "packs" / "plain.toml").write_text(pack_toml("plain", move_toml("no-figure")))
    braille = range(0x2801, 0x2900)
    drawn = hiptui("show", "mobility/couch-stretch", home=hiptui_home).stdout
    plain = hiptui("show", "plain/no-figure", home=hiptui_home).stdout
    assert any(ord(char) in braille for char in drawn) and not any(ord(char) in braille for char in plain)
    rows = {row["id"]: row["figure"] for row in json.loads(hiptui("moves", "--json", home=hiptui_home).stdout)}
    assert rows["mobility/couch-stretch"] is True and rows["plain/no-figure"] is False
