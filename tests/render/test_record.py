"""The biên bản (Mẫu 1.9): every line including plain notes, fields and two signatures."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from minutes_tui.render.docx_record import render_record
from tests.notes import SAMPLE_SHAPED, meeting_from_notes


def test_record_holds_every_line_and_the_form_fields(tmp_path: Path) -> None:
    meeting, settings = meeting_from_notes(SAMPLE_SHAPED + "/secretary Vũ Minh Tâm\n/end 10 giờ 30\n")
    document = Document(str(render_record(meeting, settings, tmp_path / "bb.docx")))
    texts = [p.text.replace("\u00a0", " ") for p in document.paragraphs if p.text.strip()]
    assert texts[:2] == ["BIÊN BẢN", "Phiên họp Thường trực HĐND huyện tháng 3"]
    for field in ("Thời gian bắt đầu: 8 giờ 00, ngày 09 tháng 3 năm 2027", "Địa điểm: Phòng họp số 2 Huyện ủy",
                  "Chủ trì (chủ tọa): Lê Văn Sơn - Chủ tịch HĐND huyện", "Thư ký (người ghi biên bản): Vũ Minh Tâm"):
        assert field in texts  # issue #12: one spelling, "chủ tọa"
    # issue #12: a record, not a tag list — sentences under numbered headings, then the conclusions
    assert texts.index("Nội dung (theo diễn biến cuộc họp):") < texts.index("Chủ tọa nêu mục đích cuộc họp.")
    assert "Phiên chất vấn sôi nổi, đúng trọng tâm." in texts
    assert ("- Văn phòng HĐND và UBND huyện tổng hợp ý kiến cử tri trước kỳ họp giữa năm; hoàn thành trong tháng "
            "05/2027.") in texts
    assert texts[-1] == "Cuộc họp kết thúc vào 10 giờ 30, ngày 09 tháng 3 năm 2027./."
    header = document.tables[0]
    assert header.rows[1].cells[0].paragraphs[0].text == "Số:        /BB-VP"
    assert header.rows[1].cells[1].paragraphs[0].text == ""  # no date line in a biên bản
    left, right = document.tables[-1].rows[0].cells
    assert next(p.text for p in left.paragraphs if p.text) == "THƯ KÝ"
    assert "Vũ Minh Tâm" in [p.text for p in left.paragraphs]
    assert next(p.text for p in right.paragraphs if p.text) == "CHỦ TỌA"
    assert "Lê Văn Sơn" in [p.text for p in right.paragraphs]
    assert "- Lưu: VT, hồ sơ." in [p.text for p in left.paragraphs]  # issue #12
