"""Where the time goes: the evidence behind an OVER in run.py, to re-check after a fix.

    python benchmarks/hotspots.py imports            # -X importtime: `hiptui --version`, the app's imports
    python benchmarks/hotspots.py load               # cProfile: load 10,000 moves, cold then warm
    python benchmarks/hotspots.py keys               # phases of one keystroke in the app (10,000 moves)
    python benchmarks/hotspots.py frame              # instructions to the first frame, bare app and hiptui (valgrind)
    python benchmarks/hotspots.py all                # all but frame

Generated packs go to a temporary folder (deleted afterwards). Profilers slow the code down
(cProfile about 2x): read the shares, not the absolute times; run.py gives the real figures.
`frame` counts instructions instead of time: the same code gives the same count to the last
digit whatever else the machine is doing, so it settles an A/B question that start-up times,
+-20 % from one start to the next here, cannot.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


def importtime(cmd: list[str], env: dict[str, str], top: int = 15) -> None:
    done = subprocess.run([PYTHON, "-X", "importtime", *cmd], env=env, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[1]), int(match[2]), len(match[3]) // 2, match[4]))
    total = sum(row[0] for row in rows)
    print(f"$ python -X importtime {' '.join(cmd)}: {len(rows)} modules, {total / 1000:.0f} ms of imports")
    print("  cumulative ms  self ms  module (first two levels, largest first)")
    for self_us, cumulative, depth, name in sorted((r for r in rows if r[2] <= 1), key=lambda r: -r[1])[:top]:
        print(f"  {cumulative / 1000:13.0f}  {self_us / 1000:7.0f}  {'  ' * depth}{name}")
    heavy = {name: cumulative for _, cumulative, _, name in rows if name in WATCH}
    print("  watched: " + ", ".join(f"{name} {us / 1000:.0f} ms" for name, us in heavy.items()))
    print()


WATCH = (
    "textual",
    "textual.app",
    "rich",
    "pydantic",
    "hiptui.packs.model",
    "hiptui.catalog.catalog",
    "hiptui.catalog.library",
    "hiptui.packs.loader",
    "hiptui.data.history",
    "sqlite3",
    "pluggy",
    "hiptui.cli.browse",
    "hiptui.cli.packs",
    "hiptui.cli.data",
    "hiptui.tui.app",
    "importlib.metadata",
)


def cmd_imports(env: dict[str, str]) -> None:
    script = Path(PYTHON).parent / "hiptui"
    importtime([str(script), "--version"], env)
    importtime(["-c", "import hiptui"], env, top=5)
    importtime(["-c", "import hiptui.tui.app"], env)
    importtime(["-c", "import textual.app; from textual.widgets import Static"], env, top=5)


def profile_load(label: str, top: int = 22) -> None:
    from hiptui.base.gc_pause import keep_what_is_built
    from hiptui.catalog.catalog import Catalog
    from hiptui.catalog.library import load_library

    keep_what_is_built()  # as the app does

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    library = load_library()
    Catalog(library.packs)
    profiler.disable()
    library.save_cache()  # as the app does, after the library is shown: the next load is the warm one
    print(f"== {label}: {time.perf_counter() - started:.2f} s under cProfile")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(
        r"hiptui/|tomllib/_parser.py:\d+\(loads\)|validate_python|model_validate|json/__init__", top
    )
    text = out.getvalue()
    print(text[text.find("   ncalls") :].rstrip() + "\n")


def cmd_load(env: dict[str, str], packs: Path) -> None:
    files = sorted(packs.glob("*.toml"))
    now = time.time_ns()
    for offset, path in enumerate(files):
        os.utime(path, ns=(now + offset, now + offset))
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import hotspots as p; "
        "p.profile_load('cold: files just changed'); p.profile_load('warm: files unchanged')"
    )
    subprocess.run([PYTHON, "-c", code], env=env, check=True)


def cmd_keys(env: dict[str, str]) -> None:
    code = f"import sys; sys.path.insert(0, {str(HERE)!r}); import hotspots as p; p.key_phases()"
    subprocess.run([PYTHON, "-c", code], env=env, check=True)


def key_phases() -> None:
    """Split each keystroke: key to handler, search + list update + detail, wait for a frame, layout + paint."""
    import worker
    from textual.app import App
    from textual.screen import Screen

    from hiptui.tui.screens.builder import BuilderScreen
    from hiptui.tui.widgets.move_detail import MoveDetail

    marks: dict[str, float] = {}
    phases: list[tuple[float, ...]] = []
    detail: list[float] = []
    original = (BuilderScreen.refresh_library, Screen._refresh_layout, App._press_keys, App._display, MoveDetail.show)

    def refresh_library(self, **kwargs):  # type: ignore[no-untyped-def]
        marks["handler"] = time.perf_counter()
        original[0](self, **kwargs)
        marks["updated"] = time.perf_counter()

    def refresh_layout(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "updated" in marks and "layout" not in marks:
            marks["layout"] = time.perf_counter()
        return original[1](self, *args, **kwargs)

    async def press_keys(self, keys):  # type: ignore[no-untyped-def]
        marks.clear()
        marks["key"] = time.perf_counter()
        await original[2](self, keys)

    def display(self, screen, renderable):  # type: ignore[no-untyped-def]
        original[3](self, screen, renderable)
        if renderable is not None and {"key", "updated", "layout"} <= marks.keys() and "shown" not in marks:
            marks["shown"] = time.perf_counter()
            phases.append(
                (
                    marks["handler"] - marks["key"],
                    marks["updated"] - marks["handler"],
                    marks["layout"] - marks["updated"],
                    marks["shown"] - marks["layout"],
                    marks["shown"] - marks["key"],
                )
            )

    def show(self, entry):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        original[4](self, entry)
        detail.append(time.perf_counter() - started)

    BuilderScreen.refresh_library = refresh_library  # type: ignore[method-assign]
    Screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
    App._press_keys = press_keys  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]
    MoveDetail.show = show  # type: ignore[method-assign]
    with contextlib.redirect_stdout(io.StringIO()):
        asyncio.run(worker._keys(worker.WORDS[:6]))
    names = (
        "key press -> Input.Changed handled",
        "search + set_items + detail card",
        "waiting for the next frame",
        "layout + paint until the frame is written",
        "total: key press -> list repainted",
    )
    print(f"== {len(phases)} keystrokes over 10,000 moves (medians)")
    for name, values in zip(names, zip(*phases)):
        print(f"  {statistics.median(values) * 1000:7.1f} ms  {name}")
    print(
        f"  MoveDetail.show: {len(detail) / max(1, len(phases)):.1f} calls per keystroke, "
        f"{statistics.median(detail) * 1000:.1f} ms each (the Static's render comes later, in paint)"
    )
    print()


def cmd_frame(root: Path) -> None:
    """Instructions from spawn to the first frame under callgrind, in a pseudo-terminal as run.py does."""
    from run import PROBE, Context, compile_hiptui, run_in_pty

    if shutil.which("valgrind") is None:
        print("frame: valgrind is not installed (apt-get install valgrind)\n")
        return
    compile_hiptui()
    ctx = Context(root=root, quick=False, headless=False, runs=1, log=print)
    ctx.homes["frame"] = root / "frame-home"
    ctx.homes["frame"].mkdir()
    env = ctx.env("frame", PYTHONHASHSEED="0", HIPTUI_BENCH_STOP_AT_FIRST_FRAME="1")
    counts = {}
    for mode in ("bare", "hiptui"):
        probe = [PYTHON, str(PROBE), mode, str(root / "frame.json")]
        run_in_pty(probe, env, 120)  # writes the data folder and any .pyc first
        out = root / f"callgrind.{mode}"
        done = run_in_pty(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *probe], env, 900)
        found = re.search(r"^(?:summary|totals): (\d+)", out.read_text(errors="replace"), re.M)
        if done.returncode != 0 or found is None:
            raise RuntimeError(f"frame {mode}: exit {done.returncode}: {done.output.strip()[-800:]}")
        counts[mode] = int(found[1])
    print("instructions from spawn to the first frame (callgrind)")
    for mode, count in counts.items():
        print(f"  {count / 1e6:8.0f} M  {mode}")
    print(f"  {counts['hiptui'] / counts['bare']:8.2f} x  hiptui / bare\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("imports", "load", "keys", "frame", "all"))
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    root = Path(tempfile.mkdtemp(prefix="hiptui-profile-"))
    try:
        home = root / "home"
        (home / "packs").mkdir(parents=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HIPTUI_", "TEXTUAL"))}
        env.update(HIPTUI_HOME=str(home), XDG_CACHE_HOME=str(root / "cache"))
        if args.what in ("imports", "all"):
            cmd_imports(env)
        if args.what in ("load", "keys", "all"):
            generate(home / "packs", 100, 100)
        if args.what in ("load", "all"):
            cmd_load(env, home / "packs")
        if args.what in ("keys", "all"):
            cmd_keys(env)
        if args.what == "frame":
            cmd_frame(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
