"""`make forms`: render every form kind from the SAMPLE data set (tests/corpus/forms_sample.py) to XLSX and PDF, then
every page to PNG, to be looked at. PDFs: pdftoppm -r 80; XLSX: LibreOffice headless to PDF, then pdftoppm.

Usage: python bench/render_forms.py [OUT_DIR]   (default build/forms)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import forms_sample as sample  # noqa: E402

from app.lists import pdf_minutes, pdf_tk1, pdf_writer, vnpt_template, xlsx_tk1, xlsx_writer  # noqa: E402


def render(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    lists = {"d03_te": sample.d03_te(), "d03_cn": sample.d03_cn(), "d02": sample.d02(),
             "d02_reduced": sample.d02(reduced=True), "change": sample.change_list(),
             "d03_long": sample.d03_te(extra_rows=90)}
    pages: dict[str, int] = {}
    written = []
    for name, filled in lists.items():
        written.append(xlsx_writer.write_list(filled, out / f"{name}.xlsx").path)
        result = pdf_writer.write_list(filled, out / f"{name}.pdf")
        pages[name] = result.pages or 0
        written.append(result.path)
        print(f"{name}: {filled.row_count} rows, {result.pages} pages")
    written.append(xlsx_tk1.write_declarations(sample.declarations(), out / "tk1.xlsx").path)
    tk1 = pdf_tk1.write_declarations(sample.declarations(), out / "tk1.pdf")
    pages["tk1"] = tk1.pages or 0
    written.append(tk1.path)
    written.append(pdf_minutes.write_minutes(sample.minutes(pages), out / "minutes.pdf").path)
    written.append(vnpt_template.write(sample.vnpt_rows(), out / "vnpt_d03_tk1.xlsx"))
    return written


def to_png(files: list[Path], out: Path) -> None:
    png = out / "png"
    shutil.rmtree(png, ignore_errors=True)
    png.mkdir()
    # The declaration software's import template is data, not a printed form: not drawn.
    sheets = [f for f in files if f.suffix == ".xlsx" and not f.name.startswith("vnpt")]
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
