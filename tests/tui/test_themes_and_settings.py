"""Themes that stick, the high-contrast and terminal-colour themes, and what the Settings screen offers."""

from __future__ import annotations

from textual.command import CommandList
from textual.widgets import Select, Switch
from tui_support import SIZE, screen_name, screen_text

from hiptui.data.settings import Settings, load_settings, save_settings
from hiptui.tui.themes import HIGH_CONTRAST


def notices(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_theme_picked_in_the_palette_is_used_at_the_next_start(make_app, hiptui_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "high-contrast"  # what the palette's theme picker does
        await pilot.pause()
    assert load_settings(hiptui_home).settings.theme == "high-contrast"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "high-contrast" and not notices(again)


async def test_a_theme_picked_in_settings_is_saved_with_the_rest(make_app, hiptui_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        app.screen.query_one("#theme", Select).value = "ansi-dark"
        app.screen.query_one("#motion", Switch).value = False
        await pilot.click("#save")
        await pilot.pause()
        assert app.theme == "ansi-dark" and app.motion is False
    saved = load_settings(hiptui_home).settings
    assert saved.theme == "ansi-dark" and saved.motion is False


async def test_settings_offer_high_contrast_and_the_terminal_s_colours_and_show_the_data_folder(make_app, hiptui_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert screen_name(app) == "SettingsDialog"
        options = {value: str(label) for label, value in app.screen.query_one("#theme", Select)._options}
        assert options["high-contrast"] == "high-contrast (readable in 16 colours)"
        assert "terminal" in options["ansi-dark"] and "terminal" in options["ansi-light"]
        text = " ".join(screen_text(app).split())
        assert "Animate figures" in text and "Data folder" in text
        assert str(app.screen.query_one("#data-folder").render()) == f"Data folder: {hiptui_home}"


async def test_an_unknown_theme_falls_back_with_a_notice_and_settings_still_open(make_app, hiptui_home):
    save_settings(Settings(theme="high-contrst"), hiptui_home)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no theme 'high-contrst' (did you mean 'high-contrast'?)" in n for n in notices(app))
        await pilot.press("o")
        assert app.screen.query_one("#theme", Select).value == "textual-dark"


def test_high_contrast_keeps_to_the_sixteen_colours() -> None:
    from textual.color import Color

    sixteen = {"#000000", "#ffffff", "#ffff00", "#00ffff", "#ff0000", "#00ff00", "#808080"}
    colours = [HIGH_CONTRAST.primary, HIGH_CONTRAST.foreground, HIGH_CONTRAST.background, HIGH_CONTRAST.accent]
    colours += [v for v in HIGH_CONTRAST.variables.values() if v.startswith("#")]
    assert {Color.parse(c).hex.lower() for c in colours if c} <= sixteen


async def test_motion_follows_the_setting_and_no_animations_at_all(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.motion is True
        app.animation_level = "none"  # what TEXTUAL_ANIMATIONS=none sets
        assert app.motion is False


async def test_the_palette_s_theme_picker_keeps_its_choice(make_app, hiptui_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_change_theme()  # the palette's "Theme" command
        await pilot.pause()
        await pilot.press(*"high-contrast")
        found = app.screen.query_one(CommandList)
        for _ in range(200):  # the palette searches in a worker; a bound against a hang, not a timing
            if found.option_count == 1:
                break
            await pilot.pause(0.02)
        assert "high-contrast" in str(found.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "high-contrast"
    assert load_settings(hiptui_home).settings.theme == "high-contrast"
