"""One broken knowledge base per kind of error, each with its exact file:line message."""

import textwrap
import threading

import pytest

from bot.ladder import knowledge, rolefiles

from .conftest import run_bot

GOOD_LADDER = """\
default_role: backend-engineer
tracks:
  - id: individual-contributor
    title: Individual contributor
    steps: [junior, mid, senior, staff, principal]
    sources: [senior-guide]
"""

MINIMAL_ROLE = """\
id: {id}
title: {title}
aliases: [{alias}]
summary:
  text: A short summary.
  sources: [senior-guide]
"""


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def problems(directory="kb"):
    return [str(p) for p in knowledge.validate(directory)]


def test_yaml_syntax_error(kb_copy):
    write(kb_copy / "ladder.yaml", "default_role: backend-engineer\ntracks:\n  - id: [oops\n")
    assert problems() == ["kb/ladder.yaml:4: YAML syntax error: did not find expected ',' or ']'"]


def test_missing_required_field(kb_copy):
    write(
        kb_copy / "roles" / "staff.yaml",
        "id: staff\naliases: [staff engineer]\n"
        "summary:\n  text: Thin.\n  sources: [backend-guide]\n",
    )
    assert problems() == ["kb/roles/staff.yaml:1: missing required field 'title'"]


def test_wrong_types(kb_copy):
    write(
        kb_copy / "roles" / "staff.yaml",
        MINIMAL_ROLE.format(id="staff", title="Staff", alias="staff engineer") + "tools: a hammer\n"
        "responsibilities:\n  - just text, no sources\n",
    )
    assert problems() == [
        "kb/roles/staff.yaml:7: 'tools' must be a list of facts, not str",
        "kb/roles/staff.yaml:9: an item of 'responsibilities' must be a mapping, not str",
    ]


def test_unknown_field_suggests_the_right_one(kb_copy):
    write(
        kb_copy / "roles" / "staff.yaml",
        MINIMAL_ROLE.format(id="staff", title="Staff", alias="staff engineer") + "salry: []\n",
    )
    assert problems() == ["kb/roles/staff.yaml:7: unknown field 'salry' (did you mean 'salary'?)"]


def test_duplicate_role_id(kb_copy):
    write(
        kb_copy / "roles" / "zz-copy.yaml",
        MINIMAL_ROLE.format(id="staff", title="Staff again", alias="another staff alias"),
    )
    assert problems() == [
        "kb/roles/zz-copy.yaml:1: duplicate role id 'staff' (also in kb/roles/staff.yaml:2)"
    ]


def test_role_files_ending_in_yml_are_read(kb_copy):
    (kb_copy / "roles" / "lead.yaml").rename(kb_copy / "roles" / "lead.yml")
    kb = knowledge.load("kb")
    assert "lead" in kb.roles and kb.roles["lead"].title
    assert problems() == []


def test_a_role_in_both_lead_yaml_and_lead_yml_is_a_duplicate(kb_copy):
    text = (kb_copy / "roles" / "lead.yaml").read_text()
    (kb_copy / "roles" / "lead.yml").write_text(text)
    assert problems() == [
        "kb/roles/lead.yml:1: duplicate role id 'lead' (also in kb/roles/lead.yaml:1)"
    ]


def test_alias_claimed_by_two_roles(kb_copy):
    write(
        kb_copy / "roles" / "zz-new.yaml",
        MINIMAL_ROLE.format(id="architect-lead", title="Architect lead", alias="tech lead"),
    )
    assert problems() == [
        "kb/roles/zz-new.yaml:3: alias 'tech lead' is already claimed by role 'lead' "
        "(kb/roles/lead.yaml:3)"
    ]


def test_ladder_step_naming_an_unknown_role(kb_copy):
    write(kb_copy / "ladder.yaml", GOOD_LADDER.replace("staff, principal", "staf, principal"))
    assert problems() == ["kb/ladder.yaml:5: unknown role id 'staf' (did you mean 'staff'?)"]


