"""The command line, run the way maintainers run it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot import wording
from bot.cli import main
from bot.conversation import Conversation
from bot.knowledge import answer_markup
from bot.terminal import TerminalChat
from bot.wording import FrontEnd
from tests.support.journal import RecordingJournal
from tests.support.kb import FIXTURES, WriteKnowledge, entry
from tests.support.shipped import shipped_engine

COMMANDS = (
    "validate",
    "lint",
    "schema",
    "export",
    "topics",
    "ask",
    "eval",
    "calibrate",
    "unanswered",
    "report",
    "handout",
    "links",
    "workshop",
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, check=False
    )


def test_validate_clean_knowledge_base(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge([entry("a-b", related=["c-d"]), entry("c-d", related=["a-b"])])
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [f"OK: 2 entries, 12 questions, 1 topics in {root}"]


def test_validate_refuses_an_evaluation_set_naming_an_entry_that_is_gone(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a maintainer trial: an entry renamed without its evaluation questions passed
    validate and failed `make test`."""
    root = write_knowledge([entry("a-b", related=["c-d"]), entry("c-d", related=["a-b"])])
    followups = root / "eval" / "followups"
    followups.mkdir(parents=True)
    (followups / "set.yaml").write_text(
        "- {first: 'what is a', first_expect: a-b, then: 'and c?', expect: c-e}\n"
    )
    assert main(["validate", str(root)]) == 1
    err = capsys.readouterr().err
    unknown = "set.yaml:1:67: error: expect names unknown entry 'c-e' (hint: did you mean 'c-d'?)"
    assert unknown in err


def test_validate_broken_knowledge_base_lists_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "broken")]) == 1
    err = capsys.readouterr().err
    assert "basics.yaml:7:7: error [Bad_Id]" in err
    assert err.rstrip().endswith("17 problem(s) found")


def test_lint_exits_zero_with_warnings_and_one_on_a_required_rule(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge([entry("a-b", links=[], related=["c-d"]), entry("c-d", related=["a-b"])])
    assert main(["lint", str(root)]) == 0
    out = capsys.readouterr().out
    assert "warning [a-b]: no links" in out
    assert out.splitlines()[-1] == "0 error(s), 1 warning(s) in 2 entries, 12 questions, 1 topics"


def test_lint_exits_one_on_a_rule_the_tests_enforce(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge([entry("a-b")])
    assert main(["lint", str(root)]) == 1
    assert "error [a-b]: no related entries" in capsys.readouterr().out
    assert main(["validate", str(root)]) == 1
    assert "no related entries" in capsys.readouterr().err


def test_lint_on_broken_knowledge_base_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(FIXTURES / "broken")]) == 1
    assert "fix the errors above" in capsys.readouterr().err


def test_schema_check_and_write(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge([entry("a-b")])
    assert main(["schema", "--check", str(root)]) == 0
    (root / "schema" / "entries.schema.json").write_text("{}")
    assert main(["schema", "--check", str(root)]) == 1
    assert main(["schema", str(root)]) == 0
    assert main(["schema", "--check", str(root)]) == 0
    assert json.loads((root / "schema" / "entries.schema.json").read_text())["type"] == "array"


def test_export_json_and_csv_to_files(write_knowledge: WriteKnowledge, tmp_path: Path) -> None:
    root = write_knowledge([entry("a-b", as_of="2021-03-29")])
    assert main(["export", "--format", "json", "-o", str(tmp_path / "kb.json"), str(root)]) == 0
    [exported] = json.loads((tmp_path / "kb.json").read_text())
    assert exported["id"] == "a-b"
    assert exported["as_of"] == "2021-03-29"
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "kb.csv"), str(root)]) == 0
    assert (tmp_path / "kb.csv").read_text().count("\na-b,basics,") == 6


