"""The message reader: small talk, the danger and personal-legal detectors, their fallback."""

from __future__ import annotations

import pytest

from bot.intents import Intent, Reader, Suspicion, regional
from bot.intents.cues import (
    about_the_law,
    asks_for_help,
    cues,
    from_the_media,
    happening_to_them,
    long_over,
    of_their_own,
    relays_a_question,
    situations,
    tells,
)
from bot.intents.detector import Detector, shared_features
from bot.knowledge import load_knowledge, normalize
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine


def test_cues_name_what_is_happening_not_the_topic() -> None:
    assert "documents_held" in cues("the agent took our passports")
    assert "confined" in cues("they locked us in the dormitory")
    assert "report_someone" in cues("where can i report the corrupt police officer")
    assert "report_someone" not in cues("how do i report on corruption for my newspaper")
    for noun in ("is the report official?", "is the new report official?", "report case studies"):
        assert "report_someone" not in cues(noun), "the noun, not the verb"
    assert "report_someone" in cues("can i report a corrupt official")
    assert "report_someone" in cues("how to report official corruption")
    assert situations("what is the capital of thailand") == []
    assert situations("how many people did the survey ask, 50?") == []
    # help to understand is no plea; help to find someone is
    assert situations("help me understand the three pronged approach") == []
    assert situations("please help me explain UNCAC to my class") == []
    assert situations("help me find my sister") == ["plea"]
    # a person's age under 18, said of them (2026-12-03)
    assert "minor" in cues(normalize("the agency wrote 19 on her papers but she's 15"))
    assert "minor" not in cues("she is 25 and works in a hotel")
    # the asker holding their own papers (2026-12-03)
    assert "documents_held" not in cues("i have the receipts and i hold my passport")
    assert "documents_held" not in cues("we still have our passports, is that normal?")
    assert "documents_held" in cues("he has my passport and i have nothing")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my sister left with an agent and now her phone is off", "isolation"),
        ("i can't reach my daughter since she went to malaysia", "isolation"),
        ("we haven't heard from our son since june", "isolation"),
        (
            "a corrupt policeman protects the traffickers in my village, what should i do",
            "report_someone",
        ),
        # told in few words, with no "my" and no "her phone"
        ("niece left with a broker in may, phone off since june", "isolation"),
        ("son went to malaysia with recruiter no news for 3 months", "isolation"),
        ("a friend is being exploited by the man who hired her", "coerced"),
        ("i think i am a victim of human trafficking", "coerced"),
        ("the border police asked me for money to let me through", "debt"),
        ("a man on facebook offered me a job in laos, they pay the ticket, is it legit?", "lured"),
        # found in a second user trial: whom one would report, with a word of one's own before
        # them, or by name; someone gone
        ("i must report a particular immigration officer who lets them through", "report_someone"),
        ("i can give you the name of a police officer who protects them", "report_someone"),
        ("my cousin vanished after a job interview in the city", "isolation"),
        ("she went to meet a recruiter and now she is gone", "isolation"),
        # found by trying the bot as a user (2026-12-02): signs a nurse or an inspector sees
        ("she came to the clinic with bruises on her arms", "coerced"),
        ("the man with her speaks for her and never leaves", "isolation"),
        # found in a fresh development set (2026-12-02): the sum asked, not the word "money"
        ("border guard ask me 500 ringgit or he send me back", "debt"),
        ("the officer wants us 2,000 baht each", "debt"),
    ],
)
def test_someone_out_of_reach_or_criminals_near_one_are_situations(text: str, found: str) -> None:
    assert found in situations(text)


@pytest.mark.parametrize(
    "text",
    [
        # one's own things, not a person out of reach
        "my phone is dead",
        "my phone was off since the morning, can you send the link again",
        # help with one's studies
        "help please, assignment due tomorrow on the smuggling protocol",
        # a job offered, nothing asked about whether to trust it
        "the report was offered to us as a pdf",
        # the report as a document, with a word before what it is about
        "where can i download the unodc report on corruption and smuggling?",
        "i can't find my question",
        "i haven't heard from the authors",
        # criminals in general, not the ones near the asker
        "traffickers use social media, what can we do",
    ],
)
def test_one_s_own_things_and_criminals_in_general_are_no_situation(text: str) -> None:
    """Found in review: each read as someone out of reach, or as criminals to report."""
    assert situations(text) == []


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("agent took passports", True),
        ("my colleague was asking whether smuggled migrants can be punished", False),
        ("i wonder if the report covers fishing", False),
        ("what is smuggling", False),
    ],
)
def test_a_question_asked_in_the_telling_is_no_statement(text: str, told: bool) -> None:
    assert tells(text) is told


