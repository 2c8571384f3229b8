"""The hiptui application: a thin layer that wires the core to its screens.

The builder's first frame is painted before any pack, pydantic model or database is touched:
packs load in a worker thread after it, and the modules that need pydantic are imported there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from hiptui.base.gc_pause import start_up_done
from hiptui.base.paths import data_home
from hiptui.data.settings import Settings, load_settings, save_settings

MIN_WIDTH = 60
MIN_HEIGHT = 20

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.widget import AwaitMount, Widget

    from hiptui.catalog.catalog import Catalog, QueueItem, ResolvedRoutine
    from hiptui.catalog.library import Library
    from hiptui.data.history import History
    from hiptui.data.routines import QueueStore, SavedRoutines
    from hiptui.packs.model import Routine
    from hiptui.session.recorder import SessionRecorder
    from hiptui.session.timer import Timer
    from hiptui.tui.screens.builder import BuilderScreen


def _queue_commands() -> type[Provider]:
    from hiptui.tui.commands import QueueCommands

    return QueueCommands


class HiptuiApp(App[None]):
    CSS_PATH = ["app.tcss", "screens/builder.tcss"]
    """The builder's rules are read with the app's: a screen's own CSS_PATH makes Textual parse every
    stylesheet again and restyle every widget when it is first shown, which the first frame can't afford."""
    DIALOGS_CSS_PATH = Path(__file__).parent / "screens" / "dialogs.tcss"
    """Added to the app's rules once the first frame is out: no widget of that frame matches them, and
    every widget of it was matched against them (10 M instructions, about 4 ms)."""
    TITLE = "hiptui"
    SUB_TITLE = "hip care for runners"
    COMMANDS = App.COMMANDS | {_queue_commands}
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        library: Library | None = None,
        clock: Callable[[], float] = time.monotonic,
        start_routine: str | None = None,
        start_items: list[QueueItem] | None = None,
    ) -> None:
        super().__init__()
        self.clock = clock
        self.library = library
        self.start_routine = start_routine
        self.start_items = start_items
        self.home = data_home()
        loaded = load_settings(self.home)
        self.settings: Settings = loaded.settings
        self.muted = not self.settings.bell
        self._builder: BuilderScreen | None = None
        self._keys_before_first_frame: list[events.Key] | None = []
        """Keys typed as the app starts (a terminal hands them over at once): kept, in order, until the
        builder and the dialogs' rules are there, instead of running bindings against an empty screen."""
        self._notices = [loaded.notice] if loaded.notice else []
        self._notices_shown = 0
        self.saved_routines: SavedRoutines | None = None
        self.queue_store: QueueStore | None = None
        self._queue_restored = False
        self._unresolved_queue: list = []
        self._told_save_problem = False
        self.history: History | None = None

    def _open_history(self) -> History | None:
        from hiptui.data.history import History, HistoryUnavailable, history_path

        try:
            history = History(history_path(self.home))
            history.close_interrupted()
        except (HistoryUnavailable, OSError) as error:
            self._notices.append(f"History is off: {error}")
            return None
        if history.notice:
            self._notices.append(history.notice)
        return history

    @property
    def builder(self) -> BuilderScreen:
        if self._builder is None:
            from hiptui.tui.screens.builder import BuilderScreen

            self._builder = BuilderScreen()
        return self._builder

    def get_default_screen(self) -> Screen:
        return self.builder

    def on_mount(self) -> None:
        if self.theme != self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.screen_change_signal.subscribe(self, self._cover_if_too_small)

    def builder_mounted(self) -> None:
        """The builder's widgets exist: show the library given, or load the packs once its first
        frame is on screen (the worker thread would otherwise slow that frame down)."""
        if self.library is not None:
            self._library_loaded(self.library)
        self.builder.call_after_refresh(self._first_frame_out)

    def _first_frame_out(self) -> None:
        """What the first frame does not show: the dialogs' rules, the drag ghost, the keys typed so
        far (handed over in the app's own turn, as keys are), and the packs."""
        start_up_done()
        dialogs = self.DIALOGS_CSS_PATH
        self.stylesheet.add_source(dialogs.read_text(encoding="utf-8"), read_from=(str(dialogs), ""))
        self.builder.add_drag_manager()
        self.call_later(self._hand_over_early_keys)
        if self.library is None:
            self._load_library()

    async def _hand_over_early_keys(self) -> None:
        early, self._keys_before_first_frame = self._keys_before_first_frame or [], None
        for key in early:
            if key.key == "ctrl+j":  # Enter typed before the app took the terminal, which made it a newline
                key = events.Key("enter", "\r")
            await self.on_event(key)

    @work(thread=True, exclusive=True, group="packs")
    def _load_library(self, previous: Library | None = None) -> None:
        from hiptui.catalog.library import load_library

        self._open_stores()
        library = load_library(previous=previous)
        catalog = self._make_catalog(library)
        self.call_from_thread(self._library_loaded, library, previous is not None, catalog)
        catalog.index.warm()  # after the list is shown: a search typed meanwhile ranks for itself
        library.save_cache()

    def _open_stores(self) -> None:
        """The files behind routines, the queue and history: opened off the first frame's path."""
        if self.queue_store is not None and self.saved_routines is not None:
            return
        from hiptui.data.routines import QueueStore, SavedRoutines

        self.saved_routines = SavedRoutines(self.home)
        self.queue_store = QueueStore(self.home)
        self.history = self._open_history()

    def reload_packs(self) -> None:
        """Load every pack again (picking up changed files), keeping the queue."""
        self.notify("Reloading packs…", timeout=1.5)
        self._load_library(self.library)

    def _library_loaded(self, library: Library, reloaded: bool = False, catalog: Catalog | None = None) -> None:
        self._open_stores()
        for notice in self._notices[self._notices_shown :]:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        self._notices_shown = len(self._notices)
        self.library = library
        self.builder.set_catalog(catalog or self._make_catalog(library))
        if not self._queue_restored:
            self._restore_queue()
            self._queue_restored = True
            if self.start_routine:
                self._start_routine(self.start_routine)
            elif self.start_items:
                self.start_session(self.start_items)
        self.builder.packs_ready()
        from hiptui.tui.screens.packs import PacksScreen

        if isinstance(self.screen, PacksScreen):  # opened while the packs were still loading, or reloaded
            self.screen.refresh_table()
        if reloaded:
            self.notify(f"Reloaded {len(library.packs)} packs", timeout=2)
        broken = [record for record in library.records if record.error]
        if broken:
            lines = "\n".join(record.error or "" for record in broken[:3])
            more = f"\n…and {len(broken) - 3} more" if len(broken) > 3 else ""
            title = f"{len(broken)} pack{'s' if len(broken) != 1 else ''} could not load"
            self.notify(lines + more, title=title, severity="warning", timeout=12, markup=False)

    # -- services for the screens --------------------------------------------------------------

    def _make_catalog(self, library: Library) -> Catalog:
        from hiptui.catalog.catalog import Catalog

        return Catalog(library.enabled_packs(self.settings.disabled_packs))

    def rebuild_catalog(self) -> None:
        if self.library is not None:
            self.builder.set_catalog(self._make_catalog(self.library))

    def toggle_pack(self, pack_id: str) -> bool:
        """Enable or disable a pack; returns whether it is now enabled."""
        disabled = set(self.settings.disabled_packs) ^ {pack_id}
        self.settings = self.settings.replace(disabled_packs=sorted(disabled))
        self.save_settings()
        self.rebuild_catalog()
        return pack_id not in disabled

    def save_settings(self) -> None:
        try:
            save_settings(self.settings, self.home)
        except OSError as error:
            self.notify(f"Cannot save settings: {error.strerror or error}", severity="error", markup=False)

    def action_show_packs(self) -> None:
        from hiptui.tui.screens.packs import PacksScreen

        self.push_screen(PacksScreen())

    def timeline_settings(self) -> dict[str, int]:
        return {"ready_seconds": self.settings.ready_seconds, "switch_seconds": self.settings.switch_seconds}

    def queue_changed(self) -> None:
        """Called after every change to the queue: it is saved at once."""
        if not self._queue_restored:
            return
        try:
            self.queue_store.save(self.builder.queue.items, keep=self._unresolved_queue)
        except OSError as error:
            self._tell_save_problem(f"Cannot save the queue: {error.strerror or error}")

    def _tell_save_problem(self, message: str) -> None:
        if not self._told_save_problem:
            self._told_save_problem = True
            self.notify(message + ". The app goes on; what was saved before is kept.", severity="error", markup=False)

    def _restore_queue(self) -> None:
        """The queue as it was; moves of disabled packs stay in it, and moves no pack has are kept in
        the file (and named) so that they come back when their pack does."""
        from hiptui.catalog.catalog import Catalog, QueueItem

        loaded = self.queue_store.load()
        for notice in loaded.notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        off = set(self.settings.disabled_packs)
        disabled = Catalog([p for p in self.library.packs if p.id in off]) if self.library and off else None
        items, self._unresolved_queue = [], []
        for entry in loaded.found:
            found, _ = self.builder.catalog.resolve([entry])
            if not found and disabled is not None:
                found, _ = disabled.resolve([entry])
            if found:
                items.append(QueueItem(found[0].move, found[0].dose))
            else:
                self._unresolved_queue.append(entry)
        if items:
            self.builder.add_moves(items)
        if self._unresolved_queue:
            names = ", ".join(entry.move for entry in self._unresolved_queue)
            self.notify(
                f"Kept aside from the saved queue until their packs are back: {names}",
                severity="warning",
                markup=False,
            )

    def _start_routine(self, ref: str) -> None:
        from hiptui.catalog.catalog import QueueItem

        routine = self.find_routine(ref)
        if routine is None or not routine.items:
            self.notify(f"No routine {ref!r} (see 'hiptui routine list')", severity="error", markup=False)
            return
        self.start_session([QueueItem(i.move, i.dose) for i in routine.items], routine.gid)

    # -- routines ----------------------------------------------------------------------------------

    def all_routines(self) -> list[ResolvedRoutine]:
        from hiptui.catalog.catalog import SAVED

        self._open_stores()
        catalog = self.builder.catalog
        loaded = self.saved_routines.load()
        for notice in loaded.notices:
            self.notify(notice, severity="warning", markup=False)
        return [*catalog.routines.values(), *(catalog.resolve_routine(r, SAVED) for r in loaded.found)]

    def find_routine(self, ref: str) -> ResolvedRoutine | None:
        routines = self.all_routines()
        exact = [r for r in routines if r.gid == ref]
        bare = [r for r in routines if r.routine.id == ref]
        return (exact or bare or [None])[0]

    def saved_routine(self, gid: str) -> Routine | None:
        from hiptui.catalog.catalog import SAVED

        self._open_stores()
        return next((r for r in self.saved_routines.load().found if f"{SAVED}/{r.id}" == gid), None)

    def save_queue_as_routine(self, name: str, items: list[QueueItem]) -> None:
        from hiptui.catalog.catalog import SAVED

        self._open_stores()
        try:
            routine = self.saved_routines.save(name, items)
        except (OSError, ValueError) as error:
            self.notify(f"Cannot save the routine: {error}", severity="error", markup=False)
            return
        self.builder.queue_origin = f"{SAVED}/{routine.id}"
        self.notify(f"Saved {routine.name!r}: press r to load it again", markup=False)

    def copy_routine(self, gid: str) -> None:
        """Copy any routine (a pack's included) into the user's own, to adjust it."""
        from hiptui.catalog.catalog import QueueItem

        routine = self.find_routine(gid)
        if routine is None:
            return
        self._open_stores()
        try:
            copy = self.saved_routines.save(f"{routine.name} (copy)"[:80], [QueueItem(i.move, i.dose) for i in routine.items])
        except (OSError, ValueError) as error:
            self.notify(f"Cannot copy the routine: {error}", severity="error", markup=False)
            return
        self.notify(f"Copied to your routines as {copy.name!r}", markup=False, timeout=3)

    def manage_saved_routine(self, action: str, routine: Routine, name: str | None = None) -> None:
        self._open_stores()
        try:
            if action == "rename" and name:
                self.saved_routines.rename(routine, name)
            elif action == "duplicate":
                self.saved_routines.duplicate(routine)
            elif action == "delete":
                self.saved_routines.delete(routine)
        except (OSError, ValueError) as error:
            self.notify(f"Cannot {action} the routine: {error}", severity="error", markup=False)

    # -- sessions ----------------------------------------------------------------------------------

    def start_session(self, items: Iterable[QueueItem], routine: str | None = None) -> None:
        from hiptui.session.timeline import build_timeline
        from hiptui.tui.screens.timer import TimerScreen

        timeline = build_timeline(list(items), **self.timeline_settings())
        if timeline.segments:
            self.push_screen(TimerScreen(timeline, routine))

    def session_recorder(self, timer: Timer, routine: str | None) -> SessionRecorder:
        from hiptui.session.recorder import SessionRecorder

        hooks = self.library.hooks if self.library is not None else None
        return SessionRecorder(self.history, timer, routine, hooks)

    def action_show_history(self) -> None:
        self.builder.after_packs(self._show_history)  # the history opens with the packs, in the worker

    def _show_history(self) -> None:
        from hiptui.tui.screens.history import HistoryScreen

        sessions = self.history.sessions() if self.history else []
        self.push_screen(HistoryScreen(sessions))

    def action_show_settings(self) -> None:
        from hiptui.tui.screens.settings import SettingsDialog

        def apply(settings: Settings | None) -> None:
            if settings is None:
                return
            self.settings = settings
            self.muted = not settings.bell
            if settings.theme in self.available_themes:
                self.theme = settings.theme
            self.save_settings()
            self.builder.refresh_queue()

        self.push_screen(SettingsDialog(self.settings, sorted(self.available_themes)), apply)

    def ring(self) -> None:
        if not self.muted:
            self.bell()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._keys_before_first_frame is not None:
            self._keys_before_first_frame.append(event)
            return
        if isinstance(event, events.Key) and self.has_class("-too-small") and event.key not in ("ctrl+q", "ctrl+c"):
            return  # nothing may happen unseen behind the "too small" note
        await super().on_event(event)

    async def action_quit(self) -> None:
        from hiptui.tui.screens.timer import TimerScreen

        screen = self.screen
        if isinstance(screen, TimerScreen) and screen.timer.state in ("running", "paused"):
            screen.action_stop(then_quit=True)
            return
        self.exit()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._mark_pane_with_focus(event.widget)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._mark_pane_with_focus(event.widget)

    @staticmethod
    def _mark_pane_with_focus(widget: Widget) -> None:
        """Give the pane that holds its screen's focus the `-has-focus` class. A `:focus-within` rule
        would restyle the whole pane as the builder's list takes focus, in the first frame (12 M
        instructions, about 4 ms); the builder composes its library pane with the class instead."""
        if not widget.is_attached:
            return
        screen = widget.screen
        holding = set(screen.focused.ancestors_with_self) if screen.focused else set()
        for pane in screen.query(".pane"):
            pane.set_class(pane in holding, "-has-focus")

    async def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        if (mounting := self._cover_if_too_small(self.screen)) is not None:
            await mounting  # the note is drawn before anything else happens

    def _cover_if_too_small(self, screen: Screen) -> AwaitMount | None:
        """Mount the too-small note on a screen shown while the terminal is too small. Once there, the
        app's `-too-small` class shows and hides it: a screen never shown too small never pays for it."""
        if not self.has_class("-too-small") or screen.query("TooSmall"):
            return None
        from hiptui.tui.widgets.too_small import TooSmall

        return screen.mount(TooSmall(MIN_WIDTH, MIN_HEIGHT))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if screen is self.builder:
            builder = self.builder
            yield SystemCommand("Add move…", "Search the library and add a move", builder.action_focus_search)
            yield SystemCommand("Load routine…", "Add a routine (a pack's or your own) to the queue", builder.action_routines)
            yield SystemCommand("Start session", "Run the queue on the timer", builder.action_start)
            yield SystemCommand("Clear queue", "Remove every move from the queue", builder.action_clear)
            yield SystemCommand("Filter moves…", "By pack, category, gear, when, position", builder.action_filters)
            yield SystemCommand("Packs", "Every pack: enable, disable, reload", self.action_show_packs)
            yield SystemCommand("Reload packs", "Pick up changed pack files, keeping the queue", self.reload_packs)
            yield SystemCommand("Plan a session…", "Fitted to the time, the run and the gear at hand", builder.action_plan)
            yield SystemCommand("Save queue as routine…", "Keep this queue as your own routine", builder.action_save_routine)
            yield SystemCommand("History", "Sessions, streak, weekly minutes, time per target", self.action_show_history)
            yield SystemCommand("Settings", "Get-ready and switch times, bell, theme", self.action_show_settings)
            yield SystemCommand("Help", "Every key", builder.action_help)
