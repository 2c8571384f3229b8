"""When the cycle collector only wastes time.

Building a library allocates hundreds of thousands of long-lived objects and no garbage cycles;
left on, the collector walks that growing heap again and again while it is built (a third of the
time to build the catalogue of 10,000 moves). Opening the app is the same story: importing Textual
and building the first screen make objects that live as long as the app, and the collector's passes
over them were a fifth of the time to the first frame.

Pausing is not enough on its own: the first collection after a pause walks everything made during
it (70-200 ms after loading 10,000 moves). A process that keeps what it builds, like the app, asks
for it to be frozen instead, out of every later pass. Reference counting still frees a frozen object
once nothing uses it, so a library replaced by a reload goes as usual; only a cycle made before a
freeze and dropped after it stays (the library and catalogue have none).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_for_start_up = False
_freeze_what_is_built = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees memory), and
    what it made is frozen at its end once `keep_what_is_built()` was called."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_what_is_built:
            gc.freeze()
        if enabled:
            gc.enable()


def keep_what_is_built() -> None:
    """This process keeps what `gc_paused()` blocks build for as long as it runs: freeze it. Tests
    leave this off, so that the objects they make are collected as usual."""
    global _freeze_what_is_built
    _freeze_what_is_built = True


def pause_for_start_up() -> None:
    """No cyclic garbage collection until `start_up_done()`."""
    global _paused_for_start_up
    if gc.isenabled():
        gc.disable()
        _paused_for_start_up = True


def start_up_done() -> None:
    """Collect again, never looking at what start-up made (modules, classes, the first screen) in
    any later pass: it lives until the app closes. Does nothing without `pause_for_start_up()`, so
    apps made by tests are collected as usual."""
    global _paused_for_start_up
    if _paused_for_start_up:
        _paused_for_start_up = False
        gc.freeze()
        gc.enable()
