"""What the loader and the linter report: a located, one-line problem with a hint."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a YAML file; line and column count from 1, as editors show them."""

    file: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    location: Location
    message: str
    hint: str = ""
    entry_id: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        entry = f" [{self.entry_id}]" if self.entry_id else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.location}: {self.severity}{entry}: {self.message}{hint}"


class KnowledgeBaseError(Exception):
    """The knowledge base cannot be loaded; `problems` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base")
