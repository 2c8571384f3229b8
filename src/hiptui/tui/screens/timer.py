"""The live timer: a large countdown over the core Timer, redrawn from deadlines several times a second."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Digits, Static

from hiptui.base.durations import format_duration
from hiptui.catalog.card import card_of
from hiptui.catalog.formatting import describe_dose
from hiptui.figure import Figure, phase_of_pose
from hiptui.figure.tempo import figure_motion
from hiptui.session.session import Session
from hiptui.session.timeline import Segment
from hiptui.session.timer import ADJUST_STEP, CountdownBeep, Event, SegmentStarted, SessionFinished
from hiptui.tui.keys import key
from hiptui.tui.safe import plain
from hiptui.tui.services import app_of, workspace_of
from hiptui.tui.widgets.figure import FigureView
from hiptui.tui.widgets.key_bar import KeyBar
from hiptui.tui.widgets.progress_line import LABEL_WIDTH, ProgressLine
from hiptui.tui.widgets.title_bar import TitleBar

EPSILON = 1e-6
BAR_STEPS_PER_SECOND = 4
SESSION_BAR_STEPS = 400
"""The session's bar moves as its line of time does, once a second at most: as finely as any width shows."""
WAKE_LATE = 0.005
"""Wake this long after a change is due, so the clock has passed it when read."""
T = TypeVar("T")

TIMER = [
    key("space", "toggle_pause", "Pause", "pause / resume", "timer.pause"),
    key("space", "toggle_pause('resume')", "Resume", "pause / resume", "timer.resume"),
    key("n", "next", "Next", "skip to the next segment", "timer.next"),
    key("p", "previous", "Previous", "back to the previous segment", "timer.previous"),
    key(
        "plus,equals_sign",
        f"adjust({ADJUST_STEP})",
        f"+{ADJUST_STEP} s",
        f"add {ADJUST_STEP} seconds",
        "timer.longer",
        key_display="+",
    ),
    key(
        "minus",
        f"adjust(-{ADJUST_STEP})",
        f"-{ADJUST_STEP} s",
        f"take off {ADJUST_STEP} seconds",
        "timer.shorter",
        key_display="-",
    ),
    key("m", "mute", "Mute", "mute / unmute the bell", "timer.mute"),
    key("m", "mute('unmute')", "Unmute", "mute / unmute the bell", "timer.unmute"),
    key("escape", "stop", "Stop", "stop the session (asks first; what you did still counts)", "timer.stop"),
    key("question_mark", "help", "Help", "this help (the timer waits)", "timer.help", key_display="?"),
]


def countdown_text(seconds: float) -> str:
    whole = int(seconds) + (1 if seconds % 1 > 1e-9 else 0)
    minutes, secs = divmod(whole, 60)
    return f"{minutes:d}:{secs:02d}"


def describe_next(segment: Segment | None) -> str:
    if segment is None:
        return "Next: finish"
    side = f" ({segment.side})" if segment.side and segment.kind in ("work", "ready") else ""
    if segment.kind == "ready":
        return f"Next: {segment.item.move.name}{side}"
    return f"Next: {segment.title}{side} · {format_duration(segment.seconds)}"


def next_change(
    remaining: float, elapsed: float, duration: float, bar_steps: int, frame_seconds: float | None = None
) -> float:
    """Seconds until the countdown shows its next second, the segment's bar (of `bar_steps`) its next
    step or a moving figure its next frame: when the screen next has something new to draw."""
    to_next_second = remaining - (math.ceil(remaining - EPSILON) - 1)
    step = duration / bar_steps if duration else math.inf
    soonest = min(to_next_second, _to_next(elapsed, step), _to_next(elapsed, frame_seconds or math.inf))
    return max(0.0, soonest) + WAKE_LATE


def _to_next(elapsed: float, step: float) -> float:
    return (math.floor(elapsed / step + EPSILON) + 1) * step - elapsed


def bar_steps(width: int, duration: float) -> int:
    """How finely a bar `width` cells wide moves: half a cell, at most four times a second."""
    return max(1, min(2 * width, int(duration * BAR_STEPS_PER_SECOND)))


