"""`hiptui pack new | install | remove | export | schema | import`: authoring and managing packs."""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from hiptui.base.files import atomic_write
from hiptui.base.paths import user_packs_dir
from hiptui.base.terms import SLUG_PATTERN
from hiptui.base.text import clean_text, quoted, shorten
from hiptui.catalog.formatting import counted
from hiptui.cli import CommandError
from hiptui.packs.reading import kind_of
from hiptui.plugins.host import USER

if TYPE_CHECKING:
    from hiptui.catalog.library import Library, PackRecord
    from hiptui.cli.parser import Parser


def add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    new = sub.add_parser("new", help="write a commented pack template, ID.toml")
    new.add_argument("id", metavar="ID")
    new.add_argument("--dir", type=Path, default=Path("."), help="where to write it (default: here)")
    new.set_defaults(handler=new_pack)

    schema = sub.add_parser("schema", help="the pack format as a JSON Schema, for editors")
    schema.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    schema.set_defaults(handler=print_schema)

    install = sub.add_parser("install", help="install a pack file, or a plugin with pip")
    install.add_argument("source", metavar="SOURCE", help="a .toml pack file, or a pip requirement")
    install.add_argument("--force", action="store_true", help="replace your own earlier copy of the same pack")
    install.set_defaults(handler=install_pack)

    imported = sub.add_parser("import", help="a free-exercise-db JSON file as a pack of yours")
    imported.add_argument(
        "file", metavar="FILE.json", type=Path, help="free-exercise-db's exercises.json, or part of it"
    )
    imported.add_argument("--all", action="store_true", help="keep every exercise, not only stretching and mobility")
    imported.add_argument("--id", default="free-exercise-db", help="the new pack's id (default: free-exercise-db)")
    imported.add_argument("--out", type=Path, metavar="PATH", help="write the pack file here instead of installing it")
    imported.add_argument("--force", action="store_true", help="replace your earlier pack of the same id")
    imported.set_defaults(handler=import_pack)

    remove = sub.add_parser("remove", help="remove a pack you installed")
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--uninstall", action="store_true", help="for a plugin's pack, run pip uninstall")
    remove.set_defaults(handler=remove_pack)

    export = sub.add_parser("export", help="write a loaded pack as a pack file")
    export.add_argument("id", metavar="ID")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=export_pack_command)


def new_pack(args: argparse.Namespace) -> int:
    from hiptui.packs.template import SCHEMA_FILE, render_template

    if not re.fullmatch(SLUG_PATTERN, args.id):
        raise CommandError(f"{quoted(args.id)} is not a valid pack id: use lowercase letters, digits and '-'")
    path = args.dir / f"{args.id}.toml"
    if os.path.lexists(path):
        raise CommandError(f"{path} already exists; choose another id or --dir")
    atomic_write(path, render_template(args.id).encode())
    say(f"wrote {path}; check it with: hiptui pack validate {path}")
    schema = args.dir / SCHEMA_FILE
    if os.path.lexists(schema) and not schema.is_file():
        say(f"{schema} is not a file; editors will not find the pack schema (hiptui pack schema prints it)", sys.stderr)
    else:
        atomic_write(schema, schema_text().encode())
        say(f"wrote {schema}, which editors read for completion and checks (see CONTRIBUTING.md)")
    return 0


def schema_text() -> str:
    from hiptui.packs.schema import pack_schema

    return json.dumps(pack_schema(), indent=2) + "\n"


def print_schema(args: argparse.Namespace) -> int:
    if args.output is None:
        sys.stdout.write(schema_text())
    else:
        write_output(args.output, schema_text().encode())
        say(f"wrote {args.output}", sys.stderr)
    return 0


def install_pack(args: argparse.Namespace) -> int:
    source = Path(args.source)
    if args.source.endswith(".toml") or (os.path.lexists(source) and not source.is_dir()):
        return _install_file(source, args.force)
    return _install_plugin(args.source)


def _install_file(source: Path, force: bool) -> int:
    from hiptui.packs.loader import read_pack_file

    data = read_pack_file(source)
    if not isinstance(data, bytes):
        for problem in data.problems:
            say(str(problem), sys.stderr)
        raise CommandError(f"{source} is not a valid pack; nothing was installed")
    return install_bytes(data, str(source), force)


