"""/role, /skills and /ladder: acknowledged with the answer itself, privately."""

from __future__ import annotations

from ...commands import COMMANDS
from ..delivery import respond_checked
from ..errors import log_failures
from ..messages import command_messages


def handle_command(kb, ack, command: dict) -> None:
    """The answer travels in the acknowledgement itself, sent as soon as it is built."""
    first = command_messages(kb, command.get("command", ""), command.get("text", ""))[0]
    ack(**first)


def send_the_rest(kb, command: dict, respond) -> None:
    """A very long answer's further messages go through response_url, after the ack."""
    for message in command_messages(kb, command.get("command", ""), command.get("text", ""))[1:]:
        respond_checked(respond, message)


def register(app, kb) -> None:
    def on_command(ack, command):
        handle_command(kb, ack, command)

    @log_failures("slash command")
    def on_command_rest(command, respond):
        send_the_rest(kb, command, respond)

    for name in COMMANDS:
        app.command(name)(ack=on_command, lazy=[on_command_rest])
