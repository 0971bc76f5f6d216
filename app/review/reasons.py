"""Why two records look like one person, in words a clerk understands ("cùng ngày sinh; tên khác dấu; nơi khai sinh
thiếu xã"), from the comparison levels of a pair."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TypedDict

from app import messages
from app.review import levels as c

messages.register({
    "review.reason.same_name": ("cùng họ tên", "same full name"),
    "review.reason.name_case": ("tên viết hoa/thường khác nhau", "name in different case"),
    "review.reason.name_spacing": ("tên có khoảng trắng thừa", "stray spaces in the name"),
    "review.reason.name_unicode": ("tên gõ bằng bảng mã khác (dấu tách rời)", "name typed with separate accent marks"),
    "review.reason.tone_placement": ("cách đặt dấu thanh khác ({a} / {b})", "tone mark placed differently ({a} / {b})"),
    "review.reason.no_marks": ("tên không dấu", "name without diacritics"),
    "review.reason.marks_differ": ("tên khác dấu ({a} / {b})", "diacritics differ ({a} / {b})"),
    "review.reason.middle_dropped": ("thiếu hoặc thừa tên đệm", "middle name left out or added"),
    "review.reason.middle_changed": ("tên đệm khác", "different middle name"),
    "review.reason.typo": ("tên sai {count} chữ ({a} / {b})", "name differs by {count} letters ({a} / {b})"),
    "review.reason.name_differs": ("tên khác ({a} / {b})", "different names ({a} / {b})"),
    "review.reason.common_name": ("tên phổ biến ({count} người trùng tên)", "common name ({count} persons share it)"),
    "review.reason.same_date": ("cùng ngày sinh", "same date of birth"),
    "review.reason.date_swapped": ("ngày và tháng sinh bị đảo", "day and month of birth swapped"),
    "review.reason.date_month": ("chỉ có tháng và năm sinh, trùng nhau", "only month and year of birth, they agree"),
    "review.reason.date_year": ("chỉ có năm sinh, trùng nhau", "only the year of birth, it agrees"),
    "review.reason.date_missing": ("thiếu ngày sinh", "date of birth missing"),
    "review.reason.date_differs": ("ngày sinh khác", "different dates of birth"),
    "review.reason.same_sex": ("cùng giới tính", "same sex"),
    "review.reason.sex_missing": ("thiếu giới tính", "sex missing"),
    "review.reason.sex_differs": ("khác giới tính", "different sex"),
    "review.reason.same_place": ("cùng nơi khai sinh", "same birth-registration place"),
    "review.reason.place_old_new": ("nơi khai sinh ghi theo đơn vị hành chính cũ và mới",
                                    "birth-registration place written with old and new unit names"),
    "review.reason.place_written": ("nơi khai sinh viết khác cách", "birth-registration place written differently"),
    "review.reason.place_no_commune": ("nơi khai sinh thiếu xã", "birth-registration place without its commune"),
    "review.reason.place_missing": ("thiếu nơi khai sinh", "birth-registration place missing"),
    "review.reason.place_differs": ("nơi khai sinh khác", "different birth-registration places"),
    "review.reason.same_cccd": ("cùng số CCCD", "same CCCD number"),
    "review.reason.same_bhxh": ("cùng mã số BHXH", "same social-insurance code"),
    "review.reason.two_bhxh": ("hai mã số BHXH khác nhau", "two different social-insurance codes"),
    "review.reason.alone": ("một người ở hộ một nhân khẩu", "one of them is alone in a one-person household"),
    "review.reason.other_member": ("một người là thành viên \"Khác\" ở hộ khác",
                                   "one of them is listed as \"Khác\" (other) in another household"),
    "review.reason.rivals": ("một trong hai hồ sơ cũng giống hồ sơ khác", "one of them also resembles another record"),
})


@dataclass(frozen=True)
class Reason:
    key: str                                   # the message, under "review.reason."
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=True)

    def render(self, lang: str | None = None) -> str:
        return messages.render(f"review.reason.{self.key}", lang, **self.params)


def render_reasons(reasons: list[Reason], lang: str | None = None) -> str:
    return "; ".join(r.render(lang) for r in reasons)


def _word_diff(x: str, y: str) -> tuple[str, str]:
    """The first words that differ, for showing ("Hùng" / "Hưng")."""
    xs, ys = x.split(), y.split()
    for u, v in zip(xs, ys):
        if u != v:
            return u, v
    return x, y


def name_reasons(level: int, raw_a: str, raw_b: str, count: int) -> list[Reason]:
    out: list[Reason] = []
    na = unicodedata.normalize("NFC", raw_a or "")
    nb = unicodedata.normalize("NFC", raw_b or "")
    if level == c.NAME_SAME:
        out.append(Reason("same_name"))
        if (raw_a or "") != na or (raw_b or "") != nb:
            out.append(Reason("name_unicode"))
        if " ".join(na.split()) != na or " ".join(nb.split()) != nb:
            out.append(Reason("name_spacing"))
        ca, cb = " ".join(na.split()), " ".join(nb.split())
        if ca != cb and ca.lower() == cb.lower():
            out.append(Reason("name_case"))
        elif ca.lower() != cb.lower():
            u, v = _word_diff(ca, cb)
            out.append(Reason("tone_placement", {"a": u, "b": v}))
    elif level == c.NAME_NO_MARKS:
        out.append(Reason("no_marks"))
    elif level == c.NAME_MARKS:
        u, v = _word_diff(na, nb)
        out.append(Reason("marks_differ", {"a": u, "b": v}))
    elif level == c.MIDDLE_DROPPED:
        out.append(Reason("middle_dropped"))
    elif level == c.MIDDLE_CHANGED:
        out.append(Reason("middle_changed"))
    elif level in (c.TYPO1, c.TYPO2):
        u, v = _word_diff(na, nb)
        out.append(Reason("typo", {"count": 1 if level == c.TYPO1 else 2, "a": u, "b": v}))
    else:
        u, v = _word_diff(na, nb)
        out.append(Reason("name_differs", {"a": u, "b": v}))
    if count >= 5:
        out.append(Reason("common_name", {"count": count}))
    return out


_DATE = {c.DATE_SAME: "same_date", c.DATE_SWAPPED: "date_swapped", c.DATE_MONTH: "date_month",
         c.DATE_YEAR: "date_year", c.DATE_MISSING: "date_missing", c.DATE_OTHER: "date_differs",
         c.DATE_OTHER_YEAR: "date_differs"}
_SEX = {c.SEX_SAME: "same_sex", c.SEX_MISSING: "sex_missing", c.SEX_OTHER: "sex_differs"}


def place_reasons(level: int, text_a: str | None, text_b: str | None, style_a: int, style_b: int) -> list[Reason]:
    if level == c.PLACE_SAME:
        if {style_a, style_b} == {1, 2}:
            return [Reason("place_old_new")]
        if (text_a or "") != (text_b or ""):
            return [Reason("place_written")]
        return [Reason("same_place")]
    if level == c.PLACE_SAME_TEXT:
        return [Reason("same_place")]
    if level == c.PLACE_NO_COMMUNE:
        return [Reason("place_no_commune") if style_a == 3 or style_b == 3 or min(style_a, style_b) == 0
                else Reason("place_written")]
    if level == c.PLACE_MISSING:
        return [Reason("place_missing")]
    return [Reason("place_differs")]


class PairSide(TypedDict):
    """What the reasons show of one side of a pair."""

    full_name: str
    birth_place: str | None
    place_style: int    # as normalise.Features.place_style: 0 missing, 1 old, 2 new, 3 partial, 4 unread


def pair_reasons(levels: dict[str, int], rec_a: PairSide, rec_b: PairSide, name_count: int) -> list[Reason]:
    """levels: the pair's comparison levels (name, date, sex, place, cccd, bhxh, alone, home); rec_a/rec_b: full_name,
    birth_place and place_style of each side."""
    out = name_reasons(levels["name"], rec_a["full_name"], rec_b["full_name"], name_count)
    out.append(Reason(_DATE[levels["date"]]))
    if levels["sex"] != c.SEX_SAME:
        out.append(Reason(_SEX[levels["sex"]]))
    out += place_reasons(levels["place"], rec_a["birth_place"], rec_b["birth_place"], rec_a["place_style"],
                         rec_b["place_style"])
    if levels["cccd"] == c.CODE_SAME:
        out.append(Reason("same_cccd"))
    if levels["bhxh"] == c.CODE_SAME:
        out.append(Reason("same_bhxh"))
    elif levels["bhxh"] == c.CODE_OTHER:
        out.append(Reason("two_bhxh"))
    if levels["alone"]:
        out.append(Reason("alone"))
    if levels.get("home") == c.HOME_OTHER:
        out.append(Reason("other_member"))
    if levels.get("rivals"):
        out.append(Reason("rivals"))
    return out
