"""Command palette entries: add any move, load any routine."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from hiptui.catalog.formatting import describe_dose
from hiptui.tui.safe import plain
from hiptui.tui.services import workspace_of

if TYPE_CHECKING:
    from hiptui.tui.screens.builder import BuilderScreen

MAX_HITS = 20


class QueueCommands(Provider):
    """'Add <move>' for library moves and 'Load routine <name>' for routines."""

    def _builder(self) -> BuilderScreen | None:
        from hiptui.tui.screens.builder import BuilderScreen

        screen = self.screen
        return screen if isinstance(screen, BuilderScreen) else None

    async def discover(self) -> Hits:
        builder = self._builder()
        if builder is None:
            return
        for routine in workspace_of(builder).routines()[:MAX_HITS]:
            text = f"Load routine: {routine.name}"
            yield DiscoveryHit(plain(text), partial(builder.load_routine, routine.gid), text=text, help=routine.pack_id)

    async def search(self, query: str) -> Hits:
        builder = self._builder()
        if builder is None:
            return
        matcher = self.matcher(query)
        for routine in workspace_of(builder).routines():
            text = f"Load routine: {routine.name}"
            if score := matcher.match(text):
                yield Hit(
                    score, plain(text), partial(builder.load_routine, routine.gid), text=text, help=routine.pack_id
                )
        words = query.lower().removeprefix("add").strip()
        for rank, entry in enumerate(builder.catalog.search(words)[:MAX_HITS]):
            text = f"Add move: {entry.name}"
            score = 1.0 / (rank + 2)
            yield Hit(
                score,
                plain(text),
                partial(builder.add_moves, [entry]),
                text=text,
                help=f"{describe_dose(entry.dose)} · {entry.pack_id}",
            )
