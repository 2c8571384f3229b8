"""The hiptui application: a thin layer that wires the core to its screens."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from hiptui.catalog import Catalog
from hiptui.library import Library, load_library
from hiptui.settings import Settings, load_settings, save_settings
from hiptui.timeline import QueueItem, build_timeline
from hiptui.tui.commands import QueueCommands
from hiptui.tui.screens.builder import BuilderScreen
from hiptui.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH


class HiptuiApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "hiptui"
    SUB_TITLE = "hip care for runners"
    COMMANDS = App.COMMANDS | {QueueCommands}
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, library: Library | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self.library = library
        loaded = load_settings()
        self.settings: Settings = loaded.settings
        self.muted = not self.settings.bell
        self.builder = BuilderScreen()
        self._notices = [loaded.notice] if loaded.notice else []

    async def on_mount(self) -> None:
        await self.push_screen(self.builder)
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        if self.library is not None:
            self._library_loaded(self.library)
        else:
            self._load_library()

    @work(thread=True, exclusive=True, group="packs")
    def _load_library(self, previous: Library | None = None) -> None:
        library = load_library(previous=previous)
        self.call_from_thread(self._library_loaded, library, previous is not None)

    def reload_packs(self) -> None:
        """Load every pack again (picking up changed files), keeping the queue."""
        self.notify("Reloading packs…", timeout=1.5)
        self._load_library(self.library)

    def _library_loaded(self, library: Library, reloaded: bool = False) -> None:
        self.library = library
        self.rebuild_catalog()
        if reloaded:
            from hiptui.tui.screens.packs import PacksScreen

            if isinstance(self.screen, PacksScreen):
                self.screen.refresh_table()
            self.notify(f"Reloaded {len(library.packs)} packs", timeout=2)
        broken = [record for record in library.records if record.error]
        if broken:
            lines = "\n".join(record.error or "" for record in broken[:3])
            more = f"\n…and {len(broken) - 3} more" if len(broken) > 3 else ""
            title = f"{len(broken)} pack{'s' if len(broken) != 1 else ''} could not load"
            self.notify(lines + more, title=title, severity="warning", timeout=12, markup=False)

    # -- services for the screens --------------------------------------------------------------

    def rebuild_catalog(self) -> None:
        if self.library is not None:
            self.builder.set_catalog(Catalog(self.library.enabled_packs(self.settings.disabled_packs)))

    def toggle_pack(self, pack_id: str) -> bool:
        """Enable or disable a pack; returns whether it is now enabled."""
        disabled = set(self.settings.disabled_packs) ^ {pack_id}
        self.settings = self.settings.model_copy(update={"disabled_packs": sorted(disabled)})
        self.save_settings()
        self.rebuild_catalog()
        return pack_id not in disabled

    def save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Cannot save settings: {error.strerror or error}", severity="error", markup=False)

    def action_show_packs(self) -> None:
        from hiptui.tui.screens.packs import PacksScreen

        self.push_screen(PacksScreen())

    def timeline_settings(self) -> dict[str, int]:
        return {"ready_seconds": self.settings.ready_seconds, "switch_seconds": self.settings.switch_seconds}

    def queue_changed(self) -> None:
        """Called after every change to the queue."""

    def start_session(self, items: Iterable[QueueItem]) -> None:
        from hiptui.tui.screens.timer import TimerScreen

        timeline = build_timeline(list(items), **self.timeline_settings())
        if timeline.segments:
            self.push_screen(TimerScreen(timeline))

    def ring(self) -> None:
        if not self.muted:
            self.bell()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if screen is self.builder:
            builder = self.builder
            yield SystemCommand("Add move…", "Search the library and add a move", builder.action_focus_search)
            yield SystemCommand("Load routine…", "Add a pack routine to the queue", builder.action_routines)
            yield SystemCommand("Start session", "Run the queue on the timer", builder.action_start)
            yield SystemCommand("Clear queue", "Remove every move from the queue", builder.action_clear)
            yield SystemCommand("Filter moves…", "By pack, category, gear, when, position", builder.action_filters)
            yield SystemCommand("Packs", "Every pack: enable, disable, reload", self.action_show_packs)
            yield SystemCommand("Reload packs", "Pick up changed pack files, keeping the queue", self.reload_packs)
            yield SystemCommand("Help", "Every key", builder.action_help)
