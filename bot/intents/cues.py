"""Cue families: kinds of phrase that say who is speaking and what is happening to whom.

They are features of the learned detectors (`bot.intents.detector`), never decisions on their
own: "they took my passport" and "what does the report say about passports being taken" share
the words, and only the weights learnt from examples tell the plea from the question.
Patterns run on normalised text (`bot.knowledge.normalize`: lower case, punctuation folded).
"""

from __future__ import annotations

import re

from bot.knowledge import normalize

# what may stand between "report" and whom: "report the corrupt official", "report a case";
# "official", "case", "company" and "factory" right after "report" are the noun's ("the report
# official", "report case studies")
_REPORTED_AS = (
    r"(?:a|an|the|this|that|these|my|our|his|her|some|corrupt|suspected|abusive|local|border|"
    r"immigration|labou?r|customs|police|official)"
)
# one more word before whom: "report a specific border guard" (not "the unodc report on
# corruption", "report says traffickers ...")
_ANY_WORD = r"(?!(?:on|about|of|in|into|for|from|by|to|with|says?|said|shows?|that|and|or)\b)\w+"
# the people someone may be asking for: their own (`_KIN`), and a teacher's
_KIN = (
    r"(?:sister|brother|daughter|son|cousin|wife|husband|mother|mum|mom|father|dad|friend|"
    r"child|children|kid|kids|niece|nephew|uncle|aunt|auntie|family|neighbou?r|colleague|"
    r"co ?worker|boyfriend|girlfriend|fianc\w*|relative|grandson|granddaughter|people|girls?|"
    r"boys?|men|women|workers?|crew|maid|helper)"
)
_PEOPLE = rf"(?:{_KIN}|student|pupil)"
# one of the asker's people: "my sister", "our youngest son"
_SOMEONES = rf"(?:my|our) (?:\w+ )?{_KIN}"
# people one may speak for as their employer or captain, not as their own ("our workers were
# trafficked before we hired them")
_STAFF = r"(?:people|girls?|boys?|men|women|workers?|crew)"
_THEY = r"(?:they|he|she|the (?:agent|boss|employer|broker|captain|recruiter|owner|man|men|police))"
# one's papers, and what else someone may hold over a person
_PAPERS = r"(?:passports?|id|ids|ic|ktp|documents?|papers|permit)"
_DOCUMENTS = rf"(?:{_PAPERS}|visa|phone)"
_LINE = r"(?:hot ?lines?|help ?lines?|emergency (?:number|line)s?)"
_CRIMINALS = (
    r"(?:traffickers?|smugglers?|pimps?|corrupt (?:\w+ )?(?:police\w*|cops?|officials?|"
    r"officers?|guards?))"
)
# where the criminals are the asker's business: in their village, after their people,
# protected by someone
_NEAR_ME = r"(?:my|our|me|us|protect\w*)"
# whom one may know by name and report
_WRONGDOERS = (
    r"officials?|officers?|judges?|police\w*|cops?|guards?|agents?|traffickers?|smugglers?|"
    r"captains?|recruiters?|brokers?|boss(?:es)?|employers?|soldiers?"
)
_WHAT_TO_DO = r"what (?:should|can|could|do|must) (?:i|we) do\b"
_CALLS_FOR_HELP = (
    r"(?:help|urgent|sos|emergency|scared|afraid|frightened|danger|desperate|tolong|tulong)"
)
# a bribe asked of the asker: "a police officer asks me for money at the border"
_BRIBE_ASKED = (
    r"(?:ask|asks|asked|asking|demand\w*|wants?|wanted) (?:me|us) (?:for )?(?:a |an |some |"
    r"more )?(?:bribe|money|cash|payment|fee|tea money|"
    # a sum: "border guard ask me 500 ringgit"
    r"(?:usd |rm |us )?\d[\d,.]*(?: ?k)?(?: (?:ringgit|baht|dollars?|usd|rupiah|pesos?|dong|kyat|"
    r"riel|rm|thousand|million|\w+ dollars))?)"
)
# a job offered now, asked about: "someone online offered me a job in cambodia, free flights, is
# this a scam?"
_JOB_QUESTIONED = (
    r"\b(?:(?:offer\w*|promis\w*|recruit\w*) (?:me|us|my \w+|her|him|them)|(?:got|get|received|"
    r"have|has|had) (?:an? |this |the )?(?:\w+ )?(?:job )?offers?)\b"
    r"(?:\W+\w+){0,25}?\W+(?:scam|legit\w*|real|safe|trust\w*|red flags?)\b"
)
# what tells of a case from afar: the news, a film, a book
_MEDIA = (
    r"(?:documentar\w*|film|movie|series|news|article|story|stories|piece|post|video|podcast|"
    r"book|novel|headlines?)"
)
# one of them, as seen, read or heard: "a news story", "that documentary on netflix"
_A_PIECE = rf"(?:a|an|the|this|that|some) (?:\w+ ){{0,2}}?{_MEDIA}"
# not the asker holding their own papers: "i have receipts and i hold my passport"
_NOT_THE_ASKER = r"(?<!\bi )(?<!\bwe )(?<!\bi still )(?<!\bwe still )"
# the asker, saying what they are: "i'm", "i think i am", "we are"
_I_AM = r"(?:i m|im|i am|we re|we are)"
_HOLD = (
    r"(?:took|take|taken|takes|taking|keep|keeps|kept|keeping|hold|holds|holding|held|"
    r"confiscat\w*|withh\w*|stole|stolen|won t (?:give|return)|will not (?:give|return)|"
    r"refus\w* to (?:give|return))"
)

CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "first_person": r"\b(?:i|i m|im|i ve|me|my|we|we re|our|us|mine)\b",
        # "asking for a friend": the way many tell of themselves
        "my_people": rf"\b(?:my|our) {_PEOPLE}\b|\b(?:asking|ask) for a friend\b",
        "they_act": rf"\b{_THEY}\b",
        "documents_held": rf"{_NOT_THE_ASKER}\b{_HOLD}\b(?:\W+\w+){{0,4}}\W+{_DOCUMENTS}\b"
        rf"|\b{_DOCUMENTS}\b(?:\W+\w+){{0,4}}\W+{_HOLD}\b"
        # whose they are, with someone else: "he has my passport", "our papers are with the agent"
        rf"|{_NOT_THE_ASKER}\b(?:has|have|got) (?:my|our|her|his|their|your) {_DOCUMENTS}\b"
        rf"|\b{_DOCUMENTS} (?:is|are) (?:still )?with (?:my|our|the|his|her|their|them|him)\b"
        rf"|\b{_DOCUMENTS} (?:gone|missing)\b"
        # wanted back: "how do i get my passport back from my employer"
        rf"|\b(?:my|our|her|his|their) {_DOCUMENTS} back\b"
        # held until a price is paid: "she must pay before they return her passport"
        r"|\b(?:before|until|unless) (?:they|he|she|the \w+) (?:will )?(?:return|give back|"
        rf"hand back|release)\w* (?:my|our|her|his|their|the) {_DOCUMENTS}\b",
        "confined": r"\b(?:locked|locks? (?:us|me|her|him|them)|trapped|stuck (?:in|at|on|here|"
        r"there|with)|scam (?:compound|centre|center|camp)s?|"
        r"(?:in|inside) (?:one of )?(?:those|these|the|a) compounds?|can ?t (?:leave|go|get out)|"
        # leaving unseen: "how do i leave the compound without getting caught"
        r"(?:leave|escape|get out of|run from|out of) (?:the |this |that )?compound|"
        r"(?:leave|escape|get out|run|flee)\w* (?:\w+ ){0,3}without (?:getting |being )?"
        r"(?:caught|noticed|seen)|"
        r"cannot (?:leave|go|get out)|not allowed (?:to )?(?:leave|go|out)|won t let|"
        r"will not let|"
        r"don t let|do not let|doesn t let|does not let|didn t let|never lets?|kept inside|"
        r"watch(?:es|ing)? (?:us|me|her|him)|guarded|under guard|"
        # locks and keys: "boss has the only key", "they moved the lock", "door always shut"
        r"(?:has|have|got|keeps?) (?:the )?only key|only (?:\w+ )?(?:has|have|got) (?:the )?keys?|"
        r"(?:moved|changed) the locks?|door (?:is )?(?:always )?(?:locked|shut)|"
        r"fences? with (?:barbed )?wire|barbed wire|windows? (?:are )?(?:covered|blacked out)|"
        # at sea with no port: "ship not docking, month 7", "captain refuses any port"
        r"(?:not|never) dock\w*|refuses? (?:any|to go to|to enter) (?:a )?port|"
        r"(?:haven t|have not|hasn t|not) (?:seen|set foot on) land|still at sea|"
        r"held|holding (?:us|me|her|him|them)|no way out|escape\w*|r[au]n(?:s|ning)? away|"
        # in hiding: "she is hiding with me", "we hide from the agent"
        r"(?:hiding|hide|hid) (?:with|at|in|from) |"
        # out, or only for a price: "i ran. im at a bus stop", "the only way out of here is..."
        r"(?:i|we|she|he|they) (?:ran|fled|got out)|(?:only )?way out of (?:here|this place)|"
        # told without the "i" of a hurried message: "got out of the place last night"
        r"(?:got|slipped|snuck|sneaked|broke) out (?:of|from) (?:the|that|this|their|his|her) "
        r"(?:place|house|camp|compound|boat|ship|building|factory|site|centre|center|dorm\w*)|"
        r"(?:escaped|got out|slipped out|ran off) (?:last night|yesterday|this morning|today|"
        r"tonight|an hour ago|two days ago)|"
        # watched while writing: "cant talk long", "they check our phones"
        r"can ?t (?:talk|speak|write|text|chat) (?:long|much|freely|openly|here|now)|"
        r"(?:they|he|she|boss|the boss|guards?|(?:my|our|the) (?:employer|boss|agent|madam|"
        r"husband|manager|supervisor|captain)) (?:check|checks|read|reads|watch|watches|"
        r"monitors?|take|takes|goes through|go through) (?:all |every one of )?(?:my|our|the) "
        r"(?:phones?|messages?|chats?|texts?)|"
        # writing in hiding: "i am writing from the toilet"
        r"(?:writing|hiding) (?:this |you )?(?:from|in) (?:the )?"
        r"(?:toilet|bathroom|restroom|washroom)|"
        # sleeping where one works: "we work 7 days and sleep in the factory"
        r"(?:we|i|they) (?:\w+ ){0,6}sleep (?:in|at|on) the (?:factory|workshop|shop|warehouse|"
        r"boat|site|kitchen|store|floor)|"
        # fetched from where they are: "can someone come to this address", "send people to get us"
        r"(?:someone|anyone|somebody|people) (?:to )?come (?:to (?:this|the|my|our) (?:address|"
        r"place)|and (?:get|pick|take) (?:me|us|her|him|them))|"
        r"send (?:someone|somebody|people|anyone) to (?:get|rescue|fetch|pick) "
        r"(?:me|us|her|him|them|someone)|"
        # pursued: "now they are looking for me"
        r"(?:looking for|coming for|coming after|following|hunting|chasing) (?:me|us|her|him))\b",
        # the verb, not the noun of the law or of a body: "enter into force", "the police force"
        "coerced": r"\b(?:forc(?!es?\b)\w+|(?<!into )(?<!in )(?<!task )(?<!police )"
        r"(?<!labour )(?<!labor )(?<!air )(?<!armed )(?<!border )forces?|"
        r"made (?:me|us|her|him|them) work|make (?:me|us|her|him|them) work|"
        # told in the passive: "she's made to work nights at the owner's bar"
        r"(?:is|s|am|m|are|re|was|were|being|been|gets?|got) made to (?:work|stay|serve|sleep|"
        r"sell|dance|drink|entertain|marry)\w*|"
        # a stay that hangs on obeying: "he says her visa depends on it"
        r"(?:visas?|permits?|papers|contracts?) (?:depends?|hangs?) on (?:it|this|that|him|her|"
        r"them|me|us)|"
        r"(?:being|been|was|were|is|are|get|got) (?:sent|sold|taken|brought) to work|"
        r"threat\w*|beat\w*|hit(?:s|ting)? (?:me|us|her|him|them|my)|hurt\w*|kill\w*|bruis\w*|"
        # warned off: "he already warned me to stop", "they warned us not to talk"
        r"warned (?:me|us|her|him|them) (?:to stop|to keep quiet|to shut up|to back off|"
        r"to stay quiet|not to (?:talk|tell|speak|say|report|call|contact|go to))|"
        # a threat as the price of refusing: "sign it, or he sends me back", "if you run your
        # family pay"
        r"or (?:else )?(?:he|she|they|the \w+) (?:will |ll )?(?:send|sends|deports?|reports?|"
        r"sells?|hurts?) (?:me|us|my|our)\b|"
        r"if (?:you|u|i|we|she|he|they) (?:run|leave|quit|escape|talk|tell|speak)\w*"
        r"(?: \w+){0,3} (?:family|families|parents|mother|father|kids|children) "
        r"(?:will )?(?:pay|pays|suffer)|"
        r"rap\w*|abus\w*|"
        r"sold|kidnap\w*|abduct\w*|trafficked|smuggled|tied up|chained|tortur\w*|"
        # made to beg: "kids begging for a gang at the lights" (not "that begs the question")
        r"(?:forced|made|sent) to beg|beg(?:s|ging)? (?:for|on|at|in)|"
        # deceived into it: "he was tricked into working on a boat"
        r"(?:trick|deceiv|lur|fool)\w* (?:\w+ )?(?:into|to) (?:work|go|come|marry|sign|take)\w*|"
        r"compulsory|(?:can t|cannot|not allowed to) refuse|"
        r"(?:will|ll|going to|threaten\w* to) (?:deport|arrest) (?:me|us|her|him|them)|"
        # whose trafficker it is: "the shelter staff told my trafficker where I am"
        r"(?:my|our) (?:traffickers?|pimps?|captors?)|"
        r"(?:being|been) exploited|"
        # one's own word for it: "i think i'm a victim of trafficking"
        rf"{_I_AM} (?:\w+ ){{0,2}}victims?)\b",
        # "released", not a press release
        "debt": r"\b(?:owe\w*|debt\w*|pay (?:back|off|it back)|more money|ransom|"
        r"(?<!press )released?|demand\w*|wants? \d+|asking for \d+|"
        r"deduct\w*|not paid|unpaid|no salary|no pay|never paid|haven t been paid|fees?|"
        r"(?:salary|wages?|pay) (?:is |are )?(?:kept|held|withheld)|repa(?:y|id)|"
        r"charges? (?:us|me|them) for|nothing left of (?:the|my|our) (?:wage|salary|pay)|"
        r"before (?:i|we|she|he) (?:can|could|may) (?:go home|leave|go back)|"
        rf"{_BRIBE_ASKED}|"
        # freedom bought with others: "pay 10000 dollars or bring two new workers"
        r"bring (?:\w+ ){0,2}(?:new|more|other) (?:workers|girls|people|recruits))\b",
        # the verb, not the noun: "report the official", not "is the (new) report official?"
        "report_someone": r"(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\ba )(?<!\byour )(?<!\bits )"
        rf"\breport(?:ing)? (?:(?:{_REPORTED_AS} ){{1,3}}(?:official|case|company|factory)|"
        rf"(?:{_REPORTED_AS} ){{0,2}}(?:{_ANY_WORD} )?(?:{_REPORTED_AS} ){{0,2}}"
        rf"(?:traffick\w*|smuggl\w*|employers?|boss(?:es)?|agents?|"
        rf"brokers?|police\w*|cops?|officers?|guards?|soldiers?|judges?|captains?|recruiters?|"
        rf"crimes?|abuse|him|her|"
        rf"them|corruption|bribe\w*|{_PEOPLE}))\b"
        # or anyone told by what they do, as the asker's own act: "how do i report a teacher
        # who recruits students" (not "in the 2021 report the officials who took bribes")
        r"|\b(?:how (?:do|can|could|should|would) (?:i|we)|how to|where (?:do|can|could|should) "
        r"(?:i|we)|(?:i|we) (?:want|need|would like|d like|have) to|(?:can|should|could) (?:i|we)) "
        rf"report(?:ing)? (?:{_REPORTED_AS}|someone|somebody|people|those) "
        rf"(?:{_ANY_WORD} ){{0,2}}who\b"
        # what to do about the criminals one knows of, near one: "a corrupt policeman is
        # protecting the traffickers in my village, what should i do" (not "traffickers use
        # social media, what can we do")
        rf"|\b{_CRIMINALS}\b(?:\W+\w+){{0,12}}?\W+{_NEAR_ME}\b(?:\W+\w+){{0,12}}?\W+{_WHAT_TO_DO}"
        rf"|\b{_NEAR_ME}\b(?:\W+\w+){{0,12}}?\W+{_CRIMINALS}\b(?:\W+\w+){{0,12}}?\W+{_WHAT_TO_DO}"
        # or hold proof against: "i have evidence on the police captain who releases him"
        r"|\b(?:i|we) (?:have|got|hold|kept|collected) (?:\w+ ){0,2}(?:evidence|proof|photos|"
        r"pictures|videos|recordings) (?:on|against) (?:a |an |the |this |that |my |our )?"
        rf"(?:\w+ )?(?:{_WRONGDOERS})\b"
        # or pictures of it to hand over: "i have photos of the ledger ... who should see this"
        r"|\b(?:i|we) (?:have|got|took|kept) (?:\w+ ){0,2}(?:photos|pictures|videos|recordings|"
        r"screenshots|copies)\b(?:\W+\w+){0,12}?\W+(?:payments?|bribes?|cash|money|"
        rf"{_WRONGDOERS})\b(?:\W+\w+){{0,12}}?\W+who (?:should|can|must|do i|do we) "
        r"(?:see|get|have|receive) (?:this|it|them|these)\b"
        # names, as the message's last words: "the local chief protects him. i have names"
        r"|\b(?:i|we) (?:have|know|got) (?:all )?(?:the |their |his |her )?names?\W*$"
        # whom one can name: "i have the name of an official who takes bribes"
        r"|\b(?:give|have|know|send|share|got) (?:you |u )?(?:the |his |her |their )?names? "
        rf"(?:of )?(?:a |an |the |this |that )?(?:\w+ )?(?:{_WRONGDOERS})\b"
        # whom to tell: "my neighbour is trafficking girls, who do i tell?"
        r"|\bwho (?:do|should|can|could) (?:i|we) (?:even |really |actually )?(?:tell|call|"
        r"contact|inform|"
        r"(?:give|send|show) (?:it|this|that|them) to)\b"
        # where to turn, asked for oneself: "is there a hotline i can call?", "what is the number
        # for police in thailand" (not "is there a hotline in the report?")
        rf"|\b(?:is there|are there) (?:a|an|any) (?:\w+ ){{0,2}}{_LINE} (?:for|i|we|to|that)\b"
        rf"|\b(?:(?:i|we) need|give me|send me|tell me|where can (?:i|we) find) (?:a|an|the) "
        rf"(?:\w+ ){{0,2}}{_LINE}"
        r"|\b(?:police|emergency) (?:phone )?number (?:in|for|to call)\b"
        r"|\bnumber (?:for|of) (?:the )?police(?: in \w+)?$"
        r"|\bnumber (?:to call|(?:do|should|can|could) (?:i|we) (?:call|dial|ring))\b",
        # the ILO's indicators of forced labour that a message can show in passing
        "abusive_conditions": r"\b(?:no (?:day|days) off|no off days?|no rest|no break|no food|"
        # told in few words of English: "madam no give food, no go out. 2 year no money"
        r"no (?:give|gives|giving|let) (?:me |us )?(?:food|phone|money|salary|pay|passport|rest)|"
        r"no (?:go|going) out|(?:\d+|one|two|three|four|five|six) (?:year|month)s? no (?:money|"
        r"salary|pay)|"
        # carried like goods: "no water since yesterday", "no air in the container"
        r"no (?:water|air)|without (?:water|food|air)|(?:haven t|have not|hasn t|has not|didn t|"
        r"did not) (?:had|have|eaten|eat|drunk|drink) (?:any )?(?:water|food)|"
        r"one meal|work(?:ing)? \d{2} hours|withh\w* (?:my|our|her|his|the) (?:food|meals?)|"
        r"not enough (?:food|sleep)|sleep on the floor|\d{2} hours? (?:a|per|every) day|"
        r"all day and (?:all )?night|work(?:ing)? (?:at|every) night|never (?:goes|go|went) to "
        r"school|not (?:allowed|able) to (?:go to )?school)\b",
        "isolation": r"\b(?:without (?:permission|papers|documents)|nobody (?:can|could) (?:go|"
        r"leave)|no one (?:can|could) (?:go|leave)|(?:can ?t|cannot|not allowed to) (?:call|"
        r"contact|phone|talk to|speak to)|no phone|took (?:my|our|her|his) phone|don ?t know "
        r"where (?:we|i|she|he) (?:am|are|is)|"
        # fear of being found out: "my employer must not know", "he checks my phone"
        r"(?:must not|mustn t|can t|cannot|shouldn t|must never) (?:know|find out|see(?: this)?)|"
        r"phone (?:is )?(?:given back|returned|allowed) only|"
        # spoken for: "a man who answers every question for her"
        r"(?:answers|speaks|talks) (?:\w+ ){0,2}for (?:her|him|them)|"
        r"(?:if|when) (?:he|she|they|my \w+|the \w+) finds? out|checks? my phone|"
        # out of reach since leaving: "she left with an agent and now her phone is off"
        # someone's, not one's own: "my phone is dead", "i can't find my question" are no plea
        rf"(?:her|his|their|{_SOMEONES} s) phone (?:is |has been |was )?(?:off|switched off|"
        r"turned off|dead|unreachable)|"
        rf"(?:can ?t|cannot|couldn t|could not) (?:reach|find) (?:her|him|them|{_SOMEONES})\b|"
        r"(?:haven t|have not|hasn t|has not|didn t|did not) (?:heard|hear) from "
        rf"(?:her|him|them|{_SOMEONES})|"
        r"(?:went|gone|go|been) missing|(?:she|he|they|who) (?:is|are|was|were) missing|"
        r"no (?:news|word) (?:from|of) (?:her|him|them|my)|(?:she|he|they) disappeared|"
        # gone, of someone one's own: "my aunt disappeared after an interview", "now she's gone"
        rf"{_KIN} (?:\w+ )?(?:disappeared|vanished)|now (?:she|he|they) (?:is|s|are|re) gone|"
        # out of reach for a while, told in few words: "sister went abroad with agent, phone off
        # since march", "daughter gone with agent no contact 2 months"
        r"(?<!\bmy )(?<!\bour )(?:phone|line) (?:is |has been |was )?(?:off|switched off|"
        r"turned off|dead|unreachable) "
        r"(?:for|since)|no (?:contact|news|word|calls?|reply|replies|messages?) "
        r"(?:for |since |in )?(?:\d+|a|an|one|two|three|four|five|six|several|many|weeks|"
        r"months|days|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
        r"nov\w*|dec\w*)\b)\b",
        # asking how to get oneself or someone out: "how do i escape", "how can we get her out"
        "wants_out": r"\b(?:how|what|where|who) (?:do|can|could|should|would) (?:i|we) (?:\w+ )?"
        r"(?:escape|get (?:out|away|home|back home)|run away|flee|leave|rescue|get (?:me|us|him|"
        r"her|them) (?:out|back|home))\b|"
        # somewhere to go, as the message's last words: "I need to move tonight, where can I go?"
        r"\bwhere (?:can|could|should|do|shall) (?:i|we) (?:go|hide|stay|sleep)"
        r"(?: (?:now|tonight|today))?$",
        "lured": _JOB_QUESTIONED,
        "minor": r"\b(?:\d{1,2} (?:year|yr)s? old|(?:i m|im|i am|she s|she is|he s|he is) "
        r"(?:only |just )?(?:1[0-7]|[6-9])|underage|minor|"
        r"(?:a|the|my|our) (?:child|kid|"
        r"boy|girl)|schoolgirl|schoolboy|teenager|teen)\b",
        "plea": rf"\b(?:{_CALLS_FOR_HELP}|please|pls)\b",
        "now": r"\b(?:now|still|since|right now|today|tonight|every day|for (?:months|weeks|"
        r"years))\b",
        "about_topic": r"\b(?:report say|the report|study|research|definition|define|defined|"
        r"mean by|means|according to|under (?:the )?(?:protocol|convention|law|uncac|untoc)|"
        r"article|statistics|data|examples?|thesis|paper|essay|class|lecture|workshop|"
        r"training|in general|generally|typically|usually|common|how do (?:smugglers|"
        r"traffickers|officials)|why do|what is|what are|is it (?:a|an) (?:form|type|kind))\b",
        # a question about one's own case: who asks, about what consequence
        "asker_modal": r"\b(?:can|could|will|would|am|should|do|did|have|may|must) (?:i|we)\b|"
        r"\b(?:i|we) (?:could|might|will|would) (?:be|get)\b",
        "legal_consequence": r"\b(?:prosecut\w*|charged?|arrest\w*|sued?|jail\w*|prison|"
        r"punish\w*|liable|liability|deport\w*|fined|convict\w*|penalt\w*|legal|illegal|"
        r"lawful|unlawful|allowed|crime|criminal|offen[cs]e|in trouble|lawyer|court|law|laws|"
        r"protocol|convention|uncac|untoc|actip|article|treaty|guilty|defen[cs]e|obliged|"
        r"required|permitted|right to|rights)\b",
        "my_role": r"\b(?:i m|i am|im|as|we are|we re) (?:a|an) (?:\w+ )?(?:police\w*|officer|"
        r"prosecutor|judge|lawyer|employer|recruiter|journalist|ngo|social worker|border|"
        r"customs|immigration|official|investigator|captain|teacher|doctor|nurse|agent)\b",
        "my_case": r"\b(?:my|our) (?:client|case|employer|boss|agency|company|organi[sz]ation|ngo|"
        r"shelter|staff|colleague|husband|wife|son|daughter|brother|sister|father|mother)\b",
        "hypothetical": r"\b(?:if|suppose|supposing|hypothetical\w*|imagine|would it|what if|"
        r"let s say|in a case where|someone who|a person who|an employer who|a worker who)\b",
    }.items()
}


