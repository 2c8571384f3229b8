"""Finding plugins and asking them for packs, one at a time, so one broken plugin harms nobody else."""

from __future__ import annotations

import atexit
import contextlib
import functools
import math
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from hiptui.base.text import clean_text
from hiptui.plugins import builtin
from hiptui.plugins.discovery import GROUP, installed_entry_points

if TYPE_CHECKING:
    import importlib.metadata
    import queue

    import pluggy

BUILTIN = "builtin"
USER = "user"
"""The source of the packs in $HIPTUI_HOME/packs."""
LOAD_ENV = "HIPTUI_LOAD_PLUGINS"
DISABLE_ENV = "HIPTUI_DISABLE_PLUGINS"
TRACE_ENV = "HIPTUI_TRACE_PLUGINS"
BUDGET_ENV = "HIPTUI_PLUGIN_TIMEOUT"
DEFAULT_BUDGET = 5.0


@dataclass
class Contribution:
    """What one plugin gave: pack paths and Pack objects, or the reason it gave nothing."""

    source: str
    items: list[Any] = field(default_factory=list)
    error: str | None = None


def make_plugin_manager() -> pluggy.PluginManager:
    import pluggy

    from hiptui import hookspecs

    manager = pluggy.PluginManager(GROUP)
    manager.add_hookspecs(hookspecs)
    return manager


