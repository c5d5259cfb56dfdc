"""Locate the data shipped with monitor: bundled watchlists, the demo feed, the migrations.

In a source checkout (or an editable install) they are the top-level folders of the
repository; in a wheel they are copied under `monitor/_bundled/`.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_PACKAGE}")


def watchlists_dir() -> Path:
    return _locate("watchlists")


def seeds_dir() -> Path:
    return _locate("seeds")


def migrations_dir() -> Path:
    return _locate("migrations")
