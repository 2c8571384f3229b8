from __future__ import annotations

from textual.command import CommandPalette

from hiptui.tui.widgets.title_bar import TitleBar


async def test_the_title_line_names_the_app_and_its_icon_opens_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(TitleBar).render().plain
        assert line.startswith(" ⭘ ") and "hiptui — hip care for runners" in line
        await pilot.click(TitleBar, offset=(10, 0))
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