_QUESTION_START = frozenset(
    "what how why when where who whom whose which is are does do did can could should would "
    "will was were has have tell explain define describe list give compare".split()
)


# a question asked in the telling: "my colleague was asking whether ...", "i wonder if ..."
_ASKING = (
    r"ask|asks|asked|asking|wonder|wonders|wondered|wondering|wants? to know|wanted to know|"
    r"would like to know|curious"
)
_ASKED_WITHIN = re.compile(
    rf"\b(?:{_ASKING}|question is)\b(?:\W+\w+){{0,3}}?\W+(?:whether|if|how|what|why|who|"
    r"when|where)\b"
)


def is_statement(text: str) -> bool:
    """Telling, not asking: "agent took passports", "passport taken"."""
    words = normalize(text).split()
    return "?" not in text and not (words and words[0] in _QUESTION_START)


def tells(text: str) -> bool:
    """A statement that asks nothing in the telling: not "my colleague was asking whether
    smuggled migrants can be punished". (Not a feature: the detectors learnt the plain form.)"""
    return is_statement(text) and not _ASKED_WITHIN.search(normalize(text))


# a question someone else asked, relayed about people in general: "my colleague was asking
# whether smuggled migrants can be punished" (not "my sister asked if she can leave")
_RELAYED = re.compile(
    r"^(?!(?:i|we)\b)(?P<who>(?:\w+ ){1,4}?)(?:(?:was|is|were|are|has|have|had|been|keeps|kept|"
    rf"often|always|also|just|once|still) )*(?:{_ASKING})"
    r"(?: (?:me|us))? (?:whether|if|how|what|why|who|when|where)\b(?P<question>.*)$"
)
_THE_ASKER = re.compile(r"\b(?:i|me|we|us)\b")
_OF_ANYONE_NEAR = re.compile(r"\b(?:i|me|my|mine|we|us|our|he|him|his|she|her|hers|you|your)\b")