class HookRelay:
    """Calls the timer hooks of every plugin off the caller's thread, each plugin on a thread of its own.

    A plugin that raises (anything, SystemExit and KeyboardInterrupt included) is reported once and
    skipped after; a slow one delays only its own later calls, never the timer or the other plugins.
    Plugins print to wherever sys.stdout is: nothing here swaps it under the app's feet. `close()`
    delivers what is still queued; it also runs at interpreter exit, for a relay nobody closed.
    """

    def __init__(self, manager: pluggy.PluginManager | None = None) -> None:
        self.manager = manager
        self.failures: dict[str, str] = {}
        self._queues: dict[str, queue.SimpleQueue[Callable[[], None] | None]] = {}
        self._lock = threading.Lock()
        _RELAYS.add(self)

    def call(self, hook: str, **kwargs: Any) -> None:
        """Queue a call of `hook` on every plugin that implements it."""
        for impl in self._implementations(hook):
            self._queue(impl.plugin_name).put(functools.partial(self._call_one, impl, hook, kwargs))

    def call_now(self, hook: str, **kwargs: Any) -> None:
        """Call every implementation of `hook` on this thread, catching each failure."""
        for impl in self._implementations(hook):
            self._call_one(impl, hook, kwargs)

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until every queued call has run; False if that took longer than `timeout` in all."""
        deadline = time.monotonic() + timeout
        with self._lock:
            queues = list(self._queues.values())
        marks = []
        for jobs in queues:
            done = threading.Event()
            jobs.put(done.set)
            marks.append(done)
        return all(done.wait(max(0.0, deadline - time.monotonic())) for done in marks)

    def close(self, timeout: float = 5.0) -> bool:
        """Deliver every queued call (within `timeout` in all) and end the hook threads. Calls made
        after close start them again. False if some plugin was still busy at the deadline."""
        delivered = self.drain(timeout)
        with self._lock:
            queues, self._queues = list(self._queues.values()), {}
        for jobs in queues:
            jobs.put(None)
        return delivered

    def _implementations(self, hook: str) -> list[pluggy.HookImpl]:
        if self.manager is None:
            return []
        return [
            impl for impl in getattr(self.manager.hook, hook).get_hookimpls() if impl.plugin_name not in self.failures
        ]

    def _call_one(self, impl: pluggy.HookImpl, hook: str, kwargs: dict[str, Any]) -> None:
        if impl.plugin_name in self.failures:
            return
        _trace(f"calling {hook}() of {impl.plugin_name}")
        try:
            impl.function(**{name: kwargs[name] for name in impl.argnames if name in kwargs})
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt) and threading.current_thread() is threading.main_thread():
                raise  # on the main thread it may be the user's ctrl+c
            self.failures[impl.plugin_name] = f"{hook}() failed: {_reason(error)}"

    def _queue(self, plugin: str) -> queue.SimpleQueue[Callable[[], None] | None]:
        import queue

        with self._lock:
            jobs = self._queues.get(plugin)
            if jobs is None:
                jobs = self._queues[plugin] = queue.SimpleQueue()
                threading.Thread(target=_serve, args=(jobs,), name=f"hiptui-hooks-{plugin}", daemon=True).start()
            return jobs


def _serve(jobs: queue.SimpleQueue[Callable[[], None] | None]) -> None:
    while (job := jobs.get()) is not None:
        job()


_RELAYS: weakref.WeakSet[HookRelay] = weakref.WeakSet()


@atexit.register
def _deliver_at_exit() -> None:
    """Hook threads are daemons, ended with the interpreter: deliver what is queued first."""
    for relay in list(_RELAYS):
        relay.close(plugin_budget())


def plugin_budget() -> float:
    """Seconds a plugin may take to import and to answer register_packs (HIPTUI_PLUGIN_TIMEOUT)."""
    try:
        budget = float(os.environ.get(BUDGET_ENV, ""))
    except ValueError:
        return DEFAULT_BUDGET
    return budget if budget > 0 and math.isfinite(budget) else DEFAULT_BUDGET


def collect_contributions(
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
    manager: pluggy.PluginManager | None = None,
) -> tuple[list[Contribution], HookRelay]:
    """The built-in packs, then register_packs of every installed plugin, and the timer hooks of
    those that loaded (registered in `manager`, a new one by default).

    Each plugin is imported, checked and asked for its packs on a thread of its own within the time
    budget; one that overruns it, raises or exits is reported and left out of this run. What a plugin
    prints meanwhile goes to stderr, so it never mixes with our output (such as --json). With no
    plugin, pluggy is never imported."""
    contributions = [_call_builtin()]
    wanted = _wanted(entry_points)
    if wanted:
        manager = manager or make_plugin_manager()
    if manager is None:
        return contributions, HookRelay()
    budget = plugin_budget()
    with _plugin_output_to_stderr():
        for entry_point in wanted:
            contributions.append(_load_plugin(manager, entry_point, budget))
    return [c for c in contributions if not c.error] + [c for c in contributions if c.error], HookRelay(manager)


def _wanted(entry_points: Iterable[importlib.metadata.EntryPoint] | None) -> list[importlib.metadata.EntryPoint]:
    found = list(installed_entry_points() if entry_points is None else entry_points)
    only = os.environ.get(LOAD_ENV)
    disabled = {name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()}
    allowed = None if only is None else {name.strip() for name in only.split(",") if name.strip()}

    def keep(entry_point: importlib.metadata.EntryPoint) -> bool:
        names = {entry_point.name, _distribution_name(entry_point)}
        return not (names & disabled) and (allowed is None or bool(names & allowed))

    unique = {(ep.name, ep.value): ep for ep in found if keep(ep)}
    return sorted(unique.values(), key=lambda ep: (_distribution_name(ep), ep.name))


def _call_builtin() -> Contribution:
    _trace(f"calling register_packs() of {BUILTIN}")
    return Contribution(BUILTIN, items=_check_items(builtin.register_packs()))


class _Loaded(NamedTuple):
    plugin: object
    items: list[Any] | None
    """None for a plugin of timer hooks only."""


class _Broken(Exception):
    """A plugin that loaded but breaks the rules (an unknown hook, no hook at all)."""


def _load_plugin(
    manager: pluggy.PluginManager, entry_point: importlib.metadata.EntryPoint, budget: float
) -> Contribution:
    source = "plugin:" + _distribution_name(entry_point)
    name = f"{source}:{entry_point.name}"
    outcome = _within(budget, name, lambda: _load_alone(entry_point, name))
    if isinstance(outcome, _Late):
        why = f"did not answer within {budget:g} s and was left out of this run (set {BUDGET_ENV} to wait longer)"
        return Contribution(source, error=f"{clean_text(entry_point.value)[:80]!r} {why}")
    if isinstance(outcome, _Broken):
        return Contribution(source, error=str(outcome))
    if isinstance(outcome, BaseException):
        return Contribution(
            source, error=f"could not load plugin {clean_text(entry_point.value)[:80]!r}: {_reason(outcome)}"
        )
    try:
        manager.register(outcome.plugin, name=name)
    except Exception as error:
        return Contribution(
            source, error=f"could not register plugin {clean_text(entry_point.value)[:80]!r}: {_reason(error)}"
        )
    _trace(f"{name} returned {len(outcome.items or [])} item(s)")
    return Contribution(source, items=outcome.items or [])


def _load_alone(entry_point: importlib.metadata.EntryPoint, name: str) -> _Loaded:
    """Import a plugin, check its hooks in a manager of its own and ask it for packs: all of it on the
    plugin's thread, so the shared manager only ever sees plugins that passed in time."""
    import pluggy

    plugin = entry_point.load()
    alone = make_plugin_manager()
    alone.register(plugin, name=name)
    try:
        alone.check_pending()
    except pluggy.PluginValidationError:
        raise _Broken(_unknown_hooks(alone)) from None
    implementations = alone.hook.register_packs.get_hookimpls()
    if not implementations:
        if any(alone.get_hookcallers(plugin) or []):
            return _Loaded(plugin, None)  # a plugin of timer hooks only, such as hiptui-voice
        raise _Broken("the plugin implements no hiptui hook")
    _trace(f"calling register_packs() of {name}")
    try:
        return _Loaded(plugin, _check_items(implementations[0].function()))
    except BaseException as error:  # SystemExit and KeyboardInterrupt too: this is the plugin's thread
        raise _Broken(f"register_packs() failed: {_reason(error)}") from None


