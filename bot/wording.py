"""Every fixed thing the bot says, in the knowledge base's markup (rendered like answers).

One module, so wording is reviewed and translated in one place, and one command table, so the
Telegram commands menu, `/help` and the terminal chat never disagree about what exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FrontEnd(StrEnum):
    """Where a conversation takes place; the wording says only what works there."""

    TELEGRAM = "telegram"
    TERMINAL = "terminal"


@dataclass(frozen=True, slots=True)
class ChatCommand:
    name: str
    menu: str  # the short description in Telegram's commands menu
    usage: str  # the line in /help and the welcome
    terminal: bool = True  # also works in the terminal chat


COMMANDS = (
    ChatCommand("start", "Welcome and example questions", "/start: the welcome again"),
    ChatCommand("topics", "Browse the questions I can answer", "/topics: browse the questions"),
    ChatCommand("ask", "Ask a question (also in groups)", "/ask <question>: ask in a group", False),
    ChatCommand("glossary", "Terms and abbreviations", "/glossary [term]: terms and abbreviations"),
    ChatCommand("help", "How to ask", "/help: how to ask"),
    ChatCommand("about", "Where my knowledge comes from", "/about: where my knowledge comes from"),
    ChatCommand("privacy", "What I keep", "/privacy: what I keep"),
    ChatCommand("language", "The language of my words", "/language: the language of my words"),
    ChatCommand("quiz", "A quiz round on the report", "/quiz [topic] [number]: a quiz round"),
    ChatCommand("next", "The next quiz question", "/next: the next quiz question", False),
    ChatCommand("scores", "Quiz standings", "/scores: the quiz standings", False),
    ChatCommand(
        "workshop", "Workshop session (group admins)", "/workshop start|end: a session", False
    ),
)


def commands_for(front_end: FrontEnd) -> tuple[ChatCommand, ...]:
    return tuple(c for c in COMMANDS if c.terminal or front_end is FrontEnd.TELEGRAM)


DISCLAIMER = (
    "_An unofficial companion to the report: not a UNODC or Bali Process service, "
    "and not legal advice._"
)

WELCOME = (
    "Hello! I answer questions about the 2021 research report **Corruption as a Facilitator of "
    "Smuggling of Migrants and Trafficking in Persons in the Bali Process Region**, released "
    "by UNODC and the Regional Support Office of the Bali Process: its findings, the "
    "international law around it (UNCAC, UNTOC and its Protocols, ACTIP), and the "
    "organisations and people involved.\n\n"
    f"{DISCLAIMER}\n\n"
    "{commands}\n\n"
    "Ask a question in your own words, or try one of these:"
)

HELP = (
    "**How to ask**\n\n"
    "Type a question in your own words, for example _who funded the report_ or _what is the "
    "difference between smuggling and trafficking_: in English, or in Indonesian, Malay, Thai, "
    "Vietnamese, Filipino, Khmer or Burmese (the answers are in English). If I am not sure what "
    "you mean, I offer the closest questions to choose from; if I don't know, I say so.\n\n"
    "**Commands**\n\n"
    "{commands}"
)
HELP_TELEGRAM_ONLY = (
    "**In groups** I answer /ask, messages that mention me, and replies to my messages; "
    "I never read along otherwise.\n\n"
    "**Anywhere** type my username and a question to share an answer in any chat "
    "(inline mode)."
)
HELP_TERMINAL_ONLY = "Type a number to press the button it stands for, and /quit to leave."

ABOUT = (
    "**About this bot**\n\n"
    "It answers from a curated knowledge base built from the UNODC press release of "
    "29 March 2021 and public research notes about the report and its legal background; "
    "every answer lists its sources.\n\n"
    f"{DISCLAIMER}\n\n"
    "Version {version}; knowledge base of {entries} answers{dated}, loaded {loaded:%d %B %Y "
    "at %H:%M} UTC."
)
ABOUT_DATED = ", facts dated up to {as_of:%d %B %Y}"

PRIVACY = (
    "**What I keep**\n\n"
    "Never who you are: no name, username, user id or chat id is stored anywhere.\n\n"
    "So that the maintainers can see what people ask and what I could not answer, I keep, for "
    "each question: its text (e-mail addresses, @usernames, links and long numbers masked), "
    "when it was asked, whether in a private chat, a group or inline, and which answer or "
    'choices it got; and which answers were rated 👍 or 👎 and which "did you mean" choice '
    "was taken. A message from someone who may be in danger is counted, never kept; so is "
    "every message in a language other than English, because in those I cannot tell as surely "
    "whether its writer is in danger.\n\n"
    "For quiz rounds and workshop sessions I keep who answered what and which group a round "
    "runs in only as codes that cannot be turned back into anyone's id; the names on a "
    "leaderboard stay in memory. The language a chat chose with /language is kept the same way, "
    "under such a code.\n\n"
    "A message waits in my inbox only until it is answered (usually under a second), so that "
    "none is lost if I restart; then it is erased.\n\n"
    "These records are deleted after {retention} days. What a chat is about for follow-up "
    "questions is kept in memory only, for 15 minutes.\n\n"
    "Telegram itself keeps the chat, as with any conversation."
)

# --- quiz rounds and workshops -----------------------------------------------------------

QUIZ_STARTED = (
    "**Quiz**{topic}: {count} question(s). Answer each poll; the next one comes after "
    "{seconds} seconds, or when the person who started the round sends /next. /scores shows "
    "the standings, /quiz stop ends the round."
)
QUIZ_TOPIC = " on {title}"
QUIZ_RUNNING = "A quiz round is running here: /next for the next question, /quiz stop to end it."
QUIZ_NONE_RUNNING = "No quiz round is running here. Start one with /quiz [topic] [number]."
QUIZ_EMPTY = "There are no quiz questions on that topic yet."
QUIZ_ONLY_STARTER = "Only the person who started the round, or a chat admin, can do that."
QUIZ_USAGE = "Start a round with /quiz, /quiz <topic> or /quiz <topic> <number>; {problem}."
QUIZ_OVER = "**Quiz over!**"
QUIZ_STOPPED = "**Quiz stopped.**"
QUIZ_STANDINGS = "**Standings** after {sent} of {total} question(s):"
QUIZ_LEADERBOARD = "**Leaderboard**"
QUIZ_NO_ANSWERS = "Nobody answered."
# why a round ended before its last question
QUIZ_NOT_SENT = "I could not send the next question here, so the round ends."
QUIZ_INTERRUPTED = (
    "I restarted during this round, too long ago to go on with it, so it ends here; "
    "/quiz starts a new one."
)
QUIZ_PER_QUESTION = "**Question by question**"
QUIZ_READ_AGAIN = "read the answer"
QUIZ_PARTICIPANT = "Participant {number}"
QUIZ_TERMINAL_ANSWER = "Type the number of your answer."
QUIZ_TERMINAL_AGAIN = (
    "Type a number from 1 to {count} to answer, or /quiz stop to end the round and ask "
    "questions again."
)
QUIZ_RIGHT = "✅ Right! {explanation}"
QUIZ_WRONG = "❌ The answer is: {answer}. {explanation}"
QUIZ_TERMINAL_SCORE = "**Your score: {right} of {total}.**"

WORKSHOP_ADMINS_ONLY = "Only a chat admin can start or end a workshop."
WORKSHOP_GROUPS_ONLY = "Workshops are for groups: add me to the workshop's group first."
WORKSHOP_STARTED = (
    "**Workshop started**{title}. I'll count the questions asked here until /workshop end, "
    "without keeping who asked."
)
WORKSHOP_ALREADY = "A workshop is already running here: /workshop end closes it."
WORKSHOP_NONE = "No workshop is running here: /workshop start [title] begins one."
WORKSHOP_USAGE = "Use /workshop start [title] or /workshop end."

SLOW_DOWN = (
    "You're sending messages faster than I can answer them. Please wait a few seconds, then "
    "ask again, one question at a time."
)
GROUP_BUSY = (
    "This group is busy and your answer would wait here for over a minute: "
    "[open it in a private chat with me]({link})."
)

UNKNOWN_COMMAND = "I don't know that command. Type a question, or see /help."

# --- for the maintainers (admins) -------------------------------------------------------

ADMIN_COMMANDS = (
    ChatCommand("stats", "Usage in the last 30 days", "/stats: usage in the last 30 days", False),
    ChatCommand("unanswered", "What people asked and did not get", "/unanswered: the gaps", False),
    ChatCommand("reload", "Reload the knowledge base", "/reload: reload the knowledge base", False),
)
RELOADED = "Knowledge base reloaded: {entries} answers, built in {seconds:.1f} s."
RELOAD_REFUSED = (
    "**The knowledge-base edit was refused**; the last good version ({entries} answers) is "
    "still answering. Problems:"
)
RELOAD_WARNING = "Note: {warning}"
RELOAD_MORE_PROBLEMS = "…and {count} more: run python -m bot validate"
NOT_RECORDING = "Usage is not being recorded (the store could not be opened): see the logs."

GREETING = "Hello! Ask me anything about the report, or browse the /topics."
THANKS = "You're welcome! Ask another question any time."
DANGER = (
    "I'm a question-answering bot, **not a reporting channel**, and I can't help in an "
    "emergency. If you or someone else is in danger, or you want to report a crime, please "
    "contact your local emergency services or the authorities where you are."
)
DANGER_TITLE = "If you or someone else is in danger"
LEGAL_NOTE = (
    "_This explains the international treaties, not the law of your country, and it is not "
    "legal advice: for a real case, ask a lawyer, a legal-aid organisation or the "
    "authorities._"
)
LANGUAGES = (
    "I read questions in English, Indonesian, Malay, Thai, Vietnamese, Filipino, Khmer and "
    "Burmese, and I answer in English: the report, its sources and my answers are in English."
)
HUMAN = (
    "I'm an automated bot, not a person: nobody reads this chat to reply. I answer questions "
    "about the report from a fixed set of sourced answers."
)
MORE_ABOUT = "More on **{question}** — related questions, the sources and where to read more."
NOT_ENGLISH = (
    "Sorry, I can't read that language. Please ask in English (or in Indonesian, Malay, Thai, "
    "Vietnamese, Filipino, Khmer or Burmese), or browse the topics."
)
_COVERED = (
    "I answer questions about the 2021 UNODC and Bali Process report on corruption as a "
    "facilitator of migrant smuggling and human trafficking, and the law and organisations "
    "around it."
)
_SCOPE = f"{_COVERED} You could browse the topics or try:"
OUT_OF_SCOPE = f"I don't have an answer to that. {_SCOPE}"
NO_HELP_WITH_CRIME = f"I can't help with that: I give no help in committing a crime. {_COVERED}"
# English words outside the knowledge base and words of another language look alike here
UNKNOWN_WORDS = f"I don't recognise those words. {_SCOPE}"
EMPTY = "Please type a question, for example:"
DID_YOU_MEAN = "I'm not sure which of these you mean. Did you mean:"
NONE_OF_THESE = (
    "Thanks: I've told the maintainers that none of these fit, so that they can add an answer. "
    "Meanwhile, you could browse the /topics."
)
UNKNOWN_ENTRY = "Sorry, I don't know that link (it may be out of date). Here is where to start:"
NON_TEXT = "I can only read text questions. Please type your question."
TOPICS = "**Topics**\n\nPick a topic to see its questions."
GLOSSARY = "**Glossary**\n\n{terms}\n\nTap a term to read what it means here."
GLOSSARY_TERM = "**{term}**{meaning}{variants}"
GLOSSARY_ALSO = "also written: {variants}"
GLOSSARY_UNKNOWN = 'I don\'t have "{term}" in my glossary. These are the terms I know:'
SOURCES = "**Sources**"
SOURCES_DATED = "Facts as of {as_of:%d %B %Y}."
RATED = "Thanks for the feedback!"
EXPIRED = "This button has expired. Please ask again."
ASK_USAGE = "Type your question after /ask, for example: /ask who funded the report"
SORRY = "Sorry, something went wrong on my side. Please try again."

IN_ENGLISH = "The report and my answers are in English; here is the answer:"
LANGUAGE_MENU = (
    "**Language**\n\nChoose the language of my own words in this chat: the welcome, help, notes "
    "and buttons. The answers stay in English, like the report. Unless you choose, my words "
    "follow the language of each message."
)
LANGUAGE_CHOSEN = (
    "From now on my own words in this chat are in English. The answers are in English, like the "
    "report. /language changes this."
)
LANGUAGE_FOLLOW_BUTTON = "Follow each message"
LANGUAGE_FOLLOWS = "My own words in this chat follow the language of each message again."

# Button labels
SOURCES_BUTTON = "📚 Sources"
NONE_OF_THESE_BUTTON = "None of these"
BACK_TO_TOPICS_BUTTON = "⬅️ Back to topics"
HELPFUL_BUTTON = "👍"
UNHELPFUL_BUTTON = "👎"
RATED_MARK = "✅"  # before the feedback thanks, in its button
RELATED_PREFIX = "➡️ "

# --- printed handouts (bot.handouts) ----------------------------------------------------

HANDOUT_TITLE = (
    "Questions and answers: corruption as a facilitator of migrant smuggling and human trafficking"
)
HANDOUT_SCAN = (
    "Scan a code with a phone's camera, or open the link under a question, to read the full "
    "answer in Telegram from **@{username}** and ask your own questions."
)
HANDOUT_LINKS = "Ask **@{username}** in Telegram for the full answers, and your own questions."
HANDOUT_NO_QR = (
    "QR codes are left out of this Markdown version: print the HTML handout "
    "(`python -m bot handout --format html`) for them. Each question's link opens its full "
    "answer in Telegram."
)
HANDOUT_FULL_ANSWER = "Full answer:"
HANDOUT_IN_ENGLISH = (
    "The questions and answers below are in English, like the report; you can ask the bot in "
    "your own language."
)

# The terminal chat's own lines
TERMINAL_HINT = "(Type a question, a number to choose, /topics, /help or /quit.)"
TELEGRAM_ONLY = (
    "{command} works in Telegram only (in a group, for a quiz or a workshop). Here, type a "
    "question, a number to choose, /topics, /quiz, /help or /quit."
)
LINKS = "Links:"
