"""`hgd review` (find duplicate persons and the other findings, store them, write them as CSV) and `hgd resolve`
(merge two records or confirm them distinct, for scripts)."""
from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

from app import messages
from app.cli.common import EXIT_OK, Parser, emit, h, open_register

messages.register({
    "help.review": ("rà soát dữ liệu: người trùng (4 tiêu chí, gần đúng) và các điều cần kiểm tra",
                    "data review: persons recorded twice (4 criteria, fuzzy) and the other findings"),
    "help.review.out": ("ghi các cặp có thể trùng ra tệp CSV", "write the possible duplicate pairs to a CSV file"),
    "help.review.findings": ("ghi các phát hiện khác ra tệp CSV", "write the other findings to a CSV file"),
    "help.resolve": ("quyết định về một cặp: gộp (merge) hoặc là hai người khác nhau (distinct)",
                     "decide about a pair: merge them or confirm them distinct"),
    "help.resolve.how": ("merge: gộp B vào A (giữ A); distinct: hai người khác nhau",
                         "merge: merge B into A (A is kept); distinct: two different persons"),
    "help.resolve.person": ("mã số BHXH hoặc mã định danh (id) của người", "the person's BHXH code or id"),
    "help.resolve.take": ("trường lấy từ B khi gộp (lặp lại được): full_name, birth_date, …",
                          "a field taken from B when merging (repeatable): full_name, birth_date, …"),
    "help.resolve.note": ("ghi chú lưu cùng quyết định", "a note kept with the decision"),
    "cli.review.summary": (("Rà soát {persons} người: {pairs} cặp có thể trùng ({matches} gần như chắc chắn), "
                           "{findings} phát hiện khác."),
                           ("Reviewed {persons} persons: {pairs} possible duplicate pairs ({matches} near certain), "
                           "{findings} other findings.")),
    "cli.review.stored": ("Đã lưu (thao tác số {seq}): {added} mới, {closed} không còn, {kept} đã có.",
                          "Stored (action no. {seq}): {added} new, {closed} gone, {kept} already known."),
    "cli.review.kind": ("  {title}: {open} chờ xử lý, {resolved} đã xử lý",
                        "  {title}: {open} open, {resolved} resolved"),
    "cli.review.written": ("Đã ghi {rows} dòng vào {path}", "Wrote {rows} rows to {path}"),
    "cli.resolve.done": ("Đã ghi: {label} (thao tác số {seq}); hoàn tác: hgd undo --db {db}",
                         "Recorded: {label} (action no. {seq}); to undo: hgd undo --db {db}"),
})

PAIR_COLUMNS = ("ma_so_bhxh_a", "ma_so_bhxh_b", "id_a", "id_b", "diem", "ket_luan", "ly_do", "ho_ten_a", "ho_ten_b",
                "ngay_sinh_a", "ngay_sinh_b", "ma_ho_a", "ma_ho_b")
FINDING_COLUMNS = ("loai", "noi_dung", "nguoi", "ho", "trang_thai", "dau_van_tay")


def add(sub: Any, common: Parser) -> None:
    p = sub.add_parser("review", parents=[common], help=h("help.review"), description=h("help.review"))
    p.add_argument("--out", type=Path, help=h("help.review.out"))
    p.add_argument("--findings", type=Path, help=h("help.review.findings"))
    p.set_defaults(handler=_review)
    r = sub.add_parser("resolve", parents=[common], help=h("help.resolve"), description=h("help.resolve"))
    r.add_argument("how", choices=("merge", "distinct"), help=h("help.resolve.how"))
    r.add_argument("a", help=h("help.resolve.person"))
    r.add_argument("b", help=h("help.resolve.person"))
    r.add_argument("--take", action="append", default=[], help=h("help.resolve.take"))
    r.add_argument("--note", help=h("help.resolve.note"))
    r.set_defaults(handler=_resolve)


def _write(path: Path, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    tmp.replace(path)


def _review(args: argparse.Namespace) -> int:
    from app.review.service import RunReview
    from app.views import review as views

    with open_register(args, write=True) as reg:
        result = reg.apply(RunReview())
        kinds = views.counts(reg)
        pairs = views.pairs(reg, texts=False) if args.out or getattr(args, "json", False) else []
        others = views.findings(reg) if args.findings else []
    v = result.value
    lines = [messages.render("cli.review.summary", persons=v["persons"], pairs=v["pairs"], matches=v["matches"],
                             findings=v["findings"]),
             messages.render("cli.review.stored", seq=result.seq, added=v["added"], closed=v["closed"],
                             kept=v["kept"])]
    lines += [messages.render("cli.review.kind", title=k.title, open=k.open, resolved=k.resolved) for k in kinds]
    files = {}
    if args.out:
        _write(args.out, PAIR_COLUMNS, [
            (*p.bhxh, p.a["id"], p.b["id"], p.score, p.decision, p.reasons, p.a["full_name"], p.b["full_name"],
             p.a["birth_date"], p.b["birth_date"], p.a["household_code"], p.b["household_code"]) for p in pairs])
        lines.append(messages.render("cli.review.written", rows=len(pairs), path=args.out))
        files["pairs"] = str(args.out)
    if args.findings:
        _write(args.findings, FINDING_COLUMNS, [
            (f.kind, f.message, " ".join(f.persons), " ".join(f.households), f.status, f.fingerprint)
            for f in others])
        lines.append(messages.render("cli.review.written", rows=len(others), path=args.findings))
        files["findings"] = str(args.findings)
    emit(args, {"action": {"seq": result.seq, "label": result.label.render()}, "review": v,
                "kinds": [{"kind": k.kind, "title": k.title, "open": k.open, "resolved": k.resolved} for k in kinds],
                "pairs": [{"ma_so_bhxh_a": p.bhxh[0], "ma_so_bhxh_b": p.bhxh[1], "id_a": p.a["id"],
                           "id_b": p.b["id"], "score": p.score, "decision": p.decision, "reasons": p.reasons}
                          for p in pairs[:1000]] if getattr(args, "json", False) else [],
                "files": files}, lines)
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    from app.review.resolve import ConfirmDistinct, MergePersons

    op = MergePersons(args.a, args.b, take=tuple(args.take), note=args.note) if args.how == "merge" \
        else ConfirmDistinct(args.a, args.b, note=args.note)
    with open_register(args, write=True) as reg:
        result = reg.apply(op)
    emit(args, {"action": {"seq": result.seq, "label": result.label.render()}, "value": result.value},
         [messages.render("cli.resolve.done", label=result.label.render(), seq=result.seq, db=args.db)])
    return EXIT_OK
