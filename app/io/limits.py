"""The import's guards: every size is bounded before it is read, so a hostile or broken file is refused quickly and
in bounded memory (DESIGN.md, "Hostile content").

A commune holds 3,000 to 30,000 people; the limits leave ten times that room. They are checked:
- on the file itself (size) before anything is opened;
- on an XLSX's zip central directory (member count, declared sizes, compression ratio) before anything is
  decompressed, and again while the sheet is streamed (the declared sizes may lie);
- on the sheet XML while it is streamed (rows, far columns, formulas without values) before the spreadsheet
  library builds the sheet in memory (it allocates rows x columns cells, so one stray cell in row 1,048,576 or
  column XFD would cost gigabytes);
- on a CSV before its rows are parsed (NUL bytes, row count) and while they are (the csv module refuses a cell
  longer than 131,072 characters).
"""
from __future__ import annotations

MAX_DATA_ROWS = 300_000            # persons in one file (a district's worth; a commune has at most ~30,000)
SLACK_ROWS = 1_000                 # title, header, blank, section and footer rows on top of the data rows
MAX_SHEET_ROWS = MAX_DATA_ROWS + SLACK_ROWS
MAX_COLUMNS = 104                  # A..CZ: a person list has 10-40 columns; beyond that a cell is a stray
MAX_XLSX_BYTES = 100 * 1024 * 1024         # the .xlsx file as stored (compressed)
MAX_XLS_BYTES = 50 * 1024 * 1024           # an .xls holds at most 65,536 rows
MAX_CSV_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED = 400 * 1024 * 1024       # all members of an XLSX, decompressed (300,000 rows ~ 250 MB of XML)
MAX_ZIP_MEMBERS = 10_000
MAX_RATIO = 100                    # compression ratio allowed for a member larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024          # small members may compress as well as they like
MAX_SMALL_PART = 16 * 1024 * 1024  # workbook.xml, its relations: read whole, so kept small
MAX_HEADER_SCAN = 50               # rows searched for the header row
SCAN_CHUNK = 1024 * 1024           # bytes decompressed or read at a time
