"""The command line (SPEC section 4). It never imports Textual unless it opens the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from hiptui import __version__

if TYPE_CHECKING:
    import argparse


class CommandError(Exception):
    """A failure to report as one line on stderr, with exit status 1."""


COMMAND_MODULES = {
    "pack": "packs", "moves": "browse", "routine": "browse", "history": "data", "run": "data",
    "plan": "plan", "show": "show", "serve": "serve", "completion": "completion",
}  # fmt: skip
"""The module that defines each command: a command's parser is built without importing the others."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    import importlib

    from hiptui.cli.parser import Parser

    parser = Parser(
        prog="hiptui",
        description="Hip mobility, yoga, foam rolling and banded strength for runners.",
        epilog="Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"hiptui {__version__}")
    parser.add_argument("--where", action="store_true", help="print the data folder and the main files in it")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    names = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else dict.fromkeys(COMMAND_MODULES.values())
    for name in names:
        importlib.import_module(f"hiptui.cli.{name}").add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The two commonest calls skip building the parser, which imports every command.
    if arguments == ["--version"]:
        print(f"hiptui {__version__}")
        return 0
    if not arguments:
        return _guarded(_open_app)
    if arguments == ["--where"]:
        return _guarded(_print_where)
    if arguments[:1] == ["_complete"]:  # a shell asking for ids on Tab: no parser, no packs when it can
        from hiptui.cli.complete_ids import complete

        return _guarded(lambda: complete(arguments[1:]))
    args = build_parser(arguments[0]).parse_args(arguments)
    if args.where and args.command is None:
        return _guarded(_print_where)
    handler = getattr(args, "handler", None)
    if argv is None:  # a process of its own (not a test calling main): what it loads lives until it exits
        from hiptui.base.gc_pause import keep_what_is_built

        keep_what_is_built()
    return _guarded(lambda: _open_app() if handler is None else handler(args))


def _guarded(run: Callable[[], int]) -> int:
    """Run a command; failures become one line on stderr, never a traceback."""
    from hiptui.base.text import clean_text

    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except CommandError as error:
        print(clean_text(f"hiptui: {error}"), file=sys.stderr)
        return 1
    except Exception as error:  # the user gets one line, never a traceback
        if os.environ.get("HIPTUI_DEBUG"):
            raise
        print(clean_text(f"hiptui: unexpected error: {type(error).__name__}: {error}"), file=sys.stderr)
        return 1


def _print_where() -> int:
    from hiptui.cli.where import print_where

    return print_where()


def _open_app() -> int:
    from hiptui.tui import run_app

    return run_app()
