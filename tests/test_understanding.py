"""Understanding beyond the router's slots: custom topics, direct answers, small talk,
unknown roles, shorthand, the out-of-scope model, and the JSON contract's corrections.

Questions here are written for these tests, not taken from ../shared/eval.
"""

from __future__ import annotations

import pytest

from bot.answer.compose import compose
from bot.answer.render_text import render_plain
from bot.commands import command_or_question, run_command
from bot.ladder import knowledge
from bot.pipeline import ask
from bot.text import words
from bot.understand.facts import states_a_time
from bot.understand.router import route

ON_CALL_TOPIC = """  - id: on-call
    title: On-call
    fields:
      oncall: On-call duties
    phrases: [on call, pager, paged, rota]
    examples:
      - how does the pager rota work
      - who carries the pager at night
      - how often is someone paged
      - what happens when you get paged at 3am
      - is there an on call rota for backend people
      - how is on call shared across the team
      - do you get paged on weekends
      - who answers alerts out of hours
      - how long is an on call shift
      - what does an on call week look like
      - who is first responder for production alerts
      - how are pages escalated
      - do managers join the rota
      - what is expected when holding the pager
      - how do we hand over the pager
"""

ON_CALL_FACTS = """oncall:
  - text: Seniors hold the pager one week in six and hand it over on Mondays.
    sources: [senior-guide]
"""


def _custom_ladder(kb_copy):
    topics = (kb_copy / "topics.yaml").read_text()
    head, tail = topics.split("\n# Questions that share a word", 1)
    (kb_copy / "topics.yaml").write_text(
        head + "\n" + ON_CALL_TOPIC + "\n# Questions that share a word" + tail
    )
    senior = kb_copy / "roles" / "senior.yaml"
    senior.write_text(senior.read_text() + ON_CALL_FACTS)
    return knowledge.load(kb_copy)


def test_a_topic_added_in_yaml_is_validated_routed_and_answered(kb_copy):
    assert knowledge.validate(kb_copy) == []
    kb = _custom_ladder(kb_copy)
    assert knowledge.validate(kb_copy) == []
    intent = route("how often does a senior get paged", kb)
    assert (intent.role, intent.topic) == ("senior", "on-call")
    text = render_plain(compose(intent, kb), kb)
    assert "On-call duties" in text and "one week in six" in text
    # Roles with no such facts say so instead of inventing any.
    lead = render_plain(ask("is a tech lead on the pager rota", kb), kb)
    assert "one week in six" in lead  # the closest role that has it, named as such
    assert "Senior" in lead


def test_unknown_field_in_a_role_is_still_refused_without_its_topic(kb_copy):
    senior = kb_copy / "roles" / "senior.yaml"
    senior.write_text(senior.read_text() + ON_CALL_FACTS)
    problems = knowledge.validate(kb_copy)
    assert len(problems) == 1
    assert "oncall" in str(problems[0]) and "senior.yaml:" in str(problems[0])


def test_a_fact_filed_under_another_topic_is_quoted_first(kb):
    # Mentoring is among the principal's responsibilities, not a topic of its own.
    answer = ask("do principal engineers coach the less experienced folks?", kb)
    text = render_plain(answer, kb)
    body = text.split("\n", 2)[2].lstrip("=\n ")
    assert body.lower().startswith("yes —") and "mentor" in body.lower()[:300]


def test_silence_is_said_and_the_closest_facts_shown(kb):
    answer = ask("is graphql part of a tech lead's toolkit", kb)
    text = render_plain(answer, kb)
    assert "The sources don't cover graphql for Lead Backend Engineer." in text
    assert "What they say for Senior Backend Engineer" in text and "GraphQL" in text
    assert "Yes —" not in text


@pytest.mark.parametrize(
    "text, chat", [("hi there", "greeting"), ("thank you so much!", "thanks"), ("help", "help")]
)
def test_small_talk_gets_a_friendly_reply_not_the_apology(kb, text, chat):
    answer = ask(text, kb)
    assert answer.intent.chat == chat and not answer.intent.answered
    assert "outside what I know" not in answer.title
    assert "/role" in render_plain(answer, kb)


