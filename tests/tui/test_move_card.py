"""The move card: why, feel, and the easier and harder versions by name, all as plain text."""

from __future__ import annotations

from rich.console import Console

from hiptui.catalog.catalog import Catalog
from hiptui.packs.loader import load_pack_text
from hiptui.tui.widgets.move_detail import move_details

PACK = """
[pack]
id = "demo"
name = "Demo"
version = "1"

[[moves]]
id = "bridge"
name = "Bridge"
category = "mobility"
reps = 10
steps = ["Lift the hips."]
why = "[bold]Strong[/bold] glutes for the push-off."
feel = "The buttocks [/ not the low back."
easier = ["hold"]
harder = ["single-leg", "gone"]

[[moves]]
id = "hold"
name = "Bridge [red]Hold"
category = "mobility"
hold = 20
steps = ["Hold the hips up."]

[[moves]]
id = "single-leg"
name = "Single-Leg Bridge"
category = "mobility"
reps = 8
steps = ["Lift on one leg."]
"""


def card_text(catalog: Catalog | None) -> str:
    result = load_pack_text(PACK, "demo.toml")
    assert result.pack is not None
    entry = (catalog or Catalog([result.pack])).moves["demo/bridge"]
    console = Console(width=100, record=True, color_system=None)
    console.print(move_details(entry, catalog))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def test_the_card_shows_why_feel_and_the_progressions_it_can_resolve_as_written() -> None:
    result = load_pack_text(PACK, "demo.toml")
    assert result.pack is not None
    text = card_text(Catalog([result.pack]))

    assert "Why       [bold]Strong[/bold] glutes for the push-off." in text
    assert "Feel it   The buttocks [/ not the low back." in text
    assert "Easier    Bridge [red]Hold" in text
    assert "Harder    Single-Leg Bridge\n" in text
    assert "gone" not in text and "Position  -\n" in text


def test_without_the_catalogue_the_card_leaves_the_progressions_out() -> None:
    text = card_text(None)

    assert "Why" in text and "Easier" not in text and "Harder" not in text
