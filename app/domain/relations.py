"""Relations to the head (quan hệ với chủ hộ) after the head changes (DOMAIN.md §5.7): who becomes what.

When a son takes over from his father, his wife becomes `vo`, his children `con`, his parents `bo` / `me`, his
brothers and sisters `anh` / `chi` / `em`, his grandparents `ong` / `ba`; when the widow takes over, the children
stay `con` and the old head's own relatives become `khac`. The register does not record who is whose spouse or
child, so the caller may name the new head's spouse and children; without them a `con_dau` or a grandchild keeps
a neutral relation, and the clerk corrects it. A split household's members are related to their new head the same
way. Relations the clerk gives explicitly always win.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

HEAD = "chu_ho"
SPOUSES = ("vo", "chong")
_KEEP_UNDER_SPOUSE = frozenset({"con", "con_dau", "con_re", "chau_noi", "chau_ngoai", "chau"})
_GRANDCHILDREN = frozenset({"chau_noi", "chau_ngoai", "chau"})


@dataclass(frozen=True)
class Member:
    id: str
    relation: str | None     # relation to the old head
    sex: str | None
    birth: str | None        # ISO partial date: orders brothers and sisters


def _parent(sex: str | None) -> str:
    return "bo" if sex == "M" else "me"


def _spouse(sex: str | None) -> str:
    return "chong" if sex == "M" else "vo"


def _sibling(m: Member, of: Member) -> str:
    if m.birth and of.birth and m.birth < of.birth:
        return "anh" if m.sex == "M" else "chi"
    return "em"


def relations_after_head_change(members: Iterable[Member], new_head_id: str, old_head_id: str | None, *,
                                spouse_id: str | None = None, children: Iterable[str] = (),
                                explicit: dict[str, str] | None = None) -> dict[str, str]:
    """Each member's relation to the new head, from their relation to the old one (see the module's docstring).
    `spouse_id` and `children`: the new head's spouse and children, when known."""
    members = list(members)
    by_id = {m.id: m for m in members}
    new_head = by_id[new_head_id]
    kids = set(children)
    out: dict[str, str] = {}
    took_over_as = new_head.relation
    for m in members:
        if m.id == new_head_id:
            rel = HEAD
        elif m.id == spouse_id:
            rel = _spouse(m.sex)
        elif m.id in kids:
            rel = "con"
        elif took_over_as in SPOUSES:
            if m.id == old_head_id:
                rel = _spouse(m.sex)
            else:
                rel = m.relation if m.relation in _KEEP_UNDER_SPOUSE else "khac"
        elif took_over_as == "con":
            rel = _under_child(m, new_head, old_head_id)
        else:
            rel = "khac"
        out[m.id] = rel
    out.update(explicit or {})
    return out


def _under_child(m: Member, new_head: Member, old_head_id: str | None) -> str:
    """A son or daughter took over from their parents."""
    if m.id == old_head_id or m.relation in SPOUSES:
        return _parent(m.sex)
    if m.relation == "con":
        return _sibling(m, new_head)
    if m.relation in ("bo", "me"):
        return "ong" if m.sex == "M" else "ba"
    if m.relation in _GRANDCHILDREN:
        return "chau"
    return "khac"


def relations_in_new_household(members: Iterable[Member], new_head_id: str, *, spouse_id: str | None = None,
                               children: Iterable[str] = (), explicit: dict[str, str] | None = None,
                               old_head_id: str | None = None) -> dict[str, str]:
    """The relations of members leaving to form a household of their own (tách hộ) under `new_head_id`."""
    return relations_after_head_change(members, new_head_id, old_head_id, spouse_id=spouse_id, children=children,
                                       explicit=explicit)