def test_slash_commands_say_what_they_did_with_extra_or_unknown_roles(kb):
    unknown = render_plain(run_command("/ladder", "cto principal", kb), kb)
    assert "no CTO role" in unknown
    extra = render_plain(command_or_question("/role staff principal", kb), kb)
    assert "Staff Backend Engineer vs Principal Backend Engineer" in extra
    three = render_plain(command_or_question("/ladder junior mid senior", kb), kb)
    assert "left out \u201csenior\u201d" in three


@pytest.mark.parametrize(
    "text, role, topic",
    [
        ("how many yoe does someone need to be a lead", "lead", "skills"),
        ("how many yoe before someone makes lead", "lead", "progression"),
        ("what does an eng mgr do all day", "engineering-manager", "responsibilities"),
        ("jr devs comp", "junior", "salary"),
    ],
)
def test_chat_shorthand_is_read_not_corrected(kb, text, role, topic):
    intent = route(text, kb)
    assert (intent.role, intent.topic) == (role, topic)
    assert intent.corrections == ()


@pytest.mark.parametrize(
    "text",
    [
        "what does a senior engineer play on weekends",  # "play" is not "pay"
        "how do i learn to cook",  # "learn" is not "earn"
    ],
)
def test_real_words_beside_a_role_stay_as_typed(kb, text):
    assert all(typed != "play" and typed != "learn" for typed, _ in route(text, kb).corrections)


def test_a_topics_facts_are_listed_by_what_the_question_asks(kb):
    text = render_plain(ask("backend engineer job growth outlook", kb), kb)
    first = next(line for line in text.splitlines() if line.startswith("  - "))
    assert "grow" in first


def test_how_long_questions_say_there_is_no_timeframe(kb):
    text = render_plain(ask("how long does it take to go from mid to senior", kb), kb)
    assert "no timeframe" in text


def test_no_role_named_and_the_fact_is_a_levels_guide_answers_as_that_level(kb):
    # The discipline carries the job-growth figure from the senior guide; asked with no
    # role named, the answer is the level whose guide it is, leading with that fact.
    intent = route("how fast are software developer jobs expected to grow", kb)
    assert intent.topic == "hiring"
    lead = next(r for r in intent.ranked if r.path == kb.topics[intent.topic].paths[0])
    owners = {kb.sources[s].role for s in lead.fact(kb).sources}
    assert owners == {intent.role} and intent.role != kb.default_role


def test_lexicon_adverbs_need_an_english_base(kb):
    from bot.understand.lexicon import is_adverb

    assert [is_adverb(w) for w in ("realistically", "easily", "almost")] == [True] * 3
    assert [is_adverb(w) for w in ("family", "supply", "rally")] == [False] * 3


def test_a_rarer_past_tense_of_an_english_verb_is_english(kb):
    """ "mentored" is rarer than "mentor" but no slip: it must not become "centred"."""
    from bot.understand.lexicon import is_english

    assert all(is_english(w) for w in ("mentored", "scoped", "onboarded", "planned"))
    assert not any(is_english(w) for w in ("manged", "senoired", "promted"))
    intent = route("i've mentored two juniors this year, am i ready for senior?", kb)
    assert (intent.role, intent.topic) == ("senior", "progression")
    assert ("mentored", "centred") not in intent.corrections


def test_a_level_between_two_roles_is_a_ladder_question(kb):
    intent = route("is there a level between mid and senior", kb)
    assert (intent.role, intent.topic, intent.other_role) == ("mid", "progression", "senior")
    assert route("torn between lead and manager", kb).topic == "compare"
    text = render_plain(ask("what sits between senior and principal", kb), kb)
    assert "via Staff" in text


def test_a_fact_holding_several_everyday_words_of_the_question_is_quoted(kb):
    # Nothing specific is asked ("learning", "growing" are everyday words), but one
    # fact of the role holds both and clearly beats the rest: it leads the answer.
    intent = route("how does a principal help the team keep learning and growing", kb)
    assert intent.facts, "no fact quoted"
    text = intent.facts[0].fact(kb).text.lower()
    assert "learning" in text and "grow" in text


