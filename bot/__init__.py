"""Telegram question-answering bot on the 2021 UNODC / Bali Process RSO corruption report."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("corruption-qa-bot")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
