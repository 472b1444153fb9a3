"""Stage 9, in part: whom a question is about when it names several roles with no
comparison or move (the first that is not an object), and whether a title the ladder
lacks is what it is about ("senior data scientist", "backend engineer vs product
manager").
"""

from __future__ import annotations

from .frame import Frame, Span, Title
from .moves import pair_of


def subject(frame: Frame, mentions: list[Span]) -> Span:
    """The role a sentence is about when it names several with no comparison or move:
    the first that is not an object ("do leads mentor *juniors*", "is mentoring
    *juniors* part of the lead role")."""
    objects: dict[int, bool] = {}

    def is_object(m: Span) -> bool:
        if m.start not in objects:
            objects[m.start] = _is_object(m)
        return objects[m.start]

    def _is_object(m: Span) -> bool:
        if "how_for" in m.marks:
            return False  # "how does code review work for juniors": about the juniors
        if "object_word" in m.marks or "or_alternative" in m.marks:
            return True
        if any(
            p.end <= m.start and pair_of(frame, p, m).or_between and is_object(p) for p in mentions
        ):
            return True  # "hiring mid folks or is it all senior reqs": the alternative
        return "verb_before" in m.marks

    def is_asker(m: Span) -> bool:
        # "as an EM, what should my tech lead handle", "manager question: ...": who
        # is asking, when the question is about someone else.
        return bool({"as", "quoted", "question_lead", "here"} & m.marks)

    subjects = [m for m in mentions if not is_object(m)]
    # the asker only when no one else is: "as a senior, do i mentor juniors"
    found = next((m for m in subjects if not is_asker(m)), None)
    if found:
        return found
    askers = [m for m in mentions if is_asker(m)]
    if askers and "first_person_after" not in askers[0].marks:
        # "as a manager justifying headcount: what does adding a senior bring" - the
        # question is not about the asker, so the role it names, even as an object
        return next((m for m in mentions if not is_asker(m)), mentions[0])
    return subjects[0] if subjects else mentions[0]


def unknown_role(frame: Frame, titles: list[Title], kept: list[Span], index) -> Title | None:
    """A title the ladder does not have, when it is what the question is about: no
    ladder role named, or a level word describing it ("senior data scientist"), or
    compared with one ("backend engineer vs product manager")."""
    if not titles:
        return None
    if not kept:
        return titles[0]
    for title in titles:
        # A level describing the title: "senior data scientist", "sr frontend dev".
        if any(m.end == title.start and m.end - m.start == 1 for m in kept):
            return title
    if index.compare_topic in frame.strong and len({m.role for m in kept}) < 2:
        # "backend engineer vs product manager"; not "recruiter question: is a
        # principal the same as a staff engineer", which compares two ladder roles.
        return titles[0]
    if all(m.contextual for m in kept):
        # Only a level word beside the title, which is then the subject: "the path for
        # a ux designer to go senior". Not when the title is the level's company:
        # "do seniors work with product managers".
        for title in titles:
            if title.start > kept[0].start and any(
                kept[0].end <= i < title.start for i in frame.cues.clause_ors
            ):
                continue  # "is a senior on the hook for tuning or is that an sre thing"
            if "field" in title.marks:
                continue  # "does the TL role include project management": the TL's work
            if "complement" in title.marks and title.start > kept[0].start:
                continue  # "is a principal supposed to be a project manager too": its work
            if title.start < kept[0].start or "peer" not in title.marks:
                return title
    return None
