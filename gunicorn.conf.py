"""gunicorn settings that ladderbot's correctness depends on (the Procfile's web: line).

    gunicorn -c gunicorn.conf.py 'bot.slack.wsgi:create_app()'

- preload_app: the app is built once, before the fork, so a configuration or
  knowledge-base mistake stops the server with one line instead of every worker
  crash-looping, and the loaded ladder is shared by the workers' memory.
- post_fork: threads do not survive a fork, so each worker starts its own answer
  pool and event sweeper, which finishes events a killed worker left pending.
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
    from bot.slack.inbox import start_in_this_process

    start_in_this_process()
