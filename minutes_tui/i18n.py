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
    # task register: states for a day (core.tasks.State) and stored statuses (core.followup.Status)
    "task.state.done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "task.state.done_late": ("Hoàn thành quá hạn", "Done late"),
    "task.state.overdue": ("Quá hạn", "Overdue"),
    "task.state.overdue_days": ("Quá hạn {days} ngày", "Overdue by {days} days"),
    "task.state.due_soon": ("Sắp đến hạn", "Due soon"),
    "task.state.in_time": ("Trong hạn", "In time"),
    "task.state.no_deadline": ("Không có thời hạn / thường xuyên", "No deadline / ongoing"),
    "task.state.paused": ("Tạm dừng", "Paused"),
    "task.state.cancelled": ("Không thực hiện", "Cancelled"),
    "task.status.not_started": ("Chưa thực hiện", "Not started"),
    "task.status.in_progress": ("Đang thực hiện", "In progress"),
    "task.status.done": ("Hoàn thành", "Done"),
    "task.status.paused": ("Tạm dừng", "Paused"),
    "task.status.cancelled": ("Không thực hiện", "Cancelled"),
    # app-wide actions
    "key.help": ("Trợ giúp", "Help"),
    "key.help_question": ("Trợ giúp (khi không ở ô nhập chữ)", "Help (outside a text field)"),
    "key.quit": ("Thoát", "Quit"),
    "key.palette": ("Bảng lệnh", "Commands"),
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
    "meetings.reading": ("Đang đọc lại các cuộc họp để dựng mục lục… {done}/{total}", "Reading the meetings again to rebuild the index… {done}/{total}"),
    "meetings.wait": ("Đang đọc danh sách cuộc họp, chờ một chút…", "Reading the meeting list, one moment…"),
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
    "capture.setting_set": ("Đã lưu thiết lập “{name}”: {value}", "Setting “{name}” saved: {value}"),
    "capture.alias_set": ("Viết tắt @{alias} = {full}", "Alias @{alias} = {full}"),
    "capture.pasted": ("Đã ghi {count} dòng dán vào", "Recorded {count} pasted lines"),
    "capture.paste_problems": (
        "Đã ghi {recorded} dòng dán vào; {count} dòng có lỗi được giữ lại: sửa dòng trong ô nhập rồi Enter, dòng sau sẽ hiện tiếp",
        "Recorded {recorded} pasted lines; {count} had problems and are kept: fix the one in the input and press Enter, the next follows",
    ),
    "capture.next_rejected": (
        "Dòng dán có lỗi tiếp theo (còn {left} dòng sau): sửa rồi Enter",
        "Next pasted line with a problem ({left} more after it): fix it and press Enter",
    ),
    "capture.draft_restored": (
        "Đã khôi phục dòng đang gõ dở lần trước",
        "The line you were typing last time is back",
    ),
    "capture.long_line": ("Dòng dài {chars} ký tự đã được lưu thẳng", "A {chars}-character line was saved directly"),
    "capture.undone": ("Đã hoàn tác", "Undone"),
    "capture.redone": ("Đã làm lại", "Redone"),
    "capture.nothing_to_undo": ("Không còn gì để hoàn tác", "Nothing to undo"),
    "capture.nothing_to_redo": ("Không còn gì để làm lại", "Nothing to redo"),
    "capture.checkpoint_failed": (
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
    "help.keys_here": ("Phím tắt — {screen}", "Keys — {screen}"),
    "help.keys_elsewhere": ("Phím tắt ở các màn hình khác", "Keys of the other screens"),
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
    # notice screen
    "notice.stale": (
        "Ghi chép đã thay đổi sau lần soạn trước — nhấn r để soạn lại thông báo.",
        "The notes changed since the last compile — press r to recompile.",
    ),
    "notice.conflicts": (
        "{count} đoạn sửa tay chưa áp dụng vì ghi chép gốc đã đổi; hãy chọn giữ hay bỏ",
        "{count} hand edits not applied because their source lines changed; choose to keep or drop them",
    ),
    "notice.compiling": ("Đang soạn thông báo…", "Compiling the notice…"),
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
    "key.export_short": (".docx", ".docx"),
    "key.export_pdf_short": ("PDF", "PDF"),
    "key.export_record_short": ("Biên bản", "Record"),
    "key.capture": ("Ghi", "Capture"),
    "key.save": ("Lưu", "Save"),
    "key.cancel": ("Bỏ", "Cancel"),
    # review
    "key.edit": ("Sửa", "Edit"),
    "key.owners": ("Người làm", "Owners"),
    "key.deadline": ("Thời hạn", "Deadline"),
    "key.add_line": ("Thêm dòng", "Add line"),
    "key.new_section": ("Mục mới", "New section"),
    "key.move_up": ("Chuyển dòng lên", "Move line up"),
    "key.move_down": ("Chuyển dòng xuống", "Move line down"),
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
    "key.page_down": ("Trang sau", "Page down"),
    "key.page_up": ("Trang trước", "Page up"),
    "key.group.tags": ("Nhãn", "Tag"),
    "key.back_review": ("Bỏ chọn, bỏ lọc, rồi về danh sách", "Clear selection, then filter, then back to the list"),
    "key.close_checks": ("Đóng kiểm tra", "Close checks"),
    "review.deadline_phrase": ("  → hoàn thành {phrase}", "  → due {phrase}"),
    "review.deleted": ("Đã xóa {count} dòng — {undo} để hoàn tác", "{count} lines deleted — {undo} to undo"),
    "review.moved_to_section": ("Đã chuyển {count} dòng tới mục {section}", "{count} lines moved to {section}"),
    "review.already_in_section": ("Dòng đã ở trong mục {section}", "Already in {section}"),
    "review.not_a_line": (
        "Lệnh /… chỉ dùng khi ghi; ở đây gõ một dòng nội dung",
        "/commands work in capture; type a line of content here",
    ),
    # command palette (Ctrl+P)
    "palette.placeholder": ("Tìm lệnh (gõ không dấu cũng được)…", "Search for commands…"),
    "palette.themes_placeholder": ("Tìm giao diện màu…", "Search for themes…"),
    "palette.no_matches": ("Không có lệnh nào khớp", "No matches found"),
    "palette.theme": ("Đổi giao diện màu", "Change theme"),
    "palette.theme_help": ("Chọn một bảng màu khác cho ứng dụng", "Pick another colour theme"),
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
    "review.split": ("Đã tách dòng; phần sau là ghi chú — {keys} để gắn nhãn", "Line split; the second part is a note — {keys} to tag it"),
    "review.nothing_to_merge": ("Không có dòng nội dung kế tiếp để gộp", "No next content line to merge"),
    "review.no_problems": ("Không còn vấn đề nào", "No problems left"),
    "review.problems": ("{count} vấn đề", "{count} problems"),
    "review.pick_section": ("Chuyển tới mục (Enter)", "Move to section (Enter)"),
    "review.no_sections": ("Chưa có mục nào; tạo mục bằng phím {keys}", "No sections yet; create one with {keys}"),
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
    "setting.export_folder": ("Thư mục lưu tệp xuất (để trống: Tài liệu/minutes-tui)", "Export folder (empty: Documents/minutes-tui)"),
    "setting.language": ("Ngôn ngữ giao diện (vi, en)", "UI language (vi, en)"),
    "setting.theme": ("Giao diện màu", "Theme"),
    "setting.tag_keys": ("Phím gắn nhãn: f (F2–F6) hoặc alt (Alt+1…5)", "Tag keys: f (F2–F6) or alt (Alt+1…5)"),
    "form.bad_tag_keys": ("Phím gắn nhãn phải là một trong: {choices}.", "Tag keys must be one of: {choices}."),
    # short names of the settings, in messages
    "setting_name.parent_body": ("cơ quan chủ quản", "parent body"),
    "setting_name.issuer": ("cơ quan ban hành", "issuing body"),
    "setting_name.code": ("ký hiệu", "code"),
    "setting_name.place_name": ("địa danh", "place name"),
    "setting_name.authority": ("thẩm quyền ký", "signing authority"),
    "setting_name.signer_title": ("chức vụ người ký", "signer's title"),
    "setting_name.signer_name": ("họ tên người ký", "signer's name"),
    "setting_name.announcer": ("cơ quan thông báo", "announcing office"),
    "setting_name.recipients": ("nơi nhận mặc định", "default recipients"),
    "setting_name.archive_code": ("nơi lưu", "archive code"),
    "setting_name.closing": ("câu kết", "closing sentence"),
    "setting_name.language": ("ngôn ngữ giao diện", "UI language"),
    "setting_name.theme": ("giao diện màu", "theme"),
    "setting_name.tag_keys": ("phím gắn nhãn", "tag keys"),
    "cli.help.export_date": ("ngày ghi ở dòng ngày tháng (mặc định: hôm nay)", "the date printed in the date line (default: today)"),
    "cli.bad_date": ("“{value}” không phải ngày; gõ dạng 14/01/2027", "“{value}” is not a date; type 14/01/2027"),
    # reading a signed notice back
    "signed.missing": ("Không tìm thấy tệp {path}.", "File {path} not found."),
    "signed.not_a_file": ("{path} không phải một tệp.", "{path} is not a file."),
    "signed.unreadable": ("Không đọc được {path}: {reason}.", "Cannot read {path}: {reason}."),
    "signed.too_big": ("Tệp {path} quá lớn (trên {mb} MB) để là một thông báo.", "{path} is too big (over {mb} MB) to be a notice."),
    "signed.encrypted": (
        "Tệp {path} được đặt mật khẩu; hãy lưu lại không mật khẩu rồi thử lại.",
        "{path} is password-protected; save it without a password and try again.",
    ),
    "signed.not_docx": ("{path} không phải tệp Word (.docx).", "{path} is not a Word (.docx) file."),
    "signed.damaged": ("Tệp Word {path} bị hỏng, không đọc được.", "The Word file {path} is damaged and cannot be read."),
    "setting.export_access": ("Quyền đọc tệp xuất (private: chỉ mình bạn; shared: theo hệ thống)", "Who may read exports (private: only you; shared: system default)"),
}

