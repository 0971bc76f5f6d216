"""The handover minutes (biên bản bàn giao) as PDF: three parties, the lists handed over with their persons and
pages, the package with its SHA-256 fingerprint as text and as a QR code, three signature blocks (DOMAIN §6.5)."""
from __future__ import annotations

import re
from pathlib import Path

import segno
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app import messages
from app.errors import HgdError
from app.lists import forms, values
from app.lists.filled import MinutesInput
from app.lists.forms.base import Line
from app.lists.forms.minutes import MinutesForm
from app.lists.pdf_fonts import face
from app.lists.pdf_writer import (
    _PLAIN,
    blocks,
    build,
    frame_width,
    lines_flow,
    markup,
    paragraph,
    signature_blocks,
    style,
)
from app.lists.xlsx_writer import WriteResult
from app.packages.fingerprint import Fingerprint

messages.register({
    "minutes.bad_fingerprint": ("Dấu vân tay '{value}' không phải SHA-256 (64 ký tự thập lục phân)",
                                "The fingerprint '{value}' is not a SHA-256 (64 hexadecimal characters)"),
})

_HEX64 = re.compile(r"[0-9a-f]{64}")


def fingerprint_groups(sha256: str) -> str:
    """The SHA-256 in upper-case groups of four characters, as the courier's receipt and `hgd package` print it."""
    return Fingerprint(sha256).full


def short_fingerprint(sha256: str) -> str:
    """The first five groups, to read aloud over the telephone (the same short form as every other screen)."""
    return Fingerprint(sha256).short


class QrCode(Flowable):
    """A QR code drawn as vector squares (sharp at any print or scan resolution)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.qr = segno.make(data, error="m", micro=False)
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        rows = [list(row) for row in self.qr.matrix_iter(scale=1, border=4)]
        module = self.size / len(rows)
        self.canv.setFillColorRGB(0, 0, 0)
        for i, row in enumerate(rows):
            y = self.size - (i + 1) * module
            j = 0
            while j < len(row):  # one rectangle per run of dark modules
                if row[j]:
                    k = j
                    while k + 1 < len(row) and row[k + 1]:
                        k += 1
                    self.canv.rect(j * module, y, (k - j + 1) * module, module, stroke=0, fill=1)
                    j = k + 1
                else:
                    j += 1


def _grid_table(data: list[list[object]], widths: list[float], size: float) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("FONTNAME", (0, 0), (-1, -1), face("normal")), ("FONTSIZE", (0, 0), (-1, -1), size),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (3, -1), "RIGHT"),
    ]))
    return table


def minutes_story(m: MinutesInput, form: MinutesForm, width: float) -> list[Flowable]:
    sha = m.package.sha256.strip().lower()
    if not _HEX64.fullmatch(sha):
        raise HgdError("minutes.bad_fingerprint", value=m.package.sha256)
    size = form.page.font_size
    vals: dict[str, object] = {"ten_xa_hoa": m.ten_xa.upper(), "so": m.so, "thang": f"{m.month:02d}", "nam": m.year,
                               "dia_diem": m.dia_diem, **values.date_parts(m.on)}
    story: list[Flowable] = [blocks(lines_flow(form.left, vals, size), lines_flow(form.right, vals, size), 0.42,
                                    width), Spacer(1, 12)]
    story.extend(lines_flow(form.title, vals, size))
    story.append(Spacer(1, 10))
    body = Line("", "normal", size)
    story.append(paragraph(values.fill(form.opening, vals), body, size))
    for n, ((key, heading), party) in enumerate(zip(form.parties, (m.giver, m.courier, m.receiver)), 1):
        story.append(Spacer(1, 4))
        story.append(paragraph(f"{n}. " + values.fill(heading, {"don_vi": party.don_vi}), Line("", "bold"), size))
        for name, position in party.people:
            story.append(paragraph("- " + values.fill(form.person_line, {"ten": name, "chuc_vu": position}), body,
                                   size))
    story += [Spacer(1, 8), paragraph(form.content_heading, body, size), Spacer(1, 4)]
    head: list[object] = [Paragraph(f"<b>{markup(title)}</b>", style(Line("", "bold", size - 1, "center"), size))
            for _, title, _ in form.table_columns]
    left, center, right = (style(Line("", "normal", size - 1, a), size) for a in ("left", "center", "right"))
    rows: list[list[object]] = [head]
    for i, lst in enumerate(m.lists, 1):
        rows.append([Paragraph(str(i), center), Paragraph(markup(lst.ten), left),
                     Paragraph(str(lst.so_nguoi), right), Paragraph(str(lst.so_trang), right),
                     Paragraph(markup(lst.ghi_chu), left)])
    rows.append(["", Paragraph("<b>Cộng</b>", left), Paragraph(f"<b>{sum(x.so_nguoi for x in m.lists)}</b>", right),
                 Paragraph(f"<b>{sum(x.so_trang for x in m.lists)}</b>", right), ""])
    story.append(_grid_table(rows, [w * width for _, _, w in form.table_columns], size - 1))
    p = m.package
    shown = {"ma_goi": p.package_id, "so_thu_tu": str(p.sequence), "ky": p.period, "ten_tep": p.file_name,
             "dung_luong": f"{p.size_bytes:,} byte".replace(",", "."),
             "van_tay": fingerprint_groups(sha), "van_tay_ngan": short_fingerprint(sha)}
    info = [paragraph(form.package_heading, Line("", "bold"), size)]
    half = len(shown["van_tay"]) // 2 + 1  # the 16 groups on two lines of 8
    shown["van_tay"] = shown["van_tay"][:half].strip() + "\n" + shown["van_tay"][half:]
    info += [Paragraph(f"{markup(label)}:{'<br/>' if chr(10) in shown[key] else ' '}<b>{markup(shown[key])}</b>",
                       style(body, size)) for label, key in form.package_lines]
    qr_size = 34 * mm
    caption = paragraph(form.qr_caption, Line("", "italic", size - 3, "center"), size)
    package = Table([[info, [QrCode(sha, qr_size), caption]]], colWidths=[width - qr_size - 8, qr_size + 8])
    package.setStyle(_PLAIN)
    story += [Spacer(1, 10), KeepTogether([package]), Spacer(1, 8), paragraph(form.statement, body, size)]
    signer = {key: party.people[0][0] if party.people else ""
              for (key, _), party in zip(form.parties, (m.giver, m.courier, m.receiver))}
    story.append(signature_blocks(form.signatures, vals, signer, size, width))
    story.append(Spacer(1, 10))
    story.extend(lines_flow(form.notes, vals, size))
    return story


def write_minutes(m: MinutesInput, path: str | Path, form: MinutesForm | None = None) -> WriteResult:
    path = Path(path)
    form = form or forms.get("BBBG")  # type: ignore[assignment]
    assert isinstance(form, MinutesForm)
    pages = build(path, minutes_story(m, form, frame_width(form.page)), form.page, form.name)
    return WriteResult(path, sum(x.so_nguoi for x in m.lists), pages)
