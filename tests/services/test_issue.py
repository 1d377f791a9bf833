"""Issuing the notice: the signed file comes back numbered and dated (round trip through Word's XML)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.errors import UserError
from minutes_tui.render.docx_reader import read_signed
from minutes_tui.services.export import export_meeting
from minutes_tui.services.importing import import_notes
from minutes_tui.services.issue import apply_issue, issued_version, plan_issue
from minutes_tui.services.notices import current_notice
from minutes_tui.store import StoreError
from minutes_tui.store.notice_store import FINAL
from tests.render.signed_edits import (
    body_paragraph,
    fill_number_and_date,
    open_doc,
    set_text,
    tracked_delete,
    tracked_insert,
)

TODAY = date(2027, 3, 10)



def _export(store, archive, path: Path) -> Path:
    return export_meeting(store, archive.settings, path, folder=path.parent, force=True).files[0]


def _leader_edits(draft_path: Path, notice, signed_path: Path) -> dict[str, str]:
    """A word changed, a deadline moved, a paragraph deleted and one added, tracked changes,
    and the number and date the office writes in. Returns what the leader left."""
    bullets = [block for block in notice.body if block.display.startswith("- ")]
    document = open_doc(draft_path)
    reworded = bullets[0].display.replace("- ", "- Nhìn chung, ", 1)
    set_text(body_paragraph(document, bullets[0].display[:40]), reworded)
    moved = next(b for b in bullets if "31/03/2027" in b.display)
    new_deadline = moved.display.replace("31/03/2027", "15/04/2027")
    set_text(body_paragraph(document, moved.display[:40]), new_deadline)
    deleted = bullets[-1]
    paragraph = body_paragraph(document, deleted.display[:40])
    added = "- Phòng Tài chính bố trí kinh phí cho hội nghị tập huấn trước ngày 30/6/2027."
    set_text(paragraph, added)  # the last task replaced by one the leader wrote
    tracked = body_paragraph(document, bullets[1].display[:40])
    tracked_insert(tracked, " Kết quả báo cáo Thường trực.")
    closing = body_paragraph(document, notice.closing.text[:25])
    tracked_delete(closing, "liên quan ")
    fill_number_and_date(document, "05/TB-VP", "Sông Lam, ngày 14 tháng 3 năm 2027")
    document.save(str(signed_path))
    return {"reworded": reworded, "deadline": new_deadline, "deleted": deleted.display, "added": added,
            "tracked": bullets[1].display + " Kết quả báo cáo Thường trực.",
            "closing": notice.closing.text.replace("liên quan ", "")}


def test_signed_file_round_trip(opened, tmp_path: Path) -> None:
    archive, store = opened
    draft = _export(store, archive, tmp_path / "draft.docx")
    left = _leader_edits(draft, current_notice(store), tmp_path / "signed.docx")

    plan = plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx")
    assert (plan.number, plan.issued) == ("05/TB-VP", date(2027, 3, 14))
    assert plan.counts["changed"] >= 4 and plan.signed.insertions == 1 and plan.signed.deletions == 1
    assert store.notices.numbers() == [1]  # planning writes nothing
    version = apply_issue(store, plan, archive.settings)
    assert version is not None and version.status == FINAL and store.notices.numbers() == [1, 2]

    again = _export(store, archive, tmp_path / "issued.docx")
    reread = read_signed(again)
    for key in ("reworded", "deadline", "added", "tracked", "closing"):
        assert left[key] in reread.paragraphs, key
    assert left["deleted"] not in reread.paragraphs
    assert (reread.number, reread.issued) == ("05/TB-VP", date(2027, 3, 14))

    # the same file again changes nothing
    assert plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx").already_issued
    assert apply_issue(store, plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx"), archive.settings) is None
    assert store.notices.numbers() == [1, 2]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_libreoffice_saved_edit_gives_the_same_result(opened, tmp_path: Path) -> None:
    archive, store = opened
    draft = _export(store, archive, tmp_path / "draft.docx")
    _leader_edits(draft, current_notice(store), tmp_path / "signed.docx")
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), str(tmp_path / "signed.docx")],
                   check=True, capture_output=True, timeout=180)
    word = plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx")
    libre = plan_issue(store, archive.settings, signed_path=out / "signed.docx")
    assert [block.display for block in libre.notice.blocks()] == [block.display for block in word.notice.blocks()]
    assert (libre.number, libre.issued) == (word.number, word.issued)


def test_issue_without_a_file_freezes_the_draft(opened) -> None:
    archive, store = opened
    plan = plan_issue(store, archive.settings, number="05", issued=date(2027, 3, 14))
    assert plan.number == "05/TB-VP" and plan.notice.number == "Số: 05/TB-VP"
    assert plan.notice.place_date.endswith("ngày 14 tháng 3 năm 2027")
    assert [b.display for b in plan.notice.body] == [b.display for b in current_notice(store).body]
    assert apply_issue(store, plan, archive.settings) is not None
    assert issued_version(store).meta["number"] == "05/TB-VP"
    assert apply_issue(store, plan_issue(store, archive.settings, number="05", issued=date(2027, 3, 14)), archive.settings) is None


def test_no_number_is_a_clear_error(opened) -> None:
    archive, store = opened
    with pytest.raises(StoreError, match="Chưa có số"):
        plan_issue(store, archive.settings)


def test_another_meetings_notice_changes_nothing(opened, tmp_path: Path) -> None:
    archive, store = opened
    other = import_notes(archive, "/date 01/02/2027\n/body UBND xã\n# Một\n> Việc khác hẳn @Công an xã ^10/02/2027\n"
                         "+ Kết quả khác\n= Thống nhất một việc khác").store
    foreign = _export(other, archive, tmp_path / "other.docx")
    other.close()
    with pytest.raises(StoreError, match="không phải thông báo của cuộc họp này"):
        plan_issue(store, archive.settings, signed_path=foreign, number="05")
    assert store.notices.numbers() == [1]


def test_a_file_that_is_not_a_notice_is_refused(opened, tmp_path: Path) -> None:
    archive, store = opened
    (tmp_path / "x.docx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="không phải tệp Word"):
        plan_issue(store, archive.settings, signed_path=tmp_path / "x.docx")
    assert store.notices.numbers() == [1]


def test_the_register_follows_the_signed_text(opened, tmp_path: Path) -> None:
    from minutes_tui.core.followup import Status
    from minutes_tui.core.signed_tasks import ADDED_TASK, CANCELLED, DEADLINE_CHANGED, FLAGGED, REWORDED, SIGNED_REASON
    from minutes_tui.core.tasks import tasks_of
    from minutes_tui.services.notices import is_stale

    archive, store = opened
    notice = current_notice(store)
    draft = _export(store, archive, tmp_path / "draft.docx")
    by_text = {task.text: task for task in tasks_of(store.meeting)}
    plan_task = by_text["Xây dựng kế hoạch giám sát chuyên đề về đất đai"]
    dropped = by_text["UBND huyện chỉ đạo cơ quan chuyên môn gửi tài liệu đúng hạn"]
    reworded = by_text["Tổng hợp ý kiến cử tri trước kỳ họp giữa năm"]
    para = {key: block.display for key, block in ((b.key, b) for b in notice.body)}

    document = open_doc(draft)
    moved = para[f"line:{plan_task.id}"]
    set_text(body_paragraph(document, moved[:40]), moved.replace("31/03/2027", "15/04/2027"))
    body_paragraph(document, para[f"line:{dropped.id}"][:40])._p.getparent().remove(
        body_paragraph(document, para[f"line:{dropped.id}"][:40])._p)
    old = para[f"line:{reworded.id}"]
    set_text(body_paragraph(document, old[:40]), old.replace("ý kiến cử tri", "đầy đủ ý kiến, kiến nghị của cử tri"))
    last = body_paragraph(document, old[:40])
    from copy import deepcopy
    for text in ("- Ban Pháp chế rà soát các văn bản quy phạm pháp luật của huyện; hoàn thành trước ngày 30/06/2027.",
                 "- Cần quan tâm hơn nữa đến công tác tiếp công dân."):
        element = deepcopy(last._p)
        last._p.addnext(element)
        from docx.text.paragraph import Paragraph
        set_text(Paragraph(element, last._parent), text)
    fill_number_and_date(document, "07/TB-VP", "Sông Lam, ngày 16 tháng 3 năm 2027")
    document.save(str(tmp_path / "signed.docx"))

    plan = plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx", directory=archive.directory)
    kinds = {(change.kind, change.task_id) for change in plan.tasks}
    assert (DEADLINE_CHANGED, plan_task.id) in kinds and (CANCELLED, dropped.id) in kinds
    assert (REWORDED, reworded.id) in kinds
    assert [c.kind for c in plan.tasks if c.task_id is None] == [FLAGGED]  # listed, not dropped
    assert sum(c.kind == ADDED_TASK for c in plan.tasks) == 1
    assert apply_issue(store, plan, archive.settings) is not None

    tasks = {task.id: task for task in tasks_of(store.meeting)}
    assert tasks[plan_task.id].deadline_text() == "15/04/2027"
    assert tasks[plan_task.id].followup.deadlines[-1].reason == SIGNED_REASON
    assert tasks[dropped.id].status is Status.CANCELLED
    assert "đầy đủ ý kiến, kiến nghị của cử tri" in tasks[reworded.id].text
    new = [task for task in tasks.values() if task.lead == "Ban Pháp chế"]
    assert len(new) == 1 and new[0].deadline == "30/06/2027" and new[0].text.startswith("Rà soát các văn bản")
    assert {task.notice for task in tasks.values()} == {"07/TB-VP"}
    assert not is_stale(store, archive.settings)  # the tasks the leader added do not make the notes "changed"

    # planned again (e.g. after a failed version write): nothing more to change
    again = plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx", directory=archive.directory)
    assert again.already_issued and again.ops == []
