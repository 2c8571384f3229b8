"""hiptui-voice: speaks each timer segment and the 3-2-1, when a speech command is installed."""

from __future__ import annotations

import shutil
import subprocess

import hiptui

__version__ = "1.0.0"

SPEAKERS = (("espeak-ng", ["-s", "165"]), ("espeak", ["-s", "165"]), ("say", []))


def speech_command() -> list[str] | None:
    """The first speech program found on PATH, with its options, or None."""
    for name, options in SPEAKERS:
        path = shutil.which(name)
        if path:
            return [path, *options]
    return None


def speak(text: str) -> None:
    """Say `text` without waiting for it; silently nothing when no speech program is installed."""
    command = speech_command()
    if command is None:
        return
    try:
        subprocess.Popen([*command, text], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        pass


def phrase(move: str, side: str | None, kind: str) -> str:
    """What to say as a segment starts: 'Get ready: Pigeon, left side', 'Switch sides', 'Rest'."""
    sided = f", {side} side" if side else ""
    return {"ready": f"Get ready: {move}{sided}", "switch": "Switch sides", "rest": "Rest"}.get(kind, move + sided)


@hiptui.hookimpl
def segment_started(move: str, side: str | None, kind: str) -> None:
    """Say what comes now."""
    speak(phrase(move, side, kind))


@hiptui.hookimpl
def countdown(seconds_left: int) -> None:
    """Say 3, 2, 1."""
    speak(str(seconds_left))


@hiptui.hookimpl
def session_finished(record: dict) -> None:
    """Say how it went."""
    speak("Session complete. Well done." if record.get("status") == "finished" else "Session stopped.")
