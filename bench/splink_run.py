"""Splink on the same register, configured as well as we could (issue 14), in its own virtual environment.

    bench/out/splink-venv/bin/python bench/splink_run.py REGISTER.db PAIRS.csv

Features prepared here (timed with the rest): names folded (no diacritics) and with diacritics (tone placement
unified), family / middle / given name, initials; the date split into its parts with its precision; the birthplace
read into its 2025 province and commune (hgd's parser: old and new unit names agree); CCCD and BHXH code.
Comparisons: name (exact with diacritics, exact folded with term frequencies, family + given equal, Damerau-
Levenshtein ≤ 1 and ≤ 2, Jaro-Winkler ≥ 0.9), date (exact with term frequencies, day and month swapped, year-only
agreeing, month-only agreeing, same year, other), sex, birthplace (commune with term frequencies, province), CCCD,
BHXH code. u-values from random sampling (5 million pairs); the prior from CCCD/BHXH deterministic rules; m-values by
expectation maximisation on CCCD-blocked pairs, then on name-and-date-blocked pairs (for the CCCD levels).
Output: every pair over probability 0.001 with its match probability; the benchmark picks the threshold on other
seeds.
"""
from __future__ import annotations

import csv
import logging
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERY = ("SELECT id, household_id, full_name, birth_date, sex, birth_place, birth_province_code, id_number, "
         "bhxh_code, relation FROM persons WHERE status = 'active'")


def features(rows: list[tuple]) -> list[dict]:
    from app.domain import codes
    from app.domain.text import search_key, tone_key
    from app.review.places import parse_place

    out = []
    for (pid, _hh, name, born, sex, place, prov, idn, bhxh, _rel) in rows:
        folded, toned = search_key(name), tone_key(name)
        words = folded.split()
        y, m, d = ((born or "").split("-") + [None, None, None])[:3] if born else (None, None, None)
        p = parse_place(place) if place else None
        province = p.province if p and p.province >= 0 else None
        if province is None and prov:
            province = int(codes.successor_province(prov) or 0) or None
        out.append({
            "id": pid, "name_tone": toned or None, "name_fold": folded or None,
            "family": words[0] if len(words) > 1 else None, "given": words[-1] if words else None,
            "middle": " ".join(words[1:-1]) or None, "initials": "".join(w[0] for w in words) or None,
            "fam_giv": f"{words[0]} {words[-1]}" if len(words) > 1 else None,
            "dob": born if born and len(born) == 10 else None, "year": y, "month": m, "day": d,
            "dob_inv": f"{y}-{min(m, d)}-{max(m, d)}" if d else None,
            "sex": sex, "province": str(province) if province else None,
            "commune": str(p.commune) if p and p.commune >= 0 else None,
            "cccd": idn if idn and len(idn) == 12 else None, "bhxh": bhxh or None,
        })
    return out


def settings():
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    name = cl.CustomComparison(output_column_name="name", comparison_levels=[
        cll.NullLevel("name_fold"),
        cll.ExactMatchLevel("name_tone"),
        cll.ExactMatchLevel("name_fold", term_frequency_adjustments=True),
        cll.CustomLevel("fam_giv_l = fam_giv_r", "family and given name agree"),
        cll.DamerauLevenshteinLevel("name_fold", 1),
        cll.DamerauLevenshteinLevel("name_fold", 2),
        cll.JaroWinklerLevel("name_fold", 0.9),
        cll.ElseLevel(),
    ])
    date = cl.CustomComparison(output_column_name="dob", comparison_levels=[
        cll.NullLevel("year"),
        cll.ExactMatchLevel("dob", term_frequency_adjustments=True),
        cll.CustomLevel("year_l = year_r and month_l = day_r and day_l = month_r", "day and month swapped"),
        cll.CustomLevel("year_l = year_r and (month_l is null or month_r is null)", "year-only date agrees"),
        cll.CustomLevel("year_l = year_r and month_l = month_r and (day_l is null or day_r is null)",
                        "month-only date agrees"),
        cll.CustomLevel("year_l = year_r", "same year"),
        cll.ElseLevel(),
    ])
    place = cl.CustomComparison(output_column_name="place", comparison_levels=[
        cll.NullLevel("province"),
        cll.ExactMatchLevel("commune", term_frequency_adjustments=True),
        cll.CustomLevel("province_l = province_r and (commune_l is null or commune_r is null)",
                        "same province, a commune missing"),
        cll.ExactMatchLevel("province"),
        cll.ElseLevel(),
    ])
    return SettingsCreator(
        link_type="dedupe_only", unique_id_column_name="id",
        comparisons=[name, date, cl.ExactMatch("sex"), place, cl.ExactMatch("cccd"), cl.ExactMatch("bhxh")],
        blocking_rules_to_generate_predictions=[
            block_on("fam_giv", "year"), block_on("family", "dob_inv"), block_on("given", "dob_inv"),
            block_on("initials", "dob_inv"), block_on("cccd"), block_on("bhxh"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def main(db: str, out: str) -> None:
    from splink import block_on
    from splink.backends.duckdb import DuckDBAPI

    logging.getLogger("splink").setLevel(logging.WARNING)
    con = sqlite3.connect(db)
    rows = con.execute(QUERY).fetchall()
    con.close()
    from splink import Linker

    db_api = DuckDBAPI()
    df = db_api.register(features(rows), table_name="persons")
    linker = Linker(df, settings(), log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("cccd"), block_on("bhxh")], recall=0.3)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("cccd"), record_sample_proportion=1.0)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("fam_giv", "dob"),
                                                                       record_sample_proportion=1.0)
    pairs = linker.inference.predict(threshold_match_probability=0.001)
    result = pairs.as_duckdbpyrelation().select("id_l, id_r, match_probability").fetchall()
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["a_id", "b_id", "score"])
        w.writerows(result)
    print(f"pairs {len(result)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
