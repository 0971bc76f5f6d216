"""The PDF writers: text extracted with pdftotext (poppler-utils), pages counted by pdfinfo, the minutes' QR code
read by zbarimg (zbar-tools). `make test` installs both; without them these tests are skipped, saying why."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import HgdError
from app.lists import pdf_minutes, pdf_tk1, pdf_writer

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import forms_sample as sample

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _text(pdf: Path, page: int | None = None) -> str:
    """The text in reading order with runs of white space as one space (a header cell's title wraps)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_poppler
def test_d03_pdf_text_has_title_headers_and_vietnamese_names_intact(tmp_path):
    filled = sample.d03_te()
    result = pdf_writer.write_list(filled, tmp_path / "d03.pdf")
    text = _text(result.path)
    for expected in ("DANH SÁCH NGƯỜI CHỈ THAM GIA BHYT", "Mẫu D03-TS", "(Ban hành kèm theo QĐ số 490/QĐ-BHXH",
                     "Họ và tên", "Mã số BHXH", "Hỗ trợ thêm", "Thời gian tham gia", "Tổng số thẻ BHYT đề nghị cấp: 6",
                     "Cơ quan LĐTBXH, UBND xã/Tổ chức DV thu/nhà trường", "Lê Văn Thắng", "Cộng tăng", "Cộng giảm"):
        assert expected in text, expected
    name = filled.rows_of("I.1")[3]["ho_ten"]
    assert name in text and filled.rows_of("I.1")[0]["ma_so_bhxh"] in text
    assert "CỘNG HÒA" not in text
    assert result.pages == _pages(result.path)


@needs_poppler
def test_long_list_repeats_the_header_on_every_page_and_counts_its_pages(tmp_path):
    filled = sample.d03_te(extra_rows=120)
    result = pdf_writer.write_list(filled, tmp_path / "long.pdf")
    assert result.pages == _pages(result.path) >= 4
    texts = [_text(result.path, page) for page in range(1, result.pages + 1)]
    last = filled.rows_of("II.1")[-1]["ma_so_bhxh"]
    with_rows = [i for i, t in enumerate(texts) if filled.rows_of("I.1")[0]["ma_so_bhxh"] in t or last in t]
    for i, text in enumerate(texts[: with_rows[-1] + 1]):
        assert "Họ và tên" in text and "Mã số BHXH" in text and "Hỗ trợ thêm" in text, f"page {i + 1}"
        assert f"Trang {i + 1}/{result.pages}" in text
    assert with_rows[-1] >= 3


@needs_poppler
def test_d02_and_change_list_pdfs_carry_motto_and_their_footers(tmp_path):
    d02 = pdf_writer.write_list(sample.d02(), tmp_path / "d02.pdf")
    text = _text(d02.path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "(27)" in text
    assert "ĐẠI DIỆN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG" in text
    change = pdf_writer.write_list(sample.change_list(), tmp_path / "bd.pdf")
    text = _text(change.path)
    assert "DANH SÁCH BIẾN ĐỘNG THÀNH VIÊN HỘ GIA ĐÌNH" in text and "Mẫu do phần mềm hgd đề xuất" in text
    assert "03/1975" in text and "Sinh (2)" in text


@needs_poppler
def test_tk1_one_declaration_per_page_and_the_annex_after_it(tmp_path):
    result = pdf_tk1.write_declarations(sample.declarations(), tmp_path / "tk1.pdf")
    assert result.pages == _pages(result.path) == 3
    first, annex, second = (_text(result.path, p) for p in (1, 2, 3))
    assert "BẢO HIỂM XÃ HỘI VIỆT NAM" in first and "TỜ KHAI" in first and "NGUYỄN NGỌC ÁNH" in first
    assert "[16]" in first and "XÁC NHẬN CỦA ĐƠN VỊ" in first and "Người kê khai" in first
    assert "THÀNH VIÊN HỘ GIA ĐÌNH" in annex and "Lê Thị Thuỷ" in annex and "1987" in annex
    assert "0109012345" in second and "15/03/1975" in second


@needs_poppler
def test_minutes_show_the_parties_lists_fingerprint_and_three_signatures(tmp_path):
    m = sample.minutes({"d03_te": 2})
    result = pdf_minutes.write_minutes(m, tmp_path / "bb.pdf")
    text = _text(result.path)
    assert result.pages == _pages(result.path) == 1
    for expected in ("BIÊN BẢN BÀN GIAO", "UBND XÃ DÂN LÝ", "Bên giao: Ủy ban nhân dân xã Dân Lý",
                     "Bên nhận chuyển: Bưu điện xã Dân Lý", "Bên nhận: Bảo hiểm xã hội khu vực Triệu Sơn",
                     "Số người", "Số trang", "3F2A 91C0 77DE 0B14", "3F2A 91C0 77DE 0B14 C9E8",
                     "Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản.",
                     "ĐẠI DIỆN UBND XÃ", "ĐẠI DIỆN BƯU ĐIỆN", "ĐẠI DIỆN CƠ QUAN BHXH", "Trịnh Văn Quý"):
        assert expected in text, expected


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbar-tools or poppler-utils not installed")
def test_minutes_qr_code_decodes_to_the_package_fingerprint(tmp_path):
    m = sample.minutes()
    pdf_minutes.write_minutes(m, tmp_path / "bb.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "bb.pdf"), str(tmp_path / "bb")], check=True)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "bb-1.png")], check=False, capture_output=True, text=True)
    assert out.stdout.split() == [m.package.sha256]


def test_minutes_refuse_a_fingerprint_that_is_not_a_sha256(tmp_path):
    m = sample.minutes()
    m.package.sha256 = "abc"
    with pytest.raises(HgdError) as e:
        pdf_minutes.write_minutes(m, tmp_path / "bb.pdf")
    assert e.value.key == "minutes.bad_fingerprint"
    assert not (tmp_path / "bb.pdf").exists()


def test_fingerprint_groups_of_four_and_the_short_form():
    sha = "3f2a91c077de0b14c9e8a1d2f3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6"
    assert pdf_minutes.fingerprint_groups(sha).split() == [sha[i:i + 4].upper() for i in range(0, 64, 4)]
    assert pdf_minutes.short_fingerprint(sha) == " ".join(sha[i:i + 4].upper() for i in range(0, 20, 4))