def relays_a_question(text: str) -> bool:
    """Whether the message passes on someone else's question about people in general: their
    question, not a plea of the asker's (in any text, normalised here). A question that names
    more than what was done to them ("whether people held in compounds can escape") may be
    the asker's own, and is not passed over."""
    found = _RELAYED.match(normalize(text))
    return bool(
        found
        and not _THE_ASKER.search(found["who"])
        and not _OF_ANYONE_NEAR.search(found["question"])
        and set(situations(found["question"])) <= {"coerced"}
    )


def cues(text: str) -> list[str]:
    """The names of the cue families found in normalised text."""
    return [name for name, pattern in CUES.items() if pattern.search(text)]


SITUATIONS = frozenset(
    {
        "documents_held",
        "confined",
        "coerced",
        "debt",
        "report_someone",
        "plea",
        "abusive_conditions",
        "isolation",
        "lured",
    }
)


# A plea as a situation is a call for help: "please" alone asks nicely ("more please", "show
# me the menu pls"), though as a feature it counts with the calls
_SITUATION_CUES = CUES | {"plea": re.compile(rf"\b{_CALLS_FOR_HELP}\b")}


# help with one's studies: "please help, i have an exam tomorrow on untoc"
_STUDIES = re.compile(
    r"\b(?:exams?|homework|assignments?|essays?|thesis|dissertation|presentation|coursework|"
    r"revision|revising|studying|quiz|class|lecture|seminar)\b"
)


