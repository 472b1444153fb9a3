"""The ladder a running server answers from, swapped for an edited one without a restart.

    ladder = LiveLadder.load(directory)     ladder.kb is what every request reads

- Edits under the knowledge directory are picked up within a few seconds: a thread
  per process (gunicorn's master included, so the workers it forks later start
  from the current ladder) compares the files' sizes and modification times
  every KNOWLEDGE_RELOAD_SECONDS (default 2).
- SIGHUP does the same at once: Socket Mode handles it in-process; gunicorn's
  master validates the edited ladder (gunicorn.conf.py's on_reload) and then
  replaces its workers gracefully, as it always does on SIGHUP, so no request is
  dropped; `/ladder reload` does it on demand for an admin.
- A new ladder is loaded, checked and indexed off to the side and then swapped in
  with one assignment: a request in flight keeps the ladder it started with. A
  ladder with problems never replaces a good one: its `file:line` problems are
  logged (and returned to `/ladder reload`), and the old ladder goes on answering.
  An edit the watchers refuse is logged once, by the process that loaded the
  ladder (gunicorn's master), not again by each worker's watcher (DEBUG there).
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import threading
import weakref
from pathlib import Path

from . import pipeline
from .forks import in_forked_child
from .ladder import knowledge
from .ladder.model import KnowledgeBase
from .ladder.yamlfile import KnowledgeError

log = logging.getLogger("ladderbot")
_ladders: weakref.WeakSet[LiveLadder] = weakref.WeakSet()


def signature(directory: Path) -> tuple:
    """What changes when any knowledge file is edited, added or removed."""
    out = []
    for folder in (directory, directory / "roles"):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.name.endswith(knowledge.ROLE_SUFFIXES) and e.is_file():
                st = e.stat()
                out.append((folder.name, e.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


class LiveLadder:
    def __init__(
        self,
        kb: KnowledgeBase,
        directory: Path | None = None,
        interval: float = 2.0,
        seen: tuple | None = None,
    ):
        """`seen`: the files' signature when `kb` was read from them (else now)."""
        self._kb = kb
        self.directory = directory
        self.interval = interval
        self.seen = seen if seen is not None else (signature(directory) if directory else ())
        self._lock = threading.Lock()  # one reload at a time
        self._pid: int | None = None
        self._loaded_in = os.getpid()  # the process that loaded it, and watches it too
        self._stop = threading.Event()
        _ladders.add(self)
        # A fork while this process's watcher holds the lock must not leave the child's
        # copy locked for good. (By weak reference: the hook must not keep us alive.)
        in_forked_child(self, LiveLadder._after_fork)

    def _after_fork(self) -> None:
        self._lock = threading.Lock()

    @classmethod
    def load(cls, directory: str | os.PathLike | None = None, interval: float = 2.0):
        """The ladder for serving (KnowledgeError if it has problems, at start-up)."""
        path = knowledge.resolve_dir(str(directory) if directory else None)
        seen = signature(path)  # as it was when read, so an edit during the load is caught
        return cls(pipeline.load_for_serving(path), path, interval, seen)

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb

    def reload(self, watching: bool = False) -> list[str]:
        """Load, check and swap in the ladder on disk; its problems ([] when swapped in).

        `watching`: called by the watcher, not asked for (SIGHUP, `/ladder reload`).
        A refused edit is then logged by the process that loaded the ladder only: every
        gunicorn worker watches its own copy, and each would log the same problems."""
        if self.directory is None:
            return []
        with self._lock:
            seen = signature(self.directory)
            try:
                kb = pipeline.load_and_index(self.directory)
            except KnowledgeError as exc:
                self.seen = seen  # not retried until the files change again
                problems = [str(p) for p in exc.problems]
                forked_copy = os.getpid() != self._loaded_in
                log.log(
                    logging.DEBUG if watching and forked_copy else logging.ERROR,
                    "knowledge base edit refused (%d problem%s); still answering from the "
                    "previous ladder:\n%s",
                    len(problems),
                    "" if len(problems) == 1 else "s",
                    "\n".join(problems),
                )
                return problems
            old, self._kb = self._kb, kb  # one assignment: requests in flight keep theirs
            self.seen = seen
            if gc.get_freeze_count():
                # The first ladder was frozen out of the collector's way at start-up; the
                # replaced one must be collectable, and the new one frozen in its place.
                del old
                gc.unfreeze()
                gc.collect()
                gc.freeze()
            log.info("knowledge base reloaded from %s (%d roles)", self.directory, len(kb.roles))
            return []

    def changed(self) -> bool:
        return self.directory is not None and signature(self.directory) != self.seen

    # watching, per process ----------------------------------------------------------

    def start(self) -> None:
        """Watch for edits in this process (threads do not survive gunicorn's fork)."""
        if self.directory is None or self.interval <= 0 or self._pid == os.getpid():
            return
        self._pid = os.getpid()
        self._stop = threading.Event()
        threading.Thread(target=self._watch, name="ladderbot-reload", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _watch(self) -> None:
        while True:
            if self.changed():
                try:
                    self.reload(watching=True)
                except Exception:  # noqa: BLE001 - the watcher must outlive a bug
                    log.exception("knowledge base reload failed; keeping the previous ladder")
            if self._stop.wait(self.interval):
                return


_master_pid: int | None = None  # gunicorn's master, when this is one of its workers


def start_in_this_process(master_pid: int | None = None) -> None:
    """Watch every ladder from this process (gunicorn's post_fork hook passes the
    master's pid, so `/ladder reload` can reach every worker)."""
    global _master_pid
    if master_pid is not None:
        _master_pid = master_pid
    for ladder in list(_ladders):
        ladder.start()


def signal_the_master() -> bool:
    """Under gunicorn, SIGHUP the master: it checks the ladder again and replaces its
    workers gracefully, so all of them answer from it. False outside gunicorn."""
    if _master_pid is None or _master_pid != os.getppid():
        return False
    try:
        os.kill(_master_pid, signal.SIGHUP)
    except OSError:
        return False
    return True


def reload_all() -> None:
    """Reload every ladder of this process now (SIGHUP)."""
    for ladder in list(_ladders):
        if ladder.directory is not None:
            ladder.reload()


def as_live(ladder) -> LiveLadder:
    """A LiveLadder for a ladder that never changes, when given a plain KnowledgeBase."""
    return ladder if isinstance(ladder, LiveLadder) else LiveLadder(ladder)
