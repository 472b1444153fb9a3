"""/role, /skills and /ladder: acknowledged with the answer itself, privately.

`/ladder report` and `/ladder reload` are for the ladder's maintainers (admin.py).
"""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import BoltResponse

from ...commands import COMMANDS
from ...live import as_live
from ..admin import SUBCOMMANDS
from ..delivery import Responder
from ..errors import log_failures
from ..messages import command_reply
from ..record import new_id

JSON = "application/json;charset=utf-8"

# Only an answer too long for one message has more to send after the ack. A Bolt lazy
# listener would copy every request (and rebuild the answer) just to find out, which
# cost 40% of each command's time; this pool is used only when there is something left.
_rest_sender = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ladderbot-respond")


@log_failures("slash command")
def send_the_rest(messages, respond) -> None:
    for message in messages:
        respond(**message)


@log_failures("/ladder report or reload")
def send_admin_reply(admin, user, words, respond) -> None:
    respond(**admin.handle(user, words), replace_original=False)


def handle_command(kb, command: dict, respond=None, recorder=None, admin=None) -> BoltResponse:
    """The answer is the acknowledgement itself, returned as soon as it is ready (Bolt
    sends a listener's BoltResponse as the ack when processing before responding; a
    test in test_bolt_contract.py fails if Bolt stops doing so)."""
    started = time.perf_counter()
    name, text = command.get("command", ""), command.get("text", "")
    words = text.lower().split()
    if admin is not None and name == "/ladder" and words[:1] and words[0] in SUBCOMMANDS:
        user = command.get("user_id")
        if not admin.allowed(user):
            reply = admin.handle(user, words)  # the polite refusal, at once
            return BoltResponse(status=200, body=json.dumps(reply), headers={"content-type": JSON})
        # A report reads the database and a reload a whole ladder: either can take
        # longer than the 3 s an ack may, so the answer follows through response_url.
        respond = respond or Responder(command.get("response_url"))
        _rest_sender.submit(send_admin_reply, admin, user, words, respond)
        working = {"response_type": "ephemeral", "text": f"Working on `/ladder {words[0]}`…"}
        return BoltResponse(status=200, body=json.dumps(working), headers={"content-type": JSON})
    qid = new_id() if recorder is not None and recorder.enabled else None
    reply = command_reply(kb, name, text, qid)
    if reply.rest:
        respond = respond or Responder(command.get("response_url"))
        _rest_sender.submit(send_the_rest, reply.rest, respond)
    if qid:
        recorder.command(qid, command, reply.understood, started)
    return BoltResponse(status=200, body=reply.body, headers={"content-type": JSON})


def register(app, ladder, recorder=None, admin=None) -> None:
    ladder = as_live(ladder)

    def on_command(command):
        return handle_command(ladder.kb, command, recorder=recorder, admin=admin)

    # One listener for every command: Bolt runs each listener's matcher, with its own
    # argument injection, until one matches, so three listeners cost /ladder three.
    app.command(re.compile("^(?:" + "|".join(map(re.escape, COMMANDS)) + ")$"))(on_command)
