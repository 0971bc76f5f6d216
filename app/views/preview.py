"""An operation's preview (Register.preview) in words for the clerk: what each person and household gains, loses
or changes. Bookkeeping rows (events, their subjects) are summed up, not listed."""
from __future__ import annotations

from typing import Any

from app import messages
from app.domain.person import field_label
from app.operations import Preview
from app.registry.history import display

messages.register({
    "preview.new_person": ("Thêm người: {name}", "New person: {name}"),
    "preview.new_household": ("Thêm hộ: {code}", "New household: {code}"),
    "preview.change": ("{who} · {field}: {old} → {new}", "{who} · {field}: {old} → {new}"),
    "preview.person": ("Người", "Person"),
    "preview.household": ("Hộ", "Household"),
    "preview.events": ("Ghi {count} biến động vào sổ", "{count} change(s) recorded in the register"),
    "preview.nothing": ("Không có gì thay đổi.", "Nothing changes."),
})

SKIP_FIELDS = {"name_key", "birth_place_key", "birth_province_code", "birth_year", "id_kind", "updated_at",
               "created_at"}


def _who(entity: str, entity_id: str, names: dict[str, str], lang: str | None) -> str:
    return names.get(entity_id) or messages.render(f"preview.{entity}", lang)


def preview_lines(preview: Preview, lang: str | None = None, known: dict[str, str] | None = None) -> list[str]:
    """`known`: names of persons and households by id (those the dialog shows), for the lines about them."""
    names: dict[str, str] = dict(known or {})
    for line in preview.lines:
        if line.field == "*" and isinstance(line.new, dict):
            names[line.entity_id] = str(line.new.get("full_name") or line.new.get("code") or "")
        elif line.field == "full_name" and line.old:
            names.setdefault(line.entity_id, str(line.old))
    out: list[str] = []
    events = 0
    for line in preview.lines:
        if line.entity == "event":
            events += line.field == "*"
            continue
        if line.entity not in ("person", "household") or line.field in SKIP_FIELDS:
            continue
        if line.field == "*":
            new: dict[str, Any] = line.new if isinstance(line.new, dict) else {}
            key = "preview.new_person" if line.entity == "person" else "preview.new_household"
            out.append(messages.render(key, lang, name=new.get("full_name", ""), code=new.get("code", "")))
            continue
        label = field_label(line.field, lang) if messages.known(f"field.{line.field}") else line.field
        out.append(messages.render("preview.change", lang, who=_who(line.entity, line.entity_id, names, lang),
                                   field=label, old=display(line.field, line.old, lang),
                                   new=display(line.field, line.new, lang)))
    if events:
        out.append(messages.render("preview.events", lang, count=events))
    return out or [messages.render("preview.nothing", lang)]
