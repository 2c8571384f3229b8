"""`hiptui completion bash|zsh|fish`: a shell completion script, generated from the argument parser.

The commands, options and choices are written into the script, so Tab needs no Python for them; a pack,
move or routine id is asked of `hiptui _complete KIND PREFIX` (see complete_ids). One walk over the words,
in POSIX sh (valid in bash, zsh and dash), serves all three shells: fish runs it with `sh -c`. (Its names
avoid zsh's special parameters: a local `path` there would empty PATH.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from hiptui.base.terms import EQUIPMENT, POSITIONS, TARGETS

if TYPE_CHECKING:
    from hiptui.cli.parser import Parser

SHELLS = ("bash", "zsh", "fish")
ARGUMENT_KINDS: dict[tuple[str, str], str] = {
    ("pack remove", "id"): "@pack",
    ("pack export", "id"): "@pack",
    ("moves", "--pack"): "@pack",
    ("show", "move"): "@move",
    ("run", "routine"): "@routine",
    ("pack validate", "paths"): "@file",
    ("pack install", "source"): "@file",
    ("pack import", "file"): "@file",
    ("pack import", "--out"): "@file",
    ("pack export", "--output"): "@file",
    ("pack schema", "--output"): "@file",
    ("pack new", "--dir"): "@dir",
    ("plan", "--focus"): "," + " ".join(TARGETS),
    ("plan", "--equipment"): "," + " ".join(EQUIPMENT),
    ("plan", "--avoid"): "," + " ".join(POSITIONS),
}
"""What an argument takes, by command and option or positional name: @pack, @move and @routine ask hiptui,
@file and @dir are the shell's own, a leading comma a comma-separated list of the words. Choices come from
the parser; any other argument that takes a value is offered nothing."""


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    completion = commands.add_parser(
        "completion",
        help="a shell completion script: bash, zsh or fish",
        description="Print a completion script; README.md says where each shell reads it.",
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell")
    completion.set_defaults(handler=print_script)


def print_script(args: argparse.Namespace) -> int:
    from hiptui.cli import build_parser

    sys.stdout.write(completion_script(args.shell, build_parser()))
    return 0


def completion_script(shell: str, parser: argparse.ArgumentParser) -> str:
    core = core_functions(parser)
    if shell == "bash":
        return core + _BASH
    if shell == "zsh":
        return "#compdef hiptui\n" + core + _ZSH
    assert "'" not in core and "\\\\" not in core, "the core goes into a single-quoted fish string"
    return _FISH.replace("CORE", core)


def commands_of(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command path ("", "pack", "pack list", ...) with its parser."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands_of(sub, f"{path} {name}".strip())


def _takes(path: str, action: argparse.Action) -> str:
    name = action.option_strings[-1] if action.option_strings else action.dest
    if kind := ARGUMENT_KINDS.get((path, name)):
        return kind
    if action.choices:
        return " ".join(str(choice) for choice in action.choices)
    return "@none"


def core_functions(parser: argparse.ArgumentParser) -> str:
    subcommands, options, values, positionals = [], [], [], []
    for path, command in commands_of(parser):
        actions = [a for a in command._actions if not isinstance(a, argparse._SubParsersAction)]
        subs = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        names = [name for action in subs for name in action.choices]
        if names:
            subcommands.append(f'    "{path}") echo "{" ".join(names)}" ;;')
        flags = [flag for a in actions for flag in a.option_strings]
        options.append(f'    "{path}") echo "{" ".join(flags)}" ;;')
        for action in actions:
            if action.option_strings and action.nargs != 0:
                for flag in action.option_strings:
                    values.append(f'    "{path}|{flag}") echo "{_takes(path, action)}" ;;')
        places = [a for a in actions if not a.option_strings]
        for number, action in enumerate(places, 1):
            many = "*" if action.nargs in ("+", "*") and number == len(places) else ""
            pattern = f'"{path}|"*' if many else f'"{path}|{number}"'
            positionals.append(f'    {pattern}) echo "{_takes(path, action)}" ;;')
    return _CORE.format(
        subcommands="\n".join(subcommands),
        options="\n".join(options),
        values="\n".join(values),
        positionals="\n".join(positionals),
    )


_CORE = """\
# hiptui shell completion (hiptui completion --help). The commands are written in; ids come from hiptui.
_hiptui_subcommands() {{
  case "$1" in
{subcommands}
  esac
}}
_hiptui_options() {{
  case "$1" in
{options}
  esac
}}
_hiptui_value() {{
  case "$1|$2" in
{values}
  esac
}}
_hiptui_positional() {{
  case "$1|$2" in
{positionals}
  esac
}}
_hiptui_expand() {{
  case "$2" in
    @pack|@move|@routine) "$1" _complete "${{2#@}}" "$3" 2>/dev/null ;;
    @file|@dir) echo "$2" ;;
    @none) ;;
    ,*)
      case "$3" in
        *,*) echo "${{2#,}}" | tr " " "\\n" | while read -r word; do printf "%s\\n" "${{3%,*}},$word"; done ;;
        *) echo "${{2#,}}" | tr " " "\\n" ;;
      esac ;;
    *) echo "$2" | tr " " "\\n" ;;
  esac
}}
# _hiptui_candidates COMMAND WORD... CURRENT: the candidates for CURRENT, one a line, or @file / @dir.
_hiptui_candidates() {{
  local command place count option word kind
  command="$1"; shift
  place=""; count=0; option=""
  while [ "$#" -gt 1 ]; do
    word="$1"; shift
    if [ -n "$option" ]; then option=""; continue; fi
    case "$word" in
      -*=*) ;;
      -*) if [ -n "$(_hiptui_value "$place" "$word")" ]; then option="$word"; fi ;;
      *)
        case " $(_hiptui_subcommands "$place") " in
          *" $word "*) place="${{place:+$place }}$word"; count=0 ;;
          *) count=$((count + 1)) ;;
        esac ;;
    esac
  done
  if [ -n "$option" ]; then
    kind="$(_hiptui_value "$place" "$option")"
  else
    case "$1" in
      -*) kind="$(_hiptui_options "$place")" ;;
      *)
        kind="$(_hiptui_subcommands "$place")"
        if [ -z "$kind" ]; then kind="$(_hiptui_positional "$place" $((count + 1)))"; fi ;;
    esac
  fi
  _hiptui_expand "$command" "${{kind:-@none}}" "$1"
}}
"""

_BASH = """\
# Candidates are read a line at a time into COMPREPLY, never through `compgen -W` or `($(...))`, which
# would expand $(...) or a glob in them.
_hiptui() {
  local current="${COMP_WORDS[COMP_CWORD]}" found word prefix
  found="$(_hiptui_candidates "${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD}")"
  prefix="$current"
  COMPREPLY=()
  case "$found" in  # the shell's own names match already (after ~ is expanded)
    @file) compopt -o filenames 2>/dev/null; found="$(compgen -f -- "$current")"; prefix="" ;;
    @dir) compopt -o filenames 2>/dev/null; found="$(compgen -d -- "$current")"; prefix="" ;;
  esac
  while IFS= read -r word; do
    if [[ -n $word && $word == "$prefix"* ]]; then COMPREPLY+=("$word"); fi
  done <<< "$found"
}
complete -F _hiptui hiptui
"""

_ZSH = """\
_hiptui() {
  local found
  local -a candidates
  found="$(_hiptui_candidates "${words[1]}" "${(@)words[2,CURRENT]}")"
  [ -n "$found" ] || return 1
  case "$found" in
    @file) _files ;;
    @dir) _files -/ ;;
    *) candidates=("${(@f)found}"); compadd -a candidates ;;
  esac
}
if [ "$funcstack[1]" = "_hiptui" ]; then
  _hiptui "$@"
else
  compdef _hiptui hiptui
fi
"""

_FISH = """\
# hiptui shell completion for fish: the words are walked by the same sh functions as in bash and zsh.
set -g __hiptui_core 'CORE'
function __hiptui_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l found (sh -c "$__hiptui_core"'
_hiptui_candidates "$@"' sh $words "$current")
    switch "$found[1]"
        case @file
            __fish_complete_path "$current"
        case @dir
            __fish_complete_directories "$current"
        case '*'
            printf '%s\\n' $found
    end
end
complete -c hiptui -f -a '(__hiptui_complete)'
"""
