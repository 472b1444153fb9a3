"""Stage 9, in part: readiness. "What do I need to show for D4", "am I ready for
senior", "what changes at EM7": a question about the level someone is heading for -
what it expects, and what changes from where they stand - unless it names a topic of
its own. And what the asker tells of themselves ("I own two services"), which is
their story, not what they ask about.
"""

from __future__ import annotations

from .frame import Frame
from .index import RouterIndex
from .markers import ASKING_WORDS, AUXILIARIES, COMPARING_WORDS, READINESS

TELLING_SUBJECTS = frozenset({"i", "ive", "we", "weve"})
# ...but "I need", "I want", "I wonder": what follows is what they ask about
NOT_TELLING = frozenset(
    "need needs want wanna wonder wondering would like hope think know guess am was "
    "m have to".split()
)
TOLD_WORDS = 10  # "if I've never had direct reports": the clause a subject says
# ...which ends where the question starts: "I run our sprint planning and review most
# PRs - *ready* to be tech lead?"
ASKING_STARTS = ASKING_WORDS | {"ready"}


def told(words: list[str]) -> set[int]:
    """Positions of what the asker says of themselves: the words after "I", "I've" or
    "we" that is no question's subject ("I own two services", "if I've never had
    direct reports"; not "do I own", "am I ready")."""
    told: set[int] = set()
    for j, w in enumerate(words):
        verb = words[j + 1] if j + 1 < len(words) else ""
        if (
            w in TELLING_SUBJECTS
            and not (j and words[j - 1] in AUXILIARIES)
            and verb not in NOT_TELLING  # "I need to understand...": a question still
        ):
            end = min(len(words), j + 1 + TOLD_WORDS)
            asks = next((k for k in range(j + 2, end) if words[k] in ASKING_STARTS), end)
            told.update(range(j + 1, asks))
    return told


def readiness(frame: Frame, index: RouterIndex) -> None:
    """ "what do I need to show for D4", "am I ready for senior", "what changes at EM7":
    about the level someone is heading for - what it expects, and what changes from
    where they are (`other`) - unless the question names a topic of its own ("do I need
    a degree to be senior")."""
    cues, kb = frame.cues, frame.kb
    if not cues.readiness or cues.form == "how_long" or not index.ladder_topic:
        return
    if frame.topic not in (None, index.ladder_topic):
        return
    heading = [
        m
        for m in frame.kept
        if {"target", "reaching", "toward"} & m.marks
        # "what does staff expect from me": what it demands of the asker
        or {"demands", "first_person_after"} <= m.marks
    ]
    if not heading:
        return
    target = heading[-1]
    said = told(frame.words)
    named = [  # not "what actually changes" (impact's phrase): that is the readiness;
        # nor what the asker says they do ("I own two services. am I ready for senior")
        t
        for t in frame.strong
        if t in kb.topics
        and kb.topics[t].answer == "facts"
        and any(not set(p) & COMPARING_WORDS for p in frame.phrases[t].words)
        and not frame.phrases[t].at <= said
    ]
    if named:
        # "how does the process expectation change from em5 to em6": that topic, there
        # ("going for senior, do i need to spread best practices": that, not the move;
        # but "what is required to be promoted" asks what it takes)
        frame.role, frame.other = target.role, None
        thing = [t for t in named if any(not set(p) & READINESS for p in frame.phrases[t].words)]
        frame.topic = thing[0] if len(thing) == 1 else None
        return
    others = [m for m in frame.kept if m.role != target.role]
    standing = [m for m in others if {"self", "source", "stands"} & m.marks]
    sources = standing or [m for m in others if m.start < target.start]
    frame.role, frame.topic, frame.direction = target.role, index.ladder_topic, "ready"
    frame.other = sources[-1].role if sources else None
    frame.note("structure", f"what {target.role} expects, before reaching it")
