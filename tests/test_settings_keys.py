"""settings.toml's [keys] table and the motion switch, as the core reads and writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptui.data.settings import MAX_KEY_ENTRIES, Settings, load_settings, save_settings


def write(home: Path, text: str) -> None:
    (home / "settings.toml").write_text(text, encoding="utf-8")


def test_keys_are_read_as_written_and_a_list_is_several_keys(hiptui_home: Path) -> None:
    write(hiptui_home, '[keys]\n"builder.start" = "f5,s"\n"timer.pause" = ["f1", "space"]\n')
    loaded = load_settings()
    assert loaded.notice is None
    assert loaded.settings.keys == (("builder.start", "f5,s"), ("timer.pause", "f1,space"))


def test_keys_and_motion_survive_a_save_and_other_changes(hiptui_home: Path) -> None:
    settings = Settings(motion=False, keys=(("builder.start", "f5"),))
    save_settings(settings)
    assert '[keys]\n"builder.start" = "f5"' in (hiptui_home / "settings.toml").read_text()
    changed = load_settings().settings.replace(theme="high-contrast")
    assert changed.keys == (("builder.start", "f5"),) and changed.motion is False


def test_no_keys_writes_no_table(hiptui_home: Path) -> None:
    save_settings(Settings())
    assert "keys" not in (hiptui_home / "settings.toml").read_text()
    assert load_settings().settings.keys == ()


def test_motion_is_on_unless_turned_off(hiptui_home: Path) -> None:
    assert Settings().motion is True
    write(hiptui_home, "motion = false\n")
    assert load_settings().settings.motion is False


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('keys = "f5"\n', "keys: must be a table of binding ids and their keys"),
        ('[keys]\n"builder.start" = 5\n', "'builder.start' must be keys in quotes"),
        ('[keys]\n"builder.start" = ["f5", 6]\n', "'builder.start' must be keys in quotes"),
        ('[keys]\n"builder.start" = "' + "a," * 60 + '"\n', "longer than 100 characters"),
        ('motion = "yes"\n', "motion: must be true or false"),
    ],
)
def test_a_wrong_value_is_left_at_its_default_and_said_why(hiptui_home: Path, text: str, says: str) -> None:
    write(hiptui_home, text)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert says in (loaded.notice or "") and not list(hiptui_home.glob("settings.toml.corrupt-*"))


def test_a_table_of_keys_is_bounded(hiptui_home: Path) -> None:
    entries = "".join(f'"id{n}" = "a"\n' for n in range(MAX_KEY_ENTRIES + 1))
    write(hiptui_home, "[keys]\n" + entries)
    assert f"at most {MAX_KEY_ENTRIES}" in (load_settings().notice or "")


def test_a_misspelt_table_is_kept_and_named(hiptui_home: Path) -> None:
    write(hiptui_home, '[keymap]\n"builder.start" = "f5"\n')
    loaded = load_settings()
    assert loaded.settings.keys == () and "did you mean 'keys'?" in (loaded.notice or "")
    save_settings(loaded.settings)
    assert '[keymap]\n"builder.start" = "f5"' in (hiptui_home / "settings.toml").read_text()
