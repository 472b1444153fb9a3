"""Buttons: follow-up topics, did-you-mean, compare, share, and the Home tab's role cards."""

from __future__ import annotations

import re

from ...answer.render_blocks import (
    COMPARE_ACTION,
    ROLE_ACTION,
    SHARE_ACTION,
    SUGGEST_ACTION,
    TOPIC_ACTION,
)
from ..delivery import respond_checked
from ..errors import ack_now, log_failures
from ..messages import action_value, answer_from_value, answer_messages, home_view


def handle_follow_up(kb, body: dict, action: dict, respond, client) -> None:
    """Answer a button in place: privately for the person who clicked it."""
    if body.get("container", {}).get("type") == "view" or not body.get("response_url"):
        handle_home_role(kb, body, action, client)  # a button in the Home tab
        return
    value = action_value(action)
    answer = answer_from_value(kb, value)
    for message in answer_messages(answer, kb, share=value, response_type="ephemeral"):
        respond_checked(respond, message, replace_original=False)


def handle_share(kb, action: dict, respond) -> None:
    """Post the same answer visibly in the channel, without a second Share button."""
    answer = answer_from_value(kb, action_value(action))
    for message in answer_messages(answer, kb, response_type="in_channel"):
        respond_checked(respond, message, replace_original=False)


def handle_home_role(kb, body: dict, action: dict, client) -> None:
    client.views_publish(
        user_id=body["user"]["id"], view=home_view(kb, action_value(action).get("r"))
    )


def register(app, kb) -> None:
    """Each click is acknowledged at once; the answer is sent by a lazy listener."""
    follow_ups = re.compile(f"^({TOPIC_ACTION}|{SUGGEST_ACTION}|{COMPARE_ACTION})")

    @log_failures("block_actions")
    def on_follow_up(body, action, respond, client):
        handle_follow_up(kb, body, action, respond, client)

    @log_failures("block_actions")
    def on_share(action, respond):
        handle_share(kb, action, respond)

    @log_failures("block_actions")
    def on_home_role(body, action, client):
        handle_home_role(kb, body, action, client)

    app.action(follow_ups)(ack=ack_now, lazy=[on_follow_up])
    app.action(SHARE_ACTION)(ack=ack_now, lazy=[on_share])
    app.action(re.compile(f"^{ROLE_ACTION}"))(ack=ack_now, lazy=[on_home_role])
