"""The data files shipped inside the package: read from the package's directory, or through
``importlib.resources`` where the package is not a plain directory (a zip, say)."""

from __future__ import annotations

import importlib
from pathlib import Path


def read_text(package: str, *path: str) -> str:
    """The UTF-8 text of a file shipped in ``package`` (``read_text("resistx.evidence",
    "data", "evidence.json")``)."""
    # a file beside the package's own module is read directly: importing importlib.resources
    # costs about 5 ms, a twentieth of a fresh process's first plan
    where = getattr(importlib.import_module(package), "__file__", None)
    if where is not None:
        candidate = Path(where).parent.joinpath(*path)
        if candidate.is_file():
            return candidate.read_text("utf-8")
    from importlib import resources  # noqa: PLC0415 - only for a package that is no directory

    return resources.files(package).joinpath(*path).read_text("utf-8")
