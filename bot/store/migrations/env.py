"""Alembic's entry point: run the migrations on the connection ladderbot hands over.

`python -m bot db upgrade` and the servers' start-up call Database.upgrade(),
which opens the transaction and passes its connection in config.attributes.
"""

from alembic import context

from bot.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("run migrations with `python -m bot db upgrade`, not alembic directly")
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying
)
with context.begin_transaction():
    context.run_migrations()
