"""Bolt listeners, split by kind as in the bolt-python starter template."""

from . import actions, commands, events


def register_listeners(app, ladder, inbox, recorder=None, admin=None) -> None:
    """`ladder` is read per request (`ladder.kb`), so a reloaded ladder takes effect at
    once; `recorder` feeds the question log, `admin` the maintainers' commands."""
    commands.register(app, ladder, recorder, admin)
    events.register(app, ladder, inbox, recorder, admin)
    actions.register(app, ladder, recorder)
