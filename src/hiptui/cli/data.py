"""`hiptui history` and `hiptui run`: the user's record, and straight to the timer."""

from __future__ import annotations

import argparse
import json
import sys

from hiptui.base.durations import format_duration
from hiptui.base.paths import data_home
from hiptui.base.text import clean_text
from hiptui.cli import CommandError


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def add_commands(commands: argparse._SubParsersAction) -> None:
    history = commands.add_parser("history", help="completed and stopped sessions, newest first")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.add_argument("--limit", type=_positive, default=None, metavar="N", help="only the newest N")
    history.set_defaults(handler=show_history)

    run = commands.add_parser("run", help="open the app straight on the timer with a routine")
    run.add_argument("routine", metavar="ROUTINE", help="a routine id: pack/id, saved/id, or a bare id")
    run.set_defaults(handler=run_routine)


def show_history(args: argparse.Namespace) -> int:
    from hiptui.data.history import History, HistoryUnavailable, history_path

    try:
        history = History(history_path(data_home()))
    except (HistoryUnavailable, OSError) as error:
        raise CommandError(f"cannot open the history in {data_home()}: {error}") from None
    if history.notice:
        print(f"hiptui: {history.notice}", file=sys.stderr)
    history.close_interrupted()
    sessions = history.sessions(limit=args.limit)
    history.close()
    if args.json:
        print(json.dumps([s.as_json() for s in sessions], indent=2, ensure_ascii=False))
        return 0
    if not sessions:
        print("no sessions yet", file=sys.stderr)
    for session in sessions:
        when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        skipped = session.skipped_work
        routine = clean_text(session.routine or "own queue")
        print(
            f"{when}  {routine:<36.36} {format_duration(session.done_seconds):>8} of "
            f"{format_duration(session.planned_seconds):<8} {session.status:<9} {skipped} skipped"
        )
    return 0


def run_routine(args: argparse.Namespace) -> int:
    from hiptui.cli.browse import all_routines
    from hiptui.tui import run_app

    routines = all_routines()
    found = [r for r in routines if args.routine in (r.gid, r.routine.id)]
    if not found:
        raise CommandError(f"no routine {args.routine!r} (see 'hiptui routine list')")
    if not found[0].items:
        raise CommandError(f"routine {found[0].gid!r} has no move that a loaded pack has")
    return run_app(start_routine=found[0].gid)
