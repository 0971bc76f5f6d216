"""`make forms`: every form kind rendered from a REAL month of the demo commune — a month locked by the demo, its
lists regenerated from their frozen lines (app.lists.documents) — to XLSX and PDF, then every page to PNG, to be
looked at. The D02-LT is rendered a second time with the reduced column set; the minutes take the month's lists
(persons and pages) with a sample package (the package is another piece's work). The unit tests keep the sample
set (tests/corpus/forms_sample.py). PDFs: pdftoppm -r 80; XLSX: LibreOffice headless to PDF, then pdftoppm.

Usage: python bench/render_forms.py [OUT_DIR]   (default build/forms)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import forms_sample as sample

from app.demo import create_demo
from app.lists import pdf_minutes
from app.lists.documents import documents, handed_lists, write_documents
from app.lists.filled import Party
from app.lists.period_ops import view
from app.lists.rows import D02
from app.register import Register

TODAY = date(2026, 12, 3)   # the demo's day: August to October locked, November open
MONTH = "2026-10"


def render(out: Path) -> list[Path]:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        create_demo(db, persons=3000, seed=1, today=TODAY)
        with Register.open(db) as reg, reg.reading() as s:
            v = view(s, reg.commune_id, MONTH, TODAY)
            commune = reg.commune()
    assert v.frozen, f"the demo did not lock {MONTH}"
    lists = v.lists + [replace(fl, options=["reduced"], number=99) for fl in v.lists if fl.form == D02]
    docs = documents(MONTH, lists)
    written = write_documents(docs, out)
    for d in docs:
        print(f"{d.name}: {d.persons} rows" + (f", {d.pages} pages" if d.pages else ""))
    minutes = sample.minutes()
    place = commune["commune_name"].removeprefix("Xã ")
    minutes = replace(minutes, ten_xa=place, dia_diem=f"Ủy ban nhân dân xã {place}", month=10, year=2026,
                      on=date(2026, 11, 3), lists=handed_lists([d for d in docs if not d.name.startswith(
                          f"{MONTH}_99")]),
                      giver=Party(f"Ủy ban nhân dân xã {place}", [(commune.get("chairman", ""), "Chủ tịch UBND xã"),
                                                                    (commune.get("clerk", ""), "Công chức")]),
                      courier=Party(commune.get("post_office", ""), [("Trịnh Văn Quý", "Nhân viên bưu điện")]),
                      receiver=Party(commune.get("bhxh_office", ""), [("Đỗ Thị Nguyệt", "Chuyên viên thu")]))
    written.append(pdf_minutes.write_minutes(minutes, out / f"{MONTH}_minutes.pdf").path)
    return written


def to_png(files: list[Path], out: Path) -> None:
    png = out / "png"
    shutil.rmtree(png, ignore_errors=True)
    png.mkdir()
    # The declaration software's import template is data, not a printed form: not drawn.
    sheets = [f for f in files if f.suffix == ".xlsx" and "VNPT" not in f.name]
    converted = out / "xlsx_pdf"
    shutil.rmtree(converted, ignore_errors=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(converted), *map(str, sheets)], check=True, capture_output=True, timeout=600)
    for pdf in [f for f in files if f.suffix == ".pdf"]:
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(png / pdf.stem)], check=True)
    for pdf in sorted(converted.glob("*.pdf")):
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(png / f"{pdf.stem}_xlsx")], check=True)
    print(f"{len(list(png.glob('*.png')))} pages as PNG in {png}")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "forms"
    to_png(render(target), target)
