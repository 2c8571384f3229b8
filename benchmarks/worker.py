"""The in-process halves of the benchmarks; run.py starts each in a fresh process and reads its JSON.

    python benchmarks/worker.py load hiptui|tomllib   # one load of every pack file (HIPTUI_HOME decides)
    python benchmarks/worker.py search REPEATS        # catalogue search, one call per keystroke
    python benchmarks/worker.py keys [WORDS]          # key press to library repainted, in the app (Pilot)
    python benchmarks/worker.py timer-real SECONDS    # real Timer, time.monotonic, 250 ms block every 2 s
    python benchmarks/worker.py timer-fake SECONDS    # real Timer, fake clock, pauses/skips/adjusts
    python benchmarks/worker.py history-screen        # `h` to the History screen's first rows painted (Pilot)

Each prints one JSON object on stdout. Nothing here asserts anything: run.py compares with budgets.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from pathlib import Path

# What a user types: words one key at a time (names, aliases, targets, gear, accents folded away).
WORDS = (
    "pigeon",
    "hip flexor",
    "glute bridge",
    "band walk",
    "couch",
    "kapotasana",
    "adductor",
    "foam roll",
    "90 90",
    "etirement",
    "clamshell",
    "lizard",
    "piriformis",
    "wall",
)


def emit(data: dict[str, object]) -> None:
    json.dump(data, sys.stdout)
    sys.stdout.write("\n")


# -- loading ---------------------------------------------------------------------------------------


def pack_files() -> list[Path]:
    """Every file load_library() reads: what plugins register (built-in first), then the user's packs."""
    from hiptui.base.paths import user_packs_dir
    from hiptui.plugins.host import collect_contributions

    files: list[Path] = []
    contributions, _ = collect_contributions()
    for contribution in contributions:
        for item in contribution.items:
            if isinstance(item, Path):
                files.extend(sorted(item.glob("*.toml")) if item.is_dir() else [item])
    user = user_packs_dir()
    if user.is_dir():
        files.extend(sorted(user.glob("*.toml")))
    return files


def cmd_load(mode: str) -> None:
    if mode == "hiptui":
        from hiptui.base.gc_pause import keep_what_is_built
        from hiptui.catalog.catalog import Catalog
        from hiptui.catalog.library import load_library

        keep_what_is_built()  # as the app does (hiptui.tui.run_app): it keeps the library it loads
        start = time.perf_counter()
        library = load_library()
        catalog = Catalog(library.packs)
        seconds = time.perf_counter() - start
        library.save_cache()  # as the app does once the library is on screen: not part of the time to show it
        broken = [record.error for record in library.records if record.error]
        emit({"seconds": seconds, "moves": len(catalog), "packs": len(library.packs), "broken": broken[:3]})
    elif mode == "tomllib":
        import tomllib

        files = pack_files()
        start = time.perf_counter()
        moves = 0
        for path in files:
            with path.open("rb") as handle:
                moves += len(tomllib.load(handle).get("moves", []))
        seconds = time.perf_counter() - start
        emit({"seconds": seconds, "moves": moves, "files": len(files)})
    else:
        raise SystemExit(f"unknown load mode {mode!r}")


# -- search ----------------------------------------------------------------------------------------


def keystrokes(word: str) -> list[str]:
    """The queries a search box holds while `word` is typed, then erased with backspace."""
    typed = [word[:n] for n in range(1, len(word) + 1)]
    erased = [word[:n] for n in range(len(word) - 1, -1, -1)]
    return typed + erased


def cmd_search(repeats: int) -> None:
    from hiptui.base.gc_pause import keep_what_is_built
    from hiptui.catalog.catalog import Catalog
    from hiptui.catalog.library import load_library

    keep_what_is_built()  # as the app does: the collector never walks the catalogue it searches
    catalog = Catalog(load_library().packs)
    catalog.index.warm()  # as the app's loading worker does before it shows the catalogue
    samples: list[float] = []
    hits: dict[str, int] = {}
    for _ in range(repeats):
        for word in WORDS:
            for query in keystrokes(word):
                start = time.perf_counter()
                catalog.search(query)
                samples.append(time.perf_counter() - start)
            hits[word] = len(catalog.search(word))
            catalog.search("")
    emit({"samples": samples, "moves": len(catalog), "hits": hits})


# -- keystroke to repaint, in the app ----------------------------------------------------------------


def cmd_keys(words: int) -> None:
    asyncio.run(_keys(WORDS[:words]))


