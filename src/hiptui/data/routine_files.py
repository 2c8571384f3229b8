"""Validating what the user's routine and queue files hold, with the pack format's models.

Imported only when such a file is read or a routine is made, so that loading the packs never needs pydantic.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from hiptui.packs import plain
from hiptui.packs.model import Routine, RoutineEntry, entry_from_ref


class InvalidFile(ValueError):
    """What a file holds is not valid; the message is the first problem, `count` how many there are."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(error.errors()[0]["msg"])
        self.count = error.error_count()


class _QueueFile(BaseModel):
    model_config = ConfigDict(extra="ignore")
    moves: list[Annotated[RoutineEntry, BeforeValidator(entry_from_ref)]] = []
    origin: str | None = None
    """The routine the queue is, unchanged since it was loaded or saved."""


def routine_from(document: dict[str, Any]) -> plain.Routine:
    """The routine a document describes, validated as a pack's routine is; InvalidFile if it is not one."""
    try:
        return Routine.model_validate(document).to_plain()
    except ValidationError as error:
        raise InvalidFile(error) from None


def queue_from(document: dict[str, Any]) -> tuple[list[plain.RoutineEntry], str | None]:
    """The entries and origin of a saved queue; InvalidFile if the document is not one."""
    try:
        saved = _QueueFile.model_validate(document)
    except ValidationError as error:
        raise InvalidFile(error) from None
    return [entry.to_plain() for entry in saved.moves], saved.origin
