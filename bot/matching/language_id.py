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

from bot.knowledge import fold
from bot.matching.stopwords import STOP_WORDS

_SCRIPTS = {"THAI": "th", "KHMER": "km", "MYANMAR": "my"}
# letters only Vietnamese uses among the region's Latin-script languages
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
# Common words of each language (Vietnamese as typed without its marks too) that English
# does not use: a message is in the language when it has two or more of them (one, in a
# message of one or two words), and more than English function words, so "my majikan took my
# passport" stays English and "apa itu UNCAC?" does not.
# First, the words that tell Indonesian from Malay: everyday words, and Malaysia's own terms
# (rasuah, penyeludupan, imigresen, polis, wang, jenayah against korupsi, penyelundupan...).
_INDONESIAN = frozenset(
    "nggak gak gimana bisa kapan sih aja banget dong kenapa bagaimanakah tentang bikin sudah "
    "belum harus sama korupsi penyelundupan perdagangan imigrasi polisi uang kejahatan "
    "pemerintah".split()
)
_MALAY = frozenset(
    "tak ni tu kat nak macam boleh awak dah mengapa camne rasuah penyeludupan pemerdagangan "
    "imigresen polis wang duit jenayah kerajaan".split()
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
# question words that open a question in Indonesian, Malay and Filipino
_ASKING_FIRST = frozenset(
    "siapa apa berapa bagaimana kenapa mengapa bila sino ano paano bakit saan kailan".split()
)
MOST_NAMED = 2
ENOUGH_WORDS = 2  # of a language's own, for a message longer than that
ENGLISH_SHARE = 0.2  # of a message's words English function words: it looks English


def probable_languages(text: str) -> tuple[str, ...]:
    """Language codes (as `knowledge/i18n/` names its files), likeliest first; () if none of
    the region's languages is recognised."""
    if scripts := _by_script(text):
        return scripts
    if _VIETNAMESE.search(text):
        return ("vi",)
    return _by_words(fold(text).split())


def looks_english(text: str) -> bool:
    """Whether a fifth or more of a message's words are English function words, as in nearly
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


def _by_words(words: list[str]) -> tuple[str, ...]:
    english = sum(word in STOP_WORDS for word in words)
    # a question opened by the language's own question word ("siapa ...?") counts it twice
    counted = [*words[:1], *words] if words and words[0] in _ASKING_FIRST else words
    indonesian = sum(word in _INDONESIAN for word in counted)
    malay = sum(word in _MALAY for word in counted)
    shared = sum(word in _MALAY_INDONESIAN for word in counted)
    counts = {
        "vi": sum(word in _VIETNAMESE_WORDS for word in counted),
        "fil": sum(word in _FILIPINO for word in counted),
        "id": shared + indonesian,
        "ms": shared + malay,
    }
    best = max(counts.values())
    # one such word in a longer message is chance: "la" in Italian, "dan" in English
    if best <= english or best < (1 if len(words) <= ENOUGH_WORDS else ENOUGH_WORDS):
        return ()
    if max(counts["id"], counts["ms"]) == best >= max(counts["vi"], counts["fil"]):
        return ("ms", "id") if malay > indonesian else ("id", "ms")
    return (max(counts, key=lambda code: counts[code]),)
