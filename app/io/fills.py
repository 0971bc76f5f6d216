"""What a person list leaves implicit, made explicit before the rows are read: the household a row belongs to.

- A household code (or address) merged down over its members' rows holds its value in the first row only: the
  rows the merge covers get it too (merged ranges below the header, in those columns only).
- A household code written on the head's row only: when the first rows show that pattern (codes on heads, none on
  the others), the code is carried down to the members under it, until the next head; a head without a code ends
  the household (its members are not added to the one above).
- No household column at all: households are read from the order of "Quan hệ với chủ hộ" — each "Chủ hộ" starts
  a new one — and get a stable code made from the head's name and birth ("TAM-" and 8 letters or digits), so that
  importing the same file again finds the same households. The report says so.
- The declaration software's template: a row without a household code is linked to the others of its number (STT
  = ID Lao động, the participant the annex rows belong to); the link is resolved once every sheet is read.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from typing import Any

from app import messages
from app.domain import codes, legacy
from app.domain.text import search_key
from app.io.cells import cell_text, clean, is_plain
from app.io.header import Column, Layout
from app.io.reader import Table
from app.io.report import RowIssue

messages.register({
    "import.household_carried": (
        "Mã hộ chỉ ghi ở dòng chủ hộ: các thành viên bên dưới được gán mã hộ của chủ hộ phía trên (đến chủ hộ kế tiếp)",
        ("The household code is written on the head's row only: the members below get the code of the head above "
        "them (until the next head)")),
    "import.household_generated": (
        ("Tệp không có cột mã hộ: các hộ được xác định theo thứ tự cột này (mỗi 'Chủ hộ' bắt đầu một hộ mới) và "
        "được đặt mã tạm {example} theo họ tên và ngày sinh của chủ hộ; hãy thay bằng mã hộ thật khi có"),
        ("The file has no household code column: households are told by the order of this column (each 'Chủ hộ' "
        "starts a new one) and get a temporary code such as {example} made from the head's name and birth; replace "
        "them with the real codes when known")),
    "row.no_head_above": ("Chưa có 'Chủ hộ' nào ở trên: không biết người này thuộc hộ nào",
                          "No 'Chủ hộ' above this row: the person's household is unknown"),
})

CARRIED = ("ma_ho", "dia_chi")   # household-level columns a merged range may cover
LINK = "\x00link:"                # a household to be found through the template's link number
GENERATED_HEADER = "Mã hộ (tự tạo)"


def generated_code(name: object, birth: object, taken: set[str]) -> str:
    """TAM-XXXXXXXX from the head's name key and birth as written; the same head gives the same code."""
    seed = f"{search_key(clean(name))}|{cell_text(birth).strip()}".encode()
    base = "TAM-" + hashlib.sha1(seed).hexdigest()[:8].upper()
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    taken.add(code)
    return code


