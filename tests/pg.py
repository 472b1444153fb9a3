"""A real PostgreSQL server for the tests, started with initdb/pg_ctl on a free local port.

Found from `pg_config --bindir` or Debian's /usr/lib/postgresql/*/bin (.ci/run installs
Debian's postgresql package when neither is there). initdb refuses to run as root,
so as root the server runs as the `postgres` user the package creates. Without the
binaries the PostgreSQL tests are skipped locally, and fail in CI (CI=true), where
a missing server must never pass silently.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.port = _free_port()
        self.base = Path(tempfile.mkdtemp(prefix="ladderbot-pg-"))
        self.data = self.base / "data"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "ladderbot", "--auth=trust", "-E", "UTF8")
        self.start()

    def _run(self, tool: str, *args: str, check: bool = True):
        return subprocess.run(
            [*self.as_user, str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
        )

    def start(self) -> None:
        options = f"-p {self.port} -h 127.0.0.1 -k {self.base} -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.base / "log"),
            "-w",
            "start",
        )

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def ensure_running(self) -> None:
        if not self.running():
            self.start()

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://ladderbot@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


_server: PostgresServer | None = None


def postgres_server() -> PostgresServer:
    """The session's server, started on first use; skips (or fails in CI) without one."""
    global _server
    if _server is None:
        bindir = _bindir()
        if bindir is None:
            message = "PostgreSQL server binaries not found (apt-get install postgresql)"
            if os.environ.get("CI"):
                pytest.fail(message + " - CI must run the PostgreSQL tests")
            pytest.skip(message)
        _server = PostgresServer(bindir)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", _server.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
    return _server


def stop_postgres_server() -> None:
    global _server
    if _server is not None:
        _server.destroy()
        _server = None
