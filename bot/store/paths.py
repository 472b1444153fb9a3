"""Where ladderbot keeps its state: DATA_DIR, else a per-user data directory.

Nothing goes in temp directories, which cleaners empty under a running server.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """$DATA_DIR, else $XDG_DATA_HOME/ladderbot, else ~/.local/share/ladderbot."""
    env = os.environ if env is None else env
    explicit = env.get("DATA_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = env.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "ladderbot"
