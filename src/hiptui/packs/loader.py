"""Reading a pack file: limits first, then TOML, then the model, with every problem located."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import tomli
from pydantic import BaseModel, ValidationError

from hiptui.base.problems import Problem, Severity, field_name
from hiptui.base.terms import KNOWN_CATEGORIES, KNOWN_WHEN, SLUG_PATTERN
from hiptui.base.text import clean_text, is_clean, quoted, shorten
from hiptui.packs.figure_model import FigurePose, FigureProp, MoveFigure
from hiptui.packs.locate import Locator
from hiptui.packs.model import (
    MAX_MOVES,
    MAX_ROUTINES,
    TRUSTED,
    Move,
    Pack,
    PackInfo,
    Routine,
    RoutineEntry,
)
from hiptui.packs.plain import PackResult, Result
from hiptui.packs.reading import NotARegularFile, TooBig, read_regular_file
from hiptui.packs.suggest import Suggester

MAX_PACK_BYTES = 2 * 1024 * 1024
MAX_DOTTED_PARTS = 8
MAX_NESTING = 64
MAX_PROBLEMS = 100
"""Problems listed per file; past them, only their number."""
MAX_TABLES = 1 + MAX_MOVES + MAX_ROUTINES
"""Table headers the TOML parser is given at most: many small tables are what it parses slowest."""
BYTE_ORDER_MARK = "\ufeff"
"""Some editors start a UTF-8 file with one; it is not part of the TOML."""
SUGGESTED_WORDS = 200
"""Missing or unknown names that get a "did you mean" hint, per pack; later ones get none."""
SUGGESTION_CANDIDATES = 100
"""Names a hint is looked for among: those sharing the most leading (or trailing) letters."""

_LONG_DOTTED_KEY = re.compile(
    r"""(?:^|[\[{,])[ \t]*(?:(?:[A-Za-z0-9_-]++|"[^"\n]{0,200}"|'[^'\n]{0,200}')[ \t]*\.[ \t]*)"""
    + f"{{{MAX_DOTTED_PARTS}}}",
    re.MULTILINE,
)
"""A key of too many dotted parts, where keys can start: a line, a table header, an inline table."""
_MANY_DOTS_ON_A_LINE = re.compile(r"\.(?:[^\n.]*+\.)" + f"{{{MAX_DOTTED_PARTS - 1}}}")
"""A cheap first look for lines that could hold such a key (possessive, so it never backtracks)."""
_NESTING_TOKEN = re.compile(
    r"""\"\"\"(?:[^"\\]|\\.|"(?!""))*+"{3,5}|'''(?:[^']|'(?!''))*+'{3,5}|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+'|\#[^\n]*+|[\[\]{}]""",
    re.DOTALL,
)
"""Strings and comments (whose brackets do not count), and brackets."""
_HUGE_NUMBER = re.compile(r"(?<![A-Za-z0-9_\"'-])[+-]?[0-9_]{4300,}")
_TABLE_HEADER = re.compile(r"^[ \t]*+\[", re.MULTILINE)
"""What starts a table (or a line of an array, or of a multi-line string: those are rare, and so counted too)."""
_MOVES_HEADER = re.compile(r"""^[ \t]*\[\[[ \t]*(?:moves|"moves"|'moves')[ \t]*\]\]""", re.MULTILINE)
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")

Loc = tuple[str | int, ...]
_ERROR: Severity = "error"


@dataclass
class LoadResult(Result[Pack]):
    """A pack as the model validated it, or why there is none."""

    def to_plain(self) -> PackResult:
        """The result as the rest of hiptui reads it: the pack as plain data."""
        pack = None if self.pack is None else self.pack.to_plain()
        return PackResult(self.source, pack, self.problems, self.claimed_id)


def load_pack_file(path: Path) -> LoadResult:
    data = read_pack_file(path)
    return data if isinstance(data, LoadResult) else load_pack_bytes(data, str(path))


def read_pack_file(path: Path) -> bytes | LoadResult:
    """The bytes of the pack file at `path`, or why they cannot be read: it is too big, or not a regular file."""
    source = str(path)
    try:
        return read_regular_file(path, MAX_PACK_BYTES)
    except TooBig as error:
        return _too_big(source, error.size, error.exact)
    except NotARegularFile as error:
        return _failed(source, f"cannot read the file: {error}")
    except OSError as error:
        return _failed(source, f"cannot read the file: {error.strerror or error}")


def load_pack_bytes(data: bytes, source: str) -> LoadResult:
    if len(data) > MAX_PACK_BYTES:
        return _too_big(source, len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return _failed(source, "the file is not valid UTF-8 text", line, column)
    return load_pack_text(text.removeprefix(BYTE_ORDER_MARK), source)


def load_pack_text(text: str, source: str) -> LoadResult:
    if problem := _too_costly(text, source):
        return LoadResult(source, problems=[problem])
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line, column = (int(match[1]), int(match[2])) if match else (None, None)
        reason = _TOML_POSITION.sub("", message)
        if reason == "Illegal character '\\n'":
            reason = "the line ends before the string is closed"
        return _failed(source, "invalid TOML: " + reason, line, column)
    except RecursionError:
        return _failed(source, "invalid TOML: values are nested too deeply", *_too_deep_at(text))
    except (ValueError, MemoryError) as error:
        if huge := _HUGE_NUMBER.search(text):
            digits = sum(ch.isdigit() for ch in huge.group())
            message = f"invalid TOML: the number has {digits} digits; at most 4300 are allowed"
            return _failed(source, message, *_line_col(text, huge.start()))
        return _failed(source, f"invalid TOML: {clean_text(str(error))[:120]}")
    return validate_document(document, text, source)


def validate_document(document: dict[str, Any], text: str, source: str) -> LoadResult:
    """Turn a parsed TOML document into a Pack, locating its problems in `text` (the first MAX_PROBLEMS)."""
    context = {TRUSTED: True} if is_clean(text) else None
    try:
        pack = Pack.model_validate(document, context=context)
    except ValidationError as error:
        explained = list(islice(explain(error, document), MAX_PROBLEMS))
        unexplained = error.error_count() - len(explained)
        found = [(loc, message, _ERROR) for loc, message in [*explained, *_duplicate_ids(document)]]
        problems = _report(source, text, found, unexplained)
        claimed = _raw_at(document, ("pack", "id"))
        valid = isinstance(claimed, str) and re.fullmatch(SLUG_PATTERN, claimed)
        return LoadResult(source, problems=problems, claimed_id=claimed if valid else None)
    result = LoadResult(source, problems=_report(source, text, check_pack(pack)))
    if not result.errors:
        result.pack = pack
    return result


def _report(source: str, text: str, found: Iterable[tuple[Loc, str, Severity]], more_errors: int = 0) -> list[Problem]:
    """The first MAX_PROBLEMS problems found, located and in file order, then how many more there are:
    locating each of a hundred thousand problems costs more than all the rest of loading."""
    kept: list[tuple[Loc, str, Severity]] = []
    more = {"error": more_errors, "warning": 0}
    for problem in found:
        if len(kept) < MAX_PROBLEMS:
            kept.append(problem)
        else:
            more[problem[2]] += 1
    if not kept:
        return []
    locator = Locator(text, wanted=[loc for loc, _, _ in kept])
    problems = _dedupe([_locate(source, locator, loc, message, severity) for loc, message, severity in kept])
    if more["error"] or more["warning"]:
        counts = " and ".join(f"{n:,} more {kind}{'s' * (n != 1)}" for kind, n in more.items() if n)
        problems.append(Problem(source, f"{counts}, not listed", severity="error" if more["error"] else "warning"))
    return problems


def _duplicate_ids(document: dict[str, Any]) -> Iterable[tuple[Loc, str]]:
    """Duplicate move and routine ids, found in the raw document so they show beside other problems."""
    for table, what in (("moves", "move"), ("routines", "routine")):
        entries = document.get(table)
        seen: set[str] = set()
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            ident = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(ident, str) and ident in seen:
                yield (table, index, "id"), f"the id {quoted(ident)} is used by an earlier {what} of this pack"
            if isinstance(ident, str):
                seen.add(ident)


def check_pack(pack: Pack) -> Iterable[tuple[Loc, str, Severity]]:
    """What the model alone cannot see: duplicate ids, unknown tags, routines naming missing moves."""
    document = {"moves": [{"id": m.id} for m in pack.moves], "routines": [{"id": r.id} for r in pack.routines]}
    for loc, message in _duplicate_ids(document):
        yield loc, message, "error"
    move_ids = {move.id for move in pack.moves}
    category_hint, when_hint = Suggester(KNOWN_CATEGORIES), Suggester(KNOWN_WHEN)
    for index, move in enumerate(pack.moves):
        if move.category not in KNOWN_CATEGORIES:
            message = _unknown_tag("category", move.category, KNOWN_CATEGORIES, category_hint)
            yield ("moves", index, "category"), message, "warning"
        for position, tag in enumerate(move.when):
            if tag not in KNOWN_WHEN:
                yield (
                    ("moves", index, "when", position),
                    _unknown_tag("'when' tag", tag, KNOWN_WHEN, when_hint),
                    "warning",
                )
    move_hint = Suggester(move_ids, SUGGESTED_WORDS, SUGGESTION_CANDIDATES)
    for index, routine in enumerate(pack.routines):
        for position, entry in enumerate(routine.moves):
            pack_id, _, move_id = entry.move.rpartition("/")
            if pack_id in ("", pack.id) and move_id not in move_ids:
                message = f"no move {move_id!r} in this pack{move_hint(move_id)}"
                yield ("routines", index, "moves", position), message, "warning"


def _too_costly(text: str, source: str) -> Problem | None:
    """Refuse documents that would make the TOML parser take too much memory or time, before it starts."""
    position = 0
    while dots := _MANY_DOTS_ON_A_LINE.search(text, position):
        start = text.rfind("\n", 0, dots.start()) + 1
        end = text.find("\n", dots.end())
        position = len(text) if end < 0 else end
        # Each line is looked at once, from its start: keys can start only there or after [ { ,
        if match := _LONG_DOTTED_KEY.search(text, start, position):
            line, column = _line_col(text, match.start())
            return Problem(source, f"a key has more than {MAX_DOTTED_PARTS} dotted parts", line, column)
    if text.count("[[") > MAX_MOVES:
        headers = list(_MOVES_HEADER.finditer(text))
        if len(headers) > MAX_MOVES:
            line, column = _line_col(text, headers[MAX_MOVES].start())
            message = f"the pack has {len(headers)} moves; a pack may have at most {MAX_MOVES}"
            return Problem(source, message, line, column)
    if text.count("[") > MAX_TABLES and (past := next(islice(_TABLE_HEADER.finditer(text), MAX_TABLES, None), None)):
        line, column = _line_col(text, past.start())
        message = (
            f"the pack has more than {MAX_TABLES} tables; a pack has at most one [pack], "
            f"{MAX_MOVES} [[moves]] and {MAX_ROUTINES} [[routines]]"
        )
        return Problem(source, message, line, column)
    return None


def _too_big(source: str, size: int, exact: bool = True) -> LoadResult:
    amount = f"{size} bytes" if exact else f"more than {MAX_PACK_BYTES} bytes"
    message = f"the file is {amount}; a pack may be at most 2 MiB ({MAX_PACK_BYTES} bytes)"
    return _failed(source, message, 1, 1)


def _too_deep_at(text: str) -> tuple[int | None, int | None]:
    """Where the first value that nests more than MAX_NESTING levels deep starts (brackets in strings
    and comments do not count)."""
    opened: list[int] = []
    for token in _NESTING_TOKEN.finditer(text):
        bracket = token.group()
        if bracket in ("[", "{"):
            opened.append(token.start())
            if len(opened) > MAX_NESTING:
                return _line_col(text, opened[0])
        elif bracket in ("]", "}") and opened:
            opened.pop()
    return None, None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _failed(source: str, message: str, line: int | None = None, column: int | None = None) -> LoadResult:
    return LoadResult(source, problems=[Problem(source, message, line, column)])


def _locate(source: str, locator: Locator, loc: Loc, message: str, severity: Severity = "error") -> Problem:
    line, column = locator.position(loc)
    return Problem(source, message, line, column, field_name(loc) or None, severity)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """Unique problems, in the order they appear in the file."""
    return sorted(dict.fromkeys(problems), key=lambda p: (p.line or 0, p.column or 0))


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that validates the table at `loc` (where unknown keys are reported)."""
    shape = tuple("#" if isinstance(part, int) else part for part in loc)
    models: dict[tuple[str, ...], type[BaseModel]] = {
        (): Pack,
        ("pack",): PackInfo,
        ("moves", "#"): Move,
        ("routines", "#"): Routine,
        ("routines", "#", "moves", "#"): RoutineEntry,
        ("moves", "#", "figure"): MoveFigure,
        ("moves", "#", "figure", "poses", "#"): FigurePose,
        ("moves", "#", "figure", "props", "#"): FigureProp,
    }
    return models.get(shape)


def explain(error: ValidationError, document: dict[str, Any]) -> Iterable[tuple[Loc, str]]:
    """Each validation problem as (where, a message for a person), in the loader's words."""
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        message = _message(item["type"], loc, item.get("input"), item.get("ctx") or {}, item["msg"])
        if loc[-1:] in (("move",), ("prop",)) and isinstance(_raw_at(document, loc[:-1]), str):
            loc = loc[:-1]
        yield loc, message


def _raw_at(document: Any, loc: Loc) -> Any:
    """The raw value at `loc`, or None."""
    for part in loc:
        try:
            document = document[part]
        except (KeyError, IndexError, TypeError):
            return None
    return document


def _slug_problem(value: Any) -> str:
    shown = _show(value)
    if not isinstance(value, str) or re.search(r"[^a-z0-9-]", value):
        return f"{shown} is not a valid id: use only lowercase letters, digits and '-' (no spaces or capitals)"
    if len(value) > 63:
        return f"{shown} is not a valid id: at most 63 characters"
    return f"{shown} is not a valid id: it must start with a lowercase letter or a digit"


def _message(kind: str, loc: Loc, value: Any, ctx: dict[str, Any], default: str) -> str:
    key = loc[-1] if loc and isinstance(loc[-1], str) else None
    seconds = " seconds" if key in ("hold", "rest", "rep_seconds") else ""
    if kind == "missing":
        if loc == ("pack",):
            return "missing required table [pack]"
        return f"missing required key {key!r}"
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        known = list(model.model_fields) if model else []
        return f"unknown key {quoted(str(key))}{Suggester(known)(str(key))}"
    if kind == "string_pattern_mismatch":
        if "/" in str(ctx.get("pattern", "")) or key == "move":
            return (
                f"{_show(value)} is not a move reference: use 'move-id' or 'pack-id/move-id', "
                "in lowercase letters, digits and '-'"
            )
        return _slug_problem(value)
    if kind == "literal_error":
        if key == "format":
            return f"unsupported format {_show(value)}: this version of hiptui reads format 1"
        return f"{_show(value)} is not one of {ctx.get('expected', '')}"
    if kind in ("greater_than_equal", "greater_than"):
        least = ctx.get("ge", ctx.get("gt"))
        unit = seconds.rstrip("s") if least == 1 else seconds
        return f"must be at least {_number(least)}{unit} (got {_show(value)})"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {_number(ctx.get('le', ctx.get('lt')))}{seconds} (got {_show(value)})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "too_short":
        if isinstance(value, str) or ctx.get("min_length") == 1:
            return "must not be empty"
        return f"needs at least {ctx.get('min_length')} items"
    if kind == "too_long":
        if isinstance(value, str):
            return f"is longer than {ctx.get('max_length')} characters"
        return f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} are allowed"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        unquote = " without quotes" if isinstance(value, str) and value.strip().isdigit() else ""
        return f"must be a whole number{seconds}{unquote} (got {_show(value)})"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number of degrees (got {_show(value)})"
    if kind == "string_type":
        return f"must be text in quotes (got {_show(value)})"
    if kind == "bool_type":
        return f"must be true or false (got {_show(value)})"
    if kind == "list_type":
        if loc in (("moves",), ("routines",)):
            return f"must be a list of [[{loc[0]}]] tables (got {_show(value)})"
        return f'must be a list like ["a", "b"] (got {_show(value)})'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if _model_at(loc) is RoutineEntry:
            return f'must be a move id or a table like {{ move = "pigeon", hold = 60 }} (got {_show(value)})'
        return f"must be a table (got {_show(value)})"
    if kind == "value_error":
        return str(ctx.get("error", default.removeprefix("Value error, ")))
    return default[:1].lower() + default[1:]


def _number(bound: Any) -> Any:
    return int(bound) if isinstance(bound, float) and bound.is_integer() else bound


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return quoted(value) if isinstance(value, str) else shorten(str(value))


def _unknown_tag(kind: str, value: str, known: Iterable[str], hint: Suggester) -> str:
    return f"unknown {kind} {value!r}{hint(value) or '; known: ' + ', '.join(known)}"
