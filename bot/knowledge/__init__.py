"""The YAML knowledge base: its models, loading with precise errors, lint, schema and export.

Callers outside this package import from here; the modules inside are its own business.
"""

from bot.knowledge import answer_markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.english import ENGLISH, ENGLISH_CODE, ENGLISH_NAME, words_template
from bot.knowledge.export import export
from bot.knowledge.limits import CALLBACK_DATA_LIMIT, TELEGRAM_TEXT_LIMIT
from bot.knowledge.lint import lint, required_rules
from bot.knowledge.loader import check_knowledge, load_file, load_knowledge, load_located
from bot.knowledge.models import (
    SLUG_PATTERN,
    AboutTheBotCase,
    AboutTheBotKind,
    AboutTheBotSet,
    AskedAboutTheBot,
    BotWords,
    CalibrationCoefficients,
    DangerCase,
    DangerSet,
    Difficulty,
    Entry,
    EvalQuestion,
    EvalSet,
    FollowUpCase,
    FollowUpSet,
    Glossary,
    GlossaryTerm,
    LanguagePhrasings,
    LanguageSafety,
    LegalCase,
    LegalSet,
    Link,
    QuizItem,
    SafetyPhrasings,
    Topic,
    TranslatedAnswers,
    Translation,
)
from bot.knowledge.normalize import fold, normalize
from bot.knowledge.problems import KnowledgeBaseError, Location, Problem, Severity
from bot.knowledge.schema import missing_headers, stale_schemas, write_schemas
from bot.knowledge.spelling import did_you_mean, spelling_hint

__all__ = [
    "CALLBACK_DATA_LIMIT",
    "ENGLISH",
    "ENGLISH_CODE",
    "ENGLISH_NAME",
    "SLUG_PATTERN",
    "TELEGRAM_TEXT_LIMIT",
    "AboutTheBotCase",
    "AboutTheBotKind",
    "AboutTheBotSet",
    "AskedAboutTheBot",
    "BotWords",
    "CalibrationCoefficients",
    "DangerCase",
    "DangerSet",
    "Difficulty",
    "Entry",
    "EvalQuestion",
    "EvalSet",
    "FollowUpCase",
    "FollowUpSet",
    "Glossary",
    "GlossaryTerm",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "LanguagePhrasings",
    "LanguageSafety",
    "LegalCase",
    "LegalSet",
    "Link",
    "Location",
    "Problem",
    "QuizItem",
    "SafetyPhrasings",
    "Severity",
    "Topic",
    "TranslatedAnswers",
    "Translation",
    "answer_markup",
    "check_knowledge",
    "did_you_mean",
    "export",
    "fold",
    "lint",
    "load_file",
    "load_knowledge",
    "load_located",
    "missing_headers",
    "normalize",
    "required_rules",
    "spelling_hint",
    "stale_schemas",
    "words_template",
    "write_schemas",
]
