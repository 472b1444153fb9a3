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
    assert "The sources for Lead Backend Engineer don't mention graphql" in text
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


@pytest.mark.parametrize(
    "text, title",
    [
        ("what does a civil engineer earn", "Civil Engineer"),
        ("career path for a ux designer", "UX Designer"),
        ("sr frontend dev salary", "Frontend Developer"),
    ],
)
def test_titles_the_ladder_lacks_are_named_not_answered_as_another(kb, text, title):
    intent = route(text, kb)
    assert not intent.answered and intent.role is None
    assert (intent.unknown_role or "").lower() == title.lower()
    assert f"no {title.lower()} role" in render_plain(compose(intent, kb), kb).lower()


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


@pytest.mark.parametrize(
    "text",
    [
        "who is the principal at my daughter's primary school",
        "what's the melting point of lead",
        "is the staff kitchen open",
        "why does my python script raise a KeyError",
    ],
)
def test_traps_are_declined(kb, text):
    assert not route(text, kb).answered


@pytest.mark.parametrize(
    "text, role",
    [
        ("how does a principal encourage learning on the team", "principal"),
        ("does a principal help spot risks early in a project", "principal"),
    ],
)
def test_a_level_word_with_unfamiliar_verbs_is_still_the_level(kb, text, role):
    intent = route(text, kb)
    assert intent.answered and intent.role == role


def test_a_topic_named_outright_beats_facts_sharing_another_word(kb):
    # "computer" is in a skills fact; the question names a degree.
    intent = route("do you need a computer science degree for backend work", kb)
    assert intent.topic == "education"


def test_a_topics_facts_are_listed_by_what_the_question_asks(kb):
    text = render_plain(ask("backend engineer job growth outlook", kb), kb)
    first = next(line for line in text.splitlines() if line.startswith("  - "))
    assert "grow" in first


def test_how_long_questions_say_there_is_no_timeframe(kb):
    text = render_plain(ask("how long does it take to go from mid to senior", kb), kb)
    assert "no timeframe" in text


@pytest.mark.parametrize(
    "text, topic",
    [
        ("what does a lead make", "salary"),
        ("how much does a senior make a year", "salary"),
    ],
)
def test_pay_frames_still_ask_about_pay(kb, text, topic):
    assert route(text, kb).topic == topic


@pytest.mark.parametrize(
    "text",
    [
        "what does a lead implement to make the system more reliable",
        "what do principals do to make the team faster",
    ],
)
def test_a_pay_frame_whose_verb_has_an_object_is_not_about_pay(kb, text):
    intent = route(text, kb)
    assert intent.answered and intent.topic in ("impact", "responsibilities")


def test_no_role_named_and_the_fact_is_a_levels_guide_answers_as_that_level(kb):
    # The discipline carries the job-growth figure from the senior guide; asked with no
    # role named, the answer is the level whose guide it is, leading with that fact.
    intent = route("how fast are software developer jobs expected to grow", kb)
    assert intent.topic == "hiring"
    lead = next(r for r in intent.ranked if r.path == kb.topics[intent.topic].paths[0])
    owners = {kb.sources[s].role for s in lead.fact(kb).sources}
    assert owners == {intent.role} and intent.role != kb.default_role


@pytest.mark.parametrize(
    "text, role",
    [
        ("how much impact can a junior realistically have on the product", "junior"),
        ("im almost mid, what should i work on", "mid"),
    ],
)
def test_an_adverb_beside_a_level_word_does_not_make_a_compound(kb, text, role):
    intent = route(text, kb)
    assert intent.answered and intent.role == role


def test_lexicon_adverbs_need_an_english_base(kb):
    from bot.understand.lexicon import is_adverb

    assert [is_adverb(w) for w in ("realistically", "easily", "almost")] == [True] * 3
    assert [is_adverb(w) for w in ("family", "supply", "rally")] == [False] * 3


