"""The app opens with the cycle collector paused (`hiptui` does it before importing Textual) and
turns it back on once the builder's first frame is out."""

from __future__ import annotations

import gc

from hiptui.base.gc_pause import pause_for_start_up


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
