"""Stage 1 of the pipeline: Slack text -> a list of plain lower-case word tokens.

Slack's markup comes out here; the words themselves are made by bot/text.py,
which the loader uses for aliases and topic phrases too.
"""

from __future__ import annotations

import re
import unicodedata

from ..text import words
from .shorthand import expand

# Only the start of a very long message is read: routing needs a sentence, not
# an essay, and this keeps the time per question bounded (Slack allows 40,000).
MAX_CHARS = 1_000

_SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
_EMOJI = re.compile(r":[a-z0-9_+'\-]+:")
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ARROW = re.compile(r"-+>|=>|\u2192")
# An amount of money: a currency sign and a figure, or a figure in thousands with no
# unit after it ("150k" is pay, "10k requests" is not).
_MONEY = re.compile(
    r"[$\u00a3\u20ac]\s?\d[\d,.]*k?\b|\b\d{2,3}k\b"
    r"(?!\s*(?:users?|requests?|reqs?|rps|qps|tps|rows?|records?|events?|messages?|lines?|"
    r"views?|hits?|customers?|ops|connections?|files?|items?|stars?|followers?))",
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


def strip_markup(text: str) -> str:
    """Slack markup and invisible characters out, visible words kept."""
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
    text = _MONEY.sub(" money ", text)  # "is 150k lowballing", "$120,000"
    return _EMOJI.sub(" ", text)[:MAX_CHARS]


def tokens(text: str, fold: bool = True) -> list[str]:
    """Words of a question, lower case, apostrophes closed up, chat shorthand read as
    the word it stands for ("mgr" -> "manager") and plurals folded (fold=False keeps
    them as typed, for telling people what was corrected)."""
    found = words(strip_markup(text), fold)
    return [expand(w) for w in found] if fold else found


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def question_start(text: str) -> int:
    """How many tokens come before the last sentence that asks something (ends with
    "?"), or 0: in "long story... shipped the migration solo... what do people look
    for when promoting a mid?" the story is context and the last sentence the question."""
    sentences = _SENTENCE_END.split(strip_markup(text))
    asking = [i for i, sentence in enumerate(sentences) if "?" in sentence]
    if not asking or asking[-1] == 0:
        return 0
    return len(tokens(" ".join(sentences[: asking[-1]])))


def cased_tokens(text: str) -> list[str]:
    """The words as typed, capitals kept ("PMs"), for telling abbreviations from slips."""
    return words(strip_markup(text), fold=False, case=True)


def normalise(text: str) -> str:
    return " ".join(tokens(text))
