"""The import's guards: every size is bounded before it is read, so a hostile or broken file is refused quickly and
in bounded memory (DESIGN.md, "Hostile content").

A commune holds 3,000 to 30,000 people; the limits leave ten times that room. They are checked:
- on the file itself (a regular file, its size) before anything is opened;
- on an XLSX's zip central directory (member count, declared sizes, compression ratio) before anything is
  decompressed, and again while the parts are streamed (the declared sizes may lie): the parts the spreadsheet
  library reads whole (styles, shared strings) have their own size and count limits;
- on the sheet XML while it is streamed (the rows and columns the library would allocate, whatever the attribute
  order or quoting; merged ranges; formulas without values) before the spreadsheet library builds the sheet in
  memory (it allocates rows x columns cells, so one stray cell in row 1,048,576 or column XFD would cost gigabytes);
- on a CSV before its rows are parsed (NUL bytes, row count, encodings that disagree) and while they are (a line
  longer than any list needs, a quote never closed);
- on every cell the import reads (its length, the combining marks on one letter), because normalising text costs
  time that grows with the square of a run of marks.
"""
from __future__ import annotations

MAX_DATA_ROWS = 300_000            # persons in one file (a district's worth; a commune has at most ~30,000)
SLACK_ROWS = 1_000                 # title, header, blank, section and footer rows on top of the data rows
MAX_SHEET_ROWS = MAX_DATA_ROWS + SLACK_ROWS
MAX_COLUMNS = 104                  # A..CZ: a person list has 10-80 columns; beyond that a cell is a stray
MAX_CELLS = 10_000_000             # rows x columns of one sheet as the library allocates it (~32 bytes a cell)
SPARSE_FLOOR = 2_000_000           # above this many, rows x columns may not exceed SPARSE_RATIO x the cells written
SPARSE_RATIO = 4                   # (a list is dense; a few cells far away make a huge, empty rectangle)
MAX_MERGES = 400_000               # merged ranges in one sheet (a household code merged over its members: ~1 a person)
MAX_XLSX_BYTES = 100 * 1024 * 1024         # the .xlsx file as stored (compressed)
MAX_XLS_BYTES = 50 * 1024 * 1024           # an .xls holds at most 65,536 rows
MAX_CSV_BYTES = 200 * 1024 * 1024
MAX_HTML_BYTES = 50 * 1024 * 1024          # an HTML table saved as .xls by a web portal
MAX_UNCOMPRESSED = 400 * 1024 * 1024       # all members of an XLSX, decompressed (300,000 rows ~ 250 MB of XML)
MAX_ZIP_MEMBERS = 10_000
MAX_RATIO = 100                    # compression ratio allowed for a member larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024          # small members may compress as well as they like
MAX_SMALL_PART = 16 * 1024 * 1024  # workbook.xml, its relations: read whole, so kept small
MAX_STYLES_PART = 32 * 1024 * 1024         # styles.xml (Excel allows 64,000 cell formats: ~13 MB)
MAX_SHARED_STRINGS = 3_000_000     # distinct texts of a workbook (300,000 persons x ~8 distinct texts each)
MAX_HEADER_SCAN = 50               # rows searched for the header row
SCAN_CHUNK = 1024 * 1024           # bytes decompressed or read at a time
MAX_CELL_CHARS = 1_000             # a cell the import reads (a name, an address: < 300); longer is not a list's
MAX_MARKS = 3                      # combining marks on one letter after NFC (Vietnamese needs none; NFD two)
MAX_LINE_CHARS = 100_000           # one physical CSV line (40 columns of the longest cells: 40,000)
MAX_RECORD_LINES = 20              # physical lines one CSV record may span (a cell with line breaks: 2-5)
