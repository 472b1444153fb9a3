"""Stages 1-3: text -> words (normalise.py), the asking sentence found, and the words
spelled as the knowledge base spells them.

Split compounds are joined ("back end" -> "backend"), non-words are corrected by
the speller, and a real word is changed only where the sentence needs it to fill
an empty slot (`fill_slots`): "principle engineer", "stuff engineer".
"""

from __future__ import annotations

from . import lexicon
from .frame import Frame, Span
from .index import RouterIndex
from .markers import AUXILIARIES, REACHING, STOPWORDS
from .normalise import cased_tokens, clause_starts, question_start, tokens
from .phrases import contains

# A message this long (in words) is often a story and then a question.
LONG_MESSAGE = 25


def spell(frame: Frame, index: RouterIndex) -> None:
    """Fill the frame's words (as understood and as typed), scores and corrections."""
    text = frame.text
    folded, raw = tokens(text), tokens(text, fold=False)
    cased = cased_tokens(text)
    if len(cased) != len(raw):  # casefold changed the splitting ("ß"): no capitals
        cased = raw
    words: list[str] = []
    typed: list[str] = []
    capitals: list[str] = []
    start = question_start(text, len(folded) > LONG_MESSAGE, lambda key: key in index.aliases)
    starts = clause_starts(text)
    focus = 0
    clauses = set()
    i = 0
    while i < len(folded):
        if start and i >= start and not focus:
            focus = len(words)
        if i in starts:
            clauses.add(len(words))
        if (
            i + 1 < len(folded)
            and folded[i] + folded[i + 1] in index.vocabulary
            and tuple(folded[i : i + 3]) not in index.name_starts
            and tuple(folded[max(0, i - 1) : i + 2]) not in index.name_starts
        ):
            words.append(folded[i] + folded[i + 1])
            typed.append(f"{raw[i]} {raw[i + 1]}")
            capitals.append(f"{cased[i]} {cased[i + 1]}")
            i += 2
        else:
            words.append(folded[i])
            typed.append(raw[i])
            capitals.append(cased[i])
            i += 1
    frame.words, frame.typed, frame.cased, frame.focus = words, typed, capitals, focus
    frame.clause_starts = frozenset(clauses)
    for j, word in enumerate(words):
        if word in index.variants:  # "behaviour" for the ladder's "behavior": no slip
            words[j] = word = index.variants[word]
        fixed, score = index.speller.correct(word, typed[j], capitals[j])
        frame.scores.append(score)
        if fixed != word:
            frame.corrections.append((typed[j], fixed))
            words[j] = fixed


_REACH = REACHING | {"hit"}  # "to make principle backend": a level can follow


def fill_slots(frame: Frame, index: RouterIndex, mentions: list[Span]) -> bool:
    """Real words that are a slip from a ladder word, changed only where the sentence
    needs them: "principle engineer" (completes a role name), "principle skills" (no
    role, beside a topic word), "principal engineer kills" (no topic, beside the
    role). A slash command's argument names roles, so there a word the ladder's
    questions never use, one slip from a role word, is that word ("/role principle",
    "/ladder principle vs staff"). True if a word was changed."""
    words, changed = frame.words, False
    alone = frame.hint is not None
    has_topic = None  # worked out only if some word has a near ladder word
    for i, word in enumerate(words):
        # a word the speller already turned into a ladder word is settled; one it turned
        # into English ("principel" -> "principle") may still be a level
        if word in index.alias_words or word in STOPWORDS:
            continue
        # "do principal engs manage people": the word before already ends a role
        taken = any(m.start < i == m.end for m in mentions)
        for fix in index.speller.near_words(word):
            if has_topic is None:
                present, free = set(words), [True] * len(words)
                has_topic = any(  # (a phrase with a word the question lacks can't match)
                    contains(words, free, index.phrases[j][1])
                    for x in present
                    for j in index.phrase_starts.get(x, ())
                    if index.phrase_words_of[j] <= present
                )
            if lexicon.zipf(fix) < lexicon.zipf(word) - 0.5:
                continue  # "take" is not a slip for the rarer "stake"
            before = words[i - 1 : i] + [fix]
            after = [fix] + words[i + 1 : i + 2]
            completes = (
                (len(before) == 2 and tuple(before) in index.aliases and not taken)
                or (len(after) == 2 and tuple(after) in index.aliases)
                # "principle backend": a level word before a role named in one word,
                # where a noun phrase can start (not "security stuff backend devs")
                or (
                    fix in index.alias_words
                    and len(after) == 2
                    and (after[1],) in index.aliases
                    and (i == 0 or words[i - 1] in STOPWORDS or words[i - 1] in _REACH)
                )
            )
            neighbours = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
            if not completes and alone and fix in index.alias_words and not taken:
                completes = not mentions or word not in index.question_words
            if not completes and fix in index.alias_words and not mentions:
                completes = words[i - 1 : i] in (["make"], ["making"], ["made"]) or any(
                    n in index.single_phrases or (n,) in index.domain for n in neighbours
                )  # "how long to make principle": "make" a level is reaching it
            if not completes and fix in index.alias_words and i >= 2:
                # "does a principle review code": a helping verb, an article, its subject
                completes = words[i - 1] in ("a", "an") and words[i - 2] in AUXILIARIES
            if not completes and fix in index.single_phrases and mentions and not has_topic:
                # Only in a bare "role + word" query ("principal engineer kills"): in a
                # sentence, a real word beside the role is what it says ("seniors play").
                in_role = {j for m in mentions for j in range(m.start, m.end)}
                bare = all(
                    x in STOPWORDS for j, x in enumerate(words) if j != i and j not in in_role
                )
                completes = bare and any(m.start - 1 <= i <= m.end for m in mentions)
            if completes:
                words[i] = fix
                frame.scores[i] = 0.9
                frame.corrections.append((frame.typed[i], fix))
                changed = True
                break
    return changed
