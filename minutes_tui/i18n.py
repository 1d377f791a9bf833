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
    "key.search_archive": ("Tìm mọi cuộc họp", "Search all meetings"),
    "key.clear_search": ("Bỏ tìm", "Clear search"),
    "meetings.search_placeholder": ("Tìm trong mọi cuộc họp (không phân biệt dấu) — Enter", "Search every meeting (accents ignored) — Enter"),
    "meetings.search_result": ("Tìm “{query}”: {lines} dòng trong {meetings} cuộc họp — r mở rà soát đã lọc, Esc bỏ tìm", "“{query}”: {lines} lines in {meetings} meetings — r opens review filtered, Esc clears"),
    "meetings.hits": ("{count} dòng khớp", "{count} matching lines"),
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
    # help
    "help.title": ("Trợ giúp — phím tắt và cú pháp ghi", "Help — keys and the notes language"),
    "help.keys": ("Phím tắt", "Keys"),
    "help.close": ("Đóng", "Close"),
    "help.key": ("Phím", "Key"),
    "help.action": ("Việc", "Action"),
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
    # notice screen
    "notice.stale": (
        "Ghi chép đã thay đổi sau lần soạn trước — nhấn r để soạn lại thông báo.",
        "The notes changed since the last compile — press r to recompile.",
    ),
    "notice.compiled": ("Đã soạn thông báo (bản {version})", "Notice compiled (version {version})"),
    "notice.dropped": (
        "{count} chỗ sửa tay bị bỏ vì ghi chép gốc đã đổi",
        "{count} manual edits dropped because their source lines changed",
    ),
    "notice.exporting": ("Đang xuất {what}…", "Exporting {what}…"),
    "notice.exported": ("Đã xuất: {path}", "Exported: {path}"),
    "notice.export_failed": ("Không xuất được: {reason}", "Export failed: {reason}"),
    "notice.what.docx": ("thông báo (.docx)", "the notice (.docx)"),
    "notice.what.pdf": ("thông báo (.docx + PDF)", "the notice (.docx + PDF)"),
    "notice.what.record": ("biên bản (.docx)", "the record (.docx)"),
    "notice.edit_title": ("Sửa đoạn — Ctrl+S lưu, Esc bỏ", "Edit paragraph — Ctrl+S save, Esc cancel"),
    "notice.pick_title": ("Chọn đoạn cần sửa (Enter)", "Choose a paragraph to edit (Enter)"),
    "notice.edited": ("Đã lưu chỗ sửa", "Edit saved"),
    "key.recompile": ("Soạn lại", "Recompile"),
    "key.edit_paragraph": ("Sửa đoạn", "Edit paragraph"),
    "key.export": ("Xuất .docx", "Export .docx"),
    "key.export_pdf": ("Xuất PDF", "Export PDF"),
    "key.export_record": ("Xuất biên bản", "Export record"),
    "key.capture": ("Ghi", "Capture"),
    "key.save": ("Lưu", "Save"),
    "key.cancel": ("Bỏ", "Cancel"),
    # review
    "key.edit": ("Sửa", "Edit"),
    "key.owners": ("Người làm", "Owners"),
    "key.deadline": ("Thời hạn", "Deadline"),
    "key.add_line": ("Thêm dòng", "Add line"),
    "key.new_section": ("Mục mới", "New section"),
    "key.move_up": ("Lên", "Move up"),
    "key.move_down": ("Xuống", "Move down"),
    "key.move_to_section": ("Chuyển mục", "Move to section"),
    "key.merge": ("Gộp dòng sau", "Merge with next"),
    "key.split": ("Tách dòng", "Split line"),
    "key.delete": ("Xóa", "Delete"),
    "key.mark": ("Chọn nhiều", "Select"),
    "key.clear_marks": ("Bỏ chọn", "Clear selection"),
    "key.filter_kind": ("Lọc loại", "Filter kind"),
    "key.filter_owner": ("Lọc người", "Filter owner"),
    "key.checks": ("Kiểm tra", "Checks"),
    "key.next_problem": ("Lỗi tiếp", "Next problem"),
    "key.prev_problem": ("Lỗi trước", "Previous problem"),
    "key.next_section": ("Mục sau", "Next section"),
    "key.prev_section": ("Mục trước", "Previous section"),
    "key.down": ("Xuống", "Down"),
    "key.up": ("Lên", "Up"),
    "key.first": ("Đầu", "First"),
    "key.last": ("Cuối", "Last"),
    "review.prompt.edit": ("Sửa dòng (cú pháp ghi: + ! > = # @ ^) — Enter lưu, Esc bỏ", "Edit the line (notes language) — Enter saves, Esc cancels"),
    "review.prompt.owners": ("Người/đơn vị: @chủ trì @phối hợp … — Enter lưu, để trống để bỏ", "Owners: @lead @other … — Enter saves, empty removes"),
    "review.prompt.deadline": ("Thời hạn: 31/01, 31/01/2027, tháng 02/2027, quý I … — Enter lưu", "Deadline: 31/01, 31/01/2027, tháng 02/2027, quý I … — Enter saves"),
    "review.prompt.add": ("Dòng mới sau dòng đang chọn — Enter lưu", "New line after the current one — Enter saves"),
    "review.prompt.section": ("Tên mục mới (## cho tiểu mục) — Enter lưu", "New section title (## for a sub-section) — Enter saves"),
    "review.prompt.split": ("Đặt con trỏ nơi cần tách rồi Enter", "Put the cursor where to split, then Enter"),
    "review.prompt.search": ("Tìm (không phân biệt hoa thường, dấu)", "Search (ignores case and accents)"),
    "review.prompt.owner_filter": ("Lọc theo người/đơn vị", "Filter by owner"),
    "review.filter": ("Lọc: {what} — {shown}/{total} dòng (Esc bỏ lọc)", "Filter: {what} — {shown}/{total} lines (Esc clears)"),
    "review.deadline_set": ("Thời hạn: hoàn thành {phrase}", "Deadline: {phrase}"),
    "review.deadline_unclear": ("Đã lưu “{typed}” nhưng chưa hiểu là ngày nào", "Saved “{typed}” but could not read a date"),
    "review.merged": ("Đã gộp hai dòng", "Lines merged"),
    "review.split": ("Đã tách dòng", "Line split"),
    "review.nothing_to_merge": ("Không có dòng nội dung kế tiếp để gộp", "No next content line to merge"),
    "review.no_problems": ("Không còn vấn đề nào", "No problems left"),
    "review.problems": ("{count} vấn đề", "{count} problems"),
    "review.pick_section": ("Chuyển tới mục (Enter)", "Move to section (Enter)"),
    "review.no_sections": ("Chưa có mục nào; tạo mục bằng phím s", "No sections yet; create one with s"),
    "review.marked": ("{count} dòng đang chọn", "{count} lines selected"),
    "review.empty": ("Cuộc họp chưa có dòng nào", "The meeting has no lines yet"),
    "help.screen.form": ("Biểu mẫu (thông tin họp, thiết lập, danh bạ)", "Forms (details, settings, directory)"),
    # forms
    "form.details": ("Thông tin cuộc họp — Ctrl+S lưu, Esc bỏ (nhiều mục cách nhau bằng ;)", "Meeting details — Ctrl+S saves, Esc cancels (separate several with ;)"),
    "form.settings": ("Thiết lập cơ quan — Ctrl+S lưu, Esc bỏ", "Office settings — Ctrl+S saves, Esc cancels"),
    "form.directory": ("Danh bạ — Ctrl+S lưu, Esc bỏ", "Directory — Ctrl+S saves, Esc cancels"),
    "form.directory_help": (
        "Mỗi dòng “viết tắt = Tên đầy đủ” (gõ @viết tắt khi ghi); dòng không có “=” là tên đã biết.",
        "One “alias = Full name” per line (type @alias in capture); lines without “=” are known names.",
    ),
    "form.bad_date": ("Ngày “{value}” không hợp lệ; gõ dạng 12/01/2027.", "“{value}” is not a date; type 12/01/2027."),
    "form.bad_language": ("Ngôn ngữ phải là một trong: {choices}.", "Language must be one of: {choices}."),
    "form.bad_theme": ("Giao diện phải là một trong: {choices}.", "Theme must be one of: {choices}."),
    "form.bad_closing": ("Câu kết không được để trống.", "The closing sentence cannot be empty."),
    "form.bad_alias": ("Dòng {number}: viết “viết tắt = Tên đầy đủ”, viết tắt liền không dấu cách.", "Line {number}: write “alias = Full name”, alias without spaces."),
    "form.language_later": ("Ngôn ngữ mới áp dụng khi mở lại minutes-tui.", "The new language applies when minutes-tui is restarted."),
    "setting.parent_body": ("Cơ quan chủ quản (dòng trên)", "Parent body (top line)"),
    "setting.issuer": ("Cơ quan ban hành", "Issuing body"),
    "setting.code": ("Ký hiệu (ví dụ TB-HĐND)", "Code (e.g. TB-HĐND)"),
    "setting.place_name": ("Địa danh (dòng ngày tháng)", "Place name (date line)"),
    "setting.authority": ("Thẩm quyền ký (TL., TM., KT. …)", "Signing authority (TL., TM., KT. …)"),
    "setting.signer_title": ("Chức vụ người ký", "Signer's title"),
    "setting.signer_name": ("Họ tên người ký", "Signer's name"),
    "setting.announcer": ("Cơ quan thông báo", "Announcing office"),
    "setting.recipients": ("Nơi nhận mặc định (cách nhau bằng ;)", "Default recipients (separated by ;)"),
    "setting.archive_code": ("Lưu (VT)", "Archive code (VT)"),
    "setting.closing": ("Câu kết ({body}, {announcer})", "Closing sentence ({body}, {announcer})"),
    "setting.date_line": (
        "Dòng ngày tháng (để trống: ngày xuất; “trống”: để ghi tay hoặc hệ thống điền)",
        "Date line (empty: the export day; “trống”: left blank for the hand or the e-office)",
    ),
    "setting.pdf_a": ("PDF/A-2b khi xuất PDF (“có” hoặc để trống)", "PDF/A-2b when exporting a PDF (“có” or empty)"),
    "preset.signer.tl": ("TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG (by order)"),
    "preset.signer.tl_warning": (
        "Chỉ dùng khi quy chế làm việc giao Chánh Văn phòng ký thừa lệnh Chủ tịch.",
        "Use only where the working rules let the office head sign by order of the chairman.",
    ),
    "preset.signer.kt": ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (deputy signs)"),
    "preset.signer.tm": ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (on behalf of)"),
    "setting.language": ("Ngôn ngữ giao diện (vi, en)", "UI language (vi, en)"),
    "setting.theme": ("Giao diện màu", "Theme"),
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
