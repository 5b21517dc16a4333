"""The bot's fixed texts, in the knowledge base's markup (rendered like answers)."""

from __future__ import annotations

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
    "Ask a question in your own words, or try one of these:"
)

COMMANDS = (
    "- /topics: browse the questions I can answer\n"
    "- /ask <question>: ask in a group\n"
    "- /help: how to ask\n"
    "- /about: where my knowledge comes from\n"
    "- /privacy: what I keep"
)

HELP = (
    "**How to ask**\n\n"
    "Type a question in English, in your own words, for example _who funded the report_ or "
    "_what is the difference between smuggling and trafficking_. If I am not sure what you "
    "mean, I offer the closest questions to choose from; if I don't know, I say so.\n\n"
    "**Commands**\n\n"
    f"{COMMANDS}\n\n"
    "**In groups** I answer /ask, messages that mention me, and replies to my messages; "
    "I never read along otherwise.\n\n"
    "**Anywhere** type my username and a question to share an answer in any chat "
    "(inline mode)."
)

PRIVACY = (
    "**What I keep**\n\n"
    "I do not store your messages, your name or your user id. When you press 👍 or 👎, I "
    "record which answer was rated; when you press _None of these_ or I cannot answer, I "
    "record the question text, without who asked it, so the maintainers can close the gap. "
    "These records go to the operator's logs and are kept as long as the operator keeps "
    "those logs.\n\n"
    "Telegram itself keeps the chat, as with any conversation."
)

GREETING = "Hello! Ask me anything about the report, or browse the /topics."
THANKS = "You're welcome! Ask another question any time."
DANGER = (
    "I'm a question-answering bot, **not a reporting channel**, and I can't help in an "
    "emergency. If you or someone else is in danger, or you want to report a crime, please "
    "contact your local emergency services or the authorities where you are."
)
NOT_ENGLISH = (
    "Sorry, I can only read questions in English for now. "
    "Please ask again in English, or browse the topics."
)
_SCOPE = (
    "I answer questions about the 2021 UNODC and Bali Process report on corruption as a "
    "facilitator of migrant smuggling and human trafficking, and the law and organisations "
    "around it. You could browse the topics or try:"
)
OUT_OF_SCOPE = f"I don't have an answer to that. {_SCOPE}"
# English words outside the knowledge base and words of another language look alike here
UNKNOWN_WORDS = f"I don't recognise those words, and I can only read English for now. {_SCOPE}"
EMPTY = "Please type a question, for example:"
DID_YOU_MEAN = "I'm not sure which of these you mean. Did you mean:"
NONE_OF_THESE = (
    "Thanks, I've noted the question so the maintainers can add an answer. "
    "Meanwhile, you could browse the /topics."
)
UNKNOWN_ENTRY = "Sorry, I don't know that link (it may be out of date). Here is where to start:"
NON_TEXT = "I can only read text questions. Please type your question."
TOPICS = "**Topics**\n\nPick a topic to see its questions."
SOURCES = "**Sources**"
RATED = "Thanks for the feedback!"
EXPIRED = "This button has expired. Please ask again."
