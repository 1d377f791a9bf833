"""Generate a realistic archive: 500 meetings, 100,000 lines, 300 owners (seeded).

Files are written directly in the store's format (what ``MeetingStore.checkpoint``
and ``Archive`` write: TinyDB JSON, compact, UTF-8) and carry what months of use
leave behind: an undo history per meeting (one group per line typed, up to the
store's limit), stored notice versions beside every fourth meeting (three
compiled drafts, a paragraph edit), and, for the newest meetings, lines still in
the journal as after a crash before the checkpoint. ``tests/test_archive_gen.py``
checks a re-checkpoint of a journal-free meeting is byte-identical and that the
journaled lines are replayed.

    python bench/archive_gen.py DIR [--meetings 500] [--lines 100000] [--owners 300] [--big 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.edits import History
from minutes_tui.core.model import Kind, Meeting, MeetingDetails, OfficeSettings
from minutes_tui.store import journal as journal_io
from minutes_tui.store.migrations import SCHEMA
from minutes_tui.store.notice_store import NoticeVersion, ParagraphEdit

#: Every n-th meeting has stored notice versions; the newest n meetings have journaled lines.
NOTICE_EVERY = 4
VERSIONS = 3
JOURNALED_MEETINGS = 3
JOURNALED_LINES = 20

UNITS = ["Văn phòng", "Phòng Tài chính – Kế hoạch", "Phòng Tài nguyên và Môi trường", "Phòng Quản lý đô thị",
         "Phòng Nội vụ", "Phòng Văn hoá và Thông tin", "Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Tư pháp",
         "Phòng Kinh tế", "Phòng Lao động – Thương binh và Xã hội", "Thanh tra", "Công an", "Ban Chỉ huy Quân sự",
         "Trung tâm Y tế", "Ban Quản lý dự án", "Chi cục Thuế", "Kho bạc Nhà nước", "Đội Quản lý trật tự đô thị"]
PLACES = ["phường {}", "xã {}", "thôn {}", "tổ dân phố {}", "khu phố {}"]
NAMES = ["Hoà Bình", "Tân Lập", "Quang Trung", "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Thống Nhất", "Đồng Tâm",
         "Hưng Long", "An Phú", "Phú Thuỷ", "Bình Minh", "Tân Tiến", "Hợp Thành", "Thuận Hoà", "Đông Hưng"]
VERBS = ["Chủ trì, phối hợp", "Khẩn trương hoàn thành", "Rà soát, tổng hợp", "Kiểm tra, đôn đốc", "Tham mưu",
         "Xây dựng kế hoạch", "Báo cáo kết quả", "Tổ chức triển khai", "Hướng dẫn", "Đẩy nhanh tiến độ"]
TOPICS = ["giải phóng mặt bằng dự án đường vành đai", "thu ngân sách nhà nước", "chuyển đổi số", "cải cách hành chính",
          "xây dựng nông thôn mới", "phòng, chống thiên tai", "quản lý trật tự xây dựng", "giải ngân vốn đầu tư công",
          "an toàn thực phẩm", "cấp giấy chứng nhận quyền sử dụng đất", "tiêm chủng mở rộng", "vệ sinh môi trường",
          "bồi thường, hỗ trợ tái định cư", "đề án vị trí việc làm", "tuyển sinh đầu cấp", "phòng cháy, chữa cháy"]
FINDINGS = ["Các đơn vị đã cơ bản hoàn thành chỉ tiêu về {t}", "Kết quả {t} đạt {p}% kế hoạch năm",
            "Công tác {t} có nhiều chuyển biến tích cực", "Đã triển khai đồng bộ các giải pháp {t}"]
SHORTCOMINGS = ["Tiến độ {t} còn chậm so với kế hoạch", "Việc phối hợp giữa các đơn vị trong {t} chưa chặt chẽ",
                "Một số chỉ tiêu về {t} chưa đạt, mới đạt {p}%", "Hồ sơ {t} còn tồn đọng, chậm giải quyết"]
NOTES = ["Đồng chí {n} báo cáo về {t}", "Ý kiến của {o} về {t}", "Thảo luận: {t} ở {pl}",
         "Đồng chí Chủ tịch nhấn mạnh yêu cầu về {t}", "Số liệu {t} tính đến hết tháng {m}"]
SECTIONS = ["I. Đánh giá kết quả thực hiện nhiệm vụ", "II. Tồn tại, hạn chế", "III. Nhiệm vụ, giải pháp trọng tâm",
            "IV. Kiến nghị, đề xuất", "V. Ý kiến kết luận"]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
          "Đặng Văn Hùng", "Bùi Thị Lan", "Đỗ Văn Minh", "Ngô Thị Ngọc"]
KINDS = ["Giao ban tuần", "Họp Thường trực UBND", "Hội nghị sơ kết quý", "Họp Ban Chỉ đạo", "Họp chuyên đề",
         "Họp giải quyết kiến nghị", "Hội nghị triển khai nhiệm vụ"]


def owners_list(count: int) -> list[str]:
    owners = list(UNITS)
    for name in NAMES:
        owners.append(f"UBND phường {name}")
        owners.append(f"UBND xã {name}")
    i = 0
    while len(owners) < count:
        owners.append(f"Tổ công tác số {i + 1} – {NAMES[i % len(NAMES)]}")
        i += 1
    return owners[:count]


def split_lines(total: int, meetings: int, big: int, rng: random.Random) -> list[int]:
    """Line counts per meeting: one of ``big`` lines, the rest varied, summing to ``total``."""
    rest = total - big
    weights = [rng.uniform(0.3, 1.7) for _ in range(meetings - 1)]
    scale = rest / sum(weights)
    counts = [max(5, int(w * scale)) for w in weights]
    diff = rest - sum(counts)
    for i in range(abs(diff)):
        counts[i % len(counts)] += 1 if diff > 0 else -1
    return [big] + counts


def _line(kind: Kind, text: str, owners: list[str], deadline: str, created: float, rng: random.Random, pos: int) -> dict:
    return {"kind": kind.value, "text": text, "owners": owners, "deadline": deadline,
            "id": f"{rng.getrandbits(48):012x}", "created": created, "pos": pos}


def make_meeting(count: int, day: date, owners: list[str], rng: random.Random) -> tuple[str, float, MeetingDetails, list[dict]]:
    created = time.mktime(day.timetuple()) + 8 * 3600 + rng.random()
    meeting_id = f"{rng.getrandbits(48):012x}"
    details = MeetingDetails(
        date=day.isoformat(), time="08 giờ 00", place="Hội trường UBND thị xã", kind=rng.choice(KINDS),
        chair="Đồng chí " + rng.choice(PEOPLE) + ", Chủ tịch UBND thị xã", attend=rng.sample(owners, 5),
        purpose="đánh giá tình hình " + rng.choice(TOPICS),
    )
    lines = []
    per_section = max(1, count // len(SECTIONS))
    for pos in range(count):
        t = rng.choice(TOPICS)
        at = created + pos * 7.5
        if pos % per_section == 0 and pos // per_section < len(SECTIONS):
            lines.append(_line(Kind.SECTION, SECTIONS[pos // per_section], [], "", at, rng, pos))
            continue
        roll = rng.random()
        fill = dict(t=t, p=rng.randint(40, 99), n=rng.choice(PEOPLE), o=rng.choice(owners),
                    pl=rng.choice(PLACES).format(rng.choice(NAMES)), m=rng.randint(1, 12))
        if roll < 0.15:
            lines.append(_line(Kind.FINDING, rng.choice(FINDINGS).format(**fill), [], "", at, rng, pos))
        elif roll < 0.27:
            lines.append(_line(Kind.SHORTCOMING, rng.choice(SHORTCOMINGS).format(**fill), [], "", at, rng, pos))
        elif roll < 0.50:
            who = rng.sample(owners, rng.choice((1, 1, 2, 3)))
            deadline = (day + timedelta(days=rng.randint(7, 90))).strftime("%d/%m/%Y")
            text = f"{rng.choice(VERBS)} {t} tại {fill['pl']}"
            lines.append(_line(Kind.TASK, text, who, deadline, at, rng, pos))
        elif roll < 0.55:
            lines.append(_line(Kind.DECISION, f"Thống nhất chủ trương {t}", [], "", at, rng, pos))
        else:
            lines.append(_line(Kind.NOTE, rng.choice(NOTES).format(**fill), [], "", at, rng, pos))
    return meeting_id, created, details, lines


def _tables(meeting_id: str, created: float, details: MeetingDetails, lines: list[dict], seq: int) -> dict:
    """The database file as a checkpoint writes it, with an undo group per line typed."""
    undo = [[{"op": "delete", "id": row["id"]}] for row in lines[-History().limit:]]
    meta = {"schema": SCHEMA, "id": meeting_id, "created": created, "seq": seq, "draft_cleared": 0,
            "details": details.to_dict()}
    return {"meta": {"1": meta}, "lines": {str(i + 1): row for i, row in enumerate(lines)},
            "history": {"1": {"undo": undo, "redo": []}}}


def _summary(meeting_id: str, created: float, details: MeetingDetails, lines: list[dict]) -> dict:
    counts = {kind.value: 0 for kind in Kind}
    for row in lines:
        counts[row["kind"]] += 1
    return {"id": meeting_id, "date": details.date, "title": details.kind, "counts": counts, "lines": len(lines),
            "created": created, "updated": created + len(lines) * 7.5}


def _journal(lines: list[dict], first_seq: int, first_pos: int) -> bytes:
    records = []
    for n, row in enumerate(lines):
        line = {k: v for k, v in row.items() if k != "pos"}
        ops = [{"op": "insert", "index": first_pos + n, "line": line}]
        records.append(journal_io.encode({"seq": first_seq + n, "t": "do", "ops": ops, "at": row["created"]}))
    return b"".join(records)


def _notices(folder: Path, meeting_id: str, details: MeetingDetails, lines: list[dict], settings: OfficeSettings) -> None:
    """Three compiled drafts and one paragraph edit, as the notice screen leaves them."""
    from minutes_tui.core.model import Line

    meeting = Meeting(id=meeting_id, details=details,
                      lines=[Line.from_dict(row) for row in lines])
    notice = compile_notice(meeting, settings)
    target = folder / f"{meeting_id}.notices"
    target.mkdir(mode=0o700)
    for number in range(1, VERSIONS + 1):
        notice.version, notice.compiled_at = number, meeting.created + number * 3600
        _write(target / f"v{number:05d}.json", NoticeVersion(number, notice.compiled_at, notice).to_dict())
    intro = notice.intro[0]
    edit = ParagraphEdit(intro.key, intro.text + " (sửa tay)", intro.source, base=intro.text)
    _write(target / "edits.json", {"edits": [edit.to_dict()]})


def _write(path: Path, data: dict) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)


def generate(root: Path, meetings: int = 500, lines: int = 100_000, owners: int = 300, big: int = 2000,
             seed: int = 2025, journaled: int = JOURNALED_MEETINGS) -> dict:
    """Write the archive under ``root`` (created); return facts about it (ids, big meeting)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = root / "meetings"
    folder.mkdir(exist_ok=True, mode=0o700)
    names = owners_list(owners)
    counts = split_lines(lines, meetings, big, rng) if meetings > 1 else [lines]
    start = date(2021, 1, 4)
    settings = OfficeSettings(issuer="UBND THỊ XÃ HOÀ BÌNH", parent_body="UBND TỈNH AN GIANG", code="TB-UBND")
    index_rows = {}
    ids = []
    journaled_ids = []
    for number, count in enumerate(counts):
        day = start + timedelta(days=number * 3)
        meeting_id, created, details, lines = make_meeting(count, day, names, rng)
        ids.append(meeting_id)
        pending = JOURNALED_LINES if number >= len(counts) - journaled and count > JOURNALED_LINES else 0
        checkpointed = lines[: count - pending]
        _write(folder / f"{meeting_id}.json", _tables(meeting_id, created, details, checkpointed, len(checkpointed)))
        journal = _journal(lines[len(checkpointed):], len(checkpointed) + 1, len(checkpointed)) if pending else b""
        if pending:
            journaled_ids.append(meeting_id)
        (folder / f"{meeting_id}.journal").write_bytes(journal)
        os.chmod(folder / f"{meeting_id}.journal", 0o600)
        if number % NOTICE_EVERY == 0:
            _notices(folder, meeting_id, details, checkpointed, settings)
        st = os.stat(folder / f"{meeting_id}.json")
        index_rows[str(number + 1)] = {**_summary(meeting_id, created, details, checkpointed),
                                       "stamp": [st.st_size, st.st_mtime_ns]}
    _write(root / "index.json", {"meetings": index_rows})
    _write(root / "settings.json", {"office": {"1": settings.to_dict()},
                                    "directory": {"1": {"aliases": {"vp": "Văn phòng"}, "owners": names}}})
    return {"ids": ids, "big": ids[0], "lines": sum(counts), "owners": len(names), "journaled": journaled_ids}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--owners", type=int, default=300)
    parser.add_argument("--big", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    t = time.perf_counter()
    facts = generate(args.dir, args.meetings, args.lines, args.owners, args.big, args.seed)
    print(f"{args.dir}: {len(facts['ids'])} meetings, {facts['lines']} lines, {facts['owners']} owners, "
          f"big meeting {facts['big']} ({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
