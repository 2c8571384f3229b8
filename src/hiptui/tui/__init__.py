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

    if os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver"):
        # Served in a browser, the app has no terminal: Ctrl+C there is a key. A SIGINT comes only from
        # `hiptui serve`'s own terminal, and the server then asks each app to quit, as it must end.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    pause_for_start_up()  # until the first frame is out
    keep_what_is_built()  # the library and catalogue live as long as the app
    from hiptui.tui.app import HiptuiApp

    app = HiptuiApp(start_routine=start_routine, start_items=start_items)
    try:
        app.run()
    finally:
        app.shut_down()
    return 0
