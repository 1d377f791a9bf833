"""Command line (DESIGN.md, stable): scripts and tests rely on it.

    minutes-tui [--data DIR] [--lang vi|en] [--demo]      the app, on the meeting list
    minutes-tui new                                        a new meeting, cursor in capture
    minutes-tui import FILE                                prints the new meeting's id
    minutes-tui list                                       id, date, title, F S T counts
    minutes-tui export MEETING [--out F] [--pdf] [--record] [--force]

Every failure is one line on stderr and a non-zero exit; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import NoReturn
from collections.abc import Sequence

from minutes_tui import __version__
from minutes_tui.crash import write_crash_report
from minutes_tui.errors import UserError
from minutes_tui.i18n import LANGUAGES, set_language
from minutes_tui.locations import crash_dir, data_dir, exports_dir
from minutes_tui.store import Archive, DataLocked

EXIT_FAILURE = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One clear line instead of argparse's usage block.
        self.exit(EXIT_USAGE, f"minutes-tui: {message} (xem: minutes-tui --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="minutes-tui", description="Ghi biên bản họp và soạn Thông báo kết luận (NĐ 30).")
    parser.add_argument("--version", action="version", version=f"minutes-tui {__version__}")
    parser.add_argument("--data", metavar="DIR", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng; hoặc $MINUTES_TUI_DATA)")
    parser.add_argument("--lang", choices=LANGUAGES, help="ngôn ngữ giao diện: vi (mặc định) hoặc en")
    parser.add_argument("--demo", action="store_true", help="mở một cuộc họp mẫu trong thư mục dữ liệu tạm")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    commands.add_parser("new", help="bắt đầu cuộc họp mới")
    importing = commands.add_parser("import", help="tạo cuộc họp từ tệp ghi chép; in mã cuộc họp")
    importing.add_argument("file", type=Path)
    commands.add_parser("list", help="liệt kê cuộc họp: mã, ngày, tên, số kết quả/tồn tại/nhiệm vụ")
    export = commands.add_parser("export", help="xuất Thông báo kết luận (.docx) hoặc biên bản")
    export.add_argument("meeting", help="mã cuộc họp (hoặc vài ký tự đầu) hoặc 'last'")
    export.add_argument("--out", type=Path, help="tệp .docx đích")
    export.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    export.add_argument("--record", action="store_true", help="xuất biên bản thay vì thông báo")
    export.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root = data_dir(args.data)
    try:
        if args.demo:
            root = make_demo(Path(args.data) if args.data else None)
        return run(args, root)
    except UserError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # last resort: a report file, never a traceback
        report = write_crash_report(crash_dir(root), error)
        return fail(f"lỗi không mong muốn: {error!r}. Báo cáo: {report or '—'}")


def fail(message: str) -> int:
    print(f"minutes-tui: {message}", file=sys.stderr)
    return EXIT_FAILURE


def run(args: argparse.Namespace, root: Path) -> int:
    command = args.command
    if command == "list":
        with Archive(root, readonly=True) as archive:
            for line in list_lines(archive):
                print(line)
            warn(archive.warnings)
        return 0
    if command == "import":
        from minutes_tui.services.importing import import_notes, read_notes_file

        text = read_notes_file(args.file)
        with Archive(root) as archive:
            result = import_notes(archive, text)
            result.store.close()
            warn(archive.warnings + result.problems)
            print(result.store.id)
        return 0
    if command == "export":
        return export(args, root)
    return run_app(args, root, new=command == "new")


def list_lines(archive: Archive) -> list[str]:
    """One meeting a line; the last three columns are findings, shortcomings, tasks."""
    from minutes_tui.core.dates import dmy, parse_date
    from minutes_tui.core.model import Kind

    lines = []
    for summary in archive.list():
        parsed = parse_date(summary.date) if summary.date else None
        date = dmy(parsed) if parsed else "-"
        title = " ".join((summary.title or "-").split())
        counts = (summary.count(Kind.FINDING), summary.count(Kind.SHORTCOMING), summary.count(Kind.TASK))
        lines.append(f"{summary.id}  {date}  {title}  {counts[0]} {counts[1]} {counts[2]}")
    return lines


def export(args: argparse.Namespace, root: Path) -> int:
    from minutes_tui.services.export import export_meeting

    try:
        archive = Archive(root).open()
    except DataLocked:
        archive = Archive(root, readonly=True).open()  # the app is open: export without storing
    try:
        store = archive.open_meeting(archive.resolve(args.meeting))
        try:
            exported = export_meeting(store, archive.settings, args.out, folder=exports_dir(archive.settings.export_folder),
                                      pdf=args.pdf, record=args.record, force=args.force)
        finally:
            if not store.readonly:
                store.close()
        warn(archive.warnings + store.warnings + store.notices.warnings)
        if exported.conflicts:
            warn([f"{len(exported.conflicts)} đoạn sửa tay không áp dụng vì ghi chép đã đổi; "
                  "mở màn hình Thông báo để chọn giữ hay bỏ."])
        for path in exported.files:
            print(path)
    finally:
        archive.close()
    return 0


def run_app(args: argparse.Namespace, root: Path, *, new: bool = False, open_meeting: str | None = None) -> int:
    archive = Archive(root).open()
    try:
        set_language(args.lang or archive.settings.language or "vi")
        from minutes_tui.tui.app import MinutesApp  # after the language is set

        if args.demo and not new:
            open_meeting = archive.resolve("last")
        app = MinutesApp(archive, open_meeting=open_meeting, new=new)
        app.run()
        return app.return_code or 0
    finally:
        archive.close()


def make_demo(parent: Path | None) -> Path:
    """A throw-away data dir holding the demo meeting."""
    from minutes_tui.services.importing import import_notes

    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="minutes-tui-demo-", dir=parent))
    text = resources.files("minutes_tui.demo").joinpath("demo_meeting.txt").read_text(encoding="utf-8")
    with Archive(root) as archive:
        import_notes(archive, text).store.close()
    print(f"minutes-tui: dữ liệu mẫu ở {root}", file=sys.stderr)
    return root


def warn(messages: list[str]) -> None:
    for message in messages:
        print(f"minutes-tui: {message}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
