"""Cues that a message is not a question about the ladder, read once by the cues
stage (cues.py) and left on the frame: help wanted with a thing or a task ("any
ideas", "can someone review my PR"), a person wanted rather than a role ("who's
leading the retro today"), an announcement ("retro moved to 4pm"). The topic stage
declines on them (topic.py); the marker words live in markers.py."""

from __future__ import annotations

import re

from . import markers as M
from .frame import Span


def request_of(words: list[str]) -> bool:
    """Help with a thing or a task rather than a question about roles: a word of trouble
    ("stuck", "error", "configure", "any ideas") or someone asked to do something ("can
    someone review my PR", "could you approve")."""
    if M.TROUBLE & set(words):
        return True
    if words[:1] and words[0] in M.PLEASE and words[1:2] and words[1] in M.DOING_VERBS:
        return True  # "pls merge my PR before the release cut"
    if any(
        w in M.STUCK and (i == 0 or words[i - 1] not in M.STUCK_PERSON) for i, w in enumerate(words)
    ):
        return True
    if (
        any(
            w in M.NOT_WORKING
            and words[i + 1 : i + 2]
            and words[i + 1] in M.WORKING
            and (i == 0 or words[i - 1] not in M.FIRST_PERSON_SUBJECTS)  # "I can't build a case"
            for i, w in enumerate(words)
        )
        or ("does", "nothing") in zip(words, words[1:])
    ):
        return True
    if any(
        w in M.ASKING_SOMEONE and words[i + 1 : i + 2] and words[i + 1] in M.USING
        for i, w in enumerate(words)
    ):
        return True  # "which extension do u use"
    if _technical_help(words):
        return True
    return any(
        w in M.AUXILIARIES
        and words[i + 1 : i + 2]
        and words[i + 1] in M.ASKING_SOMEONE
        and set(words[i + 2 : i + 6]) & M.DOING_VERBS
        and not set(words[i + 2 : i + 6]) & M.ADVICE  # "does anyone have tips for..."
        for i, w in enumerate(words)
    )


def _technical_help(words: list[str]) -> bool:
    """Help with technology for the asker's own work: a package wanted for a task ("good
    python library for parsing PDFs"), a choice for their own project ("postgres or
    mysql for my side project"). Not "explain how ... works": promotions are explained
    so too."""
    for i, w in enumerate(words):
        after = words[i + 1 : i + 4]
        if w in M.PACKAGES and after[:1] and after[0] in M.PACKAGE_FOR:
            return True
        # "for my app", "for my side project" - not "impact for my project"
        mine = after[1:] if w == "for" and after[:1] == ["my"] else []
        if set(mine) & M.OWN_WORK or mine[:1] and mine[0] in M.SIDE_WORK:
            return True
    return False


def broken_of(words: list[str]) -> bool:
    """A thing said to be broken, as people report it at work: "staging is down again",
    "the L3 switch is flapping", "the VPN is unreachable" - with no wh-question asked
    ("my rating is down, what does that mean for promotion" asks about the ladder)."""
    if M.ASKING_WORDS & set(words):
        return False
    return bool(M.BROKEN & set(words)) or any(
        a in M.IS_NOW and b in M.BROKEN_STATE for a, b in zip(words, words[1:])
    )


def own_conduct_of(words: list[str]) -> bool:
    """The asker asks what they should do themselves ("should i ping the channel", "do i
    fix it myself", "am i supposed to"), of no one else: advice on their own conduct,
    which a level's lines may speak to, however the rest reads like trouble."""
    if M.ASKING_SOMEONE & set(words):
        return False
    return any(
        (w in M.OBLIGED and words[i + 1 : i + 2] == ["i"])
        or (w == "am" and words[i + 1 : i + 3] in (["i", "supposed"], ["i", "expected"]))
        for i, w in enumerate(words)
    )


def errand_of(words: list[str]) -> bool:
    """Something for people to do now, not a question: help wanted ("need a reviewer
    for my design doc", "i need a quick code review on this") or a meeting moved ("can
    we move the post-mortem to thursday")."""
    start = 1 if words[:1] == ["i"] else 0
    if (
        words[start : start + 1] == ["need"]
        and M.HELP_WANTED & set(words[start + 1 : start + 5])
        and not M.ASKING_WORDS & set(words)  # "i need a review of what is expected..."
    ):
        return True
    return bool(M.RESCHEDULING & set(words)) and any(
        w in M.WEEKDAYS or w in M.WHO_NOW or _CLOCK.fullmatch(w) for w in words
    )


def announcement_of(text: str, words: list[str], form: str, spans=()) -> bool:
    """No question in it, and a time it sets: "sprint retro moved to 4pm today",
    "cto office hours moved to thursday this week". `form`: the question's form."""
    if "?" in text or M.ASKING_WORDS & set(words) or form:
        return False
    if any(span.start and words[span.start - 1] in M.YES_NO for span in spans) or any(
        w in M.YES_NO and nxt in M.SUBJECTS for w, nxt in zip(words, words[1:])
    ):
        return False  # "friday deploys - are seniors expected to be on call": asked
    timed = M.WHO_NOW | M.WEEKDAYS
    return any(w in timed or _CLOCK.fullmatch(w) for w in words)


_CLOCK = re.compile(r"\d{1,2}(?:am|pm)")


def person_wanted(words: list[str], spans=()) -> str:
    """Someone wanted, not a role: "now" for "who's leading the retro today",
    "someone" for "who is leading the retro"; "" for "a staff engineer who's aiming
    for principal" or "who has the final say on promotions"."""
    if "who" not in words and "whos" not in words:
        return ""
    at = words.index("who") if "who" in words else words.index("whos")
    if any(span.end == at for span in spans):
        return ""  # "who" of the role just named
    after = words[at + 1 :]
    if words[at] == "whos" or after[:1] == ["s"]:
        after = ["is", *after[1 if after[:1] == ["s"] else 0 :]]
    if M.WHO_NOW & set(words) or any(pair in M.WHO_NOW_PAIRS for pair in zip(words, words[1:])):
        return "now"
    held = after[:1] == ["is"] and bool(after[1:2]) and after[1].endswith("ing")
    # "the runbook is out of date, who owns it?", "who can fix them": whoever answers
    # for a thing just named, not a duty of the ladder's ("who owns 1:1s") - and only
    # where no level is named: "who approves them, staff or principal?" weighs roles
    verb = 1 if after[:1] and after[0] in M.AUXILIARIES else 0
    object_named = (
        not spans
        and len(after) > verb + 1
        and after[verb] not in M.IS_ARE
        and after[verb + 1] in M.THING_NAMED
    )
    return "someone" if held or object_named else ""


def person_asked_for(span: Span, words: list[str]) -> bool:
    """Who holds a role somewhere, not what the role is: "who's the TPM for the data
    center migration", "who is the tech lead on tonight's incident"."""
    j = span.start - 1
    if j < 1 or words[j] != "the":
        return False
    asking = words[j - 1] in M.WHO_IS or (
        words[j - 1] in M.IS_ARE and words[j - 2 : j - 1] == ["who"]
    )
    return (
        asking
        and words[span.end : span.end + 1] in ([w] for w in M.HOLDING)
        and len(words) > span.end + 1
    )
