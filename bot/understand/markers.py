"""The English words understanding uses as cues, in one table.

These are English, not any ladder's: what a word like "as", "besides" or "or" says
about the role named after it, whatever the ladder calls its roles. Words a ladder
owns (its titles, level words, track names, the discipline) come from its YAML,
through the index (bot/understand/index.py). Stages look words up here by name; the
`TABLE` below lists every set, for `ask --explain` and for anyone adding a cue.
"""

from __future__ import annotations

from ..text import HEAD_NOUNS  # noqa: F401 - one of the markers


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and everyday verbs of English: they never make a level word mean
# something else ("what does a principal do" vs "principal interest"), and they are
# never corrected or looked up as facts.
STOPWORDS = _words(
    """a about above after again against all also am an and any anything are as at be
    because been before being below between both but by can could did do does doing done
    down during each even ever every everything few for from further get gets getting go
    goes going got had has have having he her here hers him his how i id if ill im in into
    is it its ive just like ll me might more most my myself need needs no nor not now of
    off on once only or other our ours out over own really same say she should so some
    something still such tell than that thats the their theirs them then there these they
    thing things this those through to too under until up us usually typically generally
    actually normally very was we were what whats when where which while who whom whose why
    will with would you your youre yours want wants wanted know looking look currently right
    now today please pls plz thanks thank hi hey hello one someone somebody person people
    folks kind sort quick q question anyone guys team yeah ok okay u ur im dont doesnt isnt
    arent cant wont shouldnt wouldnt didnt lot lots bit much many yes yep nope lol haha btw
    fyi tbh imo imho idk asap rn tho though anyway just also etc maybe whos hows wheres whys
    theres heres whatre theyve weve youve besides beside except without among around
    toward towards versus via per upon onto despite since unless whether else either
    neither often yet sometimes always already soon later anymore rarely seldom mostly
    lately recently although re havent hasnt hadnt wasnt werent couldnt mustnt neednt aint"""
)
# Words that describe a person without making "senior X" a different thing: "a good
# senior", "an experienced lead" stay about the ladder.
MODIFIERS = _words(
    """good great typical average new newly experienced strong successful effective aspiring
    future current former solid excellent decent ideal real true actual fellow best top
    first next main key core usual general normal regular average"""
)

# --- what the word before a role says about it ------------------------------------
ARTICLES = _words("a an the my our your their his her")
AUXILIARIES = _words("do does did can could should would will must might may shall")
IS_ARE = _words("is are")
SOURCE = _words("from as im am currently being")  # where a move starts: "from senior"
TARGET = _words(
    "to into become becoming towards toward reach reaching be want wants aim aiming eyeing "
    "targeting"
)  # where a move ends: "to staff", "wants principal"
AVAILABLE = _words("open available offered given")  # "what is open to a principal"
AIMING = _words("aiming aim going shooting pushing gunning gun push")  # "aiming for staff"
ONWARD = _words("after beyond past above from as")  # what comes after: "after staff"
AFTER = _words("after beyond past above")
REACHING = _words("make making become becoming reach reaching")  # "make senior"
# Verbs that give someone a level or reach one ("just got made TL", "hits senior").
GIVEN = REACHING | _words(
    "made named promoted appointed hired became becomes hit hits hitting reaches reached makes"
)
# "staying senior", "remain a junior": kept at a level, as "made senior" is given one
STAYING = _words("stay stays staying stayed remain remains remaining remained")
SELF = _words("as im am")  # the asker's own role: "as a backend dev", "im a senior"
# Before a role, making it the object of a sentence, not its subject: "do leads
# mentor juniors", "is working with principals part of a senior's job".
OBJECT = _words("with for by than under over to like")
# Words that weigh two things: a phrase holding one, beside "vs", is the comparison
COMPARING_WORDS = _words("change changes differ difference different")
PEERS = _words("with by than like alongside and under over")  # "work with product managers"
OUR = _words("my our")
# Words that set a role aside: "besides management", "other than lead".
EXCLUDING = _words("besides beside except excluding but without")
EXCLUDING_PAIRS = frozenset(
    {
        ("other", "than"),
        ("outside", "of"),
        ("apart", "from"),
        ("aside", "from"),
        ("instead", "of"),
        ("rather", "than"),
        ("not", "into"),
    }
)
SOFTENERS = _words("just very really merely only simply ever being")
MOVING = _words("going moving switching becoming heading getting staying into to towards")
HAVING = _words("having holding carrying")  # "without having a lead title"
DEGREE = _words("most more less least very so too quite pretty fairly")  # "more senior"
READY = _words("ready readiness")  # "ready for senior"
# A change of track before "to"/"into" and the role it ends at ("help their staff eng get
# to principal"); verbs only: "a sideways move to lead" may ask what differs
SWITCHING = _words(
    "switch switching moving transitioning pivot pivoting jumping get gets getting got"
)
# Before "to" and a level word, a duty: "what are they expected to architect" (not "I've
# been asked to lead", which may be the role)
EXPECTED_TO = _words("expected supposed able allowed required learn learning")

