"""Legacy Vietnamese font encodings: TCVN3 (.VnTime) and VNI (VNI-Times) to Unicode, and back (DOMAIN §7).

The tables are data files: resources/codes/encodings/tcvn3.csv and resources/codes/vnimarks.csv (sources in
resources/codes/README.md). Detection is per sheet or column: a single short cell carries no signal.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from app.domain import syllables
from app.paths import table

ENCODINGS = ("unicode", "tcvn3", "vni")
_TONE_BY_NAME = {"": "", "acute": syllables.ACUTE, "grave": syllables.GRAVE, "hook": syllables.HOOK,
                 "tilde": syllables.TILDE, "dot": syllables.DOT}
# A word for detection: letters (ASCII or not), without ASCII digits, punctuation or spaces.
_WORD = re.compile(r"[^\x00-\x40\x5b-\x60\x7b-\x7f\s]+")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _codepoint(text: str) -> str:
    return chr(int(text.strip().removeprefix("U+"), 16))


@cache
def _tcvn3_decode() -> dict[int, str]:
    return {ord(_codepoint(row["legacy_char_codepoint"])): row["unicode"]
            for row in table("codes", "encodings", "tcvn3.csv")}


@cache
def _tcvn3_encode() -> dict[str, str]:
    return {letter: chr(cp) for cp, letter in _tcvn3_decode().items()}


@cache
def _vni_marks() -> dict[str, tuple[str, str]]:
    """VNI character -> (kind, value): kind tone/circumflex/breve with value a combining tone mark (or "" for none),
    or kind letter with value the Unicode letter."""
    marks: dict[str, tuple[str, str]] = {}
    for row in table("codes", "vnimarks.csv"):
        kind, value = row["kind"], row["value"]
        marks[_codepoint(row["codepoint"])] = (kind, value if kind == "letter" else _TONE_BY_NAME[value])
    return marks


@cache
def _vni_encode() -> tuple[dict[str, str], dict[tuple[str, str, bool], str]]:
    """(Unicode letter -> VNI letter character, (kind, tone, capital) -> VNI mark character)."""
    letters: dict[str, str] = {}
    marks: dict[tuple[str, str, bool], str] = {}
    for ch, (kind, value) in _vni_marks().items():
        if kind == "letter":
            letters[value] = ch
        else:
            marks[(kind, value, ch.isupper())] = ch
    return letters, marks


# --- decoding -----------------------------------------------------------------------------------------------------

def tcvn3_to_unicode(s: str, capitals: bool = False) -> str:
    """Convert TCVN3 text to Unicode NFC.

    TCVN3 has codes only for lower-case toned letters; the capital fonts (.VnTimeH) draw the same codes as
    capitals. With `capitals=True` the result is upper-cased. Without it, a cell whose ASCII letters (at least two)
    are all capitals is also taken to be in a capital font ("NGUYÔN" -> "NGUYỄN", never "NGUYễN")."""
    out = s.translate(_tcvn3_decode())
    if out != s and not capitals:
        ascii_letters = [c for c in s if c.isascii() and c.isalpha()]
        capitals = len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters)
    return _nfc(out.upper() if capitals else out)


def _combine(prev: str, kind: str, tone: str) -> str | None:
    """Apply a VNI mark to the letter before it, or None when the mark cannot sit on that letter."""
    pair = syllables.LETTERS.get(prev.lower())
    if pair is None or pair[1]:
        return None
    bare = pair[0]
    if kind == "tone" and bare in syllables.VOWELS and tone:
        result = _nfc(bare + tone)
    elif kind == "circumflex" and bare in ("a", "e", "o"):
        result = _nfc(bare + "\u0302" + tone)
    elif kind == "breve" and bare == "a":
        result = _nfc(bare + "\u0306" + tone)
    else:
        return None
    return result.upper() if prev != prev.lower() else result


def _vni_decode(s: str, strict: bool) -> str | None:
    marks = _vni_marks()
    out: list[str] = []
    for ch in s:
        entry = marks.get(ch)
        if entry is None:
            if strict and "\x80" <= ch <= "\xff":
                return None
            out.append(ch)
        elif entry[0] == "letter":
            out.append(entry[1])
        else:
            combined = _combine(out[-1], *entry) if out else None
            if combined is None:
                if strict:
                    return None
                out.append(ch)
            else:
                out[-1] = combined
    return _nfc("".join(out))


def vni_to_unicode(s: str) -> str:
    """Convert VNI text (base letter followed by mark characters, in either case) to Unicode NFC. A mark that
    cannot sit on the letter before it is kept as it is."""
    return _vni_decode(s, strict=False) or ""


def _has_unicode_vietnamese(s: str) -> bool:
    """True when the text holds a Vietnamese letter outside Latin-1 (ă, đ, ơ, ư, ạ …) or a combining mark (NFD
    text): it is Unicode already. No legacy font produces either."""
    return any(ord(c) > 0xFF and (c.lower() in syllables.LETTERS or 0x300 <= ord(c) < 0x370) for c in s)


def to_unicode(s: str, encoding: str) -> str:
    """Convert a cell judged to be in `encoding` ("unicode", "tcvn3", "vni"). A cell that already holds Unicode
    Vietnamese letters is never converted, whatever the sheet's encoding; ASCII passes unchanged."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}")
    if encoding == "unicode" or not s or s.isascii() or _has_unicode_vietnamese(s):
        return _nfc(s)
    return tcvn3_to_unicode(s) if encoding == "tcvn3" else vni_to_unicode(s)


# --- detection ----------------------------------------------------------------------------------------------------

