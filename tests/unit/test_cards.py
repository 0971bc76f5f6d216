"""Reconciliation with the office's card-holder list: read as offices hand it out (TCVN3 too, or a D03-TS), matched
by BHXH code, then CCCD, then the 4 criteria; the proposals; accepted ones become events, so rows of the lists."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.lists.cards.match import reconcile
from app.lists.cards.ops import AcceptCards
from app.lists.cards.read import read_card_list
from app.lists.rows import CHANGES, D03
from app.registry import AddPerson
from app.store.models import Person
from tests.unit.lists_world import GRANDCHILD, HEAD, HOUSEHOLD, SON, WIFE, family, on, rows

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from card_list import card_holders, write_card_list

TODAY = date(2026, 10, 20)


def _members(reg) -> list[dict]:
    with reg.reading() as s:
        return [{c.key: getattr(p, c.key) for c in Person.__table__.columns}
                for p in s.scalars(select(Person).where(Person.status == "active"))]


def _reconcile(reg, path):
    cards = read_card_list(path, today=TODAY)
    with reg.reading() as s:
        return cards, reconcile(s, reg.commune_id, cards, TODAY)


@pytest.fixture
def commune(register):
    """The family, a newborn-aged child with no card and no group, and the cards BHXH knows of."""
    family(register, date(2026, 9, 1))
    on(register, date(2026, 9, 2))
    register.apply(AddPerson(household=HOUSEHOLD, fields={"full_name": "Nguyễn Văn Tí", "sex": "M",
                                                          "birth_date": "2024-02-02", "relation": "chau_noi"}))
    on(register, TODAY)
    return register


def _row(m: dict, **changes) -> dict:
    row = {k: m.get(k) for k in ("bhxh_code", "full_name", "birth_date", "sex", "id_number", "group_code",
                                 "card_number", "card_valid_from", "card_valid_to", "health_facility")}
    return {**row, **changes}


def test_holders_are_matched_by_code_then_cccd_then_the_4_criteria(commune, tmp_path):
    m = {p["bhxh_code"]: p for p in _members(commune)}
    rows_ = [_row(m[HEAD], card_number="HN2383812345678"),
             _row(m[WIFE], bhxh_code=None, id_number="038194011111"),       # no code, a CCCD the register lacks
             _row(m[SON], bhxh_code=None, card_valid_to="2027-12-31"),      # no code, another end of card
             _row(m[GRANDCHILD], bhxh_code=None, full_name="Nguyen Be Na"),  # no code, no marks
             {"bhxh_code": "9900000001", "full_name": "Đỗ Văn Lạ", "birth_date": "1960-01-01", "sex": "M",
              "group_code": "BT"}]
    path = write_card_list(tmp_path / "the.xlsx", rows_)
    cards, result = _reconcile(commune, path)
    assert [r.full_name for r in cards.rows] == ["Nguyễn Văn Hùng", "Lê Thị Hoa", "Nguyễn Văn Nam", "Nguyen Be Na",
                                                 "Đỗ Văn Lạ"]
    summary = result.summary()
    assert summary["rows"] == 5 and summary["matched"] == 4 and summary["missing_from_register"] == 1
    assert summary["matched_by"] == {"bhxh": 1, "cccd": 0, "criteria": 3}
    kinds = [(p.kind, p.name) for p in result.proposals]
    assert ("missing_from_register", "Đỗ Văn Lạ") in kinds
    assert ("without_card", "Nguyễn Văn Tí") in kinds       # a child under 6 with no card: TE
    differs = {p.name: p.fields for p in result.proposals if p.kind == "differs"}
    assert {"field": "card_valid_to", "register": "2026-12-31", "card": "2027-12-31"} in differs["Nguyễn Văn Nam"]
    assert {"field": "card_number", "register": None, "card": "HN2383812345678"} in differs["Nguyễn Văn Hùng"]


def test_a_cccd_finds_a_holder_without_a_code(register, tmp_path):
    family(register, date(2026, 9, 1))
    on(register, TODAY)
    m = {p["bhxh_code"]: p for p in _members(register)}
    path = write_card_list(tmp_path / "l.xlsx", [_row(m[HEAD], bhxh_code=None, full_name="Nguyễn V. Hùng",
                                                      birth_date="1970")])
    _, result = _reconcile(register, path)
    assert result.summary()["matched_by"] == {"bhxh": 0, "cccd": 1, "criteria": 0}


def test_the_entitled_without_a_card_come_children_first(commune, tmp_path):
    path = write_card_list(tmp_path / "empty.xlsx", [{"bhxh_code": "9900000001", "full_name": "Đỗ Văn Lạ",
                                                      "birth_date": "1960-01-01", "sex": "M"}])
    _, result = _reconcile(commune, path)
    without = [(p.name, p.group) for p in result.proposals if p.kind == "without_card"]
    # Bé Na passed 72 months on 30/09 (her change of group is due); GD is paid by the household: neither proposed
    assert without == [("Nguyễn Văn Tí", "TE"), ("Lê Thị Hoa", "HN"), ("Nguyễn Văn Hùng", "HN")]


def test_a_list_in_tcvn3_gives_the_same_result_as_in_unicode(tmp_path):
    from app.demo import create_demo
    from app.register import Register

    create_demo(tmp_path / "d.db", persons=1500, seed=3, today=date(2026, 12, 3))
    with Register.open(tmp_path / "d.db") as reg:
        holders = card_holders(_members(reg), seed=2)
        results = []
        for encoding in ("unicode", "tcvn3"):
            path = write_card_list(tmp_path / f"{encoding}.xlsx", holders.rows, encoding=encoding,
                                   commune="Xã Hải Hậu")
            cards = read_card_list(path, today=date(2026, 12, 3))
            with reg.reading() as s:
                result = reconcile(s, reg.commune_id, cards, date(2026, 12, 3))
            # TCVN3 has no capitals with a tone mark (they were another font): "Ấp" comes back "ấp", which is
            # all the two may differ in; the matches and the proposals are the same
            results.append((cards.encoding, result.summary(), result.matched,
                            [(p.kind, p.row, p.person_id, p.group, p.fields) for p in result.proposals],
                            [{k: v.lower() if isinstance(v, str) else v for k, v in r.to_dict().items()}
                             for r in cards.rows]))
    (enc_u, sum_u, match_u, props_u, rows_u), (enc_t, sum_t, match_t, props_t, rows_t) = results
    assert (enc_u, enc_t) == ("unicode", "tcvn3")
    assert sum_u == sum_t and match_u == match_t and props_u == props_t and rows_u == rows_t
    assert sum_u["rows"] == len(holders.rows) and sum_u["missing_from_register"] == len(holders.strangers)
    assert sum_u["differs"] >= len(holders.changed)
    assert sum_u["matched"] + sum_u["missing_from_register"] + sum_u["possible"] == sum_u["rows"]
    assert sum_u["matched_by"]["cccd"] + sum_u["matched_by"]["criteria"] > 0


def test_accepted_proposals_become_events_and_rows_of_the_lists(commune, tmp_path):
    m = {p["bhxh_code"]: p for p in _members(commune)}
    path = write_card_list(tmp_path / "l.xlsx", [
        _row(m[SON], card_valid_to="2027-12-31"),
        {"bhxh_code": "9900000001", "full_name": "Đỗ Văn Lạ", "birth_date": "1960-01-01", "sex": "M",
         "group_code": "BT", "address": "Thôn Đông"}])
    _, result = _reconcile(commune, path)
    chosen = tuple(p.to_dict() for p in result.proposals if p.kind != "possible")
    done = commune.apply(AcceptCards("l.xlsx", chosen))
    assert done.label.render() == f"Đối chiếu danh sách thẻ l.xlsx: chấp nhận {len(chosen)} đề nghị"
    te = rows(commune, "2026-10", D03, "TE", "I.1")
    assert [(r["ho_ten"], r["ghi_chu"]) for r in te] == [("Nguyễn Văn Tí", "Tham gia mới")]  # no group yet: TE
    assert te[0]["tu_thang"] == "2026-10-20" and te[0]["so_thang"] == 47   # to 30/09/2030
    hn = rows(commune, "2026-10", D03, "HN", "I.1")
    assert sorted(r["ho_ten"] for r in hn) == ["Lê Thị Hoa", "Nguyễn Văn Hùng"]   # card requests in their group
    assert "Đề nghị cấp thẻ" in hn[0]["ghi_chu"]
    corrected = rows(commune, "2026-10", CHANGES, None, "dieu_chinh")
    assert [(r["ho_ten"], r["sau"]) for r in corrected] == [("Nguyễn Văn Nam", "Hạn thẻ đến: 31/12/2027")]
    with commune.reading() as s:
        assert s.scalar(select(Person.status).where(Person.bhxh_code == "9900000001")) == "active"
    _, again = _reconcile(commune, path)   # asked already: not proposed again
    assert again.summary()["without_card"] == 0 and again.summary()["missing_from_register"] == 0
    commune.undo()
    assert not rows(commune, "2026-10", D03, "TE", "I.1")
    with commune.reading() as s:
        assert s.scalar(select(Person.status).where(Person.bhxh_code == "9900000001")) == "void"


def test_a_d03_ts_printed_by_another_office_reads_as_a_card_list(tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
    import forms_sample

    from app.lists import xlsx_writer

    xlsx_writer.write_list(forms_sample.d03_te(), tmp_path / "d03.xlsx")
    cards = read_card_list(tmp_path / "d03.xlsx", today=date(2026, 12, 3))
    filled = forms_sample.d03_te()
    expected = [r["ho_ten"] for key in ("I.1", "II.1") for r in filled.rows_of(key)]
    assert [r.full_name for r in cards.rows] == expected
    assert cards.rows[0].bhxh_code == filled.rows_of("I.1")[0]["ma_so_bhxh"] and not cards.rejected