def test_a_topic_phrase_alone_does_not_pick_a_fact(kb):
    # "move the needle" is how people ask about impact; the fact about moving into
    # management shares "move" and "project" only through that phrase.
    intent = route("how much does one senior move the needle on a project", kb)
    assert intent.topic == "impact"
    assert all("move into" not in ref.fact(kb).text for ref in intent.facts)


def test_make_before_a_slip_of_a_level_word_reaches_that_level(kb):
    intent = route("how many years does it take to make principle", kb)
    assert (intent.role, intent.topic) == ("principal", "progression")
    assert ("principle", "principal") in intent.corrections
    assert not route("it is a matter of principle", kb).answered


@pytest.mark.parametrize("text", ["what do PMs earn", "what do pms earn", "how do DMs work"])
def test_other_abbreviations_are_not_corrected_into_roles(kb, text):
    intent = route(text, kb)
    assert intent.role != "engineering-manager"
    assert not intent.corrections


@pytest.mark.parametrize(
    "text, tokens_",
    [
        ("sr -&gt; staff?", ["sr", "to", "staff"]),
        ("is 150k lowballing for a senior", ["is", "money", "lowballing", "for", "a", "senior"]),
        ("it handles 10k requests", ["it", "handle", "10k", "request"]),
    ],
)
def test_arrows_are_moves_and_amounts_are_money(text, tokens_):
    from bot.understand.normalise import tokens

    assert tokens(text) == tokens_


def test_only_traps_naming_a_level_make_trap_words(kb):
    # "is the coffee machine fixed" is out of scope, but "machine" is not a trap word:
    # it names no level, so it only teaches the scope model.
    from bot.understand.index import build_index

    index = build_index(kb)
    traps = index.trap_words
    assert "school" in traps and "loan" in traps  # "the principal of my kid's school"
    assert "machine" not in traps and "regex" not in traps
    # the word beside the level is a trap only in that pair: "staff meeting", not
    # "do TLs still code or is it all meetings"
    assert ("staff", "meeting") in index.trap_pairs and "meeting" not in traps
    assert route("do TLs still code or is it all meetings", kb).answered


def test_a_team_practice_asked_of_a_role_is_answered_from_its_duties(kb):
    # asked yes or no, the duty that holds the practice (in its own words or a
    # synonym: "prs" for "code review"), since the principal has no workflow facts
    for text in (
        "does a principal still review prs or are they too high up for that",
        "does a principal still do code reviews",
    ):
        intent = route(text, kb)
        assert intent.topic == "responsibilities"
        assert intent.facts and "code review" in intent.facts[0].fact(kb).text


def test_duty_over_is_read_from_the_registry(kb_copy):
    topics = (kb_copy / "topics.yaml").read_text()
    (kb_copy / "topics.yaml").write_text(topics.replace("    duty_over: [hiring]\n", ""))
    kb = knowledge.load(kb_copy)
    assert route("do EMs do the hiring", kb).topic == "hiring"


def test_the_word_list_read_directly_matches_wordfreq():
    from wordfreq import get_frequency_dict

    from bot.understand import lexicon

    packed = lexicon._read_packed()
    reference = get_frequency_dict("en", wordlist="small")
    assert packed is not None and packed.keys() == reference.keys()
    assert all(abs(packed[w] - reference[w]) <= 1e-12 for w in reference)


def test_amounts_of_things_are_not_money(kb):
    from bot.understand.normalise import tokens

    assert "money" not in tokens("100k concurrent websockets, can a senior handle that")
    assert route("what kind of money does a senior make", kb).topic == "salary"


def test_a_verb_after_a_role_is_not_completed_into_another_role(kb):
    intent = route("do principal engs manage people", kb)
    assert intent.role == "principal"
    assert ("manage", "manager") not in intent.corrections


def test_a_title_guessed_as_the_next_step_is_noted_and_the_step_answered(kb):
    intent = route("whats after principal? is CTO the next step or a different track", kb)
    assert (intent.role, intent.topic, intent.guessed_title) == ("principal", "progression", "CTO")
    text = render_plain(compose(intent, kb), kb)
    assert "no CTO role" in text and "Principal" in text
    # asked about outright, the title is still one the ladder does not have
    assert route("what comes after CTO", kb).unknown_role == "CTO"


