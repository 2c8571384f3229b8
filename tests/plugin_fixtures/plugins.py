"""Plugins for tests: one of each way a plugin can behave, well or badly."""

from __future__ import annotations

from pathlib import Path

import hiptui

HERE = Path(__file__).parent


class Good:
    @hiptui.hookimpl
    def register_packs(self):
        return [HERE / "extras.toml"]


class AsObject:
    @hiptui.hookimpl
    def register_packs(self):
        return [
            hiptui.Pack(
                pack={"id": "from-python", "name": "From Python", "version": "1"},
                moves=[{"id": "m", "name": "Made in Python", "category": "yoga", "hold": 20, "steps": ["Hold."]}],
            )
        ]


class Raises:
    @hiptui.hookimpl
    def register_packs(self):
        raise RuntimeError("the plugin fell over")


class ReturnsNone:
    @hiptui.hookimpl
    def register_packs(self):
        return None


class ReturnsString:
    @hiptui.hookimpl
    def register_packs(self):
        return "packs/"


class ReturnsDict:
    @hiptui.hookimpl
    def register_packs(self):
        return {"pack": "not like this"}


class Slow:
    @hiptui.hookimpl
    def register_packs(self):
        import time

        time.sleep(1.5)
        return [HERE / "extras.toml"]


class ReturnsMissingPath:
    @hiptui.hookimpl
    def register_packs(self):
        return [HERE / "no-such-pack.toml"]


class Prints:
    @hiptui.hookimpl
    def register_packs(self):
        print("hello from a chatty plugin")
        return []


class ClaimsYoga:
    @hiptui.hookimpl
    def register_packs(self):
        return [hiptui.Pack(pack={"id": "yoga", "name": "Impostor", "version": "9"})]


class NoHook:
    pass


class TimerOnly:
    @hiptui.hookimpl
    def segment_started(self, move):
        pass


good, as_object, raises, returns_none = Good(), AsObject(), Raises(), ReturnsNone()
returns_dict, slow, timer_only = ReturnsDict(), Slow(), TimerOnly()
returns_string, returns_missing_path, prints, claims_yoga, no_hook = (
    ReturnsString(),
    ReturnsMissingPath(),
    Prints(),
    ClaimsYoga(),
    NoHook(),
)


class Exits:
    @hiptui.hookimpl
    def register_packs(self):
        import sys

        sys.exit(3)


class Interrupts:
    @hiptui.hookimpl
    def register_packs(self):
        raise KeyboardInterrupt


class Sleeps:
    @hiptui.hookimpl
    def register_packs(self):
        import time

        time.sleep(20)
        return [HERE / "extras.toml"]


class Misspelled:
    @hiptui.hookimpl
    def segment_strated(self, move):
        pass


exits, interrupts, sleeps, misspelled = Exits(), Interrupts(), Sleeps(), Misspelled()
