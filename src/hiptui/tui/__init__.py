"""The full-screen app. Imported only when the app opens, so the command line stays fast."""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hiptui.catalog.catalog import QueueItem


def run_app(start_routine: str | None = None, start_items: list[QueueItem] | None = None) -> int:
    """Open the app; with a routine or a list of queue items, open it straight on the timer."""
    from hiptui.base.gc_pause import keep_what_is_built, pause_for_start_up

    _ignore_interrupts_if_served()  # Textual's web driver handles them while the app runs
    pause_for_start_up()  # until the first frame is out
    keep_what_is_built()  # the library and catalogue live as long as the app
    from hiptui.tui.app import HiptuiApp

    app = HiptuiApp(start_routine=start_routine, start_items=start_items)
    try:
        app.run()
    finally:
        _ignore_interrupts_if_served()  # its loop, closed, put back Python's handler
        app.shut_down()
    return 0


def _ignore_interrupts_if_served() -> None:
    """Served in a browser, the app has no terminal of its own: a Ctrl+C in `hiptui serve`'s terminal
    reaches it too, and the server asks it to quit then as well. Outside the web driver's handling,
    such a SIGINT must not break the recording of the session or the interpreter's exit."""
    if os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