@pytest.mark.parametrize(
    "text",
    [
        "what can a backend dev branch into besides management",
        "which paths are open to backend engineers other than management",
        "where can a backend dev go from here, besides moving into management",
    ],
)
def test_a_role_set_aside_is_not_the_subject(kb, text):
    intent = route(text, kb)
    assert (intent.role, intent.topic) == ("backend-engineer", "progression")
    assert intent.other_role is None


def test_a_level_between_two_roles_is_a_ladder_question(kb):
    intent = route("is there a level between mid and senior", kb)
    assert (intent.role, intent.topic, intent.other_role) == ("mid", "progression", "senior")
    assert route("torn between lead and manager", kb).topic == "compare"
    text = render_plain(ask("what sits between senior and principal", kb), kb)
    assert "via Staff" in text


def test_a_topic_named_in_a_move_is_the_topic(kb):
    intent = route("does comp go up much going from mid to senior", kb)
    assert intent.topic == "salary"
    assert route("how do i go from mid to senior", kb).topic == "progression"


def test_a_duty_verb_after_a_helping_verb_keeps_the_level_even_with_a_topic_word(kb):
    intent = route("how does a principal evaluate which technologies to pick", kb)
    assert intent.answered and intent.role == "principal"
    # ...while a noun there still makes a compound: not the ladder's senior.
    assert not route("does a senior bus pass cost much", kb).answered


@pytest.mark.parametrize(
    "text, answered",
    [
        ("what does django give you out of the box", True),
        ("why does my docker build fail", False),
        ("how do I configure nginx as a reverse proxy for my node app", False),
    ],
)
def test_a_tool_question_with_no_role_is_answered_only_when_it_asks_about_the_ladder(
    kb, text, answered
):
    intent = route(text, kb)
    assert intent.answered is answered
    if answered:
        assert intent.role == kb.default_role and intent.topic == "tools"


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


def test_a_word_shouted_in_capitals_is_still_corrected(kb):
    intent = route("SENOIR SKILLS", kb)
    assert (intent.role, intent.topic) == ("senior", "skills")


def test_the_asker_named_beside_the_subject_is_not_the_subject(kb):
    intent = route("recruiter question: is a principal the same as a staff engineer", kb)
    assert (intent.role, intent.topic, intent.other_role) == ("principal", "compare", "staff")
    assert route("as a senior do i mentor juniors", kb).role == "senior"
    assert route("manager question: what does a principal do", kb).role == "principal"


@pytest.mark.parametrize(
    "text",
    [
        "what does a mid need to show to make senior",
        "manager question: how do i tell when one of my mids is ready for senior",
    ],
)
def test_a_level_someone_is_heading_for_makes_it_a_ladder_question(kb, text):
    intent = route(text, kb)
    assert (intent.role, intent.topic, intent.other_role) == ("mid", "progression", "senior")


def test_a_technology_named_in_the_facts_in_ordinary_words_is_technical(kb):
    # "spring" and "boot" are everyday English; "Spring Boot" in the facts is a name.
    intent = route("whats the design philosophy behind spring boot", kb)
    assert intent.answered and intent.topic == "tools"
    assert not route("what is the average salary in the united states", kb).answered


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


def test_a_pay_figure_asks_about_pay(kb):
    assert route("is 150k lowballing for a senior backend role", kb).topic == "salary"
    intent = route("sr -> staff?", kb)
    assert (intent.role, intent.topic, intent.other_role) == ("senior", "progression", "staff")


