"""The user's settings, kept in $HIPTUI_HOME/settings.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hiptui.paths import data_home
from hiptui.store import atomic_write, set_aside

SETTINGS_FILE = "settings.toml"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    ready_seconds: int = Field(10, ge=0, le=120)
    switch_seconds: int = Field(5, ge=0, le=120)
    bell: bool = True
    theme: str = "textual-dark"
    disabled_packs: list[str] = []


@dataclass
class Loaded:
    settings: Settings
    notice: str | None = None


def settings_path(home: Path | None = None) -> Path:
    return (home or data_home()) / SETTINGS_FILE


def load_settings(home: Path | None = None) -> Loaded:
    """The saved settings; a file that cannot be read is set aside and reported, and defaults are used."""
    path = settings_path(home)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Loaded(Settings())
    except OSError as error:
        return Loaded(Settings(), f"cannot read {path}: {error.strerror or error}; using default settings")
    try:
        return Loaded(Settings.model_validate(tomllib.loads(data.decode("utf-8"))))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError, RecursionError, ValueError) as error:
        reason = str(error).splitlines()[0]
        try:
            kept = set_aside(path)
        except OSError:
            return Loaded(Settings(), f"{path} could not be read ({reason}); using default settings")
        return Loaded(Settings(), f"{path} could not be read ({reason}); it was kept as {kept.name}")


def save_settings(settings: Settings, home: Path | None = None) -> None:
    atomic_write(settings_path(home), tomli_w.dumps(settings.model_dump()).encode())
