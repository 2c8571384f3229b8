"""The keys that matter now, in one line: a light stand-in for Textual's Footer.

Footer mounts a widget per key and recomposes whenever focus moves, which costs the builder's
first frame about a third of its time; this renders the same hints as one line of text, and a
click on a hint runs its action.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--disabled {
        color: $text-disabled;
    }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--disabled"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, DOMNode, Binding]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def _screen_changed(self, screen: Screen[object]) -> None:
        """A dialog over this bar's screen has no bar of its own: this one names the dialog's keys."""
        if screen is not self.screen:
            screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.refresh()

    @property
    def _shown_screen(self) -> Screen[object]:
        top = self.app.screen
        return top if top is not self.screen and self.screen in self.app.screen_stack else self.screen

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in self._in_order(self._shown_screen.active_bindings.values()):
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            start = text.cell_len
            text.append(f" {self.app.get_key_display(binding)} ", disabled_style if not enabled else key_style)
            text.append(f"{binding.description} ", disabled_style if not enabled else "")
            self._spans.append((start, text.cell_len, node, binding))
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = Text.assemble((" ^p ", key_style), "palette ")
            gap = max(1, self.size.width - text.cell_len - palette.cell_len)
            text.append(" " * gap)
            text.append_text(palette)
        return text

    async def on_click(self, event: events.Click) -> None:
        for start, end, node, binding in self._spans:
            if start <= event.x < end:
                await self.app.run_action(binding.action, node)
                return
        if event.x >= self.size.width - 12 and self.app.ENABLE_COMMAND_PALETTE:
            self.app.action_command_palette()

    def _in_order(self, bindings: Iterable[ActiveBinding]) -> Iterable[ActiveBinding]:
        """Node by node as Textual gives them, each node's in the order of its BINDINGS: a key the keymap
        moved keeps its place in the bar (without a keymap, Textual's order is that order)."""
        return _in_order(bindings) if getattr(self.app, "keymap", None) else bindings  # any app can show a bar


def _in_order(bindings: Iterable[ActiveBinding]) -> list[ActiveBinding]:
    nodes: dict[int, int] = {}
    ranked = []
    for active in bindings:
        node_rank = nodes.setdefault(id(active.node), len(nodes))
        ranked.append(((node_rank, _ranks(type(active.node)).get(active.binding.id, -1)), active))
    return [active for _, active in sorted(ranked, key=lambda pair: pair[0])]


@cache
def _ranks(node_type: type[DOMNode]) -> dict[str | None, int]:
    ids = [b.id for b in node_type.BINDINGS if isinstance(b, Binding) and b.id]
    return {binding_id: rank for rank, binding_id in enumerate(ids)}
