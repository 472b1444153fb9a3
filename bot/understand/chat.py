"""Small talk: "hi", "thanks!", "help", "what can you do?" get a friendly reply with
what to ask, not the off-topic apology. Only messages made of nothing else count:
"hi, what does a senior do" is a ladder question with a greeting in front.
"""

from __future__ import annotations

GREETING = frozenset(
    """hi hello hey hiya heya howdy yo sup hallo morning afternoon evening good gm
    there all everyone team folks bot ladderbot whats up how are you doing""".split()
)
THANKS = frozenset(
    """thanks thank thx ty tysm cheers ta much so very lot a you great awesome perfect
    nice cool ok okay got it appreciate appreciated that helped helps helpful useful
    brilliant lovely amazing wonderful excellent super""".split()
)
# Questions about the bot itself.
HELP_PHRASES = (
    ("help",),
    ("what", "can", "you", "do"),
    ("what", "do", "you", "do"),
    ("what", "can", "i", "ask"),
    ("what", "should", "i", "ask"),
    ("what", "do", "you", "know"),
    ("who", "are", "you"),
    ("what", "are", "you"),
    ("how", "do", "i", "use"),
    ("how", "does", "this", "work"),
    ("how", "do", "you", "work"),
    ("command",),
    ("usage",),
    ("menu",),
    ("option",),
    ("what", "can", "this", "bot"),
    ("what", "is", "this", "bot"),
    ("what", "is", "ladderbot"),
)
HELP_FILLER = frozenset(
    """me please pls plz can you could would i a the this bot ladderbot with here
    hi hello hey anything else so what how use do does is it work about tell
    for of on show list commands""".split()
)


_HELP_WORDS = frozenset(w for phrase in HELP_PHRASES for w in phrase)


def _has(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def small_talk(words: list[str]) -> str | None:
    """ "greeting", "thanks" or "help" when the message is only that, else None."""
    if not words:
        return None
    if all(w in GREETING for w in words):
        return "greeting"
    if all(w in THANKS or w in GREETING for w in words) and any(
        w in ("thanks", "thank", "thx", "ty", "tysm", "cheers", "ta", "appreciate", "appreciated")
        for w in words
    ):
        return "thanks"
    if any(w not in HELP_FILLER and w not in GREETING and w not in _HELP_WORDS for w in words):
        return None  # a word no help request uses: not a request for help
    for phrase in HELP_PHRASES:
        if _has(words, phrase):
            rest = [w for w in words if w not in phrase]
            if all(w in HELP_FILLER or w in GREETING for w in rest):
                return "help"
    return None
