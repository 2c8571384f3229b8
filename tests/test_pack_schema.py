"""`hiptui pack schema` agrees with `hiptui pack validate` over the golden corpus and the built-in packs."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hiptui.base.durations import parse_duration
from hiptui.packs.loader import load_pack_file
from hiptui.packs.schema import DURATION_PATTERN, pack_schema
from hiptui.packs.template import render_template
from tests.test_cli import hiptui

REPO = Path(__file__).resolve().parents[1]
CORPUS = sorted((REPO / "tests" / "bad_packs").glob("*.toml")) + sorted((REPO / "packs").glob("*.toml"))

SCHEMA_CANNOT_SAY = {
    "duplicate-move-ids": "ids unique across tables: JSON Schema's uniqueItems compares whole items",
    "duplicate-routine-ids": "ids unique across tables: JSON Schema's uniqueItems compares whole items",
    "figure-hold-pose-3-of-2": "hold_pose must name one of the poses given: a bound that depends on another field",
}
"""Files `pack validate` refuses and the schema accepts, and why the schema cannot say so."""


BEYOND_THE_SCHEMA = {
    "a duration string past its bound": 'hold = "2h"',
    "a pose number past the poses given": "hold_pose = 2",
}
"""Inline cases of the same kind, with what they add to a valid move."""
MOVE_WITH_A_FIGURE = """
[pack]
id = "p"
name = "P"
version = "1"
[[moves]]
id = "m"
name = "M"
category = "stretch"
steps = ["Breathe."]
{dose}
[moves.figure]
poses = [{{ base = "supine" }}]
{figure}
"""


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = pack_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_valid(validator: Draft202012Validator, data: bytes) -> bool | None:
    """Whether the schema accepts the file's document; None when it is not a TOML document at all."""
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return validator.is_valid(document)


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_schema_and_validate_agree(path: Path, validator: Draft202012Validator) -> None:
    validate_valid = not load_pack_file(path).errors
    by_schema = schema_valid(validator, path.read_bytes())
    if by_schema is None:
        assert not validate_valid  # not TOML: nothing for a schema to check, and validate refuses it
    elif path.stem in SCHEMA_CANNOT_SAY:
        assert (by_schema, validate_valid) == (True, False), "no longer an exception: remove it from the list"
    else:
        assert by_schema == validate_valid


@pytest.mark.parametrize("case", sorted(BEYOND_THE_SCHEMA))
def test_what_only_validate_refuses(case: str, validator: Draft202012Validator, tmp_path: Path) -> None:
    line = BEYOND_THE_SCHEMA[case]
    dose, figure = ("hold = 30", line) if line.startswith("hold_pose") else (line, "")
    text = MOVE_WITH_A_FIGURE.format(dose=dose, figure=figure)
    (path := tmp_path / "p.toml").write_text(text)
    assert validator.is_valid(tomllib.loads(text)) and load_pack_file(path).errors


def test_the_template_is_schema_valid(validator: Draft202012Validator) -> None:
    text = render_template("my-pack")
    assert not validator.is_valid({}) and validator.is_valid(tomllib.loads(text))


@pytest.mark.parametrize(
    "text", ["90", "90s", "2m", "1m30s", "1h", " 1M 30S ", "2 minutes", "s", "", "m30", "1m30ss", "1.5m", "h1"]
)
def test_the_duration_pattern_reads_what_parse_duration_reads(text: str) -> None:
    try:
        parse_duration(text)
        parsed = True
    except ValueError:
        parsed = False
    assert bool(re.search(DURATION_PATTERN, text)) == parsed


def test_descriptions_bounds_and_unknown_keys(validator: Draft202012Validator) -> None:
    move = pack_schema()["$defs"]["Move"]
    assert move["additionalProperties"] is False
    assert move["properties"]["sets"]["maximum"] == 20 and move["properties"]["hold"]["description"].startswith(
        "Seconds a hold lasts"
    )
    assert "figure" in move["properties"]  # generated: a new field of the model shows without a change here


def test_pack_schema_command_prints_it(hiptui_home: Path) -> None:
    result = hiptui("pack", "schema", home=hiptui_home)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == pack_schema()


def test_pack_new_points_editors_to_the_schema_beside_it(tmp_path: Path, hiptui_home: Path) -> None:
    assert hiptui("pack", "new", "mine", "--dir", str(tmp_path), home=hiptui_home).returncode == 0
    first = (tmp_path / "mine.toml").read_text().splitlines()[0]
    assert first == "#:schema ./hiptui-pack.schema.json"
    assert json.loads((tmp_path / "hiptui-pack.schema.json").read_text()) == pack_schema()
    (tmp_path / "hiptui-pack.schema.json").write_text("{}")  # a stale copy is refreshed by the next pack
    assert hiptui("pack", "new", "other", "--dir", str(tmp_path), home=hiptui_home).returncode == 0
    assert json.loads((tmp_path / "hiptui-pack.schema.json").read_text()) == pack_schema()
