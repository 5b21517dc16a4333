"""Workshops and quiz rounds in the SQLite store: state the bot reads back, so written at once
(not batched like the usage records), each in one transaction."""

from __future__ import annotations

import json

from bot.store.sqlite import SqliteStore, parse_time, stored_time
from bot.store.workshop_records import QuizAnswer, QuizRound, RoundState, Workshop


class SqliteWorkshops:
    def __init__(self, store: SqliteStore) -> None:
        self.store = store

    # --- workshops -----------------------------------------------------------------------

    def save_workshop(self, workshop: Workshop) -> None:
        ended = stored_time(workshop.ended_at) if workshop.ended_at else None
        with self.store.writing() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO workshops (id, chat, title, started_at, ended_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    workshop.id,
                    workshop.chat,
                    workshop.title,
                    stored_time(workshop.started_at),
                    ended,
                ),
            )

    def open_workshop(self, chat: str) -> Workshop | None:
        with self.store.reading() as connection:
            row = connection.execute(
                "SELECT id, chat, title, started_at, ended_at FROM workshops"
                " WHERE chat = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1",
                (chat,),
            ).fetchone()
        return _workshop(*row) if row else None

    def workshop(self, workshop_id: str) -> Workshop | None:
        with self.store.reading() as connection:
            row = connection.execute(
                "SELECT id, chat, title, started_at, ended_at FROM workshops WHERE id = ?",
                (workshop_id,),
            ).fetchone()
        return _workshop(*row) if row else None

    def workshops(self) -> list[Workshop]:
        with self.store.reading() as connection:
            rows = connection.execute(
                "SELECT id, chat, title, started_at, ended_at FROM workshops ORDER BY started_at"
            ).fetchall()
        return [_workshop(*row) for row in rows]

    # --- quiz rounds ---------------------------------------------------------------------

    def save_round(self, quiz: QuizRound) -> None:
        sent_at = stored_time(quiz.sent_at) if quiz.sent_at else None
        with self.store.writing() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO quiz_rounds (id, chat, starter, items, started_at, sent,"
                " sent_at, state, workshop) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    quiz.id,
                    quiz.chat,
                    quiz.starter,
                    json.dumps(list(quiz.items)),
                    stored_time(quiz.started_at),
                    quiz.sent,
                    sent_at,
                    quiz.state.value,
                    quiz.workshop,
                ),
            )

    def running_round(self, chat: str) -> QuizRound | None:
        with self.store.reading() as connection:
            row = connection.execute(
                f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE chat = ? AND state = ?"
                " ORDER BY started_at DESC LIMIT 1",
                (chat, RoundState.RUNNING.value),
            ).fetchone()
        return _round(*row) if row else None

    def quiz_round(self, round_id: str) -> QuizRound | None:
        with self.store.reading() as connection:
            row = connection.execute(
                f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE id = ?", (round_id,)
            ).fetchone()
        return _round(*row) if row else None

    def rounds_of(self, workshop_id: str) -> list[QuizRound]:
        with self.store.reading() as connection:
            rows = connection.execute(
                f"SELECT {_ROUND_COLUMNS} FROM quiz_rounds WHERE workshop = ? ORDER BY started_at",
                (workshop_id,),
            ).fetchall()
        return [_round(*row) for row in rows]

    def add_poll(self, poll_id: str, round_id: str, number: int) -> None:
        with self.store.writing() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO quiz_polls (poll_id, round_id, number) VALUES (?, ?, ?)",
                (poll_id, round_id, number),
            )

    def poll(self, poll_id: str) -> tuple[str, int] | None:
        """The round and question number a poll asks."""
        with self.store.reading() as connection:
            row = connection.execute(
                "SELECT round_id, number FROM quiz_polls WHERE poll_id = ?", (poll_id,)
            ).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    def add_answer(self, answer: QuizAnswer) -> bool:
        """False when that person had answered that question already: the first answer counts."""
        with self.store.writing() as connection:
            added = connection.execute(
                "INSERT OR IGNORE INTO quiz_answers (round_id, number, person, correct, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    answer.round_id,
                    answer.number,
                    answer.person,
                    int(answer.correct),
                    stored_time(answer.at),
                ),
            ).rowcount
        return bool(added)

    def answers(self, round_id: str) -> list[QuizAnswer]:
        with self.store.reading() as connection:
            rows = connection.execute(
                "SELECT round_id, number, person, correct, at FROM quiz_answers"
                " WHERE round_id = ? ORDER BY at, number",
                (round_id,),
            ).fetchall()
        return [QuizAnswer(r, n, p, bool(c), parse_time(a)) for r, n, p, c, a in rows]


_ROUND_COLUMNS = "id, chat, starter, items, started_at, sent, sent_at, state, workshop"


def _workshop(workshop_id: str, chat: str, title: str, started: str, ended: str | None) -> Workshop:
    return Workshop(
        workshop_id, chat, title, parse_time(started), parse_time(ended) if ended else None
    )


def _round(
    round_id: str,
    chat: str,
    starter: str,
    items: str,
    started: str,
    sent: int,
    sent_at: str | None,
    state: str,
    workshop: str | None,
) -> QuizRound:
    return QuizRound(
        round_id,
        chat,
        starter,
        tuple(json.loads(items)),
        parse_time(started),
        sent,
        parse_time(sent_at) if sent_at else None,
        RoundState(state),
        workshop,
    )
