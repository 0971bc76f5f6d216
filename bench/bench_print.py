"""Print preview and printing (ui/printing.py) of a long list: a 30,000-row D03-TS PDF as the core writes it
(sample rows, tests/corpus/forms_sample.py), hundreds of pages.

Each run is a child process (offscreen Qt): the time to open the preview and paint its first screen, to jump to the
middle and to the last page, and to print a range of pages to a PDF file at 300 and 600 dpi (seconds per page); the
peak memory of the whole child, against a baseline child that only opens the PDF and reads its page sizes.
Usage: python bench/bench_print.py [--runs 3] [--rows 30000] [--print-pages 10]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import OUT, machine, median_of, run_measured

MAKE = """
import sys
sys.path.insert(0, {corpus!r})
import forms_sample
from app.lists import pdf_writer
print(pdf_writer.write_list(forms_sample.d03_te(extra_rows={rows} - 8), {path!r}).pages)
"""

BASELINE = """
import sys
import pypdfium2 as pdfium
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
doc = pdfium.PdfDocument({path!r})
print(len([doc.get_page_size(i) for i in range(len(doc))]))
"""

CHILD = """
import json, sys, tempfile, time
from pathlib import Path
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from ui.printing import open_preview, prepare_printer, print_pages
app = QApplication(sys.argv)
t = time.perf_counter()
d = open_preview(None, {path!r}, "D03-TS")
d.resize(1366, 768)
d.show()
app.processEvents()
d.grab()
out = {{"open_s": time.perf_counter() - t, "pages": len(d.pages)}}
for name, page in (("middle", len(d.pages) // 2), ("last", len(d.pages) - 1)):
    t = time.perf_counter()
    d.go_to(page)
    d.grab()
    app.processEvents()
    out[name + "_s"] = time.perf_counter() - t
out["rendered_on_screen"] = d.strip.rendered
for dpi in (300, 600):
    with tempfile.TemporaryDirectory() as tmp:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(tmp) / "out.pdf"))
        printer.setResolution(dpi)
        prepare_printer(printer, d.pages, "D03-TS")
        t = time.perf_counter()
        n = print_pages(printer, d.pages, list(range({print_pages})))
        out[f"print_{{dpi}}dpi_s_per_page"] = (time.perf_counter() - t) / n
        out[f"print_{{dpi}}dpi_file_mib_per_page"] = (Path(tmp) / "out.pdf").stat().st_size / n / 2**20
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", type=int, default=30_000)
    ap.add_argument("--print-pages", type=int, default=10)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = OUT / f"print_d03_{args.rows}.pdf"
    _, _, made = run_measured([sys.executable, "-c", MAKE.format(corpus=str(ROOT / "tests" / "corpus"),
                                                                  rows=args.rows, path=str(pdf))])
    env = {"QT_QPA_PLATFORM": "offscreen"}
    runs, peaks, base_peaks = [], [], []
    for _ in range(args.runs):
        _, peak, done = run_measured([sys.executable, "-c", CHILD.format(path=str(pdf),
                                                                         print_pages=args.print_pages)], env)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        peaks.append(peak)
        _, base, _ = run_measured([sys.executable, "-c", BASELINE.format(path=str(pdf))], env)
        base_peaks.append(base)
    keys = [k for k in runs[0] if k.endswith(("_s", "_s_per_page", "_mib_per_page"))]
    results = {"machine": machine(), "rows": args.rows, "pages": int(made.stdout.strip()), "runs": args.runs,
               "printed_pages_per_run": args.print_pages,
               "median": {k: round(statistics.median(r[k] for r in runs), 3) for k in keys},
               "rendered_on_screen": runs[0]["rendered_on_screen"],
               "peak_rss_mib": round(max(peaks)), "baseline_peak_rss_mib": round(max(base_peaks)),
               "peak_over_baseline": median_of([p / b for p, b in zip(peaks, base_peaks)])}
    pdf.unlink(missing_ok=True)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_print.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
