"""A person's fields as a clerk types them (command line, GUI editor) → the values the register stores, checked.

`clean_fields(raw)` takes any of the fields below as text (or dates, PartialDates) and returns the stored values;
a value that cannot be stored as what the field says raises HgdError naming the field, in Vietnamese. Suspicious
but possible values (a CCCD that contradicts the birth year …) are returned as findings, never refused.

Fields: full_name, birth_date, sex, ethnicity (name or code), nationality, birth_place, id_number, bhxh_code,
relation (name or code), group_code, card_number, card_valid_from, card_valid_to, health_facility, address, phone.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app import messages
from app.domain import bhxh, card, cccd, codes, dates
from app.domain.findings import Finding
from app.domain.text import nfc, search_key
from app.errors import HgdError

messages.register({
    "person.field_invalid": ("{field}: {reason}", "{field}: {reason}"),
    "person.unknown_field": ("Không có trường '{field}'.", "There is no field '{field}'."),
    "person.name_empty": ("Họ và tên không được để trống.", "The full name must not be empty."),
    "person.name_too_long": ("Họ và tên dài quá 100 ký tự.", "The full name is longer than 100 characters."),
    "person.ethnic_unknown": ("Không nhận ra dân tộc '{value}'.", "Unknown ethnicity '{value}'."),
    "person.relation_unknown": ("Không nhận ra quan hệ với chủ hộ '{value}'.",
                                "Unknown relation to the head '{value}'."),
    "person.group_unknown": ("Mã đối tượng '{value}' không có trong danh mục.",
                             "Participant group '{value}' is not a known code."),
    "person.phone_invalid": ("Số điện thoại '{value}' không hợp lệ.", "Phone number '{value}' is not valid."),
    "person.card_dates": ("Hạn thẻ đến ({to}) trước hạn thẻ từ ({frm}).",
                          "The card's end ({to}) is before its start ({frm})."),
    "field.full_name": ("Họ và tên", "Full name"),
    "field.birth_date": ("Ngày sinh", "Date of birth"),
    "field.sex": ("Giới tính", "Sex"),
    "field.ethnicity_code": ("Dân tộc", "Ethnicity"),
    "field.nationality": ("Quốc tịch", "Nationality"),
    "field.birth_place": ("Nơi đăng ký khai sinh", "Birth-registration place"),
    "field.id_number": ("Số CCCD/CMND", "ID number (CCCD)"),
    "field.bhxh_code": ("Mã số BHXH", "Social-insurance code"),
    "field.relation": ("Quan hệ với chủ hộ", "Relation to the head"),
    "field.group_code": ("Mã đối tượng", "Participant group"),
    "field.card_number": ("Số thẻ BHYT", "Health-insurance card"),
    "field.card_valid_from": ("Hạn thẻ từ", "Card valid from"),
    "field.card_valid_to": ("Hạn thẻ đến", "Card valid to"),
    "field.health_facility": ("Nơi đăng ký KCB ban đầu", "Initial health facility"),
    "field.address": ("Địa chỉ", "Address"),
    "field.phone": ("Số điện thoại", "Phone"),
    "field.status": ("Tình trạng", "Status"),
    "field.status_date": ("Ngày thay đổi tình trạng", "Status date"),
    "field.status_detail": ("Chi tiết", "Details"),
    "field.household_id": ("Hộ", "Household"),
    "field.head_person_id": ("Chủ hộ", "Head"),
    "field.code": ("Mã hộ", "Household code"),
    "field.merged_into_id": ("Gộp vào", "Merged into"),
    "field.id_kind": ("Loại giấy tờ", "ID kind"),
})

EDITABLE = ("full_name", "birth_date", "sex", "ethnicity_code", "nationality", "birth_place", "id_number",
            "bhxh_code", "relation", "group_code", "card_number", "card_valid_from", "card_valid_to",
            "health_facility", "address", "phone")
ALIASES = {"ethnicity": "ethnicity_code", "name": "full_name", "cccd": "id_number", "bhxh": "bhxh_code",
           "group": "group_code", "card": "card_number"}
# Fields stored with a derived companion: changing one changes the other.
DERIVED = {"full_name": ("name_key",), "birth_date": ("birth_year",), "birth_place": ("birth_place_key",
                                                                                    "birth_province_code"),
           "id_number": ("id_kind",)}


def field_label(field: str, lang: str | None = None) -> str:
    return messages.render(f"field.{field}", lang)


def _bad(field: str, exc: HgdError) -> HgdError:
    return HgdError("person.field_invalid", field=field_label(field), reason=exc.render())


def _text(value: Any) -> str:
    return nfc("" if value is None else str(value))


def clean_fields(raw: dict[str, Any], *, today: date | None = None) -> tuple[dict[str, Any], list[Finding]]:
    """Stored values for the fields given (an empty value clears the field, except the name), and findings."""
    today = today or date.today()
    out: dict[str, Any] = {}
    for key, value in raw.items():
        field = ALIASES.get(key, key)
        if field not in EDITABLE:
            raise HgdError("person.unknown_field", field=key)
        empty = value is None or (isinstance(value, str) and not value.strip())
        try:
            _clean_one(field, value, empty, out, today)
        except HgdError as exc:
            raise _bad(field, exc) from None
    findings: list[Finding] = []
    if out.get("id_number") and out.get("id_kind") == "cccd":
        birth = dates.PartialDate.from_iso(out["birth_date"]) if out.get("birth_date") else None
        findings += cccd.check_cccd(out["id_number"], sex=out.get("sex"), birth=birth)
    if out.get("card_number"):
        findings += card.check_card(card.parse_card(out["card_number"]), group=out.get("group_code"),
                                    bhxh=out.get("bhxh_code"))
    frm, to = out.get("card_valid_from"), out.get("card_valid_to")
    if frm and to and to < frm:
        raise HgdError("person.card_dates", frm=_display(frm), to=_display(to))
    return out, findings


def _display(iso: str) -> str:
    return dates.PartialDate.from_iso(iso).display()


def _clean_one(field: str, value: Any, empty: bool, out: dict[str, Any], today: date) -> None:
    if field == "full_name":
        name = _text(value)
        if not name:
            raise HgdError("person.name_empty")
        if len(name) > 100:
            raise HgdError("person.name_too_long")
        out["full_name"], out["name_key"] = name, search_key(name)
        return
    if empty:
        out[field] = "VN" if field == "nationality" else None
        for companion in DERIVED.get(field, ()):
            out[companion] = None
        return
    if field == "birth_date":
        parsed = value if isinstance(value, dates.PartialDate) else dates.parse_date(value, today=today)
        out["birth_date"], out["birth_year"] = (parsed.iso(), parsed.year) if parsed else (None, None)
    elif field in ("card_valid_from", "card_valid_to"):
        parsed = value if isinstance(value, dates.PartialDate) else dates.parse_date(value, today=today,
                                                                                     allow_future=True)
        out[field] = parsed.iso() if parsed else None
    elif field == "sex":
        out["sex"] = codes.parse_sex(value)
    elif field == "ethnicity_code":
        code = codes.ethnic_code(_text(value))
        if code is None:
            raise HgdError("person.ethnic_unknown", value=_text(value))
        out[field] = code
    elif field == "relation":
        code = codes.relation_code(_text(value))
        if code is None:
            raise HgdError("person.relation_unknown", value=_text(value))
        out[field] = code
    elif field == "group_code":
        text = _text(value).upper()
        if codes.group(text) is None:
            raise HgdError("person.group_unknown", value=text)
        out[field] = text
    elif field == "bhxh_code":
        out[field] = bhxh.normalise_bhxh(_text(value))[0]
    elif field == "id_number":
        out["id_number"], out["id_kind"] = cccd.normalise_id_number(_text(value))
    elif field == "card_number":
        out[field] = card.parse_card(_text(value)).number
    elif field == "birth_place":
        place = _text(value)
        found = codes.province_by_name(place.rsplit(",", 1)[-1])
        out["birth_place"], out["birth_place_key"] = place, search_key(place)
        out["birth_province_code"] = found[0] if found else None
    elif field == "phone":
        phone = "".join(ch for ch in _text(value) if ch not in " .-()")
        if not (8 <= len(phone) <= 15 and phone.lstrip("+").isdigit()):
            raise HgdError("person.phone_invalid", value=_text(value))
        out[field] = phone
    elif field == "nationality":
        out[field] = _text(value).upper()[:3]
    else:
        out[field] = _text(value)
