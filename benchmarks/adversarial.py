"""The worst pack files we can build for each check of loading, at the limits, next to a normal file of the same size.

    python benchmarks/adversarial.py              # every case, in-process and as `hiptui pack validate`
    python benchmarks/adversarial.py --only dots-comment,refs --runs 5

For each case: its size, the median time of `load_pack_bytes()` in this process (the file is already in
memory), and of a whole `hiptui pack validate FILE` process, with the same two figures for a valid pack
of about the same size as `generate.py` writes them (about 2,400 moves in 2 MiB). `ratio` is adversarial over normal. A
check that is linear in the file's size keeps the ratio near 1 or below; one that is not shows it here
at once (the issue-16 inputs took minutes to hours before the fix).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import tomli_w

from hiptui.packs.loader import MAX_PACK_BYTES, load_pack_bytes

sys.path.insert(0, str(Path(__file__).parent))
from generate import make_pack  # noqa: E402

LIMIT = MAX_PACK_BYTES - 1024
HEAD = 'format = 1\n\n[pack]\nid = "adversary"\nname = "Adversary"\nversion = "1.0.0"\n'


def move(i: int, dose: str = "hold = 30", extra: str = "", step: str = "Breathe.") -> str:
    return f'\n[[moves]]\nid = "m{i}"\nname = "Move {i}"\ncategory = "yoga"\n{dose}\nsteps = ["{step}"]\n{extra}'


def fill(unit: Callable[[int], str], head: str = HEAD, limit: int = LIMIT, most: int | None = None) -> str:
    """`head` and then unit(0), unit(1), ... while the text stays under `limit` (and `most` units)."""
    parts, size, i = [head], len(head), 0
    while most is None or i < most:
        part = unit(i)
        if size + len(part) > limit:
            break
        parts.append(part)
        size, i = size + len(part), i + 1
    return "".join(parts)


def normal(size: int) -> str:
    """A valid pack of at most `size` bytes, as `generate.py` writes them (about 840 bytes a move)."""
    document = make_pack(random.Random(size), 0, 5000)
    moves = document["moves"]
    assert isinstance(moves, list)
    count = len(moves)
    while True:
        text = tomli_w.dumps({**document, "moves": moves[:count], "routines": []})
        if len(text.encode()) <= size or count == 1:
            return text
        count = max(1, count * size // len(text.encode()) - 1)


def routines_of_missing_moves() -> str:
    moves = "".join(move(i) for i in range(5000))
    refs = ", ".join(f'"gone-{j:03d}"' for j in range(200))

    def routine(i: int) -> str:
        return f'\n[[routines]]\nid = "r{i}"\nname = "R"\nmoves = [{refs.replace("gone-", f"gone-{i}-")}]\n'

    return fill(routine, head=HEAD + moves, most=500)


CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "duration-spaces": ("one hold of 2 MiB of spaces and an x", lambda: HEAD + move(0, f'hold = "{" " * LIMIT}x"')),
    "durations-many": (
        "5,000 holds of 39 spaces and an x",
        lambda: fill(lambda i: move(i, f'hold = "{" " * 39}x"'), most=5000),
    ),
    "dots-comment": (
        "a valid pack and a 2 MiB comment line of dots",
        lambda: HEAD + move(0) + "#" + "." * LIMIT + "\n",
    ),
    "dots-in-text": (
        "5,000 moves whose steps are lines of 'a.' (each looked at as a key)",
        lambda: fill(lambda i: move(i, step="a." * 180), most=5000),
    ),
    "dotted-keys-8": (
        "5,500 tables of 8-part dotted keys, the most allowed",
        lambda: fill(
            lambda i: (
                f"\n[x{i // 16}]\nk{i % 16}." + ".".join(["a"] * 7) + " = 1\n"
                if i % 16 == 0
                else f"k{i % 16}." + ".".join(["a"] * 7) + " = 1\n"
            )
        ),
    ),
    "dense-keys": (
        "short keys and nothing else: what tomllib takes for dense text",
        lambda: fill(lambda i: f"k{i} = 1\n"),
    ),
    "tables-many": ("[xN] tables past the 5,501 a pack can have", lambda: fill(lambda i: f"[x{i}]\na = 1\n")),
    "missing-refs": ("5,000 moves, 500 routines of 200 missing moves each (100,000 hints)", routines_of_missing_moves),
    "unknown-tags": (
        "5,000 moves with 'when' lists of unknown tags",
        lambda: fill(
            lambda i: move(i, extra="when = [" + ", ".join(f'"w{i}-{j}"' for j in range(40)) + "]\n"), most=5000
        ),
    ),
    "nested-arrays": ("2 MiB of [ in a step", lambda: HEAD + move(0, step="").replace('[""]', "[" * LIMIT)),
    "nested-tables": (
        "inline tables nested 100,000 deep",
        lambda: HEAD + "x = " + "{a = " * 100_000 + "1" + "}" * 100_000 + "\n",
    ),
    "long-numbers": (
        "holds of 4,299 digits (the most Python parses)",
        lambda: fill(lambda i: move(i, "hold = " + "9" * 4299)),
    ),
    "huge-number": ("one hold of 2 MiB of digits", lambda: HEAD + move(0, "hold = " + "9" * LIMIT)),
    "escapes": (
        "steps full of escape sequences",
        lambda: fill(lambda i: move(i, step="\\u001b[31m\\u001b]8;;x\\u0007" * 40), most=5000),
    ),
    "many-errors": (
        "5,000 moves with every field wrong",
        lambda: fill(
            lambda i: (
                f'\n[[moves]]\nid = "M {i}"\nname = 5\ncategory = 1\nhold = 0\nreps = "x"\nsets = 99\nsteps = 3\nbad = 1\n'
            ),
            most=5000,
        ),
    ),
    "routine-headers": ("[[routines]] headers past the 500 allowed", lambda: fill(lambda i: "\n[[routines]]\n")),
    "huge-list": (
        "one move with a list of 400,000 targets",
        lambda: HEAD + move(0, extra="targets = [" + '"a",' * (LIMIT // 4 - 30) + "]\n"),
    ),
    "bom-and-crlf": (
        "a normal pack with a BOM and CRLF line ends",
        lambda: "\ufeff" + normal(LIMIT * 9 // 10).replace("\n", "\r\n"),
    ),
}


def in_process(data: bytes, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        load_pack_bytes(data, "bench.toml")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def whole_process(path: Path, runs: int, timeout: float) -> float:
    samples = []
    command = [sys.executable, "-m", "hiptui", "pack", "validate", str(path)]
    for _ in range(runs):
        start = time.perf_counter()
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return float("inf")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a validate process counts as hung")
    args = parser.parse_args()
    wanted = [name for name in args.only.split(",") if name] or list(CASES)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HIPTUI_HOME"] = str(Path(folder) / "home")
        print(
            f"{'case':<16} {'bytes':>9}  {'in-process':>10} {'normal':>8} {'ratio':>6}  {'process':>8} {'normal':>8} {'ratio':>6}"
        )
        for name in wanted:
            about, build = CASES[name]
            data = build().encode()
            assert len(data) <= MAX_PACK_BYTES, (name, len(data))
            plain = normal(len(data)).encode()
            bad_path, good_path = Path(folder) / f"{name}.toml", Path(folder) / f"{name}-normal.toml"
            bad_path.write_bytes(data)
            good_path.write_bytes(plain)
            bad, good = in_process(data, args.runs), in_process(plain, args.runs)
            bad_run, good_run = (
                whole_process(bad_path, args.runs, args.timeout),
                whole_process(good_path, args.runs, args.timeout),
            )
            print(
                f"{name:<16} {len(data):>9}  {bad:>9.3f}s {good:>7.3f}s {bad / good:>5.2f}x"
                f"  {bad_run:>7.3f}s {good_run:>7.3f}s {bad_run / good_run:>5.2f}x   {about}"
            )


if __name__ == "__main__":
    main()
