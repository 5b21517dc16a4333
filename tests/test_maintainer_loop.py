"""A maintainer's edit, done by the README's steps on a copy of the shipped knowledge base:
`validate` says what `make test` would fail on, and a valid edit keeps the quality floors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import SHIPPED_KNOWLEDGE

NEW_ENTRY = """
- id: press-release-headline
  topic: report
  question: What was the headline of the press release?
  alternates:
    - headline of the UNODC press release
    - what did UNODC call its announcement of the study
    - title of the 29 March 2021 news release
    - how was the launch announced in the press
    - wording of the press release heading
    - press release headline about the research
  answer: >-
    UNODC's press release of 29 March 2021 was headed "First ever research to identify how
    corruption facilitates migrant smuggling and human trafficking in the Bali Process region".
  sources:
    - UNODC press release, 29 March 2021
  related: [report-release, report-overview]
"""

SPLIT = ("eval/dev.yaml", "eval/extra.yaml")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, root)
    return root


def floors_hold(root: Path) -> int:
    files = [str(root / name) for name in SPLIT]
    floors = ["--min-accuracy", "0.93", "--max-wrong", "0.02", "--max-oos", "0.03"]
    return main(["eval", *files, "--part", "test", "--knowledge", str(root), *floors])


def test_adding_a_sourced_entry_by_the_readme_keeps_every_check_green(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (copy / "entries" / "report.yaml").open("a", encoding="utf-8") as file:
        file.write(NEW_ENTRY)
    if main(["validate", str(copy)]) != 0:  # step 2: validate says what to do...
        assert "run: python -m bot calibrate --write" in capsys.readouterr().err
        assert main(["calibrate", "--write", "--knowledge", str(copy)]) == 0  # ...and it is done
    assert main(["validate", str(copy)]) == 0, capsys.readouterr().err
    assert floors_hold(copy) == 0, capsys.readouterr().err


def test_a_changed_answer_word_is_caught_by_validate_not_only_by_the_tests(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = copy / "entries" / "findings.yaml"
    text = findings.read_text(encoding="utf-8")
    assert "under-researched" in text
    findings.write_text(text.replace("under-researched", "poorly researched", 1), encoding="utf-8")
    assert main(["validate", str(copy)]) == 1
    assert "calibration is stale" in capsys.readouterr().err
    assert main(["calibrate", "--write", "--knowledge", str(copy)]) == 0
    assert main(["validate", str(copy)]) == 0
    assert floors_hold(copy) == 0
