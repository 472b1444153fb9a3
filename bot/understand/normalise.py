"""Stage 1 of the pipeline: Slack text -> a list of plain lower-case word tokens.

Slack's markup comes out here; the words themselves are made by bot/text.py,
which the loader uses for aliases and topic phrases too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import words
from . import lexicon
from .shorthand import expand_all

# Only the start of a very long message is read: routing needs a sentence, not
# an essay, and this keeps the time per question bounded (Slack allows 40,000).
MAX_CHARS = 1_000

_SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
_EMOJI = re.compile(r":[a-z0-9_+'\-]+:")
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ARROW = re.compile(r"-+>|=>|\u2192")
_WITHOUT = re.compile(r"\bw/o\b", re.IGNORECASE)  # "lead w/o going into management"
_COMP_SCI = re.compile(r"\bcomp\.?\s*sci\b", re.IGNORECASE)  # not "comp", pay
_WISE = re.compile(r"\b([A-Za-z]{3,})(-?)wise\b")  # "skillwise", "pay-wise"


def _split_wise(m: re.Match) -> str:
    """ "skillwise" -> "skill wise"; not "otherwise", "likewise" (English words)."""
    if not m.group(2) and lexicon.is_english(m.group(0).lower()):
        return m.group(0)
    return f"{m.group(1)} wise"


# An amount of money: a currency sign and a figure, or a figure in thousands with no
# unit after it ("150k" is pay, "10k requests" is not).
_MONEY = re.compile(
    r"[$\u00a3\u20ac]\s?\d[\d,.]*k?\b|\b\d{2,3}k\b"
    # ...unless counting things: "10k requests", "100k concurrent websockets"
    r"(?!\s+(?:[a-z]+\s+)?[a-z]+s\b|\s*(?:rps|qps|tps|ops)\b)",
    re.IGNORECASE,
)


def _space_or_nothing(match: re.Match) -> str:
    return " " if match.group() in "\t\n\r" else ""


def _link_text(match: re.Match) -> str:
    """Keep a link's visible label; drop user, channel and special mentions entirely."""
    target, label = match.group(1), match.group(2)
    if target[:1] in "@#!":
        return " "
    return f" {label} " if label else " "


