"""/role, /skills and /ladder: acknowledged with the answer itself, privately."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from slack_bolt import BoltResponse

from ...commands import COMMANDS
from ..delivery import Responder
from ..errors import log_failures
from ..messages import command_reply

JSON = "application/json;charset=utf-8"

# Only an answer too long for one message has more to send after the ack. A Bolt lazy
# listener would copy every request (and rebuild the answer) just to find out, which
# cost 40% of each command's time; this pool is used only when there is something left.
_rest_sender = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ladderbot-respond")


@log_failures("slash command")
def send_the_rest(messages, respond) -> None:
    for message in messages:
        respond(**message)


def handle_command(kb, command: dict, respond=None) -> BoltResponse:
    """The answer is the acknowledgement itself, returned as soon as it is ready (Bolt
    sends a listener's BoltResponse as the ack when processing before responding; a
    test in test_bolt_contract.py fails if Bolt stops doing so)."""
    body, rest = command_reply(kb, command.get("command", ""), command.get("text", ""))
    if rest:
        respond = respond or Responder(command.get("response_url"))
        _rest_sender.submit(send_the_rest, rest, respond)
    return BoltResponse(status=200, body=body, headers={"content-type": JSON})


def register(app, kb) -> None:
    def on_command(command):
        return handle_command(kb, command)

    for name in COMMANDS:
        app.command(name)(on_command)
