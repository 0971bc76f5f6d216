"""A real month's lists as files (period_documents): each XLSX read back and checked against DOMAIN.md §6 — header
texts, column order and numbering, sections, the signature block — the PDFs' text, the same bytes when made again,
and file names without personal data."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from io import BytesIO

import openpyxl
import pytest

from app.lists.documents import handed_lists, period_documents
from app.lists.staff import AddStaff
from app.registry import (
    ChangeGroup,
    CorrectPerson,
    RecordBirth,
    RecordDeath,
    SetCommuneInfo,
    SplitHousehold,
)
from tests.unit.lists_world import DAUGHTER_IN_LAW, GRANDCHILD, HEAD, HOUSEHOLD, SON, WIFE, family, lock, on, open_

IDENTITY = {"unit_code": "TH0384", "tax_code": "2801234567", "phone": "02373861234",
            "email": "ubnddanly@thanhhoa.gov.vn", "chairman": "Lê Văn Thắng", "clerk": "Hoàng Thị Yến",
            "bhxh_office": "Bảo hiểm xã hội khu vực Triệu Sơn", "address": "Thôn Tân Lý, xã Dân Lý, tỉnh Thanh Hóa"}


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    """October 2026 of a small commune: every kind of event, locked on 2 November."""
    from app.register import Register
    from tests.conftest import COMMUNE

    reg = Register.create(tmp_path_factory.mktemp("lists") / "xa.db", COMMUNE, user="test")
    family(reg, date(2026, 9, 1))
    on(reg, date(2026, 9, 1))
    reg.apply(SetCommuneInfo(IDENTITY))
    steps = [
        (date(2026, 10, 1), ChangeGroup(person=GRANDCHILD, group="HS", date="2026-10-01", reason="72_months")),
        (date(2026, 10, 3), AddStaff(person=SON, date="2026-10-03", terms={
            "position": "Công chức Văn phòng - Thống kê", "job_class": "mid", "salary_coefficient": 2.34,
            "contract_kind": "decision", "decision": "QĐ số 12/QĐ-UBND ngày 01/10/2026"})),
        (date(2026, 10, 10), RecordDeath(person=HEAD, date="2026-10-10", new_head=WIFE)),
        (date(2026, 10, 12), SplitHousehold(household=HOUSEHOLD, members=(SON, DAUGHTER_IN_LAW), new_head=SON,
                                            date="2026-10-12", spouse=DAUGHTER_IN_LAW, new_code="1570300002")),
        (date(2026, 10, 16), RecordBirth(household=HOUSEHOLD, full_name="Nguyễn Văn An", sex="M",
                                         birth_date="2026-10-15", mother=WIFE,
                                         birth_place="Xã Dân Lý, Tỉnh Thanh Hóa")),
        (date(2026, 10, 20), CorrectPerson(person=WIFE, changes={"full_name": "Lê Thị Hòa"}, date="2026-10-20")),
    ]
    for day, op in steps:
        on(reg, day)
        reg.apply(op)
    open_(reg, "2026-10", date(2026, 10, 1))
    lock(reg, "2026-10", date(2026, 11, 2))
    docs = period_documents(reg, "2026-10")
    again = period_documents(reg, "2026-10")
    reg.close()
    return docs, again


def _book(doc):
    return openpyxl.load_workbook(BytesIO(doc.data))


def _texts(ws):
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _find(ws, text):
    for row in ws.iter_rows():
        for c in row:
            if c.value == text:
                return c
    raise AssertionError(f"{text!r} not in the sheet")


def _doc(docs, stem, kind="xlsx"):
    return next(d for d in docs if d.name == f"{stem}.{kind}")


def test_the_month_makes_every_list_as_xlsx_and_pdf_named_without_personal_data(month):
    docs, _ = month
    assert [d.name for d in docs] == [
        "2026-10_01_D03-TS_TE.xlsx", "2026-10_01_D03-TS_TE.pdf", "2026-10_02_D03-TS_HN.xlsx",
        "2026-10_02_D03-TS_HN.pdf", "2026-10_03_D02-LT.xlsx", "2026-10_03_D02-LT.pdf", "2026-10_04_BD-HGD.xlsx",
        "2026-10_04_BD-HGD.pdf", "2026-10_05_TK1-TS.xlsx", "2026-10_05_TK1-TS.pdf", "2026-10_06_VNPT-D03-TK1.xlsx"]
    assert [(d.persons, d.pages is not None) for d in docs if d.kind == "pdf"] == [
        (2, True), (1, True), (1, True), (6, True), (2, True)]


def test_regenerating_a_locked_month_gives_the_same_bytes(month):
    docs, again = month
    assert [d.data for d in docs] == [d.data for d in again]


def test_d03_ts_of_a_group_reads_back_as_the_form(month):
    ws = _book(_doc(month[0], "2026-10_01_D03-TS_TE")).active
    texts = _texts(ws)
    assert "Tên đơn vị: Ủy ban nhân dân xã Dân Lý" in texts
    assert any(t.startswith("Mã đơn vị: TH0384") and "Mã số thuế: 2801234567" in t for t in texts)
    assert "Địa chỉ: Thôn Tân Lý, xã Dân Lý, tỉnh Thanh Hóa" in texts
    assert any(t.startswith("Điện thoại: 02373861234") and "Email: ubnddanly@thanhhoa.gov.vn" in t for t in texts)
    assert "Mẫu D03-TS" in texts and "(Ban hành kèm theo QĐ số 490/QĐ-BHXH" in texts
    assert not any("CỘNG HÒA" in t for t in texts)
    assert "DANH SÁCH NGƯỜI CHỈ THAM GIA BHYT" in texts and "Số 01 tháng 10 năm 2026" in texts
    group = next(t for t in texts if t.startswith("Đối tượng tham gia:"))
    assert "Trẻ em dưới 6 tuổi" in group and "Mã đối tượng: TE" in group
    assert "Lương cơ sở: 2.530.000 đồng" in group  # in force on the list's date (2/11/2026)
    assert any(t.startswith("Nguồn đóng: Ngân sách nhà nước đóng") and "Tỷ lệ NSNN hỗ trợ quy định: 100 %" in t
               for t in texts)
    r = _find(ws, "STT").row
    assert [ws.cell(r + 2, j).value for j in range(1, 18)] == ["A", "B"] + [str(i) for i in range(1, 16)]
    assert [ws.cell(r, j).value for j in (2, 3, 5, 6, 7, 8)] == [
        "Họ và tên", "Mã số BHXH", "Ngày tháng năm sinh", "Giới tính", "Địa chỉ", "Nơi đăng ký KCB ban đầu"]
    sections = [(c.value, ws.cell(c.row, 2).value) for c in ws["A"] if c.value in ("I", "I.1", "I.2", "II", "II.1",
                                                                                  "II.2")]
    assert [s for s, _ in sections] == ["I", "I.1", "I.2", "II", "II.1", "II.2"]
    i1 = _find(ws, "I.1").row
    assert (ws.cell(i1 + 1, 2).value, ws.cell(i1 + 1, 14).value, ws.cell(i1 + 1, 15).value) == (
        "Nguyễn Văn An", datetime(2026, 10, 15), 72)
    ii1 = _find(ws, "II.1").row
    assert ws.cell(ii1 + 1, 2).value == "Nguyễn Bé Na" and ws.cell(ii1 + 1, 3).data_type == "s"
    assert ws.cell(ii1 + 1, 17).value == "Đủ 72 tháng tuổi, chuyển sang HS"
    assert "Tổng số thẻ BHYT đề nghị cấp: 1" in texts
    assert "Dân Lý, ngày 02 tháng 11 năm 2026" in texts
    block = _find(ws, "Cơ quan LĐTBXH, UBND xã/Tổ chức DV thu/nhà trường")
    assert ws.cell(block.row + 1, block.column).value == "(ký, ghi rõ họ tên và đóng dấu)"
    assert "Lê Văn Thắng" in texts


def test_d02_lt_reads_back_with_its_27_columns_motto_and_total(month):
    ws = _book(_doc(month[0], "2026-10_03_D02-LT")).active
    texts = _texts(ws)
    assert "TÊN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG: ỦY BAN NHÂN DÂN XÃ DÂN LÝ" in texts and "Số: 03/2026" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Mẫu D02-LT" in texts
    r = _find(ws, "STT").row
    assert [ws.cell(r + 3, j).value for j in range(1, 28)] == [f"({i})" for i in range(1, 28)]
    first = r + 4
    assert (ws.cell(first, 2).value, ws.cell(first, 3).value, ws.cell(first, 5).value) == (
        "Nguyễn Văn Nam", SON, "nam")
    assert ws.cell(first, 7).value == "Công chức Văn phòng - Thống kê" and ws.cell(first, 10).value == "x"
    assert float(ws.cell(first, 12).value) == pytest.approx(2.34)
    assert ws.cell(first, 25).value == datetime(2026, 10, 1) and ws.cell(first, 25).number_format == "mm/yyyy"
    assert ws.cell(first + 1, 2).value == "Tổng (1)"
    assert "ĐẠI DIỆN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG" in texts and "(Ký, ghi rõ họ tên, đóng dấu)" in texts


def test_the_change_list_reads_back_grouped_by_kind_with_its_proposal_note(month):
    ws = _book(_doc(month[0], "2026-10_04_BD-HGD")).active
    texts = _texts(ws)
    assert "UBND XÃ DÂN LÝ" in texts and "DANH SÁCH BIẾN ĐỘNG THÀNH VIÊN HỘ GIA ĐÌNH" in texts
    assert "Tháng 10 năm 2026" in texts and "Kính gửi: Bảo hiểm xã hội khu vực Triệu Sơn" in texts
    r = _find(ws, "STT").row
    assert [ws.cell(r + 1, j).value for j in range(1, 18)] == ["A"] + [str(i) for i in range(1, 17)]
    headings = [ws.cell(c.row, 2).value for c in ws["A"] if c.value in ("I", "II", "III", "IV", "V")]
    assert headings == ["Sinh (1)", "Chết (1)", "Tách hộ (2)", "Điều chỉnh thông tin (1)", "Thay đổi chủ hộ (1)"]
    split = _find(ws, "Tách hộ (2)").row + 1
    assert ws.cell(split, 2).value == "1570300002" and ws.cell(split, 15).value == f"Hộ {HOUSEHOLD}, con"
    assert "Tổng cộng (6)" in texts and any("Mẫu do phần mềm hgd đề xuất" in t for t in texts)
    assert {"NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Thị Yến", "Lê Văn Thắng"} <= set(texts)


def test_the_declarations_read_back_with_part_i_its_annex_and_part_ii(month):
    book = _book(_doc(month[0], "2026-10_05_TK1-TS"))
    assert book.sheetnames == ["TK1 1", "PL 1", "TK1 2"]
    first = _texts(book["TK1 1"])
    assert "TỜ KHAI" in first and "NGUYỄN VĂN AN" in first and "BẢO HIỂM XÃ HỘI VIỆT NAM" in first
    annex = _texts(book["PL 1"])
    assert "THÀNH VIÊN HỘ GIA ĐÌNH" in annex and "Nguyễn Văn An" in annex
    second = _texts(book["TK1 2"])
    assert "LÊ THỊ HÒA" in second and any("Họ và tên: Lê Thị Hoa → Lê Thị Hòa" in t for t in second)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdfs_carry_the_same_text_in_vietnamese(month, tmp_path):
    pdf = _doc(month[0], "2026-10_04_BD-HGD", "pdf")
    path = tmp_path / pdf.name
    path.write_bytes(pdf.data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "DANH SÁCH BIẾN ĐỘNG THÀNH VIÊN HỘ GIA ĐÌNH" in text and "Nguyễn Văn An" in text
    assert "Trang 1/" in text


def test_the_minutes_get_each_printed_lists_persons_and_pages(month):
    handed = handed_lists(month[0])
    assert [h.so_nguoi for h in handed] == [2, 1, 1, 6, 2]
    assert handed[0].ten.startswith("Danh sách người chỉ tham gia BHYT (D03-TS), TE") and all(h.so_trang for h in
                                                                                             handed)


def test_the_declaration_softwares_template_reads_back_with_hgds_own_import(month, tmp_path):
    from app.io.importer import read_persons

    doc = _doc(month[0], "2026-10_06_VNPT-D03-TK1")
    path = tmp_path / doc.name
    path.write_bytes(doc.data)
    read = read_persons(path, today=date(2026, 11, 2))
    assert read.report.sheets == ["Dữ Liệu", "Phụ lục"] and not read.report.rejected
    # the newborn is a participant and a member of its household's annex: read once
    assert [w.reason_key for w in read.row_warnings] == ["import.template_merged"]
    people = {r["full_name"]: (r.get("bhxh_code"), r["birth_date"], r["sex"], r["_household"],
                               r.get("card_valid_from")) for _, r in read.records}
    assert people["Nguyễn Bé Na"] == (GRANDCHILD, "2020-03-15", "F", HOUSEHOLD, "2026-10-01")
    assert people["Nguyễn Văn Hùng"] == (HEAD, "1970-05-02", "M", HOUSEHOLD, "2026-11-01")
    assert people["Nguyễn Văn An"] == (None, "2026-10-15", "M", HOUSEHOLD, "2026-10-15")
    assert people["Lê Thị Hoa"][:4] == (WIFE, "1994-07-09", "F", HOUSEHOLD)   # a member from the annex
    assert [r["full_name"] for _, r in read.records].count("Nguyễn Văn An") == 1
    data = _book(doc)["Dữ Liệu"]
    codes = [c.value for c in data[3]]
    lines = [dict(zip(codes, (c.value for c in row), strict=False)) for row in data.iter_rows(min_row=4)]
    assert [(x["Loai"], x["PA"], x.get("Sothang"), x.get("NgayChet"), x.get("Tk1_Save")) for x in lines] == [
        (3, "GH", None, None, None), (3, "GH", None, "10/10/2026", None), (1, "TM", "72", None, "x")]
    annex = _book(doc)["Phụ lục"]
    members = [row[1] for row in annex.iter_rows(min_row=4, values_only=True)]
    assert "Nguyễn Văn An" in members and "Lê Thị Hoa" in members
