"""Vietnamese syllable structure: onset + vowel nucleus + final consonant, with one tone.

Used to put the tone mark in one canonical place (so "hoà" and "hòa" compare equal) and, by the legacy-encoding
detector, to tell a correctly decoded word from garbage. The grammar is deliberately a little permissive: it only
has to separate Vietnamese syllables from mis-decoded byte soup, not to be a dictionary.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

# Tone marks as combining characters: sắc, huyền, hỏi, ngã, nặng.
ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
TONE_MARKS = frozenset((ACUTE, GRAVE, HOOK, TILDE, DOT))
BASE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư")
VOWELS = frozenset("aăâeêioôơuưy")
MARKED_VOWELS = "ăâêôơư"

ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
STOP_FINALS = frozenset(("c", "ch", "p", "t"))  # a syllable ending in a stop takes only sắc or nặng

_EITHER = {"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "uơ"}
_CLOSED_ONLY = {"ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"}
_OPEN_ONLY = {"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi",
              "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu"}
NUCLEI = frozenset(_EITHER | _CLOSED_ONLY | _OPEN_ONLY)


class Syllable(NamedTuple):
    onset: str
    nucleus: str
    final: str
    tone: str  # one of TONE_MARKS, or "" for the level tone


def _build_letter_table() -> dict[str, tuple[str, str]]:
    """Every lower-case Vietnamese letter (precomposed) -> (letter without tone, tone mark or "")."""
    table: dict[str, tuple[str, str]] = {}
    for cp in chain(range(0x61, 0x7B), range(0xE0, 0x1B1), range(0x1EA0, 0x1EFA)):
        ch = chr(cp)
        if ch != ch.lower():
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in TONE_MARKS]
        rest = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        if rest in BASE_LETTERS and (not tones or (len(tones) == 1 and rest in VOWELS)):
            table[ch] = (rest, tones[0] if tones else "")
    return table


LETTERS = _build_letter_table()


def split_tone(word: str) -> tuple[str, str] | None:
    """Lower-case NFC word -> (toneless word, tone). None when a character is not a Vietnamese letter or when the
    word carries two tones."""
    out = []
    tone = ""
    for ch in word:
        pair = LETTERS.get(ch)
        if pair is None:
            return None
        out.append(pair[0])
        if pair[1]:
            if tone:
                return None
            tone = pair[1]
    return "".join(out), tone


def _nucleus_fits(onset: str, nucleus: str, final: str) -> bool:
    if nucleus not in NUCLEI:
        return False
    if (final and nucleus in _OPEN_ONLY) or (not final and nucleus in _CLOSED_ONLY):
        return False
    first = nucleus[0]
    if onset in ("k", "gh", "ngh"):
        return first in "ieêy"
    if onset in ("c", "ng"):
        return first not in "ieêy"
    if onset == "g":
        return first not in "eê"
    if onset == "qu":
        return first not in "uo"
    return True


def parse(word: str) -> Syllable | None:
    """Parse one lower-case NFC word as a Vietnamese syllable, or None."""
    split = split_tone(word)
    if split is None or not split[0]:
        return None
    bare, tone = split
    for onset in ONSETS:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset):]
        for final in FINALS:
            if len(rest) > len(final) and rest.endswith(final):
                nucleus = rest[: len(rest) - len(final)]
                if _nucleus_fits(onset, nucleus, final):
                    if final in STOP_FINALS and tone not in (ACUTE, DOT):
                        return None
                    return Syllable(onset, nucleus, final, tone)
    return None


def is_syllable(word: str) -> bool:
    return parse(unicodedata.normalize("NFC", word.lower())) is not None


def tone_index(nucleus: str, final: str, style: str = "new") -> int:
    """Which vowel of the nucleus carries the tone.

    "new" style puts it on the second vowel of open oa/oe/uy (hoà, khoẻ, thuý); "old" style on the first
    (hòa, khỏe, thúy). Both are in use; everything else is placed the same way by both."""
    marked = [i for i, c in enumerate(nucleus) if c in MARKED_VOWELS]
    if marked:
        return marked[-1]
    if len(nucleus) == 1:
        return 0
    if final:
        return len(nucleus) - 1
    if len(nucleus) == 3:
        return 1
    if nucleus in ("oa", "oe", "uy"):
        return 1 if style == "new" else 0
    return 0


@lru_cache(maxsize=65536)
def retone(word: str, style: str = "new") -> str:
    """Put the tone of a lower-case NFC word in its canonical place; a word that is not a syllable is returned as is."""
    syl = parse(word)
    if syl is None or not syl.tone:
        return word
    i = tone_index(syl.nucleus, syl.final, style)
    vowel = unicodedata.normalize("NFC", syl.nucleus[i] + syl.tone)
    return syl.onset + syl.nucleus[:i] + vowel + syl.nucleus[i + 1:] + syl.final
