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
from minutes_tui.services.notices import compile_and_store, current_notice
from minutes_tui.store import Archive, StoreError
from minutes_tui.store.notice_store import FINAL
from tests.notes import SAMPLE_SHAPED
from tests.render.signed_edits import (
    body_paragraph,
    fill_number_and_date,
    open_doc,
    set_text,
    tracked_delete,
    tracked_insert,
)

TODAY = date(2027, 3, 10)


@pytest.fixture
def opened(tmp_path: Path):
    archive = Archive(tmp_path / "data").open()
    store = import_notes(archive, SAMPLE_SHAPED).store
    compile_and_store(store, archive.settings, TODAY)
    yield archive, store
    store.close()
    archive.close()


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
    version = apply_issue(store, plan)
    assert version is not None and version.status == FINAL and store.notices.numbers() == [1, 2]

    again = _export(store, archive, tmp_path / "issued.docx")
    reread = read_signed(again)
    for key in ("reworded", "deadline", "added", "tracked", "closing"):
        assert left[key] in reread.paragraphs, key
    assert left["deleted"] not in reread.paragraphs
    assert (reread.number, reread.issued) == ("05/TB-VP", date(2027, 3, 14))

    # the same file again changes nothing
    assert plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx").already_issued
    assert apply_issue(store, plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx")) is None
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
    assert apply_issue(store, plan) is not None
    assert issued_version(store).meta["number"] == "05/TB-VP"
    assert apply_issue(store, plan_issue(store, archive.settings, number="05", issued=date(2027, 3, 14))) is None


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
