"""Small talk and questions about the bot itself: closed sets of phrasings, recognised before
matching so that "hi" gets a greeting and "are you an official UNODC bot?" gets the truth
about the bot rather than a fuzzy guess among the report's entries.

`DANGER_PATTERN` is the first-person rule the bot used before it learnt from examples: kept as
the fallback for a knowledge base without `safety.yaml`, and as a cue for the detector.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.knowledge import normalize


class SmallTalk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    CAPABILITIES = "capabilities"
    ABOUT_BOT = "about_bot"  # official? who made it? how current? (the /about answer)
    PRIVACY = "privacy"  # what does it keep? (the /privacy answer)
    LANGUAGES = "languages"  # which languages does it read?
    HUMAN = "human"  # is a person reading this?


_GREETING = re.compile(
    r"^(?:hi|hii+|hello|hey|heya|hiya|yo|greetings|good (?:morning|afternoon|evening|day)|"
    r"salam|hallo|howdy)(?: there| bot| everyone| all)?$"
)
_THANKED = (
    r"(?:thanks?(?: you)?(?: (?:so|very) much)?|thx|ty|cheers|"
    r"(?:that s |that was )?(?:great|helpful|very helpful|perfect|awesome|nice)(?: thanks?)?)"
    r"(?: a lot| bot)?"
)
# "thanks, that's all", "ok got it", "cool bye": the person is done, not asking again
_DONE = (
    r"(?:that(?: s| is| will be) (?:all|it|enough|everything)|nothing (?:else|more)|"
    r"no more(?: questions)?|all good|bye|goodbye|see you)"
)
_THANKS = re.compile(
    rf"^(?:(?:ok(?:ay)?|cool|alright|got it|great|understood|noted) )*(?:{_THANKED}|"
    rf"ok(?:ay)?|cool|alright|got it|understood|noted)(?: {_DONE})?(?: {_THANKED})?$|"
    rf"^(?:(?:ok(?:ay)?|cool|alright|got it) )?{_DONE}(?: {_THANKED})?$"
)
_CAPABILITIES = re.compile(
    r"^(?:what can you do|what do you do|what do you know(?: about)?|who are you|what are you|"
    r"how do(?:es)? (?:this|it|you) work|what can i ask(?: you)?(?: about)?|help|menu|"
    r"what can you (?:answer|tell me(?: about)?|help (?:me )?with|cover)|"
    r"what (?:do|can) you (?:cover|answer)|"
    r"what (?:kind of |kinds of |sort of |type of |types of )?(?:questions|things|topics|stuff) "
    r"(?:can i ask(?: you)?(?: about)?|can you answer|do you answer|do you cover|can you cover|"
    r"do you know about)|how can you help(?: me)?|"
    # a command's name without its slash: the help says how to use it
    r"quiz|glossary|commands?|command list|list of commands|scores|"
    r"(?:how (?:do i|to) )?(?:get )?start(?:ed)?|how (?:do i|to) use (?:this|it|you|the bot))$"
)
# a workshop asking the bot for a quiz: "can you make a quiz for them?" (the help lists /quiz)
_FEATURES = re.compile(
    r"\b(?:(?:can|could|will|would) (?:you|u)|do (?:you|u)|does (?:this|the) bot) (?:\w+ )?"
    r"(?:make|create|give|run|do|start|set up|prepare|generate|write|have|offer)"
    r"(?: (?:me|us|them|my \w+|our \w+|the \w+))? (?:a |an |some )?(?:\w+ )?quiz\w*\b"
)
# First person, then something being done to them or a wish to report: a person, not a topic.
DANGER_PATTERN = re.compile(
    r"\b(?:i|i m|im|me|my|we|we re|our|us)\b.{0,40}?\b(?:"
    r"forced|being forced|made to work|trapped|locked|held|holds|holding|kept|keeps|keeping|"
    r"beaten|beat|hit|hurt|threaten\w*|"
    r"kidnap\w*|abduct\w*|sold|trafficked|can t leave|cannot leave|not allowed to leave|"
    r"won t let|took|taken|confiscat\w*|stole|stolen|in danger|unsafe|scared|afraid|escape|"
    r"not paid|unpaid|debt|emergency|"
    r"report(?:ing)? (?:a |an |this |that |my |the )?(?:corrupt\w* |suspected )?(?:crime|case|"
    r"trafficker|smuggler|official|officer|police\w*|border guard|bribe\w*|corruption|abuse|"
    r"trafficking|smuggling))\b"
)
DANGER_ALONE = re.compile(r"^(?:help me|please help(?: me)?|sos|emergency|i need help)$")


_YOU = r"(?:you|u|this bot|the bot|this chatbot|this service|this app)"
_ABOUT_BOT = re.compile(
    rf"\b(?:(?:are|r) {_YOU} (?:an? )?(?:official|real|legit\w*|endorsed|approved|run by|"
    rf"from|part of|affiliated)|who (?:made|built|created|runs|maintains|owns|programmed|"
    rf"developed|operates) {_YOU}|who is behind {_YOU}|is {_YOU} (?:official|run by|from)|"
    rf"(?:is|are) (?:this|the|your) (?:info\w*|answers?|data|knowledge|facts?) "
    rf"(?:up to date|current|recent|reliable|accurate|official|correct)|how (?:up to date|"
    rf"current|recent|old|reliable|accurate) (?:is|are) (?:this|the|your) (?:info\w*|"
    rf"answers?|data|knowledge|facts?|bot)|when (?:was|were) {_YOU} (?:last )?updated|"
    rf"where does {_YOU} get (?:its|your) (?:info\w*|answers|facts)|"
    # its sources: "how do you know this stuff, what's your source?"
    rf"(?:what|where) (?:is|are|s) (?:your|ur) (?:sources?|info\w*|data)(?: from)?$|"
    rf"where do (?:you|u) get (?:your|ur|this|that|the) (?:info\w*|answers|facts|data|stuff)|"
    rf"(?:is|are) (?:this|that|it|your answers?|your info\w*) (?:legal advice|official advice)|"
    rf"can i (?:trust|rely on|cite) {_YOU}|"
    # its name: "what's your name?" asks what the bot is, not the report's title
    rf"(?:what is|what s|whats|wats) (?:your|ur) name|(?:do|does) {_YOU} have a name|"
    rf"what (?:are|r) (?:you|u) called|what (?:should|do|can) (?:i|we) call (?:you|u)|"
    rf"^(?:and )?who (?:are|r) (?:you|u)(?: exactly| really)?$)\b"
)
_PRIVACY = re.compile(
    rf"\b(?:do|does|will|can) {_YOU} (?:store|keep|save|record|log|track|remember|share|sell|"
    rf"read) (?:my|our|what i|the) (?:messages?|data|questions?|chats?|conversation|info\w*|"
    rf"name|details)|is (?:this|my) (?:chat|conversation) (?:private|recorded|anonymous|"
    rf"confidential)|privacy policy\b"
)
_LANGUAGES = re.compile(
    rf"\b(?:can i (?:ask|write|talk|type) (?:you )?in|do {_YOU} (?:speak|understand|read|"
    rf"know)|which languages?|what languages?) (?:\w+ ){{0,2}}?(?:languages?|bahasa|"
    rf"indonesian|malay|thai|vietnamese|tagalog|filipino|khmer|burmese|chinese|english|"
    rf"other|do you)\b|\bspeak (?:bahasa|indonesian|malay|thai|vietnamese|tagalog)\b"
)
_HUMAN = re.compile(
    rf"\b(?:are {_YOU} (?:a )?(?:human|real person|person|robot|bot|ai|chatgpt|machine)|"
    rf"is (?:this|there) (?:a )?(?:human|real person|person)|am i (?:talking|chatting) "
    rf"(?:to|with) (?:a )?(?:real )?(?:human|person|bot|robot|machine))\b"
)


_OPENING = re.compile(
    r"^\s*(?:hi|hello|hey|dear bot|good (?:morning|afternoon|evening))\b[\s,.!:;-]*|"
    # "ok thanks. and who paid for it?": the thanks closes the last answer, a question follows
    r"^\s*(?:(?:ok(?:ay)?|cool|great|nice|alright|got it|i see|thanks?(?: you)?|thx|ty|"
    r"cheers)\b[\s,]*)+[.!,:;-]+\s*",
    re.IGNORECASE,
)


def without_greeting(text: str) -> str:
    """ "Hello, who wrote the report?" and "ok thanks. who paid for it?" are questions: drop
    the greeting or thanks before matching them."""
    rest = _OPENING.sub("", text, count=1)
    return rest if rest.strip() else text


def small_talk(text: str) -> SmallTalk | None:
    """The kind of a message that should not be matched against the report, or None."""
    words = normalize(text)
    if not words:
        return None
    for kind, pattern, whole in (
        (SmallTalk.GREETING, _GREETING, True),
        (SmallTalk.THANKS, _THANKS, True),
        (SmallTalk.CAPABILITIES, _CAPABILITIES, True),
        (SmallTalk.CAPABILITIES, _FEATURES, False),
        (SmallTalk.HUMAN, _HUMAN, False),
        (SmallTalk.PRIVACY, _PRIVACY, False),
        (SmallTalk.LANGUAGES, _LANGUAGES, False),
        (SmallTalk.ABOUT_BOT, _ABOUT_BOT, False),
    ):
        if (pattern.match if whole else pattern.search)(words):
            return kind
    return None


def danger_by_pattern(text: str) -> bool:
    words = normalize(text)
    return bool(DANGER_ALONE.match(words) or DANGER_PATTERN.search(words))
