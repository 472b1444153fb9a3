"""The database ladderbot keeps its state in: SQLite by default, PostgreSQL for several machines.

    DATABASE_URL unset          a SQLite file, ladderbot.sqlite3, under DATA_DIR
    sqlite:///PATH              that SQLite file
    postgresql://... (postgres://, postgresql+psycopg://)   PostgreSQL, via psycopg 3

One SQLAlchemy Core engine serves both, so the event store, the question log and
the report are written once. SQLite runs in WAL mode, and every transaction takes
the write lock up front (BEGIN IMMEDIATE): gunicorn's workers on one machine then
share the file safely with no setup. The schema is versioned with Alembic
(bot/store/migrations/); `upgrade()` brings any older database to the current
version without losing rows, at start-up or from `python -m bot db upgrade`.

Every failure of the database surfaces as StoreError, so callers can fail open.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path

from ..forks import in_forked_child
from .paths import data_dir

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SINGLE = "ladderbot_statement_at_a_time"  # execution option: see Database.statements()
DEFAULT_FILE = "ladderbot.sqlite3"
log = logging.getLogger("ladderbot")

# Alembic logs a line at INFO for each of its plugins as it is imported, and for each
# step of a migration: seven to ten lines on every start, at any LOG_LEVEL. Only its
# warnings are kept (set before alembic is first imported); what an upgrade did is one
# line of ours (Database.upgrade).
if logging.getLogger("alembic").level == logging.NOTSET:  # unless a level was chosen
    logging.getLogger("alembic").setLevel(logging.WARNING)


class StoreError(Exception):
    """The database could not be read or written (disk full, read-only, down, locked).
    `transient` is False when it refused what was sent (a bad value), not the work."""

    def __init__(self, message: str, transient: bool = True):
        super().__init__(message)
        self.transient = transient


class DatabaseURLError(ValueError):
    """DATABASE_URL is not a URL ladderbot can use; the message says what is."""


def database_url(env: Mapping[str, str] | None = None) -> str:
    """The SQLAlchemy URL for DATABASE_URL, or the default SQLite file under DATA_DIR."""
    env = os.environ if env is None else env
    raw = env.get("DATABASE_URL", "").strip()
    if not raw:
        return f"sqlite:///{data_dir(env) / DEFAULT_FILE}"
    scheme = raw.split(":", 1)[0].lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        url = "postgresql+psycopg:" + raw.split(":", 1)[1]
        try:
            from sqlalchemy.engine import make_url

            make_url(url).port  # noqa: B018 - parses host, port and query now, not at first use
        except Exception:  # noqa: BLE001 - any parse failure is the same mistake
            raise DatabaseURLError(
                "DATABASE_URL is not a valid PostgreSQL URL: use "
                "postgresql://user:password@host:5432/ladderbot"
            ) from None
        return url
    if scheme == "sqlite":
        path = raw[len("sqlite:///") :] if raw.startswith("sqlite:///") else ""
        if not path or path == ":memory:":
            raise DatabaseURLError(
                "DATABASE_URL for SQLite must name a file: sqlite:///path/to/ladderbot.sqlite3 "
                "(several processes share it, so not :memory:)."
            )
        return raw
    raise DatabaseURLError(
        "DATABASE_URL must start with sqlite:/// or postgresql:// "
        "(e.g. postgresql://user:password@host:5432/ladderbot)."
    )


def redacted(url: str) -> str:
    """The URL with any password replaced (user:password@ or ?password=), for log lines."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        if "password" in parsed.query:
            parsed = parsed.update_query_dict({"password": "***"})
        return parsed.render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is not shown at all
        return "(the DATABASE_URL given)"


