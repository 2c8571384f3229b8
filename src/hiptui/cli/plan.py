"""`hiptui plan`: a session fitted to the time, the run and the gear at hand."""

from __future__ import annotations

import argparse
import difflib
from typing import TYPE_CHECKING

from hiptui.base.durations import format_duration
from hiptui.base.terms import HOUSEHOLD, KNOWN_WHEN, LEVELS
from hiptui.catalog.formatting import describe_dose, move_json
from hiptui.cli import CommandError
from hiptui.cli.output import json_text

if TYPE_CHECKING:
    from hiptui.cli.parser import Parser
    from hiptui.session.planner import Plan, PlanRequest
from hiptui.base.text import clean_text


def _words(value: str) -> frozenset[str]:
    return frozenset(word.strip().lower() for word in value.split(",") if word.strip())


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    plan = commands.add_parser(
        "plan",
        help="a session fitted to the time and the gear at hand",
        description=f"Plan a session. A {' and a '.join(sorted(HOUSEHOLD))} are assumed to be at hand.",
    )
    plan.add_argument("--minutes", required=True, metavar="N", help="how long the session should take: 1-180")
    plan.add_argument("--when", choices=KNOWN_WHEN, help="before or after a run, a rest day or a strength day")
    plan.add_argument(
        "--focus", type=_words, default=frozenset(), metavar="T,...", help="targets such as hip-flexors,glutes"
    )
    plan.add_argument(
        "--equipment", type=_words, default=frozenset(), metavar="E,...", help="gear at hand: band,foam-roller,..."
    )
    plan.add_argument("--level", choices=LEVELS, help="the hardest level to include")
    plan.add_argument(
        "--avoid", type=_words, default=frozenset(), metavar="P,...", help="positions to leave out, e.g. supine,prone"
    )
    plan.add_argument("--seed", type=int, default=0, metavar="N", help="another number gives another plan")
    plan.add_argument("--json", action="store_true", help="print JSON")
    plan.add_argument("--start", action="store_true", help="open the app on the timer with this plan")
    plan.set_defaults(handler=plan_session)


def request_from(args: argparse.Namespace) -> PlanRequest:
    from hiptui.session.planner import PlanRequest, check_minutes

    return PlanRequest(
        minutes=check_minutes(args.minutes),
        when=args.when,
        focus=args.focus,
        equipment=args.equipment,
        level=args.level,
        avoid_positions=args.avoid,
        seed=args.seed,
    )


def plan_session(args: argparse.Namespace) -> int:
    from hiptui.cli.browse import open_workspace
    from hiptui.session.planner import EQUIPMENT_WORDS, PlanError

    try:
        request = request_from(args)
    except PlanError as error:
        raise CommandError(f"--{error}") from None
    workspace = open_workspace()
    catalog = workspace.catalog
    known_targets = {t for entry in catalog.all_moves() for t in entry.move.targets}
    known_gear = {g for entry in catalog.all_moves() for g in entry.move.equipment} | HOUSEHOLD | EQUIPMENT_WORDS.keys()
    for words, known, what in ((args.focus, known_targets, "targets"), (args.equipment, known_gear, "uses")):
        for word in sorted(words - known):
            close = difflib.get_close_matches(word, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(sorted(known))}"
            raise CommandError(f"no move {what} {word!r}{hint}")
    try:
        plan = workspace.plan(request)
    except PlanError as error:
        raise CommandError(str(error)) from None
    if args.start:
        from hiptui.tui import run_app

        workspace.close()
        return run_app(start_items=plan.items)
    if args.json:
        print(json_text(plan_json(plan)))
    else:
        print_plan(plan)
    return 0


def plan_json(plan: Plan) -> dict[str, object]:
    return {
        "total_seconds": plan.total_seconds,
        "note": plan.note,
        "focus_seconds": plan.focus_seconds,
        "items": [move_json(item.move, item.dose) for item in plan.items],
    }


def print_plan(plan: Plan) -> None:
    request = plan.request
    about = ", ".join(
        part
        for part in (
            request.when,
            "focus " + "+".join(sorted(request.focus)) if request.focus else "",
            "with " + "+".join(sorted(request.equipment)) if request.equipment else "no gear",
        )
        if part
    )
    print(f"{request.minutes:g}-minute plan ({about}), seed {request.seed}:")
    for number, item in enumerate(plan.items, start=1):
        move = item.move.move
        targets = ", ".join(move.targets[:3])
        line = f"{number:>2}. {move.name:<42.42} {describe_dose(item.dose):<16} {format_duration(plan.seconds_of(item)):>6}  {targets}"
        print(clean_text(line))
    focus = f" · focus {plan.focus_seconds / max(1, plan.total_seconds):.0%}" if request.focus else ""
    print(f"Total {format_duration(plan.total_seconds)}{focus}")
    if plan.note:
        print(plan.note)
