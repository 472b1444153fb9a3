"""Bolt listeners, split by kind as in the bolt-python starter template."""

from . import actions, commands, events


def register_listeners(app, kb) -> None:
    commands.register(app, kb)
    events.register(app, kb)
    actions.register(app, kb)
