"""Counts and coverage of a register: what `hgd stats` prints and the GUI's overview shows."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app import messages
from app.store.models import Event, Household, Person

messages.register({
    "stats.title": ("Sổ hộ gia đình — {commune} (mã {code})", "Household register — {commune} (code {code})"),
    "stats.persons": ("Nhân khẩu: {active} đang quản lý; {dead} đã chết; {moved} đã chuyển đi; {merged} đã gộp",
                      "Persons: {active} active; {dead} dead; {moved} moved out; {merged} merged"),
    "stats.households": (("Hộ: {active} hộ; {one} hộ một người; {six} hộ từ 6 người; bình quân {mean} người/hộ; "
                         "{nohead} hộ chưa có chủ hộ"),
                         ("Households: {active}; {one} one-person; {six} of 6 or more; {mean} persons on average; "
                         "{nohead} without a head")),
    "stats.people_details": ("Nam {male}, nữ {female}; dân tộc thiểu số {minority}; trẻ dưới 6 tuổi {under6}",
                             "Men {male}, women {female}; ethnic minorities {minority}; children under 6 {under6}"),
    "stats.codes": ("Chưa có mã số BHXH: {nobhxh}; chưa có CCCD: {noid}; chỉ có năm sinh: {yearonly}",
                    "Without BHXH code: {nobhxh}; without CCCD: {noid}; year of birth only: {yearonly}"),
    "stats.cards": ("Thẻ BHYT: {valid} còn hạn; {expired} hết hạn; {soon} hết hạn trong 30 ngày",
                    "Cards: {valid} valid; {expired} expired; {soon} expiring within 30 days"),
    "stats.no_group": ("chưa có mã", "no group"),
    "stats.groups": ("Theo mã đối tượng: {groups}", "By participant group: {groups}"),
    "stats.events": ("Biến động: {events}", "Events: {events}"),
    "stats.event.birth": ("sinh", "births"),
    "stats.event.death": ("chết", "deaths"),
    "stats.event.move_in": ("chuyển đến", "moves in"),
    "stats.event.move_out": ("chuyển đi", "moves out"),
    "stats.event.split": ("tách hộ", "household splits"),
    "stats.event.merge": ("nhập hộ", "household merges"),
    "stats.event.correction": ("điều chỉnh thông tin", "corrections"),
    "stats.event.group_change": ("thay đổi đối tượng", "group changes"),
    "stats.event.head_change": ("thay đổi chủ hộ", "head changes"),
})


def _by(session: Session, column: Any, *where: Any) -> dict[Any, Any]:
    rows = session.execute(select(column, func.count()).where(*where).group_by(column)).all()
    return {(k if k is not None else ""): n for k, n in rows}


def _count_if(cond: Any) -> Any:
    """How many rows meet `cond` (NULL counts as not met, as in WHERE): one column of a counting SELECT."""
    return func.count(case((cond, 1)))


def register_stats(session: Session, today: date | None = None, commune_id: str | None = None) -> dict[str, Any]:
    """The counts in a few queries (each one a pass over the commune's persons or households): the overview asks
    them at the window's start."""
    today = today or date.today()
    mine = Person.commune_id == commune_id if commune_id else Person.status.is_not(None)
    our_households = Household.commune_id == commune_id if commune_id else Household.status.is_not(None)
    active = (Person.status == "active") & mine
    persons_by_status = _by(session, Person.status, mine, Person.status != "void")
    active_count = persons_by_status.get("active", 0)

    # Members counted per household first, then matched to the active households: a join with the members' filter
    # in its ON clause lets SQLite walk the commune's index for every household (minutes at 30,000 persons).
    members = dict(session.execute(
        select(Person.household_id, func.count()).where(active, Person.household_id.is_not(None))
        .group_by(Person.household_id)).tuples().all())
    homes = session.execute(select(Household.id, Household.head_person_id)
                            .where(Household.status == "active", our_households)).tuples().all()
    sizes = Counter(members.get(hid, 0) for hid, _head in homes)
    active_households = sum(sizes.values())
    members_in_households = sum(size * n for size, n in sizes.items())

    iso_today = today.isoformat()
    soon = (today + timedelta(days=30)).isoformat()
    card_to = Person.card_valid_to
    (with_card, without_card, valid, expired, expiring, minority, no_bhxh, no_id, year_only) = session.execute(
        select(_count_if(Person.card_number.is_not(None)),
               _count_if(Person.card_number.is_(None) & Person.card_valid_to.is_(None)),
               _count_if(card_to >= iso_today),
               _count_if(card_to < iso_today),
               _count_if((card_to >= iso_today) & (card_to <= soon)),
               _count_if(Person.ethnicity_code.is_not(None) & (Person.ethnicity_code != "01")),
               _count_if(Person.bhxh_code.is_(None)),
               _count_if(Person.id_number.is_(None)),
               _count_if(func.length(Person.birth_date) == 4)).where(active)).one()
    cards = {"with_card": with_card, "without_card": without_card, "valid": valid, "expired": expired,
             "expiring_30_days": expiring}
    by_year_sex: list[Any] = list(session.execute(select(Person.birth_year, Person.sex, func.count()).where(active)
                                                  .group_by(Person.birth_year, Person.sex)).all())
    births: Counter[Any] = Counter()
    by_sex: Counter[Any] = Counter()
    pyramid: dict[str, dict[str, int]] = {}
    for year, sex, n in by_year_sex:
        births[year if year is not None else ""] += n
        by_sex[sex if sex is not None else ""] += n
        if year in ("", None):
            continue
        age = today.year - year
        band = "80+" if age >= 80 else f"{age // 5 * 5}-{age // 5 * 5 + 4}"
        pyramid.setdefault(band, {"M": 0, "F": 0, "": 0})[sex or ""] += n
    under_6 = sum(n for y, n in births.items() if y != "" and today.year - y < 6)
    households_by_status = _by(session, Household.status, our_households, Household.status != "void")

    return {
        "persons": {
            "total": sum(persons_by_status.values()),
            "by_status": persons_by_status,
            "active": active_count,
            "by_sex": dict(by_sex),
            "ethnic_minority": minority,
            "without_bhxh_code": no_bhxh,
            "without_id_number": no_id,
            "birth_date_year_only": year_only,
            "under_6": under_6,
            "by_group": _by(session, Person.group_code, active),
            "age_pyramid": dict(sorted(pyramid.items(), key=lambda kv: int(kv[0].split("-")[0].rstrip("+")))),
        },
        "households": {
            "total": sum(households_by_status.values()),
            "by_status": households_by_status,
            "active": active_households,
            "one_person": sizes.get(1, 0),
            "six_or_more": sum(n for size, n in sizes.items() if size >= 6),
            "empty": sizes.get(0, 0),
            "mean_size": round(members_in_households / active_households, 2) if active_households else 0,
            "size_distribution": {str(k): v for k, v in sorted(sizes.items())},
            "without_head": sum(1 for _hid, head in homes if head is None),
        },
        "cards": cards,
        "events": _by(session, Event.type, Event.status == "recorded",
                      *((Event.commune_id == commune_id,) if commune_id else ())),
    }


def summary_lines(commune: dict[str, Any], stats: dict[str, Any]) -> list[str]:
    """The human summary of `hgd stats` (Vietnamese by default)."""
    p, h, c = stats["persons"], stats["households"], stats["cards"]
    render, n = messages.render, messages.number
    status = p["by_status"]
    mean = str(h["mean_size"])
    lines = [
        render("stats.title", commune=commune.get("commune_name", "?"), code=commune.get("commune_code", "—")),
        render("stats.persons", active=n(p["active"]), dead=n(status.get("dead", 0)),
               moved=n(status.get("moved_out", 0)), merged=n(status.get("merged", 0))),
        render("stats.households", active=n(h["active"]), one=n(h["one_person"]), six=n(h["six_or_more"]),
               mean=mean.replace(".", ",") if messages.language() == "vi" else mean, nohead=n(h["without_head"])),
        render("stats.people_details", male=n(p["by_sex"].get("M", 0)), female=n(p["by_sex"].get("F", 0)),
               minority=n(p["ethnic_minority"]), under6=n(p["under_6"])),
        render("stats.codes", nobhxh=n(p["without_bhxh_code"]), noid=n(p["without_id_number"]),
               yearonly=n(p["birth_date_year_only"])),
        render("stats.cards", valid=n(c["valid"]), expired=n(c["expired"]), soon=n(c["expiring_30_days"])),
    ]
    if p["by_group"]:
        groups = ", ".join(f"{k or render('stats.no_group')} {n(v)}"
                           for k, v in sorted(p["by_group"].items(), key=lambda kv: -kv[1]))
        lines.append(render("stats.groups", groups=groups))
    if stats["events"]:
        events = ", ".join(f"{render('stats.event.' + k)} {n(v)}" for k, v in sorted(stats["events"].items()))
        lines.append(render("stats.events", events=events))
    return lines
