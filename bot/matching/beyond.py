"""Questions of a kind the knowledge base never answers, however many words they share with an
entry: a job or an internship at one of its organisations ("any jobs at the Bali Process
office?" shares the words of the entry on that office, which says what it is, not who it hires),
their budgets and salaries, and a ranking of countries ("which ASEAN country is the most
corrupt?" shares those of the entry on the countries the report covers, which ranks none). Such
a match may be offered as "did you mean", never answered as if it told.
"""

from __future__ import annotations

import re

from bot.knowledge import normalize

# posts sought, not someone's ("what is Miller's job at UNODC?")
_POSTS = (
    r"(?:(?:any|a|an|some) (?:job|position|post|opening|career)|jobs|vacanc(?:y|ies)|careers|"
    r"internships?|interns|positions|openings|posts)"
)
_EMPLOYMENT = re.compile(
    # "jobs at the RSO", "an internship with UNODC", "careers in the Bali Process"
    rf"\b{_POSTS} (?:at|with|in|for) (?:the )?(?:unodc|un|united nations|bali process|rso|"
    r"roseap|regional support office|regional office|bali process office|unodc office)\b"
    # "how do I apply for a job there", "apply to work at UNODC"
    rf"|\bapply(?:ing)? (?:for|to) (?:an? |the )?(?:{_POSTS}|work|volunteer)\b"
    r"|\b(?:is|are) (?:unodc|the bali process|the rso|they|you) (?:hiring|recruiting staff)\b"
    # the asker's own work there, not whom a person works for ("does McAdam work for the RSO?")
    r"|\b(?:can|could|how (?:do|can|could)) (?:i|we) (?:get to )?work (?:at|for|with) (?:unodc|"
    r"the un|the united nations|the bali process|the rso)\b"
)
# "which country is the most corrupt", "the most corrupt countries in ASEAN", "rank the
# countries by corruption"
_RANKING = re.compile(
    r"\b(?:which|what) (?:\w+ )?(?:country|countries|nation|nations|state|states) (?:\w+ ){0,4}?"
    r"(?:is|are|has|have) (?:the )?(?:most|least|worst|best|highest|lowest|biggest)\b"
    r"|\b(?:the )?(?:most|least) corrupt (?:\w+ )?(?:country|countries|nation|nations|state|"
    r"states|government|governments)\b"
    r"|\brank(?:ed|ing|ings|s)? (?:of )?(?:the )?(?:\w+ )?(?:countries|nations|states)\b"
)


_BODIES = r"(?:unodc|un|united nations|bali process|rso|roseap|regional support office)"
# the money of one of them, which no entry tells: "unodc budget 2024", "the salary of a unodc
# programme officer" (not who funded the report, nor wages held back from a worker)
_MONEY = r"(?:budgets?|salary|salaries|pay scales?|staff pay)"
_THEIR_MONEY = re.compile(
    rf"\b{_BODIES}(?: s)? (?:\w+ ){{0,2}}?{_MONEY}\b"
    rf"|\b{_MONEY} (?:of|at|for|in) (?:the |a |an )?(?:\w+ )?{_BODIES}\b"
)


# who paid for the report, which its entry tells: "who funded the report, was it the UNODC budget?"
_FUNDING = re.compile(r"\b(?:fund\w*|financ\w*|paid for|paying for|sponsor\w*)\b")


def asks_beyond_the_knowledge(text: str) -> bool:
    words = normalize(text)
    money = _THEIR_MONEY.search(words) and not _FUNDING.search(words)
    return bool(_EMPLOYMENT.search(words) or _RANKING.search(words) or money)
