"""Finding plugins and asking them for packs, one at a time, so one broken plugin harms nobody else."""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from hiptui import hookspecs
from hiptui.base.text import clean_text
from hiptui.plugins import builtin

if TYPE_CHECKING:
    import importlib.metadata

ENTRY_POINT_GROUP = "hiptui"
BUILTIN = "builtin"
USER = "user"
"""The source of the packs in $HIPTUI_HOME/packs."""
LOAD_ENV = "HIPTUI_LOAD_PLUGINS"
DISABLE_ENV = "HIPTUI_DISABLE_PLUGINS"
TRACE_ENV = "HIPTUI_TRACE_PLUGINS"


@dataclass
class Contribution:
    """What one plugin gave: pack paths and Pack objects, or the reason it gave nothing."""

    source: str
    items: list[Any] = field(default_factory=list)
    error: str | None = None


def make_plugin_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    return manager


class HookRelay:
    """Calls the timer hooks of every plugin, each on its own and off the caller's thread.

    A plugin that raises is reported once and skipped after; a slow one delays only the hook
    calls queued after it, never the timer.
    """

    def __init__(self, manager: pluggy.PluginManager | None = None) -> None:
        self.manager = manager
        self.failures: dict[str, str] = {}
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def call(self, hook: str, **kwargs: Any) -> None:
        """Queue a call of `hook` on every plugin that implements it."""
        if self.manager is not None and getattr(self.manager.hook, hook).get_hookimpls():
            self._submit(lambda: self.call_now(hook, **kwargs))

    def call_now(self, hook: str, **kwargs: Any) -> None:
        """Call every implementation of `hook` on this thread, catching each failure."""
        if self.manager is None:
            return
        for impl in getattr(self.manager.hook, hook).get_hookimpls():
            if impl.plugin_name in self.failures:
                continue
            _trace(f"calling {hook}() of {impl.plugin_name}")
            try:
                with _quiet_stdout():
                    impl.function(**{name: kwargs[name] for name in impl.argnames if name in kwargs})
            except Exception as error:
                self.failures[impl.plugin_name] = f"{hook}() failed: {_reason(error)}"

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until every queued call has run; False if that took longer than `timeout`."""
        done = threading.Event()
        self._submit(done.set)
        return done.wait(timeout)

    def _submit(self, job: Callable[[], None]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="hiptui-hooks", daemon=True)
            self._thread.start()
        self._jobs.put(job)

    def _run(self) -> None:
        while True:
            self._jobs.get()()


def collect_contributions(
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
    manager: pluggy.PluginManager | None = None,
) -> list[Contribution]:
    """Register the built-in plugin and every installed one, then call register_packs on each."""
    manager = manager or make_plugin_manager()
    manager.register(builtin, name=BUILTIN)
    broken: list[Contribution] = []
    registered = [BUILTIN]
    for entry_point in _wanted(entry_points):
        source = "plugin:" + _distribution_name(entry_point)
        try:
            with _quiet_stdout():
                plugin = entry_point.load()
            manager.register(plugin, name=f"{source}:{entry_point.name}")
        except Exception as error:
            broken.append(Contribution(source, error=f"could not load plugin {entry_point.value!r}: {_reason(error)}"))
            continue
        registered.append(f"{source}:{entry_point.name}")
    return [_call(manager, name) for name in registered] + broken


def _wanted(entry_points: Iterable[importlib.metadata.EntryPoint] | None) -> list[importlib.metadata.EntryPoint]:
    import importlib.metadata

    found = list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP) if entry_points is None else entry_points)
    only = os.environ.get(LOAD_ENV)
    disabled = {name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()}
    allowed = None if only is None else {name.strip() for name in only.split(",") if name.strip()}

    def keep(entry_point: importlib.metadata.EntryPoint) -> bool:
        names = {entry_point.name, _distribution_name(entry_point)}
        return not (names & disabled) and (allowed is None or bool(names & allowed))

    unique = {(ep.name, ep.value): ep for ep in found if keep(ep)}
    return sorted(unique.values(), key=lambda ep: (_distribution_name(ep), ep.name))


def _call(manager: pluggy.PluginManager, name: str) -> Contribution:
    source = name if name == BUILTIN else name.rsplit(":", 1)[0]
    implementations = [impl for impl in manager.hook.register_packs.get_hookimpls() if impl.plugin_name == name]
    if not implementations:
        plugin = manager.get_plugin(name)
        if any(manager.get_hookcallers(plugin) or []):
            return Contribution(source)  # a plugin of timer hooks only, such as hiptui-voice
        return Contribution(source, error="the plugin implements no hiptui hook")
    _trace(f"calling register_packs() of {name}")
    try:
        with _quiet_stdout():
            returned = implementations[0].function()
            items = _check_items(returned)
    except Exception as error:
        return Contribution(source, error=f"register_packs() failed: {_reason(error)}")
    _trace(f"{name} returned {len(items)} item(s)")
    return Contribution(source, items=items)


def _check_items(returned: object) -> list[Any]:
    from hiptui.packs.model import Pack

    if returned is None or isinstance(returned, (str, bytes, dict, Path, Pack)) or not isinstance(returned, Iterable):
        raise TypeError(f"expected a list of paths or Packs, got {type(returned).__name__}")
    items = list(returned)
    for item in items:
        if not isinstance(item, (Path, Pack)):
            raise TypeError(f"expected a pathlib.Path or a hiptui.Pack, got {type(item).__name__}: {item!r:.60}")
    return items


def _distribution_name(entry_point: importlib.metadata.EntryPoint) -> str:
    dist = getattr(entry_point, "dist", None)
    return dist.name if dist is not None else entry_point.name


def _reason(error: BaseException) -> str:
    return clean_text(f"{type(error).__name__}: {error}")[:300]


@contextlib.contextmanager
def _quiet_stdout():
    """A plugin that prints must not corrupt our output (e.g. --json): its stdout goes to stderr."""
    with contextlib.redirect_stdout(sys.stderr):
        yield


def _trace(message: str) -> None:
    if os.environ.get(TRACE_ENV):
        print(f"hiptui: {message}", file=sys.stderr)