def test_progression_naming_an_unknown_role(kb_copy):
    write(
        kb_copy / "roles" / "staff.yaml",
        MINIMAL_ROLE.format(id="staff", title="Staff", alias="staff engineer")
        + "progression:\n  - text: Up.\n    to: cto\n    sources: [backend-guide]\n",
    )
    assert problems() == ["kb/roles/staff.yaml:9: unknown role id 'cto'"]


def test_unknown_source_id(kb_copy):
    write(
        kb_copy / "roles" / "staff.yaml",
        MINIMAL_ROLE.format(id="staff", title="Staff", alias="staff engineer").replace(
            "[senior-guide]", "[wikipedia]"
        ),
    )
    assert problems() == ["kb/roles/staff.yaml:6: unknown source id 'wikipedia'"]


def _add_topic(kb_copy, entry: str) -> int:
    """Append a topic entry under `topics:`; returns the line it starts on."""
    text = (kb_copy / "topics.yaml").read_text()
    head, tail = text.split("\n# Questions that share a word", 1)
    write(kb_copy / "topics.yaml", head + "\n" + entry + "\n# Questions that share a word" + tail)
    return head.count("\n") + 2


def test_a_topic_needs_fields_and_a_known_answer_kind(kb_copy):
    line = _add_topic(kb_copy, "  - id: perks\n    title: Perks\n    answer: fact\n")
    assert problems() == [
        f"kb/topics.yaml:{line}: topic 'perks' needs 'fields': the role lists it answers from",
        f"kb/topics.yaml:{line + 2}: unknown answer kind 'fact' (did you mean 'facts'?); "
        "one of: facts, overview, ladder, compare",
    ]


def test_bad_examples_are_reported_with_their_line(kb_copy):
    line = _add_topic(
        kb_copy,
        "  - id: perks\n    title: Perks\n    fields: {perks: Perks}\n"
        "    examples:\n      - How much does a {role} EARN?\n      - 42\n"
        "      - free lunch?\n      - Free lunch\n",
    )
    lines = (kb_copy / "topics.yaml").read_text().split("\n")
    first = lines.index("      - how much does a {role} earn") + 1
    assert problems() == [
        f"kb/topics.yaml:{line + 4}: example 'How much does a {{role}} EARN?' is also "
        f"listed under topic 'salary' (line {first})",
        f"kb/topics.yaml:{line + 5}: items of 'examples' must be non-empty text, not int",
        f"kb/topics.yaml:{line + 7}: duplicate example 'Free lunch' (first at line {line + 6})",
    ]


def test_duplicate_key(kb_copy):
    write(
        kb_copy / "ladder.yaml",
        "default_role: backend-engineer\ndefault_role: senior\n" + GOOD_LADDER.split("\n", 1)[1],
    )
    assert problems() == ["kb/ladder.yaml:2: duplicate key 'default_role' (first at line 1)"]


def test_empty_file(kb_copy):
    write(kb_copy / "sources.yaml", "")
    assert problems() == ["kb/sources.yaml:1: file is empty"]


def test_custom_python_tag_is_refused_not_run(kb_copy):
    write(kb_copy / "ladder.yaml", GOOD_LADDER + "x: !!python/object/apply:os.system ['echo hi']\n")
    assert problems() == [
        "kb/ladder.yaml:7: unknown field 'x'",
        "kb/ladder.yaml:7: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'; "
        "knowledge files hold plain values",
    ]
    write(kb_copy / "ladder.yaml", GOOD_LADDER + "x: !custom 1\n")
    assert problems() == [
        "kb/ladder.yaml:7: unknown field 'x'",
        "kb/ladder.yaml:7: unsupported tag '!custom'; knowledge files hold plain values",
    ]


def test_alias_bomb_is_stopped(kb_copy):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 9)]
    write(kb_copy / "ladder.yaml", "\n".join(lines) + "\n")
    assert problems()[0].startswith("kb/ladder.yaml:")
    assert "too many values" in problems()[0]


