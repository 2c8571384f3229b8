"""The live timer: a large countdown over the core Timer, redrawn from deadlines several times a second."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, ProgressBar, Static

from hiptui.base.durations import format_duration
from hiptui.catalog.formatting import describe_dose
from hiptui.session.timeline import Segment, Timeline
from hiptui.session.timer import ADJUST_STEP, CountdownBeep, SegmentStarted, SessionFinished, Timer
from hiptui.tui.safe import plain
from hiptui.tui.widgets.key_bar import KeyBar
from hiptui.tui.widgets.title_bar import TitleBar

REFRESH_SECONDS = 0.1


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


class TimerScreen(Screen[None]):
    CSS_PATH = "timer.tcss"
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (28, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("space", "toggle_pause('resume')", "Resume"),
        Binding("n", "next", "Next"),
        Binding("p", "previous", "Previous"),
        Binding("plus,equals_sign", f"adjust({ADJUST_STEP})", f"+{ADJUST_STEP} s", key_display="+"),
        Binding("minus", f"adjust(-{ADJUST_STEP})", f"-{ADJUST_STEP} s", key_display="-"),
        Binding("m", "mute", "Mute"),
        Binding("escape", "stop", "Stop"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, timeline: Timeline, routine: str | None = None) -> None:
        super().__init__()
        self.timer = Timer(timeline, clock=self.app.clock)  # type: ignore[attr-defined]
        self.recorder = self.app.session_recorder(self.timer, routine)  # type: ignore[attr-defined]
        self._shown_index = -1
        self._told_history_problem = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="timer-body"):
            yield Static(id="timer-position")
            yield Static(id="timer-title")
            yield Static(id="timer-badges")
            with Horizontal(id="countdown-row"):
                yield Digits("0:00", id="countdown")
            yield Static(id="paused")
            yield ProgressBar(total=100, show_eta=False, id="segment-progress")
            yield Static(id="timer-next")
            with VerticalScroll(id="timer-steps"):
                yield Static(id="timer-steps-body")
            yield Static(id="session-label")
            yield ProgressBar(total=100, show_eta=False, id="session-progress")
        yield KeyBar()

    def on_mount(self) -> None:
        events = self.timer.start()
        self.recorder.start()
        self.handle(events)
        self.set_interval(REFRESH_SECONDS, self.tick)

    def tick(self) -> None:
        self.handle(self.timer.update())

    def handle(self, events: list) -> None:
        self.recorder.sync(events)
        if self.recorder.problem and not self._told_history_problem:
            self._told_history_problem = True
            self.notify(f"{self.recorder.problem}. The timer goes on; this session is not saved.",
                        severity="warning", timeout=10, markup=False)
        for event in events:
            if isinstance(event, (SegmentStarted, CountdownBeep)):
                self.app.ring()  # type: ignore[attr-defined]
            elif isinstance(event, SessionFinished):
                self.finish()
                return
        self.redraw()

    def redraw(self) -> None:
        timer = self.timer
        segment = timer.segment
        if timer.index != self._shown_index:
            self._shown_index = timer.index
            self._show_segment(segment)
        self.query_one("#countdown", Digits).update(countdown_text(timer.remaining))
        progress = 100 * timer.elapsed / timer.duration if timer.duration else 100
        self.query_one("#segment-progress", ProgressBar).update(progress=progress)
        rep = segment.rep_at(timer.elapsed)
        badges = []
        if segment.side:
            badges.append(segment.side.upper())
        if segment.sets > 1:
            badges.append(f"set {segment.set_number} of {segment.sets}")
        if rep is not None:
            badges.append(f"rep {rep} / {segment.reps}")
        if self.app.muted:  # type: ignore[attr-defined]
            badges.append("(bell off)")
        self.query_one("#timer-badges", Static).update(Text("   ".join(badges), style="bold"))
        done = timer.session_total - timer.session_remaining
        self.query_one("#session-progress", ProgressBar).update(progress=100 * done / max(1.0, timer.session_total))
        self.query_one("#session-label", Static).update(
            f"Session {format_duration(done)} done · {format_duration(timer.session_remaining)} left"
        )
        paused = timer.state == "paused"
        self.query_one("#paused", Static).update(Text("PAUSED · space resumes", style="bold reverse") if paused else "")
        if paused != self.has_class("-paused"):
            self.refresh_bindings()  # the key bar names what space does now
        self.set_class(paused, "-paused")

    def _show_segment(self, segment: Segment) -> None:
        timeline = self.timer.timeline
        move_count = timeline.segments[-1].item_index + 1
        self.query_one("#timer-position", Static).update(
            plain(f"Move {segment.item_index + 1} of {move_count} · {describe_dose(segment.item.dose)}")
        )
        title = plain(segment.title, "bold")
        if segment.kind != "work":
            title.append_text(Text.assemble("  ·  ", plain(segment.item.move.name)))
        self.query_one("#timer-title", Static).update(title)
        self.set_class(segment.kind != "work", "-between")
        self.query_one("#timer-next", Static).update(plain(describe_next(self.timer.next_segment)))
        move = segment.item.move.move
        lines = [Text.assemble((f"{n}. ", "bold"), plain(step)) for n, step in enumerate(move.steps, 1)]
        lines += [Text.assemble(("• ", "bold"), plain(cue, "italic")) for cue in move.cues]
        lines += [Text.assemble(("! ", "bold yellow"), plain(c, "yellow")) for c in move.cautions]
        self.query_one("#timer-steps-body", Static).update(Text("\n").join(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_pause":  # one key, two names: "Resume" while paused, "Pause" otherwise
            return bool(parameters) == (self.timer.state == "paused")
        return True

    def action_toggle_pause(self, _shown_as: str = "pause") -> None:
        self.handle(self.timer.toggle_pause())

    def action_next(self) -> None:
        self.handle(self.timer.next())

    def action_previous(self) -> None:
        self.handle(self.timer.previous())

    def action_adjust(self, seconds: int) -> None:
        self.timer.adjust(seconds)
        self.redraw()

    def action_mute(self) -> None:
        self.app.toggle_mute()  # type: ignore[attr-defined]
        self.redraw()

    def action_help(self) -> None:
        from hiptui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_stop(self, then_quit: bool = False) -> None:
        from hiptui.tui.screens.dialogs import Confirm

        if self.timer.state == "finished":
            self.dismiss(None)
            return

        was_running = self.timer.state == "running"
        self.timer.pause()
        self.redraw()

        def answer(yes: bool | None) -> None:
            if yes and then_quit:
                self.recorder.sync(self.timer.stop())
                self.app.exit()
            elif yes:
                self.handle(self.timer.stop())
            elif was_running:
                self.timer.resume()
                self.redraw()

        question = "Quit in the middle of a session?" if then_quit else "Stop this session?"
        self.app.push_screen(Confirm(f"{question} What you did so far still counts.", "Stop", "Keep going"), answer)

    def finish(self) -> None:
        from hiptui.tui.screens.summary import SummaryScreen

        self.redraw()
        self.app.push_screen(SummaryScreen(self.timer), lambda _: self.dismiss(None))
