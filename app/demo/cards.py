"""Identifiers and health-insurance cards of the demo's people (DOMAIN §5.1–§5.5).

Every number is consistent with the person unless a planted finding says otherwise: the CCCD's province, sex and
century digit and year digits; the BHXH code's province; the card's group, benefit digit, province and BHXH code.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from app.demo.commune import Commune, short
from app.demo.model import MERGER, Home, Member
from app.domain import codes
from app.domain.te_card import add_months, te_card_end

_MOBILE = ("03", "05", "07", "08", "09")


def sex_century_digit(sex: str, year: int) -> str:
    """The CCCD's 4th digit: 0/1 for men/women born 1900–1999, 2/3 for 2000–2099, … 8/9 for 1800–1899."""
    return str(_CENTURY[year // 100] + (sex == "F"))


_CENTURY = {18: 8, 19: 0, 20: 2, 21: 4, 22: 6}


class Issuer:
    """Hands out unique BHXH codes and CCCD numbers, and the cards of the groups people belong to."""

    def __init__(self, rng: random.Random, commune: Commune, start: date, today: date) -> None:
        self.rng, self.commune, self.start, self.today = rng, commune, start, today
        self.groups = codes.participant_groups()
        self.bhxh_used: set[str] = set()
        self.cccd_used: set[str] = set()
        self.staff: dict[str, str] = {}  # person id -> HC / XK
        self._paying: dict[str, bool] = {}  # household id -> buys household (GD) cards
        self.facilities = (f"Trạm Y tế {commune.name.replace('Xã', 'xã', 1)}",
                           f"Trung tâm Y tế khu vực {commune.district_short}",
                           f"Bệnh viện Đa khoa tỉnh {short(commune.identity['province_name'])}")

    # --- numbers -------------------------------------------------------------------------------------------------
    def bhxh(self, prefix: str) -> str:
        while True:
            code = f"{prefix}{int(self.rng.random() * 1e8):08d}"
            if code not in self.bhxh_used:
                self.bhxh_used.add(code)
                return code

    def cccd(self, province: str, sex: str, year: int) -> str:
        head = f"0{province}{sex_century_digit(sex, year)}{year % 100:02d}"
        while True:
            number = f"{head}{int(self.rng.random() * 1e6):06d}"
            if number not in self.cccd_used:
                self.cccd_used.add(number)
                return number

    def bhxh_prefix(self, m: Member, moved_in: bool = False) -> str:
        if m.birth >= MERGER:
            return self.commune.province_code
        if moved_in and len(m.row["birth_province_code"] or "") == 2:
            code: str = m.row["birth_province_code"]  # coded where they lived before
            return code
        return self.commune.old_province_code

    def identify(self, m: Member, moved_in: bool = False) -> None:
        """CCCD (or an old CMND, or nothing for some children), BHXH code, phone."""
        rng, row = self.rng, m.row
        age = m.age(self.today)
        r = rng.random()
        if age >= 14 and r < 0.98 or age < 14 and r < 0.7:
            if age >= 70 and rng.random() < 0.06:
                row["id_number"], row["id_kind"] = f"{rng.choice('123')}{rng.randrange(10 ** 8):08d}", "cmnd"
            else:
                row["id_number"] = self.cccd(row["birth_province_code"], row["sex"], m.birth.year)
                row["id_kind"] = "cccd"
        row["bhxh_code"] = self.bhxh(self.bhxh_prefix(m, moved_in))
        if 18 <= age <= 75 and rng.random() < 0.5:
            row["phone"] = f"{_MOBILE[int(rng.random() * 5)]}{int(rng.random() * 1e8):08d}"

    # --- groups and cards ---------------------------------------------------------------------------------------
    def choose_staff(self, homes: list[Home], persons: int) -> None:
        """The commune's own officials (HC) and part-time staff (XK), who are on its D02-LT as an employer."""
        pool = [m for h in homes if not h.wealth for m in h.members if 25 <= m.age(self.today) <= 58]
        hc = max(4, min(40, round(persons / 500)))
        xk = max(3, min(25, round(persons / 800)))
        for i, m in enumerate(self.rng.sample(pool, min(len(pool), hc + xk))):
            self.staff[m.row["id"]] = "HC" if i < hc else "XK"

    def group_for(self, m: Member, home: Home, on: date) -> str | None:
        """The participant group a person holds on a day (higher benefit first, as the law ranks them)."""
        rng = self.rng
        if te_card_end(m.birth) >= on:
            return "TE"
        staff = self.staff.get(m.row["id"])
        if staff:
            return staff
        if home.wealth == "poor":
            return "HN"
        if home.wealth == "near_poor":
            return "CN"
        if self.commune.hard_area and m.row["ethnicity_code"] != "01":
            return "DT"
        age, male = m.age(on), m.row["sex"] == "M"
        r = rng.random()
        if age >= 62:
            merit = (("CB", 0.06), ("KC", 0.03), ("CC", 0.015)) if male else (("TS", 0.02), ("CC", 0.01))
            for code, p in merit:
                if r < p:
                    return code
                r -= p
        if age >= (61 if male else 56) and rng.random() < (0.18 if male else 0.15):
            return "HT"
        if age >= 80 and rng.random() < 0.9 or rng.random() < 0.01:
            return "BT"
        if age < 18:
            return "HS" if rng.random() < 0.97 else None
        if age <= 22 and rng.random() < 0.3:
            return "SV"
        if age <= 55 and rng.random() < 0.28:
            return "DN"
        if home.wealth == "farm":
            return "GB"
        if home.row["id"] not in self._paying:
            self._paying[home.row["id"]] = rng.random() < 0.85
        return "GD" if self._paying[home.row["id"]] and rng.random() < 0.95 else None

    def card_period(self, m: Member, group: str, valid_from: date | None = None) -> tuple[date, date]:
        rng, today = self.rng, self.today
        if group == "TE":
            return valid_from or m.birth, te_card_end(m.birth)
        if group == "GD":  # bought for 12 months; some were not renewed, some end within the month
            begin = valid_from or add_months(date(today.year, today.month, 1), -int(rng.random() * 13))
            return begin, add_months(begin, 12) - timedelta(days=1)
        year = today.year - (group in ("HS", "SV") and rng.random() < 0.08)
        begin = valid_from or date(year, 1, 1)
        return begin, max(date(year, 12, 31), begin)

    def issue(self, m: Member, group: str | None, valid_from: date | None = None) -> None:
        row = m.row
        row["group_code"] = group
        if group is None or not row["bhxh_code"]:
            row["card_number"] = row["card_valid_from"] = row["card_valid_to"] = row["health_facility"] = None
            return
        begin, end = self.card_period(m, group, valid_from)
        benefit = self.groups[group].benefit_on(begin)  # the digit in force on the card's first day
        row["card_number"] = f"{group}{benefit}{self.commune.province_at(begin)}{row['bhxh_code']}"
        row["card_valid_from"], row["card_valid_to"] = begin.isoformat(), end.isoformat()
        if row["health_facility"] is None:
            r = self.rng.random()
            row["health_facility"] = self.facilities[0 if r < 0.8 else 1 if r < 0.95 else 2]

    def enrol(self, m: Member, home: Home, on: date, moved_in: bool = False) -> None:
        self.identify(m, moved_in)
        self.issue(m, self.group_for(m, home, on))
