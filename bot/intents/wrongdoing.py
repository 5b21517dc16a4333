"""Requests for help with a crime: "how do I bribe a customs officer?", "where can I buy a fake
passport?". They share every telling word with entries on how corruption works, so the matcher
would answer them with one, which reads as instructions; they are declined instead.

Only the asker's own intent counts ("how do I", "where can we", "best way to"): "how do
smugglers bribe border guards?" asks about the report and is answered.
"""

from __future__ import annotations

import re

from bot.knowledge import normalize

_ASKER = r"(?:i|we)"
_HOW = (
    rf"(?:(?:how|where|who|what) (?:do|can|could|should|would|shall|much should|much do|"
    rf"much would|much must) {_ASKER}(?: (?:need|have|ought) to)?|"
    rf"how to|where to|best way to|easiest way to|tips? (?:for|on)|help me|teach me|"
    rf"{_ASKER} (?:want|need|plan|would like|d like) to|how much (?:does|would) it cost to|"
    rf"is it (?:safer|better|easier|cheaper|best|smarter) to)"
)
_OFFICIAL = (
    r"(?:officers?|officials?|police\w*|guards?|inspectors?|judges?|prosecutors?|customs|"
    r"immigration|cops?|clerks?)"
)
_DOCUMENT = r"(?:passports?|visas?|ids?|id cards?|documents?|papers|identity|work permits?)"
_CRIME = (
    rf"(?:bribe\w*|(?:pay|buy) off (?:(?:an?|the|some) )?(?:\w+ )?{_OFFICIAL}|"
    rf"pay(?:ing)? (?:(?:an?|the|some) )?(?:\w+ )?{_OFFICIAL}(?: \w+)? (?:to|so)|"
    rf"(?:pay|give|tip) (?:(?:an?|the|some) )?(?:\w+ )?{_OFFICIAL}(?: (?:at|in|on) \w+(?: \w+)?)?$|"
    rf"(?:get|obtain|buy) (?:an? |the )?(?:\w+ )?{_DOCUMENT} (?:under|in) (?:an? )?(?:false|fake|"
    rf"different|another|someone else s) name|"
    rf"smuggle (?:people|someone|migrants|workers|girls|women|children|kids|my|him|her|them)|"
    rf"traffic (?:people|someone|girls|women|children|kids|workers)|"
    rf"(?:buy|get|make|forge|obtain|order) (?:(?:an?|some|the) )?(?:fake|forged|false|"
    rf"fraudulent|counterfeit) {_DOCUMENT}|become an? (?:people )?(?:smuggler|trafficker)|"
    rf"launder|hide (?:the |my |our )?(?:money|bribes?|cash)|"
    rf"(?:not|never|avoid) (?:get|getting|be|being) caught)"
)
# at most one word between: "how can we quickly smuggle", not "how can i report a bribe"
_AGAINST = (
    r"report|stop|prevent|detect|avoid|fight|expose|spot|identify|recogni[sz]e|refuse|resist|"
    r"handle|deal|respond|check|verify|tell"
)
# a way out, or word out, unseen: a plea, not a crime
_GETTING_AWAY = r"escape|leave|flee|run|get out|go home|call|contact|message|text|tell|ask"
_WRONGDOING = re.compile(
    rf"\b{_HOW}(?: (?!(?:{_AGAINST})\b)\w+)? {_CRIME}\b"
    # whatever the means: "how can i recruit girls for work abroad without getting caught"
    # (not "how do i report a bribe without being noticed", "how can i escape without...")
    rf"|\b{_HOW}\b(?!.*\b(?:{_AGAINST}|{_GETTING_AWAY})\b).*\b(?:without (?:getting |being )?"
    r"(?:caught|detected|noticed)|undetected)\b"
)


def asks_for_wrongdoing(text: str) -> bool:
    return bool(_WRONGDOING.search(normalize(text)))
