"""Answers: Intent + ladder -> Answer, rendered as mrkdwn, plain text or Block Kit."""