def test_roles_listed_in_a_row_ask_for_the_ladder(kb):
    intent = route("whats the order of levels, junior mid senior then what", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")
    # two roles and a third named elsewhere are not a list
    assert route("is staff the next step after senior or is it lead", kb).role == "staff"


def test_more_than_on_a_topic_the_comparison_leaves_out_is_that_topic(kb):
    assert route("do TLs get paid more than seniors", kb).topic == "salary"
    assert route("TL vs EM, whats the diff in practice", kb).topic == "compare"


def test_the_most_senior_is_seniority_not_the_senior_level(kb):
    assert route("is a principal basically the most senior IC", kb).role == "principal"


def test_in_practice_is_a_turn_of_phrase_not_team_practices(kb):
    intent = route(
        "senior IC or engineering manager: how are the two jobs different in practice", kb
    )
    assert (intent.topic, intent.other_role) == ("compare", "engineering-manager")


def test_all_the_levels_from_one_role_to_another_is_the_ladder(kb):
    intent = route("what are all the levels from jr up to principal", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")


def test_the_discipline_named_as_the_asker_is_kept(kb):
    intent = route("do i have to go into management to keep growing as a backend dev", kb)
    assert intent.role == "backend-engineer"


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


def test_a_list_needs_three_different_roles_in_a_row(kb):
    intent = route("sr -> staff or sr -> EM, how do people usually decide", kb)
    assert intent.role == "senior"


def test_someone_quoted_is_not_the_subject(kb):
    intent = route("my manager says im operating at staff but no promo yet, what gives", kb)
    assert intent.role in ("senior", "staff")
    assert intent.other_role != "engineering-manager"


def test_the_ladder_from_one_level_to_the_top_is_the_whole_ladder(kb):
    intent = route("whats the ladder look like from entry level to the top", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")


def test_a_track_named_after_a_role_is_the_track(kb):
    text = "how do the individual contributor and management tracks differ for backend engineers"
    assert route(text, kb).role == "backend-engineer"


def test_the_next_step_offered_as_either_or_is_a_ladder_question(kb):
    intent = route("im senior now, whats the next rung, staff or lead?", kb)
    assert (intent.role, intent.topic) == ("senior", "progression")
    assert route("staff or lead, which is right for me", kb).topic == "compare"
    assert route("engineering manager vs principal, which track pays off more", kb).topic == (
        "compare"
    )


def test_a_long_message_is_read_for_its_question(kb):
    story = (
        "ok so long story but i joined as a mid about 18 months ago, shipped the payments "
        "migration basically solo and ran a couple of design reviews. my manager keeps "
        "saying im close. what do people actually look for when promoting a mid?"
    )
    intent = route(story, kb)
    assert (intent.role, intent.topic) == ("mid", "progression")
    # the same story asking about the migration work itself is about workflows
    assert route(
        story.replace(
            "what do people actually look for when promoting a mid?",
            "how do backend teams ship schema migrations?",
        ),
        kb,
    ).topic == ("workflows")


def test_wanting_to_be_a_level_is_a_move(kb):
    intent = route("sr dev here, want to be a TL within a year, how??", kb)
    assert (intent.role, intent.topic, intent.other_role) == ("senior", "progression", "lead")


def test_what_is_a_role_asks_for_the_overview(kb):
    assert route("what is a solutions architect in the backend world", kb).topic == "overview"
    # ...unless the question names another topic
    assert route("what is a senior's salary", kb).topic == "salary"


def test_a_practice_asked_of_a_role_yes_or_no_is_about_its_duties(kb):
    # topics.yaml: responsibilities has duty_over [hiring]
    assert route("do EMs do the hiring", kb).topic == "responsibilities"
    # asked of the teams, hiring is the job market
    assert route("are backend teams hiring", kb).topic == "hiring"


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


def test_a_title_set_aside_is_not_what_the_question_is_about(kb):
    text = "besides frontend devs, who does a lead work with to line up tech and business"
    intent = route(text, kb)
    assert intent.answered and intent.role == "lead" and intent.unknown_role is None
    assert route("what does a frontend engineer earn", kb).unknown_role


def test_where_someone_stands_comes_before_where_they_could_go(kb):
    intent = route("is lead or EM the natural next move after sr", kb)
    assert (intent.role, intent.topic) == ("senior", "progression")
    assert route("is staff a promotion from senior, or a separate track?", kb).role == "staff"


def test_the_word_list_read_directly_matches_wordfreq():
    from wordfreq import get_frequency_dict

    from bot.understand import lexicon

    packed = lexicon._read_packed()
    reference = get_frequency_dict("en", wordlist="small")
    assert packed is not None and packed.keys() == reference.keys()
    assert all(abs(packed[w] - reference[w]) <= 1e-12 for w in reference)


def test_a_longer_phrase_of_another_topic_wins_over_one_inside_it(kb):
    # "reach" (progression) lies inside "reach for" (tools)
    text = "what do backend engineers usually reach for when they need an in-memory cache"
    assert route(text, kb).topic == "tools"
    assert route("how do i reach staff", kb).topic == "progression"


def test_a_slip_after_a_helping_verb_and_article_is_the_level(kb):
    intent = route("does a principle make sure the backend is well documented", kb)
    assert intent.role == "principal"


def test_someone_asking_on_behalf_of_another_is_not_the_subject(kb):
    intent = route("my lead wants to know if a principal needs nosql experience", kb)
    assert intent.role == "principal"


def test_who_is_asking_set_off_at_the_start_is_context(kb):
    text = "Recruiter here - what's a reasonable base salary range for a senior backend hire?"
    assert route(text, kb).topic == "salary"
    text = "As a manager trying to justify headcount: what value does adding a senior bring?"
    assert route(text, kb).role == "senior"
    # a lead that is the subject stays: "staff promo packet - what do they look for?"
    assert route("staff promo packet - what do they look for?", kb).topic == "progression"


def test_or_only_names_the_alternative_not_the_subject(kb):
    text = "are companies hiring mid level backend engineers right now or only seniors"
    assert route(text, kb).role == "mid"


def test_either_or_with_a_comparison_word_compares(kb):
    assert route("TL or staff eng, which is the bigger step up?", kb).topic == "compare"
    assert route("principal or engineering manager, who has more influence?", kb).topic == (
        "compare"
    )
    assert route("whats the gap between a jr and a sr really", kb).topic == "compare"


def test_a_slip_corrected_into_english_can_still_be_the_level(kb):
    # "principel" is one letter from "principle" and from "principal"; beside
    # "engineer" it is the level
    intent = route("principel engineer leadership skills", kb)
    assert (intent.role, intent.topic) == ("principal", "skills")


def test_and_between_two_roles_compares_only_with_a_comparing_word(kb):
    text = "ok so im mid level and my mgr keeps saying im almost senior, what gaps hold people back"
    intent = route(text, kb)
    assert intent.answered and intent.role == "mid" and intent.topic != "compare"
    assert route("compare junior and mid level", kb).topic == "compare"


def test_a_rota_lookup_with_no_role_is_not_a_ladder_question(kb):
    assert not route("whos on call this weekend", kb).answered
    assert route("do juniors do on call", kb).answered


@pytest.mark.parametrize(
    "text",
    [
        "is there a promo code for the company swag store",
        "my cars back end makes a rattling noise over bumps",
        "step ladder or extension ladder for cleaning gutters?",
    ],
)
def test_discipline_words_in_a_question_about_something_else_are_declined(kb, text):
    assert not route(text, kb).answered


def test_technical_questions_about_the_discipline_are_kept(kb):
    text = "besides caching and load balancing, what technique helps backend apps scale"
    assert route(text, kb).answered


def test_two_things_compared_are_not_two_roles(kb):
    intent = route("node vs django for a new api service, which do backend devs pick", kb)
    assert (intent.topic, intent.other_role) == ("tools", None)
    assert route("staff vs", kb).other_role == "principal"


def test_a_trap_beside_one_level_word_leaves_a_role_named_outright(kb):
    intent = route("senoir eng TC at a mid-size startup??", kb)
    assert (intent.role, intent.topic) == ("senior", "salary")
    assert not route("senior discount at the cinema", kb).answered


def test_a_verb_with_its_particle_after_a_level_is_a_verb(kb):
    intent = route("how does a principal size up competing technologies before picking one", kb)
    assert intent.answered and intent.role == "principal"


def test_all_the_levels_from_one_to_another_through_is_the_ladder(kb):
    intent = route("what are all the levels on the ladder, junior thru principal?", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")


@pytest.mark.parametrize(
    "text, role, topic",
    [
        ("what does a principal earn", "principal", "salary"),
        ("how much do principals earn", "principal", "salary"),
        ("do juniors get free courses", "junior", "education"),
        ("what class of problems do principals solve", "principal", None),
        ("my lead says seniors should own features", "senior", "responsibilities"),
        ("how much lead time do seniors need for estimates", "senior", None),
    ],
)
def test_everyday_words_of_the_traps_do_not_decline_real_questions(kb, text, role, topic):
    # "what does a school principal earn" is a trap; "principal earn" is not
    intent = route(text, kb)
    assert intent.answered and intent.role == role
    if topic:
        assert intent.topic == topic


def test_a_passive_question_about_a_role_keeps_its_topic(kb):
    assert route("do juniors get hired easily", kb).topic == "hiring"


def test_a_trailing_check_does_not_replace_the_question(kb):
    text = "what is the salary of a senior? i heard 150k from a friend. does that seem right?"
    assert route(text, kb).topic == "salary"


def test_the_asker_named_first_is_context_for_roles_too(kb):
    intent = route("Recruiter here - does a principal still review prs?", kb)
    assert intent.answered and intent.unknown_role is None and intent.role == "principal"
    assert route("Senior engineer here - what does staff actually involve?", kb).role == "staff"


def test_amounts_of_things_are_not_money(kb):
    from bot.understand.normalise import tokens

    assert "money" not in tokens("100k concurrent websockets, can a senior handle that")
    assert route("what kind of money does a senior make", kb).topic == "salary"


def test_first_week_phrasings(kb):
    # the asker set off by a comma, a level just reached, a comparison by "stack up"
    assert route("EM here, what does a principal actually do", kb).role == "principal"
    assert route("just hit senior :tada: now what", kb).topic == "progression"
    assert route("how does a senior stack up against a tech lead", kb).topic == "compare"
    intent = route("what are all the roles on the engineering ladder, including management?", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")
    assert not route("who's the principal at the elementary school this year", kb).answered


def test_rather_than_sets_aside_instead_of_comparing(kb):
    text = "what actually makes someone a senior engineer rather than just an experienced one"
    assert route(text, kb).topic != "compare"


def test_everyday_words_alone_do_not_send_a_question_to_another_role(kb):
    # "who uses cassandra?" goes to the one role whose facts name it; everyday words
    # that happen to match one role's facts do not
    text = "why does the quality of the server side matter so much to a product's success"
    assert route(text, kb).role == kb.default_role
    assert route("who uses cassandra?", kb).role == "principal"


def test_the_discipline_offered_as_an_alternative_is_compared(kb):
    intent = route("backend dev or solutions architect, which fits someone who likes clients", kb)
    assert (intent.role, intent.other_role) == ("backend-engineer", "solutions-architect")


def test_a_choice_of_next_roles_from_where_one_stands_is_a_move(kb):
    intent = route("im senior now, should i aim for staff or lead", kb)
    assert (intent.role, intent.topic) == ("senior", "progression")
    intent = route("sr eng here, torn between going TL or EM, how do people decide", kb)
    assert (intent.role, intent.topic) == ("senior", "progression")


def test_a_short_who_is_asking_lead_without_punctuation_is_context(kb):
    assert route("new hire here :wave: what does backend even mean on this team", kb).topic == (
        "overview"
    )
    # "here" later in the sentence is not an asker: "what does the ladder look like here"
    intent = route("what does the eng ladder look like here, junior thru principal?", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")


def test_all_the_roles_needs_the_words_together(kb):
    intent = route(
        "whats the job market like for engineering management roles after all the layoffs", kb
    )
    assert (intent.role, intent.topic) == ("engineering-manager", "hiring")


def test_a_verb_in_the_third_person_after_a_level_is_a_verb(kb):
    text = "what does the architecture review process that a principal runs usually look like"
    assert route(text, kb).answered


def test_without_sets_a_role_aside(kb):
    intent = route("can you become a principal without ever being a staff eng?", kb)
    assert intent.role == "principal"


def test_just_a_compares_only_as_is_x_just_a_y(kb):
    assert route("is a lead just a senior with more meetings", kb).topic == "compare"
    text = "is mentoring juniors part of the senior job or just a nice to have"
    assert route(text, kb).topic == "responsibilities"


def test_titles_the_ladder_lacks_include_testers(kb):
    assert route("what does a qa tester earn", kb).unknown_role == "QA Tester"


def test_most_without_the_is_most_people_not_the_most_senior(kb):
    assert route("do most senior backend folks actually have a CS degree", kb).role == "senior"
    assert route("is a principal basically the most senior IC", kb).role == "principal"


def test_two_tracks_named_ask_for_the_ladder(kb):
    intent = route("is there a separate IC track and a mgmt track or is it one ladder", kb)
    assert (intent.role, intent.topic) == (kb.default_role, "progression")
    assert route("show me the management track", kb).role == "engineering-manager"


def test_more_everyday_moves_and_comparisons(kb):
    intent = route("what does the eng ladder look like from entry level all the way up", kb)
    assert intent.role == kb.default_role
    assert route("what can a mid do that a junior cant", kb).topic == "compare"
    assert route("i just started as a junior, what gets me to mid fastest", kb).topic == (
        "progression"
    )


def test_an_adverb_does_not_make_a_question_read_as_out_of_scope(kb):
    # "realistically" is a word the ladder never uses, but it says how, not what
    intent = route("realistically, how do i get to principal", kb)
    assert (intent.role, intent.topic) == ("principal", "progression")


@pytest.mark.parametrize("verb", ["made", "promoted", "named"])
def test_a_level_given_to_someone_is_the_job_not_a_compound(kb, verb):
    intent = route(f"just got {verb} TL, what am i on the hook for now", kb)
    assert (intent.role, intent.topic) == ("lead", "responsibilities")


def test_a_preposition_after_a_level_word_is_not_half_of_a_compound(kb):
    intent = route("what is the difference between a junior and a senior, besides years", kb)
    assert (intent.role, intent.topic, intent.other_role) == ("junior", "compare", "senior")


def test_a_later_alternative_to_an_object_is_not_the_subject(kb):
    intent = route("are teams hiring mid level backend folks or is it all senior reqs", kb)
    assert (intent.role, intent.topic) == ("mid", "hiring")


def test_a_verb_after_a_role_is_not_completed_into_another_role(kb):
    intent = route("do principal engs manage people", kb)
    assert intent.role == "principal"
    assert ("manage", "manager") not in intent.corrections


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what can a mid do that a junior cant", "compare"),
        # the other side is no level of the ladder: the lead's own duties
        ("what does a lead handle that the rest of the team doesnt", "responsibilities"),
    ],
)
def test_what_one_level_does_that_another_does_not(kb, text, topic):
    assert route(text, kb).topic == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what tools should a mid be fluent in by now", "tools"),
        ("which skills matter most once you reach staff level", "skills"),
        ("whats the usual stack a mid-level backend eng works in day to day", "tools"),
        ("how much impact is a senior expected to have outside their team", "impact"),
    ],
)
def test_the_thing_a_wh_question_asks_for_decides_between_its_phrases(kb, text, topic):
    assert route(text, kb).topic == topic


def test_a_wh_question_with_no_thing_asked_for_is_read_by_its_other_words(kb):
    # "what is" frames the question; the duty phrase decides
    assert route("what is a staff engineer accountable for", kb).topic == "responsibilities"


def test_a_title_guessed_as_the_next_step_is_noted_and_the_step_answered(kb):
    intent = route("whats after principal? is CTO the next step or a different track", kb)
    assert (intent.role, intent.topic, intent.guessed_title) == ("principal", "progression", "CTO")
    text = render_plain(compose(intent, kb), kb)
    assert "no CTO role" in text and "Principal" in text
    # asked about outright, the title is still one the ladder does not have
    assert route("what comes after CTO", kb).unknown_role == "CTO"


@pytest.mark.parametrize(
    ("text", "role", "other"),
    [
        ("how do i go from senior to tech lead", "lead", None),
        ("im a backend dev, how would i pivot to solutions architect", "solutions-architect", None),
        # up the main track the question stays with the role one is in
        ("how do i go from senior to staff", "senior", "staff"),
        # and without asking how, a branch is where one stands
        ("after TL whats next? EM or back to IC?", "lead", "engineering-manager"),
    ],
)
def test_asked_how_to_move_off_the_main_track_the_answer_is_the_new_role(kb, text, role, other):
    intent = route(text, kb)
    assert (intent.role, intent.topic, intent.other_role) == (role, "progression", other)


def test_the_move_into_a_role_off_the_main_track_shows_what_becoming_it_takes(kb):
    text = render_plain(compose(route("how do i go from senior to tech lead", kb), kb), kb)
    assert "Becoming a Lead Backend Engineer (from Senior" in text
    assert "Next: Senior" not in text


def test_w_slash_o_sets_a_role_aside_and_without_alone_keeps_it(kb):
    intent = route("how do i become a tech lead w/o going into management", kb)
    assert (intent.role, intent.topic) == ("lead", "progression")
    # the only role named, after "without": what happens when it is missing
    assert route("what would a project lose without a principal engineer", kb).role == "principal"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what dbs do senior backend devs work with", "tools"),  # a weak phrase, asked for
        ("what level of technical depth does a principal need", "skills"),
        ("any good courses on becoming a tech lead", "education"),
    ],
)
def test_what_is_asked_for_may_be_a_weak_phrase_after_words_like_level_of(kb, text, topic):
    assert route(text, kb).topic == topic


