"""Bolt listeners, split by kind as in the bolt-python starter template."""

from . import actions, commands, events


def register_listeners(app, kb, inbox) -> None:
    commands.register(app, kb)
    events.register(app, kb, inbox)
    actions.register(app, kb)
