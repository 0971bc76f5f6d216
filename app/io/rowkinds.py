"""Rows of a person list that are not persons, told by their whole shape, never by the first letters of a cell.

- A totals row: its words are all totals labels ("Tổng cộng", "Cộng thôn Đông", "Tổng số: 5 người") and its other
  cells are counts. It is skipped; it does not end the list (a list may carry one per hamlet).
- A signature row: its words are all signature-block words ("Người lập biểu", "TM. UBND xã", "(Ký, ghi rõ họ
  tên)", "Dân Lý, ngày 20 tháng 11 năm 2025"). It starts the footer; the rows below it are not read as persons,
  and one that looks like a person is reported, not dropped.
- A section title: a row of one text only, numbered ("I. Tăng", "2. Giảm") or naming a hamlet ("Thôn Đông").
- A numbering row under the header ("1 2 3 …", "(1) (2) …", "A B 1 2 …").

Words are compared with their diacritics ("Trưởng ban" is a title, "Trương Bằng" a person; "Tổng cộng" a label,
"Tống Công Minh" a person); a cell typed without any diacritic is compared without them, and then only as a whole.
"""
from __future__ import annotations

import itertools
import re

from app.domain import legacy
from app.domain.text import has_vietnamese_marks, search_key, tone_key
from app.io import limits

_NUMBERING_CELL = re.compile(r"\(?(?:[A-Za-z]|\d{1,3})\)?")

# Signature-block words, each a whole cell or the start of one followed by more words (their qualifier: "Trưởng
# thôn Đông", "Xác nhận của UBND xã"). Written with diacritics; compared by tone_key.
_SIGNATURE_WORDS = (
    "người lập biểu", "người lập", "người lập danh sách", "người lập bảng", "thủ trưởng", "thủ trưởng đơn vị",
    "kế toán", "kế toán trưởng", "giám đốc", "phó giám đốc", "chủ tịch", "phó chủ tịch", "tm ủy ban nhân dân",
    "tm uỷ ban nhân dân", "tm ubnd", "t m ubnd", "tm", "ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "xác nhận",
    "xác nhận của", "ký ghi rõ họ tên", "ký và ghi rõ họ tên", "ký tên", "ký đóng dấu", "ký tên đóng dấu",
    "ký ghi rõ họ tên đóng dấu", "ký đóng dấu ghi rõ họ tên", "đã ký", "đã ký và đóng dấu", "đại diện",
    "cán bộ", "cán bộ lập", "cán bộ thu", "cán bộ bhxh", "trưởng thôn", "trưởng ban", "trưởng ấp", "trưởng khu",
    "trưởng bản", "trưởng xóm", "trưởng phòng", "tổ trưởng", "nhân viên thu", "đại lý thu", "người kê khai",
    "thủ quỹ", "công chức", "bưu điện", "người nhận", "người giao", "bên giao", "bên nhận", "nơi nhận",
    "kt chủ tịch", "kt giám đốc")
_SIGNATURE_KEYS = tuple(sorted({tone_key(w) for w in _SIGNATURE_WORDS}, key=len, reverse=True))
_SIGNATURE_ASCII = frozenset(search_key(w) for w in _SIGNATURE_WORDS)
_DATE_LINE = re.compile(r"(?:^|\s)ngày\b.*\btháng\b.*\bnăm\b")
_DATE_LINE_ASCII = re.compile(r"(?:^|\s)ngay\b.*\bthang\b.*\bnam\b")
# Totals labels, and what may follow them: a qualifier (a hamlet, a number, "toàn xã") and counts.
_TOTAL = re.compile(r"(?:tổng cộng|tổng số|tổng|cộng|tổng số người|tổng số hộ)(?:\s+(?:toàn|các|theo|thôn|xóm|"
                    r"tổ|ấp|bản|khu|đội|nhóm|mục|phần|[ivx]+|\d+)\b.*)?")
_TOTAL_ASCII = re.compile(r"(?:tong cong|tong so|tong|cong)(?:\s+(?:toan|cac|theo|thon|xom|to|ap|ban|khu|doi|nhom|"
                          r"muc|phan|[ivx]+|\d+)\b.*)?")