def _tcvn3_word(word: str) -> str | None:
    table = _tcvn3_decode()
    if any(ord(c) > 0x7F and ord(c) not in table for c in word):
        return None  # a byte TCVN3 does not use, or a character no single-byte font can hold
    return word.translate(table)


def scores(samples: Iterable[object], *, max_words: int = 5000) -> dict[str, int]:
    """How many non-ASCII words of the cells (those without a Unicode-only letter) read as a Vietnamese syllable
    in each encoding: {"words", "unicode", "tcvn3", "vni"}."""
    words = unicode_ok = tcvn3_ok = vni_ok = 0
    read: dict[str, tuple[bool, bool, bool]] = {}   # word -> read as a syllable in each encoding (words repeat)
    for cell in samples:
        if not isinstance(cell, str) or cell.isascii() or _has_unicode_vietnamese(cell):
            continue
        for word in _WORD.findall(cell):
            if word.isascii():
                continue
            words += 1
            found = read.get(word)
            if found is None:
                tcvn3, vni = _tcvn3_word(word), _vni_decode(word, strict=True)
                found = read[word] = (syllables.is_syllable(word), tcvn3 is not None and syllables.is_syllable(tcvn3),
                                      vni is not None and syllables.is_syllable(vni))
            unicode_ok += found[0]
            tcvn3_ok += found[1]
            vni_ok += found[2]
        if words >= max_words:
            break
    return {"words": words, "unicode": unicode_ok, "tcvn3": tcvn3_ok, "vni": vni_ok}


def choose(found: dict[str, int]) -> str:
    """The encoding `scores` point to: a legacy one only when it reads more words than Unicode does and at least
    half of them; ties, plain ASCII and empty input give "unicode"."""
    best, score = ("tcvn3", found["tcvn3"]) if found["tcvn3"] >= found["vni"] else ("vni", found["vni"])
    if found["words"] and score > found["unicode"] and score * 2 >= found["words"]:
        return best
    return "unicode"


# Words of addresses that the place-name tables do not hold on their own.
_ADDRESS_WORDS = ("thôn", "xóm", "ấp", "bản", "làng", "buôn", "sóc", "khóm", "phum", "tổ", "khu", "phố", "đường",
                  "ngõ", "ngách", "hẻm", "số", "đội", "dân", "phố", "xã", "phường", "thị", "trấn", "huyện", "quận",
                  "tỉnh", "thành", "chủ", "hộ", "con", "vợ", "chồng", "cháu")


@cache
def _known_words() -> frozenset[str]:
    """Words Vietnamese lists are made of: place names (every commune, district and province), given and family
    names, address words. A word read two ways is read the way that gives a known word."""
    words: set[str] = set(_ADDRESS_WORDS)
    for parts, columns in ((("codes", "admin_units", "units_pre2025.csv"), ("province", "district", "commune")),
                           (("codes", "admin_units", "units_2025.csv"), ("province", "commune")),
                           (("demo", "names.csv"), ("name",)), (("codes", "relations.csv"), ("name", "aliases")),
                           (("codes", "ethnic_groups.csv"), ("name", "aliases"))):
        for row in table(*parts):
            for column in columns:
                words.update(_nfc(w).lower() for w in _WORD.findall(row.get(column) or ""))
    return frozenset(words)


def known_words(samples: Iterable[object], encoding: str) -> int:
    """How many words of the cells, read in `encoding`, are words Vietnamese lists are made of."""
    known = _known_words()
    count = 0
    for cell in samples:
        if isinstance(cell, str) and not cell.isascii():
            count += sum(1 for w in _WORD.findall(to_unicode(cell, encoding).lower()) if w in known)
    return count


def detect_encoding(samples: Iterable[object], *, max_words: int = 5000) -> str:
    """Judge a whole column or sheet: "unicode", "tcvn3" or "vni" (see `scores` and `choose`)."""
    return choose(scores(samples, max_words=max_words))


# --- encoding (to make legacy test files) -------------------------------------------------------------------------

def unicode_to_tcvn3(s: str, capitals: bool = False) -> str:
    """Unicode -> TCVN3. TCVN3 has no toned capitals: they get the lower-case code (lossy in a .VnTime font). With
    `capitals=True` the text is written for a capital font (.VnTimeH): ASCII letters upper-cased, every Vietnamese
    letter by its lower-case code — tcvn3_to_unicode reads it back in capitals."""
    table = _tcvn3_encode()
    out = []
    for ch in _nfc(s):
        if ch in table and not (capitals and ch.isupper()):
            out.append(table[ch])
        elif ch.lower() in table:
            out.append(table[ch.lower()])
        else:
            out.append(ch.upper() if capitals else ch)
    return "".join(out)


def unicode_to_vni(s: str) -> str:
    """Unicode -> VNI: each Vietnamese letter as its base letter and mark characters, marks in the letter's case."""
    letters, marks = _vni_encode()
    out = []
    for ch in _nfc(s):
        pair = syllables.LETTERS.get(ch.lower())
        if ch in letters:
            out.append(letters[ch])
            continue
        if pair is None or ch.isascii():
            out.append(ch)
            continue
        upper = ch != ch.lower()
        bare, tone = pair

        def cased(c: str, upper: bool = upper) -> str:
            return c.upper() if upper else c
        if bare in ("ơ", "ư", "đ"):
            out.append(letters[cased(bare)] + (marks[("tone", tone, upper)] if tone else ""))
        elif bare in ("â", "ê", "ô"):
            out.append(cased({"â": "a", "ê": "e", "ô": "o"}[bare]) + marks[("circumflex", tone, upper)])
        elif bare == "ă":
            out.append(cased("a") + marks[("breve", tone, upper)])
        else:
            out.append(cased(bare) + (marks[("tone", tone, upper)] if tone else ""))
    return "".join(out)
