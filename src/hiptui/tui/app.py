"""The hiptui application: a thin layer that shows the core's Workspace and Session on screens.

The builder's first frame is painted before any pack, pydantic model or database is touched: the
workspace is opened once that frame is out, and the packs load in a worker thread after it.
"""

from __future__ import annotations

import asyncio
import importlib
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from hiptui.base.gc_pause import start_up_done
from hiptui.base.paths import data_home
from hiptui.base.text import clean_text
from hiptui.data.settings import Loaded, Settings, load_settings
from hiptui.tui.keys import APP

MIN_WIDTH = 60
MIN_HEIGHT = 20
PAINT_WAIT = 0.5
"""Seconds the packs' worker waits for the frame that shows the moves before it builds the search index."""
HOLD_REPAINTS = 0.25
"""Seconds at most that the screen is left as it is while the packs load (see `_hold_repaints`)."""

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.widget import AwaitMount, Widget

    from hiptui.catalog.catalog import QueueItem
    from hiptui.catalog.library import Library
    from hiptui.session.session import Session
    from hiptui.tui.screens.builder import BuilderScreen
    from hiptui.workspace import Workspace


def _queue_commands() -> type[Provider]:
    from hiptui.tui.commands import QueueCommands

    return QueueCommands


class HiptuiApp(App[None]):
    CSS_PATH = ["app.tcss", "screens/builder.tcss"]
    """The builder's rules are read with the app's: a screen's own CSS_PATH makes Textual parse every
    stylesheet again and restyle every widget when it is first shown, which the first frame can't afford."""
    LATER_CSS_PATHS = [Path(__file__).parent / "screens" / "dialogs.tcss", Path(__file__).parent / "later.tcss"]
    """Added to the app's rules once the first frame is out: no widget of that frame matches them, and
    every widget of it was matched against them (10 M instructions, about 4 ms)."""
    TITLE = "hiptui"
    SUB_TITLE = "hip care for runners"
    COMMANDS = App.COMMANDS | {_queue_commands}
    BINDINGS: ClassVar[list[BindingType]] = list(APP)

    def __init__(
        self,
        library: Library | None = None,
        clock: Callable[[], float] = time.monotonic,
        start_routine: str | None = None,
        start_items: list[QueueItem] | None = None,
        home: Path | None = None,
    ) -> None:
        super().__init__()
        self.clock = clock
        self._given_library = library
        self.start_routine = start_routine
        self.start_items = start_items
        self.home = home or data_home()
        self._early_settings: Loaded = load_settings(self.home)
        """Read before the first frame, for the theme; the workspace owns the settings from then on."""
        self._workspace: Workspace | None = None
        self.muted = not self._early_settings.settings.bell
        self._builder: BuilderScreen | None = None
        self._keys_before_first_frame: list[events.Key] | None = []
        """Keys typed as the app starts (a terminal hands them over at once): kept, in order, until the
        builder and the dialogs' rules are there, instead of running bindings against an empty screen."""
        self._started = False
        self._builder_mounted = False
        self._after_first_frame = False
        self._repaints_held = ExitStack()
        self.keymap: dict[str, str] = {}
        """The [keys] of settings.toml in force (the entries that passed the checks), by binding id."""

    # -- the state, with one owner --------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            from hiptui.workspace import Workspace

            self._workspace = Workspace(self.home, self._early_settings)
            self._workspace.observe(self.builder.queue_changed)
        return self._workspace

    @property
    def settings(self) -> Settings:
        return self._workspace.settings if self._workspace is not None else self._early_settings.settings

    @property
    def library(self) -> Library | None:
        return self._workspace.library if self._workspace is not None else None

    @property
    def builder(self) -> BuilderScreen:
        if self._builder is None:
            from hiptui.tui.screens.builder import BuilderScreen

            self._builder = BuilderScreen()
        return self._builder

    def get_default_screen(self) -> Screen[None]:
        return self.builder

    @property
    def motion(self) -> bool:
        """Animate the figures: the setting, unless TEXTUAL_ANIMATIONS=none says no animation at all."""
        return self.settings.motion and self.animation_level != "none"

    def _register_themes(self) -> None:
        """hiptui's own themes: before the first frame only when the settings name one of them."""
        from hiptui.tui.themes import THEMES

        for theme in THEMES:
            self.register_theme(theme)

    def on_mount(self) -> None:
        if self.settings.theme not in self.available_themes:
            self._register_themes()
        if self.theme != self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.screen_change_signal.subscribe(self, self._cover_if_too_small)
        loop = asyncio.get_running_loop()
        for number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(number, self._hang_up)

    def builder_mounted(self) -> None:
        """The builder's widgets exist: show the library given, or load the packs once its first
        frame is on screen (the worker thread would otherwise slow that frame down)."""
        if self._given_library is not None:
            self._library_loaded(self._given_library)
        self._builder_mounted = True
        self.builder.call_after_refresh(self._first_frame_out)  # should the Ready event come first

    def on_ready(self) -> None:
        """The first frame is out: the rest need not wait for the screen to settle into later frames."""
        if self._builder_mounted:
            self._first_frame_out()

    def _first_frame_out(self) -> None:
        """What the first frame does not show: the workspace and its files, the packs, the dialogs' rules
        and the keymap, and the keys typed so far (handed over in the app's own turn, as keys are)."""
        if self._after_first_frame:
            return
        self._after_first_frame = True
        start_up_done()
        workspace = self.workspace  # made here, before the worker starts (its history opens later)
        if self._given_library is None:
            self._hold_repaints()
            self._load_library(workspace)
        else:
            self._library_shown()
        for path in self.LATER_CSS_PATHS:
            self.stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))
        self.builder.later_rules_added()
        self._apply_keymap()
        self.call_later(self._hand_over_early_keys)

    def _library_shown(self) -> None:
        """What waits for the frame with the moves, to keep out of the worker's way: the drag ghost (no
        move to drag before it) and hiptui's own themes."""
        self.builder.add_drag_manager()
        self._register_themes()
        self._tell_unknown_theme()

    def _apply_keymap(self) -> None:
        """The [keys] of settings.toml, checked, before any key typed so far is handed over."""
        if not self.settings.keys:
            return
        from hiptui.base.text import summarised
        from hiptui.tui.keymap import app_screens, check_keymap

        checked = check_keymap(self.settings.keys, app_screens())
        self.keymap = checked.keymap
        self.set_keymap(checked.keymap)
        self.builder.keymap_changed()
        if checked.problems:
            title = "settings.toml [keys]: left out"
            self.notify(summarised(checked.problems), title=title, severity="warning", timeout=15, markup=False)

    def key_name(self, binding_id: str) -> str:
        """The key in force for a binding of the builder's, the app's or the timer's, as the screen names it."""
        from hiptui.tui.keymap import key_shown
        from hiptui.tui.keys import BY_ID

        binding = BY_ID.get(binding_id)
        if binding is None:  # the timer's keys live beside its screen, which the builder's first frame lacks
            from hiptui.tui.screens.timer import TIMER

            binding = next(binding for binding in TIMER if binding.id == binding_id)
        return key_shown(self, binding, self.keymap)

    def _tell_unknown_theme(self) -> None:
        wanted = self.settings.theme
        if wanted in self.available_themes:
            return
        import difflib

        close = difflib.get_close_matches(wanted, self.available_themes, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        shown = " ".join(clean_text(wanted).split())[:60]
        self.notify(f"settings.toml: no theme {shown!r}{hint}; using {self.theme}", severity="warning", markup=False)

    async def _hand_over_early_keys(self) -> None:
        early, self._keys_before_first_frame = self._keys_before_first_frame or [], None
        for key in early:
            if key.key == "ctrl+j":  # Enter typed before the app took the terminal, which made it a newline
                key = events.Key("enter", "\r")
            await self.on_event(key)

    @work(thread=True, exclusive=True, group="packs")
    def _load_library(self, workspace: Workspace, previous: Library | None = None) -> None:
        library = workspace.load_library(previous=previous)
        importlib.import_module("hiptui.figure")  # the first card draws its move: imported off the event loop
        self.call_from_thread(self._library_loaded, library, previous is not None)
        # This thread would hold up the frame that paints the moves: let it out first. Then open the
        # history, build the search index and rank the one-letter queries ahead of time (a search typed
        # meanwhile builds what it needs itself), and write the cache entries of the packs just parsed.
        painted = threading.Event()
        self.call_from_thread(self.call_after_refresh, painted.set)
        worker = get_current_worker()
        deadline = time.monotonic() + PAINT_WAIT
        while not painted.wait(0.01) and not worker.is_cancelled and time.monotonic() < deadline:
            pass  # the app closing cancels this worker, and then no frame is coming
        if previous is None and not worker.is_cancelled:
            self.call_from_thread(self._library_shown)
            workspace.history  # noqa: B018  (opened here, off the event loop; a session would open it itself)
            self.call_from_thread(self.tell_notices)
        workspace.catalog.index.warm(keep_going=lambda: not worker.is_cancelled)
        library.save_cache()

    def reload_packs(self) -> None:
        """Load every pack again (picking up changed files), keeping the queue."""
        self.notify("Reloading packs…", timeout=1.5)
        self._load_library(self.workspace, self.library)

    def _hold_repaints(self) -> None:
        """Until the packs are in (HOLD_REPAINTS at most), repaint nothing: the screen shows "Loading
        packs…" either way, and Textual lays it out again as the widgets of the first frame settle (a
        tenth of the wait for 10,000 moves, with the worker's thread kept waiting for the interpreter)."""
        self._repaints_held.enter_context(self.batch_update())
        self.set_timer(HOLD_REPAINTS, self._release_repaints, name="hold repaints")

    def _release_repaints(self) -> None:
        self._repaints_held.close()

    def _library_loaded(self, library: Library, reloaded: bool = False) -> None:
        self._release_repaints()
        workspace = self.workspace
        workspace.use_library(library)
        self.tell_notices()
        # Packs that arrive after the first frame show their moves first, the card a frame later.
        self.builder.set_catalog(workspace.catalog, card_after_list=self._after_first_frame and not self._started)
        if not self._started:
            self._started = True
            self.builder.queue_changed(None)
            if self.start_routine:
                self.run_routine(self.start_routine)
            elif self.start_items:
                self.start_session(self.start_items)
        self.builder.packs_ready()
        packs = sys.modules.get("hiptui.tui.screens.packs")  # not imported: the Packs screen never opened
        if packs is not None and isinstance(self.screen, packs.PacksScreen):  # opened as they loaded, or reloaded
            self.screen.refresh_table()
        if reloaded:
            self.notify(f"Reloaded {len(library.packs)} packs", timeout=2)
        broken = [record for record in library.records if record.error]
        if broken:
            lines = "\n".join(record.error or "" for record in broken[:3])
            more = f"\n…and {len(broken) - 3} more" if len(broken) > 3 else ""
            title = f"{len(broken)} pack{'s' if len(broken) != 1 else ''} could not load"
            self.notify(lines + more, title=title, severity="warning", timeout=12, markup=False)

    def tell_notices(self) -> None:
        """Show what the workspace has to say (files set aside, a write that failed), once each."""
        for notice in self.workspace.take_notices():
            self.notify(notice, severity="warning", timeout=12, markup=False)

    # -- settings ----------------------------------------------------------------------------------

    def toggle_pack(self, pack_id: str) -> bool:
        enabled = self.workspace.toggle_pack(pack_id)
        self.builder.set_catalog(self.workspace.catalog)
        self.tell_notices()
        return enabled

    def apply_settings(self, settings: Settings) -> None:
        self.workspace.update_settings(settings)
        self.muted = not settings.bell
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme
        self.builder.queue_changed(None)  # the total follows the get-ready and switch times
        self.tell_notices()

    def _theme_changed(self, theme: object) -> None:
        """A theme picked anywhere (Settings, the command palette) is kept."""
        if self._workspace is not None and self.theme != self.settings.theme:
            self.workspace.update_settings(self.settings.replace(theme=self.theme))
            self.tell_notices()

    def action_show_packs(self) -> None:
        from hiptui.tui.screens.packs import PacksScreen

        self.push_screen(PacksScreen())

    def action_show_settings(self) -> None:
        from hiptui.tui.screens.settings import SettingsDialog

        def apply(settings: Settings | None) -> None:
            if settings is not None:
                self.apply_settings(settings)

        self.push_screen(SettingsDialog(self.settings, self.theme, sorted(self.available_themes), self.home), apply)

    def action_show_history(self) -> None:
        self.builder.after_packs(self._show_history)  # the history opens with the packs, in the worker

    def _show_history(self) -> None:
        from hiptui.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.workspace.history))

    # -- sessions ----------------------------------------------------------------------------------

    def run_routine(self, ref: str) -> None:
        from hiptui.workspace import WorkspaceError

        try:
            routine = self.workspace.find_routine(ref)
        except WorkspaceError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if routine.items:
            self.start_session(routine.items, routine.gid)

    def start_session(self, items: list[QueueItem] | None = None, routine: str | None = None) -> None:
        """Run `items` (the queue, by default) on the timer."""
        from hiptui.tui.screens.timer import TimerScreen
        from hiptui.workspace import WorkspaceError

        try:
            session = self.workspace.new_session(items, routine, clock=self.clock)
        except WorkspaceError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.clear_notifications()  # "press s to start" and the like are done with once it has started
        self.push_screen(TimerScreen(session))

    @property
    def session(self) -> Session | None:
        """The session on the timer, if one is under way."""
        from hiptui.tui.screens.timer import TimerScreen

        for screen in self.screen_stack:
            if isinstance(screen, TimerScreen) and screen.session.under_way:
                return screen.session
        return None

    def _hang_up(self) -> None:
        """The terminal closed (SIGHUP) or the system asked us to end (SIGTERM): what was done is recorded."""
        session = self.session
        if session is not None:
            session.stop()
        self.exit()

    def ring(self) -> None:
        if not self.muted:
            self.bell()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    async def action_quit(self) -> None:
        from hiptui.tui.screens.timer import TimerScreen

        screen = self.screen
        if isinstance(screen, TimerScreen) and screen.session.under_way:
            screen.action_stop(then_quit=True)
            return
        self.exit()

    def shut_down(self) -> None:
        """After the app ends, however it ends: a session still under way is recorded as stopped, and
        the plugins' queued timer hooks (`session_finished` among them) are delivered."""
        if self._workspace is not None:
            self._workspace.close()  # which stops the session under way, with or without its screen

    # -- keys and the screen ---------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._keys_before_first_frame is not None:
            self._keys_before_first_frame.append(event)
            return
        if isinstance(event, events.Key) and self.has_class("-too-small") and event.key not in ("ctrl+q", "ctrl+c"):
            return  # nothing may happen unseen behind the "too small" note
        await super().on_event(event)

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

    def _cover_if_too_small(self, screen: Screen[object]) -> AwaitMount | None:
        """Mount the too-small note on a screen shown while the terminal is too small. Once there, the
        app's `-too-small` class shows and hides it: a screen never shown too small never pays for it."""
        if not self.has_class("-too-small") or screen.query("TooSmall"):
            return None
        from hiptui.tui.widgets.too_small import TooSmall

        return screen.mount(TooSmall(MIN_WIDTH, MIN_HEIGHT))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if screen is self.builder:
            builder = self.builder
            yield SystemCommand("Add move…", "Search the library and add a move", builder.action_focus_search)
            yield SystemCommand(
                "Load routine…", "A pack's routine or your own, into the queue", builder.action_routines
            )
            yield SystemCommand("Start session", "Run the queue on the timer", builder.action_start)
            yield SystemCommand("Undo", "Take back the last change to the queue", builder.action_undo)
            yield SystemCommand("Clear queue", "Remove every move from the queue", builder.action_clear)
            yield SystemCommand("Filter moves…", "By pack, category, gear, when, position", builder.action_filters)
            yield SystemCommand("Packs", "Every pack: enable, disable, reload", self.action_show_packs)
            yield SystemCommand("Reload packs", "Pick up changed pack files, keeping the queue", self.reload_packs)
            yield SystemCommand(
                "Plan a session…", "Fitted to the time, the run and the gear at hand", builder.action_plan
            )
            yield SystemCommand(
                "Save queue as routine…", "Keep this queue as your own routine", builder.action_save_routine
            )
            yield SystemCommand(
                "History", "Sessions, streak, weekly minutes, time per target", self.action_show_history
            )
            yield SystemCommand(
                "Settings",
                "Get-ready and switch times, bell, animation, theme; the data folder",
                self.action_show_settings,
            )
            yield SystemCommand("Help", "Every key", builder.action_help)