def test_topics_lists_questions(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge([entry("a-b")])
    assert main(["topics", str(root)]) == 0
    assert "  - What about a b?  [a-b]" in capsys.readouterr().out


def test_no_command_without_token_starts_the_terminal_chat(
    write_knowledge: WriteKnowledge,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KNOWLEDGE_PATH", str(write_knowledge([entry("a-b")])))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("/topics\n/quit\n"))
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Hello! I answer questions")
    assert "1. Basics" in out


def test_bad_setting_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: invalid setting LOG_LEVEL:")
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: python -m bot {command}")


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_ask_prints_the_answer_as_a_person_sees_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who funded the research?"]) == 0
    out = capsys.readouterr().out
    assert "Department of Home Affairs" in out
    assert "<b>" not in out
    assert "**" not in out


def test_ask_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "UNCAC"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"question", "decision", "answer_id", "confidence", "candidates"}
    assert (result["intent"], result["reply"], result["entry_id"]) == (None, "answer", "uncac")
    assert result["question"] == "UNCAC"
    assert result["decision"] == "answer"
    assert result["answer_id"] == "uncac"
    assert 0 <= result["confidence"] <= 1
    assert (result["languages"], result["language"], result["safety_first"]) == ([], None, False)
    assert result["words"] == "en"
    assert main(["ask", "--json", "รายงานนี้เกี่ยวกับอะไร"]) == 0
    thai = json.loads(capsys.readouterr().out)
    assert (thai["languages"], thai["language"], thai["words"]) == (["th"], "th", "th")
    assert main(["ask", "--json", "--language", "vi", "who funded the report"]) == 0
    chosen = json.loads(capsys.readouterr().out)
    assert (chosen["entry_id"], chosen["language"], chosen["words"]) == (
        "report-funding",
        None,
        "vi",
    )
    assert main(["ask", "--language", "xx", "UNCAC"]) == 1
    assert capsys.readouterr().err == "error: no words in language 'xx'\n"
    assert main(["ask", "--json", "什么是腐败?"]) == 0
    chinese = json.loads(capsys.readouterr().out)
    assert (chinese["language"], chinese["reason"]) == (None, "other_script")
    assert result["candidates"][0] == {"id": "uncac", "score": result["candidates"][0]["score"]}
    assert len(result["candidates"]) <= 5


SMALL_TALK_AND_SAFETY = [
    ("hi", "greeting", wording.GREETING),
    ("thanks!", "thanks", wording.THANKS),
    ("my boss took my passport and I can't leave", "danger", wording.DANGER),
    ("who won the football world cup", None, wording.OUT_OF_SCOPE),
]


def test_ask_is_the_same_conversation_as_the_chat(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = "".join(f"{question}\n" for question, _, _ in SMALL_TALK_AND_SAFETY).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(questions)))
    assert main(["ask", "--json", "-"]) == 0
    outcomes = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["intent"] for o in outcomes] == [intent for _, intent, _ in SMALL_TALK_AND_SAFETY]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(questions)))
    assert main(["ask", "-"]) == 0
    printed = capsys.readouterr().out
    for _, _, text in SMALL_TALK_AND_SAFETY:
        assert answer_markup.to_plain(text) in printed
    conversation = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    chat = io.StringIO()
    TerminalChat(conversation, chat, prompt=False).run(io.StringIO(questions.decode()))
    assert chat.getvalue().endswith(printed), "ask prints what a chat shows, reply by reply"


def test_ask_json_reads_one_question_per_line_in_order() -> None:
    lines = "UNCAC\nhow do I make coffee\n\n什么是腐败\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in rows] == ["UNCAC", "how do I make coffee", "", "什么是腐败"]
    assert [r["decision"] for r in rows] == ["answer", "none", "none", "none"]
    assert [r["answer_id"] for r in rows] == ["uncac", None, None, None]


def test_ask_json_survives_bytes_that_are_not_utf8() -> None:
    """Every line still gets its answer, and the output stays valid UTF-8 JSON."""
    command = [sys.executable, "-m", "bot", "ask", "--json"]
    strict = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run(
        [*command, "-"], input=b"UNCAC\nbad \xff\xfe byte\n", capture_output=True, env=strict
    )
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["question"] for r in rows] == ["UNCAC", "bad \ufffd\ufffd byte"]
    assert rows[0]["answer_id"] == "uncac"
    argument = subprocess.run(
        [*command, os.fsdecode(b"UNCAC \xff")], capture_output=True, env=strict, check=True
    )
    assert json.loads(argument.stdout.decode("utf-8"))["question"] == "UNCAC \ufffd"


def _question_file(path: Path, *questions: tuple[str, str | None]) -> Path:
    """An evaluation file in the dev-set format: a list of `{q, expect}`."""
    path.write_text(yaml.safe_dump([{"q": q, "expect": expect} for q, expect in questions]))
    return path


