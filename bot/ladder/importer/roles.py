"""The roles of an imported ladder: an id, title, codes and the names people type for
each level - level codes and their spoken forms, shared codes two levels claim, the
family name numbered levels share, initials, "X with Tech Lead Role", names a page
gives a role ("also known as dev lead")."""

from __future__ import annotations

import re

from ...text import HEAD_NOUNS, normalise
from .draft import Ladder, Role
from .levels import ROMAN, SCALE, TITLE_NOUNS, Level
from .names import aliases, head_noun, title_initials
from .tracks import slug

LEVEL_WORDS = frozenset(
    "junior senior staff principal lead intern apprentice associate distinguished middle mid "
    "trainee graduate".split()
)

GRADED = frozenset({"senior", "junior"})

FAMILY_MAX = 8  # titles sharing a stem ("Senior Engineer 1", "... 2") name it as a code
# Words a ladder numbers its levels with: "Level 3", "Grade 5" - no family name
NUMBERED_NOUNS = frozenset({"level", "grade", "band", "tier", "step", "stage"})


def _said_of_others(stem: str, family: list[Level], levels: list[Level]) -> bool:
    """A one-word stem that is a job noun other levels' titles end with too."""
    said = normalise(stem)
    if said not in TITLE_NOUNS:
        return False
    return any(lv not in family and normalise(lv.title).split()[-1:] == [said] for lv in levels)


def _title_words(title: str) -> list[str]:
    """A title's words, apart at spaces, slashes and hyphens: "Mid-level Engineer" holds
    the level word "mid", "Trainee/Intern" both of its."""
    return [w for w in re.split(r"[\s/-]+", title.lower()) if w]


