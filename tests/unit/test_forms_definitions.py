"""Form definitions: the registry, the header grid both writers draw, and a new version needing no writer change."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import openpyxl
import pytest

from app.errors import HgdError
from app.lists import forms, pdf_writer, xlsx_writer
from app.lists.filled import FilledList, SectionRows
from app.lists.forms.base import Column, Line, Part, header_cells

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import forms_sample as sample


def test_every_form_kind_is_registered_with_its_version():
    assert forms.versions("D03-TS") == ["490"]
    assert forms.versions("D02-LT") == ["1040"]
    assert forms.versions("TK1-TS") == ["490"]
    assert {"BD-HGD", "BBBG"} <= set(forms.codes())
    assert forms.get("D03-TS") is forms.get("D03-TS", "490")


def test_an_unknown_version_is_refused_naming_the_known_ones():
    with pytest.raises(HgdError) as e:
        forms.get("D03-TS", "366")
    assert e.value.key == "forms.unknown" and "490" in str(e.value)


def test_registering_another_definition_under_a_taken_version_is_refused():
    other = dataclasses.replace(forms.get("D03-TS"), name="x")
    with pytest.raises(HgdError):
        forms.register(other)


def test_d03_header_grid_merges_the_two_groups_and_spans_the_other_titles_over_both_rows():
    cells = header_cells(forms.get("D03-TS"))
    groups = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in cells if c.colspan > 1}
    assert groups == {"Hỗ trợ thêm": (0, 11, 1, 2), "Thời gian tham gia": (0, 13, 1, 2)}
    stt = next(c for c in cells if c.text == "STT")
    assert (stt.row, stt.rowspan) == (0, 2)
    assert [c.text for c in cells if c.row == 2] == ["A", "B"] + [str(i) for i in range(1, 16)]


def test_d02_header_grid_has_three_rows_and_nested_groups():
    cells = header_cells(forms.get("D02-LT"))
    spans = {c.text: (c.row, c.col, c.colspan) for c in cells if c.colspan > 1}
    assert spans["Tiền lương"] == (0, 11, 6)
    assert spans["Phụ cấp"] == (1, 12, 5)
    assert spans["Loại và hiệu lực hợp đồng lao động"] == (0, 19, 5)
    assert [c.text for c in cells if c.row == 3] == [f"({i})" for i in range(1, 28)]


def test_a_new_version_renders_through_both_writers_unchanged(tmp_path):
    """A QĐ 366-like variant: another decision line, a column more, one section — registered as data only."""
    base = forms.get("D03-TS", "490")
    variant = dataclasses.replace(
        base, version="366-test",
        right=(Line("Mẫu D03-TS", "bold", 11, "center"), Line("(Ban hành kèm theo QĐ số 366/QĐ-BHXH ngày 29/4/2026)")),
        columns=base.columns[:-1] + (Column("ma_the", "15", "Mã thẻ BHYT", width=14, kind="code"),
                                     Column("ghi_chu", "16", "Ghi chú", width=12)),
        parts=(Part("tang", "rows", "I", "Tăng"),), counts=(("tong_so_the", ("tang",)),))
    forms.register(variant)
    try:
        assert forms.versions("D03-TS") == ["366-test", "490"]
        filled = FilledList(forms.get("D03-TS", "366-test"), {"ten_don_vi": "UBND xã Dân Lý"},
                            [SectionRows("tang", [{"ho_ten": "Lê Thị Ơn", "ma_the": "TE1380123456789"}])])
        xlsx_writer.write_list(filled, tmp_path / "v.xlsx")
        result = pdf_writer.write_list(filled, tmp_path / "v.pdf")
        ws = openpyxl.load_workbook(tmp_path / "v.xlsx").active
        texts = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
        assert "(Ban hành kèm theo QĐ số 366/QĐ-BHXH ngày 29/4/2026)" in texts
        assert "Mã thẻ BHYT" in texts and "TE1380123456789" in texts and "16" in texts
        assert result.pages == 1
    finally:
        forms.unregister("D03-TS", "366-test")


def test_sample_data_fills_only_columns_and_parts_the_forms_have():
    for filled in (sample.d03_te(), sample.d03_cn(), sample.d02(), sample.change_list()):
        ids = {c.id for c in filled.definition.columns}
        assert all(set(row) <= ids for s in filled.sections for row in s.rows)
