"""The event vocabulary, in one place: the types of dated change, the roles their subjects play, and the payload each
carries (DOMAIN.md §4). The database checks types and roles against these tuples; the registry writes the payload;
the month's lists read it. A payload's fields change only with a new version number.

The payload is a snapshot taken when the event is recorded: the person as reported (the fields the lists print),
the group before and after, the card's dates — so that a list made later shows what was reported, not what the
register says by then.
"""
from __future__ import annotations

from dataclasses import dataclass

from app import messages

messages.register({
    "event.birth": ("Sinh", "Birth"),
    "event.death": ("Chết", "Death"),
    "event.move_in": ("Chuyển đến", "Move in"),
    "event.move_out": ("Chuyển đi", "Move out"),
    "event.split": ("Tách hộ", "Household split"),
    "event.merge": ("Nhập hộ", "Household merge"),
    "event.correction": ("Điều chỉnh thông tin", "Correction"),
    "event.group_change": ("Thay đổi đối tượng", "Group change"),
    "event.head_change": ("Thay đổi chủ hộ", "Change of head"),
    "event.staff_start": ("Cán bộ, công chức bắt đầu làm việc", "Staff member starts"),
    "event.staff_change": ("Thay đổi lương, chức vụ của cán bộ", "Staff member's terms change"),
    "event.staff_end": ("Cán bộ, công chức thôi việc", "Staff member leaves"),
    "event.card_request": ("Đề nghị cấp thẻ BHYT", "Card requested"),
    "role.child": ("trẻ", "child"),
    "role.mother": ("mẹ", "mother"),
    "role.father": ("cha", "father"),
    "role.household": ("hộ", "household"),
    "role.deceased": ("người chết", "deceased"),
    "role.person": ("người", "person"),
    "role.new_household": ("hộ mới", "new household"),
    "role.new_head": ("chủ hộ mới", "new head"),
    "role.old_head": ("chủ hộ cũ", "former head"),
    "role.member": ("thành viên", "member"),
    "role.from_household": ("hộ cũ", "household left"),
    "role.into_household": ("hộ nhập vào", "household joined"),
})


@dataclass(frozen=True)
class EventType:
    code: str
    roles: tuple[str, ...]          # the roles its subjects may play
    payload_version: int            # the version of `details` the registry writes today
    payload: tuple[str, ...]        # the payload's top-level keys (besides "persons", the reported persons)

    @property
    def label_key(self) -> str:
        return f"event.{self.code}"


# The person as reported: what the lists print about each person an event names (DOMAIN §6).
REPORTED_PERSON = ("id", "full_name", "birth_date", "sex", "ethnicity_code", "nationality", "birth_place",
                   "id_number", "bhxh_code", "relation", "group_code", "card_number", "card_valid_from",
                   "card_valid_to", "health_facility", "address", "phone", "status", "status_date",
                   "household_code", "head_name")

_TYPES = (
    EventType("birth", ("child", "mother", "father", "household"), 1,
              ("household_code", "birth_place", "group_after", "card_valid_from", "card_valid_to")),
    EventType("death", ("deceased", "household", "new_head"), 1,
              ("household_code", "group_before", "household_dissolved")),
    EventType("move_in", ("person", "household", "new_household"), 1,
              ("household_code", "from", "new_household", "group_after")),
    EventType("move_out", ("person", "household"), 1,
              ("household_code", "to", "whole_household", "groups_before")),
    EventType("split", ("new_head", "member", "from_household", "new_household"), 1,
              ("from_household_code", "new_household_code", "members", "relations_before")),
    EventType("merge", ("member", "from_household", "into_household"), 1,
              ("from_household_code", "into_household_code", "members", "relations_before",
               "from_household_closed")),
    EventType("head_change", ("old_head", "new_head", "household"), 1,
              ("household_code", "reason", "relations_before", "relations_after")),
    EventType("correction", ("person",), 1, ("changes", "reason")),
    EventType("group_change", ("person",), 1,
              ("group_before", "group_after", "card_before", "card_after", "reason")),
    # The commune as an employer (D02-LT): the staff record's terms before and after (app.lists.staff).
    EventType("staff_start", ("person",), 1, ("staff_id", "terms_before", "terms_after", "reason")),
    EventType("staff_change", ("person",), 1, ("staff_id", "terms_before", "terms_after", "reason")),
    EventType("staff_end", ("person",), 1, ("staff_id", "terms_before", "terms_after", "reason")),
    # A member entitled to a state-paid card that BHXH's card-holder list lacks (app.lists.cards): an increase.
    EventType("card_request", ("person", "household"), 1, ("group", "card_valid_from", "card_valid_to", "reason")),
)

EVENT_TYPES: dict[str, EventType] = {t.code: t for t in _TYPES}
ROLES: tuple[str, ...] = tuple(dict.fromkeys(r for t in _TYPES for r in t.roles))
EVENT_STATUSES = ("recorded", "withdrawn")


def event_type(code: str) -> EventType:
    return EVENT_TYPES[code]


def reported(person: dict[str, object]) -> dict[str, object]:
    """The person as the lists will print them: the reported fields that have a value."""
    return {k: person[k] for k in REPORTED_PERSON if person.get(k) not in (None, "")}
