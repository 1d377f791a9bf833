"""What the notice screen shows of an issue: the banner's state, the versions, a comparison,
and the issued text as it was signed (the draft's hand edits not laid over it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from minutes_tui.core import edits
from minutes_tui.core.align import CHANGED
from minutes_tui.services.export import export_meeting
from minutes_tui.services.issue import (
    apply_issue,
    compare_versions,
    issue_state,
    notice_versions,
    plan_issue,
)
from minutes_tui.services.notices import (
    current_notice,
    edit_paragraph,
)
from minutes_tui.store.notice_store import DRAFT, FINAL
from tests.render.signed_edits import (
    body_paragraph,
    fill_number_and_date,
    open_doc,
    set_text,
)

TODAY = date(2027, 3, 10)



def test_issue_state_follows_the_notes(opened) -> None:
    archive, store = opened
    assert issue_state(store, archive.settings) is None
    apply_issue(store, plan_issue(store, archive.settings, number="05", issued=date(2027, 3, 14)), archive.settings)
    state = issue_state(store, archive.settings)
    assert (state.number, state.issued, state.differs) == ("05/TB-VP", date(2027, 3, 14), False)
    store.commit([edits.detail("place", "Hội trường lớn")])
    assert issue_state(store, archive.settings).differs


def test_compare_two_versions_word_by_word(opened) -> None:
    archive, store = opened
    first = store.notices.latest().version
    text = current_notice(store).intro[0].text
    edit_paragraph(store, current_notice(store).intro[0].key, text + " Thêm một câu.")
    apply_issue(store, plan_issue(store, archive.settings, number="05", issued=date(2027, 3, 14)), archive.settings)
    versions = notice_versions(store)
    assert [version.status for version in versions] == [DRAFT, FINAL]
    assert versions[0].version == first
    changes = compare_versions(versions[0], versions[-1])
    changed = [change for change in changes if change.kind == CHANGED]
    assert len(changed) == 1 and [word.text for word in changed[0].words if word.op == "insert"] == ["Thêm một câu."]


def test_the_issued_text_is_shown_as_signed_not_with_the_drafts_edits(opened, tmp_path: Path) -> None:
    archive, store = opened
    intro = current_notice(store).intro[0]
    edit_paragraph(store, intro.key, "Đoạn mở đầu viết tay.")
    draft = export_meeting(store, archive.settings, tmp_path / "draft.docx", folder=tmp_path, force=True).files[0]
    document = open_doc(draft)
    set_text(body_paragraph(document, "Đoạn mở đầu viết tay."), "Đoạn mở đầu viết tay, lãnh đạo sửa lại.")
    fill_number_and_date(document, "05/TB-VP", "Sông Lam, ngày 14 tháng 3 năm 2027")
    document.save(str(tmp_path / "signed.docx"))
    apply_issue(store, plan_issue(store, archive.settings, signed_path=tmp_path / "signed.docx"), archive.settings)
    assert current_notice(store).intro[0].text == "Đoạn mở đầu viết tay, lãnh đạo sửa lại."
    assert store.notices.latest_final() is store.notices.latest_final()  # read once: never rewritten
