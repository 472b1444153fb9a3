"""Durable state: where it lives (paths) and what is kept (events)."""
