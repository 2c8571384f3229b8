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
    assert loaded.settings._replace(refused=()) == Settings() and loaded.settings.refused
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


def test_one_wrong_key_entry_leaves_the_others_working_and_the_table_is_written_back(hiptui_home: Path) -> None:
    write(hiptui_home, '[keys]\n"builder.start" = "f5"\n"timer.pause" = 5\n')
    loaded = load_settings()
    assert loaded.settings.keys == (("builder.start", "f5"),)
    assert "'timer.pause' must be keys in quotes" in (loaded.notice or "")
    save_settings(loaded.settings.replace(theme="high-contrast"))  # a theme picked in the app
    text = (hiptui_home / "settings.toml").read_text()
    assert '"timer.pause" = 5' in text and '"builder.start" = "f5"' in text and 'theme = "high-contrast"' in text


def test_a_wrong_value_is_written_back_as_it_was_until_it_is_changed(hiptui_home: Path) -> None:
    write(hiptui_home, "ready_seconds = 500\n")
    settings = load_settings().settings
    assert settings.ready_seconds == 10
    save_settings(settings.replace(bell=False))
    assert "ready_seconds = 500" in (hiptui_home / "settings.toml").read_text()
    save_settings(load_settings().settings.replace(ready_seconds=20))
    assert load_settings() == (Settings(ready_seconds=20, bell=False), None)


def test_a_huge_or_odd_settings_file_is_left_alone_with_one_short_notice(hiptui_home: Path) -> None:
    import os

    write(hiptui_home, "\n".join(f"k{n} = 1" for n in range(30_000)))
    loaded = load_settings()
    assert loaded.settings == Settings() and len((loaded.notice or "").splitlines()) == 1
    assert "is bigger than 256 KiB" in (loaded.notice or "")
    (hiptui_home / "settings.toml").unlink()
    os.mkfifo(hiptui_home / "settings.toml")  # read as it is, a FIFO would block the app's start for good
    loaded = load_settings()
    assert loaded.settings == Settings() and "not a regular file" in (loaded.notice or "")


def test_many_unknown_keys_make_a_short_notice(hiptui_home: Path) -> None:
    write(hiptui_home, "\n".join(f"k{n} = 1" for n in range(2_000)))
    notice = load_settings().notice or ""
    assert len(notice.splitlines()) == 6 and notice.endswith("…and 1995 more")