def test_the_move_into_a_role_off_the_main_track_shows_what_becoming_it_takes(kb):
    text = render_plain(compose(route("how do i go from senior to tech lead", kb), kb), kb)
    assert "Becoming a Lead Backend Engineer (from Senior" in text
    assert "Next: Senior" not in text


def test_a_how_question_about_a_practice_stays_with_the_practice(kb):
    # the senior has no workflow facts; asked how, the practice is still the topic and
    # the duty that mentions code review leads
    intent = route("how do seniors usually run code review on their team", kb)
    assert intent.topic == "workflows"
    assert intent.facts and "review" in intent.facts[0].fact(kb).text
    # asked yes or no, whether it is their job, even after "@ladderbot"
    assert route("@ladderbot does a principal still do code reviews?", kb).topic == (
        "responsibilities"
    )


def test_words_ending_in_wise_are_split_unless_english():
    from bot.understand.normalise import tokens

    assert tokens("skillwise, pay-wise, otherwise") == ["skill", "wise", "pay", "wise", "otherwise"]


@pytest.mark.parametrize(
    ("text", "role", "topic"),
    [
        ("how many yoe before someone usually hits senior", "senior", "progression"),
        (
            "whats the most important security stuff backend devs should know",
            "backend-engineer",
            "skills",
        ),
        ("any particular tech stack staff engs are expected to know", "staff", "tools"),
    ],
)
def test_reaching_verbs_everyday_nouns_and_particular_things(kb, text, role, topic):
    intent = route(text, kb)
    assert (intent.role, intent.topic) == (role, topic)
    assert ("stuff", "staff") not in intent.corrections


# One wording per rule: (text, role, topic), each case named after what it checks.


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        ("i like talking to business people more than coding", False),
        ("seniors with more than 5 years of experience", False),
        ("does a staff earn more than a senior", True),
        ("do leads code less than seniors", True),
        ("who earns more, staff or principal? staff earns more than?", True),
    ],
)
def test_than_weighs_roles_only_when_one_follows(kb, text, compares):
    from bot.understand.index import build_index
    from bot.understand.router import understand

    frame = understand(text, kb)
    assert (build_index(kb).compare_topic in frame.strong) is compares


@pytest.mark.parametrize(
    "text",
    [
        "What career opportunities are open to a principal backend engineer?",
        "which paths are available to seniors",
    ],
)
def test_what_is_open_to_a_role_is_where_it_goes_not_how_to_become_it(kb, text):
    answer = ask(text, kb)
    assert answer.intent.topic == "progression" and answer.intent.direction != "into"
    assert answer.sections[0].heading == "Where it sits"  # not "Becoming a ..." first


@pytest.mark.parametrize("word", ["often", "yet", "anymore", "recently"])
def test_everyday_adverbs_are_never_words_the_ladder_would_not_know(kb, word):
    # a question with "how often" or "not yet" is not one about something else
    from bot.understand.index import build_index
    from bot.understand.roles import is_unknown

    assert not is_unknown(word, build_index(kb), strict=True)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("is postgres a paid product or free", "salary"),
        ("the hiring manager asked what a staff engineer does", "hiring"),
    ],
)
def test_a_topic_word_as_half_of_another_noun_is_not_that_topic(kb, text, topic):
    from bot.understand.router import understand

    assert topic not in understand(text, kb).strong


def test_british_and_american_spellings_pair_at_a_words_end_only():
    from bot.understand.variants import spelling_variants

    paired = spelling_variants(["behavior", "organized", "modeling", "forth", "morning", "for"])
    assert paired == {"behaviour": "behavior", "organised": "organized", "modelling": "modeling"}


def test_a_verb_spelt_ise_everywhere_keeps_its_stem():
    # "organised" meets "organized"; "supervised" stays with "supervision" ("do interns
    # work supervised?" finds "you work under close supervision")
    from bot.stems import stem

    assert stem("organised") == stem("organized") == stem("organisation")
    assert stem("supervised") == stem("supervision") == stem("supervise")
    assert stem("revised") == stem("revision")