@pytest.mark.parametrize(
    ("text", "to_them"),
    [
        ("where can i get help if i'm being trafficked?", True),
        ("that is happening to me", True),
        ("how do fishermen get off a boat? asking because i am on one now", True),
        ("how are victims of trafficking identified?", False),
        ("i am being asked about the report a lot", False),
        # a question put of anyone, said to be the asker's own (2026-12-03)
        (
            "what happens if someone reports a trafficker but is undocumented? this is about me",
            True,
        ),
        ("asking for myself: what does the report say about the Bali Process?", False),
        ("this is about me: what does the report say about the Bali Process?", False),
    ],
)
def test_the_asker_saying_it_happens_to_them(text: str, to_them: bool) -> None:
    assert happening_to_them(text) is to_them


@pytest.mark.parametrize(
    ("text", "for_help"),
    [
        ("What should a victim of trafficking do first?", True),
        ("where can victims of forced labour go?", True),
        ("how can a trafficking victim escape?", True),
        ("what help is there for survivors in thailand?", True),
        ("what should someone do if they think they are being trafficked?", True),
        ("my client is terrified of her boss. where can she get protection?", True),
        ("where can we get support for our training budget?", False),
        # about victims, not asking where they get help
        ("If officials are corrupt, what happens to trafficking survivors who need help?", False),
        ("how do victims get protection under the protocol?", False),
        ("what can people do about corruption?", False),
        ("how are victims of trafficking identified?", False),
    ],
)
def test_asking_where_someone_in_danger_gets_help(text: str, for_help: bool) -> None:
    """Found by trying the bot as a user (2026-12-02): "what should a victim of trafficking do
    first?" got the entry on recruitment ("first contacts") and no note. The knowledge base
    holds no helpline, so the note is the honest answer, for whomever it is asked."""
    assert asks_for_help(text) is for_help
    assert shipped_engine().reader.suspicion(text).is_danger(answered=True) is for_help


def test_the_legal_gate_needs_a_legal_word() -> None:
    assert about_the_law("can I be prosecuted for paying a smuggler?")
    assert not about_the_law("they took my passport and I cannot leave")


@pytest.mark.parametrize(
    "text",
    [
        "my cousin agreed to go at first, is it still trafficking?",
        "I only cooked on the boat, will they treat me as a smuggler?",
        "I owe the agent for the flight, am I a trafficking victim?",
        "the police closed my brother's case, can we get it reopened?",
        "a colleague takes cash at the gate, do I have to report it?",
        "is what I did legally a problem?",
        "I'm defending a boat crew member, is he a smuggler if he was not paid?",
    ],
)
def test_what_ones_own_case_counts_as_in_law_names_the_law(text: str) -> None:
    assert about_the_law(text)


def test_what_ones_own_case_counts_as_in_law_gets_the_legal_note() -> None:
    """Found in a fresh development set (2026-12-02): the legal detector read such questions as
    personal surely, but the gate before it found no legal word."""
    reader = shipped_engine().reader
    for text in (
        "my sister agreed to go to thailand for work, now her boss keeps her passport. is it "
        "still trafficking?",
        "I only worked as the cook on a boat that took people to Australia. Will they treat me "
        "as a smuggler?",
        "I borrowed from the agent for my flight and now I owe him a lot. Am I a trafficking "
        "victim?",
    ):
        assert reader.personal_legal(text), text


def test_what_the_law_says_in_general_gets_no_legal_note() -> None:
    reader = shipped_engine().reader
    for text in (
        "is debt bondage a form of trafficking under the protocol?",
        "are victims of trafficking treated as criminals in the region, according to the report?",
    ):
        assert not reader.personal_legal(text), text


def test_a_detector_learns_which_side_a_message_is_on() -> None:
    detector = Detector(
        ["they locked me in", "my boss keeps my passport", "we are locked in and not paid"],
        ["what is a passport", "how do locks work", "what does the report say about pay"],
    )
    assert detector.probability("they locked us in and keep our passports") > 0.5
    assert detector.probability("what does the report say about passports") < 0.5


def test_training_features_are_shared_and_learn_the_same() -> None:
    """`shared_features` featurises each text once for detectors that learn from the same
    examples, as hashes; a detector learns exactly what it learns from fresh features."""
    shared = shared_features(regional.features)
    hashes, values = shared("paspor saya ditahan")
    assert shared("paspor saya ditahan")[0] is hashes
    assert set(hashes.tolist()) == {hash(f) for f in regional.features("paspor saya ditahan")}
    assert (values == 1.0).all()  # no cue among them
    danger = ["paspor saya ditahan majikan", "saya dikunci di rumah", "gaji saya tidak dibayar"]
    ordinary = ["apa itu paspor", "laporan ini tentang apa", "siapa yang menulis laporan ini"]
    fresh = Detector(danger, ordinary, read=regional.features)
    learnt = Detector(danger, ordinary, shared_features(regional.features), read=regional.features)
    for text in ("paspor saya ditahan", "apa isi laporan ini"):
        assert learnt.probability(text) == pytest.approx(fresh.probability(text), abs=1e-12)
    assert fresh.probability("paspor saya ditahan") > fresh.probability("apa isi laporan ini")


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("please help they took my passport and I cannot leave", True),
        ("the agent took passports and says we owe him money", True),
        ("where can I report a trafficker?", True),
        ("what does the report say about passport confiscation?", False),
        ("how do I renew my passport", False),
        ("write me a poem about the sea", False),
        ("my boss locks me in at night", True),
        ("my employer has my passport", True),
        ("my passport is with my employer", True),
        ("where do I go, boss hits me", True),
        ("what does the report say about employers who have their workers' passports?", False),
        ("more please", False),
        ("show me the menu pls", False),
        # found by trying the bot as a user (2026-11-30, eighth part)
        ("passport taken", True),
        ("a friend's 16 yr old daughter is being sent to work in a massage parlour", True),
        ("asking for a friend: what if you run away from an employer who has your passport?", True),
        ("what does the report recommend for reporting corruption by officials", False),
        # found by trying the bot as a user (2026-11-30, ninth part)
        ("Someone I know is being held against their will, what should I do?", True),
        ("passport confiscated by employer what do i do", True),
        ("how do i escape from a scam compound in myanmar", True),
        (
            "how can I report corrupt border guards who are helping traffickers? I have evidence",
            True,
        ),
        ("do you keep my messages? my employer must not know", True),
        (
            "the report says corruption helps traffickers avoid prosecution. that's what "
            "happened in my case, the judge was paid and now they are looking for me",
            True,
        ),
        # found with a helper's new voices (2026-11-30, tenth part)
        ("i ran. im at a bus stop. no credit. where do i go", True),
        ("the guards say the only way out is to pay 10000 or bring two new workers", True),
        (
            "Hypothetical for a seminar: a worker pays a recruiter and the employer keeps his "
            "passport. He can leave freely. Is that trafficking under the protocol?",
            False,
        ),
        ("the boss has the only key and the door is always locked", True),
        ("still at sea, nine months, the captain will not dock anywhere", True),
        ("we work 18 hours and no pay since march", True),
        ("my agent says I must pay 3000 more before I can go home, is that allowed?", True),
        ("the manager doesn't let us leave the building", True),
        ("the officer says he will deport me tonight unless I pay", True),
        ("im 15 and the owner makes me work until midnight", True),
        ("the staff told my trafficker where I am. I need to move tonight, where can I go?", True),
        # found by trying the bot as a user (2026-12-01): a case of one's own, asked as a question
        ("is it normal that my uncle's employer keeps his passport?", True),
        # found by trying the bot as a user (2026-12-01, second part)
        ("what should i do if i see a child begging for a gang", True),
        ("is it legal for an employer to hold my passport?", True),
        ("is there a hotline i can call in malaysia for trafficking victims?", True),
        ("what is the number for police in thailand", True),
        (
            "I'm writing from Malaysia, my employer took my passport 3 months ago and I work 14 "
            "hours a day. What does the report say about corruption by recruitment agencies?",
            True,
        ),
        ("is forced begging a form of trafficking?", False),
        ("we run a help line for migrants, what does the report say about reporting?", False),
        ("what happens if i lose my passport abroad", False),
        # found by trying the bot as a user (2026-12-01, third part)
        ("my husband was tricked into working on a fishing boat what should i do", True),
        (
            "Tay, the agency said she needs to pay 3 months salary before they return her "
            "passport. Is that allowed?",
            True,
        ),
        ("how do traffickers trick people into working abroad?", False),
        ("how do i get my passport back from the embassy after renewal", False),
        ("how do i leave the compound without getting caught", True),
        # found by a code review (2026-12-01): ordinary questions the first cues caught
        ("is there a hotline mentioned in the report?", False),
        ("what number of police officers took bribes according to the report?", False),
        ("my phone was stolen. where can I download the report?", False),
        ("how long does it take to get my passport renewed?", False),
        ("the hotel kept my passport at check-in, is that normal?", False),
        (
            "Our workers were trafficked before we hired them. What does the report recommend "
            "for employers?",
            False,
        ),
        ("my employer keeps my passport, is that trafficking?", True),
        ("my friend is stuck in a scam compound in Myanmar", True),
        ("is it ok that our agent keeps our passports?", True),
        ("i think my neighbour is trafficking girls, who do i tell?", True),
        ("my cousin is in one of those compounds near the border", True),
        ("my client's employer kept her passport for a year. which article covers that?", False),
        ("a journalist friend asked me: is a scam compound a form of trafficking?", False),
        ("does the report discuss workers who are not allowed to leave the compound?", False),
        ("what does the report say about ships that never dock for months?", False),
        ("how do victims escape from scam compounds according to the report?", False),
        # asked, not told; and asking for help with an exam is no plea
        ("my colleague was asking whether smuggled migrants can be punished", False),
        ("please help, I have an exam tomorrow on the trafficking protocol", False),
        # the asker's own case, asked as a question
        ("i think i am a victim of human trafficking", True),
        ("it is happening to me right now", True),
        ("where do I go for help if I am being exploited by my employer?", True),
        ("my niece left with a broker in may, phone off since june", True),
        ("a man on facebook offered me a job in laos, they pay the ticket, is it legit?", True),
        ("how to get out of the compound", True),
        ("how to escape poverty, does the report discuss it?", False),
        ("what should i do if i suspect a pupil of mine is being trafficked", True),
        ("I am a reporter covering the police bribery story, how pervasive is bribery?", False),
        # found in a fresh development set after an answer (2026-12-03, third part)
        ("who do i even tell about this. i cant stay here anymore", True),
        ("the chief protects the man sending kids to the kilns. i have names", True),
        ("i have evidence on the police captain. he already warned me to stop", True),
        ("we have evidence that officials help smugglers, what does the report add to it?", False),
        ("my students always warn me not to trust chatbots, is this one official?", False),
        # an escape told in a hurry, without the "i", before or after a practical question
        ("where is the bus station? slipped out of the house this morning, no papers", True),
        ("got out of the compound an hour ago. which way to the border", True),
        ("we got out of the building fast when the fire alarm rang, is that in the report", False),
        # a threat as the price of refusing, and pictures of bribes to hand over
        ("the agent says sign the paper saying i was paid, or he reports me to immigration", True),
        ("boss told us if we quit our families will pay for it", True),
        (
            "I took pictures of the cash the guard takes at the checkpoint, who should see this?",
            True,
        ),
        ("we have photos of the launch event, who should see them first?", False),
        # watched while writing, fetched from where one is, in hiding
        ("still the same over here. cant talk long", True),
        ("they check our phones at night, can someone come and get us", True),
        ("my cousin ran last week and is hiding at my place, his papers are still with them", True),
        ("can't talk much now, in class. what's UNCAC?", False),
        ("does the report say what happens to workers who are hiding from police?", False),
        # writing in hiding, sleeping where one works
        ("i'm writing from the toilet, the supervisor is outside", True),
        ("we sleep on the floor of the shop and work every day, is that legal", True),
        ("where do workers sleep in the factories the report describes?", False),
        (
            "if you leave early, your family will miss the ceremony. is the report launch public?",
            False,
        ),
        (
            "I train immigration officers next month. I have read the press release but not the "
            "whole document, and I don't want to misquote anyone. Who wrote the report?",
            False,
        ),
        # found on a fresh development set (2026-12-03, fifth part): a person told by what they
        # do, the passive of being made to work, a stay that hangs on obeying
        ("how can i report a man who keeps girls in his house", True),
        ("where do i report someone who sells fake visas to our workers", True),
        ("is there a report about police who take bribes at the border?", False),
        ("does the report describe officials who take bribes?", False),
        ("In the 2021 report the officials who took bribes are named, which ones?", False),
        ("my friend gets made to entertain the guests after her shift", True),
        ("is a worker who is made to work overtime a victim of forced labour?", False),
        ("the manager says my permit depends on it if i refuse the night shift", True),
        ("does a migrant's visa depend on the employer under the kafala system?", False),
    ],
)
def test_the_shipped_reader_on_plain_cases(text: str, danger: bool) -> None:
    reader = shipped_engine().reader
    matcher = shipped_engine().matcher
    answered = matcher.match(text).decision.value == "answer"
    assert reader.suspicion(text).is_danger(answered) is danger


def test_asking_nicely_is_no_call_for_help() -> None:
    """ "please" is a feature of pleas, but no situation on its own: "more please" is no plea."""
    assert situations("more please") == []
    assert situations("show me the menu pls") == []
    assert situations("please help me") == ["plea"]
    assert "plea" in cues("more please")


def test_without_examples_the_first_person_rule_still_catches_danger(
    write_knowledge: WriteKnowledge,
) -> None:
    reader = Reader(load_knowledge(write_knowledge([entry("a-b")])))
    assert reader.suspicion("my boss took my passport and I can't leave").is_danger(answered=True)
    assert not reader.suspicion("what is a passport").is_danger(answered=False)
    assert not reader.personal_legal("can I be prosecuted for paying a smuggler?")


def test_small_talk_about_the_bot(write_knowledge: WriteKnowledge) -> None:
    reader = Reader(load_knowledge(write_knowledge([entry("a-b")])))
    assert reader.small_talk("who made you?") is Intent.ABOUT_BOT
    assert reader.small_talk("who made the report?") is None
    # a trainer asking for what /quiz does: the help lists it
    assert reader.small_talk("can you make a quiz for them") is Intent.CAPABILITIES
    assert reader.small_talk("does the bot have a quiz?") is Intent.CAPABILITIES
    # a command's name without its slash (was "I don't recognise those words")
    assert reader.small_talk("quiz") is Intent.CAPABILITIES
    assert reader.small_talk("glossary") is Intent.CAPABILITIES
    assert reader.small_talk("what does the quiz in the report's annex ask?") is None


def test_a_verb_of_reporting_someone_is_a_cue_of_its_own() -> None:
    spaced = regional.reader({"report": ["lapor", "melaporkan"]}, spaced=True)
    assert "c:report" in spaced("saya mau LAPOR polisi itu")
    assert "c:report" not in spaced("apa isi laporan ini?"), "the document, not the verb"
    unspaced = regional.reader({"report": ["แจ้งความ"]}, spaced=False)
    assert "c:report" in unspaced("อยากแจ้งความนายหน้า")
    assert regional.reader({"report": []}, spaced=True) is regional.features


def test_a_story_over_or_from_the_news_is_a_cue_of_its_own() -> None:
    read = regional.reader({"over": ["nakauwi na", "dati"], "media": ["napanood"]}, spaced=True)
    assert {"c:over", "c:media"} <= read("dati akong OFW, napanood ko sa TV, nakauwi na ako")
    assert not {"c:over", "c:media"} & read("kinuha ng amo ang passport ko")


def test_wanting_to_report_an_official_reads_as_danger_in_the_regions_languages() -> None:
    """Found by trying the bot as a user (2026-11-30, eighth part); before the verbs of
    reporting and their examples, neither got the safety note."""
    reader = shipped_engine().reader
    reported = "saya mau melaporkan polisi yang terima suap dari sindikat perdagangan orang"
    assert reader.regional_danger("id", reported)
    assert reader.regional_danger("fil", "paano isumbong ang pulis na kasabwat ng mga trafficker")
    assert not reader.regional_danger("th", "ต่ออายุพาสปอร์ตออนไลน์ได้ไหม")


def test_a_plea_asked_as_a_question_after_a_comma_gets_the_note_in_the_regions_languages() -> None:
    """Found by trying the bot as a user (2026-12-01): the question after the comma made the
    whole read as ordinary, and the Malay plea got the definition of trafficking alone."""
    reader = shipped_engine().reader
    assert reader.regional_danger(
        "ms", "majikan simpan pasport saya, adakah itu pemerdagangan orang?"
    )
    assert not reader.regional_danger("ms", "saya pelajar, apa isi laporan ini?")


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("is it normal that my uncle's employer keeps his passport?", True),
        ("our agent keeps the passports", True),
        ("asking for a friend: can they keep my papers?", True),
        ("my client's employer kept her passport", False),  # a lawyer's case
        ("my students asked about passport confiscation", False),  # a teacher's class
        ("the employer keeps his passport", False),
        ("is it legal for an employer to hold my passport?", True),  # their own, held
        ("my passport is kept by the agency", True),
        ("how do I renew my passport", False),  # their own, not held
        ("can the hotel hold my passport?", False),  # held, but by no one they work through
        ("our workers were trafficked before we hired them", False),  # an employer's staff
        # found by trying the bot as a user (2026-12-02): someone known at one remove, and what
        # the asker came upon themselves, not read about
        ("a friend of a friend says her boss keeps her papers", True),
        ("on a farm visit we found workers locked in a shed", True),
        ("i found in the report that passports are often held", False),
        ("we saw that article about scam compounds", False),
        ("I saw a news story last week about scam compounds being raided", False),
        # said to be the asker's own case, or a friend's; whom one works under at sea
        ("hypothetically, who should someone in a compound call? asking for myself", True),
        ("question from a friend: how can she get her papers back?", True),
        ("my captain says everyone works the first year unpaid", True),
        ("a question from my students: what is debt bondage?", False),
    ],
)
def test_whose_situation_it_is(text: str, own: bool) -> None:
    assert of_their_own(text) is own


def test_a_situation_of_ones_own_gets_the_note_at_any_probability_unless_answered() -> None:
    """The detector, taught that questions are ordinary, reads little danger in "is it normal
    that my uncle's employer keeps his passport?": whose the situation is decides."""
    own = Suspicion(0.001, situation=True, own=True)
    assert own.is_danger(answered=False)
    assert not own.is_danger(answered=True), "an entry answers it: an ordinary question"
    assert not Suspicion(0.001, situation=True).is_danger(answered=False), "nobody's own"
    assert not Suspicion(0.001, situation=False, own=True).is_danger(answered=False)


def test_a_sentence_telling_of_ones_own_case_outweighs_an_ordinary_question() -> None:
    """ "my employer took my passport ... What does the report say about recruitment?": the
    question made the whole read as all but surely ordinary, and the plea lost its note."""
    told = Suspicion(0.005, situation=True, sentence=0.9, own=True)
    assert told.is_danger(answered=True)
    assert not Suspicion(0.005, situation=True, sentence=0.9).is_danger(answered=True), (
        "a lecturer's case, told in one sentence, is nobody's own"
    )


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("my father came to Malaysia irregularly in the 90s and is a citizen now", True),
        ("I was stuck with recruitment debt back in 2014 but paid it off long ago", True),
        ("my uncle's boss kept his passport years ago, he got it back and he's fine now", True),
        ("my grandmother was smuggled out in the 1960s, was that smuggling?", True),
        ("a decade ago my brother owed a broker, he paid it off and he is home now", True),
        # what goes on in the world, not in the story (2026-12-02, fifth part)
        ("my uncle was sold to a boat in the 1980s and got home. sad that it still happens", True),
        (
            "years ago my husband owed his agent, he came home in 2019, we paid all of it off",
            True,
        ),
        # going on, or over only in someone's words
        ("she went with an agent two years ago and has received nothing since 2023", False),
        ("back in 2017 we got him out, now the same broker has his passport again", False),
        ("she went abroad two years ago, says she is fine but cries on the phone", False),
        ("years ago i thought it was over but my recruiter found me and threatens me", False),
        ("my aunt went to saudi in the 90s and her employer still keeps her passport", False),
        ("she came home in 2019 but it still happens to her cousin", False),
        # the law of today, not the story going on today (2026-12-03)
        ("grandpa was smuggled in the 70s, he's fine now. is it smuggling by today's law?", True),
        ("my grandfather was smuggled in the 70s and today they threaten him again", False),
        ("gran was sold as a bride in 1962, ran away. would it count as trafficking today?", True),
    ],
)
def test_a_story_told_as_long_over(text: str, over: bool) -> None:
    assert long_over(text) is over


@pytest.mark.parametrize(
    ("text", "media"),
    [
        ("I watched a documentary about children begging in Bangkok", True),
        ("read in the news that rescued workers were charged", True),
        ("saw it on tv last night", True),
        ("I saw a news story last week about scam compounds being raided", True),
        # social media is where the recruiting is done, not a story told
        ("a man on facebook is offering jobs to girls in my village", False),
        ("my cousin told me on tiktok she cannot leave", False),
    ],
)
def test_a_case_known_from_the_news(text: str, media: bool) -> None:
    assert from_the_media(text) is media


@pytest.mark.parametrize(
    ("text", "relayed"),
    [
        ("my colleague was asking whether smuggled migrants can be punished", True),
        ("a friend wants to know if trafficked people are prosecuted", True),
        ("students often ask how victims of trafficking can be identified", True),
        # the question may be of someone near the asker, or names more than a word of law
        ("my sister asked me if she can leave her employer who keeps her passport", False),
        ("my friend wonders whether people held in scam compounds can escape", False),
        ("my neighbour asked me where victims of trafficking can get help", False),
        ("i wonder whether smuggled migrants can be punished", False),
        ("they asked me whether i was smuggled", False),
    ],
)
def test_someone_elses_question_passed_on(text: str, relayed: bool) -> None:
    assert relays_a_question(text) is relayed


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        # a question passed on, about people in general, is no plea (CI, 2026-12-02)
        ("my classmate asked me whether trafficked people can be punished", False),
        (
            "my boss wants to know whether victims can be punished for crimes they were forced "
            "to commit",
            False,
        ),
        ("my friend was asking how she can get her passport back from the agent", True),
        ("my friend wonders whether people held in scam compounds can escape", True),
        # found in a fresh development set (2026-12-02, fourth part): stories, not pleas
        (
            "my father came to Malaysia irregularly in the 90s and is a citizen now. Was he "
            "technically a smuggled migrant under the protocol?",
            False,
        ),
        (
            "what about forced begging? I watched a documentary about children begging in "
            "Bangkok and wondered if it fits",
            False,
        ),
        ("when did it enter into force? I need it for my footnotes", False),
        # the same words, happening now
        ("my father came to Malaysia irregularly and the agent still has his passport", True),
        (
            "I saw the news about the scam compounds, my cousin is in one right now and they "
            "beat him",
            True,
        ),
        ("they force me to work at night", True),
        # carried like goods, asking about the law (2026-12-02, fifth part)
        (
            "we're in the back of a lorry with about 15 others and we haven't had water since "
            "monday. will i be arrested if police stop us?",
            True,
        ),
        ("years ago it was over, I'm home now, but I want to report the broker who did it", True),
    ],
)
def test_a_story_long_over_or_from_the_news_is_no_plea(text: str, danger: bool) -> None:
    engine = shipped_engine()
    answered = engine.matcher.match(text).decision.value == "answer"
    assert engine.reader.suspicion(text).is_danger(answered) is danger


def test_a_wish_to_report_someone_gets_the_note_in_the_regions_languages() -> None:
    """Found in a user trial (2026-12-02, fourth part): the entries' words (an immigration
    officer, bribes, a smuggler) read as ordinary to the detectors, and "saya mahu lapor" got the
    entry on corruption at borders with no note."""
    reader = shipped_engine().reader
    wish = "Saya mahu lapor pegawai imigresen yang ambil rasuah daripada penyeludup"
    assert reader.regional_would_report("ms", wish)
    assert reader.regional_danger("ms", wish)
    assert reader.regional_would_report("fil", "Gusto kong i-report ang pulis na may suhol")
    # the verb without the asker as the one who would report, or the asker without the verb
    assert not reader.regional_would_report("ms", "bagaimana mangsa boleh membuat aduan?")
    assert not reader.regional_would_report("ms", "saya nak tahu siapa tulis laporan ini")


def test_asking_who_can_help_someone_is_asking_for_help() -> None:
    """Found in a user trial (2026-12-02, fourth part): the note came, then the report's
    acknowledgements, whose words "help" shared."""
    assert asks_for_help("She is kept in a house and cannot leave. Who can help her?")
    assert asks_for_help("who can help my sister now")
    assert not asks_for_help("who can help me understand UNCAC?")