# help to learn or explain something: "help me understand the three-pronged approach"
_HELP_TO_LEARN = re.compile(
    r"\bhelp (?:me|us) (?:to )?(?:understand|learn|explain|write|prepare|study|revise|"
    r"summari[sz]e|cite|compare|research)\b"
)


def situations(text: str) -> list[str]:
    """The cues that name something being done to someone, in any text (normalised here). A
    call for help with one's studies or with understanding, and nothing else, names none."""
    words = normalize(text)
    found = [name for name in SITUATIONS if _SITUATION_CUES[name].search(words)]
    studies = _STUDIES.search(words) or _HELP_TO_LEARN.search(words)
    return [] if found == ["plea"] and studies else found


# Whose the situation is: the asker's own people, or whoever they work for ("my sister", "our
# agent", "asking for a friend"), or the asker, asked for a bribe or offered a job they doubt; a
# lawyer's "my client", a teacher's "my students" or an employer's "our workers" are not
_OWN = re.compile(
    rf"\b(?:my|our) (?!(?:{_STAFF})\b)(?:{_KIN}|employer|boss|agency|agent|recruiter|broker|"
    r"captain|skipper)\b"
    # said to be the asker's own case, or a friend's: "asking for myself tbh", "question from
    # a friend: how can she ...", "this is about me"
    r"|\b(?:asking|ask|question|questions) (?:for|from) (?:a friend|myself|me)\b"
    r"|\b(?:this|it) (?:is|s) (?:about|for) (?:me|myself)\b"
    rf"|\b{_BRIBE_ASKED}\b|{_JOB_QUESTIONED}"
    # someone the asker suspects of being in it: "i suspect a student in my class is ..."
    r"|\b(?:i|we) (?:suspect|think|believe|fear) (?:that )?(?:a|an|my|our|one of (?:my|our)|"
    r"someone|somebody|this|that) "
    # someone the asker knows, not named as kin: "a friend who is trapped", "someone i know"
    r"|\b(?:a|one) (?:close |good |old )?friend (?:of (?:mine|ours|a friend)|who|is|s)\b"
    # what the asker came upon: "as a labour inspector I found workers in a locked container"
    r"|\b(?:i|we) (?:just |recently )?(?:found|saw|met|discovered|rescued|encountered|came "
    r"across|see|find|meet|notice|spot|come across) "
    rf"(?!(?:in|on|that|this|it|out|online|the report|a report|an article)\b|{_A_PIECE}\b)"
    r"|\bsomeone (?:i|we) know\b"
    # their own papers, to get back with help: "can unodc help me get my passport back?"
    rf"|\bhelp (?:me|us) (?:to )?(?:get|take) (?:back )?(?:my|our) {_DOCUMENTS}\b"
)


