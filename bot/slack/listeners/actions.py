"""Buttons and menus: follow-up topics, did-you-mean, compare, share, the Home tab's
role picker, and buttons from older versions of the bot."""

from __future__ import annotations

import re

from ...answer.render_blocks import (
    COMPARE_ACTION,
    ROLE_ACTION,
    SHARE_ACTION,
    SUGGEST_ACTION,
    TOPIC_ACTION,
    resolve_role_ref,
)
from ..delivery import Responder
from ..errors import ack_now, log_failures
from ..messages import (
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


def handle_follow_up(kb, body: dict, action: dict, respond, client) -> None:
    """Answer a button in place: privately for the person who clicked it."""
    if body.get("container", {}).get("type") == "view" or not body.get("response_url"):
        handle_home_role(kb, body, action, client)  # a button in the Home tab
        return
    value = action_value(action)
    answer = answer_from_value(kb, value)
    for message in answer_messages(answer, kb, share=value, response_type="ephemeral"):
        respond(**message, replace_original=False)


def handle_share(kb, action: dict, respond) -> None:
    """Post the same answer visibly in the channel, without a second Share button."""
    answer = answer_from_value(kb, action_value(action))
    for message in answer_messages(answer, kb, response_type="in_channel"):
        respond(**message, replace_original=False)


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


def register(app, kb) -> None:
    """Each click is acknowledged at once; the answer is sent by a lazy listener,
    through a Responder (response_url with the Web API client's retries)."""
    follow_ups = re.compile(f"^({TOPIC_ACTION}|{SUGGEST_ACTION}|{COMPARE_ACTION})")

    @log_failures("block_actions")
    def on_follow_up(body, action, client):
        handle_follow_up(kb, body, action, Responder(body.get("response_url")), client)

    @log_failures("block_actions")
    def on_share(body, action):
        handle_share(kb, action, Responder(body.get("response_url")))

    @log_failures("block_actions")
    def on_home_role(body, action, client):
        handle_home_role(kb, body, action, client)

    @log_failures("block_actions")
    def on_old_button(body, client):
        handle_old_button(kb, body, Responder(body.get("response_url")), client)

    def on_role_search(ack, payload):
        ack(options=role_options(kb, payload.get("value", "")))

    app.action(follow_ups)(ack=ack_now, lazy=[on_follow_up])
    app.action(SHARE_ACTION)(ack=ack_now, lazy=[on_share])
    app.action(re.compile(f"^{ROLE_ACTION}"))(ack=ack_now, lazy=[on_home_role])
    app.options(ROLE_PICKER)(on_role_search)
    # Last, so it only sees what no listener above matched (Bolt runs the first match).
    app.action(re.compile(".*"))(ack=ack_now, lazy=[on_old_button])
