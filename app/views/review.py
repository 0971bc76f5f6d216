"""Qt-free reads of the stored review, for the review screen and `hgd review`: counts by kind, the duplicate pairs
with both persons side by side, the other findings in words. Each takes a `Register` (opened read-only is enough).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app import messages
from app.registry.history import display
from app.review.identity import KIND as DUPLICATE
from app.review.reasons import Reason, render_reasons
from app.store.models import Finding, FindingSubject, Household, Person

if TYPE_CHECKING:
    from app.register import Register

messages.register({
    "review.kind.duplicate": ("Có thể trùng người", "Possible duplicates"),
    "review.kind.one_person_household": ("Hộ một nhân khẩu", "One-person households"),
    "review.kind.large_household": ("Hộ từ 6 nhân khẩu", "Households of 6 or more"),
    "review.kind.no_head": ("Hộ không có chủ hộ", "Households without a head"),
    "review.kind.two_heads": ("Hộ có hai chủ hộ", "Households with two heads"),
    "review.kind.cccd_province_mismatch": ("CCCD khác tỉnh khai sinh", "CCCD against birth province"),
    "review.kind.bhxh_missing": ("Chưa có mã số BHXH", "No BHXH code"),
    "review.kind.bhxh_malformed": ("Mã số BHXH sai dạng", "Malformed BHXH code"),
    "review.kind.card_expired": ("Thẻ BHYT hết hạn", "Expired cards"),
    "review.kind.card_expiring": ("Thẻ BHYT sắp hết hạn", "Cards expiring"),
    "review.kind.te_72_months": ("Trẻ đủ 72 tháng", "Children reaching 72 months"),
    "review.kind.inactive_valid_card": ("Chết/chuyển đi còn thẻ", "Dead or moved out with a card"),
    "review.kind.name_caps": ("Họ tên viết hoa", "Names in capitals"),
    "review.kind.name_spaces": ("Họ tên thừa khoảng trắng", "Names with stray spaces"),
    "review.kind.birth_place_missing": ("Thiếu nơi khai sinh", "No birth place"),
    "review.kind.cccd.old_cmnd": ("Còn dùng CMND 9 số", "Old 9-digit ID cards"),
    "review.kind.cccd.sex_mismatch": ("CCCD khác giới tính", "CCCD against sex"),
    "review.kind.cccd.year_mismatch": ("CCCD khác năm sinh", "CCCD against birth year"),
    "review.kind.card.bhxh_mismatch": ("Mã thẻ khác mã số BHXH", "Card number against BHXH code"),
    "review.kind.card.malformed": ("Mã thẻ sai dạng", "Malformed card numbers"),
    "review.kind.card.unknown_group": ("Mã thẻ có đối tượng lạ", "Card with an unknown group"),
    "review.kind.card.benefit_mismatch": ("Mức hưởng trên thẻ sai", "Card benefit level wrong"),
    "review.kind.card.group_mismatch": ("Mã thẻ khác đối tượng", "Card number against group"),
    "review.kind.cccd.malformed": ("Số CCCD sai dạng", "Malformed CCCD"),
    "review.kind.cccd.unknown_province": ("CCCD có mã tỉnh lạ", "CCCD with an unknown province"),
    "review.kind.cccd.century_mismatch": ("CCCD khác thế kỷ sinh", "CCCD against birth century"),
})

# The fields shown side by side for a pair, in this order.
SHOWN = ("full_name", "birth_date", "sex", "birth_place", "id_number", "bhxh_code", "household_code", "relation",
         "group_code", "card_number", "address", "phone", "status")


@dataclass(frozen=True)
class KindCount:
    kind: str
    title: str
    open: int
    resolved: int


@dataclass(frozen=True)
class PairView:
    finding_id: str
    fingerprint: str
    score: float
    decision: str
    status: str
    reasons: str
    a: dict[str, Any]
    b: dict[str, Any]
    differs: tuple[str, ...] = field(default=())
    a_text: dict[str, str] = field(default_factory=dict)     # the fields as the clerk reads them (dates, names)
    b_text: dict[str, str] = field(default_factory=dict)

    @property
    def bhxh(self) -> tuple[str, str]:
        return self.a.get("bhxh_code") or "", self.b.get("bhxh_code") or ""


@dataclass(frozen=True)
class FindingView:
    finding_id: str
    fingerprint: str
    kind: str
    status: str
    message: str
    persons: tuple[str, ...]
    households: tuple[str, ...]


def kind_title(kind: str, lang: str | None = None) -> str:
    key = f"review.kind.{kind.removeprefix('review.')}"
    return messages.render(key, lang) if messages.known(key) else kind


def counts(reg: Register) -> list[KindCount]:
    """Findings by kind (not void), duplicates first, then by number open."""
    with reg.reading() as s:
        rows = s.execute(select(Finding.kind, Finding.status).where(
            Finding.commune_id == reg.commune_id, Finding.status != "void")).all()
    c: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, status in rows:
        c[kind][status] += 1
    out = [KindCount(k, kind_title(k), v["open"], v["resolved"]) for k, v in c.items()]
    return sorted(out, key=lambda k: (k.kind != DUPLICATE, -k.open, k.kind))


def _persons(s: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    id_list = list(ids)
    c = Person.__table__.c
    shown = [f for f in SHOWN if f != "household_code"]
    for start in range(0, len(id_list), 500):
        rows = s.execute(select(c.id, *(c[f] for f in shown), Household.code)
                         .outerjoin(Household, Household.id == c.household_id)
                         .where(c.id.in_(id_list[start:start + 500]))).all()
        for pid, *values, code in rows:
            d = dict(zip(shown, values))
            d["household_code"] = code
            d["id"] = pid
            out[pid] = d
    return out


def _texts(person: dict[str, Any], lang: str | None) -> dict[str, str]:
    return {k: display(k, person.get(k), lang) if person.get(k) not in (None, "") else "" for k in SHOWN}


def pairs(reg: Register, *, status: str | None = "open", lang: str | None = None,
          limit: int | None = None, texts: bool = True) -> list[PairView]:
    """The duplicate pairs, best score first, each with both persons' shown fields and those that differ (and, with
    `texts`, those fields as the clerk reads them: a_text, b_text)."""
    with reg.reading() as s:
        q = select(Finding.id, Finding.fingerprint, Finding.score, Finding.params, Finding.status, Finding.reasons
                   ).where(Finding.commune_id == reg.commune_id, Finding.kind == DUPLICATE, Finding.status != "void")
        if status is not None:
            q = q.where(Finding.status == status)
        found = s.execute(q.order_by(Finding.score.desc(), Finding.fingerprint).limit(limit)).all()
        subj: dict[str, list[str]] = defaultdict(list)
        ids = [f.id for f in found]
        for start in range(0, len(ids), 500):
            for fid, pid in s.execute(select(FindingSubject.finding_id, FindingSubject.person_id).where(
                    FindingSubject.finding_id.in_(ids[start:start + 500])).order_by(FindingSubject.id)):
                subj[fid].append(pid)
        people = _persons(s, {p for v in subj.values() for p in v})
        out = []
        for f in found:
            two = subj.get(f.id, [])
            if len(two) != 2 or two[0] not in people or two[1] not in people:
                continue
            a, b = people[two[0]], people[two[1]]
            reasons = [Reason(r["key"], r.get("params") or {}) for r in f.reasons or []]
            differs = tuple(k for k in SHOWN if (a.get(k) or None) != (b.get(k) or None))
            out.append(PairView(f.id, f.fingerprint, float(f.score or 0.0), (f.params or {}).get("decision", ""),
                                f.status, render_reasons(reasons, lang), a, b, differs,
                                _texts(a, lang) if texts else {}, _texts(b, lang) if texts else {}))
        return out


def findings(reg: Register, *, kind: str | None = None, status: str | None = "open",
             lang: str | None = None) -> list[FindingView]:
    """The other findings (not duplicates), in words."""
    with reg.reading() as s:
        q = select(Finding.id, Finding.fingerprint, Finding.kind, Finding.status, Finding.params).where(
            Finding.commune_id == reg.commune_id, Finding.kind != DUPLICATE, Finding.status != "void")
        if kind is not None:
            q = q.where(Finding.kind == kind)
        if status is not None:
            q = q.where(Finding.status == status)
        found = s.execute(q.order_by(Finding.kind, Finding.created_at, Finding.id)).all()
        subj: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        ids = [f.id for f in found]
        for start in range(0, len(ids), 500):
            for fid, pid, hid in s.execute(select(FindingSubject.finding_id, FindingSubject.person_id,
                                                  FindingSubject.household_id).where(
                    FindingSubject.finding_id.in_(ids[start:start + 500]))):
                (subj[fid][0] if pid else subj[fid][1]).append(pid or hid)
        out = []
        for f in found:
            ps, hs = subj[f.id]
            try:
                text = messages.render(f.kind, lang, **(f.params or {}))
            except (KeyError, IndexError):
                text = f.kind
            out.append(FindingView(f.id, f.fingerprint, f.kind, f.status, text, tuple(ps), tuple(hs)))
        return out