# one's own papers held by whoever one works through: "is it legal for an employer to hold my
# passport?" (not a hotel at check-in, an embassy for a visa, or a phone stolen)
_HOLDERS = r"(?:employers?|boss|agents?|agency|broker|recruiter|company|captain|owner|manager)"
_THEIR_PAPERS_HELD = re.compile(
    rf"\b{_HOLDERS}\b(?:\W+\w+){{0,4}}\W+(?:hold|holds|holding|held|keep|keeps|keeping|kept|"
    rf"take|takes|took|taken|taking|confiscat\w*|withh\w*)\W+(?:\w+\W+){{0,2}}?(?:my|our) "
    rf"{_PAPERS}\b"
    rf"|\b(?:my|our) {_PAPERS} (?:is |are |was |were )?(?:being )?(?:held|kept|taken|"
    rf"confiscated) by (?:the |my |our |an? )?{_HOLDERS}\b"
)


# whoever may report: the asker, or anyone the asker could be ("how do people report ...")
_ANYONE = r"(?:i|we|you|u|people|one|someone|somebody|anyone|anybody|a person)"
# the asker as the one who would report or call: "i want to report", "how can we report", "help
# me report", "how do people report traffickers", "what is the number for police in thailand"
# (not "i'm writing a guide on how NGOs report")
_ASKER_REPORTS = re.compile(
    r"\b(?:i|we|me|us)\b(?:\W+\w+){0,3}?\W+report(?:ing)?\b"
    rf"|\bhow (?:do|can|could|does|would|should) {_ANYONE} report\b"
    r"|\b(?:police|emergency|phone) number\b|\bnumber (?:for|to call|of (?:the )?police)\b"
    rf"|{_LINE}|\bwho (?:do|should|can|could) (?:i|we)\b"
)
# others, named, as the ones who report: "do journalists report cops who take bribes", "how can
# the police report ..." (not "can my sister report her boss")
_OTHERS_REPORT = re.compile(
    r"\b(?:do|does|did|can|could|should|would|will|may|must) (?:(?:the|most|many|some|other|"
    rf"local|foreign) )?(?!(?:{_ANYONE}|my|our|me|us|it|this|that|they)\b)\w+ report\b"
)


# the asker saying it is happening to them, or to someone they speak of, now: "where can i get
# help if i'm being trafficked?", "that is happening to me", "it's happening to her this week",
# "asking because i am on a boat now", "how to escape from a boat"
_HAPPENING_TO_ME = re.compile(
    rf"\b{_I_AM} (?:\w+ )?(?:being (?:trafficked|exploited|held|forced|sold|smuggled|abused|"
    r"kept|threatened)|(?:a )?victims? of)\b"
    r"|\b(?:this|that|it) (?:is|s) (?:\w+ )?happening to (?:me|us|her|him|them|my \w+)\b"
    r"|\b(?:happening|happened) to (?:me|us|her|him|them) (?:now|right now)\b"
    rf"|\basking (?:because|as|since) (?:{_I_AM}|it s me|this is me)\b"
    # a bare how-to of getting away, typed in a hurry: "how to escape from a boat"
    r"|^(?:(?:pls|please|help) )?(?:how|where) to (?:escape|flee|run away|get out|get away)"
    r"(?: from| of)? (?:(?:a|the|this|that|my|our) )?(?:\w+ )?(?:boat|ship|vessel|compound|house|"
    r"factory|farm|plantation|camp|dorm\w*|room|place|employer|agent|boss|traffickers?|here|"
    r"them|him|her)\b"
)


# whom a question about practical help may be for: "a victim of trafficking", "survivors"
_IN_NEED = (
    r"(?:an? |the )?(?:\w+ )?(?:victims?|survivors?)(?: of (?:\w+ ){0,2}?(?:trafficking|"
    r"smuggling|exploitation|forced labou?r|debt bondage))?"
)
# where or how someone in that situation gets help: the bot's honest answer is the safety note
# alone (it holds no helpline, and a person may be asking for themselves)
_ASKS_FOR_HELP = re.compile(
    rf"\b(?:where|who) (?:can|could|should|do|does|would|to|might) {_IN_NEED} (?:go|turn|call|"
    r"contact|run|flee|get help|seek help|find help|ask for help|get support)\b"
    rf"|\bhow (?:can|could|should|to) {_IN_NEED} (?:escape|get out|get away|flee|"
    r"get help|find help|seek help)\b"
    rf"|\bwhat (?:should|can|must|could) {_IN_NEED} do\b"
    rf"|\bwhat help is (?:there|available) for {_IN_NEED}"
    # anyone's protection: "one of my clients ... where can she get protection?"
    r"|\b(?:where|who) (?:can|could|should|do|does|would|might) (?:i|we|she|he|they|my \w+|"
    r"our \w+) (?:get|find|seek|ask for|receive) (?:help|protection|support|shelter|safety|"
    r"assistance)(?= (?:now|quickly|urgently|here|there|in|from)\b|$)"
    r"|\bwhat (?:should|can) (?:someone|somebody|a person|one|you) do if (?:\w+ ){0,4}(?:being|"
    r"been) (?:trafficked|exploited|held|smuggled|forced)\b"
    # who can help someone, at the end: "... she is not allowed to leave. Who can help her?"
    r"|\bwho (?:can|could|will|would) help (?:me|us|her|him|them|my \w+|our \w+)(?= (?:now|here|"
    r"there|quickly|please|pls)\b|\W*$)"
)


def asks_for_help(text: str) -> bool:
    """Whether the message asks where or how someone in danger gets help, of anyone: "what
    should a victim of trafficking do first?" (in any text, normalised here)."""
    return bool(_ASKS_FOR_HELP.search(normalize(text)))


# the asker, saying a question put of anyone is their own: "what happens if someone reports a
# trafficker but is undocumented themselves? this is about me" ("asking for myself" may mean
# for one's own knowledge)
_MY_CASE = re.compile(
    r"\b(?:this|it|that) (?:is|s) (?:really |actually )?(?:about|for) (?:me|myself|us)\b"
    r"|\b(?:it s|it is|that s|that is) (?:me|us)\b"
)
# ...of a crime or what is done to someone
_OF_A_CRIME = re.compile(
    r"\b(?:traffick\w*|smuggl\w*|victims?|exploit\w*|forced|held|debts?|bribe\w*|threat\w*|"
    r"deport\w*|undocumented|passports?)\b"
)


