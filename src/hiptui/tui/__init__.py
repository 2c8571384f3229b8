"""The full-screen app. Imported only when the app opens, so the command line stays fast."""

from __future__ import annotations


def run_app(start_routine: str | None = None) -> int:
    from hiptui.tui.app import HiptuiApp

    HiptuiApp(start_routine=start_routine).run()
    return 0
