"""The package version, from the installed metadata (never a literal), read once."""

from __future__ import annotations

import functools


@functools.cache
def version() -> str:
    from importlib.metadata import PackageNotFoundError  # noqa: PLC0415 - slow; only on demand
    from importlib.metadata import version as metadata_version  # noqa: PLC0415

    try:
        return metadata_version("resistx")
    except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
        return "0+unknown"
