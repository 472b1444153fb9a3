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


def expand(word: str) -> str:
    return SHORTHAND.get(word, word)
