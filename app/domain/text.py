"""Vietnamese text: normalisation for storage, keys for comparison, names (DOMAIN §7).

Store what the clerk typed (NFC, tidy spaces); compare through keys:
- `search_key`: no diacritics, no case, no punctuation — "NGUYỄN  văn HÙNG" == "nguyen van hung";
- `tone_key`: keeps diacritics, unifies only case, spacing and the two tone-placement conventions ("hoà" == "hòa").
"""
from __future__ import annotations

import re
import unicodedata
from itertools import chain

from app.domain import syllables

# Characters that only mean "a gap between words" in names and places.
_PUNCTUATION = "-'.,_/\\()[]{}\"`;:!?&+*#@~|<>=%^$–—‘’“”…·"
# Zero-width characters vanish. The soft hyphen U+00AD is kept on purpose: in a TCVN3 cell it is the letter "ư".
_INVISIBLE = {0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]").search
# Some keyboards and fonts type the Icelandic eth (Ð U+00D0) for Đ: the keys treat it as đ (storage keeps it).
_ETH = {0xD0: "đ", 0xF0: "đ"}
_TABLE_SIZE = 0x2100  # Latin, combining marks, general punctuation; other characters pass unchanged


def _build_search_table() -> list[str | None]:
    """One str.translate table: every precomposed Latin letter -> its lower-case base letter, combining marks ->
    removed, đ -> d, punctuation -> space. A list, not a dict: translate() indexes it, about twice as fast, and a
    character past its end (IndexError is a LookupError) maps to itself."""
    table: list[str | None] = [chr(cp) for cp in range(_TABLE_SIZE)]
    for cp in chain(range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii() and base.isalpha():
            table[cp] = base.lower()
    for cp in range(0x300, 0x370):
        table[cp] = None
    for cp in (ord("đ"), ord("Đ"), *_ETH):
        table[cp] = "d"
    for ch in _PUNCTUATION:
        table[ord(ch)] = " "
    for cp in _INVISIBLE:
        if cp < _TABLE_SIZE:
            table[cp] = None
    return table


_SEARCH_TABLE = _build_search_table()
_TONE_TABLE = {ord(ch): " " for ch in _PUNCTUATION} | _INVISIBLE | _ETH
_VIETNAMESE_MARKED = frozenset(ch for ch in syllables.LETTERS if not ch.isascii())


def nfc(s: str | None) -> str:
    """Unicode NFC, zero-width characters removed, every run of white space (tabs, NBSP, new lines) one space,
    ends stripped. The clerk's spelling (tone placement, case) is kept."""
    if s is None:
        return ""
    s = str(s)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    if _HAS_INVISIBLE(s):
        s = s.translate(_INVISIBLE)
    return " ".join(s.split())


def search_key(s: str | None) -> str:
    """The comparison key without diacritics: lower case, marks removed, đ -> d, punctuation -> space, spaces
    collapsed. NFC and NFD input give the same key (combining marks are simply dropped)."""
    if not s:
        return ""
    return " ".join(str(s).lower().translate(_SEARCH_TABLE).split())


def tone_key(s: str | None) -> str:
    """The comparison key with diacritics: lower case, punctuation -> space, spaces collapsed, and each syllable's
    tone mark moved to one canonical place ("hoà"/"hòa", "thuý"/"thúy", "khoẻ"/"khỏe" give one key)."""
    if not s:
        return ""
    words = unicodedata.normalize("NFC", str(s)).lower().translate(_TONE_TABLE).split()
    return " ".join(syllables.retone(w) for w in words)


def split_name(full: str | None) -> tuple[str, str, str]:
    """(family, middle, given): family = first word, given = last word, middle = the words between ("" if none).
    A single word is taken as the given name: ("", "", word)."""
    words = nfc(full).split(" ") if nfc(full) else []
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def is_all_caps(s: str | None) -> bool:
    """True when the text has letters and none of them is lower case ("NGUYỄN VĂN HÙNG")."""
    if not s:
        return False
    return s == s.upper() and s != s.lower()


def title_case_vi(s: str | None) -> str:
    """Capitalise each word, lower-case the rest: "NGUYỄN VĂN HÙNG" -> "Nguyễn Văn Hùng". Only spaces start words
    (so "H'MÔNG" -> "H'mông", "KHƠ-ME" -> "Khơ-me")."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in nfc(s).split(" ") if w)


def has_vietnamese_marks(s: str | None) -> bool:
    """True when the text holds a letter with a Vietnamese diacritic (precomposed or combining) or đ."""
    if not s:
        return False
    lowered = unicodedata.normalize("NFC", str(s)).lower()
    return any(ch in _VIETNAMESE_MARKED for ch in lowered)