@pytest.mark.parametrize(
    "text",
    [
        "can someone lead a team without being a manager",
        "can you lead a team without being a manager",
        "how can someone lead the team without formal authority",  # no request's opening
    ],
)
def test_lead_as_a_verb_in_a_question_about_leading_is_still_answered(kb, text):
    # not a request for someone to lead the standup: a question about leading
    intent = route(text, kb)
    assert intent.answered and intent.role == "lead"


@pytest.mark.parametrize(
    ("text", "timed"),
    [
        ("you seek help within 30-40 minutes", True),
        ("Says when you're stuck within half a day, not three.", True),
        ("Approximate tenure in this role: ~2 years", True),
        ("Leads projects that run for several weeks", True),
        ("Takes part in the year-end review", False),
        ("Thinks about the long term and the day to day", False),
        ("The average is $100,000 to $160,000 a year", False),
        ("Writes a blog post at least once a quarter", False),
        ("Meets their mentor every week", False),
        ("Ships their first change within a week", True),
        ("Reviews the roadmap every 2 weeks", False),
        ("Still codes for about a quarter of their time", False),
        ("Handles a day-to-day workload", False),
        ("Ships one feature a month", False),
        ("Leads 1-3 month projects", True),
        ("Asks for help within half a day of being blocked", True),
        ("Takes 30 minutes to review a PR", True),
        ("Ships a first change within a couple of weeks", True),
    ],
)
def test_a_fact_states_a_time_when_a_unit_follows_an_amount(text, timed):
    assert states_a_time(words(text)) is timed


@pytest.mark.parametrize(
    "text",
    [
        "how are staff promotions decided and who approves them?",
        "who finds it hardest, juniors or seniors?",
        "who signs it off - the EM or the director?",
    ],
)
def test_who_does_it_beside_a_level_named_is_about_the_ladder(kb, text):
    # "who owns it" wants a person only where no level is named
    assert route(text, kb).answered


@pytest.mark.parametrize(
    "text",
    [
        "how do I upgrade my junior to senior gym membership?",
        "our kid goes from junior to senior league next season",
    ],
)
def test_two_levels_joined_by_to_among_strangers_are_not_a_move(kb, text):
    # "junior to senior" beside more words the ladder never uses: a membership's tiers
    assert not route(text, kb).answered


def test_a_rate_of_growth_is_no_share_of_someones_time(kb):
    """ "jobs to grow 22% by 2030" states a percentage, but not how much of a senior's
    week anything takes: it never answers "how much of their time"."""
    from bot.text import words
    from bot.understand.facts import states_a_share

    assert states_a_share(words("~80% direct contributorship"))
    assert states_a_share(words("Up to 30% of their time is hands-on coding"))
    assert not states_a_share(words("jobs are expected to grow 22% between 2020 and 2030"))
    text = render_plain(ask("how much of a senior's time is coding", kb), kb)
    assert "22%" not in text


def test_an_open_alternative_is_no_yes_or_no_question(kb):
    """ "... or something else?" expects another answer than the one put: no "Yes —"."""
    assert route("do seniors mentor juniors", kb).form == "yes_no"
    assert route("does a senior need a degree or anything?", kb).form == "yes_no"
    for text in (
        "do seniors mostly mentor juniors or something else?",
        "is a lead a manager, or what",
    ):
        assert route(text, kb).form != "yes_no", text
        assert not render_plain(ask(text, kb), kb).split("\n")[3].startswith("Yes")


def test_knowledge_spread_is_knowledge_shared_not_load_spread(kb):
    text = render_plain(ask("do principals spread knowledge to other engineers?", kb), kb)
    lead = text.split("\n")[3]
    assert "knowledge sharing" in lead and "load balancing" not in lead, lead


def test_dev_is_development_beside_words_that_make_it_so(kb):
    from bot.understand.normalise import tokens

    assert tokens("personal dev plan for a senior")[1] == "development"
    assert tokens("our dev env is broken")[1] == "development"
    assert tokens("a junior dev wants to grow")[2] == "developer"
    assert tokens("can a dev branch into management")[2] == "developer"  # a verb follows
