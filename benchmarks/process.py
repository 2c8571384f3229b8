"""Issue 20's budgets as a user meets them: whole processes measured from outside, each against its
reference in the same run, the two interleaved (or, for the timer's CPU, run side by side).

Run through `run.py --only process` (or as part of every run). Cases:

- `moves --search TEXT --json` over 10,000 moves, warm and cold, against a process that only parses
  the same files with tomllib; its peak memory (`ru_maxrss` from `wait4()`);
- `history --limit 20` over 100,000 sessions, `pack list` and `moves` with the built-in packs,
  against `hiptui --version`;
- the History screen over 100,000 sessions: `h` to the first rows painted, and the longest stall of
  the event loop meanwhile (`worker.py history-screen`, Pilot);
- the timer screen's CPU while a session runs, against `stopwatch_app.py`: both on pseudo-terminals
  whose output is drained, started together, CPU time from /proc over the same wall time.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from run import Context, Row

HERE = Path(__file__).resolve().parent
SEARCH = "pigeon"
ROUTINE = "mobility/pre-run-warm-up"
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _helpers():  # type: ignore[no-untyped-def]
    import run  # noqa: PLC0415  (run.py imports this module; as __main__ it is not `run` yet)

    return run


def history_home(ctx: Context) -> None:
    """A home with 100,000 sessions (about 128 MiB), made once per run."""
    if "history" in ctx.homes:
        return
    home = ctx.homes["history"] = ctx.root / "home-history"
    started = time.perf_counter()
    # in a process of its own: a child forked from a run.py grown by a million rows would report that
    # size as its own peak (ru_maxrss counts the pages it had before exec)
    command = [sys.executable, str(HERE / "make_history.py"), "--sessions", "100000", "--home", str(home)]
    subprocess.run(command, env=ctx.env("builtin"), check=True, capture_output=True)
    ctx.log(f"made a history of 100,000 sessions in {time.perf_counter() - started:.1f} s")


def pack_files(ctx: Context) -> list[str]:
    """Every file the 10,000-move library reads, in the order it reads them (worker.pack_files)."""
    code = "import json, sys; sys.path.insert(0, sys.argv[1]); from worker import pack_files; print(json.dumps([str(p) for p in pack_files()]))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(HERE)], env=ctx.env("10k"), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


TOMLLIB = "import sys, tomllib\nfor name in open(sys.argv[1]).read().split('\\n'):\n    with open(name, 'rb') as f: tomllib.load(f)\n"


def bench_process(ctx: Context) -> list[Row]:
    run = _helpers()
    history_home(ctx)
    hiptui = run.hiptui_command()
    rows: list[Row] = []

    # -- short commands against --version -------------------------------------------------------
    short = {
        "version": ([*hiptui, "--version"], "builtin"),
        "history": ([*hiptui, "history", "--limit", "20"], "history"),
        "pack list": ([*hiptui, "pack", "list"], "builtin"),
        "moves": ([*hiptui, "moves"], "builtin"),
    }
    times: dict[str, list[float]] = {name: [] for name in short}
    order = random.Random(20)
    runs = 7 if ctx.quick else 15
    for round_ in range(runs + 1):  # round 0 warms the caches
        for name in order.sample(list(short), len(short)):
            cmd, home = short[name]
            done = run.run_plain(cmd, ctx.env(home), 120)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(cmd)} failed: {done.output.strip()[-400:]}")
            if round_:
                times[name].append(done.seconds * 1000)
    base = run.Row("hiptui --version", "ms", times["version"], budget="baseline")
    rows += [
        base,
        run.relative(
            run.Row("hiptui history --limit 20 (100k)", "ms", times["history"]), base, 1.2, "<= 1.2x --version"
        ),
        run.relative(run.Row("hiptui pack list (built-in)", "ms", times["pack list"]), base, 3.0, "<= 3x --version"),
        run.relative(run.Row("hiptui moves (built-in)", "ms", times["moves"]), base, 3.0, "<= 3x --version"),
    ]
    ctx.log("process: short commands done")

    # -- moves --search --json over 10,000 moves, against tomllib -------------------------------
    listing = ctx.root / "pack-files.txt"
    listing.write_text("\n".join(pack_files(ctx)))
    search = [*hiptui, "moves", "--search", SEARCH, "--json"]
    parse = [sys.executable, "-c", TOMLLIB, str(listing)]
    cold: list[float] = []
    warm: list[float] = []
    bare: list[float] = []
    memory: list[float] = []
    run.run_plain(search, ctx.env("10k"), 300)  # the cache and .pyc files as a second start finds them
    run.run_plain(parse, ctx.env("10k"), 300)
    for round_ in range(max(5, ctx.runs)):
        before = order.random() < 0.5
        if before:
            bare.append(run.run_plain(parse, ctx.env("10k"), 300).seconds * 1000)
        run.bump_mtimes(ctx.generated)
        first = run.run_plain(search, ctx.env("10k"), 300)
        second = run.run_plain(search, ctx.env("10k"), 300)
        if not before:
            bare.append(run.run_plain(parse, ctx.env("10k"), 300).seconds * 1000)
        if first.returncode or second.returncode:
            raise RuntimeError(f"moves --search failed: {(first.output + second.output).strip()[-400:]}")
        cold.append(first.seconds * 1000)
        warm.append(second.seconds * 1000)
        memory.append(second.maxrss_mib)
        ctx.log(
            f"process round {round_ + 1}: cold {cold[-1]:.0f} ms, warm {warm[-1]:.0f} ms, tomllib {bare[-1]:.0f} ms"
        )
    parsed = run.Row("tomllib parse of the 104 files (process)", "ms", bare, budget="baseline")
    rows += [
        parsed,
        run.relative(
            run.Row(f"moves --search {SEARCH} --json, 10k, warm", "ms", warm), parsed, 0.25, "<= 0.25x tomllib"
        ),
        run.relative(run.Row(f"moves --search {SEARCH} --json, 10k, cold", "ms", cold), parsed, 1.3, "<= 1.3x tomllib"),
        run.absolute(run.Row("peak memory: moves --search, 10k (warm)", "MiB", memory), "median", 100, "<= 100 MiB"),
    ]

    # -- the History screen -----------------------------------------------------------------------
    shown: list[float] = []
    stalls: list[float] = []
    complete: list[float] = []
    for _ in range(3 if ctx.quick else 5):
        data = run.worker(ctx, "history", "history-screen", timeout=300)
        shown.append(data["rows_shown"] * 1000)
        stalls.append(data["longest_stall"] * 1000)
        complete.append(data["complete"] * 1000)
    rows += [
        run.absolute(run.Row("History screen: h to rows shown (100k)", "ms", shown), "median", 1000, "<= 1 s"),
        run.absolute(run.Row("History screen: longest loop stall", "ms", stalls), "max", 100, "max <= 100 ms"),
        run.Row("History screen: h to every figure shown", "ms", complete, budget="(info)"),
    ]
    ctx.log("process: history screen done")

    # -- the timer screen's CPU, against the bare stopwatch ---------------------------------------
    seconds = 8.0 if ctx.quick else 20.0
    subject, reference = [], []
    for round_ in range(5):
        app_cpu, bare_cpu = timer_cpu(ctx, [*hiptui, "run", ROUTINE], seconds)
        subject.append(app_cpu)
        reference.append(bare_cpu)
        ctx.log(f"timer cpu round {round_ + 1}: hiptui {app_cpu:.1f} %, stopwatch {bare_cpu:.1f} %")
    stopwatch = run.Row("CPU: bare stopwatch (Digits + ProgressBar, 4/s)", "%", reference, budget="baseline")
    rows += [
        stopwatch,
        run.relative(
            run.Row(f"CPU: timer screen, {seconds:.0f} s of a session", "%", subject),
            stopwatch,
            1.5,
            "<= 1.5x stopwatch",
        ),
    ]
    return rows


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime of every thread


def timer_cpu(ctx: Context, command: list[str], seconds: float, settle: float = 5.0) -> tuple[float, float]:
    """Percent of a core each app uses over the same `seconds`, after `settle` seconds to start."""
    run = _helpers()
    started = [
        _spawn_in_pty(run, command, ctx.env("builtin")),
        _spawn_in_pty(run, [sys.executable, str(HERE / "stopwatch_app.py")], ctx.env("builtin")),
    ]
    try:
        time.sleep(settle)
        before = [_cpu_seconds(p.pid) for p, _ in started]
        time.sleep(seconds)
        after = [_cpu_seconds(p.pid) for p, _ in started]
    finally:
        for process, master in started:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
            os.close(master)
    app, bare = (100 * (a - b) / seconds for a, b in zip(after, before))
    return app, bare


def _spawn_in_pty(run, command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, int]:  # type: ignore[no-untyped-def]
    import fcntl  # noqa: PLC0415
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415
    import threading  # noqa: PLC0415

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", run.SIZE[1], run.SIZE[0], 0, 0))
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)

    def drain() -> None:  # a terminal reads what the app writes
        while True:
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return

    threading.Thread(target=drain, daemon=True).start()
    return process, master
