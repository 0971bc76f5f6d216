"""A card-holder list as a social-insurance office hands it out (DOMAIN §6.6), made from a register's members, with
what reconciliation must find planted in it — for the tests and the benchmark.

    holders = card_holders(register_rows, seed=1)      # rows + the truth: dropped, strangers, without code, changed
    write_card_list(path, holders.rows, encoding="unicode" | "tcvn3")

The sheet: a title block, the header row, a numbering row, dates as text or real dates, BHXH codes as numbers now and
then, the header repeated every 60 rows, a totals row and a signature at the foot.
"""
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from app.domain.legacy import unicode_to_tcvn3

HEADER = ("STT", "Mã số BHXH", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Địa chỉ", "Mã đối tượng",
          "Mã thẻ", "Hạn thẻ từ", "Hạn thẻ đến", "Nơi đăng ký KCB")
KEYS = (None, "bhxh_code", "full_name", "birth_date", "sex", "id_number", "address", "group_code", "card_number",
        "card_valid_from", "card_valid_to", "health_facility")
SEX = {"M": "Nam", "F": "Nữ"}


@dataclass
class Holders:
    rows: list[dict]
    dropped: list[str] = field(default_factory=list)        # members left off the list (ids)
    strangers: list[str] = field(default_factory=list)      # holders not in the register (names)
    uncoded: list[str] = field(default_factory=list)        # holders listed without their BHXH code (ids)
    changed: list[str] = field(default_factory=list)        # holders whose card ends on another day (ids)


def card_holders(members: list[dict], *, seed: int = 1, drop: float = 0.01, strangers: float = 0.01,
                 uncoded: float = 0.02, changed: float = 0.01) -> Holders:
    """The members holding a card, a few dropped, a few strangers added, a few without their BHXH code (matched by
    CCCD or by the 4 criteria) and a few with another end date."""
    rng = random.Random(seed)
    out = Holders([])
    for m in members:
        if not m.get("card_number"):
            continue
        if rng.random() < drop:
            out.dropped.append(m["id"])
            continue
        row = {k: m.get(k) for k in KEYS if k}
        row["id"] = m["id"]
        if rng.random() < uncoded:  # no code at all (the card number carries it too)
            row["bhxh_code"] = row["card_number"] = None
            out.uncoded.append(m["id"])
        elif rng.random() < changed and row.get("card_valid_to"):
            row["card_valid_to"] = f"{int(row['card_valid_to'][:4]) + 1}{row['card_valid_to'][4:]}"
            out.changed.append(m["id"])
        out.rows.append(row)
    for i in range(int(len(out.rows) * strangers) or 1):
        name = f"Người Lạ Thứ {_word(i)}"
        out.rows.insert(rng.randrange(len(out.rows) + 1), {
            "id": None, "bhxh_code": f"99{rng.randrange(10 ** 8):08d}", "full_name": name,
            "birth_date": f"19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "sex": "M",
            "group_code": "GD", "card_number": None})
        out.strangers.append(name)
    return out


def _word(i: int) -> str:
    words = ("Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
    return " ".join(words[int(d)] for d in str(i + 1).replace("0", "9"))


def _cell(key: str | None, value: object, n: int) -> object:
    if value in (None, ""):
        return None
    if key == "sex":
        return SEX.get(str(value), value)
    if key in ("birth_date", "card_valid_from", "card_valid_to"):
        text = str(value)
        if len(text) == 10 and n % 3 == 0:
            return date.fromisoformat(text)                 # a real date
        return "/".join(reversed(text.split("-")))          # text, as known
    if key == "bhxh_code" and n % 4 == 0:
        return int(str(value))                               # a number (a leading zero would be lost)
    return value


def write_card_list(path: str | Path, rows: list[dict], *, encoding: str = "unicode",
                    commune: str = "Xã Dân Lý") -> Path:
    def text(value: object) -> object:
        if encoding == "tcvn3" and isinstance(value, str):
            return unicode_to_tcvn3(unicodedata.normalize("NFC", value))
        return value

    wb = Workbook()
    ws = wb.active
    ws.title = "DanhSach"
    for line in ("BẢO HIỂM XÃ HỘI VIỆT NAM", "DANH SÁCH NGƯỜI THAM GIA ĐÃ ĐƯỢC CẤP THẺ BHYT", commune, ""):
        ws.append([text(line)])
    ws.append([text(h) for h in HEADER])
    ws.append([str(i) for i in range(1, len(HEADER) + 1)])
    for n, row in enumerate(rows, 1):
        if n % 60 == 0:
            ws.append([text(h) for h in HEADER])           # the header again, as printed exports have it
        ws.append([n] + [text(_cell(k, row.get(k), n)) for k in KEYS[1:]])
    ws.append([None, text(f"Tổng cộng: {len(rows)} người")])
    ws.append([None, None, text("Người lập biểu"), None, None, None, text("Giám đốc")])
    wb.save(path)
    return Path(path)