# --- what the words after a role say about it --------------------------------------
SAYING = _words(
    "say says said tell tells told think thinks thought ask asks asked keeps kept feels want "
    "wants wanted wonders wondering mentioned mentions suggested suggests recommended"
)
KEEP_SAYING = (("keep", "saying"), ("keep", "telling"))
BARE_SAYING = _words("want think ask feel wonder say")  # the asker's own, "I" left out
FIRST_PERSON = _words("i im me my ive id myself")
GROUPS = _words("team squad org group department shop")  # "do backend teams..."
PASSIVE = _words("get be been getting")  # "do juniors get hired easily"
NEGATIONS = _words("dont doesnt cant cannot wont never not")
HOW_IT = _words("work works like look looks go goes")  # "how does X work for juniors"
TRACK_WORDS = _words("track ladder")  # "the management track"
INDIVIDUAL = _words("ic individual")  # "the IC and management tracks"
PARTICLES = _words("up out off down through")  # "size up"
# Nouns for people a level word describes without making a compound: "senior teammates".
PEOPLE = _words(
    """teammate colleague coworker peer member hire folk employee staffer individual
    contributor talent guy gal"""
)
# HEAD_NOUNS (bot/text.py, shared with the importer): a title's head noun a ladder may
# use alone for its one such role; after a noun it names another kind ("package manager").
# ...unless it says which people they manage: "line manager", "people manager".
PEOPLE_HEADS = _words("line direct people reporting first")
# Nouns that make a job title of the word before them: "civil engineer", "ux designer".
TITLE_HEADS = _words(
    """engineer developer programmer designer scientist analyst architect manager
    administrator tester consultant specialist technician director officer"""
)

# --- how roles are joined ------------------------------------------------------------
EITHER = _words("or vs versus")
COMPARING_JOINERS = _words("or vs versus and")
TO = _words("to into")
IN_A_ROW = (("and",), ("then",))  # "junior, mid and senior", "junior then mid"
UP_TO = _words("to through thru till until")
CHOOSING = _words("torn choose choosing pick picking decide deciding stuck")
CLAUSE_STARTS = _words("is are was do does should would will can")

# --- what the question asks -----------------------------------------------------------
YES_NO = _words("do does did is are was were should can could will would has have must may am")
LEAD_IN = _words("ladderbot hey hi hello yo quick q question so ok okay um also and but")
WH = _words("what which any")  # "any good courses on...": courses
BEFORE_HEAD = ARTICLES | _words(
    "kind sort type types kinds of usual typical main common other best key specific "
    "actual core good useful recommended particular"
)
SOME = _words("a an any some")
ABSENCE = _words("happen happens lose loses suffer suffers miss")  # "what would a team lose"
HOW = _words("how where")
FOR_ONESELF = FIRST_PERSON | _words("you one")  # "how do i / how would you / can one"
LISTING = _words("all every list full whole entire")
WHOLE = _words("all every")
ROLE_NOUNS = _words("role level title")
LEVEL_WORDS = _words("level ladder")
# The ladder called by what it is ("the framework", "our career ladder"), after a word
# that makes it this one: a question about the ladder itself. "framework" only on a
# ladder whose own pages call it so (index.ladder_words): else it is a web framework.
LADDER_NOUNS = _words("ladder framework")
THIS_LADDER = _words("the this our your whole entire career progression competency")
# Before "the ladder" said as where an answer is found: "according to the ladder",
# "per the framework", "in our ladder" - not "bring the ladder", "is the ladder safe"
CITING = _words("to per in by under from")
TOP = _words("top up upward upwards")
# "the top dev level": a family's last level; these and "bottom", "lowest" before a
# job noun are a rank, not a title the ladder lacks ("the highest dev level")
HIGHEST = _words("top highest")
LOWEST = _words("bottom lowest")
POSITION = _words("abov below higher lower")  # stems: "above", "below"...
VS = _words("vs versus")
HERE = _words("here")
QUESTION = _words("question")
HOW_LONG = _words("long")

