"""/role, /skills and /ladder: acknowledged with the answer itself, privately."""

from __future__ import annotations

from ...commands import COMMANDS
from ..delivery import respond_checked
from ..messages import command_messages


def handle_command(kb, ack, command: dict, respond) -> None:
    first, *rest = command_messages(kb, command.get("command", ""), command.get("text", ""))
    ack(**first)  # the answer travels in the acknowledgement: well within 3 seconds
    for message in rest:
        respond_checked(respond, message)


def register(app, kb) -> None:
    def on_command(ack, command, respond):
        handle_command(kb, ack, command, respond)

    for name in COMMANDS:
        app.command(name)(on_command)
