"""Helpers shared by the app's Pilot tests."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from hiptui.catalog.catalog import QueueItem
from hiptui.packs.plain import Dose
from hiptui.tui.app import HiptuiApp
from hiptui.tui.widgets.drag import DragManager
from hiptui.tui.widgets.move_lists import LibraryList, QueueList
from tests.helpers import FakeClock  # noqa: E402,F401  (re-exported for the tui tests)

SIZE = (120, 40)


def screen_text(app: App) -> str:
    """What the terminal shows right now, as plain text (a dialog together with what is behind it)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, force_terminal=True, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def widget_text(app: App, selector: str) -> str:
    """The words shown inside one widget of the active screen (borders dropped, wrapped lines joined)."""
    region = app.screen.query_one(selector).content_region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return " ".join(" ".join(line[region.x : region.right].split()) for line in lines).strip()


def library(app: HiptuiApp) -> LibraryList:
    return app.builder.query_one(LibraryList)


def queue_list(app: HiptuiApp) -> QueueList:
    return app.builder.query_one(QueueList)


def search_box(app: HiptuiApp) -> Input:
    return app.builder.query_one("#search", Input)


def drag_ghost(app: HiptuiApp) -> DragManager:
    return app.builder.query_one(DragManager)


def focused_pane(app: HiptuiApp) -> str | None:
    node = app.focused
    while node is not None and not node.has_class("pane"):
        node = node.parent
    return node.id if node is not None else None


def queue_gids(app: HiptuiApp) -> list[str]:
    return [item.move.gid for item in app.builder.queue]


def queue_moves(app: HiptuiApp, *gids: str) -> None:
    app.builder.add_moves([app.builder.catalog.moves[gid] for gid in gids])


def item(app: HiptuiApp, gid: str, **dose: object) -> QueueItem:
    """A queue item for the move `gid`, at the dose given (or the pack's own dose)."""
    move = app.builder.catalog.moves[gid]
    return QueueItem(move, Dose(**dose) if dose else move.dose)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


async def add_by_search(pilot: Pilot, *queries: str) -> None:
    """Queue the top search match of each query, leaving the search box after each."""
    for query in queries:
        await pilot.press("slash")
        await type_text(pilot, query)
        await pilot.press("enter", "escape")


def screen_name(app: App) -> str:
    """The class name of the active screen (screens move between modules; their names stay)."""
    return type(app.screen).__name__
