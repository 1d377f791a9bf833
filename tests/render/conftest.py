from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutes_tui.core.compiler import compile_notice
from minutes_tui.core.notice import Notice
from minutes_tui.render.docx_notice import render_notice
from tests.notes import SAMPLE_SHAPED, meeting_from_notes


@pytest.fixture
def sample_notice() -> Notice:
    meeting, settings = meeting_from_notes(SAMPLE_SHAPED)
    return compile_notice(meeting, settings, date(2027, 3, 10))


@pytest.fixture
def notice_docx(tmp_path: Path, sample_notice: Notice) -> Path:
    return render_notice(sample_notice, tmp_path / "notice.docx")