def test_a_title_offered_as_the_alternative_is_not_what_is_asked_about(kb):
    intent = route("is a senior on the hook for performance tuning or is that an sre thing", kb)
    assert (intent.role, intent.topic, intent.unknown_role) == (
        "senior",
        "responsibilities",
        None,
    )
    assert route("what does an sre earn", kb).unknown_role == "SRE"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("what certifications does a nurse practitioner need", "Nurse Practitioner"),
        ("how do I apply for a staff writer job at a magazine", "Staff Writer"),
    ],
)
def test_jobs_outside_engineering_are_titles_the_ladder_lacks(kb, text, title):
    intent = route(text, kb)
    assert not intent.answered and intent.unknown_role == title


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("does a lead need a degree or does experience count more", "education"),
        (
            "do senior engineers write the design docs or is that above their pay grade",
            "responsibilities",
        ),
        ("would a masters help me as a mid or is it a waste of money", "education"),
    ],
)
def test_what_is_needed_is_asked_for_and_idioms_name_no_topic(kb, text, topic):
    assert route(text, kb).topic == topic


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


@pytest.mark.parametrize(
    "text",
    [
        "senior here, torn between going TL or pushing for staff, how do ppl usually decide",
        "Should I aim for tech lead or engineering manager after senior?",
    ],
)
def test_alternatives_offered_from_where_one_stands_are_a_move_from_there(kb, text):
    intent = route(text, kb)
    assert (intent.role, intent.topic) == ("senior", "progression")