# Asking what a level expects before someone reaches it: "what do I need to show for
# D4", "am I ready for senior", "what changes at EM7".
READINESS = _words(
    "need needs show prove demonstrate demonstrating ready readiness expected expect "
    "expectation expectations required requirement requirements gap missing yet material"
)
OTHER_THAN = _words("something else what")  # "... or something else?", "... or what?"
# "how much of their time", "what percent", "% wise": a share asked for
PERCENT = _words("percent percentage")
HANDS_ON_WORK = _words("ic hand hands direct individual")  # "how much IC work does a TL do"
# "how much of a raise": pay, not a share of someone's time
PAY_WORDS = _words("raise raises bump pay salary money comp compensation bonus equity")
# "grow 22%", "cut costs by 10%": a change, not a share of someone's time
CHANGING = _words(
    "grow grows growth rise rises increase increases fall falls drop drops cut cuts "
    "reduce reduces improve improves"
)
SHARE_OF = _words("code coding")  # "how much coding", "how much does an EM still code"
AHEAD = _words("out ahead forward")  # "how far out / ahead": a time to look ahead
# "principal material", "senior enough", "mid-level yet": standing at a level, said
STANDING_AFTER = _words("material enough yet already")
# "what does staff expect from me", "what does an EM role require": a level's demands
EXPECTING = _words("expect expects require requires demand demands")
READINESS_PAIRS = frozenset(
    {("what", "change"), ("what", "changes"), ("bar", "for"), ("jump", "in")}
)  # "the jump in scope": what changes
MADE_ONES = _words("me him her them us")  # "make me mid": reaching the level
TOWARD = _words("for at")  # "ready for senior", "what changes at EM7"

TABLE = {
    name.lower(): value
    for name, value in dict(globals()).items()
    if name.isupper() and isinstance(value, frozenset)
}

# Someone the asker manages: "help my mid get to senior", "one of my juniors", "my
# report is a senior", "I manage a staff engineer".
REPORT_VERBS = _words(
    "help helping support supporting coach coaching mentor mentoring grow growing develop "
    "developing promote promoting push pushing prepare preparing guide guiding get"
)
MANAGING_VERBS = _words("manage managing mentor mentoring coach coaching supervise lead")
REPORT_NOUNS = _words("report reports direct reportee reportees")
FEW = _words("two three four five six seven eight nine ten few several some many all")
# Words of managing people, for conditions on a path ("I don't want to manage people").
MANAGE_WORDS = _words("manage managing management manager managers mgmt 1s")  # "1:1s"
RUNNING = _words("run running lead leading")  # "want to run a team", "lead people"
TEAM_NOUNS = _words("team teams people")
NEVER = _words("never")  # "I never want to be a manager", further off
# "product management is not for me": another line of work, not managing people
OTHER_MANAGING = _words(
    "product project program programme incident release change risk vendor stakeholder "
    "time account portfolio"
)
# "isn't really for me", "management track is not for me"
NOT_FOR_ME_BETWEEN = _words(
    "is not isnt arent really just quite exactly track path route side ladder"
)
PREFERRING = _words("prefer prefers preferring rather")  # "prefer X over managing"
TOWARD_MANAGING = _words(
    "toward towards into move moving step stepping"
)  # "move toward leading people"
INSTEAD = _words("instead")  # "stay hands-on instead"
WANTING = _words("want wanna wish like interested keen")  # "dont want to do 1:1s", "not keen on"
# ...wanted: "I want to manage", "keen on management" (not "should I go into management",
# which asks about the move).
MANAGE_LEAD_INS = _words("want wanna wants like love interested keen hoping hope planning prefer")
NOT_MANAGING = _words(
    "dont doesnt never not no without avoid zero hate rather nothing less instead"
)
# Staying an individual contributor: "stay IC", "remain technical", "keep coding".
STAY_WORDS = _words("stay staying remain remaining keep keeping")
STAY_NAMING = _words("technical code")  # "technical docs", "code reviews": things
STAY_OBJECTS = _words("ic technical hands hand coding code individual")  # "hand": "hands-on" folded
# Roles whose titles say they manage people, on any ladder.
MANAGING_TITLE_WORDS = _words("manager management director head vp chief cto supervisor lead")
MANAGEMENT_TRACK_WORDS = _words("management manager managers leadership people managing")
# What a yes/no question asks with, not about: "do EMs *need* to code".
ASKING_VERBS = _words(
    "need needs needed must should required require requires expected expect supposed have "
    "has allowed able still actually really also ever"
)
# Asking for help with a thing, not about the ladder: "k8s pod stuck, any ideas", "how do
# I configure nginx", "can someone review my PR".
TROUBLE = _words(
    "ideas error errors failing fails failed broken crash crashing crashes configure "
    "install installing fix fixing debug debugging rendering redirecting timeout timeouts "
    "exception segfault bug"
)
# "staging is down again", "the switch is flapping": a thing not working, said of its
# state now.
BROKEN = _words("flapping offline unreachable")
BROKEN_STATE = _words("down")
IS_NOW = _words("is are s")  # a state now: not "my rating went down this cycle"
# "stuck" is trouble with a thing ("k8s pod stuck"), not a person's ("I feel stuck",
# "my junior gets stuck for days", "expected to be stuck").
STUCK = _words("stuck")
STUCK_PERSON = _words("feel feeling felt get gets getting got be been being am im")
# "who's the TPM for <a project>": a person asked for, not a role.
WHO_IS = _words("whos")
HOLDING = _words("on for in at of")
ASKING_SOMEONE = _words("someone somebody anyone anybody you u")
THE_THING = _words("the our this that tomorrows todays")  # "lead the standup": a task
PLEASE = _words("please pls plz plez")
DOING_VERBS = _words(
    "review approve merge fix look check debug deploy restart share send run take book "
    "have read seen got let grab cover post"
)
# "postgres or mysql for my side project": help with the asker's own work.
OWN_WORK = _words("app apps script scripts website site repo bot homelab")
SIDE_WORK = _words("side pet hobby personal weekend")  # "for my side project"
# "good python library for parsing PDFs": a package wanted for a task.
PACKAGES = _words("library libraries lib libs plugin plugins crate crates gem gems sdk")
PACKAGE_FOR = _words("for to that")
# "does anyone have tips for getting to staff": advice about the ladder, not a task.
ADVICE = _words(
    "tips tip advice thoughts experience experiences recommendations suggestions insight "
    "insights pointers guidance examples"
)
# "supposed to be a project manager", "act as scrum master": a title as a duty.
DUTY_TO_BE = _words("supposed expected required meant")
ACTING = _words("act acts acting serve serves serving double doubles")
OBLIGED = _words("should do shall must")  # "should i ...": what the asker should do
FIRST_PERSON_SUBJECTS = _words("i im we")  # "I can't build a case": a person's trouble
# "do u use", "anyone using": asking people what they use, not what a level uses.
USING = _words("use using")
# "doesn't work", "won't open", "does nothing": trouble with a thing.
NOT_WORKING = _words("doesnt wont isnt not cant")
WORKING = _words("work working open opening load loading start starting render compile build")
# A fact that states a time ("within 30-40 minutes", "half a day", "~2 years"): what a
# "how long" question asks for. Plurals are folded before these are looked up.
TIME_UNITS = _words("minute min hour hr day week month year yr quarter")
RATES = _words("per every each once twice times")  # "a year" after these is how often
QUANTITIES = _words("half few couple several one two three four five six seven eight nine ten")
SPAN_BEFORE = _words("half within for in after about around over than least")  # "half a day"
THING_NAMED = _words("it them")  # "who owns it": a thing the message has just named
# "who's leading the retro today", "who has the voucher", "who can let him in": a
# person wanted now, not a role.
WHO_NOW = _words("today tonight tonights tomorrow yesterday yesterdays overnight rn")
WHO_NOW_PAIRS = frozenset(  # "this week", not "each week"
    (a, b) for a in ("this", "next", "last") for b in ("week", "weekend", "morning", "sprint")
) | {("right", "now")}
# A message with no question in it that sets a time ("retro moved to 4pm today",
# "office hours moved to thursday"): an announcement to people, not a question.
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
# A meeting moved: "can we move the post-mortem to thursday", "push standup to 10am"
RESCHEDULING = _words("move moved reschedule rescheduled push postpone postponed")
# What someone opening with "need a ..." asks others to give: "need a reviewer for my
# design doc", "need a quick code review on the migration script"
HELP_WANTED = _words("review reviewer reviewers hand eyes volunteer favour favor")
SUBJECTS = _words("i we you they he she")  # "can I ...", "do we ...": asked
ASKING_WORDS = _words("what which who whos how why where when whats hows wheres")

