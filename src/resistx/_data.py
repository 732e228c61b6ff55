"""The data files shipped inside the package, read through ``importlib.resources``."""

from __future__ import annotations


def read_text(package: str, *path: str) -> str:
    """The UTF-8 text of a file shipped in ``package`` (``read_text("resistx.evidence",
    "data", "evidence.json")``)."""
    # imported on first use: importlib.resources costs about 5 ms of ``import resistx``,
    # and a session that never loads the evidence never needs it
    from importlib import resources  # noqa: PLC0415

    return resources.files(package).joinpath(*path).read_text("utf-8")