_COUNT = re.compile(r"[\d.,\s]*(?:\d\s*(?:người|hộ|nhân khẩu|khẩu|thẻ|nguoi|ho|nhan khau|khau|the)?\s*[,;]?\s*)*")
_TOTAL_WITH_COUNT = re.compile(r"(.*?)\s*[:=]\s*(.*)")
# Sections: numbered, or a hamlet's name (with diacritics: "Bàn Văn A" and "Đới Văn B" are persons).
_SECTION_NUMBER = re.compile(r"(?:[ivxlc]+|\d{1,2}|[a-z])[.)]\s*\S")
_SECTION_PLACE = re.compile(r"(?:thôn|xóm|ấp|bản|làng|khu|đội|tổ|tổ dân phố|khu phố|buôn|sóc|khóm|phum|"
                            r"tiểu khu|khu dân cư)\b")
_SECTION_PLACE_ASCII = re.compile(r"(?:thon|xom|ap|khu pho|to dan pho)\b|(?:ban|doi|to|khu|lang) \d")


def _text(cell: object, encoding: str) -> str | None:
    if not isinstance(cell, str) or len(cell) > limits.MAX_CELL_CHARS:
        return None
    return legacy.to_unicode(cell, encoding) if encoding != "unicode" else cell


def _is_signature(text: str) -> bool:
    if has_vietnamese_marks(text):
        key = tone_key(text)
        if _DATE_LINE.search(key):
            return True
        return any(key == w or key.startswith(w + " ") for w in _SIGNATURE_KEYS)
    key = search_key(text)
    return bool(_DATE_LINE_ASCII.search(key)) or key in _SIGNATURE_ASCII


def _is_count(cell: object) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return True
    return isinstance(cell, str) and bool(_COUNT.fullmatch(tone_key(cell)))


def _is_total(text: str) -> bool:
    key = tone_key(text) if has_vietnamese_marks(text) else search_key(text)
    pattern = _TOTAL if has_vietnamese_marks(text) else _TOTAL_ASCII
    if pattern.fullmatch(key):
        return True
    m = _TOTAL_WITH_COUNT.fullmatch(text.strip())  # "Tổng cộng: 5 người, 2 hộ"
    return m is not None and _is_total(m.group(1)) and _is_count(m.group(2))


def footer_kind(cells: list[object], encoding: str = "unicode") -> str | None:
    """"total" for a totals or sub-totals row, "signature" for a row of the signature block (or its date line),
    None for anything else (a person, a blank row). `encoding` is the legacy encoding of the sheet's text."""
    totals = signatures = counts = 0
    for c in cells:
        if c is None or c == "":
            continue
        text = _text(c, encoding)
        if text is None:
            if not _is_count(c):
                return None
            counts += 1
            continue
        if not text.strip():
            continue
        if _is_total(text):
            totals += 1
        elif _is_signature(text):
            signatures += 1
        elif _is_count(text):
            counts += 1
        else:
            return None
    if totals:
        return "total"
    if signatures and not counts:
        return "signature"
    return None


def is_numbering_row(cells: list[object]) -> bool:
    """"1 2 3 …", "(1) (2) …", "A B 1 2 …": at least three short tokens, the numbers increasing."""
    tokens = []
    for c in cells:
        if c == "" or c is None:
            continue
        if isinstance(c, float) and c.is_integer():
            c = str(int(c))
        if not isinstance(c, (str, int)) or isinstance(c, bool):
            return False
        t = str(c).strip()
        if t and (len(t) > 5 or not _NUMBERING_CELL.fullmatch(t)):
            return False
        if t:
            tokens.append(t.strip("()"))
    numbers = [int(t) for t in tokens if t.isdigit()]
    return len(tokens) >= 3 and all(a < b for a, b in itertools.pairwise(numbers))


def is_section_title(cells: list[object], encoding: str = "unicode") -> bool:
    """A row holding one text only, a section or hamlet title ("I. Tăng", "Thôn Đông"): lists grouped by
    hamlet or by increase/decrease carry them between the person rows."""
    filled = [c for c in cells if c not in ("", None)]
    if len(filled) != 1:
        return False
    text = _text(filled[0], encoding)
    if text is None:
        return False
    if _SECTION_NUMBER.match(text.strip().lower()):
        return True
    if has_vietnamese_marks(text):
        return bool(_SECTION_PLACE.match(tone_key(text)))
    return bool(_SECTION_PLACE_ASCII.match(search_key(text)))