def test_eval_reports_metrics_and_enforces_floors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = _question_file(
        tmp_path / "set.yaml",
        ("who funded the research", "report-funding"),
        ("what is uncac", "uncac"),
        ("how do I make coffee", None),
    )
    assert main(["eval", "--json", str(questions)]) == 0
    report = json.loads(capsys.readouterr().out)
    overall = report["overall"]
    assert (overall["questions"], overall["in_scope"], overall["out_of_scope"]) == (3, 2, 1)
    assert overall["accuracy"] == 1.0
    assert overall["oos_false_answer_rate"] == 0.0
    assert report["failures"] == []
    assert main(["eval", str(questions), "--min-accuracy", "1.01"]) == 1
    assert "below floor: accuracy" in capsys.readouterr().err


def test_eval_reports_unmeasurable_rates_as_missing_and_fails_their_floors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    declined = _question_file(tmp_path / "declined.yaml", ("how do I make coffee", None))
    assert main(["eval", "--json", str(declined)]) == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert overall["accuracy"] is None
    assert overall["mrr"] is None
    assert overall["oos_false_answer_rate"] == 0.0
    assert main(["eval", str(declined)]) == 0
    assert "in-scope accuracy      n/a" in capsys.readouterr().out
    assert main(["eval", str(declined), "--max-oos", "0"]) == 0
    capsys.readouterr()
    assert main(["eval", str(declined), "--min-accuracy", "0.9"]) == 1
    err = capsys.readouterr().err
    assert "below floor: accuracy cannot be measured: no in-scope questions" in err


def test_eval_counts_each_file_and_enforces_the_risk_ceilings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = _question_file(
        tmp_path / "wrong.yaml",
        ("who funded the research", "report-authors"),
        ("what is uncac", "uncac"),
    )
    declined = _question_file(tmp_path / "declined.yaml", ("who funded the research", None))
    assert main(["eval", "--json", str(wrong), str(declined)]) == 0
    report = json.loads(capsys.readouterr().out)
    files = report["files"]
    assert files[str(wrong)]["wrong_answer_rate"] == 0.5
    assert files[str(declined)]["oos_false_answer_rate"] == 1.0
    assert report["overall"]["questions"] == 3
    assert len(report["failures"]) == 2
    assert main(["eval", str(wrong), str(declined), "--max-wrong", "0.5", "--max-oos", "1"]) == 0
    capsys.readouterr()
    assert main(["eval", str(wrong), "--max-wrong", "0.4"]) == 1
    assert "below floor: wrong-answer rate 0.500 > 0.4" in capsys.readouterr().err
    assert main(["eval", str(declined), "--max-oos", "0.9"]) == 1
    assert "below floor: out-of-scope answered 1.000 > 0.9" in capsys.readouterr().err


def test_eval_lists_what_a_detector_and_a_dialogue_got_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "danger").mkdir()
    danger = tmp_path / "danger" / "set.yaml"
    danger.write_text(
        "- {q: 'who funded the research', danger: true}\n"
        "- {q: 'they took my passport and I cannot leave', danger: true}\n"
    )
    (tmp_path / "followups").mkdir()
    dialogues = tmp_path / "followups" / "set.yaml"
    dialogues.write_text(
        "- {first: 'who funded the research', first_expect: report-funding, "
        "then: 'what is uncac', expect: report-authors}\n"
        "- {first: 'who funded the research', first_expect: report-funding, "
        "then: 'how do I make coffee', expect: report-authors}\n"
    )
    assert main(["eval", str(danger), str(dialogues)]) == 0
    out = capsys.readouterr().out
    assert "  missed: 'who funded the research'" in out
    assert "missed: 'they took my passport" not in out
    assert (
        "  'who funded the research' then 'what is uncac': expected report-authors, got uncac"
        in out
    )
    assert "then 'how do I make coffee': expected report-authors, got out_of_scope" in out


def test_eval_rejects_a_broken_question_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = tmp_path / "set.yaml"
    questions.write_text("- {q: hello, expect: no-such-entry}\n")
    assert main(["eval", str(questions)]) == 1
    assert f"{questions}:1:22: error: expect names unknown entry" in capsys.readouterr().err