def happening_to_them(text: str) -> bool:
    """Whether the asker says it is happening to them (in any text, normalised here)."""
    words = normalize(text)
    return bool(
        _HAPPENING_TO_ME.search(words) or (_MY_CASE.search(words) and _OF_A_CRIME.search(words))
    )


def would_report_oneself(text: str) -> bool:
    """Whether the asker speaks of reporting, or of where to call, as their own act (of a wish
    to report someone), in any text (normalised here)."""
    return bool(_ASKER_REPORTS.search(normalize(text)))


def reported_by_others(text: str) -> bool:
    """Whether the message asks whether, or how, others named in it report: a question about
    them, not a wish of the asker's (in any text, normalised here)."""
    return bool(_OTHERS_REPORT.search(normalize(text)))


def of_their_own(text: str) -> bool:
    """Whether a message tells of the asker's own people or employer, or of their own papers
    held by an employer or agent, in any text (normalised here)."""
    words = normalize(text)
    return bool(_OWN.search(words) or _THEIR_PAPERS_HELD.search(words))


# Words a legal question uses: not a feature, the gate before the personal-legal detector
_LEGAL_TERMS = re.compile(
    CUES["legal_consequence"].pattern
    + r"|\b(?:consent\w*|fraudulent|commit\w*|bribery|judge|trial|prosecution|defendant|"
    r"accomplice|witness|testify|legally|reopen\w*)\b"
    # what one's own case counts as in law: "is it still trafficking?", "will they treat me as a
    # smuggler?", "am I a trafficking victim?", "could that be seen as smuggling on my part?"
    r"|\b(?:is|was) (?:it|this|that|what s happening(?: to \w+)?) (?:still |really |legally )?"
    r"(?:trafficking|smuggling|debt bondage|forced labou?r|exploitation)\b"
    r"|\b(?:treat\w*|seen|count\w*|considered|regarded|classed) (?:me |him |her |them |us )?as "
    r"(?:an? )?(?:smuggl\w*|traffick\w*|victims?|criminals?|accomplices?)\b"
    r"|\b(?:am i|is (?:he|she)|are (?:we|they)) (?:an? )?(?:\w+ )?(?:victims?|smugglers?|"
    r"traffickers?|criminals?|accomplices?)\b"
    # a duty or a risk of one's own: "do I have to report it?", "am I exposing myself legally?"
    r"|\b(?:have|need|obliged|required) to report\b|\bat risk\b"
)


def about_the_law(text: str) -> bool:
    """Whether a message names a legal consequence, term or instrument at all."""
    return bool(_LEGAL_TERMS.search(normalize(text)))


# a story the asker tells as long over: "my father came in the 90s and is a citizen now", "i
# was stuck with debt back in 2014 but paid it off long ago" (not "she has received nothing
# since 2023", "back in 2017 ... now the same broker has his passport again")
_LONG_AGO = re.compile(
    r"\b(?:in the (?:19|20)?\d0 ?s|(?:in|back in|around) (?:19\d\d|20[01]\d)|(?:\w+ )?"
    r"(?:years|decades?) ago|long ago|years back|back then|when (?:i|he|she|we) (?:was|were) "
    r"(?:young|a (?:child|kid|teenager)|little))\b"
)
_OVER = re.compile(
    # said of themselves, not told to others: "she says she is fine but cries"
    r"(?<!says )(?<!said )(?<!say )"
    r"\b(?:(?:i|we|he|she|they) (?:m|am|are|re|is|s) |(?<!he )(?<!we )(?<!i )(?<!they )"
    r"(?:is|are|am) )(?:now )?(?:safe|fine|"
    r"okay|ok|home|back home|safely home|at home|a citizen|citizens|retired|settled|doing "
    r"(?:well|fine|ok|okay)|all good)\b"
    r"|\b(?:home|safe|fine|okay|settled|retired) now\b|\bnow (?:safe|home|a citizen|retired|"
    r"settled)\b|\b(?:been|s been) (?:home|a citizen|safe|fine)\b|\bgot (?:out|home|away|"
    r"(?:it|them|(?:my|his|her|their|our) \w+) back)\b|\bpaid (?:\w+ ){0,2}off\b|"
    r"\bcame (?:back )?home\b|"
    r"\b(?:all|that s all|it s all|it was all|that was all) over\b"
)
_NOT_OVER = re.compile(
    # (not "today's": "would it count under today's protocol?" asks of the law, not the story)
    r"\b(?:still|again|right now|currently|at the moment|these days|today(?! s\b)|tonight|this "
    r"(?:week|morning|month)|yesterday|since then|anymore|any more|thought (?:it|that) was "
    r"over|haven t|hasn t|have not|has not)\b"
)


# so long ago that it is over unless said otherwise: "my mother was smuggled out in the 80s"
_LAST_CENTURY = re.compile(
    r"\b(?:in the (?:19)?[1-9]0 ?s|(?:in|back in|around) 19\d\d|decades ago)\b"
)


# what still goes on in the world, not in the story: "it's sad this still happens"
_STILL_IN_GENERAL = re.compile(
    r"\b(?:this|it|that|these things|such things|things like (?:this|that)) (?:s |is )?still "
    r"(?:happens|happen|happening|exists|goes on|going on|common)\b(?! to\b)"
    r"(?: (?:today|these days|nowadays|now))?"
    # what is still told of: "in our village people still talk about the agent who ..."
    r"|\b(?:people|everyone|everybody|villagers) still (?:talk|speak|tell|remember)s? "
    r"(?:about|of)\b"
)


# what it would be called today, by today's law: "would that count as child trafficking today?"
_BY_TODAYS_LAW = re.compile(
    r"\b(?:count|counts|counted|considered|seen|treated|called|classed|classified|defined) as "
    r"(?:\w+ ){0,5}?today\b"
)


# a case dealt with by those whose work it is: "police already handled it", "it was resolved and
# the boss fined" (not an arrest alone: "the agent was arrested" ends no threat of his men)
_HANDLED = re.compile(
    r"\b(?:police|authorities|the court|the labou?r (?:office|department)) (?:already |"
    r"have |has )?(?:handled|dealt with|resolved|settled|closed) (?:it|that|this|the case)\b"
    r"|\b(?:it|that|this|the case) (?:was|has been|had been) (?:already )?(?:resolved|"
    r"settled|closed|handled|dealt with)\b(?! by\b)"
    r"|\b(?:the )?(?:boss|employer|agent|owner|recruiter|broker|captain|company) (?:was|were|got) "
    r"(?:fined|convicted|jailed|sentenced)\b"
)


# what goes on after a case was handled: "..., now the agent's men come every night"
_GOES_ON = re.compile(r"\b(?:now|but|yet|keeps?|keeping|every (?:day|night|week))\b")


