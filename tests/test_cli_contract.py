"""The `python -m bot ask` contract that tests and external scorers rely on."""

import json
import subprocess
import sys

from .conftest import run_bot

FIELDS = {
    "question": str,
    "answered": bool,
    "role": (str, type(None)),
    "topic": (str, type(None)),
    "other_role": (str, type(None)),
    "confidence": (int, float),
    "text": str,
    "suggestions": list,
    "sources": list,
    "corrections": list,
}


def test_json_fields_and_types():
    result = run_bot("ask", "--json", "what tools does a principal engineer use?")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == set(FIELDS)
    for name, kind in FIELDS.items():
        assert isinstance(data[name], kind), name
    assert (data["role"], data["topic"], data["answered"]) == ("principal", "tools", True)
    assert 0 <= data["confidence"] <= 1 and data["sources"] == ["principal-blog"]


def test_json_lists_each_correction_as_typed_and_understood():
    result = run_bot("ask", "--json", "what does a senoir engineer do")
    data = json.loads(result.stdout)
    assert data["role"] == "senior"
    assert data["corrections"] == [["senoir", "senior"]]
    assert "'senoir' as 'senior'" in data["text"]
    clean = json.loads(run_bot("ask", "--json", "what does a senior engineer do").stdout)
    assert clean["corrections"] == []


def test_plain_text_answer():
    result = run_bot("ask", "what", "does", "a", "staff", "engineer", "do")
    assert result.returncode == 0
    assert result.stdout.startswith("Staff Backend Engineer: Responsibilities")


def test_stdin_batch_one_json_line_per_question_in_order():
    questions = ["senior salary", "hello there", "", "staff vs principal", "<!channel>"]
    result = run_bot("ask", "--json", stdin="\n".join(questions) + "\n")
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    got = [json.loads(line) for line in lines]
    assert [g["question"] for g in got] == questions
    assert [g["answered"] for g in got] == [True, False, False, True, False]
    assert "<!channel>" not in got[4]["text"]


def test_stdin_batch_without_json_prints_readable_answers_a_blank_line_apart(kb):
    from bot.answer.render_text import render_plain
    from bot.pipeline import ask

    result = run_bot("ask", stdin="staff responsibilities\n\njunior skills\n")
    assert result.returncode == 0, result.stderr
    first, second = (
        render_plain(ask(q, kb), kb) for q in ("staff responsibilities", "junior skills")
    )
    assert first.startswith("Staff Backend Engineer: Responsibilities")
    assert result.stdout == first + "\n\n" + second + "\n"  # the blank line skipped


def test_stdin_batch_flushes_each_line():
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        proc.stdin.write("junior skills\n")
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())  # would hang if the line were buffered
        assert first["role"] == "junior"
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_stdin_batch_survives_hostile_bytes():
    """Carriage returns, NULs, invalid UTF-8 and huge lines: still one JSON line each."""
    questions = [
        b"senior\rskills",
        b"\x00\x01 staff vs principal",
        b"caf\xe9 \xff\xfe salary",
        b"<!channel> " * 4000,
        b"junior skills\r",
    ]
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input=b"\n".join(questions) + b"\n",
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("ascii").splitlines()  # ASCII-safe JSON
    assert len(lines) == len(questions)
    got = [json.loads(line) for line in lines]
    assert got[3]["answered"] is False and "<!channel>" not in got[3]["text"]
    assert (got[4]["role"], got[4]["topic"]) == ("junior", "skills")


def test_version():
    result = run_bot("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ladderbot ") and result.stdout.split()[1][0].isdigit()


def test_the_built_in_ladder_is_found_as_package_data():
    from bot.ladder.knowledge import builtin_dir

    assert (builtin_dir() / "ladder.yaml").is_file()
    assert sorted(p.name for p in (builtin_dir() / "roles").glob("*.yaml"))


def test_explain_shows_how_a_question_was_read():
    result = run_bot("ask", "--explain", "as a senior, how do i get to staff?")
    assert result.returncode == 0, result.stderr
    shown, _, answer = result.stdout.partition("\n\n")
    assert "role span 'senior' -> senior" in shown and "self" in shown  # the asker's role
    assert "role span 'staff' -> staff" in shown and "target" in shown  # where they head
    assert "read as: role senior, topic progression, other role staff" in shown
    assert "Senior Backend Engineer: Career progression" in answer


def test_import_says_what_is_wrong_with_the_topics_it_builds_on(tmp_path, monkeypatch, capsys):
    """The built-in topics an import inherits fail to load (a maintainer's edit to
    knowledge/): file:line, status 1, no traceback."""
    import shutil

    import bot.ladder.importer as importer
    from bot.cli import main
    from bot.ladder.location import builtin_dir

    broken = tmp_path / "builtin"
    shutil.copytree(builtin_dir(), broken)
    topics = broken / "topics.yaml"
    topics.write_text(
        topics.read_text().replace("  - id: salary", "  - id: salary\n    bogus: 1", 1)
    )
    monkeypatch.setattr(importer, "builtin_dir", lambda: broken)
    page = tmp_path / "ladder.md"
    page.write_text("# Ladder\n\n## Engineer I\n\n- Ships small changes.\n")
    assert main(["import", str(page), "--out", str(tmp_path / "kb")]) == 1
    err = capsys.readouterr().err
    assert "topics.yaml:" in err and "Traceback" not in err
    assert not (tmp_path / "kb").exists()