def make_roles(levels: list[Level]) -> list[Role]:
    roles: list[Role] = []
    taken: set[str] = set()
    firsts: dict[str, int] = {}
    titles = {normalise(lv.title) for lv in levels}
    for level in levels:
        first = next(iter(_title_words(level.title)), "")
        if _qualified(level.title, titles):
            continue  # "Senior ... with Tech Lead Role": "senior" is still the plain one
        firsts[first] = firsts.get(first, 0) + 1
    heads: dict[str, int] = {}
    said_in: dict[str, int] = {}  # level words anywhere in a title: "Software ... Intern"
    for level in levels:
        noun = _head_word(level.title)
        heads[noun] = heads.get(noun, 0) + 1
        for word in set(_title_words(level.title)) & LEVEL_WORDS:
            said_in[word] = said_in.get(word, 0) + 1
    head = head_noun(levels)
    codes_seen: dict[str, int] = {}
    for level in levels:
        for code in level.codes:
            codes_seen[normalise(code)] = codes_seen.get(normalise(code), 0) + 1
    made: dict[str, int] = {}  # "SE" of both Senior and Staff Engineer says neither
    for level in levels:
        short = normalise(title_initials(level.title))
        made[short] = made.get(short, 0) + 1
    families: dict[str, list[Level]] = {}
    for level in levels:
        stem = re.sub(r"\s+(\d{1,2}[a-z]?|[ivx]{1,4})$", "", level.title, flags=re.I)
        if stem != level.title or level.variant:
            families.setdefault(normalise(stem), []).append(level)
    for level in levels:
        unique = [c for c in level.codes if codes_seen[normalise(c)] == 1]
        base = slug(unique[0]) if unique else slug(f"{level.title} {level.variant}")
        ident = base
        if ident in taken or ident == "ladder":  # the same title in another family
            ident = slug(f"{level.doc.path.stem} {base}")
        n = 2
        while ident in taken:
            ident, n = f"{base}-{'x' * n}", n + 1
        taken.add(ident)
        role = Role(ident, _shown_title(level), level, list(level.codes))
        role.aliases = aliases(level, role.title, head)
        # the names its own page gives it ("aliases: [Senior Level 1, Level 3]")
        role.aliases += [n for n in map(normalise, level.names) if n and n not in role.aliases]
        short = title_initials(level.title)  # "EM", "TL", "CTO": a code, maybe shared
        if (
            short
            and normalise(short) not in {normalise(c) for c in role.codes}
            and not codes_seen.get(normalise(short))  # another level's own ("SE")
            and made[normalise(short)] == 1
        ):
            role.codes.append(short)
        parts = level.title.split()
        said = parts[1].lower() if len(parts) == 2 else ""
        number = int(said) if said.isdigit() else ROMAN.get(said)  # the title's, not a code's
        if number:
            initials = f"{parts[0][0].upper()}{number}"  # "Engineer II" -> "E2"
            if (
                normalise(initials) not in {normalise(c) for c in role.codes}
                and not codes_seen.get(normalise(initials))  # another level's own ("L1")
            ):
                role.codes.append(initials)
        for code in list(role.codes):  # "Manager 6" is typed "M6"
            worded = re.fullmatch(r"([A-Za-z]{3,}) ?(\d{1,2}[a-z]?)", code)
            short = f"{worded.group(1)[0].upper()}{worded.group(2)}" if worded else ""
            if short and not codes_seen.get(normalise(short)) and short not in role.codes:
                role.codes.append(short)
        stem = re.sub(r"\s+(\d{1,2}[a-z]?|[ivx]{1,4})$", "", level.title, flags=re.I)
        family = families.get(normalise(stem), [])
        if (
            1 < len(family) <= FAMILY_MAX
            and normalise(stem) != normalise(level.title)
            and normalise(stem) not in NUMBERED_NOUNS  # "Level" of "Level 3": any level
            # "Engineer" of "Engineer I-III" beside a Senior and a Staff Engineer: the
            # discipline's own word ("eng ladder", "which eng domains"), not a name for
            # those three - but "Developer" of D1-D7, which no other title ends with
            and not _said_of_others(stem, family, levels)
        ):
            role.codes.append(stem)  # "Senior Engineer" for "Senior Engineer 1" and "2"
            initials = "".join(w[0] for w in stem.split() if w[:1].isalpha())
            if len(stem.split()) > 1 and len(initials) >= 2:
                role.codes.append(initials.upper())  # "TPM" for Technical Program Manager
        if len(family) > 1 and level.variant:
            role.codes.append(level.title)  # "Principal Engineer" for both variants
        elif level.variant and normalise(level.title) not in role.aliases:
            # the one "Team Lead (Senior Engineer)": asked about as "team lead"
            role.aliases.append(normalise(level.title))
        first = next(iter(_title_words(level.title)), "")
        if first in LEVEL_WORDS and firsts.get(first) == 1 and not _qualified(level.title, titles):
            role.context_aliases = [first]
        for word in sorted(set(_title_words(level.title)) & LEVEL_WORDS):
            # "intern", "apprentice" of "Software Engineering Intern / Apprentice": a
            # level word no other title holds
            if (
                said_in[word] == 1
                and word not in role.context_aliases
                and not _qualified(level.title, titles)
            ):
                role.context_aliases.append(word)
        numbered = {lv.number for lv in families.get(normalise(level.title), [])}
        if normalise(level.title) in families and not level.variant and 1 not in numbered:
            # "Software Engineer" beside "Software Engineer 2": the first of its family
            role.aliases += [f"{level.title.lower()} 1", f"{level.title.lower()} i"]
        noun = _head_word(level.title)
        if noun in HEAD_NOUNS and heads.get(noun) == 1 and noun != head:
            # the only title that is a "manager" or a "director": asked about so
            role.context_aliases.append(noun)
        parts = level.title.split()
        if len(parts) == 3 and parts[1] == "of" and parts[0].isupper() and parts[2][:1].isalpha():
            # "VP of Engineering" as "VPE" and "VPoE"; "SVP of Product" as "SVPP"
            short = parts[0] + parts[2][0].upper()
            role.codes += [
                c for c in (short, f"{parts[0]}o{parts[2][0].upper()}") if c not in role.codes
            ]
        roles.append(role)
    _qualified_names(roles)
    _shared_aliases(roles)
    return roles


def _head_word(title: str) -> str:
    """The noun a title names a person by: "manager" of "Engineering Manager",
    "director" of "Director of Engineering"."""
    words = re.sub(r"\(.*?\)", " ", title).lower().split()
    words = [w for w in words if not re.fullmatch(r"\d{1,2}[a-z]?|[ivx]{1,4}", w)]
    if " of " in f" {' '.join(words)} ":
        return words[0] if words else ""
    return words[-1] if words else ""


def _qualified(title: str, titles: set[str]) -> bool:
    base, sep, _ = title.partition(" with ")
    return bool(sep) and normalise(base) in titles


