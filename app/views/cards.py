"""The card-holder reconciliation screen's reads: the office's list read and matched to the register (nothing
written), and the result saved as XLSX."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import messages
from app.lists.cards.match import KINDS, Proposal, Reconciliation, reconcile

if TYPE_CHECKING:
    from app.lists.cards.read import CardList
    from app.register import Register

messages.register({
    "cards_view.kind.missing_from_register": ("Có thẻ, chưa có trong sổ", "Holds a card, not in the register"),
    "cards_view.kind.without_card": ("Thuộc diện NSNN đóng, chưa có thẻ",
                                     "Entitled to a state-paid card, none"),
    "cards_view.kind.differs": ("Thẻ khác sổ", "Card differs from the register"),
    "cards_view.kind.possible": ("Có thể trùng, cần xem", "Possibly the same person: look"),
    "cards_view.sheet.summary": ("Tóm tắt", "Summary"),
    "cards_view.sheet.proposals": ("Đề nghị", "Proposals"),
    "cards_view.col.kind": ("Loại", "Kind"),
    "cards_view.col.row": ("Dòng", "Row"),
    "cards_view.col.name": ("Họ và tên", "Name"),
    "cards_view.col.group": ("Đối tượng", "Group"),
    "cards_view.col.detail": ("Chi tiết", "Detail"),
    "cards_view.summary": ("Danh sách {file}: {rows} người có thẻ; {matched} khớp với sổ.",
                           "List {file}: {rows} card holders; {matched} matched in the register."),
    "cards_view.count": ("{kind}: {count}", "{kind}: {count}"),
    "cards_view.field.card_number": ("Số thẻ", "Card number"),
    "cards_view.field.card_valid_from": ("Thẻ từ ngày", "Card valid from"),
    "cards_view.field.card_valid_to": ("Thẻ đến ngày", "Card valid to"),
    "cards_view.field.group_code": ("Đối tượng", "Group"),
    "cards_view.field.full_name": ("Họ và tên", "Name"),
    "cards_view.field.birth_date": ("Ngày sinh", "Date of birth"),
    "cards_view.field.sex": ("Giới tính", "Sex"),
    "cards_view.field.id_number": ("Số CCCD", "ID number"),
    "cards_view.field.bhxh_code": ("Mã số BHXH", "BHXH code"),
})


@dataclass(frozen=True)
class CardsResult:
    cards: CardList
    result: Reconciliation


def reconcile_file(reg: Register, path: str | Path, mapping: dict[str, str] | None = None) -> CardsResult:
    """Read the office's list and match it to the register (nothing written). File problems raise HgdError."""
    from app.lists.cards.read import read_card_list  # the spreadsheet reader loads when a list is read

    cards = read_card_list(path, mapping=mapping, today=reg.today())
    with reg.reading() as s:
        result = reconcile(s, reg.commune_id, cards, reg.today())
    return CardsResult(cards, result)


def kind_name(kind: str, lang: str | None = None) -> str:
    return messages.render(f"cards_view.kind.{kind}", lang)


def detail(p: Proposal, lang: str | None = None) -> str:
    """What a proposal says beyond its name and group: the differing fields (register → card), or the holder's
    codes and birth date as the office's list gives them."""
    if p.fields:
        return "; ".join(f"{messages.render('cards_view.field.' + f['field'], lang)}: {_v(f['register'])} → "
                         f"{_v(f['card'])}" for f in p.fields)
    shown = [f for f in ("bhxh_code", "birth_date", "card_number") if p.card.get(f)]
    return "; ".join(f"{messages.render('cards_view.field.' + f, lang)}: {p.card[f]}" for f in shown)


def _v(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


def summary_lines(res: CardsResult, lang: str | None = None) -> list[str]:
    s = res.result.summary()
    lines = [messages.render("cards_view.summary", lang, file=res.cards.file, rows=s["rows"], matched=s["matched"])]
    lines += [messages.render("cards_view.count", lang, kind=kind_name(k, lang), count=s[k]) for k in KINDS]
    return lines


def save_xlsx(res: CardsResult, path: str | Path, lang: str | None = None) -> Path:
    from app.views.xlsx_report import write_report  # the spreadsheet writer loads when a report is saved

    heads = ("kind", "row", "name", "group", "detail")
    return write_report(
        path, messages.render("cards_view.sheet.summary", lang), summary_lines(res, lang),
        messages.render("cards_view.sheet.proposals", lang), [messages.render(f"cards_view.col.{h}", lang)
                                                              for h in heads],
        ([kind_name(p.kind, lang), p.row, p.name, p.group or "", detail(p, lang)] for p in res.result.proposals),
        (34, 8, 30, 10, 80))