def test_recursive_alias(kb_copy):
    write(kb_copy / "ladder.yaml", GOOD_LADDER + "loop: &me [1, *me]\n")
    assert "kb/ladder.yaml:7: recursive alias (a value that contains itself)" in problems()


def test_oversized_file(kb_copy):
    (kb_copy / "ladder.yaml").write_text("# " + "x" * 10_000_000 + "\n")
    assert problems() == [
        "kb/ladder.yaml:1: file is too large (10,000,003 bytes; the limit is 1,000,000)"
    ]


def test_missing_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert problems("nowhere") == ["nowhere:1: knowledge directory not found"]


MISSING = [
    (["ask", "what does a senior do"], "KNOWLEDGE_DIR", "missing"),
    (["ask", "what does a senior do"], "KNOWLEDGE_DIR", "a file"),
    (["ask", "--json"], "KNOWLEDGE_DIR", "missing"),
    ([], "KNOWLEDGE_DIR", "missing"),  # the console
    (["serve"], "KNOWLEDGE_DIR", "missing"),
    (["--knowledge", "{path}", "ask", "hi"], "--knowledge", "missing"),
    (["ask", "--knowledge", "{path}", "hi"], "--knowledge", "a file"),
    (["serve", "--knowledge", "{path}"], "--knowledge", "missing"),
]


@pytest.mark.parametrize("command,named,kind", MISSING)
def test_a_knowledge_dir_that_is_not_a_directory_is_one_line_and_exit_2(
    tmp_path, command, named, kind
):
    path = tmp_path / "nowhere"
    if kind == "a file":
        path.write_text("not a ladder\n")
    env = {"SLACK_BOT_TOKEN": "xoxb-x", "SLACK_APP_TOKEN": "xapp-x"}
    if named == "KNOWLEDGE_DIR":
        env["KNOWLEDGE_DIR"] = str(path)
    args = [a.replace("{path}", str(path)) for a in command]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_bot(*args, cwd=elsewhere, env=env, stdin="")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"ladderbot: {named} names {path}, which ")
    assert ("does not exist" if kind == "missing" else "is not a directory") in lines[0]
    assert result.stdout == ""


def test_validate_names_a_missing_directory_as_given(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    result = run_bot("validate", str(tmp_path / "nowhere"), cwd=tmp_path / "elsewhere")
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'nowhere'}:1: knowledge directory not found\n"


def test_problems_outside_the_working_directory_keep_their_absolute_path(kb_copy, tmp_path):
    write(kb_copy / "ladder.yaml", GOOD_LADDER.replace("staff, principal", "staf, principal"))
    (tmp_path / "elsewhere").mkdir()
    result = run_bot("validate", str(kb_copy), cwd=tmp_path / "elsewhere")
    assert f"{kb_copy}/ladder.yaml:5: unknown role id 'staf'" in result.stdout


@pytest.mark.parametrize("command", [["validate", "kb"], ["--knowledge", "kb", "ask", "hi"]])
def test_cli_reports_problems_and_exits_1_without_traceback(kb_copy, command):
    write(kb_copy / "ladder.yaml", GOOD_LADDER.replace("staff, principal", "staf, principal"))
    result = run_bot(*command, cwd=kb_copy.parent)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "kb/ladder.yaml:5: unknown role id 'staf' (did you mean 'staff'?)" in output
    assert "Traceback" not in output