def install_bytes(data: bytes, source: str, force: bool) -> int:
    """Validate a pack file's bytes, then write them into the user's packs folder (nothing if invalid)."""
    from hiptui.catalog.library import load_library
    from hiptui.packs.loader import load_pack_bytes

    result = load_pack_bytes(data, source)
    for problem in result.problems:
        say(str(problem), sys.stderr)
    if result.pack is None:
        raise CommandError(f"{source} is not a valid pack; nothing was installed")
    pack = result.pack
    library = load_library()
    owner = library.record_for(pack.id)
    target = user_packs_dir() / f"{pack.id}.toml"
    if owner is not None and owner.source != USER:
        raise CommandError(
            f"pack id {pack.id!r} is already taken by {owner.source} ({owner.location}); choose another id"
        )
    if owner is not None and not force:
        raise CommandError(f"you already have pack {pack.id!r} ({owner.location}); use --force to replace it")
    if owner is None and os.path.lexists(target) and not force:
        broken = next((r.error for r in library.records if r.location == str(target) and r.error), None)
        what = f"a pack that does not load ({broken})" if broken else "a file of that name"
        raise CommandError(f"you already have {what} at {target}; use --force to replace it")
    if owner is not None and Path(owner.location) != target:
        Path(owner.location).unlink(missing_ok=True)
    atomic_write(target, data)
    say(f"installed pack {pack.id!r} ({counted(pack.moves, 'move')}, {counted(pack.routines, 'routine')}) to {target}")
    return 0


MAX_IMPORT_BYTES = 16 * 1024 * 1024
"""free-exercise-db's whole exercises.json is about 1 MiB."""


def import_pack(args: argparse.Namespace) -> int:
    import tomli_w

    from hiptui.packs.importer import ImportProblem, import_exercises, parse_exercises
    from hiptui.packs.loader import MAX_PACK_BYTES, load_pack_bytes
    from hiptui.packs.reading import NotARegularFile, TooBig, read_regular_file

    if not re.fullmatch(SLUG_PATTERN, args.id):
        raise CommandError(f"{quoted(args.id)} is not a valid pack id: use lowercase letters, digits and '-'")
    try:
        data = read_regular_file(args.file, MAX_IMPORT_BYTES)
    except TooBig:
        raise CommandError(f"{args.file} is more than {MAX_IMPORT_BYTES // 2**20} MiB; nothing was imported") from None
    except NotARegularFile as error:
        raise CommandError(f"cannot read {args.file}: {error}") from None
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror or error}") from None
    name = clean_text(args.file.name)
    info = {
        "id": args.id,
        "name": "Free Exercise DB" if args.id == "free-exercise-db" else args.id.replace("-", " ").title()[:80],
        "version": "1.0.0",
        "description": f"Exercises from free-exercise-db ({shorten(name, 80)}), imported by hiptui pack import"
        + ("." if args.all else ": its stretching, foam rolling and hip and leg strength."),
    }
    try:
        imported = import_exercises(parse_exercises(data), info, args.all)
    except ImportProblem as error:
        raise CommandError(f"{args.file}: {error}; nothing was imported") from None
    reasons = [f"{count} {reason}" for reason, count in imported.skipped.most_common(SHOWN_REASONS)]
    skipped = "; ".join(reasons + _more(len(imported.skipped) - len(reasons)))
    say(f"read {imported.read} exercises: kept {imported.kept}, skipped {imported.skipped.total()}"
        + (f" ({skipped})" if skipped else ""), sys.stderr)  # fmt: skip
    guesses = imported.guesses[:SHOWN_GUESSES]
    for guess in guesses + _more(len(imported.guesses) - len(guesses)):
        say(f"guessed: {guess}", sys.stderr)
    if not imported.kept:
        hint = "" if args.all else " (--all keeps every exercise)"
        raise CommandError(f"no exercise to import{hint}; nothing was written")
    text = IMPORT_HEADER + tomli_w.dumps(imported.document, multiline_strings=False)
    packed = text.encode()
    if len(packed) > MAX_PACK_BYTES:
        raise CommandError(f"the pack would be {len(packed)} bytes, over the 2 MiB a pack may be; import fewer moves")
    if args.out is None:
        return install_bytes(packed, f"{args.id}.toml (imported)", args.force)
    result = load_pack_bytes(packed, str(args.out))
    if result.errors:
        raise CommandError(f"the imported pack does not validate: {result.errors[0]}")
    write_output(args.out, packed)
    say(f"wrote {args.out}; install it with: hiptui pack install {args.out}")
    return 0


