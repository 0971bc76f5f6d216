"""Checked before the lists leave (issue 15, item 11): what would make the office send a list back. A period with
such a finding is not locked — its lists are not produced — unless the clerk overrides with a reason, which is kept
(in the locking action's parameters and in each produced list's details).

Blocking findings:
- `missing_bhxh`: a D03-TS row without a BHXH code where the office needs one to find the person: every decrease,
  and an increase that no TK1-TS part I accompanies (a newborn or a person moving in without a code has one);
- `card_expired`: an increase whose card has already ended on the list's date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import messages
from app.lists import people
from app.lists.rows import D03, TK1, Row

messages.register({
    "check.missing_bhxh": ("{name}: thiếu mã số BHXH ở danh sách D03-TS nhóm {group} ({section})",
                           "{name}: no BHXH code on the D03-TS of group {group} ({section})"),
    "check.card_expired": ("{name}: thẻ tăng mới ở nhóm {group} đã hết hạn ngày {end}",
                           "{name}: the new card in group {group} already ended on {end}"),
})


@dataclass(frozen=True)
class Blocker:
    kind: str
    event_id: str
    person_id: str | None
    name: str
    group: str | None
    section: str
    end: str | None = None

    def text(self, lang: str | None = None) -> str:
        return messages.render(f"check.{self.kind}", lang, name=self.name, group=self.group or "",
                               section=self.section, end=people.dmy(self.end))

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "event_id": self.event_id, "person_id": self.person_id, "name": self.name,
                "group": self.group, "section": self.section, "end": self.end, "message": self.text()}


def blocking(rows: list[Row], on: date) -> list[Blocker]:
    """The blocking findings of a period's rows on the day the lists are made."""
    declared = {(r.event_id, r.person_id) for r in rows if r.form == TK1 and r.section == "part_i"}
    out: list[Blocker] = []
    for r in rows:
        if r.form != D03:
            continue
        name = str(r.data.get("ho_ten") or "")
        if not r.data.get("ma_so_bhxh") and (r.section != "I.1" or (r.event_id, r.person_id) not in declared):
            out.append(Blocker("missing_bhxh", r.event_id, r.person_id, name, r.variant, r.section))
        end = r.meta.get("card_to")
        if r.section == "I.1" and end and len(end) == 10 and date.fromisoformat(end) < on:
            out.append(Blocker("card_expired", r.event_id, r.person_id, name, r.variant, r.section, end))
    return out
