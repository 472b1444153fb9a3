"""The router on each kind of input the issue names. Wordings are our own, not dev.txt's."""

import pytest

from bot.understand.normalise import strip_markup, tokens
from bot.understand.router import route


def check(kb, text, role, topic, other=None):
    intent = route(text, kb)
    assert intent.answered, text
    assert (intent.role, intent.topic, intent.other_role) == (role, topic, other), text
    assert 0 < intent.confidence <= 1
    return intent


def test_corrections_are_reported(kb):
    intent = route("senoir salary", kb)
    assert ("senoir", "senior") in intent.corrections


def test_near_misses_offer_at_most_three_routable_suggestions(kb):
    intent = route("what does a lead guitarist do", kb)
    assert 1 <= len(intent.suggestions) <= 3
    for suggestion in intent.suggestions:
        assert route(suggestion, kb).answered, suggestion
    assert route("salary of a nurse", kb).suggestions  # a topic word was close
    assert route("good morning", kb).suggestions == ()  # nothing was close


def test_deterministic(kb):
    assert len({route("skils for a senoir eng", kb) for _ in range(20)}) == 1


def test_aliases_come_from_the_knowledge_base(kb_copy):
    from bot.ladder import knowledge

    path = kb_copy / "roles" / "staff.yaml"
    path.write_text(path.read_text().replace("\naliases: [", "\naliases: [tech wizard, "))
    kb2 = knowledge.load(kb_copy)
    assert route("what does a tech wizard do", kb2).role == "staff"


def test_normaliser_strips_invisible_and_markup():
    assert strip_markup("a\u200bb\u202e c <!channel> <@U1>").split() == ["ab", "c"]
    assert tokens("What's a Senior's SKILLS?") == ["what", "a", "senior", "skill"]


def test_deletion_index_finds_what_a_full_scan_would(kb):
    """The spelling index is only a faster way to the same answer as scanning every word."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from rapidfuzz.distance import OSA

    from bot.understand.index import build_index
    from bot.understand.spelling import LONG_WORD

    index = build_index(kb)
    speller = index.speller
    mutate = st.tuples(
        st.sampled_from(speller.choices),
        st.integers(0, 20),
        st.sampled_from("abcdeilnorst"),
        st.sampled_from(["del", "ins", "swap", "sub"]),
    )

    def typo(args):
        word, i, ch, kind = args
        i %= len(word)
        return {
            "del": word[:i] + word[i + 1 :],
            "ins": word[:i] + ch + word[i:],
            "swap": word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :],
            "sub": word[:i] + ch + word[i + 1 :],
        }[kind]

    @settings(max_examples=300, deadline=None)
    @given(
        st.one_of(mutate.map(typo), st.text("abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=12))
    )
    def check(word):
        allowed = 2 if len(word) >= LONG_WORD else 1
        letters = sorted(word)
        scan = [
            (OSA.distance(word, c), sorted(c) != letters, -speller.targets[c], c)
            for c in speller.choices
        ]
        scan = [s for s in scan if s[0] <= allowed]
        want = (min(scan)[3], min(scan)[0]) if scan else None
        assert speller._best(word, allowed) == want

    check()


def test_real_words_are_never_corrected_on_their_own(kb):
    """Common English stays as typed however close to a ladder word ("learn" is not
    "earn", "leader" not "ladder"); non-words are corrected."""
    from bot.understand.index import build_index

    speller = build_index(kb).speller
    for word in ("learn", "leader", "mind", "kill", "teach", "engine", "stream", "movies"):
        folded = word[:-3] + "y" if word.endswith("ies") else word
        assert speller.correct(folded, word)[0] == folded, word
    # Words reach the speller with plurals folded: "skils" -> "skil".
    for typed, meant in (
        ("senoir", "senior"),
        ("skil", "skill"),
        ("responsability", "responsibility"),
        ("resposibility", "responsibility"),
        ("pricnipal", "principal"),
        ("tols", "tool"),  # a slip in a plural: "tool" one slip from "tol", as typed
    ):
        assert speller.correct(typed)[0] == meant, typed


@pytest.mark.parametrize("text", ["", "   ", ":wave:", "<@U024BE7LH>"])
def test_nothing_to_read_is_declined(kb, text):
    intent = route(text, kb)
    assert not intent.answered and intent.role is None and intent.topic is None
