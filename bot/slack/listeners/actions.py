"""Buttons and menus: follow-up topics, did-you-mean, compare, share, 👍/👎 feedback, the
Home tab's role picker, and buttons from older versions of the bot."""

from __future__ import annotations

import re
import time

from ...answer.render_blocks import (
    CHOOSE_ACTION,
    COMPARE_ACTION,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    MORE_ACTION,
    ROLE_ACTION,
    SHARE_ACTION,
    SUGGEST_ACTION,
    TOPIC_ACTION,
    resolve_role_ref,
)
from ...live import as_live
from ..delivery import Responder
from ..errors import ack_now, log_failures
from ..messages import (
    FULL,
    ROLE_PICKER,
    action_value,
    answer_from_value,
    answer_messages,
    home_view,
    role_options,
)

OLD_BUTTON = (
    "This button is from an older version of ladderbot, so I can't tell what it asked for. "
    "Ask me again: mention me with your question, or try `/role`."
)
THANKS = "Thanks — the ladder's maintainers will see this."


def _asked(value: dict, answer) -> str:
    """What a button asked, in words, for the question log."""
    if "cmd" in value:
        return f"{value['cmd']} {value.get('x', '')}".strip()
    if "q" in value:
        return str(value["q"])
    return answer.title


def handle_follow_up(kb, body: dict, action: dict, respond, client, recorder=None) -> None:
    """Answer a button in place: privately for the person who clicked it."""
    if body.get("container", {}).get("type") == "view" or not body.get("response_url"):
        handle_home_role(kb, body, action, client)  # a button in the Home tab
        return
    started = time.perf_counter()
    value = action_value(action)
    answer = answer_from_value(kb, value)
    full = bool(value.get(FULL))
    messages = answer_messages(answer, kb, share=value, full=full, response_type="ephemeral")
    if recorder is not None:  # before responding, which may retry for a while
        recorder.button(body, answer, started, _asked(value, answer))
    for message in messages:
        respond(**message, replace_original=False)


def handle_share(kb, action: dict, respond) -> None:
    """Post the same answer visibly in the channel, without a second Share button."""
    value = action_value(action)
    answer = answer_from_value(kb, value)
    full = bool(value.get(FULL))
    for message in answer_messages(answer, kb, full=full, response_type="in_channel"):
        respond(**message, replace_original=False)


def record_vote(body: dict, action: dict, recorder) -> None:
    """A 👍 or 👎, recorded against the question it answers (a second click changes the
    vote). Called before the ack: queued at once, it is written even if the worker
    is stopped a moment later."""
    vote = 1 if action.get("action_id") == FEEDBACK_UP else -1
    if recorder is not None:
        recorder.vote(body, str(action.get("value") or ""), vote)


def thank_for_feedback(body: dict, respond) -> None:
    """Thanked privately; nothing is posted to the channel."""
    if body.get("response_url"):
        respond(text=THANKS, response_type="ephemeral", replace_original=False)


def handle_home_role(kb, body: dict, action: dict, client) -> None:
    role = resolve_role_ref(kb, action_value(action).get("r"))
    client.views_publish(user_id=body["user"]["id"], view=home_view(kb, role))


def handle_old_button(kb, body: dict, respond, client) -> None:
    """A click on a button this version does not know (a message from before an
    upgrade): say so where it was clicked, instead of Slack showing an error."""
    if body.get("response_url"):
        respond(text=OLD_BUTTON, response_type="ephemeral", replace_original=False)
    elif body.get("container", {}).get("type") == "view":
        client.views_publish(user_id=body["user"]["id"], view=home_view(kb))


def register(app, ladder, recorder=None) -> None:
    """Each click is acknowledged at once; the answer is sent by a lazy listener,
    through a Responder (response_url with the Web API client's retries)."""
    ladder = as_live(ladder)
    follow_ups = re.compile(
        f"^({TOPIC_ACTION}|{SUGGEST_ACTION}|{COMPARE_ACTION}|{CHOOSE_ACTION}|{MORE_ACTION})"
    )

    @log_failures("block_actions")
    def on_follow_up(body, action, client):
        respond = Responder(body.get("response_url"))
        handle_follow_up(ladder.kb, body, action, respond, client, recorder)

    @log_failures("block_actions")
    def on_share(body, action):
        handle_share(ladder.kb, action, Responder(body.get("response_url")))

    def on_feedback_ack(ack, body, action):
        record_vote(body, action, recorder)
        ack()

    @log_failures("block_actions")
    def on_feedback(body):
        thank_for_feedback(body, Responder(body.get("response_url")))

    @log_failures("block_actions")
    def on_home_role(body, action, client):
        handle_home_role(ladder.kb, body, action, client)

    @log_failures("block_actions")
    def on_old_button(body, client):
        handle_old_button(ladder.kb, body, Responder(body.get("response_url")), client)

    def on_role_search(ack, payload):
        ack(options=role_options(ladder.kb, payload.get("value", "")))

    app.action(follow_ups)(ack=ack_now, lazy=[on_follow_up])
    app.action(SHARE_ACTION)(ack=ack_now, lazy=[on_share])
    votes = re.compile(f"^({FEEDBACK_UP}|{FEEDBACK_DOWN})$")
    app.action(votes)(ack=on_feedback_ack, lazy=[on_feedback])
    app.action(re.compile(f"^{ROLE_ACTION}"))(ack=ack_now, lazy=[on_home_role])
    app.options(ROLE_PICKER)(on_role_search)
    # Last, so it only sees what no listener above matched (Bolt runs the first match).
    app.action(re.compile(".*"))(ack=ack_now, lazy=[on_old_button])
