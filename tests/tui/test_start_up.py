"""The app opens with the cycle collector paused (`hiptui` does it before importing Textual) and
turns it back on once the builder's first frame is out."""

from __future__ import annotations

import gc

from hiptui.base.gc_pause import pause_for_start_up
from hiptui.tui.widgets.drag import DragManager


async def test_the_collector_is_back_on_once_the_first_frame_is_out(make_app):
    pause_for_start_up()
    try:
        assert not gc.isenabled()
        async with make_app().run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what start-up made is left out of later passes
    finally:
        gc.unfreeze()
        gc.enable()


async def test_an_app_started_without_the_pause_leaves_the_collector_alone(make_app):
    frozen = gc.get_freeze_count()
    async with make_app().run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


async def test_the_history_opens_once_the_moves_are_shown_and_says_why_it_is_off(hiptui_home):
    """Nothing the library needs waits for SQLite: the packs' worker opens the history after the frame
    with the moves, and a history that cannot open is told then, as at every start. The drag ghost and
    hiptui's themes come then too."""
    from hiptui.tui.app import HiptuiApp

    (hiptui_home / "history.sqlite3").mkdir()
    app = HiptuiApp(home=hiptui_home)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.library is not None:
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace.history is None
        messages = [notification.message for notification in app._notifications]
        assert any(message.startswith("History is off:") for message in messages), messages
        assert app.builder.query(DragManager) and "high-contrast" in app.available_themes, "once the moves are shown"


async def test_repaints_wait_for_the_packs_but_never_long(hiptui_home, monkeypatch):
    """While the packs load the screen is left as it is (Textual would lay it out again meanwhile),
    until they are in, and never longer than HOLD_REPAINTS: a slow plugin does not freeze the screen."""
    import time

    from hiptui.tui import app as app_module
    from hiptui.workspace import Workspace

    load = Workspace.load_library
    monkeypatch.setattr(Workspace, "load_library", lambda self, **kw: (time.sleep(1.0), load(self, **kw))[1])
    app = app_module.HiptuiApp(home=hiptui_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.05)
        assert app._batch_count == 1 and app.library is None
        await pilot.pause(app_module.HOLD_REPAINTS + 0.1)
        assert app._batch_count == 0 and app.library is None, "released while the packs still load"
        await pilot.press("slash", "p", "i")
        await pilot.pause()
        assert app.builder.query_one("#search").value == "pi"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app._batch_count == 0 and app.library is not None