def test_validate_clean_exits_0(kb_copy):
    result = run_bot("validate", "kb", cwd=kb_copy.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_knowledge_dir_env_selects_another_ladder(kb_copy):
    write(
        kb_copy / "roles" / "staff.yaml",
        MINIMAL_ROLE.format(id="staff", title="Staff Platform Engineer", alias="staff engineer"),
    )
    result = run_bot(
        "ask",
        "--json",
        "what is a staff engineer",
        cwd=kb_copy.parent,
        env={"KNOWLEDGE_DIR": str(kb_copy)},
    )
    assert '"role": "staff"' in result.stdout and "Staff Platform Engineer" in result.stdout


def test_unreadable_file(kb_copy):
    (kb_copy / "ladder.yaml").unlink()
    (kb_copy / "ladder.yaml").mkdir()
    assert problems() == ["kb/ladder.yaml:1: cannot read file: Is a directory"]


def test_not_utf8(kb_copy):
    (kb_copy / "ladder.yaml").write_bytes(b"default_role: caf\xe9\n")
    assert problems() == ["kb/ladder.yaml:1: not UTF-8 text (invalid continuation byte at byte 17)"]


def test_wrong_types_everywhere(kb_copy):
    write(kb_copy / "topics.yaml", "- just\n- a list\n")
    write(kb_copy / "sources.yaml", "sources: 42\n")
    write(
        kb_copy / "roles" / "staff.yaml",
        "id: [staff]\ntitle: 7\naliases: staff\nsummary: text\nskills: [1, 2]\n",
    )
    assert problems() == [
        "kb/roles/staff.yaml:1: 'id' must be non-empty text, not a list",
        "kb/roles/staff.yaml:2: 'title' must be non-empty text, not int",
        "kb/roles/staff.yaml:3: 'aliases' must be a list of text, not str",
        "kb/roles/staff.yaml:4: 'summary' must be a mapping, not str",
        "kb/roles/staff.yaml:5: 'skills' must be a mapping, not a list",
        "kb/sources.yaml:1: 'sources' must be a list",
        "kb/topics.yaml:1: the file must be a mapping, not a list",
    ]


@pytest.mark.parametrize("command", [["serve"], ["--knowledge", "kb"]])
def test_bad_knowledge_base_at_start_up(kb_copy, command):
    write(kb_copy / "ladder.yaml", "default_role: [oops\n")
    env = {"KNOWLEDGE_DIR": "kb", "SLACK_BOT_TOKEN": "xoxb-x", "SLACK_APP_TOKEN": "xapp-x"}
    result = run_bot(*command, cwd=kb_copy.parent, env=env, stdin="")
    assert result.returncode == 1
    assert result.stderr.startswith("kb/ladder.yaml:2: YAML syntax error")
    assert "Traceback" not in result.stderr


def test_bad_knowledge_base_stops_gunicorn_with_file_line(kb_copy):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from .slackserver import web_command

    write(kb_copy / "roles" / "staff.yaml", "id: staff\n")
    env = {
        **os.environ,
        "KNOWLEDGE_DIR": str(kb_copy),
        "SLACK_BOT_TOKEN": "xoxb-x",
        "SLACK_SIGNING_SECRET": "s",
        "PORT": "0",
        "HOST": "127.0.0.1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    result = subprocess.run(
        ["bash", "-c", "exec " + web_command()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 1
    assert "roles/staff.yaml:1: missing required field 'title'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_knowledge_dir_stops_gunicorn_with_one_line(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from .slackserver import web_command

    env = {
        **os.environ,
        "KNOWLEDGE_DIR": str(tmp_path / "nowhere"),
        "SLACK_BOT_TOKEN": "xoxb-x",
        "SLACK_SIGNING_SECRET": "s",
        "DATA_DIR": str(tmp_path / "data"),
        "PORT": "0",
        "HOST": "127.0.0.1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    result = subprocess.run(
        ["bash", "-c", "exec " + web_command()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 2
    assert f"ladderbot: KNOWLEDGE_DIR names {tmp_path / 'nowhere'}, which does not exist" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_big_ladders_parse_in_parallel_while_other_threads_run(kb_copy, monkeypatch):
    """With another thread alive, workers must not be forked (a fork can copy a lock
    another thread holds, and hang): they start clean and give the same results."""
    started = []
    pool = rolefiles.ProcessPoolExecutor

    def recording(*args, mp_context=None, **kwargs):
        started.append(mp_context.get_start_method())
        return pool(*args, mp_context=mp_context, **kwargs)

    monkeypatch.setattr(rolefiles, "ProcessPoolExecutor", recording)
    monkeypatch.setattr(rolefiles.os, "cpu_count", lambda: 2)  # a pool even on one core
    for i in range(450):
        write(
            kb_copy / "roles" / f"gen{i:03}.yaml",
            MINIMAL_ROLE.format(id=f"gen{i}", title=f"Generated {i}", alias=f"generated role {i}"),
        )
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert problems() == []
        assert started and "fork" not in started
    finally:
        stop.set()
        other.join()


def test_big_ladders_parse_in_parallel_with_the_same_results(kb_copy, monkeypatch):
    """Over PARALLEL_FROM role files the loader uses every core; nothing else may change."""
    for i in range(450):
        write(
            kb_copy / "roles" / f"gen{i:03}.yaml",
            MINIMAL_ROLE.format(id=f"gen{i}", title=f"Generated {i}", alias=f"generated role {i}"),
        )
    write(kb_copy / "roles" / "gen007.yaml", "id: gen7\ntitle: [broken\n")
    write(
        kb_copy / "roles" / "gen008.yaml",
        MINIMAL_ROLE.format(id="gen8", title="Dup", alias="generated role 9"),
    )
    parallel = problems()
    monkeypatch.setattr(rolefiles, "PARALLEL_FROM", 10**9)
    assert (
        problems()
        == parallel
        == [
            "kb/roles/gen007.yaml:3: YAML syntax error: did not find expected ',' or ']'",
            "kb/roles/gen009.yaml:3: alias 'generated role 9' is already claimed by role 'gen8' "
            "(kb/roles/gen008.yaml:3)",
        ]
    )


def test_examples_indented_into_the_one_above_are_reported(kb_copy):
    # Indented too far, the later items are folded into the first as "a - b - c".
    line = _add_topic(
        kb_copy,
        "  - id: perks\n    title: Perks\n    fields: {perks: Perks}\n"
        "    examples:\n      - is there free lunch for engineers at this company\n"
        "        - do backend people get a gym membership as part of the package\n"
        "        - which perks come with a senior offer here\n",
    )
    assert problems() == [
        f"kb/topics.yaml:{line + 4}: example runs into the next one: check the "
        "indentation of the '- ' below it"
    ]


def test_duty_over_names_known_topics(kb_copy):
    line = _add_topic(
        kb_copy,
        "  - id: perks\n    title: Perks\n    fields: {perks: Perks}\n    duty_over: [workflow]\n",
    )
    assert problems() == [
        f"kb/topics.yaml:{line}: topic 'perks' has duty_over unknown topic 'workflow' "
        "(did you mean 'workflows'?)"
    ]


def test_a_phrase_listed_twice_in_a_topic_is_reported(kb_copy):
    line = _add_topic(
        kb_copy,
        "  - id: perks\n    title: Perks\n    fields: {perks: Perks}\n"
        "    phrases: [perk, gym, perks]\n    weak_phrases: [free ... lunch, free lunch]\n",
    )
    # "perks" folds to "perk"; "free ... lunch" has a gap, so it is not "free lunch"
    assert problems() == [f"kb/topics.yaml:{line + 3}: phrase 'perks' is listed twice (phrases)"]


def test_a_title_listed_twice_in_other_roles_is_reported(kb_copy):
    ladder = (kb_copy / "ladder.yaml").read_text()
    lines = ladder.splitlines()
    first = next(i for i, line in enumerate(lines, 1) if line.strip() == "- CTO")
    write(kb_copy / "ladder.yaml", ladder.rstrip("\n") + "\n  - cto\n")
    assert problems() == [
        f"kb/ladder.yaml:{len(lines) + 1}: 'cto' is listed twice in other_roles (line {first})"
    ]
