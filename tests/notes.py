"""Meetings of our own writing, used across tests (not copied from any real notice)."""

from __future__ import annotations

from minutes_tui.core import edits
from minutes_tui.core.capture import append_ops, detail_ops
from minutes_tui.core.directory import Directory
from minutes_tui.core.model import Meeting, OfficeSettings
from minutes_tui.core.parser import AliasCommand, DetailCommand, ParsedLine, SettingCommand, parse

OFFICE = """\
/set parent_body UBND tỉnh Hòa Bình Xanh
/set issuer Văn phòng HĐND huyện Sông Lam
/set code TB-VP
/set place_name Sông Lam
/set authority TL. THƯỜNG TRỰC HĐND
/set signer_title Chánh Văn phòng
/set signer_name Đỗ Thị Hạnh
/set announcer Văn phòng HĐND và UBND huyện
/set recipients TT Huyện ủy; TT HĐND huyện; UBND huyện; Các Ban HĐND huyện
/alias vp Văn phòng HĐND và UBND huyện
"""

# Shaped like a real conclusion notice: two sections, the first holding findings and
# shortcomings without sub-sections, the second two sub-sections of tasks.
SAMPLE_SHAPED = OFFICE + """\
/date 09/03/2027
/time 8 giờ 00
/place Phòng họp số 2 Huyện ủy
/body Thường trực HĐND huyện
/kind Phiên họp Thường trực HĐND huyện tháng 3
/purpose cho ý kiến về kế hoạch giám sát năm 2027
/chair Lê Văn Sơn - Chủ tịch HĐND huyện
/attend đồng chí Phan Thị Mai - Phó Chủ tịch HĐND huyện
/attend Trưởng, Phó các Ban HĐND huyện
/heard đồng chí Phó Chủ tịch HĐND huyện báo cáo kết quả kỳ họp thứ tư
Chủ tọa nêu mục đích cuộc họp
# Đánh giá công tác tổ chức kỳ họp thứ tư
+ Kỳ họp diễn ra đúng quy định, nội dung chuẩn bị chu đáo
+ Phiên chất vấn sôi nổi, đúng trọng tâm
! Một số báo cáo gửi đại biểu còn chậm
! Thị uỷ đề nghị rút kinh nghiệm công tác tổng hợp ý kiến cử tri
# Nhiệm vụ quý II năm 2027
## Công tác giám sát
> Xây dựng kế hoạch giám sát chuyên đề về đất đai @Ban Kinh tế - Xã hội @Ban Pháp chế ^31/03/2027
> UBND huyện chỉ đạo cơ quan chuyên môn gửi tài liệu đúng hạn @UBND huyện
## Công tác tiếp xúc cử tri
> Tổng hợp ý kiến cử tri trước kỳ họp giữa năm @vp ^tháng 5/2027
= Thống nhất tổ chức hội nghị tập huấn cho đại biểu trong quý II
"""

NO_HEADINGS = OFFICE + """\
/date 02/02/2027
/body UBND xã Tân Tiến
+ Hoàn thành chi trả trợ cấp Tết
! Thu ngân sách còn thấp
> Rà soát hộ nghèo @Công chức Lao động ^28/02
= Thống nhất tổ chức Tết trồng cây
ghi chú không vào thông báo
"""


def meeting_from_notes(text: str) -> tuple[Meeting, OfficeSettings]:
    """Parse a notes file the way `minutes-tui import` does, without a store."""
    meeting, settings, directory = Meeting(), OfficeSettings(), Directory()
    for raw in text.splitlines():
        parsed = parse(raw, directory)
        if isinstance(parsed, SettingCommand):
            settings = settings.with_value(parsed.name, parsed.value)
        elif isinstance(parsed, AliasCommand):
            directory.aliases[parsed.alias] = parsed.full
        elif isinstance(parsed, ParsedLine):
            edits.apply_all(meeting, append_ops(meeting, parsed))
        elif isinstance(parsed, DetailCommand):
            edits.apply_all(meeting, detail_ops(meeting, parsed))
    return meeting, settings
