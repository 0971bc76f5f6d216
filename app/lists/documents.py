"""A period's lists as files: each list as XLSX and PDF (the TK1-TS declarations too), the declaration software's
template as XLSX; regenerated from the frozen lines of a locked period (a draft from the events of an open one).

    docs = period_documents(register, "2026-11")        # list[Document]: name, kind, bytes, form, persons, pages
    write_documents(docs, out_dir)                       # the files, named without personal data
    handed_lists(docs)                                   # the minutes' table: each list's persons and pages

The same period content gives the same bytes: the PDF is written invariant (no creation time, a fixed document id)
and the XLSX's zip entries and document properties carry the list's date instead of the time it was written.
"""
from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config

from app.domain import codes
from app.lists import forms, pdf_tk1, pdf_writer, render, vnpt_template, xlsx_tk1, xlsx_writer
from app.lists.filled import HandedList
from app.lists.forms.base import DeclarationForm
from app.lists.produce import FrozenList
from app.lists.rows import D03, TK1, VNPT

if TYPE_CHECKING:
    from app.register import Register


@dataclass(frozen=True)
class Document:
    """One file of a period: its name (no personal data: a lost stick shows nothing), "xlsx" or "pdf", its bytes,
    the form and variant (participant group), the persons on it, and its pages (PDF; None for a spreadsheet)."""

    name: str
    kind: str
    data: bytes
    form: str
    variant: str | None
    persons: int
    pages: int | None


def file_stem(month: str, fl: FrozenList) -> str:
    form = "VNPT-D03-TK1" if fl.form == VNPT else fl.form
    return f"{month}_{fl.number:02d}_{form}" + (f"_{fl.variant}" if fl.variant else "")


def period_documents(register: Register, month: str) -> list[Document]:
    """Every file of the period of `month` (locked: from its frozen lines; open: as the lists stand today)."""
    from app.lists.period_ops import view

    with register.reading() as session:
        v = view(session, register.commune_id, month, register.today())
    return documents(v.info.month, v.lists)


def documents(month: str, lists: list[FrozenList]) -> list[Document]:
    out: list[Document] = []
    with tempfile.TemporaryDirectory(prefix="hgd-lists-") as tmp:
        for fl in lists:
            out.extend(_render(Path(tmp), file_stem(month, fl), fl))
    return out


def _render(tmp: Path, stem: str, fl: FrozenList) -> list[Document]:
    xlsx, pdf = tmp / f"{stem}.xlsx", tmp / f"{stem}.pdf"
    on = date.fromisoformat(fl.place_date) if fl.place_date else date(2000, 1, 1)
    pages: int | None
    if fl.form == VNPT:
        vnpt_template.write(render.vnpt_rows(fl), xlsx)
        return [Document(xlsx.name, "xlsx", _steady_xlsx(xlsx, on), fl.form, fl.variant, fl.persons, None)]
    if fl.form == TK1:
        definition = forms.get(TK1, fl.version)
        assert isinstance(definition, DeclarationForm)
        decls = render.declarations(fl)
        xlsx_tk1.write_declarations(decls, xlsx, definition)
        with _invariant():
            pages = pdf_tk1.write_declarations(decls, pdf, definition).pages
    else:
        filled = render.filled(fl)
        xlsx_writer.write_list(filled, xlsx)
        with _invariant():
            pages = pdf_writer.write_list(filled, pdf).pages
    return [Document(xlsx.name, "xlsx", _steady_xlsx(xlsx, on), fl.form, fl.variant, fl.persons, None),
            Document(pdf.name, "pdf", pdf.read_bytes(), fl.form, fl.variant, fl.persons, pages)]


@contextmanager
def _invariant() -> Iterator[None]:
    """ReportLab's repeatable output: no creation time, a document id from the content."""
    before = rl_config.invariant
    rl_config.invariant = 1
    try:
        yield
    finally:
        rl_config.invariant = before


_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _steady_xlsx(path: Path, on: date) -> bytes:
    """The workbook with the list's date in its properties and on its zip entries (not the time it was written)."""
    stamp = f"{on.isoformat()}T00:00:00Z".encode()
    out = BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(lambda m: m.group(1) + stamp + m.group(2), data)
            entry = zipfile.ZipInfo(info.filename, date_time=(on.year, on.month, on.day, 0, 0, 0))
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            dst.writestr(entry, data, compresslevel=6)
    return out.getvalue()


def write_documents(docs: list[Document], out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        path = out / doc.name
        path.write_bytes(doc.data)
        paths.append(path)
    return paths


def list_title(form: str, variant: str | None) -> str:
    """The list's name as the minutes print it."""
    if form == D03:
        group = codes.group(variant)
        return f"Danh sách người chỉ tham gia BHYT (D03-TS), {variant}: {group.name if group else variant}"
    if form == TK1:
        return "Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (TK1-TS) và phụ lục"
    if form == VNPT:
        return "Tệp dữ liệu tăng, giảm cho phần mềm kê khai (D03, TK1)"
    definition = forms.get(form)
    return f"{definition.name} ({form})"


def handed_lists(docs: list[Document]) -> list[HandedList]:
    """The minutes' table (DOMAIN §6.5): one row per printed list, its persons and its PDF's pages."""
    return [HandedList(list_title(d.form, d.variant), d.persons, d.pages or 0) for d in docs if d.kind == "pdf"]
