"""The report as data: which tasks, in which order, with which words and counts (worked out by hand)."""

from __future__ import annotations

from datetime import date

from minutes_tui.core.model import OfficeSettings
from minutes_tui.core.periods import quarter
from minutes_tui.core.task_report import (
    build_report,
    report_code,
    report_day,
    report_heading,
    summary_paragraphs,
)
from minutes_tui.core.tasks import State
from tests.report_data import AS_OF, PERIOD, office_settings, report_tasks


def quarter_report():  # type: ignore[no-untyped-def]
    return build_report(report_tasks(), report_heading(office_settings(), AS_OF, PERIOD), AS_OF, period=PERIOD)


def test_rows_in_order_of_assignment_with_every_cell() -> None:
    report = quarter_report()
    cells = [row.cells() for row in report.rows]
    assert [c[1] for c in cells] == [
        "Xây dựng kế hoạch giám sát chuyên đề về quản lý đất công",
        "Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp cuối năm",
        "Rà soát hồ sơ giao đất, cho thuê đất công ích tại 7 xã",
        "Kiểm tra công tác phòng cháy, chữa cháy tại chợ trung tâm",
        "Theo dõi tình hình dịch bệnh trên đàn gia súc",
        "Chuẩn bị nội dung kỳ họp thường lệ đầu năm",
        "Sửa chữa trụ sở làm việc xã Tân Tiến",
        "Tổ chức đoàn khảo sát việc thi hành pháp luật về khiếu nại",
        "Báo cáo kết quả giải quyết kiến nghị sau giám sát",
        "Vận động nhân dân tham gia hiến đất làm đường",
        "Giao tổng kết phong trào thi đua năm 2026",
    ]  # the September task was done before the quarter; the January one is after the day
    assert [c[0] for c in cells] == [str(n) for n in range(1, 12)]
    assert cells[1] == (
        "2", "Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp cuối năm", "Thông báo số 15/TB-VP ngày 14/10/2026",
        "Văn phòng HĐND và UBND huyện", "", "Tháng 11/2026", "Hoàn thành quá hạn",
        "Hoàn thành ngày 05/12/2026 (chậm 5 ngày): Đã gửi báo cáo tổng hợp",
    )
    assert cells[2][3:] == ("Phòng Tài nguyên và Môi trường", "UBND các xã", "30/11/2026", "Quá hạn 15 ngày",
                            "20/11/2026: Đã rà soát 3/7 xã")  # the note of 20/12 is after the day
    assert cells[0][4] == "Ban Pháp chế"
    assert cells[4][2] == "Cuộc họp ngày 10/11/2026"
    assert cells[4][5:7] == ("Thường xuyên", "Không có thời hạn / thường xuyên")
    assert cells[5][5:7] == ("Quý I năm 2027", "Trong hạn")
    assert cells[6][6:] == ("Tạm dừng", "01/12/2026: chờ bố trí kinh phí")
    assert cells[7][6:] == ("Không thực hiện", "25/11/2026: không còn phù hợp")
    assert cells[8][5:] == ("31/12/2026", "Trong hạn",
                            "Điều chỉnh thời hạn ngày 25/11/2026 từ “30/11/2026” sang “31/12/2026” (chờ số liệu quyết toán)")
    assert cells[10][6:] == ("Hoàn thành đúng hạn", "Hoàn thành ngày 28/11/2026")
    assert [row.days_late for row in report.rows] == [0, 5, 15, 0, 0, 0, 0, 0, 0, 0, 0]


def test_summary_counts_by_state_and_by_lead_owner() -> None:
    summary = quarter_report().summary
    assert dict(summary.by_state) == {
        State.DONE_ON_TIME: 2, State.DONE_LATE: 1, State.OVERDUE: 1, State.DUE_SOON: 1, State.IN_TIME: 3,
        State.NO_DEADLINE: 1, State.PAUSED: 1, State.CANCELLED: 1,
    }
    assert summary.total == 11
    owners = [(o.owner, o.total) for o in summary.by_owner]
    # "Uỷ ban" and "Ủy ban" are one owner (tone placement), shown as first typed
    assert owners == [("Uỷ ban MTTQ huyện", 2), ("Văn phòng HĐND và UBND huyện", 2), ("Ban Kinh tế - Xã hội", 1),
                      ("Ban Pháp chế", 1), ("Công an huyện", 1), ("Phòng Nông nghiệp", 1),
                      ("Phòng Tài chính - Kế hoạch", 1), ("Phòng Tài nguyên và Môi trường", 1), ("UBND xã Tân Tiến", 1)]
    overall, lines = summary_paragraphs(summary)
    assert overall == (
        "Tính đến ngày 15/12/2026, trong kỳ báo cáo (quý IV năm 2026) có 11 nhiệm vụ được theo dõi; trong đó: "
        "hoàn thành đúng hạn 2, hoàn thành quá hạn 1, quá hạn 1, sắp đến hạn 1, trong hạn 3, "
        "không có thời hạn / thường xuyên 1, tạm dừng 1, không thực hiện 1."
    )
    assert lines[1] == "- Văn phòng HĐND và UBND huyện: 2 nhiệm vụ (hoàn thành quá hạn 1, trong hạn 1)."


def test_without_a_period_everything_given_by_the_day() -> None:
    tasks = report_tasks()
    report = build_report(tasks, report_heading(office_settings(), AS_OF, None), AS_OF)
    assert len(report.rows) == 12  # the September task too, not the January one
    assert report.rows[0].text == "Hoàn thiện hồ sơ kỳ họp chuyên đề"
    later = build_report(tasks, report_heading(office_settings(), date(2027, 1, 20), None), date(2027, 1, 20))
    assert len(later.rows) == 13
    assert summary_paragraphs(build_report([], later.heading, AS_OF).summary) == (
        "Tính đến ngày 15/12/2026, trong sổ theo dõi không có nhiệm vụ nào.", [])


def test_heading_from_the_office_settings() -> None:
    heading = report_heading(office_settings(), AS_OF, PERIOD)
    assert heading.parent_body == "UBND TỈNH HÒA BÌNH XANH"
    assert heading.issuer == "VĂN PHÒNG HĐND HUYỆN SÔNG LAM"
    assert heading.office == "Văn phòng HĐND huyện Sông Lam"
    assert heading.number == "Số:       /BC-VP"
    assert heading.place_date == "Sông Lam, ngày 15 tháng 12 năm 2026"
    assert heading.summary == "Tình hình thực hiện các kết luận, nhiệm vụ được giao quý IV năm 2026"
    assert (heading.signer_title, heading.signer_name) == ("CHÁNH VĂN PHÒNG", "Đỗ Thị Hạnh")
    assert heading.recipients == ("TT Huyện ủy", "TT HĐND huyện", "UBND huyện", "Các Ban HĐND huyện")
    assert heading.archive == "Lưu: VT."
    bare = report_heading(OfficeSettings(), AS_OF, None)
    assert bare.summary == "Tình hình thực hiện các kết luận, nhiệm vụ được giao (tính đến ngày 15/12/2026)"
    assert bare.number == "Số:       /BC"


def test_report_code_and_day() -> None:
    assert [report_code(c) for c in ("TB-VP", "TB-TTHĐND", "TB", "", "UBND")] == [
        "BC-VP", "BC-TTHĐND", "BC", "BC", "BC-UBND"]
    assert report_day(quarter(2026, 4), date(2027, 2, 1)) == date(2026, 12, 31)
    assert report_day(quarter(2026, 4), date(2026, 11, 5)) == date(2026, 11, 5)
    assert report_day(None, date(2026, 11, 5)) == date(2026, 11, 5)