def test_words_ending_in_wise_are_split_unless_english():
    from bot.understand.normalise import tokens

    assert tokens("skillwise, pay-wise, otherwise") == ["skill", "wise", "pay", "wise", "otherwise"]


@pytest.mark.parametrize(
    "text", ["junior year of college, which electives should i take", "senior year of high school"]
)
def test_school_years_are_not_levels(kb, text):
    assert not route(text, kb).answered


@pytest.mark.parametrize(
    "text",
    ["do leads run pilot projects", "do principals need to be strong writers"],
)
def test_everyday_nouns_are_not_titles_the_ladder_lacks(kb, text):
    intent = route(text, kb)
    assert intent.answered and intent.unknown_role is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("what does a senior or a data scientist earn", "Data Scientist"),  # a list, no clause
        ("whats next after senior for a QA engineer", "QA Engineer"),  # the asker, no guess
        ("beyond senior, do i need a degree to become a CTO", "CTO"),  # not a next step
    ],
)
def test_a_title_the_ladder_lacks_is_still_named_when_it_is_asked_about(kb, text, title):
    assert route(text, kb).unknown_role == title


def test_a_move_that_does_not_branch_from_the_step_before_stays_a_move(kb):
    intent = route("how do i go from mid to engineering manager", kb)
    assert (intent.role, intent.topic, intent.other_role) == (
        "mid",
        "progression",
        "engineering-manager",
    )


