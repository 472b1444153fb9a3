"""Alembic migrations for the ladderbot database (run by bot.store.database.Database.upgrade)."""
