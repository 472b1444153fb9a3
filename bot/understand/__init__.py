"""Understanding: Slack text -> normalised words -> spelling -> an Intent."""
