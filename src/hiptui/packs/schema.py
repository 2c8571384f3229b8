"""The pack format as a JSON Schema (draft 2020-12), generated from the model, for pack authors' editors.

What the schema cannot say (duplicate ids, `hold_pose` beyond the poses given, a duration string over its
bound) `hiptui pack validate` still catches; tests/test_pack_schema.py lists each such case.
"""

from __future__ import annotations

from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from hiptui.base.durations import MAX_DURATION_TEXT, parse_duration
from hiptui.base.terms import EQUIPMENT, KNOWN_CATEGORIES, KNOWN_WHEN, POSITIONS, REF_PATTERN, TARGETS
from hiptui.figure import BASES, MAX_POSES, POINTS, PROPS
from hiptui.figure.spec import BODY_POINTS
from hiptui.packs.fieldref import TABLES, field_docs
from hiptui.packs.figure_model import BANDS
from hiptui.packs.model import Pack

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DURATION_PATTERN = r"^\s*(?=[^a-zA-Z]*\d)(?:\d{1,4}\s*[hH])?\s*(?:\d{1,5}\s*[mM])?\s*(?:\d{1,6}\s*[sS]?)?\s*$"
"""The strings `parse_duration` reads ("90s", "2m", "1m30s", "1h"), as an ECMA-262 pattern."""

_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("FigurePose", "base"): tuple(BASES),
    ("FigureProp", "prop"): PROPS,
    ("FigureProp", "at"): BODY_POINTS,
    ("FigureProp", "to"): POINTS,
}
"""Fields checked against a list by an after-validator, which pydantic's schema does not show."""
_EXAMPLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Move", "category"): KNOWN_CATEGORIES,
    ("Move", "position"): POSITIONS,
    ("Move", "targets"): TARGETS,
    ("Move", "equipment"): EQUIPMENT,
    ("Move", "when"): KNOWN_WHEN,
    ("Routine", "when"): KNOWN_WHEN,
}
"""The shared vocabulary (other slugs are allowed), offered to an editor's completion."""
_RULES: dict[str, dict[str, Any]] = {
    "Move": {
        "oneOf": [{"required": ["hold"]}, {"required": ["reps"]}],
        "dependentSchemas": {"hold": {"properties": {"rep_seconds": False}}},
    },
    "RoutineEntry": {"dependentSchemas": {"hold": {"properties": {"reps": False}}}},
    "FigureProp": {"dependentSchemas": {"to": {"properties": {"prop": {"enum": list(BANDS)}}}}},
}
"""Rules the models check in validators: a dose is a hold or reps, never both; rep_seconds only with reps;
only a band or strap has a second end."""
_ONE_OR_TABLE: dict[tuple[str, str], dict[str, Any]] = {
    ("Routine", "moves"): {"type": "string", "pattern": REF_PATTERN},
    ("MoveFigure", "props"): {"enum": list(PROPS)},
}
"""List fields whose items may be a plain string instead of a table (a before-validator turns it into one)."""
_BOUNDS: dict[tuple[str, str], dict[str, int]] = {("MoveFigure", "hold_pose"): {"minimum": 1, "maximum": MAX_POSES}}
"""Bounds a validator checks; the pose must also be one of those given, which the schema cannot say."""


def pack_schema() -> dict[str, Any]:
    """The JSON Schema of a pack file."""
    schema = Pack.model_json_schema()
    models = {model.__name__: model for _, model in TABLES}
    definitions: dict[str, Any] = schema.pop("$defs")
    for name, definition in [*definitions.items(), ("Pack", schema)]:
        _adjust_model(name, models[name], definition)
    return {
        "$schema": DRAFT,
        "title": "hiptui pack",
        "description": "A hiptui content pack (pack format 1). Check a file with: hiptui pack validate FILE",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
        "$defs": definitions,
    }


def _adjust_model(name: str, model: type[BaseModel], definition: dict[str, Any]) -> None:
    definition.pop("title", None)
    if model.__doc__ and model is not Pack:
        definition["description"] = " ".join(model.__doc__.split())
    docs = field_docs(model)
    for field, prop in definition["properties"].items():
        info = model.model_fields[field]
        adjusted = _duration(info) if _takes_duration(info) else _without_null(prop)
        if field in docs:
            adjusted["description"] = " ".join(docs[field].split())
        if values := _ENUMS.get((name, field)):
            adjusted["enum"] = list(values)
        if examples := _EXAMPLES.get((name, field)):
            (adjusted["items"] if adjusted.get("type") == "array" else adjusted)["examples"] = list(examples)
        adjusted.update(_BOUNDS.get((name, field), {}))
        if plain := _ONE_OR_TABLE.get((name, field)):
            adjusted["items"] = {"anyOf": [plain, adjusted["items"]]}
        definition["properties"][field] = adjusted
    definition.update(_RULES.get(name, {}))


def _without_null(prop: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: an optional field is one that may be left out."""
    prop = {key: value for key, value in prop.items() if key != "title" and not (key == "default" and value is None)}
    options = [option for option in prop.pop("anyOf", []) if option != {"type": "null"}]
    if len(options) == 1:
        prop.update(options[0])
    elif options:
        prop["anyOf"] = options
    return prop


def _duration(info: FieldInfo) -> dict[str, Any]:
    bounds = {"minimum": _bound(info, "ge"), "maximum": _bound(info, "le")}
    prop: dict[str, Any] = {
        "anyOf": [
            {"type": "integer", **bounds},
            {"type": "string", "pattern": DURATION_PATTERN, "maxLength": MAX_DURATION_TEXT},
        ]
    }
    if isinstance(info.default, int):
        prop["default"] = info.default
    return prop


def _annotations(annotation: Any) -> list[Any]:
    """Every piece of metadata in `annotation`, through unions and Annotated."""
    found: list[Any] = []
    if get_origin(annotation) is Annotated:
        found += list(annotation.__metadata__)
    for argument in get_args(annotation):
        found += _annotations(argument)
    return found


def _takes_duration(info: FieldInfo) -> bool:
    metadata = [*info.metadata, *_annotations(info.annotation)]
    return any(isinstance(item, BeforeValidator) and item.func is parse_duration for item in metadata)


def _bound(info: FieldInfo, which: str) -> int:
    for item in [*info.metadata, *_annotations(info.annotation)]:
        if isinstance(item, FieldInfo):
            return _bound(item, which)
        if (value := getattr(item, which, None)) is not None:
            return int(value)
    raise ValueError(f"a duration field without a {which} bound")
