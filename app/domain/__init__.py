"""Domain rules of the household register: Vietnamese text, legacy encodings, dates, identifiers and code tables.

Pure Python, no Qt, no database: everything here is a function of its arguments and of the code tables in
resources/codes/.
"""
from app.domain.bhxh import is_valid_bhxh, normalise_bhxh
from app.domain.card import Card, check_card, parse_card
from app.domain.cccd import cccd_province, check_cccd, normalise_id_number
from app.domain.codes import (
    HEAD,
    BenefitLevel,
    Group,
    benefit_level,
    cccd_province_codes,
    commune_lists,
    ethnic_code,
    ethnic_groups,
    ethnic_name,
    group,
    parse_sex,
    participant_groups,
    province_by_name,
    provinces_2025,
    provinces_by_name,
    provinces_pre2025,
    relation_code,
    relation_name,
    relations,
    successor_province,
)
from app.domain.dates import PartialDate, age_in_months, months_between, parse_date
from app.domain.findings import Finding
from app.domain.legacy import (
    detect_encoding,
    tcvn3_to_unicode,
    to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from app.domain.text import (
    has_vietnamese_marks,
    is_all_caps,
    nfc,
    search_key,
    split_name,
    title_case_vi,
    tone_key,
)

__all__ = [
    "HEAD",
    "BenefitLevel",
    "Card",
    "Finding",
    "Group",
    "PartialDate",
    "age_in_months",
    "benefit_level",
    "cccd_province",
    "cccd_province_codes",
    "check_card",
    "check_cccd",
    "commune_lists",
    "detect_encoding",
    "ethnic_code",
    "ethnic_groups",
    "ethnic_name",
    "group",
    "has_vietnamese_marks",
    "is_all_caps",
    "is_valid_bhxh",
    "months_between",
    "nfc",
    "normalise_bhxh",
    "normalise_id_number",
    "parse_card",
    "parse_date",
    "parse_sex",
    "participant_groups",
    "province_by_name",
    "provinces_2025",
    "provinces_by_name",
    "provinces_pre2025",
    "relation_code",
    "relation_name",
    "relations",
    "search_key",
    "split_name",
    "successor_province",
    "tcvn3_to_unicode",
    "title_case_vi",
    "to_unicode",
    "tone_key",
    "unicode_to_tcvn3",
    "unicode_to_vni",
    "vni_to_unicode",
]