class TimerScreen(Screen[None]):
    CSS_PATH = "timer.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (22, "-short"), (36, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = list(TIMER)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.timer = session.timer
        self._shown_index = -1
        self._shown: dict[str, str] = {}
        self._wake: Timer | None = None
        self._figure: Figure | None = None
        self._told_history_problem = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="timer-body"):
            yield Static(id="timer-position")
            yield Static(id="timer-title")
            yield Static(id="timer-badges")
            with Horizontal(id="countdown-row"):
                yield FigureView(id="timer-figure")
                with Vertical(id="countdown-box"):
                    yield Digits("0:00", id="countdown")
                    yield Static(id="paused")
            yield ProgressLine(id="segment-progress")
            yield Static(id="timer-next")
            with VerticalScroll(id="timer-steps"):
                yield Static(id="timer-steps-body")
            yield Static(id="session-label")
            yield ProgressLine(id="session-progress")
        yield KeyBar()

    def on_mount(self) -> None:
        self._motion = app_of(self).motion
        self.handle(self.session.start())

    def tick(self) -> None:
        self.handle(self.session.update())

    def handle(self, events: list[Event]) -> None:
        problem = self.session.problem
        if problem and not self._told_history_problem:
            self._told_history_problem = True
            self.notify(
                f"{problem}. The timer goes on; this session is not saved.",
                severity="warning",
                timeout=10,
                markup=False,
            )
        for event in events:
            if isinstance(event, (SegmentStarted, CountdownBeep)):
                app_of(self).ring()
            elif isinstance(event, SessionFinished):
                self.finish()
                return
        self.redraw()

    def redraw(self) -> None:
        """Update what changed since the last call, and wake again when something next will."""
        timer = self.timer
        segment = timer.segment
        if timer.index != self._shown_index:
            self._shown_index = timer.index
            self._show_segment(segment)
        self._show("#countdown", countdown_text(timer.remaining))
        steps = bar_steps(self.query_one("#segment-progress").size.width - LABEL_WIDTH, timer.duration)
        self._show_progress("#segment-progress", timer.elapsed / timer.duration if timer.duration else 1.0, steps)
        rep = segment.rep_at(timer.elapsed)
        badges = []
        if segment.side:
            badges.append(segment.side.upper())
        if segment.sets > 1:
            badges.append(f"set {segment.set_number} of {segment.sets}")
        if rep is not None:
            badges.append(f"rep {rep} / {segment.reps}")
        if app_of(self).muted:
            badges.append("(bell off)")
        self._show("#timer-badges", "   ".join(badges), "bold")
        left = math.ceil(timer.session_remaining - EPSILON)
        through = max(0.0, timer.session_total - left)
        self._show_progress("#session-progress", through / max(1.0, timer.session_total), SESSION_BAR_STEPS)
        spent = math.floor(timer.seconds_spent + EPSILON)
        self._show("#session-label", f"Session {format_duration(spent)} so far · {format_duration(left)} to go")
        paused = timer.state == "paused"
        self._show(
            "#paused", f"PAUSED · {app_of(self).key_name('timer.resume')} resumes" if paused else "", "bold reverse"
        )
        if paused != self.has_class("-paused"):
            self.set_class(paused, "-paused")
            self.refresh_bindings()  # the key bar names what space does now
        frame_seconds = self._show_figure(segment, timer.elapsed)
        running = timer.state == "running"
        self._wake_at(
            next_change(timer.remaining, timer.elapsed, timer.duration, steps, frame_seconds) if running else None
        )

    def _show_figure(self, segment: Segment, elapsed: float) -> float | None:
        """Draw the move's figure as this moment of the segment shows it; the seconds a frame lasts while
        it moves (reps, with motion on), else None. Before the move and between sides it shows the first
        pose on the coming side; in a hold and at rest, the pose held."""
        figure = self._figure
        view = self.query_one("#timer-figure", FigureView)
        if figure is None:
            view.show(None)
            return None
        reps = segment.kind == "work" and segment.reps is not None
        if reps and self._motion:
            motion = figure_motion(elapsed, segment.item.dose.rep_seconds)
            view.show(figure, motion.phase, segment.side)
            return motion.frame_seconds
        still = 0 if segment.kind in ("ready", "switch") else figure.hold_index
        view.show(figure, phase_of_pose(figure, still), segment.side)
        return None

    def _show(self, selector: str, text: str, style: str = "") -> None:
        if self._shown.get(selector) == text:
            return
        self._shown[selector] = text
        widget = self.query_one(selector)
        if isinstance(widget, Digits):
            widget.update(text)
        elif isinstance(widget, Static):
            widget.update(Text(text, style=style), layout=False)

    def _show_progress(self, selector: str, fraction: float, steps: int) -> None:
        self.query_one(selector, ProgressLine).show(math.floor(fraction * steps + EPSILON) / steps)

    def _wake_at(self, delay: float | None) -> None:
        if self._wake is not None:
            self._wake.stop()
        self._wake = None if delay is None else self.set_timer(delay, self.tick)

    def _show_segment(self, segment: Segment) -> None:
        timeline = self.timer.timeline
        move_count = timeline.segments[-1].item_index + 1
        self._figure = workspace_of(self).catalog.figure(segment.item.move)
        self.query_one("#timer-position", Static).update(
            plain(f"Move {segment.item_index + 1} of {move_count} · {describe_dose(segment.item.dose)}")
        )
        title = plain(segment.title, "bold")
        if segment.kind != "work":
            title.append_text(Text.assemble("  ·  ", plain(segment.item.move.name)))
        self.query_one("#timer-title", Static).update(title)
        self.set_class(segment.kind != "work", "-between")
        self.query_one("#timer-next", Static).update(plain(describe_next(self.timer.next_segment)))
        card = card_of(segment.item.move)
        lines = [Text.assemble((f"{n}. ", "bold"), plain(step)) for n, step in enumerate(card.steps, 1)]
        lines += [Text.assemble(("• ", "bold"), plain(cue, "italic")) for cue in card.cues]
        lines += [Text.assemble(("! ", "bold yellow"), plain(c, "yellow")) for c in card.cautions]
        self.query_one("#timer-steps-body", Static).update(Text("\n").join(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One key, two names: "Resume" while paused, "Pause" otherwise; "Unmute" while muted, "Mute" otherwise.
        if action == "toggle_pause":
            return bool(parameters) == (self.timer.state == "paused")
        if action == "mute":
            return bool(parameters) == app_of(self).muted
        return True

    def action_toggle_pause(self, _shown_as: str = "pause") -> None:
        self.handle(self.session.toggle_pause())

    def action_next(self) -> None:
        self.handle(self.session.next())

    def action_previous(self) -> None:
        self.handle(self.session.previous())

    def action_adjust(self, seconds: int) -> None:
        self.session.adjust(seconds)
        self.redraw()

    def action_mute(self, _shown_as: str = "mute") -> None:
        app_of(self).toggle_mute()
        self.refresh_bindings()
        self.redraw()

    def action_help(self) -> None:
        from hiptui.tui.screens.help import HelpScreen

        self._aside(HelpScreen(self), lambda _: None)

    def _aside(self, screen: ModalScreen[T], then: Callable[[T | None], None]) -> None:
        """Show `screen` over the timer, which waits meanwhile and goes on (if it was running) after."""
        self.session.hold()
        self.redraw()

        def back(answer: T | None) -> None:
            then(answer)
            self.session.release()
            if not self.session.over:
                self.redraw()

        self.app.push_screen(screen, back)

    def action_stop(self, then_quit: bool = False) -> None:
        from hiptui.tui.screens.dialogs import Confirm

        if self.session.over:
            self.dismiss(None)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.handle(self.session.stop())
                if then_quit:
                    self.app.exit()

        question = "Quit in the middle of a session?" if then_quit else "Stop this session?"
        self._aside(Confirm(f"{question} What you did so far still counts.", "Stop", "Keep going"), answer)

    def finish(self) -> None:
        """The session is over: the summary takes the timer's place, and closing it goes back to the builder."""
        from hiptui.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.session.summary))