def test_without_keeps_a_lone_role_only_when_its_absence_is_asked_about(kb):
    assert route("what would a project lose without a principal engineer", kb).answered
    assert not route("can a team work without a manager", kb).answered


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


def test_the_whole_ladder_asked_for_with_no_role(kb):
    intent = route("can you show me the whole eng ladder", kb)
    assert (intent.role, intent.topic) == ("backend-engineer", "progression")


def test_grad_school_is_education_and_payed_is_pay(kb):
    assert route("would grad school help me get to the senior level", kb).topic == "education"
    assert route("do eng managers get payed well", kb).topic == "salary"
    # "school" alone is still a trap beside a level word
    assert not route("who is the new principal at the high school", kb).answered


@pytest.mark.parametrize(
    ("text", "role", "other"),
    [
        ("mid here, whats usually the gap to senior", "mid", "senior"),
        ("what's the usual path to becoming a senior, starting from the bottom", "senior", None),
    ],
)
def test_the_gap_to_a_level_and_a_verb_after_a_level_being_reached(kb, text, role, other):
    intent = route(text, kb)
    assert (intent.role, intent.topic, intent.other_role) == (role, "progression", other)
    assert not route("how do i become a lead singer", kb).answered


def test_hiring_asked_yes_or_no_as_part_of_a_roles_job_is_a_duty(kb):
    assert route("is recruiting and hiring part of an engineering manager's job", kb).topic == (
        "responsibilities"
    )
    assert route("are companies hiring engineering managers", kb).topic == "hiring"


