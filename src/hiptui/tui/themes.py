"""The themes hiptui adds to Textual's (whose `ansi-dark` and `ansi-light` keep the terminal's own colours).

`high-contrast`: white on black, with yellow and cyan for what has focus and grey only for what cannot be
used now. Each colour is one of the 16 a basic terminal has, so nothing blurs or vanishes when colours are cut
down to 16 (app.tcss gives the lists a solid cursor in it, where other themes blend one).
"""

from __future__ import annotations

from textual.theme import Theme

BLACK, WHITE, YELLOW, CYAN, GREY = "#000000", "#ffffff", "#ffff00", "#00ffff", "#808080"

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary=CYAN,
    secondary=YELLOW,
    accent=YELLOW,
    warning=YELLOW,
    error="#ff0000",
    success="#00ff00",
    foreground=WHITE,
    background=BLACK,
    surface=BLACK,
    panel=BLACK,
    boost=BLACK,
    dark=True,
    variables={
        "text-muted": WHITE,
        "foreground-muted": WHITE,
        "text-disabled": GREY,
        "border": YELLOW,
        "border-blurred": WHITE,
        "panel-lighten-2": WHITE,
        "footer-background": BLACK,
        "footer-foreground": WHITE,
        "footer-key-foreground": YELLOW,
        "footer-description-foreground": WHITE,
        "block-cursor-background": YELLOW,
        "block-cursor-foreground": BLACK,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": WHITE,
        "block-cursor-blurred-foreground": BLACK,
        "block-hover-background": BLACK,
        "input-cursor-background": YELLOW,
        "input-cursor-foreground": BLACK,
        "input-selection-background": CYAN,
        "input-selection-foreground": BLACK,
        "scrollbar": WHITE,
        "scrollbar-hover": YELLOW,
        "scrollbar-active": YELLOW,
        "scrollbar-background": BLACK,
        "link-color": CYAN,
        "link-color-hover": BLACK,
        "link-background-hover": CYAN,
        "button-foreground": BLACK,
        "screen-selection-background": CYAN,
        "screen-selection-foreground": BLACK,
    },
)

THEMES = [HIGH_CONTRAST]