def _unknown_hooks(manager: pluggy.PluginManager) -> str:
    import difflib

    import pluggy

    from hiptui import hookspecs

    known = [name for name in dir(hookspecs) if isinstance(getattr(manager.hook, name, None), pluggy.HookCaller)]
    found = []
    for name, caller in vars(manager.hook).items():
        if isinstance(caller, pluggy.HookCaller) and not caller.has_spec() and caller.get_hookimpls():
            close = difflib.get_close_matches(name, known, n=1)
            found.append(clean_text(name)[:60] + (f" (did you mean {close[0]}?)" if close else ""))
    return f"unknown hook {', '.join(sorted(found))}: not one of {', '.join(sorted(known))}"


class _Late:
    """A plugin still busy when its time was up."""


def _within(budget: float, name: str, job: Callable[[], _Loaded]) -> _Loaded | BaseException | _Late:
    """Run `job` on a thread of its own for at most `budget` seconds. Whatever it raises is its
    failure, SystemExit and KeyboardInterrupt included: only the main thread hears the user's ctrl+c."""
    outcome: list[_Loaded | BaseException] = []

    def run() -> None:
        _PLUGIN_THREADS.add(threading.get_ident())
        try:
            outcome.append(job())
        except BaseException as error:
            outcome.append(error)
        finally:
            _PLUGIN_THREADS.discard(threading.get_ident())

    thread = threading.Thread(target=run, name=f"hiptui-load-{name}", daemon=True)
    thread.start()
    thread.join(budget)
    return outcome[0] if outcome else _Late()


def _check_items(returned: object) -> list[Any]:
    if (
        returned is None
        or isinstance(returned, (str, bytes, dict, Path))
        or _is_pack(returned)
        or not isinstance(returned, Iterable)
    ):
        raise TypeError(f"expected a list of paths or Packs, got {type(returned).__name__}")
    items = list(returned)
    for item in items:
        if not isinstance(item, Path) and not _is_pack(item):
            raise TypeError(f"expected a pathlib.Path or a hiptui.Pack, got {type(item).__name__}: {item!r:.60}")
    return items


def _is_pack(item: object) -> bool:
    """A hiptui.Pack. A plugin that made one has imported the models; one that gives paths only never
    makes hiptui import pydantic."""
    model = sys.modules.get("hiptui.packs.model")
    return model is not None and isinstance(item, model.Pack)


def _distribution_name(entry_point: importlib.metadata.EntryPoint) -> str:
    dist = getattr(entry_point, "dist", None)
    return dist.name if dist is not None else entry_point.name


def _reason(error: BaseException) -> str:
    return clean_text(f"{type(error).__name__}: {error}")[:300]


_PLUGIN_THREADS: set[int] = set()
"""The threads running plugin code while plugins load."""


class _RoutedStdout:
    """sys.stdout while plugins load: what a plugin's thread writes goes to stderr, the rest as before."""

    def __init__(self, original: TextIO) -> None:
        self.original = original

    def write(self, text: str) -> int:
        return (sys.stderr if threading.get_ident() in _PLUGIN_THREADS else self.original).write(text)

    def flush(self) -> None:
        (sys.stderr if threading.get_ident() in _PLUGIN_THREADS else self.original).flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.original, name)


@contextlib.contextmanager
def _plugin_output_to_stderr() -> Iterator[None]:
    """Route the plugins' prints while they load. Put back only if nobody replaced it meanwhile (the
    app may have ended), and kept while a plugin that overran its budget may still print."""
    original = sys.stdout
    routed = _RoutedStdout(original)
    sys.stdout = routed
    try:
        yield
    finally:
        if sys.stdout is routed and not _PLUGIN_THREADS:
            sys.stdout = original


def _trace(message: str) -> None:
    if os.environ.get(TRACE_ENV):
        print(f"hiptui: {message}", file=sys.stderr)
