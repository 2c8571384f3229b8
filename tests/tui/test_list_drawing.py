"""The library list keeps the rows it has drawn and draws them again when the cursor moves."""

from __future__ import annotations

from textual.geometry import Region, Size
from tui_support import SIZE, library, queue_list

from hiptui.tui.widgets.move_lists import LibraryList


def drawn(rows: LibraryList) -> list[list[tuple[str, object]]]:
    strips = rows.render_lines(Region(0, 0, rows.size.width, rows.size.height))
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


def highlighted(rows: LibraryList) -> list[int]:
    cursor = rows.get_component_rich_style("virtual-list--cursor").bgcolor
    return [
        y for y, segments in enumerate(drawn(rows)) if any(style and style.bgcolor == cursor for _, style in segments)
    ]


async def test_the_highlight_follows_the_cursor_over_rows_drawn_before(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows = library(app)
        assert highlighted(rows) == [0]
        await pilot.press("down", "down")
        assert highlighted(rows) == [2]
        await pilot.press("up")
        assert highlighted(rows) == [1]


async def test_an_empty_list_shows_all_of_its_hint_in_a_narrow_pane(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        rows = queue_list(app)
        lines = ["".join(text for text, _ in line).strip() for line in drawn(rows)]
        shown = [line for line in lines if line]
        assert len(shown) > 1  # the hint is wider than the queue pane at 120 columns
        assert " ".join(shown) == rows.empty_text


async def test_a_list_s_virtual_size_is_its_rows_whatever_its_width(make_app):
    """Rows are cut to the list's width, so a new size alone leaves the virtual size as it was: a
    resize then lays out nothing more (the first one, as the app starts, laid the screen out again)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rows, queue = library(app), queue_list(app)
        assert rows.virtual_size == Size(0, len(rows.items)) and queue.virtual_size == Size(0, 1)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert rows.virtual_size == Size(0, len(rows.items)) and queue.virtual_size == Size(0, 1)
