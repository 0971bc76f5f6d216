"""What each commune sent (office) or what this commune sent (commune): the packages by number, the gaps, and the
last package against the deadline (the 5th of the month after the period)."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.exchange.units import register_kind
from app.lists import periods
from app.store.models import Commune, Package

messages.register({
    "overview.commune": ("{name} ({code}): {count} gói, gói cuối số {last} kỳ {period} nhận {at}{gaps}{due}",
                         ("Commune {name} ({code}): {count} packages, last no. {last} for {period} received {at}{gaps}"
                         "{due}")),
    "overview.gaps": ("; thiếu số {numbers}", "; missing no. {numbers}"),
    "overview.due_missing": ("; CHƯA CÓ gói kỳ {period} (hạn {deadline})", ("; NO package for {period} yet (due "
                                                                            "{deadline})")),
    "overview.due_late": ("; gói kỳ {period} nộp muộn (hạn {deadline})", ("; the package for {period} came late (due "
                                                                         "{deadline})")),
    "overview.sent": ("Gói số {seq} kỳ {period}: {status}{ack}", "Package no. {seq} for {period}: {status}{ack}"),
    "overview.none": ("Chưa có gói nào.", "No packages yet."),
})


def _missing(seqs: list[int]) -> list[int]:
    have = set(seqs)
    return [n for n in range(1, max(have, default=0) + 1) if n not in have]


def overview(session: Session, today: date) -> dict[str, Any]:
    kind = register_kind(session)
    direction = "received" if kind == "office" else "sent"
    rows = list(session.scalars(select(Package).where(Package.direction == direction)
                                .order_by(Package.commune_code, Package.seq)))
    due_month = periods.previous_month(periods.month_of(today))   # the month whose package is due on the 5th
    deadline = periods.deadline(due_month)
    communes: dict[str, dict[str, Any]] = {}
    for r in rows:
        c = communes.setdefault(r.commune_code, {"code": r.commune_code, "packages": []})
        c["packages"].append({"id": r.id, "sequence": r.seq, "period": r.period, "status": r.status,
                              "file": r.file_name, "fingerprint": r.fingerprint,
                              "persons": (r.counts or {}).get("persons"),
                              "at": (r.acknowledged_at or r.created_at).isoformat(sep=" ", timespec="minutes"),
                              "acknowledged": r.acknowledged_at is not None})
    for code, c in communes.items():
        commune = session.scalar(select(Commune).where(Commune.code == code))
        c["name"] = commune.name if commune else code
        c["missing"] = _missing([p["sequence"] for p in c["packages"]])
        c["last"] = c["packages"][-1]
        due = [p for p in c["packages"] if p["period"] == due_month]
        c["due"] = {"period": due_month, "deadline": deadline.isoformat(),
                    "received": bool(due), "late": bool(due) and due[0]["at"][:10] > deadline.isoformat(),
                    "overdue": not due and today > deadline}
    return {"kind": kind, "today": today.isoformat(), "communes": list(communes.values())}


def overview_lines(v: dict[str, Any]) -> list[str]:
    if not v["communes"]:
        return [messages.render("overview.none")]
    lines = []
    for c in v["communes"]:
        if v["kind"] == "commune":
            lines += [messages.render("overview.sent", seq=p["sequence"], period=p["period"],
                                      status=periods.status_name(p["status"]) if p["status"] in
                                      ("exported", "collected", "acknowledged") else p["status"],
                                      ack=" ✓" if p["acknowledged"] else "") for p in c["packages"]]
            continue
        due = c["due"]
        due_text = ""
        if not due["received"]:
            due_text = messages.render("overview.due_missing", period=due["period"], deadline=due["deadline"])
        elif due["late"]:
            due_text = messages.render("overview.due_late", period=due["period"], deadline=due["deadline"])
        gaps = messages.render("overview.gaps", numbers=", ".join(map(str, c["missing"]))) if c["missing"] else ""
        lines.append(messages.render("overview.commune", name=c["name"], code=c["code"], count=len(c["packages"]),
                                     last=c["last"]["sequence"], period=c["last"]["period"], at=c["last"]["at"],
                                     gaps=gaps, due=due_text))
    return lines
