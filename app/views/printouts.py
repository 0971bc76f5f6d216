"""What the GUI previews and prints: one list of a period as its PDF, and the period's handover minutes as a PDF,
written to a folder the caller chooses (the GUI: a temporary one)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import messages
from app.errors import HgdError
from app.lists.periods import shown

if TYPE_CHECKING:
    from app.register import Register

messages.register({
    "printouts.no_pdf": ("Danh sách “{stem}” không có bản PDF (đó là tệp cho phần mềm kê khai, chỉ có XLSX).",
                         "The list “{stem}” has no PDF (it is the declaration software's file, XLSX only)."),
    "printouts.no_list": ("Kỳ {month} không có danh sách “{stem}”.", "The period {month} has no list “{stem}”."),
})


def list_pdf(reg: Register, month: str, stem: str, out_dir: str | Path) -> Path:
    """The PDF of the list `stem` (documents.file_stem) of the period of `month`, written to `out_dir`: the frozen
    lines of a locked period, a draft from the events of an open one. Only that list is rendered."""
    from app.lists.documents import documents, file_stem  # the writers load when a list is printed
    from app.lists.period_ops import view

    with reg.reading() as s:
        v = view(s, reg.commune_id, month, reg.today())
    chosen = [fl for fl in v.lists if file_stem(v.info.month, fl) == stem]
    if not chosen:
        raise HgdError("printouts.no_list", month=shown(v.info.month), stem=stem)
    pdfs = [d for d in documents(v.info.month, chosen) if d.kind == "pdf"]
    if not pdfs:
        raise HgdError("printouts.no_pdf", stem=stem)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / pdfs[0].name
    path.write_bytes(pdfs[0].data)
    return path


def minutes_pdf(reg: Register, month: str, out: str | Path) -> dict[str, Any]:
    """The handover minutes of the period's last exported package, dated today, written to `out` (the core's
    message when the period has no package yet)."""
    from app.exchange import minutes

    with reg.reading() as s:
        return minutes.write(s, reg.commune_id, month, reg.today(), out)