@lru_cache(maxsize=1024)
def strip_markup(text: str) -> str:
    """Slack markup and invisible characters out, visible words kept. Each question's
    text is read so by several stages (words, capitals, who asks, clauses): once."""
    text = text[: MAX_CHARS * 2]
    if text.isascii():  # the usual case: only ASCII control characters to drop
        text = _ASCII_CONTROL.sub(_space_or_nothing, text)
    else:
        text = unicodedata.normalize("NFKC", text)
        # Format characters (zero-width joiners, bidi overrides) and control characters.
        text = "".join(
            ch if unicodedata.category(ch)[0] != "C" else (" " if ch in "\t\n\r" else "")
            for ch in text
        )
    text = _SLACK_LINK.sub(_link_text, text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _ARROW.sub(" to ", text)  # "sr -> staff?"
    text = _WITHOUT.sub(" without ", text)
    text = _COMP_SCI.sub(" computer science ", text)
    if "wise" in text:
        text = _WISE.sub(_split_wise, text)
    text = _MONEY.sub(" money ", text)  # "is 150k lowballing", "$120,000"
    return _EMOJI.sub(" ", text)[:MAX_CHARS]


def tokens(text: str, fold: bool = True) -> list[str]:
    """Words of a question, lower case, apostrophes closed up, chat shorthand read as
    the word it stands for ("mgr" -> "manager") and plurals folded (fold=False keeps
    them as typed, for telling people what was corrected)."""
    found = words(strip_markup(text), fold)
    return expand_all(found) if fold else found


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\s[-\u2013\u2014]+\s")  # "... - what does it take?"
_PREFIX = re.compile(r"^\s*([^:?!.,\n]+?)\s*(?::|,|\s[-\u2013\u2014]+)\s+")
CHECKING_WORDS = 4
_MAYBE_LEAD = re.compile(r"[:\-\u2013\u2014]|here", re.IGNORECASE)
PREFIX_WORDS = 8  # a leading "who is asking" clause is short


def question_start(text: str, long: bool = True, names=None) -> int:
    """How many tokens come before the question, or 0. Two kinds of context come
    first: who is asking, set off by a colon or a dash ("Recruiter here - what's a
    fair base salary...", "As a manager justifying headcount: what does a senior
    bring", "manager question: ..."; not "staff promo packet - what do they look
    for", where the lead is the subject), and, in a long message, a story before the
    last sentence that asks something ("shipped the migration solo... what do people
    look for when promoting a mid?"). `names`: whether some words are a role's name on
    the ladder ("lead:", "EM -"), the asker's own title."""
    introduced = _introduces_asker(text)
    if not long and not introduced and not _MAYBE_LEAD.search(text):
        return 0  # short, and no colon, dash or "here" sets off who is asking
    plain = strip_markup(text)
    lead_words = tokens(plain)[:5]
    if "here" in lead_words[1:4] and len(lead_words) > lead_words.index("here") + 2:
        # "new hire here :wave: what does backend mean", "sr eng here, how do i..."
        start = lead_words.index("here") + 1
        return max(start, _asking_clause(plain))  # "HR here, new to this - can..."
    prefix = _PREFIX.match(plain)
    lead = tokens(prefix.group(1)) if prefix else []
    if (
        lead
        and len(lead) <= PREFIX_WORDS
        and (
            lead[0] in ("as", "context", "background")
            or ASKING_LEADS & set(lead)  # "recruiter asking:", "manager q:"
            or _asker(lead)
            or (names is not None and names(tuple(lead)))  # "lead: what should my..."
        )
        and not plain[prefix.end() - 2 :].startswith(",")
        and plain[prefix.end() :].strip()
    ):
        return max(len(tokens(prefix.group(0))), _asking_clause(plain))
    if not long and not introduced:
        return 0
    sentences = _SENTENCE_END.split(plain)
    # the last sentence that asks, unless it only checks the one before: "... does
    # that seem right?", "is that normal?"
    asking = [
        i
        for i, sentence in enumerate(sentences)
        if "?" in sentence and len(tokens(sentence)) > CHECKING_WORDS
    ]
    if not asking or asking[-1] == 0:
        return 0
    return len(tokens(" ".join(sentences[: asking[-1]])))


_INTRODUCTIONS = ("i'm ", "i\u2019m ", "im ", "i am ", "i've ", "i\u2019ve ", "ive ")


def _introduces_asker(text: str) -> bool:
    """A first sentence about the asker, then another: "I'm a senior who just joined.
    What does a staff engineer focus on?" - the story is context even when short."""
    head = text.lstrip()[:6].lower()
    return head.startswith(_INTRODUCTIONS) and bool(_SENTENCE_END.search(text.strip()))


# Who is asking, said before a colon or a dash: "recruiter: what does mid-level mean"
ASKERS = frozenset(  # people of the company, not of any ladder (whose titles vary)
    "recruiter recruiters recruiting hr pm interviewer founder designer".split()
)


ASKING_LEADS = frozenset("question questions q qs asking".split())


def _asker(lead: list[str]) -> bool:
    return len(lead) <= 2 and lead[-1] in ASKERS


_CLAUSE_END = re.compile(r"(?<=[.?!:;,])\s+")  # "context: junior, 8 months in"


_FIRST_ONLY = frozenset({0})


def clause_starts(text: str) -> frozenset[int]:
    """Token positions where a clause starts (after a full stop, colon or comma; not a
    dash, which often joins a title to what it is about): a level word there has no
    word before it in its clause."""
    clauses = _CLAUSE_END.split(strip_markup(text))
    if len(clauses) == 1:
        return _FIRST_ONLY  # most questions are one clause: no second tokenising
    out, at = set(), 0
    for clause in clauses:
        out.add(at)
        at += len(tokens(clause))
    return frozenset(out)


def _asking_clause(plain: str) -> int:
    """Tokens before the clause that asks, after who is asking and more of their story:
    "HR here, pretty new to tech recruiting - *can someone explain...*", "context:
    senior at a bank, thinking of the manager route. *how does the switch work?*"; 0
    when the last clause asks nothing."""
    clauses = _SENTENCE_END.split(plain)
    last = tokens(clauses[-1])
    # a question mark, or typed without one: "... what skills separate the principals"
    asks = "?" in clauses[-1] or (last[:1] and last[0] in QUESTION_STARTS)
    if len(clauses) < 2 or not asks or len(last) <= CHECKING_WORDS:
        return 0
    return len(tokens(" ".join(clauses[:-1])))


QUESTION_STARTS = frozenset(
    "what whats which who whos how when where why can could should do does is are am".split()
)


def cased_tokens(text: str) -> list[str]:
    """The words as typed, capitals kept ("PMs"), for telling abbreviations from slips."""
    return words(strip_markup(text), fold=False, case=True)


def normalise(text: str) -> str:
    return " ".join(tokens(text))
