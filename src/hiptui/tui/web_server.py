"""The textual-serve server behind `hiptui serve`: plain messages, and nothing for another site's pages."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys

from aiohttp import web
from aiohttp.typedefs import Handler
from textual_serve.server import Server
from yarl import URL

from hiptui.base.text import clean_text

SHUTDOWN_SECONDS = 5.0


class _OneLine(logging.Formatter):
    """textual-serve's warnings and errors as one line each (a traceback only with HIPTUI_DEBUG)."""

    def format(self, record: logging.LogRecord) -> str:
        line = clean_text(f"hiptui serve: {record.getMessage()}")
        if record.exc_info and os.environ.get("HIPTUI_DEBUG"):
            line += "\n" + self.formatException(record.exc_info)
        return line


def _is_loopback_name(host: str | None) -> bool:
    if host is None:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return _bare(host) == "localhost"


def _bare(name: str) -> str:
    return name.lower().rstrip(".")


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def names_of_this_computer(listening_on: str) -> frozenset[str]:
    """The host names a request to this computer may use: localhost, its own names, and the --host given."""
    names = {"localhost", socket.gethostname(), listening_on}
    with contextlib.suppress(OSError):
        names.add(socket.getfqdn())
    return frozenset(_bare(name) for name in names if name)


class HiptuiServer(Server):
    """textual-serve's server, each browser tab an app process, with three changes. The page's links
    follow the address the browser used (so 0.0.0.0 works from a tablet). A page of another site cannot
    open an app: a request whose Origin is not this server is refused. And a request must name this
    computer (another name is a DNS rebinding: a site's name made to lead here): served on it only, as
    127.0.0.1 or localhost; on a network, as an IP address, localhost, its host name or the --host given,
    at this port. One middleware checks every request: the page, the websocket, /static and /download."""

    def __init__(self, command: str, host: str, port: int, announcement: list[str], *, loopback_only: bool) -> None:
        super().__init__(command, host=host, port=port, title="hiptui")
        self.announcement = announcement
        self.loopback_only = loopback_only
        self.own_names = names_of_this_computer(host)
        self._app_handlers: set[asyncio.Task[object]] = set()

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLine())
        logger = logging.getLogger("textual-serve")
        logger.handlers[:] = [handler]
        logger.setLevel(logging.WARNING)
        logger.propagate = False

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the announcement waits until the port is open (textual-serve prints a logo here)."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Each app is told to quit now (textual-serve's handler does it when cancelled), rather than
        after aiohttp's wait for the handlers, which never end while a browser tab is open."""
        for handler in self._app_handlers:
            handler.cancel()
        if self._app_handlers:
            await asyncio.wait(self._app_handlers, timeout=SHUTDOWN_SECONDS)

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal_number, self.request_exit)
        try:
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=self._announce,
                access_log=None,
                shutdown_timeout=SHUTDOWN_SECONDS,
            )
        finally:
            loop.close()  # which puts back Python's own SIGINT handler, so:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a late Ctrl+C cannot break the threads' exit

    def _announce(self, _aiohttp_message: str) -> None:
        print("\n".join(self.announcement), flush=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._refuse_other_sites)
        return app

    @web.middleware
    async def _refuse_other_sites(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if refusal := self._refusal(request):
            raise web.HTTPForbidden(text=refusal)
        return await handler(request)

    def _refusal(self, request: web.Request) -> str | None:
        host = request.url.host
        if self.loopback_only:
            if not _is_loopback_name(host):
                return "this server answers to 127.0.0.1 or localhost only"
        elif host is None or request.url.port != self.port:
            return "this server answers to this computer's addresses and names at its port only"
        elif not _is_ip_literal(host) and _bare(host) not in self.own_names:
            return "this server answers to this computer's addresses and names only"
        origin = request.headers.get("Origin")
        if origin is not None:
            try:
                claimed = URL(origin)
            except ValueError:
                return "a page of another site cannot open the app"
            if (claimed.host, claimed.port) != (host, request.url.port):
                return "a page of another site cannot open the app"
        return None

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        self.public_url = str(request.url.origin())  # read at once by the page below, before any await
        response: web.StreamResponse = await super().handle_index(request)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        handler = asyncio.current_task()
        if handler is not None:
            self._app_handlers.add(handler)
        try:
            return await super().handle_websocket(request)
        finally:
            self._app_handlers.discard(handler)
