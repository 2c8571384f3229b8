"""The real app in a pseudo-terminal: what reaches the terminal from hostile pack text, odd terminals, tiny sizes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

HOSTILE = r"""
[pack]
id = "hostile"
name = "Hostile \u001b]52;c;aGFja2Vk\u0007pack"
version = "1"

[[moves]]
id = "evil"
name = "AAA EVILMARK \u001b]8;;https://evil.invalid/\u001b\\link\u001b]8;;\u001b\\ [@click=app.quit]x[/] [/"
category = "yoga"
hold = 30
steps = ["Step \u001b]52;c;c3RlYWw=\u0007 one [link=https://evil.invalid]l[/link] \u202egnp.exe", "x[/y [bold]b"]
cues = ["\u009b31m eight-bit CSI \u001bP+q544e\u001b\\ dcs"]
cautions = ["[red]not red[/red] \u001b[2J clear"]
aliases = ["\u0007bell"]
"""


def run_in_pty(
    home: Path,
    env_extra: dict[str, str],
    size: tuple[int, int] = (120, 40),
    keys: list[bytes] = (),
    seconds: float = 4.0,
) -> bytes:
    columns, rows = size
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # An explicit environment: readline may have set COLUMNS in the C environment behind os.environ.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        os.execve(sys.executable, [sys.executable, "-m", "hiptui"], {**env, "HIPTUI_HOME": str(home), **env_extra})
    output = bytearray()
    deadline = time.monotonic() + seconds
    pending = list(keys)
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    output += os.read(fd, 65536)
                except OSError:
                    break
            elif pending and time.monotonic() > deadline - seconds + 2.5:
                os.write(fd, pending.pop(0))
        os.write(fd, b"\x11")
        end = time.monotonic() + 5
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return bytes(output)


@pytest.fixture
def hostile_home(hiptui_home: Path) -> Path:
    (hiptui_home / "packs").mkdir()
    (hiptui_home / "packs" / "hostile.toml").write_text(HOSTILE)
    return hiptui_home


def test_no_escape_sequence_from_a_pack_reaches_the_terminal(hostile_home: Path) -> None:
    output = run_in_pty(hostile_home, {"TERM": "xterm-256color"}, keys=[b"\r", b"\t", b"\t", b"s"], seconds=6)
    assert b"EVILMARK" in output, "the hostile move is on screen"
    for leak in (b"\x1b]52", b"evil.invalid\x1b", b"\x1b]8;;https://evil", b"\x9b31m", b"\x1bP+q", "\u202e".encode()):
        assert leak not in output, leak
    assert b"Traceback" not in output


@pytest.mark.parametrize(
    ("env", "size"),
    [
        ({"TERM": "dumb"}, (80, 24)),
        ({"TERM": "linux"}, (80, 24)),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, (100, 30)),
        ({"TERM": "xterm-256color"}, (20, 10)),
    ],
)
def test_odd_terminals_never_show_a_traceback(hostile_home: Path, env: dict[str, str], size: tuple[int, int]) -> None:
    output = run_in_pty(hostile_home, env, size=size)
    assert b"Traceback" not in output
    if size == (20, 10):
        assert "60×20".encode() in output, "the too-small note names the size it needs"


def test_a_home_that_is_a_file_still_opens_the_app(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("oops")
    output = run_in_pty(home, {"TERM": "xterm-256color"}, seconds=5)
    assert b"Traceback" not in output and b"Library" in output


HOLD_PACK = """
[pack]
id = "mine"
name = "Mine"
version = "1"

[[moves]]
id = "long-hold"
name = "Long Hold"
category = "stretch"
hold = 600
steps = ["Hold it."]

[[routines]]
id = "one-hold"
name = "One hold"
moves = ["long-hold"]
"""


@pytest.mark.parametrize("ending", [signal.SIGHUP, signal.SIGTERM, signal.SIGKILL])
def test_a_session_under_way_when_the_terminal_closes_is_in_history(tmp_path: Path, ending: signal.Signals) -> None:
    home = tmp_path / "home"
    (home / "packs").mkdir(parents=True)
    (home / "packs" / "mine.toml").write_text(HOLD_PACK)
    (home / "settings.toml").write_text("ready_seconds = 0\n")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"HIPTUI_HOME": str(home)}
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execve(sys.executable, [sys.executable, "-m", "hiptui", "run", "mine/one-hold"], env)
    output = bytearray()
    started = time.monotonic()
    try:
        while time.monotonic() - started < 30 and b"Long Hold" not in output:
            if select.select([fd], [], [], 0.1)[0]:
                output += os.read(fd, 65536)
        assert b"Long Hold" in output, bytes(output[-2000:])
        until = time.monotonic() + (7 if ending == signal.SIGKILL else 3)  # killed: as last checkpointed
        while time.monotonic() < until:  # keep reading, or the app blocks on a full pty
            if select.select([fd], [], [], 0.1)[0]:
                output += os.read(fd, 65536)
        os.kill(pid, ending)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
            if select.select([fd], [], [], 0.1)[0]:  # keep reading: a full pty would block its last writes
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    import subprocess

    listed = subprocess.run(
        [sys.executable, "-m", "hiptui", "history", "--json"], capture_output=True, text=True, env=env, timeout=60
    )
    [session] = __import__("json").loads(listed.stdout)
    assert session["status"] == "stopped" and session["done_seconds"] >= 2, session
