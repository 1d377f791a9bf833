"""UI strings in Vietnamese (default) and English, side by side.

The language is chosen once at start-up (``--lang`` or the saved setting),
before the TUI modules are imported, because binding descriptions are read
when the screen classes are defined.
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")
_language = "vi"

# key: (Vietnamese, English)
STRINGS: dict[str, tuple[str, str]] = {
    # kinds: long name and short chip label
    "kind.note": ("Ghi chú", "Note"),
    "kind.finding": ("Kết quả", "Finding"),
    "kind.shortcoming": ("Tồn tại", "Shortcoming"),
    "kind.task": ("Nhiệm vụ", "Task"),
    "kind.decision": ("Kết luận", "Decision"),
    "kind.section": ("Mục", "Section"),
    "kind.subsection": ("Tiểu mục", "Sub-section"),
    "chip.note": ("GC", "NO"),
    "chip.finding": ("KQ", "FI"),
    "chip.shortcoming": ("TT", "SH"),
    "chip.task": ("NV", "TA"),
    "chip.decision": ("KL", "DE"),
    "chip.section": ("§", "§"),
    "chip.subsection": ("§§", "§§"),
    # app-wide actions
    "key.help": ("Trợ giúp", "Help"),
    "key.quit": ("Thoát", "Quit"),
    "key.palette": ("Lệnh", "Commands"),
    # meeting list
    "meetings.title": ("Các cuộc họp", "Meetings"),
    "meetings.empty": ("Chưa có cuộc họp nào. Nhấn n để bắt đầu ghi.", "No meetings yet. Press n to start."),
    "meetings.col.date": ("Ngày", "Date"),
    "meetings.col.title": ("Cuộc họp", "Meeting"),
    "meetings.col.lines": ("Dòng", "Lines"),
    "key.open": ("Mở ghi", "Open"),
    "key.new": ("Cuộc họp mới", "New meeting"),
    "key.review": ("Rà soát", "Review"),
    "key.notice": ("Thông báo", "Notice"),
    "key.settings": ("Thiết lập", "Settings"),
    "key.directory": ("Danh bạ", "Directory"),
    "key.search": ("Tìm", "Search"),
    # capture
    "capture.placeholder": (
        "Gõ nội dung rồi Enter · + kết quả  ! tồn tại  > nhiệm vụ  = kết luận  # mục  @người ^hạn  /lệnh",
        "Type and press Enter · + finding  ! shortcoming  > task  = decision  # section  @owner ^deadline  /command",
    ),
    "capture.saved": ("Đã lưu", "Saved"),
    "capture.sticky": ("giữ", "sticky"),
    "capture.sticky_on": ("Giữ nhãn {kind} cho các dòng sau", "{kind} stays on for the next lines"),
    "capture.sticky_off": ("Bỏ giữ nhãn", "Sticky tag off"),
    "capture.detail_set": ("Đã ghi {name}: {value}", "Set {name}: {value}"),
    "capture.setting_set": ("Đã lưu thiết lập {name}", "Saved setting {name}"),
    "capture.alias_set": ("Viết tắt @{alias} = {full}", "Alias @{alias} = {full}"),
    "capture.pasted": ("Đã ghi {count} dòng dán vào", "Recorded {count} pasted lines"),
    "capture.paste_problems": ("{count} dòng dán có lỗi, giữ lại trong ô nhập", "{count} pasted lines had problems; kept in the input"),
    "capture.long_line": ("Dòng dài {chars} ký tự đã được lưu thẳng", "A {chars}-character line was saved directly"),
    "capture.undone": ("Đã hoàn tác", "Undone"),
    "capture.redone": ("Đã làm lại", "Redone"),
    "capture.nothing_to_undo": ("Không còn gì để hoàn tác", "Nothing to undo"),
    "capture.nothing_to_redo": ("Không còn gì để làm lại", "Nothing to redo"),
    "capture.fold_failed": (
        "Chưa cập nhật được tệp cuộc họp ({reason}); các dòng vẫn an toàn trong nhật ký.",
        "Could not update the meeting file ({reason}); lines are safe in the journal.",
    ),
    "key.commit": ("Ghi dòng", "Commit line"),
    "key.tag_finding": ("Kết quả", "Finding"),
    "key.tag_shortcoming": ("Tồn tại", "Shortcoming"),
    "key.tag_task": ("Nhiệm vụ", "Task"),
    "key.tag_decision": ("Kết luận", "Decision"),
    "key.tag_note": ("Ghi chú", "Note"),
    "key.sticky": ("Giữ nhãn", "Sticky tag"),
    "key.undo": ("Hoàn tác", "Undo"),
    "key.redo": ("Làm lại", "Redo"),
    "key.details": ("Thông tin họp", "Details"),
    "key.toggle_details": ("Ẩn/hiện thông tin", "Toggle details"),
    "key.back": ("Danh sách", "Meetings"),
    # details panel
    "details.date": ("Ngày", "Date"),
    "details.time": ("Giờ", "Time"),
    "details.place": ("Địa điểm", "Place"),
    "details.body": ("Cơ quan", "Body"),
    "details.kind": ("Loại họp", "Kind"),
    "details.purpose": ("Mục đích", "Purpose"),
    "details.chair": ("Chủ trì", "Chair"),
    "details.attend": ("Tham dự", "Attending"),
    "details.absent": ("Vắng", "Absent"),
    "details.heard": ("Nghe báo cáo", "Reports heard"),
    "details.concluder": ("Người kết luận", "Concluded by"),
    "details.secretary": ("Thư ký", "Secretary"),
    "details.end": ("Kết thúc", "Ended"),
    "details.title": ("Trích yếu", "Subject line"),
    "details.missing": ("(chưa có)", "(not set)"),
    "details.elapsed": ("Thời gian", "Elapsed"),
    # help
    "help.title": ("Trợ giúp — phím tắt và cú pháp ghi", "Help — keys and the notes language"),
    "help.keys": ("Phím tắt", "Keys"),
    "help.close": ("Đóng", "Close"),
    "help.screen.app": ("Mọi màn hình", "Everywhere"),
    "help.screen.meetings": ("Danh sách cuộc họp", "Meeting list"),
    "help.screen.capture": ("Ghi trực tiếp", "Live capture"),
    "help.screen.review": ("Rà soát", "Review"),
    "help.screen.notice": ("Thông báo", "Notice"),
    # errors
    "error.crash": (
        "minutes-tui gặp lỗi không mong muốn và đã đóng. Các dòng đã ghi vẫn an toàn. Báo cáo lỗi: {path}",
        "minutes-tui hit an unexpected error and closed. Committed lines are safe. Crash report: {path}",
    ),
    "error.readonly": ("Cuộc họp đang mở chỉ đọc", "Meeting is open read-only"),
}


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _language = language


def language() -> str:
    return _language


def tr(key: str, **values: object) -> str:
    """The UI string ``key`` in the current language, with ``{name}`` filled in."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[0] if _language == "vi" else pair[1]
    return text.format(**values) if values else text