def test_someone_the_asker_reports_to_is_not_where_a_move_starts(kb):
    intent = route("what do i need to show my manager to get out of the junior band", kb)
    assert (intent.role, intent.topic) == ("junior", "progression")


# One wording per rule: (text, role, topic), each case named after what it checks.
READINGS = [
    pytest.param(
        "what does it take skillwise to be a good tech lead", "lead", "skills", id="skillwise"
    ),
    pytest.param(
        "what langs are most used for backend work", "backend-engineer", "skills", id="langs"
    ),
    pytest.param("what's beyond principal?", "principal", "progression", id="beyond"),
    pytest.param(
        "whats after senior, do i have to pick between staff and mgmt",
        "senior",
        "progression",
        id="pick-between",
    ),
    pytest.param(
        "how does code review work for juniors, do seniors review every pr",
        "junior",
        "workflows",
        id="works-for",
    ),
    pytest.param(
        "What are the different seniority levels for backend engineers?",
        "backend-engineer",
        "progression",
        id="the-different",
    ),
    pytest.param(
        "do principals still touch docker or is that below their pay grade",
        "principal",
        "tools",
        id="below-pay-grade",
    ),
    pytest.param("whats above senior on the ladder", "senior", "progression", id="above"),
    pytest.param(
        "do principals still review code or are they above that now",
        "principal",
        "responsibilities",
        id="above-that",
    ),
    pytest.param("does a senior need a comp sci degree", "senior", "education", id="comp-sci"),
    pytest.param(
        "my manager said i could be TL next cycle, what should i be doing to earn it",
        "lead",
        "responsibilities",
        id="earn-it",
    ),
    pytest.param(
        "as a grad hire which languages should i brush up on", "junior", "skills", id="grad-hire"
    ),
]


@pytest.mark.parametrize(("text", "role", "topic"), READINGS)
def test_wordings_are_read_as_the_role_and_topic_they_name(kb, text, role, topic):
    intent = route(text, kb)
    assert (intent.role, intent.topic) == (role, topic)
