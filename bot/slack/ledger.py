"""Remembers which Slack events were handled, so a retried delivery is not answered twice.

Claims are files created with O_EXCL in a shared directory, so every gunicorn
worker process on the machine sees the same claims without a database.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time

TTL_SECONDS = 3600  # Slack retries within minutes; an hour is plenty
PRUNE_EVERY = 500


def _prune_old_ledgers(parent: str) -> None:
    """Remove ledgers of servers that stopped over TTL_SECONDS ago (best effort)."""
    cutoff = time.time() - TTL_SECONDS
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir() and entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            pass


class EventLedger:
    """By default one ledger per server start: the app is built before gunicorn forks
    (--preload), so every worker shares it, and a restarted server starts clean instead
    of ignoring event ids it saw in an earlier life."""

    def __init__(self, directory: str | None = None):
        if directory is None:
            parent = os.path.join(tempfile.gettempdir(), "ladderbot-events")
            directory = os.path.join(parent, f"{os.getpid()}-{time.time_ns()}")
            _prune_old_ledgers(parent)
        self.directory = directory
        os.makedirs(self.directory, mode=0o700, exist_ok=True)
        self._claims = 0

    def claim(self, event_id: str) -> bool:
        """True the first time an event id is seen (by any process), False afterwards."""
        name = hashlib.sha256(event_id.encode("utf-8", "replace")).hexdigest()[:32]
        try:
            os.close(
                os.open(
                    os.path.join(self.directory, name), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600
                )
            )
        except FileExistsError:
            return False
        self._claims += 1
        if self._claims % PRUNE_EVERY == 0:
            self.prune()
        return True

    def prune(self, now: float | None = None) -> None:
        cutoff = (now or time.time()) - TTL_SECONDS
        for entry in os.scandir(self.directory):
            try:
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
            except OSError:
                pass  # another worker pruned it first
