"""Writing a loaded pack back out as a pack file (with tomli-w), e.g. to fork a built-in pack."""

from __future__ import annotations

from typing import Any

import tomli_w

from hiptui.packs import model
from hiptui.packs.plain import Pack, pack_data


def pack_document(pack: Pack) -> dict[str, Any]:
    # Through the model, which knows each field's default (the pack was valid when loaded: checked again, cheaply).
    validated = model.Pack.model_validate(pack_data(pack), context={model.TRUSTED: True})
    document: dict[str, Any] = {"format": 1, "pack": validated.pack.model_dump(exclude_defaults=True)}
    document["moves"] = [move.model_dump(exclude_defaults=True, exclude_none=True) for move in validated.moves]
    routines = []
    for routine in validated.routines:
        data = routine.model_dump(exclude_defaults=True, exclude={"moves"})
        data["moves"] = [_entry(entry.model_dump(exclude_none=True)) for entry in routine.moves]
        routines.append(data)
    if routines:
        document["routines"] = routines
    return document


def _entry(entry: dict[str, Any]) -> str | dict[str, Any]:
    return entry["move"] if set(entry) == {"move"} else entry


def export_pack(pack: Pack) -> str:
    return tomli_w.dumps(pack_document(pack), multiline_strings=False)
