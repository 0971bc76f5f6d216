"""Counts and coverage of a register: what `hgd stats` prints and the GUI's overview shows."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.models import Event, Household, Person


def _by(session: Session, column, *where) -> dict:
    rows = session.execute(select(column, func.count()).where(*where).group_by(column)).all()
    return {(k if k is not None else ""): n for k, n in rows}


def register_stats(session: Session, today: date | None = None) -> dict:
    today = today or date.today()
    active = Person.status == "active"
    persons_by_status = _by(session, Person.status)
    active_count = persons_by_status.get("active", 0)

    sizes = Counter(
        n for (n,) in session.execute(
            select(func.count(Person.id))
            .select_from(Household)
            .join(Person, (Person.household_id == Household.id) & active, isouter=True)
            .where(Household.status == "active")
            .group_by(Household.id)
        )
    )
    active_households = sum(sizes.values())
    members_in_households = sum(size * n for size, n in sizes.items())

    iso_today = today.isoformat()
    soon = (today + timedelta(days=30)).isoformat()
    card_to = Person.card_valid_to
    cards = {
        "with_card": session.scalar(select(func.count()).where(active, Person.card_number.is_not(None))),
        "valid": session.scalar(select(func.count()).where(active, card_to >= iso_today)),
        "expired": session.scalar(select(func.count()).where(active, card_to < iso_today)),
        "expiring_30_days": session.scalar(select(func.count()).where(active, card_to >= iso_today,
                                                                      card_to <= soon)),
    }
    births = _by(session, Person.birth_year, active)
    pyramid: dict[str, dict[str, int]] = {}
    for (year, sex), n in Counter(
        {(y, s): n for y, s, n in session.execute(
            select(Person.birth_year, Person.sex, func.count()).where(active)
            .group_by(Person.birth_year, Person.sex))}
    ).items():
        if year in ("", None):
            continue
        age = today.year - year
        band = "80+" if age >= 80 else f"{age // 5 * 5}-{age // 5 * 5 + 4}"
        pyramid.setdefault(band, {"M": 0, "F": 0, "": 0})[sex or ""] += n
    under_6 = sum(n for y, n in births.items() if y != "" and today.year - y < 6)

    return {
        "persons": {
            "total": sum(persons_by_status.values()),
            "by_status": persons_by_status,
            "active": active_count,
            "by_sex": _by(session, Person.sex, active),
            "ethnic_minority": session.scalar(select(func.count()).where(
                active, Person.ethnicity_code.is_not(None), Person.ethnicity_code != "01")),
            "without_bhxh_code": session.scalar(select(func.count()).where(active, Person.bhxh_code.is_(None))),
            "without_id_number": session.scalar(select(func.count()).where(active, Person.id_number.is_(None))),
            "birth_date_year_only": session.scalar(select(func.count()).where(
                active, func.length(Person.birth_date) == 4)),
            "under_6": under_6,
            "by_group": _by(session, Person.group_code, active),
            "age_pyramid": dict(sorted(pyramid.items(), key=lambda kv: int(kv[0].split("-")[0].rstrip("+")))),
        },
        "households": {
            "total": session.scalar(select(func.count()).select_from(Household)),
            "by_status": _by(session, Household.status),
            "active": active_households,
            "one_person": sizes.get(1, 0),
            "six_or_more": sum(n for size, n in sizes.items() if size >= 6),
            "empty": sizes.get(0, 0),
            "mean_size": round(members_in_households / active_households, 2) if active_households else 0,
            "size_distribution": {str(k): v for k, v in sorted(sizes.items())},
            "without_head": session.scalar(select(func.count()).where(
                Household.status == "active", Household.head_person_id.is_(None))),
        },
        "cards": cards,
        "events": _by(session, Event.type),
    }
