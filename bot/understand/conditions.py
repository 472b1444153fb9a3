"""Stage 7, in part: a condition the asker sets on the path ("I don't want to manage
people", "stay IC", "I want to manage people someday"), read from the words around
the word for managing, wherever it is; a refusal anywhere wins.
"""

from __future__ import annotations

from . import markers as M


def _stays(words: list[str], i: int) -> bool:
    """ "stay IC", "keep coding", "stay an individual contributor", "stay hands on" - not
    "keeping technical docs up to date": a word that can name a thing ("technical",
    "code") keeps the way of working only when no noun follows it."""
    for j in (i + 1, i + 2):
        if j < len(words) and words[j] in M.STAY_OBJECTS:
            if words[j] not in M.STAY_NAMING:
                return True
            after = words[j + 1] if j + 1 < len(words) else ""
            return not after or after in M.STOPWORDS
    return False


def condition_of(words: list[str]) -> tuple[str, int]:
    """A condition on the path asked about, and where its word is: "no_management" ("I
    don't want to manage people", "stay IC", "without becoming a manager"),
    "management" ("I want to manage people", "go into management"), or ("", -1). A
    refusal anywhere wins: "I want to lead a team but not manage people"."""
    # a manager's title said as one word ("people mgmt", "engineering manager") too
    managing = [
        i
        for i, w in enumerate(words)
        if (w in M.MANAGE_WORDS or w.endswith(("management", "manager")))
        and not (i and words[i - 1] in M.OTHER_MANAGING)  # "product management"
    ]
    running = [
        i + 1  # "run a team", "lead people": managing, in other words
        for i, w in enumerate(words)
        if w in M.RUNNING and set(words[i + 1 : i + 3]) & M.TEAM_NOUNS
    ]
    # "I don't want direct reports": people who report to one
    managing += [
        i + 1 for i, w in enumerate(words[:-1]) if (w, words[i + 1]) == ("direct", "report")
    ]
    places = sorted(set(managing + running))
    for i in places:
        further = words[max(0, i - 7) : i]
        refused = any(a in M.NOT_MANAGING and b in M.WANTING for a, b in zip(further, further[1:]))
        # "mgmt is not for me", "management isn't for me": refused after its word
        refused = refused or (i in managing and _not_for_me(words, i))
        # "I prefer the technical side over managing people"
        refused = refused or (
            "over" in words[max(0, i - 2) : i] and bool(M.PREFERRING & set(further))
        )
        if set(words[max(0, i - 4) : i]) & M.NOT_MANAGING or M.NEVER & set(further) or refused:
            return "no_management", i  # "i never want to be a manager", "dont want to do 1:1s"
    for i in places:
        near = set(words[max(0, i - 4) : i])
        if near & M.MANAGE_LEAD_INS:
            return "management", i
        if words[i + 1 : i + 2] in (["track"], ["path"]) and near & M.TRACK_MOVES:
            return "management", i  # "how do I get onto the management track"
        if i in running and near & M.TOWARD_MANAGING:
            return "management", i  # "how do I move toward leading people officially"
    for i, w in enumerate(words):
        if w in M.STAY_WORDS and _stays(words, i):
            # "should I move into management or stay IC": both weighed, no condition -
            # but leading a team is not managing it ("leading a team of 4, want to stay IC")
            # ...unless instead of it: "nudging me toward managing, I want to stay
            # hands-on instead"
            chosen = bool(M.INSTEAD & set(words[i:]))
            return ("no_management", i) if chosen or not managing else ("", -1)
    return "", -1


def _not_for_me(words: list[str], i: int) -> bool:
    """ "(management) is not for me", "(mgmt) isn't really for me" - not "my manager
    isn't around for me": the word names the work, not someone's manager."""
    if i and words[i - 1] in M.OUR:
        return False
    k = i + 1
    while k < len(words) and words[k] in M.NOT_FOR_ME_BETWEEN:
        k += 1
    refused = bool({"not", "isnt", "arent"} & set(words[i + 1 : k]))
    return refused and words[k : k + 2] == ["for", "me"]
