"""The layers of src/hiptui, checked over every file: each imports only the layers below it (or its own)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).parents[1] / "src" / "hiptui"
LAYERS = ["base", "figure", "packs", "plugins", "catalog", "data", "session", "workspace", "tui", "cli"]
"""Bottom first. `hookspecs` sits with the plugins; so does `hiptui` itself, the plugin API, which
hands out `Pack` on first use; imported, it only gives `__version__`, which any layer may read."""
CORE = LAYERS[: LAYERS.index("workspace") + 1]
UI_LIBRARIES = ("textual", "rich")


def layer_of(module: str, importing: bool = False) -> str:
    parts = module.split(".")
    if parts[0] != "hiptui":
        raise ValueError(module)
    if len(parts) == 1:
        return "plugins" if importing else "base"
    if parts[1] == "hookspecs":
        return "plugins"
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, anywhere in it (a function's lazy import counts too)."""
    found: list[tuple[int, str]] = []
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            if base == "hiptui":  # `from hiptui import x` names a module or the API root
                found += [(node.lineno, f"hiptui.{a.name}") for a in node.names if (SOURCE / a.name).exists()]
    return found


SOURCES = sorted(SOURCE.rglob("*.py"))


def test_every_file_belongs_to_a_layer() -> None:
    for path in SOURCES:
        assert layer_of(module_name(path), importing=True) in LAYERS, path


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_each_file_imports_only_its_own_layer_or_those_below(path: Path) -> None:
    own = LAYERS.index(layer_of(module_name(path), importing=True))
    wrong = []
    for line, module in imports_of(path):
        top = module.split(".")[0]
        if top == "hiptui" and LAYERS.index(layer_of(module)) > own:
            wrong.append(f"line {line}: {module} ({layer_of(module)})")
        if top in UI_LIBRARIES and LAYERS[own] in CORE:
            wrong.append(f"line {line}: {module} (the core never imports the UI)")
    assert not wrong, f"{path.relative_to(SOURCE)} imports above its layer {LAYERS[own]!r}: {wrong}"


def test_the_command_line_never_imports_textual_unless_it_runs_the_app() -> None:
    code = (
        "import sys, hiptui.cli; hiptui.cli.build_parser(); sys.exit('textual' in sys.modules or 'rich' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_hiptui_exports_the_plugin_api() -> None:
    import hiptui
    import hiptui.hookspecs

    assert hiptui.hookimpl.project_name == "hiptui"
    assert hiptui.Pack.__name__ == "Pack"
    assert hasattr(hiptui.hookspecs, "register_packs")


def test_the_builder_s_first_frame_imports_no_pack_or_queue_module() -> None:
    """What the first frame draws needs none of these: they come with the packs, after it."""
    later = [
        "pydantic",
        "pluggy",
        "sqlite3",
        "hiptui.packs.model",
        "hiptui.catalog.catalog",
        "hiptui.catalog.search",
        "hiptui.session.timeline",
        "hiptui.session.queue",
        "hiptui.catalog.library",
        "hiptui.workspace",
    ]
    code = (
        "import sys, hiptui.tui.app, hiptui.tui.screens.builder; "
        f"print(' '.join(m for m in {later!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []
