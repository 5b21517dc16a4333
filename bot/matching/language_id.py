"""Which of the region's languages a message is probably in, so that it is matched on that
language's phrasings and the reply speaks it.

By script where the script tells (Thai, Khmer, Burmese), by Vietnamese's own letters, and
otherwise by each language's common words, Vietnamese's as typed without tones too. Indonesian
and Malay are both named (the likelier first), being too close to tell apart in a short message.
No model is loaded: one costs the bot more memory than all it serves (docs/memory.md). Measured
on every evaluation set of each language (`tests/knowledge/test_evaluation.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.knowledge import KnowledgeBase, Location, Problem, Severity, fold
from bot.matching.stopwords import OTHER_LANGUAGE_WORDS, STOP_WORDS

_SCRIPTS = {"THAI": "th", "KHMER": "km", "MYANMAR": "my"}
SCRIPT_LANGUAGES = frozenset(_SCRIPTS.values())  # told by their script alone
# letters only Vietnamese uses among the region's Latin-script languages
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
# Common words of each language (Vietnamese as typed without its marks too) that English
# does not use: a message is in the language when it has two or more of them (one, in a
# message of one or two words), and more than English function words, so "my majikan took my
# passport" stays English and "apa itu UNCAC?" does not.
# First, the words that tell Indonesian from Malay: everyday words, and Malaysia's own terms
# (rasuah, penyeludupan, imigresen, polis, wang, jenayah against korupsi, penyelundupan...;
# Malaysia's "pasport" against Indonesia's "paspor").
_INDONESIAN = frozenset(
    "nggak gak gimana bisa kapan sih aja banget dong kenapa bagaimanakah tentang bikin sudah "
    "belum harus sama korupsi penyelundupan perdagangan imigrasi polisi uang kejahatan "
    "pemerintah".split()
)
_MALAY = frozenset(
    "tak ni tu kat nak macam boleh awak dah mengapa camne rasuah penyeludupan pemerdagangan "
    "imigresen polis wang duit jenayah kerajaan pasport".split()
)
_MALAY_INDONESIAN = frozenset(
    "yang dan adalah dengan tidak ini itu apa siapa untuk dari bagaimana saya kami kita "
    "mereka tolong yg ya judul lengkap kalau apakah sejak berapa ada di dalam atau juga oleh "
    "pada akan telah masih cara jadi isi laporan ringkasan singkat cuaca minggu depan hujan "
    "tempat makan siapakah adakah pasal korban negara undang orang ke seberapa sejauh umum "
    "suap sogokan petugas pegawai kepada biasa berlaku migran pekerja majikan agen gaji "
    "paspor".split()
)
_FILIPINO = frozenset(
    "ang mga ng sa ay hindi bakit paano ako ko ano sino nila ba yung lang tungkol saan naman "
    "po ito iyan kung paki pakibuod din rin kasi wala meron ni kay nang kailan ulat natin "
    "namin sila siya niya ninyo si yan labas kahit bawal oras amo tulong tulungan pa nga daw "
    "raw ayaw gusto kami".split()
)
_VIETNAMESE_WORDS = frozenset(
    "la gi khong nao cua duoc nhung voi trong cac nay nguoi bao cao thi vay sao dinh nghia "
    "tham khac nhau chong nuoc quoc muon muc tieu ve va nhu toi chieu buon noi dau khi phap "
    "hinh hoa hanh tro chuc phong lam viec lao dong tre em nganh danh ca nghi thu ko tien chu "
    "tra luong giu bi roi dang minh cung rat lai het".split()
)


@dataclass(frozen=True, slots=True)
class LanguageWords:
    """The common words each Latin-script language is told by."""

    indonesian: frozenset[str] = _INDONESIAN
    malay: frozenset[str] = _MALAY
    malay_indonesian: frozenset[str] = _MALAY_INDONESIAN
    filipino: frozenset[str] = _FILIPINO
    vietnamese: frozenset[str] = _VIETNAMESE_WORDS

    def learning(self, texts: Mapping[str, Iterable[str]], english: Iterable[str]) -> LanguageWords:
        """These words and those a language's own texts use (`texts`, by code: its phrasings and
        examples) in `LEARNT_FROM` or more of them and neither English (`english`: every word of
        the English texts) nor the European languages' function words do: "aku", "kena" and
        "pukul" place "kena pukul" (beaten), which the lists alone cannot."""
        # nor those of the other languages people write in Latin letters ("que", "la", "de"):
        # a question in Spanish is no Vietnamese one
        known = frozenset(english) | STOP_WORDS | OTHER_LANGUAGE_WORDS
        learnt = {code: _common(found, known) for code, found in texts.items()}
        indonesian, malay = learnt.get("id", frozenset()), learnt.get("ms", frozenset())
        return LanguageWords(
            self.indonesian | (indonesian - malay),
            self.malay | (malay - indonesian),
            self.malay_indonesian | (indonesian & malay),
            self.filipino | learnt.get("fil", frozenset()),
            self.vietnamese | learnt.get("vi", frozenset()),
        )


COMMON_WORDS = LanguageWords()


def _common(texts: Iterable[str], known: frozenset[str]) -> frozenset[str]:
    counts = Counter(word for text in texts for word in set(fold(text).split()))
    return frozenset(
        word
        for word, count in counts.items()
        if count >= LEARNT_FROM and _PLAIN_WORD.fullmatch(word) and word not in known
    )


# function words of the European languages people write in Latin letters ("que", "es", "und")
# that none of the region's lists has: they speak against the region's languages as English does
_EUROPEAN = (
    OTHER_LANGUAGE_WORDS - _INDONESIAN - _MALAY - _MALAY_INDONESIAN - _FILIPINO - _VIETNAMESE_WORDS
)

# question words that open a question in Indonesian, Malay and Filipino
_ASKING_FIRST = frozenset(
    "siapa apa berapa bagaimana kenapa mengapa bila sino ano paano bakit saan kailan".split()
)
MOST_NAMED = 2
ENOUGH_WORDS = 2  # of a language's own, for a message longer than that
ENGLISH_SHARE = 0.2  # of a message's words English function words: it looks English
LEARNT_FROM = 3  # texts of a language a word must be in to tell it
_PLAIN_WORD = re.compile(r"[a-z]{2,}")  # letters only, as folded: no names with digits, no "x"


# Indonesian and Malay in the order a message that no word of theirs tells apart is given them:
# Indonesian, the language of far more of the region's people, first
UNTOLD = ("id", "ms")

# the languages a message can be told to be in: by script, by Vietnamese's letters, by words
IDENTIFIED = frozenset({*SCRIPT_LANGUAGES, "vi", "fil", "id", "ms"})


def unidentified_warnings(knowledge: KnowledgeBase) -> list[Problem]:
    """A language given phrasings that no message can be told to be in: its phrasings are
    never matched, and its words are shown only to a chat that chose it with /language."""
    return [
        Problem(
            Location(knowledge.root / "phrasings" / f"{code}.yaml"),
            f"no message is identified as '{code}' yet: these phrasings are never matched",
            f"identification knows {', '.join(sorted(IDENTIFIED))}; a new one needs code in "
            "bot/matching/language_id.py (docs/translations.md)",
            severity=Severity.WARNING,
        )
        for code in sorted(knowledge.phrasings)
        if code not in IDENTIFIED
    ]


def probable_languages(text: str, words: LanguageWords = COMMON_WORDS) -> tuple[str, ...]:
    """Language codes (as `knowledge/i18n/` names its files), likeliest first; () if none of
    the region's languages is recognised. `words`: the common words of each language, the
    lists above unless the knowledge base's texts taught more (`LanguageWords.learning`)."""
    if scripts := _by_script(text):
        return scripts
    if _VIETNAMESE.search(text):
        return ("vi",)
    return _by_words(fold(text).split(), words)


def as_likely(
    text: str, languages: tuple[str, ...], words: LanguageWords = COMMON_WORDS
) -> tuple[str, ...]:
    """Of the `languages` that `probable_languages` names for a message, those after the first
    that it is as likely to be in: Malay after Indonesian when none of the words that tell the
    two apart leans either way ("tolong saya, paspor ditahan majikan"). Their order is then a
    default, not a reading, and the reply's safety must not hang on it."""
    if {*languages} != {*UNTOLD}:
        return ()
    indonesian, malay = _told_apart(_counted(fold(text).split()), words)
    return languages[1:] if indonesian == malay else ()


def no_longer_than(text: str, language: str | None, words: int, characters: int) -> bool:
    """Whether a message has at most `words` words, or, in a script written without spaces
    between words (Thai, Khmer, Burmese), at most `characters` letters and marks."""
    if language in SCRIPT_LANGUAGES:
        return len("".join(text.split())) <= characters
    return len(text.split()) <= words


def looks_english(text: str) -> bool:
    """Whether more than a fifth of a message's words are English function words, as in nearly
    every English sentence ("what is the currency of cambodia"), and seldom in another
    language's, however many English nouns it borrows ("bos pukul aku", "no doa giet con toi")."""
    words = fold(text).split()
    return bool(words) and sum(word in STOP_WORDS for word in words) > ENGLISH_SHARE * len(words)


def _by_script(text: str) -> tuple[str, ...]:
    found: dict[str, int] = {}
    for ch in text:
        if ch.isalpha() and (code := _SCRIPTS.get(unicodedata.name(ch, "").split(" ", 1)[0])):
            found[code] = found.get(code, 0) + 1
    return tuple(sorted(found, key=lambda code: -found[code]))[:MOST_NAMED]


def _by_words(words: list[str], known: LanguageWords) -> tuple[str, ...]:
    english = sum(word in STOP_WORDS or word in _EUROPEAN for word in words)
    counted = _counted(words)
    indonesian, malay = _told_apart(counted, known)
    shared = sum(word in known.malay_indonesian for word in counted)
    counts = {
        "vi": sum(word in known.vietnamese for word in counted),
        "fil": sum(word in known.filipino for word in counted),
        "id": shared + indonesian,
        "ms": shared + malay,
    }
    best = max(counts.values())
    # one such word in a longer message is chance: "la" in Italian, "dan" in English
    if best <= english or best < (1 if len(words) <= ENOUGH_WORDS else ENOUGH_WORDS):
        return ()
    if max(counts["id"], counts["ms"]) == best >= max(counts["vi"], counts["fil"]):
        return ("ms", "id") if malay > indonesian else UNTOLD
    return (max(counts, key=lambda code: counts[code]),)


def _counted(words: list[str]) -> list[str]:
    """A question opened by the language's own question word ("siapa ...?") counts it twice."""
    return [*words[:1], *words] if words and words[0] in _ASKING_FIRST else words


def _told_apart(counted: list[str], known: LanguageWords) -> tuple[int, int]:
    """How many of the words are Indonesian's own, and how many Malay's."""
    return (
        sum(word in known.indonesian for word in counted),
        sum(word in known.malay for word in counted),
    )