# Moving onto a track of management: "get onto the management track", "switching to
# the manager track".
TRACK_MOVES = _words("get onto switch switching move moving join joining go going")
# "which level", "from which TL level", "what roles": the question asks where on the
# ladder something holds.
WHICH = _words("which what wich")
LEVEL_NOUNS = _words("level levels role roles grade grades step steps")
# What a role's work word describes before them: "management skills", "management
# experience" (the skill, not the Engineering Manager)
QUALITIES = _words(
    "skill skills ability abilities experience style training course courses background "
    "capability capabilities competence competencies qualities quality"
)
# Words that weigh one thing against another: "better money to stay or become", "how
# much more would I make"
WEIGHING = _words("versus vs against better worse more less higher lower")  # not "or": see EITHER
# What levels are described and assessed by: "which competencies", "what axes"
AREA_NOUNS = _words(
    "competency competencies theme themes axis axes axe area areas dimension dimensions "
    "pillar pillars category categories"
)
ASSESSING = _words(
    "assessed assess rated rate measured measure evaluated evaluate judged judge graded "
    "scored levelled leveled reviewed"
)
# "that role", "those positions", "this person": a role named before, pointed back at
POINTING = _words("that those")  # not "this role": the asker's own, as often as not
ROLE_REFERENCES = _words("role roles position positions person people job jobs title titles")
