"""The user's settings, kept in $HIPTUI_HOME/settings.toml.

A NamedTuple rather than a pydantic model or a frozen dataclass: the app reads it before its first
frame, where importing pydantic would cost a third of the start-up and making a frozen dataclass
(its methods compiled from generated source) about a millisecond.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from hiptui.base.files import atomic_write, set_aside
from hiptui.base.paths import data_home
from hiptui.base.text import clean_text, summarised

SETTINGS_FILE = "settings.toml"
BOUNDS = {"ready_seconds": (0, 120), "switch_seconds": (0, 120)}
MAX_SETTINGS_BYTES = 256 * 1024
MAX_KEY_ENTRIES = 200
MAX_KEYS_LENGTH = 100
KEYS_EXAMPLE = '"builder.start" = "f5,s"'


class SettingsError(ValueError):
    """A setting with a value it cannot take; `field` names it."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name.replace('_', ' ')}: {message}")
        self.field = field_name


class Settings(NamedTuple):
    ready_seconds: int = 10
    switch_seconds: int = 5
    bell: bool = True
    theme: str = "textual-dark"
    motion: bool = True
    """Animate the figures (the app also stills them when TEXTUAL_ANIMATIONS=none)."""
    disabled_packs: tuple[str, ...] = ()
    keys: tuple[tuple[str, str], ...] = ()
    """The [keys] table: binding id and its keys, comma-separated, as written (the app checks both)."""
    unknown: tuple[tuple[str, Any], ...] = ()
    """Keys this hiptui does not know, kept as they were (and written back) so that nothing is lost."""
    refused: tuple[tuple[str, Any], ...] = ()
    """Settings whose value was wrong, as written: the default is used, and the value written back until
    the setting is changed (a [keys] table with a wrong entry is written back whole; its good entries work)."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from a document; wrong values raise SettingsError, unknown keys are kept in `unknown`."""
        settings, problems = cls.read(data)
        if problems:
            raise problems[0]
        return settings

    @classmethod
    def read(cls, data: dict[str, Any]) -> tuple[Settings, list[SettingsError]]:
        """Settings from a document, each wrong value left at its default and said why (and kept in
        `refused`, to be written back as it was); unknown keys are kept in `unknown`."""
        values: dict[str, Any] = {"unknown": tuple((k, v) for k, v in data.items() if k not in KNOWN)}
        problems: list[SettingsError] = []
        refused: list[tuple[str, Any]] = []
        for name in KNOWN:
            if name not in data:
                continue
            try:
                if name == "keys":
                    values[name], wrong = _keymap(data[name])
                    problems += wrong
                    refused += [(name, data[name])] if wrong else []
                else:
                    values[name] = _checked(name, data[name])
            except SettingsError as problem:
                problems.append(problem)
                refused.append((name, data[name]))
        return cls(**values, refused=tuple(refused)), problems

    def replace(self, **changes: Any) -> Settings:
        """These settings with `changes`, each checked (a wrong one raises SettingsError)."""
        for name, value in changes.items():
            _checked(name, value)
        return Settings.read({**self.as_dict(), **changes})[0]

    def as_dict(self) -> dict[str, Any]:
        known = {name: getattr(self, name) for name in KNOWN if name != "keys"}
        document = {**dict(self.unknown), **known, "disabled_packs": list(self.disabled_packs)}
        if self.keys:
            document["keys"] = dict(self.keys)
        return {**document, **dict(self.refused)}

    def unknown_key_notices(self) -> list[str]:
        import difflib

        notices = []
        for key, _ in self.unknown:
            close = difflib.get_close_matches(key, KNOWN, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(KNOWN)}"
            shown = " ".join(clean_text(key).split())[:60]
            notices.append(f"settings.toml: unknown key {shown!r}{hint}; it is kept but not used")
        return notices


KNOWN = tuple(name for name in Settings._fields if name not in ("unknown", "refused"))


def _checked(name: str, value: Any) -> Any:
    if name in BOUNDS:
        return _whole_number(name, value)
    if name in ("bell", "motion") and not isinstance(value, bool):
        raise SettingsError(name, "must be true or false")
    if name == "theme" and not (isinstance(value, str) and value):
        raise SettingsError(name, "must be a theme name")
    if name == "disabled_packs":
        if not (isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)):
            raise SettingsError(name, "must be a list of pack ids")
        return tuple(value)
    if name == "keys":
        pairs, problems = _keymap(value)
        if problems:
            raise problems[0]
        return pairs
    return value


def _whole_number(name: str, value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingsError(name, "must be a whole number of seconds")
    low, high = BOUNDS[name]
    if not low <= value <= high:
        raise SettingsError(name, f"must be from {low} to {high} seconds")
    return value


def _keymap(value: Any) -> tuple[tuple[tuple[str, str], ...], list[SettingsError]]:
    """The [keys] table as (binding id, "key,key") pairs, a list of keys joined with commas; and what is
    wrong with the entries left out."""
    if not isinstance(value, dict):
        raise SettingsError("keys", f"must be a table of binding ids and their keys, such as {KEYS_EXAMPLE}")
    if len(value) > MAX_KEY_ENTRIES:
        raise SettingsError("keys", f"has {len(value)} entries; at most {MAX_KEY_ENTRIES}")
    pairs, problems = [], []
    for binding_id, keys in value.items():
        shown = " ".join(clean_text(binding_id).split())[:60]
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str):
            problems.append(SettingsError("keys", f"{shown!r} must be keys in quotes, such as {KEYS_EXAMPLE}"))
        elif len(keys) > MAX_KEYS_LENGTH:
            problems.append(SettingsError("keys", f"{shown!r} is longer than {MAX_KEYS_LENGTH} characters"))
        else:
            pairs.append((binding_id, keys))
    return tuple(pairs), problems


class Loaded(NamedTuple):
    settings: Settings
    notice: str | None = None


def settings_path(home: Path | None = None) -> Path:
    return (home or data_home()) / SETTINGS_FILE


def load_settings(home: Path | None = None) -> Loaded:
    """The saved settings. A wrong value is reported and its default used, the rest kept; a file that is
    not TOML at all is set aside and reported, and defaults are used."""
    from hiptui.packs.reading import TooBig, read_regular_file

    path = settings_path(home)
    try:
        data = read_regular_file(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Loaded(Settings())
    except TooBig:
        limit = f"{MAX_SETTINGS_BYTES // 1024} KiB"
        return Loaded(Settings(), f"{path} is bigger than {limit}; using default settings (the file is left as it is)")
    except OSError as error:
        reason = error.strerror or str(error)
        return Loaded(Settings(), f"cannot read {path}: {reason}; using default settings (the file is left as it is)")
    import tomli  # only now: most people never write a settings file, and the first frame waits for this

    try:
        settings, problems = Settings.read(tomli.loads(data.decode("utf-8")))
        notices = [f"settings.toml: {problem}; the default is used" for problem in problems]
        notices += settings.unknown_key_notices()
        return Loaded(settings, summarised(notices) if notices else None)
    except (UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError, ValueError) as error:
        reason = str(error).splitlines()[0]
        try:
            kept = set_aside(path)
        except OSError:
            return Loaded(Settings(), f"{path} could not be read ({reason}); using default settings")
        return Loaded(Settings(), f"{path} could not be read ({reason}); it was kept as {kept.name}")


def save_settings(settings: Settings, home: Path | None = None) -> None:
    import tomli_w

    atomic_write(settings_path(home), tomli_w.dumps(settings.as_dict()).encode())
