"""The package version: the one place it is written. The build reads it from here for the
package metadata (``[tool.hatch.version]``), so the two cannot differ, and a plan stamps it
without importing ``importlib.metadata`` (a quarter of a fresh process's first plan)."""

from __future__ import annotations

__version__ = "0.2.0.dev0"


def version() -> str:
    return __version__
