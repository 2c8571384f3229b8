"""The Plan dialog (g): it opens on its first field, with that field's label in view, and its plan
goes into the queue."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Input
from tui_support import SIZE, queue_gids, screen_name


async def test_the_plan_opens_on_minutes_with_its_label_in_view_and_fills_the_queue(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert screen_name(app) == "PlanDialog"
        minutes = app.screen.query_one("#plan-minutes", Input)
        assert app.screen.focused is minutes
        assert app.screen.query_one("#plan-choices", VerticalScroll).scroll_y == 0  # "Minutes" is not scrolled away
        await pilot.press("end", "backspace", "backspace", "1", "5")
        assert minutes.value == "15"
        await pilot.click("#use")
        await pilot.pause()
        assert screen_name(app) == "BuilderScreen"
        assert queue_gids(app)