class Fills:
    """Applied to each data row (its cells list, in place) before it is read; `active` is False when the sheet
    needs none of it, so the reader skips the call."""

    def __init__(self, table: Table, layout: Layout, ahead: list[tuple[int, list[Any]]], encodings: dict[str, str],
                 warnings: list[RowIssue], *, template_link: bool = False, taken: set[str] | None = None) -> None:
        cols = layout.columns
        self.name_col = cols["ho_ten"].index
        self.encodings = encodings
        self.relation_col = next((cols[f].index for f in ("quan_he_chu_ho", "ma_quan_he") if f in cols), None)
        self.relation_enc = next((encodings[f] for f in ("quan_he_chu_ho", "ma_quan_he") if f in encodings),
                                 "unicode")
        self.birth_cols = [cols[f].index for f in ("ngay_sinh", "ngay_sinh_nam", "ngay_sinh_nu") if f in cols]
        self.merges = self._merges(table, layout)
        self.taken = taken if taken is not None else set()
        self.current: str | None = None
        self.mode = None
        self.link_col = layout.stt if template_link else None
        self.link_codes: dict[str, str] = {}      # link number -> a household code written in its group
        self.orphans: set[int] = set()
        if "ma_ho" not in cols:
            index = max(c.index for c in cols.values()) + 1
            cols["ma_ho"] = Column(index, "ma_ho", GENERATED_HEADER)
            if self.link_col is not None:
                self.mode = "link"
            elif self.relation_col is not None:
                self.mode = "generate"
                header = next(cols[f].header for f in ("quan_he_chu_ho", "ma_quan_he") if f in cols)
                warnings.append(RowIssue(layout.header_row, header, "", "import.household_generated",
                                         {"example": "TAM-1A2B3C4D"}))
        self.household = cols["ma_ho"].index
        if self.mode is None and self.link_col is not None:
            self.mode = "link"
        if self.mode is None and self.relation_col is not None and self._codes_on_heads_only(ahead):
            self.mode = "carry"
            warnings.append(RowIssue(layout.header_row, cols["ma_ho"].header, "", "import.household_carried"))
        self.active = bool(self.merges) or self.mode is not None

    # --- merged ranges -------------------------------------------------------------------------------------------
    @staticmethod
    def _merges(table: Table, layout: Layout) -> dict[int, tuple[list[int], list[int]]]:
        """Column index -> (first rows, last rows) of its vertical merges in the data area (1-based rows)."""
        wanted = {layout.columns[f].index + table.first_column: layout.columns[f].index
                  for f in CARRIED if f in layout.columns}
        spans: dict[int, list[tuple[int, int]]] = {}
        for (r0, c0), (r1, c1) in table.merged:
            if r1 <= r0 or r0 + 1 < layout.data_from:
                continue
            for col, index in wanted.items():
                if c0 <= col <= c1:
                    spans.setdefault(index, []).append((r0 + 1, r1 + 1))
        out = {}
        for index, ranges in spans.items():
            ranges.sort()
            out[index] = ([a for a, _ in ranges], [b for _, b in ranges])
        return out

    def _merged_value(self, n: int, cells: list[Any], origins: dict[int, Any]) -> None:
        for index, (starts, ends) in self.merges.items():
            at = bisect_right(starts, n) - 1
            if at < 0 or n > ends[at]:
                continue
            if starts[at] == n:
                origins[index] = cells[index] if index < len(cells) else ""
            elif _empty(cells[index] if index < len(cells) else ""):
                _put(cells, index, origins.get(index, ""))

    # --- household codes on the head's row only --------------------------------------------------------------------
    def _relation(self, cells: list[Any]) -> str | None:
        raw = cells[self.relation_col] if self.relation_col is not None and self.relation_col < len(cells) else ""
        if _empty(raw):
            return None
        if isinstance(raw, str):
            if not is_plain(raw):
                return None
            raw = legacy.to_unicode(raw, self.relation_enc) if self.relation_enc != "unicode" else raw
            return codes.relation_code(clean(raw)) or codes.relation_from_template_code(raw) or "?"
        return codes.relation_from_template_code(raw) or "?"

    def _person_like(self, cells: list[Any]) -> bool:
        width = len(cells)
        name = cells[self.name_col] if self.name_col < width else ""
        return not _empty(name) and (self._relation(cells) is not None
                                     or any(i < width and not _empty(cells[i]) for i in self.birth_cols))

    def _codes_on_heads_only(self, ahead: list[tuple[int, list[Any]]]) -> bool:
        coded = coded_heads = uncoded = uncoded_heads = 0
        origins: dict[int, Any] = {}
        for n, cells in ahead:
            cells = list(cells)
            if self.merges:
                self._merged_value(n, cells, origins)
            if not self._person_like(cells):
                continue
            head = self._relation(cells) == codes.HEAD
            if _empty(cells[self.household] if self.household < len(cells) else ""):
                uncoded += 1
                uncoded_heads += head
            else:
                coded += 1
                coded_heads += head
        # codes on the heads (nine in ten coded rows), the rows without one mostly members (a head may have lost his)
        return (uncoded > 0 and coded > 0 and coded_heads * 10 >= coded * 9
                and uncoded - uncoded_heads >= 2 * uncoded_heads)

    # --- applied to each row -------------------------------------------------------------------------------------
    def apply(self, n: int, cells: list[Any], origins: dict[int, Any]) -> None:
        if self.merges:
            self._merged_value(n, cells, origins)
        if self.mode is None or not self._person_like(cells):
            return
        index = self.household
        code = cells[index] if index < len(cells) else ""
        if self.mode == "link":
            assert self.link_col is not None  # the "link" mode is chosen with its column
            link = cells[self.link_col] if self.link_col < len(cells) else ""
            link = cell_text(link).strip()
            if not _empty(code):
                if link:
                    self.link_codes.setdefault(link, clean(code))
            elif link:
                _put(cells, index, LINK + link)
            return
        head = self._relation(cells) == codes.HEAD
        if self.mode == "carry":
            if not _empty(code):
                self.current = code
            elif head:
                self.current = None  # a head without a code: its members must not join the household above
            elif self.current is not None:
                _put(cells, index, self.current)
            return
        if head:
            birth = next((cells[i] for i in self.birth_cols if i < len(cells) and not _empty(cells[i])), "")
            self.current = generated_code(cells[self.name_col], birth, self.taken)
        if self.current is None:
            self.orphans.add(n)
        else:
            _put(cells, index, self.current)


def _empty(v: object) -> bool:
    return v is None or (v.__class__ is str and (not v or v.isspace()))


def _put(cells: list[Any], index: int, value: object) -> None:
    if index >= len(cells):
        cells.extend([""] * (index + 1 - len(cells)))
    cells[index] = value
