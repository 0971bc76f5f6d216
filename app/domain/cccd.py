"""The CCCD / personal identification number (số định danh cá nhân), 12 digits (DOMAIN §5.1).

digits 1–3 province of birth registration; digit 4 sex and century; digits 5–6 the birth year's last two digits;
digits 7–12 random. A contradiction with the register is a finding, never a rejection: either may be wrong.
"""
from __future__ import annotations

import math
import re

from app import messages
from app.domain import codes
from app.domain.dates import PartialDate
from app.domain.findings import Finding
from app.errors import HgdError

messages.register({
    "cccd.malformed": ("Số CCCD/CMND '{value}' không hợp lệ: cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND cũ)",
                       "ID number '{value}' is not valid: it must be 12 digits (CCCD) or 9 digits (old CMND)"),
    "cccd.old_cmnd": ("Số '{value}' là CMND 9 số cũ: nên cập nhật số CCCD 12 số",
                      "'{value}' is an old 9-digit CMND: the 12-digit CCCD should be recorded"),
    "cccd.unknown_province": ("Số CCCD '{value}': mã tỉnh {code} không có trong danh mục",
                              "CCCD '{value}': province code {code} is not a known one"),
    "cccd.sex_mismatch": ("Số CCCD '{value}': chữ số thứ 4 là {digit} (giới tính {cccd_sex}), khác giới tính đã ghi",
                          "CCCD '{value}': digit 4 is {digit} ({cccd_sex_en}), not the sex recorded"),
    "cccd.century_mismatch": (
        "Số CCCD '{value}': chữ số thứ 4 là {digit} (sinh trong {first}–{last}), nhưng năm sinh là {year}",
        "CCCD '{value}': digit 4 is {digit} (born {first}–{last}), but the birth year is {year}"),
    "cccd.year_mismatch": ("Số CCCD '{value}': chữ số 5–6 là {digits}, nhưng năm sinh là {year}",
                           "CCCD '{value}': digits 5–6 are {digits}, but the birth year is {year}"),
})

# Digit 4: (first year of the century, female?)
_DIGIT4 = {0: (1900, False), 1: (1900, True), 2: (2000, False), 3: (2000, True), 4: (2100, False),
           5: (2100, True), 6: (2200, False), 7: (2200, True), 8: (1800, False), 9: (1800, True)}
_FLOAT_TEXT = re.compile(r"(\d+)\.0+")
_JOINERS = str.maketrans("", "", " .-\u00a0\t'")


def normalise_id_number(raw: object) -> tuple[str, str]:
    """(digits, kind) with kind "cccd" (12 digits) or "cmnd" (9 digits).

    Spaces, dots and dashes are removed; a number that lost its leading zero in a spreadsheet is padded
    (11 digits -> 12, 8 digits -> 9). Anything else raises HgdError("cccd.malformed")."""
    if type(raw) is str and len(raw) == 12 and raw.isdigit() and raw.isascii():
        return raw, "cccd"  # the stored form, as most lists write it
    if raw is None or isinstance(raw, bool):
        raise HgdError("cccd.malformed", value="" if raw is None else raw)
    if isinstance(raw, float):
        if math.isnan(raw) or not raw.is_integer() or raw < 0:
            raise HgdError("cccd.malformed", value=raw)
        text = str(int(raw))
    elif isinstance(raw, int):
        text = str(raw) if raw >= 0 else "-"
    else:
        text = str(raw).strip()
        m = _FLOAT_TEXT.fullmatch(text)
        text = m.group(1) if m else text.translate(_JOINERS)
    if not (text.isascii() and text.isdigit()):
        raise HgdError("cccd.malformed", value=str(raw).strip())
    if len(text) in (11, 12):
        return text.zfill(12), "cccd"
    if len(text) in (8, 9):
        return text.zfill(9), "cmnd"
    raise HgdError("cccd.malformed", value=str(raw).strip())


def cccd_province(number: str) -> str | None:
    """The (pre-2025) province named by the first three digits: "036…" -> "Nam Định"."""
    code = (number or "")[:3]
    if len(code) != 3 or not code.startswith("0"):
        return None
    return codes.provinces_pre2025().get(code[1:]) or codes.provinces_2025().get(code[1:])


def check_cccd(number: str, *, sex: str | None, birth: PartialDate | None) -> list[Finding]:
    """Compare a normalised number with the person's sex ("M"/"F"/None) and birth date; return the findings."""
    if len(number) == 9 and number.isdigit():
        return [Finding("cccd.old_cmnd", {"value": number})]
    if len(number) != 12 or not (number.isascii() and number.isdigit()):
        return [Finding("cccd.malformed", {"value": number})]
    findings = []
    if number[:3] not in codes.cccd_province_codes():
        findings.append(Finding("cccd.unknown_province", {"value": number, "code": number[:3]}))
    digit = int(number[3])
    century, female = _DIGIT4[digit]
    if sex in ("M", "F") and (sex == "F") != female:
        findings.append(Finding("cccd.sex_mismatch", {
            "value": number, "digit": digit, "cccd_sex": "nữ" if female else "nam",
            "cccd_sex_en": "female" if female else "male"}))
    if birth is not None:
        if birth.year // 100 * 100 != century:
            findings.append(Finding("cccd.century_mismatch", {
                "value": number, "digit": digit, "first": century, "last": century + 99, "year": birth.year}))
        if birth.year % 100 != int(number[4:6]):
            findings.append(Finding("cccd.year_mismatch", {"value": number, "digits": number[4:6],
                                                           "year": birth.year}))
    return findings
