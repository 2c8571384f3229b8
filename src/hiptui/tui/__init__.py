"""The full-screen app. Imported only when the app opens, so the command line stays fast."""

from __future__ import annotations


def run_app() -> int:
    from hiptui.tui.app import HiptuiApp

    HiptuiApp().run()
    return 0
