"""`hiptui serve`: the app in a web browser (a tablet beside the mat), through textual-serve."""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import shlex
import subprocess
import sys
from typing import TYPE_CHECKING

from hiptui.base.paths import HOME_ENV, data_home
from hiptui.base.text import clean_text
from hiptui.cli import CommandError

if TYPE_CHECKING:
    from hiptui.cli.parser import Parser

INSTALL_HINT = "serving needs textual-serve: pip install 'hiptui[serve]' (with pipx: pipx inject hiptui textual-serve)"
_HOSTNAME = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?")
WILDCARDS = frozenset({"0.0.0.0", "::"})


def _host(value: str) -> str:
    if len(value) <= 253 and _HOSTNAME.fullmatch(value):
        return value
    try:
        return str(ipaddress.ip_address(value.strip("[]")))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{clean_text(value)[:60]!r} is not a host name or IP address (e.g. 127.0.0.1)"
        ) from None


def _port(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{clean_text(value)[:40]!r} is not a port number from 1 to 65535")
    return int(value)


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the app to a web browser, e.g. a tablet beside the mat",
        description="Serve the app to web browsers; each browser tab runs its own app. "
        "Anyone who can reach the port can use the app and change your data.",
    )
    serve.add_argument(
        "--host", type=_host, default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this computer)"
    )
    serve.add_argument("--port", type=_port, default=8000, metavar="N", help="the port to listen on (default: 8000)")
    serve.set_defaults(handler=serve_app)


def app_command() -> str:
    """The shell command that runs this same hiptui, with this same Python."""
    words = [sys.executable, "-m", "hiptui"]
    return subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)


def url_of(host: str, port: int) -> str:
    shown = "localhost" if host in WILDCARDS else host
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower().rstrip(".") == "localhost"


def warning_for(host: str, port: int) -> list[str]:
    if is_loopback(host):
        return [
            f"Anyone who can reach port {port} on this computer can use the app and change your data.",
            "It listens on this computer only; for a tablet on a network you trust, add --host 0.0.0.0.",
        ]
    scope = "every network this computer is on" if host in WILDCARDS else host
    return [
        f"WARNING: listening on {scope}, with no password:",
        f"WARNING: ANYONE WHO CAN REACH PORT {port} CAN USE THE APP AND CHANGE YOUR DATA.",
        f"WARNING: on an untrusted network, serve on 127.0.0.1 and use an SSH tunnel instead "
        f"(ssh -L {port}:127.0.0.1:{port} this-computer).",
    ]


def serve_app(args: argparse.Namespace) -> int:
    try:
        from hiptui.tui.web_server import HiptuiServer
    except ImportError as error:
        if (error.name or "").partition(".")[0] not in {"textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2", "yarl"}:
            raise
        raise CommandError(INSTALL_HINT) from None
    home = data_home()
    os.environ[HOME_ENV] = str(home.absolute())  # every app the server starts uses this data folder
    elsewhere = ", and at this computer's address from other devices" if args.host in WILDCARDS else ""
    announcement = [
        f"hiptui serve: the app is at {url_of(args.host, args.port)}{elsewhere} (data in {clean_text(str(home))})",
        *warning_for(args.host, args.port),
        "Each browser tab runs its own app. Press Ctrl+C to stop serving.",
    ]
    server = HiptuiServer(app_command(), args.host, args.port, announcement, loopback_only=is_loopback(args.host))
    try:
        server.serve()
    except OSError as error:
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    return 0
