"""A signed notice read back as Word shows it with every tracked change accepted."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.notice import Notice
from minutes_tui.errors import RenderError
from minutes_tui.render.docx_reader import MAX_FILE_BYTES, read_signed
from tests.render.signed_edits import (
    body_paragraph,
    fill_number_and_date,
    open_doc,
    set_text,
    tracked_delete,
    tracked_delete_paragraph,
    tracked_insert,
)


def test_an_untouched_draft_reads_back_as_exported(notice_docx: Path, sample_notice: Notice) -> None:
    signed = read_signed(notice_docx)
    assert signed.paragraphs[0] == "THÔNG BÁO"
    assert signed.paragraphs[1] == sample_notice.summary.text
    printed = [block.display for block in sample_notice.body]
    assert [p for p in signed.paragraphs if p in printed] == printed
    assert signed.number is None  # the blank "Số:      /TB-VP"
    assert signed.issued == date(2027, 3, 10)
    assert signed.recipients[: len(sample_notice.recipients)] == sample_notice.recipients
    assert (signed.insertions, signed.deletions) == (0, 0)


def test_plain_and_tracked_edits_number_and_date(notice_docx: Path, sample_notice: Notice) -> None:
    document = open_doc(notice_docx)
    first_bullet = next(b for b in sample_notice.body if b.display.startswith("- "))
    paragraph = body_paragraph(document, first_bullet.display[:30])
    set_text(paragraph, first_bullet.display.replace("- ", "- Nhìn chung, ", 1))
    tracked_insert(paragraph, " Kết quả được ghi nhận.")
    closing = body_paragraph(document, sample_notice.closing.text[:25])
    tracked_delete(closing, "liên quan ")
    struck = next(b for b in sample_notice.body if b.display.startswith("- ") and b is not first_bullet)
    tracked_delete_paragraph(body_paragraph(document, struck.display[:30]))
    fill_number_and_date(document, "05/TB-VP", "Sông Lam, ngày 14 tháng 3 năm 2027")
    edited = notice_docx.with_name("signed.docx")
    document.save(str(edited))

    signed = read_signed(edited)
    assert first_bullet.display.replace("- ", "- Nhìn chung, ", 1) + " Kết quả được ghi nhận." in signed.paragraphs
    assert sample_notice.closing.text.replace("liên quan ", "") in signed.paragraphs
    assert struck.display not in signed.paragraphs
    assert signed.number == "05/TB-VP"
    assert signed.issued == date(2027, 3, 14)
    assert signed.place_date == "Sông Lam, ngày 14 tháng 3 năm 2027"
    assert signed.insertions == 1 and signed.deletions >= 2


def test_hostile_files_get_one_clear_message(tmp_path: Path, notice_docx: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("không phải Word", encoding="utf-8")
    with pytest.raises(RenderError, match="không phải tệp Word"):
        read_signed(text)
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(RenderError, match="không phải tệp Word"):
        read_signed(other_zip)
    encrypted = tmp_path / "locked.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(RenderError, match="mật khẩu"):
        read_signed(encrypted)
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(notice_docx) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(RenderError, match="bị hỏng"):
        read_signed(damaged)
    huge = tmp_path / "huge.docx"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(RenderError, match="quá lớn"):
        read_signed(huge)
    with pytest.raises(RenderError, match="Không tìm thấy"):
        read_signed(tmp_path / "missing.docx")
    with pytest.raises(RenderError, match="không phải một tệp"):
        read_signed(tmp_path)
