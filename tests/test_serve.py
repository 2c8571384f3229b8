"""`hiptui serve`: its arguments and refusals over plain HTTP, and the app in a real headless chromium."""

from __future__ import annotations

import base64
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
MOVES_SHOWN = re.compile(r"(\d+) of (\d+) moves")
PATIENCE = 90.0  # seconds, against a hang; a loaded machine under `pytest -n auto` is slow


def hiptui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HIPTUI_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "hiptui", *args], capture_output=True, text=True, env=env, timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], bool], what: str, pause: Callable[[], None] = lambda: time.sleep(0.1)) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        pause()


@contextmanager
def serving(home: Path, host: str = "127.0.0.1") -> Iterator[tuple[subprocess.Popen[str], int]]:
    """`hiptui serve` on a free port, in its own process group, which is killed whatever happens."""
    pytest.importorskip("textual_serve")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "hiptui", "serve", "--host", host, "--port", str(port)],
        env={**os.environ, "HIPTUI_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for(lambda: server.poll() is not None or _answers(port), "the server to listen")
        assert server.poll() is None, server.communicate()[0]
        yield server, port
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.communicate(timeout=PATIENCE)


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, "" if response.status == 101 else response.read().decode()
    finally:
        connection.close()


def websocket_from(origin: str) -> dict[str, str]:
    key = base64.b64encode(os.urandom(16)).decode()
    return {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": key,
        "Sec-WebSocket-Version": "13",
        "Origin": origin,
    }


def interrupt(server: subprocess.Popen[str]) -> tuple[int, str]:
    """Ctrl+C as a terminal sends it: to the whole process group, the apps included."""
    os.killpg(server.pid, signal.SIGINT)
    output, _ = server.communicate(timeout=PATIENCE)
    return server.returncode, output


def test_bad_arguments_are_one_line(hiptui_home: Path) -> None:
    for args, message in [
        (["--port", "0"], "'0' is not a port number from 1 to 65535"),
        (["--port", "http"], "'http' is not a port number"),
        (["--host", "a b"], "'a b' is not a host name or IP address"),
        (["--host=-bad-"], "'-bad-' is not a host name"),
    ]:
        result = hiptui("serve", *args, home=hiptui_home)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1


def test_without_textual_serve_it_says_how_to_install(hiptui_home: Path) -> None:
    code = "import sys; sys.modules['textual_serve'] = None; from hiptui.cli import main; sys.exit(main(['serve']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "hiptui: serving needs textual-serve: pip install 'hiptui[serve]' " + (
        "(with pipx: pipx inject hiptui textual-serve)\n"
    )


def test_the_page_other_sites_and_a_busy_port(hiptui_home: Path) -> None:
    with serving(hiptui_home) as (server, port):
        status, page = get(port, "/", {})
        assert status == 200 and f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
        status, page = get(port, "/", {"Host": f"localhost:{port}"})
        assert status == 200 and f"ws://localhost:{port}/ws" in page  # the links follow the address used
        for path in ("/", "/static/css/xterm.css", "/download/some-key"):
            assert get(port, path, {"Host": f"rebound.example:{port}"})[0] == 403, path
        assert get(port, "/static/css/xterm.css", {})[0] == 200
        assert get(port, "/ws", websocket_from("http://another.example"))[0] == 403
        assert get(port, "/ws", websocket_from(f"http://127.0.0.1:{port}"))[0] == 101

        busy = hiptui("serve", "--port", str(port), home=hiptui_home)
        assert busy.returncode == 1 and busy.stderr.startswith(f"hiptui: cannot listen on 127.0.0.1:{port}: ")

        status, output = interrupt(server)
    assert status == 0, output
    assert f"the app is at http://127.0.0.1:{port}" in output
    assert "Anyone who can reach port" in output and "Traceback" not in output


def this_machines_address() -> str:
    """An address of this computer other than 127.0.0.1 (a UDP socket's, which sends nothing), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            return str(probe.getsockname()[0])
        except OSError:
            return "192.0.2.10"  # any IP literal is this computer to a server on 0.0.0.0


def test_on_every_network_a_rebound_host_name_is_refused_everywhere(hiptui_home: Path) -> None:
    with serving(hiptui_home, host="0.0.0.0") as (server, port):
        for path in ("/", "/static/css/xterm.css", "/download/some-key"):
            assert get(port, path, {"Host": f"evil.example:{port}"})[0] == 403, path
        evil = {**websocket_from(f"http://evil.example:{port}"), "Host": f"evil.example:{port}"}
        assert get(port, "/ws", evil)[0] == 403
        assert get(port, "/", {"Host": f"{this_machines_address()}:{port}"})[0] == 200
        assert get(port, "/", {"Host": f"localhost:{port}"})[0] == 200
        assert get(port, "/", {"Host": f"{socket.gethostname()}:{port}"})[0] == 200
        assert get(port, "/", {"Host": f"{this_machines_address()}:{port + 1}"})[0] == 403
        assert get(port, "/static/css/xterm.css", {"Origin": "http://evil.example"})[0] == 403
        address = this_machines_address()
        mine = {**websocket_from(f"http://{address}:{port}"), "Host": f"{address}:{port}"}
        assert get(port, "/ws", mine)[0] == 101
        status, output = interrupt(server)
    assert status == 0 and "Traceback" not in output, output


class Terminal:
    """What the app sends to a page's xterm.js, as text (xterm draws on a canvas, so its DOM has no text)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.received: list[bytes] = []
        page.on("websocket", lambda websocket: websocket.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.received.append(payload)

    def text(self, since: int = 0) -> str:
        return ANSI.sub("", b"".join(self.received[since:]).decode("utf-8", "replace"))

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        wait_for(condition, what, pause=lambda: self.page.wait_for_timeout(200))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_the_app_in_a_headless_browser(hiptui_home: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with serving(hiptui_home) as (server, port), sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            tmp_path / "chromium-profile",
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
            timeout=PATIENCE * 1000,
        )
        try:
            browser.set_default_timeout(PATIENCE * 1000)
            page = browser.new_page()
            terminal = Terminal(page)
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body.-first-byte")  # the page opens the app's websocket as it loads
            terminal.wait_for(lambda: MOVES_SHOWN.search(terminal.text()) is not None, "the builder")
            shown, total = map(int, MOVES_SHOWN.findall(terminal.text())[-1])
            assert shown == total > 0

            page.click("#terminal")
            mark = len(terminal.received)
            page.keyboard.press("/")
            page.keyboard.type("pigeon")

            def found_pigeon() -> bool:
                counts = [int(shown) for shown, _ in MOVES_SHOWN.findall(terminal.text(mark))]
                return "Pigeon" in terminal.text(mark) and bool(counts) and 0 < counts[-1] < total

            terminal.wait_for(found_pigeon, "the search for pigeon")

            page.keyboard.press("Control+q")  # quitting the app ends its session, not the server
            page.wait_for_selector("body.-closed")
            assert server.poll() is None
            with page.expect_navigation():
                page.click("text=Restart")
            page.wait_for_selector("body.-first-byte")
        finally:
            browser.close()
        status, output = interrupt(server)
    assert status == 0, output
    assert "Traceback" not in output, output
