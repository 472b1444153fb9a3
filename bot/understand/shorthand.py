"""Chat shorthand, read as the word it stands for: "mgr" -> "manager", "yoe" -> "experience".

People type these in Slack on purpose; they are not typos, so the speller must not
"correct" them towards whatever ladder word is one letter away ("frm" -> "firm",
"yoe" -> "you"). They are general English, not part of any company's ladder, so the
table lives here rather than in the knowledge base. Each stands for one word, so a
question keeps its length and the words typed still line up with the words read.

The same expansion is applied to the ladder's aliases, phrases and examples (they
are split into words by the same function as questions), so an alias written "eng
manager" and a question typed "eng mgr" meet as "engineer manager".
"""

from __future__ import annotations

import re

SHORTHAND: dict[str, str] = {
    # people and roles
    "mgr": "manager",
    "mgrs": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "eng": "engineer",
    "engs": "engineer",
    "engr": "engineer",
    "engrs": "engineer",
    "engg": "engineering",
    "enggs": "engineer",
    "dev": "developer",
    "devs": "developer",
    "comm": "communication",  # "comms"
    "ppl": "people",
    "ppls": "people",
    "prs": "pr",  # pull requests
    "rfcs": "rfc",
    "phds": "phd",
    "soln": "solution",
    "solns": "solution",
    "apis": "api",
    "dbs": "db",
    "lang": "language",
    "grad": "graduate",  # "new grad", "grad school"
    "grads": "graduate",
    "langs": "language",
    "sol": "solution",
    "sols": "solution",
    # career words
    "yoe": "experience",
    "exp": "experience",
    "yrs": "year",
    "yr": "year",
    "lvl": "level",
    "lvls": "level",
    "tc": "compensation",  # total compensation
    "co": "company",
    "promo": "promotion",
    "promos": "promotion",
    "reqs": "requirement",
    "req": "requirement",
    "resp": "responsibility",
    "diff": "difference",
    "btwn": "between",
    "v": "vs",
    "cert": "certification",
    "certs": "certification",
    "uni": "university",
    "edu": "education",
    "infra": "infrastructure",
    "k8s": "kubernetes",
    "prod": "production",
    "perf": "performance",
    "biz": "business",
    "org": "organisation",
    "orgs": "organisation",
    "info": "information",
    # function words
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "abt": "about",
    "frm": "from",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "hw": "how",
    "hv": "have",
    "nxt": "next",
    "shd": "should",
    "shud": "should",
    "wud": "would",
    "cud": "could",
    "knw": "know",
    "wanna": "want",
    "smth": "something",
    "sth": "something",
    "w": "with",
}


# Shorthand for a title's or level's word, typed with the level's figure: "eng1",
# "lvl5", "mgr2" read as "engineer1", "level5", "manager2" - one word still, as the
# ladder's names joined with their figure are ("engineer1", "level5").
_NAME_WORDS = frozenset({"engineer", "manager", "level"})  # not "dev2": a server
_WITH_FIGURE = re.compile(r"([a-z]+)(\d{1,2}[a-z]?)")


# Shorthand that is another thing before these words: a "promo code" is a discount
# code, and "a promo on gym memberships" an offer, not a promotion; a "dev env" is a
# development environment, not a developer's
_OFFER = frozenset({"code", "codes", "on"})
_WORKPLACE = frozenset(
    "env envs environment environments server servers box setup stack container".split()
)
READ_BEFORE = {
    "promo": (_OFFER, "promo"),
    "promos": (_OFFER, "promo"),
    "dev": (_WORKPLACE, "development"),
}
# ...or after these: "personal dev", "career dev" is development
READ_AFTER = {"dev": (frozenset({"personal", "professional", "career", "self"}), "development")}


def expand_all(words: list[str]) -> list[str]:
    """Each word as expand() reads it, unless a word beside it makes it something else."""
    out = []
    for i, w in enumerate(words):
        before, reading = READ_BEFORE.get(w, ((), ""))
        after, read_after = READ_AFTER.get(w, ((), ""))
        if words[i + 1 : i + 2] and words[i + 1] in before:
            out.append(reading)
        elif i and words[i - 1] in after:
            out.append(read_after)
        else:
            out.append(expand(w))
    return out


def expand(word: str) -> str:
    found = SHORTHAND.get(word)
    if found is not None:
        return found
    if word[-1:].isdigit() or word[-2:-1].isdigit():
        numbered = _WITH_FIGURE.fullmatch(word)
        if numbered and SHORTHAND.get(numbered.group(1)) in _NAME_WORDS:
            return SHORTHAND[numbered.group(1)] + numbered.group(2)
    return word