def _qualified_names(roles: list[Role]) -> None:
    """A level that is another plus a role ("Senior Software Engineer with Tech Lead
    Role"): asked about by the plain level's names and the role's ("sse tech lead",
    "sse tl", "senior software engineer tl")."""
    by_title = {normalise(r.title): r for r in roles}
    for role in roles:
        base_title, sep, extra = role.title.partition(" with ")
        base = by_title.get(normalise(base_title)) if sep else None
        if base is None:
            continue
        extra_words = [w for w in extra.lower().split() if w != "role"]
        qualifiers = [" ".join(extra_words)]
        if len(extra_words) >= 2:
            qualifiers.append("".join(w[0] for w in extra_words))  # "tl"
        names = [base.title.lower(), *(c.lower() for c in base.codes)]
        for name in names:
            for q in qualifiers:
                role.aliases += [f"{name} {q}", f"{name} with {q}"]
        role.aliases = list(dict.fromkeys(role.aliases))


def _shared_aliases(roles: list[Role]) -> None:
    """An alias two roles would claim ("engineer" in two job families) names both: it
    becomes a level code they share, and the bot asks which is meant."""
    owners: dict[str, list[Role]] = {}
    for role in roles:
        for key in dict.fromkeys(normalise(a) for a in role.aliases):
            owners.setdefault(key, []).append(role)
    for role in roles:  # an alias that is another role's code ("senior engineer 2")
        for key in dict.fromkeys(normalise(c) for c in role.codes):
            if key in owners and role not in owners[key]:
                owners[key].append(role)
    for key, holders in owners.items():
        if len(holders) > 1:
            for role in holders:
                role.aliases = [a for a in role.aliases if normalise(a) != key]
                if key not in {normalise(c) for c in role.codes}:
                    role.codes.append(key)
    taken = {role.id for role in roles}
    given: set[str] = set()
    for role in roles:
        if not role.aliases:  # every alias was shared: its title, qualified by its page
            alias = base = f"{role.title.lower()} {slug(role.level.doc.path.stem)}"
            n = 2
            while normalise(alias) in given:  # the same title twice on one page
                alias, n = f"{base} {n}", n + 1
            given.add(normalise(alias))
            role.aliases = [alias, *_in_its_pages_words(role, roles, given)]
        codes = {normalise(c) for other in roles if other is not role for c in other.codes}
        if normalise(role.id.replace("-", " ")) in codes:  # an id is read as a name too
            ident = slug(f"{role.level.doc.path.stem} {role.id}")
            while ident in taken:
                ident += "-x"
            taken.add(ident)
            role.id = ident


def _in_its_pages_words(role: Role, roles: list[Role], given: set[str]) -> list[str]:
    """The title said as its page says its other titles: "Lead Engineer" on a page of
    "Senior Cloud Engineer" and "Principal Cloud Engineer" is also "lead cloud
    engineer", the word most of them put before the same last word."""
    words = role.title.lower().split()
    siblings = [
        o.title.lower().split() for o in roles if o is not role and o.level.doc is role.level.doc
    ]
    before = [t[-2] for t in siblings if len(t) >= 2 and t[-1] == words[-1]]
    if not before:
        return []
    common = max(sorted(set(before)), key=before.count)
    alias = " ".join([*words[:-1], common, words[-1]])
    if (
        common in words
        or common in SCALE  # "Senior Engineer" beside it says a level, not the page's field
        or before.count(common) < 2
        or before.count(common) * 2 <= len(siblings)
        or normalise(alias) in given
    ):
        return []
    given.add(normalise(alias))
    return [alias]


def _shown_title(level: Level) -> str:
    return f"{level.title} ({level.variant})" if level.variant else level.title


_KNOWN_AS = re.compile(
    r"\b(?:also|often|sometimes)\s+(?:known|called|referred to)\s+as\s+([^.;:,()]+)", re.I
)


def other_names(ladder: Ladder) -> None:
    """Names a page gives a role family ("Role also known as dev lead"): codes of every
    level of that family's track, so "what does a dev lead do" finds them."""
    by_title = {normalise(t.title): t for t in ladder.tracks}
    by_doc = {}
    for track in ladder.tracks:
        for level in track.levels:
            by_doc.setdefault(level.doc.name, track)
    roles = {r.level: r for r in ladder.roles}
    for doc in ladder.documents:
        for block in doc.blocks:
            found = _KNOWN_AS.search(block.text)
            if not found:
                continue
            track = by_title.get(normalise(block.label)) if block.label else None
            track = track or by_doc.get(doc.name)
            if track is None:
                continue
            names = re.split(r",|\bor\b|\band\b|/", found.group(1))
            for name in (n.strip() for n in names):
                if 0 < len(name.split()) <= 3:
                    for level in track.levels:
                        role = roles.get(level)
                        if role is not None and name not in role.codes:
                            role.codes.append(name)
