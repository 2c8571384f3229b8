"""`hiptui pack ...`: list and validate packs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hiptui.base.text import clean_text
from hiptui.catalog.formatting import counted
from hiptui.cli import manage

if TYPE_CHECKING:
    from hiptui.catalog.library import Library, PackRecord
    from hiptui.cli.parser import Parser


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    pack = commands.add_parser("pack", help="list, check and manage content packs")
    sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="every pack, with its source and any error")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_packs)

    validate = sub.add_parser("validate", help="check pack files; problems as PATH:LINE:COL: message")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.set_defaults(handler=validate_packs)

    manage.add_commands(sub)


def list_packs(args: argparse.Namespace) -> int:
    from hiptui.catalog.library import load_library

    library = load_library()
    try:
        return _print_packs(library, args.json)
    finally:
        library.save_cache()  # after the list is out: the next command reads what this one parsed


def _print_packs(library: Library, as_json: bool) -> int:
    from hiptui.data.settings import load_settings

    if as_json:
        print(json.dumps([record.as_json() for record in library.records], indent=2))
        return 0
    disabled = set(load_settings().settings.disabled_packs)
    rows = [("ID", "NAME", "VERSION", "SOURCE", "MOVES", "ROUTINES", "STATE")]
    for record in library.records:
        info = record.as_json()
        rows.append(
            (
                str(info["id"] or "?"),
                str(info["name"] or record.location),
                str(info["version"] or "-"),
                record.source,
                str(info["moves"]),
                str(info["routines"]),
                record_state(record, disabled),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(clean_text("  ".join(cell.ljust(width) for cell, width in zip(row, widths))).rstrip())
    for record in library.records:
        if record.error:
            manage.say(f"error: {record.error}", sys.stderr)
    return 0


def record_state(record: PackRecord, disabled: set[str]) -> str:
    if record.shadowed_by:
        return "id taken"
    if record.stale:
        return "broken, last good in use"
    if record.pack is None:
        return "error"
    return "disabled" if record.pack.id in disabled else "ok"


def validate_packs(args: argparse.Namespace) -> int:
    from hiptui.packs.loader import load_pack_file

    failed = False
    for path in args.paths:
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        for file in files:
            result = load_pack_file(file)
            for problem in result.problems:
                manage.say(str(problem), sys.stderr)
            if result.errors or (args.strict and result.problems):
                failed = True
            elif result.pack is not None:
                pack = result.pack
                moves, routines = counted(pack.moves, "move"), counted(pack.routines, "routine")
                manage.say(f"{file}: ok: pack {pack.id!r}, {moves}, {routines}")
    return 1 if failed else 0
