"""The question inside a long message: "I'm a student in Jakarta writing about... Could you tell
me who paid for the research? Thanks in advance." is matched as its question, so the context
words do not drown the telling ones."""

from __future__ import annotations

import re

LONG_MESSAGE_WORDS = 25  # shorter messages are matched whole
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ASKING = re.compile(
    r"^(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did|can|could|"
    r"should|would|will|has|have)\b",
    re.IGNORECASE,
)
_ASKING_WORD = (
    r"(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did|can|could)\b"
)
# a request said as a need: "As a translator, I need the precise definition of smuggling."
_REQUEST = (
    r"i (?:really |just )?(?:need|want|would like|d like|am looking for|m looking for|am after)\b"
)
_CLAUSE = re.compile(rf"(?<=,\s)(?:{_ASKING_WORD}|{_REQUEST})", re.IGNORECASE)
# the last clause of a plea may ask after "and": "i want to report a trafficker, and who funded
# the report?"
_LAST_CLAUSE = re.compile(rf"(?<=,\s)(?:(?:and|but|also|so) )?{_ASKING_WORD}", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^(?:(?:so|but|and|ok|okay|anyway|basically|now)[,\s]+)?(?:my (?:question|query) (?:is|"
    r"would be)|the question is|i (?:want|would like|d like|need) to (?:know|understand|ask)|"
    r"i m wondering|i am wondering|i wonder|i was wondering|please (?:tell|explain)|"
    rf"(?:can|could) you (?:tell|explain)|tell me|explain|{_REQUEST})\b",
    re.IGNORECASE,
)


_PREAMBLE = re.compile(
    r"^\s*(?:quick (?:question|q)|(?:a |one )?question|just wondering|just curious|honestly|"
    r"for (?:my|a|our) (?:class|classes|thesis|students|essay|paper|report|research|work|"
    r"article|course|presentation|lecture|training|workshop)|in (?:simple|plain|short|easy) "
    r"(?:words|terms|english)|simply put|in short|briefly|explain (?:like|as if) "
    r"(?:i[\u2019']?m|i m|i am) (?:\d+|five|ten|a child|a kid|new to this)|eli\d+|"
    r"as a (?:student|journalist|teacher|trainer|lawyer|researcher)|"
    # who is asking: "trainer here - ...", "journalist here, ..."
    r"(?:(?:i[\u2019']?m|i am) )?(?:an? )?(?:student|journalist|teacher|trainer|lawyer|researcher|"
    r"lecturer|official|officer|reporter) here|"
    # new to it: "im new to this field, what's the bali process?"
    r"(?:i[\u2019']?m|i am|im) (?:quite |completely |totally )?(?:new|a beginner|a newbie) "
    r"(?:to|in|at) (?:this|the|all this)(?: (?:field|topic|subject|area|work|job|stuff))?|"
    # who is asking, said first in a clause of its own: "hi! I'm a masters student in Jakarta
    # writing my thesis, could you ..."
    r"(?:(?:hi|hello|hey|dear \w+)[!,.]*\s+)?(?:i[\u2019']?m|i am|im) (?:an? )?(?:[\w'\u2019-]+ )"
    r"{0,4}?(?:student|journalist|teacher|trainer|lawyer|researcher|lecturer|official|officer|"
    r"reporter|volunteer|paralegal|inspector|prosecutor|caseworker|social worker)(?: [\w'\u2019-]+)"
    r"{0,10}?(?=\s*,\s*(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|"
    r"do|did|can|could|please|tell|explain)\b)|"
    # whom or what for, said first: "for a workshop with police cadets next week, how ..."
    r"for (?:my|a|an|our|new|some|next) (?:[\w'\u2019-]+ ){0,5}?[\w'\u2019-]+(?=\s*,\s*"
    r"(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did|can|could|"
    r"please|tell|explain)\b))\s*(?:[:,\-\u2013\u2014]\s*|\s(?=(?:who|whom|whose|"
    r"what|when|where|which|why|how|is|are|was|were|does|do|did|can|could)\b))",
    re.IGNORECASE,
)


def after_preamble(text: str) -> str | None:
    """The question after a short lead-in that says how or why it is asked ("quick question:
    who wrote the report?", "explain like I'm 10: what is migrant smuggling?", "for my class,
    what is the Bali Process?"); None without one."""
    found = _PREAMBLE.match(text)
    rest = text[found.end() :].strip() if found else ""
    return rest or None


def asking_sentences(text: str) -> list[str]:
    """The sentences that ask something, each alone, of a message of more than one sentence,
    and the question after a comma in any sentence ("the agent locked my room, what is
    trafficking?")."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    found = [s for s in sentences if _asks(s)] if len(sentences) > 1 else []
    # the last clause: "my agent, who is from Medan, took my passport, what is trafficking?"
    clauses = [s[last.start() :] for s in sentences if (last := _last_clause(s)) is not None]
    return found + clauses


def _last_clause(sentence: str) -> re.Match[str] | None:
    return next(reversed(list(_LAST_CLAUSE.finditer(sentence))), None)


def _asks(sentence: str) -> bool:
    return sentence.endswith("?") or bool(_ASKING.match(sentence) or _LEAD_IN.match(sentence))


# a pronoun standing for what an earlier sentence named, in a question of so few words that it
# names nothing else
REFERRING_WORDS = 5
_REFERS_BACK = re.compile(r"\b(?:it|its|they|them|their|these|those|he|him|his|she|her)\b", re.I)


def _only_refers_back(sentence: str) -> bool:
    """A question so short that a pronoun in it stands for what it asks about: "How is it
    defined?", "Who is he?", "Did Thailand sign it?" (which names Thailand, and not what was
    signed)."""
    return len(sentence.split()) <= REFERRING_WORDS and bool(_REFERS_BACK.search(sentence))


def questions_in(text: str) -> list[str]:
    """The sentences of a long message that ask something, each alone and with the sentence
    before it (which often names what "it" is); nothing for a short message."""
    if len(text.split()) <= LONG_MESSAGE_WORDS:
        return []
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    found: list[str] = []
    for position, sentence in enumerate(sentences):
        if _asks(sentence):
            # "How is it defined?" alone is about whatever the matcher finds nearest: only the
            # sentence before it says what "it" is
            if position == 0 or not _only_refers_back(sentence):
                found.append(sentence)
            if position > 0:
                before = sentences[position - 1]
                found.append(f"{before} {sentence}")
                # what "it" is, said after a lead-in: "As a translator, I need the definition of
                # smuggling. Could you give it to me?"
                if (clause := _CLAUSE.search(before)) is not None:
                    found.append(f"{before[clause.start() :]} {sentence}")
            # "In simple terms, what is the report about?": the question after its lead-in
            # (not "Okay, how is it funded?", whose "it" only the sentence before names)
            if (clause := _CLAUSE.search(sentence)) is not None and not (
                position > 0 and _only_refers_back(sentence[clause.start() :])
            ):
                found.append(sentence[clause.start() :])
    return found


# the report named as where the answer is, which every entry is about: "what is corruption
# according to the report?", "according to the study, who are the corrupt actors?"
_THE_REPORT = (
    r"(?:the|this|that|your|the unodc(?:'s|\u2019s)?|unodc(?:'s|\u2019s)?) "
    r"(?:report|study|research|paper|publication)"
)
# "what counts as corruption for the purposes of this study?": no purpose asked about
_PURPOSES_OF = r"for (?:the )?purposes? of"
_REPORT_FRAME = re.compile(
    # first, with a comma after "in": "In this report, what is meant by corruption?"
    rf"^\s*(?:(?:according to|{_PURPOSES_OF}) {_THE_REPORT}\s*[,:]?|(?:in|within) {_THE_REPORT}"
    r"\s*[,:])\s*"
    rf"|[\s,]*\b(?:according to|in|by|from|within|{_PURPOSES_OF}) {_THE_REPORT}\s*(?=[?.!]*\s*$)",
    re.IGNORECASE,
)
_FRAME_LEFT_WORDS = 3  # "what is corruption": the question still names its subject


def without_the_report(text: str) -> str | None:
    """The question without naming the report as where its answer is, which every entry is
    about and one entry's question happens to say ("why is this corruption often systemic,
    according to the report?"); None when it names none, or too little would be left."""
    rest = re.sub(r"\s+(?=[?.!])", "", _REPORT_FRAME.sub(" ", text)).strip()
    if rest == text.strip() or len(rest.split()) < _FRAME_LEFT_WORDS:
        return None
    return rest


# how or what for a question is asked, said after it: "... in simple terms?", "... tl;dr", "...
# for my course slides"
_MANNER_AFTER = re.compile(
    r"[\s,;:\-\u2013\u2014]*\b(?:in (?:simple|plain|short|easy|basic|layman(?:'s|\u2019s|s)?) "
    r"(?:words|terms)|simply|briefly|in short|in brief|in a nutshell|in (?:one|a) "
    r"(?:sentence|few words)|tl;?dr|eli5|for (?:my|a|our) (?:class|course|thesis|students|essay|"
    r"paper|research|article|presentation|lecture|training|workshop|lesson|seminar)"
    r"(?: (?:slides|notes|materials?|handout|students|participants))?|"
    # what the answer is wanted for, after a comma: "..., so I can attribute it properly?" (not
    # "what documents do I need so I can work legally")
    r"(?:(?<=, )|(?<=,))so(?: that)? (?:i|we) (?:can|could|may|might|will|don[\u2019']?t|do not|"
    r"won[\u2019']?t) [^?.!]*)"
    r"[\s?.!]*$",
    re.IGNORECASE,
)


def without_the_manner(text: str) -> str | None:
    """The question without what it says after it about how, or what for, it is asked ("can you
    explain UNCAC in simple terms?", "what is this report about? tl;dr"), which is no subject
    and may be some entry's words ("short" is the summary's); None when it says nothing of the
    kind, or too little would be left."""
    found = _MANNER_AFTER.search(text)
    if found is None or found.start() == 0:
        return None
    rest = text[: found.start()].rstrip()
    if len(rest.split()) < _FRAME_LEFT_WORDS:
        return None
    return rest if rest.endswith("?") else f"{rest}?"


# a request to be told what is asked, before it: "can you tell me which organisations put it
# out", "Before I quote it, could you please let me know who published the report?"
_TELL_ME = re.compile(
    r"(?:^|[,:;]\s*)(?:(?:so|ok|okay|and|but|please)\s+)?(?:(?:can|could|would|will)\s+(?:you|u)"
    r"\s+(?:please\s+)?)?(?:tell|show|explain(?:\s+to)?|let)\s+(?:me|us)(?:\s+know)?\s+"
    r"(?=(?:who|whom|whose|what|when|where|which|why|how|whether|if)\b)",
    re.IGNORECASE,
)


def without_the_request(text: str) -> str | None:
    """The question asked, without the request to be told it ("can you tell me who published
    the report?" asks who published it) and what came before that request; None without one."""
    last = next(reversed(list(_TELL_ME.finditer(text))), None)
    rest = text[last.end() :].strip() if last is not None else ""
    if len(rest.split()) < _FRAME_LEFT_WORDS:  # "tell me who": too little to match alone
        return None
    return without_the_manner(rest) or rest