def test_a_stale_calibration_file_is_located_and_calibrate_repairs_it(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge([entry("a-b", related=["c-d"]), entry("c-d", related=["a-b"])])
    calibration = root / "calibration.yaml"
    schema_line = "# yaml-language-server: $schema=schema/calibration.schema.json\n"
    calibration.write_text(f"{schema_line}bias: -4.0\nscore: 12.0\n")
    assert main(["validate", str(root)]) == 1
    assert main(["ask", "--knowledge", str(root), "question a-b"]) == 1
    errors = capsys.readouterr().err.splitlines()
    expected = f"{calibration}:2:1: error: lead: Field required"
    assert errors.count(f"{expected} (hint: regenerate it: python -m bot calibrate --write)") == 2
    _write_tuning_questions(root)
    assert main(["calibrate", "--write", "--knowledge", str(root)]) == 0
    assert main(["validate", str(root)]) == 0
    assert "lead:" in calibration.read_text()


def _write_tuning_questions(root: Path) -> None:
    in_scope = [
        {"q": f"{entry_id} variant {n} {tail}".strip(), "expect": entry_id}
        for entry_id in ("a-b", "c-d")
        for n in ("one", "two", "three", "four", "five")
        for tail in ("", "please", "again")
    ]
    declined = [{"q": f"weather forecast for city {n}", "expect": None} for n in range(40)]
    (root / "eval").mkdir()
    header = "# yaml-language-server: $schema=../schema/eval.schema.json\n"
    (root / "eval" / "set.yaml").write_text(header + yaml.safe_dump(in_scope + declined))


def test_calibrate_refuses_a_fit_without_enough_questions_of_each_kind(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    """Zero questions give a calibration that never answers; all right, one that always does."""
    root = write_knowledge([entry("a-b"), entry("c-d")])
    assert main(["calibrate", "--write", "--knowledge", str(root)]) == 1
    assert "of 0 tuning questions, 0 have the right top candidate" in capsys.readouterr().err
    assert not (root / "calibration.yaml").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bias: .nan\nscore: 12.0\nlead: 4.0\n", "bias: Input should be a finite number"),
        ("bias: -4.0\nscore: 1e308\nlead: 4.0\n", "score: Input should be less than or equal"),
        ("", "document: Input should be a valid dictionary"),
    ],
    ids=["not a number", "huge", "empty"],
)
def test_a_calibration_that_would_break_confidence_is_refused(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    root = write_knowledge([entry("a-b"), entry("c-d")])
    (root / "calibration.yaml").write_text(text)
    assert main(["ask", "--knowledge", str(root), "question a-b"]) == 1
    assert f"error: {message}" in capsys.readouterr().err


def test_a_reader_that_leaves_never_turns_a_failure_into_success() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader left before the first line, as `| head -0` would
    with os.fdopen(write_end, "w") as gone:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "validate", str(FIXTURES / "broken")],
            stdout=gone,
            stderr=gone,
            check=False,
        )
    assert result.returncode == 1


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "csv"], ["words", "Tetun"]],
    ids=["export", "words"],
)
def test_output_into_a_folder_that_does_not_exist_is_one_line(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "out.txt"
    assert main([*args, "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"error: cannot write {target}: No such file or directory\n"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("", "\ufeff", "byte-order mark"),
        ("  sources:", "  as_of: 2024-13-01\n  sources:", "not a date: 2024-13-01"),
        ("An answer.", "TODO", "answer holds the placeholder 'TODO'"),
    ],
    ids=["byte-order mark", "impossible date", "placeholder"],
)
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_validate_and_lint_both_refuse_a_broken_file_in_one_located_line(
    write_knowledge: WriteKnowledge,
    capsys: pytest.CaptureFixture[str],
    command: str,
    old: str,
    new: str,
    words: str,
) -> None:
    root = write_knowledge([entry("a-b", related=["c-d"]), entry("c-d", related=["a-b"])])
    path = root / "entries" / "basics.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1) if old else new + text, encoding="utf-8")
    assert main([command, str(root)]) == 1
    [problem, *_] = capsys.readouterr().err.splitlines()
    assert problem.startswith(f"{path}:")
    assert words in problem


@pytest.mark.parametrize("check", [["--check"], []], ids=["check", "write"])
def test_schema_on_a_folder_that_does_not_exist_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], check: list[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["schema", str(missing), *check]) == 1
    assert capsys.readouterr().err == f"error: no knowledge base at {missing}\n"
    assert not missing.exists()


def test_validate_given_a_file_asks_for_the_folder(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_knowledge([entry("a-b")]) / "entries" / "basics.yaml"
    assert main(["validate", str(file)]) == 1
    assert f"{file}:1:1: error: this is a file: give the knowledge-base folder" in (
        capsys.readouterr().err
    )


def test_eval_given_a_folder_asks_for_its_files(
    write_knowledge: WriteKnowledge, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_knowledge([entry("a-b", related=["c-d"]), entry("c-d", related=["a-b"])])
    assert main(["eval", str(root / "entries"), "--knowledge", str(root)]) == 1
    assert f"error: is a folder (hint: pass its files: {root / 'entries'}/*.yaml)" in (
        capsys.readouterr().err
    )
