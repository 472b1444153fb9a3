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


@pytest.mark.parametrize(
    "text, role, topic",
    [
        ("<@U024BE7LH> salary for senior engineers", "senior", "salary"),
        (
            "<@U024BE7LH|ladderbot> :thinking_face: staff engineer duties?",
            "staff",
            "responsibilities",
        ),
        ("see <https://example.com/ladder|the ladder> for JUNIOR devs", "junior", "progression"),
        ("<#C024BE7LR|general> tools &amp; tech for a principal engineer", "principal", "tools"),
        ("WHAT DOES A LEAD ENGINEER DO???", "lead", "responsibilities"),
    ],
)
def test_slack_markup_case_and_punctuation(kb, text, role, topic):
    check(kb, text, role, topic)


@pytest.mark.parametrize(
    "text, role, topic",
    [
        ("senoir engineer salary", "senior", "salary"),
        ("principle engineer tools", "principal", "tools"),
        ("juniour developer resposibilities", "junior", "responsibilities"),
        ("staff enginer skils", "staff", "skills"),
        ("sr engineer certifications", "senior", "education"),
        ("EM duties", "engineering-manager", "responsibilities"),
        ("eng manager responsibilities", "engineering-manager", "responsibilities"),
        ("back-end workflows", "backend-engineer", "workflows"),
        ("back end workflows", "backend-engineer", "workflows"),
        ("backend workflows", "backend-engineer", "workflows"),
    ],
)
def test_typos_abbreviations_and_spellings(kb, text, role, topic):
    check(kb, text, role, topic)


def test_corrections_are_reported(kb):
    intent = route("senoir salary", kb)
    assert ("senoir", "senior") in intent.corrections


@pytest.mark.parametrize(
    "text, topic",
    [
        ("which frameworks do backend engineers work with", "tools"),
        ("where can I see the engineering career ladder", "progression"),
        ("is there demand for backend developers", "hiring"),
        ("how does code review work for backend devs", "workflows"),
    ],
)
def test_no_level_named_goes_to_the_discipline(kb, text, topic):
    check(kb, text, "backend-engineer", topic)


@pytest.mark.parametrize(
    "text, role, other",
    [
        ("staff vs principal", "staff", "principal"),
        ("how is a tech lead different from an engineering manager", "lead", "engineering-manager"),
        ("compare mid level and senior engineers", "mid", "senior"),
        ("junior versus senior developer", "junior", "senior"),
    ],
)
def test_comparisons(kb, text, role, other):
    check(kb, text, role, "compare", other)


def test_from_to_is_progression_with_a_target(kb):
    check(kb, "how do I get from mid level to senior?", "mid", "progression", "senior")


@pytest.mark.parametrize(
    "text, role",
    [
        ("I'm a mid-level engineer, what comes next for me?", "mid"),
        ("im a staff engineer, how do I grow", "staff"),
        ("I am a junior dev - how do I get promoted?", "junior"),
    ],
)
def test_first_person(kb, text, role):
    check(kb, text, role, "progression")


@pytest.mark.parametrize(
    "text",
    [
        "senior discount at the cinema",
        "what does a lead guitarist do",
        "the principal on my mortgage",
        "salary of a nurse",
        "how do I become a pilot",
        "tell me about the overview of a pilot",
        "staff meeting agenda for monday",
        "is lead paint dangerous",
        "what does a project manager do",
        "good morning",
        "",
        "   ",
        ":wave:",
        "<@U024BE7LH>",
    ],
)
def test_off_topic_is_declined(kb, text):
    intent = route(text, kb)
    assert not intent.answered and intent.role is None and intent.topic is None


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
    ):
        assert speller.correct(typed)[0] == meant, typed


def test_progression_puts_where_the_asker_is_first(kb):
    check(
        kb,
        "should I move into management or stay IC as a staff engineer?",
        "staff",
        "progression",
        "engineering-manager",
    )
    check(
        kb,
        "what does it take to go from lead to engineering manager",
        "lead",
        "progression",
        "engineering-manager",
    )


def test_comparison_keeps_mention_order(kb):
    check(kb, "how does a junior differ from a mid-level developer", "junior", "compare", "mid")


def test_a_level_word_with_only_a_question_frame_needs_no_strangers(kb):
    assert not route("who is the principal of the local primary", kb).answered
    assert not route("what is the lead time on this order", kb).answered
    check(kb, "who is a principal?", "principal", "overview")


def test_tracks_and_abbreviations(kb):
    check(kb, "show me the management track", "engineering-manager", "progression")
    check(kb, "what is the individual contributor track", "backend-engineer", "progression")
    check(kb, "staff eng duties", "staff", "responsibilities")