async def _keys(words: tuple[str, ...]) -> None:
    from textual._compositor import CompositorUpdate
    from textual.app import App
    from textual.widgets import Input

    from hiptui.base.gc_pause import keep_what_is_built
    from hiptui.catalog.library import load_library
    from hiptui.tui.app import HiptuiApp
    from hiptui.tui.widgets.move_lists import LibraryList

    state: dict[str, float | None] = {"set_at": None, "shown_at": None}
    original_set_items = LibraryList.set_items
    original_display = App._display

    def set_items(self: LibraryList, items, cursor=None) -> None:  # type: ignore[no-untyped-def]
        original_set_items(self, items, cursor)
        if self.id == "library":
            state["set_at"] = time.perf_counter()
            state["shown_at"] = None

    def display(self: App, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        painted = renderable is not None and not self._batch_count
        original_display(self, screen, renderable)
        if painted and isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # headless skips this; a terminal would not
        if painted and state["set_at"] is not None and state["shown_at"] is None:
            state["shown_at"] = time.perf_counter()

    LibraryList.set_items = set_items  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]

    keep_what_is_built()  # as the app does (hiptui.tui.run_app): the collector never walks the library
    library = load_library()
    app = HiptuiApp(library=library)
    samples: list[float] = []
    unfinished = 0
    async with app.run_test(size=(120, 40)) as pilot:
        listing = app.builder.query_one(LibraryList)
        for _ in range(200):
            if listing.items:
                break
            await pilot.pause()
        moves = len(app.builder.catalog)
        app.builder.catalog.index.warm()  # as the app's loading worker does once the list is shown
        await pilot.press("slash")
        search = app.builder.query_one("#search", Input)
        for word in words:
            presses = [("space" if ch == " " else ch) for ch in word] + ["backspace"] * len(word)
            for key in presses:
                state["set_at"] = state["shown_at"] = None
                start = time.perf_counter()
                await pilot.press(key)
                for _ in range(100):
                    if state["shown_at"] is not None:
                        break
                    await pilot.pause()
                if state["shown_at"] is None:
                    unfinished += 1
                    continue
                samples.append(state["shown_at"] - start)  # type: ignore[operator]
            if search.value:
                unfinished += 1
                search.value = ""
                await pilot.pause()
    emit({"samples": samples, "moves": moves, "unfinished": unfinished})


# -- the History screen ----------------------------------------------------------------------------


def cmd_history_screen() -> None:
    asyncio.run(_history_screen())


async def _history_screen() -> None:
    """From `h` to the first frame that shows session rows, and the longest the event loop stalls from
    `h` until every figure is shown (a ticker every 10 ms notes the gaps between its runs)."""
    from textual._compositor import CompositorUpdate
    from textual.app import App
    from textual.widgets import DataTable

    from hiptui.base.gc_pause import keep_what_is_built
    from hiptui.tui.app import HiptuiApp
    from hiptui.tui.screens.history import HistoryScreen
    from hiptui.tui.widgets.move_lists import LibraryList

    marks: dict[str, float] = {}
    original_display = App._display

    def display(self: App, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        painted = renderable is not None and not self._batch_count
        original_display(self, screen, renderable)
        if not painted:
            return
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # headless skips this; a terminal would not
        if isinstance(screen, HistoryScreen) and "rows" not in marks:
            table = screen.query_one("#history-sessions", DataTable)
            if table.row_count and not table.loading:
                marks["rows"] = time.perf_counter()

    App._display = display  # type: ignore[method-assign]
    keep_what_is_built()
    app = HiptuiApp()
    gaps: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2000):
            if app.builder.query_one(LibraryList).items:
                break
            await pilot.pause(0.01)
        stop = False

        async def ticker() -> None:
            last = time.perf_counter()
            while not stop:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                gaps.append(now - last - 0.01)
                last = now

        task = asyncio.create_task(ticker())
        pressed = time.perf_counter()
        await pilot.press("h")
        screen: HistoryScreen | None = None
        deadline = pressed + 120
        while time.perf_counter() < deadline:
            await pilot.pause(0.01)
            if isinstance(app.screen, HistoryScreen):
                screen = app.screen
                if "rows" in marks and getattr(screen, "complete", True):
                    break
        marks["complete"] = time.perf_counter()
        stop = True
        await task
    emit(
        {
            "rows_shown": marks.get("rows", float("inf")) - pressed,
            "complete": marks["complete"] - pressed,
            "longest_stall": max(gaps, default=0.0),
            "sessions": screen.total if screen else 0,
        }
    )


# -- timer -----------------------------------------------------------------------------------------


def _timeline():
    """Every built-in move once, at its own dose: a session of a few hours."""
    from hiptui.catalog.catalog import Catalog, QueueItem
    from hiptui.catalog.library import load_library
    from hiptui.session.timeline import build_timeline

    catalog = Catalog(load_library().packs)
    return build_timeline([QueueItem.of(move) for move in catalog.all_moves()])


def cmd_timer_real(seconds: float) -> None:
    asyncio.run(_timer_real(seconds, _timeline()))


