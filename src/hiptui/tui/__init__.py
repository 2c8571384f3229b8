"""The full-screen app. Imported only when the app opens, so the command line stays fast."""

from __future__ import annotations


def run_app(start_routine: str | None = None, start_items: list | None = None) -> int:
    """Open the app; with a routine or a list of queue items, open it straight on the timer."""
    from hiptui.base.gc_pause import keep_what_is_built, pause_for_start_up

    pause_for_start_up()  # until the first frame is out
    keep_what_is_built()  # the library and catalogue live as long as the app
    from hiptui.tui.app import HiptuiApp

    HiptuiApp(start_routine=start_routine, start_items=start_items).run()
    return 0
