"""The argument parser of every hiptui command: a usage error is one line that says where help is."""

from __future__ import annotations

import argparse
from typing import NoReturn


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"hiptui: {message} (see '{self.prog} --help')\n")