async def _timer_real(seconds: float, timeline) -> None:  # type: ignore[no-untyped-def]
    """Tick like the timer screen (every 0.1 s); block the loop for 250 ms every 2 s; compare with the clock."""
    from hiptui.session.timer import Timer

    tick, block_every, block_for = 0.1, 2.0, 0.25
    timer = Timer(timeline, clock=time.monotonic)
    timer.start()
    start = timer.started_at
    assert start is not None
    errors: list[float] = []
    gaps: list[float] = []
    result: dict[str, float] = {}
    naive = {"elapsed": 0.0}

    def error_now() -> float:
        shown = timer.session_total - timer.session_remaining
        return abs(shown - (time.monotonic() - start))

    async def ticker() -> None:
        n, last = 0, start
        while True:
            n += 1
            await asyncio.sleep(max(0.0, start + n * tick - time.monotonic()))
            now = time.monotonic()
            gaps.append(now - last)
            last = now
            timer.update()
            errors.append(error_now())
            if now - start >= seconds:
                result["final_error"] = errors[-1]
                result["true_elapsed"] = now - start
                result["segment_index"] = timer.index
                return

    async def naive_counter() -> None:
        """A countdown that counts its ticks instead of reading deadlines: what this budget catches."""
        while True:
            await asyncio.sleep(tick)
            naive["elapsed"] += tick

    async def blocker() -> None:
        k = 0
        while True:
            k += 1
            await asyncio.sleep(max(0.0, start + k * block_every - time.monotonic()))
            time.sleep(block_for)  # a slow callback holding the event loop

    tasks = [asyncio.create_task(blocker()), asyncio.create_task(naive_counter())]
    await ticker()
    naive_error = abs(naive["elapsed"] - (time.monotonic() - start))
    for task in tasks:
        task.cancel()
    emit(
        {
            "errors": errors,
            "final_error": result["final_error"],
            "true_elapsed": result["true_elapsed"],
            "max_gap": max(gaps),
            "naive_error": naive_error,
            "segments_passed": result["segment_index"],
        }
    )


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Model:
    """An independent account of where the session should be, kept by adding up the fake time."""

    def __init__(self, seconds: list[int]) -> None:
        self.base = [float(s) for s in seconds]
        self.durations = list(self.base)
        self.index = 0
        self.elapsed = 0.0
        self.running = True
        self.finished = False

    def enter(self, index: int) -> None:
        if index >= len(self.base):
            self.finished = True
            return
        self.index, self.elapsed = index, 0.0
        self.durations[index] = self.base[index]

    def advance(self, dt: float) -> None:
        if not self.running or self.finished:
            return
        self.elapsed += dt
        while not self.finished and self.elapsed >= self.durations[self.index]:
            left = self.elapsed - self.durations[self.index]
            self.enter(self.index + 1)
            self.elapsed = left if not self.finished else 0.0

    def adjust(self, seconds: float) -> None:
        remaining = self.durations[self.index] - self.elapsed
        self.durations[self.index] += max(seconds, 1.0 - remaining)


def cmd_timer_fake(seconds: float) -> None:
    """An hour of fake time: advances in 1/64 s steps (exact in binary), pauses, skips, adjusts."""
    from hiptui.session.timer import Timer

    timeline = _timeline()
    base = [segment.seconds for segment in timeline.segments]
    rng = random.Random(6)
    clock = FakeClock()
    drift: list[float] = []
    spent = 0.0
    sessions = operations = 0
    while spent < seconds:
        sessions += 1
        timer, model = Timer(timeline, clock=clock), Model(base)
        timer.start()
        while spent < seconds and not model.finished:
            operations += 1
            op = rng.choices(("advance", "pause", "next", "previous", "adjust"), (70, 10, 10, 4, 6))[0]
            if op == "advance":
                dt = rng.randint(1, 64 * 8) / 64
                clock.now += dt
                spent += dt
                model.advance(dt)
                timer.update()
            elif op == "pause":
                timer.toggle_pause()
                model.running = not model.running
            elif op == "next":
                timer.next()
                model.enter(model.index + 1)
            elif op == "previous":
                timer.previous()
                model.enter(max(0, model.index - 1))
            else:
                step = rng.choice((10, -10, -30))
                timer.adjust(step)
                model.adjust(step)
            if model.finished:
                drift.append(0.0 if timer.state == "finished" else float("inf"))
            elif timer.index != model.index or timer.state == "finished":
                drift.append(float("inf"))
            else:
                drift.append(abs(timer.elapsed - model.elapsed))
    emit({"drift": drift, "fake_seconds": spent, "sessions": sessions, "operations": operations})


def main() -> None:
    command, *rest = sys.argv[1:]
    if command == "load":
        cmd_load(rest[0])
    elif command == "search":
        cmd_search(int(rest[0]) if rest else 5)
    elif command == "keys":
        cmd_keys(int(rest[0]) if rest else len(WORDS))
    elif command == "timer-real":
        cmd_timer_real(float(rest[0]) if rest else 60.0)
    elif command == "history-screen":
        cmd_history_screen()
    elif command == "timer-fake":
        cmd_timer_fake(float(rest[0]) if rest else 3600.0)
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main()
