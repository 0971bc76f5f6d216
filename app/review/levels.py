"""The comparison levels of the matcher (app.review.compare), best first: plain numbers shared with the reasons
(app.review.reasons), which word them without loading numpy."""
from __future__ import annotations

NAME_SAME, NAME_NO_MARKS, NAME_MARKS, MIDDLE_DROPPED, MIDDLE_CHANGED, TYPO1, TYPO2, GIVEN_DIFFERS, NAME_OTHER = \
    range(9)
DATE_SAME, DATE_SWAPPED, DATE_MONTH, DATE_YEAR, DATE_MISSING, DATE_OTHER, DATE_OTHER_YEAR = range(7)
SEX_SAME, SEX_MISSING, SEX_OTHER = range(3)
PLACE_SAME, PLACE_SAME_TEXT, PLACE_NO_COMMUNE, PLACE_MISSING, PLACE_OTHER_COMMUNE, PLACE_OTHER_PROVINCE = range(6)
CODE_SAME, CODE_MISSING, CODE_OTHER = range(3)
HOME_NONE, HOME_ALONE, HOME_OTHER, HOME_ANCHORED = range(4)
TEXT_NONE, TEXT_ALIKE, TEXT_OTHERWISE = range(3)  # not one commune; one commune written alike; written otherwise