def long_over(text: str) -> bool:
    """Whether the message tells of what happened long ago as over, or of a case handled, and
    of nothing going on (in any text, normalised here)."""
    words = _BY_TODAYS_LAW.sub(" ", _STILL_IN_GENERAL.sub(" ", normalize(text)))
    if _NOT_OVER.search(words):
        return False
    if _HANDLED.search(words):
        return not (_BUT_NOW.search(words) or _GOES_ON.search(_HANDLED.sub(" ", words)))
    return bool(_LAST_CENTURY.search(words) or (_LONG_AGO.search(words) and _OVER.search(words)))


# a case the asker knows from the news, a film or a book: "I watched a documentary about
# children begging in Bangkok", "read in the news that officials were arrested"
_FROM_THE_MEDIA = re.compile(
    r"\b(?:watch\w*|saw|seen|see|read\w*|heard|hear|came across|listen\w* to) (?:about|in) "
    rf"(?:\w+ ){{0,2}}?{_MEDIA}\b"
    rf"|\b(?:watch\w*|saw|seen|see|read\w*|heard|hear|came across|listen\w* to) {_A_PIECE}\b"
    # (not social media, where the recruiting is done: "a man on facebook is offering jobs")
    r"|\b(?:in|on) the (?:news|papers?|headlines)\b|\bon (?:tv|television|the radio|netflix)\b"
    r"|\bnews (?:said|says|reported|report|story|stories|article)\b"
)


def from_the_media(text: str) -> bool:
    """Whether the message tells of a case the asker knows from the news, a film or a book (in
    any text, normalised here)."""
    return bool(_FROM_THE_MEDIA.search(normalize(text)))


# a case the asker knows from study, teaching, a debate or an interview, not from their life:
# "in a case we studied, a girl was recruited ...", "we debated this in class today", "as a
# journalist I interviewed a man who was held ...", "my friend and I are arguing: is ..." (not
# "one of my pupils falls asleep in class": a class alone is where a teacher sees a child; nor
# "I interviewed for a job", "we were discussing how to escape")
_STUDIED = re.compile(
    r"\b(?:a|the|one|this|that) case (?:we|i) (?:studied|discussed|read|analy[sz]ed|looked at|"
    r"covered|examined)\b|\bcase stud(?:y|ies)\b"
    r"|\b(?:debated|discussed|talked about|covered|studied|analy[sz]ed) (?:this|it|that|these|"
    r"them|such cases?) in (?:class|a class|our class|my class|a seminar|a lecture|a workshop|"
    r"a training|moot court)(?: (?:today|yesterday|this week|last week|this morning))?\b"
    r"|\bin (?:a|our|my|the) (?:moot court|mock trial|role play|roleplay|case study)\b"
    # the debate, not who debates: "my sister and I are arguing: her boss ..." is of my sister
    r"|\b(?:and i|we) (?:are|re|were|have been|been) (?:arguing|debating)\b"
    # someone's side of a debate on a case supposed: "my friend argues that if a woman chose
    # sex work abroad, she can't be a victim" (not "my friend says that if she leaves ...")
    r"|\b(?:my|our|a) (?:\w+ )?(?:friend|colleague|classmate|professor|teacher|lecturer|tutor|"
    r") (?:argues|argued|claims|claimed|insists|insisted|maintains|maintained) "
    r"(?:that )?(?=if (?:a|an|someone|somebody|the|people)\b)"
    r"|\b(?:i|we) interviewed (?:a|an|some|several|many|two|three|four|five|\d+) (?:\w+ )?"
    r"(?:man|men|woman|women|girl|girls|boy|boys|people|person|victims?|survivors?|migrants?|"
    r"workers?|fishermen|fisherman|famil(?:y|ies)|officials?|officers?)\b"
)
# what makes it a story of now, whatever was studied: "... but my classmate says her uncle makes
# her work every night", "I interviewed a woman who is still held"
_BUT_NOW = re.compile(r"\bbut (?:my|our|now|this|she|he|they|her|his|their|i|we)\b")


def studies_a_case(text: str) -> bool:
    """Whether the message tells of a case known from study, teaching, a debate or an
    interview, and of nothing going on now (in any text, normalised here)."""
    words = normalize(text)
    rest = _STUDIED.sub(" ", words)
    return rest != words and not _NOT_OVER.search(rest) and not _BUT_NOW.search(rest)


# one of the asker's people as the one who saw or read of a case, not the one it happens to: "my
# aunt saw a news story about girls locked in a house"
_THEIR_VIEWER = re.compile(
    rf"\b(?:my|our) (?:\w+ )?{_KIN} (?:saw|read|heard|watched|came across|found|sent me|showed "
    rf"me|shared) (?={_A_PIECE}\b)(?!(?:\w+ ){{1,3}}?(?:post|video)\b)"
)
_THEN_ON = re.compile(r"\b(?:now|went|gone|applied|took the job)\b")


# a question said to be of no one in particular: "general question for a FAQ we are writing",
# "purely hypothetical", "asking in general, not about anyone I know"
_IN_GENERAL = re.compile(
    r"\b(?:general|hypothetical|theoretical) question\b"
    r"|\b(?:asking|asked|speaking) (?:in general|generally|hypothetically|theoretically)\b"
    r"|\b(?:purely|just|strictly) hypothetical(?:ly)?\b|\bhypothetically speaking\b"
    r"|\bnot (?:about|for) (?:me|myself|anyone (?:i|we) know|a real case)\b"
    # a kind of case, asked about: "did they discuss cases where workers went missing?"
    r"|\b(?:discuss|discussed|cover|covered|mention|mentioned|include|included|study|studied|"
    r"examine|examined|look at|looked at) (?:any )?cases (?:where|in which|of|involving)\b"
)


def asks_in_general(text: str) -> bool:
    """Whether the message says its case is of no one in particular, and tells of nothing going
    on now (in any text, normalised here)."""
    words = normalize(text)
    rest = _IN_GENERAL.sub(" ", words)
    return (
        rest != words
        and not _NOT_OVER.search(rest)
        and not _BUT_NOW.search(rest)
        and not _THE_ASKER.search(rest)
        and not tells(text)
    )


def without_the_frame(text: str) -> str:
    """The normalised text without the words that say a case was studied, or who saw it in the
    news: whose case it is is told by the rest."""
    words = _STUDIED.sub(" ", normalize(text))
    rest = _THEIR_VIEWER.sub(" ", words)
    return words if _THEN_ON.search(rest) or _NOT_OVER.search(rest) else rest