def url_password(url: str) -> str | None:
    """The password in a database URL, wherever it is given, for the log redactor."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
    except Exception:  # noqa: BLE001
        return None
    query = parsed.query.get("password")
    return parsed.password or (query if isinstance(query, str) else None)


class Database:
    """A lazily created engine, safe across gunicorn's fork (a child never reuses the
    parent's connections) and shared by every store of the process."""

    def __init__(self, url: str):
        self.url = url
        self.kind = "postgresql" if url.startswith("postgresql") else "sqlite"
        self._engine = None
        self._lock = threading.Lock()
        self._upgraded = False
        in_forked_child(self, Database._after_fork)

    def __repr__(self) -> str:
        return f"Database({redacted(self.url)!r})"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL."""
        return Path(self.url[len("sqlite:///") :]) if self.kind == "sqlite" else None

    @property
    def engine(self):
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._create()
        return self._engine

    def _create(self):
        from sqlalchemy import create_engine, event

        if self.kind == "sqlite":
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            engine = create_engine(
                self.url,
                connect_args={"timeout": 15, "check_same_thread": False},
                pool_size=10,
                max_overflow=20,
            )

            @event.listens_for(engine, "connect")
            def _on_connect(dbapi, _record):
                dbapi.isolation_level = None  # we say BEGIN ourselves, below
                cursor = dbapi.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across crashes
                cursor.execute("PRAGMA busy_timeout=15000")
                cursor.close()

            @event.listens_for(engine, "begin")
            def _on_begin(conn):
                if conn.get_execution_options().get(SINGLE):
                    return  # each statement its own transaction (see statements())
                # Take the write lock up front: two writers never deadlock upgrading
                # a read lock, they queue (busy_timeout) instead.
                conn.exec_driver_sql("BEGIN IMMEDIATE")

            return engine
        return create_engine(
            self.url,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=10,
            pool_timeout=5,
            connect_args={"connect_timeout": 5},
        )

    def _after_fork(self) -> None:
        if self._engine is not None:
            self._engine.dispose(close=False)  # the parent's connections stay the parent's

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @contextmanager
    def begin(self):
        """A transaction (committed when the block ends); any failure is StoreError."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.begin() as conn:
                yield conn
        except (SQLAlchemyError, OSError) as exc:
            raise _error(exc) from exc

    def insert(self, table):
        """An INSERT in this database's dialect, which has on_conflict_do_nothing/_update."""
        if self.kind == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    @contextmanager
    def statements(self):
        """A connection on which each statement commits by itself. For work made of
        statements that are each atomic on their own (the event store's claims):
        SQLite's single write lock is then held only while the database runs the
        statement, never while Python, waiting for its GIL among a server's
        threads, gets round to the next line."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{SINGLE: True})
                yield conn
                conn.commit()  # PostgreSQL's transaction; nothing left to do for SQLite
        except (SQLAlchemyError, OSError) as exc:
            raise _error(exc) from exc

    def check(self) -> None:
        """Raise StoreError now if the database cannot be reached."""
        from sqlalchemy import text

        with self.begin() as conn:
            conn.execute(text("SELECT 1"))

    # the schema ----------------------------------------------------------------

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (Alembic), keeping every row. Safe to run from
        several processes or machines at once: they take turns."""
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.begin() as conn:
                if self.kind == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(7305112)"))  # "ladderbot"
                before = MigrationContext.configure(conn).get_current_revision()
                config = _alembic_config(conn)
                command.upgrade(config, revision)
                after = MigrationContext.configure(conn).get_current_revision()
        except (SQLAlchemyError, OSError) as exc:
            raise _error(exc) from exc
        if before != after:
            log.info(
                "database %s: schema upgraded from %s to %s",
                redacted(self.url),
                before or "empty",
                after,
            )
        if revision == "head":
            self._upgraded = True

    def ensure_schema(self) -> None:
        """upgrade() once per process, the first time a store needs the tables."""
        if not self._upgraded:
            self.upgrade()

    def exists(self) -> bool:
        """Whether the database is there with ladderbot's tables, creating nothing: for
        SQLite, no file (or an empty one) means no, and neither a directory nor a file
        is made to find out. StoreError when it cannot be read."""
        if self.kind == "sqlite":
            try:
                if self.path.stat().st_size == 0:
                    return False
            except FileNotFoundError:
                return False
            except OSError as exc:
                raise StoreError(f"{type(exc).__name__}: {exc.strerror}") from exc
        return self.revision() is not None

    def revision(self) -> str | None:
        """The schema version the database is at (None before the first upgrade)."""
        from alembic.runtime.migration import MigrationContext

        with self.begin() as conn:
            return MigrationContext.configure(conn).get_current_revision()


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _error(exc: BaseException) -> StoreError:
    from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError, StatementError

    refused = isinstance(exc, (DataError, IntegrityError, ProgrammingError)) or (
        isinstance(exc, StatementError)
        and not getattr(exc, "connection_invalidated", False)
        and isinstance(getattr(exc, "orig", None), (ValueError, TypeError, UnicodeError))
    )
    return StoreError(_short(exc), transient=not refused)


def _short(exc: BaseException) -> str:
    """One line for a log: the error's class and its first line, no SQL or parameters."""
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    return f"{type(orig).__name__}: {first}"[:300]


_shared: dict[str, Database] = {}
_shared_lock = threading.Lock()


def open_database(env: Mapping[str, str] | None = None, url: str | None = None) -> Database:
    """The process's Database for DATABASE_URL (one engine per URL)."""
    url = url or database_url(env)
    with _shared_lock:
        db = _shared.get(url)
        if db is None:
            db = _shared[url] = Database(url)
        return db