SHOWN_REASONS, SHOWN_GUESSES = 5, 8
"""An import says at most this many reasons for skipping and guesses (the most common first), then how many more."""


def _more(count: int) -> list[str]:
    return [f"…and {count} more"] if count > 0 else []


IMPORT_HEADER = """\
# Imported from free-exercise-db (https://github.com/yuhonas/free-exercise-db) by hiptui pack import.
# Doses, sides and positions were guessed; check them before you rely on them.
"""


def _pack_sources() -> dict[str, list[str]]:
    """Pack ids by source, asked of a fresh interpreter so newly installed plugins are seen."""
    import subprocess

    listing = subprocess.run(
        [sys.executable, "-m", "hiptui", "pack", "list", "--json"], capture_output=True, text=True, check=False
    )
    found: dict[str, list[str]] = {}
    for record in json.loads(listing.stdout or "[]"):
        found.setdefault(record["source"], []).append(record["id"] or record["error"])
    return found


def _install_plugin(requirement: str) -> int:
    import subprocess

    before = _pack_sources()
    say(f"installing {requirement} with pip…", sys.stderr)
    pip = subprocess.run([sys.executable, "-m", "pip", "install", requirement], check=False)
    if pip.returncode != 0:
        raise CommandError(f"pip could not install {requirement!r} (exit {pip.returncode})")
    after = _pack_sources()
    added = {source: ids for source, ids in after.items() if source.startswith("plugin:") and ids != before.get(source)}
    if not added:
        say(f"{requirement} was installed; it registers no pack (a plugin may add other features)")
        return 0
    for source, ids in added.items():
        say(f"{source.removeprefix('plugin:')} registers: {', '.join(str(i) for i in ids)}")
    return 0


def remove_pack(args: argparse.Namespace) -> int:
    from hiptui.catalog.library import load_library

    library = load_library()
    record = library.record_for(args.id) or _any_record(library, args.id)
    if record is None:
        raise CommandError(f"no pack {args.id!r} is installed (see 'hiptui pack list')")
    if record.source == USER:
        Path(record.location).unlink()
        say(f"removed pack {args.id!r} ({record.location})")
        return 0
    if record.source.startswith("plugin:"):
        dist = record.source.removeprefix("plugin:")
        import subprocess

        command = [sys.executable, "-m", "pip", "uninstall", "-y", dist]
        if not args.uninstall:
            raise CommandError(
                f"pack {args.id!r} comes from the plugin {dist!r}; remove it with: "
                f"{Path(sys.executable).name} -m pip uninstall {dist}  (or: hiptui pack remove {args.id} --uninstall)"
            )
        return subprocess.run(command, check=False).returncode
    raise CommandError(f"pack {args.id!r} is built in; you can disable it in the app's Packs screen instead")


def _any_record(library: Library, pack_id: str) -> PackRecord | None:
    return next((r for r in library.records if r.pack is not None and r.pack.id == pack_id), None)


def export_pack_command(args: argparse.Namespace) -> int:
    from hiptui.catalog.library import load_library
    from hiptui.packs.writing import export_pack

    record = load_library().record_for(args.id)
    if record is None or record.pack is None:
        raise CommandError(f"no pack {args.id!r} is loaded (see 'hiptui pack list')")
    text = export_pack(record.pack)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_output(args.output, text.encode())
        say(f"wrote {args.output}", sys.stderr)
    return 0


def write_output(path: Path, data: bytes) -> None:
    """Replace a regular file (or make a new one) atomically; follow a symlink and do the same to its target;
    write through a FIFO or a character device (as `> path` would); refuse anything else."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISREG(mode):
        try:
            atomic_write(target, data)
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
        return
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise CommandError(f"{path} is {kind_of(mode)}; give the name of a file to write")
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise CommandError(f"nothing is reading from the FIFO {path}; nothing was written") from None
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb", closefd=False) as stream:
            stream.write(data)
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def say(text: str, stream: TextIO | None = None) -> None:
    """Print a line that may hold outside text (a file name, a pack's words), cleaned."""
    print(clean_text(text), file=stream or sys.stdout)
