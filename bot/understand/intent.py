"""What the router understood of a question: the Intent every transport answers from."""

from __future__ import annotations

from dataclasses import dataclass

from .facts import FactRef


@dataclass(frozen=True)
class Intent:
    role: str | None
    topic: str | None
    other_role: str | None
    confidence: float
    answered: bool
    suggestions: tuple[str, ...] = ()
    # (typed, understood) pairs for words the router corrected, so answers can say
    # "I read 'senoir' as 'senior'".
    corrections: tuple[tuple[str, str], ...] = ()
    # Facts that answer a specific question, best first: the role's own, or, when
    # its sources say nothing about it, other roles' (the answer says so).
    facts: tuple[FactRef, ...] = ()
    terms: tuple[str, ...] = ()  # the specific words asked about ("websockets")
    supported: bool = False  # the role's best fact holds every specific word asked
    form: str = ""  # "yes_no" or "how_long" when the question has that form
    direction: str = ""  # progression: "into" when asking how to become the role
    chat: str | None = None  # "greeting", "thanks" or "help": small talk
    unknown_role: str | None = None  # a title this ladder does not have
    # A title the ladder lacks, offered as a guess at the next step ("whats after
    # principal? cto?"): the question is still answered, with a note about it.
    guessed_title: str | None = None
    # The role's facts that share any word with the question, best first: a topic's
    # list is shown in this order, so "job growth" leads with the growth figure.
    ranked: tuple[FactRef, ...] = ()
    # Words typed that the answer does not use (neither a role it answers for, a topic
    # phrase, a fact asked about nor a function word): "blah" in "/role senior blah".
    unread: tuple[str, ...] = ()
    named: tuple[str, ...] = ()  # the ladder's roles the text names, in order
    # Roles the question could mean, when the bot asks which instead of guessing: a level
    # code several tracks share ("IC 5"), or no role named on a ladder with several
    # paths. `asked_as` is how the question named it ("IC 5").
    choices: tuple[str, ...] = ()
    asked_as: str = ""
    # The levels a family's name covers ("tech lead": Tech Lead 4 to 7), when the answer
    # is for the first of them.
    family: tuple[str, ...] = ()
    # What the question puts on a path: "no_management" ("I don't want to manage"),
    # "management"; roles it sets aside ("besides lead"); "report" when the asker
    # asks about someone they manage ("help my mid get to senior").
    condition: str = ""
    set_aside: tuple[str, ...] = ()
    asker: str = ""
    # "which levels mentor others": every role whose facts say so, lowest first (the
    # answer is about the first of them)
    holders: tuple[str, ...] = ()
    # the tracks a question about the whole ladder names ("manager track levels?"), in
    # the ladder's order
    tracks: tuple[str, ...] = ()
    # the areas every level is described by, asked for ("which competencies are we
    # assessed on"): the answer names them
    areas: bool = False


@dataclass(frozen=True)
class CommandHint:
    """A slash command's argument is read like a question, with the command as a hint:
    it is about the ladder by definition (a level word needs no context, "/role lead"
    is never lead paint), and when it asks for nothing else it gets the command's own
    topic ("/skills senior": skills), or, naming two roles, `pair_topic` ("/ladder
    senior staff": the comparison)."""

    topic: str | None = None
    pair_topic: str | None = None
