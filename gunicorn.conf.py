"""gunicorn settings that ladderbot's correctness depends on (the Procfile's web: line).

    gunicorn -c gunicorn.conf.py 'bot.slack.wsgi:create_app()'

- preload_app: the app is built once, before the fork, so a configuration or
  knowledge-base mistake stops the server with one line instead of every worker
  crash-looping, and the loaded ladder is shared by the workers' memory.
- post_fork: threads do not survive a fork, so each worker starts its own answer
  pool, event heartbeat (which renews the leases of the events it holds) and
  sweeper (which finishes events a killed worker left pending, once their lease
  runs out), question-log writer and knowledge-directory watcher.
- worker_exit: a graceful stop finishes answers in hand and flushes the question log.
- on_reload (SIGHUP): the edited ladder is validated in the master before the new
  workers are forked from it; a broken one is refused and the old one kept.
- timeout: a worker silent this long is killed and replaced; acks take
  milliseconds, and Web API work runs in the answer pool, not in request threads.
- graceful_timeout: on restart, in-flight answers get this long to finish; any
  still unfinished are answered by another worker once their lease runs out.
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '3000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))  # one per core: answers are CPU work
threads = int(os.environ.get("GUNICORN_THREADS", "8"))  # requests mostly wait on the network
worker_class = "gthread"
preload_app = True
timeout = 30
graceful_timeout = 30
keepalive = 5


def post_fork(server, worker):
    from bot import live
    from bot.slack import inbox
    from bot.store import question_log

    inbox.start_in_this_process()
    question_log.start_in_this_process()
    live.start_in_this_process(master_pid=server.pid)


def worker_exit(server, worker):
    """A graceful stop (SIGTERM from the platform or gunicorn): answers in hand are
    finished, then the question log writes what is queued."""
    from bot.slack import inbox
    from bot.store import question_log

    inbox.stop_in_this_process(timeout=10)  # answers in hand: their questions are queued
    question_log.close_all(timeout=10)  # within graceful_timeout (30 s), with room to spare


def on_reload(server):
    """SIGHUP to the master: the edited ladder is checked here first, and the new
    workers gunicorn then starts fork from it; a ladder with problems is logged and
    the old one kept."""
    from bot import live

    live.reload_all()
