"""`make forms`: every form kind rendered from a REAL month of the demo commune — a month locked by the demo, its
lists regenerated from their frozen lines (app.lists.documents) — to XLSX and PDF, then every page to PNG, to be
looked at. The D02-LT is rendered a second time with the reduced column set. The minutes are the real ones of that
month: the commune and an office make their keys and trust each other, the month's package is exported, a courier
records its collection, and `hgd minutes` prints them. PDFs: pdftoppm -r 80; XLSX: LibreOffice headless to PDF, then
pdftoppm.

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

from app.demo import create_demo
from app.lists.documents import documents, write_documents
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
        written.append(_real_minutes(db, commune.get("bhxh_office") or "BHXH cơ sở", Path(tmp), out))
    return written


def _hgd(*argv: object) -> None:
    subprocess.run([sys.executable, "-m", "app", *map(str, argv)], check=True, cwd=ROOT, capture_output=True,
                   timeout=300)


def _real_minutes(db: Path, office_name: str, tmp: Path, out: Path) -> Path:
    """The month's package exported to an office as a clerk would, then its minutes, dated the 3rd of the next
    month."""
    secret = tmp / "passphrase"
    secret.write_text("mật khẩu của bản in mẫu\n", encoding="utf-8")
    office = tmp / "office.db"
    _hgd("keys", "init", "--db", db, "--passphrase-file", secret)
    _hgd("keys", "export", "--db", db, "--out", tmp / "commune-keys")
    _hgd("init", "--db", office, "--office", office_name)
    _hgd("keys", "init", "--db", office, "--passphrase-file", secret)
    _hgd("keys", "export", "--db", office, "--out", tmp / "office-keys")
    _hgd("keys", "trust", "--db", office, tmp / "commune-keys")
    _hgd("keys", "trust", "--db", db, tmp / "office-keys")
    _hgd("package", "export", "--db", db, "--period", MONTH, "--out", tmp / "sent", "--passphrase-file", secret)
    package = next((tmp / "sent").glob("*.zip"))
    _hgd("package", "verify", "--db", db, "--by", "Trịnh Văn Quý", package)
    path = out / f"{MONTH}_minutes.pdf"
    _hgd("minutes", "--db", db, "--period", MONTH, "--out", path, "--date", "2026-11-03")
    print(f"{path.name}: package {package.name}")
    return path


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