# Messages of the store, the services and the command line (issue #10: every one through tr()).
MESSAGES: dict[str, tuple[str, str]] = {
    # store: errors
    "store.locked": (
        "Dữ liệu ở {root} đang được một minutes-tui khác sử dụng{who}. Hãy đóng cửa sổ đó trước, hoặc dùng --data để chọn thư mục khác.",
        "The data in {root} is in use by another minutes-tui{who}. Close that window first, or choose another folder with --data.",
    ),
    "store.locked_by": (" (tiến trình {pid})", " (process {pid})"),
    "store.corrupt": ("Tệp {path} bị hỏng ({reason}){kept}.", "The file {path} is damaged ({reason}){kept}."),
    "store.kept_as": ("; bản hỏng được giữ lại ở {name}", "; the damaged file is kept as {name}"),
    "store.reason.empty": ("tệp rỗng", "empty file"),
    "store.reason.utf8": ("không phải UTF-8", "not UTF-8"),
    "store.reason.json": ("không đọc được JSON", "not valid JSON"),
    "store.reason.nesting": ("lồng quá sâu", "nested too deeply"),
    "store.reason.shape": ("sai cấu trúc", "wrong structure"),
    "store.reason.missing": ("tệp đã bị xoá", "the file was deleted"),
    "store.reason.notice": ("phiên bản thông báo không đọc được", "unreadable notice version"),
    "store.reason.edits": ("không đọc được các đoạn đã sửa", "unreadable paragraph edits"),
    "store.unsafe_file": (
        "Tệp {path} là {kind}, không phải tệp dữ liệu thường; minutes-tui không đọc cũng không ghi nó. Hãy kiểm tra rồi xoá hoặc thay bằng tệp thật.",
        "{path} is {kind}, not a regular data file; minutes-tui neither reads nor writes it. Check it, then remove it or put the real file back.",
    ),
    "store.file_kind.link": ("một liên kết (symlink)", "a symbolic link"),
    "store.file_kind.directory": ("một thư mục", "a directory"),
    "store.file_kind.fifo": ("một FIFO", "a FIFO"),
    "store.file_kind.device": ("một thiết bị", "a device"),
    "store.file_kind.socket": ("một socket", "a socket"),
    "store.file_kind.other": ("một loại tệp đặc biệt", "a special file"),
    "store.unreadable": ("Không đọc được tệp {path}: {reason}.", "Cannot read {path}: {reason}."),
    "store.future_schema": (
        "Tệp {path} được tạo bởi phiên bản minutes-tui mới hơn (lược đồ {version}); hãy cập nhật minutes-tui.",
        "{path} was written by a newer minutes-tui (schema {version}); please update minutes-tui.",
    ),
    "store.write_failed": (
        "Không ghi được vào {path}: {reason}. Dòng vẫn còn trong ô nhập, chưa mất.",
        "Could not write to {path}: {reason}. The line is still in the input, not lost.",
    ),
    "store.file_changed": (
        "Tệp {path} đã bị một chương trình khác thay đổi; minutes-tui không ghi đè. Các dòng vẫn an toàn trong nhật ký.",
        "{path} was changed by another program; minutes-tui does not overwrite it. The lines are safe in the journal.",
    ),
    "store.readonly": ("Dữ liệu đang mở ở chế độ chỉ đọc.", "The data is open read-only."),
    "store.folder_unreadable": ("Không đọc được thư mục {path}: {reason}.", "Cannot read the folder {path}: {reason}."),
    "store.meeting_missing": ("Không tìm thấy cuộc họp {id} ({path}).", "Meeting {id} not found ({path})."),
    "store.checkpoint_later": (
        "Chưa cập nhật được tệp {name} ({reason}); các dòng vẫn an toàn trong nhật ký.",
        "Could not update {name} yet ({reason}); the lines are safe in the journal.",
    ),
    "store.no_backup": ("(không có bản sao lưu dùng được)", "(no usable backup)"),
    "store.recovered": (
        "Đã khôi phục cuộc họp từ {source} và nhật ký ({changes} thay đổi được áp dụng lại): {lines} dòng.",
        "The meeting was recovered from {source} and the journal ({changes} changes replayed): {lines} lines.",
    ),
    "store.recovered_readonly": (
        "Đang xem bản khôi phục từ {source} và nhật ký ({changes} thay đổi): {lines} dòng; tệp sẽ được sửa khi cuộc họp được mở để ghi.",
        "Showing the state recovered from {source} and the journal ({changes} changes): {lines} lines; the file is repaired when the meeting is opened for writing.",
    ),
    "store.mended": (
        "Tệp {path} có {count} mục sai dạng; đã giữ lại mọi nội dung đọc được và sửa phần còn lại{kept}.",
        "{path} had {count} records of the wrong shape; everything readable was kept and the rest mended{kept}.",
    ),
    "store.journal_damaged": (
        "Nhật ký {name} có {count} bản ghi hỏng, đã bỏ qua; các bản ghi còn lại đã được áp dụng{kept}.",
        "The journal {name} had {count} damaged records, skipped; the other records were replayed{kept}.",
    ),
    "store.history_damaged": (
        "Bước hoàn tác này không còn khớp với cuộc họp (lịch sử hỏng) và đã được bỏ; cuộc họp không thay đổi.",
        "This undo step no longer fits the meeting (damaged history) and was dropped; the meeting is unchanged.",
    ),
    "store.draft_unreadable": ("Không đọc được dòng đang gõ dở ({name}).", "The half-typed line ({name}) could not be read."),
    "store.cannot_create_dir": ("Không tạo được thư mục dữ liệu {path}: {reason}.", "Cannot create the data folder {path}: {reason}."),
    "store.cannot_lock": (
        "Không ghi được vào thư mục dữ liệu {path}: {reason}. Hãy chọn thư mục khác bằng --data.",
        "Cannot write to the data folder {path}: {reason}. Choose another folder with --data.",
    ),
    "store.dir_shared": (
        "Thư mục dữ liệu {path} cho phép người khác ghi vào (quyền {mode}); nên dùng thư mục chỉ mình bạn truy cập.",
        "The data folder {path} can be written by others (mode {mode}); a folder only you can access is safer.",
    ),
    "store.moved_aside": ("Đã chuyển sang tên {name}.", "Moved aside as {name}."),
    "store.settings_fallback": (
        "Thiết lập không hợp lệ trong {path}: {names}; đã dùng giá trị mặc định.",
        "Invalid settings in {path}: {names}; the defaults are used.",
    ),
    "store.directory_fallback": (
        "Danh bạ trong {path} có mục sai dạng; đã bỏ các mục đó.",
        "The owner directory in {path} had entries of the wrong shape; they were dropped.",
    ),
    "store.index_rebuilt": (
        "Mục lục {path} có dòng sai dạng; đã dựng lại từ các cuộc họp.",
        "The index {path} had rows of the wrong shape; rebuilt from the meetings.",
    ),
    "store.no_meetings": ("Chưa có cuộc họp nào.", "There are no meetings yet."),
    "store.no_such_meeting": ("Không có cuộc họp “{ref}”. Xem danh sách bằng: minutes-tui list", "No meeting “{ref}”. See the list with: minutes-tui list"),
    "store.ambiguous_meeting": ("“{ref}” khớp nhiều cuộc họp ({matches}); gõ thêm ký tự.", "“{ref}” matches several meetings ({matches}); type more characters."),
    # command line
    "cli.description": (
        "Ghi biên bản họp và soạn Thông báo kết luận (NĐ 30).",
        "Take live meeting notes and draft the conclusion notice (Decree 30/2020).",
    ),
    "cli.commands": ("lệnh", "commands"),
    "cli.see_help": ("xem: minutes-tui --help", "see: minutes-tui --help"),
    "cli.help.version": ("in phiên bản rồi thoát", "show the version and exit"),
    "cli.help.data": (
        "thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng; hoặc $MINUTES_TUI_DATA)",
        "data folder (default: the user data folder, or $MINUTES_TUI_DATA)",
    ),
    "cli.help.lang": ("ngôn ngữ giao diện: vi (mặc định) hoặc en", "interface language: vi (default) or en"),
    "cli.help.demo": ("mở một cuộc họp mẫu trong thư mục dữ liệu tạm", "open a demo meeting in a throw-away data folder"),
    "cli.help.new": ("bắt đầu cuộc họp mới", "start a new meeting"),
    "cli.help.import": ("tạo cuộc họp từ tệp ghi chép; in mã cuộc họp", "create a meeting from a notes file; prints its id"),
    "cli.help.import_file": ("tệp ghi chép (UTF-8, tối đa 10.000 dòng)", "the notes file (UTF-8, at most 10,000 lines)"),
    "cli.help.list": ("liệt kê cuộc họp: mã, ngày, tên, số kết quả/tồn tại/nhiệm vụ", "list meetings: id, date, title, findings/shortcomings/tasks"),
    "cli.help.export": ("xuất Thông báo kết luận (.docx) hoặc biên bản", "export the conclusion notice (.docx) or the record"),
    "cli.help.meeting": ("mã cuộc họp (hoặc vài ký tự đầu) hoặc 'last'", "meeting id (or its first characters) or 'last'"),
    "cli.help.out": (
        "tệp .docx đích, hoặc thư mục để ghi vào, hoặc - để ghi ra stdout",
        "the .docx to write, or a folder to write into, or - for stdout",
    ),
    "cli.help.pdf": ("xuất thêm PDF (cần LibreOffice)", "also export a PDF (needs LibreOffice)"),
    "cli.help.record": ("xuất biên bản thay vì thông báo", "export the full record (minutes) instead of the notice"),
    "cli.help.force": ("ghi đè tệp đã có", "overwrite an existing file"),
    "cli.empty_data": ("--data cần một thư mục, không để trống.", "--data needs a folder; it cannot be empty."),
    "cli.empty_out": ("--out cần một tệp, một thư mục hoặc -, không để trống.", "--out needs a file, a folder or -; it cannot be empty."),
    "cli.stdout_pdf": ("--out - ghi một tệp .docx ra stdout; không dùng kèm --pdf.", "--out - writes one .docx to stdout; it cannot be used with --pdf."),
    "cli.stdout_tty": (
        "--out - ghi tệp .docx (nhị phân) ra stdout; hãy chuyển hướng vào một tệp, ví dụ: > thong-bao.docx",
        "--out - writes a binary .docx to stdout; redirect it to a file, e.g. > notice.docx",
    ),
    "cli.no_archive": (
        "Không có dữ liệu minutes-tui ở {path} (kiểm tra lại --data).",
        "There is no minutes-tui archive in {path} (check --data).",
    ),
    "cli.crash": ("lỗi không mong muốn: {error}. Báo cáo: {report}", "unexpected error: {error}. Report: {report}"),
    "cli.conflicts": (
        "{count} đoạn sửa tay không áp dụng vì ghi chép đã đổi; mở màn hình Thông báo để chọn giữ hay bỏ.",
        "{count} hand edits were not applied because the notes changed; open the Notice screen to keep or drop them.",
    ),
    "cli.demo_data": ("dữ liệu mẫu ở {path} (xoá khi thoát)", "demo data in {path} (removed on exit)"),
    # services: export
    "export.exists": ("Tệp {path} đã có; dùng --force để ghi đè.", "{path} already exists; use --force to overwrite it."),
    "export.cannot_create_dir": ("Không tạo được thư mục {path}: {reason}.", "Cannot create the folder {path}: {reason}."),
    "export.cannot_write": ("Không ghi được {path}: {reason}.", "Cannot write {path}: {reason}."),
    # render: PDF
    "pdf.no_libreoffice": (
        "Chưa cài LibreOffice nên không xuất được PDF (cài gói libreoffice-writer); tệp .docx vẫn dùng được.",
        "LibreOffice is not installed, so no PDF (install libreoffice-writer); the .docx is fine.",
    ),
    "pdf.failed": ("LibreOffice không chuyển được sang PDF: {error}.", "LibreOffice could not convert to PDF: {error}."),
    "pdf.no_output": (
        "LibreOffice không tạo ra tệp PDF; hãy mở tệp .docx và lưu thành PDF.",
        "LibreOffice produced no PDF; open the .docx and save it as PDF.",
    ),
    # services: notices
    "notices.nothing_to_edit": ("Chưa có thông báo để sửa; hãy soạn thông báo trước.", "There is no notice to edit yet; compile it first."),
    "notices.paragraph_gone": ("Đoạn này không còn trong thông báo; hãy soạn lại.", "This paragraph is no longer in the notice; compile it again."),
    # the notes language (core/parser.py): why a line was not taken
    "parse.sigil_only": ("Dòng chỉ có ký hiệu, chưa có nội dung.", "The line has a sign but no text yet."),
    "parse.bad_command": (
        "Không hiểu lệnh “{line}”. Gõ // ở đầu để ghi dòng bắt đầu bằng /.",
        "Unknown command “{line}”. Type // at the start to record a line that begins with /.",
    ),
    "parse.no_setting": ("Không có thiết lập “{name}”. Các thiết lập: {known}.", "No setting “{name}”. Settings: {known}."),
    "parse.alias_syntax": (
        "Cú pháp: /alias <viết tắt> <tên đầy đủ>, ví dụ /alias vp Văn phòng thị xã",
        "Syntax: /alias <short> <full name>, e.g. /alias vp Town office",
    ),
    "parse.no_command": ("Không có lệnh /{name}. Các lệnh: /{known}, /set, /alias.", "No command /{name}. Commands: /{known}, /set, /alias."),
    "parse.needs_value": ("Lệnh /{name} cần một giá trị, ví dụ /{name} …", "The command /{name} needs a value, e.g. /{name} …"),
    "parse.bad_date": ("Ngày “{value}” không hợp lệ; gõ dạng 12/01/2022.", "“{value}” is not a valid date; type it as 12/01/2022."),
    # services: import
    "import.not_found": ("Không tìm thấy tệp {path}.", "File not found: {path}."),
    "import.is_dir": ("{path} là thư mục, không phải tệp ghi chép.", "{path} is a folder, not a notes file."),
    "import.not_regular": (
        "{path} không phải tệp thường (thiết bị, FIFO hay socket); hãy chọn một tệp văn bản.",
        "{path} is not a regular file (a device, FIFO or socket); choose a text file.",
    ),
    "import.unreadable": ("Không đọc được tệp {path}: {reason}.", "Cannot read {path}: {reason}."),
    "import.too_large": (
        "Tệp {path} quá lớn (trên {megabytes} MB) để là một tệp ghi chép.",
        "{path} is too large (over {megabytes} MB) to be a notes file.",
    ),
    "import.not_utf8": ("Tệp {path} không phải văn bản UTF-8; hãy lưu lại với mã UTF-8.", "{path} is not UTF-8 text; save it again as UTF-8."),
    "import.too_many_lines": (
        "Tệp có {count} dòng; một cuộc họp tối đa {limit} dòng. Hãy chia thành nhiều cuộc họp.",
        "The file has {count} lines; a meeting holds at most {limit} lines. Split it into several meetings.",
    ),
    "import.line_problem": ("dòng {number}: {message}", "line {number}: {message}"),
    "settings.bad_choice": ("Thiết lập {name} không nhận “{value}”; chọn một trong: {choices}.", "The setting {name} does not take “{value}”; choose one of: {choices}."),
}
STRINGS.update(MESSAGES)


#: argparse's own messages (it calls gettext's ``_``; the CLI points that at
#: :func:`argparse_text`). English is argparse's own text.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tuỳ chọn",
    "show this help message and exit": "in trợ giúp này rồi thoát",
    "show program's version number and exit": "in phiên bản rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "tuỳ chọn mơ hồ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unexpected option string: %s": "tuỳ chọn không mong đợi: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "subcommands": "lệnh",
}


def argparse_text(message: str | None) -> str | None:
    """argparse's message ``message`` in the current language."""
    if message is None or _language != "vi":
        return message
    return ARGPARSE_VI.get(message, message)


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
